/**
 * The project form's grid, styles and the small writers its sections share: headings,
 * "label : value" lines and long paragraphs split into rows.
 */
import { BE_DATE_NUMERIC_FORMAT } from "../../dates";
import type { CellStyle, Lang, VocabValue, VocabularyEntry } from "../../types";
import { vocabularyLabel } from "../../vocabularies";
import { reportText, type ReportTextKey } from "../labels";
import type { LiveSource } from "../live";
import { maxLinesPerRow, splitIntoRows } from "../measure";
import { REPORT_FONT, wrappedCell, type SheetWriter } from "../sheet";

/** A4 portrait, 0.6" left and 0.5" right margins leave 7.17" = 516 pt: the form's width. */
export const REPORT_COLUMN_WIDTHS = [40, 62, 196, 52, 62, 52, 52, 90, 36];
export const FORM_COLS = 7;
/** Hidden helper columns: H holds each round's table row (live mode) and the project
 * code on the code line; I the project's table row. */
export const HELPER_COL = 7;
export const KEY_COL = 7;
export const INDEX_COL = 8;
/** Largest single cell text Excel accepts. */
const MAX_CELL_TEXT = 32767;
/** Lines per row of long text in values mode: short rows break across pages cleanly. */
const LINES_PER_TEXT_ROW = 10;
export const LINES_PER_NARRATIVE_ROW = 15;
/** Rows (merged areas) one long text may take: 3 texts × 40 stay far under 512. */
const MAX_TEXT_ROWS = 40;

export const SIZE_TITLE = 20;
export const SIZE_BODY = 16;
export const SIZE_TABLE = 14;

/** What every section of the form reads: the writer, the language, the live source and
 * the cells live formulas key on (the project code in H, its table row in I). */
export interface FormContext {
  w: SheetWriter;
  styles: Record<string, CellStyle>;
  lang: Lang;
  t: (key: ReportTextKey) => string;
  /** The bound tables in live mode; undefined in values mode. */
  live: LiveSource | undefined;
}

/** The cells on the project-code line that live formulas key on. */
export interface ProjectKeyCells {
  /** Absolute address of the project code (hidden column H). */
  codeCell: string;
  /** Absolute address of the project's row in the Projects table (hidden column I). */
  projectIndex: string;
}

export function formContext(
  w: SheetWriter,
  styles: Record<string, CellStyle>,
  lang: Lang,
  live: LiveSource | undefined
): FormContext {
  return { w, styles, lang, t: (key) => reportText(key, lang), live };
}

const all = { top: true, bottom: true, left: true, right: true };

export function reportStyles(): Record<string, CellStyle> {
  const body: CellStyle = { fontName: REPORT_FONT, fontSize: SIZE_BODY, vAlign: "top" };
  const table: CellStyle = {
    fontName: REPORT_FONT,
    fontSize: SIZE_TABLE,
    vAlign: "top",
    wrap: true,
  };
  return {
    title: {
      fontName: REPORT_FONT,
      fontSize: SIZE_TITLE,
      bold: true,
      hAlign: "center",
      vAlign: "middle",
      wrap: true,
    },
    section: { ...body, bold: true, wrap: true },
    subsection: { ...body, bold: true, indent: 1, wrap: true },
    line: { ...body, indent: 1, wrap: true },
    paragraph: { ...body, wrap: true, indent: 2 },
    thead: {
      ...table,
      bold: true,
      hAlign: "center",
      vAlign: "middle",
      fill: "#D9D9D9",
      border: all,
    },
    tallyLabel: { ...table, indent: 1, border: all },
    tallyLabelBold: { ...table, bold: true, indent: 1, border: all },
    tallyCount: { ...table, hAlign: "right", numberFormat: "#,##0", border: all },
    tallyCountBold: { ...table, bold: true, hAlign: "right", numberFormat: "#,##0", border: all },
    tallyRate: { ...table, bold: true, hAlign: "right", numberFormat: "0.00%", border: all },
    tallyBasis: { ...table, hAlign: "center", border: all },
    chartHead: { ...table, bold: true, hAlign: "center", fill: "#D9D9D9", border: all },
    chartRound: { ...table, hAlign: "center", border: all },
    chartValue: { ...table, hAlign: "right", numberFormat: "0.00", border: all },
    chartPlannedValue: { ...table, hAlign: "center", numberFormat: "0.00", border: all },
    certification: { ...body, wrap: true, indent: 2 },
    signature: { ...body, hAlign: "center" },
    note: { ...body, italic: true, color: "#595959", wrap: true },
  };
}

