/**
 * Ranges of the fake: values, formulas (in Excel's own form), number formats, used ranges,
 * merges, sizes, links and multi-area ranges.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  contains,
  intersects,
  parseCell,
  parseRange,
  quoteSheetName,
  rangeAddress,
  type RangeRef,
} from "../../src/domain/a1";
import type { CellContent } from "../../src/workbook/cellContent";
import type { FakeCell, FakeSheet } from "./fakeExcel";
import { FakeClientResult, FakeOfficeError, FakeProxy, notFound, propsOf } from "./proxy";
import type { FakeContext } from "./fakeContext";
import { FakeRangeFormat, FakeDataValidation } from "./fakeFormat";
import { FakeWorksheet } from "./fakeSheets";

/** The bounding rectangle of a sheet's cells (within `within`, when given), or null. */
import { checkNumberFormat } from "./strictness";
import { formatValue } from "../../src/render/html/numberFormat";

export function usedRect(
  sheet: FakeSheet,
  valuesOnly: boolean,
  within?: RangeRef
): RangeRef | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const [row, col, cell] of sheet.cells.entries()) {
    if (valuesOnly && cell.value === "") continue;
    if (within && !contains(within, row, col)) continue;
    r0 = Math.min(r0, row);
    c0 = Math.min(c0, col);
    r1 = Math.max(r1, row);
    c1 = Math.max(c1, col);
  }
  return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

function isFormula(cell: FakeCell): boolean {
  return typeof cell.value === "string" && cell.value.startsWith("=") && cell.numberFormat !== "@";
}

/** Range.rowHidden/columnHidden: true when all are hidden, false when none, null when some. */
function hiddenFlag(hidden: ReadonlySet<number>, first: number, count: number): boolean | null {
  let some = 0;
  for (const index of hidden) if (index >= first && index < first + count) some += 1;
  return some === 0 ? false : some === count ? true : null;
}

export function intersection(a: RangeRef, b: RangeRef): RangeRef | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const end = Math.min(a.row + a.rows, b.row + b.rows);
  const right = Math.min(a.col + a.cols, b.col + b.cols);
  return end > row && right > col ? { row, col, rows: end - row, cols: right - col } : null;
}

/** Header characters after which Excel keeps a column specifier in double brackets
 * (Microsoft, "Using structured references with Excel tables": a space alone does not). */
