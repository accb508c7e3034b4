/** What the task pane sees of a session: its state and the shapes its actions return. */
import type { CheckResult } from "../../domain/check";
import type { Lang, SheetLayout, TableKind } from "../../domain/types";
import type {
  Bindings,
  BindingStatus,
  TableBinding,
  TableInfo,
  WriteConflict,
  WriteResult,
} from "../../workbook/port";
import type { ErrorInfo } from "../errors";
import type { Suggestions } from "./discovery";
import type { PreferenceStore } from "../preferences";
import type { KaonaSettings } from "../settings";

/** Waiting this long after the last change before checking again keeps typing smooth. */
export const LIVE_DEBOUNCE_MS = 600;

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
  /** A live check after a co-author's edit (arrived through co-authoring). */
  remote?: boolean;
}

export interface SessionState {
  status: "loading" | "ready" | "failed";
  tables: TableInfo[];
  bindings: Bindings;
  bound: Partial<Record<TableKind, BoundTable>>;
  /** Every table bound as each kind, `bound[kind]` first: several tables of a kind (one
   * Rounds sheet per project) are checked as one, each issue at its own sheet and cell. */
  boundAll: Partial<Record<TableKind, BoundTable[]>>;
  settings: KaonaSettings;
  check: CheckRun | null;
  checking: boolean;
  /** Live checking: re-check after the bound tables change. */
  live: boolean;
  /** The action running now (for spinners and disabling buttons). */
  busy: string | null;
  error: ErrorInfo | null;
  /** Workbook settings changed in this pane (and in effect here) but not saved yet. */
  settingsUnsaved: boolean;
  /** What a co-author changed in the bindings or settings meanwhile, found when saving. */
  coauthorChange: CoauthorChange | null;
  /** The tables found in the sheets (`discover`), until the next discovery. */
  suggestions?: Suggestions;
}

/** A co-author's changes met when saving: theirs are kept unless this pane changed the same. */
export interface CoauthorChange {
  /** Kinds whose binding they changed. */
  kinds: TableKind[];
  /** Of those, the ones this pane's save replaced. */
  overridden: TableKind[];
  /** Settings they changed (language excluded: it is each person's own). */
  settings: string[];
  settingsOverridden: string[];
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
  /** Where the person's own preferences (language) live; memory when not given. */
  preferences?: PreferenceStore;
  /** Epoch milliseconds now (tests). */
  now?: () => number;
}
