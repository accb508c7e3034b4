/**
 * The application layer: what a person can do with Kaona, over any `Workbook` (Excel, or
 * memory in the preview and tests) and the domain. No React and no Office here: the task
 * pane renders `getState()` and calls the actions; every failure becomes `state.error`
 * (a message and a way on), never an exception in a component.
 *
 * The domain's checker, report builders and the sample data load on first use, so the
 * task pane's first chunk carries none of them.
 */
import type { CheckResult } from "../domain/check";
import type { ColumnValidation as TemplateValidation } from "../domain/schema";
import type { Issue, Lang, Project, SheetLayout, TableKind } from "../domain/types";
import { resolveBindings } from "../workbook/bindings";
import {
  WorkbookError,
  type Bindings,
  type BindingStatus,
  type ColumnValidation,
  type NewTableSpec,
  type TableBinding,
  type TableInfo,
  type Workbook,
  type WriteConflict,
  type WriteResult,
} from "../workbook/port";
import { describeError, type ErrorInfo } from "./errors";
import { DEFAULT_SETTINGS, parseSettings, settingsToStored, type KaonaSettings } from "./settings";

export const TABLE_KIND_ORDER: readonly TableKind[] = ["projects", "rounds", "indicators"];

/** Waiting this long after the last change before checking again keeps typing smooth. */
export const LIVE_DEBOUNCE_MS = 600;

const loadChecker = () => import(/* webpackChunkName: "domain-check" */ "../domain/check");
const loadSchema = () => import(/* webpackChunkName: "domain-check" */ "../domain/schema");
const loadMapping = () => import(/* webpackChunkName: "domain-check" */ "../domain/mapping");
const loadReports = () => import(/* webpackChunkName: "domain-report" */ "../domain/report");
const loadSample = () => import(/* webpackChunkName: "sample" */ "../domain/sample");
const loadDates = () => import(/* webpackChunkName: "domain-check" */ "../domain/dates");

/** A table kind as bound now. */
export interface BoundTable {
  kind: TableKind;
  /** The stored binding, with the table's current id and name. */
  binding: TableBinding;
  status: BindingStatus;
  /** The table, unless it is missing. */
  table?: TableInfo;
  /** Fields whose bound header is no longer among the table's headers. */
  missingColumns: string[];
  /** Required fields that no existing column holds. */
  unmappedRequired: string[];
}

export interface CheckRun {
  result: CheckResult;
  /** Epoch milliseconds. */
  checkedAt: number;
  durationMs: number;
  trigger: "manual" | "live" | "report";
  /** Bound tables that were read, with their row counts at the time. */
  tables: { kind: TableKind; name: string; sheet: string; rows: number }[];
}

export interface SessionState {
  status: "loading" | "ready" | "failed";
  tables: TableInfo[];
  bindings: Bindings;
  bound: Partial<Record<TableKind, BoundTable>>;
  settings: KaonaSettings;
  check: CheckRun | null;
  checking: boolean;
  /** Live checking: re-check after the bound tables change. */
  live: boolean;
  /** The action running now (for spinners and disabling buttons). */
  busy: string | null;
  error: ErrorInfo | null;
}

export interface ReportRequest {
  /** A project's code, or null for every project plus the summary sheet. */
  projectCode: string | null;
  mode: "live" | "values";
  lang: Lang;
  chart: boolean;
}

/** A sheet that was not written because one of that name exists. */
export interface PendingWrite {
  layout: SheetLayout;
  sheet: string;
  conflict: WriteConflict;
}

export interface WriteOutcome {
  written: WriteResult[];
  /** "edited": ask, then `resolveConflict(p, "replace")`; "not-generated": only "rename". */
  pending: PendingWrite[];
}

export interface ProjectChoice {
  code: string;
  name: string;
  fiscalYear?: number;
  rounds: number;
  latestDate?: number;
  latestProgress?: number;
}

export interface SessionOptions {
  debounceMs?: number;
  /** Epoch milliseconds now (tests). */
  now?: () => number;
}

