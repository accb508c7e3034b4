/**
 * Import of the city system's progress report form ("แบบแสดงรายงานความก้าวหน้าและข้อมูล
 * เกี่ยวกับโครงการ") from what staff have: the page printed to text, text or HTML copied
 * from the browser, a saved .txt/.html file, several reports pasted one after another.
 * Returns, per report, the Projects row and Rounds rows in Kaona's layout (typed cells:
 * dates as serials, amounts as numbers), the domain's records parsed from those rows, how
 * each round was read, and issues in the checker's shape. Pure; never throws.
 */
import { parseTable, type RecordOf } from "../records";
import { rawTableFromRows, type RowOf } from "../sample";
import { fieldsOf, type ProjectField } from "../schema";
import type { Issue, Project, RawTable, Round, TableKind, Vocabularies } from "../types";
import { DEFAULT_VOCABULARIES, matchVocabulary } from "../vocabularies";
import {
  FOOTER_RE,
  labelledField,
  SECTION1_RE,
  SECTION2_RE,
  TITLE_RE,
  classifyRoundLine,
} from "./form";
import { emptyHeader, readHeaderSegment, type PrintedHeader } from "./header";
import { importIssue } from "./issues";
import { segmentsOf, type Segment } from "./markup";
import { projectRowOf, roundRowOf, type CellReader } from "./cells";
import { roundIssues, readingOf, type RoundReading } from "./reading";
import { RoundReader, type PrintedRounds, type StatusKind } from "./rounds";

export { segmentsOf, restoreLostCharacters, type Segment } from "./markup";
export { IMPORT_ISSUE_SEVERITY, type ImportIssueCode } from "./issues";
export type { RoundReading, RoundSource } from "./reading";
export type { RoundPart } from "./rounds";
export {
  planImport,
  type ExistingTables,
  type FieldChange,
  type MergeItem,
  type MergePlan,
  type MergeStatus,
} from "./merge";

export interface ImportOptions {
  vocabularies?: Vocabularies;
}

export interface ImportedReport {
  /** First and last line of the input the report was read from (1-based). */
  firstLine: number;
  lastLine: number;
  /** The project's row and its rounds' rows in Kaona's table layout, by field key. */
  projectRow: RowOf<"projects">;
  roundRows: RowOf<"rounds">[];
  /** The same rows parsed by the domain (what validation and the report builder use). */
  project: Project;
  rounds: Round[];
  /** How each round (same order as `rounds`) was read from the printout. */
  readings: RoundReading[];
  /** This report's issues; `row` is the row in `roundRows` (or 0 for the project). */
  issues: Issue[];
}

export interface ImportResult {
  reports: ImportedReport[];
  /** Every report's issues, then those about the input as a whole. */
  issues: Issue[];
}

interface ReportDraft {
  firstLine: number;
  lastLine: number;
  header: PrintedHeader;
  reader: RoundReader;
  phase: "header" | "rounds" | "footer";
  current: ProjectField | undefined;
  hasContent: boolean;
}

function statusKindOf(vocabularies: Vocabularies): (text: string) => StatusKind | undefined {
  return (text) => {
    if (matchVocabulary(text, vocabularies.planStatus)?.key) return "planStatus";
    if (matchVocabulary(text, vocabularies.targetStatus)?.key) return "targetStatus";
    if (/เป้าหมาย/.test(text)) return "targetStatus";
    if (/แผน/.test(text)) return "planStatus";
    return undefined;
  };
}

function newDraft(line: number, statusKind: (text: string) => StatusKind | undefined): ReportDraft {
  return {
    firstLine: line,
    lastLine: line,
    header: emptyHeader(),
    reader: new RoundReader(statusKind),
    phase: "header",
    current: undefined,
    hasContent: false,
  };
}

