/**
 * A typed fake of the part of Excel's object model Kaona uses. Like Office.js it queues
 * every request until `context.sync()`, then applies them in order to a simulated
 * workbook; reading a property that was not loaded throws (as Office.js does). It records
 * every request (loads, property sets with their values, method calls with arguments),
 * counts syncs and measures each sync's request and response bytes (UTF-8, as sent), and
 * refuses requests or responses above Excel on the web's 5 MB like Excel does. Like Excel,
 * a sync that fails part-way keeps what the requests before the failing one did; formulas
 * read back in Excel's own form (structured references, function names upper-cased).
 */
import {
  MAX_COLS,
  MAX_ROWS,
  cellAddress,
  contains,
  intersects,
  parseCell,
  parseRange,
  quoteSheetName,
  rangeAddress,
  tableNameProblem,
  type RangeRef,
} from "../../src/domain/a1";
import type { CellContent } from "../../src/workbook/cellContent";
import { CellGrid } from "../../src/workbook/cellGrid";
import type { ExcelRunner } from "../../src/workbook/excel/excelRun";
import { jsonBytes } from "../../src/workbook/payload";

export interface RecordedRequest {
  sync: number;
  kind: "load" | "set" | "call";
  /** The object path, e.g. `worksheets.getItem("Issues").getRange("A1:C3")`. */
  target: string;
  member: string;
  value?: unknown;
  /** Whether the request changes the workbook. */
  write: boolean;
  /** Sheet the request acted on, resolved when it ran. */
  sheet?: string;
  /** Table the request acted on, when it acted on one. */
  table?: string;
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface FakeCell {
  value: CellContent;
  numberFormat: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: CellGrid<FakeCell>;
  merges: RangeRef[];
  /** Every format property set: address (or address list) → member → value. */
  formats: { address: string; member: string; value: unknown }[];
  validations: { address: string; member: string; value: unknown }[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  hyperlinks: Map<string, unknown>;
  protected: boolean;
  charts: { name: string; calls: { member: string; value: unknown }[] }[];
  page: { member: string; value: unknown }[];
  freezeRows?: number;
  customProperties: Map<string, string>;
}

export interface FakeTableState {
  id: string;
  name: string;
  sheetId: string;
  /** Header row included. */
  rect: RangeRef;
  style?: string;
}

export interface FakePart {
  id: string;
  namespace: string;
  xml: string;
}

type Handler = (event: {
  tableId: string;
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  type: string;
}) => Promise<unknown>;

function namespaceOf(xml: string): string {
  return /<[\w:]+[^>]*\sxmlns(?::\w+)?="([^"]*)"/.exec(xml)?.[1] ?? "";
}

