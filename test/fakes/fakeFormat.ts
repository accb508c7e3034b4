/**
 * Range formats of the fake (font, fill, borders, alignment, sizes) and data validation.
 */
import { contains, rangeAddress, type RangeRef } from "../../src/domain/a1";
import { estimateLines, rowHeightFor } from "../../src/domain/report/measure";
import type { FakeSheet } from "./fakeExcel";
import { FakeProxy } from "./proxy";
import type { FakeContext } from "./fakeContext";
import { assertWritable, rectOfAddress, type RangeTarget } from "./fakeRange";

import { checkEnum, checkValidationRule, checkValidationText } from "./strictness";
export interface FormatTarget {
  sheet: FakeSheet;
  address: string;
  rect?: RangeRef;
  table?: string;
}

/** What a format property reads as where nothing set it (Excel's Normal style). */
const FORMAT_DEFAULTS: Record<string, unknown> = {
  "font.bold": false,
  "font.italic": false,
  "font.name": "Calibri",
  "font.size": 11,
  "font.color": "#000000",
  "fill.color": "#FFFFFF",
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  indentLevel: 0,
};

/** The value a cell's format property has: the last set that covered the cell. */
export function formatAt(sheet: FakeSheet, row: number, col: number, member: string): unknown {
  for (let i = sheet.formats.length - 1; i >= 0; i--) {
    const entry = sheet.formats[i];
    if (entry.member !== member) continue;
    const covers = entry.address
      .split(",")
      .some((part) => contains(rectOfAddress(part.trim()), row, col));
    if (covers) return entry.value;
  }
  return FORMAT_DEFAULTS[member];
}

/** A row's height: set, measured by autofitRows (wrapped text at its font size in its
 * column's width), or Excel's default 15 pt. */
export function rowHeightOf(sheet: FakeSheet, row: number): number {
  const set = sheet.rowHeights.get(row);
  if (set !== undefined) return set;
  if (!sheet.autofitRows.has(row)) return 15;
  let height = 15;
  for (const [r, col, cell] of sheet.cells.entries()) {
    if (r !== row || cell.value === "") continue;
    const size = Number(formatAt(sheet, row, col, "font.size")) || 11;
    const wrap = formatAt(sheet, row, col, "wrapText") === true;
    const width = sheet.columnWidths.get(col) ?? 48;
    const lines = wrap ? estimateLines(String(cell.value), width, size) : 1;
    height = Math.max(height, rowHeightFor(lines, size));
  }
  return height;
}

/** Cells whose values a range-level read compares (a whole column or row: its first cell). */
const MAX_COMPARED_CELLS = 10_000;

export class FakeFormatPart extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    protected readonly resolveFormat: () => FormatTarget,
    private readonly prefix: string
  ) {
    super(ctx, path);
  }
  /** Loads format properties as Excel reads them over a range: the cells' common value,
   * null where they differ; widths and heights of the range's first column and row. */
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const t = this.resolveFormat();
      const rect = t.rect ?? rectOfAddress(t.address.split(",")[0]);
      const data: Record<string, unknown> = {};
      for (const prop of props.split(",").map((p) => p.trim())) {
        const member = `${this.prefix}${prop}`;
        let value: unknown;
        if (member === "columnWidth") value = t.sheet.columnWidths.get(rect.col) ?? 48;
        else if (member === "rowHeight") value = rowHeightOf(t.sheet, rect.row);
        else {
          const cells =
            rect.rows * rect.cols > MAX_COMPARED_CELLS
              ? [[rect.row, rect.col]]
              : Array.from({ length: rect.rows * rect.cols }, (_, k) => [
                  rect.row + Math.floor(k / rect.cols),
                  rect.col + (k % rect.cols),
                ]);
          const values = cells.map(([r, c]) => formatAt(t.sheet, r, c, member));
          value = values.every((v) => v === values[0]) ? values[0] : null;
        }
        this.loaded.set(prop, value);
        data[prop] = value;
      }
      return { sheet: t.sheet.name, data };
    });
  }
  protected loadedValue<T>(prop: string): T {
    return this.read(prop);
  }
  protected setFormat(
    member: string,
    value: unknown,
    effect?: (t: FormatTarget) => void,
    kind: "set" | "call" = "set"
  ): void {
    this.queue(kind, member, value, true, () => {
      const t = this.resolveFormat();
      assertWritable(t.sheet);
      t.sheet.formats.push({ address: t.address, member: `${this.prefix}${member}`, value });
      effect?.(t);
      return { sheet: t.sheet.name, table: t.table };
    });
  }
}

export class FakeFont extends FakeFormatPart {
  get name(): string {
    return this.loadedValue("name");
  }
  get size(): number {
    return this.loadedValue("size");
  }
  get bold(): boolean {
    return this.loadedValue("bold");
  }
  set name(v: string) {
    this.setFormat("name", v);
  }
  set size(v: number) {
    this.setFormat("size", v);
  }
  set bold(v: boolean) {
    this.setFormat("bold", v);
  }
  set italic(v: boolean) {
    this.setFormat("italic", v);
  }
  set underline(v: string) {
    checkEnum("underline", v);
    this.setFormat("underline", v);
  }
  set color(v: string) {
    this.setFormat("color", v);
  }
}

