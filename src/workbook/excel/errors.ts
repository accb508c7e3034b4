/**
 * Office errors → WorkbookError reasons the task pane turns into a Thai/English message,
 * keeping Office's code and message.
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

/** Office's English text for cell-edit mode, where a host reports it as a plain
 * InvalidOperation (the message is localised elsewhere: then only the code is known). */
const CELL_EDIT_TEXT = /cell[- ]edit(ing)? mode|edit cell mode/i;

/** A finer hint than the reason, for the UI, where Office's code (or, for a plain
 * InvalidOperation, its English message) gives one. */
export function hintForCode(code: string, message = ""): WorkbookErrorHint | undefined {
  if (code === "InvalidOperationInCellEditMode") return "cell-edit-mode";
  if (code === "InvalidOperation" && CELL_EDIT_TEXT.test(message)) return "cell-edit-mode";
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
  const hint = hintForCode(code, message);
  const reason = hint === "cell-edit-mode" ? "timeout" : reasonForCode(code);
  return new WorkbookError(reason, message, {
    ...context,
    code: code || undefined,
    original: message,
    ...(hint ? { hint } : {}),
  });
}

/** Time one context.sync may take before Kaona tells the person Excel is slow (it goes on
 * waiting: see SyncWatch in excelRun.ts). */
export const DEFAULT_TIMEOUT_MS = 30_000;
