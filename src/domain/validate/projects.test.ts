import { checkTables } from "../check";
import { rawTableFromRows, SAMPLE_PROJECTS, type RowOf } from "../sample";
import type { Issue } from "../types";

/** Seed 000's project as its form gives it (2019-10-01 to 2020-09-29, no budget). */
const [SEED_000] = SAMPLE_PROJECTS;

function projectIssues(rows: RowOf<"projects">[]): Issue[] {
  return checkTables({ projects: rawTableFromRows("projects", rows) }).issues;
}

function only(issues: Issue[], code: string): Issue[] {
  return issues.filter((issue) => issue.code === code);
}

describe("Projects rules", () => {
  it("find nothing wrong with seed 000's project", () => {
    expect(projectIssues([SEED_000])).toEqual([]);
  });

  it("PROJECT_CODE_FORMAT: a code that is not 8 digits-4 digits (Thai digits and spaces are fine)", () => {
    const issues = projectIssues([
      { ...SEED_000, code: "2100000-3165" },
      { ...SEED_000, code: "๒๑๐๐๐๐๐๐ - ๓๑๖๖" },
    ]);
    expect(
      only(issues, "PROJECT_CODE_FORMAT").map((issue) => [issue.cell, issue.severity])
    ).toEqual([["A2", "warning"]]);
    expect(only(issues, "PROJECT_CODE_FORMAT")[0].message.th).toContain(
      "โครงการ 2100000-3165: รหัสควรเป็นตัวเลข 8 หลัก"
    );
  });

  it("PROJECT_CODE_DUPLICATE: the second row with a code, pointing back at the first", () => {
    const issues = only(
      projectIssues([
        SEED_000,
        { ...SEED_000, name: "อื่น" },
        { ...SEED_000, code: "21000000 - 3165" },
      ]),
      "PROJECT_CODE_DUPLICATE"
    );
    expect(issues.map((issue) => [issue.cell, issue.severity])).toEqual([
      ["A3", "error"],
      ["A4", "error"],
    ]);
    expect(issues[0].message.th).toBe("โครงการ 21000000-3165: รหัสซ้ำกับโครงการที่ A2");
    expect(issues[0].message.en).toBe("Project 21000000-3165: the code repeats the project at A2");
  });

  it("PROJECT_START_AFTER_END: start and end swapped", () => {
    const [issue] = only(
      projectIssues([{ ...SEED_000, start: 44103, end: 43739 }]),
      "PROJECT_START_AFTER_END"
    );
    expect(issue.cell).toBe("D2");
    expect(issue.message.th).toBe("โครงการ 21000000-3165: เริ่มต้น 29/9/2563 อยู่หลังวันสิ้นสุด 1/10/2562");
    expect(issue.message.en).toBe(
      "Project 21000000-3165: starts 29 Sep 2020, after its end 1 Oct 2019"
    );
  });

  it("PROJECT_DATE_OUTSIDE_FY: seed 001's dates against FY 2563", () => {
    const issues = only(
      projectIssues([{ ...SEED_000, start: 44866, end: 45199 }]),
      "PROJECT_DATE_OUTSIDE_FY"
    );
    expect(issues.map((issue) => [issue.field, issue.cell, issue.severity])).toEqual([
      ["start", "D2", "warning"],
      ["end", "E2", "warning"],
    ]);
    expect(issues[0].message.th).toBe(
      "โครงการ 21000000-3165: วันเริ่มต้น 1/11/2565 อยู่นอกปีงบประมาณ 2563 (1/10/2562–30/9/2563)"
    );
  });

  it("PROJECT_YEAR_IMPLAUSIBLE: a CE year, a two-digit year, a fraction", () => {
    const issues = only(
      projectIssues([
        { ...SEED_000, fiscalYear: 2020 },
        { ...SEED_000, code: "21000000-0002", fiscalYear: 63 },
        { ...SEED_000, code: "21000000-0003", fiscalYear: 2563.5 },
      ]),
      "PROJECT_YEAR_IMPLAUSIBLE"
    );
    expect(issues.map((issue) => issue.cell)).toEqual(["C2", "C3", "C4"]);
    expect(issues[0].message.th).toBe(
      "โครงการ 21000000-3165: ปีงบประมาณ 2020 ดูเหมือนเป็น ค.ศ. (พ.ศ. 2563) ต้องเป็น พ.ศ."
    );
    expect(issues[1].message.en).toBe(
      "Project 21000000-0002: fiscal year 63 is implausible (expected BE 2500–2700)"
    );
  });

  it("PROJECT_BUDGET_NEGATIVE and PROJECT_USED_ABOVE_RECEIVED", () => {
    const issues = projectIssues([
      { ...SEED_000, budgetReceived: -5000 },
      { ...SEED_000, code: "21000000-0002", budgetReceived: 538_800, budgetUsed: 600_000 },
    ]);
    expect(only(issues, "PROJECT_BUDGET_NEGATIVE").map((issue) => issue.cell)).toEqual(["F2"]);
    expect(only(issues, "PROJECT_BUDGET_NEGATIVE")[0].message.th).toBe(
      "โครงการ 21000000-3165: งบประมาณที่ได้รับ -5,000 บาท ติดลบ"
    );
    const [above] = only(issues, "PROJECT_USED_ABOVE_RECEIVED");
    expect(above.cell).toBe("G3");
    expect(above.message.en).toBe(
      "Project 21000000-0002: used 600,000 baht, more than the 538,800 baht received"
    );
  });

  it("PROJECT_TARGET_COUNT_INVALID, and a count typed as words is not a number", () => {
    const issues = projectIssues([
      { ...SEED_000, targetCount: 430.5 },
      { ...SEED_000, code: "21000000-0002", targetCount: "431 เกณฑ์ชี้วัด" },
    ]);
    expect(only(issues, "PROJECT_TARGET_COUNT_INVALID").map((issue) => issue.cell)).toEqual(["N2"]);
    expect(only(issues, "CELL_NOT_NUMBER").map((issue) => issue.cell)).toEqual(["N3"]);
  });
});
