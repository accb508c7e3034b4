/**
 * The workbook port on Office.js: each method is one Excel.run (excelRun.ts) with a
 * small, fixed number of context.sync() calls however large the tables; content above the
 * per-sync budget goes in extra batches (batches.ts), so the batch count is the only
 * growth. The work itself lives by concern: table reads (tableReads.ts, windowedReads.ts),
 * table writes (tableWrites.ts), generated sheets (writeSheet.ts, sheetOps.ts) and the
 * custom XML parts (customXmlParts.ts). See docs/bindings-storage.md for the sync budget
 * of each method.
 */
import type { SheetGrid } from "../../domain/grid";
import type { RawTable, RawTableRows, SheetLayout } from "../../domain/types";
import { parseRange, tableNameProblem, sheetOf, withoutSheet } from "../../domain/a1";
import {
  WorkbookError,
  type Bindings,
  type ColumnValidation,
  type NewTableSpec,
  type TableChange,
  type TableInfo,
  type Workbook,
  type WriteResult,
} from "../port";
import { planSheet } from "../sheetPlan";
import { planNewTable, planValidation } from "../validationRules";
import { gridOps, sendInBatches, type Budget } from "./batches";
import { readTableRows, tableChangeOf, type TablePlace } from "./changedRows";
import * as parts from "./customXmlParts";
import { DEFAULT_TIMEOUT_MS, type ErrorContext } from "./errors";
import {
  officeRunner,
  runBatch,
  watchTables,
  type Batch,
  type ExcelRunner,
  type RunSettings,
  type SlowSyncListener,
} from "./excelRun";
import { isExcelApiSupported, OPTIONAL_EXCEL_API } from "./requirements";
import { readSheetGrids } from "./sheetGrids";
import { TableShapes, listTables, readTables } from "./tableReads";
import { applyValidation, convertSelectionToTable, createTable } from "./tableWrites";
import { writeSheet, type SheetWriteEnv, type SheetWriteOptions } from "./writeSheet";
import { officeSelfTestHost, runExcelSelfTest, type SelfTestHost } from "./selfTest";
import type { SelfTestProbe, SelfTestReadBack } from "../selfTestProbe";

export interface ExcelWorkbookOptions {
  runner?: ExcelRunner;
  /** Time a sync may take before `onSlow` hears of it (default 30 s); the run waits on. */
  timeoutMs?: number;
  /** Told when a sync is slow and when it came back (the task pane shows "Excel is slow"). */
  onSlow?: SlowSyncListener;
  /** Request budget per sync (default 4 MB: under Excel on the web's 5 MB). */
  maxBatchBytes?: number;
  /** Rows of cell content per sync (default 20,000). */
  maxBatchRows?: number;
  /** First guess of response bytes per cell read (values + number format), used only until
   * a read measured the real size (default 64). */
  readBytesPerCell?: number;
  /** ExcelApi support check (default Office.context.requirements). */
  supports?: (version: string) => boolean;
  now?: () => Date;
  /** Office.context's requirement sets and diagnostics, for the self-test (default Office's). */
  selfTestHost?: () => SelfTestHost;
}

