/**
 * `kaona report --all` over several workbooks and folders: one report of every unit's
 * projects, the files combined by the merge rule (src/domain/merge.ts), each checked on its
 * own with its issues located in its file. Two units' files written by openpyxl (the
 * corpus: test/fixtures/corpus/make_corpus.py) and the sample written by ExcelJS.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../test/fixtures/cli";
import { useTempDir, writeWorkbook } from "../../test/fixtures/xlsx";
import { sampleWorkbookTables, SEED_000_CODE, SEED_001_CODE } from "../domain/sample";

const CORPUS = join(__dirname, "../../test/fixtures/corpus");
const NORTH = join(CORPUS, "unit-north.xlsx");
const SOUTH = join(CORPUS, "unit-south.xlsx");

async function open(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Column `column`'s values below the header row of a report sheet (row 3 on). */
function columnValues(sheet: ExcelJS.Worksheet, column: number): unknown[] {
  const values: unknown[] = [];
  sheet.eachRow((row, number) => {
    if (number < 3) return;
    const value = row.getCell(column).value;
    values.push(
      typeof value === "object" && value !== null && "text" in value ? value.text : value
    );
  });
  return values;
}

jest.setTimeout(60_000);

describe("kaona report --all over several workbooks", () => {
  const temp = useTempDir();

  it("makes one report of two units' projects, keeps where each came from and flags a code both hold", async () => {
    const out = join(temp.dir, "units.xlsx");
    const result = await runCli([
      "report",
      "--all",
      NORTH,
      SOUTH,
      "-o",
      out,
      "--lang",
      "en",
      "--issues",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `wrote ${out}: 3 project reports and a summary (data errors 1, warnings 0)`
    );
    expect(result.stdout).toContain(
      "no report sheet (listed in the summary): 1 with a code used before"
    );
    expect(result.stdout).toContain(`  ${NORTH}: 2 projects, 8 rounds, 4 indicators`);
    expect(result.stdout).toContain(`  ${SOUTH}: 2 projects, 8 rounds, 4 indicators`);
    expect(result.stdout).toContain(
      `MERGE_CONFLICT  Projects: 63020000-0002 is in both ${NORTH} (sheet โครงการ, row 3) and ${SOUTH} (sheet โครงการ, row 3) with different values (Project name, Responsible unit)`
    );
    // The rounds and indicators of 63020000-0002 are the same in both files: kept once.
    expect(result.stdout).toContain(
      `${SOUTH}: 4 Progress rounds rows identical to rows already there`
    );
    expect(result.stderr).toContain("kaona report: the data has 1 error");

    const workbook = await open(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Summary",
      "63020000-0001",
      "63020000-0002",
      "63030000-0001",
      "Data issues",
    ]);
    const summary = workbook.getWorksheet("Summary")!;
    // Every project of both files, the colliding one twice (its second row has no sheet).
    expect(columnValues(summary, 3).slice(0, 4)).toEqual([
      "ซ่อมถนนเขตเหนือ",
      "ขุดลอกคูคลอง",
      "ปลูกต้นไม้เขตใต้",
      "ขุดลอกคูคลองเขตใต้",
    ]);
    expect(columnValues(summary, 4).slice(0, 4)).toEqual([
      "สำนักงานเขตเหนือ",
      "สำนักงานเขตเหนือ",
      "สำนักงานเขตใต้",
      "สำนักงานเขตใต้",
    ]);
    // The conflict is listed at the row of the file that brought it, the file named.
    const issues = workbook.getWorksheet("Data issues")!;
    const codes = columnValues(issues, 8);
    const at = codes.indexOf("MERGE_CONFLICT");
    expect(at).toBeGreaterThanOrEqual(0);
    const cell = issues.getRow(at + 3).getCell(6).value as ExcelJS.CellHyperlinkValue;
    expect(cell.text).toBe("A3");
    expect(cell.hyperlink).toBe(`'[${SOUTH}]โครงการ'!A3`);
  });

  it("takes a folder: the sample beside its own copy adds nothing and reports each project once", async () => {
    const folder = join(temp.dir, "same");
    mkdirSync(folder);
    const sample = sampleWorkbookTables();
    const first = join(folder, "a.xlsx");
    await writeWorkbook(first, [
      { table: sample.projects },
      { table: sample.rounds },
      { table: sample.indicators },
    ]);
    copyFileSync(first, join(folder, "b.xlsx"));
    const out = join(folder, "report.xlsx");
    const result = await runCli(["report", "--all", folder, "-o", out, "--lang", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2 project reports and a summary (data errors 0");
    expect(result.stdout).toContain(
      `${join(folder, "b.xlsx")}: 2 Projects rows identical to rows already there`
    );
    expect(result.stdout).toContain(`${join(folder, "b.xlsx")}: 19 Progress rounds rows identical`);
    expect(result.stdout).toContain(`${join(folder, "b.xlsx")}: 431 Indicators rows identical`);
    expect(result.stdout).not.toContain("MERGE_CONFLICT");
    const workbook = await open(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Summary",
      SEED_000_CODE,
      SEED_001_CODE,
    ]);
    expect(columnValues(workbook.getWorksheet("Summary")!, 2)).toEqual([
      SEED_000_CODE,
      SEED_001_CODE,
    ]);
    // Run again: the report written into the folder is not read as a unit's workbook.
    const again = await runCli(["report", "--all", folder, "-o", out, "--lang", "en"]);
    expect(again.stdout).toBe(result.stdout);
  });

  it("names an unreadable file and still reports the others (exit 1); nothing readable is exit 2", async () => {
    const csv = join(temp.dir, "rounds.xlsx");
    writeFileSync(csv, "รหัสโครงการ,ครั้งที่\n21000000-3165,1\n");
    const out = join(temp.dir, "some.xlsx");
    const result = await runCli(["report", "--all", NORTH, csv, "-o", out, "--lang", "en"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`kaona report: ${csv} is a CSV text file`);
    expect(result.stdout).toContain(`wrote ${out}: 2 project reports and a summary`);
    const none = await runCli(["report", "--all", csv, csv, "-o", out]);
    expect(none.code).toBe(2);
    const empty = join(temp.dir, "empty");
    mkdirSync(empty);
    const nothing = await runCli(["report", "--all", empty, "-o", out, "--lang", "en"]);
    expect(nothing).toMatchObject({ code: 2, stderr: "kaona report: no .xlsx files found\n" });
  });
});
