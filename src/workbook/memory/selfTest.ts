/**
 * The Diagnostics self-test on the memory workbook: the probe written to a real scratch
 * MemorySheet with the semantics the Office.js reference documents (a scalar number format
 * reaches every cell; text that looks like a number becomes one unless the cell is Text;
 * a range-level read of a mixed property is null; getMergedAreas refuses more than 512
 * areas; validation titles ≤ 32 and messages ≤ 255 characters; a zoom is a scale or a fit,
 * never both; hiding the last visible sheet is refused), read back from the model, and the
 * sheet and part removed in `finally`. Displayed text comes from the HTML renderer's
 * number-format code, row autofit from the report's text measure. No calculation engine:
 * a formula's value is not read back (the item says "not available in the preview").
 */
import { columnIndex, parseRange, rangeAddress, type RangeRef } from "../../domain/a1";
import type { CellStyle } from "../../domain/types";
import { estimateLines, rowHeightFor } from "../../domain/report/measure";
import { formatValue } from "../../render/html/numberFormat";
import { MAX_MESSAGE, MAX_TITLE, MAX_LIST_SOURCE } from "../validationRules";
import type { SelfTestCell, SelfTestProbe, SelfTestReadBack, SelfTestStep } from "../selfTestProbe";
import type { MemoryCell, MemorySheet, MemoryTable } from "./model";

/** What the self-test needs of the memory workbook's model. */
export interface MemoryScratchAccess {
  sheetByName(name: string): MemorySheet | undefined;
  addSheet(name: string): MemorySheet;
  removeSheet(sheet: MemorySheet): void;
  visibleSheets(): number;
  addTable(sheet: MemorySheet, name: string, rect: RangeRef): MemoryTable;
  parts: Map<string, string>;
}

class ExcelLikeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

/** The scratch sheet's state the memory sheet does not keep. */
interface Scratch {
  sheet: MemorySheet;
  zoom?: {
    horizontalFitToPages: number | null;
    verticalFitToPages: number | null;
    scale: number | null;
  };
  rowBreaks: Set<number>;
  visibility: "Visible" | "Hidden";
}

function rectOf(address: string): RangeRef {
  const rect = parseRange(address);
  if (!rect) throw new ExcelLikeError("InvalidArgument", `bad address ${address}`);
  return rect;
}

function cellsOf(rect: RangeRef): [number, number][] {
  const cells: [number, number][] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++)
    for (let c = rect.col; c < rect.col + rect.cols; c++) cells.push([r, c]);
  return cells;
}

function cellAt(sheet: MemorySheet, row: number, col: number): MemoryCell {
  const found = sheet.cells.get(row, col);
  if (found) return found;
  const cell: MemoryCell = { content: "" };
  sheet.cells.set(row, col, cell);
  return cell;
}

/** Excel reading typed input into a cell: number-like text becomes a number, TRUE/FALSE a
 * boolean, unless the cell is formatted as Text. */
function asEntered(value: SelfTestCell, format: string | undefined): SelfTestCell {
  if (typeof value !== "string" || format === "@") return value;
  const trimmed = value.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return Number(trimmed);
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  return value;
}

function writeGrid(sheet: MemorySheet, address: string, grid: SelfTestCell[][]): void {
  const rect = rectOf(address);
  if (grid.length !== rect.rows || grid.some((line) => line.length !== rect.cols))
    throw new ExcelLikeError("InvalidArgument", "the grid does not match the range's size");
  grid.forEach((line, i) =>
    line.forEach((value, j) => {
      const cell = cellAt(sheet, rect.row + i, rect.col + j);
      cell.content = value === "" ? "" : asEntered(value, cell.numberFormat);
    })
  );
}

function readGrid<T>(sheet: MemorySheet, address: string, read: (cell?: MemoryCell) => T): T[][] {
  const rect = rectOf(address);
  return Array.from({ length: rect.rows }, (_, i) =>
    Array.from({ length: rect.cols }, (_, j) => read(sheet.cells.get(rect.row + i, rect.col + j)))
  );
}

/** A range-level property: the cells' common value, null when they differ (as Excel). */
function common<T>(sheet: MemorySheet, address: string, read: (cell?: MemoryCell) => T): T | null {
  const values = readGrid(sheet, address, read).flat();
  return values.every((v) => v === values[0]) ? values[0] : null;
}

