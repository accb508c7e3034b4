/**
 * Checking the bound tables, by hand or live. `CheckActions.runCheck` reads every bound
 * table in one request and checks them (`usecases/checkTables`); a change during a check
 * asks for one more when it ends. `LiveWatcher` watches exactly the bound tables and asks
 * for a check a moment after the last change.
 *
 * Seams: `readBound` is what a check reads, `checkRead` what it makes of it; an
 * incremental check can replace either without touching the watcher or the pages.
 */
import type { Issue, RawTable, TableKind } from "../../domain/types";
import type { SessionContext } from "./store";
import { TABLE_KIND_ORDER, type BoundTable, type CheckRun } from "./types";

const loadCheck = () => import(/* webpackChunkName: "domain-check" */ "../../usecases/checkTables");

export class CheckActions {
  private running: Promise<CheckRun | null> | null = null;
  private again = false;

  constructor(private readonly ctx: SessionContext) {}

  private get state() {
    return this.ctx.store.get();
  }

  /** Reads every bound table in one request and checks them. Null when nothing is bound. */
  async runCheck(trigger: CheckRun["trigger"] = "manual"): Promise<CheckRun | null | undefined> {
    if (this.running) {
      // A change during a check: check once more when it ends, with the newest values.
      this.again = true;
      return this.running;
    }
    const run = this.ctx.store.act("check", () => this.check(trigger));
    this.running = run.then((r) => r ?? null);
    try {
      return await run;
    } finally {
      this.running = null;
      if (this.again && !this.ctx.store.disposed) {
        this.again = false;
        void this.runCheck("live");
      }
    }
  }

  /** A check inside another action (its failure is that action's). */
  async check(trigger: CheckRun["trigger"]): Promise<CheckRun | null> {
    this.ctx.store.set({ checking: true });
    try {
      return await this.checkNow(trigger);
    } finally {
      this.ctx.store.set({ checking: false });
    }
  }

  /** The bound tables that exist, in kind order. */
  private present(): BoundTable[] {
    return TABLE_KIND_ORDER.map((kind) => this.state.bound[kind]).filter((b): b is BoundTable =>
      Boolean(b?.table)
    );
  }

  /** Reads the bound tables in one request. */
  private readBound(present: readonly BoundTable[]): Promise<(RawTable | undefined)[]> {
    return this.ctx.workbook.readTables(present.map((b) => b.table!.id));
  }

  private async checkRead(
    present: readonly BoundTable[],
    raws: readonly (RawTable | undefined)[]
  ): Promise<CheckRun["result"]> {
    const { checkChosenTables, dayOf } = await loadCheck();
    const tables: Partial<Record<TableKind, RawTable>> = {};
    const columns: Partial<Record<TableKind, Record<string, string>>> = {};
    present.forEach((b, i) => {
      const raw = raws[i];
      if (!raw) return;
      tables[b.kind] = raw;
      columns[b.kind] = b.binding.columns;
    });
    const { vocabularies, planTolerance } = this.state.settings;
    return checkChosenTables({
      tables,
      columns,
      vocabularies,
      planTolerance,
      asOf: dayOf(new Date(this.ctx.now())),
    });
  }

  private async checkNow(trigger: CheckRun["trigger"]): Promise<CheckRun | null> {
    const started = this.ctx.now();
    const present = this.present();
    if (present.length === 0) {
      this.ctx.store.set({ check: null });
      return null;
    }
    const [, raws] = await Promise.all([loadCheck(), this.readBound(present)]);
    const result = await this.checkRead(present, raws);
    const run: CheckRun = {
      result,
      checkedAt: this.ctx.now(),
      durationMs: this.ctx.now() - started,
      trigger,
      tables: present.map((b, i) => ({
        kind: b.kind,
        name: b.table!.name,
        sheet: raws[i]?.sheet ?? b.table!.sheet,
        rows: raws[i]?.rows.length ?? 0,
      })),
    };
    this.ctx.store.set({ check: run });
    return run;
  }

  /** Selects an issue's cell (and its sheet). */
  async goToIssue(issue: Issue): Promise<void> {
    if (!issue.sheet || !issue.cell) return;
    const { sheet, cell } = issue;
    await this.ctx.store.act("goto", () => this.ctx.workbook.selectCell(sheet, cell));
  }
}

/** Watches the bound tables while live checking is on; a change schedules a check. */
export class LiveWatcher {
  private remover: (() => Promise<void>) | null = null;
  private key = "";
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ctx: SessionContext,
    private readonly checks: CheckActions,
    private readonly debounceMs: number
  ) {}

  async setLive(on: boolean): Promise<void> {
    this.ctx.store.set({ live: on });
    await this.ctx.store.act("live", () => this.sync());
  }

  /** Watches exactly the bound tables while live; handlers of an earlier set are removed first. */
  async sync(): Promise<void> {
    const state = this.ctx.store.get();
    const ids =
      state.live && !this.ctx.store.disposed
        ? TABLE_KIND_ORDER.flatMap((k) =>
            state.bound[k]?.table ? [state.bound[k]!.table!.id] : []
          )
        : [];
    const key = ids.join("|");
    if (key === this.key) return;
    await this.stop();
    if (ids.length === 0) return;
    this.remover = await this.ctx.workbook.onTablesChanged(ids, () => this.schedule());
    this.key = key;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const remove = this.remover;
    this.remover = null;
    this.key = "";
    if (remove) await remove();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.checks.runCheck("live");
    }, this.debounceMs);
  }
}
