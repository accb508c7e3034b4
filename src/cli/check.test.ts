import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { runCli, type CliRun } from "../../test/fixtures/cli";
import { tempDir, useTempDir, writeTables, writeWorkbook } from "../../test/fixtures/xlsx";
import { sampleWorkbookTables } from "../domain/sample";
import { parseCheckArgs } from "./check";

/** Runs the CLI in-process with captured output and a fixed "today" (2024-01-01). */
const run = (...argv: string[]): Promise<CliRun> => runCli(argv);

interface JsonReport {
  file: string;
  tables: { name: string; kind: string | null; rows: number; skipped?: string }[];
  issues: {
    severity: string;
    code: string;
    sheet: string | null;
    cell: string | null;
    message: string;
    messages: { th: string; en: string };
  }[];
  summary: { errors: number; warnings: number; infos: number };
}

describe("kaona check, end to end on .xlsx files", () => {
  let dir: string;
  let remove: () => void;
  let samplePath: string;
  let brokenPath: string;

  beforeAll(async () => {
    ({ dir, remove } = tempDir());
    samplePath = join(dir, "sample.xlsx");
    await writeTables(samplePath, sampleWorkbookTables());

    // The same workbook with errors planted in known cells; the rounds table starts at B3.
    const broken = sampleWorkbookTables();
    broken.projects.rows[0][5] = "538800.0000 ล้านบาท"; // F2
    broken.rounds = { ...broken.rounds, origin: { row: 2, col: 1 } };
    broken.rounds.rows[2][4] = 20; // round 3 progress → F6
    broken.rounds.rows[6][4] = 1407.52; // round 7 progress → F10
    brokenPath = join(dir, "broken.xlsx");
    await writeTables(brokenPath, broken);
  });
  afterAll(() => remove());

  it("passes the sample workbook (exit 0) and prints a Thai table with a summary", async () => {
    const result = await run("check", samplePath);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(`ตรวจ ${samplePath}`);
    expect(result.stdout).toContain(
      "รายงานความก้าวหน้า ← KaonaRounds (ชีต รายงานความก้าวหน้า, หัวตารางแถว 1, 19 แถว)"
    );
    expect(result.stdout).toMatch(
      /คำเตือน\s+ROUND_PROGRESS_MISSING\s+รายงานความก้าวหน้า!E15\s+โครงการ 21000000-6549 รายงานครั้งที่ 3/
    );
    expect(result.stdout).toContain("สรุป: ข้อผิดพลาด 0 · คำเตือน 12 · ข้อมูล 2");
  });

  it("fails a workbook with errors (exit 1), naming each planted cell, in English on request", async () => {
    const result = await run("check", brokenPath, "--lang", "en");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /error\s+CELL_UNIT_MISMATCH\s+โครงการ!F2\s+Budget received \(baht\): "538800.0000 ล้านบาท" is in million baht/
    );
    expect(result.stdout).toMatch(
      /error\s+ROUND_PROGRESS_FALLS\s+รายงานความก้าวหน้า!F6\s+Project 21000000-3165 round 3: progress 20% is below round 2's 25%/
    );
    expect(result.stdout).toMatch(/error\s+ROUND_PROGRESS_OUT_OF_RANGE\s+รายงานความก้าวหน้า!F10/);
    expect(result.stdout).toMatch(/Summary: 3 errors, \d+ warnings, 2 info/);
  });

  it("prints JSON with severity, code, sheet, cell, message and a summary", async () => {
    const result = await run("check", brokenPath, "--format", "json");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.file).toBe(brokenPath);
    expect(report.tables.map((table) => [table.name, table.kind, table.rows])).toEqual([
      ["KaonaProjects", "projects", 2],
      ["KaonaRounds", "rounds", 19],
      ["KaonaIndicators", "indicators", 431],
    ]);
    const falls = report.issues.find((issue) => issue.code === "ROUND_PROGRESS_FALLS");
    expect(falls).toEqual({
      severity: "error",
      code: "ROUND_PROGRESS_FALLS",
      table: "rounds",
      row: 2,
      field: "progress",
      sheet: "รายงานความก้าวหน้า",
      cell: "F6",
      sheetRow: 6,
      message: "โครงการ 21000000-3165 รายงานครั้งที่ 3: ความก้าวหน้า 20% ต่ำกว่าครั้งที่ 2 (25%)",
      messages: {
        th: "โครงการ 21000000-3165 รายงานครั้งที่ 3: ความก้าวหน้า 20% ต่ำกว่าครั้งที่ 2 (25%)",
        en: "Project 21000000-3165 round 3: progress 20% is below round 2's 25%",
      },
    });
    expect(report.summary.errors).toBe(3);
    expect(report.summary.errors).toBe(
      report.issues.filter((issue) => issue.severity === "error").length
    );
  });

  it("exits 2 with a one-line reason for a file it cannot read, never a stack trace", async () => {
    const garbage = join(dir, "notes.xlsx");
    writeFileSync(garbage, "hello");
    for (const path of [garbage, join(dir, "nope.xlsx")]) {
      const result = await run("check", path);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^kaona check: /);
      expect(result.stderr).not.toMatch(/\bat \S+ \(/);
    }
  });

  it("exits 1 when a readable workbook holds none of the three tables", async () => {
    const path = join(dir, "other.xlsx");
    await writeWorkbook(path, [
      {
        table: {
          name: "Notes",
          sheet: "Notes",
          origin: { row: 0, col: 0 },
          headers: ["ลำดับ", "หมายเหตุ"],
          rows: [[1, "x"]],
        },
      },
    ]);
    const result = await run("check", path, "--lang", "en");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `kaona check: no Projects, Rounds or Indicators table found in ${path}\n`
    );
  });

  // One spawn only: starting tsx costs a second or two.
  it("runs as the `kaona` bin, through tsx, with the exit code of the check", () => {
    const bin = resolve(__dirname, "../../bin/kaona.js");
    const passed = spawnSync(process.execPath, [bin, "check", samplePath, "--format", "json"], {
      encoding: "utf8",
    });
    expect(passed.status).toBe(0);
    expect((JSON.parse(passed.stdout) as JsonReport).summary).toEqual({
      errors: 0,
      warnings: 12,
      infos: 2,
    });
  }, 30_000);
});

