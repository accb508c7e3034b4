/**
 * The import's findings, in the domain's Issue shape (Thai and English), so that the CLI
 * and the task pane show them the way they show the checker's. `row` is the row the
 * record will take in the imported Projects or Rounds rows of its report.
 */
import type { Issue, LocalizedText, Severity, TableKind } from "../types";

export const IMPORT_ISSUE_SEVERITY = {
  /** Nothing that reads as the form: no project code, no round. */
  IMPORT_NOTHING_FOUND: "error",
  /** A report without a project code: its rounds cannot be tied to a project. */
  IMPORT_NO_PROJECT_CODE: "error",
  /** A round's label, narrative and progress lines are out of step: the reading is shown. */
  IMPORT_ROUND_OUT_OF_STEP: "warning",
  /** A progress line that names no round, placed by the label above it. */
  IMPORT_PROGRESS_WITHOUT_ROUND: "warning",
  /** Two progress (or date, or status) lines for one round: the first is kept. */
  IMPORT_ROUND_REPEATED_VALUE: "warning",
  /** A value printed for a round that has no "รายงานครั้งที่N" label. */
  IMPORT_ROUND_WITHOUT_LABEL: "warning",
  /** A labelled round without a date, or without a progress line. */
  IMPORT_ROUND_INCOMPLETE: "warning",
  /** A printed date or amount that does not read as one; kept as printed. */
  IMPORT_VALUE_UNREADABLE: "warning",
  /** Text the parser could not place in any field; left out. */
  IMPORT_TEXT_NOT_PLACED: "info",
  /** "?" the system's extraction left for lost characters, read as quotes or dashes. */
  IMPORT_CHARACTERS_RESTORED: "info",
  /** A project or round already in the user's table with other values: not overwritten. */
  IMPORT_CONFLICT: "warning",
  /** The same project printed twice in the input: both reports are returned. */
  IMPORT_PROJECT_REPEATED: "warning",
} as const satisfies Record<string, Severity>;

export type ImportIssueCode = keyof typeof IMPORT_ISSUE_SEVERITY;

export function importIssue(
  code: ImportIssueCode,
  table: TableKind,
  row: number,
  field: string | undefined,
  message: LocalizedText
): Issue {
  const issue: Issue = { code, severity: IMPORT_ISSUE_SEVERITY[code], table, row, message };
  if (field !== undefined) issue.field = field;
  return issue;
}
