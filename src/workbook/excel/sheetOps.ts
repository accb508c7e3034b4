/**
 * Applying a sheet plan (../sheetPlan.ts) to a worksheet: the ordered write operations
 * for clearing an old sheet, the default font, styles, number formats, content (sliced
 * within the budget), merges, sizes, autofit rows, hidden columns, links, page setup,
 * manual page breaks, frozen rows and charts. Enum values are written as their string literals: the Excel namespace exists
 * only inside Office.
 */
import type { CellStyle, ChartSpec, PageSetup } from "../../domain/types";
import { cellAddress, columnLetters, rangeAddress } from "../../domain/a1";
import { addressLists } from "../areas";
import { utf8Length } from "../payload";
import { columnRangeAddress, printTitleRowsAddress, type SheetPlan } from "../sheetPlan";
import { gridOps, requestCost, type Budget, type WriteOp } from "./batches";

/** Excel applies one value to every cell of a range when given a single value (Microsoft's
 * "Update all cells in a range"); the typings only declare 2-D arrays, hence the cast. */
export function everyCell(value: string): string[][] {
  return value as unknown as string[][];
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right", justify: "Justify" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

type BorderSide =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

function bordersOf(border: NonNullable<CellStyle["border"]>): BorderSide[] {
  // Borders are per cell in the layout; a rectangle needs its inside lines too.
  const sides: BorderSide[] = [];
  if (border.top) sides.push("EdgeTop");
  if (border.bottom) sides.push("EdgeBottom");
  if (border.left) sides.push("EdgeLeft");
  if (border.right) sides.push("EdgeRight");
  if (border.top || border.bottom) sides.push("InsideHorizontal");
  if (border.left || border.right) sides.push("InsideVertical");
  return sides;
}

/** The calls applyStyle makes for a style (two per border side: style and weight). */
function styleCalls(style: CellStyle): number {
  const set = Object.values(style).filter((v) => v !== undefined).length;
  return set + (style.border ? 2 * bordersOf(style.border).length : 0);
}

export function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.fontName) format.font.name = style.fontName;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.underline !== undefined) format.font.underline = style.underline ? "Single" : "None";
  if (style.color) format.font.color = style.color;
  if (style.fill) format.fill.color = style.fill;
  if (style.hAlign) format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.indent) format.indentLevel = style.indent;
  for (const side of style.border ? bordersOf(style.border) : []) {
    const border = format.borders.getItem(side);
    border.style = "Continuous";
    border.weight = "Thin";
  }
}

/** One property set or call on a range of the sheet (sheet, range: two objects). */
const ONE_SET = requestCost({ calls: 1, objects: 2, valueBytes: 32 });

/** Consecutive indexes with equal values → runs ([[0,50],[1,50],[2,80]] → 0–1: 50, 2: 80). */
function runsOf(
  entries: readonly [number, number][]
): { first: number; last: number; value: number }[] {
  const runs: { first: number; last: number; value: number }[] = [];
  for (const [index, value] of entries) {
    if (!(value > 0)) continue;
    const last = runs[runs.length - 1];
    if (last && last.last === index - 1 && last.value === value) last.last = index;
    else runs.push({ first: index, last: index, value });
  }
  return runs;
}

export function applyPage(pageLayout: Excel.PageLayout, page: PageSetup): void {
  pageLayout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
  pageLayout.paperSize = "A4";
  pageLayout.setPrintMargins("Inches", {
    top: page.margins.top,
    bottom: page.margins.bottom,
    left: page.margins.left,
    right: page.margins.right,
    header: page.margins.header,
    footer: page.margins.footer,
  });
  if (page.fitToPagesWide) {
    // 0 pages tall is Excel's "automatic": as many pages as the content needs.
    pageLayout.zoom = {
      horizontalFitToPages: page.fitToPagesWide,
      verticalFitToPages: page.fitToPagesTall ?? 0,
    };
  }
  if (page.printTitleRows) pageLayout.setPrintTitleRows(printTitleRowsAddress(page.printTitleRows));
  if (page.printArea) pageLayout.setPrintArea(page.printArea);
  if (page.centerFooter)
    pageLayout.headersFooters.defaultForAllPages.centerFooter = page.centerFooter;
}

export function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const [firstSeries, ...others] = spec.series;
  if (!firstSeries) return;
  const chart = sheet.charts.add("Line", sheet.getRange(firstSeries.values), "Columns");
  chart.title.text = spec.title;
  chart.setPosition(spec.topLeft, spec.bottomRight);
  const first = chart.series.getItemAt(0);
  first.name = firstSeries.name;
  first.setXAxisValues(sheet.getRange(spec.categories));
  for (const s of others) {
    const series = chart.series.add(s.name);
    series.setValues(sheet.getRange(s.values));
    series.setXAxisValues(sheet.getRange(spec.categories));
  }
  const axis = spec.valueAxis;
  if (axis) {
    const valueAxis = chart.axes.valueAxis;
    if (axis.min !== undefined) valueAxis.minimum = axis.min;
    if (axis.max !== undefined) valueAxis.maximum = axis.max;
    if (axis.numberFormat) valueAxis.numberFormat = axis.numberFormat;
    if (axis.title) valueAxis.title.text = axis.title;
  }
  if (spec.categoryTitle) chart.axes.categoryAxis.title.text = spec.categoryTitle;
}

