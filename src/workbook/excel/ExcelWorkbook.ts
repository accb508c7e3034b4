/**
 * The workbook port on Office.js: the only module that calls Excel.* (with officeHost.ts
 * for host detection). Every method is one Excel.run with at most 3 context.sync() calls,
 * however large the tables; content above ~4 MB or 20,000 rows goes in extra batches
 * (Excel on the web refuses requests and responses over 5 MB), so the chunk count is the
 * only growth. Kaona's own writes run with events off, restored in the same batch (and in
 * `finally` on failure). Enum values are written as their string literals: the Excel
 * namespace exists only inside Office. See docs/bindings-storage.md for the sync budget of
 * each method.
 */
import type { CellStyle, ChartSpec, PageSetup, RawTable, SheetLayout } from "../../domain/types";
import {
  cellAddress,
  columnLetters,
  parseRange,
  rangeAddress,
  sheetNameProblem,
  type RangeRef,
  sheetOf,
} from "../a1";
import { addressLists, cellsToRects } from "../areas";
import {
  BINDINGS_NAMESPACE,
  GENERATED_NAMESPACE,
  decodeBindings,
  decodeGenerated,
  emptyGenerated,
  encodeBindings,
  encodeGenerated,
  findMark,
  withMark,
  type GeneratedSheetMark,
} from "../bindingsStore";
import {
  ContentFingerprint,
  isReinterpretedText,
  toCellContent,
  type CellContent,
} from "../cellContent";
import {
  WorkbookError,
  type Bindings,
  type ColumnValidation,
  type NewTableSpec,
  type TableInfo,
  type Workbook,
  type WriteResult,
} from "../port";
import {
  columnRangeAddress,
  extentAddress,
  planSheet,
  printTitleRowsAddress,
  type SheetPlan,
} from "../sheetPlan";
import { planValidation, type ValidationWrite } from "../validationRules";
import { DEFAULT_TIMEOUT_MS, toWorkbookError, withWatchdog, type ErrorContext } from "./errors";
import { OPTIONAL_EXCEL_API, isExcelApiSupported } from "./requirements";

/** Runs batches against Excel; tests pass a fake that records every request. */
export interface ExcelRunner {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Re-enters the context event handlers were registered in (to remove them). */
  runWith<T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
}

export const officeRunner: ExcelRunner = {
  run: (batch) => Excel.run(batch),
  runWith: (context, batch) => Excel.run(context, batch),
};

export interface ExcelWorkbookOptions {
  runner?: ExcelRunner;
  /** Watchdog per method (default 30 s). */
  timeoutMs?: number;
  /** Request budget per sync (default 4 MB: under Excel on the web's 5 MB). */
  maxBatchBytes?: number;
  /** Rows of cell content per sync (default 20,000). */
  maxBatchRows?: number;
  /** Estimated response bytes per cell read (values + number format), to size reads. */
  readBytesPerCell?: number;
  /** ExcelApi support check (default Office.context.requirements). */
  supports?: (version: string) => boolean;
  now?: () => Date;
}

/** Excel applies one value to every cell of a range when given a single value (Microsoft's
 * "Update all cells in a range"); the typings only declare 2-D arrays, hence the cast. */
function everyCell(value: string): string[][] {
  return value as unknown as string[][];
}

/** Counts one Excel.run's context.sync() calls (for WriteResult.syncs and the tests). */
class Syncs {
  count = 0;
  constructor(context: Excel.RequestContext) {
    const original = context.sync;
    context.sync = <T>(passThroughValue?: T): Promise<T> => {
      this.count += 1;
      return original.call(context, passThroughValue) as Promise<T>;
    };
  }
}

interface WriteOp {
  bytes: number;
  rows: number;
  apply: () => void;
}

/** Packs operations, in order, into batches within the byte and row budgets. */
export function packBatches(
  ops: readonly WriteOp[],
  maxBytes: number,
  maxRows: number
): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  let rows = 0;
  for (const op of ops) {
    if (current.length > 0 && (bytes + op.bytes > maxBytes || rows + op.rows > maxRows)) {
      batches.push(current);
      current = [];
      bytes = 0;
      rows = 0;
    }
    current.push(op);
    bytes += op.bytes;
    rows += op.rows;
  }
  if (current.length > 0 || batches.length === 0) batches.push(current);
  return batches;
}

