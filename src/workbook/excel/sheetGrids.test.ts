/**
 * readSheetGrids on the recording fake: the corpus files' sheets put into the fake as Excel
 * holds them (values, formats, merges, hidden sheets, columns and rows, tables, formulas
 * never calculated) read back so that table discovery finds what the command finds in the
 * files; and the round trips, which do not grow with rows below the window budget.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FakeExcel } from "../../../test/fakes/fakeExcel";
import { HEADER_SCAN_ROWS } from "../../domain/discovery/header";
import type { SheetGrid } from "../../domain/grid";
import { findTables } from "../../usecases/findTables";
import { jsonBytes } from "../payload";
import { readXlsxGrids } from "../xlsx/readXlsx";
import { ExcelWorkbook } from "./ExcelWorkbook";
import { rangeOfCorners } from "../../domain/a1";

const CORPUS = join(__dirname, "..", "..", "..", "test", "fixtures", "corpus");
const FILES = (
  JSON.parse(readFileSync(join(CORPUS, "manifest.json"), "utf8")) as { file: string }[]
).map((entry) => entry.file);

/** The sheets of a file as Excel would hold them once opened (calculation manual, so
 * formulas a program wrote without values stay uncalculated). */
function fakeOf(grids: readonly SheetGrid[]): FakeExcel {
  const fake = new FakeExcel();
  fake.calculationMode = "Manual";
  for (const grid of [...grids].sort((a, b) => a.index - b.index)) {
    const sheet = fake.addSheet(grid.name);
    sheet.visibility =
      grid.visibility === "visible"
        ? "Visible"
        : grid.visibility === "hidden"
          ? "Hidden"
          : "VeryHidden";
    grid.values.forEach((line, row) =>
      line.forEach((value, col) => {
        const format = grid.numberFormats[row]?.[col] || "General";
        if (value !== null && value !== undefined) fake.put(sheet, row, col, value, format);
      })
    );
    for (const [row, col] of grid.uncalculated)
      sheet.cells.set(row, col, { value: "=SUM(Z1:Z2)", numberFormat: "General", cached: "" });
    sheet.merges.push(...grid.merges.map(rangeOfCorners));
    for (const col of grid.hiddenColumns) sheet.hiddenColumns.add(col);
    for (const row of grid.hiddenRows) sheet.hiddenRows.add(row);
    for (const table of grid.tables)
      fake.tables.push({
        id: fake.id("table"),
        name: table.name,
        sheetId: sheet.id,
        rect: rangeOfCorners(table.ref),
        showHeaders: table.hasHeaderRow,
        showTotals: table.hasTotalsRow,
      });
  }
  return fake;
}

function excelOf(fake: FakeExcel, supports: (v: string) => boolean = () => true): ExcelWorkbook {
  return new ExcelWorkbook({ runner: fake.runner, supports });
}

/** What discovery makes of grids: tables per kind and the issues, comparable across readers. */
function discovered(grids: readonly SheetGrid[]) {
  const { discovery } = findTables(grids);
  return {
    found: discovery.found.map((e) => ({
      sheet: e.table.sheet,
      kind: e.kind ?? null,
      source: e.source,
      origin: e.table.origin,
      headers: e.table.headers,
      rows: e.table.rows,
      headerRows: e.headerRows,
      skipped: e.skipped ?? null,
      uncalculated: e.table.uncalculated ?? [],
    })),
    issues: discovery.issues.map((i) => [i.code, i.sheet, i.cell]),
    sheetsWithoutTables: discovery.sheetsWithoutTables,
  };
}

