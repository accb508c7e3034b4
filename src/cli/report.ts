/**
 * `kaona report <book.xlsx> --project CODE -o out.xlsx` (or `--all`): reads a workbook's
 * tables as `kaona check` does and writes the official progress-report form of one project,
 * or of every project plus a summary sheet, to a new .xlsx ready to print on A4. Values
 * only: the new file holds no tables for live formulas to read.
 *
 * Exit 0 when the report was written from clean data, 1 when it could not be made (no such
 * project, no Projects table) or the data has errors (the report is still written), 2 when
 * the input cannot be read or the output cannot be written. One line on stderr, never a
 * stack trace.
 */
import { writeFile } from "node:fs/promises";
import { checkTables } from "../domain/check";
import { projectCodeKey } from "../domain/compute";
import {
  FONT_PROFILES,
  buildIssuesSheet,
  buildProjectReport,
  buildSummaryReport,
  safeSheetName,
  type FontProfile,
} from "../domain/report";
import type { Lang, RawTable, SheetLayout, TableKind } from "../domain/types";
import { layoutsToXlsx } from "../render/xlsx";
import { readXlsxTables, XlsxReadError } from "../workbook/xlsx/readXlsx";
import { chooseTables } from "./check";
import { progressOnStderr } from "./progress";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliCommand, type CliIO } from "./io";

const USAGE =
  "usage: kaona report <book.xlsx> (--project <code> | --all) -o <out.xlsx> [--lang th|en] [--chart] [--issues] [--font th-sarabun|laksaman]";

export interface ReportArgs {
  file: string;
  out: string;
  /** Project codes asked for; empty with `all`. */
  project?: string;
  all: boolean;
  lang: Lang;
  chart: boolean;
  issues: boolean;
  font?: FontProfile;
}

/** Parses the arguments of `report`; a string is the reason they are not usable. */
export function parseReportArgs(args: readonly string[]): ReportArgs | string {
  let file: string | undefined;
  let out: string | undefined;
  let project: string | undefined;
  let all = false;
  let lang: Lang = "th";
  let chart = false;
  let issues = false;
  let font: FontProfile | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++index];
    switch (flag) {
      case "--project":
      case "-p": {
        const code = value();
        if (code === undefined || code.trim() === "")
          return "--project takes a project code, e.g. 21000000-3165";
        project = code.trim();
        break;
      }
      case "--all":
        all = true;
        break;
      case "-o":
      case "--out":
      case "--output": {
        const path = value();
        if (path === undefined || path === "")
          return `${flag} takes the path of the .xlsx to write`;
        out = path;
        break;
      }
      case "--lang": {
        const wanted = value();
        if (wanted !== "th" && wanted !== "en") return "--lang takes th or en";
        lang = wanted;
        break;
      }
      case "--chart":
        chart = true;
        break;
      case "--issues":
        issues = true;
        break;
      case "--font": {
        const wanted = value();
        if (wanted === "th-sarabun") font = FONT_PROFILES.thSarabun;
        else if (wanted === "laksaman") font = FONT_PROFILES.laksaman;
        else return "--font takes th-sarabun or laksaman";
        break;
      }
      default:
        if (arg.startsWith("-")) return `unknown option ${arg}`;
        if (file !== undefined) return `one workbook at a time (got ${file} and ${arg})`;
        file = arg;
    }
  }
  if (file === undefined) return "which workbook? give the path of an .xlsx file";
  if (project !== undefined && all) return "give --project or --all, not both";
  if (project === undefined && !all) return "which project? give --project <code> or --all";
  if (out === undefined) return "where to? give -o <out.xlsx>";
  return { file, out, project, all, lang, chart, issues, font };
}

function say(lang: Lang, th: string, en: string): string {
  return lang === "th" ? th : en;
}

