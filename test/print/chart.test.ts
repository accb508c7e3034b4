/**
 * The chart of `kaona report --chart` is in the .xlsx: LibreOffice (UNO API) finds it on the
 * report sheet, over the cells the form has it on, with one point per round read from the
 * sheet's chart data, and prints it. The pages with the chart are kept as PNGs in
 * test-output/print/ to look at. Slow (LibreOffice): see docs/report-sheet.md.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { CliIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { rangeCorners } from "../../src/domain/a1";
import { checkTables } from "../../src/domain/check";
import { buildProjectReport } from "../../src/domain/report";
import {
  SAMPLE_TABLES,
  SEED_000_CODE,
  SEED_001_CODE,
  sampleWorkbookTables,
} from "../../src/domain/sample";
import { tempDir, writeWorkbook } from "../fixtures/xlsx";
import { loCharts, makeFonts, toPdf, type LoChart } from "./office";

const OUT = join(__dirname, "..", "..", "test-output", "print");
const quiet: CliIO = {
  stdout: () => undefined,
  stderr: () => undefined,
  now: () => new Date(2024, 0, 1),
};

/** The form's chart of a seed (where the report puts it and what it reads). */
function formChart(code: string, lang: "th" | "en") {
  const { records } = checkTables(SAMPLE_TABLES);
  const project = records.projects.find((p) => p.code === code);
  if (!project) throw new Error(`seed ${code} missing`);
  const layout = buildProjectReport({
    project,
    rounds: records.rounds,
    indicators: records.indicators,
    options: { mode: "values", lang, chart: true },
  });
  const spec = layout.charts?.[0];
  if (!spec) throw new Error("no chart");
  const cellValue = (row: number, col: number) =>
    layout.cells.find((c) => c.row === row && c.col === col)?.value ?? null;
  const column = (range: string) => {
    const c = rangeCorners(range);
    if (!c) throw new Error(range);
    return Array.from({ length: c.bottom - c.top + 1 }, (_, i) => cellValue(c.top + i, c.left));
  };
  return {
    spec,
    categories: column(spec.categories),
    values: spec.series.map((s) => column(s.values)),
  };
}

describe("the chart of the CLI's .xlsx, opened and printed by LibreOffice", () => {
  let found: { file: string; sheets: { name: string; charts: LoChart[] }[] }[];
  let pngs: string[] = [];
  let remove: () => void;

  beforeAll(
    async () => {
      const temp = tempDir();
      remove = temp.remove;
      makeFonts();
      const sample = sampleWorkbookTables();
      const book = join(temp.dir, "book.xlsx");
      await writeWorkbook(book, [
        { table: sample.projects },
        { table: sample.rounds },
        { table: sample.indicators },
      ]);
      const files = ["th", "en"].map((lang) => join(temp.dir, `chart-${lang}.xlsx`));
      await main(["report", book, "--all", "--chart", "--lang", "th", "-o", files[0]], quiet);
      await main(
        ["report", book, "--project", SEED_001_CODE, "--chart", "--lang", "en", "-o", files[1]],
        quiet
      );
      found = loCharts(files);
      mkdirSync(OUT, { recursive: true });
      for (const { pdf } of toPdf(OUT, files)) {
        // Each page with the chart on it (the form's heading and the chart's own title, which
        // LibreOffice draws as text), as a PNG.
        const pages = execFileSync("pdfinfo", [pdf], { encoding: "utf8" }).match(
          /Pages:\s+(\d+)/
        )?.[1];
        for (let page = 1; page <= Number(pages); page++) {
          const text = execFileSync("pdftotext", ["-f", `${page}`, "-l", `${page}`, pdf, "-"], {
            encoding: "utf8",
          });
          const titles =
            text.match(/ความก้าวหน้า ?ของงาน \(%\) รายคร|Progress \(%\) by round/g) ?? [];
          if (titles.length < 2) continue;
          const base = pdf.replace(/\.pdf$/, `-chart-p${page}`);
          execFileSync("pdftoppm", [
            "-r",
            "60",
            "-png",
            "-singlefile",
            "-f",
            `${page}`,
            "-l",
            `${page}`,
            pdf,
            base,
          ]);
          pngs.push(`${base}.png`);
        }
      }
    },
    10 * 60 * 1000
  );
  afterAll(() => remove?.());

  const chartsOf = (file: string, sheet: string) =>
    found.find((f) => f.file.endsWith(file))?.sheets.find((s) => s.name === sheet)?.charts ?? [];

  it.each([
    ["chart-th.xlsx", SEED_000_CODE, "th"],
    ["chart-th.xlsx", SEED_001_CODE, "th"],
    ["chart-en.xlsx", SEED_001_CODE, "en"],
  ] as const)(
    "%s, sheet %s: one line chart over the form's chart cells, a point per round",
    (file, code, lang) => {
      const charts = chartsOf(file, code);
      expect(charts).toHaveLength(1);
      const [chart] = charts;
      const form = formChart(code, lang);
      expect(chart.title).toBe(form.spec.title);
      const from = rangeCorners(form.spec.topLeft);
      const to = rangeCorners(form.spec.bottomRight);
      expect(chart.place?.from).toMatchObject({ row: from?.top, col: from?.left });
      expect(chart.place?.to).toMatchObject({ row: to?.bottom, col: to?.right });
      // Its top-left corner is the cell's (within a millimetre).
      expect(chart.place?.from.dx).toBeLessThan(100);
      expect(chart.place?.from.dy).toBeLessThan(100);
      expect(chart.categories?.values).toEqual(form.categories);
      expect(chart.categories?.range).toContain(
        form.spec.categories.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")
      );
      expect(chart.series.map((s) => s.type)).toEqual(
        form.values.map(() => "com.sun.star.chart2.LineChartType")
      );
      chart.series.forEach((s, i) => {
        expect(s.sequences["values-y"].values).toEqual(form.values[i]);
        expect(s.sequences["values-y"].range).toContain(
          form.spec.series[i].values.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")
        );
      });
      expect(form.categories.length).toBeGreaterThan(3);
    }
  );

  it("puts no chart on the summary sheet", () => {
    expect(chartsOf("chart-th.xlsx", "สรุปทุกโครงการ")).toEqual([]);
  });

  it("prints the chart: a page of each file has the chart's title under the form's heading", () => {
    expect(pngs.filter((p) => p.includes("chart-th"))).not.toHaveLength(0);
    expect(pngs.filter((p) => p.includes("chart-en"))).not.toHaveLength(0);
    expect(readdirSync(OUT)).toEqual(
      expect.arrayContaining(pngs.map((p) => p.slice(OUT.length + 1)))
    );
  });
});
