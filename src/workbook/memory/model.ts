/**
 * The memory workbook's model: sheets as grids, tables with ids, the parts stored in the
 * file, selection and change handlers, with the helpers the port's side
 * (`MemoryWorkbook.ts`) and the user's side (`userSide.ts`) share, and the snapshot the
 * preview draws.
 */
import type { SheetVisibility } from "../../domain/grid";
import type { CellStyle, ChartSpec, PageSetup, RawTable } from "../../domain/types";
import { cellAddress, rangeAddress, type RangeRef } from "../../domain/a1";
import { GENERATED_NAMESPACE, decodeGenerated } from "../bindingsStore";
import { CellGrid } from "../cellGrid";
import { toCellContent, type CellContent } from "../cellContent";
import { WorkbookError, type TableChange, type TableInfo } from "../port";
import type { ValidationWrite } from "../validationRules";

export type ChangeSource = TableChange["source"];

export interface MemoryCell {
  /** "" blank, "=…" formula, else a constant (as Range.formulas holds it). */
  content: CellContent;
  numberFormat?: string;
  style?: CellStyle;
  link?: string;
  /** What a formula cell shows, when the layout said (no calculation engine here). */
  shown?: string | number | boolean;
}

export interface MemorySheet {
  id: string;
  name: string;
  cells: CellGrid<MemoryCell>;
  merges: RangeRef[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  /** Absent: no hidden rows. */
  hiddenRows?: Set<number>;
  /** Absent: visible. */
  visibility?: SheetVisibility;
  protected: boolean;
  validations: { address: string; write: ValidationWrite }[];
  page?: PageSetup;
  charts: ChartSpec[];
  freezeRows?: number;
}

export interface MemoryTable {
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

export abstract class MemoryModel {
  protected readonly sheets: MemorySheet[] = [];
  protected readonly tables: MemoryTable[] = [];
  protected readonly parts = new Map<string, string>();
  protected readonly handlers = new Map<string, Set<(change: TableChange) => void>>();
  protected nextId = 1;
  protected activeSheetId: string | null = null;
  protected selection: { sheetId: string; rect: RangeRef } | null = null;
  protected readonly now: () => Date;

  constructor(seeds: readonly MemoryTableSeed[] = [], options: { now?: () => Date } = {}) {
    this.now = options.now ?? (() => new Date());
    for (const seed of seeds) this.addSeedTable(seed);
  }

  protected newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  protected sheetByName(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  protected sheetById(id: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  protected addSheet(name: string): MemorySheet {
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

  protected addSeedTable(seed: MemoryTableSeed): MemoryTable {
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

  protected put(sheet: MemorySheet, row: number, col: number, cell: MemoryCell): void {
    if (cell.content === "" && !cell.numberFormat && !cell.style && !cell.link)
      sheet.cells.delete(row, col);
    else sheet.cells.set(row, col, cell);
  }

  protected tableById(id: string): MemoryTable {
    const table = this.tables.find((t) => t.id === id);
    if (!table)
      throw new WorkbookError("table-missing", `table ${id} does not exist`, {
        table: id,
        code: "ItemNotFound",
      });
    return table;
  }

  /** Data rows; like Excel, the one blank row of an empty table is no row. */
  protected dataRows(table: MemoryTable): number {
    const rows = table.rect.rows - 1;
    if (rows !== 1) return rows;
    const sheet = this.sheetById(table.sheetId);
    for (let j = 0; j < table.rect.cols; j++) {
      if ((sheet?.cells.get(table.rect.row + 1, table.rect.col + j)?.content ?? "") !== "")
        return 1;
    }
    return 0;
  }

  protected tableInfo(table: MemoryTable): TableInfo {
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

  /** Data rows `from` (inclusive) to `to` (exclusive) of a table, values and formats. */
  protected rowsOf(
    table: MemoryTable,
    from: number,
    to: number
  ): Pick<RawTable, "rows" | "uncalculated"> & {
    numberFormats: string[][];
  } {
    const sheet = this.sheetById(table.sheetId);
    const rows: RawTable["rows"] = [];
    const numberFormats: string[][] = [];
    const uncalculated: Array<[number, number]> = [];
    for (let i = from; i < to; i++) {
      const line: RawTable["rows"][number] = [];
      const formats: string[] = [];
      for (let j = 0; j < table.rect.cols; j++) {
        const cell = sheet?.cells.get(table.rect.row + 1 + i, table.rect.col + j);
        const content = cell?.content ?? "";
        // A formula shows what it was last calculated to; never calculated, nothing.
        if (typeof content === "string" && content.startsWith("=") && cell?.numberFormat !== "@") {
          line.push(cell?.shown ?? null);
          if (cell?.shown === undefined) uncalculated.push([i - from, j]);
        } else line.push(valueOf(content));
        formats.push(cell?.numberFormat ?? "General");
      }
      rows.push(line);
      numberFormats.push(formats);
    }
    return uncalculated.length > 0
      ? { rows, numberFormats, uncalculated }
      : { rows, numberFormats };
  }

  protected emit(
    table: MemoryTable,
    change: Omit<TableChange, "tableId" | "source">,
    source: ChangeSource
  ): void {
    for (const handler of [...(this.handlers.get(table.id) ?? [])])
      handler({ tableId: table.id, source, ...change });
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
