/**
 * SheetLayout → HTML markup, for the task pane's report preview (and the PNG check of the
 * layout in Chromium). Plain string building: no DOM, no React. Every text, attribute and
 * style value taken from the layout is escaped or validated, so hostile cell text
 * ("<script>", quotes, ampersands) shows as text and never becomes markup.
 *
 * The sheet becomes one <table>: merged areas are rowspan/colspan cells, column widths
 * and row heights keep their points, styles become inline CSS, number formats are
 * rendered as Excel shows them (BE dates, percents, "#,##0.00"). A ChartSpec becomes an
 * inline SVG line chart spanning the chart's cells.
 */
import type { CellStyle, ChartSpec, LayoutCell, SheetLayout } from "../../domain/types";
import { rangeCorners } from "../../domain/a1";
import { DEFAULT_LINE_EM } from "../../domain/report/measure";
import { formatValue } from "./numberFormat";
import { escapeHtml } from "../escape";

export { formatValue } from "./numberFormat";

/** A face for TH Sarabun New where it is not installed: TLWG's Laksaman (Linux) is the same
 * design drawn 1/0.66 larger in its em, so it is scaled down to take TH Sarabun's room. */
const SARABUN_TWIN = "Kaona Sarabun Twin";
const FONT_FACES =
  `@font-face{font-family:"${SARABUN_TWIN}";src:local("Laksaman");size-adjust:66%}` +
  `@font-face{font-family:"${SARABUN_TWIN}";src:local("Laksaman Bold"),local("Laksaman-Bold");font-weight:bold;size-adjust:66%}`;

/** Fonts tried after the layout's own: TH Sarabun New and PSK, their scaled twin, then
 * Thai-capable system fonts (wider: text may wrap more than in Excel). */
const FONT_FALLBACKS = [
  "TH Sarabun New",
  "TH SarabunPSK",
  SARABUN_TWIN,
  "Leelawadee UI",
  "Tahoma",
  "sans-serif",
];

export interface HtmlOptions {
  /** Extra class on the outer element. */
  className?: string;
  /** Draw light gridlines between cells without borders, like Excel's screen view. */
  gridlines?: boolean;
}

export { escapeHtml };

/** A font family name as a CSS string; characters that could end the declaration are dropped. */
function cssFontName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N} _-]/gu, "").trim();
  return cleaned === "" ? "" : `"${cleaned}"`;
}

function cssColor(color: string | undefined): string | undefined {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : undefined;
}

function cssNumber(n: number | undefined, min: number, max: number): number | undefined {
  return typeof n === "number" && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : undefined;
}

function fontFamily(name: string | undefined): string {
  const names = [name, ...FONT_FALLBACKS].filter(
    (n): n is string => typeof n === "string" && n !== ""
  );
  const unique = [...new Set(names)];
  return unique
    .map((n) => (n === "sans-serif" ? n : cssFontName(n)))
    .filter((n) => n !== "")
    .join(", ");
}

function styleCss(
  style: CellStyle | undefined,
  defaultFont: SheetLayout["defaultFont"],
  isNumber: boolean
): string {
  const parts: string[] = [];
  const size = cssNumber(style?.fontSize ?? defaultFont?.size, 1, 409) ?? 11;
  const name = style?.fontName ?? defaultFont?.name;
  if (name !== defaultFont?.name) parts.push(`font-family:${fontFamily(name)}`);
  parts.push(`font-size:${size}pt`);
  if (style?.bold) parts.push("font-weight:bold");
  if (style?.italic) parts.push("font-style:italic");
  if (style?.underline) parts.push("text-decoration:underline");
  const color = cssColor(style?.color);
  if (color) parts.push(`color:${color}`);
  const fill = cssColor(style?.fill);
  if (fill) parts.push(`background:${fill}`);
  const align = style?.hAlign ?? (isNumber ? "right" : "left");
  parts.push(`text-align:${align}`);
  parts.push(`vertical-align:${style?.vAlign ?? "bottom"}`);
  // Numbers and dates never wrap (Excel shows ### instead); wrapped text breaks between
  // words (the browser's Thai dictionary), inside a word only when it alone is too wide.
  parts.push(
    isNumber
      ? "white-space:nowrap;overflow:hidden"
      : style?.wrap
        ? "white-space:pre-wrap;overflow-wrap:break-word"
        : "white-space:pre;overflow:hidden"
  );
  const indent = cssNumber(style?.indent, 0, 15);
  if (indent) parts.push(`padding-left:${indent * 9 + 2}pt`);
  const b = style?.border;
  if (b?.top) parts.push("border-top:0.75pt solid #000");
  if (b?.bottom) parts.push("border-bottom:0.75pt solid #000");
  if (b?.left) parts.push("border-left:0.75pt solid #000");
  if (b?.right) parts.push("border-right:0.75pt solid #000");
  return parts.join(";");
}

