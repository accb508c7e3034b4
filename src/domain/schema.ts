/**
 * The field schema of Kaona's three tables: the one source of truth for header
 * auto-mapping, the blank-table templates (headers, widths, number formats, data
 * validation), the cell parsers, and the labels the task pane and the reports show.
 * Split by concern: `fields` (the field tables and look-ups), `tableKinds` (the kinds and
 * their labels), `tableTemplate` (the blank tables); this module is their one entry.
 */
export * from "./fields";
export * from "./tableKinds";
export * from "./tableTemplate";