function propsOf(spec: string): string[] {
  return spec
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The simulated workbook plus the request log. */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  tables: FakeTableState[] = [];
  parts: FakePart[] = [];
  selection: { sheetId: string; rect: RangeRef } | null = null;
  activeSheetId: string | null = null;
  enableEvents = true;
  handlers: { tableId: string; handler: Handler; context: FakeContext }[] = [];
  requests: RecordedRequest[] = [];
  syncs = 0;
  /** UTF-8 bytes of each sync's request and of the data it returned. */
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** Sizes of responses refused as above maxResponseBytes (not in responseBytes). */
  refusedResponses: number[] = [];
  maxRequestBytes = 5_000_000;
  maxResponseBytes = 5_000_000;
  /** Request values larger than this (JSON bytes) are logged as { omittedBytes }. */
  keepValuesUpTo = 200_000;
  /** When set, every sync waits forever (for watchdog tests). */
  hang = false;
  /** Milliseconds each sync takes before Excel answers (by sync number), for watchdog tests. */
  latency: ((sync: number) => number) | null = null;
  /** When set, the next sync is refused whole (a transport failure: nothing is done). */
  failNextSync: FakeOfficeError | null = null;
  /** When set, the sync with this number (counted over the fake's life) is refused so. */
  failOnSync: { sync: number; error: FakeOfficeError } | null = null;
  /** When set, the first request matching `when` fails with `error`; the requests queued
   * before it in the same sync have been carried out, as in Excel. Cleared once used. */
  failAt: {
    when: (request: Omit<RecordedRequest, "sync">) => boolean;
    error: FakeOfficeError;
  } | null = null;
  private nextId = 1;

  readonly runner: ExcelRunner = {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(this.context()),
    // Like Excel.run(context, batch): the batch runs in the context the object came from.
    runWith: <T>(
      context: OfficeExtension.ClientRequestContext,
      batch: (context: Excel.RequestContext) => Promise<T>
    ) => batch(context as unknown as Excel.RequestContext),
  };

  /** A fresh request context, typed as Office.js's (the fake covers the members Kaona uses). */
  context(): Excel.RequestContext {
    return new FakeContext(this) as unknown as Excel.RequestContext;
  }

  id(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: this.id("sheet"),
      name,
      cells: new CellGrid(),
      merges: [],
      formats: [],
      validations: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      hiddenColumns: new Set(),
      hyperlinks: new Map(),
      protected: false,
      charts: [],
      page: [],
      customProperties: new Map(),
    };
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  sheetByName(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** A table with headers and rows written at `address`'s top-left (as a user made it). */
  addTable(
    sheetName: string,
    name: string,
    topLeft: string,
    headers: string[],
    rows: CellContent[][]
  ): FakeTableState {
    const sheet = this.sheetByName(sheetName) ?? this.addSheet(sheetName);
    const origin = parseCell(topLeft) ?? { row: 0, col: 0 };
    headers.forEach((h, j) => this.put(sheet, origin.row, origin.col + j, h));
    rows.forEach((line, i) =>
      line.forEach((v, j) => this.put(sheet, origin.row + 1 + i, origin.col + j, v))
    );
    const table: FakeTableState = {
      id: this.id("table"),
      name,
      sheetId: sheet.id,
      rect: {
        row: origin.row,
        col: origin.col,
        rows: Math.max(rows.length, 1) + 1,
        cols: headers.length,
      },
    };
    this.tables.push(table);
    return table;
  }

  put(sheet: FakeSheet, row: number, col: number, value: CellContent, numberFormat?: string): void {
    const old = sheet.cells.get(row, col);
    sheet.cells.set(row, col, {
      value,
      numberFormat: numberFormat ?? old?.numberFormat ?? "General",
    });
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const sheet = this.sheetByName(sheetName);
    const ref = parseCell(address);
    return sheet && ref ? sheet.cells.get(ref.row, ref.col) : undefined;
  }

  /** A person typing into a cell: changes it and raises the table events Excel would. */
  userEdit(sheetName: string, address: string, value: CellContent): void {
    const sheet = this.sheetByName(sheetName);
    const ref = parseCell(address);
    if (!sheet || !ref) throw new Error(`no cell ${sheetName}!${address}`);
    this.put(sheet, ref.row, ref.col, value);
    if (!this.enableEvents) return;
    for (const table of this.tables) {
      if (table.sheetId !== sheet.id || !contains(table.rect, ref.row, ref.col)) continue;
      for (const h of this.handlers.filter((x) => x.tableId === table.id)) {
        void h.handler({
          tableId: table.id,
          worksheetId: sheet.id,
          address,
          changeType: "RangeEdited",
          source: "Local",
          type: "TableChanged",
        });
      }
    }
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.write);
  }

  syncsSince(mark: number): number {
    return this.syncs - mark;
  }
}

