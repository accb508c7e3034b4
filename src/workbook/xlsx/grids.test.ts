import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookGrids, WorkbookReadError } from "./grids";
import { readXlsxTables } from "./readXlsx";

const FILES = join(__dirname, "../../../test/fixtures/files");

/** Zips parts (stored, no compression) into an .xlsx, for markup other writers produce. */
async function zipParts(parts: Record<string, string>): Promise<Uint8Array> {
  // ExcelJS bundles JSZip; reuse it rather than writing a zip writer for tests.
  const JSZip = (await import("jszip")).default;
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function minimalPackage(sheetXml: string, extra: Record<string, string> = {}) {
  return {
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": `<Relationships><Relationship Id="rId1" Type="${RELS_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<x:workbook xmlns:x="main" xmlns:r="${RELS_NS}"><x:sheets><x:sheet name="A&amp;B" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="${RELS_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELS_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheetXml,
    ...extra,
  };
}

describe("readWorkbookGrids", () => {
  it("reads a workbook written by openpyxl: absolute table paths, inline strings, uncalculated formulas, hidden things", async () => {
    const grids = await readWorkbookGrids(readFileSync(join(FILES, "openpyxl-made.xlsx")));
    expect(grids.map((grid) => [grid.name, grid.index, grid.visibility])).toEqual([
      ["โครงการ", 0, "visible"],
      ["เก่า", 1, "hidden"],
      ["ลับ", 2, "veryHidden"],
    ]);
    const [sheet, , secret] = grids;
    expect(sheet.values[0]).toEqual(["รายงานผลการดำเนินงาน"]);
    expect(sheet.values[2]).toEqual(["21000000-3165", "ถนน & สะพาน <ใหม่>", 1500000, 43853]);
    expect(sheet.values[3]).toEqual(["21000000-3166", "เป็นไปตามแผน", 0.25, true]);
    // Formulas never calculated: no value (the cells are listed in `uncalculated`).
    expect(sheet.values[4]).toEqual(["รวม"]);
    expect(sheet.numberFormats[2][3]).toBe("d/m/yyyy");
    expect(sheet.numberFormats[3][2]).toBe("0.00%");
    expect(sheet.numberFormats[2][2]).toBeUndefined();
    expect(sheet.uncalculated).toEqual([
      [4, 2],
      [4, 3],
    ]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    expect([...sheet.hiddenRows]).toEqual([3]);
    expect([...sheet.hiddenColumns]).toEqual([1]);
    expect(sheet.tables).toEqual([
      {
        name: "Projects2563",
        ref: { top: 1, left: 0, bottom: 4, right: 3 },
        hasHeaderRow: true,
        hasTotalsRow: true,
      },
    ]);
    expect(secret.values[1]).toEqual([null, 42]);
    // The CLI's tables from it: the Excel table, its totals row left out.
    const [table] = await readXlsxTables(join(FILES, "openpyxl-made.xlsx"));
    expect(table.name).toBe("Projects2563");
    expect(table.rows.map((row) => row[0])).toEqual(["21000000-3165", "21000000-3166"]);
  });

  it("reads what ExcelJS writes: shared strings, rich text, errors, formulas with results, builtin formats", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("ผล");
    sheet.getCell("A1").value = {
      richText: [{ text: "เป็นไป" }, { font: { bold: true }, text: "ตามแผน" }],
    };
    sheet.getCell("B1").value = "เป็นไปตามแผน";
    sheet.getCell("C1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    sheet.getCell("D1").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    sheet.getCell("E1").value = { formula: "A1", result: "x" } as ExcelJS.CellFormulaValue;
    sheet.getCell("F1").value = new Date(Date.UTC(2019, 11, 2, 12));
    sheet.getCell("G1").value = 0.5;
    sheet.getCell("G1").numFmt = "0%";
    sheet.getCell("H1").value = "line_x000D_ one";
    sheet.getCell("B3").value = false;
    const [grid] = await readWorkbookGrids(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(grid.values[0]).toEqual([
      "เป็นไปตามแผน",
      "เป็นไปตามแผน",
      "#N/A",
      2,
      "x",
      43801.5,
      0.5,
      // ExcelJS leaves "_x000D_" unescaped: Excel reads it as a carriage return, and so do we.
      "line\r one",
    ]);
    expect(grid.values[1]).toEqual([]);
    expect(grid.values[2]).toEqual([null, false]);
    expect(grid.numberFormats[0][6]).toBe("0%");
    expect(grid.uncalculated).toEqual([]);
  });

  it("reads markup other programs write: prefixes, cells without references, phonetic runs, ISO dates, CDATA", async () => {
    const sheetXml = `<?xml version="1.0"?><x:worksheet xmlns:x="main"><x:sheetData>
      <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="d"><x:v>2020-01-23T12:00:00</x:v></x:c><x:c><x:v>1e3</x:v></x:c></x:row>
      <x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">a </x:t></x:r><x:r><x:t><![CDATA[<b>]]></x:t></x:r></x:is></x:c><x:c t="str"><x:f>""</x:f><x:v></x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="s"><x:v>7</x:v></x:c><x:c t="n"><x:v>abc</x:v></x:c></x:row>
      </x:sheetData><!-- a comment with <c> in it --></x:worksheet>`;
    const strings = `<sst><si><r><t>ทดสอบ</t></r><rPh><t>phonetic</t></rPh><r><t>_x005F_x0041_</t></r></si></sst>`;
    const bytes = await zipParts(minimalPackage(sheetXml, { "xl/sharedStrings.xml": strings }));
    const [grid] = await readWorkbookGrids(bytes);
    expect(grid.name).toBe("A&B");
    expect(grid.values[0]).toEqual(["ทดสอบ_x0041_", 43853.5, 1000]);
    expect(grid.values[2]).toEqual([null, null, "a <b>", "", "#DIV/0!", null, "abc"]);
    expect(grid.uncalculated).toEqual([]);
  });

  it("reads a sheet fed in pieces that split tags and characters exactly as whole", async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, row) =>
        `<row r="${row + 1}"><c r="A${row + 1}" t="inlineStr"><is><t>ก้าวหน้า ${row} &amp; "${row}"</t></is></c><c r="B${row + 1}"><v>${row / 4}</v></c></row>`
    ).join("");
    const bytes = await zipParts(
      minimalPackage(`<worksheet><sheetData>${rows}</sheetData></worksheet>`)
    );
    const [grid] = await readWorkbookGrids(bytes);
    expect(grid.values).toHaveLength(3000);
    expect(grid.values[2999]).toEqual([`ก้าวหน้า 2999 & "2999"`, 2999 / 4]);
    expect(grid.values.every((row, index) => row[1] === index / 4)).toBe(true);
  });

  it("reads the 1904 date system: dates as the same days in Office.js's serials, times and numbers as they are", async () => {
    // openpyxl with wb.epoch = CALENDAR_MAC_1904 (test/fixtures/corpus/make_corpus.py).
    const [projects, rounds] = await readWorkbookGrids(
      readFileSync(join(__dirname, "../../../test/fixtures/corpus/mac-1904-dates.xlsx"))
    );
    // 1 October 2019 and 30 September 2020 (43739 and 44104 in the 1900 system).
    expect(projects.values[1]).toEqual([
      "63010000-0001",
      "ถนน 1904",
      2563,
      43739,
      44104,
      500000,
      400000,
    ]);
    expect(rounds.values[5][2]).toBe(44119);
    const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="[h]:mm"/><numFmt numFmtId="165" formatCode="[$-1070000]d/mm/yyyy"/></numFmts>
      <cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="20"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
    const sheet = `<worksheet><sheetData><row r="1"><c s="1"><v>42277</v></c><c s="2"><v>0.5</v></c><c s="3"><v>1.25</v></c><c s="4"><v>42277.5</v></c><c s="5"><v>0.25</v></c><c><v>42277</v></c><c t="d"><v>2019-10-01</v></c></row></sheetData></worksheet>`;
    const parts = minimalPackage(sheet, { "xl/styles.xml": styles });
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
      "<x:sheets>",
      '<x:workbookPr date1904="1"/><x:sheets>'
    );
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      "</Relationships>",
      `<Relationship Id="rId3" Type="${RELS_NS}/styles" Target="styles.xml"/></Relationships>`
    );
    const [grid] = await readWorkbookGrids(await zipParts(parts));
    expect(grid.values[0]).toEqual([43739, 0.5, 1.25, 43739.5, 0.25, 42277, 43739]);
  });

  it("says what a file is when it is not an .xlsx workbook", async () => {
    const kindOf = async (bytes: Uint8Array) => {
      try {
        await readWorkbookGrids(bytes);
        return "read";
      } catch (error) {
        expect(error).toBeInstanceOf(WorkbookReadError);
        return (error as WorkbookReadError).kind;
      }
    };
    const text = (value: string) => new TextEncoder().encode(value);
    const ole2 = (body: string) => {
      const bytes = new Uint8Array(1024);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      bytes.set(
        [...body].flatMap((ch) => [ch.charCodeAt(0), 0]),
        512
      );
      return bytes;
    };
    expect(await kindOf(new Uint8Array(0))).toBe("empty");
    expect(await kindOf(text("รหัสโครงการ,ชื่อ\n21000000-3165,ถนน\n"))).toBe("csv");
    expect(await kindOf(text("\uFEFFa;b\r\n1;2"))).toBe("csv");
    expect(await kindOf(ole2("Workbook"))).toBe("xls");
    expect(await kindOf(ole2("EncryptionInfo"))).toBe("encrypted");
    expect(await kindOf(text("just words"))).toBe("not-spreadsheet");
    expect(await kindOf(Uint8Array.from({ length: 500 }, (_, i) => (i * 7919) % 256))).toBe(
      "not-spreadsheet"
    );
    expect(await kindOf(await zipParts({ "word/document.xml": "<document/>" }))).toBe(
      "not-spreadsheet"
    );
    expect(
      await kindOf(
        await zipParts({
          "_rels/.rels": `<Relationships><Relationship Id="r" Type="${RELS_NS}/officeDocument" Target="word/document.xml"/></Relationships>`,
          "word/document.xml": "<w:document/>",
        })
      )
    ).toBe("not-spreadsheet");
    expect(
      await kindOf(
        await zipParts({
          mimetype: "application/vnd.oasis.opendocument.spreadsheet",
          "content.xml": "<x/>",
        })
      )
    ).toBe("ods");
    const whole = await zipParts(minimalPackage("<worksheet><sheetData/></worksheet>"));
    expect(await kindOf(whole.subarray(0, whole.length - 30))).toBe("damaged");
    expect(await kindOf(whole)).toBe("read");
  });
});
