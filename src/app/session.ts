/**
 * The application layer: what a person can do with Kaona, over any `Workbook` (Excel, or
 * memory in the preview and tests) and the domain. No React and no Office here: the task
 * pane renders `getState()` and calls the actions; every failure becomes `state.error`
 * (a message and a way on), never an exception in a component.
 *
 * `KaonaSession` is the façade the pages use; each use case lives in ./session/:
 * store (state, act, retry), bindings, tables, checking (and live watching), reports (and
 * write conflicts), settings. The rules shared with the `kaona` command are in
 * src/usecases. The domain's checker, report builders and the sample data load on first
 * use, so the task pane's first chunk carries none of them.
 */
import type { SampleVariant } from "../domain/sample";
import type { Issue, Lang, SheetLayout, TableKind } from "../domain/types";
import type { ColumnValidation, TableInfo, Workbook, WriteResult } from "../workbook/port";
import { memoryPreferences } from "./preferences";
import type { KaonaSettings } from "./settings";
import { BindingActions } from "./session/bindings";
import { CheckActions, LiveWatcher } from "./session/checking";
import {
  ImportActions,
  type ImportChoices,
  type ImportOutcome,
  type ImportPreview,
} from "./session/importing";
import {
  CombineActions,
  type ChosenFile,
  type CombineOutcome,
  type CombinePreview,
} from "./session/combining";
import { ReportActions } from "./session/reports";
import { SettingsActions } from "./session/settings";
import { SessionStore, type SessionContext } from "./session/store";
import { TableActions } from "./session/tables";
import { DiscoveryActions, type RangeSuggestion, type Suggestions } from "./session/discovery";
import {
  LIVE_DEBOUNCE_MS,
  type BoundTable,
  type CheckRun,
  type PendingWrite,
  type ProjectChoice,
  type ReportRequest,
  type SessionOptions,
  type SessionState,
  type WriteOutcome,
} from "./session/types";

export * from "./session/types";
export type {
  AmbiguousRound,
  ImportChoices,
  ImportOutcome,
  ImportPreview,
} from "./session/importing";
export { roundKey } from "./session/importing";
export type { ChosenFile, CombineOutcome, CombinePreview } from "./session/combining";
export type { CombineConflict, CombineFile, KindCounts } from "../usecases/combineWorkbooks";
export { uniqueTableName } from "../usecases/sheetNames";

export class KaonaSession {
  private readonly store = new SessionStore();
  private readonly bindings: BindingActions;
  private readonly tables: TableActions;
  private readonly discovery: DiscoveryActions;
  private readonly checks: CheckActions;
  private readonly live: LiveWatcher;
  private readonly reports: ReportActions;
  private readonly settings: SettingsActions;
  private readonly imports: ImportActions;
  private readonly combining: CombineActions;

  constructor(
    readonly workbook: Workbook,
    options: SessionOptions = {}
  ) {
    const preferences = options.preferences ?? memoryPreferences();
    const ctx: SessionContext = {
      workbook,
      store: this.store,
      preferences,
      now: options.now ?? (() => Date.now()),
    };
    this.store.set({
      settings: { ...this.store.get().settings, language: preferences.load().language },
    });
    this.checks = new CheckActions(ctx);
    this.live = new LiveWatcher(ctx, this.checks, options.debounceMs ?? LIVE_DEBOUNCE_MS);
    this.store.afterOwnWrite = () => this.live.afterOwnWrite();
    this.bindings = new BindingActions(ctx, () => this.live.sync());
    this.tables = new TableActions(ctx, this.bindings);
    this.discovery = new DiscoveryActions(ctx, this.bindings, this.tables);
    this.reports = new ReportActions(ctx, this.checks);
    this.settings = new SettingsActions(ctx, this.bindings, this.checks);
    this.imports = new ImportActions(ctx, this.bindings, this.tables);
    this.combining = new CombineActions(ctx, this.bindings, this.tables);
  }

