/** The report layouts: the project form, the all-projects summary, the issues sheet. */
export {
  buildProjectReport,
  REPORT_COLUMN_WIDTHS,
  type ProjectReportInput,
  type ReportOptions,
} from "./project";
export { buildSummaryReport, tallyText, type SummaryOptions } from "./summary";
export { buildIssuesSheet } from "./issues";
export { type LiveSource, columnRef } from "./live";
export { safeSheetName, cellAddress, columnLetters, parseCell, rangeCorners } from "../a1";
export { REPORT_FONT, FONT_PROFILES, withFont, type FontProfile } from "./sheet";
