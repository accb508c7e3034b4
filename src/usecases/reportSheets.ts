/**
 * The sheets a report request makes: the one rule the task pane and `kaona report` follow.
 *
 * - **Which projects.** One project: the first whose code matches the one asked for, codes
 *   compared as the domain links rounds to projects (`projectCodeKey`: case, spaces, Thai
 *   digits). Every project: each project with a code, in the order of the Projects table.
 * - **Projects without a code** get no report sheet (no round can name them, and the
 *   checker reports the missing code); they stay rows of the summary, so none disappears
 *   unseen, and `withoutCode` counts them for the front end to say so. A code that repeats
 *   gets one report sheet (the first project's); `repeated` counts the others.
 * - **Order and names.** The summary first (it links to the reports; Excel opens on it),
 *   then one sheet per project named by its code, then the issues sheet when asked for. The
 *   names are unique within the request (Excel compares them ignoring case), taken in that
 *   order; the summary and issues sheets keep the form's names.
 */
import { projectCodeKey } from "../domain/compute";
import {
  buildIssuesSheet,
  buildProjectReport,
  buildSummaryReport,
  type FontProfile,
  type LiveSource,
} from "../domain/report";
import { reportText } from "../domain/report/labels";
import type {
  Indicator,
  Issue,
  Lang,
  Project,
  Round,
  SheetLayout,
  Vocabularies,
} from "../domain/types";
import { SheetNames } from "./sheetNames";

export interface ReportSheetsRequest {
  /** A project's code, or null for every project and the summary. */
  projectCode: string | null;
  mode: "live" | "values";
  lang: Lang;
  chart: boolean;
  vocabularies?: Vocabularies;
  font?: FontProfile;
  /** The bound tables and columns, for live formulas. */
  source?: LiveSource;
  /** When given, the issues sheet comes last. */
  issues?: readonly Issue[];
  /** Told after each project's sheet is laid out (for progress on long runs). */
  onProgress?: (done: number, total: number) => void;
}

export interface ReportRecords {
  projects: readonly Project[];
  rounds: readonly Round[];
  indicators: readonly Indicator[];
}

export type ReportSheets =
  | {
      ok: true;
      /** In the order to write them. */
      layouts: SheetLayout[];
      /** The projects that got a report sheet. */
      reported: Project[];
      summary: boolean;
      /** Projects left without a report sheet because they have no code. */
      withoutCode: number;
      /** Projects left without a report sheet because an earlier one has the same code. */
      repeated: number;
    }
  | { ok: false; reason: "no-such-project" | "no-projects" };

/** The projects that get a report sheet (see the module's rule). */
export function projectsToReport(
  projects: readonly Project[],
  projectCode: string | null
): { reported: Project[]; withoutCode: number; repeated: number } {
  const wanted = projectCode === null ? null : projectCodeKey(projectCode);
  const seen = new Set<string>();
  const reported: Project[] = [];
  let withoutCode = 0;
  let repeated = 0;
  for (const project of projects) {
    const key = projectCodeKey(project.code);
    if (key === "") {
      if (wanted === null) withoutCode += 1;
      continue;
    }
    if (wanted !== null && key !== wanted) continue;
    if (seen.has(key)) {
      repeated += 1;
      continue;
    }
    seen.add(key);
    reported.push(project);
    if (wanted !== null) break;
  }
  return { reported, withoutCode, repeated };
}

export function planReportSheets(
  records: ReportRecords,
  request: ReportSheetsRequest
): ReportSheets {
  const { projects, rounds, indicators } = records;
  const { lang, font, vocabularies } = request;
  const all = request.projectCode === null;
  const { reported, withoutCode, repeated } = projectsToReport(projects, request.projectCode);
  if (reported.length === 0) return { ok: false, reason: all ? "no-projects" : "no-such-project" };

  const names = new SheetNames();
  const summaryName = all ? names.reserve(reportText("summarySheet", lang)) : undefined;
  const reports = reported.map((project, index) => {
    const layout = buildProjectReport({
      project,
      rounds,
      indicators,
      vocabularies,
      options: {
        mode: request.mode,
        lang,
        chart: request.chart,
        source: request.source,
        font,
        sheetName: names.reserve(project.code),
      },
    });
    request.onProgress?.(index + 1, reported.length);
    return layout;
  });
  const layouts: SheetLayout[] = [];
  if (summaryName !== undefined) {
    const reportSheets = Object.fromEntries(reported.map((p, i) => [p.code, reports[i].name]));
    layouts.push(
      buildSummaryReport(projects, rounds, indicators, {
        lang,
        vocabularies,
        reportSheets,
        sheetName: summaryName,
        font,
      })
    );
  }
  layouts.push(...reports);
  if (request.issues) layouts.push(issuesSheet(request.issues, lang, { font, names }));
  return { ok: true, layouts, reported, summary: all, withoutCode, repeated };
}

/** The issues sheet, under the form's name (unique among `names` when given). */
export function issuesSheet(
  issues: readonly Issue[],
  lang: Lang,
  options: { font?: FontProfile; names?: SheetNames } = {}
): SheetLayout {
  const names = options.names ?? new SheetNames();
  return buildIssuesSheet([...issues], lang, {
    sheetName: names.reserve(reportText("issuesSheet", lang)),
    font: options.font,
  });
}
