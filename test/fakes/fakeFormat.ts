/**
 * Range formats of the fake (font, fill, borders, alignment, sizes) and data validation.
 */
import { rangeAddress, type RangeRef } from "../../src/domain/a1";
import type { FakeSheet } from "./fakeExcel";
import { FakeProxy } from "./proxy";
import type { FakeContext } from "./fakeContext";
import { assertWritable, type RangeTarget } from "./fakeRange";

import { checkEnum, checkValidationRule, checkValidationText } from "./strictness";
export interface FormatTarget {
  sheet: FakeSheet;
  address: string;
  rect?: RangeRef;
  table?: string;
}

export class FakeFormatPart extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    protected readonly resolveFormat: () => FormatTarget,
    private readonly prefix: string
  ) {
    super(ctx, path);
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