interface QueuedOp {
  request: Omit<RecordedRequest, "sync">;
  /** Runs the request; returns the loaded data (for response size), if any. */
  apply: () => unknown;
}

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  readonly runtime: FakeRuntime;
  private queue: QueuedOp[] = [];

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
    this.runtime = new FakeRuntime(this);
  }

  enqueue(op: QueuedOp): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    fake.syncs += 1;
    const sync = fake.syncs;
    const ops = this.queue;
    this.queue = [];
    if (fake.hang) return new Promise<void>(() => undefined);
    const delay = fake.latency?.(sync) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const sizes = ops.map((op) => jsonBytes(op.request));
    const bytes = sizes.reduce((sum, n) => sum + n + 1, 1);
    fake.requestBytes.push(bytes);
    if (fake.failOnSync?.sync === sync) fake.failNextSync = fake.failOnSync.error;
    if (fake.failNextSync) {
      const error = fake.failNextSync;
      fake.failNextSync = null;
      fake.responseBytes.push(0);
      throw error;
    }
    if (bytes > fake.maxRequestBytes) {
      fake.responseBytes.push(0);
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`
      );
    }
    let response = 0;
    for (const [index, op] of ops.entries()) {
      const recorded: RecordedRequest = { sync, ...op.request };
      // Large values are measured, not kept (a 100,000-row grid would fill the log).
      if (sizes[index] > fake.keepValuesUpTo) recorded.value = { omittedBytes: sizes[index] };
      fake.requests.push(recorded);
      const failAt = fake.failAt;
      if (failAt?.when(op.request)) {
        fake.failAt = null;
        fake.responseBytes.push(response);
        throw failAt.error;
      }
      const data = op.apply();
      if (data !== undefined) response += jsonBytes(data);
      if (response > fake.maxResponseBytes) {
        // Excel answers with the error, not the data: nothing came back.
        fake.refusedResponses.push(response);
        fake.responseBytes.push(0);
        throw new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit."
        );
      }
    }
    fake.responseBytes.push(response);
  }
}

/** Base of proxies: records loads, sets and calls, and reads only loaded properties. */
class FakeProxy {
  protected loaded = new Map<string, unknown>();
  constructor(
    readonly ctx: FakeContext,
    readonly path: string
  ) {}

  protected read<T>(name: string): T {
    if (!this.loaded.has(name))
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Load it and call context.sync() first (${this.path}).`
      );
    return this.loaded.get(name) as T;
  }

  protected queue(
    kind: RecordedRequest["kind"],
    member: string,
    value: unknown,
    write: boolean,
    apply: () => { sheet?: string; table?: string; data?: unknown } | void
  ): void {
    const request: Omit<RecordedRequest, "sync"> = { kind, target: this.path, member, write };
    if (value !== undefined) request.value = value;
    this.ctx.enqueue({
      request,
      apply: () => {
        const result = apply();
        const recorded = this.ctx.fake.requests[this.ctx.fake.requests.length - 1];
        if (result && recorded) {
          if (result.sheet) recorded.sheet = result.sheet;
          if (result.table) recorded.table = result.table;
        }
        return result ? result.data : undefined;
      },
    });
  }
}

class FakeClientResult<T> {
  private loadedValue: T | undefined;
  private isLoaded = false;
  set(value: T): void {
    this.loadedValue = value;
    this.isLoaded = true;
  }
  get value(): T {
    if (!this.isLoaded)
      throw new FakeOfficeError("PropertyNotLoaded", "ClientResult read before sync");
    return this.loadedValue as T;
  }
}

class FakeRuntime extends FakeProxy {
  constructor(ctx: FakeContext) {
    super(ctx, "runtime");
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      this.loaded.set("enableEvents", this.ctx.fake.enableEvents);
      return { data: this.ctx.fake.enableEvents };
    });
  }
  get enableEvents(): boolean {
    return this.read("enableEvents");
  }
  set enableEvents(value: boolean) {
    this.queue("set", "enableEvents", value, false, () => {
      this.ctx.fake.enableEvents = value;
    });
  }
}

