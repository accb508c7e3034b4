import { checkTables, type CheckInput } from "../check";
import { parseRounds } from "../records";
import {
  rawTableFromRows,
  sampleWorkbookTables,
  SEED_000_CODE,
  SEED_001_CODE,
  type RowOf,
} from "../sample";
import { fieldsOf } from "../schema";
import type { Issue, Vocabularies } from "../types";
import { DEFAULT_VOCABULARIES } from "../vocabularies";
import { detachedContext } from "./context";
import { validateRounds } from "./rounds";

const sample = sampleWorkbookTables();

/** Seed 000's rounds as typed values, by field key (from the sample table). */
function seed000Rounds(): RowOf<"rounds">[] {
  const headers = sample.rounds.headers;
  const keys = fieldsOf("rounds").map((field) => field.key);
  expect(headers).toHaveLength(keys.length);
  return sample.rounds.rows
    .filter((row) => row[0] === SEED_000_CODE)
    .map(
      (row) => Object.fromEntries(keys.map((key, index) => [key, row[index]])) as RowOf<"rounds">
    );
}

function check(rounds: RowOf<"rounds">[], options: Partial<CheckInput> = {}): Issue[] {
  return checkTables({
    projects: sample.projects,
    rounds: rawTableFromRows("rounds", rounds),
    ...options,
  }).issues;
}

function only(issues: Issue[], code: string): Issue[] {
  return issues.filter((issue) => issue.code === code);
}

function ruleIssues(issues: Issue[]): Issue[] {
  return issues.filter((issue) => !issue.code.startsWith("CELL_"));
}