export async function runReport(args: readonly string[], io: CliIO): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const options = parseReportArgs(args);
  if (typeof options === "string") {
    io.stderr(`kaona report: ${options}\n${USAGE}\n`);
    return EXIT_UNUSABLE;
  }
  const { lang } = options;
  let tables: RawTable[];
  try {
    tables = await readXlsxTables(options.file);
  } catch (error) {
    const reason =
      error instanceof XlsxReadError ? error.message : `${options.file} could not be read`;
    io.stderr(`kaona report: ${reason}\n`);
    return EXIT_UNUSABLE;
  }
  const used: Partial<Record<TableKind, RawTable>> = {};
  for (const choice of chooseTables(tables))
    if (choice.kind && !choice.skipped) used[choice.kind] = choice.table;
  if (!used.projects) {
    io.stderr(
      `kaona report: ${say(lang, `ไม่พบตารางโครงการใน ${options.file}`, `no Projects table found in ${options.file}`)}\n`
    );
    return EXIT_FINDINGS;
  }
  const result = checkTables(used);
  const { projects, rounds, indicators } = result.records;

  const wanted =
    options.project === undefined
      ? projects
      : projects.filter((p) => projectCodeKey(p.code) === projectCodeKey(options.project));
  if (wanted.length === 0) {
    io.stderr(
      `kaona report: ${
        options.project === undefined
          ? say(
              lang,
              `ไม่มีโครงการในตารางโครงการของ ${options.file}`,
              `the Projects table of ${options.file} has no projects`
            )
          : say(
              lang,
              `ไม่พบโครงการรหัส ${options.project} ใน ${options.file}`,
              `no project with code ${options.project} in ${options.file}`
            )
      }\n`
    );
    return EXIT_FINDINGS;
  }

  const taken: string[] = [];
  const reserve = (name: string) => {
    const unique = safeSheetName(name, taken);
    taken.push(unique);
    return unique;
  };
  const summaryName = options.all ? reserve(say(lang, "สรุปทุกโครงการ", "Summary")) : undefined;
  const progress = progressOnStderr(io, wanted.length, lang, {
    th: "จัดรูปแบบรายงานโครงการ",
    en: "laying out project reports",
  });
  const reports: SheetLayout[] = wanted.map((project, index) => {
    progress.step(index);
    return buildProjectReport({
      project,
      rounds,
      indicators,
      options: {
        mode: "values",
        lang,
        chart: options.chart,
        font: options.font,
        sheetName: reserve(project.code || "Report"),
      },
    });
  });
  progress.step(wanted.length);
  progress.end();
  const layouts: SheetLayout[] = [];
  if (summaryName) {
    const reportSheets: Record<string, string> = {};
    reports.forEach((layout, i) => {
      reportSheets[wanted[i].code] = layout.name;
    });
    layouts.push(
      buildSummaryReport(wanted, rounds, indicators, {
        lang,
        reportSheets,
        sheetName: summaryName,
        font: options.font,
      })
    );
  }
  layouts.push(...reports);
  if (options.issues)
    layouts.push(
      buildIssuesSheet(result.issues, lang, {
        sheetName: reserve(say(lang, "ปัญหาข้อมูล", "Data issues")),
        font: options.font,
      })
    );

  try {
    await writeFile(options.out, await layoutsToXlsx(layouts));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.stderr(
      `kaona report: ${say(lang, `เขียน ${options.out} ไม่ได้`, `could not write ${options.out}`)}: ${reason}\n`
    );
    return EXIT_UNUSABLE;
  }

  const { errors, warnings } = result.summary;
  io.stdout(
    say(
      lang,
      `เขียน ${options.out}: รายงาน ${reports.length} โครงการ${summaryName ? " และสรุป" : ""} (ข้อผิดพลาดในข้อมูล ${errors} · คำเตือน ${warnings})\n`,
      `wrote ${options.out}: ${reports.length} project report${reports.length === 1 ? "" : "s"}${summaryName ? " and a summary" : ""} (data errors ${errors}, warnings ${warnings})\n`
    )
  );
  if (errors > 0) {
    io.stderr(
      `kaona report: ${say(lang, `ข้อมูลมีข้อผิดพลาด ${errors} รายการ ดูรายละเอียดด้วย kaona check ${options.file}`, `the data has ${errors} error${errors === 1 ? "" : "s"}; see kaona check ${options.file}`)}\n`
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

export const reportCommand: CliCommand = {
  name: "report",
  summary: "write the progress-report form of one project (or all) to an .xlsx for printing",
  usage: USAGE,
  run: runReport,
};
