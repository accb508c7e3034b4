import ExcelJS from "exceljs";
import { sampleCheck, sampleReport } from "../../../test/fixtures/reports";
import { buildIssuesSheet } from "../../domain/report";
import { SEED_000_CODE } from "../../domain/sample";
import type { SheetLayout } from "../../domain/types";
import { charWidthToPoints, layoutsToXlsx, pointsToCharWidth } from ".";

async function readBack(layouts: SheetLayout[]): Promise<ExcelJS.Workbook> {
  const bytes = await layoutsToXlsx(layouts, { created: new Date(0) });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  return workbook;
}

describe("pointsToCharWidth", () => {
  it("converts points to Excel's character widths (Calibri 11: 7 px per character + 5 px)", () => {
    expect(pointsToCharWidth(64)).toBeCloseTo(((64 * 4) / 3 - 5) / 7, 2); // 8.43, Excel's default column
    expect(charWidthToPoints(pointsToCharWidth(196))).toBeCloseTo(196, 1);
    expect(pointsToCharWidth(-1)).toBe(0);
    expect(pointsToCharWidth(Number.NaN)).toBe(0);
  });
});

describe("layoutsToXlsx", () => {
  const { issues } = sampleCheck;
  const report = sampleReport(SEED_000_CODE, { chart: true });

  it("writes the report sheet: values, styles, merges, widths, heights, page setup", async () => {
    const workbook = await readBack([report, buildIssuesSheet(issues, "th")]);
    const sheet = workbook.getWorksheet(SEED_000_CODE);
    if (!sheet) throw new Error("sheet missing");
    expect(sheet.getCell("A1").value).toBe("แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ");
    expect(sheet.getCell("A1").font).toMatchObject({
      name: "TH Sarabun New",
      size: 20,
      bold: true,
    });
    expect(sheet.getCell("A1").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    const header = (report.page?.printTitleRows?.[0] ?? 0) + 1;
    expect(sheet.getCell(`A${header}`).value).toBe("รายงานครั้งที่");
    expect(sheet.getCell(`A${header}`).fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFD9D9D9" },
    });
    expect(sheet.getCell(`B${header + 1}`).value).toBeInstanceOf(Date); // serial 43801, as a date
    expect(sheet.getCell(`B${header + 1}`).numFmt).toBe("[$-1070000]d/mm/yyyy");
    expect(sheet.getCell(`D${header + 1}`).value).toBe(10);
    expect(sheet.getCell(`A${header + 1}`).border).toMatchObject({
      top: { style: "thin" },
      left: { style: "thin" },
    });
    // Merges: every merged area of the layout, and borders on the cells it covers.
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges.length).toBe(report.merges.length);
    expect(merges).toContain(`A1:G1`);
    expect(sheet.getColumn(3).width).toBeCloseTo(pointsToCharWidth(196), 3);
    expect(sheet.getColumn(8).hidden).toBe(true);
    const narrativeRow = header + 2;
    expect(sheet.getRow(narrativeRow).height).toBe(report.rowHeights[narrativeRow - 1]);
    const setup = sheet.pageSetup;
    expect(setup.paperSize).toBe(9);
    expect(setup.orientation).toBe("portrait");
    expect(setup.fitToPage).toBe(true);
    expect(setup.fitToWidth).toBe(1);
    expect(setup.fitToHeight).toBe(0);
    expect(setup.printTitlesRow).toBe(`${header}:${header}`);
    expect(setup.printArea).toBe(report.page?.printArea);
    expect(setup.margins).toMatchObject({ left: 0.6, right: 0.5, top: 0.75 });
    expect(sheet.headerFooter.oddFooter).toBe('&C&"TH Sarabun New,Regular"&P / &N');
    // The chart is a drawing over empty cells (charts.test.ts), not a note in them.
    expect(sheet.getCell(report.charts?.[0]?.topLeft ?? "?").value).toBeNull();
  });

  it("writes formulas with their cached results, and internal links", async () => {
    const layout: SheetLayout = {
      name: "x",
      columnWidths: [50],
      rowHeights: {},
      cells: [
        { row: 0, col: 0, formula: "=KaonaRounds[[ความก้าวหน้าของงาน (%)]]", value: 25 },
        { row: 1, col: 0, formula: '=A1&""', value: null },
        { row: 2, col: 0, value: "E7", link: { sheet: "Rounds 'A'", cell: "E7" } },
        { row: 3, col: 0, value: Number.NaN },
      ],
      merges: [],
      styles: {},
      freezeRows: 2,
    };
    const workbook = await readBack([layout]);
    const sheet = workbook.getWorksheet("x");
    expect(sheet?.getCell("A1").value).toEqual({
      formula: "KaonaRounds[[ความก้าวหน้าของงาน (%)]]",
      result: 25,
    });
    expect(sheet?.getCell("A2").value).toMatchObject({ formula: 'A1&""' });
    expect(sheet?.getCell("A3").value).toMatchObject({
      text: "E7",
      hyperlink: "'Rounds ''A'''!E7",
    });
    expect(sheet?.getCell("A4").value).toBeNull();
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  });

  it("keeps sheet names valid and unique", async () => {
    const base: SheetLayout = {
      name: "a/b",
      columnWidths: [],
      rowHeights: {},
      cells: [],
      merges: [],
      styles: {},
    };
    const workbook = await readBack([base, { ...base }, { ...base, name: "y".repeat(40) }]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["a-b", "a-b (2)", "y".repeat(31)]);
  });
});
