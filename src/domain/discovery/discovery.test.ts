import fc from "fast-check";
import { checkTables } from "../check";
import { tallyOutcomes } from "../compute";
import { toExcelSerial } from "../dates";
import type { SheetGrid } from "../grid";
import { headerUnitOf, isPercentFormat, replaceLookalikes, serialFromBeYear } from "../interpret";
import { parseTable } from "../records";
import type { CellValue } from "../types";
import { matchVocabulary } from "../vocabularies";
import { discoverTables } from "./index";

function grid(name: string, values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return {
    name,
    index: extra.index ?? 0,
    visibility: "visible",
    values,
    numberFormats: [],
    uncalculated: [],
    merges: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    tables: [],
    ...extra,
  };
}

const P1 = "21000000-3165";
const P2 = "21000000-6549";
const ROUND_HEADER = ["รหัสโครงการ", "รายงานครั้งที่", "ความก้าวหน้าของงาน (%)"];

describe("discoverTables", () => {
  it("finds a header under a merged title, an 'ณ วันที่' note and a blank row", () => {
    const sheet = grid(
      "โครงการ",
      [
        ["รายงานโครงการ ปีงบประมาณ 2563", null, null],
        ["ณ วันที่ 30 กันยายน 2563"],
        [],
        ["รหัสโครงการ", "ชื่อโครงการ", "งบประมาณ (บาท)"],
        [P1, "ถนน", 1000],
      ],
      { merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] }
    );
    const { byKind, found } = discoverTables([sheet]);
    expect(byKind.projects).toHaveLength(1);
    expect(byKind.projects[0].origin).toEqual({ row: 3, col: 0 });
    expect(byKind.projects[0].rows).toEqual([[P1, "ถนน", 1000]]);
    expect(found[0].headerRows).toEqual([3]);
  });

  it("combines a two-row grouped header, with the group's unit", () => {
    const sheet = grid(
      "P",
      [
        ["รหัสโครงการ", "ชื่อโครงการ", "งบประมาณ (ล้านบาท)", null],
        [null, null, "ที่ได้รับ", "ที่ใช้ไป"],
        [P1, "ถนน", 1.5, 0.5],
      ],
      {
        merges: [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 1, right: 1 },
          { top: 0, left: 2, bottom: 0, right: 3 },
        ],
      }
    );
    const { byKind, found } = discoverTables([sheet]);
    expect(found[0].headerRows).toEqual([0, 1]);
    const result = checkTables({ projects: byKind.projects });
    expect(result.records.projects[0]).toMatchObject({
      budgetReceived: 1_500_000,
      budgetUsed: 500_000,
    });
    expect(result.issues.map((issue) => [issue.code, issue.cell])).toEqual([
      ["COLUMN_UNIT_FROM_HEADER", "C2"],
      ["COLUMN_UNIT_FROM_HEADER", "D2"],
    ]);
  });

  it("uses every table of a kind, each issue at its own sheet and cell", () => {
    const a = grid("A", [ROUND_HEADER, [P1, 1, 50], [P1, 2, 40]], { index: 0 });
    const b = grid("B", [["title"], ROUND_HEADER, [P2, 1, 10], [P2, 2, 5]], { index: 1 });
    const { byKind } = discoverTables([b, a]);
    expect(byKind.rounds.map((table) => table.sheet)).toEqual(["A", "B"]);
    const falls = checkTables({ rounds: byKind.rounds }).issues.filter(
      (issue) => issue.code === "ROUND_PROGRESS_FALLS"
    );
    expect(falls.map((issue) => [issue.sheet, issue.cell, issue.row])).toEqual([
      ["A", "C3", 1],
      ["B", "C4", 3],
    ]);
  });

  it("prefers the visible sheet and says so; uses a hidden one only when nothing else serves", () => {
    const visible = grid("Now", [ROUND_HEADER, [P1, 1, 50]], { index: 0 });
    const stale = grid("Old", [ROUND_HEADER, [P1, 1, 9]], { index: 1, visibility: "hidden" });
    const onlyHidden = grid(
      "Items",
      [
        ["รหัสโครงการ", "รหัสเกณฑ์ชี้วัด", "ผลการประเมิน"],
        [P1, "1", "ผ่าน"],
      ],
      {
        index: 2,
        visibility: "veryHidden",
      }
    );
    const result = discoverTables([visible, stale, onlyHidden]);
    expect(result.byKind.rounds.map((table) => table.sheet)).toEqual(["Now"]);
    expect(result.byKind.indicators.map((table) => table.sheet)).toEqual(["Items"]);
    expect(result.found.find((entry) => entry.table.sheet === "Old")?.skipped).toBe("hidden");
    expect(result.issues.map((issue) => [issue.code, issue.sheet, issue.cell])).toEqual([
      ["TABLE_HIDDEN_IGNORED", "Old", "A1"],
      ["TABLE_HIDDEN_USED", "Items", "A1"],
    ]);
  });

  it("leaves out a hidden duplicate column when a visible one holds the field", () => {
    const sheet = grid(
      "P",
      [
        ["รหัสโครงการ", "ชื่อโครงการ", "งบประมาณที่ได้รับ", "งบประมาณที่ได้รับ"],
        [P1, "ถนน", 1, 500],
      ],
      { hiddenColumns: new Set([2]) }
    );
    const { byKind, issues } = discoverTables([sheet]);
    const result = checkTables({ projects: byKind.projects });
    expect(result.records.projects[0].budgetReceived).toBe(500);
    expect(result.issues.map((issue) => issue.code)).not.toContain("MAP_DUPLICATE_COLUMN");
    expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([
      ["TABLE_HIDDEN_IGNORED", "C1"],
    ]);
  });

  it("ends a plain range at a totals row, with one note", () => {
    const sheet = grid("R", [ROUND_HEADER, [P1, 1, 50], ["รวม", null, 50], ["ลงชื่อ ........"]]);
    const { byKind, issues } = discoverTables([sheet]);
    expect(byKind.rounds[0].rows).toEqual([[P1, 1, 50]]);
    expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([
      ["TABLE_TOTALS_SKIPPED", "A3"],
    ]);
  });

  it("reads an Excel table below a title, and carries uncalculated cells into the table", () => {
    const sheet = grid("T", [["title"], [], ROUND_HEADER, [P1, 1, 50], [P1, null, 60]], {
      tables: [
        {
          name: "tblRounds",
          ref: { top: 2, left: 0, bottom: 4, right: 2 },
          hasHeaderRow: true,
          hasTotalsRow: false,
        },
      ],
      uncalculated: [[4, 1]],
    });
    const { byKind, found } = discoverTables([sheet]);
    expect(found[0].source).toBe("excelTable");
    expect(byKind.rounds[0].uncalculated).toEqual([[1, 1]]);
    const codes = checkTables({ rounds: byKind.rounds }).issues.map((issue) => [
      issue.code,
      issue.cell,
    ]);
    expect(codes).toContainEqual(["CELL_NOT_CALCULATED", "B5"]);
    expect(codes.map(([code]) => code)).not.toContain("REQUIRED_VALUE_MISSING");
  });

  it("names sheets with values but no table, and never throws on any content", () => {
    expect(discoverTables([grid("Notes", [["hello"], [1, 2]])]).sheetsWithoutTables).toEqual([
      "Notes",
    ]);
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.constantFrom(null, undefined, true, "รวม", "รหัสโครงการ")
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), (values) => {
        const result = discoverTables([
          grid("X", values, { merges: [{ top: 0, left: 0, bottom: 1, right: 2 }] }),
        ]);
        expect(Array.isArray(result.found)).toBe(true);
      }),
      { numRuns: 150 }
    );
  });
});

