/**
 * What importing would change in tables that already exist: each imported project and
 * round is new, the same as a row already there, able to fill that row's blank cells, or
 * in conflict with it (a value already there differs). Conflicting values are never
 * overwritten: the plan only appends new rows and, when asked, fills blank cells. Pure.
 */
import { checkTables, type ColumnMapping } from "../check";
import { projectCodeKey } from "../compute";
import { formatDate, formatNumber, localized } from "../messages";
import type { RecordOf } from "../records";
import type { RowOf } from "../sample";
import { fieldLabel, fieldsOf } from "../schema";
import { normalizeForMatch } from "../text";
import type { Issue, Project, RawTable, Round, TableKind, VocabValue } from "../types";
import type { ImportedReport } from "./index";
import { importIssue } from "./issues";

export type MergeStatus = "new" | "same" | "fill" | "conflict";

export interface FieldChange {
  field: string;
  /** Values as a person reads them ("" for a blank cell). */
  existing: string;
  imported: string;
}

export interface MergeItem<K extends "projects" | "rounds"> {
  kind: K;
  status: MergeStatus;
  projectCode: string;
  /** Round number, for rounds. */
  round?: number;
  /** The imported row, by field key. */
  row: RowOf<K>;
  /** Zero-based data row of the existing table's matching row, when there is one. */
  existingRow?: number;
  /** Blank cells the import would fill ("fill"), or values that differ ("conflict"). */
  changes: FieldChange[];
  /** Which report (index in the import) the item comes from. */
  report: number;
}

export interface MergePlan {
  projects: MergeItem<"projects">[];
  rounds: MergeItem<"rounds">[];
  /** One warning per conflicting project or round. */
  issues: Issue[];
  counts: Record<MergeStatus, number>;
}

export interface ExistingTables {
  projects?: RawTable;
  rounds?: RawTable;
  /** Column mappings of the existing tables; auto-mapped from their headers when absent. */
  mappings?: Partial<Record<TableKind, ColumnMapping>>;
}

type Comparable = string | number | VocabValue | undefined;

function shownValue(field: string, value: Comparable): string {
  if (value === undefined) return "";
  if (typeof value === "object") return value.text;
  if (typeof value === "number") {
    return field === "start" || field === "end" || field === "date"
      ? formatDate(value, "th")
      : formatNumber(value, Number.isInteger(value) ? 0 : 2);
  }
  return value;
}

function sameValue(a: Comparable, b: Comparable): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  if (typeof a === "object" && typeof b === "object") {
    return a.key !== null && a.key === b.key
      ? true
      : normalizeForMatch(a.text) === normalizeForMatch(b.text);
  }
  if (typeof a === "string" && typeof b === "string")
    return normalizeForMatch(a) === normalizeForMatch(b);
  return false;
}

/** The fields of `kind` compared between an imported record and an existing one. */
/** The merge item of one imported record against the table's matching record, if any. */
function itemFor<K extends "projects" | "rounds">(
  kind: K,
  imported: RecordOf[K],
  existing: RecordOf[K] | undefined,
  where: { projectCode: string; row: RowOf<K>; report: number; round?: number }
): MergeItem<K> {
  const compared = existing
    ? compare(kind, imported, existing)
    : { status: "new" as const, changes: [] };
  const item: MergeItem<K> = { kind, status: compared.status, ...where, changes: compared.changes };
  if (existing) item.existingRow = existing.row;
  return item;
}

function compare<T extends Project | Round>(
  kind: "projects" | "rounds",
  imported: T,
  existing: T
): { status: MergeStatus; changes: FieldChange[] } {
  const fills: FieldChange[] = [];
  const conflicts: FieldChange[] = [];
  for (const { key } of fieldsOf(kind)) {
    const mine = (imported as unknown as Record<string, Comparable>)[key];
    const theirs = (existing as unknown as Record<string, Comparable>)[key];
    if (mine === undefined || mine === "") continue;
    if (theirs === undefined || theirs === "") {
      fills.push({ field: key, existing: "", imported: shownValue(key, mine) });
    } else if (!sameValue(mine, theirs)) {
      conflicts.push({
        field: key,
        existing: shownValue(key, theirs),
        imported: shownValue(key, mine),
      });
    }
  }
  if (conflicts.length > 0) return { status: "conflict", changes: conflicts };
  if (fills.length > 0) return { status: "fill", changes: fills };
  return { status: "same", changes: [] };
}

function conflictIssue(item: MergeItem<"projects"> | MergeItem<"rounds">, index: number): Issue {
  const fields = (lang: "th" | "en") =>
    item.changes
      .map(
        (change) =>
          `${fieldLabel(item.kind, change.field, lang)} "${change.existing.slice(0, 30)}" ≠ "${change.imported.slice(0, 30)}"`
      )
      .join("; ");
  const what = localized((lang) =>
    item.kind === "projects"
      ? lang === "th"
        ? `โครงการ ${item.projectCode}`
        : `Project ${item.projectCode}`
      : lang === "th"
        ? `โครงการ ${item.projectCode} รายงานครั้งที่ ${item.round}`
        : `Project ${item.projectCode} round ${item.round}`
  );
  return importIssue("IMPORT_CONFLICT", item.kind, index, item.changes[0]?.field, {
    th: `${what.th} มีอยู่แล้วในตารางด้วยค่าอื่น จะไม่เขียนทับ: ${fields("th")}`,
    en: `${what.en} is already in the table with other values and will not be overwritten: ${fields("en")}`,
  });
}

/**
 * Compares the imported reports with the existing tables. Reports without a project code
 * are left out (they cannot be written). A project or round imported twice counts once:
 * the first report wins, as in the import's own warning.
 */
export function planImport(
  reports: readonly ImportedReport[],
  existing: ExistingTables = {}
): MergePlan {
  const current = checkTables({
    projects: existing.projects,
    rounds: existing.rounds,
    mappings: existing.mappings,
  }).records;
  const projectsByKey = new Map<string, Project>();
  for (const project of current.projects) {
    const key = projectCodeKey(project.code);
    if (key !== "" && !projectsByKey.has(key)) projectsByKey.set(key, project);
  }
  const roundsByKey = new Map<string, Round>();
  for (const round of current.rounds) {
    if (round.round === undefined) continue;
    const key = `${projectCodeKey(round.projectCode)}#${round.round}`;
    if (!roundsByKey.has(key)) roundsByKey.set(key, round);
  }
  const plan: MergePlan = {
    projects: [],
    rounds: [],
    issues: [],
    counts: { new: 0, same: 0, fill: 0, conflict: 0 },
  };
  const seen = new Set<string>();
  reports.forEach((report, index) => {
    const code = report.project.code;
    const key = projectCodeKey(code);
    if (key === "" || seen.has(key)) return;
    seen.add(key);
    const there = projectsByKey.get(key);
    const where = { projectCode: code, row: report.projectRow, report: index };
    plan.projects.push(itemFor("projects", report.project, there, where));
    report.rounds.forEach((round, at) => {
      const existingRound = roundsByKey.get(`${key}#${round.round}`);
      const roundAt = { ...where, round: round.round, row: report.roundRows[at] };
      plan.rounds.push(itemFor("rounds", round, existingRound, roundAt));
    });
  });
  for (const item of [...plan.projects, ...plan.rounds]) {
    plan.counts[item.status] += 1;
    if (item.status === "conflict") plan.issues.push(conflictIssue(item, item.existingRow ?? -1));
  }
  return plan;
}
