/**
 * A SheetLayout turned into the few bulk operations a workbook performs to render it:
 * contiguous blocks of cell content (one `formulas` assignment each), the cells of each
 * style as rectangles (one multi-area request per style), number formats, merges, and the
 * fingerprint of what will be written. Pure, so the Office.js and in-memory workbooks
 * render the same layout the same way.
 */
import type {
  CellStyle,
  ChartSpec,
  LayoutCell,
  MergedArea,
  PageSetup,
  SheetLayout,
} from "../domain/types";
import {
  MAX_COLS,
  MAX_ROWS,
  cellAddress,
  intersects,
  quoteSheetName,
  rangeAddress,
  sheetNameProblem,
  type CellRef,
  type RangeRef,
} from "../domain/a1";
import { cellsToRects } from "./areas";
import {
  ContentFingerprint,
  isReinterpretedText,
  toCellContent,
  type CellContent,
} from "./cellContent";

/** Excel refuses more merged areas than this on one sheet in a request (we stay below). */
const MAX_MERGES = 512;
/** Excel limits a string constant inside a formula to 255 characters. */
const MAX_FORMULA_STRING = 255;

export interface ContentBlock {
  row: number;
  col: number;
  /** Row-major `formulas` array: "" blank, "=…" formula, else a constant. */
  grid: CellContent[][];
}

export interface StyleGroup {
  key: string;
  style: CellStyle;
  rects: RangeRef[];
}

export interface NumberFormatGroup {
  format: string;
  rects: RangeRef[];
}

/** A link that cannot be a HYPERLINK formula (text too long): set as Range.hyperlink. */
export interface LinkWrite {
  row: number;
  col: number;
  /** "'Sheet'!E7". */
  documentReference: string;
  text: string;
}

export interface SheetPlan {
  name: string;
  blocks: ContentBlock[];
  styles: StyleGroup[];
  numberFormats: NumberFormatGroup[];
  /** Cells holding text that Excel would reinterpret: formatted as Text ("@") first. */
  textRects: RangeRef[];
  merges: RangeRef[];
  links: LinkWrite[];
  /** What formula cells show, when the layout gave it (its cached value, a link's text):
   * for previews, which do not calculate. */
  shown: { row: number; col: number; value: string | number | boolean }[];
  columnWidths: number[];
  /** Heights the layout computed, [row, points]; applied as they are. */
  rowHeights: [number, number][];
  /**
   * Runs of rows [first, last] (zero-based, inclusive) that hold wrapped text and no merged
   * area: Excel measures these better than the layout can, so after writing, the Excel
   * renderer asks it to (`range.format.autofitRows()`, one call per run). Rows with merged
   * areas keep the computed heights: Excel never autofits merged cells.
   */
  autofitRows: [number, number][];
  hiddenColumns: number[];
  defaultFont?: { name: string; size: number };
  freezeRows?: number;
  page?: PageSetup;
  charts: ChartSpec[];
  /** Everything written, as one rectangle (A1:A1 for an empty layout). */
  extent: RangeRef;
  fingerprint: string;
  cellCount: number;
}

export type PlanResult = { ok: true; plan: SheetPlan } | { ok: false; problem: string };

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function quoteFormulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The content Kaona writes for a layout cell (formula, HYPERLINK formula or constant). */
function contentOf(cell: LayoutCell, links: LinkWrite[]): { content: CellContent; text: boolean } {
  if (cell.formula && cell.formula.startsWith("="))
    return { content: toCellContent(cell.formula), text: false };
  const constant = toCellContent(cell.value);
  if (cell.link) {
    const reference = `${quoteSheetName(cell.link.sheet)}!${cell.link.cell}`;
    const shown = constant === "" ? cell.link.cell : String(constant);
    if (shown.length <= MAX_FORMULA_STRING) {
      return {
        content: `=HYPERLINK(${quoteFormulaText(`#${reference}`)},${quoteFormulaText(shown)})`,
        text: false,
      };
    }
    links.push({ row: cell.row, col: cell.col, documentReference: reference, text: shown });
    return { content: shown, text: true };
  }
  return { content: constant, text: typeof constant === "string" && isReinterpretedText(constant) };
}

function mergeProblem(merges: readonly MergedArea[]): string | null {
  if (merges.length >= MAX_MERGES)
    return `${merges.length} merged areas (Excel allows fewer than ${MAX_MERGES})`;
  for (const m of merges) {
    if (
      !(m.rows >= 1 && m.cols >= 1) ||
      m.row < 0 ||
      m.col < 0 ||
      m.row + m.rows > MAX_ROWS ||
      m.col + m.cols > MAX_COLS
    ) {
      return `merged area at row ${m.row}, column ${m.col} is outside the sheet`;
    }
  }
  const sorted = [...merges].sort((a, b) => a.row - b.row);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].row < sorted[i].row + sorted[i].rows; j++) {
      if (intersects(sorted[i], sorted[j]))
        return `merged areas ${rangeAddress(sorted[i])} and ${rangeAddress(sorted[j])} overlap`;
    }
  }
  return null;
}