describe("Rounds rules on the seeds", () => {
  it("find no errors in seed 000: only the typed-text warnings and round 6's missing narrative", () => {
    const issues = check(seed000Rounds());
    expect(issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(ruleIssues(issues).map((issue) => [issue.code, issue.cell])).toEqual([
      ["ROUND_NARRATIVE_MISSING", "D7"],
    ]);
  });

  it("report seed 001's holes as warnings: no date for round 3, no progress in rounds 3–7", () => {
    const issues = checkTables(sample).issues.filter((issue) =>
      issue.message.en.includes(SEED_001_CODE)
    );
    expect(issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(only(issues, "ROUND_DATE_MISSING").map((issue) => issue.cell)).toEqual(["C15"]);
    expect(
      only(issues, "ROUND_PROGRESS_MISSING").map((issue) => [issue.cell, issue.severity])
    ).toEqual([
      ["E15", "warning"],
      ["E16", "warning"],
      ["E17", "warning"],
      ["E18", "warning"],
      ["E19", "warning"],
    ]);
    // 40 % at round 2 to 100 % at round 8 is 10 points a round: no jump.
    expect(only(issues, "ROUND_PROGRESS_JUMP")).toEqual([]);
    expect(only(issues, "ROUND_PROGRESS_MISSING")[0].message.th).toBe(
      "โครงการ 21000000-6549 รายงานครั้งที่ 3: ไม่มีความก้าวหน้าของงาน (%)"
    );
  });
});

describe("Rounds rules, planted errors", () => {
  it("ROUND_PROGRESS_FALLS: round 3's 20 % below round 2's 25 %", () => {
    const rounds = seed000Rounds();
    rounds[2].progress = 20;
    const [issue] = only(check(rounds), "ROUND_PROGRESS_FALLS");
    expect(issue).toMatchObject({
      severity: "error",
      table: "rounds",
      row: 2,
      field: "progress",
      sheet: "รายงานความก้าวหน้า",
      cell: "E4",
    });
    expect(issue.message.th).toBe(
      "โครงการ 21000000-3165 รายงานครั้งที่ 3: ความก้าวหน้า 20% ต่ำกว่าครั้งที่ 2 (25%)"
    );
    expect(issue.message.en).toBe(
      "Project 21000000-3165 round 3: progress 20% is below round 2's 25%"
    );
  });

  it("the public KPI 15.00 → 57.50 → 56.66 → 0.00: a jump (warning) and two falls (errors)", () => {
    const rounds: RowOf<"rounds">[] = [15, 57.5, 56.66, 0].map((progress, index) => ({
      projectCode: SEED_000_CODE,
      round: index + 1,
      progress,
    }));
    const issues = check(rounds).filter((issue) => issue.field === "progress");
    expect(issues.map((issue) => [issue.code, issue.severity, issue.cell])).toEqual([
      ["ROUND_PROGRESS_JUMP", "warning", "E3"],
      ["ROUND_PROGRESS_FALLS", "error", "E4"],
      ["ROUND_PROGRESS_FALLS", "error", "E5"],
    ]);
    expect(issues[0].message.en).toBe(
      "Project 21000000-3165 round 2: progress rose from 15% to 57.5% (other rounds rose about 15% each); check the figure"
    );
    expect(issues[2].message.th).toBe(
      "โครงการ 21000000-3165 รายงานครั้งที่ 4: ความก้าวหน้า 0% ต่ำกว่าครั้งที่ 3 (56.66%)"
    );
  });

  it("ROUND_PROGRESS_OUT_OF_RANGE: a percent of 1,407.52 is its one issue, not also a jump and a fall", () => {
    const rounds = seed000Rounds();
    rounds[4].progress = 1407.52;
    const issues = check(rounds);
    const [issue] = only(issues, "ROUND_PROGRESS_OUT_OF_RANGE");
    expect(issue.cell).toBe("E6");
    expect(issue.message.th).toBe(
      "โครงการ 21000000-3165 รายงานครั้งที่ 5: ความก้าวหน้า 1,407.52% อยู่นอกช่วง 0–100%"
    );
    // Round 6's 30 % is compared with round 4's 25 %, the last figure in range.
    expect(ruleIssues(issues).map((found) => [found.code, found.cell])).toEqual([
      ["ROUND_PROGRESS_OUT_OF_RANGE", "E6"],
      ["ROUND_NARRATIVE_MISSING", "D7"],
    ]);
  });

  it("a figure out of range leaves the trend, but a real fall around it is still found", () => {
    const rounds = seed000Rounds();
    rounds[4].progress = -5; // round 5
    rounds[5].progress = 20; // round 6, below round 4's 25 %
    const issues = ruleIssues(check(rounds)).filter((issue) => issue.field === "progress");
    expect(issues.map((found) => [found.code, found.cell])).toEqual([
      ["ROUND_PROGRESS_OUT_OF_RANGE", "E6"],
      ["ROUND_PROGRESS_FALLS", "E7"],
    ]);
    expect(issues[1].message.en).toBe(
      "Project 21000000-3165 round 6: progress 20% is below round 4's 25%"
    );
  });

  it("an impossible date (31/02/2563) is 'not a date', not also 'no report date'", () => {
    const rounds = seed000Rounds();
    rounds[4].date = "31/02/2563";
    const issues = check(rounds).filter((issue) => issue.cell === "C6");
    expect(issues.map((found) => [found.code, found.severity])).toEqual([
      ["CELL_NOT_DATE", "error"],
    ]);
  });

  it("an unreadable progress or narrative is not reported missing as well", () => {
    const rounds = seed000Rounds();
    rounds[4].progress = "สามสิบ";
    rounds[5].progress = "#N/A";
    rounds[6].narrative = "#REF!";
    const issues = check(rounds).filter((issue) => ["E6", "E7", "D8"].includes(issue.cell ?? ""));
    expect(issues.map((found) => [found.code, found.cell])).toEqual([
      ["CELL_NOT_NUMBER", "E6"],
      ["CELL_EXCEL_ERROR", "E7"],
      ["CELL_EXCEL_ERROR", "D8"],
    ]);
    // An empty cell is still missing.
    rounds[4].progress = "";
    expect(only(check(rounds), "ROUND_PROGRESS_MISSING").map((found) => found.cell)).toEqual([
      "E6",
    ]);
  });

  it("a date outside the project period is not the yardstick of the next round's order", () => {
    const rounds = seed000Rounds();
    rounds[4].date = "24/3/2653"; // round 5, the year mistyped for 2563
    const issues = ruleIssues(check(rounds)).filter((issue) => issue.field === "date");
    expect(issues.map((found) => [found.code, found.cell])).toEqual([
      ["ROUND_DATE_OUTSIDE_PROJECT", "C6"],
    ]);
  });

  it("ROUND_PROGRESS_JUMP stays quiet on seed 000's steady 10–20 point rises", () => {
    expect(only(check(seed000Rounds()), "ROUND_PROGRESS_JUMP")).toEqual([]);
  });

  it("ROUND_UNKNOWN_PROJECT, ROUND_NUMBER_INVALID", () => {
    const issues = check([
      { projectCode: "21000000-9999", round: 1 },
      { projectCode: SEED_000_CODE, round: 0 },
      { projectCode: SEED_000_CODE, round: 2.5 },
      { projectCode: SEED_000_CODE, round: 1 },
    ]);
    expect(only(issues, "ROUND_UNKNOWN_PROJECT").map((issue) => issue.cell)).toEqual(["A2"]);
    expect(only(issues, "ROUND_UNKNOWN_PROJECT")[0].message.th).toBe(
      "โครงการ 21000000-9999 รายงานครั้งที่ 1: ไม่พบรหัสโครงการ 21000000-9999 ในตารางโครงการ"
    );
    expect(only(issues, "ROUND_NUMBER_INVALID").map((issue) => issue.cell)).toEqual(["B3", "B4"]);
  });

  it("ROUND_DUPLICATE and ROUND_MISSING", () => {
    const issues = check([1, 2, 2, 5, 7].map((round) => ({ projectCode: SEED_000_CODE, round })));
    expect(only(issues, "ROUND_DUPLICATE").map((issue) => issue.cell)).toEqual(["B4"]);
    const missing = only(issues, "ROUND_MISSING");
    expect(missing.map((issue) => [issue.cell, issue.severity])).toEqual([
      ["B5", "warning"],
      ["B6", "warning"],
    ]);
    expect(missing[0].message.th).toBe(
      "โครงการ 21000000-3165 รายงานครั้งที่ 5: ไม่มีรายงานครั้งที่ 3–4 ก่อนหน้านี้"
    );
    expect(missing[1].message.en).toBe(
      "Project 21000000-3165 round 7: round 6 is missing before it"
    );
  });

  it("ROUND_DATE_NOT_INCREASING and ROUND_DATE_OUTSIDE_PROJECT", () => {
    const rounds = seed000Rounds();
    rounds[3].date = "2/1/2563"; // before round 3's 6/1/2563
    rounds[10].date = "1/10/2563"; // after the project's end, 29/9/2563
    const issues = check(rounds);
    const [backwards] = only(issues, "ROUND_DATE_NOT_INCREASING");
    expect(backwards.cell).toBe("C5");
    expect(backwards.message.th).toBe(
      "โครงการ 21000000-3165 รายงานครั้งที่ 4: วันที่ 2/1/2563 ก่อนครั้งที่ 3 (6/1/2563)"
    );
    const [outside] = only(issues, "ROUND_DATE_OUTSIDE_PROJECT");
    expect(outside.cell).toBe("C12");
    expect(outside.message.en).toBe(
      "Project 21000000-3165 round 11: dated 1 Oct 2020, outside the project period (1 Oct 2019–29 Sep 2020)"
    );
  });

  it("ROUND_NOT_FINISHED: an ended project whose last round is below 100 %", () => {
    const rounds = seed000Rounds().slice(0, 10); // last: round 10, 85 %
    expect(only(check(rounds), "ROUND_NOT_FINISHED")).toEqual([]);
    const [issue] = only(check(rounds, { asOf: 44197 /* 2021-01-01 */ }), "ROUND_NOT_FINISHED");
    expect(issue.cell).toBe("E11");
    expect(issue.message.th).toBe(
      "โครงการ 21000000-3165 รายงานครั้งที่ 10: โครงการสิ้นสุด 29/9/2563 แล้ว แต่ความก้าวหน้าล่าสุด 85% ยังไม่ถึง 100%"
    );
    // Seed 000 as printed reaches 100 %.
    expect(only(check(seed000Rounds(), { asOf: 44197 }), "ROUND_NOT_FINISHED")).toEqual([]);
  });

  it("ROUND_PLANNED_OUT_OF_RANGE, ROUND_DISBURSED_NEGATIVE", () => {
    const issues = check([
      { projectCode: SEED_000_CODE, round: 1, plannedProgress: 120, disbursed: -1 },
    ]);
    expect(only(issues, "ROUND_PLANNED_OUT_OF_RANGE").map((issue) => issue.cell)).toEqual(["F2"]);
    expect(only(issues, "ROUND_DISBURSED_NEGATIVE")[0].message.th).toBe(
      "โครงการ 21000000-3165 รายงานครั้งที่ 1: เบิกใช้ -1 บาท ติดลบ"
    );
  });

  it("ROUND_DISBURSED_ABOVE_BUDGET: at the round where the total crosses the budget received", () => {
    const projects = rawTableFromRows("projects", [
      { code: SEED_000_CODE, name: "ก", budgetReceived: 100_000 },
    ]);
    const rounds = [60_000, 30_000, 20_000, 5_000].map((disbursed, index) => ({
      projectCode: SEED_000_CODE,
      round: index + 1,
      disbursed,
    }));
    const issues = checkTables({ projects, rounds: rawTableFromRows("rounds", rounds) }).issues;
    const above = only(issues, "ROUND_DISBURSED_ABOVE_BUDGET");
    expect(above.map((issue) => issue.cell)).toEqual(["G4"]);
    expect(above[0].message.en).toBe(
      "Project 21000000-3165 round 3: total disbursed so far 110,000 baht is above the 100,000 baht received"
    );
  });

  it("ROUND_STATUS_UNKNOWN, against the workbook's own vocabulary", () => {
    const rounds = seed000Rounds().slice(0, 2);
    rounds[1].targetStatus = "ตามใจ";
    const [unknown] = only(check(rounds), "ROUND_STATUS_UNKNOWN");
    expect(unknown.cell).toBe("I3");
    expect(unknown.message.th).toBe(
      'โครงการ 21000000-3165 รายงานครั้งที่ 2: "ตามใจ" ไม่อยู่ในรายการ (เป็นไปตามเป้าหมาย, ไม่เป็นไปตามเป้าหมาย)'
    );

    const vocabularies: Vocabularies = {
      ...DEFAULT_VOCABULARIES,
      planStatus: [
        { key: "green", th: "เขียว", en: "Green" },
        { key: "red", th: "แดง", en: "Red" },
      ],
    };
    const custom = only(
      check(seed000Rounds().slice(0, 2), { vocabularies }),
      "ROUND_STATUS_UNKNOWN"
    );
    expect(custom.map((issue) => issue.cell)).toEqual(["H2", "H3"]);
    expect(custom[0].message.en).toContain("(Green, Red)");
  });

  it("ROUND_PLAN_STATUS_CONTRADICTS: 'on plan' at 30 % against a 50 % plan, within a wider tolerance it is not", () => {
    const rounds: RowOf<"rounds">[] = [
      {
        projectCode: SEED_000_CODE,
        round: 1,
        progress: 30,
        plannedProgress: 50,
        planStatus: "เป็นไปตามแผน",
      },
    ];
    const [issue] = only(check(rounds), "ROUND_PLAN_STATUS_CONTRADICTS");
    expect(issue.cell).toBe("H2");
    expect(issue.message.th).toBe(
      'โครงการ 21000000-3165 รายงานครั้งที่ 1: ระบุ "เป็นไปตามแผน" แต่ผลงาน 30% เทียบแผน 50% คือ "ล่าช้ากว่าแผน"'
    );
    expect(only(check(rounds, { planTolerance: 25 }), "ROUND_PLAN_STATUS_CONTRADICTS")).toEqual([]);
    const agreeing = [{ ...rounds[0], planStatus: "ล่าช้ากว่าแผน" }];
    expect(only(check(agreeing), "ROUND_PLAN_STATUS_CONTRADICTS")).toEqual([]);
  });
});

describe("validateRounds without a sheet", () => {
  it("works on records alone (no addresses) and skips project checks without projects", () => {
    const { records } = parseRounds(
      rawTableFromRows("rounds", [
        { projectCode: "X", round: 1, progress: 50 },
        { projectCode: "X", round: 2, progress: 40 },
      ])
    );
    const issues = validateRounds(records, detachedContext("rounds"), undefined, {
      vocabularies: DEFAULT_VOCABULARIES,
      planTolerance: 5,
    });
    expect(issues.map((issue) => [issue.code, issue.cell])).toEqual([
      ["ROUND_DATE_MISSING", undefined],
      ["ROUND_NARRATIVE_MISSING", undefined],
      ["ROUND_DATE_MISSING", undefined],
      ["ROUND_NARRATIVE_MISSING", undefined],
      ["ROUND_PROGRESS_FALLS", undefined],
    ]);
  });
});
