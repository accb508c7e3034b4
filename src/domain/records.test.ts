import fc from "fast-check";
import { isCleanText, parseIndicators, parseProjects, parseRounds, parseTable } from "./records";
import { cleanText } from "./text";
import { rawTableFromRows } from "./sample";
import type { CellValue, RawTable } from "./types";
import { plainTable } from "../../test/fixtures/tables";

function codes(issues: { code: string }[]): string[] {
  return issues.map((issue) => issue.code);
}

describe("parseTable: values", () => {
  it("reads native values as they are and typed text with a warning at its cell", () => {
    const table = rawTableFromRows("rounds", [
      {
        projectCode: "21000000-3165",
        round: 1,
        date: 43801,
        progress: 10,
        disbursed: 0,
        planStatus: "เป็นไปตามแผน",
      },
      {
        projectCode: " 21000000-3165 ",
        round: "๒",
        date: "26/12/2562",
        progress: "25.00 %",
        disbursed: "1,234.50 บาท",
        planStatus: "ล่าช้า",
      },
    ]);
    const { records, issues } = parseRounds(table);
    expect(records[0]).toEqual({
      row: 0,
      projectCode: "21000000-3165",
      round: 1,
      date: 43801,
      progress: 10,
      disbursed: 0,
      planStatus: { key: "onPlan", text: "เป็นไปตามแผน" },
    });
    expect(records[1]).toMatchObject({
      projectCode: "21000000-3165",
      round: 2,
      date: 43825,
      progress: 25,
      disbursed: 1234.5,
    });
    expect(records[1].planStatus).toEqual({ key: "behind", text: "ล่าช้า" });
    expect(issues.map((issue) => [issue.code, issue.cell, issue.severity])).toEqual([
      ["CELL_NUMBER_AS_TEXT", "B3", "warning"],
      ["CELL_DATE_AS_TEXT", "C3", "warning"],
      ["CELL_NUMBER_AS_TEXT", "E3", "warning"],
      ["CELL_NUMBER_AS_TEXT", "G3", "warning"],
    ]);
    expect(issues[2].message.th).toBe(
      'ความก้าวหน้าของงาน (%): ตัวเลขพิมพ์เป็นข้อความ "25.00 %" อ่านได้เป็น 25'
    );
    expect(issues[2].message.en).toBe('Progress (%): number typed as text "25.00 %", read as 25');
    expect(issues[1].message.th).toContain("อ่านได้เป็น 26/12/2562");
  });

  it("warns of a two-digit year in a numeric date, naming the era it was read in", () => {
    const table = rawTableFromRows("rounds", [
      { projectCode: "21000000-3165", round: 1, date: "2/12/19" },
      { projectCode: "21000000-3165", round: 2, date: "26/12/62" },
      { projectCode: "21000000-3165", round: 3, date: "6 ม.ค. 63" },
    ]);
    const { records, issues } = parseRounds(table);
    expect(records.map((record) => record.date)).toEqual([43801, 43825, 43836]);
    expect(issues.map((issue) => [issue.code, issue.cell, issue.severity])).toEqual([
      ["CELL_DATE_TWO_DIGIT_YEAR", "C2", "warning"],
      ["CELL_DATE_TWO_DIGIT_YEAR", "C3", "warning"],
      ["CELL_DATE_AS_TEXT", "C4", "warning"],
    ]);
    expect(issues[0].message.en).toBe(
      'Report date: the two-digit year "19" in "2/12/19" is read as CE 2019 (2 Dec 2019); type the full year if it means otherwise'
    );
    expect(issues[1].message.th).toBe(
      'วันที่รายงาน: ปีสองหลัก "62" ใน "26/12/62" อ่านเป็น พ.ศ. 2562 (26/12/2562) ถ้าไม่ใช่ ให้พิมพ์ปีเต็มสี่หลัก'
    );
  });

  it("addresses cells from the table's origin: data row 0 sits right under the header", () => {
    const table: RawTable = {
      ...rawTableFromRows("rounds", [{ projectCode: "A", round: 1, progress: "x" }]),
      sheet: "ชีต 1",
      origin: { row: 4, col: 2 },
    };
    const [issue] = parseRounds(table).issues;
    // Header on sheet row 5 (index 4) from column C; progress is the 5th column → G; data row → 6.
    expect(issue).toMatchObject({
      code: "CELL_NOT_NUMBER",
      severity: "error",
      table: "rounds",
      row: 0,
      field: "progress",
      sheet: "ชีต 1",
      cell: "G6",
    });
    expect(issue.message.en).toBe('Progress (%): "x" is not a number');
  });

  it("catches units mixed up: million baht in a baht column, percent in a baht column", () => {
    const table = rawTableFromRows("projects", [
      {
        code: "21000000-0001",
        name: "ก",
        budgetReceived: "538800.0000 ล้านบาท",
        budgetUsed: "10 %",
      },
    ]);
    const { records, issues } = parseProjects(table);
    expect(records[0].budgetReceived).toBeUndefined();
    expect(records[0].budgetUsed).toBeUndefined();
    expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([
      ["CELL_UNIT_MISMATCH", "F2"],
      ["CELL_UNIT_MISMATCH", "G2"],
    ]);
    expect(issues[0].message.th).toBe(
      'งบประมาณที่ได้รับ (บาท): "538800.0000 ล้านบาท" ใช้หน่วย ล้านบาท แต่คอลัมน์นี้เป็น บาท'
    );
    expect(issues[0].message.en).toContain("is in million baht but the column is in baht");
  });

  it("turns Excel percent cells (0.575 shown as 57.5%) into percentage points", () => {
    const table = rawTableFromRows("rounds", [
      { projectCode: "A", round: 1, progress: 0.575 },
      { projectCode: "A", round: 2, progress: 57.5 },
    ]);
    table.numberFormats = [
      ["@", "0", "", "", "0.00%"],
      ["@", "0", "", "", "0.00"],
    ];
    const { records } = parseRounds(table);
    expect(records.map((round) => round.progress)).toEqual([57.5, 57.5]);
  });

  it("reports Excel errors, impossible dates and booleans where numbers belong", () => {
    const table = rawTableFromRows("rounds", [
      { projectCode: "#N/A", round: true, date: "31/02/2563", progress: "#DIV/0!" },
    ]);
    const { records, issues } = parseRounds(table);
    expect(records[0].projectCode).toBe("");
    expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([
      ["CELL_EXCEL_ERROR", "A2"],
      ["CELL_NOT_NUMBER", "B2"],
      ["CELL_NOT_DATE", "C2"],
      ["CELL_EXCEL_ERROR", "E2"],
    ]);
    expect(issues[2].message.th).toBe('วันที่รายงาน: "31/02/2563" อ่านเป็นวันที่ไม่ได้');
  });

  it("reports required cells left empty, once", () => {
    const { issues } = parseProjects(
      rawTableFromRows("projects", [{ code: "21000000-3165", fiscalYear: 2563 }, { name: "ชื่อ" }])
    );
    expect(issues.map((issue) => [issue.code, issue.field, issue.cell])).toEqual([
      ["REQUIRED_VALUE_MISSING", "name", "B2"],
      ["REQUIRED_VALUE_MISSING", "code", "A3"],
    ]);
    expect(issues[0].message.th).toBe("ชื่อโครงการ/กิจกรรม: ช่องนี้ต้องมีค่า");
  });

  it("skips blank rows but keeps every later row's index", () => {
    const table = rawTableFromRows("indicators", [
      { projectCode: "A", id: "1" },
      {},
      { projectCode: "  ", id: "\u200b" },
      { projectCode: "A", id: "2", outcome: "ผ่าน" },
    ]);
    const { records } = parseIndicators(table);
    expect(records.map((item) => item.row)).toEqual([0, 3]);
    expect(records[1].outcome).toEqual({ key: "met", text: "ผ่าน" });
  });

  it("reads fiscal years written with their era, in Thai digits", () => {
    const { records, issues } = parseProjects(
      rawTableFromRows("projects", [{ code: "1", name: "ก", fiscalYear: "พ.ศ. ๒๕๖๓" }])
    );
    expect(records[0].fiscalYear).toBe(2563);
    expect(codes(issues)).toEqual(["CELL_NUMBER_AS_TEXT"]);
  });

  it("keeps a narrative's paragraphs and drops HTML left by the monitoring system", () => {
    const { records } = parseRounds(
      rawTableFromRows("rounds", [
        { projectCode: "A", round: 1, narrative: "<p>หนึ่ง</p>\n<p>สอง\u00a0 สาม</p>" },
      ])
    );
    expect(records[0].narrative).toBe("หนึ่ง\nสอง สาม");
  });

  it("uses the mapping it is given instead of the headers", () => {
    const table = plainTable(["a", "b"], [[3, "X"]]);
    const { records, mapping } = parseTable("rounds", table, {
      columns: { projectCode: 1, round: 0 },
    });
    expect(mapping).toBeUndefined();
    expect(records[0]).toEqual({ row: 0, projectCode: "X", round: 3 });
  });
});

