/**
 * Checking the chosen tables: the one way the task pane and the `kaona` command turn tables
 * (and, in the pane, the person's column choices) into a `CheckResult`. "Today" is always
 * given, so both judge "has this project ended?" on the same day.
 */
import { checkTables, type CheckInput, type CheckResult } from "../domain/check";
import { toExcelSerial } from "../domain/dates";
import { columnsFromHeaders } from "../domain/mapping";
import type { ExcelSerial, RawTable, TableKind, Vocabularies } from "../domain/types";

export interface CheckRequest {
  tables: Partial<Record<TableKind, RawTable>>;
  /** Field key → header text per kind, as bound; headers are auto-mapped where absent. */
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
    for (const [kind, raw] of Object.entries(request.tables) as [TableKind, RawTable][]) {
      const byHeader = request.columns[kind];
      if (byHeader) input.mappings[kind] = columnsFromHeaders(raw.headers, byHeader);
    }
  }
  return checkTables(input);
}
