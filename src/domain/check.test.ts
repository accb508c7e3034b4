import fc from "fast-check";
import { checkTables, summarize } from "./check";
import { rawTableFromRows, sampleWorkbookTables, SEED_000_CODE, SEED_001_CODE } from "./sample";
import type { CellValue } from "./types";
import { RULES } from "./validate";
import { plainTable } from "../../test/fixtures/tables";

describe("checkTables on the sample workbook", () => {
  const result = checkTables(sampleWorkbookTables());

  it("finds no errors in either seed", () => {
    expect(result.summary.errors).toBe(0);
    expect(result.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  });

  it("checks seed 000 with no errors and no rule warnings, only the text typed where dates and numbers belong", () => {
    const seed000 = result.issues.filter((issue) => issue.table === "rounds" && issue.row < 11);
    expect(seed000.map((issue) => [issue.severity, issue.code, issue.cell])).toEqual([
      ["warning", "CELL_DATE_AS_TEXT", "C2"],
      ["warning", "CELL_NUMBER_AS_TEXT", "E2"],
      ["warning", "CELL_DATE_AS_TEXT", "C5"],
      ["info", "ROUND_NARRATIVE_MISSING", "D7"],
      ["warning", "CELL_DATE_AS_TEXT", "C10"],
    ]);
  });

  it("reports seed 001's holes as warnings", () => {
    const holes = result.issues.filter(
      (issue) =>
        issue.message.en.startsWith(`Project ${SEED_001_CODE}`) && issue.severity === "warning"
    );
    expect(holes.map((issue) => issue.code)).toEqual([
      "ROUND_DATE_MISSING",
      "ROUND_PROGRESS_MISSING",
      "ROUND_PROGRESS_MISSING",
      "ROUND_PROGRESS_MISSING",
      "ROUND_PROGRESS_MISSING",
      "ROUND_PROGRESS_MISSING",
    ]);
  });

  it("returns the records and the mapping it used", () => {
    expect(result.records.projects.map((project) => project.code)).toEqual([
      SEED_000_CODE,
      SEED_001_CODE,
    ]);
    expect(result.records.rounds).toHaveLength(19);
    expect(result.records.indicators).toHaveLength(431);
    expect(result.mappings.rounds).toMatchObject({ projectCode: 0, round: 1, progress: 4 });
    expect(result.summary).toEqual(summarize(result.issues));
    expect(result.summary).toEqual({ errors: 0, warnings: 12, infos: 2 });
  });
});

describe("checkTables with planted errors", () => {
  /** The sample with errors typed into given cells (A1 on the table's sheet). */
  function planted(): ReturnType<typeof sampleWorkbookTables> {
    const tables = sampleWorkbookTables();
    tables.projects.rows[0][5] = "538800.0000 ล้านบาท"; // F2 budget received
    tables.projects.rows[1][0] = SEED_000_CODE; // A3 duplicate code
    tables.rounds.rows[2][4] = 20; // E4 round 3 below round 2's 25
    tables.rounds.rows[6][4] = 1407.52; // E8 round 7
    tables.rounds.rows[8][2] = "31/02/2563"; // C10 impossible date
    tables.rounds.rows[9][0] = "21000000-0000"; // A11 unknown project
    tables.indicators.rows[3][6] = "ดีมาก"; // G5 outcome not in the list
    tables.indicators.rows[4][1] = "ตัวอย่าง-001"; // B6 duplicate id
    return tables;
  }

  it("reports each planted error at its cell", () => {
    const errors = checkTables(planted()).issues.filter((issue) => issue.severity === "error");
    const at = errors.map((issue) => `${issue.sheet}!${issue.cell} ${issue.code}`);
    expect(at).toEqual(
      expect.arrayContaining([
        "โครงการ!F2 CELL_UNIT_MISMATCH",
        "โครงการ!A3 PROJECT_CODE_DUPLICATE",
        "รายงานความก้าวหน้า!E4 ROUND_PROGRESS_FALLS",
        "รายงานความก้าวหน้า!E8 ROUND_PROGRESS_OUT_OF_RANGE",
        "รายงานความก้าวหน้า!C10 CELL_NOT_DATE",
        "รายงานความก้าวหน้า!A11 ROUND_UNKNOWN_PROJECT",
        "เกณฑ์ชี้วัด!G5 IND_OUTCOME_UNKNOWN",
        "เกณฑ์ชี้วัด!B6 IND_ID_DUPLICATE",
      ])
    );
  });

  it("sorts issues by table, row and column", () => {
    const issues = checkTables(planted()).issues;
    const order = { projects: 0, rounds: 1, indicators: 2 };
    for (let index = 1; index < issues.length; index++) {
      const before = issues[index - 1];
      const after = issues[index];
      expect(order[before.table] * 1e6 + before.row).toBeLessThanOrEqual(
        order[after.table] * 1e6 + after.row
      );
    }
  });
});

describe("checkTables: mapping and missing tables", () => {
  it("reports required columns that no header maps to, at the header row", () => {
    const table = plainTable(["ความก้าวหน้า", "หมายเหตุ"], [[10, "x"]], { row: 2, col: 1 });
    const { issues } = checkTables({ rounds: table });
    const unmapped = issues.filter((issue) => issue.code === "MAP_REQUIRED_UNMAPPED");
    expect(unmapped.map((issue) => [issue.cell, issue.row, issue.message.en])).toEqual([
      ["B3", -1, 'Progress rounds (T): the required column "Project code" is missing'],
      ["B3", -1, 'Progress rounds (T): the required column "Round" is missing'],
    ]);
    expect(
      issues.some((issue) => issue.code === "TABLE_NOT_BOUND" && issue.severity === "info")
    ).toBe(true);
  });

  it("warns about a second column for the same field at its header", () => {
    const table = plainTable(
      ["รหัสโครงการ", "ครั้งที่", "Progress", "ความก้าวหน้า (%)"],
      [["A", 1, 5, 6]]
    );
    const duplicate = checkTables({ rounds: table }).issues.find(
      (issue) => issue.code === "MAP_DUPLICATE_COLUMN"
    );
    expect(duplicate?.cell).toBe("D1");
  });

  it("uses given mappings, and checks them for required fields", () => {
    const table = plainTable(["a", "b", "c"], [["21000000-3165", 2, 150]]);
    const result = checkTables({
      rounds: table,
      mappings: { rounds: { projectCode: 0, progress: 2, round: Number.NaN } },
    });
    expect(result.records.rounds[0]).toEqual({
      row: 0,
      projectCode: "21000000-3165",
      progress: 150,
    });
    expect(result.issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining([
        "MAP_REQUIRED_UNMAPPED",
        "ROUND_PROGRESS_OUT_OF_RANGE",
        "TABLE_NOT_BOUND",
      ])
    );
  });

  it("checks nothing when given nothing", () => {
    expect(checkTables({})).toEqual({
      records: { projects: [], rounds: [], indicators: [] },
      issues: [],
      summary: { errors: 0, warnings: 0, infos: 0 },
      mappings: {},
    });
  });
});

describe("checkTables never throws", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.constantFrom(
      "เป็นไปตามแผน",
      "ผ่าน",
      "21000000-3165",
      "2020-1-23",
      "๒ ธ.ค. ๖๒",
      "10.00 %",
      "#N/A",
      "",
      " ",
      "538800.0000 ล้านบาท"
    ),
    fc.double(),
    fc.integer({ min: -5, max: 50000 }),
    fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      null,
      undefined,
      true,
      false
    )
  );
  const rows = fc.array(fc.array(cell, { minLength: 0, maxLength: 20 }), { maxLength: 12 });

  it("on any cell values in all three tables, and every issue is well formed", () => {
    const severities = new Set(["error", "warning", "info"]);
    const codes = new Set(RULES.map((rule) => rule.code));
    fc.assert(
      fc.property(
        rows,
        rows,
        rows,
        fc.option(fc.double()),
        (projectRows, roundRows, itemRows, tolerance) => {
          const result = checkTables({
            projects: { ...rawTableFromRows("projects", []), rows: projectRows },
            rounds: { ...rawTableFromRows("rounds", []), rows: roundRows },
            indicators: { ...rawTableFromRows("indicators", []), rows: itemRows },
            planTolerance: tolerance ?? undefined,
          });
          // One expectation per run: thousands of tiny ones would make this test slow.
          const malformed = result.issues.filter(
            (issue) =>
              !severities.has(issue.severity) ||
              !codes.has(issue.code) ||
              issue.message.th === "" ||
              issue.message.en === "" ||
              (issue.cell !== undefined && !/^[A-Z]+[1-9]\d*$/.test(issue.cell))
          );
          expect(malformed).toEqual([]);
        }
      ),
      { numRuns: 120 }
    );
  });
});
