/**
 * `kaona check <book.xlsx>`: reads a workbook, recognises its Projects, Rounds and
 * Indicators tables by their headers, runs the domain's checks and prints the issues as a
 * table (Thai or English) or as JSON. Exit 0 without errors, 1 with errors, 2 when the
 * file cannot be read (one line on stderr, never a stack trace).
 */
import type { CheckResult, CheckSummary } from "../domain/check";
import { parseThaiDate } from "../domain/dates";
import { HEADER_SCAN_ROWS, type DiscoveredTable, type Discovery } from "../domain/discovery";
import { tableLabel } from "../domain/schema";
import type { ExcelSerial, Issue, Lang, Severity } from "../domain/types";
import { checkChosenTables, dayOf } from "../usecases/checkTables";
import { FORMAT_OPTIONS, LANG_OPTION, optionsOrExit, parseOptions, type OptionSpec } from "./args";
import { expandInputs } from "./inputs";
import { Progress } from "./progress";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliCommand, type CliIO } from "./io";
import { readWorkbookTables } from "./workbookFile";

export interface CheckOptions {
  /** The first workbook named (the only one, usually). */
  file: string;
  /** Every file and folder named, in order. */
  files: string[];
  lang: Lang;
  format: "table" | "json";
  planTolerance?: number;
  asOf?: ExcelSerial;
}

const USAGE = `usage: kaona check <book.xlsx|folder>... [--lang th|en] [--format table|json] [--tolerance <points>] [--as-of <date>]`;

const CHECK_OPTIONS = {
  lang: LANG_OPTION,
  ...FORMAT_OPTIONS,
  tolerance: { type: "string", takes: "--tolerance takes a number of points ≥ 0" },
  "as-of": { type: "string", takes: "--as-of takes a date, e.g. 2020-09-30 or 30/9/2563" },
} as const satisfies Record<string, OptionSpec>;

/** Parses the arguments of `check`; a string is the reason they are not usable. */
export function parseCheckArgs(args: readonly string[], today: Date): CheckOptions | string {
  const parsed = parseOptions(args, CHECK_OPTIONS);
  if (typeof parsed === "string") return parsed;
  const { values, positionals, lang, format } = parsed;
  let planTolerance: number | undefined;
  if (typeof values.tolerance === "string") {
    planTolerance = Number(values.tolerance);
    if (values.tolerance.trim() === "" || !Number.isFinite(planTolerance) || planTolerance < 0)
      return CHECK_OPTIONS.tolerance.takes;
  }
  let asOf: ExcelSerial | undefined = dayOf(today);
  if (typeof values["as-of"] === "string") {
    const date = parseThaiDate(values["as-of"]);
    if (!date.ok) return CHECK_OPTIONS["as-of"].takes;
    asOf = date.value;
  }
  if (positionals.length === 0) return "which workbook? give the path of an .xlsx file";
  return {
    file: positionals[0],
    files: positionals,
    lang,
    format,
    planTolerance,
    asOf: Number.isNaN(asOf) ? undefined : asOf,
  };
}

const SEVERITY_TEXT: Record<Severity, Record<Lang, string>> = {
  error: { th: "ข้อผิดพลาด", en: "error" },
  warning: { th: "คำเตือน", en: "warning" },
  info: { th: "ข้อมูล", en: "info" },
};

const MARK_RE = /\p{M}/u;

/** Columns of terminal text: Thai vowel and tone marks (any combining mark) take no width
 * of their own. Characters below U+0300 and Thai letters are told without the regex. */
function displayWidth(text: string): number {
  let width = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x300) width += 1;
    else if (code >= 0x0e00 && code <= 0x0e7f) {
      const mark =
        code === 0x0e31 || (code >= 0x0e34 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e);
      if (!mark) width += 1;
    } else {
      const ch = text.codePointAt(at) ?? code;
      if (ch > 0xffff) at++;
      if (!MARK_RE.test(String.fromCodePoint(ch))) width += 1;
    }
  }
  return width;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

