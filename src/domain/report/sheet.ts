/**
 * A small writer for SheetLayout: place cells row by row, merge, size rows to their
 * wrapped text. The report, summary and issues builders share it.
 */
import { columnLetters, safeSheetName } from "../a1";
import type { CellStyle, Lang, LayoutCell, MergedArea, PageSetup, SheetLayout } from "../types";
import { DEFAULT_LINE_EM, estimateLines, rowHeightFor } from "./measure";

/** The body font of Thai government documents; see docs/report-sheet.md for fallbacks. */
export const REPORT_FONT = "TH Sarabun New";

/** The font size of the listing sheets (the summary and the issues). */
const LISTING_FONT_SIZE = 14;

/** A table cell of the printed sheets: the report font at `fontSize`, top-aligned, wrapped,
 * with the `border` sides given. */
export function wrappedCell(fontSize: number, border: CellStyle["border"]): CellStyle {
  return { fontName: REPORT_FONT, fontSize, vAlign: "top", wrap: true, border };
}

/** The shared styles of a listing sheet: bordered, wrapped body text, a grey bold header,
 * centred cells and blue underlined links. Each sheet adds its own. */
export function listingStyles(): Record<"thead" | "text" | "center" | "link", CellStyle> {
  const cell = wrappedCell(LISTING_FONT_SIZE, { top: true, bottom: true, left: true, right: true });
  return {
    thead: { ...cell, bold: true, hAlign: "center", vAlign: "middle", fill: "#D9D9D9" },
    text: cell,
    center: { ...cell, hAlign: "center" },
    link: { ...cell, hAlign: "center", color: "#0563C1", underline: true },
  };
}

type CellContent = Pick<LayoutCell, "value" | "formula" | "link">;

export class SheetWriter {
  readonly cells: LayoutCell[] = [];
  readonly merges: MergedArea[] = [];
  readonly rowHeights: Record<number, number> = {};
  /** The next free row. */
  row = 0;
  /** Rows that should print on the same page as the row after them (headings). */
  readonly keepWithNext = new Set<number>();

  constructor(
    readonly columnWidths: number[],
    readonly styles: Record<string, CellStyle>,
    /** Line height in ems of the nominal size (see FontProfile). */
    readonly lineEm = DEFAULT_LINE_EM
  ) {}

  /** Writes a cell (spanning `cols` columns when more than one) and returns its row. */
  put(
    row: number,
    col: number,
    content: CellContent,
    style?: string,
    cols = 1,
    rows = 1
  ): LayoutCell {
    const cell: LayoutCell = { row, col, style };
    if (content.value !== undefined) cell.value = content.value;
    if (content.formula !== undefined) cell.formula = content.formula;
    if (content.link !== undefined) cell.link = content.link;
    this.cells.push(cell);
    if (cols > 1 || rows > 1) {
      this.merges.push({ row, col, rows, cols });
      // Border-only cells under a merge carry the style too, so every renderer draws edges.
      for (let r = row; r < row + rows; r++) {
        for (let c = col; c < col + cols; c++) {
          if (r !== row || c !== col) this.cells.push({ row: r, col: c, style });
        }
      }
    }
    return cell;
  }

  /** Width in points of `cols` columns from `col`. */
  width(col: number, cols = 1): number {
    let sum = 0;
    for (let c = col; c < col + cols; c++) sum += this.columnWidths[c] ?? 0;
    return sum;
  }

  /** Grows the row so `text` fits when wrapped in `cols` columns from `col` with the style's font. */
  fit(row: number, text: string, col: number, cols: number, style: string): void {
    const s = this.styles[style];
    const size = s?.fontSize ?? 16;
    const indentPt = (s?.indent ?? 0) * 9;
    const lines = estimateLines(text, this.width(col, cols) - indentPt, size, s?.bold === true);
    this.atLeast(row, rowHeightFor(lines, size, this.lineEm));
  }

  /** Writes a table's header cells in `row`, one per column from the first, each fitted,
   * and moves the next free row below it. */
  headerRow(row: number, headers: readonly string[], style = "thead"): void {
    headers.forEach((text, col) => {
      this.put(row, col, { value: text }, style);
      this.fit(row, text, col, 1, style);
    });
    this.row = row + 1;
  }

  /** Sets the row's height to at least `height` points. */
  atLeast(row: number, height: number): void {
    this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 0, height);
  }

  /** The layout, cells sorted by row and column. */
  layout(
    base: Omit<SheetLayout, "cells" | "merges" | "rowHeights" | "columnWidths" | "styles">
  ): SheetLayout {
    const cells = [...this.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      ...base,
      lineEm: this.lineEm,
      columnWidths: this.columnWidths,
      rowHeights: this.rowHeights,
      cells,
      merges: this.merges,
      styles: this.styles,
    };
  }
}

