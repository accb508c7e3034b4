/**
 * The workbook port in memory: sheets as grids, tables with ids, bindings and
 * generated-sheet marks stored through the same codec as in Excel, selection, and change
 * events fired by `setCell` so the browser preview can play a user's edit. Used by the
 * preview, UI tests and the CLI. It renders layouts through the same plan as the Excel
 * workbook, so both refuse, replace and fingerprint sheets alike. It has no calculation
 * engine: a formula cell reads back as its formula text.
 */
import type { CellStyle, ChartSpec, PageSetup, RawTable, SheetLayout } from "../../domain/types";
import {
  cellAddress,
  contains,
  intersects,
  parseCell,
  parseRange,
  rangeAddress,
  tableNameProblem,
  type RangeRef,
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
import { CellGrid } from "../cellGrid";
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
  type TableInfo,
  type Workbook,
  type WriteResult,
} from "../port";
import { extentAddress, planSheet } from "../sheetPlan";
import { planNewTable, planValidation, type ValidationWrite } from "../validationRules";
import { sheetNameTaken, sheetProtected, tableNameTaken, vetReplacement } from "../writeRefusals";

interface MemoryCell {
  /** "" blank, "=…" formula, else a constant (as Range.formulas holds it). */
  content: CellContent;
  numberFormat?: string;
  style?: CellStyle;
  link?: string;
  /** What a formula cell shows, when the layout said (no calculation engine here). */
  shown?: string | number | boolean;
}

interface MemorySheet {
  id: string;
  name: string;
  cells: CellGrid<MemoryCell>;
  merges: RangeRef[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  protected: boolean;
  validations: { address: string; write: ValidationWrite }[];
  page?: PageSetup;
  charts: ChartSpec[];
  freezeRows?: number;
}

interface MemoryTable {
  id: string;
  name: string;
  sheetId: string;
  /** Header row included. */
  rect: RangeRef;
  style?: string;
}

/** A seed table: RawTable plus optional column widths in points. */
export type MemoryTableSeed = RawTable & { columnWidths?: number[] };

export interface CellSnapshot {
  row: number;
  col: number;
  address: string;
  /** As entered: a constant, or a formula's text. */
  value: string | number | boolean;
  numberFormat?: string;
  style?: CellStyle;
  link?: string;
  /** For a formula cell: what it shows, when known (a cached value or a link's text). */
  shown?: string | number | boolean;
}

export interface SheetSnapshot {
  id: string;
  name: string;
  generated: boolean;
  protected: boolean;
  /** Rows and columns spanned by cells and merges (0 for an empty sheet). */
  rowCount: number;
  columnCount: number;
  cells: CellSnapshot[];
  merges: RangeRef[];
  /** Points by zero-based column (undefined: default width). */
  columnWidths: (number | undefined)[];
  rowHeights: Record<number, number>;
  hiddenColumns: number[];
  freezeRows?: number;
  tables: { id: string; name: string; address: string }[];
  validations: { address: string; rule: ValidationWrite["rule"] }[];
  page?: PageSetup;
  charts: ChartSpec[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
}

function valueOf(content: CellContent): RawTable["rows"][number][number] {
  return content === "" ? null : content;
}

export class MemoryWorkbook implements Workbook {
  private readonly sheets: MemorySheet[] = [];
  private readonly tables: MemoryTable[] = [];
  private readonly parts = new Map<string, string>();
  private readonly handlers = new Map<string, Set<(tableId: string) => void>>();
  private nextId = 1;
  private activeSheetId: string | null = null;
  private selection: { sheetId: string; rect: RangeRef } | null = null;
  private readonly now: () => Date;

  constructor(seeds: readonly MemoryTableSeed[] = [], options: { now?: () => Date } = {}) {
    this.now = options.now ?? (() => new Date());
    for (const seed of seeds) this.addSeedTable(seed);
  }