function sheetRef(sheet: string): string {
  return /^[\p{L}\p{M}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function locationOf(issue: Issue): string {
  if (issue.sheet === undefined) return issue.cell ?? "";
  return issue.cell === undefined
    ? sheetRef(issue.sheet)
    : `${sheetRef(issue.sheet)}!${issue.cell}`;
}

/** Where a table's header is, e.g. "A4" or "A4:A5" for a two-row header. */
function headerPlace(entry: DiscoveredTable): string {
  const rows = entry.headerRows.map((row) => row + 1);
  return rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : `${rows[0]}`;
}

function tableLine(entry: DiscoveredTable, lang: Lang): string {
  const where = sheetRef(entry.table.sheet);
  const rows = entry.table.rows.length;
  const name = entry.source === "excelTable" ? entry.table.name : where;
  const th = lang === "th";
  const header = th ? `หัวตารางแถว ${headerPlace(entry)}` : `header row ${headerPlace(entry)}`;
  const hidden = entry.hiddenSheet ? (th ? ", ชีตซ่อน" : ", hidden sheet") : "";
  if (entry.kind && !entry.skipped) {
    return th
      ? `  ${tableLabel(entry.kind, "th")} ← ${name} (ชีต ${where}, ${header}, ${rows} แถว${hidden})`
      : `  ${tableLabel(entry.kind, "en")} ← ${name} (sheet ${where}, ${header}, ${rows} rows${hidden})`;
  }
  if (entry.skipped === "hidden" && entry.kind) {
    return th
      ? `  ไม่ได้ใช้: ${name} (ชีต ${where}) ชีตซ่อนอยู่ และมีตาราง${tableLabel(entry.kind, "th")}ในชีตที่มองเห็นได้`
      : `  not used: ${name} (sheet ${where}), the sheet is hidden and a visible ${tableLabel(entry.kind, "en")} table exists`;
  }
  return th
    ? `  ไม่ได้ใช้: ${name} (ชีต ${where}) ไม่รู้จักหัวตาราง`
    : `  not used: ${name} (sheet ${where}), headers not recognised`;
}

function sheetLine(sheet: string, lang: Lang): string {
  return lang === "th"
    ? `  ไม่ได้ใช้: ชีต ${sheetRef(sheet)} ไม่พบหัวตารางที่รู้จักใน ${HEADER_SCAN_ROWS} แถวแรก`
    : `  not used: sheet ${sheetRef(sheet)}, no known header in its first ${HEADER_SCAN_ROWS} rows`;
}

/** The issues as an aligned table (severity, code, cell, message) and the summary line: the
 * part of `kaona check`'s output that `kaona import` prints too. */
export function formatIssueLines(
  issues: readonly Issue[],
  summary: CheckSummary,
  lang: Lang
): string[] {
  const lines: string[] = [];
  if (issues.length === 0) {
    lines.push(lang === "th" ? "ไม่พบปัญหา" : "No issues found");
  } else {
    const rows = issues.map((issue) => [
      SEVERITY_TEXT[issue.severity][lang],
      issue.code,
      locationOf(issue),
      issue.message[lang],
    ]);
    const header =
      lang === "th" ? ["ระดับ", "รหัส", "ตำแหน่ง", "ข้อความ"] : ["Severity", "Code", "Cell", "Message"];
    const widths = [0, 1, 2].map((column) =>
      Math.max(displayWidth(header[column]), ...rows.map((row) => displayWidth(row[column])))
    );
    const line = (cells: string[]) =>
      `${pad(cells[0], widths[0])}  ${pad(cells[1], widths[1])}  ${pad(cells[2], widths[2])}  ${cells[3]}`.trimEnd();
    lines.push(line(header));
    for (const row of rows) lines.push(line(row));
  }
  lines.push("");
  const { errors, warnings, infos } = summary;
  lines.push(
    lang === "th"
      ? `สรุป: ข้อผิดพลาด ${errors} · คำเตือน ${warnings} · ข้อมูล ${infos}`
      : `Summary: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} info`
  );
  return lines;
}

/** One issue as `kaona check --format json` prints it. */
export function issueJson(issue: Issue, lang: Lang) {
  return {
    severity: issue.severity,
    code: issue.code,
    table: issue.table,
    row: issue.row,
    field: issue.field ?? null,
    sheet: issue.sheet ?? null,
    cell: issue.cell ?? null,
    sheetRow: sheetRowOf(issue),
    message: issue.message[lang],
    messages: issue.message,
  };
}

function formatTable(file: string, discovery: Discovery, result: CheckResult, lang: Lang): string {
  const lines: string[] = [];
  lines.push(lang === "th" ? `ตรวจ ${file}` : `Checked ${file}`);
  lines.push(lang === "th" ? "ตาราง:" : "Tables:");
  for (const entry of discovery.found) lines.push(tableLine(entry, lang));
  for (const sheet of discovery.sheetsWithoutTables) lines.push(sheetLine(sheet, lang));
  lines.push("");
  for (const line of formatIssueLines(result.issues, result.summary, lang)) lines.push(line);
  return `${lines.join("\n")}\n`;
}

/** The 1-based sheet row of an issue's cell ("E7" → 7), or null. */
export function sheetRowOf(issue: Issue): number | null {
  const match = issue.cell === undefined ? null : /(\d+)$/.exec(issue.cell);
  return match ? Number(match[1]) : null;
}

/**
 * The JSON report. An issue's `sheet`, `cell` and `sheetRow` say where it is as Excel shows
 * it (`sheetRow` is the 1-based row number of `cell`); `row` is the 0-based data row within
 * the issue's table kind, counting through every table of the kind in the order listed
 * (header excluded), -1 for an issue about a table or column.
 */
function jsonReport(file: string, discovery: Discovery, result: CheckResult, lang: Lang): object {
  return {
    file,
    lang,
    tables: discovery.found.map((entry) => ({
      name: entry.table.name,
      sheet: entry.table.sheet,
      kind: entry.skipped ? null : (entry.kind ?? null),
      source: entry.source,
      headerRows: entry.headerRows.map((row) => row + 1),
      rows: entry.table.rows.length,
      hiddenSheet: entry.hiddenSheet,
      ...(entry.skipped ? { skipped: entry.skipped } : {}),
    })),
    sheetsWithoutTables: discovery.sheetsWithoutTables,
    issues: result.issues.map((issue) => issueJson(issue, lang)),
    summary: result.summary,
  };
}

export async function runCheck(args: readonly string[], io: CliIO): Promise<number> {
  const options = optionsOrExit("check", USAGE, args, io, (given) =>
    parseCheckArgs(given, io.now())
  );
  if (typeof options === "number") return options;
  const files = await expandInputs(options.files);
  if (files.length === 0) {
    io.stderr(
      options.lang === "th"
        ? `kaona check: ไม่พบไฟล์ .xlsx ใน ${options.files.join(", ")}\n`
        : `kaona check: no .xlsx files in ${options.files.join(", ")}\n`
    );
    return EXIT_UNUSABLE;
  }
  if (files.length === 1) {
    const one = await checkOne(files[0], options, io);
    if (one.report !== undefined)
      io.stdout(options.format === "json" ? `${JSON.stringify(one.report, null, 2)}\n` : one.text);
    return one.code;
  }
  // Several workbooks: each checked on its own, the worst exit code wins.
  const progress = new Progress(io, files.length, {
    lang: options.lang,
    what: { th: "ตรวจไฟล์", en: "checking files" },
    offTerminal: "quiet",
  });
  const reports: object[] = [];
  let code = EXIT_OK;
  for (const [index, file] of files.entries()) {
    progress.step(index, files.length, file);
    const one = await checkOne(file, options, io, progress);
    code = Math.max(code, one.code);
    if (one.report === undefined) continue;
    if (options.format === "json") reports.push(one.report);
    else {
      progress.pause();
      io.stdout(`${index > 0 ? "\n" : ""}${one.text}`);
    }
  }
  progress.end();
  if (options.format === "json") io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  return code;
}

interface CheckedFile {
  code: number;
  /** The JSON report, when the file was checked. */
  report?: object;
  /** The report as text. */
  text: string;
}

async function checkOne(
  file: string,
  options: CheckOptions,
  io: CliIO,
  progress?: Progress
): Promise<CheckedFile> {
  progress?.pause();
  const read = await readWorkbookTables("check", file, io, options.lang);
  if (typeof read === "number") return { code: read, text: "" };
  const { discovery, used } = read;
  if (!used.projects && !used.rounds && !used.indicators) {
    io.stderr(
      options.lang === "th"
        ? `kaona check: ไม่พบตารางโครงการ รายงานความก้าวหน้า หรือเกณฑ์ชี้วัดใน ${file}\n`
        : `kaona check: no Projects, Rounds or Indicators table found in ${file}\n`
    );
    return { code: EXIT_FINDINGS, text: "" };
  }
  const result = checkChosenTables({
    tables: used,
    discoveryIssues: discovery.issues,
    planTolerance: options.planTolerance,
    asOf: options.asOf ?? dayOf(io.now()),
  });
  return {
    code: result.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK,
    report: jsonReport(file, discovery, result, options.lang),
    text: options.format === "json" ? "" : formatTable(file, discovery, result, options.lang),
  };
}

export const checkCommand: CliCommand = {
  name: "check",
  summary: "check a workbook's Projects, Rounds and Indicators tables (or several: files, folders)",
  usage: USAGE,
  run: runCheck,
};
