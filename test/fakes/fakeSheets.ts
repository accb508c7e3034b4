/**
 * Worksheets of the fake: the collection, a sheet, its protection, frozen panes, page layout,
 * manual page breaks, header/footer and custom properties.
 */
import { MAX_COLS } from "../../src/domain/a1";
import type { FakeSheet } from "./fakeExcel";
import { FakeClientResult, FakeOfficeError, FakeProxy, notFound, propsOf } from "./proxy";
import type { FakeContext } from "./fakeContext";
import { FakeRange, FakeRangeAreas, usedRect, rectOfAddress, assertWritable } from "./fakeRange";
import { FakeChartCollection } from "./fakeCharts";
import { FakeSheetTables } from "./fakeTables";

export class FakeWorksheetCollection extends FakeProxy {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(ctx: FakeContext) {
    super(ctx, "worksheets");
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const wanted = propsOf(props).map((p) => p.replace(/^items\//, ""));
      this.loadedItems = this.ctx.fake.sheets.map((s) => {
        const proxy = new FakeWorksheet(
          this.ctx,
          `worksheets.getItem(${JSON.stringify(s.id)})`,
          () => s
        );
        proxy.fill(wanted, s);
        return proxy;
      });
      return { data: this.ctx.fake.sheets.map((s) => ({ id: s.id, name: s.name })) };
    });
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems)
      throw new FakeOfficeError("PropertyNotLoaded", "worksheets.items not loaded");
    return this.loadedItems;
  }
  getItem(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets.getItem(${JSON.stringify(nameOrId)})`, () => {
      const sheet = this.ctx.fake.sheetById(nameOrId) ?? this.ctx.fake.sheetByName(nameOrId);
      if (!sheet) throw notFound(`worksheet ${nameOrId}`);
      return sheet;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      `worksheets.getItemOrNullObject(${JSON.stringify(name)})`,
      () => this.ctx.fake.sheetByName(name) ?? null
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, "worksheets.getActiveWorksheet()", () => {
      const fake = this.ctx.fake;
      const id = fake.selection?.sheetId ?? fake.activeSheetId;
      const sheet = id ? fake.sheetById(id) : undefined;
      if (!sheet) throw notFound("active worksheet");
      return sheet;
    });
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.queue("call", "add", [name], true, () => {
      if (this.ctx.fake.sheetByName(name))
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
      created = this.ctx.fake.addSheet(name);
      return { sheet: name };
    });
    return new FakeWorksheet(this.ctx, `worksheets.add(${JSON.stringify(name)})`, () => {
      if (!created) throw notFound(`new worksheet ${name}`);
      return created;
    });
  }
}

export class FakeWorksheet extends FakeProxy {
  readonly protection: FakeProtection;
  readonly charts: FakeChartCollection;
  readonly tables: FakeSheetTables;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreaks;
  readonly customProperties: FakeCustomProperties;
  constructor(
    ctx: FakeContext,
    path: string,
    readonly resolve: () => FakeSheet | null
  ) {
    super(ctx, path);
    const sheet = () => this.target();
    this.protection = new FakeProtection(ctx, `${path}.protection`, sheet);
    this.charts = new FakeChartCollection(ctx, `${path}.charts`, sheet);
    this.tables = new FakeSheetTables(ctx, `${path}.tables`, sheet);
    this.freezePanes = new FakeFreezePanes(ctx, `${path}.freezePanes`, sheet);
    this.pageLayout = new FakePageLayout(ctx, `${path}.pageLayout`, sheet);
    this.horizontalPageBreaks = new FakePageBreaks(ctx, `${path}.horizontalPageBreaks`, sheet);
    this.customProperties = new FakeCustomProperties(ctx, `${path}.customProperties`, sheet);
  }
  target(): FakeSheet {
    const sheet = this.resolve();
    if (!sheet) throw notFound(this.path);
    return sheet;
  }
  fill(props: readonly string[], sheet: FakeSheet | null): void {
    this.loaded.set("isNullObject", sheet === null);
    const position = sheet ? this.ctx.fake.sheets.indexOf(sheet) : undefined;
    for (const p of props)
      this.loaded.set(
        p,
        !sheet
          ? undefined
          : p === "id"
            ? sheet.id
            : p === "name"
              ? sheet.name
              : p === "visibility"
                ? sheet.visibility
                : p === "position"
                  ? position
                  : undefined
      );
  }
  get position(): number {
    return this.read("position");
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const sheet = this.resolve();
      const wanted = propsOf(props);
      this.fill(
        wanted.filter((p) => !p.includes("/")),
        sheet
      );
      if (sheet && wanted.includes("protection/protected")) this.protection.fill(sheet.protected);
      if (sheet && wanted.includes("visibility"))
        this.loaded.set("visibility", sheet.visibility ?? "Visible");
      return {
        data: sheet ? { id: sheet.id, name: sheet.name, protected: sheet.protected } : null,
      };
    });
  }
  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  /** Like Excel, a workbook keeps at least one visible sheet. */
  set visibility(value: string) {
    this.queue("set", "visibility", value, true, () => {
      const sheet = this.target();
      if (!["Visible", "Hidden", "VeryHidden"].includes(value))
        throw new FakeOfficeError("InvalidArgument", `"${value}" is not a sheet visibility.`);
      const visible = this.ctx.fake.sheets.filter(
        (s) => s !== sheet && (s.visibility ?? "Visible") === "Visible"
      );
      if (value !== "Visible" && visible.length === 0)
        throw new FakeOfficeError("InvalidOperation", "A workbook needs one visible sheet.");
      sheet.visibility = value as FakeSheet["visibility"];
      return { sheet: sheet.name };
    });
  }
  activate(): void {
    this.queue("call", "activate", undefined, false, () => {
      const sheet = this.target();
      this.ctx.fake.activeSheetId = sheet.id;
      return { sheet: sheet.name };
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getRange(${address === undefined ? "" : JSON.stringify(address)})`,
      () => {
        const sheet = this.target();
        if (address === undefined)
          return { sheet, rect: { row: 0, col: 0, rows: 1_048_576, cols: MAX_COLS }, whole: true };
        return { sheet, rect: rectOfAddress(address) };
      }
    );
  }
  getRanges(addresses: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this.ctx,
      `${this.path}.getRanges(${JSON.stringify(addresses)})`,
      () => {
        if (addresses.length > 8000)
          throw new FakeOfficeError(
            "InvalidArgument",
            "The argument is invalid or missing or has an incorrect format."
          );
        return { sheet: this.target(), address: addresses };
      }
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly ? "true" : "false"})`,
      () => {
        const sheet = this.target();
        const rect = usedRect(sheet, valuesOnly ?? false);
        return rect ? { sheet, rect } : null;
      }
    );
  }
  /** Like Excel: a blank sheet's used range is A1. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getUsedRange(${valuesOnly ? "true" : "false"})`,
      () => {
        const sheet = this.target();
        return {
          sheet,
          rect: usedRect(sheet, valuesOnly ?? false) ?? { row: 0, col: 0, rows: 1, cols: 1 },
        };
      }
    );
  }
  delete(): void {
    this.queue("call", "delete", undefined, true, () => {
      const sheet = this.target();
      const fake = this.ctx.fake;
      fake.sheets = fake.sheets.filter((s) => s !== sheet);
      fake.tables = fake.tables.filter((t) => t.sheetId !== sheet.id);
      if (fake.activeSheetId === sheet.id) fake.activeSheetId = fake.sheets[0]?.id ?? null;
      if (fake.selection?.sheetId === sheet.id) fake.selection = null;
      return { sheet: sheet.name };
    });
  }
}

