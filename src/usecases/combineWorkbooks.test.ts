import type { RawTable } from "../domain/types";
import { planCombine, rowsForTable } from "./combineWorkbooks";

const table = (name: string, headers: string[], rows: RawTable["rows"]): RawTable => ({
  name,
  sheet: name,
  origin: { row: 0, col: 0 },
  headers,
  rows,
});

describe("planCombine and rowsForTable", () => {
  // The workbook's Projects table: the code under a header of the person's own ("เลขโครงการ"),
  // bound to the code field by hand, and a column "หมายเหตุ" of theirs.
  const own = table(
    "ทะเบียน",
    ["เลขโครงการ", "ชื่อโครงการ/กิจกรรม", "หมายเหตุ"],
    [["51000000-0001", "ซ่อมถนน", "ตรวจแล้ว"]]
  );
  const existing = [{ kind: "projects" as const, table: own, columns: { code: 0, name: 1 } }];
  const unit = table(
    "Projects",
    ["รหัสโครงการ", "ชื่อโครงการ/กิจกรรม", "หมายเหตุ", "ผู้บันทึก"],
    [
      ["51000000-0001", "ซ่อมถนน", "ตรวจแล้ว", null],
      ["๕๑๐๐๐๐๐๐-๐๐๐๒", "ขุดลอกคลอง", "", "สมศรี"],
    ]
  );

  it("matches the bound columns as the binding maps them: the same project is already there", () => {
    const plan = planCombine(existing, [{ name: "unit.xlsx", tables: [unit] }]);
    expect(plan.files[0].counts.projects).toEqual({ add: 1, same: 1, conflicts: 0 });
    expect(plan.existing.projects).toBe(1);
    expect(plan.rows.projects.map((row) => row.source)).toEqual([
      { file: "unit.xlsx", sheet: "Projects", row: 3 },
    ]);
  });

  it("lays the rows out for the bound table: fields in their bound columns, others by header, the rest dropped", () => {
    const plan = planCombine(existing, [{ name: "unit.xlsx", tables: [unit] }]);
    const laid = rowsForTable(plan, "projects", {
      headers: own.headers,
      columns: { code: 0, name: 1 },
    });
    expect(laid.values).toEqual([["๕๑๐๐๐๐๐๐-๐๐๐๒", "ขุดลอกคลอง", null]]);
    expect(laid.sources).toBe(false);
    expect(laid.dropped).toEqual(["ผู้บันทึก"]);
  });

  it("a project code written in Thai digits is the same key as in Arabic digits", () => {
    const thai = table(
      "Projects",
      ["รหัสโครงการ", "ชื่อโครงการ/กิจกรรม"],
      [["๕๑๐๐๐๐๐๐-๐๐๐๑", "ซ่อมถนนสายใหม่"]]
    );
    const plan = planCombine(existing, [{ name: "thai.xlsx", tables: [thai] }]);
    expect(plan.conflicts).toEqual([
      expect.objectContaining({
        kind: "projects",
        first: { file: "", sheet: "ทะเบียน", row: 2 },
        second: { file: "thai.xlsx", sheet: "Projects", row: 2 },
        added: false,
      }),
    ]);
    expect(plan.conflicts[0].columns).toContain("ชื่อโครงการ/กิจกรรม");
    expect(plan.rows.projects).toEqual([]);
  });

  it("a file without any of the three tables is listed as such; an unreadable one keeps its message", () => {
    const other = table("Budget", ["ปี", "ยอด"], [[2567, 100]]);
    const plan = planCombine(existing, [
      { name: "budget.xlsx", tables: [other] },
      { name: "old.xls", unreadable: { th: "รูปแบบเก่า", en: "old format" } },
    ]);
    expect(plan.files.map((file) => [file.name, file.status, file.message?.en])).toEqual([
      ["budget.xlsx", "no-tables", undefined],
      ["old.xls", "unreadable", "old format"],
    ]);
  });
});
