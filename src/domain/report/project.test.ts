import { sampleCheck, sampleProject, sampleReport } from "../../../test/fixtures/reports";
import { SEED_000_CODE, SEED_001_CODE } from "../sample";
import type { LayoutCell, Project, Round, SheetLayout } from "../types";
import { rangeCorners } from "../a1";
import { buildProjectReport, type ReportOptions } from "./project";
import { FONT_PROFILES } from "./sheet";

const { records } = sampleCheck;
const project = sampleProject;
const values: ReportOptions = { mode: "values", lang: "th", chart: false };
const report = sampleReport;

const cellAt = (layout: SheetLayout, row: number, col: number): LayoutCell | undefined =>
  layout.cells.find(
    (c) => c.row === row && c.col === col && (c.value !== undefined || c.formula !== undefined)
  );
const rowOfText = (layout: SheetLayout, text: string): number => {
  const cell = layout.cells.find((c) => typeof c.value === "string" && c.value === text);
  if (!cell) throw new Error(`no cell "${text}"`);
  return cell.row;
};
/** The rounds table: rows whose column A holds a round number under the header. */
const roundRows = (layout: SheetLayout) => {
  const header = layout.page?.printTitleRows?.[0] ?? -1;
  return layout.cells.filter(
    (c) =>
      c.col === 0 &&
      c.row > header &&
      typeof c.value === "number" &&
      (c.style ?? "").startsWith("round.")
  );
};

