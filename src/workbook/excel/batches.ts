/**
 * The size budgets of one sync and the packing of work within them. Excel on the web
 * refuses requests and responses over 5 MB (counted in UTF-8 bytes), so every read and
 * write is cut into batches of at most `maxBytes` (4 MB by default) and `maxRows` rows,
 * each sent in one context.sync(): the batch count is the only growth with size.
 */
import { jsonBytes } from "../payload";
import { isPayloadError } from "./errors";

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

/**
 * What a request costs, counted as Microsoft documents it ("Payload size limit best
 * practices", Excel performance article): "the number of API calls, the number of objects,
 * such as Range objects, and the length of the value to set or get". Each call and each
 * object path is a JSON record of about a hundred bytes in Office.js's request (id, type,
 * name, parent, arguments); counted here at 160 to leave room, values at their UTF-8 JSON
 * length. The 4 MB budget under Excel on the web's 5 MB is the margin on the total.
 */
export const BYTES_PER_CALL = 160;
export const BYTES_PER_OBJECT = 160;

export function requestCost(parts: {
  calls: number;
  objects: number;
  valueBytes?: number;
}): number {
  return parts.calls * BYTES_PER_CALL + parts.objects * BYTES_PER_OBJECT + (parts.valueBytes ?? 0);
}

/** One queued piece of a write: its estimated request bytes and rows, and what queues it. */
export interface WriteOp {
  bytes: number;
  rows: number;
  apply: () => void;
  /** Two smaller ops doing the same (a content slice in halves), when Excel refuses it whole. */
  split?: () => [WriteOp, WriteOp] | undefined;
}

/**
 * Sends ops in batches within the budget, one sync each. When Excel refuses a batch as too
 * large (RequestPayloadSizeLimitExceeded: the request is refused whole, nothing of it done),
 * the batch is split in two and both halves are sent; a single op is split by its own
 * `split`; an op that cannot be split is an error. `beforeLast` queues what must go with
 * the last batch (events back on), told how many batches went before it. Returns the
 * number of batches sent.
 */
export async function sendInBatches(
  context: Excel.RequestContext,
  ops: readonly WriteOp[],
  budget: Budget,
  beforeLast?: (sent: number) => void
): Promise<number> {
  const queue = packBatches(ops, budget.maxBytes, budget.maxRows);
  let sent = 0;
  while (queue.length > 0) {
    const batch = queue.shift() as WriteOp[];
    for (const op of batch) op.apply();
    if (queue.length === 0) beforeLast?.(sent);
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤ 4 MB batch, as Excel on the web's 5 MB limit requires
      await context.sync();
      sent += 1;
    } catch (error) {
      if (!isPayloadError(error)) throw error;
      const halves = splitBatch(batch);
      if (!halves) throw error;
      queue.unshift(...halves);
    }
  }
  return sent;
}

/** A refused batch as two smaller ones, or undefined when it cannot get smaller. */
function splitBatch(batch: WriteOp[]): WriteOp[][] | undefined {
  if (batch.length > 1) {
    const middle = Math.ceil(batch.length / 2);
    return [batch.slice(0, middle), batch.slice(middle)];
  }
  const halves = batch[0]?.split?.();
  return halves ? [[halves[0]], [halves[1]]] : undefined;
}

/** Write ops for a grid's row slices (each split in halves on refusal), at `place` in the sheet. */
export function gridOps<T>(
  grid: readonly T[][],
  budget: Budget,
  write: (firstRow: number, slice: T[][]) => void
): WriteOp[] {
  const opOf = (start: number, slice: T[][], bytes: number): WriteOp => ({
    bytes: bytes + requestCost({ calls: 1, objects: 2 }),
    rows: slice.length,
    apply: () => write(start, slice),
    split: () => {
      if (slice.length < 2) return undefined;
      const middle = Math.ceil(slice.length / 2);
      const top = slice.slice(0, middle);
      const bottom = slice.slice(middle);
      return [opOf(start, top, jsonBytes(top)), opOf(start + middle, bottom, jsonBytes(bottom))];
    },
  });
  return sliceRows(grid, budget.maxBytes - 4096, budget.maxRows).map(([start, slice, bytes]) =>
    opOf(start, slice, bytes)
  );
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
