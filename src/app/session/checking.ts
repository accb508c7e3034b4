/**
 * Checking the bound tables, by hand or live. `CheckActions.runCheck` reads every bound
 * table in one request and checks them (`usecases/checkTables`), keeping the check to bring
 * up to date; `CheckActions.update` does that after changes: it reads only the rows each
 * change names (`../liveCheck`), or a table whole where it must. A request during a check
 * is served when it ends.
 *
 * `LiveWatcher` watches exactly the bound tables while live checking is on and the task
 * pane is shown, and hands the changes over a moment after the last one. Hidden, it stops
 * watching; shown again, it catches up with one check.
 */
import type { IncrementalCheck } from "../../domain/incremental";
import type { Issue, RawTable, TableKind } from "../../domain/types";
import type { TableChange } from "../../workbook/port";
import { applyTableChange } from "../liveCheck";
import type { SessionContext } from "./store";
import { TABLE_KINDS } from "../../domain/tableKinds";
import { type BoundTable, type CheckRun } from "./types";
import { loadCheck } from "./lazyDomain";

/** The check kept for the bound tables as they were bound and set when it was made. */
interface KeptCheck {
  check: IncrementalCheck;
  /** What it was made for (see `CheckActions.keyOf`). */
  key: string;
}

export class CheckActions {
  private running: Promise<CheckRun | null> | null = null;
  private again = false;
  private kept: KeptCheck | null = null;
  /** Changes not yet applied to the kept check. */
  private pending: TableChange[] = [];

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
    return this.serve(() => this.check(trigger));
  }

  /** Brings the last check up to date after changes of the bound tables (a full check when
   * there is none to bring up to date, or the bindings or settings changed since). */
  async update(changes: readonly TableChange[]): Promise<CheckRun | null | undefined> {
    for (const change of changes) this.pending.push(change);
    if (this.running) return this.running;
    return this.serve(() => this.applyPending());
  }

  /** Runs one check or update at a time; what was asked meanwhile runs after it. */
  private async serve(work: () => Promise<CheckRun | null>): Promise<CheckRun | null | undefined> {
    const run = this.ctx.store.act("check", work);
    this.running = run.then((r) => r ?? null);
    try {
      return await run;
    } finally {
      this.running = null;
      if (!this.ctx.store.disposed) {
        if (this.again) {
          this.again = false;
          void this.runCheck("live");
        } else if (this.pending.length > 0) {
          void this.update([]);
        }
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

  /** The bound tables that exist, in kind order (every table of a kind, in binding order). */
  private present(): BoundTable[] {
    return TABLE_KINDS.flatMap((kind) => this.state.boundAll[kind] ?? []).filter(
      (b): b is BoundTable => Boolean(b?.table)
    );
  }

  /** Whether some kind has several tables: the check then reads them as one, and a change
   * is checked again in full (the kept check follows one table per kind). */
  private static several(present: readonly BoundTable[]): boolean {
    return new Set(present.map((b) => b.kind)).size < present.length;
  }

  /** Reads the bound tables in one request. */
  private readBound(present: readonly BoundTable[]): Promise<(RawTable | undefined)[]> {
    return this.ctx.workbook.readTables(present.map((b) => b.table!.id));
  }

  /** What a kept check depends on: the bound tables, their columns, the settings. */
  private keyOf(present: readonly BoundTable[]): string {
    const { vocabularies, planTolerance } = this.state.settings;
    return JSON.stringify([
      present.map((b) => [b.kind, b.table!.id, b.binding.columns]),
      vocabularies,
      planTolerance,
    ]);
  }

  private request(present: readonly BoundTable[], raws: readonly (RawTable | undefined)[]) {
    const tables: Partial<Record<TableKind, RawTable>> = {};
    const columns: Partial<Record<TableKind, Record<string, string>>> = {};
    present.forEach((b, i) => {
      const raw = raws[i];
      if (!raw || tables[b.kind]) return;
      tables[b.kind] = raw;
      columns[b.kind] = b.binding.columns;
    });
    const { vocabularies, planTolerance } = this.state.settings;
    return { tables, columns, vocabularies, planTolerance };
  }

  /** The request with every table of each kind, each with its own bound columns. */
  private severalRequest(present: readonly BoundTable[], raws: readonly (RawTable | undefined)[]) {
    const tables: Partial<Record<TableKind, RawTable[]>> = {};
    const tableColumns: Partial<Record<TableKind, Record<string, string>[]>> = {};
    present.forEach((b, i) => {
      const raw = raws[i];
      if (!raw) return;
      (tables[b.kind] ??= []).push(raw);
      (tableColumns[b.kind] ??= []).push(b.binding.columns);
    });
    const { vocabularies, planTolerance } = this.state.settings;
    return { tables, tableColumns, vocabularies, planTolerance };
  }

  private async checkNow(trigger: CheckRun["trigger"]): Promise<CheckRun | null> {
    const started = this.ctx.now();
    const present = this.present();
    // Whatever changed before this read is in it.
    this.pending = [];
    if (present.length === 0) {
      this.kept = null;
      this.ctx.store.set({ check: null });
      return null;
    }
    const [{ startLiveCheck, checkChosenTables, dayOf }, raws] = await Promise.all([
      loadCheck(),
      this.readBound(present),
    ]);
    const asOf = dayOf(new Date(this.ctx.now()));
    let result;
    if (CheckActions.several(present)) {
      this.kept = null;
      result = checkChosenTables({ ...this.severalRequest(present, raws), asOf });
    } else {
      const check = startLiveCheck({ ...this.request(present, raws), asOf });
      this.kept = { check, key: this.keyOf(present) };
      result = check.result();
    }
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

  /** Applies the pending changes to the kept check: the rows they name, or tables whole. */
  private async applyPending(): Promise<CheckRun | null> {
    const present = this.present();
    const kept = this.kept;
    if (!kept || kept.key !== this.keyOf(present)) return this.check("live");
    const changes = this.pending;
    this.pending = [];
    this.ctx.store.set({ checking: true });
    try {
      const started = this.ctx.now();
      const { mappingOf, dayOf } = await loadCheck();
      const columns = this.request(present, []).columns;
      for (const b of present) columns[b.kind] = b.binding.columns;
      for (const change of changes) {
        const bound = present.find((b) => b.table!.id === change.tableId);
        if (!bound) continue;
        await applyTableChange(
          kept.check,
          this.ctx.workbook,
          {
            kind: bound.kind,
            tableId: change.tableId,
            mappingFor: (raw) => mappingOf({ columns }, bound.kind, raw),
          },
          change
        );
      }
      kept.check.setAsOf(dayOf(new Date(this.ctx.now())));
      const run: CheckRun = {
        result: kept.check.result(),
        checkedAt: this.ctx.now(),
        durationMs: this.ctx.now() - started,
        trigger: "live",
        tables: present.map((b) => ({
          kind: b.kind,
          name: b.table!.name,
          sheet: b.table!.sheet,
          rows: kept.check.rowCount(b.kind),
        })),
        ...(changes.some((c) => c.source === "remote") ? { remote: true } : {}),
      };
      this.ctx.store.set({ check: run });
      return run;
    } finally {
      this.ctx.store.set({ checking: false });
    }
  }

  /** Selects an issue's cell (and its sheet). */
  async goToIssue(issue: Issue): Promise<void> {
    if (!issue.sheet || !issue.cell) return;
    const { sheet, cell } = issue;
    await this.ctx.store.act("goto", () => this.ctx.workbook.selectCell(sheet, cell));
  }
}

/** Watches the bound tables while live checking is on and the pane is shown; changes are
 * handed over a moment after the last one. */
export class LiveWatcher {
  private remover: (() => Promise<void>) | null = null;
  private key = "";
  private timer: ReturnType<typeof setTimeout> | null = null;
  private changes: TableChange[] = [];
  private hidden = false;

  constructor(
    private readonly ctx: SessionContext,
    private readonly checks: CheckActions,
    private readonly debounceMs: number
  ) {}

  async setLive(on: boolean): Promise<void> {
    this.ctx.store.set({ live: on });
    await this.ctx.store.act("live", () => this.sync());
  }

  /** The task pane was hidden (stop watching) or shown (watch again, and catch up with one
   * check for what changed meanwhile). */
  async setPaneVisible(visible: boolean): Promise<void> {
    if (visible !== this.hidden) return;
    this.hidden = !visible;
    await this.ctx.store.act("live", () => this.sync());
    const state = this.ctx.store.get();
    if (visible && state.live && this.key !== "") await this.checks.runCheck("live");
  }

  /** Watches exactly the bound tables while live and shown; handlers of an earlier set are
   * removed first. */
  async sync(): Promise<void> {
    const state = this.ctx.store.get();
    const ids =
      state.live && !this.hidden && !this.ctx.store.disposed
        ? TABLE_KINDS.flatMap((k) =>
            (state.boundAll[k] ?? []).flatMap((b) => (b.table ? [b.table.id] : []))
          )
        : [];
    const key = ids.join("|");
    if (key === this.key) return;
    await this.stop();
    if (ids.length === 0) return;
    this.remover = await this.ctx.workbook.onTablesChanged(ids, (tableId, change) =>
      this.changed(change ?? { tableId, type: "unknown", source: "local" })
    );
    this.key = key;
  }

  /** Stops watching. Removing the handlers is best effort: a table deleted since must not
   * keep the pane from binding again. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.changes = [];
    const remove = this.remover;
    this.remover = null;
    this.key = "";
    if (!remove) return;
    try {
      await remove();
    } catch {
      // The handlers die with their tables (or the pane); nothing is left to undo.
    }
  }

  /** After Kaona's own writes, which run with Excel's events off: edits made meanwhile
   * raised no event, so each watched table is read again (as after an "unknown" change). */
  afterOwnWrite(): void {
    if (this.key === "") return;
    for (const tableId of this.key.split("|"))
      this.changed({ tableId, type: "unknown", source: "local" });
  }

  private changed(change: TableChange): void {
    this.changes.push(change);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const changes = this.changes;
      this.changes = [];
      void this.checks.update(changes);
    }, this.debounceMs);
  }
}