function isConflict(
  error: unknown
): error is WorkbookError & { detail: { conflict: WriteConflict } } {
  return (
    error instanceof WorkbookError &&
    error.reason === "sheet-conflict" &&
    error.detail?.conflict !== undefined
  );
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A table name not in `taken` (Excel compares names case-insensitively). */
export function uniqueTableName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    if (!used.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
  }
}

export class KaonaSession {
  private state: SessionState = {
    status: "loading",
    tables: [],
    bindings: { version: 1, tables: [] },
    bound: {},
    settings: DEFAULT_SETTINGS,
    check: null,
    checking: false,
    live: true,
    busy: null,
    error: null,
  };
  private readonly listeners = new Set<() => void>();
  private readonly debounceMs: number;
  private readonly now: () => number;
  private liveRemover: (() => Promise<void>) | null = null;
  private liveKey = "";
  private liveTimer: ReturnType<typeof setTimeout> | null = null;
  private runningCheck: Promise<CheckRun | null> | null = null;
  private checkAgain = false;
  private lastFailed: (() => Promise<unknown>) | null = null;
  private disposed = false;

  constructor(
    readonly workbook: Workbook,
    options: SessionOptions = {}
  ) {
    this.debounceMs = options.debounceMs ?? LIVE_DEBOUNCE_MS;
    this.now = options.now ?? (() => Date.now());
  }

  // --- state ------------------------------------------------------------------------------

  getState(): SessionState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  /** Runs an action; a failure becomes `state.error` (with a retry) and the result undefined. */
  private async act<T>(name: string, action: () => Promise<T>): Promise<T | undefined> {
    this.set({ busy: name, error: null });
    try {
      const result = await action();
      this.lastFailed = null;
      return result;
    } catch (error) {
      this.lastFailed = () => this.act(name, action);
      this.set({ error: describeError(error) });
      return undefined;
    } finally {
      if (this.state.busy === name) this.set({ busy: null });
    }
  }

  dismissError(): void {
    this.lastFailed = null;
    this.set({ error: null });
  }

  /** Runs the action that failed last once more. */
  async retry(): Promise<void> {
    const again = this.lastFailed;
    if (!again) return;
    this.lastFailed = null;
    await again();
  }

  // --- loading and bindings ---------------------------------------------------------------

  /** Reads the tables, the bindings and the settings (and re-links renamed tables). */
  async load(): Promise<void> {
    const loaded = await this.act("load", () => this.refresh());
    if (loaded === undefined)
      this.set({ status: this.state.status === "ready" ? "ready" : "failed" });
  }

  /** Reloads what the pane shows; `tables`, when the caller has just listed them, saves a
   * round trip. */
  private async refresh(bindings?: Bindings, listed?: TableInfo[]): Promise<true> {
    const [tables, stored] = await Promise.all([
      listed ? Promise.resolve(listed) : this.workbook.listTables(),
      bindings ? Promise.resolve(bindings) : this.workbook.loadBindings(),
    ]);
    const { fieldsOf } = await loadSchema();
    const resolved = resolveBindings(stored, tables);
    const bound: Partial<Record<TableKind, BoundTable>> = {};
    for (const r of resolved) {
      const kind = r.binding.kind;
      if (bound[kind]) continue; // one table per kind: the first binding stands
      const columns = r.updated.columns;
      const unmappedRequired = fieldsOf(kind)
        .filter(
          (f) => f.required && (columns[f.key] === undefined || r.missingColumns.includes(f.key))
        )
        .map((f) => f.key);
      bound[kind] = {
        kind,
        binding: r.updated,
        status: r.status,
        table: r.table,
        missingColumns: r.missingColumns,
        unmappedRequired,
      };
    }
    const current: Bindings = { ...stored, tables: resolved.map((r) => r.updated) };
    this.set({
      status: "ready",
      tables,
      bindings: current,
      bound,
      settings: parseSettings(stored.settings),
    });
    await this.syncLive();
    return true;
  }

