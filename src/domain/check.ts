/**
 * The one entry point of checking: raw tables (and optional column mappings) in, typed
 * records and every issue out, sorted by table, row and column. Used by the task pane's
 * Check page and by `kaona check`.
 */
import { autoMap } from "./mapping";
import { parseTable, type RecordOf } from "./records";
import { fieldLabel, fieldsOf, tableLabel, TABLE_KINDS } from "./schema";
import type { ExcelSerial, Issue, RawTable, TableKind, Vocabularies } from "./types";
import { cellKey, contextOf, makeIssue, validateRecords, type TableContext } from "./validate";
import type { TablePart } from "./validate/context";
import { DEFAULT_VOCABULARIES } from "./vocabularies";

export type ColumnMapping = Record<string, number>;

/** One table of a kind, or several read as one (each issue still at its own sheet and cell). */
export type TableInput = RawTable | readonly RawTable[];

export interface CheckInput {
  projects?: TableInput;
  rounds?: TableInput;
  indicators?: TableInput;
  /** Field key → zero-based column index per table (of a single table); auto-mapped from
   * headers when absent. */
  mappings?: Partial<Record<TableKind, ColumnMapping>>;
  /** Per table of a kind given as several tables: each one's mapping, in the order given
   * (undefined: auto-mapped from its headers). A single table's is `mappings`. */
  tableMappings?: Partial<Record<TableKind, readonly (ColumnMapping | undefined)[]>>;
  vocabularies?: Vocabularies;
  /** Points within which actual progress counts as on plan. */
  planTolerance?: number;
  /** "Today", to tell whether a project has ended. */
  asOf?: ExcelSerial;
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckResult {
  records: { [K in TableKind]: RecordOf[K][] };
  issues: Issue[];
  summary: CheckSummary;
  /** The mapping used for each table given. */
  mappings: Partial<Record<TableKind, ColumnMapping>>;
}

export function summarize(issues: readonly Issue[]): CheckSummary {
  const summary: CheckSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const issue of issues) {
    if (issue.severity === "error") summary.errors += 1;
    else if (issue.severity === "warning") summary.warnings += 1;
    else summary.infos += 1;
  }
  return summary;
}

/** Mapping issues: required fields no column holds, and extra columns for one field. */
export function mappingIssues(
  kind: TableKind,
  table: RawTable,
  given: ColumnMapping | undefined,
  context: TableContext
): { columns: ColumnMapping; issues: Issue[] } {
  const issues: Issue[] = [];
  const tableName = `${tableLabel(kind, "th")} (${table.name})`;
  const tableNameEn = `${tableLabel(kind, "en")} (${table.name})`;
  let columns: ColumnMapping;
  let missing: string[];
  if (given) {
    columns = {};
    for (const [field, column] of Object.entries(given)) {
      if (Number.isInteger(column) && column >= 0) columns[field] = column;
    }
    missing = fieldsOf(kind)
      .filter((field) => field.required && columns[field.key] === undefined)
      .map((field) => field.key);
  } else {
    const mapping = autoMap(kind, table.headers);
    columns = mapping.columns;
    missing = mapping.missingRequired;
    for (const duplicate of mapping.duplicates) {
      // The context points at the ignored column's header, not at the one in use.
      const at: TableContext = { ...context, columns: { [duplicate.field]: duplicate.column } };
      issues.push(
        makeIssue("MAP_DUPLICATE_COLUMN", at, -1, duplicate.field, {
          th: `${tableName}: คอลัมน์ "${duplicate.header}" เป็น${fieldLabel(kind, duplicate.field, "th")}ซ้ำ ใช้คอลัมน์แรกแทน`,
          en: `${tableNameEn}: column "${duplicate.header}" repeats ${fieldLabel(kind, duplicate.field, "en")}; the first one is used`,
        })
      );
    }
  }
  for (const field of missing) {
    issues.push(
      makeIssue("MAP_REQUIRED_UNMAPPED", { ...context, columns }, -1, undefined, {
        th: `${tableName}: ไม่พบคอลัมน์ "${fieldLabel(kind, field, "th")}" ซึ่งจำเป็น`,
        en: `${tableNameEn}: the required column "${fieldLabel(kind, field, "en")}" is missing`,
      })
    );
  }
  return { columns, issues };
}

/** Without a Projects table, rounds and indicators cannot be matched to projects: one info
 * says so. */
export function tableNotBoundIssue(tables: Partial<Record<TableKind, unknown>>): Issue | undefined {
  if (tables.projects || !(tables.rounds || tables.indicators)) return undefined;
  const kind: TableKind = tables.rounds ? "rounds" : "indicators";
  return makeIssue("TABLE_NOT_BOUND", { kind, columns: {} }, -1, undefined, {
    th: "ไม่มีตารางโครงการ จึงไม่ได้ตรวจว่ารหัสโครงการมีอยู่จริง ช่วงวันที่ งบประมาณ และจำนวนเป้าหมาย",
    en: "No Projects table: project codes, project periods, budgets and target counts were not cross-checked",
  });
}

const TABLE_ORDER: Record<TableKind, number> = { projects: 0, rounds: 1, indicators: 2 };

/**
 * Parses and validates the tables given. A table left out is simply not checked (without
 * a Projects table, rounds and indicators cannot be matched to projects: one info says
 * so). Never throws on cell content.
 */
