/**
 * The workbook port on Office.js: the only module that calls Excel.* (with officeHost.ts
 * for host detection). Every method is one Excel.run with at most 3 context.sync() calls,
 * however large the tables; content above ~4 MB or 20,000 rows goes in extra batches
 * (Excel on the web refuses requests and responses over 5 MB, counted in UTF-8 bytes), so
 * the chunk count is the only growth. Kaona's own writes run with events off, restored in
 * the same batch (and in a cleanup sync on failure or timeout). Enum values are written as their string literals: the Excel
 * namespace exists only inside Office. See docs/bindings-storage.md for the sync budget of
 * each method.
 */
import type { CellStyle, ChartSpec, PageSetup, RawTable, SheetLayout } from "../../domain/types";
import {
  MAX_COLS,
  MAX_ROWS,
  cellAddress,
  columnLetters,
  parseRange,
  rangeAddress,
  tableNameProblem,
  type RangeRef,
  sheetOf,
  withoutSheet,
} from "../../domain/a1";
import { addressLists, cellsToRects } from "../areas";
import {
  BINDINGS_NAMESPACE,
  GENERATED_NAMESPACE,
  decodeBindings,
  decodeGenerated,
  emptyGenerated,
  encodeBindings,
  encodeGenerated,
  matchMark,
  withLearnedIds,
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
import { jsonBytes, utf8Length } from "../payload";
import { planNewTable, planValidation, type ValidationWrite } from "../validationRules";
import {
  DEFAULT_TIMEOUT_MS,
  RunWatchdog,
  isPayloadError,
  toWorkbookError,
  withWatchdog,
  type ErrorContext,
} from "./errors";
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
  /** Watchdog per sync, reset at each (default 30 s); when it fires the run stops. */
  timeoutMs?: number;
  /** Request budget per sync (default 4 MB: under Excel on the web's 5 MB). */
  maxBatchBytes?: number;
  /** Rows of cell content per sync (default 20,000). */
  maxBatchRows?: number;
  /** First guess of response bytes per cell read (values + number format), used only until
   * a read measured the real size (default 64). */
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

/** Counts one Excel.run's context.sync() calls (for WriteResult.syncs and the tests),
 * resets the run's watchdog at each, and sends nothing once the run was cancelled. */
class Syncs {
  count = 0;
  private readonly original: (passThroughValue?: unknown) => Promise<unknown>;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly watchdog: RunWatchdog
  ) {
    this.original = context.sync.bind(context) as (passThroughValue?: unknown) => Promise<unknown>;
    context.sync = <T>(passThroughValue?: T): Promise<T> => {
      this.watchdog.check();
      this.count += 1;
      this.watchdog.arm();
      return this.original(passThroughValue).then((result) => {
        this.watchdog.check();
        this.watchdog.arm();
        return result as T;
      });
    };
  }

  /** Gives the context its own sync back: a context outlives its run when event handlers
   * registered in it are removed later (Excel.run(context, …)). */
  release(): void {
    this.context.sync = this.original as Excel.RequestContext["sync"];
  }

  /** One last sync to put things back (events on, a half-made sheet removed), sent even
   * after the run timed out; failures are the caller's to ignore. */
  cleanup(): Promise<unknown> {
    this.count += 1;
    return this.original();
  }
}

/** Safety margin on measured sizes: rows differ, and the 4 MB budget must stay under 5 MB. */
const SIZE_MARGIN = 1.25;
/** First guess of a row's response size when nothing is known about a table. */
const GUESS_BYTES_PER_ROW = 2048;
/** Rows listTables reads of each table to learn what a row costs. */
const SAMPLE_ROWS = 20;

/** Rows of a grid that fit `bytes` at `bytesPerRow` (with the margin), within 1..maxRows. */
function rowsWithin(bytes: number, bytesPerRow: number, maxRows: number): number {
  return Math.max(
    1,
    Math.min(maxRows, Math.floor(bytes / (Math.max(1, bytesPerRow) * SIZE_MARGIN)))
  );
}