export const NEEDS_BRACKETS = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/@\\!()%?`;~]/;

/**
 * A formula as Excel gives it back through Range.formulas: `Table[[Header]]` as
 * `Table[Header]` when the header needs no brackets, and function names upper-cased.
 * String literals are left alone.
 */
export function excelFormulaForm(formula: string): string {
  let out = "";
  for (let i = 0; i < formula.length;) {
    const ch = formula[i];
    if (ch === '"') {
      let end = i + 1;
      while (end < formula.length && !(formula[end] === '"' && formula[end + 1] !== '"'))
        end += formula[end] === '"' ? 2 : 1;
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const single = /^\[\[([^[\]']*)\]\]/.exec(formula.slice(i));
    if (single && !single[1].startsWith("#") && !NEEDS_BRACKETS.test(single[1])) {
      out += `[${single[1]}]`;
      i += single[0].length;
      continue;
    }
    const name = /^[A-Za-z][A-Za-z0-9.]*(?=\()/.exec(formula.slice(i));
    if (name && !/[A-Za-z0-9_\]]$/.test(out)) {
      out += name[0].toUpperCase();
      i += name[0].length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

export function rectOfAddress(address: string): RangeRef {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  if (rows)
    return {
      row: Number(rows[1]) - 1,
      col: 0,
      rows: Number(rows[2]) - Number(rows[1]) + 1,
      cols: MAX_COLS,
    };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (cols) {
    const a = parseCell(`${cols[1]}1`);
    const b = parseCell(`${cols[2]}1`);
    if (a && b) return { row: 0, col: a.col, rows: 1_048_576, cols: b.col - a.col + 1 };
  }
  const rect = parseRange(address);
  if (!rect) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  return rect;
}

export function assertWritable(sheet: FakeSheet): void {
  if (sheet.protected)
    throw new FakeOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is on a protected sheet."
    );
}

export interface RangeTarget {
  sheet: FakeSheet;
  rect: RangeRef;
  whole?: boolean;
  table?: string;
}

export class FakeRange extends FakeProxy {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  constructor(
    ctx: FakeContext,
    path: string,
    readonly resolve: () => RangeTarget | null
  ) {
    super(ctx, path);
    this.format = new FakeRangeFormat(ctx, `${path}.format`, () => {
      const t = this.target();
      return { sheet: t.sheet, address: rangeAddress(t.rect), rect: t.rect, table: t.table };
    });
    this.dataValidation = new FakeDataValidation(ctx, `${path}.dataValidation`, () =>
      this.target()
    );
  }
  target(): RangeTarget {
    const t = this.resolve();
    if (!t) throw notFound(this.path);
    return t;
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.worksheet`, () => this.target().sheet);
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const t = this.resolve();
      this.loaded.set("isNullObject", t === null);
      if (!t) return { data: null };
      const data: Record<string, unknown> = {};
      const grid = <T>(f: (cell: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: t.rect.rows }, (_, i) =>
          Array.from({ length: t.rect.cols }, (_, j) =>
            f(t.sheet.cells.get(t.rect.row + i, t.rect.col + j))
          )
        );
      for (const p of propsOf(props)) {
        let value: unknown;
        if (p === "address") value = `${quoteSheetName(t.sheet.name)}!${rangeAddress(t.rect)}`;
        else if (p === "rowCount") value = t.rect.rows;
        else if (p === "columnCount") value = t.rect.cols;
        else if (p === "values")
          value = grid((c) =>
            c && "cached" in c && isFormula(c) ? (c.cached ?? "") : (c?.value ?? "")
          );
        else if (p === "rowHidden") value = hiddenFlag(t.sheet.hiddenRows, t.rect.row, t.rect.rows);
        else if (p === "columnHidden")
          value = hiddenFlag(t.sheet.hiddenColumns, t.rect.col, t.rect.cols);
        else if (p === "formulas")
          value = grid((c) =>
            typeof c?.value === "string" && c.value.startsWith("=") && c.numberFormat !== "@"
              ? excelFormulaForm(c.value)
              : (c?.value ?? "")
          );
        else if (p === "numberFormat") value = grid((c) => c?.numberFormat ?? "General");
        // What the cells show: the number-format code rendered (no calculation: a formula
        // shows as its text).
        else if (p === "text")
          value = grid((c) =>
            c === undefined || c.value === "" ? "" : formatValue(c.value, c.numberFormat)
          );
        else if (p === "hyperlink") value = t.sheet.hyperlinks.get(rangeAddress(t.rect)) ?? null;
        else if (p === "columnHidden") {
          const hidden = Array.from({ length: Math.min(t.rect.cols, 1000) }, (_, j) =>
            t.sheet.hiddenColumns.has(t.rect.col + j)
          );
          value = hidden.every((h) => h === hidden[0]) ? hidden[0] : null;
        }
        this.loaded.set(p, value);
        data[p] = value;
      }
      return { sheet: t.sheet.name, data };
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(grid: unknown[][]) {
    this.writeGrid("values", grid);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.writeGrid("formulas", grid);
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(value: string[][] | string) {
    for (const format of typeof value === "string" ? [value] : value.flat())
      checkNumberFormat(format);
    this.queue("set", "numberFormat", value, true, () => {
      const t = this.target();
      assertWritable(t.sheet);
      const single = typeof value === "string";
      if (
        !single &&
        (value.length !== t.rect.rows || value.some((r) => r.length !== t.rect.cols))
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      }
      for (let i = 0; i < t.rect.rows; i++) {
        for (let j = 0; j < t.rect.cols; j++) {
          const format = single ? value : value[i][j];
          const cell = t.sheet.cells.get(t.rect.row + i, t.rect.col + j);
          t.sheet.cells.set(t.rect.row + i, t.rect.col + j, {
            value: cell?.value ?? "",
            numberFormat: format,
          });
        }
      }
      return { sheet: t.sheet.name, table: t.table };
    });
  }
  private writeGrid(member: "values" | "formulas", grid: unknown[][]): void {
    this.queue("set", member, grid, true, () => {
      const t = this.target();
      assertWritable(t.sheet);
      if (grid.length !== t.rect.rows || grid.some((r) => r.length !== t.rect.cols)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      }
      grid.forEach((line, i) =>
        line.forEach((v, j) => {
          const content: CellContent =
            typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : "";
          if (content === "") {
            const old = t.sheet.cells.get(t.rect.row + i, t.rect.col + j);
            if (old) old.value = "";
          } else this.ctx.fake.put(t.sheet, t.rect.row + i, t.rect.col + j, content);
        })
      );
      // The add-in's own writes raise the tables' events too, unless it turned them off.
      this.ctx.fake.raiseChanged(t.sheet, t.rect);
      return { sheet: t.sheet.name, table: t.table };
    });
  }
  get text(): string[][] {
    return this.read("text");
  }
  get hyperlink(): { documentReference?: string; textToDisplay?: string } | null {
    return this.read("hyperlink");
  }
  set hyperlink(value: { documentReference?: string; textToDisplay?: string }) {
    this.queue("set", "hyperlink", value, true, () => {
      const t = this.target();
      assertWritable(t.sheet);
      t.sheet.hyperlinks.set(rangeAddress(t.rect), value);
      if (value.textToDisplay)
        this.ctx.fake.put(t.sheet, t.rect.row, t.rect.col, value.textToDisplay);
      return { sheet: t.sheet.name };
    });
  }
  set columnHidden(value: boolean) {
    this.queue("set", "columnHidden", value, true, () => {
      const t = this.target();
      assertWritable(t.sheet);
      if (t.whole) t.sheet.hiddenColumns.clear();
      else
        for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++)
          value ? t.sheet.hiddenColumns.add(c) : t.sheet.hiddenColumns.delete(c);
      return { sheet: t.sheet.name };
    });
  }
  merge(across?: boolean): void {
    this.queue("call", "merge", [across ?? false], true, () => {
      const t = this.target();
      assertWritable(t.sheet);
      if (t.sheet.merges.some((m) => intersects(m, t.rect)))
        throw new FakeOfficeError("MergedRangeConflict", "Overlapping merge.");
      t.sheet.merges.push({ ...t.rect });
      return { sheet: t.sheet.name };
    });
  }
  unmerge(): void {
    this.queue("call", "unmerge", undefined, true, () => {
      const t = this.target();
      assertWritable(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
      return { sheet: t.sheet.name };
    });
  }
  clear(applyTo?: string): void {
    this.queue("call", "clear", [applyTo ?? "All"], true, () => {
      const t = this.target();
      assertWritable(t.sheet);
      for (const [row, col] of [...t.sheet.cells.entries()]) {
        if (contains(t.rect, row, col)) t.sheet.cells.delete(row, col);
      }
      if (t.whole) {
        t.sheet.formats = [];
        t.sheet.hyperlinks.clear();
        t.sheet.merges = [];
      }
      return { sheet: t.sheet.name };
    });
  }
  select(): void {
    this.queue("call", "select", undefined, false, () => {
      const t = this.target();
      this.ctx.fake.selection = { sheetId: t.sheet.id, rect: t.rect };
      return { sheet: t.sheet.name };
    });
  }
  getColumn(index: number): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getColumn(${index})`, () => {
      const t = this.target();
      if (index < 0 || index >= t.rect.cols)
        throw new FakeOfficeError("InvalidArgument", "The column index is outside the range.");
      return {
        ...t,
        whole: false,
        rect: { row: t.rect.row, col: t.rect.col + index, rows: t.rect.rows, cols: 1 },
      };
    });
  }
  /** ExcelApi 1.13: the merged areas whose top-left cell is in the range (office-js#3611);
   * more than 512 fail, as Excel's reference says. */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    if (!this.ctx.fake.mergedAreasApi)
      throw new FakeOfficeError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13.");
    return new FakeMergedAreas(this.ctx, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const t = this.target();
      return {
        sheet: t.sheet,
        areas: t.sheet.merges.filter((m) => contains(t.rect, m.row, m.col)),
      };
    });
  }
  getRow(index: number): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRow(${index})`, () => {
      const t = this.target();
      return {
        ...t,
        rect: { row: t.rect.row + index, col: t.rect.col, rows: 1, cols: t.rect.cols },
      };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getResizedRange(${deltaRows},${deltaColumns})`,
      () => {
        const t = this.target();
        const rect = { ...t.rect, rows: t.rect.rows + deltaRows, cols: t.rect.cols + deltaColumns };
        if (
          rect.rows < 1 ||
          rect.cols < 1 ||
          rect.row + rect.rows > MAX_ROWS ||
          rect.col + rect.cols > MAX_COLS
        )
          throw new FakeOfficeError("InvalidArgument", "The resized range is outside the sheet.");
        return { sheet: t.sheet, rect, table: t.table };
      }
    );
  }
  private intersect(other: FakeRange | string, orNull: boolean): FakeRange {
    const label = typeof other === "string" ? JSON.stringify(other) : other.path;
    return new FakeRange(
      this.ctx,
      `${this.path}.getIntersection${orNull ? "OrNullObject" : ""}(${label})`,
      () => {
        const t = this.target();
        const o =
          typeof other === "string"
            ? { sheet: t.sheet, rect: rectOfAddress(other) }
            : other.target();
        const rect = o.sheet === t.sheet ? intersection(t.rect, o.rect) : null;
        if (!rect && !orNull)
          throw new FakeOfficeError("InvalidArgument", "The ranges do not intersect.");
        return rect ? { sheet: t.sheet, rect, table: t.table } : null;
      }
    );
  }
  getIntersection(other: FakeRange | string): FakeRange {
    return this.intersect(other, false);
  }
  getIntersectionOrNullObject(other: FakeRange | string): FakeRange {
    return this.intersect(other, true);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly ? "true" : "false"})`,
      () => {
        const t = this.target();
        const rect = usedRect(t.sheet, valuesOnly ?? false, t.rect);
        return rect ? { sheet: t.sheet, rect } : null;
      }
    );
  }
  getTables(fullyContained?: boolean): { getCount(): FakeClientResult<number> } {
    return {
      getCount: () => {
        const result = new FakeClientResult<number>();
        this.queue(
          "call",
          `getTables(${fullyContained ? "true" : "false"}).getCount`,
          undefined,
          false,
          () => {
            const t = this.target();
            const count = this.ctx.fake.tables.filter(
              (x) => x.sheetId === t.sheet.id && intersects(x.rect, t.rect)
            ).length;
            result.set(count);
            return { data: count };
          }
        );
        return result;
      },
    };
  }
}