export function checkTables(input: CheckInput): CheckResult {
  const vocabularies = input.vocabularies ?? DEFAULT_VOCABULARIES;
  const issues: Issue[] = [];
  const contexts: Partial<Record<TableKind, TableContext>> = {};
  const mappings: Partial<Record<TableKind, ColumnMapping>> = {};
  const unreadable: Partial<Record<TableKind, ReadonlySet<string>>> = {};
  const records: CheckResult["records"] = { projects: [], rounds: [], indicators: [] };

  for (const kind of TABLE_KINDS) {
    const given = input[kind];
    if (!given) continue;
    const parsed = parseTables(
      kind,
      given,
      input.tableMappings?.[kind] ?? input.mappings?.[kind],
      vocabularies
    );
    if (!parsed) continue;
    for (const issue of parsed.issues) issues.push(issue);
    mappings[kind] = parsed.columns;
    contexts[kind] = parsed.context;
    unreadable[kind] = parsed.unreadable;
    // The generic parser's records are those of `kind`: stored in its own list.
    Object.assign(records, { [kind]: parsed.records });
  }

  const present = (kind: TableKind): boolean => contexts[kind] !== undefined;
  const notBound = tableNotBoundIssue(contexts);
  if (notBound) issues.push(notBound);

  const ruleIssues = validateRecords(
    {
      projects: present("projects") ? records.projects : undefined,
      rounds: present("rounds") ? records.rounds : undefined,
      indicators: present("indicators") ? records.indicators : undefined,
    },
    { vocabularies, planTolerance: input.planTolerance, asOf: input.asOf, contexts, unreadable }
  );
  for (const issue of ruleIssues) issues.push(issue);

  const sorted = sortIssues(issues, contexts);
  return { records, issues: sorted, summary: summarize(sorted), mappings };
}

interface ParsedKind {
  records: unknown[];
  issues: Issue[];
  columns: ColumnMapping;
  context: TableContext;
  unreadable: ReadonlySet<string>;
}

/**
 * Maps and parses the tables of one kind. Several tables are read as one: their rows
 * follow each other (a record's `row` counts through all of them), and the context's
 * parts point each row's issues at its own sheet and cells.
 */
function parseTables(
  kind: TableKind,
  given: TableInput,
  mapping: ColumnMapping | readonly (ColumnMapping | undefined)[] | undefined,
  vocabularies: Vocabularies
): ParsedKind | undefined {
  const tables = (Array.isArray(given) ? given : [given]).filter(
    (table): table is RawTable => typeof table === "object" && table !== null
  );
  if (tables.length === 0) return undefined;
  const single = tables.length === 1;
  const result: ParsedKind = {
    records: [],
    issues: [],
    columns: {},
    context: contextOf(kind, tables[0], {}),
    unreadable: new Set(),
  };
  const parts: TablePart[] = [];
  const unreadable = new Set<string>();
  let start = 0;
  for (const [index, table] of tables.entries()) {
    const mapped = mappingIssues(
      kind,
      table,
      Array.isArray(mapping)
        ? (mapping as readonly (ColumnMapping | undefined)[])[index]
        : single
          ? (mapping as ColumnMapping | undefined)
          : undefined,
      contextOf(kind, table, {})
    );
    const parsed = parseTable(kind, table, { columns: mapped.columns, vocabularies });
    if (index === 0) result.columns = mapped.columns;
    parts.push({ start, sheet: table.sheet, origin: table.origin, columns: mapped.columns });
    for (const issue of mapped.issues) result.issues.push(issue);
    for (const issue of parsed.issues) {
      if (start > 0 && issue.row >= 0) issue.row += start;
      result.issues.push(issue);
    }
    for (const record of parsed.records) {
      if (start > 0) (record as { row: number }).row += start;
      result.records.push(record);
    }
    for (const key of parsed.unreadable) {
      const colon = key.indexOf(":");
      unreadable.add(cellKey(Number(key.slice(0, colon)) + start, key.slice(colon + 1)));
    }
    if (single) result.context = parsed.context;
    start += Array.isArray(table.rows) ? table.rows.length : 0;
  }
  if (!single) result.context = { ...contextOf(kind, tables[0], result.columns), parts };
  result.unreadable = unreadable;
  return result;
}

/** By table, then row (table-level issues first), then column; ties keep their order. */
function sortIssues(issues: Issue[], contexts: Partial<Record<TableKind, TableContext>>): Issue[] {
  // One numeric key per issue (exact in a double for any sheet Excel allows), compared
  // through an index array: no object per issue.
  const keys = new Float64Array(issues.length);
  for (let index = 0; index < issues.length; index++) {
    const issue = issues[index];
    const field = issue.field;
    const column = field === undefined ? -1 : (contexts[issue.table]?.columns[field] ?? -1);
    keys[index] = (TABLE_ORDER[issue.table] * 2_000_000 + issue.row + 1) * 20_000 + column + 1;
  }
  const order: number[] = [];
  for (let index = 0; index < issues.length; index++) order.push(index);
  order.sort((a, b) => keys[a] - keys[b] || a - b);
  const sorted: Issue[] = [];
  for (const index of order) sorted.push(issues[index]);
  return sorted;
}
