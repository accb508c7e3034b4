/**
 * Running one port method as one Excel.run: the runner (Office's, or a test's fake), the
 * count of its context.sync() calls, the per-sync watchdog (slow, never abandoned), Office errors turned into
 * WorkbookErrors, and Kaona's own writes with events off (restored in the same batch, or
 * in a cleanup sync on failure or timeout).
 */
import { toWorkbookError, type ErrorContext } from "./errors";

/** Runs batches against Excel; tests pass a fake that records every request. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions): Promise<T>;
  /** Re-enters the context event handlers were registered in (to remove them). */
  runWith<T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
}

export const officeRunner: ExcelRunner = {
  run: (batch, options) =>
    options?.delayForCellEdit ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch),
  runWith: (context, batch) => Excel.run(context, batch),
};

/** Told when a sync has been in flight longer than the watchdog's time (`slow: true`) and
 * when that sync has come back (`slow: false`). */
export type SlowSyncListener = (event: { what: string; slow: boolean }) => void;

/**
 * Counts one Excel.run's context.sync() calls (for WriteResult.syncs and the tests) and
 * watches each: a sync in flight longer than `timeoutMs` is reported slow, never abandoned.
 * Office.js cannot cancel a batch it has sent, so giving up on it would report a failure
 * for a write that Excel still applies (with no undo): Kaona waits for the answer, and says
 * that Excel is slow meanwhile.
 */
export class Syncs {
  count = 0;
  private readonly original: (passThroughValue?: unknown) => Promise<unknown>;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly watch: SyncWatch
  ) {
    this.original = context.sync.bind(context) as (passThroughValue?: unknown) => Promise<unknown>;
    context.sync = <T>(passThroughValue?: T): Promise<T> => {
      this.count += 1;
      return this.watch.around(() => this.original(passThroughValue)) as Promise<T>;
    };
  }

  /** Gives the context its own sync back: a context outlives its run when event handlers
   * registered in it are removed later (Excel.run(context, …)). */
  release(): void {
    this.context.sync = this.original as Excel.RequestContext["sync"];
  }

  /** One last sync to put things back (events on, a half-made sheet removed) after a
   * failure; failures are the caller's to ignore. */
  cleanup(): Promise<unknown> {
    this.count += 1;
    return this.watch.around(() => this.original());
  }
}

/** The watchdog of one run's syncs: reports a sync slow after `ms`, and back when it returns. */
export class SyncWatch {
  constructor(
    private readonly ms: number,
    private readonly what: string,
    private readonly onSlow: SlowSyncListener | undefined
  ) {}

  around<T>(sync: () => Promise<T>): Promise<T> {
    let slow = false;
    const timer = setTimeout(() => {
      slow = true;
      this.onSlow?.({ what: this.what, slow: true });
    }, this.ms);
    const settle = (): void => {
      clearTimeout(timer);
      if (slow) this.onSlow?.({ what: this.what, slow: false });
    };
    return sync().then(
      (value) => {
        settle();
        return value;
      },
      (error: unknown) => {
        settle();
        throw error;
      }
    );
  }
}

/** A batch of one port method: its context and the count of its syncs. */
export type Batch<T> = (context: Excel.RequestContext, syncs: Syncs) => Promise<T>;

/** How port methods run: the runner, the time after which a sync is reported slow, and
 * who is told. */
export interface RunSettings {
  runner: ExcelRunner;
  timeoutMs: number;
  onSlow?: SlowSyncListener;
}

/** Options of one run: `delayForCellEdit` for the writes a person asked for (Excel waits
 * until they leave the cell they are typing in, instead of failing the batch). */
export interface RunOptions {
  delayForCellEdit?: boolean;
}

/** One Excel.run of `batch`, its syncs watched; any failure as a WorkbookError about `where`. */
export async function runBatch<T>(
  settings: RunSettings,
  what: string,
  where: ErrorContext,
  batch: Batch<T>,
  options: RunOptions = {}
): Promise<T> {
  const watch = new SyncWatch(settings.timeoutMs, what, settings.onSlow);
  let syncs: Syncs | undefined;
  try {
    return await settings.runner.run((context) => {
      syncs = new Syncs(context, watch);
      return batch(context, syncs);
    }, options);
  } catch (error) {
    throw toWorkbookError(error, where);
  } finally {
    syncs?.release();
  }
}

/** Runs `write` with events off, restored in its last batch or, on failure, in a
 * cleanup sync (with `undo`, which queues the removal of what this run half-made). */
export async function withEventsOff<T>(
  context: Excel.RequestContext,
  syncs: Syncs,
  previous: boolean,
  write: () => Promise<T>,
  undo?: () => Promise<void>
): Promise<T> {
  context.runtime.enableEvents = false;
  try {
    return await write();
  } catch (error) {
    // Best effort: the error the person sees is the one that stopped the write.
    if (undo) await undo().catch(() => undefined);
    context.runtime.enableEvents = previous;
    await syncs.cleanup().catch(() => undefined);
    throw error;
  }
}

/** Registers change handlers on tables in one run; returns their remover, which re-enters
 * the registering context (one sync, under its own watchdog) and never throws: a handler
 * whose table was deleted cannot be removed, and must not keep the pane from binding again
 * (it dies with its table). */
export async function watchTables(
  settings: RunSettings,
  ids: readonly string[],
  handler: (event: Excel.TableChangedEventArgs) => void
): Promise<() => Promise<void>> {
  if (ids.length === 0) return async () => undefined;
  const registrations = await runBatch(
    settings,
    "onTablesChanged",
    { table: ids.join(", ") },
    async (context) => {
      const results = ids.map((id) =>
        context.workbook.tables
          .getItem(id)
          .onChanged.add(async (event: Excel.TableChangedEventArgs) => {
            handler(event);
          })
      );
      await context.sync();
      return results;
    }
  );
  let removed = false;
  return async () => {
    if (removed) return;
    removed = true;
    const first = registrations[0];
    const watch = new SyncWatch(settings.timeoutMs, "removing table handlers", settings.onSlow);
    try {
      await settings.runner.runWith(first.context, async (context) => {
        for (const registration of registrations) registration.remove();
        await watch.around(() => context.sync());
      });
    } catch {
      // Best effort (see above).
    }
  };
}
