import type { MessageKey } from "./th";

/** The English dictionary: the same keys as the Thai one, enforced by the type. */
export const en: Record<MessageKey, string> = {
  "app.name": "Kaona",
  "app.tagline": "Project progress reports and indicators",
  "app.loading": "Loading…",
  "app.previewBanner.title": "Browser preview",
  "app.previewBanner.body":
    "Not running inside Excel: Kaona works on an in-memory sample workbook (two real report forms). Changes are not saved.",
  "app.unsupported.title": "This version of Excel is not supported",
  "app.unsupported.body":
    "Kaona needs Excel with ExcelApi {version} or later. Please update Office or use Excel on the web.",
  "app.error.title": "Something went wrong",
  "app.error.retry": "Try again",
  "nav.label": "Main menu",
  "nav.home": "Home",
  "nav.tables": "Tables",
  "nav.check": "Check",
  "nav.report": "Report",
  "nav.functions": "Functions",
  "nav.settings": "Settings",
  "lang.label": "Language",
  "lang.auto": "Follow Office",
  "lang.th": "ไทย",
  "lang.en": "English",
  "page.home.title": "Overview",
  "page.tables.title": "Tables",
  "page.tables.intro":
    "Bind Excel tables as Projects, report Rounds and Indicators, or create new ones with Thai headers.",
  "page.check.title": "Check entries",
  "page.check.intro":
    "Checks types, dates, vocabularies, cumulative progress, round order, budgets and indicator tallies. Click an issue to go to its cell.",
  "page.report.title": "Report sheet",
  "page.report.intro":
    "Generates the official progress report form as a sheet ready to print on A4.",
  "page.functions.title": "KPI functions",
  "page.functions.intro": "Functions for your own formulas: type =KPI. in a cell.",
  "page.settings.title": "Settings",
  "preview.workbook": "Sample workbook",
  "preview.sheets": "Sheets",
  "preview.emptySheet": "This sheet is empty",
  "error.tableMissing.title": "Table not found",
  "error.tableMissing.body":
    "The table {table} was deleted or is no longer in this workbook. Go to Tables to bind a table again.",
  "error.sheetProtected.title": "The sheet is protected",
  "error.sheetProtected.body":
    "The sheet {sheet} is protected. Unprotect it (Review › Unprotect Sheet) and try again.",
  "error.payloadTooLarge.title": "Too much data at once",
  "error.payloadTooLarge.body":
    "Excel refused a request that was too large. Generate one project at a time or split the table, then try again.",
  "error.timeout.title": "Excel is not responding",
  "error.timeout.body":
    "Excel did not answer in time. Make sure no cell is being edited (press Esc) and try again.",
  "error.sheetConflict.title": "That name is taken",
  "error.sheetConflict.body":
    "A sheet or table named {sheet}{table} already exists and was not made by Kaona, so it is left alone. Choose another name.",
  "error.notSupported.title": "This cannot be done here",
  "error.notSupported.body": "This Excel or the current selection does not support this action ({detail}).",
  "error.unknown.title": "Something unexpected went wrong",
  "error.unknown.body": "Try again; if it keeps happening, close and reopen Kaona ({detail}).",
  "error.retry": "Try again",
  "error.rebind": "Go to Tables",
  "error.dismiss": "Close",
};
