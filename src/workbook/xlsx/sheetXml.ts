/**
 * Reads one worksheet part (xl/worksheets/sheetN.xml) as it streams past: cell values as
 * Office.js would give them, number formats, hidden rows and columns, merged cells and the
 * relationship ids of the sheet's tables. Only the values are kept, never the markup.
 */
import { toExcelSerial } from "../../domain/dates";
import { rangeCorners } from "../../domain/a1";
import type { SheetGrid } from "../../domain/grid";
import type { CellValue } from "../../domain/types";
import { decodeOoxmlEscapes, decodeText, type XmlHandler, type XmlTag } from "./xmlScanner";

/** What the workbook-level parts give every sheet. */
export interface SheetContext {
  sharedStrings: readonly string[];
  /** Number format of each cell style (cellXfs index); undefined for General. */
  styleFormats: readonly (string | undefined)[];
  /** Whether each style's number format shows a date (its serial needs the 1904 shift). */
  styleIsDate?: readonly boolean[];
  /** The workbook counts days from 1904 (workbookPr date1904): date serials are 1462 days
   * less than in the 1900 system Office.js and the domain use. */
  date1904?: boolean;
}

/** What one sheet's XML gives of its grid; the sets stay open while the XML is read. */
export interface SheetContent extends Pick<
  SheetGrid,
  "values" | "numberFormats" | "uncalculated" | "merges"
> {
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  /** Relationship ids of the sheet's table parts. */
  tableRelationships: string[];
}

const MAX_COLUMN = 16_383;

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/** Days between 1900-01-00 and 1904-01-01, the two date systems' day 0. */
export const DAYS_1900_TO_1904 = 1462;