export class FakeFill extends FakeFormatPart {
  get color(): string {
    return this.loadedValue("color");
  }
  set color(v: string) {
    this.setFormat("color", v);
  }
}

export class FakeBorder extends FakeFormatPart {
  set style(v: string) {
    checkEnum("borderStyle", v);
    this.setFormat("style", v);
  }
  set weight(v: string) {
    checkEnum("borderWeight", v);
    this.setFormat("weight", v);
  }
  set color(v: string) {
    this.setFormat("color", v);
  }
}

export class FakeRangeFormat extends FakeFormatPart {
  readonly font: FakeFont;
  readonly fill: FakeFill;
  readonly borders: { getItem(side: string): FakeBorder };
  constructor(ctx: FakeContext, path: string, resolve: () => FormatTarget) {
    super(ctx, path, resolve, "");
    this.font = new FakeFont(ctx, `${path}.font`, resolve, "font.");
    this.fill = new FakeFill(ctx, `${path}.fill`, resolve, "fill.");
    this.borders = {
      getItem: (side: string) =>
        new FakeBorder(
          ctx,
          `${path}.borders.getItem(${JSON.stringify(side)})`,
          resolve,
          `borders.${side}.`
        ),
    };
  }
  get columnWidth(): number {
    return this.loadedValue("columnWidth");
  }
  get rowHeight(): number {
    return this.loadedValue("rowHeight");
  }
  get horizontalAlignment(): string {
    return this.loadedValue("horizontalAlignment");
  }
  get wrapText(): boolean {
    return this.loadedValue("wrapText");
  }
  set columnWidth(v: number) {
    this.setFormat("columnWidth", v, (t) => {
      if (t.rect)
        for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.setFormat("rowHeight", v, (t) => {
      if (t.rect)
        for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
          t.sheet.rowHeights.set(r, v);
          t.sheet.autofitRows.delete(r);
        }
    });
  }
  /** Excel measures the rows' content; the fake cannot, so it records which rows were
   * measured and drops their explicit heights (RangeFormat.autofitRows, ExcelApi 1.2). */
  autofitRows(): void {
    this.setFormat(
      "autofitRows",
      undefined,
      (t) => {
        if (t.rect)
          for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
            t.sheet.rowHeights.delete(r);
            t.sheet.autofitRows.add(r);
          }
      },
      "call"
    );
  }
  set useStandardWidth(v: boolean) {
    this.setFormat("useStandardWidth", v, (t) => t.sheet.columnWidths.clear());
  }
  set useStandardHeight(v: boolean) {
    this.setFormat("useStandardHeight", v, (t) => {
      t.sheet.rowHeights.clear();
      t.sheet.autofitRows.clear();
    });
  }
  set horizontalAlignment(v: string) {
    checkEnum("horizontalAlignment", v);
    this.setFormat("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    checkEnum("verticalAlignment", v);
    this.setFormat("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.setFormat("wrapText", v);
  }
  set indentLevel(v: number) {
    this.setFormat("indentLevel", v);
  }
}

export class FakeDataValidation extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly resolveRange: () => RangeTarget
  ) {
    super(ctx, path);
  }
  private setRule(member: string, value: unknown): void {
    this.queue(member === "clear" ? "call" : "set", member, value, true, () => {
      const t = this.resolveRange();
      assertWritable(t.sheet);
      const address = rangeAddress(t.rect);
      if (member === "clear")
        t.sheet.validations = t.sheet.validations.filter((v) => v.address !== address);
      else t.sheet.validations.push({ address, member, value });
      return { sheet: t.sheet.name, table: t.table };
    });
  }
  clear(): void {
    this.setRule("clear", undefined);
  }
  /** Loads rule, prompt and errorAlert as last set on exactly this range. */
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const t = this.resolveRange();
      const address = rangeAddress(t.rect);
      const data: Record<string, unknown> = {};
      for (const prop of props.split(",").map((p) => p.trim())) {
        const set = t.sheet.validations.filter((v) => v.address === address && v.member === prop);
        const value = set.length > 0 ? set[set.length - 1].value : undefined;
        this.loaded.set(prop, value);
        data[prop] = value;
      }
      return { sheet: t.sheet.name, data };
    });
  }
  get rule(): { list?: { source: string } } {
    return this.read("rule");
  }
  get prompt(): { title?: string; message?: string } {
    return this.read("prompt");
  }
  get errorAlert(): { title?: string; message?: string } {
    return this.read("errorAlert");
  }
  set rule(value: unknown) {
    checkValidationRule(value);
    this.setRule("rule", value);
  }
  set prompt(value: unknown) {
    checkValidationText("prompt", value);
    this.setRule("prompt", value);
  }
  set errorAlert(value: unknown) {
    checkValidationText("errorAlert", value);
    this.setRule("errorAlert", value);
  }
  set ignoreBlanks(value: boolean) {
    this.setRule("ignoreBlanks", value);
  }
}