  // --- state ------------------------------------------------------------------------------

  getState(): SessionState {
    return this.store.get();
  }

  subscribe(listener: () => void): () => void {
    return this.store.subscribe(listener);
  }

  dismissError(): void {
    this.store.dismissError();
  }

  /** Runs the action that failed last once more. */
  retry(): Promise<void> {
    return this.store.retry();
  }

  // --- loading and bindings ---------------------------------------------------------------

  /** Reads the tables, the bindings and the settings (and re-links renamed tables). */
  load(): Promise<void> {
    return this.bindings.load();
  }

  /** Binds a table as a kind, its columns mapped from their headers. */
  bindTable(tableId: string, kind: TableKind): Promise<BoundTable | undefined> {
    return this.bindings.bindTable(tableId, kind);
  }

  /** Binds each kind not bound yet to the unbound table that fits it best. Returns the kinds bound. */
  autoBind(): Promise<TableKind[] | undefined> {
    return this.bindings.autoBind();
  }

  /** Binds one more table as a kind (another Rounds sheet): the kind's tables are checked
   * as one. */
  bindAnother(tableId: string, kind: TableKind): Promise<BoundTable | undefined> {
    return this.bindings.bindAnother(tableId, kind);
  }

  /** Points a field at another column (or at none, with null), in the kind's first bound
   * table or in the bound table `tableId`. */
  setColumn(
    kind: TableKind,
    field: string,
    header: string | null,
    tableId?: string
  ): Promise<void> {
    return this.bindings.setColumn(kind, field, header, tableId);
  }

  /** Unbinds every table of the kind, or only the bound table `tableId`. */
  unbind(kind: TableKind, tableId?: string): Promise<void> {
    return this.bindings.unbind(kind, tableId);
  }

  // --- finding tables in the sheets -------------------------------------------------------

  /** Whether this workbook can read its sheets for `discoverTables`. */
  canDiscoverTables(): boolean {
    return typeof this.workbook.readSheetGrids === "function";
  }

  /** Finds the tables in every sheet (as `kaona check` does on a file); nothing is written.
   * Undefined where the workbook cannot read sheets. */
  discoverTables(): Promise<Suggestions | undefined> {
    return this.discovery.discover();
  }

  /** Binds every Excel table found for each kind not bound yet (several of a kind as one). */
  bindFoundTables(): Promise<TableKind[] | undefined> {
    return this.discovery.bindFound();
  }

  /** Converts a plain range found in a sheet to a table and binds it (the person confirmed). */
  convertFoundRange(suggestion: RangeSuggestion): Promise<TableInfo | undefined> {
    return this.discovery.convertRange(suggestion);
  }

  // --- creating tables --------------------------------------------------------------------

  /** A new sheet with an empty table of the kind (Thai or English headers), bound at once. */
  createBlankTable(kind: TableKind, lang: Lang): Promise<TableInfo | undefined> {
    return this.tables.createBlankTable(kind, lang);
  }

  /** The two seed projects as three new tables, bound in place of any earlier binding. */
  insertSampleData(variant?: SampleVariant): Promise<TableInfo[] | undefined> {
    return this.tables.insertSampleData(variant);
  }

  /** Turns the selected range into a table (the person confirmed), bound as `kind` if given. */
  convertSelection(kind?: TableKind): Promise<TableInfo | undefined> {
    return this.tables.convertSelection(kind);
  }

  /** The data-validation rules for a bound table's columns, with the header each goes to. */
  validationPlan(kind: TableKind): Promise<{ header: string; rule: ColumnValidation }[]> {
    return this.tables.validationPlan(kind);
  }

  /** Adds Excel data validation to a bound table's columns (an explicit, confirmed action). */
  applyValidation(kind: TableKind): Promise<number | undefined> {
    return this.tables.applyValidation(kind);
  }

  // --- checking ---------------------------------------------------------------------------