/** Splits the segments into reports and reads each segment into its report. */
function readDrafts(segments: readonly Segment[], vocabularies: Vocabularies): ReportDraft[] {
  const statusKind = statusKindOf(vocabularies);
  const drafts: ReportDraft[] = [];
  let draft: ReportDraft | undefined;
  for (const segment of segments) {
    const text = segment.text;
    if (TITLE_RE.test(text)) continue; // the title, also repeated at each page break
    const startsReport =
      SECTION1_RE.test(text) ||
      (draft?.header.fields.code !== undefined && labelledField(text)?.field === "code");
    if (draft === undefined || (startsReport && draft.hasContent)) {
      draft = newDraft(segment.line, statusKind);
      drafts.push(draft);
    }
    draft.lastLine = segment.line;
    if (SECTION1_RE.test(text)) continue;
    if (FOOTER_RE.test(text)) {
      draft.phase = "footer";
      continue;
    }
    if (draft.phase === "footer") continue;
    if (draft.phase === "header") {
      if (SECTION2_RE.test(text)) {
        draft.phase = "rounds";
        continue;
      }
      if (classifyRoundLine(text).kind === "label") draft.phase = "rounds";
      else {
        draft.current = readHeaderSegment(draft.header, segment, draft.current);
        draft.hasContent = true;
        continue;
      }
    }
    draft.reader.read(segment);
    draft.hasContent = true;
  }
  return drafts;
}

/** Column i of the layout holds field i: the rows are built by field key. */
function identityColumns(kind: TableKind): Record<string, number> {
  const columns: Record<string, number> = {};
  fieldsOf(kind).forEach((field, index) => (columns[field.key] = index));
  return columns;
}
const LAYOUT_COLUMNS = {
  projects: identityColumns("projects"),
  rounds: identityColumns("rounds"),
};

/** Rows built by field key, parsed as the checker parses the table's rows. */
function parseLaidOutRows<K extends "projects" | "rounds">(
  kind: K,
  rows: readonly RowOf<K>[],
  vocabularies: Vocabularies
): RecordOf[K][] {
  return parseTable(kind, rawTableFromRows(kind, rows), {
    columns: LAYOUT_COLUMNS[kind],
    vocabularies,
  }).records;
}

function buildReport(draft: ReportDraft): ImportedReport | undefined {
  const printed: PrintedRounds = draft.reader.finish();
  const { header } = draft;
  if (Object.keys(header.fields).length === 0 && printed.rounds.length === 0) return undefined;
  const issues: Issue[] = [];
  const cells: CellReader = { issues, restored: 0 };
  const projectRow = projectRowOf(header, cells);
  const code = typeof projectRow.code === "string" ? projectRow.code : "";
  if (code === "") {
    issues.push(
      importIssue("IMPORT_NO_PROJECT_CODE", "projects", 0, "code", {
        th: `รายงานที่เริ่มบรรทัด ${draft.firstLine} ไม่มีรหัสโครงการ จึงนำเข้าไม่ได้ (รายงานครั้งที่ต้องผูกกับโครงการ)`,
        en: `The report starting at line ${draft.firstLine} has no project code, so it cannot be imported (rounds must belong to a project)`,
      })
    );
  }
  const roundRows = printed.rounds.map((round, row) => roundRowOf(round, row, code, cells));
  const readings = readingOf(printed.rounds);
  for (const issue of roundIssues(printed, readings)) issues.push(issue);
  if (header.unplaced.length > 0 || printed.unplaced.length > 0) {
    const first = [...header.unplaced, ...printed.unplaced][0];
    const count = header.unplaced.length + printed.unplaced.length;
    const table: TableKind = header.unplaced.length > 0 ? "projects" : "rounds";
    issues.push(
      importIssue("IMPORT_TEXT_NOT_PLACED", table, -1, undefined, {
        th: `ข้อความ ${count} ช่วงไม่ได้อยู่ในช่องใดของแบบฟอร์ม จึงไม่ได้นำเข้า เช่น บรรทัด ${first.line}: "${first.text.slice(0, 60)}"`,
        en: `${count} piece(s) of text belong to no field of the form and were left out, e.g. line ${first.line}: "${first.text.slice(0, 60)}"`,
      })
    );
  }
  if (cells.restored > 0) {
    issues.push(
      importIssue("IMPORT_CHARACTERS_RESTORED", "projects", -1, undefined, {
        th: `ระบบพิมพ์ "?" แทนอักขระที่แปลงไม่ได้ ${cells.restored} ตัว อ่านเป็นเครื่องหมายคำพูด “ ” หรือขีด – แล้ว โปรดตรวจทาน`,
        en: `The system printed "?" for ${cells.restored} character(s) it could not convert; they were read as quotes “ ” or dashes –, please review`,
      })
    );
  }
  return {
    firstLine: draft.firstLine,
    lastLine: draft.lastLine,
    projectRow,
    roundRows,
    // Filled in by `parseRecords`, for all reports at once.
    project: { row: 0, code, name: "" },
    rounds: [],
    readings,
    issues,
  };
}

