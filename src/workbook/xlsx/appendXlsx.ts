/**
 * Adds rows to the Projects and Rounds tables of an existing .xlsx and saves the result
 * as another file (never in place): each row goes under the table's last row, in the
 * table's own column order (found from its headers), with the template's number formats;
 * the Excel table grows to hold it. A kind the workbook has no table for gets a new sheet
 * with a table in Kaona's layout. Nothing already in the workbook is changed; if the cells
 * under a table are not empty, nothing is written at all. Node-only (ExcelJS).
 */
import ExcelJS from "exceljs";
import { cellAddress, parseCell } from "../../domain/a1";
import type { ColumnMapping } from "../../domain/check";
import { autoMap } from "../../domain/mapping";
import { rawTableFromRows, type RowOf } from "../../domain/sample";
import { fieldsOf, tableLabel, templateFor } from "../../domain/schema";
import type { RawTable, TableKind } from "../../domain/types";
import { rawTablesOfGrids, readXlsxGrids } from "./readXlsx";
import { addTableSheet } from "./writeXlsx";

export type AppendKind = "projects" | "rounds";

/** Why rows could not be added to a workbook (cells in the way, a totals row…), in one line. */
export class AppendRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AppendRefusedError";
  }
}

export interface AppendTarget {
  /** The workbook table the rows go to (from readXlsxTables); undefined: a new sheet. */
  table?: RawTable;
  /** Its column mapping; auto-mapped from its headers when absent. */
  columns?: ColumnMapping;
}

export interface AppendResult {
  /** Where each kind's rows went: the sheet, and the A1 range of the rows added. */
  written: Partial<
    Record<AppendKind, { sheet: string; range: string; table: string; created: boolean }>
  >;
}

interface LoadedTableModel {
  tableRef?: string;
  ref?: string;
  autoFilterRef?: string;
  totalsRow?: boolean;
}

function modelOf(sheet: ExcelJS.Worksheet, name: string): LoadedTableModel | undefined {
  const tables = (sheet as unknown as { tables?: Record<string, { table?: LoadedTableModel }> })
    .tables;
  return tables?.[name]?.table;
}

function uniqueName(taken: ReadonlySet<string>, wanted: string, separator: string): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}${separator}${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function tableNames(workbook: ExcelJS.Workbook): Set<string> {
  const names = new Set<string>();
  for (const sheet of workbook.worksheets) {
    const tables = (sheet as unknown as { tables?: Record<string, unknown> }).tables ?? {};
    for (const name of Object.keys(tables)) names.add(name.toLowerCase());
  }
  return names;
}

/** Writes `rows` under `table` on its sheet; throws AppendRefusedError when cells are in the way. */
function appendUnder(
  workbook: ExcelJS.Workbook,
  kind: AppendKind,
  table: RawTable,
  columns: ColumnMapping,
  rows: readonly RowOf<AppendKind>[]
): { sheet: string; range: string; table: string; created: boolean } {
  const sheet = workbook.getWorksheet(table.sheet);
  if (!sheet) throw new AppendRefusedError(`sheet ${table.sheet} not found`);
  const model = modelOf(sheet, table.name);
  const ref = model?.tableRef ?? model?.ref;
  const corners = ref?.split(":").map((cell) => parseCell(cell));
  const top = table.origin.row;
  const left = table.origin.col;
  const right = left + table.headers.length - 1;
  // The last row of the table: its ref when it is an Excel table, else its data.
  const bottom = corners?.[1] ? corners[1].row : top + table.rows.length;
  if (model?.totalsRow) {
    throw new AppendRefusedError(
      `table ${table.name} has a totals row; add the rows in Excel instead`
    );
  }
  const first = bottom + 1;
  for (let r = first; r < first + rows.length; r++) {
    for (let c = left; c <= right; c++) {
      const value = sheet.getCell(r + 1, c + 1).value;
      if (value !== null && value !== undefined && value !== "") {
        throw new AppendRefusedError(
          `cell ${table.sheet}!${cellAddress(r, c)} under table ${table.name} is not empty; nothing was written`
        );
      }
    }
  }
  const formats = templateFor(kind, "th").numberFormats;
  const fields = fieldsOf(kind);
  rows.forEach((row, index) => {
    fields.forEach((field, position) => {
      const column = columns[field.key];
      if (column === undefined) return;
      const cell = sheet.getCell(first + index + 1, left + column + 1);
      const value = (row as Record<string, unknown>)[field.key];
      cell.value = value === undefined ? null : (value as ExcelJS.CellValue);
      const format = formats[position];
      if (format && value !== undefined) cell.numFmt = format;
    });
  });
  const last = first + rows.length - 1;
  if (model) {
    const newRef = `${cellAddress(top, left)}:${cellAddress(last, right)}`;
    model.tableRef = newRef;
    if (model.ref !== undefined) model.ref = newRef;
    if (model.autoFilterRef !== undefined) model.autoFilterRef = newRef;
  }
  return {
    sheet: table.sheet,
    range: `${cellAddress(first, left)}:${cellAddress(last, right)}`,
    table: table.name,
    created: false,
  };
}

/**
 * Loads `source`, adds the rows of each kind, writes the result to `out`. `targets` says
 * which table each kind goes to. Throws AppendRefusedError (one line), or XlsxReadError for a file it cannot read.
 */
export async function appendRowsToWorkbook(
  source: string,
  out: string,
  additions: Partial<Record<AppendKind, readonly RowOf<AppendKind>[]>>,
  targets: Partial<Record<AppendKind, AppendTarget>>
): Promise<AppendResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(source);
  } catch {
    throw new AppendRefusedError(`${source} is not a readable .xlsx workbook`);
  }
  const result: AppendResult = { written: {} };
  // The tables as `kaona check` finds them (the same reader and discovery).
  const present = rawTablesOfGrids(await readXlsxGrids(source));
  for (const kind of ["projects", "rounds"] as const) {
    const rows = additions[kind] ?? [];
    if (rows.length === 0) continue;
    const target = targets[kind];
    const table =
      target?.table &&
      present.find(
        (candidate: RawTable) =>
          candidate.name === target.table?.name && candidate.sheet === target.table?.sheet
      );
    if (table) {
      const columns = target?.columns ?? autoMap(kind as TableKind, table.headers).columns;
      result.written[kind] = appendUnder(workbook, kind, table, columns, rows);
      continue;
    }
    const sheets = new Set(workbook.worksheets.map((sheet) => sheet.name.toLowerCase()));
    const created = rawTableFromRows(kind, rows, {
      sheet: uniqueName(sheets, tableLabel(kind, "th"), " "),
      name: uniqueName(
        tableNames(workbook),
        kind === "projects" ? "KaonaProjects" : "KaonaRounds",
        ""
      ),
    });
    addTableSheet(workbook, { kind, table: created });
    result.written[kind] = {
      sheet: created.sheet,
      range: `A2:${cellAddress(rows.length, created.headers.length - 1)}`,
      table: created.name,
      created: true,
    };
  }
  await workbook.xlsx.writeFile(out);
  return result;
}
