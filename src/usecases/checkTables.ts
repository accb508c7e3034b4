/**
 * Checking the chosen tables: the one way the task pane and the `kaona` command turn tables
 * (and, in the pane, the person's column choices) into a `CheckResult`. "Today" is always
 * given, so both judge "has this project ended?" on the same day.
 */
import {
  checkTables,
  type CheckInput,
  type CheckResult,
  type ColumnMapping,
} from "../domain/check";
import { IncrementalCheck } from "../domain/incremental";
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

function checkInput(request: CheckRequest): CheckInput {
  const input: CheckInput = {
    ...request.tables,
    vocabularies: request.vocabularies,
    planTolerance: request.planTolerance,
    asOf: request.asOf,
  };
  if (request.columns) {
    input.mappings = {};
    for (const [kind, raw] of Object.entries(request.tables) as [TableKind, RawTable][]) {
      const mapping = mappingOf(request, kind, raw);
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
  return checkTables(checkInput(request));
}

/** The same check, kept to be brought up to date change by change (the live check). */
export function startLiveCheck(request: CheckRequest): IncrementalCheck {
  return new IncrementalCheck(checkInput(request));
}