/**
 * The domain's records of every report's rows, parsed in one pass per table (the same
 * parser the checker uses, so imported records are exactly what the workbook would give).
 */
function parseRecords(reports: readonly ImportedReport[], vocabularies: Vocabularies): void {
  const projects = parseLaidOutRows(
    "projects",
    reports.map((report) => report.projectRow),
    vocabularies
  );
  const rounds = parseLaidOutRows(
    "rounds",
    reports.flatMap((report) => report.roundRows),
    vocabularies
  );
  const projectAt = new Map(projects.map((record) => [record.row, record]));
  let next = 0;
  reports.forEach((report, index) => {
    // parseTable skips blank rows; a report's project row always holds a field.
    const project = projectAt.get(index);
    if (project !== undefined) report.project = { ...project, row: 0 };
    const count = report.roundRows.length;
    report.rounds = rounds.slice(next, next + count).map((round, row) => ({ ...round, row }));
    next += count;
  });
}

/**
 * Reads every report in `input` (text or HTML as pasted or saved). Never throws: what it
 * cannot read is an issue. Ambiguities are issues too, and each round's reading says
 * where its values came from, so that nothing is written before the user has seen them.
 */
export function importProgressReports(input: string, options: ImportOptions = {}): ImportResult {
  const vocabularies = options.vocabularies ?? DEFAULT_VOCABULARIES;
  const drafts = readDrafts(segmentsOf(typeof input === "string" ? input : ""), vocabularies);
  const reports: ImportedReport[] = [];
  for (const draft of drafts) {
    const report = buildReport(draft);
    if (report !== undefined) reports.push(report);
  }
  parseRecords(reports, vocabularies);
  const issues: Issue[] = [];
  for (const report of reports) for (const issue of report.issues) issues.push(issue);
  if (reports.length === 0) {
    issues.push(
      importIssue("IMPORT_NOTHING_FOUND", "projects", -1, undefined, {
        th: "ไม่พบแบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการในข้อความนี้ (ไม่มีรหัสโครงการหรือรายงานครั้งที่)",
        en: "No project progress report form found in this text (no project code and no report round)",
      })
    );
  }
  const seen = new Map<string, ImportedReport>();
  for (const report of reports) {
    const code = report.project.code;
    const earlier = code === "" ? undefined : seen.get(code);
    if (earlier !== undefined) {
      const issue = importIssue("IMPORT_PROJECT_REPEATED", "projects", 0, "code", {
        th: `โครงการ ${code} พิมพ์ซ้ำ (บรรทัด ${earlier.firstLine} และ ${report.firstLine}) ตรวจว่าจะใช้ฉบับใด`,
        en: `Project ${code} is printed twice (lines ${earlier.firstLine} and ${report.firstLine}); check which one to use`,
      });
      report.issues.push(issue);
      issues.push(issue);
    } else if (code !== "") seen.set(code, report);
  }
  return { reports, issues };
}

/** The reports' rows as Projects and Rounds tables in Kaona's layout (reports without a
 * project code are left out: their rounds belong to no project). */
export function importedTables(
  reports: readonly ImportedReport[],
  options: { lang?: "th" | "en" } = {}
): { projects: RawTable; rounds: RawTable } {
  const usable = reports.filter((report) => report.project.code !== "");
  return {
    projects: rawTableFromRows(
      "projects",
      usable.map((report) => report.projectRow),
      { lang: options.lang }
    ),
    rounds: rawTableFromRows(
      "rounds",
      usable.flatMap((report) => report.roundRows),
      { lang: options.lang }
    ),
  };
}
