/**
 * The domain's shared vocabulary: what a cell holds, the typed records parsed from the
 * three tables, the issues validation reports, and the sheet layout the report builder
 * produces. Pure types: nothing here touches Office, React or the DOM.
 */

/** What one worksheet cell can hold as Office.js `Range.values` (or ExcelJS) gives it. */
export type CellValue = string | number | boolean | null | undefined;

export type Lang = "th" | "en";

/** A text given in both languages of the product. */
export interface LocalizedText {
  th: string;
  en: string;
}

export type Severity = "error" | "warning" | "info";

export type TableKind = "projects" | "rounds" | "indicators";

/** A day as an Excel serial number (1 = 1900-01-01, Excel's fake 1900-02-29 at 60). */
export type ExcelSerial = number;

/** One finding of validation. */
export interface Issue {
  /** Stable identifier of the rule, e.g. "ROUND_PROGRESS_FALLS". */
  code: string;
  severity: Severity;
  table: TableKind;
  /** Zero-based index of the data row inside its table (header excluded); -1 for table-level issues. */
  row: number;
  /** Schema field key the issue is about, when it is about one. */
  field?: string;
  /** Sheet name of the cell, when the table's position is known. */
  sheet?: string;
  /** A1 address of the cell on its sheet (without the sheet), e.g. "E7". */
  cell?: string;
  message: LocalizedText;
}

/** A table as the workbook hands it to the domain: header row plus data rows, as values. */
export interface RawTable {
  /** Excel table name (or sheet name for a plain range). */
  name: string;
  sheet: string;
  /** Zero-based sheet row and column of the header row's first cell. */
  origin: { row: number; col: number };
  headers: string[];
  rows: CellValue[][];
  /** Number formats of the data cells, same shape as rows, when loaded. */
  numberFormats?: string[][];
  /** Data cells holding a formula that was never calculated (no cached value), as
   * [data row, column] inside the table. Their value in `rows` means nothing. */
  uncalculated?: Array<[number, number]>;
}

/** Some rows of a table as read after a change: where the table is and what it is called
 * now, how many data rows it has, and the rows read (from `firstRow`, zero-based, header
 * excluded). What the incremental check (`incremental.ts`) takes in. */
export interface RawTableRows extends Omit<RawTable, "rows" | "numberFormats"> {
  /** Data rows the table has now. */
  rowCount: number;
  /** Zero-based data row of `rows[0]`. */
  firstRow: number;
  rows: CellValue[][];
  numberFormats?: string[][];
}

/** A value from a vocabulary column: the entry's key when recognised, and the text as typed. */
export interface VocabValue {
  key: string | null;
  text: string;
  /** The entry was marked as not settled ("ผ่าน?"): `key` is null, so no count takes it. */
  uncertain?: true;
}

export interface Project {
  /** Zero-based data row in the Projects table. */
  row: number;
  code: string;
  name: string;
  /** Fiscal year in the Buddhist Era, e.g. 2563. */
  fiscalYear?: number;
  start?: ExcelSerial;
  end?: ExcelSerial;
  budgetReceived?: number;
  budgetUsed?: number;
  unit?: string;
  owner?: string;
  coordinator?: string;
  rationale?: string;
  objectives?: string;
  target?: string;
  targetCount?: number;
  strategy?: string;
  subStrategy?: string;
  goal?: string;
  kpi?: string;
}

export interface Round {
  row: number;
  projectCode: string;
  round?: number;
  date?: ExcelSerial;
  narrative?: string;
  /** Cumulative progress in percent, 0–100. */
  progress?: number;
  plannedProgress?: number;
  /** Baht disbursed in this round. */
  disbursed?: number;
  planStatus?: VocabValue;
  targetStatus?: VocabValue;
}

export interface Indicator {
  row: number;
  projectCode: string;
  id?: string;
  name?: string;
  unit?: string;
  target?: number;
  actual?: number;
  outcome?: VocabValue;
}

/** How an outcome category counts in the tally. */
export type OutcomeClass = "passed" | "failed" | "notApplicable" | "excluded";

export interface VocabularyEntry {
  key: string;
  th: string;
  en: string;
  /** Other spellings staff type for the same entry. */
  aliases?: string[];
  /** For outcome categories only. */
  counts?: OutcomeClass;
}