  private newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  private sheetByName(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private sheetById(id: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  private addSheet(name: string): MemorySheet {
    const sheet: MemorySheet = {
      id: this.newId("sheet"),
      name,
      cells: new CellGrid(),
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      hiddenColumns: new Set(),
      protected: false,
      validations: [],
      charts: [],
    };
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  /** Adds a table as if a person had made it (what the CLI does for each table it loads). */
  addTable(seed: MemoryTableSeed): TableInfo {
    if (this.tables.some((t) => t.name.toLowerCase() === seed.name.toLowerCase())) {
      throw tableNameTaken(seed.name);
    }
    return this.tableInfo(this.addSeedTable(seed));
  }

  private addSeedTable(seed: MemoryTableSeed): MemoryTable {
    const sheet = this.sheetByName(seed.sheet) ?? this.addSheet(seed.sheet);
    const { row, col } = seed.origin;
    const cols = seed.headers.length;
    seed.headers.forEach((h, j) => this.put(sheet, row, col + j, { content: toCellContent(h) }));
    seed.rows.forEach((line, i) => {
      for (let j = 0; j < cols; j++) {
        const content = toCellContent(line[j]);
        const format = seed.numberFormats?.[i]?.[j];
        this.put(sheet, row + 1 + i, col + j, {
          content,
          ...(format && format !== "General" ? { numberFormat: format } : {}),
        });
      }
    });
    seed.columnWidths?.forEach((w, j) => sheet.columnWidths.set(col + j, w));
    const table: MemoryTable = {
      id: this.newId("table"),
      name: seed.name,
      sheetId: sheet.id,
      rect: { row, col, rows: seed.rows.length + 1, cols },
    };
    this.tables.push(table);
    return table;
  }

  private put(sheet: MemorySheet, row: number, col: number, cell: MemoryCell): void {
    if (cell.content === "" && !cell.numberFormat && !cell.style && !cell.link)
      sheet.cells.delete(row, col);
    else sheet.cells.set(row, col, cell);
  }

  private tableById(id: string): MemoryTable {
    const table = this.tables.find((t) => t.id === id);
    if (!table)
      throw new WorkbookError("table-missing", `table ${id} does not exist`, {
        table: id,
        code: "ItemNotFound",
      });
    return table;
  }

  /** Data rows; like Excel, the one blank row of an empty table is no row. */
  private dataRows(table: MemoryTable): number {
    const rows = table.rect.rows - 1;
    if (rows !== 1) return rows;
    const sheet = this.sheetById(table.sheetId);
    for (let j = 0; j < table.rect.cols; j++) {
      if ((sheet?.cells.get(table.rect.row + 1, table.rect.col + j)?.content ?? "") !== "")
        return 1;
    }
    return 0;
  }

  private tableInfo(table: MemoryTable): TableInfo {
    const sheet = this.sheetById(table.sheetId);
    const headers: string[] = [];
    for (let j = 0; j < table.rect.cols; j++) {
      headers.push(String(sheet?.cells.get(table.rect.row, table.rect.col + j)?.content ?? ""));
    }
    return {
      id: table.id,
      name: table.name,
      sheet: sheet?.name ?? "",
      sheetId: table.sheetId,
      address: rangeAddress(table.rect),
      headers,
      rowCount: this.dataRows(table),
    };
  }

  async listTables(): Promise<TableInfo[]> {
    return this.tables.map((t) => this.tableInfo(t));
  }

  async readTables(tableIds: string[]): Promise<RawTable[]> {
    return [...new Set(tableIds)].map((id) => {
      const table = this.tableById(id);
      const info = this.tableInfo(table);
      const sheet = this.sheetById(table.sheetId);
      const rows: RawTable["rows"] = [];
      const numberFormats: string[][] = [];
      for (let i = 1; i <= this.dataRows(table); i++) {
        const line: RawTable["rows"][number] = [];
        const formats: string[] = [];
        for (let j = 0; j < table.rect.cols; j++) {
          const cell = sheet?.cells.get(table.rect.row + i, table.rect.col + j);
          line.push(valueOf(cell?.content ?? ""));
          formats.push(cell?.numberFormat ?? "General");
        }
        rows.push(line);
        numberFormats.push(formats);
      }
      return {
        name: table.name,
        sheet: info.sheet,
        origin: { row: table.rect.row, col: table.rect.col },
        headers: info.headers,
        rows,
        numberFormats,
      };
    });
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
    const table: MemoryTable = {
      id: this.newId("table"),
      name,
      sheetId: sheet.id,
      rect: { ...selection.rect },
    };
    this.tables.push(table);
    return this.tableInfo(table);
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
    handler: (tableId: string) => void
  ): Promise<() => Promise<void>> {
    const ids = [...new Set(tableIds)];
    for (const id of ids) this.tableById(id);
    const wrapped = (tableId: string) => handler(tableId);
    for (const id of ids) {
      const set = this.handlers.get(id) ?? new Set();
      set.add(wrapped);
      this.handlers.set(id, set);
    }
    return async () => {
      for (const id of ids) this.handlers.get(id)?.delete(wrapped);
    };
  }

  // ---------------------------------------------------------------------------------
  // The user's side, for the preview and tests: what a person does in Excel.

  /** Types a value into a cell, as a user would; fires the change handlers of its tables. */
  setCell(sheetName: string, address: string, value: unknown): void {
    const sheet = this.sheetByName(sheetName);
    const ref = parseCell(address);
    if (!sheet || !ref)
      throw new WorkbookError("table-missing", `no cell ${sheetName}!${address}`, {
        sheet: sheetName,
      });
    const old = sheet.cells.get(ref.row, ref.col);
    this.put(sheet, ref.row, ref.col, { ...old, content: toCellContent(value) });
    for (const table of this.tables) {
      if (table.sheetId === sheet.id && contains(table.rect, ref.row, ref.col)) {
        for (const handler of this.handlers.get(table.id) ?? []) handler(table.id);
      }
    }
  }

  /** What a cell holds (its formula text for a formula), "" when blank. */
  getCell(sheetName: string, address: string): CellContent {
    const sheet = this.sheetByName(sheetName);
    const ref = parseCell(address);
    if (!sheet || !ref) return "";
    return sheet.cells.get(ref.row, ref.col)?.content ?? "";
  }

  /** Selects a range (for "use the selected range"). */
  select(sheetName: string, address: string): void {
    const sheet = this.sheetByName(sheetName) ?? this.addSheet(sheetName);
    const rect = parseRange(address);
    if (!rect)
      throw new WorkbookError("unknown", `"${address}" is not a range`, { sheet: sheetName });
    this.selection = { sheetId: sheet.id, rect };
    this.activeSheetId = sheet.id;
  }

  renameTable(tableId: string, name: string): void {
    this.tableById(tableId).name = name;
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheetByName(from);
    if (sheet) sheet.name = to;
  }

  /** Deletes a table and its cells, as a user deleting the table's rows would. */
  deleteTable(tableId: string): void {
    const table = this.tableById(tableId);
    const sheet = this.sheetById(table.sheetId);
    for (let r = table.rect.row; r < table.rect.row + table.rect.rows; r++) {
      for (let c = table.rect.col; c < table.rect.col + table.rect.cols; c++)
        sheet?.cells.delete(r, c);
    }
    this.tables.splice(this.tables.indexOf(table), 1);
    this.handlers.delete(tableId);
  }

  protectSheet(sheetName: string, isProtected = true): void {
    const sheet = this.sheetByName(sheetName);
    if (sheet) sheet.protected = isProtected;
  }

  /** Everything the preview needs to draw the workbook. */
  snapshot(): WorkbookSnapshot {
    const generated = decodeGenerated(this.parts.get(GENERATED_NAMESPACE));
    const sheets = this.sheets.map((sheet): SheetSnapshot => {
      const cells: CellSnapshot[] = [...sheet.cells.entries()]
        .map(([row, col, cell]) => {
          return {
            row,
            col,
            address: cellAddress(row, col),
            value: cell.content,
            ...(cell.numberFormat ? { numberFormat: cell.numberFormat } : {}),
            ...(cell.style ? { style: cell.style } : {}),
            ...(cell.link ? { link: cell.link } : {}),
            ...(cell.shown !== undefined ? { shown: cell.shown } : {}),
          };
        })
        .sort((a, b) => a.row - b.row || a.col - b.col);
      let rowCount = 0;
      let columnCount = 0;
      for (const c of cells) {
        rowCount = Math.max(rowCount, c.row + 1);
        columnCount = Math.max(columnCount, c.col + 1);
      }
      for (const m of sheet.merges) {
        rowCount = Math.max(rowCount, m.row + m.rows);
        columnCount = Math.max(columnCount, m.col + m.cols);
      }
      const widths: (number | undefined)[] = [];
      for (const [col, w] of sheet.columnWidths) widths[col] = w;
      return {
        id: sheet.id,
        name: sheet.name,
        generated: Boolean(generated.sheets.find((m) => m.sheetId === sheet.id)),
        protected: sheet.protected,
        rowCount,
        columnCount,
        cells,
        merges: sheet.merges.map((m) => ({ ...m })),
        columnWidths: Array.from({ length: widths.length }, (_, i) => widths[i]),
        rowHeights: Object.fromEntries(sheet.rowHeights),
        hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
        ...(sheet.freezeRows ? { freezeRows: sheet.freezeRows } : {}),
        tables: this.tables
          .filter((t) => t.sheetId === sheet.id)
          .map((t) => ({ id: t.id, name: t.name, address: rangeAddress(t.rect) })),
        validations: sheet.validations.map((v) => ({ address: v.address, rule: v.write.rule })),
        ...(sheet.page ? { page: sheet.page } : {}),
        charts: [...sheet.charts],
      };
    });
    const active = this.activeSheetId ? this.sheetById(this.activeSheetId) : undefined;
    const selSheet = this.selection ? this.sheetById(this.selection.sheetId) : undefined;
    return {
      sheets,
      activeSheet: active?.name ?? null,
      selection:
        this.selection && selSheet
          ? { sheet: selSheet.name, address: rangeAddress(this.selection.rect) }
          : null,
    };
  }
}
