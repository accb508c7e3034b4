/**
 * The task pane and `kaona report` make the same sheets of the same tables: one rule
 * (src/usecases/reportSheets) decides which projects get a sheet, how codes match, what
 * happens to a project without a code, and the names and order of the sheets.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { KaonaSession } from "../../src/app/session";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { SEED_000_CODE, SEED_001_CODE } from "../../src/domain/sample";
import { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";
import {
  NO_CODE_NAME,
  SEED_000_THAI_CODE,
  tablesWithAwkwardProjects,
} from "../fixtures/awkwardProjects";
import { disposeSessionsAfterEach } from "../fixtures/session";
import { tempDir, writeWorkbook } from "../fixtures/xlsx";

jest.setTimeout(60_000);

async function command(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    now: () => new Date(2024, 0, 1),
  };
  return { code: await main(argv, io), stdout, stderr };
}

async function pane(): Promise<{ memory: MemoryWorkbook; session: KaonaSession }> {
  const tables = tablesWithAwkwardProjects();
  const memory = new MemoryWorkbook([tables.projects, tables.rounds, tables.indicators]);
  const session = new KaonaSession(memory, { now: () => new Date(2024, 0, 1).getTime() });
  await session.load();
  expect(await session.autoBind()).toEqual(["projects", "rounds", "indicators"]);
  return { memory, session };
}

/** A column's values below row 1 (the merged title), top to bottom. */
function columnBelowTitle(
  cells: readonly { address: string; value: unknown }[],
  column: string
): unknown[] {
  const row = (address: string) => Number(address.slice(column.length));
  return cells
    .filter((c) => new RegExp(`^${column}\\d+$`).test(c.address) && row(c.address) > 1)
    .sort((a, b) => row(a.address) - row(b.address))
    .map((c) => c.value);
}

const EXPECTED_SHEETS = ["สรุปทุกโครงการ", SEED_000_CODE, SEED_001_CODE, "a-1", "A-1 (2)"];

// A live check scheduled by a test's last write must not outlive the test.
disposeSessionsAfterEach();

describe("the task pane and kaona report make the same report sheets", () => {
  let dir: string;
  let remove: () => void;
  let book: string;

  beforeAll(async () => {
    ({ dir, remove } = tempDir());
    const tables = tablesWithAwkwardProjects();
    book = join(dir, "awkward.xlsx");
    await writeWorkbook(book, [
      { table: tables.projects },
      { table: tables.rounds },
      { table: tables.indicators },
    ]);
  });
  afterAll(() => remove());

  test("every project: summary first, one sheet per code, the codeless project only in the summary", async () => {
    const { memory, session } = await pane();
    const outcome = (await session.generateReports({
      projectCode: null,
      mode: "values",
      lang: "th",
      chart: false,
    }))!;
    expect(session.getState().error).toBeNull();
    expect(outcome.pending).toEqual([]);
    expect(outcome.written.map((w) => w.sheet)).toEqual(EXPECTED_SHEETS);
    // Excel opens on the summary, the first sheet written.
    expect(memory.snapshot().activeSheet).toBe("สรุปทุกโครงการ");

    const out = join(dir, "all.xlsx");
    const result = await command("report", book, "--all", "-o", out);
    expect(result.stdout).toContain("รายงาน 4 โครงการ และสรุป");
    expect(result.stdout).toContain(
      "ไม่ได้ทำแผ่นรายงาน (มีในสรุป): ไม่มีรหัสโครงการ 1 โครงการ · รหัสโครงการซ้ำ 1 โครงการ"
    );
    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(out);
    expect(file.worksheets.map((s) => s.name)).toEqual(EXPECTED_SHEETS);

    // The same summary rows in both: the codeless project is listed, not linked.
    const paneSummary = memory.snapshot().sheets.find((s) => s.name === "สรุปทุกโครงการ")!;
    const paneNames = columnBelowTitle(paneSummary.cells, "C");
    const fileNames: unknown[] = [];
    file
      .getWorksheet("สรุปทุกโครงการ")!
      .getColumn(3)
      .eachCell((cell) => {
        if (Number(cell.row) > 1) fileNames.push(cell.value);
      });
    expect(paneNames).toEqual(fileNames);
    expect(fileNames).toContain(NO_CODE_NAME);
    // Two codes that make the same sheet name both get their own sheet.
    const text = (sheet: string) =>
      memory
        .snapshot()
        .sheets.find((s) => s.name === sheet)!
        .cells.map((c) => String(c.value))
        .join("\n");
    expect(text("a-1")).toContain("โครงการเอหนึ่ง");
    expect(text("A-1 (2)")).toContain("โครงการเอขีดหนึ่ง");
  });

  test("one project asked for by its code in Thai digits with spaces", async () => {
    const { session } = await pane();
    const outcome = (await session.generateReports({
      projectCode: SEED_000_THAI_CODE,
      mode: "values",
      lang: "th",
      chart: false,
    }))!;
    expect(outcome.written.map((w) => w.sheet)).toEqual([SEED_000_CODE]);
    const choices = await session.projects();
    expect(choices.map((p) => p.code)).toEqual([SEED_000_CODE, SEED_001_CODE, "a/1", "A-1"]);

    const out = join(dir, "one.xlsx");
    const result = await command("report", book, "--project", SEED_000_THAI_CODE, "-o", out);
    expect(result.stdout).toContain("รายงาน 1 โครงการ");
    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(out);
    expect(file.worksheets.map((s) => s.name)).toEqual([SEED_000_CODE]);
  });

  test("the issues sheet: the same name and the same rows from the pane and from --issues", async () => {
    const { memory, session } = await pane();
    await session.runCheck();
    const outcome = (await session.writeIssuesSheet("en"))!;
    expect(outcome.written.map((w) => w.sheet)).toEqual(["Data issues"]);
    const out = join(dir, "issues.xlsx");
    await command(
      "report",
      book,
      "--project",
      SEED_001_CODE,
      "--issues",
      "--lang",
      "en",
      "-o",
      out
    );
    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(out);
    expect(file.worksheets.map((s) => s.name)).toEqual([SEED_001_CODE, "Data issues"]);
    const paneCodes = columnBelowTitle(
      memory.snapshot().sheets.find((s) => s.name === "Data issues")!.cells,
      "B"
    );
    const fileCodes: unknown[] = [];
    file
      .getWorksheet("Data issues")!
      .getColumn(2)
      .eachCell((cell) => {
        if (Number(cell.row) > 1) fileCodes.push(cell.value);
      });
    expect(paneCodes.length).toBeGreaterThan(3);
    expect(paneCodes).toEqual(fileCodes);
  });
});
