/**
 * Cells → rectangles → multi-area address lists, so one formatting request covers every
 * cell that shares a style (Worksheet.getRanges, ExcelApi 1.9) instead of one per cell.
 */
import { rangeAddress, type CellRef, type RangeRef } from "../domain/a1";

/**
 * Groups cells into rectangles: runs of consecutive columns in a row, then runs with the
 * same columns in consecutive rows merged. Deterministic (sorted by row, then column).
 */
export function cellsToRects(cells: readonly CellRef[]): RangeRef[] {
  if (cells.length === 0) return [];
  const ordered = cells.every(
    (c, i) =>
      i === 0 ||
      cells[i - 1].row < c.row ||
      (cells[i - 1].row === c.row && cells[i - 1].col < c.col)
  );
  const sorted = ordered ? cells : [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  // Row segments, de-duplicated.
  const segments: RangeRef[] = [];
  for (const cell of sorted) {
    const last = segments[segments.length - 1];
    if (last && last.row === cell.row && cell.col <= last.col + last.cols) {
      if (cell.col === last.col + last.cols) last.cols += 1;
      continue;
    }
    segments.push({ row: cell.row, col: cell.col, rows: 1, cols: 1 });
  }
  // Merge segments spanning the same columns in consecutive rows.
  const open = new Map<string, RangeRef>();
  const rects: RangeRef[] = [];
  for (const seg of segments) {
    const key = `${seg.col}:${seg.cols}`;
    const prev = open.get(key);
    if (prev && prev.row + prev.rows === seg.row) {
      prev.rows += 1;
    } else {
      const rect = { ...seg };
      open.set(key, rect);
      rects.push(rect);
    }
  }
  return rects.sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * Joins rectangle addresses into comma lists no longer than `maxChars`. Long lists fail in
 * getRanges ("The argument is invalid…", OfficeDev/office-js#5198 reports failures from
 * about 8,200 characters), so each list stays well under that.
 */
export function addressLists(rects: readonly RangeRef[], maxChars = 2000): string[] {
  const lists: string[] = [];
  let current = "";
  for (const rect of rects) {
    const address = rangeAddress(rect);
    if (current && current.length + 1 + address.length > maxChars) {
      lists.push(current);
      current = address;
    } else {
      current = current ? `${current},${address}` : address;
    }
  }
  if (current) lists.push(current);
  return lists;
}

export function cellCount(rects: readonly RangeRef[]): number {
  return rects.reduce((sum, r) => sum + r.rows * r.cols, 0);
}