export class FakeProtection extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const sheet = this.sheet();
      this.loaded.set("protected", sheet.protected);
      return { data: sheet.protected };
    });
  }
  get protected(): boolean {
    return this.read("protected");
  }
  fill(value: boolean): void {
    this.loaded.set("protected", value);
  }
}

export class FakeFreezePanes extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
  }
  freezeRows(count: number): void {
    this.queue("call", "freezeRows", [count], true, () => {
      const s = this.sheet();
      s.freezeRows = count;
      return { sheet: s.name };
    });
  }
  /** The frozen rows as a range ("$1:$2"), or a null object. */
  getLocationOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getLocationOrNullObject()`, () => {
      const s = this.sheet();
      return s.freezeRows
        ? { sheet: s, rect: { row: 0, col: 0, rows: s.freezeRows, cols: MAX_COLS } }
        : null;
    });
  }
  unfreeze(): void {
    this.queue("call", "unfreeze", undefined, true, () => {
      const s = this.sheet();
      s.freezeRows = undefined;
      return { sheet: s.name };
    });
  }
}

export class FakePageLayout extends FakeProxy {
  readonly headersFooters: { defaultForAllPages: FakeHeaderFooter };
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
    this.headersFooters = {
      defaultForAllPages: new FakeHeaderFooter(
        ctx,
        `${path}.headersFooters.defaultForAllPages`,
        sheet
      ),
    };
  }
  private record(kind: "set" | "call", member: string, value: unknown): void {
    this.queue(kind, member, value, true, () => {
      const s = this.sheet();
      assertWritable(s);
      s.page.push({ member, value });
      return { sheet: s.name };
    });
  }
  set orientation(v: string) {
    this.record("set", "orientation", v);
  }
  set paperSize(v: string) {
    this.record("set", "paperSize", v);
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    // PageLayoutZoomOptions: a scale of 10–400, or pages to fit, not both.
    const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
    if (v.scale !== undefined && (fit || v.scale < 10 || v.scale > 400))
      throw new FakeOfficeError("InvalidArgument", "A zoom is a scale of 10–400 or a fit.");
    this.record("set", "zoom", v);
  }
  /** The zoom as last set: the fit to pages with no scale, or a scale with no fit. */
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.read("zoom");
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const s = this.sheet();
      const set = s.page.filter((p) => p.member === "zoom");
      const zoom = (set.length > 0 ? set[set.length - 1].value : { scale: 100 }) as Record<
        string,
        unknown
      >;
      const value =
        zoom.scale !== undefined
          ? { scale: zoom.scale, horizontalFitToPages: null, verticalFitToPages: null }
          : { ...zoom, scale: null };
      this.loaded.set("zoom", value);
      return { sheet: s.name, data: value };
    });
  }
  setPrintMargins(unit: string, margins: Record<string, number>): void {
    this.record("call", "setPrintMargins", [unit, margins]);
  }
  setPrintTitleRows(rows: string): void {
    this.record("call", "setPrintTitleRows", [rows]);
  }
  setPrintArea(area: string): void {
    this.record("call", "setPrintArea", [area]);
  }
}

/** Worksheet.horizontalPageBreaks (ExcelApi 1.9): manual breaks only. `add` puts a break
 * before the range's top-left cell; `removePageBreaks` resets them all. Nothing else of
 * PageBreakCollection is modelled (getItem, getCount, load throw: not a function). */
export class FakePageBreaks extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
  }
  /** Kaona ignores the PageBreak returned; the fake returns none. */
  add(pageBreakRange: string | FakeRange): void {
    const label = typeof pageBreakRange === "string" ? pageBreakRange : pageBreakRange.path;
    this.queue("call", "add", [label], true, () => {
      const s = this.sheet();
      assertWritable(s);
      const rect =
        typeof pageBreakRange === "string"
          ? rectOfAddress(pageBreakRange)
          : pageBreakRange.target().rect;
      s.rowBreaks.add(rect.row);
      return { sheet: s.name };
    });
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.queue("call", "getCount", undefined, false, () => {
      const s = this.sheet();
      result.set(s.rowBreaks.size);
      return { sheet: s.name, data: s.rowBreaks.size };
    });
    return result;
  }
  removePageBreaks(): void {
    this.queue("call", "removePageBreaks", undefined, true, () => {
      const s = this.sheet();
      assertWritable(s);
      s.rowBreaks.clear();
      return { sheet: s.name };
    });
  }
}

export class FakeHeaderFooter extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
  }
  set centerFooter(v: string) {
    this.queue("set", "centerFooter", v, true, () => {
      const s = this.sheet();
      s.page.push({ member: "centerFooter", value: v });
      return { sheet: s.name };
    });
  }
}

export class FakeCustomProperties extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
  }
  add(name: string, value: string): void {
    this.queue("call", "add", [name, value], true, () => {
      if (!this.ctx.fake.customPropertiesApi)
        throw new FakeOfficeError(
          "ApiNotFound",
          "The API you are trying to use could not be found."
        );
      const s = this.sheet();
      s.customProperties.set(name, value);
      return { sheet: s.name };
    });
  }
}