  /** Reads every bound table in one request and checks them. Null when nothing is bound. */
  runCheck(trigger: CheckRun["trigger"] = "manual"): Promise<CheckRun | null | undefined> {
    return this.checks.runCheck(trigger);
  }

  /** Selects an issue's cell (and its sheet). */
  goToIssue(issue: Issue): Promise<void> {
    return this.checks.goToIssue(issue);
  }

  setLive(on: boolean): Promise<void> {
    return this.live.setLive(on);
  }

  /** The task pane was hidden or shown: live checking pauses while nobody looks, and
   * catches up with one check when the pane is shown again. */
  setPaneVisible(visible: boolean): Promise<void> {
    return this.live.setPaneVisible(visible);
  }

  // --- reports and the issues sheet -------------------------------------------------------

  /** Writes (or rewrites) the generated issues sheet from the last check. */
  writeIssuesSheet(lang: Lang): Promise<WriteOutcome | undefined> {
    return this.reports.writeIssuesSheet(lang);
  }

  /** The projects a report can be made of (checking first when there is no check). */
  projects(): Promise<ProjectChoice[]> {
    return this.reports.projects();
  }

  /** The report layout of one project, for the preview (nothing is written). */
  previewReport(
    request: ReportRequest & { projectCode: string }
  ): Promise<SheetLayout | undefined> {
    return this.reports.previewReport(request);
  }

  /** Reads the tables afresh and writes the report sheet(s); refused sheets come back pending. */
  generateReports(request: ReportRequest): Promise<WriteOutcome | undefined> {
    return this.reports.generateReports(request);
  }

  /** Finishes a refused write: replace the sheet the person edited, or write under a free name. */
  resolveConflict(
    pending: PendingWrite,
    how: "replace" | "rename"
  ): Promise<WriteResult | undefined> {
    return this.reports.resolveConflict(pending, how);
  }

  // --- importing printouts ---------------------------------------------------------------

  /** What importing the pasted printout(s) would add to the bound tables; writes nothing. */
  previewImport(text: string): Promise<ImportPreview | undefined> {
    return this.imports.preview(text);
  }

  /** Appends the preview's new rows (the person's click); unconfirmed ambiguous rounds are left out. */
  applyImport(preview: ImportPreview, choices: ImportChoices): Promise<ImportOutcome | undefined> {
    return this.imports.apply(preview, choices);
  }

  // --- combining other units' workbooks -----------------------------------------------------

  /** What appending the chosen workbooks to the bound tables would add; writes nothing. */
  previewCombine(files: readonly ChosenFile[]): Promise<CombinePreview | undefined> {
    return this.combining.preview(files);
  }

  /** Appends the preview's new rows (the person's confirmation). */
  applyCombine(preview: CombinePreview): Promise<CombineOutcome | undefined> {
    return this.combining.apply(preview);
  }

  // --- settings and the rest --------------------------------------------------------------

  /** Applies settings in this pane: the language is the person's own and kept at once; the
   * workbook's settings are written by `saveSettings` (`state.settingsUnsaved` until then). */
  updateSettings(patch: Partial<KaonaSettings>): Promise<void> {
    return this.settings.updateSettings(patch);
  }

  /** Writes the workbook's settings, merged with a co-author's changes meanwhile. */
  saveSettings(): Promise<boolean | undefined> {
    return this.settings.saveSettings();
  }

  /** Drops the unsaved settings: back to the workbook's. */
  discardSettings(): Promise<void> {
    return this.settings.discardSettings();
  }

  /** Hides the note about a co-author's changes. */
  dismissCoauthorChange(): void {
    this.store.set({ coauthorChange: null });
  }

  /** Enters a formula in the active cell; "not-supported" where the workbook cannot. */
  insertFormula(formula: string): Promise<{ sheet: string; cell: string } | undefined> {
    return this.settings.insertFormula(formula);
  }

  /** Removes the change handlers (the task pane is closing). */
  async dispose(): Promise<void> {
    this.store.disposed = true;
    await this.live.stop();
    this.store.close();
  }
}
