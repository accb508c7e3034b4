/**
 * Failure as a state: every error an action meets becomes a message in the user's
 * language and one way on (try again, bind again, choose another name, …).
 */
import type { MessageKey } from "../i18n";
import { WorkbookError, type WorkbookErrorHint } from "../workbook/port";

export type ErrorReason = WorkbookError["reason"];

/** What the person can do next. */
export type WayOn =
  /** Run the same action again (after fixing the cause the message names). */
  | "retry"
  /** Go to the Tables page and bind again. */
  | "rebind"
  /** Nothing to retry: read the message and close it. */
  | "dismiss";

export interface ErrorInfo {
  reason: ErrorReason;
  title: MessageKey;
  body: MessageKey;
  params: Record<string, string>;
  way: WayOn;
  /** The original message, for support (shown small, never translated). */
  detail: string;
}

const TEXT: Record<ErrorReason, { title: MessageKey; body: MessageKey; way: WayOn }> = {
  "table-missing": {
    title: "error.tableMissing.title",
    body: "error.tableMissing.body",
    way: "rebind",
  },
  "sheet-protected": {
    title: "error.sheetProtected.title",
    body: "error.sheetProtected.body",
    way: "retry",
  },
  "payload-too-large": {
    title: "error.payloadTooLarge.title",
    body: "error.payloadTooLarge.body",
    way: "retry",
  },
  timeout: { title: "error.timeout.title", body: "error.timeout.body", way: "retry" },
  "sheet-conflict": {
    title: "error.sheetConflict.title",
    body: "error.sheetConflict.body",
    way: "dismiss",
  },
  "not-supported": {
    title: "error.notSupported.title",
    body: "error.notSupported.body",
    way: "dismiss",
  },
  unknown: { title: "error.unknown.title", body: "error.unknown.body", way: "retry" },
};

/** Where Office's code says more than the reason: a cell being edited, Excel busy. */
const HINT_TEXT: Record<WorkbookErrorHint, { title: MessageKey; body: MessageKey }> = {
  "cell-edit-mode": { title: "error.cellEditMode.title", body: "error.cellEditMode.body" },
  busy: { title: "error.busy.title", body: "error.busy.body" },
  "no-selection": { title: "error.noSelection.title", body: "error.noSelection.body" },
};

/** Any thrown value as an ErrorInfo; errors that are not the workbook's count as "unknown". */
export function describeError(error: unknown): ErrorInfo {
  const reason: ErrorReason = error instanceof WorkbookError ? error.reason : "unknown";
  const detail = error instanceof Error ? error.message : String(error);
  const wb = error instanceof WorkbookError ? error.detail : undefined;
  const params: Record<string, string> = {
    sheet: wb?.sheet ?? "",
    table: wb?.table ?? "",
    detail,
  };
  const hint = wb?.hint ? HINT_TEXT[wb.hint] : undefined;
  return { reason, ...TEXT[reason], ...hint, params, detail };
}