describe("kaona check arguments", () => {
  const today = new Date(2024, 0, 1);

  it("takes the file, --lang, --format, --tolerance and --as-of (default: today)", () => {
    expect(parseCheckArgs(["b.xlsx"], today)).toEqual({
      file: "b.xlsx",
      files: ["b.xlsx"],
      lang: "th",
      format: "table",
      planTolerance: undefined,
      asOf: 45292,
    });
    expect(
      parseCheckArgs(
        ["--lang=en", "b.xlsx", "--format", "json", "--tolerance", "10", "--as-of", "30/9/2563"],
        today
      )
    ).toEqual({
      file: "b.xlsx",
      files: ["b.xlsx"],
      lang: "en",
      format: "json",
      planTolerance: 10,
      asOf: 44104,
    });
  });

  it("explains what is wrong with the arguments", () => {
    expect(parseCheckArgs([], today)).toMatch(/which workbook/);
    expect(parseCheckArgs(["a.xlsx", "dir"], today)).toMatchObject({
      file: "a.xlsx",
      files: ["a.xlsx", "dir"],
    });
    expect(parseCheckArgs(["a.xlsx", "--lang", "fr"], today)).toBe("--lang takes th or en");
    expect(parseCheckArgs(["a.xlsx", "--format"], today)).toBe("--format takes table or json");
    expect(parseCheckArgs(["a.xlsx", "--tolerance", "-1"], today)).toMatch(/--tolerance/);
    expect(parseCheckArgs(["a.xlsx", "--as-of", "31/02/2563"], today)).toMatch(/--as-of/);
    expect(parseCheckArgs(["a.xlsx", "--verbose"], today)).toBe("unknown option --verbose");
  });

  it("exits 2 on bad arguments, with the usage", async () => {
    const result = await run("check", "--lang", "fr", "x.xlsx");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: kaona check <book.xlsx|folder>...");
  });
});

describe("kaona check on several workbooks", () => {
  const temp = useTempDir();

  it("checks every file and folder named, each on its own; the worst exit code wins", async () => {
    const sample = sampleWorkbookTables();
    const good = join(temp.dir, "units", "good.xlsx");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(temp.dir, "units"));
    await writeWorkbook(good, [{ table: sample.projects }, { table: sample.rounds }]);
    const csv = join(temp.dir, "units", "export.xlsx");
    writeFileSync(csv, "a,b\n1,2\n");
    const result = await run("check", "--lang", "en", "--json", join(temp.dir, "units"));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `kaona check: ${csv} is a CSV text file, not an .xlsx workbook: open it in Excel and save it as "Excel Workbook (*.xlsx)"\n`
    );
    const reports = JSON.parse(result.stdout) as JsonReport[];
    expect(reports.map((report) => report.file)).toEqual([good]);
    expect(reports[0].tables.map((table) => table.kind)).toEqual(["projects", "rounds"]);
    const twice = await run("check", "--lang", "en", good, good);
    expect(twice.stdout.match(/^Checked /gm)).toHaveLength(2);
  });
});