interface Span {
  rows: number;
  cols: number;
  chart?: ChartSpec;
}

/** The sheet as an HTML fragment: a wrapper <div> holding one <table>. */
export function layoutToHtml(layout: SheetLayout, options: HtmlOptions = {}): string {
  const hidden = new Set(layout.hiddenColumns ?? []);
  const cells = new Map<string, LayoutCell>();
  let lastRow = -1;
  let lastCol = layout.columnWidths.length - 1;
  for (const cell of layout.cells) {
    if (!Number.isInteger(cell.row) || !Number.isInteger(cell.col) || cell.row < 0 || cell.col < 0)
      continue;
    cells.set(`${cell.row},${cell.col}`, cell);
    lastRow = Math.max(lastRow, cell.row);
    lastCol = Math.max(lastCol, cell.col);
  }

  // Top-left cell of each merged area (and chart area) → its span; covered cells are skipped.
  const spans = new Map<string, Span>();
  const covered = new Set<string>();
  const claim = (
    top: number,
    left: number,
    rows: number,
    cols: number,
    chart?: ChartSpec
  ): boolean => {
    for (let r = top; r < top + rows; r++) {
      for (let c = left; c < left + cols; c++) {
        const key = `${r},${c}`;
        if (covered.has(key) || spans.has(key)) return false;
      }
    }
    for (let r = top; r < top + rows; r++)
      for (let c = left; c < left + cols; c++) covered.add(`${r},${c}`);
    covered.delete(`${top},${left}`);
    spans.set(`${top},${left}`, { rows, cols, chart });
    lastRow = Math.max(lastRow, top + rows - 1);
    lastCol = Math.max(lastCol, left + cols - 1);
    return true;
  };
  for (const m of layout.merges) {
    if (m.rows >= 1 && m.cols >= 1 && m.row >= 0 && m.col >= 0) claim(m.row, m.col, m.rows, m.cols);
  }
  for (const chart of layout.charts ?? []) {
    const tl = rangeCorners(chart.topLeft);
    const br = rangeCorners(chart.bottomRight);
    if (tl && br) claim(tl.top, tl.left, br.top - tl.top + 1, br.left - tl.left + 1, chart);
  }

  const widthOf = (col: number): number => cssNumber(layout.columnWidths[col], 0, 2000) ?? 48;
  const defaultHeight = (layout.defaultFont?.size ?? 11) * 1.5;
  const visibleCols: number[] = [];
  for (let c = 0; c <= lastCol; c++) if (!hidden.has(c)) visibleCols.push(c);
  const totalWidth = visibleCols.reduce((sum, c) => sum + widthOf(c), 0);

  const out: string[] = [];
  const wrapperClass = ["kaona-sheet", options.className ?? ""]
    .filter((c) => c !== "")
    .map(escapeHtml)
    .join(" ");
  // The line spacing the row heights were computed with (not the page's: Fluent's 20 px
  // lines overlap 21–27 px Thai text with its marks above and below).
  const lineEm = cssNumber(layout.lineEm, 0.8, 3) ?? DEFAULT_LINE_EM;
  const baseFont = `font-family:${fontFamily(layout.defaultFont?.name)};font-size:${cssNumber(layout.defaultFont?.size, 1, 409) ?? 11}pt;line-height:${lineEm}`;
  // A sheet wider than the viewer scrolls inside its own box.
  out.push(
    `<div class="${wrapperClass}" data-sheet="${escapeHtml(layout.name)}" style="max-width:100%;overflow-x:auto"><style>${FONT_FACES}</style>`
  );
  out.push(
    `<table style="${escapeHtml(`border-collapse:collapse;table-layout:fixed;width:${round(totalWidth)}pt;${baseFont};color:#000;background:#fff`)}">`
  );
  out.push("<colgroup>");
  for (const c of visibleCols) out.push(`<col style="width:${round(widthOf(c))}pt">`);
  out.push("</colgroup><tbody>");
  for (let r = 0; r <= lastRow; r++) {
    const height = cssNumber(layout.rowHeights[r], 0, 409) ?? defaultHeight;
    out.push(`<tr style="height:${round(height)}pt">`);
    for (let c = 0; c <= lastCol; c++) {
      const key = `${r},${c}`;
      if (hidden.has(c) || covered.has(key)) continue;
      const span = spans.get(key);
      let colspan = 1;
      if (span) {
        colspan = 0;
        for (let k = c; k < c + span.cols; k++) if (!hidden.has(k)) colspan++;
        if (colspan === 0) continue;
      }
      const attrs: string[] = [];
      if (span && span.rows > 1) attrs.push(`rowspan="${span.rows}"`);
      if (colspan > 1) attrs.push(`colspan="${colspan}"`);
      if (span?.chart) {
        let h = 0;
        for (let k = r; k < r + span.rows; k++)
          h += cssNumber(layout.rowHeights[k], 0, 409) ?? defaultHeight;
        let w = 0;
        for (let k = c; k < c + span.cols; k++) if (!hidden.has(k)) w += widthOf(k);
        out.push(
          `<td ${attrs.join(" ")} style="padding:2pt">${chartSvg(span.chart, layout, cells, w, h)}</td>`
        );
        continue;
      }
      const cell = cells.get(key);
      const style = cell?.style !== undefined ? layout.styles[cell.style] : undefined;
      const isNumber = typeof cell?.value === "number";
      const css = `padding:0 2pt;${styleCss(style, layout.defaultFont, isNumber)}${options.gridlines && !style?.border ? ";outline:0.5pt solid #e0e0e0" : ""}`;
      attrs.push(`style="${escapeHtml(css)}"`);
      if (cell?.formula) attrs.push(`data-formula="${escapeHtml(cell.formula)}"`);
      const text = escapeHtml(formatValue(cell?.value, style?.numberFormat));
      const content = cell?.link
        ? `<a href="#" data-link-sheet="${escapeHtml(cell.link.sheet)}" data-link-cell="${escapeHtml(cell.link.cell)}">${text}</a>`
        : text;
      out.push(`<td ${attrs.join(" ")}>${content}</td>`);
    }
    out.push("</tr>");
  }
  out.push("</tbody></table></div>");
  return out.join("");
}