  private async save(bindings: Bindings, listed?: TableInfo[]): Promise<void> {
    await this.workbook.saveBindings(bindings);
    await this.refresh(bindings, listed);
  }

  /** Bindings with `binding` as the one binding of its kind (and its table bound to nothing else). */
  private withBinding(binding: TableBinding): Bindings {
    const others = this.state.bindings.tables.filter(
      (b) => b.kind !== binding.kind && b.tableId !== binding.tableId
    );
    return { ...this.state.bindings, tables: [...others, binding] };
  }

  private async autoBinding(table: TableInfo, kind: TableKind): Promise<TableBinding> {
    const { autoMap } = await loadMapping();
    const mapping = autoMap(kind, table.headers);
    const columns: Record<string, string> = {};
    for (const [field, column] of Object.entries(mapping.columns))
      columns[field] = table.headers[column];
    return { kind, tableId: table.id, tableName: table.name, columns };
  }

  /** Binds a table as a kind, its columns mapped from their headers. */
  async bindTable(tableId: string, kind: TableKind): Promise<BoundTable | undefined> {
    return this.act("bind", async () => {
      const table =
        this.state.tables.find((t) => t.id === tableId) ??
        (await this.workbook.listTables()).find((t) => t.id === tableId);
      if (!table)
        throw new WorkbookError("table-missing", `table ${tableId} does not exist`, {
          table: tableId,
        });
      await this.save(this.withBinding(await this.autoBinding(table, kind)));
      return this.state.bound[kind];
    });
  }

  /**
   * Binds each kind not bound yet to the unbound table whose headers fit it best
   * (a table fits when all the kind's required fields map). Returns the kinds bound.
   */
  async autoBind(): Promise<TableKind[] | undefined> {
    return this.act("bind", async () => {
      const { guessKind } = await loadMapping();
      const tables = await this.workbook.listTables();
      const taken = new Set(this.state.bindings.tables.map((b) => b.tableId));
      const best = new Map<TableKind, { table: TableInfo; score: number }>();
      for (const table of tables) {
        if (taken.has(table.id)) continue;
        const guess = guessKind(table.headers);
        if (!guess.kind || this.state.bound[guess.kind]) continue;
        const current = best.get(guess.kind);
        if (!current || guess.score > current.score)
          best.set(guess.kind, { table, score: guess.score });
      }
      let bindings = this.state.bindings;
      const kinds = TABLE_KIND_ORDER.filter((kind) => best.has(kind));
      for (const kind of kinds) {
        const binding = await this.autoBinding(best.get(kind)!.table, kind);
        bindings = {
          ...bindings,
          tables: [...bindings.tables.filter((b) => b.kind !== kind), binding],
        };
      }
      if (kinds.length > 0) await this.save(bindings, tables);
      else await this.refresh(this.state.bindings, tables);
      return kinds;
    });
  }

  /** Points a field at another column (or at none, with null). */
  async setColumn(kind: TableKind, field: string, header: string | null): Promise<void> {
    await this.act("mapping", async () => {
      const current = this.state.bound[kind];
      if (!current) return;
      const columns: Record<string, string> = {};
      for (const [f, h] of Object.entries(current.binding.columns)) {
        // A column holds one field: taking it for `field` frees it elsewhere.
        if (f !== field && !(header !== null && sameText(h, header))) columns[f] = h;
      }
      if (header !== null) columns[field] = header;
      await this.save(this.withBinding({ ...current.binding, columns }));
    });
  }

  async unbind(kind: TableKind): Promise<void> {
    await this.act("unbind", async () => {
      const tables = this.state.bindings.tables.filter((b) => b.kind !== kind);
      await this.save({ ...this.state.bindings, tables });
    });
  }

  // --- creating tables --------------------------------------------------------------------

