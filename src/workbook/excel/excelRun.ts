/**
 * Running one port method as one Excel.run: the runner (Office's, or a test's fake), the
 * count of its context.sync() calls, the per-sync watchdog, Office errors turned into
 * WorkbookErrors, and Kaona's own writes with events off (restored in the same batch, or
 * in a cleanup sync on failure or timeout).
 */
import { RunWatchdog, toWorkbookError, withWatchdog, type ErrorContext } from "./errors";

/** Runs batches against Excel; tests pass a fake that records every request. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Re-enters the context event handlers were registered in (to remove them). */
  runWith<T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
}

export const officeRunner: ExcelRunner = {
  run: (batch) => Excel.run(batch),
  runWith: (context, batch) => Excel.run(context, batch),
};

/** Counts one Excel.run's context.sync() calls (for WriteResult.syncs and the tests),
 * resets the run's watchdog at each, and sends nothing once the run was cancelled. */
export class Syncs {
  count = 0;
  private readonly original: (passThroughValue?: unknown) => Promise<unknown>;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly watchdog: RunWatchdog
  ) {
    this.original = context.sync.bind(context) as (passThroughValue?: unknown) => Promise<unknown>;
    context.sync = <T>(passThroughValue?: T): Promise<T> => {
      this.watchdog.check();
      this.count += 1;
      this.watchdog.arm();
      return this.original(passThroughValue).then((result) => {
        this.watchdog.check();
        this.watchdog.arm();
        return result as T;
      });
    };
  }

  /** Gives the context its own sync back: a context outlives its run when event handlers
   * registered in it are removed later (Excel.run(context, …)). */
  release(): void {
    this.context.sync = this.original as Excel.RequestContext["sync"];
  }

  /** One last sync to put things back (events on, a half-made sheet removed), sent even
   * after the run timed out; failures are the caller's to ignore. */
  cleanup(): Promise<unknown> {
    this.count += 1;
    return this.original();
  }
}

/** A batch of one port method: its context and the count of its syncs. */
export type Batch<T> = (context: Excel.RequestContext, syncs: Syncs) => Promise<T>;

/** How port methods run: the runner and the time one sync may take. */
export interface RunSettings {
  runner: ExcelRunner;
  timeoutMs: number;
}

/** One Excel.run of `batch` under the watchdog; any failure as a WorkbookError about `where`. */
export async function runBatch<T>(
  settings: RunSettings,
  what: string,
  where: ErrorContext,
  batch: Batch<T>
): Promise<T> {
  const watchdog = new RunWatchdog(settings.timeoutMs, what);
  let syncs: Syncs | undefined;
  try {
    return await Promise.race([
      settings.runner.run((context) => {
        syncs = new Syncs(context, watchdog);
        return batch(context, syncs);
      }),
      watchdog.expired,
    ]);
  } catch (error) {
    throw toWorkbookError(error, where);
  } finally {
    watchdog.stop();
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
 * the registering context (one sync, under its own watchdog). */
export async function watchTables(
  settings: RunSettings,
  ids: readonly string[],
  handler: (tableId: string) => void
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
            handler(event.tableId);
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
    try {
      await withWatchdog(
        settings.runner.runWith(first.context, async (context) => {
          for (const registration of registrations) registration.remove();
          await context.sync();
        }),
        settings.timeoutMs,
        "removing table handlers"
      );
    } catch (error) {
      throw toWorkbookError(error);
    }
  };
}