/** A standalone HTML page of one or more sheets (for screenshots and "open in browser"). */
export function layoutsToHtmlDocument(layouts: readonly SheetLayout[], title = "Kaona"): string {
  const body = layouts
    .map(
      (layout) =>
        `<section><h2 class="kaona-sheet-name">${escapeHtml(layout.name)}</h2>${layoutToHtml(layout)}</section>`
    )
    .join("");
  return (
    `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<style>body{margin:16px;background:#f3f3f3}section{margin-bottom:24px}` +
    `.kaona-sheet{display:inline-block;background:#fff;padding:24px;box-shadow:0 1px 4px rgba(0,0,0,.2)}` +
    `.kaona-sheet-name{font:600 14px sans-serif;color:#444}</style></head><body>${body}</body></html>`
  );
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Cached values of an A1 range, row by row: numbers, or text; null for blanks. */
function rangeValues(range: string, cells: Map<string, LayoutCell>): (string | number | null)[] {
  const r = rangeCorners(range);
  if (!r) return [];
  const values: (string | number | null)[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const v = cells.get(`${row},${col}`)?.value;
      values.push(
        typeof v === "number" && Number.isFinite(v)
          ? v
          : typeof v === "string" && v !== ""
            ? v
            : null
      );
    }
  }
  return values;
}

