/**
 * The Diagnostics self-test as a use case on the workbook port: picks a free scratch sheet
 * and table name, has the workbook write the probe, read it back and remove the sheet
 * (Workbook.runSelfTest), compares (checks.ts) and writes a plain-text report. The same
 * code runs in real Excel and on the preview's memory workbook.
 */
import { WorkbookError, type Workbook } from "../../workbook/port";
import type { SelfTestReadBack } from "../../workbook/selfTestProbe";
import { SheetNames, uniqueTableName, withFreeName } from "../../usecases/sheetNames";
import { evaluateSelfTest, type SelfTestItem } from "./checks";
import { SCRATCH_SHEET, SCRATCH_TABLE, buildProbe } from "./probe";

export { SELF_TEST_ITEM_IDS, type SelfTestItem, type SelfTestStatus } from "./checks";

export interface SelfTestReport {
  ranAt: string;
  host: SelfTestReadBack["host"];
  sheet: string;
  items: SelfTestItem[];
  syncs: number;
  counts: { pass: number; fail: number; na: number };
}

/** Runs the self-test; throws WorkbookError "not-supported" where the workbook has none. */
export async function runSelfTest(
  workbook: Workbook,
  options: { now?: () => Date; token?: string } = {}
): Promise<SelfTestReport> {
  const run = workbook.runSelfTest?.bind(workbook);
  if (!run) throw new WorkbookError("not-supported", "this workbook has no self-test");
  const now = options.now ?? (() => new Date());
  const tables = await workbook.listTables();
  const sheets = new SheetNames(tables.map((t) => t.sheet));
  const tableNames = new Set(tables.map((t) => t.name));
  const token = options.token ?? now().toISOString();
  let sheet = "";
  const result = await withFreeName(
    async () => {
      sheet = sheets.free(SCRATCH_SHEET);
      const probe = buildProbe(sheet, uniqueTableName(SCRATCH_TABLE, tableNames), token);
      return { probe, back: await run(probe) };
    },
    (error) => {
      // A sheet without a table is invisible to listTables: learn it from the refusal.
      if (!(error instanceof WorkbookError && error.reason === "sheet-conflict")) return false;
      sheets.take(sheet);
      return true;
    },
    () => new WorkbookError("sheet-conflict", `no free name for "${SCRATCH_SHEET}"`)
  );
  const items = evaluateSelfTest(result.probe, result.back);
  const counts = { pass: 0, fail: 0, na: 0 };
  for (const entry of items) counts[entry.status] += 1;
  return {
    ranAt: now().toISOString(),
    host: result.back.host,
    sheet: result.probe.sheet,
    items,
    syncs: result.back.syncs,
    counts,
  };
}

/** Labels of a report in the reader's language (the page passes its dictionary's words). */
export interface ReportWords {
  title: string;
  host: string;
  ranAt: string;
  /** "Round trips to Excel: 5" (filled in). */
  syncs: string;
  /** "Passed 22 · Failed 0 · …" (filled in). */
  summary: string;
  status: Record<SelfTestItem["status"], string>;
  expected: string;
  actual: string;
  itemTitle(entry: SelfTestItem): string;
  naReason(entry: SelfTestItem): string;
}

/** The report as plain text, one item a line (what "copy report" puts on the clipboard). */
export function reportText(report: SelfTestReport, words: ReportWords): string {
  const host = report.host;
  const lines = [
    words.title,
    `${words.host}: ${[host.kind, host.application, host.platform, host.version].filter(Boolean).join(" · ")}`,
    `${words.ranAt}: ${report.ranAt}`,
    words.syncs,
    words.summary,
    "",
  ];
  for (const entry of report.items) {
    let line = `[${words.status[entry.status]}] ${words.itemTitle(entry)}`;
    if (entry.status === "na") line += ` (${words.naReason(entry)})`;
    lines.push(line);
    if (entry.status === "fail") {
      if (entry.expected !== undefined) lines.push(`    ${words.expected}: ${entry.expected}`);
      if (entry.actual !== undefined) lines.push(`    ${words.actual}: ${entry.actual}`);
    }
  }
  return lines.join("\n");
}