  /** Creates a table on a new sheet, picking free sheet and table names. */
  private async createUnique(spec: NewTableSpec): Promise<TableInfo> {
    const { safeSheetName } = await import(/* webpackChunkName: "domain-check" */ "../domain/a1");
    const tables = await this.workbook.listTables();
    const sheets = new Set(tables.map((t) => t.sheet));
    const names = new Set(tables.map((t) => t.name));
    for (let attempt = 0; attempt < 20; attempt++) {
      const sheet = safeSheetName(spec.sheet, sheets);
      const tableName = uniqueTableName(spec.tableName, names);
      try {
        return await this.workbook.createTable({ ...spec, sheet, tableName });
      } catch (error) {
        if (!(error instanceof WorkbookError && error.reason === "sheet-conflict")) throw error;
        // A sheet without a table is invisible to listTables: learn its name from the refusal.
        if (error.detail?.sheet) sheets.add(sheet);
        if (error.detail?.table) names.add(tableName);
        if (!error.detail?.sheet && !error.detail?.table) {
          sheets.add(sheet);
          names.add(tableName);
        }
      }
    }
    throw new WorkbookError("sheet-conflict", `no free name for "${spec.sheet}"`, {
      sheet: spec.sheet,
      conflict: "not-generated",
    });
  }

  private async templateSpec(kind: TableKind, lang: Lang): Promise<NewTableSpec> {
    const { templateFor } = await loadSchema();
    const template = templateFor(kind, lang, this.state.settings.vocabularies);
    return {
      sheet: template.sheet,
      tableName: template.tableName,
      headers: template.headers,
      columnWidths: template.columnWidths,
      numberFormats: template.numberFormats,
      validation: template.validation,
    };
  }

  /** A new sheet with an empty table of the kind (Thai or English headers), bound at once. */
  async createBlankTable(kind: TableKind, lang: Lang): Promise<TableInfo | undefined> {
    return this.act("create", async () => {
      const table = await this.createUnique(await this.templateSpec(kind, lang));
      await this.save(this.withBinding(await this.autoBinding(table, kind)));
      return table;
    });
  }

  /** The two seed projects as three new tables, bound in place of any earlier binding. */
  async insertSampleData(): Promise<TableInfo[] | undefined> {
    return this.act("sample", async () => {
      const { sampleWorkbookTables } = await loadSample();
      const sample = sampleWorkbookTables();
      let bindings = this.state.bindings;
      const created: TableInfo[] = [];
      for (const kind of TABLE_KIND_ORDER) {
        const raw = sample[kind];
        const spec = await this.templateSpec(kind, "th");
        const rows = raw.rows.map((row) => row.map((cell) => (cell === undefined ? null : cell)));
        const table = await this.createUnique({ ...spec, headers: raw.headers, rows });
        created.push(table);
        const binding = await this.autoBinding(table, kind);
        bindings = {
          ...bindings,
          tables: [...bindings.tables.filter((b) => b.kind !== kind), binding],
        };
      }
      await this.save(bindings);
      return created;
    });
  }

  /** Turns the selected range into a table (the person confirmed), bound as `kind` if given. */
  async convertSelection(kind?: TableKind): Promise<TableInfo | undefined> {
    return this.act("convert", async () => {
      const tables = await this.workbook.listTables();
      const name = uniqueTableName(
        kind ? `Kaona${kind[0].toUpperCase()}${kind.slice(1)}` : "KaonaTable",
        tables.map((t) => t.name)
      );
      const table = await this.workbook.convertSelectionToTable(name);
      if (kind) await this.save(this.withBinding(await this.autoBinding(table, kind)));
      else await this.refresh(this.state.bindings);
      return table;
    });
  }

  /** The data-validation rules for a bound table's columns, with the header each goes to. */
  async validationPlan(kind: TableKind): Promise<{ header: string; rule: ColumnValidation }[]> {
    const bound = this.state.bound[kind];
    if (!bound?.table) return [];
    const { templateFor, fieldsOf } = await loadSchema();
    const lang: Lang = bound.table.headers.some((h) => /[\u0E00-\u0E7F]/.test(h)) ? "th" : "en";
    const template = templateFor(kind, lang, this.state.settings.vocabularies);
    const fields = fieldsOf(kind);
    const plan: { header: string; rule: ColumnValidation }[] = [];
    for (const rule of template.validation as TemplateValidation[]) {
      const header = bound.binding.columns[fields[rule.column]?.key ?? ""];
      const column =
        header === undefined ? -1 : bound.table.headers.findIndex((h) => sameText(h, header));
      if (column >= 0)
        plan.push({ header: bound.table.headers[column], rule: { ...rule, column } });
    }
    return plan;
  }