function notFound(what: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${what}).`);
}

class FakeWorkbookProxy extends FakeProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly customXmlParts: FakeCustomXmlParts;
  constructor(ctx: FakeContext) {
    super(ctx, "workbook");
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx);
    this.customXmlParts = new FakeCustomXmlParts(ctx);
  }
  /** The top-left cell of the selection, as Excel's active cell (ExcelApi 1.7). */
  getActiveCell(): FakeRange {
    return new FakeRange(this.ctx, "workbook.getActiveCell()", () => {
      const sel = this.ctx.fake.selection;
      const sheet = sel ? this.ctx.fake.sheetById(sel.sheetId) : undefined;
      if (!sel || !sheet) throw new FakeOfficeError("InvalidSelection", "Nothing is selected.");
      return { sheet, rect: { row: sel.rect.row, col: sel.rect.col, rows: 1, cols: 1 } };
    });
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, "workbook.getSelectedRange()", () => {
      const sel = this.ctx.fake.selection;
      const sheet = sel ? this.ctx.fake.sheetById(sel.sheetId) : undefined;
      if (!sel || !sheet) throw new FakeOfficeError("InvalidSelection", "Nothing is selected.");
      return { sheet, rect: sel.rect };
    });
  }
}

class FakeWorksheetCollection extends FakeProxy {
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

class FakeWorksheet extends FakeProxy {
  readonly protection: FakeProtection;
  readonly charts: FakeChartCollection;
  readonly tables: FakeSheetTables;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
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
    this.customProperties = new FakeCustomProperties(ctx, `${path}.customProperties`, sheet);
  }
  target(): FakeSheet {
    const sheet = this.resolve();
    if (!sheet) throw notFound(this.path);
    return sheet;
  }
  fill(props: readonly string[], sheet: FakeSheet | null): void {
    this.loaded.set("isNullObject", sheet === null);
    for (const p of props)
      this.loaded.set(
        p,
        sheet ? (p === "id" ? sheet.id : p === "name" ? sheet.name : undefined) : undefined
      );
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

/** The bounding rectangle of a sheet's cells (within `within`, when given), or null. */
function usedRect(sheet: FakeSheet, valuesOnly: boolean, within?: RangeRef): RangeRef | null {
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

function intersection(a: RangeRef, b: RangeRef): RangeRef | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const end = Math.min(a.row + a.rows, b.row + b.rows);
  const right = Math.min(a.col + a.cols, b.col + b.cols);
  return end > row && right > col ? { row, col, rows: end - row, cols: right - col } : null;
}

/** Header characters after which Excel keeps a column specifier in double brackets
 * (Microsoft, "Using structured references with Excel tables": a space alone does not). */
const NEEDS_BRACKETS = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/@\\!()%?`;~]/;

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

function rectOfAddress(address: string): RangeRef {
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

function assertWritable(sheet: FakeSheet): void {
  if (sheet.protected)
    throw new FakeOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is on a protected sheet."
    );
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: RangeRef;
  whole?: boolean;
  table?: string;
}

class FakeRange extends FakeProxy {
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
        else if (p === "values") value = grid((c) => c?.value ?? "");
        else if (p === "formulas")
          value = grid((c) =>
            typeof c?.value === "string" && c.value.startsWith("=") && c.numberFormat !== "@"
              ? excelFormulaForm(c.value)
              : (c?.value ?? "")
          );
        else if (p === "numberFormat") value = grid((c) => c?.numberFormat ?? "General");
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
      return { sheet: t.sheet.name, table: t.table };
    });
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

class FakeRangeAreas extends FakeProxy {
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

interface FormatTarget {
  sheet: FakeSheet;
  address: string;
  rect?: RangeRef;
  table?: string;
}

class FakeFormatPart extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    protected readonly resolveFormat: () => FormatTarget,
    private readonly prefix: string
  ) {
    super(ctx, path);
  }
  protected setFormat(member: string, value: unknown, effect?: (t: FormatTarget) => void): void {
    this.queue("set", member, value, true, () => {
      const t = this.resolveFormat();
      assertWritable(t.sheet);
      t.sheet.formats.push({ address: t.address, member: `${this.prefix}${member}`, value });
      effect?.(t);
      return { sheet: t.sheet.name, table: t.table };
    });
  }
}

