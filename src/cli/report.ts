/**
 * `kaona report <book.xlsx> --project CODE -o out.xlsx` (or `--all`): reads a workbook's
 * tables as `kaona check` does and writes the official progress-report form of one project,
 * or of every project plus a summary sheet, to a new .xlsx ready to print on A4. Values
 * only: the new file holds no tables for live formulas to read.
 *
 * Several workbooks (files and folders, as `kaona check` and `kaona merge` take them) make
 * one report of all their projects: the files are combined by the merge rule and each
 * checked on its own (src/usecases/checkCombined.ts); the issues name their file.
 *
 * Exit 0 when the report was written from clean data, 1 when it could not be made (no such
 * project, no Projects table) or the data has errors (the report is still written), 2 when
 * the input cannot be read or the output cannot be written. One line on stderr, never a
 * stack trace.
 */
import { writeFile } from "node:fs/promises";
import { FONT_PROFILES, type FontProfile } from "../domain/report";
import type { Lang } from "../domain/types";
import { layoutsToXlsx } from "../render/xlsx";
import { planReportSheets } from "../usecases/reportSheets";
import { LANG_OPTION, optionsOrExit, parseOptions, type OptionSpec } from "./args";
import { expandInputs } from "./inputs";
import { readReportData } from "./reportInputs";
import { Progress } from "./progress";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliCommand, type CliIO } from "./io";

const USAGE =
  "usage: kaona report <book.xlsx|folder>... (--project <code> | --all) -o <out.xlsx> [--lang th|en] [--chart] [--issues] [--font th-sarabun|laksaman]";

export interface ReportArgs {
  /** The first workbook named (the only one, usually). */
  file: string;
  /** Every file and folder named, in order. */
  files: string[];
  out: string;
  /** Project codes asked for; empty with `all`. */
  project?: string;
  all: boolean;
  lang: Lang;
  chart: boolean;
  issues: boolean;
  font?: FontProfile;
}

const REPORT_OPTIONS = {
  project: {
    type: "string",
    short: "p",
    takes: "--project takes a project code, e.g. 21000000-3165",
  },
  all: { type: "boolean" },
  out: { type: "string", short: "o", takes: "-o takes the path of the .xlsx to write" },
  output: { type: "string", takes: "--output takes the path of the .xlsx to write" },
  lang: LANG_OPTION,
  chart: { type: "boolean" },
  issues: { type: "boolean" },
  font: { type: "string", takes: "--font takes th-sarabun or laksaman" },
} as const satisfies Record<string, OptionSpec>;

const FONTS: Readonly<Record<string, FontProfile>> = {
  "th-sarabun": FONT_PROFILES.thSarabun,
  laksaman: FONT_PROFILES.laksaman,
};

/** Parses the arguments of `report`; a string is the reason they are not usable. */
export function parseReportArgs(args: readonly string[]): ReportArgs | string {
  const parsed = parseOptions(args, REPORT_OPTIONS);
  if (typeof parsed === "string") return parsed;
  const { values, positionals, lang } = parsed;
  const project = typeof values.project === "string" ? values.project.trim() : undefined;
  if (project === "") return REPORT_OPTIONS.project.takes;
  const out = values.out ?? values.output;
  if (out === "") return REPORT_OPTIONS.out.takes;
  let font: FontProfile | undefined;
  if (typeof values.font === "string") {
    font = Object.hasOwn(FONTS, values.font) ? FONTS[values.font] : undefined;
    if (!font) return REPORT_OPTIONS.font.takes;
  }
  if (positionals.length === 0) return "which workbook? give the path of an .xlsx file";
  const all = values.all === true;
  if (project !== undefined && all) return "give --project or --all, not both";
  if (project === undefined && !all) return "which project? give --project <code> or --all";
  if (typeof out !== "string") return "where to? give -o <out.xlsx>";
  return {
    file: positionals[0],
    files: positionals,
    out,
    project,
    all,
    lang,
    chart: values.chart === true,
    issues: values.issues === true,
    font,
  };
}