/** The font a report is set in. Layouts are measured in TH Sarabun New; a profile swaps in
 * another font at `scale` times the size, for a twin with the same design drawn larger
 * within its em (TLWG's Laksaman is TH Sarabun's design at 1/0.66 the size, the scale
 * fontconfig itself uses to stand it in for TH Sarabun). */
export interface FontProfile {
  name: string;
  scale: number;
  /** Line spacing in ems of the nominal (TH Sarabun) size; default DEFAULT_LINE_EM. */
  lineEm?: number;
}

export const FONT_PROFILES = {
  /** The Thai government standard; installed with Office in Thailand. */
  thSarabun: { name: REPORT_FONT, scale: 1 },
  /** For LibreOffice on Linux without TH Sarabun New (Debian's fonts-thai-tlwg). */
  // Laksaman's lines measured in LibreOffice's PDF: 14.75 pt at 9.5 pt (nominal 14 pt).
  laksaman: { name: "Laksaman", scale: 0.66, lineEm: 1.1 },
} as const satisfies Record<string, FontProfile>;

/** The layout set in another font (sizes scaled; row heights and widths unchanged). */
export function withFont(layout: SheetLayout, profile: FontProfile | undefined): SheetLayout {
  if (!profile || (profile.name === REPORT_FONT && profile.scale === 1)) return layout;
  const scale = Number.isFinite(profile.scale) && profile.scale > 0 ? profile.scale : 1;
  const size = (pt: number) => Math.round(pt * scale * 2) / 2;
  const styles: Record<string, CellStyle> = {};
  for (const [key, style] of Object.entries(layout.styles)) {
    styles[key] = {
      ...style,
      ...(style.fontName === REPORT_FONT ? { fontName: profile.name } : {}),
      ...(style.fontSize !== undefined ? { fontSize: size(style.fontSize) } : {}),
    };
  }
  return {
    ...layout,
    styles,
    // Lines keep their height in points: in ems of the scaled font they are 1/scale taller.
    ...(layout.lineEm !== undefined
      ? { lineEm: Math.round((layout.lineEm / scale) * 1000) / 1000 }
      : {}),
    defaultFont: layout.defaultFont
      ? { name: profile.name, size: size(layout.defaultFont.size) }
      : undefined,
  };
}

/** Kaona's printed page: A4, one page wide, the header row repeated on every page, "n / N"
 * in the footer, the print area the sheet's `cols` columns down to `lastRow`. Margins in
 * inches. */
export function oneWidePageSetup(
  orientation: PageSetup["orientation"],
  margins: { top: number; bottom: number; left: number; right: number },
  rows: { header: number; last: number },
  cols: number
): PageSetup {
  return {
    orientation,
    paper: "A4",
    margins: { ...margins, header: 0.3, footer: 0.3 },
    fitToPagesWide: 1,
    fitToPagesTall: 0,
    printTitleRows: [rows.header, rows.header],
    centerFooter: "&P / &N",
    printArea: `A1:${columnLetters(cols - 1)}${rows.last + 1}`,
  };
}

/** The page of a landscape listing (the summary, the issues sheet). */
function listingPageSetup(headerRow: number, lastRow: number, cols: number): PageSetup {
  const margins = { top: 0.6, bottom: 0.6, left: 0.5, right: 0.5 };
  return oneWidePageSetup("landscape", margins, { header: headerRow, last: lastRow }, cols);
}

/** The layout of a landscape listing (the summary, the issues sheet) that `w` has written
 * up to its current row: the listing font, the header row frozen and repeated on every
 * page, in `font` when given. */
export function listingLayout(
  w: SheetWriter,
  sheet: { name: string; kind: "summary" | "issues"; lang: Lang; headerRow: number; cols: number },
  font: FontProfile | undefined
): SheetLayout {
  const { headerRow } = sheet;
  const lastRow = Math.max(headerRow, w.row - 1);
  const layout = w.layout({
    name: safeSheetName(sheet.name),
    defaultFont: { name: REPORT_FONT, size: LISTING_FONT_SIZE },
    freezeRows: headerRow + 1,
    page: listingPageSetup(headerRow, lastRow, sheet.cols),
    origin: { generator: "kaona", kind: sheet.kind, lang: sheet.lang, mode: "values" },
  });
  return withFont(layout, font);
}