describe("parseTable never throws", () => {
  const hostile: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.string({
      unit: fc.constantFrom(
        "๑",
        "ก",
        "ำ",
        "\u200b",
        "\u00a0",
        " ",
        "%",
        "บาท",
        ".",
        ",",
        "/",
        "-",
        "1",
        "9"
      ),
    }),
    fc.double(),
    fc.integer(),
    fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      1e308,
      43801.5
    ),
    fc.boolean(),
    fc.constantFrom(
      null,
      undefined,
      "#N/A",
      "#VALUE!",
      "",
      "538800.0000 ล้านบาท",
      "2 ธ.ค. 62",
      "<p>",
      "31/02/2563"
    )
  );

  it.each(["projects", "rounds", "indicators"] as const)("on any %s cell values", (kind) => {
    fc.assert(
      fc.property(
        fc.array(fc.array(hostile, { maxLength: 20 }), { maxLength: 8 }),
        fc.option(fc.array(fc.string(), { maxLength: 20 })),
        (rows, headers) => {
          const template = rawTableFromRows(kind, []);
          const table: RawTable = { ...template, headers: headers ?? template.headers, rows };
          const result = parseTable(kind, table);
          for (const issue of result.issues) {
            expect(typeof issue.message.th).toBe("string");
            expect(typeof issue.message.en).toBe("string");
          }
        }
      ),
      { numRuns: 150 }
    );
  });

  it("on anything at all in a cell, even values no workbook gives (objects, arrays, symbols)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.anything(), { maxLength: 10 }), { maxLength: 6 }),
        (rows) => {
          for (const kind of ["projects", "rounds", "indicators"] as const) {
            parseTable(kind, { ...rawTableFromRows(kind, []), rows: rows as CellValue[][] });
          }
        }
      ),
      { numRuns: 100 }
    );
  });

  it("on 100 KB of text in every cell, with short messages", () => {
    const big = "ก".repeat(50_000) + "<p" + "1".repeat(50_000);
    const table = rawTableFromRows("rounds", [
      { projectCode: big, round: big, date: big, narrative: big, progress: big, planStatus: big },
    ]);
    const { records, issues } = parseRounds(table);
    expect(records[0].narrative?.length).toBeGreaterThan(99_000);
    for (const issue of issues) expect(issue.message.th.length).toBeLessThan(200);
  });

  it("on tables that are not even well-formed", () => {
    const broken = {
      name: "x",
      sheet: "y",
      origin: { row: Number.NaN, col: -1 },
      headers: null,
      rows: [null, "row", [1]],
    } as unknown as RawTable;
    expect(() => parseTable("rounds", broken)).not.toThrow();
    expect(
      parseTable("rounds", broken, { columns: { projectCode: 0, round: 99 } }).records
    ).toHaveLength(1);
  });
});

describe("isCleanText", () => {
  it("says a text is clean only when cleanText would leave it as it is", () => {
    const text = fc.string({
      unit: fc.constantFrom(
        "ก",
        "ำ",
        "a",
        "1",
        " ",
        "  ",
        "\n",
        "\t",
        "\u00a0",
        "\u200b",
        "<p>",
        "&amp;",
        "\ufeff",
        "\u3000",
        "-"
      ),
    });
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (value) => {
        if (isCleanText(value)) expect(cleanText(value)).toBe(value);
      }),
      { numRuns: 500 }
    );
    expect(isCleanText("อยู่ระหว่างขั้นตอน...")).toBe(true);
    expect(isCleanText(" 21000000-3165")).toBe(false);
    expect(isCleanText("สอง\u00a0สาม")).toBe(false);
  });
});
