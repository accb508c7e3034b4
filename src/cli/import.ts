/**
 * `kaona import FILE... -o book.xlsx [--into existing.xlsx]`: reads progress-report
 * printouts of the city system (the form printed to text, or a saved .txt/.html page;
 * several reports per file are fine) and writes their projects and rounds as Projects and
 * Rounds tables in Kaona's layout: a new workbook, or — with --into — the given workbook
 * with the new rows added to its tables, saved as the -o file (never in place). Rows
 * already in the workbook are not touched: a round there with other values is reported
 * as a conflict and left as it is.
 *
 * Exit 0 imported with nothing to review, 1 imported with issues to review (ambiguous
 * rounds, unreadable values, conflicts), 2 nothing could be imported (unreadable input,
 * no report found, bad arguments, output not writable). Issues print as `kaona check`
 * prints them (table or JSON).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { summarize } from "../domain/check";
import {
  importProgressReports,
  planImport,
  type ImportedReport,
  type MergePlan,
} from "../domain/import";
import { tableLabel } from "../domain/schema";
import type { Issue, Lang, RawTable } from "../domain/types";
import { AppendRefusedError, appendRowsToWorkbook } from "../workbook/xlsx/appendXlsx";
import { XlsxReadError } from "../workbook/xlsx/readXlsx";
import { writeTablesXlsx } from "../workbook/xlsx/writeXlsx";
import { rawTableFromRows } from "../domain/sample";
import { FORMAT_OPTIONS, LANG_OPTION, optionsOrExit, parseOptions, type OptionSpec } from "./args";
import { formatIssueLines, issueJson } from "./check";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliCommand, type CliIO } from "./io";
import { readWorkbookTables } from "./workbookFile";

const USAGE =
  "usage: kaona import <report.txt|report.html>... -o <out.xlsx> [--into <book.xlsx>] [--lang th|en] [--format table|json]";

export interface ImportArgs {
  files: string[];
  out: string;
  into?: string;
  lang: Lang;
  format: "table" | "json";
}

const IMPORT_OPTIONS = {
  output: { type: "string", short: "o", takes: "-o takes the path of the workbook to write" },
  into: { type: "string", takes: "--into takes the path of an existing .xlsx workbook" },
  lang: LANG_OPTION,
  ...FORMAT_OPTIONS,
} as const satisfies Record<string, OptionSpec>;

/** Parses the arguments of `import`; a string is the reason they are not usable. */
function parseImportArgs(args: readonly string[]): ImportArgs | string {
  const parsed = parseOptions(args, IMPORT_OPTIONS);
  if (typeof parsed === "string") return parsed;
  const { values, positionals, lang, format } = parsed;
  if (positionals.length === 0) return "which printouts? give one or more .txt or .html files";
  const out = typeof values.output === "string" ? values.output : undefined;
  const into = typeof values.into === "string" ? values.into : undefined;
  if (!out) return "say where to write the workbook with -o <out.xlsx>";
  if (into && path.resolve(into) === path.resolve(out)) {
    return "-o must name a new file: --into is never written in place";
  }
  return { files: positionals, out, into, lang, format };
}

/** A saved page may be UTF-8 (with or without BOM), UTF-16, or Thai Windows-874/TIS-620. */
export function decodePrintout(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  if (!utf8.includes("\uFFFD")) return utf8.replace(/^\uFEFF/, "");
  try {
    return new TextDecoder("windows-874").decode(bytes);
  } catch {
    return utf8;
  }
}

interface FileImport {
  file: string;
  reports: ImportedReport[];
  issues: Issue[];
}

function planLines(plan: MergePlan, lang: Lang): string[] {
  const count = (kind: "projects" | "rounds", status: string) =>
    plan[kind].filter((item) => item.status === status).length;
  return lang === "th"
    ? [
        `โครงการใหม่ ${count("projects", "new")} · รายงานครั้งที่ใหม่ ${count("rounds", "new")}`,
        `มีอยู่แล้วเหมือนกัน ${plan.counts.same} · มีช่องว่างที่เติมได้ (ไม่ได้เติม) ${plan.counts.fill} · ขัดแย้ง (ไม่เขียนทับ) ${plan.counts.conflict}`,
      ]
    : [
        `New projects ${count("projects", "new")} · new rounds ${count("rounds", "new")}`,
        `Already there ${plan.counts.same} · blank cells that could be filled (not filled) ${plan.counts.fill} · conflicts (not overwritten) ${plan.counts.conflict}`,
      ];
}

async function readPrintouts(
  files: readonly string[],
  io: CliIO
): Promise<FileImport[] | undefined> {
  const imports: FileImport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = decodePrintout(await readFile(file));
    } catch (error) {
      const code = (error as { code?: string }).code;
      io.stderr(
        `kaona import: ${code === "ENOENT" ? `file not found: ${file}` : code === "EISDIR" ? `${file} is a directory` : `${file} could not be read`}\n`
      );
      return undefined;
    }
    const result = importProgressReports(text);
    imports.push({ file, reports: result.reports, issues: result.issues });
  }
  return imports;
}