/** The layout's cells in row order, one per position (the last listed wins); cells at
 * positions that are not whole numbers are dropped; one outside the sheet is a problem. */
function placedCells(layoutCells: readonly LayoutCell[]): LayoutCell[] | string {
  const valid: LayoutCell[] = [];
  for (const cell of layoutCells) {
    if (!Number.isInteger(cell.row) || !Number.isInteger(cell.col)) continue;
    if (cell.row < 0 || cell.col < 0 || cell.row >= MAX_ROWS || cell.col >= MAX_COLS)
      return `cell at row ${cell.row}, column ${cell.col} is outside the sheet`;
    valid.push(cell);
  }
  // Builders emit cells row by row; sort (stably) only when they did not.
  const before = (a: LayoutCell, b: LayoutCell) =>
    a.row < b.row || (a.row === b.row && a.col < b.col);
  if (valid.some((c, i) => i > 0 && before(c, valid[i - 1])))
    valid.sort((a, b) => a.row - b.row || a.col - b.col);
  // The last cell wins when a layout lists a position twice.
  return valid.filter((c, i) => i === valid.length - 1 || before(c, valid[i + 1]));
}

/** Plans a layout; a layout Excel cannot take is a problem, not an exception. */
export function planSheet(layout: SheetLayout): PlanResult {
  const nameProblem = sheetNameProblem(layout.name);
  if (nameProblem) return { ok: false, problem: `sheet name "${layout.name}": ${nameProblem}` };
  const merges = layout.merges ?? [];
  const problem = mergeProblem(merges);
  if (problem) return { ok: false, problem };

  const cells = placedCells(layout.cells);
  if (typeof cells === "string") return { ok: false, problem: cells };
  const links: LinkWrite[] = [];
  const shown: SheetPlan["shown"] = [];
  const textCells: CellRef[] = [];
  const fingerprint = new ContentFingerprint();
  const bounds = { r0: MAX_ROWS, c0: MAX_COLS, r1: -1, c1: -1 };
  const grow = (r0: number, c0: number, r1: number, c1: number) => {
    bounds.r0 = Math.min(bounds.r0, r0);
    bounds.c0 = Math.min(bounds.c0, c0);
    bounds.r1 = Math.max(bounds.r1, r1);
    bounds.c1 = Math.max(bounds.c1, c1);
  };

  // Content rows → blocks of consecutive rows, each as wide as its widest row.
  const contentRows = new Map<number, { col: number; content: CellContent }[]>();
  for (const cell of cells) {
    const { content, text } = contentOf(cell, links);
    if (typeof content === "string" && content.startsWith("=") && !text) {
      const cached = toCellContent(cell.value);
      const value = cached !== "" ? cached : cell.link ? cell.link.cell : "";
      if (value !== "") shown.push({ row: cell.row, col: cell.col, value });
    }
    if (content === "") continue;
    if (text) textCells.push({ row: cell.row, col: cell.col });
    const line = contentRows.get(cell.row) ?? [];
    line.push({ col: cell.col, content });
    contentRows.set(cell.row, line);
    fingerprint.add(cell.row, cell.col, content);
  }
  const blocks = contentBlocks(contentRows);
  for (const b of blocks)
    grow(b.row, b.col, b.row + b.grid.length - 1, b.col + (b.grid[0]?.length ?? 1) - 1);

  // Styles, and number formats by style. A merged area takes its anchor's style on every
  // cell without a style of its own (so the area's borders close).
  const cellsByStyle = new Map<string, CellRef[]>();
  const styled = merges.length > 0 ? new Map<number, string>() : null;
  for (const cell of cells) {
    if (!cell.style || !layout.styles[cell.style]) continue;
    pushTo(cellsByStyle, cell.style, { row: cell.row, col: cell.col });
    styled?.set(cell.row * MAX_COLS + cell.col, cell.style);
    grow(cell.row, cell.col, cell.row, cell.col);
  }
  if (styled) {
    for (const m of merges) {
      const anchor = styled.get(m.row * MAX_COLS + m.col);
      if (!anchor) continue;
      for (let r = m.row; r < m.row + m.rows; r++) {
        for (let c = m.col; c < m.col + m.cols; c++) {
          if (!styled.has(r * MAX_COLS + c)) pushTo(cellsByStyle, anchor, { row: r, col: c });
        }
      }
    }
  }
  const cellsByFormat = new Map<string, CellRef[]>();
  for (const [style, refs] of cellsByStyle) {
    const format = layout.styles[style]?.numberFormat;
    if (format) for (const ref of refs) pushTo(cellsByFormat, format, ref);
  }
  const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
  const styles: StyleGroup[] = [...cellsByStyle.entries()]
    .sort(byName)
    .map(([key, refs]) => ({ key, style: layout.styles[key], rects: cellsToRects(refs) }));
  const numberFormats: NumberFormatGroup[] = [...cellsByFormat.entries()]
    .sort(byName)
    .map(([format, refs]) => ({ format, rects: cellsToRects(refs) }));
  for (const m of merges) grow(m.row, m.col, m.row + m.rows - 1, m.col + m.cols - 1);

  const e = bounds.r1 < 0 ? { r0: 0, c0: 0, r1: 0, c1: 0 } : bounds;
  const plan: SheetPlan = {
    name: layout.name,
    blocks,
    styles,
    numberFormats,
    textRects: cellsToRects(textCells),
    merges: merges.map((m) => ({ row: m.row, col: m.col, rows: m.rows, cols: m.cols })),
    links,
    shown,
    columnWidths: (layout.columnWidths ?? []).map((w) =>
      Number.isFinite(w) && w >= 0 ? Math.min(w, 1638) : 0
    ),
    rowHeights: Object.entries(layout.rowHeights ?? {})
      .map(([row, h]): [number, number] => [Number(row), Number(h)])
      .filter(
        ([row, h]) =>
          Number.isInteger(row) && row >= 0 && row < MAX_ROWS && Number.isFinite(h) && h >= 0
      )
      .map(([row, h]): [number, number] => [row, Math.min(h, 409)])
      .sort((a, b) => a[0] - b[0]),
    autofitRows: autofitRuns(cells, merges, layout.styles),
    hiddenColumns: (layout.hiddenColumns ?? []).filter(
      (c) => Number.isInteger(c) && c >= 0 && c < MAX_COLS
    ),
    defaultFont: layout.defaultFont,
    freezeRows: layout.freezeRows && layout.freezeRows > 0 ? layout.freezeRows : undefined,
    page: layout.page,
    charts: layout.charts ?? [],
    extent: { row: e.r0, col: e.c0, rows: e.r1 - e.r0 + 1, cols: e.c1 - e.c0 + 1 },
    fingerprint: fingerprint.digest(),
    cellCount: [...contentRows.values()].reduce((n, line) => n + line.length, 0),
  };
  return { ok: true, plan };
}

