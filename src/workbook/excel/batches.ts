/**
 * The size budgets of one sync and the packing of work within them. Excel on the web
 * refuses requests and responses over 5 MB (counted in UTF-8 bytes), so every read and
 * write is cut into batches of at most `maxBytes` (4 MB by default) and `maxRows` rows,
 * each sent in one context.sync(): the batch count is the only growth with size.
 */
import { jsonBytes } from "../payload";

/** The per-sync budgets. */
export interface Budget {
  /** Request (or response) bytes per sync. */
  maxBytes: number;
  /** Rows of cell content per sync. */
  maxRows: number;
}

/** Safety margin on measured sizes: rows differ, and the 4 MB budget must stay under 5 MB. */
export const SIZE_MARGIN = 1.25;

/** Rows of a grid that fit `bytes` at `bytesPerRow` (with the margin), within 1..maxRows. */
export function rowsWithin(bytes: number, bytesPerRow: number, maxRows: number): number {
  return Math.max(
    1,
    Math.min(maxRows, Math.floor(bytes / (Math.max(1, bytesPerRow) * SIZE_MARGIN)))
  );
}

/** One queued piece of a write: its estimated request bytes and rows, and what queues it. */
export interface WriteOp {
  bytes: number;
  rows: number;
  apply: () => void;
}

/** Packs operations, in order, into batches within the byte and row budgets. */
export function packBatches(
  ops: readonly WriteOp[],
  maxBytes: number,
  maxRows: number
): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  let rows = 0;
  for (const op of ops) {
    if (current.length > 0 && (bytes + op.bytes > maxBytes || rows + op.rows > maxRows)) {
      batches.push(current);
      current = [];
      bytes = 0;
      rows = 0;
    }
    current.push(op);
    bytes += op.bytes;
    rows += op.rows;
  }
  if (current.length > 0 || batches.length === 0) batches.push(current);
  return batches;
}

/** Splits a grid into row slices within the budgets: [firstRow, slice, bytes] each. */
export function sliceRows<T>(
  grid: readonly T[][],
  maxBytes: number,
  maxRows: number
): [number, T[][], number][] {
  const slices: [number, T[][], number][] = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < grid.length; i++) {
    const rowBytes = jsonBytes(grid[i]) + 1;
    if (i > start && (bytes + rowBytes > maxBytes || i - start >= maxRows)) {
      slices.push([start, grid.slice(start, i), bytes]);
      start = i;
      bytes = 2;
    }
    bytes += rowBytes;
  }
  if (grid.length > start) slices.push([start, grid.slice(start), bytes]);
  return slices;
}