export class ExcelWorkbook implements Workbook {
  private readonly settings: RunSettings;
  private readonly budget: Budget;
  private readonly shapes: TableShapes;
  private readonly sheetEnv: SheetWriteEnv;
  /** Where each table's header row was when last read, to place change events. */
  private readonly places = new Map<string, TablePlace>();
  private readonly selfTestHost: () => SelfTestHost;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.settings = {
      runner: options.runner ?? officeRunner,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(options.onSlow ? { onSlow: options.onSlow } : {}),
    };
    this.budget = {
      maxBytes: options.maxBatchBytes ?? 4_000_000,
      maxRows: options.maxBatchRows ?? 20_000,
    };
    this.selfTestHost = options.selfTestHost ?? officeSelfTestHost;
    this.shapes = new TableShapes(this.budget, options.readBytesPerCell ?? 64);
    this.sheetEnv = {
      budget: this.budget,
      // A new sheet's id is known only after the batch that also writes its mark, so the
      // mark gets the id with the next write of the marks.
      learnedIds: new Map(),
      supports: options.supports ?? isExcelApiSupported,
      now: options.now ?? (() => new Date()),
    };
  }

  /** A read: runs at once (in cell-edit mode it fails, with the cell-edit message). */
  private run<T>(what: string, where: ErrorContext, batch: Batch<T>): Promise<T> {
    return runBatch(this.settings, what, where, batch);
  }

  /** A write the person asked for: Excel holds it until they leave the cell they are editing. */
  private write<T>(what: string, where: ErrorContext, batch: Batch<T>): Promise<T> {
    return runBatch(this.settings, what, where, batch, { delayForCellEdit: true });
  }

  async listTables(): Promise<TableInfo[]> {
    const tables = await this.run("listTables", {}, (context) => listTables(context, this.shapes));
    for (const table of tables) {
      const rect = parseRange(table.address);
      if (rect) this.places.set(table.id, { row: rect.row, col: rect.col });
    }
    return tables;
  }

  async readTables(tableIds: string[]): Promise<RawTable[]> {
    const ids = [...new Set(tableIds)];
    if (ids.length === 0) return [];
    const tables = await this.run("readTables", { table: ids.join(", ") }, (context) =>
      readTables(context, ids, this.shapes, this.budget)
    );
    tables.forEach((table, i) => this.places.set(ids[i], { ...table.origin }));
    return tables;
  }

  /** Some rows of a table, with its header, place and size: one Excel.run, one sync for
   * rows within one sync's budget (row windows beyond). */
  async readTableRows(tableId: string, first: number, count: number): Promise<RawTableRows> {
    const rows = await this.run("readTableRows", { table: tableId }, (context) =>
      readTableRows(context, tableId, first, count, this.shapes, this.budget)
    );
    this.places.set(tableId, { ...rows.origin });
    return rows;
  }

  /** One sheet as a grid for table discovery (see sheetGrids.ts for the round trips). */
  async readSheetGrid(sheet: string): Promise<SheetGrid> {
    const [grid] = await this.readSheetGrids([sheet]);
    if (!grid) throw new WorkbookError("unknown", `no sheet named "${sheet}"`, { sheet });
    return grid;
  }

  /** Every sheet (or the named ones) as grids: 2 syncs, +1 or +2 where only some rows or
   * columns are hidden, + the cell windows (one for usual sizes). */
  readSheetGrids(sheets?: readonly string[]): Promise<SheetGrid[]> {
    const mergedAreas = this.sheetEnv.supports(OPTIONAL_EXCEL_API.mergedAreas);
    return this.run("readSheetGrids", { sheet: sheets?.join(", ") }, (context) =>
      readSheetGrids(context, sheets, this.budget, { mergedAreas })
    );
  }

  loadBindings(): Promise<Bindings> {
    return this.run("loadBindings", {}, (context) => parts.loadBindings(context));
  }

  async saveBindings(bindings: Bindings): Promise<void> {
    await this.write("saveBindings", {}, (context) => parts.saveBindings(context, bindings));
  }

  async createTable(spec: NewTableSpec): Promise<TableInfo> {
    const validationWrites = planNewTable(spec);
    return this.write(
      "createTable",
      { sheet: spec.sheet, table: spec.tableName },
      (context, syncs) =>
        createTable(context, syncs, spec, validationWrites, this.budget, this.shapes)
    );
  }

  async convertSelectionToTable(name: string): Promise<TableInfo> {
    const problem = tableNameProblem(name);
    if (problem)
      throw new WorkbookError("not-supported", `table name "${name}": ${problem}`, { table: name });
    return this.write("convertSelectionToTable", { table: name }, (context, syncs) =>
      convertSelectionToTable(context, syncs, name, this.shapes)
    );
  }

  async appendRows(tableId: string, rows: (string | number | boolean | null)[][]): Promise<void> {
    if (rows.length === 0) return;
    const grid = rows.map((row) => row.map((value) => value ?? ""));
    await this.write("appendRows", { table: tableId }, async (context) => {
      // Excel grows the table, shifts nothing outside it and carries the columns' number
      // formats and validation onto the new rows. One sync for what fits the budget; more
      // rows go in further batches, each halved and resent if Excel refuses it as too large.
      const table = context.workbook.tables.getItem(tableId);
      await sendInBatches(
        context,
        gridOps(grid, this.budget, (_start, slice) => table.rows.add(undefined, slice)),
        this.budget
      );
    });
  }

  async applyValidation(tableId: string, rules: ColumnValidation[]): Promise<void> {
    const validation = planValidation(rules);
    if (!validation.ok)
      throw new WorkbookError("not-supported", validation.problem, { table: tableId });
    await this.write("applyValidation", { table: tableId }, (context, syncs) =>
      applyValidation(context, syncs, tableId, validation.writes)
    );
  }

  async writeSheet(layout: SheetLayout, options: SheetWriteOptions = {}): Promise<WriteResult> {
    const planned = planSheet(layout);
    if (!planned.ok)
      throw new WorkbookError("not-supported", planned.problem, { sheet: layout.name });
    return this.write("writeSheet", { sheet: layout.name }, (context, syncs) =>
      writeSheet(context, syncs, planned.plan, layout, options, this.sheetEnv)
    );
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.write("selectCell", { sheet }, async (context) => {
      const target = context.workbook.worksheets.getItem(sheet);
      target.activate();
      target.getRange(cell).select();
      await context.sync();
    });
  }

  /** The Functions page's "insert": enters a formula in the active cell, as typing it
   * would (the user's explicit action; Excel's getActiveCell, ExcelApi 1.7). One sync. */
  insertIntoSelectedCell(formula: string): Promise<{ sheet: string; cell: string }> {
    return this.write("insertIntoSelectedCell", {}, async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.formulas = [[formula]];
      cell.load("address");
      await context.sync();
      const address = cell.address;
      return { sheet: sheetOf(address) ?? "", cell: withoutSheet(address) };
    });
  }

  onTablesChanged(
    tableIds: string[],
    handler: (tableId: string, change: TableChange) => void
  ): Promise<() => Promise<void>> {
    return watchTables(this.settings, [...new Set(tableIds)], (event) =>
      handler(event.tableId, tableChangeOf(event, this.places.get(event.tableId)))
    );
  }

  /** The Diagnostics self-test: a scratch sheet written, read back and removed, in five
   * syncs when nothing fails (./selfTest.ts). The person asked for it: a write. */
  runSelfTest(probe: SelfTestProbe): Promise<SelfTestReadBack> {
    return this.write("runSelfTest", { sheet: probe.sheet }, (context, syncs) =>
      runExcelSelfTest(context, syncs, probe, this.selfTestHost())
    );
  }
}
