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
};