function setStyle(sheet: MemorySheet, address: string, style: CellStyle): void {
  for (const [r, c] of cellsOf(rectOf(address))) {
    const cell = cellAt(sheet, r, c);
    cell.style = { ...cell.style, ...style };
  }
}

const H_ALIGN = { Left: "left", Center: "center", Right: "right" } as const;
const H_ALIGN_BACK = {
  left: "Left",
  center: "Center",
  right: "Right",
  justify: "Justify",
} as const;

type Steps = {
  [S in SelfTestStep]?: (s: Scratch, p: SelfTestProbe, out: SelfTestReadBack) => void;
};

const cellSteps: Steps = {
  values: ({ sheet }, p, out) => {
    for (const [r, c] of cellsOf(rectOf(p.values.textAddress)))
      cellAt(sheet, r, c).numberFormat = "@";
    writeGrid(sheet, p.values.address, p.values.grid);
    out.values = readGrid(sheet, p.values.address, (cell) => cell?.content ?? "");
  },
  formulas: ({ sheet }, p, out) => {
    writeGrid(sheet, p.formulas.address, p.formulas.grid);
    out.formulas = { formulas: readGrid(sheet, p.formulas.address, (cell) => cell?.content ?? "") };
  },
  scalarFormat: ({ sheet }, p, out) => {
    const { address, format, value } = p.scalarFormat;
    const rect = rectOf(address);
    writeGrid(
      sheet,
      address,
      Array.from({ length: rect.rows }, () => Array(rect.cols).fill(value))
    );
    for (const [r, c] of cellsOf(rect)) cellAt(sheet, r, c).numberFormat = format;
    out.scalarFormat = {
      numberFormat: readGrid(sheet, address, (cell) => cell?.numberFormat ?? "General"),
      text: readGrid(sheet, address, (cell) =>
        formatValue(cell?.content ?? null, cell?.numberFormat)
      ),
    };
  },
  dateFormats: ({ sheet }, p, out) => {
    out.dateFormats = p.dateFormats.map(({ address, format, serial }) => {
      const { row, col } = rectOf(address);
      const cell = cellAt(sheet, row, col);
      cell.content = serial;
      cell.numberFormat = format;
      return {
        numberFormat: cell.numberFormat,
        text: formatValue(serial, format),
        value: cell.content,
      };
    });
  },
  styles: ({ sheet }, p, out) => {
    const { address, style } = p.style;
    setStyle(sheet, address, {
      bold: style.bold,
      fontName: style.fontName,
      fontSize: style.fontSize,
      fill: style.fill,
      hAlign: H_ALIGN[style.hAlign],
      wrap: style.wrap,
    });
    const align = common(sheet, address, (c) => c?.style?.hAlign);
    out.style = {
      bold: common(sheet, address, (c) => c?.style?.bold ?? false),
      fontName: common(sheet, address, (c) => c?.style?.fontName),
      fontSize: common(sheet, address, (c) => c?.style?.fontSize),
      fill: common(sheet, address, (c) => c?.style?.fill),
      hAlign: align ? (H_ALIGN_BACK[align as keyof typeof H_ALIGN_BACK] ?? null) : "General",
      wrap: common(sheet, address, (c) => c?.style?.wrap ?? false),
    };
  },
  rangeAreas: ({ sheet }, p, out) => {
    const areas = p.rangeAreas.areas.split(",");
    for (const area of areas) setStyle(sheet, area, { bold: true });
    const bold = (a: string) => common(sheet, a, (c) => c?.style?.bold ?? false);
    out.rangeAreas = { bold: areas.map(bold), betweenBold: bold(p.rangeAreas.between) };
  },
  columns: ({ sheet }, p, out) => {
    const width = columnIndex(p.columns.widthColumn);
    const hidden = columnIndex(p.columns.hiddenColumn);
    sheet.columnWidths.set(width, p.columns.width);
    sheet.hiddenColumns.add(hidden);
    out.columns = { width: sheet.columnWidths.get(width), hidden: sheet.hiddenColumns.has(hidden) };
  },
  hyperlink: ({ sheet }, p, out) => {
    const { row, col } = rectOf(p.hyperlink.address);
    const cell = cellAt(sheet, row, col);
    cell.link = p.hyperlink.documentReference;
    cell.content = p.hyperlink.text;
    out.hyperlink = { documentReference: cell.link, text: cell.content };
  },
};