/** Splits a grid into row slices within the budgets; yields [firstRow, slice]. */
function sliceRows<T>(
  grid: readonly T[][],
  maxBytes: number,
  maxRows: number
): [number, T[][], number][] {
  const slices: [number, T[][], number][] = [];
  let start = 0;
  let bytes = 2;
  for (let i = 0; i < grid.length; i++) {
    const rowBytes = JSON.stringify(grid[i]).length + 1;
    if (i > start && (bytes + rowBytes > maxBytes || i - start >= maxRows)) {
      slices.push([start, grid.slice(start, i), bytes]);
      start = i;
      bytes = 2;
    }
    bytes += rowBytes;
  }
  if (grid.length > start) slices.push([start, grid.slice(start), bytes]);
  return slices;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right", justify: "Justify" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  if (style.fontName) format.font.name = style.fontName;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.underline !== undefined) format.font.underline = style.underline ? "Single" : "None";
  if (style.color) format.font.color = style.color;
  if (style.fill) format.fill.color = style.fill;
  if (style.hAlign) format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.indent) format.indentLevel = style.indent;
  const b = style.border;
  if (b) {
    // Borders are per cell in the layout; a rectangle needs its inside lines too.
    const sides: (
      "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical"
    )[] = [];
    if (b.top) sides.push("EdgeTop");
    if (b.bottom) sides.push("EdgeBottom");
    if (b.left) sides.push("EdgeLeft");
    if (b.right) sides.push("EdgeRight");
    if (b.top || b.bottom) sides.push("InsideHorizontal");
    if (b.left || b.right) sides.push("InsideVertical");
    for (const side of sides) {
      const border = format.borders.getItem(side);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
}

function applyValidationWrite(range: Excel.Range, write: ValidationWrite): void {
  range.dataValidation.clear();
  range.dataValidation.ignoreBlanks = true;
  range.dataValidation.rule = write.rule;
  if (write.prompt) range.dataValidation.prompt = write.prompt;
  range.dataValidation.errorAlert = write.errorAlert;
}

interface TableShape {
  rows: number;
  cols: number;
}

export class ExcelWorkbook implements Workbook {
  private readonly runner: ExcelRunner;
  private readonly timeoutMs: number;
  private readonly maxBatchBytes: number;
  private readonly maxBatchRows: number;
  private readonly readBytesPerCell: number;
  private readonly supports: (version: string) => boolean;
  private readonly now: () => Date;
  /** Table sizes seen last, so a read of known small tables takes one sync. */
  private readonly shapes = new Map<string, TableShape>();

  constructor(options: ExcelWorkbookOptions = {}) {
    this.runner = options.runner ?? officeRunner;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBatchBytes = options.maxBatchBytes ?? 4_000_000;
    this.maxBatchRows = options.maxBatchRows ?? 20_000;
    this.readBytesPerCell = options.readBytesPerCell ?? 40;
    this.supports = options.supports ?? isExcelApiSupported;
    this.now = options.now ?? (() => new Date());
  }

  private async run<T>(
    what: string,
    where: ErrorContext,
    batch: (context: Excel.RequestContext, syncs: Syncs) => Promise<T>
  ): Promise<T> {
    try {
      return await withWatchdog(
        this.runner.run((context) => batch(context, new Syncs(context))),
        this.timeoutMs,
        what
      );
    } catch (error) {
      throw toWorkbookError(error, where);
    }
  }

  /** Runs `write` with events off, restored in its last batch or, on failure, in finally. */
  private async withEventsOff<T>(
    context: Excel.RequestContext,
    previous: boolean,
    write: () => Promise<T>
  ): Promise<T> {
    context.runtime.enableEvents = false;
    let restored = false;
    try {
      const result = await write();
      restored = true;
      return result;
    } finally {
      if (!restored) {
        context.runtime.enableEvents = previous;
        await context.sync().catch(() => undefined);
      }
    }
  }

  async listTables(): Promise<TableInfo[]> {
    return this.run("listTables", {}, async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/id,items/name");
      await context.sync();
      const views = tables.items.map((table) => {
        const sheet = table.worksheet;
        sheet.load("id,name");
        const header = table.getHeaderRowRange();
        header.load("values");
        const whole = table.getRange();
        whole.load("address,columnCount");
        return { table, sheet, header, whole, rows: table.rows.getCount() };
      });
      await context.sync();
      return views.map(({ table, sheet, header, whole, rows }): TableInfo => {
        const info: TableInfo = {
          id: table.id,
          name: table.name,
          sheet: sheet.name,
          sheetId: sheet.id,
          address: whole.address.slice(whole.address.lastIndexOf("!") + 1),
          headers: (header.values[0] ?? []).map((h) => String(h ?? "")),
          rowCount: rows.value,
        };
        this.shapes.set(info.id, { rows: info.rowCount, cols: whole.columnCount });
        return info;
      });
    });
  }

  async readTables(tableIds: string[]): Promise<RawTable[]> {
    const ids = [...new Set(tableIds)];
    if (ids.length === 0) return [];
    const knownCells = ids.reduce((sum, id) => {
      const shape = this.shapes.get(id);
      return shape === undefined || sum < 0 ? -1 : sum + (shape.rows + 1) * shape.cols;
    }, 0);
    const eager = knownCells >= 0 && knownCells * this.readBytesPerCell <= this.maxBatchBytes;
    return this.run("readTables", {}, async (context) => {
      const views = ids.map((id) => {
        const table = context.workbook.tables.getItem(id);
        table.load("id,name");
        const header = table.getHeaderRowRange();
        header.load("address,values");
        const body = table.getDataBodyRange();
        body.load("address,rowCount,columnCount");
        if (eager) body.load("values,numberFormat");
        return { id, table, header, body, rows: table.rows.getCount() };
      });
      try {
        await context.sync();
      } catch (error) {
        throw toWorkbookError(error, { table: ids.join(", ") });
      }
      const data = new Map<string, { values: unknown[][]; formats: string[][] }>();
      if (eager) {
        for (const v of views)
          data.set(v.id, { values: v.body.values, formats: v.body.numberFormat });
      } else {
        await this.readInWindows(context, views, data);
      }
      return views.map((v): RawTable => {
        const origin = parseRange(v.header.address) ?? { row: 0, col: 0 };
        const rowCount = v.rows.value;
        const loaded = data.get(v.id) ?? { values: [], formats: [] };
        // An empty Excel table still shows one blank data row: it is not a record.
        const rows = loaded.values
          .slice(0, rowCount)
          .map((r) => r.map((c) => (c === "" ? null : (c as RawTable["rows"][number][number]))));
        this.shapes.set(v.id, { rows: rowCount, cols: v.body.columnCount });
        return {
          name: v.table.name,
          sheet: sheetOf(v.header.address) ?? "",
          origin: { row: origin.row, col: origin.col },
          headers: (v.header.values[0] ?? []).map((h) => String(h ?? "")),
          rows,
          numberFormats: loaded.formats
            .slice(0, rowCount)
            .map((r) => r.map((f) => String(f ?? ""))),
        };
      });
    });
  }

  /** Reads table bodies in row windows, several per sync while within the byte budget. */
  private async readInWindows(
    context: Excel.RequestContext,
    views: { id: string; header: Excel.Range; body: Excel.Range }[],
    data: Map<string, { values: unknown[][]; formats: string[][] }>
  ): Promise<void> {
    interface Window {
      id: string;
      sheetName: string;
      rect: RangeRef;
      bytes: number;
    }
    const windows: Window[] = [];
    for (const v of views) {
      const rect = parseRange(v.body.address);
      data.set(v.id, { values: [], formats: [] });
      if (!rect) continue;
      const rowBytes = Math.max(1, rect.cols * this.readBytesPerCell);
      const step = Math.max(
        1,
        Math.min(this.maxBatchRows, Math.floor(this.maxBatchBytes / rowBytes))
      );
      for (let r = 0; r < rect.rows; r += step) {
        const rows = Math.min(step, rect.rows - r);
        windows.push({
          id: v.id,
          sheetName: sheetOf(v.header.address) ?? "",
          rect: { row: rect.row + r, col: rect.col, rows, cols: rect.cols },
          bytes: rows * rowBytes,
        });
      }
    }
    const ops = windows.map((w) => ({ bytes: w.bytes, rows: w.rect.rows, window: w }));
    let i = 0;
    while (i < ops.length) {
      const batch: { window: Window; range: Excel.Range }[] = [];
      let bytes = 0;
      while (i < ops.length && (batch.length === 0 || bytes + ops[i].bytes <= this.maxBatchBytes)) {
        const range = context.workbook.worksheets
          .getItem(ops[i].window.sheetName)
          .getRange(rangeAddress(ops[i].window.rect));
        range.load("values,numberFormat");
        batch.push({ window: ops[i].window, range });
        bytes += ops[i].bytes;
        i += 1;
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤ 4 MB chunk, as Excel on the web's 5 MB limit requires
      await context.sync();
      for (const { window, range } of batch) {
        const target = data.get(window.id);
        if (!target) continue;
        for (const row of range.values) target.values.push(row);
        for (const row of range.numberFormat) target.formats.push(row.map((f) => String(f ?? "")));
      }
    }
  }

  async loadBindings(): Promise<Bindings> {
    return this.run("loadBindings", {}, async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(BINDINGS_NAMESPACE);
      // eslint-disable-next-line office-addins/no-navigational-load -- items hold only id and namespaceUri; the XML comes from getXml
      parts.load("items");
      await context.sync();
      const first = parts.items[0];
      if (!first) return decodeBindings(null);
      const xml = context.workbook.customXmlParts.getItem(first.id).getXml();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult is filled by sync, not load
      return decodeBindings(xml.value);
    });
  }

  async saveBindings(bindings: Bindings): Promise<void> {
    await this.run("saveBindings", {}, async (context) => {
      await this.replacePart(context, BINDINGS_NAMESPACE, encodeBindings(bindings));
    });
  }

  /** Writes a part: finds it (sync 1), replaces it and drops duplicates (sync 2). */
  private async replacePart(
    context: Excel.RequestContext,
    namespace: string,
    xml: string
  ): Promise<void> {
    const parts = context.workbook.customXmlParts.getByNamespace(namespace);
    // eslint-disable-next-line office-addins/no-navigational-load -- items hold only id and namespaceUri; the XML comes from getXml
    parts.load("items");
    await context.sync();
    this.queuePartWrite(
      context,
      parts.items.map((p) => p.id),
      xml
    );
    await context.sync();
  }

  private queuePartWrite(context: Excel.RequestContext, ids: readonly string[], xml: string): void {
    const [first, ...duplicates] = ids;
    if (first) context.workbook.customXmlParts.getItem(first).setXml(xml);
    else context.workbook.customXmlParts.add(xml);
    for (const id of duplicates) context.workbook.customXmlParts.getItem(id).delete();
  }

  async createTable(spec: NewTableSpec): Promise<TableInfo> {
    const nameProblem = sheetNameProblem(spec.sheet);
    if (nameProblem)
      throw new WorkbookError("not-supported", `sheet name "${spec.sheet}": ${nameProblem}`, {
        sheet: spec.sheet,
      });
    const cols = spec.headers.length;
    if (cols === 0)
      throw new WorkbookError("not-supported", "a table needs at least one column", {
        table: spec.tableName,
      });
    const validation = planValidation(spec.validation ?? [], cols);
    if (!validation.ok)
      throw new WorkbookError("not-supported", validation.problem, { table: spec.tableName });
    const rows = (spec.rows ?? []).map((r) =>
      Array.from({ length: cols }, (_, j) => toCellContent(r[j]))
    );
    const header = spec.headers.map((h) => toCellContent(h));
    const grid: CellContent[][] = [
      header,
      ...(rows.length > 0 ? rows : [new Array<CellContent>(cols).fill("")]),
    ];
    const tableRect: RangeRef = { row: 0, col: 0, rows: grid.length, cols };

    return this.run(
      "createTable",
      { sheet: spec.sheet, table: spec.tableName },
      async (context) => {
        const existingSheet = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
        existingSheet.load("name");
        const existingTable = context.workbook.tables.getItemOrNullObject(spec.tableName);
        existingTable.load("name");
        context.runtime.load("enableEvents");
        await context.sync();
        if (!existingSheet.isNullObject) {
          throw new WorkbookError(
            "sheet-conflict",
            `a sheet named "${spec.sheet}" already exists`,
            { sheet: spec.sheet, conflict: "not-generated" }
          );
        }
        if (!existingTable.isNullObject) {
          throw new WorkbookError(
            "sheet-conflict",
            `a table named "${spec.tableName}" already exists`,
            { table: spec.tableName, conflict: "not-generated" }
          );
        }
        const previous = context.runtime.enableEvents;
        return this.withEventsOff(context, previous, async () => {
          const sheet = context.workbook.worksheets.add(spec.sheet);
          const bodyRows = grid.length - 1;
          const ops: WriteOp[] = [];
          let table: Excel.Table | undefined;
          ops.push({
            bytes: 512,
            rows: 0,
            apply: () => {
              // Formats first: Text ("@") for values Excel would otherwise reinterpret.
              (spec.numberFormats ?? []).forEach((format, j) => {
                if (format && j < cols)
                  sheet.getRange(
                    rangeAddress({ row: 1, col: j, rows: bodyRows, cols: 1 })
                  ).numberFormat = everyCell(format);
              });
              const textCells = grid.flatMap((line, i) =>
                line.flatMap((c, j) =>
                  typeof c === "string" && isReinterpretedText(c) ? [{ row: i, col: j }] : []
                )
              );
              for (const rect of cellsToRects(textCells))
                sheet.getRange(rangeAddress(rect)).numberFormat = everyCell("@");
            },
          });
          for (const [start, slice, bytes] of sliceRows(
            grid,
            this.maxBatchBytes - 4096,
            this.maxBatchRows
          )) {
            ops.push({
              bytes,
              rows: slice.length,
              apply: () => {
                sheet.getRange(
                  rangeAddress({ row: start, col: 0, rows: slice.length, cols })
                ).values = slice;
              },
            });
          }
          ops.push({
            bytes: 1024 + JSON.stringify(validation.writes).length,
            rows: 0,
            apply: () => {
              table = sheet.tables.add(rangeAddress(tableRect), true);
              table.name = spec.tableName;
              table.style = "TableStyleMedium2";
              (spec.columnWidths ?? []).forEach((w, j) => {
                if (j < cols && Number.isFinite(w) && w > 0)
                  sheet.getRange(columnRangeAddress(j)).format.columnWidth = w;
              });
              for (const write of validation.writes)
                applyValidationWrite(
                  table.columns.getItemAt(write.column).getDataBodyRange(),
                  write
                );
            },
          });
          const batches = packBatches(ops, this.maxBatchBytes, this.maxBatchRows);
          for (let b = 0; b < batches.length; b++) {
            for (const op of batches[b]) op.apply();
            if (b === batches.length - 1) {
              table?.load("id,name");
              sheet.load("id,name");
              context.runtime.enableEvents = previous;
            }
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤ 4 MB chunk, as Excel on the web's 5 MB limit requires
            await context.sync();
          }
          if (!table)
            throw new WorkbookError("unknown", "the table was not created", {
              table: spec.tableName,
            });
          const info: TableInfo = {
            id: table.id,
            name: table.name,
            sheet: sheet.name,
            sheetId: sheet.id,
            address: rangeAddress(tableRect),
            headers: spec.headers.map(String),
            rowCount: rows.length,
          };
          this.shapes.set(info.id, { rows: info.rowCount, cols });
          return info;
        });
      }
    );
  }

  async convertSelectionToTable(name: string): Promise<TableInfo> {
    return this.run("convertSelectionToTable", { table: name }, async (context) => {
      const selection = context.workbook.getSelectedRange();
      selection.load("address,rowCount,columnCount");
      // The selection is on the active sheet (getSelectedRange reads the active window).
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("id,name");
      const headerRow = selection.getRow(0);
      headerRow.load("values");
      const overlapping = selection.getTables(false).getCount();
      const existing = context.workbook.tables.getItemOrNullObject(name);
      existing.load("name");
      context.runtime.load("enableEvents");
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult is filled by sync, not load
      if (overlapping.value > 0) {
        throw new WorkbookError("not-supported", "the selection already overlaps a table", {
          sheet: sheet.name,
          table: name,
        });
      }
      if (selection.rowCount < 2) {
        throw new WorkbookError(
          "not-supported",
          "select the header row and at least one row of data",
          { sheet: sheet.name }
        );
      }
      if (!existing.isNullObject) {
        throw new WorkbookError("sheet-conflict", `a table named "${name}" already exists`, {
          table: name,
          conflict: "not-generated",
        });
      }
      const previous = context.runtime.enableEvents;
      return this.withEventsOff(context, previous, async () => {
        const table = sheet.tables.add(selection.address, true);
        table.name = name;
        table.load("id,name");
        context.runtime.enableEvents = previous;
        await context.sync();
        const info: TableInfo = {
          id: table.id,
          name: table.name,
          sheet: sheet.name,
          sheetId: sheet.id,
          address: selection.address.slice(selection.address.lastIndexOf("!") + 1),
          headers: (headerRow.values[0] ?? []).map((h) => String(h ?? "")),
          rowCount: selection.rowCount - 1,
        };
        this.shapes.set(info.id, { rows: info.rowCount, cols: selection.columnCount });
        return info;
      });
    });
  }

  async applyValidation(tableId: string, rules: ColumnValidation[]): Promise<void> {
    const validation = planValidation(rules);
    if (!validation.ok)
      throw new WorkbookError("not-supported", validation.problem, { table: tableId });
    await this.run("applyValidation", { table: tableId }, async (context) => {
      const table = context.workbook.tables.getItem(tableId);
      context.runtime.enableEvents = false;
      for (const write of validation.writes)
        applyValidationWrite(table.columns.getItemAt(write.column).getDataBodyRange(), write);
      context.runtime.enableEvents = true;
      try {
        await context.sync();
      } catch (error) {
        context.runtime.enableEvents = true;
        await context.sync().catch(() => undefined);
        throw error;
      }
    });
  }

  async writeSheet(
    layout: SheetLayout,
    options: { overwriteEdited?: boolean; activate?: boolean } = {}
  ): Promise<WriteResult> {
    const planned = planSheet(layout);
    if (!planned.ok)
      throw new WorkbookError("not-supported", planned.problem, { sheet: layout.name });
    const plan = planned.plan;
    return this.run("writeSheet", { sheet: layout.name }, async (context, syncs) => {
      // Sync 1: which sheets exist, where the marks are, the events switch.
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      const parts = context.workbook.customXmlParts.getByNamespace(GENERATED_NAMESPACE);
      // eslint-disable-next-line office-addins/no-navigational-load -- items hold only id and namespaceUri; the XML comes from getXml
      parts.load("items");
      context.runtime.load("enableEvents");
      await context.sync();
      const found = sheets.items.find((s) => s.name.toLowerCase() === plan.name.toLowerCase());
      const partIds = parts.items.map((p) => p.id);

      // Sync 2: the marks and, for an existing sheet, its protection and content.
      let generated = emptyGenerated();
      let mark: GeneratedSheetMark | undefined;
      let chartNames: string[] = [];
      if (found || partIds.length > 0) {
        const xml = partIds[0]
          ? context.workbook.customXmlParts.getItem(partIds[0]).getXml()
          : undefined;
        const inspected = found ? await this.inspectSheet(context, found.id, plan) : undefined;
        if (!inspected) await context.sync();

        generated = decodeGenerated(xml?.value);
        if (found && inspected) {
          mark = findMark(generated, found.id, found.name);
          if (!mark) {
            throw new WorkbookError("sheet-conflict", `"${found.name}" was not made by Kaona`, {
              sheet: found.name,
              conflict: "not-generated",
            });
          }
          if (inspected.protected) {
            throw new WorkbookError("sheet-protected", `"${found.name}" is protected`, {
              sheet: found.name,
            });
          }
          if (inspected.fingerprint !== mark.fingerprint && !options.overwriteEdited) {
            throw new WorkbookError(
              "sheet-conflict",
              `"${found.name}" was edited since Kaona made it`,
              { sheet: found.name, conflict: "edited" }
            );
          }
          chartNames = inspected.charts;
        }
      }

      // Sync 3 (or one per chunk): the sheet, with events off.
      const previous = context.runtime.enableEvents;
      return this.withEventsOff(context, previous, async () => {
        const sheet = found
          ? context.workbook.worksheets.getItem(found.id)
          : context.workbook.worksheets.add(plan.name);
        const ops = this.sheetOps(sheet, plan, Boolean(found), chartNames);
        const newMark: GeneratedSheetMark = {
          sheetId: found?.id ?? "",
          sheetName: found?.name ?? plan.name,
          fingerprint: plan.fingerprint,
          address: extentAddress(plan),
          generatedAt: this.now().toISOString(),
          ...(layout.origin ? { origin: layout.origin } : {}),
        };
        const markXml = encodeGenerated(withMark(generated, newMark, mark));
        ops.push({
          bytes: markXml.length + 512,
          rows: 0,
          apply: () => {
            this.queuePartWrite(context, partIds, markXml);
            if (this.supports(OPTIONAL_EXCEL_API.worksheetCustomProperties)) {
              sheet.customProperties.add(
                "KaonaGenerated",
                JSON.stringify(layout.origin ?? { generator: "kaona" })
              );
            }
            if (options.activate) sheet.activate();
            context.runtime.enableEvents = previous;
          },
        });
        const batches = packBatches(ops, this.maxBatchBytes, this.maxBatchRows);
        for (const batch of batches) {
          for (const op of batch) op.apply();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤ 4 MB chunk, as Excel on the web's 5 MB limit requires
          await context.sync();
        }
        return {
          sheet: plan.name,
          syncs: syncs.count,
          replaced: Boolean(found),
          chunks: batches.length,
        };
      });
    });
  }

  /** Loads an existing sheet's protection, charts and content fingerprint (sync 2, plus
   * one sync per chunk when the content is large). */
  private async inspectSheet(
    context: Excel.RequestContext,
    sheetId: string,
    plan: SheetPlan
  ): Promise<{ protected: boolean; fingerprint: string; charts: string[] }> {
    const sheet = context.workbook.worksheets.getItem(sheetId);
    sheet.load("protection/protected");
    sheet.charts.load("items/name");
    const used = sheet.getUsedRangeOrNullObject(true);
    // A sheet Kaona regenerates is about the size of the new layout: read it with the
    // rest when that is small, else learn its size first and read it in windows.
    const small =
      plan.cellCount * this.readBytesPerCell <= this.maxBatchBytes &&
      plan.extent.rows <= this.maxBatchRows;
    used.load("address");
    if (small) used.load("formulas");
    await context.sync();
    const fingerprint = new ContentFingerprint();
    if (!used.isNullObject) {
      const rect = parseRange(used.address);
      if (rect && small) fingerprint.addGrid(rect.row, rect.col, used.formulas);
      else if (rect) {
        const step = Math.max(
          1,
          Math.min(
            this.maxBatchRows,
            Math.floor(this.maxBatchBytes / Math.max(1, rect.cols * this.readBytesPerCell))
          )
        );
        for (let r = 0; r < rect.rows; r += step) {
          const window = {
            row: rect.row + r,
            col: rect.col,
            rows: Math.min(step, rect.rows - r),
            cols: rect.cols,
          };
          const range = sheet.getRange(rangeAddress(window));
          range.load("formulas");
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤ 4 MB chunk, as Excel on the web's 5 MB limit requires
          await context.sync();
          fingerprint.addGrid(window.row, window.col, range.formulas);
        }
      }
    }
    return {
      protected: sheet.protection.protected,
      fingerprint: fingerprint.digest(),
      charts: sheet.charts.items.map((c) => c.name),
    };
  }

  /** The operations that render a plan, in order; content is sliced within the budgets. */
  private sheetOps(
    sheet: Excel.Worksheet,
    plan: SheetPlan,
    existing: boolean,
    chartNames: readonly string[]
  ): WriteOp[] {
    const ops: WriteOp[] = [];
    const small = (apply: () => void, bytes = 256): void => {
      ops.push({ bytes, rows: 0, apply });
    };
    if (existing) {
      small(() => {
        const whole = sheet.getRange();
        whole.unmerge();
        whole.clear("All");
        whole.columnHidden = false;
        whole.format.useStandardWidth = true;
        whole.format.useStandardHeight = true;
        sheet.freezePanes.unfreeze();
        for (const name of chartNames) sheet.charts.getItem(name).delete();
      });
    }
    if (plan.defaultFont) {
      const font = plan.defaultFont;
      small(() => {
        const whole = sheet.getRange();
        whole.format.font.name = font.name;
        whole.format.font.size = font.size;
      });
    }
    for (const group of plan.styles) {
      for (const list of addressLists(group.rects)) {
        small(() => applyStyle(sheet.getRanges(list).format, group.style), list.length + 512);
      }
    }
    for (const group of plan.numberFormats) {
      for (const rect of group.rects)
        small(
          () => (sheet.getRange(rangeAddress(rect)).numberFormat = everyCell(group.format)),
          96
        );
    }
    for (const rect of plan.textRects)
      small(() => (sheet.getRange(rangeAddress(rect)).numberFormat = everyCell("@")), 64);
    for (const block of plan.blocks) {
      const cols = block.grid[0]?.length ?? 0;
      for (const [start, slice, bytes] of sliceRows(
        block.grid,
        this.maxBatchBytes - 4096,
        this.maxBatchRows
      )) {
        ops.push({
          bytes: bytes + 128,
          rows: slice.length,
          apply: () => {
            sheet.getRange(
              rangeAddress({ row: block.row + start, col: block.col, rows: slice.length, cols })
            ).formulas = slice;
          },
        });
      }
    }
    for (const rect of plan.merges)
      small(() => sheet.getRange(rangeAddress(rect)).merge(false), 96);
    for (const run of runsOf(plan.columnWidths.map((w, col) => [col, w] as [number, number]))) {
      small(() => {
        sheet.getRange(
          `${columnLetters(run.first)}:${columnLetters(run.last)}`
        ).format.columnWidth = run.value;
      }, 96);
    }
    for (const run of runsOf(plan.rowHeights)) {
      small(() => {
        sheet.getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.value;
      }, 96);
    }
    for (const col of plan.hiddenColumns)
      small(() => (sheet.getRange(columnRangeAddress(col)).columnHidden = true), 96);
    for (const link of plan.links) {
      small(() => {
        sheet.getRange(cellAddress(link.row, link.col)).hyperlink = {
          documentReference: link.documentReference,
          textToDisplay: link.text,
        };
      }, link.text.length + 128);
    }
    const page = plan.page;
    if (page) small(() => applyPage(sheet.pageLayout, page), 1024);
    if (plan.freezeRows) {
      const rows = plan.freezeRows;
      small(() => sheet.freezePanes.freezeRows(rows));
    }
    for (const chart of plan.charts) small(() => addChart(sheet, chart), 1024);
    return ops;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run("selectCell", { sheet }, async (context) => {
      const target = context.workbook.worksheets.getItem(sheet);
      target.activate();
      target.getRange(cell).select();
      await context.sync();
    });
  }

  async onTablesChanged(
    tableIds: string[],
    handler: (tableId: string) => void
  ): Promise<() => Promise<void>> {
    const ids = [...new Set(tableIds)];
    if (ids.length === 0) return async () => undefined;
    const registrations = await this.run(
      "onTablesChanged",
      { table: ids.join(", ") },
      async (context) => {
        const results = ids.map((id) =>
          context.workbook.tables
            .getItem(id)
            .onChanged.add(async (event: Excel.TableChangedEventArgs) => {
              handler(event.tableId);
            })
        );
        await context.sync();
        return results;
      }
    );
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      const first = registrations[0];
      try {
        await withWatchdog(
          this.runner.runWith(first.context, async (context) => {
            for (const registration of registrations) registration.remove();
            await context.sync();
          }),
          this.timeoutMs,
          "removing table handlers"
        );
      } catch (error) {
        throw toWorkbookError(error);
      }
    };
  }
}

