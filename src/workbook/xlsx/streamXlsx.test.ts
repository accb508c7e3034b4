import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { useTempDir } from "../../../test/fixtures/xlsx";
import type { CellValue } from "../../domain/types";
import { readWorkbookGrids } from "./grids";
import { writeTableSheetsXlsx } from "./streamXlsx";

const HOSTILE: CellValue[] = [
  'ถนน & สะพาน <ใหม่> "ด่วน"',
  "  leading and trailing  ",
  "line one\nline two\r\nthree\ttab",
  "bell\u0007 and nul\u0000",
  "_x0041_ stays literal",
  "lone \uD800 surrogate, pair 😀",
  0.1 + 0.2,
  -1e-7,
  true,
  false,
  null,
  "",
];

describe("writeTableSheetsXlsx", () => {
  const temp = useTempDir();

  it("writes Excel tables that read back value for value, hostile text included", async () => {
    const path = join(temp.dir, "out.xlsx");
    const rows = Array.from({ length: 1200 }, (_, index) => [`แถว ${index}`, index, 43739 + index]);
    await writeTableSheetsXlsx(path, [
      {
        sheet: "รายงาน & ผล",
        name: "KaonaRounds",
        headers: ["ชื่อ", "ลำดับ", "วันที่", "", "ชื่อ"],
        rowCount: rows.length,
        rows: (function* () {
          yield* rows;
        })(),
        numberFormats: [undefined, "0", "[$-1070000]d/mm/yyyy"],
      },
      { sheet: "ว่าง", name: "Empty", headers: ["a"], rowCount: 0, rows: [] },
      {
        sheet: "hostile",
        name: "Hostile",
        headers: HOSTILE.map((_, index) => `h${index}`),
        rowCount: 1,
        rows: [HOSTILE],
      },
    ]);
    const [sheet, empty, third] = await readWorkbookGrids(readFileSync(path));
    expect(sheet.name).toBe("รายงาน & ผล");
    // Column names unique and never empty, as Excel requires; the header cells say the same.
    expect(sheet.values[0]).toEqual(["ชื่อ", "ลำดับ", "วันที่", "Column4", "ชื่อ2"]);
    expect(sheet.tables).toEqual([
      {
        name: "KaonaRounds",
        ref: { top: 0, left: 0, bottom: 1200, right: 4 },
        hasHeaderRow: true,
        hasTotalsRow: false,
      },
    ]);
    expect(sheet.values[1201 - 1]).toEqual(["แถว 1199", 1199, 43739 + 1199]);
    expect(sheet.numberFormats[5][2]).toBe("[$-1070000]d/mm/yyyy");
    expect(sheet.numberFormats[5][1]).toBe("0");
    const hostile = third.values[1];
    expect(hostile.slice(0, 3)).toEqual(HOSTILE.slice(0, 3));
    // What XML cannot hold is written as OOXML's escape and read back as the character.
    expect(hostile[3]).toBe("bell\u0007 and nul\u0000");
    expect(hostile[4]).toBe("_x0041_ stays literal");
    expect(hostile[5]).toBe("lone \uD800 surrogate, pair 😀");
    expect(hostile.slice(6, 10)).toEqual([0.1 + 0.2, -1e-7, true, false]);
    expect(empty.tables[0].ref).toEqual({ top: 0, left: 0, bottom: 1, right: 0 });

    // ExcelJS (another reader) sees the same tables and values.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const first = workbook.worksheets[0];
    expect(first.getCell("A9").value).toBe("แถว 7");
    expect(workbook.worksheets[2].getCell("A2").value).toBe(HOSTILE[0]);
    expect(workbook.worksheets[2].getCell("B2").value).toBe("  leading and trailing  ");
    expect(first.getCell("C1201").value).toEqual(new Date(Date.UTC(2023, 0, 12)));
    expect(first.rowCount).toBe(1201);
    expect(first.getCell("C1201").numFmt).toBe("[$-1070000]d/mm/yyyy");
  });

  it("fails on a path it cannot write and leaves nothing there", async () => {
    const path = join(temp.dir, "no", "such", "dir", "out.xlsx");
    await expect(
      writeTableSheetsXlsx(path, [
        { sheet: "a", name: "A", headers: ["x"], rowCount: 1, rows: [[1]] },
      ])
    ).rejects.toThrow(/ENOENT/);
    expect(existsSync(path)).toBe(false);
  });
});