class FakeFont extends FakeFormatPart {
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
    this.setFormat("underline", v);
  }
  set color(v: string) {
    this.setFormat("color", v);
  }
}

class FakeFill extends FakeFormatPart {
  set color(v: string) {
    this.setFormat("color", v);
  }
}

class FakeBorder extends FakeFormatPart {
  set style(v: string) {
    this.setFormat("style", v);
  }
  set weight(v: string) {
    this.setFormat("weight", v);
  }
  set color(v: string) {
    this.setFormat("color", v);
  }
}

class FakeRangeFormat extends FakeFormatPart {
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
        for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) t.sheet.rowHeights.set(r, v);
    });
  }
  set useStandardWidth(v: boolean) {
    this.setFormat("useStandardWidth", v, (t) => t.sheet.columnWidths.clear());
  }
  set useStandardHeight(v: boolean) {
    this.setFormat("useStandardHeight", v, (t) => t.sheet.rowHeights.clear());
  }
  set horizontalAlignment(v: string) {
    this.setFormat("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.setFormat("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.setFormat("wrapText", v);
  }
  set indentLevel(v: number) {
    this.setFormat("indentLevel", v);
  }
}

class FakeDataValidation extends FakeProxy {
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
    this.setRule("rule", value);
  }
  set prompt(value: unknown) {
    this.setRule("prompt", value);
  }
  set errorAlert(value: unknown) {
    this.setRule("errorAlert", value);
  }
  set ignoreBlanks(value: boolean) {
    this.setRule("ignoreBlanks", value);
  }
}

class FakeProtection extends FakeProxy {
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

class FakeFreezePanes extends FakeProxy {
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
  unfreeze(): void {
    this.queue("call", "unfreeze", undefined, true, () => {
      const s = this.sheet();
      s.freezeRows = undefined;
      return { sheet: s.name };
    });
  }
}

class FakePageLayout extends FakeProxy {
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
    this.record("set", "zoom", v);
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

class FakeHeaderFooter extends FakeProxy {
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

class FakeCustomProperties extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
  }
  add(name: string, value: string): void {
    this.queue("call", "add", [name, value], true, () => {
      const s = this.sheet();
      s.customProperties.set(name, value);
      return { sheet: s.name };
    });
  }
}

class FakeChart extends FakeProxy {
  readonly title: { text: string };
  readonly series: { getItemAt(i: number): FakeChartSeries; add(name: string): FakeChartSeries };
  readonly axes: { valueAxis: FakeAxis; categoryAxis: FakeAxis };
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly chart: () => { sheet: FakeSheet; chart: FakeSheet["charts"][number] }
  ) {
    super(ctx, path);
    const record = (member: string, value: unknown) => this.record(member, value);
    this.title = {
      set text(v: string) {
        record("title.text", v);
      },
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "title.text");
      },
    };
    this.series = {
      getItemAt: (i: number) =>
        new FakeChartSeries(ctx, `${path}.series.getItemAt(${i})`, (m, v) =>
          this.record(`series[${i}].${m}`, v)
        ),
      add: (name: string) => {
        this.record("series.add", name);
        return new FakeChartSeries(ctx, `${path}.series.add(${JSON.stringify(name)})`, (m, v) =>
          this.record(`series[${name}].${m}`, v)
        );
      },
    };
    this.axes = {
      valueAxis: new FakeAxis(ctx, `${path}.axes.valueAxis`, (m, v) =>
        this.record(`valueAxis.${m}`, v)
      ),
      categoryAxis: new FakeAxis(ctx, `${path}.axes.categoryAxis`, (m, v) =>
        this.record(`categoryAxis.${m}`, v)
      ),
    };
  }
  record(member: string, value: unknown): void {
    this.queue("set", member, value, true, () => {
      const c = this.chart();
      c.chart.calls.push({ member, value });
      return { sheet: c.sheet.name };
    });
  }
  setPosition(start: string, end: string): void {
    this.record("setPosition", [start, end]);
  }
  delete(): void {
    this.queue("call", "delete", undefined, true, () => {
      const c = this.chart();
      c.sheet.charts = c.sheet.charts.filter((x) => x !== c.chart);
      return { sheet: c.sheet.name };
    });
  }
  get name(): string {
    return this.read("name");
  }
  setLoadedName(name: string): void {
    this.loaded.set("name", name);
  }
}

