/**
 * What the task pane knows of where it runs, and the Excel API version it needs. The Excel
 * side (src/workbook/excel/officeHost.ts) fills HostInfo in; the pane reads it without
 * importing Excel code (only its composition root, src/taskpane/index.tsx, does).
 */

/** The ExcelApi requirement set the manifest declares: the highest any call needs (see
 * EXCEL_API_USAGE in src/workbook/excel/requirements.ts and docs/requirement-sets.md). */
export const REQUIRED_EXCEL_API = "1.9";

export interface HostInfo {
  kind: "excel" | "preview";
  /** Office's display language, e.g. "th-TH"; the browser's in the preview. */
  displayLanguage: string | null;
  /** Office's theme is dark (from officeTheme.bodyBackgroundColor). */
  darkTheme: boolean;
  /** Whether Excel supports the ExcelApi version the add-in needs. */
  excelApiSupported: boolean;
  /** Office.context.diagnostics inside Excel: which Excel, on what platform, which build
   * (shown and reported by the Diagnostics page). */
  office?: { application: string; platform: string; version: string };
}
