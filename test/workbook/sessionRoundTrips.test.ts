/**
 * Round trips per user action, counted end to end: the task pane's KaonaSession over the
 * Office.js ExcelWorkbook, against the recording Excel fake. The figure that matters is
 * that no action's count grows with the table: the sample's 19 rounds and 800 rounds
 * (with the seeds' long Thai narratives, 1 MB) take the same. Above a per-sync budget of
 * 4 MB (shared by the tables read together; Excel on the web refuses 5 MB), reads and
 * writes go in windows and the window count is the only growth (see src/workbook/excel tests and bench/workbook.bench.ts). The counts are pinned
 * so that a change adding a round trip is noticed.
 */
import { KaonaSession } from "../../src/app/session";
import { SAMPLE_TABLES } from "../../src/domain/sample";
import type { CellValue } from "../../src/domain/types";
import { ExcelWorkbook } from "../../src/workbook/excel/ExcelWorkbook";
import { FakeExcel } from "../fakes/fakeExcel";

jest.setTimeout(120_000);

type Cell = string | number | boolean;
const toCells = (rows: CellValue[][]): Cell[][] =>
  rows.map((row) => row.map((v) => (v === null || v === undefined ? "" : v)));

/** The sample workbook with its Rounds table grown to `rounds` rows (seed rows repeated). */
function workbookWith(rounds: number): { fake: FakeExcel; session: KaonaSession } {
  const fake = new FakeExcel();
  const { projects, indicators } = SAMPLE_TABLES;
  const seedRounds = toCells(SAMPLE_TABLES.rounds.rows);
  const many = Array.from({ length: rounds }, (_, i) => {
    const row = [...seedRounds[i % seedRounds.length]];
    row[1] = Math.floor(i / seedRounds.length) * 20 + Number(row[1]); // keep rounds distinct
    return row;
  });
  fake.addTable(projects.sheet, projects.name, "A1", projects.headers, toCells(projects.rows));
  fake.addTable(SAMPLE_TABLES.rounds.sheet, SAMPLE_TABLES.rounds.name, "A1", SAMPLE_TABLES.rounds.headers, many);
  fake.addTable(indicators.sheet, indicators.name, "A1", indicators.headers, toCells(indicators.rows));
  const workbook = new ExcelWorkbook({ runner: fake.runner, supports: () => true });
  return { fake, session: new KaonaSession(workbook, { debounceMs: 0 }) };
}

async function syncsOf(fake: FakeExcel, action: () => Promise<unknown>): Promise<number> {
  const before = fake.syncs;
  await action();
  return fake.syncs - before;
}

async function countActions(rounds: number): Promise<Record<string, number>> {
  const { fake, session } = workbookWith(rounds);
  const counts: Record<string, number> = {};
  counts.open = await syncsOf(fake, () => session.load());
  counts.bindAll = await syncsOf(fake, () => session.autoBind());
  counts.check = await syncsOf(fake, () => session.runCheck());
  expect(session.getState().error).toBeNull();
  counts.issuesSheet = await syncsOf(fake, () => session.writeIssuesSheet("th"));
  counts.report = await syncsOf(fake, () =>
    session.generateReports({ projectCode: "21000000-3165", mode: "values", lang: "th", chart: false })
  );
  counts.reportAgain = await syncsOf(fake, () =>
    session.generateReports({ projectCode: "21000000-3165", mode: "values", lang: "th", chart: false })
  );
  expect(session.getState().error).toBeNull();
  await session.dispose();
  return counts;
}

test("no task-pane action takes more round trips for 800 rounds than for the sample's 19", async () => {
  const small = await countActions(19);
  const large = await countActions(800);
  expect(large).toEqual(small);
  expect(small).toEqual({
    open: 3, // list the tables, read the bindings part, watch the bound tables
    bindAll: 6, // list the tables, re-read the bindings part (a co-author may have saved), save it, watch
    check: 1, // every bound table in one read
    issuesSheet: 2, // inspect the sheet name, write and mark
    report: 4, // a fresh read of the tables, then inspect, write and mark
    reportAgain: 4, // the same, replacing Kaona's own sheet in place
  });
});
