import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { captureIO } from "../../test/fixtures/cli";
import { tempDir } from "../../test/fixtures/xlsx";
import { checkTables } from "../domain/check";
import { BE_DATE_NUMERIC_FORMAT } from "../domain/dates";
import { guessKind } from "../domain/mapping";
import { readXlsxTables } from "../workbook/xlsx/readXlsx";
import { main } from "./main";

let dir: { dir: string; remove: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

test("`kaona sample` writes the seed projects as three Excel tables that check without errors", async () => {
  const file = path.join(dir.dir, "sample.xlsx");
  const io = captureIO();
  expect(await main(["sample", "-o", file], io)).toBe(0);
  expect(io.out.join("")).toContain(file);

  const tables = await readXlsxTables(file);
  const byKind = Object.fromEntries(tables.map((t) => [guessKind(t.headers).kind, t]));
  expect(Object.keys(byKind).sort()).toEqual(["indicators", "projects", "rounds"]);
  expect([
    byKind.projects.rows.length,
    byKind.rounds.rows.length,
    byKind.indicators.rows.length,
  ]).toEqual([2, 19, 431]);

  const result = checkTables({
    projects: byKind.projects,
    rounds: byKind.rounds,
    indicators: byKind.indicators,
  });
  expect(result.summary.errors).toBe(0);
  expect(
    result.issues.filter((i) => i.code === "ROUND_PROGRESS_MISSING").map((i) => i.cell)
  ).toEqual(["E15", "E16", "E17", "E18", "E19"]);
});

test("the sample's date columns carry the Buddhist-Era format and the status columns a dropdown", async () => {
  const file = path.join(dir.dir, "sample.xlsx");
  expect(await main(["sample", "-o", file], captureIO())).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rounds = workbook.worksheets.find(
    (sheet) => sheet.getCell("A1").value === "รหัสโครงการ" && sheet.rowCount === 20
  );
  if (!rounds) throw new Error("no rounds sheet");
  const headers = (rounds.getRow(1).values as unknown[]).slice(1);
  const dateColumn = headers.indexOf("วันที่รายงาน") + 1;
  expect(dateColumn).toBeGreaterThan(0);
  expect(rounds.getCell(3, dateColumn).numFmt).toBe(BE_DATE_NUMERIC_FORMAT);
  const planColumn = headers.indexOf("สถานะตามแผน") + 1;
  expect(planColumn).toBeGreaterThan(0);
  const validation = rounds.getCell(2, planColumn).dataValidation;
  expect(validation?.type).toBe("list");
  expect(String(validation?.formulae?.[0])).toContain("เป็นไปตามแผน");
});

test("`kaona sample` without -o says what it needs and exits 2", async () => {
  const io = captureIO();
  expect(await main(["sample"], io)).toBe(2);
  expect(io.err.join("")).toMatch(/usage: kaona sample -o/);
  expect(fs.readdirSync(dir.dir)).toEqual([]);
});
