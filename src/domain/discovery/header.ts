/**
 * Finding a table's header in the first rows of a sheet: below title rows (often merged),
 * an "ณ วันที่ …" note or blank rows, and a grouped header of two rows combined into one
 * ("งบประมาณ (ล้านบาท)" over "ที่ได้รับ" | "ที่ใช้ไป" → "งบประมาณที่ได้รับ (ล้านบาท)"). Pure.
 */
import type { CellBlock, SheetGrid } from "../grid";
import { headerUnitOf, headerWithoutUnit } from "../interpret";
import { autoMap, guessKind } from "../mapping";
import { cleanText } from "../text";
import { TABLE_KINDS } from "../schema";
import type { CellValue, TableKind } from "../types";

/** How far down a sheet its header may start. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderFound {
  kind: TableKind;
  /** Zero-based sheet row of the header's last row (data starts below it). */
  row: number;
  /** 1, or 2 for a grouped header combined from the row above. */
  rows: 1 | 2;
  /** First and last column of the header. */
  left: number;
  right: number;
  /** Header texts from `left` to `right`. */
  headers: string[];
  /** Share of the header's non-blank cells mapped to fields. */
  score: number;
  /** Fields mapped. */
  mapped: number;
}

export function textOf(value: CellValue): string {
  if (value === null || value === undefined) return "";
  return cleanText(typeof value === "string" ? value : String(value));
}

/** The text shown in a cell: a merged area shows its top-left cell's value everywhere. */
function shownText(grid: SheetGrid, row: number, col: number): string {
  const own = textOf(grid.values[row]?.[col]);
  if (own !== "") return own;
  const merge = mergeAt(grid.merges, row, col);
  return merge ? textOf(grid.values[merge.top]?.[merge.left]) : "";
}

function mergeAt(merges: readonly CellBlock[], row: number, col: number): CellBlock | undefined {
  for (const merge of merges)
    if (row >= merge.top && row <= merge.bottom && col >= merge.left && col <= merge.right)
      return merge;
  return undefined;
}

/** Whether a field of `kind` matches this one header. */
function matches(kind: TableKind, header: string): boolean {
  return header !== "" && Object.keys(autoMap(kind, [header]).columns).length > 0;
}

/** An upper and a lower header cell as one: the lower one under a group label, with the
 * unit of either at the end. */
function joined(upper: string, lower: string): string {
  const unit = headerUnitOf(upper) ?? headerUnitOf(lower);
  const base = `${String(headerWithoutUnit(upper))}${String(headerWithoutUnit(lower))}`;
  if (!unit) return `${upper} ${lower}`;
  const word = unit === "millionBaht" ? "ล้านบาท" : unit === "thousandBaht" ? "พันบาท" : "บาท";
  return `${base} (${word})`;
}

/** The header of `kind` two rows make, column by column: the lower text when it maps to a
 * field of the kind, else both joined when that does; the upper text under a blank. */
function combinedHeaders(kind: TableKind, upper: string[], lower: string[]): string[] {
  return lower.map((below, index) => {
    const above = upper[index];
    if (above === "") return below;
    if (below === "") return above;
    if (matches(kind, below)) return below;
    const both = joined(above, below);
    return matches(kind, both) ? both : below;
  });
}

/**
 * The labels a row puts over the header below it: its own cells, and merged cells narrower
 * than the header (a group label). A merge as wide as the header is a title, not a label.
 */
function groupLabels(
  grid: SheetGrid,
  row: number,
  span: [number, number],
  columns: number
): string[] {
  const labels: string[] = [];
  const width = span[1] - span[0] + 1;
  for (let col = 0; col < columns; col++) {
    const merge = mergeAt(grid.merges, row, col);
    if (!merge) labels.push(textOf(grid.values[row]?.[col]));
    else if (merge.right - merge.left + 1 < width && merge.top === row)
      labels.push(textOf(grid.values[merge.top]?.[merge.left]));
    else labels.push("");
  }
  return labels;
}

/** Non-blank extent of a row of texts. */
function extent(texts: readonly string[]): [number, number] | undefined {
  let left = -1;
  let right = -1;
  texts.forEach((text, col) => {
    if (text === "") return;
    if (left < 0) left = col;
    right = col;
  });
  return left < 0 ? undefined : [left, right];
}

/** A header cell merged down into the next row: the header goes on below it. */
function mergesDown(grid: SheetGrid, row: number, left: number, right: number): boolean {
  return grid.merges.some(
    (merge) => merge.top === row && merge.bottom > row && merge.right >= left && merge.left <= right
  );
}

function better(a: HeaderFound, b: HeaderFound | undefined): boolean {
  if (!b) return true;
  if (a.score !== b.score) return a.score > b.score;
  if (a.mapped !== b.mapped) return a.mapped > b.mapped;
  return false;
}

/**
 * The best header of a plain range in a sheet's first rows, trying each row alone and with
 * the row above. Undefined when no row reads as the header of a table kind.
 */
export function findHeader(grid: SheetGrid, columns: number): HeaderFound | undefined {
  const last = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  const texts: string[][] = [];
  for (let row = 0; row < last; row++) {
    const line: string[] = [];
    for (let col = 0; col < columns; col++) line.push(shownText(grid, row, col));
    texts.push(line);
  }
  let best: HeaderFound | undefined;
  for (let row = 0; row < last; row++) {
    const lower = texts[row];
    const span = extent(lower);
    if (!span) continue;
    const candidates: { rows: 1 | 2; headers: (kind: TableKind) => string[] }[] = [];
    if (!mergesDown(grid, row, span[0], span[1]))
      candidates.push({ rows: 1, headers: () => lower });
    const upper = row > 0 ? groupLabels(grid, row - 1, span, columns) : undefined;
    if (upper && extent(upper))
      candidates.push({ rows: 2, headers: (kind) => combinedHeaders(kind, upper, lower) });
    for (const candidate of candidates) {
      for (const kind of TABLE_KINDS) {
        const headers = candidate.headers(kind);
        const guess = guessKind(headers);
        if (guess.kind !== kind) continue;
        const mapped = Object.keys(autoMap(kind, headers).columns).length;
        if (mapped < 2) continue;
        const [left, right] = extent(headers) ?? span;
        const found: HeaderFound = {
          kind,
          row,
          rows: candidate.rows,
          left,
          right,
          headers: headers.slice(left, right + 1),
          score: guess.score,
          mapped,
        };
        if (better(found, best)) best = found;
      }
    }
  }
  return best;
}
