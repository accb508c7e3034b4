/**
 * `kaona check <book.xlsx>`: reads a workbook, recognises its Projects, Rounds and
 * Indicators tables by their headers, runs the domain's checks and prints the issues as a
 * table (Thai or English) or as JSON. Exit 0 without errors, 1 with errors, 2 when the
 * file cannot be read (one line on stderr, never a stack trace).
 */
import type { CheckResult } from "../domain/check";
import { parseThaiDate } from "../domain/dates";
import { tableLabel } from "../domain/schema";
import type { ExcelSerial, Issue, Lang, RawTable, Severity } from "../domain/types";
import type { TableChoice as ChosenTable } from "../usecases/chooseTables";
import { checkChosenTables, dayOf } from "../usecases/checkTables";
import { onePath, parseOptions, type OptionSpec } from "./args";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliCommand, type CliIO } from "./io";
import { readWorkbookTables } from "./workbookFile";

export interface CheckOptions {
  file: string;
  lang: Lang;
  format: "table" | "json";
  planTolerance?: number;
  asOf?: ExcelSerial;
}

const USAGE = `usage: kaona check <book.xlsx> [--lang th|en] [--format table|json] [--tolerance <points>] [--as-of <date>]`;

const CHECK_OPTIONS = {
  lang: { type: "string", takes: "--lang takes th or en" },
  format: { type: "string", takes: "--format takes table or json" },
  json: { type: "boolean" },
  tolerance: { type: "string", takes: "--tolerance takes a number of points ≥ 0" },
  "as-of": { type: "string", takes: "--as-of takes a date, e.g. 2020-09-30 or 30/9/2563" },
} as const satisfies Record<string, OptionSpec>;

/** Parses the arguments of `check`; a string is the reason they are not usable. */
export function parseCheckArgs(args: readonly string[], today: Date): CheckOptions | string {
  const parsed = parseOptions(args, CHECK_OPTIONS);
  if (typeof parsed === "string") return parsed;
  const { values, positionals } = parsed;
  const lang = values.lang ?? "th";
  if (lang !== "th" && lang !== "en") return CHECK_OPTIONS.lang.takes;
  const format = values.json ? "json" : (values.format ?? "table");
  if (format !== "table" && format !== "json") return CHECK_OPTIONS.format.takes;
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
  const path = onePath(positionals);
  if (typeof path === "string") return path;
  return {
    file: path.file,
    lang,
    format,
    planTolerance,
    asOf: Number.isNaN(asOf) ? undefined : asOf,
  };
}

export type TableChoice = ChosenTable<RawTable>;

const SEVERITY_TEXT: Record<Severity, Record<Lang, string>> = {
  error: { th: "ข้อผิดพลาด", en: "error" },
  warning: { th: "คำเตือน", en: "warning" },
  info: { th: "ข้อมูล", en: "info" },
};

/** Columns of terminal text: Thai vowel and tone marks take no width of their own. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) if (!/\p{M}/u.test(ch)) width += 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

function sheetRef(sheet: string): string {
  return /^[\p{L}\p{M}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function locationOf(issue: Issue): string {
  if (issue.sheet === undefined) return issue.cell ?? "";
  return issue.cell === undefined
    ? sheetRef(issue.sheet)
    : `${sheetRef(issue.sheet)}!${issue.cell}`;
}

function tableLine(choice: TableChoice, lang: Lang): string {
  const where = `${sheetRef(choice.table.sheet)}`;
  const rows = choice.table.rows.length;
  if (choice.kind && !choice.skipped) {
    return lang === "th"
      ? `  ${tableLabel(choice.kind, "th")} ← ${choice.table.name} (ชีต ${where}, ${rows} แถว)`
      : `  ${tableLabel(choice.kind, "en")} ← ${choice.table.name} (sheet ${where}, ${rows} rows)`;
  }
  if (choice.skipped === "another-table-fits-better" && choice.kind) {
    return lang === "th"
      ? `  ไม่ได้ใช้: ${choice.table.name} (ชีต ${where}) มีตาราง${tableLabel(choice.kind, "th")}อื่นที่ตรงกว่า`
      : `  not used: ${choice.table.name} (sheet ${where}), another ${tableLabel(choice.kind, "en")} table fits better`;
  }
  return lang === "th"
    ? `  ไม่ได้ใช้: ${choice.table.name} (ชีต ${where}) ไม่รู้จักหัวตาราง`
    : `  not used: ${choice.table.name} (sheet ${where}), headers not recognised`;
}

export function formatTable(
  file: string,
  choices: readonly TableChoice[],
  result: CheckResult,
  lang: Lang
): string {
  const lines: string[] = [];
  lines.push(lang === "th" ? `ตรวจ ${file}` : `Checked ${file}`);
  lines.push(lang === "th" ? "ตาราง:" : "Tables:");
  for (const choice of choices) lines.push(tableLine(choice, lang));
  lines.push("");
  if (result.issues.length === 0) {
    lines.push(lang === "th" ? "ไม่พบปัญหา" : "No issues found");
  } else {
    const rows = result.issues.map((issue) => [
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
  const { errors, warnings, infos } = result.summary;
  lines.push(
    lang === "th"
      ? `สรุป: ข้อผิดพลาด ${errors} · คำเตือน ${warnings} · ข้อมูล ${infos}`
      : `Summary: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} info`
  );
  return `${lines.join("\n")}\n`;
}

export function formatJson(
  file: string,
  choices: readonly TableChoice[],
  result: CheckResult,
  lang: Lang
): string {
  const report = {
    file,
    lang,
    tables: choices.map((choice) => ({
      name: choice.table.name,
      sheet: choice.table.sheet,
      kind: choice.skipped ? null : (choice.kind ?? null),
      rows: choice.table.rows.length,
      ...(choice.skipped ? { skipped: choice.skipped } : {}),
    })),
    issues: result.issues.map((issue) => ({
      severity: issue.severity,
      code: issue.code,
      table: issue.table,
      row: issue.row,
      field: issue.field ?? null,
      sheet: issue.sheet ?? null,
      cell: issue.cell ?? null,
      message: issue.message[lang],
      messages: issue.message,
    })),
    summary: result.summary,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export async function runCheck(args: readonly string[], io: CliIO): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  const options = parseCheckArgs(args, io.now());
  if (typeof options === "string") {
    io.stderr(`kaona check: ${options}\n${USAGE}\n`);
    return EXIT_UNUSABLE;
  }
  const read = await readWorkbookTables("check", options.file, io);
  if (typeof read === "number") return read;
  const { choices, used } = read;
  if (!used.projects && !used.rounds && !used.indicators) {
    io.stderr(
      options.lang === "th"
        ? `kaona check: ไม่พบตารางโครงการ รายงานความก้าวหน้า หรือเกณฑ์ชี้วัดใน ${options.file}\n`
        : `kaona check: no Projects, Rounds or Indicators table found in ${options.file}\n`
    );
    return EXIT_FINDINGS;
  }
  const result = checkChosenTables({
    tables: used,
    planTolerance: options.planTolerance,
    asOf: options.asOf ?? dayOf(io.now()),
  });
  io.stdout(
    options.format === "json"
      ? formatJson(options.file, choices, result, options.lang)
      : formatTable(options.file, choices, result, options.lang)
  );
  return result.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export const checkCommand: CliCommand = {
  name: "check",
  summary: "check a workbook's Projects, Rounds and Indicators tables",
  usage: USAGE,
  run: runCheck,
};