/** Writes the plan's new rows: into a copy of `into`, or as a new workbook. */
async function writeRows(
  options: ImportArgs,
  plan: MergePlan,
  existing: Partial<Record<"projects" | "rounds", RawTable>>
): Promise<void> {
  const projects = plan.projects.filter((item) => item.status === "new").map((item) => item.row);
  const rounds = plan.rounds.filter((item) => item.status === "new").map((item) => item.row);
  if (options.into) {
    await appendRowsToWorkbook(
      options.into,
      options.out,
      { projects, rounds },
      { projects: { table: existing.projects }, rounds: { table: existing.rounds } }
    );
    return;
  }
  await writeTablesXlsx(options.out, [
    { kind: "projects", table: rawTableFromRows("projects", projects, { lang: options.lang }) },
    { kind: "rounds", table: rawTableFromRows("rounds", rounds, { lang: options.lang }) },
  ]);
}

function output(
  options: ImportArgs,
  imports: readonly FileImport[],
  plan: MergePlan | undefined,
  written: boolean
): string {
  const { lang } = options;
  if (options.format === "json") {
    const report = {
      files: imports.map((entry) => ({
        file: entry.file,
        reports: entry.reports.map((report) => ({
          projectCode: report.project.code,
          rounds: report.rounds.length,
          unaligned: report.readings
            .filter((reading) => !reading.aligned)
            .map((reading) => reading.round),
          lines: [report.firstLine, report.lastLine],
        })),
        issues: entry.issues.map((issue) => issueJson(issue, lang)),
        summary: summarize(entry.issues),
      })),
      plan: plan && {
        counts: plan.counts,
        issues: plan.issues.map((issue) => issueJson(issue, lang)),
      },
      output: written ? path.resolve(options.out) : null,
    };
    return `${JSON.stringify(report, null, 2)}\n`;
  }
  const lines: string[] = [];
  for (const entry of imports) {
    const codes = entry.reports.map(
      (report) => `${report.project.code || "?"} (${report.rounds.length})`
    );
    lines.push(
      lang === "th"
        ? `นำเข้า ${entry.file}: ${entry.reports.length} รายงาน ${codes.join(", ")}`
        : `Imported ${entry.file}: ${entry.reports.length} report(s) ${codes.join(", ")}`
    );
    for (const line of formatIssueLines(entry.issues, summarize(entry.issues), lang))
      lines.push(line);
    lines.push("");
  }
  if (plan) {
    for (const line of planLines(plan, lang)) lines.push(line);
    if (plan.issues.length > 0)
      for (const line of formatIssueLines(plan.issues, summarize(plan.issues), lang))
        lines.push(line);
  }
  if (written)
    lines.push(
      lang === "th"
        ? `เขียนแล้ว: ${path.resolve(options.out)}`
        : `Written: ${path.resolve(options.out)}`
    );
  return `${lines.join("\n")}\n`;
}

async function runImport(args: readonly string[], io: CliIO): Promise<number> {
  const options = optionsOrExit("import", USAGE, args, io, parseImportArgs);
  if (typeof options === "number") return options;
  const imports = await readPrintouts(options.files, io);
  if (imports === undefined) return EXIT_UNUSABLE;
  const reports = imports.flatMap((entry) => entry.reports);
  if (!reports.some((report) => report.project.code !== "")) {
    io.stdout(output(options, imports, undefined, false));
    io.stderr(
      options.lang === "th"
        ? "kaona import: ไม่พบรายงานที่มีรหัสโครงการ จึงไม่ได้เขียนไฟล์\n"
        : "kaona import: no report with a project code found; nothing was written\n"
    );
    return EXIT_UNUSABLE;
  }
  const existing: Partial<Record<"projects" | "rounds", RawTable>> = {};
  if (options.into) {
    const book = await readWorkbookTables("import", options.into, io);
    if (typeof book === "number") return book;
    // Rows are added under one table of each kind: the first that `kaona check` uses.
    existing.projects = firstTable(book.used.projects);
    existing.rounds = firstTable(book.used.rounds);
  }
  try {
    const plan = planImport(reports, existing);
    await writeRows(options, plan, existing);
    io.stdout(output(options, imports, plan, true));
    const review = [...imports.flatMap((entry) => entry.issues), ...plan.issues].some(
      (issue) => issue.severity !== "info"
    );
    return review ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    const reason =
      error instanceof XlsxReadError
        ? error.text(options.lang)
        : error instanceof AppendRefusedError
          ? error.message
          : `${options.out} could not be written`;
    io.stderr(`kaona import: ${reason}\n`);
    return EXIT_UNUSABLE;
  }
}

export const importCommand: CliCommand = {
  name: "import",
  summary: `read progress-report printouts (.txt/.html) into ${tableLabel("projects", "en")} and ${tableLabel("rounds", "en")} tables`,
  usage: USAGE,
  run: runImport,
};

function firstTable(given: RawTable | readonly RawTable[] | undefined): RawTable | undefined {
  return Array.isArray(given) ? given[0] : (given as RawTable | undefined);
}