/** A rectangle read in row windows: which rows are still to read, and what a row costs. */
interface WindowJob {
  rect: RangeRef;
  /** Row offsets [from, to) within rect still to read, in order. */
  pending: [number, number][];
  /** Response bytes per row: measured, or a guess until measured. */
  bytesPerRow: number;
  range: (rect: RangeRef) => Excel.Range;
  props: string;
  /** Takes a loaded window whose first row is `offset` within rect; returns its bytes. */
  take: (offset: number, range: Excel.Range) => number;
}

/**
 * Reads row windows, several per sync within the byte and row budgets, each window sized
 * from the bytes per row measured so far (never below the largest seen). When Excel
 * refuses a sync as too large, the estimate doubles and the same rows are read again in
 * smaller windows; a single row too large for Excel is an error.
 */
async function readRowWindows(
  context: Excel.RequestContext,
  jobs: readonly WindowJob[],
  maxBytes: number,
  maxRows: number
): Promise<void> {
  for (;;) {
    const batch: { job: WindowJob; from: number; rows: number; range: Excel.Range }[] = [];
    let bytes = 0;
    let rows = 0;
    for (const job of jobs) {
      while (job.pending.length > 0 && rows < maxRows) {
        const [from, to] = job.pending[0];
        const fit = Math.floor((maxBytes - bytes) / (Math.max(1, job.bytesPerRow) * SIZE_MARGIN));
        const count = Math.min(
          to - from,
          maxRows - rows,
          batch.length === 0 ? Math.max(1, fit) : fit
        );
        if (count < 1) break;
        const rect = {
          row: job.rect.row + from,
          col: job.rect.col,
          rows: count,
          cols: job.rect.cols,
        };
        const range = job.range(rect);
        range.load(job.props);
        batch.push({ job, from, rows: count, range });
        bytes += count * job.bytesPerRow * SIZE_MARGIN;
        rows += count;
        if (from + count >= to) job.pending.shift();
        else job.pending[0] = [from + count, to];
      }
    }
    if (batch.length === 0) return;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤ 4 MB window batch, as Excel on the web's 5 MB limit requires
      await context.sync();
    } catch (error) {
      if (!isPayloadError(error) || (batch.length === 1 && batch[0].rows === 1)) throw error;
      const doubled = new Set<WindowJob>();
      for (let i = batch.length - 1; i >= 0; i--) {
        const w = batch[i];
        w.job.pending.unshift([w.from, w.from + w.rows]);
        if (!doubled.has(w.job)) {
          w.job.bytesPerRow *= 2;
          doubled.add(w.job);
        }
      }
      continue;
    }
    for (const w of batch) {
      const measured = w.job.take(w.from, w.range) / w.rows;
      w.job.bytesPerRow = Math.max(w.job.bytesPerRow, measured);
    }
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
    const rowBytes = jsonBytes(grid[i]) + 1;
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

interface Inspection {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  /** The used part of rows 1..firstRows, with formulas (absent when not read in sync 2). */
  first?: Excel.Range;
  firstRows: number;
}

/** Bytes per row of a plan's content (sampled), to size the reading of the sheet it replaces. */
function contentBytesPerRow(plan: SheetPlan): number {
  let bytes = 0;
  let rows = 0;
  for (const block of plan.blocks) {
    const sample = block.grid.slice(0, 200);
    bytes += jsonBytes(sample);
    rows += sample.length;
  }
  return rows > 0 ? Math.max(16, bytes / rows) : 256;
}

interface TableShape {
  rows: number;
  cols: number;
  /** Response bytes per data row (values + number formats), once a read measured it. */
  bytesPerRow?: number;
}

export class ExcelWorkbook implements Workbook {
  private readonly runner: ExcelRunner;
  private readonly timeoutMs: number;
  private readonly maxBatchBytes: number;
  private readonly maxBatchRows: number;
  private readonly readBytesPerCell: number;
  private readonly supports: (version: string) => boolean;
  private readonly now: () => Date;
  /** Table sizes seen last: only to size the first read window, never trusted as is. */
  private readonly shapes = new Map<string, TableShape>();
  /** Ids of the sheets this session created (lower-cased name when created → id): a new
   * sheet's id is known only after the batch that also writes its mark, so the mark gets
   * the id with the next write of the marks. */
  private readonly learnedIds = new Map<string, string>();

  constructor(options: ExcelWorkbookOptions = {}) {
    this.runner = options.runner ?? officeRunner;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBatchBytes = options.maxBatchBytes ?? 4_000_000;
    this.maxBatchRows = options.maxBatchRows ?? 20_000;
    this.readBytesPerCell = options.readBytesPerCell ?? 64;
    this.supports = options.supports ?? isExcelApiSupported;
    this.now = options.now ?? (() => new Date());
  }

  private async run<T>(
    what: string,
    where: ErrorContext,
    batch: (context: Excel.RequestContext, syncs: Syncs) => Promise<T>
  ): Promise<T> {
    const watchdog = new RunWatchdog(this.timeoutMs, what);
    let syncs: Syncs | undefined;
    try {
      return await Promise.race([
        this.runner.run((context) => {
          syncs = new Syncs(context, watchdog);
          return batch(context, syncs);
        }),
        watchdog.expired,
      ]);
    } catch (error) {
      throw toWorkbookError(error, where);
    } finally {
      watchdog.stop();
      syncs?.release();
    }
  }

  /** Runs `write` with events off, restored in its last batch or, on failure, in a
   * cleanup sync (with `undo`, which queues the removal of what this run half-made). */
  private async withEventsOff<T>(
    context: Excel.RequestContext,
    syncs: Syncs,
    previous: boolean,
    write: () => Promise<T>,
    undo?: () => Promise<void>
  ): Promise<T> {
    context.runtime.enableEvents = false;
    try {
      return await write();
    } catch (error) {
      // Best effort: the error the person sees is the one that stopped the write.
      if (undo) await undo().catch(() => undefined);
      context.runtime.enableEvents = previous;
      await syncs.cleanup().catch(() => undefined);
      throw error;
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
        // A few rows, to know what a row of this table costs to read (Thai narratives
        // run to kilobytes a row; a guess per cell is far off).
        const body = table.getDataBodyRange();
        const sample = body
          .getRow(0)
          .getResizedRange(SAMPLE_ROWS - 1, 0)
          .getIntersection(body);
        sample.load("values,numberFormat");
        return { table, sheet, header, whole, sample, rows: table.rows.getCount() };
      });
      await context.sync();
      return views.map(({ table, sheet, header, whole, sample, rows }): TableInfo => {
        const info: TableInfo = {
          id: table.id,
          name: table.name,
          sheet: sheet.name,
          sheetId: sheet.id,
          address: whole.address.slice(whole.address.lastIndexOf("!") + 1),
          headers: (header.values[0] ?? []).map((h) => String(h ?? "")),
          rowCount: rows.value,
        };
        const sampled = sample.values.length;
        this.remember(
          info.id,
          info.rowCount,
          whole.columnCount,
          sampled > 0
            ? (jsonBytes(sample.values) + jsonBytes(sample.numberFormat)) / sampled
            : undefined
        );
        return info;
      });
    });
  }

  private remember(id: string, rows: number, cols: number, bytesPerRow?: number): void {
    const known = this.shapes.get(id)?.bytesPerRow;
    const measured = bytesPerRow ?? known;
    this.shapes.set(id, {
      rows,
      cols,
      ...(measured !== undefined ? { bytesPerRow: measured } : {}),
    });
  }

  /** Rows read with the sizes in a table's first sync: as many as the last measured row
   * size (or a guess) fits in this table's share of the budget. */
  private firstWindowRows(id: string, tables: number): number {
    const shape = this.shapes.get(id);
    const bytesPerRow =
      shape?.bytesPerRow ??
      Math.max(GUESS_BYTES_PER_ROW, (shape?.cols ?? 0) * this.readBytesPerCell);
    return rowsWithin(
      this.maxBatchBytes / tables,
      bytesPerRow,
      Math.floor(this.maxBatchRows / tables)
    );
  }

  async readTables(tableIds: string[]): Promise<RawTable[]> {
    const ids = [...new Set(tableIds)];
    if (ids.length === 0) return [];
    return this.run("readTables", { table: ids.join(", ") }, async (context) => {
      // Sync 1: every table's size and header, and its first rows (all of them when the
      // table is of a usual size). Sizes are loaded here, never taken from an earlier call:
      // a table may have grown since.
      const queue = (firstRows: number[]) =>
        ids.map((id, i) => {
          const table = context.workbook.tables.getItem(id);
          table.load("id,name");
          const header = table.getHeaderRowRange();
          header.load("address,values");
          const body = table.getDataBodyRange();
          body.load("address,rowCount,columnCount");
          let first: Excel.Range | undefined;
          if (firstRows[i] > 0) {
            first = body
              .getRow(0)
              .getResizedRange(firstRows[i] - 1, 0)
              .getIntersection(body);
            first.load("values,numberFormat");
          }
          return { id, table, header, body, first, rows: table.rows.getCount() };
        });
      let views = queue(ids.map((id) => this.firstWindowRows(id, ids.length)));
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadError(error)) throw error;
        // The first rows were larger than any guess: sizes alone, then windows.
        this.shapes.clear();
        views = queue(ids.map(() => 0));
        await context.sync();
      }
      const data = views.map((v) => {
        const rowCount = v.rows.value;
        const values: unknown[][] = new Array<unknown[]>(rowCount);
        const formats: string[][] = new Array<string[]>(rowCount);
        let got = 0;
        let bytesPerRow = v.body.columnCount * this.readBytesPerCell;
        if (v.first) {
          const firstValues = v.first.values;
          const firstFormats = v.first.numberFormat;
          got = Math.min(rowCount, firstValues.length);
          for (let r = 0; r < got; r++) {
            values[r] = firstValues[r];
            formats[r] = firstFormats[r].map((f) => String(f ?? ""));
          }
          if (firstValues.length > 0)
            bytesPerRow = (jsonBytes(firstValues) + jsonBytes(firstFormats)) / firstValues.length;
        }
        return { values, formats, got, bytesPerRow, rowCount };
      });
      // Then the rest of any large table, in windows sized from the bytes measured.
      const jobs: WindowJob[] = [];
      const jobOf: (WindowJob | undefined)[] = views.map(() => undefined);
      views.forEach((v, i) => {
        const d = data[i];
        const rect = parseRange(v.body.address);
        if (!rect || d.got >= d.rowCount) return;
        const sheetName = sheetOf(v.body.address) ?? "";
        const job: WindowJob = {
          rect,
          pending: [[d.got, d.rowCount]],
          bytesPerRow: d.bytesPerRow,
          range: (r) => context.workbook.worksheets.getItem(sheetName).getRange(rangeAddress(r)),
          props: "values,numberFormat",
          take: (offset, range) => {
            const windowValues = range.values;
            const windowFormats = range.numberFormat;
            windowValues.forEach((row, r) => {
              d.values[offset + r] = row;
              d.formats[offset + r] = windowFormats[r].map((f) => String(f ?? ""));
            });
            return jsonBytes(windowValues) + jsonBytes(windowFormats);
          },
        };
        jobs.push(job);
        jobOf[i] = job;
      });
      await readRowWindows(context, jobs, this.maxBatchBytes, this.maxBatchRows);
      return views.map((v, i): RawTable => {
        const d = data[i];
        this.remember(v.id, d.rowCount, v.body.columnCount, jobOf[i]?.bytesPerRow ?? d.bytesPerRow);
        const origin = parseRange(v.header.address) ?? { row: 0, col: 0 };
        return {
          name: v.table.name,
          sheet: sheetOf(v.header.address) ?? "",
          origin: { row: origin.row, col: origin.col },
          headers: (v.header.values[0] ?? []).map((h) => String(h ?? "")),
          // An empty Excel table still shows one blank data row: it is not a record.
          rows: d.values.map((r) =>
            r.map((c) => (c === "" ? null : (c as RawTable["rows"][number][number])))
          ),
          numberFormats: d.formats,
        };
      });
    });
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
    const validationWrites = planNewTable(spec);
    const cols = spec.headers.length;
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
      async (context, syncs) => {
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
        let sheet: Excel.Worksheet | undefined;
        // A failure after the sheet was added leaves it half-made. Sync 1 proved no sheet
        // of that name existed, so a sheet of that name now is this run's: remove it.
        const undo = async (): Promise<void> => {
          if (!sheet) return;
          const made = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
          made.load("id");
          await syncs.cleanup();
          // eslint-disable-next-line office-addins/call-sync-before-read -- syncs.cleanup() is a context.sync that runs even after a timeout
          if (!made.isNullObject) made.delete();
        };
        return this.withEventsOff(
          context,
          syncs,
          previous,
          async () => {
            const added = context.workbook.worksheets.add(spec.sheet);
            sheet = added;
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
                    added.getRange(
                      rangeAddress({ row: 1, col: j, rows: bodyRows, cols: 1 })
                    ).numberFormat = everyCell(format);
                });
                const textCells = grid.flatMap((line, i) =>
                  line.flatMap((c, j) =>
                    typeof c === "string" && isReinterpretedText(c) ? [{ row: i, col: j }] : []
                  )
                );
                for (const rect of cellsToRects(textCells))
                  added.getRange(rangeAddress(rect)).numberFormat = everyCell("@");
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
                  added.getRange(
                    rangeAddress({ row: start, col: 0, rows: slice.length, cols })
                  ).values = slice;
                },
              });
            }
            ops.push({
              bytes: 1024 + jsonBytes(validationWrites),
              rows: 0,
              apply: () => {
                table = added.tables.add(rangeAddress(tableRect), true);
                table.name = spec.tableName;
                table.style = "TableStyleMedium2";
                (spec.columnWidths ?? []).forEach((w, j) => {
                  if (j < cols && Number.isFinite(w) && w > 0)
                    added.getRange(columnRangeAddress(j)).format.columnWidth = w;
                });
                for (const write of validationWrites)
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
                added.load("id,name");
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
              sheet: added.name,
              sheetId: added.id,
              address: rangeAddress(tableRect),
              headers: spec.headers.map(String),
              rowCount: rows.length,
            };
            this.remember(info.id, info.rowCount, cols);
            return info;
          },
          undo
        );
      }
    );
  }

  async convertSelectionToTable(name: string): Promise<TableInfo> {
    const problem = tableNameProblem(name);
    if (problem)
      throw new WorkbookError("not-supported", `table name "${name}": ${problem}`, { table: name });
    return this.run("convertSelectionToTable", { table: name }, async (context, syncs) => {
      const selection = context.workbook.getSelectedRange();
      selection.load("address,rowCount,columnCount");
      // The selection is on the active sheet (getSelectedRange reads the active window).
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("id,name,protection/protected");
      // Whole columns (or rows) selected are a million rows: only the part with content
      // counts. A selection of ordinary size is taken as the person made it.
      const used = selection.getUsedRangeOrNullObject(true);
      used.load("address,rowCount,columnCount");
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
      const whole = selection.rowCount >= MAX_ROWS || selection.columnCount >= MAX_COLS;
      const target = whole ? used : selection;
      if ((whole && used.isNullObject) || target.rowCount < 2) {
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
      if (sheet.protection.protected) {
        throw new WorkbookError("sheet-protected", `"${sheet.name}" is protected`, {
          sheet: sheet.name,
        });
      }
      const previous = context.runtime.enableEvents;
      return this.withEventsOff(context, syncs, previous, async () => {
        const table = sheet.tables.add(target.address, true);
        table.name = name;
        table.load("id,name");
        const header = table.getHeaderRowRange();
        header.load("values");
        context.runtime.enableEvents = previous;
        await context.sync();
        const info: TableInfo = {
          id: table.id,
          name: table.name,
          sheet: sheet.name,
          sheetId: sheet.id,
          address: target.address.slice(target.address.lastIndexOf("!") + 1),
          headers: (header.values[0] ?? []).map((h) => String(h ?? "")),
          rowCount: target.rowCount - 1,
        };
        this.remember(info.id, info.rowCount, target.columnCount);
        return info;
      });
    });
  }

  async appendRows(tableId: string, rows: (string | number | boolean | null)[][]): Promise<void> {
    if (rows.length === 0) return;
    await this.run("appendRows", { table: tableId }, async (context) => {
      // One sync: Excel grows the table, shifts nothing outside it and carries the
      // columns' number formats and validation onto the new rows.
      const table = context.workbook.tables.getItem(tableId);
      table.rows.add(
        undefined,
        rows.map((row) => row.map((value) => value ?? ""))
      );
      await context.sync();
    });
  }

  async applyValidation(tableId: string, rules: ColumnValidation[]): Promise<void> {
    const validation = planValidation(rules);
    if (!validation.ok)
      throw new WorkbookError("not-supported", validation.problem, { table: tableId });
    await this.run("applyValidation", { table: tableId }, async (context, syncs) => {
      // Sync 1: the table exists, its sheet is not protected, the events switch.
      const table = context.workbook.tables.getItem(tableId);
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- a navigation to the table's sheet object, not a loaded value
      const sheet = table.worksheet;
      sheet.load("name,protection/protected");
      context.runtime.load("enableEvents");
      await context.sync();
      if (sheet.protection.protected) {
        throw new WorkbookError("sheet-protected", `"${sheet.name}" is protected`, {
          sheet: sheet.name,
          table: tableId,
        });
      }
      // Sync 2: the rules, with events off and restored to what they were.
      const previous = context.runtime.enableEvents;
      await this.withEventsOff(context, syncs, previous, async () => {
        for (const write of validation.writes)
          applyValidationWrite(table.columns.getItemAt(write.column).getDataBodyRange(), write);
        context.runtime.enableEvents = previous;
        await context.sync();
      });
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
      const liveIds = new Set(sheets.items.map((s) => s.id));
      const partIds = parts.items.map((p) => p.id);

      // Sync 2: the marks and, for an existing sheet, its protection and content (the
      // rest of a large old sheet in windows after).
      let generated = emptyGenerated();
      let mark: GeneratedSheetMark | undefined;
      let chartNames: string[] = [];
      if (found || partIds.length > 0) {
        const queue = (firstRows: number) => ({
          xml: partIds[0]
            ? context.workbook.customXmlParts.getItem(partIds[0]).getXml()
            : undefined,
          inspected: found ? this.queueInspect(context, found.id, firstRows) : undefined,
        });
        const planBytesPerRow = contentBytesPerRow(plan);
        let sync2 = queue(rowsWithin(this.maxBatchBytes, planBytesPerRow, this.maxBatchRows));
        try {
          await context.sync();
        } catch (error) {
          if (!found || !isPayloadError(error)) throw error;
          sync2 = queue(0);
          await context.sync();
        }

        generated = withLearnedIds(decodeGenerated(sync2.xml?.value), this.learnedIds);
        if (found && sync2.inspected) {
          const inspected = sync2.inspected;
          const match = matchMark(generated, found.id, found.name, liveIds);
          const notOurs = () =>
            new WorkbookError("sheet-conflict", `"${found.name}" was not made by Kaona`, {
              sheet: found.name,
              conflict: "not-generated",
            });
          if (!match) throw notOurs();
          mark = match.mark;
          if (inspected.sheet.protection.protected) {
            throw new WorkbookError("sheet-protected", `"${found.name}" is protected`, {
              sheet: found.name,
            });
          }
          const fingerprint = await this.fingerprintOf(context, inspected, planBytesPerRow);
          if (fingerprint !== mark.fingerprint) {
            // A mark whose sheet is gone vouches for a same-named sheet only by content.
            if (match.trust === "content") throw notOurs();
            if (!options.overwriteEdited) {
              throw new WorkbookError(
                "sheet-conflict",
                `"${found.name}" was edited since Kaona made it`,
                { sheet: found.name, conflict: "edited" }
              );
            }
          }
          chartNames = inspected.sheet.charts.items.map((c) => c.name);
        }
      }

      // Sync 3 (or one per chunk): the sheet, with events off.
      const previous = context.runtime.enableEvents;
      return this.withEventsOff(context, syncs, previous, async () => {
        const sheet = found
          ? context.workbook.worksheets.getItem(found.id)
          : context.workbook.worksheets.add(plan.name);
        // A new sheet's id comes back with the first batch; the mark is written in the
        // last, so a chunked write records it at once, a single batch with the next write.
        if (!found) sheet.load("id");
        const ops = this.sheetOps(sheet, plan, Boolean(found), chartNames);
        let batchIndex = 0;
        const markFor = (sheetId: string): string =>
          encodeGenerated(
            withMark(
              generated,
              {
                sheetId,
                sheetName: found?.name ?? plan.name,
                fingerprint: plan.fingerprint,
                address: extentAddress(plan),
                generatedAt: this.now().toISOString(),
                ...(layout.origin ? { origin: layout.origin } : {}),
              },
              mark
            )
          );
        ops.push({
          bytes: utf8Length(markFor(found?.id ?? "")) + 512,
          rows: 0,
          apply: () => {
            this.queuePartWrite(
              context,
              partIds,
              markFor(found?.id ?? (batchIndex > 0 ? sheet.id : ""))
            );
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
        for (; batchIndex < batches.length; batchIndex++) {
          for (const op of batches[batchIndex]) op.apply();
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤ 4 MB chunk, as Excel on the web's 5 MB limit requires
          await context.sync();
        }
        const sheetId = found?.id ?? sheet.id;
        if (!found) this.learnedIds.set(plan.name.toLowerCase(), sheetId);
        return {
          sheet: plan.name,
          syncs: syncs.count,
          replaced: Boolean(found),
          chunks: batches.length,
          sheetId,
        };
      });
    });
  }

  /** Queues what sync 2 learns of an existing sheet: protection, charts, the used range
   * and the formulas of its first `firstRows` rows (all of a sheet of the usual size). */
  private queueInspect(
    context: Excel.RequestContext,
    sheetId: string,
    firstRows: number
  ): Inspection {
    const sheet = context.workbook.worksheets.getItem(sheetId);
    sheet.load("protection/protected");
    sheet.charts.load("items/name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address");
    let first: Excel.Range | undefined;
    if (firstRows > 0) {
      first = sheet.getRange(`1:${firstRows}`).getUsedRangeOrNullObject(true);
      first.load("address,formulas");
    }
    return { sheet, used, first, firstRows };
  }

  /** The content fingerprint of an inspected sheet: the first rows from sync 2, the rest
   * (of a sheet larger than the new layout suggested) in windows, one sync per ≤ 4 MB. */
  private async fingerprintOf(
    context: Excel.RequestContext,
    inspected: Inspection,
    planBytesPerRow: number
  ): Promise<string> {
    const fingerprint = new ContentFingerprint();
    if (inspected.used.isNullObject) return fingerprint.digest();
    const used = parseRange(inspected.used.address);
    if (!used) return fingerprint.digest();
    let bytesPerRow = planBytesPerRow;
    let from = used.row;
    const first = inspected.first;
    if (first) {
      from = Math.max(used.row, inspected.firstRows);
      if (!first.isNullObject) {
        const rect = parseRange(first.address);
        if (rect) {
          fingerprint.addGrid(rect.row, rect.col, first.formulas);
          bytesPerRow = Math.max(1, jsonBytes(first.formulas) / rect.rows);
        }
      }
    }
    const end = used.row + used.rows;
    if (from < end) {
      const rest: RangeRef = { row: from, col: used.col, rows: end - from, cols: used.cols };
      await readRowWindows(
        context,
        [
          {
            rect: rest,
            pending: [[0, rest.rows]],
            bytesPerRow,
            range: (r) => inspected.sheet.getRange(rangeAddress(r)),
            props: "formulas",
            take: (offset, range) => {
              fingerprint.addGrid(rest.row + offset, rest.col, range.formulas);
              return jsonBytes(range.formulas);
            },
          },
        ],
        this.maxBatchBytes,
        this.maxBatchRows
      );
    }
    return fingerprint.digest();
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

  /** The Functions page's "insert": enters a formula in the active cell, as typing it
   * would (the user's explicit action; Excel's getActiveCell, ExcelApi 1.7). One sync. */
  async insertIntoSelectedCell(formula: string): Promise<{ sheet: string; cell: string }> {
    return this.run("insertIntoSelectedCell", {}, async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.formulas = [[formula]];
      cell.load("address");
      await context.sync();
      const address = cell.address;
      return { sheet: sheetOf(address) ?? "", cell: withoutSheet(address) };
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
