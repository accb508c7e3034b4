/**
 * SheetLayout → .xlsx through ExcelJS (Node and browser). Used by `kaona report` and by
 * "download as file". ExcelJS writes no charts: layoutsToXlsx adds them to the package
 * ExcelJS wrote (./charts.ts), as DrawingML over the cells the chart reads.
 */
import ExcelJS from "exceljs";
import type { CellStyle, LayoutCell, SheetLayout } from "../../domain/types";
import { quoteSheetName, safeSheetNameAmong, sheetNameKey } from "../../domain/a1";
import { addChartsToXlsx } from "./charts";

/**
 * Column width in points → ExcelJS/Excel width in characters of the default font's "0".
 * Excel stores widths in characters of the maximum digit width (MDW); for the workbook
 * default Calibri 11 the MDW is 7 px, and a width of w characters is drawn as
 * trunc(w·7 + 5) px (5 px of cell padding). At 96 dpi, 1 pt = 4/3 px, so
 * w = (pt·4/3 − 5) / 7. Rounded to 1/256 of a character, Excel's own precision.
 */
export function pointsToCharWidth(points: number): number {
  if (!Number.isFinite(points) || points <= 0) return 0;
  const px = (points * 4) / 3;
  const chars = Math.max(0, (px - 5) / 7);
  return Math.round(chars * 256) / 256;
}

/** The inverse of pointsToCharWidth, for reading widths back. */
export function charWidthToPoints(chars: number): number {
  if (!Number.isFinite(chars) || chars <= 0) return 0;
  return ((chars * 7 + 5) * 3) / 4;
}

export interface XlsxOptions {
  creator?: string;
  /** Fixed creation time, for reproducible files in tests. */
  created?: Date;
}

/** Builds an ExcelJS workbook with one worksheet per layout, in order. */
export function layoutsToWorkbook(
  layouts: readonly SheetLayout[],
  options: XlsxOptions = {}
): ExcelJS.Workbook {
  return workbookOf(layouts, sheetNames(layouts), options);
}

function workbookOf(
  layouts: readonly SheetLayout[],
  names: readonly string[],
  options: XlsxOptions
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? "Kaona";
  const when = options.created ?? new Date();
  workbook.created = when;
  workbook.modified = when;
  layouts.forEach((layout, i) => writeSheet(workbook, names[i], layout));
  return workbook;
}

/** The worksheet names of the layouts: valid and unique, in order. */
function sheetNames(layouts: readonly SheetLayout[]): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  for (const layout of layouts) {
    const name = safeSheetNameAmong(layout.name, used);
    names.push(name);
    used.add(sheetNameKey(name));
  }
  return names;
}

/** The .xlsx file's bytes, charts included. */
export async function layoutsToXlsx(
  layouts: readonly SheetLayout[],
  options: XlsxOptions = {}
): Promise<Uint8Array> {
  const names = sheetNames(layouts);
  const workbook = workbookOf(layouts, names, options);
  const buffer = await workbook.xlsx.writeBuffer();
  const bytes = new Uint8Array(buffer as ArrayBuffer);
  return addChartsToXlsx(bytes, layouts, names, options.created);
}

