import { sampleReport } from "../../test/fixtures/reports";
import { SEED_001_CODE } from "../domain/sample";
import { planSheet } from "./sheetPlan";

describe("planSheet: rows Excel autofits after writing", () => {
  const layout = sampleReport(SEED_001_CODE);
  const result = planSheet(layout);
  if (!result.ok) throw new Error(result.problem);
  const rows = new Set(
    result.plan.autofitRows.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i))
  );

  it("lists the rounds table (wrapped, unmerged) from its header to the last round", () => {
    const header = layout.page!.printTitleRows![0];
    const roundRows = layout.cells
      .filter((c) => c.col === 0 && c.style?.startsWith("round."))
      .map((c) => c.row);
    for (const row of [header, ...roundRows]) expect(rows.has(row)).toBe(true);
  });

  it("leaves out every row with a merged area (headings, lines, paragraphs, certification)", () => {
    for (const m of layout.merges)
      for (let r = m.row; r < m.row + m.rows; r++) expect(rows.has(r)).toBe(false);
    const title = layout.cells.find(
      (c) => c.value === "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"
    )!;
    expect(rows.has(title.row)).toBe(false);
  });

  it("gives runs in order, none overlapping", () => {
    const runs = result.plan.autofitRows;
    expect(runs.length).toBeGreaterThan(0);
    runs.forEach(([a, b], i) => {
      expect(a).toBeLessThanOrEqual(b);
      if (i > 0) expect(a).toBeGreaterThan(runs[i - 1][1] + 1);
    });
  });
});
