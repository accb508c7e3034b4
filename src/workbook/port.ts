/**
 * The workbook port: everything Kaona asks of a workbook. Two implementations:
 * `excel/` (Office.js, the only code that touches Excel.*) and `memory/` (browser
 * preview, UI tests, the CLI). The task pane talks only to this interface.
 */
import type { ColumnValidation } from "../domain/schema";
import type { SheetGrid } from "../domain/grid";
import type { RawTable, RawTableRows, SheetLayout, TableKind } from "../domain/types";
import type { SelfTestProbe, SelfTestReadBack } from "./selfTestProbe";

/** A table found in the workbook. */
export interface TableInfo {
  /** Stable identity: Excel's table id, which survives renaming the table or its sheet. */
  id: string;
  name: string;
  sheet: string;
  /** A1 address of the whole table (header included) on its sheet, e.g. "A1:J12". */
  address: string;
  headers: string[];
  /** Data rows (header excluded). */
  rowCount: number;
  /** Id of the table's worksheet (session-stable; may change when the file is reopened). */
  sheetId?: string;
}

/** Which Excel table plays which part, and which column holds which field. */
export interface TableBinding {
  kind: TableKind;
  tableId: string;
  /** Last known name, to show and to find the table again if its id is lost. */
  tableName: string;
  /** Field key → header text of the column bound to it. Headers, not indexes, so
   * inserting a column does not shift the mapping. */
  columns: Record<string, string>;
}

/** How a stored binding fares against the tables the workbook has now. */
export type BindingStatus =
  /** Same table id, same name. */
  | "ok"
  /** Same table id, the table was renamed (or moved to a renamed sheet). */
  | "renamed"
  /** The id is gone but a table of the bound name exists (the id was lost on the way). */
  | "relinked"
  /** No such table any more: the user must bind again. */
  | "missing";

export interface ResolvedBinding {
  binding: TableBinding;
  status: BindingStatus;
  /** The table now bound, unless missing. */
  table?: TableInfo;
  /** Field keys whose bound header is no longer among the table's headers. */
  missingColumns: string[];
  /** The binding with the table's current id and name (unchanged when missing). */
  updated: TableBinding;
}

export interface Bindings {
  version: 1;
  tables: TableBinding[];
  /** Per-workbook settings (vocabularies, tolerance, date display; not the language). */
  settings?: Record<string, unknown>;
}

/** How a bound table changed, as far as the workbook's change event tells. */
export type TableChangeType =
  /** Cells edited in place (typed, pasted, cleared, filled). */
  | "valueEdit"
  /** Rows inserted into the table (at the end: appended). */
  | "rowsInserted"
  /** Rows deleted from the table. */
  | "rowsDeleted"
  /** The table's rows sorted. */
  | "sort"
  /** Columns inserted or deleted, or the table resized otherwise. */
  | "resize"
  /** Anything the event does not tell. */
  | "unknown";

/** One change event of a bound table. */
export interface TableChange {
  tableId: string;
  type: TableChangeType;
  /** "remote": a co-author's edit, arrived through co-authoring. */
  source: "local" | "remote";
  /** The data rows the change covers, zero-based (header excluded), clipped to the table
   * as known when the event came: edited rows, rows inserted (where they are now), rows
   * deleted (where they were). Absent when the event did not say. */
  rows?: { first: number; count: number };
  /** Whether the header row is within the change. */
  headers?: boolean;
  /** The changed range's A1 address on the sheet, as the event gave it. */
  address?: string;
}

/** What "write a generated sheet" reports back. */
export interface WriteResult {
  sheet: string;
  /** Context.sync calls the write took (1 for the in-memory workbook). */
  syncs: number;
  /** Whether an earlier Kaona sheet of that name was replaced. */
  replaced: boolean;
  /** Write batches the content took (1 unless above ~4 MB or 20,000 rows). */
  chunks?: number;
  /** The worksheet's id, where known (session-stable; see GeneratedSheetMark). */
  sheetId?: string;
}

export type WriteConflict =
  /** A sheet of that name exists and Kaona did not generate it: never touched. */
  | "not-generated"
  /** Kaona generated it but the user edited it since: ask before replacing. */
  | "edited";

/** What a "timeout" was really about, when Office said: a cell being edited (press Enter
 * or Esc first), or Excel busy with another change (try again). */
export type WorkbookErrorHint =
  | "cell-edit-mode"
  | "busy"
  /** An action on the selected cell with no cell selected (possible in the preview only). */
  | "no-selection";