function writeSheet(workbook: ExcelJS.Workbook, name: string, layout: SheetLayout): void {
  const freeze = layout.freezeRows ?? 0;
  const sheet = workbook.addWorksheet(name, {
    views: freeze > 0 ? [{ state: "frozen", ySplit: freeze, xSplit: 0 }] : [{}],
    properties: layout.defaultFont
      ? { defaultRowHeight: defaultRowHeight(layout.defaultFont.size) }
      : undefined,
  });

  layout.columnWidths.forEach((points, i) => {
    sheet.getColumn(i + 1).width = pointsToCharWidth(points);
  });
  for (const col of layout.hiddenColumns ?? []) {
    if (Number.isInteger(col) && col >= 0) sheet.getColumn(col + 1).hidden = true;
  }
  for (const [key, height] of Object.entries(layout.rowHeights)) {
    const row = Number(key);
    if (Number.isInteger(row) && row >= 0 && Number.isFinite(height) && height > 0) {
      sheet.getRow(row + 1).height = Math.min(409, height);
    }
  }

  const styleCache = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (key: string | undefined): Partial<ExcelJS.Style> | undefined => {
    const style = key === undefined ? undefined : layout.styles[key];
    const base = style ?? (layout.defaultFont ? {} : undefined);
    if (base === undefined) return undefined;
    const cacheKey = key ?? "";
    let converted = styleCache.get(cacheKey);
    if (!converted) {
      converted = toExcelStyle(base, layout.defaultFont);
      styleCache.set(cacheKey, converted);
    }
    return converted;
  };

  const byAddress = new Map<string, LayoutCell>();
  for (const cell of layout.cells) {
    if (!validPosition(cell.row, cell.col)) continue;
    byAddress.set(`${cell.row},${cell.col}`, cell);
    const target = sheet.getCell(cell.row + 1, cell.col + 1);
    target.value = toExcelValue(cell);
    const style = styleOf(cell.style);
    if (style) target.style = style;
  }

  for (const merge of layout.merges) {
    if (!validPosition(merge.row, merge.col) || merge.rows < 1 || merge.cols < 1) continue;
    if (merge.rows === 1 && merge.cols === 1) continue;
    // Excel draws a merged area's borders from its edge cells, so every cell of the area
    // carries the top-left cell's style (what Excel itself does when a merged range is formatted).
    const master = byAddress.get(`${merge.row},${merge.col}`);
    const style = styleOf(master?.style);
    if (style) {
      for (let r = merge.row; r < merge.row + merge.rows; r++) {
        for (let c = merge.col; c < merge.col + merge.cols; c++) {
          if (r !== merge.row || c !== merge.col) sheet.getCell(r + 1, c + 1).style = style;
        }
      }
    }
    sheet.mergeCells(merge.row + 1, merge.col + 1, merge.row + merge.rows, merge.col + merge.cols);
  }

  const page = layout.page;
  if (page) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9, // A4
      orientation: page.orientation,
      margins: { ...page.margins },
      fitToPage: page.fitToPagesWide !== undefined,
      fitToWidth: page.fitToPagesWide ?? 1,
      fitToHeight: page.fitToPagesTall ?? 0,
      horizontalCentered: false,
      verticalCentered: false,
      printArea: page.printArea,
      printTitlesRow: page.printTitleRows
        ? `${page.printTitleRows[0] + 1}:${page.printTitleRows[1] + 1}`
        : undefined,
    };
    // A page break is stored after the last row of a page: the row above the one a page starts with.
    for (const row of page.rowBreaks ?? [])
      if (Number.isInteger(row) && row > 0 && row < 1048576) sheet.getRow(row).addPageBreak();
    if (page.centerFooter) {
      const footer = `&C${fontCode(layout.defaultFont?.name)}${page.centerFooter}`;
      sheet.headerFooter = { ...sheet.headerFooter, oddFooter: footer, evenFooter: footer };
    }
  }
}

function fontCode(name: string | undefined): string {
  // The footer uses the sheet's font when it has one; quotes and ampersands are not allowed in it.
  if (!name || /["&]/.test(name)) return "";
  return `&"${name},Regular"`;
}

function validPosition(row: number, col: number): boolean {
  return (
    Number.isInteger(row) &&
    Number.isInteger(col) &&
    row >= 0 &&
    col >= 0 &&
    row < 1048576 &&
    col < 16384
  );
}

function defaultRowHeight(fontSize: number): number {
  return Math.round(fontSize * 1.5 * 4) / 4;
}

function toExcelValue(cell: LayoutCell): ExcelJS.CellValue {
  if (cell.formula !== undefined && cell.formula !== "") {
    const formula = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
    const result = cachedResult(cell.value);
    return result === undefined
      ? { formula, date1904: false }
      : { formula, result, date1904: false };
  }
  const value = cell.value;
  if (cell.link) {
    const text =
      value === null || value === undefined
        ? `${cell.link.sheet}!${cell.link.cell}`
        : String(value);
    return {
      text,
      hyperlink: `${quoteSheetName(cell.link.sheet)}!${cell.link.cell}`,
      tooltip: text,
    };
  }
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}

function cachedResult(value: LayoutCell["value"]): number | string | boolean | undefined {
  if (value === undefined || value === null) return "";
  if (typeof value === "number" && !Number.isFinite(value)) return undefined;
  return value;
}

function argb(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color);
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

function toExcelStyle(
  style: CellStyle,
  defaultFont: SheetLayout["defaultFont"]
): Partial<ExcelJS.Style> {
  const result: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  const name = style.fontName ?? defaultFont?.name;
  const size = style.fontSize ?? defaultFont?.size;
  if (name) font.name = name;
  if (size) font.size = size;
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.underline) font.underline = true;
  const color = argb(style.color);
  if (color) font.color = { argb: color };
  if (Object.keys(font).length > 0) result.font = font;

  const fill = argb(style.fill);
  if (fill)
    result.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: fill },
      bgColor: { argb: fill },
    };

  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.hAlign) alignment.horizontal = style.hAlign === "justify" ? "justify" : style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (style.wrap) alignment.wrapText = true;
  if (style.indent) alignment.indent = style.indent;
  if (Object.keys(alignment).length > 0) result.alignment = alignment;

  if (style.numberFormat) result.numFmt = style.numberFormat;

  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
    const border: Partial<ExcelJS.Borders> = {};
    if (style.border.top) border.top = thin;
    if (style.border.bottom) border.bottom = thin;
    if (style.border.left) border.left = thin;
    if (style.border.right) border.right = thin;
    result.border = border;
  }
  return result;
}
