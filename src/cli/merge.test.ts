import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../test/fixtures/cli";
import { tempDir, writeTables, writeWorkbook } from "../../test/fixtures/xlsx";
import { SOURCE_HEADERS } from "../domain/merge";
import { sampleWorkbookTables } from "../domain/sample";
import type { RawTable } from "../domain/types";
import { readXlsxTables } from "../workbook/xlsx/readXlsx";

const run = runCli;

/** The sample's tables under other project codes: another unit's workbook. */
function otherUnit(): RawTable[] {
  const sample = sampleWorkbookTables();
  return [sample.projects, sample.rounds, sample.indicators].map((table) => ({
    ...table,
    rows: table.rows.map((row) => [
      String(row[0]).replace("21000000", "31000000"),
      ...row.slice(1),
    ]),
  }));
}

// Each test writes and reads real workbooks with ExcelJS: seconds on a busy machine.
jest.setTimeout(60_000);

describe("kaona merge", () => {
  let dir: string;
  let remove: () => void;
  let samplePath: string;
  beforeAll(async () => {
    ({ dir, remove } = tempDir());
    samplePath = join(dir, "sample.xlsx");
    await writeTables(samplePath, sampleWorkbookTables());
  });
  afterAll(() => remove());

  it("merging the sample with itself finds every row a duplicate and adds nothing", async () => {
    const copy = join(dir, "copy.xlsx");
    copyFileSync(samplePath, copy);
    const out = join(dir, "self.xlsx");
    const result = await run(["merge", samplePath, copy, "-o", out, "--lang", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Progress rounds: 19 rows added · 19 identical (not added) · 0 same key"
    );
    expect(result.stdout).toContain("Indicators: 431 rows added · 431 identical (not added)");
    const tables = await readXlsxTables(out);
    const rounds = tables.find((table) => table.name === "KaonaRounds");
    expect(rounds?.rows).toHaveLength(19);
    expect(rounds?.headers.slice(-3)).toEqual(SOURCE_HEADERS.en);
    expect(new Set(rounds?.rows.map((row) => row[row.length - 3]))).toEqual(new Set([samplePath]));
  });

  it("combines two units' files from a folder with their sources, a summary, and not its own output", async () => {
    const folder = join(dir, "units");
    mkdirSync(join(folder, "เขต 2"), { recursive: true });
    copyFileSync(samplePath, join(folder, "unit1.xlsx"));
    const [projects, rounds, indicators] = otherUnit();
    const unit2 = join(folder, "เขต 2", "unit2.xlsx");
    await writeWorkbook(unit2, [{ table: projects }, { table: rounds }, { table: indicators }]);
    writeFileSync(join(folder, "~$unit1.xlsx"), "lock");
    const out = join(folder, "combined.xlsx");
    const first = await run(["merge", folder, "-o", out]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("รวม 2 ไฟล์");
    // Again, with the output now inside the folder: it is not merged into itself.
    const again = await run(["merge", folder, "-o", out]);
    expect(again.stdout).toBe(first.stdout);
    const tables = await readXlsxTables(out);
    const byName = new Map(tables.map((table) => [table.name, table]));
    const merged = byName.get("KaonaRounds");
    expect(merged?.rows).toHaveLength(38);
    const sources = merged?.rows.map((row) => row.slice(-3));
    expect(sources?.[0]).toEqual([join(folder, "unit1.xlsx"), rounds.sheet, 2]);
    expect(sources?.[37]).toEqual([unit2, rounds.sheet, 20]);
    const summary = byName.get("KaonaSummary");
    expect(summary?.rows.map((row) => [row[0], row[4], row[7]])).toEqual([
      ["21000000-3165", 11, 431],
      ["21000000-6549", 8, 0],
      ["31000000-3165", 11, 431],
      ["31000000-6549", 8, 0],
    ]);
  });

  it("reports conflicting rows and unreadable files with exit 1, nothing readable with exit 2", async () => {
    const sample = sampleWorkbookTables();
    sample.rounds.rows[3][4] = 99;
    const changed = join(dir, "changed.xlsx");
    await writeWorkbook(changed, [{ table: sample.rounds }]);
    const csv = join(dir, "rounds.xlsx");
    writeFileSync(csv, "a,b\n1,2\n");
    const out = join(dir, "conflicts.xlsx");
    const result = await run(["merge", samplePath, changed, csv, "-o", out, "--lang", "en"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`kaona merge: ${csv} is a CSV text file`);
    expect(result.stdout).toContain(
      `error  MERGE_CONFLICT  21000000-3165 / 4 is in both ${samplePath} (sheet รายงานความก้าวหน้า, row 5) and ${changed} (sheet รายงานความก้าวหน้า, row 5) with different values (Progress (%))`
    );
    expect(result.stdout).toContain("Summary: 2 errors");
    const nothing = await run(["merge", csv, "-o", join(dir, "none.xlsx")]);
    expect(nothing.code).toBe(2);
    expect((await run(["merge", samplePath])).code).toBe(2);
  });

  it("draws a progress bar on a terminal once it has taken over a second", async () => {
    let clock = 0;
    const result = await run(["merge", samplePath, samplePath, "-o", join(dir, "p.xlsx")], {
      stderrIsTerminal: true,
      clockMs: () => (clock += 700),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("] 1/2 ");
    expect(result.stderr.endsWith("\r\u001b[K")).toBe(true);
    const quiet = await run(["merge", samplePath, "-o", join(dir, "q.xlsx")], {
      stderrIsTerminal: false,
      clockMs: () => (clock += 700),
    });
    expect(quiet.stderr).toBe("");
  });
});