/** Clears what an old version of the sheet left: content, formats, merges, sizes, panes,
 * manual page breaks, charts. */
function clearSheet(sheet: Excel.Worksheet, chartNames: readonly string[]): void {
  const whole = sheet.getRange();
  whole.unmerge();
  whole.clear("All");
  whole.columnHidden = false;
  whole.format.useStandardWidth = true;
  whole.format.useStandardHeight = true;
  sheet.freezePanes.unfreeze();
  sheet.horizontalPageBreaks.removePageBreaks();
  for (const name of chartNames) sheet.charts.getItem(name).delete();
}

/** The formats (styles, number formats, Text cells) of a plan, one small op each. */
function formatOps(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  small: (apply: () => void, bytes?: number) => void
): void {
  if (plan.defaultFont) {
    const font = plan.defaultFont;
    small(() => {
      const whole = sheet.getRange();
      whole.format.font.name = font.name;
      whole.format.font.size = font.size;
    });
  }
  for (const group of plan.styles) {
    for (const list of addressLists(group.rects)) {
      small(
        () => applyStyle(sheet.getRanges(list).format, group.style),
        requestCost({ calls: styleCalls(group.style), objects: 5, valueBytes: list.length })
      );
    }
  }
  for (const group of plan.numberFormats) {
    for (const rect of group.rects)
      small(
        () => (sheet.getRange(rangeAddress(rect)).numberFormat = everyCell(group.format)),
        ONE_SET + utf8Length(group.format)
      );
  }
  for (const rect of plan.textRects)
    small(() => (sheet.getRange(rangeAddress(rect)).numberFormat = everyCell("@")), ONE_SET);
}

/** The content blocks of a plan as formulas, in row slices within the budget. */
function contentOps(sheet: Excel.Worksheet, plan: SheetPlan, budget: Budget): WriteOp[] {
  return plan.blocks.flatMap((block) => {
    const cols = block.grid[0]?.length ?? 0;
    return gridOps(block.grid, budget, (start, slice) => {
      sheet.getRange(
        rangeAddress({ row: block.row + start, col: block.col, rows: slice.length, cols })
      ).formulas = slice;
    });
  });
}

/** Merges, column widths, row heights, rows Excel autofits (after the heights, so its measure
 * wins on those rows), hidden columns and links of a plan. */
function layoutOps(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  small: (apply: () => void, bytes?: number) => void
): void {
  for (const rect of plan.merges)
    small(() => sheet.getRange(rangeAddress(rect)).merge(false), ONE_SET);
  for (const run of runsOf(plan.columnWidths.map((w, col) => [col, w] as [number, number]))) {
    small(() => {
      sheet.getRange(`${columnLetters(run.first)}:${columnLetters(run.last)}`).format.columnWidth =
        run.value;
    }, ONE_SET);
  }
  for (const run of runsOf(plan.rowHeights)) {
    small(() => {
      sheet.getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.value;
    }, ONE_SET);
  }
  for (const [first, last] of plan.autofitRows)
    small(() => sheet.getRange(`${first + 1}:${last + 1}`).format.autofitRows(), ONE_SET);
  for (const col of plan.hiddenColumns)
    small(() => (sheet.getRange(columnRangeAddress(col)).columnHidden = true), ONE_SET);
  for (const link of plan.links) {
    small(
      () => {
        sheet.getRange(cellAddress(link.row, link.col)).hyperlink = {
          documentReference: link.documentReference,
          textToDisplay: link.text,
        };
      },
      ONE_SET + utf8Length(link.text) + utf8Length(link.documentReference)
    );
  }
}

/** The operations that render a plan, in order; content is sliced within the budgets. */
export function sheetOps(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  budget: Budget,
  existing: { chartNames: readonly string[] } | undefined
): WriteOp[] {
  const ops: WriteOp[] = [];
  const small = (apply: () => void, bytes = requestCost({ calls: 2, objects: 3 })): void => {
    ops.push({ bytes, rows: 0, apply });
  };
  if (existing) small(() => clearSheet(sheet, existing.chartNames));
  formatOps(sheet, plan, small);
  ops.push(...contentOps(sheet, plan, budget));
  layoutOps(sheet, plan, small);
  const page = plan.page;
  if (page)
    small(
      () => applyPage(sheet.pageLayout, page),
      requestCost({ calls: 8, objects: 4, valueBytes: 512 })
    );
  for (const row of page?.rowBreaks ?? [])
    small(() => void sheet.horizontalPageBreaks.add(`A${row + 1}`), ONE_SET);
  if (plan.freezeRows) {
    const rows = plan.freezeRows;
    small(() => sheet.freezePanes.freezeRows(rows));
  }
  for (const chart of plan.charts)
    small(
      () => addChart(sheet, chart),
      requestCost({
        calls: 8 + 3 * chart.series.length,
        objects: 10 + 4 * chart.series.length,
        valueBytes: 512,
      })
    );
  return ops;
}