describe("reading columns by their evidence", () => {
  it("reads the unit a header names", () => {
    expect(headerUnitOf("งบประมาณ (ล้านบาท)")).toBe("millionBaht");
    expect(headerUnitOf("งบประมาณที่ใช้ไป (พันบาท)")).toBe("thousandBaht");
    expect(headerUnitOf("งบประมาณ (บาท)")).toBe("baht");
    expect(headerUnitOf("ค่าใช้จ่ายบาทละ")).toBeUndefined();
  });

  it("tells literal percent formats from real ones", () => {
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat("0.00\\%")).toBe(false);
    expect(isPercentFormat('0.00"%"')).toBe(false);
  });

  it("reads 25 under 0.00\\% as 25 %, fractions in a General column as percent", () => {
    const table = {
      name: "R",
      sheet: "R",
      origin: { row: 0, col: 0 },
      headers: ["รหัสโครงการ", "รายงานครั้งที่", "ความก้าวหน้าของงาน (%)", "แผน (%)"],
      rows: [
        [P1, 1, 25, 0.25],
        [P1, 2, 50, 1],
      ],
      numberFormats: [
        ["", "", "0.00\\%", ""],
        ["", "", "0.00\\%", ""],
      ],
    };
    const parsed = parseTable("rounds", table);
    expect(parsed.records.map((round) => [round.progress, round.plannedProgress])).toEqual([
      [25, 25],
      [50, 100],
    ]);
    expect(parsed.issues.map((issue) => [issue.code, issue.cell])).toEqual([
      ["COLUMN_FRACTION_PERCENT", "D1"],
    ]);
  });

  it("moves BE-year serials back 543 years", () => {
    expect(serialFromBeYear(toExcelSerial(2562, 12, 15))).toBe(toExcelSerial(2019, 12, 15));
    expect(serialFromBeYear(toExcelSerial(2019, 12, 15))).toBeUndefined();
  });

  it("names look-alike characters in codes", () => {
    expect(replaceLookalikes("6301\u22120001")).toEqual({
      text: "6301-0001",
      names: { th: ["เครื่องหมายลบ (U+2212)"], en: ["minus sign (U+2212)"] },
    });
    expect(replaceLookalikes("6301-0001")).toBeUndefined();
  });

  it("leaves an uncertain outcome out of every count, and reads '-' as blank", () => {
    expect(
      matchVocabulary("ผ่าน?", [{ key: "met", th: "ผ่าน", en: "Met", counts: "passed" }])
    ).toEqual({
      key: null,
      text: "ผ่าน?",
      uncertain: true,
    });
    const tally = tallyOutcomes(
      ["ผ่าน", "ผ่าน?", "-"].map((text) =>
        matchVocabulary(text, [{ key: "met", th: "ผ่าน", en: "Met", counts: "passed" }])
      ),
      [{ key: "met", th: "ผ่าน", en: "Met", counts: "passed" }]
    );
    expect(tally.byClass.passed).toBe(1);
    expect(tally.blank).toBe(1);
    expect(tally.unrecognised).toEqual([{ text: "ผ่าน?", count: 1 }]);
  });
});
