import ExcelJS from "exceljs";
import { cellAddress, rangeCorners } from "../../domain/a1";
import { checkTables } from "../../domain/check";
import { buildProjectReport, buildSummaryReport } from "../../domain/report";
import { SAMPLE_TABLES, SEED_000_CODE, SEED_001_CODE } from "../../domain/sample";
import type { CellValue, ChartSpec, SheetLayout } from "../../domain/types";
import { readWorkbookGrids } from "../../workbook/xlsx/grids";
import { decodeXml } from "../../workbook/xlsx/xmlScanner";
import { findEntry, openZip, readEntryText, type ZipArchive } from "../../workbook/xlsx/zip";
import { layoutsToWorkbook, layoutsToXlsx } from ".";

const { records } = checkTables(SAMPLE_TABLES);
const report = (code: string, lang: "th" | "en"): SheetLayout => {
  const project = records.projects.find((p) => p.code === code);
  if (!project) throw new Error(`seed ${code} missing`);
  return buildProjectReport({
    project,
    rounds: records.rounds,
    indicators: records.indicators,
    options: { mode: "values", lang, chart: true },
  });
};

/** A hostile sheet: a name with a quote and an ampersand, two series, a gap, text categories. */
const planned: SheetLayout = {
  name: "แผน 'A' & <B>",
  columnWidths: [60, 60, 60],
  rowHeights: {},
  cells: [
    { row: 20, col: 0, value: "ครั้งที่ 1" },
    { row: 21, col: 0, value: "ครั้งที่ 2" },
    { row: 22, col: 0, value: "ครั้งที่ 3" },
    { row: 20, col: 1, value: 10 },
    { row: 21, col: 1, value: null },
    { row: 22, col: 1, formula: "=B21+20", value: 30 },
    { row: 20, col: 2, value: 15 },
    { row: 21, col: 2, value: 30.5 },
    { row: 22, col: 2, value: "n/a" },
  ],
  merges: [],
  styles: {},
  charts: [
    {
      type: "line",
      title: "ผล & แผน <%>",
      categories: "A21:A23",
      series: [
        { name: "ผล", values: "B21:B23" },
        { name: "แผน", values: "C21:C23" },
      ],
      topLeft: "B2",
      bottomRight: "D12",
      valueAxis: { min: 0, max: 100, numberFormat: "0" },
    },
  ],
};

async function text(zip: ZipArchive, part: string): Promise<string> {
  const entry = findEntry(zip, part);
  if (!entry) throw new Error(`${part} is not in the package`);
  return readEntryText(zip, entry);
}

/** Relationship id → target part (resolved against the source part's folder). */
async function relationships(zip: ZipArchive, part: string): Promise<Map<string, string>> {
  const slash = part.lastIndexOf("/");
  const folder = part.slice(0, slash);
  const xml = await text(zip, `${folder}/_rels/${part.slice(slash + 1)}.rels`);
  const result = new Map<string, string>();
  for (const [, id, target] of xml.matchAll(
    /<Relationship Id="([^"]+)" Type="[^"]+" Target="([^"]+)"/g
  )) {
    const parts = `${folder}/${target}`.split("/");
    const resolved: string[] = [];
    for (const p of parts)
      if (p === "..") resolved.pop();
      else resolved.push(p);
    result.set(id, resolved.join("/"));
  }
  return result;
}

const decode = decodeXml;

/** The chart of each sheet that has one, found by following the package's relationships. */
async function chartsOfPackage(bytes: Uint8Array) {
  const zip = openZip(bytes);
  const types = await text(zip, "[Content_Types].xml");
  const workbookRels = await relationships(zip, "xl/workbook.xml");
  const sheets = [
    ...(await text(zip, "xl/workbook.xml")).matchAll(
      /<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]+)"/g
    ),
  ];
  const found: {
    sheet: string;
    drawing: string;
    chart: string;
    chartXml: string;
    drawingXml: string;
  }[] = [];
  for (const [, name, rid] of sheets) {
    const sheetPart = workbookRels.get(rid) ?? "";
    const sheetXml = await text(zip, sheetPart);
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
    if (!drawingId) continue;
    const drawing = (await relationships(zip, sheetPart)).get(drawingId) ?? "";
    const drawingXml = await text(zip, drawing);
    const drawingRels = await relationships(zip, drawing);
    for (const [, chartId] of drawingXml.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)) {
      const chart = drawingRels.get(chartId) ?? "";
      found.push({
        sheet: decode(name),
        drawing,
        chart,
        chartXml: await text(zip, chart),
        drawingXml,
      });
      expect(types).toContain(
        `<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`
      );
    }
    expect(types).toContain(
      `<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`
    );
    // <drawing> sits where CT_Worksheet puts it: after the page setup and breaks.
    expect(sheetXml.indexOf("<drawing ")).toBeGreaterThan(sheetXml.lastIndexOf("</sheetData>"));
    for (const before of ["<pageSetup", "<headerFooter", "<rowBreaks"])
      expect(sheetXml.indexOf("<drawing ")).toBeGreaterThan(sheetXml.indexOf(before));
  }
  // Every part a content type names is in the package.
  for (const [, part] of types.matchAll(/PartName="\/([^"]+)"/g))
    expect(findEntry(zip, part)).toBeDefined();
  return found;
}

