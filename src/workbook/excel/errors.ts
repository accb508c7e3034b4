/**
 * Office errors → WorkbookError reasons the task pane turns into a Thai/English message,
 * keeping Office's code and message. And a watchdog: a `sync` that never returns (a busy
 * or disconnected Excel on the web) ends as a "timeout" instead of a spinner forever.
 */
import { WorkbookError, type WriteConflict } from "../port";

type Reason = WorkbookError["reason"];

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

function asOfficeLike(error: unknown): OfficeLikeError {
  return typeof error === "object" && error !== null ? (error as OfficeLikeError) : {};
}

/** The reason for an Office error code (codes from Excel.ErrorCodes and OfficeExtension). */
export function reasonForCode(code: string, message: string): Reason {
  switch (code) {
    case "ItemNotFound":
    case "InvalidReference":
      return "table-missing";
    case "AccessDenied":
      return "sheet-protected";
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
    default:
      // Protected sheets surface as InvalidOperation in some builds; the message says so.
      return /protect/i.test(message) ? "sheet-protected" : "unknown";
  }
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
  return new WorkbookError(reasonForCode(code, message), message, {
    ...context,
    code: code || undefined,
    original: message,
  });
}

/** Default time a whole Excel.run may take before Kaona gives up waiting. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Resolves with `work`, or rejects with WorkbookError "timeout" after `ms`. Office.js
 * cannot cancel a batch: a late result is dropped, and the user is told to try again.
 */
export function withWatchdog<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new WorkbookError(
            "timeout",
            `${what}: Excel did not answer within ${Math.round(ms / 1000)} s`
          )
        ),
      ms
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
