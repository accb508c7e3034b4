import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../../test/fixtures/cli";
import { boundSample, disposeSessionsAfterEach } from "../../../test/fixtures/session";
import { tempDir } from "../../../test/fixtures/xlsx";
import { SOURCE_HEADERS } from "../../domain/merge";
import { sampleWorkbookTables, SEED_000_CODE } from "../../domain/sample";
import type { RawTable, TableKind } from "../../domain/types";
import { MemoryWorkbook } from "../../workbook/memory/MemoryWorkbook";
import { KaonaSession, type ChosenFile } from "../session";

const UNITS = join(__dirname, "../../../test/fixtures/units");
const CORPUS = join(__dirname, "../../../test/fixtures/corpus");
const chosen = (dir: string, name: string): ChosenFile => ({
  name,
  bytes: readFileSync(join(dir, name)),
});
const rowCounts = (session: KaonaSession) =>
  Object.fromEntries(session.getState().tables.map((table) => [table.name, table.rowCount]));
const kinds: TableKind[] = ["projects", "rounds", "indicators"];

disposeSessionsAfterEach();
// Writing the sample with ExcelJS takes seconds on a busy machine.
jest.setTimeout(60_000);

let sampleBytes: Buffer;
let remove: () => void;
beforeAll(async () => {
  const temp = tempDir();
  remove = temp.remove;
  const out = join(temp.dir, "kaona-sample.xlsx");
  const run = await runCli(["sample", "-o", out]);
  expect(run.code).toBe(0);
  sampleBytes = readFileSync(out);
});
afterAll(() => remove());

/** Spies on every write the memory workbook can make. */
function watchWrites(memory: MemoryWorkbook) {
  return [
    jest.spyOn(memory, "appendRows"),
    jest.spyOn(memory, "createTable"),
    jest.spyOn(memory, "saveBindings"),
  ];
}

