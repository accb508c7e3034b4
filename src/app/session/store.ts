/**
 * The session's state and how actions run: listeners see every change; an action's failure
 * becomes `state.error` (a message and a way on) with a retry, never an exception.
 */
import type { Workbook } from "../../workbook/port";
import { describeError } from "../errors";
import type { PreferenceStore } from "../preferences";
import { DEFAULT_SETTINGS } from "../settings";
import type { SessionState } from "./types";

export class SessionStore {
  private state: SessionState = {
    status: "loading",
    tables: [],
    bindings: { version: 1, tables: [] },
    bound: {},
    boundAll: {},
    settings: DEFAULT_SETTINGS,
    check: null,
    checking: false,
    live: true,
    busy: null,
    error: null,
    settingsUnsaved: false,
    coauthorChange: null,
  };
  private readonly listeners = new Set<() => void>();
  private lastFailed: (() => Promise<unknown>) | null = null;
  /** The pane is closing: no more checks or watching. */
  disposed = false;
  /** Called after each of Kaona's own writes (which run with Excel's events off). */
  afterOwnWrite: () => void = () => undefined;

  get(): SessionState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  /** Runs an action; a failure becomes `state.error` (with a retry) and the result undefined. */
  async act<T>(name: string, action: () => Promise<T>): Promise<T | undefined> {
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

  close(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}

/** What every part of a session works with. */
export interface SessionContext {
  readonly workbook: Workbook;
  readonly store: SessionStore;
  readonly preferences: PreferenceStore;
  /** Epoch milliseconds now. */
  readonly now: () => number;
}