export interface Vocabularies {
  planStatus: VocabularyEntry[];
  targetStatus: VocabularyEntry[];
  outcome: VocabularyEntry[];
}

// ---------------------------------------------------------------------------------------
// Sheet layout: one builder (report, summary, issues sheet), three renderers
// (Office.js, HTML preview, ExcelJS).

export type HAlign = "left" | "center" | "right" | "justify";
export type VAlign = "top" | "middle" | "bottom";

export interface CellStyle {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Colours as "#RRGGBB". */
  color?: string;
  fill?: string;
  hAlign?: HAlign;
  vAlign?: VAlign;
  wrap?: boolean;
  indent?: number;
  numberFormat?: string;
  /** Thin borders on the sides named. */
  border?: { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean };
}

export interface LayoutCell {
  /** Zero-based row and column on the sheet. */
  row: number;
  col: number;
  value?: string | number | boolean | null;
  /** An Excel formula in English syntax, starting with "=". When both are given, `value`
   * is the formula's cached result: what previews show and what a file opened without
   * recalculation (LibreOffice's default for .xlsx) displays. */
  formula?: string;
  /** Key into SheetLayout.styles. */
  style?: string;
  /** A link to a cell of the workbook. */
  link?: { sheet: string; cell: string };
}

export interface MergedArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface PageSetup {
  orientation: "portrait" | "landscape";
  paper: "A4";
  /** Margins in inches. */
  margins: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    header: number;
    footer: number;
  };
  fitToPagesWide?: number;
  /** Zero-based first and last row repeated at the top of each printed page. */
  printTitleRows?: [number, number];
  /** Centre footer, in Excel's header/footer codes (&P page, &N pages). */
  centerFooter?: string;
  /** Print area as an A1 range without the sheet, e.g. "A1:H60". */
  printArea?: string;
  /** Pages tall when fitting to `fitToPagesWide`; 0 or absent = as many as needed. */
  fitToPagesTall?: number;
  /** Zero-based rows that start a new printed page (manual page breaks). */
  rowBreaks?: number[];
}

export interface ChartSpec {
  type: "line";
  title: string;
  /** A1 ranges on the same sheet. */
  categories: string;
  series: { name: string; values: string }[];
  /** Where the chart sits: top-left and bottom-right cells (A1). */
  topLeft: string;
  bottomRight: string;
  /** Value axis bounds and number format (e.g. 0–100 for percent progress). */
  valueAxis?: { min?: number; max?: number; title?: string; numberFormat?: string };
  /** Category axis title. */
  categoryTitle?: string;
}

/** What generated a sheet: lets a renderer recognise (and only replace) Kaona's own sheets. */
export interface SheetOrigin {
  generator: "kaona";
  kind: "report" | "summary" | "issues";
  /** The project a report sheet is about. */
  projectCode?: string;
  lang?: Lang;
  /** "live": formulas over the bound tables; "values": a snapshot. */
  mode?: "live" | "values";
}

export interface SheetLayout {
  /** Worksheet name (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  /** Column widths in points, in column order from A. */
  columnWidths: number[];
  /** Row heights in points by zero-based row; rows not listed keep the default. */
  rowHeights: Record<number, number>;
  cells: LayoutCell[];
  merges: MergedArea[];
  styles: Record<string, CellStyle>;
  page?: PageSetup;
  charts?: ChartSpec[];
  /** Rows frozen at the top (e.g. a header row of a listing). */
  freezeRows?: number;
  /** Font of cells without a style of their own (and the sheet's default row height basis). */
  defaultFont?: { name: string; size: number };
  /** Line spacing, in ems of each cell's font size, that the row heights were computed
   * with; renderers that lay text out themselves (the HTML preview) use it. */
  lineEm?: number;
  /** Zero-based columns to hide (helper columns of live formulas). */
  hiddenColumns?: number[];
  /** Who generated the sheet and from what. */
  origin?: SheetOrigin;
}

// ---------------------------------------------------------------------------------------
// Parsing results. Parsers never throw: a cell that cannot be read is a result, not an error.

export type Parsed<T> =
  /** `fromText`: the cell held text where a number or date belongs (worth a warning). */
  | { ok: true; value: T; fromText: boolean }
  | { ok: false; empty: true }
  /** `text`: the cleaned cell content that could not be read, for the message. */
  | { ok: false; empty: false; text: string };
