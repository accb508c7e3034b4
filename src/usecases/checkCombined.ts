/**
 * Checking several units' workbooks as one, for a report over all of them (`kaona report
 * --all` given several files or folders). Each file is checked on its own, as `kaona check`
 * checks it, so every issue keeps its exact place; the place names the file the way Excel
 * names a cell of another workbook ("[unit1.xlsx]Rounds"). The files' tables are then
 * combined by the merge rule (src/domain/merge.ts, the rule of `kaona merge`): a row whose
 * key another file already gave is left out when every value is the same, kept and flagged
 * (MERGE_CONFLICT, naming both places) when values differ. The combined tables give the
 * records the report is made of. Pure.
 */
import { summarize, type CheckResult, type CheckSummary } from "../domain/check";
import { mergedRawTable, TableMerger, type MergeResult } from "../domain/merge";
import { TABLE_KINDS } from "../domain/schema";
import type { ExcelSerial, Issue, Lang, RawTable, TableKind } from "../domain/types";
import { checkChosenTables } from "./checkTables";

export interface UnitWorkbook {
  /** The file's name as the person gave it (a path). */
  file: string;
  /** Its tables per kind, as table discovery found them. */
  tables: Partial<Record<TableKind, readonly RawTable[]>>;
  /** What discovery assumed or left out in it. */
  discoveryIssues?: readonly Issue[];
}

export interface CombinedCheck {
  /** The records of the combined tables. */
  records: CheckResult["records"];
  /** Each file's issues (located in their file), then the merge's conflicts and notes. */
  issues: Issue[];
  summary: CheckSummary;
  /** The merged tables; its issues are located in their files, as `issues`. */
  merge: MergeResult;
  /** Per file: how many rows of each kind it holds. */
  rowsPerFile: { file: string; rows: Record<TableKind, number> }[];
}

/** `sheet` of a cell in workbook `file`, as Excel writes a reference to another workbook. */
export function sheetInFile(file: string, sheet: string): string {
  return `[${file}]${sheet}`;
}

function locatedIn(file: string, issue: Issue): Issue {
  return issue.sheet === undefined ? issue : { ...issue, sheet: sheetInFile(file, issue.sheet) };
}

export function checkCombined(
  units: readonly UnitWorkbook[],
  options: { asOf: ExcelSerial; lang: Lang; planTolerance?: number }
): CombinedCheck {
  const merger = new TableMerger(options.lang);
  const issues: Issue[] = [];
  const rowsPerFile: CombinedCheck["rowsPerFile"] = [];
  const mergeIssues: Issue[] = [];
  for (const unit of units) {
    const own = checkChosenTables({
      tables: unit.tables,
      discoveryIssues: unit.discoveryIssues,
      planTolerance: options.planTolerance,
      asOf: options.asOf,
    });
    for (const issue of own.issues) issues.push(locatedIn(unit.file, issue));
    const rows = { projects: 0, rounds: 0, indicators: 0 };
    for (const kind of TABLE_KINDS)
      for (const table of unit.tables[kind] ?? []) {
        merger.add(unit.file, kind, table);
        rows[kind] += table.rows.length;
      }
    rowsPerFile.push({ file: unit.file, rows });
    // What the merge found adding this file is at this file's rows.
    const found = merger.result().issues;
    for (const issue of found.slice(mergeIssues.length))
      mergeIssues.push(locatedIn(unit.file, issue));
  }
  const merge = { ...merger.result(), issues: mergeIssues };
  issues.push(...mergeIssues);
  const combined: Partial<Record<TableKind, RawTable>> = {};
  for (const kind of TABLE_KINDS)
    if (merge.tables[kind].rows.length > 0)
      combined[kind] = mergedRawTable(merge.tables[kind], {
        name: kind,
        sheet: kind,
        withSources: false,
      });
  // The combined tables' own issues repeat the files' (at places in no file): only their
  // records are used.
  const { records } = checkChosenTables({
    tables: combined,
    planTolerance: options.planTolerance,
    asOf: options.asOf,
  });
  return { records, issues, summary: summarize(issues), merge, rowsPerFile };
}
