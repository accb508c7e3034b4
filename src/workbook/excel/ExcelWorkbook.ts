/**
 * The workbook port on Office.js: each method is one Excel.run (excelRun.ts) with a
 * small, fixed number of context.sync() calls however large the tables; content above the
 * per-sync budget goes in extra batches (batches.ts), so the batch count is the only
 * growth. The work itself lives by concern: table reads (tableReads.ts, windowedReads.ts),
 * table writes (tableWrites.ts), generated sheets (writeSheet.ts, sheetOps.ts) and the
 * custom XML parts (customXmlParts.ts). See docs/bindings-storage.md for the sync budget
 * of each method.
 */
import type { RawTable, SheetLayout } from "../../domain/types";
import { tableNameProblem, sheetOf, withoutSheet } from "../../domain/a1";
import {
  WorkbookError,
  type Bindings,
  type ColumnValidation,
  type NewTableSpec,
  type TableInfo,
  type Workbook,
  type WriteResult,
} from "../port";
import { planSheet } from "../sheetPlan";
import { planNewTable, planValidation } from "../validationRules";
import type { Budget } from "./batches";
import * as parts from "./customXmlParts";
import { DEFAULT_TIMEOUT_MS, type ErrorContext } from "./errors";
import {
  officeRunner,
  runBatch,
  watchTables,
  type Batch,
  type ExcelRunner,
  type RunSettings,
} from "./excelRun";
import { isExcelApiSupported } from "./requirements";
import { TableShapes, listTables, readTables } from "./tableReads";
import { applyValidation, convertSelectionToTable, createTable } from "./tableWrites";
import { writeSheet, type SheetWriteEnv, type SheetWriteOptions } from "./writeSheet";

export interface ExcelWorkbookOptions {
  runner?: ExcelRunner;
  /** Watchdog per sync, reset at each (default 30 s); when it fires the run stops. */
  timeoutMs?: number;
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
}

export class ExcelWorkbook implements Workbook {
  private readonly settings: RunSettings;
  private readonly budget: Budget;
  private readonly shapes: TableShapes;
  private readonly sheetEnv: SheetWriteEnv;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.settings = {
      runner: options.runner ?? officeRunner,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
    this.budget = {
      maxBytes: options.maxBatchBytes ?? 4_000_000,
      maxRows: options.maxBatchRows ?? 20_000,
    };
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

  private run<T>(what: string, where: ErrorContext, batch: Batch<T>): Promise<T> {
    return runBatch(this.settings, what, where, batch);
  }

  listTables(): Promise<TableInfo[]> {
    return this.run("listTables", {}, (context) => listTables(context, this.shapes));
  }

  async readTables(tableIds: string[]): Promise<RawTable[]> {
    const ids = [...new Set(tableIds)];
    if (ids.length === 0) return [];
    return this.run("readTables", { table: ids.join(", ") }, (context) =>
      readTables(context, ids, this.shapes, this.budget)
    );
  }

  loadBindings(): Promise<Bindings> {
    return this.run("loadBindings", {}, (context) => parts.loadBindings(context));
  }

  async saveBindings(bindings: Bindings): Promise<void> {
    await this.run("saveBindings", {}, (context) => parts.saveBindings(context, bindings));
  }

  async createTable(spec: NewTableSpec): Promise<TableInfo> {
    const validationWrites = planNewTable(spec);
    return this.run("createTable", { sheet: spec.sheet, table: spec.tableName }, (context, syncs) =>
      createTable(context, syncs, spec, validationWrites, this.budget, this.shapes)
    );
  }

  async convertSelectionToTable(name: string): Promise<TableInfo> {
    const problem = tableNameProblem(name);
    if (problem)
      throw new WorkbookError("not-supported", `table name "${name}": ${problem}`, { table: name });
    return this.run("convertSelectionToTable", { table: name }, (context, syncs) =>
      convertSelectionToTable(context, syncs, name, this.shapes)
    );
  }

  async applyValidation(tableId: string, rules: ColumnValidation[]): Promise<void> {
    const validation = planValidation(rules);
    if (!validation.ok)
      throw new WorkbookError("not-supported", validation.problem, { table: tableId });
    await this.run("applyValidation", { table: tableId }, (context, syncs) =>
      applyValidation(context, syncs, tableId, validation.writes)
    );
  }

  async writeSheet(layout: SheetLayout, options: SheetWriteOptions = {}): Promise<WriteResult> {
    const planned = planSheet(layout);
    if (!planned.ok)
      throw new WorkbookError("not-supported", planned.problem, { sheet: layout.name });
    return this.run("writeSheet", { sheet: layout.name }, (context, syncs) =>
      writeSheet(context, syncs, planned.plan, layout, options, this.sheetEnv)
    );
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run("selectCell", { sheet }, async (context) => {
      const target = context.workbook.worksheets.getItem(sheet);
      target.activate();
      target.getRange(cell).select();
      await context.sync();
    });
  }

  /** The Functions page's "insert": enters a formula in the active cell, as typing it
   * would (the user's explicit action; Excel's getActiveCell, ExcelApi 1.7). One sync. */
  insertIntoSelectedCell(formula: string): Promise<{ sheet: string; cell: string }> {
    return this.run("insertIntoSelectedCell", {}, async (context) => {
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
    handler: (tableId: string) => void
  ): Promise<() => Promise<void>> {
    return watchTables(this.settings, [...new Set(tableIds)], handler);
  }
}
