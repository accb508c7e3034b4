/**
 * The workbook port in memory: sheets as grids, tables with ids, bindings and
 * generated-sheet marks stored through the same codec as in Excel, selection, and change
 * events fired by the user's side (`userSide.ts`: typing, pasting, inserting, deleting and
 * sorting rows) so the browser preview and the tests can play a person's edits. Used by the
 * preview, UI tests and the CLI. It renders layouts through the same plan as the Excel
 * workbook, so both refuse, replace and fingerprint sheets alike. It has no calculation
 * engine: a formula cell reads back as its formula text.
 */
import type { RawTable, RawTableRows, SheetLayout } from "../../domain/types";
import {
  intersects,
  parseRange,
  rangeAddress,
  rangeOfCorners,
  tableNameProblem,
} from "../../domain/a1";
import {
  BINDINGS_NAMESPACE,
  GENERATED_NAMESPACE,
  decodeBindings,
  decodeGenerated,
  encodeBindings,
  encodeGenerated,
  withMark,
  type GeneratedSheetMark,
} from "../bindingsStore";
import {
  ContentFingerprint,
  isReinterpretedText,
  toCellContent,
  type CellContent,
} from "../cellContent";
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
import { extentAddress, planSheet } from "../sheetPlan";
import { planNewTable, planValidation } from "../validationRules";
import { gridOfMemorySheet } from "./sheetGrid";
import type { RangeRef } from "../../domain/a1";
import type { GridTable, SheetGrid } from "../../domain/grid";
import { sheetNameTaken, sheetProtected, tableNameTaken, vetReplacement } from "../writeRefusals";
import type { MemoryCell, MemorySheet, MemoryTable, MemoryTableSeed } from "./model";
import { MemoryUserSide } from "./userSide";
import { runMemorySelfTest } from "./selfTest";
import type { SelfTestProbe, SelfTestReadBack } from "../selfTestProbe";

export type { CellSnapshot, MemoryTableSeed, SheetSnapshot, WorkbookSnapshot } from "./model";

/** A file's table as Excel holds it: the header row and the data, without a totals row. */
function tableRect(table: GridTable): RangeRef {
  const rect = rangeOfCorners(table.ref);
  return table.hasTotalsRow ? { ...rect, rows: rect.rows - 1 } : rect;
}

export class MemoryWorkbook extends MemoryUserSide implements Workbook {
  /** Adds a table as if a person had made it (what the CLI does for each table it loads). */
  addTable(seed: MemoryTableSeed): TableInfo {
    if (this.tables.some((t) => t.name.toLowerCase() === seed.name.toLowerCase())) {
      throw tableNameTaken(seed.name);
    }
    return this.tableInfo(this.addSeedTable(seed));
  }

  async readSheetGrid(sheetName: string): Promise<SheetGrid> {
    const sheet = this.sheetByName(sheetName);
    if (!sheet)
      throw new WorkbookError("unknown", `no sheet named "${sheetName}"`, { sheet: sheetName });
    return gridOfMemorySheet({
      ...sheet,
      index: this.sheets.indexOf(sheet),
      tables: this.tables.filter((table) => table.sheetId === sheet.id),
    });
  }

  /**
   * Opens a file's sheets as they are (what a reader gives: values, number formats, merges,
   * hidden sheets, columns and rows, Excel tables, formulas never calculated), after the
   * sheets already here: the preview and the tests open .xlsx files so.
   */
  openGrids(grids: readonly SheetGrid[]): void {
    for (const grid of [...grids].sort((a, b) => a.index - b.index)) {
      if (this.sheetByName(grid.name)) throw sheetNameTaken(grid.name);
      const sheet = this.addSheet(grid.name);
      if (grid.visibility !== "visible") sheet.visibility = grid.visibility;
      grid.values.forEach((line, row) =>
        line.forEach((value, col) => {
          const format = grid.numberFormats[row]?.[col];
          const content = value === null || value === undefined ? "" : toCellContent(value);
          this.put(sheet, row, col, {
            content,
            ...(format && format !== "General" ? { numberFormat: format } : {}),
          });
        })
      );
      for (const [row, col] of grid.uncalculated)
        this.put(sheet, row, col, {
          content: "=NA()",
          numberFormat: grid.numberFormats[row]?.[col],
        });
      sheet.merges.push(...grid.merges.map(rangeOfCorners));
      for (const col of grid.hiddenColumns) sheet.hiddenColumns.add(col);
      if (grid.hiddenRows.size > 0) sheet.hiddenRows = new Set(grid.hiddenRows);
      for (const table of grid.tables) {
        if (!table.hasHeaderRow) continue;
        this.tables.push({
          id: this.newId("table"),
          name: table.name,
          sheetId: sheet.id,
          rect: tableRect(table),
        });
      }
    }
  }