function mergeStep(s: Scratch, p: SelfTestProbe, out: SelfTestReadBack): void {
  for (const area of p.merges.areas) {
    const rect = rectOf(area);
    if (s.sheet.merges.some((m) => rectsMeet(m, rect)))
      throw new ExcelLikeError("InvalidOperation", `merge ${area} overlaps another merge`);
    s.sheet.merges.push(rect);
    // Merging keeps the top-left cell's value only.
    for (const [r, c] of cellsOf(rect).slice(1)) s.sheet.cells.delete(r, c);
  }
  const span = p.merges.areas.map(rectOf);
  const inRange = s.sheet.merges.filter((m) => span.some((a) => rectsMeet(a, m)));
  // Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more
  // than 512, then this method will fail to return the result".
  if (inRange.length > 512)
    throw new ExcelLikeError("GeneralException", "more than 512 merged areas to read");
  out.merges = {
    areaCount: inRange.length,
    cellCount: inRange.reduce((sum, m) => sum + m.rows * m.cols, 0),
  };
}

function rectsMeet(a: RangeRef, b: RangeRef): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

function validationStep({ sheet }: Scratch, p: SelfTestProbe, out: SelfTestReadBack): void {
  const v = p.validation;
  for (const text of [v.prompt, v.errorAlert])
    if (text.title.length > MAX_TITLE || text.message.length > MAX_MESSAGE)
      throw new ExcelLikeError("InvalidArgument", "a validation title or message is too long");
  if (v.source.length > MAX_LIST_SOURCE)
    throw new ExcelLikeError("InvalidArgument", "a list source is at most 255 characters");
  const address = rangeAddress(rectOf(v.address));
  sheet.validations.push({
    address,
    write: {
      column: 0,
      rule: { list: { inCellDropDown: true, source: v.source } },
      prompt: { showPrompt: true, ...v.prompt },
      errorAlert: { showAlert: true, style: "Stop", ...v.errorAlert },
    },
  });
  const stored = sheet.validations.find((x) => x.address === address)?.write;
  const rule = stored?.rule as { list?: { source: string } } | undefined;
  out.validation = {
    source: rule?.list?.source,
    prompt: { title: stored?.prompt?.title, message: stored?.prompt?.message },
    errorAlert: { title: stored?.errorAlert.title, message: stored?.errorAlert.message },
  };
}

function autofitStep({ sheet }: Scratch, p: SelfTestProbe, out: SelfTestReadBack): void {
  const a = p.autofit;
  const col = columnIndex(a.column);
  sheet.columnWidths.set(col, a.columnWidth);
  const rows: [number, string][] = [
    [a.shortRow, a.shortText],
    [a.longRow, a.longText],
  ];
  for (const [row, text] of rows) {
    const cell = cellAt(sheet, row - 1, col);
    cell.content = text;
    cell.style = { ...cell.style, wrap: true, fontSize: a.fontSize };
    sheet.rowHeights.set(row - 1, a.presetHeight);
  }
  // autofitRows: each row measured to its wrapped content.
  for (const [row] of rows) {
    const cell = sheet.cells.get(row - 1, col);
    const width = sheet.columnWidths.get(col) ?? 48;
    const lines = estimateLines(String(cell?.content ?? ""), width, a.fontSize);
    sheet.rowHeights.set(row - 1, rowHeightFor(lines, a.fontSize));
  }
  out.autofit = {
    shortHeight: sheet.rowHeights.get(a.shortRow - 1),
    longHeight: sheet.rowHeights.get(a.longRow - 1),
  };
}