  /** Adds Excel data validation to a bound table's columns (an explicit, confirmed action). */
  async applyValidation(kind: TableKind): Promise<number | undefined> {
    return this.act("validation", async () => {
      const bound = this.state.bound[kind];
      if (!bound?.table)
        throw new WorkbookError("table-missing", `no ${kind} table is bound`, {
          table: bound?.binding.tableName,
        });
      const plan = await this.validationPlan(kind);
      await this.workbook.applyValidation(
        bound.table.id,
        plan.map((p) => p.rule)
      );
      return plan.length;
    });
  }

  // --- checking ---------------------------------------------------------------------------

  /** Reads every bound table in one request and checks them. Null when nothing is bound. */
  async runCheck(trigger: CheckRun["trigger"] = "manual"): Promise<CheckRun | null | undefined> {
    if (this.runningCheck) {
      // A change during a check: check once more when it ends, with the newest values.
      this.checkAgain = true;
      return this.runningCheck;
    }
    const run = this.act("check", () => this.check(trigger));
    this.runningCheck = run.then((r) => r ?? null);
    try {
      return await run;
    } finally {
      this.runningCheck = null;
      if (this.checkAgain && !this.disposed) {
        this.checkAgain = false;
        void this.runCheck("live");
      }
    }
  }

  private async check(trigger: CheckRun["trigger"]): Promise<CheckRun | null> {
    this.set({ checking: true });
    try {
      return await this.checkNow(trigger);
    } finally {
      this.set({ checking: false });
    }
  }

  private async checkNow(trigger: CheckRun["trigger"]): Promise<CheckRun | null> {
    const started = this.now();
    const present = TABLE_KIND_ORDER.map((kind) => this.state.bound[kind]).filter(
      (b): b is BoundTable => Boolean(b?.table)
    );
    if (present.length === 0) {
      this.set({ check: null });
      return null;
    }
    const [{ checkTables }, { columnsFromHeaders }, { toExcelSerial }] = await Promise.all([
      loadChecker(),
      loadMapping(),
      loadDates(),
    ]);
    const ids = present.map((b) => b.table!.id);
    const raws = await this.workbook.readTables(ids);
    const input: Parameters<typeof checkTables>[0] = { mappings: {} };
    present.forEach((b, i) => {
      const raw = raws[i];
      if (!raw) return;
      input[b.kind] = raw;
      input.mappings![b.kind] = columnsFromHeaders(raw.headers, b.binding.columns);
    });
    const today = new Date(this.now());
    const result = checkTables({
      ...input,
      vocabularies: this.state.settings.vocabularies,
      planTolerance: this.state.settings.planTolerance,
      asOf: toExcelSerial(today.getFullYear(), today.getMonth() + 1, today.getDate()),
    });
    const run: CheckRun = {
      result,
      checkedAt: this.now(),
      durationMs: this.now() - started,
      trigger,
      tables: present.map((b, i) => ({
        kind: b.kind,
        name: b.table!.name,
        sheet: raws[i]?.sheet ?? b.table!.sheet,
        rows: raws[i]?.rows.length ?? 0,
      })),
    };
    this.set({ check: run });
    return run;
  }

  /** Selects an issue's cell (and its sheet). */
  async goToIssue(issue: Issue): Promise<void> {
    if (!issue.sheet || !issue.cell) return;
    const { sheet, cell } = issue;
    await this.act("goto", () => this.workbook.selectCell(sheet, cell));
  }