describe("readSheetGrids: Excel's sheets as discovery reads them", () => {
  it("has the corpus in its manifest", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(FILES)("%s: the tables the command finds in the file", async (file) => {
    const fromFile = await readXlsxGrids(join(CORPUS, file));
    const fake = fakeOf(fromFile);
    const grids = await excelOf(fake).readSheetGrids();
    expect(discovered(grids)).toEqual(discovered(fromFile));
    expect(grids.map((g) => [g.name, g.visibility, g.index])).toEqual(
      [...fromFile].sort((a, b) => a.index - b.index).map((g) => [g.name, g.visibility, g.index])
    );
  });

  it("reads visibility, hidden columns and rows, merges of the header rows and tables", async () => {
    const fake = new FakeExcel();
    const plain = fake.addSheet("Plain");
    fake.put(plain, 0, 0, "รายงานโครงการ");
    plain.merges.push({ row: 0, col: 0, rows: 1, cols: 4 });
    // A merge below the header rows does not matter to discovery and is not read.
    plain.merges.push({ row: HEADER_SCAN_ROWS + 5, col: 0, rows: 1, cols: 2 });
    fake.put(plain, HEADER_SCAN_ROWS + 5, 0, "หมายเหตุ");
    for (let r = 2; r < 10; r++) for (let c = 1; c < 5; c++) fake.put(plain, r, c, r * 10 + c);
    plain.hiddenColumns.add(2);
    plain.hiddenRows.add(4);
    const hidden = fake.addSheet("Old");
    hidden.visibility = "VeryHidden";
    fake.addTable("Old", "OldProjects", "B2", ["รหัสโครงการ", "ชื่อโครงการ"], [["P1", "x"]]);
    fake.tables[0].showTotals = true;
    fake.addSheet("Empty");

    const grids = await excelOf(fake).readSheetGrids();
    expect(grids.map((g) => [g.name, g.index, g.visibility])).toEqual([
      ["Plain", 0, "visible"],
      ["Old", 1, "veryHidden"],
      ["Empty", 2, "visible"],
    ]);
    const [p, old, empty] = grids;
    expect(p.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect([...p.hiddenColumns]).toEqual([2]);
    expect([...p.hiddenRows]).toEqual([4]);
    expect(p.values[0][0]).toBe("รายงานโครงการ");
    expect(p.values[1].every((value) => value === null)).toBe(true);
    expect(p.values[2].slice(1)).toEqual([21, 22, 23, 24]);
    expect(p.values[2][0] ?? null).toBeNull();
    expect(p.numberFormats[2][1]).toBe("General");
    expect(old.tables).toEqual([
      {
        name: "OldProjects",
        ref: { top: 1, left: 1, bottom: 2, right: 2 },
        hasHeaderRow: true,
        hasTotalsRow: true,
      },
    ]);
    expect(empty.values).toEqual([]);
    // Automatic calculation: no formulas asked for.
    expect(fake.requests.some((r) => r.kind === "load" && r.member.includes("formulas"))).toBe(
      false
    );
  });

  it("says a formula is not calculated only while Excel calculates by hand", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("S");
    fake.put(sheet, 0, 0, "a");
    sheet.cells.set(1, 0, { value: "=B1*2", numberFormat: "General", cached: "" });
    sheet.cells.set(2, 0, { value: '=IF(1,"x","")', numberFormat: "General", cached: "x" });
    fake.calculationMode = "Manual";
    const [manual] = await excelOf(fake).readSheetGrids();
    expect(manual.uncalculated).toEqual([[1, 0]]);
    expect(manual.values[2][0]).toBe("x");
    fake.calculationMode = "Automatic";
    const [automatic] = await excelOf(fake).readSheetGrids();
    expect(automatic.uncalculated).toEqual([]);
  });

  it("works without ExcelApi 1.13 (no merges) and names one sheet", async () => {
    const fake = new FakeExcel();
    fake.mergedAreasApi = false;
    const sheet = fake.addSheet("A");
    fake.put(sheet, 0, 0, "title");
    sheet.merges.push({ row: 0, col: 0, rows: 1, cols: 3 });
    fake.addSheet("B");
    const workbook = excelOf(fake, (version) => version !== "1.13");
    const grid = await workbook.readSheetGrid("a");
    expect(grid.name).toBe("A");
    expect(grid.merges).toEqual([]);
    await expect(workbook.readSheetGrid("Nope")).rejects.toMatchObject({ reason: "unknown" });
  });
});

describe("readSheetGrids: round trips", () => {
  let last: FakeExcel;
  /** A sheet of `rows` rows below a title, some hidden rows and columns when asked. */
  async function syncsFor(rows: number, hide: boolean, budget?: number): Promise<number> {
    const fake = new FakeExcel();
    last = fake;
    const sheet = fake.addSheet("Rounds");
    fake.put(sheet, 0, 0, "ผลการดำเนินงาน");
    for (let r = 2; r < rows + 2; r++) {
      fake.put(sheet, r, 0, `P${r % 7}`);
      fake.put(sheet, r, 1, r);
      fake.put(sheet, r, 2, "รายงานความก้าวหน้า");
      if (hide && r % 97 === 0) sheet.hiddenRows.add(r);
    }
    if (hide) sheet.hiddenColumns.add(1);
    fake.addSheet("Other");
    fake.put(fake.sheetByName("Other")!, 0, 0, "x");
    const workbook = new ExcelWorkbook({
      runner: fake.runner,
      supports: () => true,
      ...(budget ? { maxBatchBytes: budget } : {}),
    });
    const grids = await workbook.readSheetGrids();
    expect(grids[0].values.length).toBe(rows + 2);
    if (hide) expect(grids[0].hiddenRows.size).toBe(Math.floor((rows + 1) / 97));
    return fake.syncs;
  }

  it("three syncs for a workbook within one window, however many rows", async () => {
    expect(await syncsFor(20, false)).toBe(3);
    expect(await syncsFor(19_000, false)).toBe(3);
  });

  it("three more where only some rows and columns are hidden, however many rows", async () => {
    expect(await syncsFor(200, true)).toBe(6);
    expect(await syncsFor(19_000, true)).toBe(6);
  });

  it("beyond one window, only the windows grow", async () => {
    const small = await syncsFor(1_000, false, 200_000);
    expect(small).toBe(3);
    const large = await syncsFor(20_000, false, 200_000);
    // Past sync 2 every request is a window of cells, and each answer is within the budget.
    const later = last.requests.filter((r) => r.sync > 2);
    expect(later.length).toBeGreaterThan(0);
    for (const request of later)
      expect([request.kind, request.member]).toEqual(["load", "values,numberFormat"]);
    expect(Math.max(...last.responseBytes)).toBeLessThanOrEqual(200_000);
    // 20,000 rows of this size in 200 kB windows with the 25 % margin: about this many.
    const row =
      jsonBytes(["P3", 20_000, "รายงานความก้าวหน้า"]) + jsonBytes(["General", "General", "General"]);
    expect(large - 2).toBeGreaterThanOrEqual(Math.ceil((20_000 * row) / 200_000));
    expect(large - 2).toBeLessThanOrEqual(2 * Math.ceil((20_000 * row * 1.25) / 200_000));
  });
});