const sheetSteps: Steps = {
  pageLayout: (s, p, out) => {
    const { horizontalFitToPages, verticalFitToPages } = p.zoom;
    for (const n of [horizontalFitToPages, verticalFitToPages])
      if (!Number.isInteger(n) || n < 0)
        throw new ExcelLikeError("InvalidArgument", "fit-to-pages counts are whole numbers");
    // A fit to pages leaves no percentage scale (and the other way round).
    s.zoom = { horizontalFitToPages, verticalFitToPages, scale: null };
    out.zoom = { ...s.zoom };
  },
  pageBreaks: (s, p, out) => {
    for (const row of p.pageBreakRows) s.rowBreaks.add(row - 1);
    out.pageBreaks = { count: s.rowBreaks.size };
  },
  chart: ({ sheet }, p, out) => {
    rectOf(p.chart.dataAddress);
    sheet.charts.push({
      type: "line",
      title: p.chart.title,
      categories: "",
      series: [{ name: "", values: p.chart.dataAddress }],
      topLeft: "AE1",
      bottomRight: "AK12",
    });
    const chart = sheet.charts[sheet.charts.length - 1];
    out.chart = {
      count: sheet.charts.length,
      type: chart.type === "line" ? "Line" : chart.type,
      title: chart.title,
    };
  },
  freeze: ({ sheet }, p, out) => {
    sheet.freezeRows = p.freezeRows;
    out.freeze = { address: sheet.freezeRows ? `$1:$${sheet.freezeRows}` : null };
  },
};

/** Runs the probe on a new memory sheet, removed (with the part) whatever happens. */
export function runMemorySelfTest(access: MemoryScratchAccess, p: SelfTestProbe): SelfTestReadBack {
  const out: SelfTestReadBack = {
    host: { kind: "preview" },
    sheet: { name: p.sheet, removed: false },
    failures: [],
    syncs: 1,
  };
  const scratch: Scratch = {
    sheet: access.addSheet(p.sheet),
    rowBreaks: new Set(),
    visibility: "Visible",
  };
  const attempt = (step: SelfTestStep, run: () => void) => {
    try {
      run();
    } catch (error) {
      out.failures.push({
        step,
        code: error instanceof ExcelLikeError ? error.code : undefined,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  let partAdded = false;
  try {
    for (const [step, run] of Object.entries({ ...cellSteps, ...sheetSteps }))
      attempt(step as SelfTestStep, () => run?.(scratch, p, out));
    attempt("merges", () => mergeStep(scratch, p, out));
    attempt("validation", () => validationStep(scratch, p, out));
    attempt("autofit", () => autofitStep(scratch, p, out));
    attempt("table", () => tableStep(access, scratch, p, out));
    attempt("customXml", () => {
      if (access.parts.has(p.customXml.namespace))
        throw new ExcelLikeError("InvalidOperation", "a self-test part is already there");
      access.parts.set(p.customXml.namespace, p.customXml.xml);
      partAdded = true;
      out.customXml = { xml: access.parts.get(p.customXml.namespace), found: 1 };
    });
    attempt("removePageBreaks", () => {
      scratch.rowBreaks.clear();
      if (out.pageBreaks) out.pageBreaks.countAfterRemove = scratch.rowBreaks.size;
    });
    attempt("visibility", () => {
      if (access.visibleSheets() <= 1)
        throw new ExcelLikeError("InvalidOperation", "a workbook keeps at least one visible sheet");
      scratch.visibility = p.visibility;
      const hidden = scratch.visibility;
      scratch.visibility = "Visible";
      out.visibility = { hidden, shownAgain: scratch.visibility };
    });
  } finally {
    if (partAdded) access.parts.delete(p.customXml.namespace);
    access.removeSheet(scratch.sheet);
    out.sheet.removed = access.sheetByName(p.sheet) === undefined;
  }
  return out;
}

function tableStep(
  access: MemoryScratchAccess,
  { sheet }: Scratch,
  p: SelfTestProbe,
  out: SelfTestReadBack
): void {
  const t = p.table;
  const rect = rectOf(t.address);
  writeGrid(sheet, t.address, [t.headers, ...t.rows]);
  const table = access.addTable(sheet, t.name, rect);
  const rowCount = table.rect.rows - 1;
  // TableRowCollection.add at the end: the table grows by the rows.
  const first = table.rect.row + table.rect.rows;
  writeGrid(
    sheet,
    rangeAddress({ row: first, col: rect.col, rows: t.addRows.length, cols: rect.cols }),
    t.addRows
  );
  table.rect = { ...table.rect, rows: table.rect.rows + t.addRows.length };
  const body = { ...table.rect, row: table.rect.row + 1, rows: table.rect.rows - 1 };
  out.table = {
    name: table.name,
    headers: readGrid(sheet, rangeAddress({ ...rect, rows: 1 }), (c) => c?.content ?? "")[0],
    rowCount,
    rowCountAfterAdd: table.rect.rows - 1,
    rowsAfterAdd: readGrid(sheet, rangeAddress(body), (c) => c?.content ?? ""),
  };
}