/** Content rows as blocks of consecutive rows, each as wide as its widest row. */
function contentBlocks(
  contentRows: ReadonlyMap<number, { col: number; content: CellContent }[]>
): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  let pending: { row: number; lines: { col: number; content: CellContent }[][] } | null = null;
  const flush = () => {
    if (!pending) return;
    let c0 = MAX_COLS;
    let c1 = -1;
    for (const line of pending.lines) {
      for (const c of line) {
        c0 = Math.min(c0, c.col);
        c1 = Math.max(c1, c.col);
      }
    }
    const grid = pending.lines.map((line) => {
      const row: CellContent[] = new Array<CellContent>(c1 - c0 + 1).fill("");
      for (const c of line) row[c.col - c0] = c.content;
      return row;
    });
    blocks.push({ row: pending.row, col: c0, grid });
    pending = null;
  };
  for (const row of [...contentRows.keys()].sort((a, b) => a - b)) {
    const line = contentRows.get(row) ?? [];
    if (pending && pending.row + pending.lines.length === row) pending.lines.push(line);
    else {
      flush();
      pending = { row, lines: [line] };
    }
  }
  flush();
  return blocks;
}

/** Rows with a wrapped, non-empty cell and no merged area, as runs of consecutive rows. */
function autofitRuns(
  cells: readonly LayoutCell[],
  merges: readonly { row: number; rows: number }[],
  styles: SheetLayout["styles"]
): [number, number][] {
  const merged = new Set<number>();
  for (const m of merges) for (let r = m.row; r < m.row + m.rows; r++) merged.add(r);
  const rows = new Set<number>();
  for (const cell of cells) {
    if (merged.has(cell.row) || !styles[cell.style ?? ""]?.wrap) continue;
    if ((cell.value !== undefined && cell.value !== null && cell.value !== "") || cell.formula)
      rows.add(cell.row);
  }
  const runs: [number, number][] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === row - 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}

/** "A1:C9" of a plan's extent, for marks and messages. */
export function extentAddress(plan: SheetPlan): string {
  return rangeAddress(plan.extent);
}

/** Rows → "$1:$3" as setPrintTitleRows wants them. */
export function printTitleRowsAddress(rows: [number, number]): string {
  const [first, last] = rows[0] <= rows[1] ? rows : [rows[1], rows[0]];
  return `$${first + 1}:$${last + 1}`;
}

/** Column index → "C:C". */
export function columnRangeAddress(col: number): string {
  const letters = cellAddress(0, col).replace(/\d+$/, "");
  return `${letters}:${letters}`;
}
