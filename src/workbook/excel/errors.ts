/**
 * Office errors → WorkbookError reasons the task pane turns into a Thai/English message,
 * keeping Office's code and message. And a watchdog: a `sync` that never returns (a busy
 * or disconnected Excel on the web) ends as a "timeout" instead of a spinner forever.
 */
import { WorkbookError, type WorkbookErrorHint, type WriteConflict } from "../port";

type Reason = WorkbookError["reason"];

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

function asOfficeLike(error: unknown): OfficeLikeError {
  return typeof error === "object" && error !== null ? (error as OfficeLikeError) : {};
}

/**
 * The reason for an Office error code (Excel.ErrorCodes, OfficeExtension.ErrorCodes).
 * Codes, never messages: Office localises messages (a Thai Excel says "ป้องกัน", not
 * "protected"), and codes are not localised.
 */
export function reasonForCode(code: string): Reason {
  switch (code) {
    case "ItemNotFound":
      return "table-missing";
    case "AccessDenied":
      return "sheet-protected";
    case "ItemAlreadyExists":
      return "sheet-conflict";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
    case "OperationCellsExceedLimit":
      return "payload-too-large";
    case "ApiNotFound":
    case "UnsupportedOperation":
    case "UnsupportedFeature":
    case "NotImplemented":
    case "InvalidSelection":
      return "not-supported";
    // Excel is busy: a cell being edited, a co-author's change, an aborted request. The
    // "timeout" message already says to leave the cell (Esc) and try again.
    case "InvalidOperationInCellEditMode":
    case "Conflict":
    case "RequestAborted":
      return "timeout";
    default:
      return "unknown";
  }
}

/** A finer hint than the reason, for the UI, where Office's code gives one. */
export function hintForCode(code: string): WorkbookErrorHint | undefined {
  if (code === "InvalidOperationInCellEditMode") return "cell-edit-mode";
  if (code === "Conflict" || code === "RequestAborted") return "busy";
  return undefined;
}

/** Whether an error is Excel refusing a request or response as too large (worth halving). */
export function isPayloadError(error: unknown): boolean {
  return toWorkbookError(error).reason === "payload-too-large";
}

export interface ErrorContext {
  sheet?: string;
  table?: string;
  conflict?: WriteConflict;
}

/** Any thrown value as a WorkbookError (a WorkbookError passes through unchanged). */
export function toWorkbookError(error: unknown, context: ErrorContext = {}): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const office = asOfficeLike(error);
  const code =
    typeof office.code === "string"
      ? office.code
      : typeof office.debugInfo?.code === "string"
        ? office.debugInfo.code
        : "";
  const message =
    typeof office.message === "string"
      ? office.message
      : error instanceof Error
        ? error.message
        : String(error);
  const hint = hintForCode(code);
  return new WorkbookError(reasonForCode(code), message, {
    ...context,
    code: code || undefined,
    original: message,
    ...(hint ? { hint } : {}),
  });
}

/** Default time one context.sync (or the work between two) may take before Kaona gives up. */
export const DEFAULT_TIMEOUT_MS = 30_000;

function timeoutError(what: string, ms: number): WorkbookError {
  return new WorkbookError(
    "timeout",
    `${what}: Excel did not answer within ${Math.round(ms / 1000)} s`
  );
}

/**
 * A watchdog over one Excel.run that is reset at every sync: a run of many chunks may
 * take long, but no single step may. When it fires, `expired` rejects and the run is
 * cancelled: `check()` (called before every further sync) throws, so the chunks not yet
 * sent are never sent. Office.js cannot cancel a batch already sent; its late result is
 * dropped.
 */
export class RunWatchdog {
  cancelled = false;
  readonly expired: Promise<never>;
  private reject: (error: WorkbookError) => void = () => undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ms: number,
    private readonly what: string
  ) {
    this.expired = new Promise<never>((_, reject) => {
      this.reject = reject;
    });
    // Nobody may be listening any more when it fires late; that is not an error.
    this.expired.catch(() => undefined);
    this.arm();
  }

  /** Starts the time of one step again. */
  arm(): void {
    clearTimeout(this.timer);
    if (this.cancelled) return;
    this.timer = setTimeout(() => {
      this.cancelled = true;
      this.reject(timeoutError(this.what, this.ms));
    }, this.ms);
  }

  /** Throws "timeout" once the run was cancelled. */
  check(): void {
    if (this.cancelled) throw timeoutError(this.what, this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/**
 * Resolves with `work`, or rejects with WorkbookError "timeout" after `ms`. For one-sync
 * work outside ExcelWorkbook.run (removing event handlers).
 */
export function withWatchdog<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  const watchdog = new RunWatchdog(ms, what);
  return Promise.race([work, watchdog.expired]).finally(() => watchdog.stop());
}
