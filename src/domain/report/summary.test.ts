import { checkTables } from "../check";
import { SAMPLE_TABLES, SEED_000_CODE, SEED_001_CODE } from "../sample";
import type { Issue, LayoutCell, SheetLayout } from "../types";
import { buildIssuesSheet } from "./issues";
import { buildSummaryReport } from "./summary";

const { records, issues } = checkTables(SAMPLE_TABLES);
const at = (layout: SheetLayout, row: number, col: number): LayoutCell | undefined =>
  layout.cells.find((c) => c.row === row && c.col === col);

describe("buildSummaryReport", () => {
  const layout = buildSummaryReport(records.projects, records.rounds, records.indicators, {
    lang: "th",
    reportSheets: { [SEED_000_CODE]: SEED_000_CODE, [SEED_001_CODE]: "Seed 001" },
  });

  it("has one row per project with its latest round, date, progress, plan status and tally", () => {
    const row000 = layout.cells.find((c) => c.col === 1 && c.value === SEED_000_CODE)?.row ?? -1;
    expect(at(layout, row000, 4)?.value).toBe(11);
    expect(at(layout, row000, 5)?.value).toBe(44061);
    expect(at(layout, row000, 6)?.value).toBe(100);
    expect(at(layout, row000, 7)?.value).toBe("เป็นไปตามแผน");
    expect(at(layout, row000, 8)?.value ?? null).toBeNull(); // 0 baht received: no rate, not 0 %
    expect(at(layout, row000, 9)?.value).toBe("409/6/3/3 (+10)\n97.15%");
    expect(at(layout, row000, 1)?.link).toEqual({ sheet: SEED_000_CODE, cell: "A1" });
    const row001 = layout.cells.find((c) => c.col === 1 && c.value === SEED_001_CODE)?.row ?? -1;
    expect(at(layout, row001, 4)?.value).toBe(8);
    expect(at(layout, row001, 6)?.value).toBe(100);
    expect(at(layout, row001, 9)?.value).toBe("");
    expect(at(layout, row001, 1)?.link).toEqual({ sheet: "Seed 001", cell: "A1" });
  });

  it("prints landscape, one page wide, with a frozen, repeated header", () => {
    expect(layout.page?.orientation).toBe("landscape");
    expect(layout.page?.fitToPagesWide).toBe(1);
    expect(layout.freezeRows).toBe(2);
    expect(layout.page?.printTitleRows).toEqual([1, 1]);
    expect(layout.origin?.kind).toBe("summary");
    expect(layout.name).toBe("สรุปทุกโครงการ");
  });
});

describe("buildIssuesSheet", () => {
  it("lists issues errors first, with links to their cells and severity fills", () => {
    const planted: Issue[] = [
      ...issues,
      {
        code: "X_ERROR",
        severity: "error",
        table: "rounds",
        row: 4,
        field: "progress",
        sheet: "Rounds 'A'",
        cell: "E7",
        message: { th: "<b>ผิด</b>", en: "wrong" },
      },
    ];
    const layout = buildIssuesSheet(planted, "th");
    expect(layout.freezeRows).toBe(2);
    const first = layout.cells.filter((c) => c.row === 2);
    expect(first.find((c) => c.col === 1)?.value).toBe("ข้อผิดพลาด");
    expect(layout.styles[first.find((c) => c.col === 1)?.style ?? ""]?.fill).toBe("#F8CBAD");
    expect(first.find((c) => c.col === 5)?.link).toEqual({ sheet: "Rounds 'A'", cell: "E7" });
    expect(first.find((c) => c.col === 6)?.value).toBe("<b>ผิด</b>");
    expect(first.find((c) => c.col === 4)?.value).toBe("ความก้าวหน้าของงาน (%)");
    // The row column is the sheet row of the cell beside it (E7 → 7), not the data row (5).
    expect(first.find((c) => c.col === 3)?.value).toBe(7);
    // Notes are called what the task pane calls them.
    const noteRow = layout.cells.find((c) => c.col === 1 && c.value === "หมายเหตุ");
    expect(noteRow).toBeDefined();
    expect(layout.cells.some((c) => c.value === "ข้อสังเกต")).toBe(false);
    const severities = layout.cells.filter((c) => c.col === 1 && c.row >= 2).map((c) => c.value);
    expect(severities).toHaveLength(planted.length);
    expect(severities.lastIndexOf("ข้อผิดพลาด")).toBeLessThan(severities.indexOf("คำเตือน"));
    expect(layout.merges).toHaveLength(1);
  });

  it("says so when there are no issues", () => {
    const layout = buildIssuesSheet([], "en");
    expect(layout.cells.some((c) => c.value === "No issues found")).toBe(true);
    expect(layout.name).toBe("Data issues");
  });
});