export class WorkbookError extends Error {
  constructor(
    /** Machine-readable reason, mapped to a Thai/English message by the UI. */
    readonly reason:
      | "table-missing"
      | "sheet-protected"
      | "payload-too-large"
      | "timeout"
      | "sheet-conflict"
      | "not-supported"
      | "unknown",
    message: string,
    readonly detail?: {
      sheet?: string;
      table?: string;
      conflict?: WriteConflict;
      /** Office's error code (e.g. "ItemNotFound", "AccessDenied"), when it came from Office. */
      code?: string;
      /** Office's original message, kept for the log and support. */
      original?: string;
      /** Finer than the reason, where Office's code tells more (see WorkbookErrorHint). */
      hint?: WorkbookErrorHint;
    }
  ) {
    super(message);
    this.name = "WorkbookError";
  }
}

export interface Workbook {
  listTables(): Promise<TableInfo[]>;
  /** Reads the given tables' headers, values and number formats, all in one round trip. */
  readTables(tableIds: string[]): Promise<RawTable[]>;
  loadBindings(): Promise<Bindings>;
  saveBindings(bindings: Bindings): Promise<void>;
  /** Creates a new sheet holding an empty (or pre-filled) table; returns the table. */
  createTable(spec: NewTableSpec): Promise<TableInfo>;
  /** Turns the selected plain range into a table (after the user confirmed). */
  convertSelectionToTable(name: string): Promise<TableInfo>;
  /** Adds data validation rules to a bound table's columns (an explicit user action). */
  applyValidation(tableId: string, rules: ColumnValidation[]): Promise<void>;
  /** Writes a generated sheet. Refuses (WorkbookError "sheet-conflict") to replace a sheet
   * Kaona did not generate, and one the user edited unless `overwriteEdited`. */
  writeSheet(
    layout: SheetLayout,
    options?: { overwriteEdited?: boolean; activate?: boolean }
  ): Promise<WriteResult>;
  /** Selects a cell (and activates its sheet). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Reads some data rows of a table (`first` zero-based, header excluded; rows past the
   * table's end are not read) with its headers, place and row count now, in one round trip. */
  readTableRows(tableId: string, first: number, count: number): Promise<RawTableRows>;
  /** Calls `handler` (debounced by the caller) when any of the tables changes; returns the
   * remover, which never throws (a table deleted since cannot block re-binding). */
  onTablesChanged(
    tableIds: string[],
    handler: (tableId: string, change: TableChange) => void
  ): Promise<() => Promise<void>>;
  /** Adds rows at the bottom of a table (the Import page's "append", an explicit user
   * action); the table grows, nothing already in it changes. Optional: where missing, the
   * pane can only import into new tables. */
  appendRows?(tableId: string, rows: (string | number | boolean | null)[][]): Promise<void>;
  /** Enters a formula or value into the active cell, as typing it would (the Functions
   * page's "insert"). Optional: where missing, the task pane offers to copy the text. */
  insertIntoSelectedCell?(formula: string): Promise<{ sheet: string; cell: string }>;
  /** Reads a whole sheet as a grid (values, number formats, merges, hidden columns and rows,
   * tables, formulas never calculated) for table discovery: where is the header of a plain
   * range, which kind is it. Optional: where missing, the pane binds Excel tables only. */
  readSheetGrid?(sheet: string): Promise<SheetGrid>;
  /** Every sheet (or the named ones) as grids, in workbook order, in a fixed number of
   * round trips (see docs/reading-workbooks.md). Optional, as readSheetGrid. */
  readSheetGrids?(sheets?: readonly string[]): Promise<SheetGrid[]>;
  /** Diagnostics: writes the probe on a new scratch sheet, reads it back and always removes
   * the sheet (src/workbook/selfTestProbe.ts). Refuses ("sheet-conflict") a name that is
   * taken, writing nothing. Optional: where missing, the Diagnostics page says so. */
  runSelfTest?(probe: SelfTestProbe): Promise<SelfTestReadBack>;
}

export interface NewTableSpec {
  sheet: string;
  tableName: string;
  headers: string[];
  rows?: (string | number | boolean | null)[][];
  /** Column widths in points. */
  columnWidths?: number[];
  /** Number format per column ("" or undefined for General). */
  numberFormats?: (string | undefined)[];
  validation?: ColumnValidation[];
}

/** Data-validation rules for a table's columns: the schema defines them (src/domain/schema.ts). */
export type { ColumnValidation } from "../domain/schema";
