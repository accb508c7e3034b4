import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { addSheet, useTempDir, writeWorkbook } from "../../../test/fixtures/xlsx";
import { rawTableFromRows, sampleWorkbookTables } from "../../domain/sample";
import { rawTablesOfGrids, readXlsxTables, XlsxReadError } from "./readXlsx";

describe("readXlsxTables", () => {
  const temp = useTempDir();

  it("reads Excel tables where they sit, with dates as serials and the number formats", async () => {
    const rounds = rawTableFromRows("rounds", [
      { projectCode: "21000000-3165", round: 1, date: 43801, progress: 0.1 },
      { projectCode: "21000000-3165", round: 2, date: "2020-1-23", progress: 0.25 },
    ]);
    const workbook = new ExcelJS.Workbook();
    const sheet = addSheet(workbook, {
      table: { ...rounds, sheet: "งาน", name: "Rounds2563", origin: { row: 3, col: 2 } },
    });
    sheet.getCell("A1").value = "รายงานประจำปี";
    // A real date cell (not a serial) and a percent-formatted progress.
    sheet.getCell("E5").value = new Date(Date.UTC(2019, 11, 2));
    sheet.getCell("G5").numFmt = "0%";
    const path = join(temp.dir, "tables.xlsx");
    await workbook.xlsx.writeFile(path);

    const [table] = await readXlsxTables(path);
    expect(table.name).toBe("Rounds2563");
    expect(table.sheet).toBe("งาน");
    expect(table.origin).toEqual({ row: 3, col: 2 });
    expect(table.headers).toEqual(rounds.headers);
    expect(table.rows[0].slice(0, 5)).toEqual(["21000000-3165", 1, 43801, null, 0.1]);
    expect(table.rows[1][2]).toBe("2020-1-23");
    expect(table.numberFormats?.[0][4]).toBe("0%");
  });

  it("leaves a table's totals row out", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("S");
    sheet.addTable({
      name: "WithTotals",
      ref: "A1",
      headerRow: true,
      totalsRow: true,
      columns: [
        { name: "รหัสโครงการ", totalsRowLabel: "รวม" },
        { name: "งบประมาณที่เบิกใช้", totalsRowFunction: "sum" },
      ],
      rows: [
        ["A", 1],
        ["A", 2],
      ],
    });
    const path = join(temp.dir, "totals.xlsx");
    await workbook.xlsx.writeFile(path);
    const [table] = await readXlsxTables(path);
    expect(table.rows).toEqual([
      ["A", 1],
      ["A", 2],
    ]);
  });

  it("reads a plain sheet whose first row is a header, and skips sheets that do not start with one", async () => {
    const projects = {
      ...rawTableFromRows("projects", [
        { code: "21000000-3165", name: "ก", fiscalYear: 2563 },
        {},
        {},
      ]),
      sheet: "Plain",
      origin: { row: 1, col: 1 },
    };
    const workbook = new ExcelJS.Workbook();
    addSheet(workbook, { table: projects, plain: true });
    const notes = workbook.addWorksheet("Notes");
    notes.getCell("A1").value = 2563;
    notes.getCell("B1").value = "ตัวเลขก่อน";
    workbook.addWorksheet("Empty");
    const path = join(temp.dir, "plain.xlsx");
    await workbook.xlsx.writeFile(path);

    const tables = await readXlsxTables(path);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ name: "Plain", sheet: "Plain", origin: { row: 1, col: 1 } });
    expect(tables[0].headers).toEqual(projects.headers);
    // The blank rows at the bottom are not data.
    expect(tables[0].rows).toHaveLength(1);
    expect(tables[0].rows[0].slice(0, 3)).toEqual(["21000000-3165", "ก", 2563]);
  });

  it("round-trips the whole sample workbook", async () => {
    const sample = sampleWorkbookTables();
    const path = join(temp.dir, "sample.xlsx");
    await writeWorkbook(path, [
      { table: sample.projects },
      { table: sample.rounds },
      { table: sample.indicators },
    ]);
    const tables = await readXlsxTables(path);
    expect(tables.map((table) => [table.name, table.rows.length])).toEqual([
      ["KaonaProjects", 2],
      ["KaonaRounds", 19],
      ["KaonaIndicators", 431],
    ]);
    expect(tables[1].rows).toEqual(sample.rounds.rows);
  });

  it("fails with a one-line reason for files it cannot read", async () => {
    const missing = join(temp.dir, "missing.xlsx");
    await expect(readXlsxTables(missing)).rejects.toThrow(new XlsxReadError("not-found", missing));
    await expect(readXlsxTables(missing)).rejects.toThrow(`file not found: ${missing}`);
    const garbage = join(temp.dir, "garbage.xlsx");
    writeFileSync(garbage, "this is not a zip file");
    await expect(readXlsxTables(garbage)).rejects.toThrow(/is not a spreadsheet/);
    await expect(readXlsxTables(temp.dir)).rejects.toThrow(XlsxReadError);
  });

  it("reads a workbook held in memory", async () => {
    const workbook = new ExcelJS.Workbook();
    addSheet(workbook, {
      table: rawTableFromRows("indicators", [{ projectCode: "A", outcome: "ผ่าน" }]),
    });
    const buffer = await workbook.xlsx.writeBuffer();
    const tables = await readXlsxTables(Buffer.from(buffer));
    expect(tables[0].rows[0][6]).toBe("ผ่าน");
    expect(rawTablesOfGrids([])).toEqual([]);
  });
});