export type RoundCellKind = "center" | "date" | "text" | "percent" | "money" | "status";

/** Round table cell styles: left/right borders always, top on a round's first row, bottom
 * on its last. Created on first use, so the styles record lists only those the sheet uses. */
export function roundStyle(
  styles: Record<string, CellStyle>,
  kind: RoundCellKind,
  first: boolean,
  last: boolean,
  lang: Lang
): string {
  const key = `round.${kind}.${first ? "t" : ""}${last ? "b" : ""}`;
  if (!styles[key]) {
    const base = wrappedCell(SIZE_TABLE, { left: true, right: true, top: first, bottom: last });
    const extra: Record<RoundCellKind, CellStyle> = {
      center: { hAlign: "center" },
      date: {
        hAlign: "center",
        numberFormat: lang === "th" ? BE_DATE_NUMERIC_FORMAT : "d mmm yyyy",
      },
      text: { hAlign: "left" },
      percent: { hAlign: "right", numberFormat: "0.00" },
      money: { hAlign: "right", numberFormat: "#,##0.00" },
      status: { hAlign: "center" },
    };
    styles[key] = { ...base, ...extra[kind] };
  }
  return key;
}

export function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Text fit for one cell: Excel refuses more than 32,767 characters. */
export function cellText(text: string | undefined): string {
  if (text === undefined) return "";
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/** A vocabulary value as the report prints it: the entry's label, else the text typed. */
export function vocabText(
  value: VocabValue | undefined,
  entries: readonly VocabularyEntry[],
  lang: Lang
): string {
  if (!value) return "";
  if (value.key !== null) return vocabularyLabel(entries, value.key, lang) ?? value.text;
  return value.text;
}

export function formatMoney(amount: number): string {
  return amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A heading across the form. */
export function heading(w: SheetWriter, text: string, style: "section" | "subsection"): void {
  w.keepWithNext.add(w.row);
  w.put(w.row, 0, { value: text }, style, FORM_COLS);
  w.fit(w.row, text, 0, FORM_COLS, style);
  w.row += 1;
}

/** A "label : value" line across the form. */
export function wideLine(w: SheetWriter, content: { value: string; formula?: string }): void {
  w.put(w.row, 0, content, "line", FORM_COLS);
  w.fit(w.row, content.value, 0, FORM_COLS, "line");
  w.row += 1;
}

/** Two "label : value" lines side by side: A:C and D:G. */
export function pairLine(
  w: SheetWriter,
  left: { value: string; formula?: string },
  right: { value: string; formula?: string }
): void {
  w.put(w.row, 0, left, "line", 3);
  w.put(w.row, 3, right, "line", FORM_COLS - 3);
  w.fit(w.row, left.value, 0, 3, "line");
  w.fit(w.row, right.value, 3, FORM_COLS - 3, "line");
  w.row += 1;
}

/** Long text as rows of a few lines each (blank text: one empty row). */
export function paragraphs(w: SheetWriter, text: string, style: string): void {
  const s = w.styles[style];
  const size = s?.fontSize ?? SIZE_BODY;
  const width = w.width(0, FORM_COLS) - (s?.indent ?? 0) * 9;
  let pieces = text.trim() === "" ? [""] : splitIntoRows(text, width, size, LINES_PER_TEXT_ROW);
  // Each piece is a merged area; Excel allows few (under 512 per sheet), so very long texts
  // take fuller rows, and beyond MAX_TEXT_ROWS of those the rest is cut with an ellipsis.
  if (pieces.length > MAX_TEXT_ROWS)
    pieces = splitIntoRows(text, width, size, maxLinesPerRow(size, w.lineEm));
  if (pieces.length > MAX_TEXT_ROWS)
    pieces = [...pieces.slice(0, MAX_TEXT_ROWS - 1), `${pieces[MAX_TEXT_ROWS - 1]}…`];
  for (const piece of pieces) {
    w.put(w.row, 0, { value: piece }, style, FORM_COLS);
    w.fit(w.row, piece, 0, FORM_COLS, style);
    w.row += 1;
  }
}