  async readSheetGrids(sheets?: readonly string[]): Promise<SheetGrid[]> {
    const wanted = sheets && new Set(sheets.map((name) => name.toLowerCase()));
    return Promise.all(
      this.sheets
        .filter((sheet) => !wanted || wanted.has(sheet.name.toLowerCase()))
        .map((sheet) => this.readSheetGrid(sheet.name))
    );
  }

  async listTables(): Promise<TableInfo[]> {
    return this.tables.map((t) => this.tableInfo(t));
  }

  async readTables(tableIds: string[]): Promise<RawTable[]> {
    return [...new Set(tableIds)].map((id) => {
      const table = this.tableById(id);
      const info = this.tableInfo(table);
      return {
        name: table.name,
        sheet: info.sheet,
        origin: { row: table.rect.row, col: table.rect.col },
        headers: info.headers,
        ...this.rowsOf(table, 0, info.rowCount),
      };
    });
  }

  async readTableRows(tableId: string, first: number, count: number): Promise<RawTableRows> {
    const table = this.tableById(tableId);
    const info = this.tableInfo(table);
    const from = Math.min(info.rowCount, Math.max(0, Math.floor(first) || 0));
    const to = Math.min(info.rowCount, from + Math.max(0, Math.floor(count) || 0));
    return {
      name: table.name,
      sheet: info.sheet,
      origin: { row: table.rect.row, col: table.rect.col },
      headers: info.headers,
      rowCount: info.rowCount,
      firstRow: from,
      ...this.rowsOf(table, from, to),
    };
  }

  async loadBindings(): Promise<Bindings> {
    return decodeBindings(this.parts.get(BINDINGS_NAMESPACE));
  }

  async saveBindings(bindings: Bindings): Promise<void> {
    this.parts.set(BINDINGS_NAMESPACE, encodeBindings(bindings));
  }

  async createTable(spec: NewTableSpec): Promise<TableInfo> {
    const validationWrites = planNewTable(spec);
    const cols = spec.headers.length;
    if (this.sheetByName(spec.sheet)) throw sheetNameTaken(spec.sheet);
    if (this.tables.some((t) => t.name.toLowerCase() === spec.tableName.toLowerCase()))
      throw tableNameTaken(spec.tableName);
    const sheet = this.addSheet(spec.sheet);
    const rows = spec.rows ?? [];
    const bodyRows = Math.max(rows.length, 1);
    const grid: CellContent[][] = [
      spec.headers.map(toCellContent),
      ...rows.map((r) => Array.from({ length: cols }, (_, j) => toCellContent(r[j]))),
    ];
    for (let i = 0; i <= bodyRows; i++) {
      for (let j = 0; j < cols; j++) {
        const content = grid[i]?.[j] ?? "";
        const columnFormat = i > 0 ? spec.numberFormats?.[j] : undefined;
        const format =
          typeof content === "string" && isReinterpretedText(content) ? "@" : columnFormat;
        this.put(sheet, i, j, { content, ...(format ? { numberFormat: format } : {}) });
      }
    }
    spec.columnWidths?.forEach((w, j) => {
      if (j < cols && Number.isFinite(w) && w > 0) sheet.columnWidths.set(j, w);
    });
    for (const write of validationWrites) {
      sheet.validations.push({
        address: rangeAddress({ row: 1, col: write.column, rows: bodyRows, cols: 1 }),
        write,
      });
    }
    const table: MemoryTable = {
      id: this.newId("table"),
      name: spec.tableName,
      sheetId: sheet.id,
      rect: { row: 0, col: 0, rows: bodyRows + 1, cols },
      style: "TableStyleMedium2",
    };
    this.tables.push(table);
    return this.tableInfo(table);
  }

  /** As Excel does on converting a range: a blank header becomes "Column1"…, a header met
   * before gets a number ("งบประมาณ2"); the header cells are written so. */
  private uniqueHeaders(sheet: MemorySheet, rect: RangeRef): void {
    const seen = new Set<string>();
    for (let j = 0; j < rect.cols; j++) {
      const cell = sheet.cells.get(rect.row, rect.col + j);
      const text = String(cell?.shown ?? cell?.content ?? "").trim();
      let header = text === "" ? `Column${j + 1}` : text;
      for (let n = 2; seen.has(header.toLowerCase()); n++) header = `${text || "Column"}${n}`;
      seen.add(header.toLowerCase());
      if (header !== cell?.content)
        this.put(sheet, rect.row, rect.col + j, { ...(cell ?? {}), content: header });
    }
  }

