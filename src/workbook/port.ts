/**
 * The workbook port: everything Kaona asks of a workbook. Two implementations:
 * `excel/` (Office.js, the only code that touches Excel.*) and `memory/` (browser
 * preview, UI tests, the CLI). The task pane talks only to this interface.
 */
import type { RawTable, SheetLayout, TableKind } from "../domain/types";

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

export interface Bindings {
  version: 1;
  tables: TableBinding[];
  /** Per-workbook settings (vocabularies, tolerance, language, date display). */
  settings?: Record<string, unknown>;
}

/** What "write a generated sheet" reports back. */
export interface WriteResult {
  sheet: string;
  /** Context.sync calls the write took (1 for the in-memory workbook). */
  syncs: number;
  /** Whether an earlier Kaona sheet of that name was replaced. */
  replaced: boolean;
}

export type WriteConflict =
  /** A sheet of that name exists and Kaona did not generate it: never touched. */
  | "not-generated"
  /** Kaona generated it but the user edited it since: ask before replacing. */
  | "edited";

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
    readonly detail?: { sheet?: string; table?: string; conflict?: WriteConflict },
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
  writeSheet(layout: SheetLayout, options?: { overwriteEdited?: boolean; activate?: boolean }): Promise<WriteResult>;
  /** Selects a cell (and activates its sheet). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Calls `handler` (debounced by the caller) when any of the tables changes; returns the remover. */
  onTablesChanged(tableIds: string[], handler: (tableId: string) => void): Promise<() => Promise<void>>;
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

export type ColumnValidation =
  | { column: number; type: "list"; source: string[]; prompt?: string; error?: string }
  | { column: number; type: "decimal"; min: number; max: number; prompt?: string; error?: string }
  | { column: number; type: "wholeNumber"; min: number; max?: number; prompt?: string; error?: string }
  | { column: number; type: "date"; prompt?: string; error?: string };
