/**
 * Reading rectangles of cells in row windows, several windows per sync within the budget,
 * each sized from the bytes per row measured so far. Any caller that needs some rows of a
 * range (a table's rest after its first rows, an old sheet's formulas, a few changed rows)
 * describes them as a WindowJob and reads them with readRowWindows.
 */
import type { RangeRef } from "../../domain/a1";
import { SIZE_MARGIN, type Budget } from "./batches";
import { isPayloadError } from "./errors";

/** A rectangle read in row windows: which rows are still to read, and what a row costs. */
export interface WindowJob {
  rect: RangeRef;
  /** Row offsets [from, to) within rect still to read, in order. */
  pending: [number, number][];
  /** Response bytes per row: measured, or a guess until measured. */
  bytesPerRow: number;
  /** The range object of a window (a rectangle in the sheet's coordinates). */
  range: (rect: RangeRef) => Excel.Range;
  /** What to load of each window, e.g. "values,numberFormat". */
  props: string;
  /** Takes a loaded window whose first row is `offset` within rect; returns its bytes. */
  take: (offset: number, range: Excel.Range) => number;
}

/**
 * Reads row windows, several per sync within the byte and row budgets, each window sized
 * from the bytes per row measured so far (never below the largest seen). When Excel
 * refuses a sync as too large, the estimate doubles and the same rows are read again in
 * smaller windows; a single row too large for Excel is an error.
 */
export async function readRowWindows(
  context: Excel.RequestContext,
  jobs: readonly WindowJob[],
  budget: Budget
): Promise<void> {
  const { maxBytes, maxRows } = budget;
  for (;;) {
    const batch: { job: WindowJob; from: number; rows: number; range: Excel.Range }[] = [];
    let bytes = 0;
    let rows = 0;
    for (const job of jobs) {
      while (job.pending.length > 0 && rows < maxRows) {
        const [from, to] = job.pending[0];
        const fit = Math.floor((maxBytes - bytes) / (Math.max(1, job.bytesPerRow) * SIZE_MARGIN));
        const count = Math.min(
          to - from,
          maxRows - rows,
          batch.length === 0 ? Math.max(1, fit) : fit
        );
        if (count < 1) break;
        const rect = {
          row: job.rect.row + from,
          col: job.rect.col,
          rows: count,
          cols: job.rect.cols,
        };
        const range = job.range(rect);
        range.load(job.props);
        batch.push({ job, from, rows: count, range });
        bytes += count * job.bytesPerRow * SIZE_MARGIN;
        rows += count;
        if (from + count >= to) job.pending.shift();
        else job.pending[0] = [from + count, to];
      }
    }
    if (batch.length === 0) return;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤ 4 MB window batch, as Excel on the web's 5 MB limit requires
      await context.sync();
    } catch (error) {
      if (!isPayloadError(error) || (batch.length === 1 && batch[0].rows === 1)) throw error;
      const doubled = new Set<WindowJob>();
      for (let i = batch.length - 1; i >= 0; i--) {
        const w = batch[i];
        w.job.pending.unshift([w.from, w.from + w.rows]);
        if (!doubled.has(w.job)) {
          w.job.bytesPerRow *= 2;
          doubled.add(w.job);
        }
      }
      continue;
    }
    for (const w of batch) {
      const measured = w.job.take(w.from, w.range) / w.rows;
      w.job.bytesPerRow = Math.max(w.job.bytesPerRow, measured);
    }
  }
}