  async convertSelectionToTable(name: string): Promise<TableInfo> {
    const problem = tableNameProblem(name);
    if (problem)
      throw new WorkbookError("not-supported", `table name "${name}": ${problem}`, { table: name });
    const selection = this.selection;
    const sheet = selection ? this.sheetById(selection.sheetId) : undefined;
    if (!selection || !sheet)
      throw new WorkbookError("not-supported", "nothing is selected", { table: name });
    if (this.tables.some((t) => t.sheetId === sheet.id && intersects(t.rect, selection.rect))) {
      throw new WorkbookError("not-supported", "the selection already overlaps a table", {
        sheet: sheet.name,
        table: name,
      });
    }
    if (selection.rect.rows < 2)
      throw new WorkbookError(
        "not-supported",
        "select the header row and at least one row of data",
        { sheet: sheet.name }
      );
    if (this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()))
      throw tableNameTaken(name);
    this.uniqueHeaders(sheet, selection.rect);
    const table: MemoryTable = {
      id: this.newId("table"),
      name,
      sheetId: sheet.id,
      rect: { ...selection.rect },
    };
    this.tables.push(table);
    return this.tableInfo(table);
  }

  async appendRows(tableId: string, rows: (string | number | boolean | null)[][]): Promise<void> {
    const table = this.tableById(tableId);
    const sheet = this.sheetById(table.sheetId);
    if (!sheet)
      throw new WorkbookError("table-missing", `table ${tableId} has no sheet`, { table: tableId });
    if (sheet.protected)
      throw new WorkbookError("sheet-protected", `"${sheet.name}" is protected`, {
        sheet: sheet.name,
        code: "AccessDenied",
      });
    if (rows.length === 0) return;
    const { row: top, col: left, cols } = table.rect;
    // Like Excel, rows added to an empty table replace its one blank row.
    const first = top + 1 + this.dataRows(table);
    const last = top + table.rect.rows - 1;
    for (let r = Math.max(first, last + 1); r < first + rows.length; r++) {
      for (let j = 0; j < cols; j++) {
        if ((sheet.cells.get(r, left + j)?.content ?? "") !== "") {
          throw new WorkbookError(
            "sheet-conflict",
            `cells under table ${table.name} are not empty`,
            {
              sheet: sheet.name,
              table: table.name,
              conflict: "not-generated",
            }
          );
        }
      }
    }
    const formats = Array.from(
      { length: cols },
      (_, j) => sheet.cells.get(first - 1 > top ? first - 1 : top + 1, left + j)?.numberFormat
    );
    rows.forEach((values, i) => {
      for (let j = 0; j < cols; j++) {
        const content = toCellContent(values[j] ?? null);
        const format =
          typeof content === "string" && isReinterpretedText(content) ? "@" : formats[j];
        this.put(sheet, first + i, left + j, {
          content,
          ...(format ? { numberFormat: format } : {}),
        });
      }
    });
    table.rect = { ...table.rect, rows: Math.max(table.rect.rows, first + rows.length - top) };
  }

  async applyValidation(tableId: string, rules: ColumnValidation[]): Promise<void> {
    const table = this.tableById(tableId);
    const validation = planValidation(rules, table.rect.cols);
    if (!validation.ok)
      throw new WorkbookError("not-supported", validation.problem, { table: tableId });
    const sheet = this.sheetById(table.sheetId);
    if (!sheet)
      throw new WorkbookError("table-missing", `table ${tableId} has no sheet`, { table: tableId });
    if (sheet.protected) throw sheetProtected(sheet.name, tableId);
    for (const write of validation.writes) {
      const address = rangeAddress({
        row: table.rect.row + 1,
        col: table.rect.col + write.column,
        rows: Math.max(1, table.rect.rows - 1),
        cols: 1,
      });
      sheet.validations = sheet.validations.filter((v) => v.address !== address);
      sheet.validations.push({ address, write });
    }
  }

  private fingerprintOf(sheet: MemorySheet): string {
    const fp = new ContentFingerprint();
    for (const [row, col, cell] of sheet.cells.entries()) fp.add(row, col, cell.content);
    return fp.digest();
  }

  async writeSheet(
    layout: SheetLayout,
    options: { overwriteEdited?: boolean; activate?: boolean } = {}
  ): Promise<WriteResult> {
    const planned = planSheet(layout);
    if (!planned.ok)
      throw new WorkbookError("not-supported", planned.problem, { sheet: layout.name });
    const plan = planned.plan;
    const generated = decodeGenerated(this.parts.get(GENERATED_NAMESPACE));
    const existing = this.sheetByName(plan.name);
    let previous: GeneratedSheetMark | undefined;
    if (existing) {
      previous = await vetReplacement(
        generated,
        {
          id: existing.id,
          name: existing.name,
          liveIds: new Set(this.sheets.map((s) => s.id)),
          isProtected: existing.protected,
          fingerprint: () => this.fingerprintOf(existing),
        },
        options.overwriteEdited
      );
    }
    const sheet = existing ?? this.addSheet(plan.name);
    sheet.cells.clear();
    sheet.merges = [];
    sheet.columnWidths.clear();
    sheet.rowHeights.clear();
    sheet.hiddenColumns.clear();
    sheet.validations = [];
    sheet.charts = [];
    sheet.freezeRows = undefined;
    const cellAt = (row: number, col: number): MemoryCell => {
      const found = sheet.cells.get(row, col);
      if (found) return found;
      const cell: MemoryCell = { content: "" };
      sheet.cells.set(row, col, cell);
      return cell;
    };
    for (const group of plan.styles) {
      for (const rect of group.rects) {
        for (let r = rect.row; r < rect.row + rect.rows; r++) {
          for (let c = rect.col; c < rect.col + rect.cols; c++) {
            const cell = cellAt(r, c);
            cell.style = group.style;
            if (group.style.numberFormat) cell.numberFormat = group.style.numberFormat;
          }
        }
      }
    }
    for (const rect of plan.textRects) {
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++) cellAt(r, c).numberFormat = "@";
    }
    for (const block of plan.blocks) {
      block.grid.forEach((line, i) =>
        line.forEach((content, j) => {
          if (content !== "") cellAt(block.row + i, block.col + j).content = content;
        })
      );
    }
    for (const link of plan.links) cellAt(link.row, link.col).link = link.documentReference;
    for (const s of plan.shown) cellAt(s.row, s.col).shown = s.value;
    sheet.merges = plan.merges.map((m) => ({ ...m }));
    plan.columnWidths.forEach((w, col) => {
      if (w > 0) sheet.columnWidths.set(col, w);
    });
    for (const [row, h] of plan.rowHeights) sheet.rowHeights.set(row, h);
    for (const col of plan.hiddenColumns) sheet.hiddenColumns.add(col);
    sheet.page = plan.page;
    sheet.charts = [...plan.charts];
    sheet.freezeRows = plan.freezeRows;
    const mark: GeneratedSheetMark = {
      sheetId: sheet.id,
      sheetName: sheet.name,
      fingerprint: plan.fingerprint,
      address: extentAddress(plan),
      generatedAt: this.now().toISOString(),
      ...(layout.origin ? { origin: layout.origin } : {}),
    };
    this.parts.set(GENERATED_NAMESPACE, encodeGenerated(withMark(generated, mark, previous)));
    if (options.activate) this.activeSheetId = sheet.id;
    return { sheet: sheet.name, syncs: 1, replaced: Boolean(existing), chunks: 1 };
  }

  async selectCell(sheetName: string, cell: string): Promise<void> {
    const sheet = this.sheetByName(sheetName);
    if (!sheet)
      throw new WorkbookError("table-missing", `sheet "${sheetName}" does not exist`, {
        sheet: sheetName,
        code: "ItemNotFound",
      });
    const rect = parseRange(cell);
    if (!rect)
      throw new WorkbookError("unknown", `"${cell}" is not a cell address`, {
        sheet: sheetName,
        code: "InvalidArgument",
      });
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rect };
  }

  async onTablesChanged(
    tableIds: string[],
    handler: (tableId: string, change: TableChange) => void
  ): Promise<() => Promise<void>> {
    const ids = [...new Set(tableIds)];
    for (const id of ids) this.tableById(id);
    const wrapped = (change: TableChange) => handler(change.tableId, change);
    for (const id of ids) {
      const set = this.handlers.get(id) ?? new Set();
      set.add(wrapped);
      this.handlers.set(id, set);
    }
    return async () => {
      for (const id of ids) this.handlers.get(id)?.delete(wrapped);
    };
  }

  /** Diagnostics: the probe on a scratch sheet, removed after (see ./selfTest.ts). */
  async runSelfTest(probe: SelfTestProbe): Promise<SelfTestReadBack> {
    if (this.sheetByName(probe.sheet)) throw sheetNameTaken(probe.sheet);
    return runMemorySelfTest(
      {
        sheetByName: (name) => this.sheetByName(name),
        addSheet: (name) => this.addSheet(name),
        removeSheet: (sheet) => {
          const index = this.sheets.indexOf(sheet);
          if (index >= 0) this.sheets.splice(index, 1);
          for (let i = this.tables.length - 1; i >= 0; i--)
            if (this.tables[i].sheetId === sheet.id) this.tables.splice(i, 1);
          if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? null;
        },
        visibleSheets: () => this.sheets.length,
        addTable: (sheet, name, rect) => {
          if (this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()))
            throw tableNameTaken(name);
          const table: MemoryTable = { id: this.newId("table"), name, sheetId: sheet.id, rect };
          this.tables.push(table);
          return table;
        },
        parts: this.parts,
      },
      probe
    );
  }
}
