/**
 * A typed fake of the part of Excel's object model Kaona uses. Like Office.js it queues
 * every request until `context.sync()`, then applies them in order to a simulated
 * workbook; reading a property that was not loaded throws (as Office.js does). It records
 * every request (loads, property sets with their values, method calls with arguments),
 * counts syncs and measures each sync's request and response bytes (UTF-8, as sent), and
 * refuses requests or responses above Excel on the web's 5 MB like Excel does. Like Excel,
 * a sync that fails part-way keeps what the requests before the failing one did; formulas
 * read back in Excel's own form (structured references, function names upper-cased).
 *
 * This module holds the simulated workbook (FakeExcel) and the request log; the proxies are
 * in proxy.ts (the base: queueing, loaded-only reads, Office errors), fakeContext.ts (the
 * context, its sync and the workbook), fakeSheets.ts, fakeRange.ts, fakeFormat.ts,
 * fakeTables.ts, fakeCharts.ts and fakeParts.ts (custom XML parts).
 */
import {
  cellAddress,
  intersects,
  parseCell,
  rangeAddress,
  type RangeRef,
} from "../../src/domain/a1";
import type { CellContent } from "../../src/workbook/cellContent";
import { CellGrid } from "../../src/workbook/cellGrid";
import type { ExcelRunner, RunOptions } from "../../src/workbook/excel/excelRun";
import { FakeContext } from "./fakeContext";
import { FakeOfficeError } from "./proxy";
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

export interface FakeCell {
  value: CellContent;
  numberFormat: string;
  /** A formula cell's value as Excel last calculated it ("" for never calculated, as in a
   * file a program wrote while Excel calculates by hand). Set: `values` gives it, as Excel
   * does; absent: the fake, which does not calculate, gives the formula's text. */
  cached?: CellContent;
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
  /** Rows whose height Excel measured (Range.format.autofitRows): no explicit height left. */
  autofitRows: Set<number>;
  /** Manual horizontal page breaks: the zero-based rows a break goes before. */
  rowBreaks: Set<number>;
  hiddenColumns: Set<number>;
  hiddenRows: Set<number>;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  hyperlinks: Map<string, unknown>;
  protected: boolean;
  /** Charts: name, the type they were added as, and every property set on them. */
  charts: { name: string; type?: string; calls: { member: string; value: unknown }[] }[];
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
  /** Table.showHeaders (default true) and showTotals (default false). */
  showHeaders?: boolean;
  showTotals?: boolean;
}

export interface FakePart {
  id: string;
  namespace: string;
  xml: string;
}

