/**
 * The Diagnostics self-test's contract with a workbook: what to write on a scratch sheet
 * (the probe, chosen by the use case in src/app/selfTest.ts) and what the workbook read
 * back (raw, uncompared: the use case compares). A workbook creates the scratch sheet,
 * writes, reads back and always removes the sheet and the custom XML part it added, even
 * when a step failed. A part it cannot read back (a feature it does not model, an API set
 * the host lacks) it leaves undefined; a step that failed is reported in `failures`, and the
 * read-back of that step is then undefined too.
 */

/** One scratch-sheet step, named for `failures`. */
export type SelfTestStep =
  | "sheet"
  | "values"
  | "formulas"
  | "scalarFormat"
  | "dateFormats"
  | "styles"
  | "rangeAreas"
  | "columns"
  | "hyperlink"
  | "merges"
  | "validation"
  | "table"
  | "tableRows"
  | "customXml"
  | "autofit"
  | "pageLayout"
  | "pageBreaks"
  | "removePageBreaks"
  | "chart"
  | "freeze"
  | "visibility"
  | "cleanup";

export type SelfTestCell = string | number | boolean;

export interface SelfTestStyle {
  bold: boolean;
  fontName: string;
  fontSize: number;
  fill: string;
  hAlign: "Left" | "Center" | "Right";
  wrap: boolean;
}

export interface SelfTestProbe {
  /** The scratch sheet's name: free in the workbook (the use case found it so). */
  sheet: string;
  /** Constants, written through Range.values; `textAddress` is formatted "@" first. */
  values: { address: string; grid: SelfTestCell[][]; textAddress: string };
  /** Formulas written through Range.formulas, read back as formulas and as values. */
  formulas: { address: string; grid: string[][] };
  /** One format code assigned as a scalar to a multi-cell range holding `value`. */
  scalarFormat: { address: string; format: string; value: number };
  /** Date formats, one cell each, holding `serial`. */
  dateFormats: { address: string; format: string; serial: number }[];
  /** A style applied to a range (font, fill, alignment, wrap). */
  style: { address: string; style: SelfTestStyle };
  /** Bold set through a multi-area range (Worksheet.getRanges); `between` is left alone. */
  rangeAreas: { areas: string; between: string };
  /** A column width (points) and a hidden column. */
  columns: { widthColumn: string; width: number; hiddenColumn: string };
  /** A link inside the workbook, with its display text. */
  hyperlink: { address: string; documentReference: string; text: string };
  /** Areas to merge (each two cells across), all at once. */
  merges: { areas: string[] };
  /** A list rule with prompt and error alert at the lengths Kaona writes. */
  validation: {
    address: string;
    source: string;
    prompt: { title: string; message: string };
    errorAlert: { title: string; message: string };
  };
  /** A table made on the sheet, then rows added to it. */
  table: {
    address: string;
    name: string;
    headers: string[];
    rows: SelfTestCell[][];
    addRows: SelfTestCell[][];
  };
  /** A custom XML part of the probe's own namespace, added, read back and deleted. */
  customXml: { namespace: string; xml: string };
  /** Rows given a height then autofitted: one short line, one long wrapped text. */
  autofit: {
    shortRow: number;
    longRow: number;
    column: string;
    columnWidth: number;
    fontSize: number;
    presetHeight: number;
    shortText: string;
    longText: string;
  };
  /** Fit to pages wide, with 0 (automatic) pages tall. */
  zoom: { horizontalFitToPages: number; verticalFitToPages: number };
  /** Manual page breaks before these 1-based rows, then removePageBreaks. */
  pageBreakRows: number[];
  /** A line chart of a data range. */
  chart: { dataAddress: string; type: "Line"; title: string };
  /** Rows frozen at the top. */
  freezeRows: number;
  /** The sheet hidden, read back, then shown again. */
  visibility: "Hidden";
  /** Requirement sets to ask the host about. */
  requirementSets: { name: string; version: string }[];
}

export interface SelfTestReadBack {
  /** Where it ran. */
  host: {
    kind: "excel" | "preview";
    /** Office.context.diagnostics (absent in the preview). */
    application?: string;
    platform?: string;
    version?: string;
  };
  /** The sheet name used; whether it was there after the run (it must not be). */
  sheet: { name: string; removed: boolean };
  values?: unknown[][];
  formulas?: { formulas: unknown[][]; values?: unknown[][] };
  scalarFormat?: { numberFormat: unknown[][]; text: unknown[][] };
  dateFormats?: { numberFormat: unknown; text: unknown; value: unknown }[];
  style?: Partial<Record<keyof SelfTestStyle, unknown>>;
  rangeAreas?: { bold: unknown[]; betweenBold: unknown };
  columns?: { width: unknown; hidden: unknown };
  hyperlink?: { documentReference: unknown; text: unknown };
  /** The merged areas (and their cells) the range reports (Range.getMergedAreasOrNullObject,
   * ExcelApi 1.13; absent where the host lacks it). */
  merges?: { areaCount: unknown; cellCount: unknown };
  validation?: {
    source: unknown;
    prompt: { title: unknown; message: unknown };
    errorAlert: { title: unknown; message: unknown };
  };
  table?: {
    name: unknown;
    headers: unknown[];
    rowCount: unknown;
    rowCountAfterAdd?: unknown;
    rowsAfterAdd?: unknown[][];
  };
  customXml?: { xml: unknown; found: unknown };
  autofit?: { shortHeight: unknown; longHeight: unknown };
  zoom?: { horizontalFitToPages?: unknown; verticalFitToPages?: unknown; scale?: unknown };
  pageBreaks?: { count: unknown; countAfterRemove?: unknown };
  chart?: { count: unknown; type: unknown; title: unknown };
  /** The frozen range's address (without the sheet), or null when nothing is frozen. */
  freeze?: { address: unknown };
  visibility?: { hidden: unknown; shownAgain: unknown };
  /** Each set asked, in order: supported or not; absent outside Office. */
  requirementSets?: boolean[];
  /** Steps that threw, with the error's code and message. */
  failures: { step: SelfTestStep; code?: string; message: string }[];
  /** Context.sync calls of the run (Excel), 1 in memory. */
  syncs: number;
}