class FakeChartSeries extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly record: (member: string, value: unknown) => void
  ) {
    super(ctx, path);
  }
  set name(v: string) {
    this.record("name", v);
  }
  setValues(range: FakeRange): void {
    this.record("setValues", range.path);
  }
  setXAxisValues(range: FakeRange): void {
    this.record("setXAxisValues", range.path);
  }
}

class FakeAxis extends FakeProxy {
  readonly title: { text: string };
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly record: (member: string, value: unknown) => void
  ) {
    super(ctx, path);
    this.title = {
      set text(v: string) {
        record("title.text", v);
      },
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "title.text");
      },
    };
  }
  set minimum(v: number) {
    this.record("minimum", v);
  }
  set maximum(v: number) {
    this.record("maximum", v);
  }
  set numberFormat(v: string) {
    this.record("numberFormat", v);
  }
}

class FakeChartCollection extends FakeProxy {
  private loadedItems: FakeChart[] | null = null;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const s = this.sheet();
      this.loadedItems = s.charts.map((c) => {
        const chart = new FakeChart(
          this.ctx,
          `${this.path}.getItem(${JSON.stringify(c.name)})`,
          () => ({ sheet: s, chart: c })
        );
        chart.setLoadedName(c.name);
        return chart;
      });
      return { data: s.charts.map((c) => c.name) };
    });
  }
  get items(): FakeChart[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "charts.items");
    return this.loadedItems;
  }
  getItem(name: string): FakeChart {
    return new FakeChart(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => {
      const s = this.sheet();
      const chart = s.charts.find((c) => c.name === name);
      if (!chart) throw notFound(`chart ${name}`);
      return { sheet: s, chart };
    });
  }
  add(type: string, source: FakeRange, seriesBy: string): FakeChart {
    let created: { sheet: FakeSheet; chart: FakeSheet["charts"][number] } | undefined;
    this.queue("call", "add", [type, source.path, seriesBy], true, () => {
      const s = this.sheet();
      assertWritable(s);
      const chart = { name: `Chart ${s.charts.length + 1}`, calls: [] };
      s.charts.push(chart);
      created = { sheet: s, chart };
      return { sheet: s.name };
    });
    return new FakeChart(this.ctx, `${this.path}.add(${JSON.stringify(type)})`, () => {
      if (!created) throw notFound("new chart");
      return created;
    });
  }
}

