/**
 * A worksheet as a file reader hands it to table discovery: the cells' values and number
 * formats, what is hidden, merged or calculated, and the Excel tables defined on it.
 * Readers (the .xlsx reader for the CLI, the Excel layer for the task pane) produce it;
 * `discoverTables` turns a workbook's grids into the domain's tables. Pure types.
 */
import type { CellValue } from "./types";

/** Zero-based, inclusive corners of a block of cells. */
export interface CellBlock {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An Excel table (ListObject) defined on a sheet. */
export interface GridTable {
  name: string;
  /** The whole table, header and totals rows included. */
  ref: CellBlock;
  /** False for a table saved without its header row. */
  hasHeaderRow: boolean;
  /** True when the table's last row is its totals row. */
  hasTotalsRow: boolean;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetGrid {
  name: string;
  /** Zero-based position among the workbook's sheets. */
  index: number;
  visibility: SheetVisibility;
  /**
   * Row-major values from A1, zero-based; rows and cells past the last non-empty one may be
   * absent. Values as Office.js `Range.values` gives them: dates as serials, formulas as
   * their cached results, error values as "#N/A"-style text.
   */
  values: CellValue[][];
  /** Number formats in the same shape as `values` (absent or "" means General). */
  numberFormats: (string | undefined)[][];
  /** Cells holding a formula that has no cached value (never calculated), as [row, col]. */
  uncalculated: Array<[number, number]>;
  merges: CellBlock[];
  hiddenRows: ReadonlySet<number>;
  hiddenColumns: ReadonlySet<number>;
  tables: GridTable[];
}