describe("buildProjectReport: seed 000 (indicator project, 11 rounds)", () => {
  const layout = report(SEED_000_CODE);

  it("reproduces the form's title, sections and 1.1 lines with BE dates", () => {
    const texts = layout.cells
      .map((c) => c.value)
      .filter((v): v is string => typeof v === "string");
    expect(texts[0]).toBe("แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ");
    expect(texts).toContain("1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ");
    expect(texts).toContain("รหัสโครงการ : 21000000-3165");
    expect(texts).toContain("ปีงบประมาณ พ.ศ. : 2563");
    expect(texts).toContain("เริ่มต้นโครงการ : 1 ตุลาคม 2562");
    expect(texts).toContain("สิ้นสุดโครงการ : 29 กันยายน 2563");
    expect(texts).toContain("งบประมาณที่ได้รับ : 0.00 บาท");
    expect(texts).toContain("ชื่อผู้รับผิดชอบ : นายกิตติศักดิ์ ภัคดี");
    expect(texts).toContain("ผู้ประสานงาน สยป. : นายบุญเยี่ยม เหลาสะอาด");
    expect(texts.some((t) => t.startsWith("ประเด็นยุทธศาสตร์ : ด้านที่ ๕"))).toBe(true);
    expect(texts).toContain("2. รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ");
    expect(texts.some((t) => t.startsWith("ขอรับรองว่า ข้อมูลที่ปรากฏในเอกสารฉบับนี้"))).toBe(true);
    expect(texts.some((t) => t.startsWith("ลงชื่อ") && t.endsWith("(ผู้รับผิดชอบโครงการ)"))).toBe(true);
    expect(texts.some((t) => t.startsWith("ตำแหน่ง"))).toBe(true);
  });

  it("lists the 11 rounds with BE date formats, ending at 100.00 %", () => {
    const rows = roundRows(layout);
    expect(rows.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const progress = rows.map((c) => cellAt(layout, c.row, 3)?.value);
    expect(progress).toEqual([10, 25, 25, 25, 30, 30, 40, 60, 75, 85, 100]);
    const first = cellAt(layout, rows[0].row, 1);
    expect(first?.value).toBe(43801); // 2 Dec 2019 = 2/12/2562
    expect(layout.styles[first?.style ?? ""]?.numberFormat).toBe("[$-1070000]d/mm/yyyy");
    expect(cellAt(layout, rows[10].row, 1)?.value).toBe(44061); // 18 Aug 2020 = 18/08/2563
    expect(layout.styles[cellAt(layout, rows[10].row, 3)?.style ?? ""]?.numberFormat).toBe("0.00");
    expect(cellAt(layout, rows[0].row, 5)?.value).toBe("เป็นไปตามแผน");
    expect(cellAt(layout, rows[0].row, 6)?.value).toBe("เป็นไปตามเป้าหมาย");
    expect(cellAt(layout, rows[0].row, 4)?.value).toBe(0);
  });

  it("tallies the outcomes 409/6/3/3 (+10 excluded) and names each rate's denominator", () => {
    const countRight = (label: string) => cellAt(layout, rowOfText(layout, label), 3)?.value;
    expect(countRight("จำนวนตามเป้าหมาย (แผน)")).toBe(431);
    expect(countRight("ผ่านค่าเป้าหมายขั้นต่ำ")).toBe(409);
    expect(countRight("ต่ำกว่าค่าเป้าหมาย")).toBe(6);
    expect(countRight("ไม่มีความจำเป็นต้องดำเนินการ")).toBe(3);
    expect(countRight("ไม่มีบริการสาธารณะ")).toBe(3);
    expect(countRight("ไม่ประเมิน")).toBe(10);
    expect(countRight("รวมที่ประเมิน")).toBe(421);
    const rate = (label: string) => {
      const row = rowOfText(layout, label);
      return {
        value: cellAt(layout, row, 3)?.value as number,
        basis: cellAt(layout, row, 5)?.value,
        format: layout.styles[cellAt(layout, row, 3)?.style ?? ""]?.numberFormat,
      };
    };
    const evaluated = rate("ร้อยละที่ผ่าน เทียบกับจำนวนที่ประเมิน");
    expect(evaluated.value).toBeCloseTo(0.9715, 4);
    expect(evaluated.basis).toBe("409 / 421");
    expect(evaluated.format).toBe("0.00%");
    const applicable = rate("ร้อยละที่ผ่าน เทียบกับจำนวนที่ต้องดำเนินการ (ไม่นับที่ไม่จำเป็นและไม่มีบริการ)");
    expect(applicable.value).toBeCloseTo(0.9855, 4);
    expect(applicable.basis).toBe("409 / 415");
    const planned = rate("ร้อยละที่ผ่าน เทียบกับจำนวนตามแผน");
    expect(planned.value).toBeCloseTo(0.949, 4);
    expect(planned.basis).toBe("409 / 431");
  });

  it("prints on A4 portrait, one page wide, the rounds header repeated, page numbers in the footer", () => {
    const page = layout.page;
    expect(page?.paper).toBe("A4");
    expect(page?.orientation).toBe("portrait");
    expect(page?.fitToPagesWide).toBe(1);
    expect(page?.fitToPagesTall).toBe(0);
    expect(page?.centerFooter).toBe("&P / &N");
    const header = page?.printTitleRows?.[0] ?? -1;
    expect(page?.printTitleRows).toEqual([header, header]);
    expect(cellAt(layout, header, 0)?.value).toBe("รายงานครั้งที่");
    expect(cellAt(layout, header, 3)?.value).toBe("ความก้าวหน้าของงาน (%)");
    const lastRow = Math.max(...layout.cells.map((c) => c.row));
    expect(page?.printArea).toBe(`A1:G${lastRow + 1}`);
    // The printed width fits A4 portrait between the margins (8.27" − 1.1" = 516 pt).
    const printed = layout.columnWidths.slice(0, 7).reduce((a, b) => a + b, 0);
    const margins = page ? page.margins.left + page.margins.right : 0;
    expect(printed).toBeLessThanOrEqual((8.27 - margins) * 72 + 1);
    expect(layout.hiddenColumns).toEqual([7, 8]);
    expect(layout.origin).toEqual({
      generator: "kaona",
      kind: "report",
      projectCode: SEED_000_CODE,
      lang: "th",
      mode: "values",
    });
  });

  it("keeps merged areas under Excel's 512 however many rounds there are", () => {
    const narrative = "อยู่ระหว่างดำเนินการจัดเก็บข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัด ".repeat(12);
    const many: Round[] = Array.from({ length: 600 }, (_, i) => ({
      row: i,
      projectCode: SEED_000_CODE,
      round: i + 1,
      narrative,
      progress: i / 6,
      plannedProgress: i / 6,
    }));
    const big = buildProjectReport({
      project: project(SEED_000_CODE),
      rounds: many,
      indicators: records.indicators,
      options: { ...values, chart: true },
    });
    expect(roundRows(big)).toHaveLength(600);
    expect(big.merges.length).toBe(report(SEED_000_CODE, { chart: true }).merges.length);
    expect(big.merges.length).toBeLessThan(512);
  });

  it("keeps merged areas few and apart, inside the sheet, and rows within Excel's limits", () => {
    expect(layout.merges.length).toBeGreaterThan(10);
    expect(layout.merges.length).toBeLessThan(100);
    const taken = new Set<string>();
    for (const m of layout.merges) {
      for (let r = m.row; r < m.row + m.rows; r++) {
        for (let c = m.col; c < m.col + m.cols; c++) {
          expect(taken.has(`${r},${c}`)).toBe(false);
          taken.add(`${r},${c}`);
          expect(c).toBeLessThan(7);
        }
      }
    }
    for (const height of Object.values(layout.rowHeights)) {
      expect(height).toBeGreaterThan(0);
      expect(height).toBeLessThanOrEqual(409);
    }
  });

  it("sizes rows to their wrapped Thai text", () => {
    const rows = roundRows(layout);
    const round1 = layout.rowHeights[rows[0].row]; // "อยู่ระหว่างขั้นตอน..."
    const round2 = layout.rowHeights[rows[1].row]; // a 490-character narrative
    expect(round2).toBeGreaterThan(round1 * 4);
    expect(layout.styles.title.fontName).toBe("TH Sarabun New");
    expect(layout.styles.title.fontSize).toBe(20);
    expect(layout.styles.title.bold).toBe(true);
    expect(layout.defaultFont).toEqual({ name: "TH Sarabun New", size: 16 });
  });
});

describe("buildProjectReport: seed 001 (rounds with holes)", () => {
  const layout = report(SEED_001_CODE);

  it("shows missing progress as blanks, never zeros", () => {
    const rows = roundRows(layout);
    expect(rows.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const progress = rows.map((c) => cellAt(layout, c.row, 3)?.value ?? null);
    expect(progress).toEqual([30, 40, null, null, null, null, null, 100]);
    const round3 = rows[2].row;
    expect(cellAt(layout, round3, 1)?.value ?? null).toBeNull();
    expect(cellAt(layout, round3, 2)?.value ?? "").toBe("");
    expect(cellAt(layout, rows[7].row, 1)?.value).toBe(45097); // 20/06/2566
  });

  it("has no outcome tally without indicators", () => {
    expect(layout.cells.some((c) => c.value === "สรุปผลการประเมินเกณฑ์ชี้วัด")).toBe(false);
  });
});

describe("buildProjectReport options", () => {
  it("writes English labels from the schema in the same layout", () => {
    const en = report(SEED_000_CODE, { lang: "en" });
    const th = report(SEED_000_CODE);
    const texts = en.cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(texts[0]).toBe("Project progress report and project information");
    expect(texts).toContain("Project code : 21000000-3165");
    expect(texts).toContain("Start : 1 October 2019");
    expect(texts).toContain("On plan");
    expect(texts).toContain("Met the minimum target");
    expect(en.merges.length).toBe(th.merges.length);
    expect(en.columnWidths).toEqual(th.columnWidths);
  });

  it("adds a line chart over a data table of the rounds", () => {
    const layout = report(SEED_000_CODE, { chart: true });
    const chart = layout.charts?.[0];
    expect(chart?.type).toBe("line");
    const categories = rangeCorners(chart?.categories ?? "");
    const series = rangeCorners(chart?.series[0].values ?? "");
    expect(categories && series).toBeTruthy();
    if (!categories || !series) return;
    const read = (col: number) => {
      const out: unknown[] = [];
      for (let r = categories.top; r <= categories.bottom; r++)
        out.push(cellAt(layout, r, col)?.value);
      return out;
    };
    expect(read(categories.left)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(read(series.left)).toEqual([10, 25, 25, 25, 30, 30, 40, 60, 75, 85, 100]);
    expect(chart?.series).toHaveLength(1); // no planned progress in the seeds
    const area = rangeCorners(`${chart?.topLeft}:${chart?.bottomRight}`);
    expect(
      area &&
        layout.cells.some((c) => c.row >= area.top && c.row <= area.bottom && c.value !== undefined)
    ).toBe(false);
  });

  it("draws the planned series where rounds have a plan", () => {
    const rounds: Round[] = records.rounds.map((r) =>
      r.projectCode === SEED_000_CODE && r.round !== undefined
        ? { ...r, plannedProgress: r.round * 9 }
        : r
    );
    const layout = buildProjectReport({
      project: project(SEED_000_CODE),
      rounds,
      options: { ...values, chart: true },
    });
    expect(layout.charts?.[0].series.map((s) => s.name)).toEqual(["ผลการดำเนินงาน (%)", "แผน (%)"]);
  });

  it("in live mode writes formulas over the bound tables, cached with the snapshot's values", () => {
    const source = {
      tables: { projects: "KaonaProjects", rounds: "KaonaRounds", indicators: "KaonaIndicators" },
      columns: {
        projects: {
          code: "รหัสโครงการ",
          name: "ชื่อโครงการ/กิจกรรม",
          start: "เริ่มต้นโครงการ",
          targetCount: "จำนวนเป้าหมาย",
        },
        rounds: {
          projectCode: "รหัสโครงการ",
          round: "รายงานครั้งที่",
          date: "วันที่รายงาน",
          progress: "ความก้าวหน้าของงาน (%)",
          narrative: "ผลการดำเนินงาน",
          planStatus: "สถานะตามแผน",
        },
        indicators: { projectCode: "รหัสโครงการ", outcome: "ผลการประเมิน" },
      },
    };
    const live = report(SEED_000_CODE, { mode: "live", source });
    const snapshot = report(SEED_000_CODE);
    expect(live.origin?.mode).toBe("live");
    const formulas = live.cells.filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(40);
    const progress = formulas.find((c) =>
      c.formula?.includes("KaonaRounds[[ความก้าวหน้าของงาน (%)]]")
    );
    expect(progress?.formula).toMatch(
      /^=IF\(\$H\$\d+=0,"",IF\(INDEX\(KaonaRounds\[\[ความก้าวหน้าของงาน \(%\)\]\],\$H\$\d+\)="","",/
    );
    const helper = formulas.find(
      (c) => c.col === 7 && c.formula?.startsWith("=IFERROR(MATCH(1,INDEX((KaonaRounds")
    );
    expect(helper?.value).toBeGreaterThan(0);
    const met = formulas.find((c) => c.formula?.includes('"ผ่านค่าเป้าหมายขั้นต่ำ"'));
    expect(met?.formula).toMatch(
      /^=SUM\(COUNTIFS\(KaonaIndicators\[\[รหัสโครงการ\]\],\$H\$\d+,KaonaIndicators\[\[ผลการประเมิน\]\],\{/
    );
    expect(met?.value).toBe(409);
    // Every cell shows the same cached value in both modes; live narratives are one cell
    // each (a formula cannot be split across rows), so the rounds' narratives are compared whole.
    const header = snapshot.page?.printTitleRows?.[0] ?? 0;
    const liveRounds = roundRows(live);
    for (const row of liveRounds) {
      const round = records.rounds.find(
        (r) => r.projectCode === SEED_000_CODE && r.round === row.value
      );
      expect(cellAt(live, row.row, 2)?.value).toBe(round?.narrative ?? "");
    }
    for (const cell of snapshot.cells) {
      if (cell.value === undefined || cell.row > header) continue;
      const twin = live.cells.find(
        (c) => c.row === cell.row && c.col === cell.col && c.value !== undefined
      );
      expect(twin?.value).toEqual(cell.value);
    }
    // Fields that are not bound stay values (budget, owner).
    expect(
      live.cells.find((c) => c.value === "ชื่อผู้รับผิดชอบ : นายกิตติศักดิ์ ภัคดี")?.formula
    ).toBeUndefined();
  });

  it("sets the report in Laksaman at 0.66 of the size for LibreOffice on Linux", () => {
    const layout = report(SEED_000_CODE, { font: FONT_PROFILES.laksaman });
    expect(layout.styles.title.fontName).toBe("Laksaman");
    expect(layout.styles.title.fontSize).toBe(13);
    expect(layout.defaultFont).toEqual({ name: "Laksaman", size: 10.5 });
  });
});

describe("buildProjectReport on hostile input", () => {
  const huge = "ก้าวหน้า ".repeat(12_500); // 100 KB
  const hostile: Project = {
    row: 0,
    code: "a/b:c*d?[e]'f'-" + "x".repeat(40),
    name: huge,
    rationale: huge,
    objectives: "<script>alert(1)</script>\n\n\n",
    fiscalYear: Number.NaN,
    start: Number.POSITIVE_INFINITY,
    budgetReceived: -0,
  };
  const rounds: Round[] = [
    {
      row: 0,
      projectCode: hostile.code,
      round: 1,
      narrative: huge,
      progress: Number.NaN,
      disbursed: Infinity,
    },
    {
      row: 1,
      projectCode: hostile.code,
      narrative: "no round number",
      planStatus: { key: null, text: "#N/A" },
    },
    { row: 2, projectCode: hostile.code, round: 1, date: -5 },
  ];

  it("does not throw and stays within Excel's limits", () => {
    for (const lang of ["th", "en"] as const) {
      const layout = buildProjectReport({
        project: hostile,
        rounds,
        indicators: [],
        options: { mode: "values", lang, chart: true },
      });
      expect(layout.name.length).toBeLessThanOrEqual(31);
      expect(layout.name).not.toMatch(/[:\\/?*[\]]/);
      expect(layout.merges.length).toBeLessThan(512);
      for (const cell of layout.cells) {
        if (typeof cell.value === "string") expect(cell.value.length).toBeLessThanOrEqual(32767);
      }
      for (const height of Object.values(layout.rowHeights))
        expect(height).toBeLessThanOrEqual(409);
    }
  });

  it("splits a 100 KB narrative into rows under 409 pt without losing text", () => {
    const layout = buildProjectReport({ project: hostile, rounds, options: values });
    const header = layout.page?.printTitleRows?.[0] ?? 0;
    const narrativeCells = layout.cells.filter(
      (c) =>
        c.col === 2 && c.row > header && typeof c.value === "string" && c.value.includes("ก้าวหน้า")
    );
    expect(narrativeCells.every((c) => (layout.rowHeights[c.row] ?? 0) <= 409)).toBe(true);
    const joined = narrativeCells
      .map((c) => c.value as string)
      .join("")
      .replace(/\s+/g, "");
    // Compared by length and ends: a failure must not print 100 KB.
    const whole = huge.replace(/\s+/g, "");
    expect(joined.length).toBe(whole.length);
    expect(joined === whole).toBe(true);
    expect(narrativeCells.length).toBeGreaterThan(20);
  });
});