/** Consecutive indexes with equal values → runs ([[0,50],[1,50],[2,80]] → 0–1: 50, 2: 80). */
function runsOf(
  entries: readonly [number, number][]
): { first: number; last: number; value: number }[] {
  const runs: { first: number; last: number; value: number }[] = [];
  for (const [index, value] of entries) {
    if (!(value > 0)) continue;
    const last = runs[runs.length - 1];
    if (last && last.last === index - 1 && last.value === value) last.last = index;
    else runs.push({ first: index, last: index, value });
  }
  return runs;
}

function applyPage(pageLayout: Excel.PageLayout, page: PageSetup): void {
  pageLayout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
  pageLayout.paperSize = "A4";
  pageLayout.setPrintMargins("Inches", {
    top: page.margins.top,
    bottom: page.margins.bottom,
    left: page.margins.left,
    right: page.margins.right,
    header: page.margins.header,
    footer: page.margins.footer,
  });
  if (page.fitToPagesWide) {
    // 0 pages tall is Excel's "automatic": as many pages as the content needs.
    pageLayout.zoom = {
      horizontalFitToPages: page.fitToPagesWide,
      verticalFitToPages: page.fitToPagesTall ?? 0,
    };
  }
  if (page.printTitleRows) pageLayout.setPrintTitleRows(printTitleRowsAddress(page.printTitleRows));
  if (page.printArea) pageLayout.setPrintArea(page.printArea);
  if (page.centerFooter)
    pageLayout.headersFooters.defaultForAllPages.centerFooter = page.centerFooter;
}

function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const [firstSeries, ...others] = spec.series;
  if (!firstSeries) return;
  const chart = sheet.charts.add("Line", sheet.getRange(firstSeries.values), "Columns");
  chart.title.text = spec.title;
  chart.setPosition(spec.topLeft, spec.bottomRight);
  const first = chart.series.getItemAt(0);
  first.name = firstSeries.name;
  first.setXAxisValues(sheet.getRange(spec.categories));
  for (const s of others) {
    const series = chart.series.add(s.name);
    series.setValues(sheet.getRange(s.values));
    series.setXAxisValues(sheet.getRange(spec.categories));
  }
  const axis = spec.valueAxis;
  if (axis) {
    const valueAxis = chart.axes.valueAxis;
    if (axis.min !== undefined) valueAxis.minimum = axis.min;
    if (axis.max !== undefined) valueAxis.maximum = axis.max;
    if (axis.numberFormat) valueAxis.numberFormat = axis.numberFormat;
    if (axis.title) valueAxis.title.text = axis.title;
  }
  if (spec.categoryTitle) chart.axes.categoryAxis.title.text = spec.categoryTitle;
}
