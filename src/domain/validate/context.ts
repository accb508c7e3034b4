/**
 * Where a table sits on its sheet and which column holds which field: what turns a
 * record's row and field into the A1 address an issue points at.
 */
import { projectCodeKey } from "../compute";
import { columnLetters } from "../a1";
import { fieldsOf } from "../schema";
import type { Issue, LocalizedText, RawTable, TableKind } from "../types";
import { severityOf, type RuleCode } from "./catalogue";

export interface TableContext {
  kind: TableKind;
  sheet?: string;
  /** Zero-based sheet row and column of the header row's first cell. */
  origin?: { row: number; col: number };
  /** Field key → zero-based column index inside the table. */
  columns: Readonly<Record<string, number>>;
  /**
   * When several tables of the kind are read as one (one Rounds sheet per project): where
   * each part sits, in row order. A row belongs to the last part starting at or before it,
   * and its issues point at that part's sheet and cells.
   */
  parts?: readonly TablePart[];
}

/** One table of several read as one: its first row in the whole, its place, its columns. */
export interface TablePart {
  /** Zero-based index, in the combined rows, of the part's first data row. */
  start: number;
  sheet?: string;
  origin?: { row: number; col: number };
  columns: Readonly<Record<string, number>>;
}

/** The part of a combined table a row belongs to (the context itself when it has none). */
function partOf(context: TableContext, row: number): TableContext | TablePart {
  const parts = context.parts;
  if (parts === undefined || parts.length === 0) return context;
  let low = 0;
  let high = parts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (parts[mid].start <= row) low = mid;
    else high = mid - 1;
  }
  return parts[low];
}

/** The sheet of a row's cells. */
export function sheetOf(context: TableContext, row: number): string | undefined {
  return partOf(context, row).sheet;
}