export type Handler = (event: {
  tableId: string;
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
  type: string;
}) => Promise<unknown>;

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
  /** False for a host with ExcelApi 1.9–1.11 only: worksheet custom properties (1.12) are
   * not there, and using them fails with ApiNotFound. */
  customPropertiesApi = true;
  /** False for a host below ExcelApi 1.13: Range.getMergedAreasOrNullObject fails with
   * ApiNotFound. */
  mergedAreasApi = true;
  /** Application.calculationMode. */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
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

  /** The options of every Excel.run, in order (e.g. delayForCellEdit). */
  runOptions: RunOptions[] = [];

  readonly runner: ExcelRunner = {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}) => {
      this.runOptions.push(options);
      const context = new FakeContext(this);
      return batch(context as unknown as Excel.RequestContext).finally(
        () => (context.open = false)
      );
    },
    // Like Excel.run(context, batch): the batch runs in the context the object came from.
    runWith: <T>(
      context: OfficeExtension.ClientRequestContext,
      batch: (context: Excel.RequestContext) => Promise<T>
    ) => {
      const fakeContext = context as unknown as FakeContext;
      fakeContext.open = true;
      return batch(context as unknown as Excel.RequestContext).finally(
        () => (fakeContext.open = false)
      );
    },
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
      autofitRows: new Set(),
      rowBreaks: new Set(),
      hiddenColumns: new Set(),
      hiddenRows: new Set(),
      visibility: "Visible",
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

  /** Raises the changed event of each table `rect` touches on `sheet`, as Excel does
   * while events are on: after a person's (or a co-author's) edit, and after the add-in's
   * own writes too. */
  raiseChanged(
    sheet: FakeSheet,
    rect: RangeRef,
    changeType = "RangeEdited",
    source: "Local" | "Remote" = "Local",
    only?: FakeTableState
  ): void {
    if (!this.enableEvents) return;
    for (const table of only ? [only] : this.tables) {
      if (table.sheetId !== sheet.id || !intersects(table.rect, rect)) continue;
      const address = rangeAddress(rect);
      for (const h of this.handlers.filter((x) => x.tableId === table.id)) {
        void h.handler({
          tableId: table.id,
          worksheetId: sheet.id,
          address,
          changeType,
          source,
          type: "TableChanged",
        });
      }
    }
  }

  /** A person typing into a cell (a co-author, with source "Remote"): changes it and
   * raises the table events Excel would. */
  userEdit(
    sheetName: string,
    address: string,
    value: CellContent,
    source: "Local" | "Remote" = "Local"
  ): void {
    const sheet = this.sheetByName(sheetName);
    const ref = parseCell(address);
    if (!sheet || !ref) throw new Error(`no cell ${sheetName}!${address}`);
    this.put(sheet, ref.row, ref.col, value);
    this.raiseChanged(
      sheet,
      { row: ref.row, col: ref.col, rows: 1, cols: 1 },
      "RangeEdited",
      source
    );
  }

  private tableAndSheet(tableId: string): { table: FakeTableState; sheet: FakeSheet } {
    const table = this.tables.find((t) => t.id === tableId);
    const sheet = table && this.sheetById(table.sheetId);
    if (!table || !sheet) throw new Error(`no table ${tableId}`);
    return { table, sheet };
  }

  /** Moves a table's columns' cells from sheet row `from` down (or up) by `by` rows. */
  private shiftColumns(sheet: FakeSheet, table: FakeTableState, from: number, by: number): void {
    const moved: [number, number, FakeCell][] = [];
    for (const [row, col, cell] of [...sheet.cells.entries()])
      if (row >= from && col >= table.rect.col && col < table.rect.col + table.rect.cols) {
        sheet.cells.delete(row, col);
        moved.push([row + by, col, cell]);
      }
    for (const [row, col, cell] of moved)
      if (row >= from + Math.min(0, by)) sheet.cells.set(row, col, cell);
  }

  /** A person inserting rows into a table at data row `at`: a RowInserted event for them. */
  userInsertRows(
    tableId: string,
    at: number,
    rows: CellContent[][],
    source: "Local" | "Remote" = "Local"
  ): void {
    const { table, sheet } = this.tableAndSheet(tableId);
    const start = table.rect.row + 1 + at;
    this.shiftColumns(sheet, table, start, rows.length);
    rows.forEach((line, i) =>
      line.forEach((v, j) => this.put(sheet, start + i, table.rect.col + j, v))
    );
    table.rect = { ...table.rect, rows: table.rect.rows + rows.length };
    const inserted = { row: start, col: table.rect.col, rows: rows.length, cols: table.rect.cols };
    this.raiseChanged(sheet, inserted, "RowInserted", source, table);
  }

  /** A person deleting `count` data rows of a table from `at`: a RowDeleted event. */
  userDeleteRows(
    tableId: string,
    at: number,
    count: number,
    source: "Local" | "Remote" = "Local"
  ): void {
    const { table, sheet } = this.tableAndSheet(tableId);
    const start = table.rect.row + 1 + at;
    const deleted = { row: start, col: table.rect.col, rows: count, cols: table.rect.cols };
    for (let r = start; r < start + count; r++)
      for (let c = table.rect.col; c < table.rect.col + table.rect.cols; c++)
        sheet.cells.delete(r, c);
    this.shiftColumns(sheet, table, start + count, -count);
    table.rect = { ...table.rect, rows: table.rect.rows - count };
    this.raiseChanged(sheet, deleted, "RowDeleted", source, table);
  }

  /** A person deleting a whole table: its handlers stay registered, and removing them then
   * fails, as in Excel. */
  userDeleteTable(tableId: string): void {
    const { table, sheet } = this.tableAndSheet(tableId);
    for (let r = table.rect.row; r < table.rect.row + table.rect.rows; r++)
      for (let c = table.rect.col; c < table.rect.col + table.rect.cols; c++)
        sheet.cells.delete(r, c);
    this.tables = this.tables.filter((t) => t !== table);
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.write);
  }

  syncsSince(mark: number): number {
    return this.syncs - mark;
  }
}

export { FakeOfficeError } from "./proxy";
export { excelFormulaForm } from "./fakeRange";
export { cellAddress };
