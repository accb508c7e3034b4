/**
 * Checking the chosen tables: the one way the task pane and the `kaona` command turn tables
 * (and, in the pane, the person's column choices) into a `CheckResult`. "Today" is always
 * given, so both judge "has this project ended?" on the same day.
 */
import {
  checkTables,
  summarize,
  type CheckInput,
  type CheckResult,
  type ColumnMapping,
  type TableInput,
} from "../domain/check";
import { toExcelSerial } from "../domain/dates";
import { IncrementalCheck } from "../domain/incremental";
import { columnsFromHeaders } from "../domain/mapping";
import type { ExcelSerial, Issue, RawTable, TableKind, Vocabularies } from "../domain/types";

export interface CheckRequest {
  /** One table per kind, or several read as one (table discovery finds every table). */
  tables: Partial<Record<TableKind, TableInput>>;
  /** What table discovery assumed or left out (hidden sheets, totals rows…): reported
   * first, since it explains what the checks read. */
  discoveryIssues?: readonly Issue[];
  /** Field key → header text per kind, as bound (a single table per kind); headers are
   * auto-mapped where absent. */
  columns?: Partial<Record<TableKind, Readonly<Record<string, string>>>>;
  /** Per kind given as several tables: each table's bound columns, in the order given
   * (the task pane binds every table of a kind; each binding has its own columns). */
  tableColumns?: Partial<Record<TableKind, readonly Readonly<Record<string, string>>[]>>;
  vocabularies?: Vocabularies;
  planTolerance?: number;
  /** "Today"; see `dayOf`. */
  asOf: ExcelSerial;
}

/** The calendar day of a local date, as an Excel serial. */
export function dayOf(date: Date): ExcelSerial {
  return toExcelSerial(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** The one table of a kind, when a kind is given as one table (bound columns apply to it). */
function singleTable(given: TableInput | undefined): RawTable | undefined {
  if (!given) return undefined;
  if (!Array.isArray(given)) return given as RawTable;
  return given.length === 1 ? given[0] : undefined;
}

function checkInput(request: CheckRequest): CheckInput {
  const input: CheckInput = {
    ...request.tables,
    vocabularies: request.vocabularies,
    planTolerance: request.planTolerance,
    asOf: request.asOf,
  };
  for (const kind of Object.keys(request.tableColumns ?? {}) as TableKind[]) {
    const given = request.tables[kind];
    const columns = request.tableColumns?.[kind];
    if (!Array.isArray(given) || !columns) continue;
    input.tableMappings ??= {};
    input.tableMappings[kind] = (given as readonly RawTable[]).map((raw, i) =>
      columns[i] ? columnsFromHeaders(raw.headers, columns[i]) : undefined
    );
  }
  if (request.columns) {
    input.mappings = {};
    for (const kind of Object.keys(request.tables) as TableKind[]) {
      const raw = singleTable(request.tables[kind]);
      const mapping = raw ? mappingOf(request, kind, raw) : undefined;
      if (mapping) input.mappings[kind] = mapping;
    }
  }
  return input;
}

/** The column mapping of a table as read: the bound headers' columns, or undefined (auto). */
export function mappingOf(
  request: Pick<CheckRequest, "columns">,
  kind: TableKind,
  raw: RawTable
): ColumnMapping | undefined {
  const byHeader = request.columns?.[kind];
  return byHeader ? columnsFromHeaders(raw.headers, byHeader) : undefined;
}

export function checkChosenTables(request: CheckRequest): CheckResult {
  const result = checkTables(checkInput(request));
  const found = request.discoveryIssues ?? [];
  if (found.length === 0) return result;
  const issues = [...found, ...result.issues];
  return { ...result, issues, summary: summarize(issues) };
}

/** The same check, kept to be brought up to date change by change (the live check of the
 * task pane, which binds one table per kind). */
export function startLiveCheck(
  request: CheckRequest & { tables: Partial<Record<TableKind, RawTable>> }
): IncrementalCheck {
  return new IncrementalCheck(checkInput(request));
}
