import { sampleReport } from "../../../test/fixtures/reports";
import { SEED_000_CODE } from "../../domain/sample";
import type { SheetLayout } from "../../domain/types";
import { escapeHtml, layoutToHtml, layoutsToHtmlDocument } from ".";

const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quotes'`;

const small: SheetLayout = {
  name: `Sheet"<x>`,
  columnWidths: [40, 60, 80, 30],
  rowHeights: { 0: 30 },
  cells: [
    { row: 0, col: 0, value: hostile, style: "evil" },
    { row: 1, col: 0, value: 43801, style: "date" },
    { row: 1, col: 1, value: 0.9715, style: "rate" },
    { row: 1, col: 2, value: "link", link: { sheet: `a"b`, cell: "E7" } },
    { row: 1, col: 3, value: "hidden" },
    { row: 2, col: 0, formula: "=A2+1", value: 43802, style: "date" },
  ],
  merges: [
    { row: 0, col: 0, rows: 1, cols: 3 },
    { row: 1, col: 1, rows: 2, cols: 1 },
  ],
  styles: {
    evil: {
      fontName: `x";}</style><script>`,
      color: "red;background:url(x)",
      fill: "#FFE699",
      bold: true,
      wrap: true,
    },
    date: {
      numberFormat: "[$-107041E]d mmmm yyyy",
      hAlign: "center",
      border: { top: true, bottom: true },
    },
    rate: { numberFormat: "0.00%" },
  },
  hiddenColumns: [3],
};

describe("layoutToHtml", () => {
  const html = layoutToHtml(small);

  it("escapes every text and attribute taken from the layout", () => {
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;quotes&#39;"
    );
    expect(html).toContain(`data-sheet="Sheet&quot;&lt;x&gt;"`);
    expect(html).toContain(`data-link-sheet="a&quot;b"`);
    expect(html).not.toContain("url(x)"); // an invalid colour is dropped, not passed to CSS
    expect(html).not.toContain("</style><script>");
    expect(escapeHtml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&#39;");
  });

  it("turns merges into colspan/rowspan and skips hidden columns", () => {
    expect(html).toMatch(/<td colspan="3" style="[^"]*font-weight:bold[^"]*background:#FFE699/);
    expect(html).toMatch(/<td rowspan="2"/);
    expect(html).not.toContain(">hidden<");
    expect((html.match(/<col /g) ?? []).length).toBe(3);
    expect(html).toContain('<tr style="height:30pt">');
  });

  it("renders number formats as Excel shows them: BE dates, percents", () => {
    expect(html).toContain(">2 ธันวาคม 2562<");
    expect(html).toContain(">97.15%<");
    expect(html).toContain(">3 ธันวาคม 2562<"); // the formula's cached value
    expect(html).toContain('data-formula="=A2+1"');
  });

  it("draws the report's chart as an inline SVG, and the seed report as one table", () => {
    const layout = sampleReport(SEED_000_CODE, { chart: true });
    const doc = layoutsToHtmlDocument([layout]);
    expect(doc.startsWith("<!doctype html>")).toBe(true);
    expect((doc.match(/<svg /g) ?? []).length).toBe(1);
    expect((doc.match(/<circle /g) ?? []).length).toBe(11);
    expect(doc).toContain(">แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ<");
    expect(doc).toContain(">18/08/2563<");
    expect(doc).toContain(">97.15%<");
    expect((doc.match(/<table /g) ?? []).length).toBe(1);
  });
});
