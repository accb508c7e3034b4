/**
 * Formulas of a "live" report: structured references into the bound tables, so the sheet
 * follows the data. Only functions Excel has had since 2007 (INDEX, MATCH, COUNTIFS,
 * IFERROR) and no dynamic arrays, so the sheet also opens in older Excel and LibreOffice.
 */
import type { TableKind } from "../types";

/** Where the bound tables and their columns are: Excel table names and header texts. */
export interface LiveSource {
  tables: Partial<Record<TableKind, string>>;
  /** Field key → header text of the bound column, per table. */
  columns: Partial<Record<TableKind, Readonly<Record<string, string>>>>;
}

/**
 * A structured reference to one column: `Table[[Header]]`. The double brackets are what
 * Excel requires for headers with spaces or special characters and accepts for all; the
 * characters [ ] # ' inside a header are escaped with an apostrophe.
 */
export function columnRef(table: string, header: string): string {
  const escaped = header.replace(/['#[\]]/g, (ch) => `'${ch}`);
  return `${table}[[${escaped}]]`;
}

/** The reference to a bound column, or undefined when the table or field is not bound. */
export function boundColumn(
  source: LiveSource | undefined,
  kind: TableKind,
  field: string
): string | undefined {
  const table = source?.tables[kind];
  const header = source?.columns[kind]?.[field];
  if (!table || !header || !/^[A-Za-z_\\\u0080-\uFFFF][\w.\\\u0080-\uFFFF]*$/.test(table))
    return undefined;
  return columnRef(table, header);
}

/** A string literal in a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A COUNTIFS criterion matching `text` exactly (wildcards * ? ~ escaped). */
export function exactCriterion(text: string): string {
  return formulaString(text.replace(/[*?~]/g, (ch) => `~${ch}`));
}

/** As textAt, as an expression to build on: the cell as text, "" when blank or absent. */
export function textExpr(column: string, indexCell: string): string {
  return `IF(${indexCell}=0,"",""&INDEX(${column},${indexCell}))`;
}

/** The cell shown through a number format (`TEXT`), with a suffix; "" when blank or absent. */
export function formattedExpr(
  column: string,
  indexCell: string,
  numberFormat: string,
  suffix = ""
): string {
  const at = `INDEX(${column},${indexCell})`;
  const tail = suffix === "" ? "" : `&${formulaString(suffix)}`;
  return `IF(${indexCell}=0,"",IF(${at}="","",TEXT(${at},${formulaString(numberFormat)})${tail}))`;
}

/** The column value at the 1-based table row held in `indexCell` (0 = not found → blank).
 * A blank source cell shows blank, not 0. */
export function valueAt(column: string, indexCell: string): string {
  return `=IF(${indexCell}=0,"",IF(INDEX(${column},${indexCell})="","",INDEX(${column},${indexCell})))`;
}

/** As valueAt, for text: numbers typed in a text column show as typed. */
export function textAt(column: string, indexCell: string): string {
  return `=IF(${indexCell}=0,"",""&INDEX(${column},${indexCell}))`;
}

/** The 1-based row of `keyCell`'s value in the key column; 0 when absent. */
export function rowOf(keyColumn: string, keyCell: string): string {
  return `=IFERROR(MATCH(${keyCell},${keyColumn},0),0)`;
}

/** The 1-based row where both key columns match (project code and round); 0 when absent.
 * INDEX(…,0) evaluates the product as an array without Ctrl+Shift+Enter. */
export function rowOfPair(
  firstColumn: string,
  firstCell: string,
  secondColumn: string,
  secondCell: string
): string {
  return `=IFERROR(MATCH(1,INDEX((${firstColumn}=${firstCell})*(${secondColumn}=${secondCell}),0),0),0)`;
}

/** How many rows of the project have one of the spellings in the outcome column. */
export function countSpellings(
  codeColumn: string,
  codeCell: string,
  outcomeColumn: string,
  spellings: readonly string[]
): string {
  const unique = [...new Set(spellings.filter((s) => s.trim() !== ""))];
  if (unique.length === 0) return "=0";
  if (unique.length === 1)
    return `=COUNTIFS(${codeColumn},${codeCell},${outcomeColumn},${exactCriterion(unique[0])})`;
  return `=SUM(COUNTIFS(${codeColumn},${codeCell},${outcomeColumn},{${unique.map(exactCriterion).join(",")}}))`;
}