/** Whether a number format shows a date (day, month or year), not only a time or a number:
 * quoted text, escaped characters and [bracketed] parts (colours, locales) are left out,
 * then a "d", "y", "b" (Buddhist year) or "m" without hours or seconds (a month) is a date. */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  const bare = format
    .split(";")[0]
    .replace(/"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]/gi, "")
    .toLowerCase();
  if (/[dyb]/.test(bare)) return true;
  return bare.includes("m") && !/[hs]/.test(bare);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/** A `t="d"` cell's ISO 8601 text → serial (as Excel stores the same date). */
export function serialOfIsoDate(text: string): CellValue {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return text;
  const day = toExcelSerial(Number(match[1]), Number(match[2]), Number(match[3]));
  if (Number.isNaN(day)) return text;
  const seconds = Number(match[4] ?? 0) * 3600 + Number(match[5] ?? 0) * 60 + Number(match[6] ?? 0);
  return seconds === 0 ? day : day + seconds / 86_400;
}

export class SheetXmlReader implements XmlHandler {
  readonly content: SheetContent = {
    values: [],
    numberFormats: [],
    uncalculated: [],
    merges: [],
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    tableRelationships: [],
  };
  wantsText = false;

  private row = -1;
  private col = -1;
  private readonly ref = { row: 0, col: 0 };
  private inCell = false;
  private cellType = "n";
  private cellStyle = 0;
  private hasFormula = false;
  private sawValue = false;
  private inValue = false;
  private inInline = false;
  private inPhonetic = false;
  /** The cell's text so far, when it is not a plain whole number (see `number`). */
  private buffer = "";
  /** The cell's text as a whole number read straight from the bytes; NaN when not (yet). */
  private number = NaN;
  private hasText = false;

  constructor(private readonly context: SheetContext) {}

  open(name: string, tag: XmlTag, selfClosing: boolean): void {
    switch (name) {
      case "c":
        this.startCell(tag);
        break;
      case "v":
        if (!this.inCell) break;
        this.sawValue = true;
        this.clearText();
        this.inValue = !selfClosing;
        this.wantsText = this.inValue;
        break;
      case "row":
        this.startRow(tag);
        break;
      case "f":
        if (this.inCell) this.hasFormula = true;
        break;
      case "is":
        if (this.inCell) {
          this.inInline = true;
          this.sawValue = true;
          this.clearText();
        }
        break;
      case "rPh":
        this.inPhonetic = true;
        break;
      case "t":
        if (this.inInline && !this.inPhonetic && !selfClosing) this.wantsText = true;
        break;
      case "col":
        this.hiddenColumnRange(tag);
        break;
      case "mergeCell": {
        const corners = rangeCorners(tag.attribute("ref") ?? "");
        if (corners) this.content.merges.push(corners);
        break;
      }
      case "tablePart": {
        const id = tag.prefixedAttribute("id");
        if (id) this.content.tableRelationships.push(id);
        break;
      }
    }
  }

  text(bytes: Uint8Array, start: number, end: number, cdata: boolean): void {
    if (end <= start) return;
    const numeric = this.cellType === "n" || this.cellType === "s";
    if (!this.hasText && numeric && !cdata) {
      this.hasText = true;
      this.number = wholeNumber(bytes, start, end);
      if (!Number.isNaN(this.number)) return;
    } else if (!Number.isNaN(this.number)) {
      // A second piece (split by a comment or CDATA): go on as text.
      this.buffer = String(this.number);
      this.number = NaN;
    }
    this.hasText = true;
    this.buffer += decodeText(bytes, start, end, cdata);
  }

  close(name: string): void {
    switch (name) {
      case "c":
        if (this.inCell) this.endCell();
        break;
      case "v":
        this.inValue = false;
        this.wantsText = false;
        break;
      case "t":
        if (!this.inValue) this.wantsText = false;
        break;
      case "rPh":
        this.inPhonetic = false;
        break;
      case "is":
        this.inInline = false;
        this.wantsText = false;
        break;
    }
  }

  private clearText(): void {
    this.buffer = "";
    this.number = NaN;
    this.hasText = false;
  }

  private startRow(tag: XmlTag): void {
    const number = tag.integer("r");
    this.row = number !== undefined && number > 0 ? number - 1 : this.row + 1;
    this.col = -1;
    if (isTrue(tag.attribute("hidden"))) this.content.hiddenRows.add(this.row);
  }

  private startCell(tag: XmlTag): void {
    if (tag.cellReference("r", this.ref)) {
      this.row = this.ref.row;
      this.col = this.ref.col;
    } else {
      if (this.row < 0) this.row = 0;
      this.col += 1;
    }
    this.inCell = true;
    this.cellType = tag.attribute("t") ?? "n";
    const style = tag.integer("s");
    this.cellStyle = style === undefined || Number.isNaN(style) ? 0 : style;
    this.hasFormula = false;
    this.sawValue = false;
    this.clearText();
  }

  private cellValue(): CellValue {
    if (!this.sawValue) return null;
    if (!Number.isNaN(this.number)) {
      if (this.cellType === "s") return this.context.sharedStrings[this.number] ?? null;
      return this.dateShifted(this.number);
    }
    const text = this.buffer;
    switch (this.cellType) {
      case "s":
        return text === "" ? null : (this.context.sharedStrings[Number(text)] ?? null);
      case "inlineStr":
      case "str":
        return decodeOoxmlEscapes(text);
      case "b":
        return text !== "" ? text.trim() === "1" || text.trim() === "true" : null;
      case "e":
        return text !== "" ? text.trim() : null;
      case "d":
        return text !== "" ? serialOfIsoDate(text) : null;
      default: {
        if (text === "") return null;
        const number = Number(text);
        return Number.isNaN(number) ? decodeOoxmlEscapes(text) : this.dateShifted(number);
      }
    }
  }

  /** A number in a date-formatted cell of a 1904 workbook → the 1900 system's serial. */
  private dateShifted(value: number): number {
    if (!this.context.date1904 || this.cellStyle === 0) return value;
    return this.context.styleIsDate?.[this.cellStyle] ? value + DAYS_1900_TO_1904 : value;
  }

  private endCell(): void {
    this.inCell = false;
    this.wantsText = false;
    const value = this.cellValue();
    const calculated =
      this.sawValue && (this.hasText || this.cellType === "str" || this.cellType === "inlineStr");
    if (this.hasFormula && !calculated) this.content.uncalculated.push([this.row, this.col]);
    const format = this.cellStyle > 0 ? this.context.styleFormats[this.cellStyle] : undefined;
    if ((value === null || value === undefined) && format === undefined) return;
    this.put(value ?? null, format);
  }

  private put(value: CellValue, format: string | undefined): void {
    const { values, numberFormats } = this.content;
    const row = this.row;
    const col = this.col;
    while (values.length <= row) {
      values.push([]);
      numberFormats.push([]);
    }
    const cells = values[row];
    while (cells.length < col) cells.push(null);
    cells[col] = value;
    if (format !== undefined) {
      const formats = numberFormats[row];
      while (formats.length < col) formats.push(undefined);
      formats[col] = format;
    }
  }

  private hiddenColumnRange(tag: XmlTag): void {
    if (!isTrue(tag.attribute("hidden"))) return;
    const min = Number(tag.attribute("min"));
    const max = Number(tag.attribute("max") ?? min);
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) return;
    for (let col = min - 1; col <= Math.min(max - 1, MAX_COLUMN); col++)
      this.content.hiddenColumns.add(col);
  }
}

/** Bytes [start, end) as a whole number when they are 1 to 15 plain digits; NaN otherwise
 * (the text is then read as Excel would, through Number). */
function wholeNumber(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return NaN;
  let value = 0;
  for (let at = start; at < end; at++) {
    const digit = bytes[at] - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}