/** A row's cell as "A5", or "'Sheet 2'!A5" when the table spans several sheets. */
function placeOf(context: TableContext, row: number, field?: string): string | undefined {
  const cell = cellOf(context, row, field);
  if (cell === undefined || context.parts === undefined) return cell;
  const sheet = sheetOf(context, row);
  if (sheet === undefined || context.parts.every((part) => part.sheet === sheet)) return cell;
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export function contextOf(
  kind: TableKind,
  table: RawTable | undefined,
  columns: Readonly<Record<string, number>>
): TableContext {
  return { kind, sheet: table?.sheet, origin: table?.origin, columns };
}

/** A context for records that come from no sheet: issues carry no address, and every
 * field counts as present (so "missing value" rules apply). */
export function detachedContext(
  kind: TableKind,
  columns?: Readonly<Record<string, number>>
): TableContext {
  return {
    kind,
    columns:
      columns ?? Object.fromEntries(fieldsOf(kind).map((field, index) => [field.key, index])),
  };
}

/** Column letters by index, remembered: every issue of a column needs the same ones. */
const letters: string[] = [];

function lettersOf(column: number): string {
  if (column >= 0 && column < 16_384) return (letters[column] ??= columnLetters(column));
  return columnLetters(column);
}

/** The A1 address of a data row's field (data row 0 sits right under the header), or of
 * the header cell when `row` is -1; undefined when the table or column is not known. */
export function cellOf(context: TableContext, row: number, field?: string): string | undefined {
  const part = partOf(context, row);
  const origin = part.origin;
  if (!origin || !Number.isFinite(origin.row) || !Number.isFinite(origin.col)) return undefined;
  const column = field === undefined ? 0 : part.columns[field];
  if (column === undefined) return undefined;
  const start = part === context ? 0 : (part as TablePart).start;
  return `${lettersOf(origin.col + column)}${origin.row + 2 + row - start}`;
}

/** The key of a record's cell in a set of cells (see `ParsedTable.unreadable`). */
export function cellKey(row: number, field: string): string {
  return `${row}:${field}`;
}

/** A row whose project code the Projects table lacks; `where` names the row. */
export function unknownProjectIssue(
  code: "IND_UNKNOWN_PROJECT" | "ROUND_UNKNOWN_PROJECT",
  context: TableContext,
  row: number,
  where: LocalizedText,
  projectCode: string
): Issue {
  return makeIssue(code, context, row, "projectCode", {
    th: `${where.th}: ไม่พบรหัสโครงการ ${projectCode} ในตารางโครงการ`,
    en: `${where.en}: project code ${projectCode} is not in the Projects table`,
  });
}

export function makeIssue(
  code: RuleCode,
  context: TableContext,
  row: number,
  field: string | undefined,
  message: LocalizedText
): Issue {
  const severity = severityOf(code);
  const table = context.kind;
  const sheet = context.parts === undefined ? context.sheet : sheetOf(context, row);
  const cell = cellOf(context, row, field);
  // The usual issue, at a cell of a sheet, in one literal: one shape, no growing.
  if (field !== undefined && sheet !== undefined && cell !== undefined)
    return { code, severity, table, row, message, field, sheet, cell };
  const issue: Issue = { code, severity, table, row, message };
  if (field !== undefined) issue.field = field;
  if (sheet !== undefined) issue.sheet = sheet;
  if (cell !== undefined) issue.cell = cell;
  return issue;
}

/** The issue of a vocabulary entry marked as not settled ("ผ่าน?"): left out of counts. */
export function uncertainIssue(
  context: TableContext,
  row: number,
  field: string,
  where: LocalizedText,
  text: string
): Issue {
  const shown = text.length > 40 ? `"${text.slice(0, 39)}…"` : `"${text}"`;
  return makeIssue("CELL_UNCERTAIN", context, row, field, {
    th: `${where.th}: ${shown} มีเครื่องหมาย ? จึงยังไม่แน่นอน ไม่นำไปนับ`,
    en: `${where.en}: ${shown} has a question mark, so it is not settled and is not counted`,
  });
}

/** `projectCodeKey` remembered per distinct code: a table repeats each code on every row
 * of its project, and the key is worth computing once. */
export function projectKeyCache(): (code: string) => string {
  const keys = new Map<string, string>();
  return (code) => {
    let key = keys.get(code);
    if (key === undefined) {
      key = projectCodeKey(code);
      keys.set(code, key);
    }
    return key;
  };
}

/** The project a run of rows belongs to: its key ("" without a code) and whether the
 * Projects table lacks it. */
export interface ProjectRun {
  readonly key: string;
  readonly unknown: boolean;
}

/**
 * The rows by project key, as they come (rows without a code in none); `visit` sees each
 * row with its project. A project's rows usually follow one another: its key, group and
 * whether the Projects table knows it are looked up once per run of the same code.
 */
export function groupByProject<T extends { projectCode: string }>(
  rows: readonly T[],
  projectsByCode: ReadonlyMap<string, unknown> | undefined,
  visit: (row: T, project: ProjectRun) => void
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  const keyOf = projectKeyCache();
  let code: string | undefined;
  let run: ProjectRun = { key: "", unknown: false };
  let group: T[] | undefined;
  for (const row of rows) {
    if (row.projectCode !== code) {
      code = row.projectCode;
      const key = code ? keyOf(code) : "";
      run = {
        key,
        unknown: projectsByCode !== undefined && key !== "" && !projectsByCode.has(key),
      };
      group = key ? groups.get(key) : undefined;
      if (key && !group) {
        group = [];
        groups.set(key, group);
      }
    }
    visit(row, run);
    group?.push(row);
  }
  return groups;
}

/** Where the first row with `key` is, when `row` repeats it; the first is remembered in
 * `firstRows` and gives undefined. */
export function repeatOf(
  firstRows: Map<string, number>,
  key: string,
  row: number,
  context: TableContext,
  field: string
): string | undefined {
  const first = firstRows.get(key);
  if (first === undefined) {
    firstRows.set(key, row);
    return undefined;
  }
  return placeOf(context, first, field) ?? `${first + 1}`;
}
