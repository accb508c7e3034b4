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
  type TableInput,
} from "../domain/check";
import { toExcelSerial } from "../domain/dates";
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
  vocabularies?: Vocabularies;
  planTolerance?: number;
  /** "Today"; see `dayOf`. */
  asOf: ExcelSerial;
}

/** The calendar day of a local date, as an Excel serial. */
export function dayOf(date: Date): ExcelSerial {
  return toExcelSerial(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

export function checkChosenTables(request: CheckRequest): CheckResult {
  const input: CheckInput = {
    ...request.tables,
    vocabularies: request.vocabularies,
    planTolerance: request.planTolerance,
    asOf: request.asOf,
  };
  if (request.columns) {
    input.mappings = {};
    for (const [kind, given] of Object.entries(request.tables) as [TableKind, TableInput][]) {
      const byHeader = request.columns[kind];
      const raw: RawTable | undefined = Array.isArray(given)
        ? given.length === 1
          ? given[0]
          : undefined
        : (given as RawTable);
      if (byHeader && raw) input.mappings[kind] = columnsFromHeaders(raw.headers, byHeader);
    }
  }
  const result = checkTables(input);
  const found = request.discoveryIssues ?? [];
  if (found.length === 0) return result;
  const issues = [...found, ...result.issues];
  return { ...result, issues, summary: summarize(issues) };
}
