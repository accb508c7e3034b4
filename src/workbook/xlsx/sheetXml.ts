/**
 * Reads one worksheet part (xl/worksheets/sheetN.xml) as it streams past: cell values as
 * Office.js would give them, number formats, hidden rows and columns, merged cells and the
 * relationship ids of the sheet's tables. Only the values are kept, never the markup.
 */
import { toExcelSerial } from "../../domain/dates";
import { rangeCorners } from "../../domain/a1";
import type { CellBlock } from "../../domain/grid";
import type { CellValue } from "../../domain/types";
import {
  attribute,
  decodeOoxmlEscapes,
  decodeXml,
  prefixedAttribute,
  type XmlHandler,
} from "./xmlScanner";

/** What the workbook-level parts give every sheet. */
export interface SheetContext {
  sharedStrings: readonly string[];
  /** Number format of each cell style (cellXfs index); undefined for General. */
  styleFormats: readonly (string | undefined)[];
}

export interface SheetContent {
  values: CellValue[][];
  numberFormats: (string | undefined)[][];
  uncalculated: Array<[number, number]>;
  merges: CellBlock[];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  /** Relationship ids of the sheet's table parts. */
  tableRelationships: string[];
}

const MAX_COLUMN = 16_383;

function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/** "AB12" → column 27 and row 11; false when the text is not a cell reference. */
function parseCellRef(ref: string, out: { row: number; col: number }): boolean {
  let col = 0;
  let at = 0;
  for (; at < ref.length; at++) {
    const code = ref.charCodeAt(at) | 32;
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  if (at === 0 || at > 3) return false;
  let row = 0;
  const digits = at;
  for (; at < ref.length; at++) {
    const code = ref.charCodeAt(at);
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
  }
  if (at === digits || row === 0) return false;
  out.col = col - 1;
  out.row = row - 1;
  return true;
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
  private cellStyle: string | undefined;
  private hasFormula = false;
  private sawValue = false;
  private inValue = false;
  private inInline = false;
  private inPhonetic = false;
  private buffer = "";

  constructor(private readonly context: SheetContext) {}

  open(name: string, tag: string, selfClosing: boolean): void {
    switch (name) {
      case "row":
        this.startRow(tag);
        break;
      case "c":
        this.startCell(tag);
        break;
      case "v":
        if (!this.inCell) break;
        this.sawValue = true;
        this.buffer = "";
        this.inValue = !selfClosing;
        this.wantsText = this.inValue;
        break;
      case "f":
        if (this.inCell) this.hasFormula = true;
        break;
      case "is":
        if (this.inCell) {
          this.inInline = true;
          this.sawValue = true;
          this.buffer = "";
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
        const corners = rangeCorners(attribute(tag, "ref") ?? "");
        if (corners) this.content.merges.push(corners);
        break;
      }
      case "tablePart": {
        const id = prefixedAttribute(tag, "id");
        if (id) this.content.tableRelationships.push(id);
        break;
      }
    }
  }

  text(raw: string, cdata: boolean): void {
    this.buffer += cdata ? raw : decodeXml(raw);
  }

  close(name: string): void {
    switch (name) {
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
      case "c":
        if (this.inCell) this.endCell();
        break;
    }
  }

  private startRow(tag: string): void {
    const r = attribute(tag, "r");
    const number = r === undefined ? NaN : Number(r);
    this.row = Number.isInteger(number) && number > 0 ? number - 1 : this.row + 1;
    this.col = -1;
    if (isTrue(attribute(tag, "hidden"))) this.content.hiddenRows.add(this.row);
  }

  private startCell(tag: string): void {
    const r = attribute(tag, "r");
    if (r !== undefined && parseCellRef(r, this.ref)) {
      this.row = this.ref.row;
      this.col = this.ref.col;
    } else {
      if (this.row < 0) this.row = 0;
      this.col += 1;
    }
    this.inCell = true;
    this.cellType = attribute(tag, "t") ?? "n";
    this.cellStyle = attribute(tag, "s");
    this.hasFormula = false;
    this.sawValue = false;
    this.buffer = "";
  }

  private cellValue(): CellValue {
    const text = this.buffer;
    switch (this.cellType) {
      case "s": {
        if (!this.sawValue || text === "") return null;
        return this.context.sharedStrings[Number(text)] ?? null;
      }
      case "inlineStr":
      case "str":
        return this.sawValue ? decodeOoxmlEscapes(text) : null;
      case "b":
        return this.sawValue && text !== "" ? text.trim() === "1" || text.trim() === "true" : null;
      case "e":
        return this.sawValue && text !== "" ? text.trim() : null;
      case "d":
        return this.sawValue && text !== "" ? serialOfIsoDate(text) : null;
      default: {
        if (!this.sawValue || text === "") return null;
        const number = Number(text);
        return Number.isNaN(number) ? decodeOoxmlEscapes(text) : number;
      }
    }
  }

  private endCell(): void {
    this.inCell = false;
    this.wantsText = false;
    const value = this.cellValue();
    const calculated =
      this.sawValue &&
      (this.buffer !== "" || this.cellType === "str" || this.cellType === "inlineStr");
    if (this.hasFormula && !calculated) this.content.uncalculated.push([this.row, this.col]);
    const style = this.cellStyle === undefined ? 0 : Number(this.cellStyle);
    const format = style > 0 ? this.context.styleFormats[style] : undefined;
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

  private hiddenColumnRange(tag: string): void {
    if (!isTrue(attribute(tag, "hidden"))) return;
    const min = Number(attribute(tag, "min"));
    const max = Number(attribute(tag, "max") ?? min);
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1) return;
    for (let col = min - 1; col <= Math.min(max - 1, MAX_COLUMN); col++)
      this.content.hiddenColumns.add(col);
  }
}