  /** Writes (or rewrites) the generated issues sheet from the last check. */
  async writeIssuesSheet(lang: Lang): Promise<WriteOutcome | undefined> {
    return this.act("issuesSheet", async () => {
      const run = this.state.check ?? (await this.check("manual"));
      const { buildIssuesSheet } = await loadReports();
      return this.writeLayouts([buildIssuesSheet(run?.result.issues ?? [], lang)]);
    });
  }

  private async writeLayouts(layouts: readonly SheetLayout[]): Promise<WriteOutcome> {
    const outcome: WriteOutcome = { written: [], pending: [] };
    for (const [index, layout] of layouts.entries()) {
      try {
        outcome.written.push(await this.workbook.writeSheet(layout, { activate: index === 0 }));
      } catch (error) {
        if (!isConflict(error)) throw error;
        outcome.pending.push({ layout, sheet: layout.name, conflict: error.detail.conflict });
      }
    }
    return outcome;
  }

  /** Finishes a refused write: replace the sheet the person edited, or write under a free name. */
  async resolveConflict(
    pending: PendingWrite,
    how: "replace" | "rename"
  ): Promise<WriteResult | undefined> {
    return this.act("write", async () => {
      if (how === "replace") {
        if (pending.conflict !== "edited")
          throw new WorkbookError("sheet-conflict", `"${pending.sheet}" was not made by Kaona`, {
            sheet: pending.sheet,
            conflict: "not-generated",
          });
        return this.workbook.writeSheet(pending.layout, { overwriteEdited: true, activate: true });
      }
      const { safeSheetName } = await import(/* webpackChunkName: "domain-check" */ "../domain/a1");
      const taken = [pending.sheet];
      for (let attempt = 0; attempt < 20; attempt++) {
        const name = safeSheetName(pending.sheet, taken);
        try {
          return await this.workbook.writeSheet({ ...pending.layout, name }, { activate: true });
        } catch (error) {
          if (!isConflict(error)) throw error;
          taken.push(name);
        }
      }
      throw new WorkbookError("sheet-conflict", `no free name for "${pending.sheet}"`, {
        sheet: pending.sheet,
        conflict: "not-generated",
      });
    });
  }

  // --- reports ----------------------------------------------------------------------------

  /** The projects of the last check (checking first when there is none). */
  async projects(): Promise<ProjectChoice[]> {
    const run = this.state.check ?? (await this.runCheck("report"));
    if (!run) return [];
    const { latestProgress, roundsOfProject } = await import(
      /* webpackChunkName: "domain-check" */ "../domain/compute"
    );
    const { projects, rounds } = run.result.records;
    return projects
      .filter((p) => p.code !== "")
      .map((p) => {
        const own = roundsOfProject(rounds, p.code);
        const dated = own.filter((r) => typeof r.date === "number");
        return {
          code: p.code,
          name: p.name,
          fiscalYear: p.fiscalYear,
          rounds: own.length,
          latestDate: dated.length > 0 ? dated[dated.length - 1].date : undefined,
          latestProgress: latestProgress(rounds, p.code)?.progress,
        };
      });
  }

  private async layoutsFor(request: ReportRequest, run: CheckRun): Promise<SheetLayout[]> {
    const { buildProjectReport, buildSummaryReport } = await loadReports();
    const { projects, rounds, indicators } = run.result.records;
    const chosen: Project[] =
      request.projectCode === null
        ? projects.filter((p) => p.code !== "")
        : projects.filter((p) => sameText(p.code, request.projectCode ?? ""));
    if (chosen.length === 0)
      throw new WorkbookError(
        "table-missing",
        `no project ${request.projectCode ?? ""} in the Projects table`,
        { table: this.state.bound.projects?.binding.tableName }
      );
    const vocabularies = this.state.settings.vocabularies;
    const source = {
      tables: Object.fromEntries(
        TABLE_KIND_ORDER.flatMap((k) =>
          this.state.bound[k]?.table ? [[k, this.state.bound[k]!.table!.name]] : []
        )
      ),
      columns: Object.fromEntries(
        TABLE_KIND_ORDER.flatMap((k) =>
          this.state.bound[k]?.table ? [[k, this.state.bound[k]!.binding.columns]] : []
        )
      ),
    };
    const layouts = chosen.map((project) =>
      buildProjectReport({
        project,
        rounds,
        indicators,
        vocabularies,
        options: { mode: request.mode, lang: request.lang, chart: request.chart, source },
      })
    );
    if (request.projectCode === null) {
      const reportSheets = Object.fromEntries(chosen.map((p, i) => [p.code, layouts[i].name]));
      layouts.push(
        buildSummaryReport(projects, rounds, indicators, {
          lang: request.lang,
          vocabularies,
          reportSheets,
        })
      );
    }
    return layouts;
  }