/** The refs and cached points of a chart part's series, in order. */
function seriesOf(chartXml: string) {
  return [...chartXml.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map(([, ser]) => {
    const ref = (tag: string) => {
      const block = new RegExp(`<c:${tag}>(.*?)</c:${tag}>`).exec(ser)?.[1] ?? "";
      const points: Record<number, string> = {};
      for (const [, idx, v] of block.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g))
        points[Number(idx)] = decode(v);
      return {
        f: decode(/<c:f>([^<]*)<\/c:f>/.exec(block)?.[1] ?? ""),
        count: Number(/<c:ptCount val="(\d+)"\/>/.exec(block)?.[1]),
        points,
      };
    };
    return {
      name: decode(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/.exec(ser)?.[1] ?? ""),
      cat: ref("cat"),
      val: ref("val"),
    };
  });
}

function cellsOf(layout: SheetLayout, range: string): CellValue[] {
  const c = rangeCorners(range);
  if (!c) throw new Error(range);
  const out: CellValue[] = [];
  for (let r = c.top; r <= c.bottom; r++)
    out.push(layout.cells.find((cell) => cell.row === r && cell.col === c.left)?.value ?? null);
  return out;
}

function expectSeries(chartXml: string, layout: SheetLayout, sheet: string, spec: ChartSpec): void {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const abs = (range: string) => range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  const series = seriesOf(chartXml);
  expect(series.map((s) => s.name)).toEqual(spec.series.map((s) => s.name));
  series.forEach((s, i) => {
    expect(s.val.f).toBe(`${quoted}!${abs(spec.series[i].values)}`);
    expect(s.cat.f).toBe(`${quoted}!${abs(spec.categories)}`);
    const values = cellsOf(layout, spec.series[i].values);
    expect(s.val.count).toBe(values.length);
    // Numbers are cached; blanks and text are gaps, not zeros.
    values.forEach((v, k) =>
      expect(s.val.points[k]).toBe(typeof v === "number" ? String(v) : undefined)
    );
    const categories = cellsOf(layout, spec.categories);
    expect(s.cat.count).toBe(categories.length);
    categories.forEach((v, k) => expect(s.cat.points[k]).toBe(v === null ? undefined : String(v)));
  });
}

describe("the charts of the .xlsx", () => {
  const th = report(SEED_000_CODE, "th");
  const en = report(SEED_001_CODE, "en");
  const summary = buildSummaryReport(records.projects, records.rounds, records.indicators, {
    lang: "th",
  });

  it("are DrawingML chart parts over the cells the Excel renderer puts them on, with the same series", async () => {
    const layouts = [summary, th, planned, en];
    const bytes = await layoutsToXlsx(layouts, { created: new Date(0) });
    const charts = await chartsOfPackage(bytes);
    expect(charts.map((c) => c.sheet)).toEqual([th.name, "แผน 'A' & <B>", en.name]);
    expect(new Set(charts.map((c) => c.chart)).size).toBe(3);
    for (const [i, layout] of [th, planned, en].entries()) {
      const spec = layout.charts?.[0];
      if (!spec) throw new Error("no chart");
      const { chartXml, drawingXml } = charts[i];
      expect(decode(chartXml)).toContain(`<a:t>${spec.title}</a:t>`);
      expect(chartXml).toContain("<c:lineChart>");
      expectSeries(chartXml, layout, charts[i].sheet, spec);
      // Anchored from the top-left corner of topLeft to the bottom-right corner of bottomRight.
      const from = rangeCorners(spec.topLeft);
      const to = rangeCorners(spec.bottomRight);
      expect(drawingXml).toContain(
        `<xdr:from><xdr:col>${from?.left}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from?.top}</xdr:row>`
      );
      expect(drawingXml).toContain(
        `<xdr:to><xdr:col>${(to?.right ?? 0) + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${(to?.bottom ?? 0) + 1}</xdr:row>`
      );
      if (spec.valueAxis?.max !== undefined)
        expect(chartXml).toContain(`<c:max val="${spec.valueAxis.max}"/>`);
    }
    expect(seriesOf(charts[1].chartXml)).toHaveLength(2);
  });

  it("leave the sheets as they were: no note where the chart is, the same cells for ExcelJS and Kaona's reader", async () => {
    const layouts = [th, planned];
    const bytes = await layoutsToXlsx(layouts, { created: new Date(0) });
    const plain = new Uint8Array(
      (await layoutsToWorkbook(layouts, { created: new Date(0) }).xlsx.writeBuffer()) as ArrayBuffer
    );
    const [withCharts, without] = [await readWorkbookGrids(bytes), await readWorkbookGrids(plain)];
    expect(withCharts.map((g) => g.values)).toEqual(without.map((g) => g.values));
    expect(withCharts.map((g) => g.merges)).toEqual(without.map((g) => g.merges));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet(th.name);
    const spec = th.charts?.[0];
    const corner = spec && rangeCorners(spec.topLeft);
    if (!sheet || !corner) throw new Error("sheet or chart missing");
    for (let r = corner.top; r < corner.top + 14; r++)
      expect(sheet.getCell(cellAddress(r, corner.left)).value).toBeNull();
    expect(sheet.getCell("A1").value).toBe("แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ");
  });

  it("writes no drawing when no layout has a chart", async () => {
    const noChart = { ...th, charts: undefined };
    const bytes = await layoutsToXlsx([noChart], { created: new Date(0) });
    expect(await chartsOfPackage(bytes)).toEqual([]);
    expect([...openZip(bytes).entries.keys()].some((n) => /drawing|chart/.test(n))).toBe(false);
  });
});
