import { checkTables } from "../check";
import { rawTableFromRows, sampleWorkbookTables, SEED_000_CODE, type RowOf } from "../sample";
import type { Issue, Vocabularies } from "../types";
import { SEED_001_VOCABULARIES } from "../../../test/fixtures/vocabularies";

const sample = sampleWorkbookTables();

function only(issues: Issue[], code: string): Issue[] {
  return issues.filter((issue) => issue.code === code);
}

function check(items: RowOf<"indicators">[], vocabularies?: Vocabularies): Issue[] {
  return checkTables({
    projects: sample.projects,
    indicators: rawTableFromRows("indicators", items),
    vocabularies,
  }).issues;
}

/** Seed 000's 431 sample indicators as rows by field key. */
function seedItems(): RowOf<"indicators">[] {
  const keys = ["projectCode", "id", "name", "unit", "target", "actual", "outcome"] as const;
  return sample.indicators.rows.map(
    (row) => Object.fromEntries(keys.map((key, index) => [key, row[index]])) as RowOf<"indicators">
  );
}

describe("Indicators rules", () => {
  it("find nothing wrong with seed 000's 431 items: 409 + 6 + 3 + 3 evaluated, 10 excluded", () => {
    const issues = checkTables({ projects: sample.projects, indicators: sample.indicators }).issues;
    expect(issues.filter((issue) => issue.table === "indicators")).toEqual([]);
  });

  it("IND_UNKNOWN_PROJECT", () => {
    const [issue] = only(
      check([{ projectCode: "21000000-0000", id: "1", outcome: "ผ่าน" }]),
      "IND_UNKNOWN_PROJECT"
    );
    expect(issue.cell).toBe("A2");
    expect(issue.message.en).toBe(
      "Project 21000000-0000 item 1: project code 21000000-0000 is not in the Projects table"
    );
  });

  it("IND_ID_DUPLICATE: the same id twice in one project (spacing aside), not across projects", () => {
    const items = seedItems();
    items[5].id = " ตัวอย่าง-001";
    const issues = only(check(items), "IND_ID_DUPLICATE");
    expect(issues.map((issue) => [issue.cell, issue.severity])).toEqual([["B7", "error"]]);
    expect(issues[0].message.th).toBe(
      "โครงการ 21000000-3165 รายการ ตัวอย่าง-001: รหัส ตัวอย่าง-001 ซ้ำกับรายการที่ B2"
    );
  });

  it("IND_OUTCOME_UNKNOWN and IND_OUTCOME_MISSING", () => {
    const items = seedItems();
    items[0].outcome = "ผ่านแบบมีเงื่อนไข?";
    items[1].outcome = "ดีมาก";
    items[2].outcome = null;
    const issues = check(items);
    const unknown = only(issues, "IND_OUTCOME_UNKNOWN");
    // "ผ่านแบบมีเงื่อนไข" starts like the alias "ผ่าน": recognised as met. "ดีมาก" is not.
    expect(unknown.map((issue) => [issue.cell, issue.severity])).toEqual([["G3", "error"]]);
    expect(unknown[0].message.th).toContain(
      'ผลการประเมิน "ดีมาก" ไม่อยู่ในรายการ (ผ่านค่าเป้าหมายขั้นต่ำ, ต่ำกว่าค่าเป้าหมาย'
    );
    expect(
      only(issues, "IND_OUTCOME_MISSING").map((issue) => [issue.cell, issue.severity])
    ).toEqual([["G4", "warning"]]);
  });

  it("an outcome cell holding #N/A is an Excel error, not also a missing outcome", () => {
    const items = seedItems();
    items[3].outcome = "#N/A";
    const issues = check(items).filter((issue) => issue.cell === "G5");
    expect(issues.map((issue) => issue.code)).toEqual(["CELL_EXCEL_ERROR"]);
  });

  it("IND_COUNT_MISMATCH: 430 items listed against a target count of 431", () => {
    const issues = check(seedItems().slice(1));
    const [issue] = only(issues, "IND_COUNT_MISMATCH");
    expect(issue).toMatchObject({ severity: "warning", cell: "A2" });
    expect(issue.message.th).toBe(
      "โครงการ 21000000-3165: มี 430 รายการ แต่จำนวนเป้าหมายของโครงการคือ 431"
    );
  });

  it("IND_EVALUATED_ABOVE_PLANNED: the excluded items evaluated after all, 441 > 431", () => {
    const items = seedItems();
    for (let extra = 0; extra < 10; extra++)
      items.push({ projectCode: SEED_000_CODE, id: `extra-${extra}`, outcome: "ผ่านค่าเป้าหมายขั้นต่ำ" });
    for (const item of items) if (item.outcome === "ไม่ประเมิน") item.outcome = "ผ่านค่าเป้าหมายขั้นต่ำ";
    const issues = check(items);
    const [issue] = only(issues, "IND_EVALUATED_ABOVE_PLANNED");
    expect(issue).toMatchObject({ severity: "error", cell: "G442" });
    expect(issue.message.en).toBe(
      "Project 21000000-3165: 441 items evaluated, more than the 431 planned"
    );
    expect(only(issues, "IND_COUNT_MISMATCH")).toEqual([]);
  });

  it("take the workbook's own outcome categories (seed 001's missions)", () => {
    const projects = rawTableFromRows("projects", [
      { code: "21000000-6549", name: "ภารกิจ", targetCount: 42 },
    ]);
    const missions = Array.from({ length: 42 }, (_, index) => ({
      projectCode: "21000000-6549",
      id: `ภารกิจ-${index + 1}`,
      outcome: index < 11 ? "ปัญหาอยู่นอกเหนืออำนาจหน้าที่" : "ดำเนินการได้",
    }));
    const result = checkTables({
      projects,
      indicators: rawTableFromRows("indicators", missions),
      vocabularies: SEED_001_VOCABULARIES,
    });
    expect(result.issues).toEqual([]);
    expect(result.records.indicators.filter((item) => item.outcome?.key === "beyond")).toHaveLength(
      11
    );
  });
});