class FakeTable extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    readonly resolve: () => FakeTableState | null
  ) {
    super(ctx, path);
  }
  target(): FakeTableState {
    const t = this.resolve();
    if (!t) throw notFound(this.path);
    return t;
  }
  private sheetOf(t: FakeTableState): FakeSheet {
    const sheet = this.ctx.fake.sheetById(t.sheetId);
    if (!sheet) throw notFound(`sheet of ${t.name}`);
    return sheet;
  }
  fill(props: readonly string[], t: FakeTableState | null): void {
    this.loaded.set("isNullObject", t === null);
    for (const p of props)
      this.loaded.set(p, t ? (p === "id" ? t.id : p === "name" ? t.name : undefined) : undefined);
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const t = this.resolve();
      this.fill(propsOf(props), t);
      return { data: t ? { id: t.id, name: t.name } : null };
    });
  }
  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.queue("set", "name", value, true, () => {
      const t = this.target();
      if (tableNameProblem(value) !== null)
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format."
        );
      if (
        this.ctx.fake.tables.some((x) => x !== t && x.name.toLowerCase() === value.toLowerCase())
      ) {
        throw new FakeOfficeError("InvalidArgument", "A table with this name already exists.");
      }
      t.name = value;
      return { sheet: this.sheetOf(t).name, table: value };
    });
  }
  set style(value: string) {
    this.queue("set", "style", value, true, () => {
      const t = this.target();
      t.style = value;
      return { sheet: this.sheetOf(t).name, table: t.name };
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.worksheet`, () => this.sheetOf(this.target()));
  }
  private part(name: string, rect: (t: FakeTableState) => RangeRef): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.${name}()`, () => {
      const t = this.target();
      return { sheet: this.sheetOf(t), rect: rect(t), table: t.name };
    });
  }
  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (t) => ({ ...t.rect, rows: 1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (t) => ({
      ...t.rect,
      row: t.rect.row + 1,
      rows: t.rect.rows - 1,
    }));
  }
  getRange(): FakeRange {
    return this.part("getRange", (t) => t.rect);
  }
  get rows(): { getCount(): FakeClientResult<number> } {
    return {
      getCount: () => {
        const result = new FakeClientResult<number>();
        this.queue("call", "rows.getCount", undefined, false, () => {
          const t = this.target();
          const sheet = this.sheetOf(t);
          // Excel counts the placeholder row of an empty table as no row.
          let count = t.rect.rows - 1;
          if (count === 1) {
            let blank = true;
            for (let j = 0; j < t.rect.cols; j++)
              if ((sheet.cells.get(t.rect.row + 1, t.rect.col + j)?.value ?? "") !== "")
                blank = false;
            if (blank) count = 0;
          }
          result.set(count);
          return { data: count };
        });
        return result;
      },
    };
  }
  get columns(): { getItemAt(i: number): { getDataBodyRange(): FakeRange } } {
    return {
      getItemAt: (i: number) => ({
        getDataBodyRange: () =>
          new FakeRange(this.ctx, `${this.path}.columns.getItemAt(${i}).getDataBodyRange()`, () => {
            const t = this.target();
            if (i < 0 || i >= t.rect.cols)
              throw new FakeOfficeError("InvalidArgument", `No column ${i}`);
            return {
              sheet: this.sheetOf(t),
              rect: { row: t.rect.row + 1, col: t.rect.col + i, rows: t.rect.rows - 1, cols: 1 },
              table: t.name,
            };
          }),
      }),
    };
  }
  get onChanged(): { add(handler: Handler): { context: FakeContext; remove(): void } } {
    return {
      add: (handler: Handler) => {
        const registration = { tableId: "", handler, context: this.ctx };
        this.queue("call", "onChanged.add", undefined, false, () => {
          registration.tableId = this.target().id;
          this.ctx.fake.handlers.push(registration);
        });
        return {
          context: this.ctx,
          remove: () => {
            this.queue("call", "onChanged.remove", undefined, false, () => {
              this.ctx.fake.handlers = this.ctx.fake.handlers.filter((h) => h !== registration);
            });
          },
        };
      },
    };
  }
}