const SERIES_COLOURS = ["#1F4E79", "#C55A11", "#548235", "#7030A0"];

/** An inline SVG line chart; gaps where a value is missing (not drawn as zero). */
function chartSvg(
  chart: ChartSpec,
  layout: SheetLayout,
  cells: Map<string, LayoutCell>,
  widthPt: number,
  heightPt: number
): string {
  const w = Math.max(120, widthPt * (4 / 3) - 8);
  const h = Math.max(90, heightPt * (4 / 3) - 8);
  const font = fontFamily(layout.defaultFont?.name);
  const categories = rangeValues(chart.categories, cells).map((v) => (v === null ? "" : String(v)));
  const series = chart.series.map((s) => ({ name: s.name, values: rangeValues(s.values, cells) }));
  const numbers = series.flatMap((s) => s.values.filter((v): v is number => typeof v === "number"));
  const min = chart.valueAxis?.min ?? Math.min(0, ...numbers);
  const maxData = numbers.length > 0 ? Math.max(...numbers) : 1;
  const max = chart.valueAxis?.max ?? (maxData > min ? maxData : min + 1);
  const left = 44;
  const right = 12;
  const top = 34;
  const bottom = 46;
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const n = Math.max(1, categories.length);
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (plotW * i) / (n - 1));
  const y = (v: number) =>
    top + plotH - ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${round(w)}" height="${round(h)}" viewBox="0 0 ${round(w)} ${round(h)}" font-family="${escapeHtml(font)}" font-size="17">`
  );
  parts.push(`<title>${escapeHtml(chart.title)}</title>`);
  parts.push(
    `<text x="${round(w / 2)}" y="18" text-anchor="middle" font-weight="bold" font-size="20">${escapeHtml(chart.title)}</text>`
  );
  const ticks = 4;
  for (let t = 0; t <= ticks; t++) {
    const v = min + ((max - min) * t) / ticks;
    const yy = round(y(v));
    parts.push(
      `<line x1="${left}" x2="${round(left + plotW)}" y1="${yy}" y2="${yy}" stroke="#d9d9d9" stroke-width="1"/>`
    );
    const label = chart.valueAxis?.numberFormat
      ? formatValue(v, chart.valueAxis.numberFormat)
      : String(round(v));
    parts.push(`<text x="${left - 4}" y="${yy + 4}" text-anchor="end">${escapeHtml(label)}</text>`);
  }
  parts.push(
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${round(top + plotH)}" stroke="#808080"/>`
  );
  categories.forEach((c, i) => {
    parts.push(
      `<text x="${round(x(i))}" y="${round(top + plotH + 16)}" text-anchor="middle">${escapeHtml(c)}</text>`
    );
  });
  if (chart.categoryTitle) {
    parts.push(
      `<text x="${round(left + plotW / 2)}" y="${round(h - 18)}" text-anchor="middle">${escapeHtml(chart.categoryTitle)}</text>`
    );
  }
  series.forEach((s, si) => {
    const colour = SERIES_COLOURS[si % SERIES_COLOURS.length];
    let path = "";
    let pen = false;
    s.values.forEach((v, i) => {
      if (typeof v !== "number") {
        pen = false;
        return;
      }
      path += `${pen ? "L" : "M"}${round(x(i))} ${round(y(v))} `;
      pen = true;
    });
    const dash = si > 0 ? ` stroke-dasharray="6 4"` : "";
    if (path !== "")
      parts.push(
        `<path d="${path.trim()}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`
      );
    s.values.forEach((v, i) => {
      if (typeof v === "number")
        parts.push(`<circle cx="${round(x(i))}" cy="${round(y(v))}" r="3" fill="${colour}"/>`);
    });
    const lx = left + si * 150;
    parts.push(
      `<line x1="${lx}" x2="${lx + 20}" y1="${round(h - 5)}" y2="${round(h - 5)}" stroke="${colour}" stroke-width="2"${dash}/>`
    );
    parts.push(`<text x="${lx + 24}" y="${round(h - 1)}">${escapeHtml(s.name)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("");
}