export class FakeMergedAreas extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly resolve: () => { sheet: FakeSheet; areas: RangeRef[] }
  ) {
    super(ctx, path);
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const { sheet, areas } = this.resolve();
      if (areas.length > 512)
        throw new FakeOfficeError("GeneralException", "More than 512 merged areas.");
      this.loaded.set("isNullObject", areas.length === 0);
      if (areas.length === 0) return { data: null };
      const cellCount = areas.reduce((sum, m) => sum + m.rows * m.cols, 0);
      const address = areas
        .map((a) => `${quoteSheetName(sheet.name)}!${rangeAddress(a)}`)
        .join(", ");
      const data: Record<string, unknown> = {};
      for (const p of propsOf(props)) {
        const value =
          p === "address"
            ? address
            : p === "areaCount"
              ? areas.length
              : p === "cellCount"
                ? cellCount
                : undefined;
        this.loaded.set(p, value);
        data[p] = value;
      }
      return { sheet: sheet.name, data };
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
}

export class FakeRangeAreas extends FakeProxy {
  readonly format: FakeRangeFormat;
  constructor(
    ctx: FakeContext,
    path: string,
    resolve: () => { sheet: FakeSheet; address: string }
  ) {
    super(ctx, path);
    this.format = new FakeRangeFormat(ctx, `${path}.format`, () => {
      const t = resolve();
      return { sheet: t.sheet, address: t.address };
    });
  }
}
