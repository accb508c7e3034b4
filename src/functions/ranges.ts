/**
 * Reading the ranges Excel hands to custom functions: 2-D arrays (a column, a row or a
 * block), where empty cells arrive as "" (or null). Each helper turns them into flat
 * lists the domain can read, and reports misuse as an Excel error.
 */
import { kpiError } from "./errors";

/** The cells of a range in reading order (row by row), so a column and a row read alike.
 * A single value (a scalar passed where a range belongs) counts as a one-cell range. */
function cellsOf(range: unknown): unknown[] {
  if (!Array.isArray(range)) return [range];
  if (range.length === 1) return Array.isArray(range[0]) ? range[0] : range;
  if (range.every((row) => Array.isArray(row) && row.length === 1)) {
    // A column, the usual case: one preallocated pass.
    const cells = new Array<unknown>(range.length);
    for (let index = 0; index < range.length; index += 1)
      cells[index] = (range[index] as unknown[])[0];
    return cells;
  }
  const cells: unknown[] = [];
  for (const row of range) {
    if (Array.isArray(row)) for (const cell of row) cells.push(cell);
    else cells.push(row);
  }
  return cells;
}

/** Whether a cell is empty as Excel passes it ("" or null; whitespace-only text too). */
export function isBlankCell(cell: unknown): boolean {
  if (cell === "" || cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  // Most cells start with a visible character; only the rest need the full check.
  const first = cell.charCodeAt(0);
  if (first > 0x20 && first !== 0xa0 && first !== 0x200b && first !== 0xfeff) return false;
  return cell.replace(/[\u200B-\u200D\uFEFF]/g, "").trim() === "";
}

/**
 * Memoizes a cell parser per raw value: columns repeat their values (codes, dates,
 * "100.00 %", outcome labels), and parsing each distinct value once keeps a 100,000-row
 * call within Excel's budget. Bounded, so a column of distinct text cannot grow it forever.
 */
export function memoizeCells<T>(
  parse: (cell: unknown) => T,
  limit = 100_000
): (cell: unknown) => T {
  const memo = new Map<unknown, T>();
  return (cell) => {
    const known = memo.get(cell);
    if (known !== undefined || memo.has(cell)) return known as T;
    const parsed = parse(cell);
    if (memo.size < limit) memo.set(cell, parsed);
    return parsed;
  };
}

/** Cell access without copying: a 100,000-row column is read in place. */
export interface CellView {
  length: number;
  at(index: number): unknown;
}

/** A range read in place, in reading order (row by row), like `cellsOf` without the copy. */
export function viewOf(range: unknown): CellView {
  if (!Array.isArray(range)) return { length: 1, at: (index) => (index === 0 ? range : undefined) };
  if (range.length === 1 && Array.isArray(range[0])) {
    const row: unknown[] = range[0];
    return { length: row.length, at: (index) => row[index] };
  }
  if (range.every((row) => Array.isArray(row) && row.length === 1)) {
    const rows = range as unknown[][];
    return { length: rows.length, at: (index) => rows[index]?.[0] };
  }
  const cells = cellsOf(range);
  return { length: cells.length, at: (index) => cells[index] };
}

/** Parallel columns (codes, rounds, progress…) as views of one length. Different lengths
 * are a #VALUE! naming the ranges, as Excel's own SUMIFS does for mismatched sizes. */
export function parallelColumns(ranges: readonly unknown[], names: readonly string[]): CellView[] {
  const columns = ranges.map(viewOf);
  const length = columns[0]?.length ?? 0;
  const mismatch = columns.findIndex((column) => column.length !== length);
  if (mismatch > 0) {
    throw kpiError(
      "invalidValue",
      `ช่วง ${names[0]} และ ${names[mismatch]} มีขนาดไม่เท่ากัน (${length} และ ${columns[mismatch].length} เซลล์) / ` +
        `The ranges ${names[0]} and ${names[mismatch]} differ in size (${length} and ${columns[mismatch].length} cells)`
    );
  }
  return columns;
}

/** An optional scalar argument: Excel passes null (or nothing) for an omitted one, and
 * "" for a reference to an empty cell. */
export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}
