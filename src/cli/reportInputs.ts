/**
 * What `kaona report` makes its report of: one workbook's tables, checked as `kaona check`
 * checks them, or several workbooks combined by the merge rule, each checked on its own
 * (src/usecases/checkCombined.ts). Files that cannot be read are named on stderr; the
 * others still make the report.
 */
import type { CheckResult } from "../domain/check";
import { tableLabel } from "../domain/schema";
import type { Lang } from "../domain/types";
import { checkChosenTables, dayOf } from "../usecases/checkTables";
import { checkCombined, type UnitWorkbook } from "../usecases/checkCombined";
import { EXIT_FINDINGS, EXIT_UNUSABLE, type CliIO } from "./io";
import { Progress } from "./progress";
import { readWorkbookTables } from "./workbookFile";

export interface ReportData {
  result: Pick<CheckResult, "records" | "issues" | "summary">;
  /** The input as messages name it: the file, or "3 files". */
  label: string;
  /** Lines for stdout after the report is written (several files: where the rows came
   * from, and what the merge found). */
  notes: string[];
  /** Files that could not be read (named on stderr already). */
  unreadable: number;
}

function say(lang: Lang, th: string, en: string): string {
  return lang === "th" ? th : en;
}

function noProjects(io: CliIO, lang: Lang, where: string): number {
  io.stderr(
    `kaona report: ${say(lang, `ไม่พบตารางโครงการใน ${where}`, `no Projects table found in ${where}`)}\n`
  );
  return EXIT_FINDINGS;
}

/** The records and issues to report, or the exit code after saying why there are none. */
export async function readReportData(
  files: readonly string[],
  options: { lang: Lang },
  io: CliIO
): Promise<ReportData | number> {
  const { lang } = options;
  if (files.length === 0) {
    io.stderr(`kaona report: ${say(lang, "ไม่พบไฟล์ .xlsx", "no .xlsx files found")}\n`);
    return EXIT_UNUSABLE;
  }
  if (files.length === 1) {
    const read = await readWorkbookTables("report", files[0], io, lang);
    if (typeof read === "number") return read;
    if (!read.used.projects) return noProjects(io, lang, files[0]);
    const result = checkChosenTables({ tables: read.used, asOf: dayOf(io.now()) });
    return { result, label: files[0], notes: [], unreadable: 0 };
  }
  const units: UnitWorkbook[] = [];
  let unreadable = 0;
  const progress = new Progress(io, files.length, {
    lang,
    what: { th: "อ่านไฟล์", en: "reading files" },
    offTerminal: "quiet",
  });
  // What a file's reading says on stderr clears the bar first.
  const quietIo: CliIO = {
    ...io,
    stderr: (text) => {
      progress.pause();
      io.stderr(text);
    },
  };
  for (const [index, file] of files.entries()) {
    progress.step(index, files.length, file);
    const read = await readWorkbookTables("report", file, quietIo, lang);
    if (typeof read === "number") {
      unreadable += 1;
      continue;
    }
    units.push({ file, tables: read.used, discoveryIssues: read.discovery.issues });
  }
  progress.end();
  const label = say(lang, `${files.length} ไฟล์`, `${files.length} files`);
  if (units.length === 0) return EXIT_UNUSABLE;
  if (!units.some((unit) => unit.tables.projects)) return noProjects(io, lang, label);
  const combined = checkCombined(units, { asOf: dayOf(io.now()), lang });
  const notes = [say(lang, "ที่มาของข้อมูล:", "Sources:")];
  for (const { file, rows } of combined.rowsPerFile)
    notes.push(
      say(
        lang,
        `  ${file}: โครงการ ${rows.projects} · รายงานความก้าวหน้า ${rows.rounds} · เกณฑ์ชี้วัด ${rows.indicators} แถว`,
        `  ${file}: ${rows.projects} projects, ${rows.rounds} rounds, ${rows.indicators} indicators`
      )
    );
  for (const issue of combined.merge.issues)
    notes.push(`  ${issue.code}  ${tableLabel(issue.table, lang)}: ${issue.message[lang]}`);
  return { result: combined, label, notes, unreadable };
}
