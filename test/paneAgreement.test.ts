/**
 * The task pane and `kaona check` agree on every corpus file: the pane's session, over a
 * memory workbook holding the file's sheets as they are, finds the same tables (discovery
 * on the sheets it reads), binds the Excel tables and converts the plain ranges it found
 * (the person's "bind" and "convert" clicks), checks, and reports the same issues (code,
 * sheet, cell) as the command on the file. The notes discovery makes about what it assumed
 * (hidden sheets and columns, totals rows) are the Tables page's notices in the pane and
 * the first issues of the command's report: compared as such.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KaonaSession } from "../src/app/session";
import { runCheck } from "../src/cli/check";
import type { CliIO } from "../src/cli/io";
import type { Issue } from "../src/domain/types";
import { MemoryWorkbook } from "../src/workbook/memory/MemoryWorkbook";
import { readXlsxGrids } from "../src/workbook/xlsx/readXlsx";
import { disposeSessionsAfterEach } from "./fixtures/session";

disposeSessionsAfterEach();

const CORPUS = join(__dirname, "fixtures", "corpus");
const FILES = (
  JSON.parse(readFileSync(join(CORPUS, "manifest.json"), "utf8")) as { file: string }[]
).map((entry) => entry.file);
const TODAY = new Date(2021, 0, 1);

/** Codes of discovery's notes: what it assumed, not what the cells say. */
const DISCOVERY_CODES = new Set([
  "TABLE_HIDDEN_USED",
  "TABLE_HIDDEN_IGNORED",
  "TABLE_TOTALS_SKIPPED",
]);

interface Report {
  tables: { sheet: string; kind: string | null; rows: number }[];
  issues: { code: string; sheet?: string; cell?: string }[];
}

async function command(file: string): Promise<Report> {
  let stdout = "";
  const io: CliIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: () => undefined,
    now: () => TODAY,
  };
  await runCheck([join(CORPUS, file), "--format", "json", "--lang", "en"], io);
  return JSON.parse(stdout) as Report;
}

const key = (issue: { code: string; sheet?: string; cell?: string }) =>
  `${issue.code} ${issue.sheet ?? ""}!${issue.cell ?? ""}`;

async function pane(file: string) {
  const memory = new MemoryWorkbook([], { now: () => TODAY });
  memory.openGrids(await readXlsxGrids(join(CORPUS, file)));
  const session = new KaonaSession(memory, { now: () => TODAY.getTime() });
  await session.load();
  const suggestions = await session.discoverTables();
  if (!suggestions) throw new Error("the memory workbook reads sheets");
  await session.bindFoundTables();
  for (const range of suggestions.ranges)
    if (range.headerRows.length === 1) await session.convertFoundRange(range);
  const run = await session.runCheck();
  const state = session.getState();
  return { suggestions, run, state };
}

/** Files the pane cannot check as they are: an Excel table has one header row, so a range
 * under a two-row grouped header is made one row by the person before it is converted. */
const ONE_HEADER_ROW_FIRST = new Set(["titled-two-row-header.xlsx"]);

describe("the task pane and kaona check agree on the corpus", () => {
  it.each([...ONE_HEADER_ROW_FIRST])(
    "%s: the pane finds the grouped header, asks for one row",
    async (file) => {
      const cli = await command(file);
      const { suggestions } = await pane(file);
      const grouped = suggestions.ranges.filter((r) => r.headerRows.length === 2);
      expect(grouped.length).toBeGreaterThan(0);
      // The same tables as the command, with the header rows it found.
      expect(suggestions.ranges.map((r) => [r.kind, r.sheet, r.rows])).toEqual(
        cli.tables.filter((t) => t.kind).map((t) => [t.kind, t.sheet, t.rows])
      );
    }
  );

  it.each(FILES.filter((file) => !ONE_HEADER_ROW_FIRST.has(file)))("%s", async (file) => {
    const cli = await command(file);
    const { suggestions, run, state } = await pane(file);
    expect(state.error).toBeNull();

    // The same tables of each kind, on the same sheets, with the same rows.
    const used = cli.tables.filter((t) => t.kind);
    expect(run?.tables.map((t) => [t.kind, t.sheet, t.rows])).toEqual(
      used.map((t) => [t.kind, t.sheet, t.rows])
    );
    // The same issues about the cells, each at its sheet and cell.
    const cellIssues = (issues: readonly { code: string }[]) =>
      issues.filter((i) => !DISCOVERY_CODES.has(i.code));
    expect(
      cellIssues((run?.result.issues ?? []) as Issue[])
        .map(key)
        .sort()
    ).toEqual(cellIssues(cli.issues).map(key).sort());
    // Discovery's notes: the pane's notices are the command's.
    expect(suggestions.notices.map(key).sort()).toEqual(
      cli.issues
        .filter((i) => DISCOVERY_CODES.has(i.code))
        .map(key)
        .sort()
    );
  });
});