  /** The report layout of one project, for the preview (nothing is written). */
  async previewReport(
    request: ReportRequest & { projectCode: string }
  ): Promise<SheetLayout | undefined> {
    return this.act("preview", async () => {
      const run = this.state.check ?? (await this.check("report"));
      if (!run) throw new WorkbookError("table-missing", "no table is bound");
      return (await this.layoutsFor(request, run))[0];
    });
  }

  /** Reads the tables afresh and writes the report sheet(s); refused sheets come back pending. */
  async generateReports(request: ReportRequest): Promise<WriteOutcome | undefined> {
    return this.act("report", async () => {
      const run = await this.check("report");
      if (!run) throw new WorkbookError("table-missing", "no table is bound");
      return this.writeLayouts(await this.layoutsFor(request, run));
    });
  }

  // --- live checking ----------------------------------------------------------------------

  async setLive(on: boolean): Promise<void> {
    this.set({ live: on });
    await this.act("live", () => this.syncLive());
  }

  /** Watches exactly the bound tables while live; handlers of an earlier set are removed first. */
  private async syncLive(): Promise<void> {
    const ids =
      this.state.live && !this.disposed
        ? TABLE_KIND_ORDER.flatMap((k) =>
            this.state.bound[k]?.table ? [this.state.bound[k]!.table!.id] : []
          )
        : [];
    const key = ids.join("|");
    if (key === this.liveKey) return;
    await this.stopWatching();
    if (ids.length === 0) return;
    this.liveRemover = await this.workbook.onTablesChanged(ids, () => this.scheduleCheck());
    this.liveKey = key;
  }

  private async stopWatching(): Promise<void> {
    if (this.liveTimer) clearTimeout(this.liveTimer);
    this.liveTimer = null;
    const remove = this.liveRemover;
    this.liveRemover = null;
    this.liveKey = "";
    if (remove) await remove();
  }

  private scheduleCheck(): void {
    if (this.liveTimer) clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => {
      this.liveTimer = null;
      void this.runCheck("live");
    }, this.debounceMs);
  }

  // --- settings and the rest --------------------------------------------------------------

  async updateSettings(patch: Partial<KaonaSettings>): Promise<void> {
    const settings = { ...this.state.settings, ...patch };
    // Shown at once (a language switch must not wait for the workbook), then stored.
    this.set({ settings });
    await this.act("settings", async () => {
      await this.workbook.saveBindings({
        ...this.state.bindings,
        settings: settingsToStored(settings),
      });
      this.set({ bindings: { ...this.state.bindings, settings: settingsToStored(settings) } });
    });
    const checksDependOnIt = patch.vocabularies !== undefined || patch.planTolerance !== undefined;
    if (checksDependOnIt && this.state.check) await this.runCheck("manual");
  }

  /** Enters a formula in the active cell; "not-supported" where the workbook cannot. */
  async insertFormula(formula: string): Promise<{ sheet: string; cell: string } | undefined> {
    return this.act("insert", async () => {
      if (!this.workbook.insertIntoSelectedCell)
        throw new WorkbookError(
          "not-supported",
          "this workbook cannot insert into the selected cell"
        );
      return this.workbook.insertIntoSelectedCell(formula);
    });
  }

  /** Removes the change handlers (the task pane is closing). */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stopWatching();
    this.listeners.clear();
  }
}
