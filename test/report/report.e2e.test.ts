import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { sampleWorkbookTables, SEED_000_CODE, SEED_001_CODE } from "../../src/domain/sample";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { parseReportArgs } from "../../src/cli/report";
import { tempDir, writeWorkbook } from "../fixtures/xlsx";

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), now: () => new Date(2024, 0, 1) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

async function open(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe("kaona report, end to end on .xlsx files", () => {
  let dir: string;
  let remove: () => void;
  let book: string;

  beforeAll(async () => {
    ({ dir, remove } = tempDir());
    const sample = sampleWorkbookTables();
    book = join(dir, "book.xlsx");
    await writeWorkbook(book, [{ table: sample.projects }, { table: sample.rounds }, { table: sample.indicators }]);
  });
  afterAll(() => remove());

  it("writes one project's form (exit 0) that reads back with its rounds, tally and print setup", async () => {
    const out = join(dir, "one.xlsx");
    const result = await run("report", book, "--project", SEED_000_CODE, "-o", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`เขียน ${out}: รายงาน 1 โครงการ`);
    const workbook = await open(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([SEED_000_CODE]);
    const sheet = workbook.worksheets[0];
    expect(sheet.getCell("A1").value).toBe("แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ");
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain("รหัสโครงการ : 21000000-3165");
    expect(values).toContain("เริ่มต้นโครงการ : 1 ตุลาคม 2562");
    expect(values).toContain("409 / 421");
    const header = Number(sheet.pageSetup.printTitlesRow?.split(":")[0]);
    // Rounds with long narratives continue on extra rows; column A holds the round number.
    const rounds: [unknown, unknown][] = [];
    for (let r = header + 1; r <= header + 40; r++) {
      const round = sheet.getCell(`A${r}`).value;
      if (typeof round === "number") rounds.push([round, sheet.getCell(`D${r}`).value]);
      if (round === 11) break;
    }
    expect(rounds.map(([round]) => round)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rounds.at(-1)?.[1]).toBe(100);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.headerFooter.oddFooter).toContain("&P / &N");
  });

  it("writes every project and a linked summary with --all, in English with --lang en", async () => {
    const out = join(dir, "all.xlsx");
    const result = await run("report", book, "--all", "-o", out, "--lang", "en", "--chart", "--issues");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("wrote");
    expect(result.stdout).toContain("2 project reports and a summary");
    const workbook = await open(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Summary", SEED_000_CODE, SEED_001_CODE, "Data issues"]);
    const summary = workbook.getWorksheet("Summary");
    expect(summary?.getCell("A1").value).toBe("Progress of all projects");
    expect(summary?.getCell("B3").value).toMatchObject({ text: SEED_000_CODE, hyperlink: `'${SEED_000_CODE}'!A1` });
    expect(summary?.pageSetup.orientation).toBe("landscape");
    const seed001 = workbook.getWorksheet(SEED_001_CODE);
    expect(seed001?.getCell("A1").value).toBe("Project progress report and project information");
  });

  it("fails with exit 1 and one line for a project that is not there", async () => {
    const result = await run("report", book, "--project", "99999999-0000", "-o", join(dir, "none.xlsx"));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`kaona report: ไม่พบโครงการรหัส 99999999-0000 ใน ${book}\n`);
  });

  it("still writes the report but exits 1 when the data has errors", async () => {
    const broken = sampleWorkbookTables();
    broken.rounds.rows[2][4] = 20; // seed 000 round 3 progress falls below round 2's 25
    const path = join(dir, "broken.xlsx");
    await writeWorkbook(path, [{ table: broken.projects }, { table: broken.rounds }]);
    const out = join(dir, "broken-report.xlsx");
    const result = await run("report", path, "-p", SEED_000_CODE, "-o", out, "--lang", "en");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^kaona report: the data has \d+ errors?; see kaona check /);
    expect((await open(out)).worksheets).toHaveLength(1);
  });

  it("exits 2 with one line for unreadable input, unwritable output and bad arguments", async () => {
    const junk = join(dir, "junk.xlsx");
    writeFileSync(junk, "not a zip");
    const unreadable = await run("report", junk, "--all", "-o", join(dir, "x.xlsx"));
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr.trim().split("\n")).toHaveLength(1);
    const missing = await run("report", join(dir, "missing.xlsx"), "--all", "-o", join(dir, "x.xlsx"));
    expect(missing.code).toBe(2);
    const unwritable = await run("report", book, "--all", "-o", join(dir, "no", "such", "dir", "x.xlsx"));
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/^kaona report: เขียน .* ไม่ได้: /);
    expect(unwritable.stderr.trim().split("\n")).toHaveLength(1);
    const noTarget = await run("report", book, "-o", join(dir, "x.xlsx"));
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain("give --project <code> or --all");
  });

  it("parses its options", () => {
    expect(parseReportArgs(["b.xlsx", "--all", "--out=o.xlsx", "--font", "laksaman"])).toMatchObject({ file: "b.xlsx", out: "o.xlsx", all: true, font: { name: "Laksaman" } });
    expect(parseReportArgs(["b.xlsx", "--all", "--project", "x", "-o", "o.xlsx"])).toBe("give --project or --all, not both");
    expect(parseReportArgs(["b.xlsx", "--all"])).toBe("where to? give -o <out.xlsx>");
    expect(parseReportArgs(["b.xlsx", "--all", "-o", "o", "--lang", "fr"])).toBe("--lang takes th or en");
    expect(parseReportArgs(["--all", "-o", "o"])).toBe("which workbook? give the path of an .xlsx file");
  });
});