describe("combining workbooks in the task pane", () => {
  it("the sample combined with itself (the file `kaona sample` writes) adds nothing: every row is already there", async () => {
    const { session, memory } = await boundSample({ debounceMs: 0, variant: "asPrinted" });
    const before = rowCounts(session);
    const writes = watchWrites(memory);
    const preview = await session.previewCombine([
      { name: "kaona-sample.xlsx", bytes: sampleBytes },
    ]);
    expect(session.getState().error).toBeNull();
    const [file] = preview!.plan.files;
    expect(file.status).toBe("read");
    expect(file.counts).toEqual({
      projects: { add: 0, same: 2, conflicts: 0 },
      rounds: { add: 0, same: 19, conflicts: 0 },
      indicators: { add: 0, same: 431, conflicts: 0 },
    });
    expect(preview!.plan.existing).toEqual({ projects: 2, rounds: 19, indicators: 431 });
    expect(preview!.plan.conflicts).toEqual([]);
    for (const kind of kinds) expect(preview!.plan.rows[kind]).toEqual([]);
    const outcome = await session.applyCombine(preview!);
    expect(outcome?.added).toEqual({ projects: 0, rounds: 0, indicators: 0 });
    expect(rowCounts(session)).toEqual(before);
    for (const write of writes) expect(write).not.toHaveBeenCalled();
  });

  it("two units' files add their rows; an identical row from both is added once; a conflicting round is listed with both places", async () => {
    const { session } = await boundSample({ debounceMs: 0 });
    const preview = await session.previewCombine([
      chosen(UNITS, "unit-a.xlsx"),
      chosen(UNITS, "unit-b.xlsx"),
    ]);
    const [a, b] = preview!.plan.files;
    expect(a.counts).toEqual({
      projects: { add: 1, same: 0, conflicts: 0 },
      rounds: { add: 3, same: 0, conflicts: 0 },
      indicators: { add: 2, same: 0, conflicts: 0 },
    });
    expect(b.tables.map((table) => [table.kind, table.sheet, table.rows])).toEqual([
      ["projects", "โครงการ", 1],
      ["rounds", "รายงาน", 4],
    ]);
    // B's round 1 of A's project is A's exactly; its round 2 says 35 % where A says 30 %.
    expect(b.counts.rounds).toEqual({ add: 3, same: 1, conflicts: 1 });
    expect(preview!.plan.conflicts).toEqual([
      {
        kind: "rounds",
        key: "41000000-0001 / 2",
        first: { file: "unit-a.xlsx", sheet: "รายงานความก้าวหน้า", row: 3 },
        second: { file: "unit-b.xlsx", sheet: "รายงาน", row: 6 },
        columns: ["ความก้าวหน้าของงาน (%)"],
        added: true,
      },
    ]);
    // The sample's bound tables have no source columns: the sources are in the preview only.
    expect(preview!.sources).toEqual([]);
    expect(preview!.plan.rows.projects.map((row) => [row.values[0], row.source])).toEqual([
      ["41000000-0001", { file: "unit-a.xlsx", sheet: "โครงการ", row: 2 }],
      ["42000000-0002", { file: "unit-b.xlsx", sheet: "โครงการ", row: 4 }],
    ]);

    const outcome = await session.applyCombine(preview!);
    expect(outcome).toEqual({ added: { projects: 2, rounds: 6, indicators: 2 }, created: [] });
    expect(rowCounts(session)).toEqual({
      KaonaProjects: 4,
      KaonaRounds: 25,
      KaonaIndicators: 433,
    });
    const run = await session.runCheck();
    const rounds = run!.result.records.rounds.filter((round) =>
      ["41000000-0001", "42000000-0002"].includes(round.projectCode)
    );
    expect(rounds.map((round) => [round.projectCode, round.round, round.progress])).toEqual([
      ["41000000-0001", 1, 10],
      ["41000000-0001", 2, 30],
      ["41000000-0001", 3, 55],
      ["42000000-0002", 1, 20],
      ["42000000-0002", 2, 45],
      ["41000000-0001", 2, 35],
    ]);
    // Dates arrive as dates (serials), not text.
    expect(typeof rounds[0].date).toBe("number");
    // The check now reports the duplicate round, until the person keeps the right one.
    expect(run!.result.issues.some((issue) => issue.code.includes("DUPLICATE"))).toBe(true);

    // Combining the same files again adds nothing.
    const again = await session.previewCombine([
      chosen(UNITS, "unit-a.xlsx"),
      chosen(UNITS, "unit-b.xlsx"),
    ]);
    for (const kind of kinds) expect(again!.plan.rows[kind]).toEqual([]);
  });

  it("a row already in the workbook with other values is listed with both places and not added", async () => {
    const { session } = await boundSample({ debounceMs: 0 });
    const other = sampleWorkbookTables("typed");
    // Seed 000's round 1 as another unit reported it: progress 12 where the workbook has 10.
    other.rounds.rows = [other.rounds.rows[0].map((cell, column) => (column === 4 ? 12 : cell))];
    const dir = tempDir();
    try {
      const path = join(dir.dir, "seed-000-again.xlsx");
      const { writeWorkbook } = await import("../../../test/fixtures/xlsx");
      await writeWorkbook(path, [{ table: other.rounds }]);
      const preview = await session.previewCombine([chosen(dir.dir, "seed-000-again.xlsx")]);
      expect(preview!.plan.conflicts).toEqual([
        {
          kind: "rounds",
          key: `${SEED_000_CODE} / 1`,
          first: { file: "", sheet: "รายงานความก้าวหน้า", row: 2 },
          second: { file: "seed-000-again.xlsx", sheet: other.rounds.sheet, row: 2 },
          columns: ["ความก้าวหน้าของงาน (%)"],
          added: false,
        },
      ]);
      expect(preview!.plan.files[0].counts.rounds).toEqual({ add: 0, same: 0, conflicts: 1 });
      expect(preview!.plan.rows.rounds).toEqual([]);
    } finally {
      dir.remove();
    }
  });

  it("unreadable files get their own message and do not stop the others; nothing is written before the confirmation", async () => {
    const { session, memory } = await boundSample({ debounceMs: 0 });
    const before = rowCounts(session);
    const writes = watchWrites(memory);
    const csv = new TextEncoder().encode("รหัสโครงการ,รายงานครั้งที่\n41000000-0009,1\n");
    const preview = await session.previewCombine([
      { name: "units.xlsx", bytes: csv },
      { name: "empty.xlsx", bytes: new Uint8Array(0) },
      chosen(UNITS, "unit-a.xlsx"),
      chosen(CORPUS, "totals-rows.xlsx"),
    ]);
    expect(session.getState().error).toBeNull();
    const [units, empty, a, totals] = preview!.plan.files;
    expect(units).toMatchObject({ status: "unreadable", tables: [] });
    expect(units.message?.en).toBe(
      'units.xlsx is a CSV text file, not an .xlsx workbook: open it in Excel and save it as "Excel Workbook (*.xlsx)"'
    );
    expect(units.message?.th).toContain("เป็นไฟล์ข้อความ CSV");
    expect(empty).toMatchObject({ status: "unreadable" });
    expect(empty.message?.en).toBe("empty.xlsx is empty (0 bytes): there is nothing to read");
    expect(a.counts.rounds.add).toBe(3);
    expect(totals.status).toBe("read");
    expect(totals.counts.projects.add).toBeGreaterThan(0);
    // The person leaves the page (Cancel): the preview is dropped, nothing was written.
    expect(rowCounts(session)).toEqual(before);
    for (const write of writes) expect(write).not.toHaveBeenCalled();
  });

  it("fills the bound tables' source columns where they have them", async () => {
    const sample = sampleWorkbookTables("typed");
    const withSources = (table: RawTable): RawTable => ({
      ...table,
      headers: [...table.headers, ...SOURCE_HEADERS.th],
      rows: table.rows.map((row) => [...row, null, null, null]),
    });
    const memory = new MemoryWorkbook([
      sample.projects,
      withSources(sample.rounds),
      sample.indicators,
    ]);
    const session = new KaonaSession(memory, { debounceMs: 0 });
    await session.load();
    await session.autoBind();
    const preview = await session.previewCombine([chosen(UNITS, "unit-a.xlsx")]);
    expect(preview!.sources).toEqual(["rounds"]);
    await session.applyCombine(preview!);
    const rounds = session.getState().bound.rounds!.table!;
    const [raw] = await memory.readTables([rounds.id]);
    expect(raw.rows.slice(-3).map((row) => row.slice(-3))).toEqual([
      ["unit-a.xlsx", "รายงานความก้าวหน้า", 2],
      ["unit-a.xlsx", "รายงานความก้าวหน้า", 3],
      ["unit-a.xlsx", "รายงานความก้าวหน้า", 4],
    ]);
    // Rows appended earlier with their sources are still "already there".
    const again = await session.previewCombine([chosen(UNITS, "unit-a.xlsx")]);
    expect(again!.plan.files[0].counts.rounds).toEqual({ add: 0, same: 3, conflicts: 0 });
  });

  it("a protected sheet refuses the append; a new preview shows what was added before the refusal", async () => {
    const { session, memory } = await boundSample({ debounceMs: 0 });
    const preview = await session.previewCombine([chosen(UNITS, "unit-a.xlsx")]);
    memory.protectSheet(session.getState().bound.rounds!.table!.sheet);
    const outcome = await session.applyCombine(preview!);
    expect(outcome).toBeUndefined();
    expect(session.getState().error?.reason).toBe("sheet-protected");
    // Projects (written first) went in; rounds and indicators did not.
    expect(rowCounts(session)).toEqual({
      KaonaProjects: 3,
      KaonaRounds: 19,
      KaonaIndicators: 431,
    });
    session.dismissError();
    const again = await session.previewCombine([chosen(UNITS, "unit-a.xlsx")]);
    expect(again!.plan.files[0].counts).toEqual({
      projects: { add: 0, same: 1, conflicts: 0 },
      rounds: { add: 3, same: 0, conflicts: 0 },
      indicators: { add: 2, same: 0, conflicts: 0 },
    });
  });
});