class FakeTableCollection extends FakeProxy {
  private loadedItems: FakeTable[] | null = null;
  constructor(ctx: FakeContext) {
    super(ctx, "tables");
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const wanted = propsOf(props).map((p) => p.replace(/^items\//, ""));
      this.loadedItems = this.ctx.fake.tables.map((t) => {
        const proxy = new FakeTable(this.ctx, `tables.getItem(${JSON.stringify(t.id)})`, () =>
          this.ctx.fake.tables.includes(t) ? t : null
        );
        proxy.fill(wanted, t);
        return proxy;
      });
      return { data: this.ctx.fake.tables.map((t) => ({ id: t.id, name: t.name })) };
    });
  }
  get items(): FakeTable[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "tables.items");
    return this.loadedItems;
  }
  getItem(idOrName: string): FakeTable {
    return new FakeTable(this.ctx, `tables.getItem(${JSON.stringify(idOrName)})`, () => {
      const t = this.ctx.fake.tables.find(
        (x) => x.id === idOrName || x.name.toLowerCase() === idOrName.toLowerCase()
      );
      if (!t) throw notFound(`table ${idOrName}`);
      return t;
    });
  }
  getItemOrNullObject(idOrName: string): FakeTable {
    return new FakeTable(
      this.ctx,
      `tables.getItemOrNullObject(${JSON.stringify(idOrName)})`,
      () =>
        this.ctx.fake.tables.find(
          (x) => x.id === idOrName || x.name.toLowerCase() === idOrName.toLowerCase()
        ) ?? null
    );
  }
}

class FakeSheetTables extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    let created: FakeTableState | undefined;
    this.queue("call", "add", [address, hasHeaders], true, () => {
      const s = this.sheet();
      assertWritable(s);
      const rect = rectOfAddress(address.slice(address.lastIndexOf("!") + 1));
      if (this.ctx.fake.tables.some((t) => t.sheetId === s.id && intersects(t.rect, rect))) {
        throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
      }
      created = {
        id: this.ctx.fake.id("table"),
        name: `Table${this.ctx.fake.tables.length + 1}`,
        sheetId: s.id,
        rect,
      };
      this.ctx.fake.tables.push(created);
      return { sheet: s.name, table: created.name };
    });
    return new FakeTable(
      this.ctx,
      `${this.path}.add(${JSON.stringify(address)})`,
      () => created ?? null
    );
  }
}

class FakeCustomXmlPart extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly part: () => FakePart
  ) {
    super(ctx, path);
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.queue("call", "getXml", undefined, false, () => {
      const xml = this.part().xml;
      result.set(xml);
      return { data: xml };
    });
    return result;
  }
  setXml(xml: string): void {
    this.queue("call", "setXml", xml, true, () => {
      const p = this.part();
      p.xml = xml;
      p.namespace = namespaceOf(xml);
    });
  }
  delete(): void {
    this.queue("call", "delete", undefined, true, () => {
      const p = this.part();
      this.ctx.fake.parts = this.ctx.fake.parts.filter((x) => x !== p);
    });
  }
}

class FakeCustomXmlParts extends FakeProxy {
  constructor(ctx: FakeContext) {
    super(ctx, "customXmlParts");
  }
  getByNamespace(namespace: string): {
    load(props: string): void;
    readonly items: { id: string }[];
  } {
    let items: { id: string }[] | null = null;
    const load = (props: string) =>
      this.queue("load", `getByNamespace(${namespace}).${props}`, undefined, false, () => {
        items = this.ctx.fake.parts
          .filter((p) => p.namespace === namespace)
          .map((p) => ({ id: p.id }));
        return { data: items };
      });
    return {
      load,
      get items() {
        if (!items) throw new FakeOfficeError("PropertyNotLoaded", "customXmlParts items");
        return items;
      },
    };
  }
  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, `customXmlParts.getItem(${JSON.stringify(id)})`, () => {
      const part = this.ctx.fake.parts.find((p) => p.id === id);
      if (!part) throw notFound(`custom XML part ${id}`);
      return part;
    });
  }
  add(xml: string): FakeCustomXmlPart {
    let created: FakePart | undefined;
    this.queue("call", "add", xml, true, () => {
      created = { id: this.ctx.fake.id("part"), namespace: namespaceOf(xml), xml };
      this.ctx.fake.parts.push(created);
    });
    return new FakeCustomXmlPart(this.ctx, "customXmlParts.add()", () => {
      if (!created) throw notFound("new part");
      return created;
    });
  }
}

export { cellAddress };