function say(lang: Lang, th: string, en: string): string {
  return lang === "th" ? th : en;
}

/** The projects that are rows of the summary but got no report sheet, and why. */
function leftOut(lang: Lang, withoutCode: number, repeated: number): string {
  const parts: string[] = [];
  if (withoutCode > 0)
    parts.push(
      say(lang, `ไม่มีรหัสโครงการ ${withoutCode} โครงการ`, `${withoutCode} without a project code`)
    );
  if (repeated > 0)
    parts.push(
      say(lang, `รหัสโครงการซ้ำ ${repeated} โครงการ`, `${repeated} with a code used before`)
    );
  return say(
    lang,
    `ไม่ได้ทำแผ่นรายงาน (มีในสรุป): ${parts.join(" · ")}\n`,
    `no report sheet (listed in the summary): ${parts.join(", ")}\n`
  );
}

async function runReport(args: readonly string[], io: CliIO): Promise<number> {
  const options = optionsOrExit("report", USAGE, args, io, parseReportArgs);
  if (typeof options === "number") return options;
  const { lang } = options;
  const files = await expandInputs(options.files, [options.out]);
  const data = await readReportData(files, options, io);
  if (typeof data === "number") return data;
  const { result, label } = data;
  const progress = new Progress(io, result.records.projects.length, {
    lang,
    what: { th: "จัดรูปแบบรายงานโครงการ", en: "laying out project reports" },
    offTerminal: "lines",
  });
  const plan = planReportSheets(result.records, {
    onProgress: (done, total) => progress.step(done, total),
    projectCode: options.all ? null : (options.project ?? null),
    mode: "values",
    lang,
    chart: options.chart,
    font: options.font,
    issues: options.issues ? result.issues : undefined,
  });
  progress.end();
  if (!plan.ok) {
    io.stderr(
      `kaona report: ${
        plan.reason === "no-projects"
          ? say(
              lang,
              `ไม่มีโครงการที่มีรหัสในตารางโครงการของ ${label}`,
              `the Projects table of ${label} has no project with a code`
            )
          : say(
              lang,
              `ไม่พบโครงการรหัส ${options.project} ใน ${label}`,
              `no project with code ${options.project} in ${label}`
            )
      }\n`
    );
    return EXIT_FINDINGS;
  }
  try {
    await writeFile(options.out, await layoutsToXlsx(plan.layouts));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.stderr(
      `kaona report: ${say(lang, `เขียน ${options.out} ไม่ได้`, `could not write ${options.out}`)}: ${reason}\n`
    );
    return EXIT_UNUSABLE;
  }

  const { errors, warnings } = result.summary;
  const count = plan.reported.length;
  io.stdout(
    say(
      lang,
      `เขียน ${options.out}: รายงาน ${count} โครงการ${plan.summary ? " และสรุป" : ""} (ข้อผิดพลาดในข้อมูล ${errors} · คำเตือน ${warnings})\n`,
      `wrote ${options.out}: ${count} project report${count === 1 ? "" : "s"}${plan.summary ? " and a summary" : ""} (data errors ${errors}, warnings ${warnings})\n`
    )
  );
  if (plan.withoutCode > 0 || plan.repeated > 0)
    io.stdout(leftOut(lang, plan.withoutCode, plan.repeated));
  for (const line of data.notes) io.stdout(`${line}\n`);
  if (errors > 0) {
    io.stderr(
      `kaona report: ${say(lang, `ข้อมูลมีข้อผิดพลาด ${errors} รายการ ดูรายละเอียดด้วย kaona check ${files.join(" ")}`, `the data has ${errors} error${errors === 1 ? "" : "s"}; see kaona check ${files.join(" ")}`)}\n`
    );
    return EXIT_FINDINGS;
  }
  return data.unreadable > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export const reportCommand: CliCommand = {
  name: "report",
  summary: "write the progress-report form of one project (or all) to an .xlsx for printing",
  usage: USAGE,
  run: runReport,
};
