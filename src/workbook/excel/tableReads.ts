/**
 * Reading tables: the list of tables (with a sample of rows, to learn what a row costs)
 * and their contents, in one sync for tables of a usual size and row windows for the
 * rest. Sizes learned are kept only to size the first window of the next read.
 */
import type { RawTable } from "../../domain/types";
import { parseRange, rangeAddress, sheetOf } from "../../domain/a1";
import { jsonBytes } from "../payload";
import type { TableInfo } from "../port";
import { rowsWithin, type Budget } from "./batches";
import { isPayloadError } from "./errors";
import { readRowWindows, type WindowJob } from "./windowedReads";

/** First guess of a row's response size when nothing is known about a table. */
const GUESS_BYTES_PER_ROW = 2048;
/** Rows listTables reads of each table to learn what a row costs. */
const SAMPLE_ROWS = 20;

interface TableShape {
  rows: number;
  cols: number;
  /** Response bytes per data row (values + number formats), once a read measured it. */
  bytesPerRow?: number;
}

/** Table sizes seen last: only to size the first read window, never trusted as is. */
export class TableShapes {
  private readonly shapes = new Map<string, TableShape>();

  constructor(
    private readonly budget: Budget,
    /** First guess of response bytes per cell, until a read measured a table. */
    private readonly readBytesPerCell: number
  ) {}

  remember(id: string, rows: number, cols: number, bytesPerRow?: number): void {
    const measured = bytesPerRow ?? this.shapes.get(id)?.bytesPerRow;
    this.shapes.set(id, {
      rows,
      cols,
      ...(measured !== undefined ? { bytesPerRow: measured } : {}),
    });
  }

  forget(): void {
    this.shapes.clear();
  }

  /** Rows read with the sizes in a table's first sync: as many as the last measured row
   * size (or a guess) fits in this table's share of the budget. */
  firstWindowRows(id: string, tables: number): number {
    const shape = this.shapes.get(id);
    const bytesPerRow =
      shape?.bytesPerRow ??
      Math.max(GUESS_BYTES_PER_ROW, (shape?.cols ?? 0) * this.readBytesPerCell);
    return rowsWithin(
      this.budget.maxBytes / tables,
      bytesPerRow,
      Math.floor(this.budget.maxRows / tables)
    );
  }

  guessBytesPerRow(cols: number): number {
    return cols * this.readBytesPerCell;
  }
}

/** A table's description from its loaded parts (address without the sheet). */
export function tableInfoOf(
  table: { id: string; name: string },
  sheet: { id: string; name: string },
  address: string,
  header: Excel.Range,
  rowCount: number
): TableInfo {
  return {
    id: table.id,
    name: table.name,
    sheet: sheet.name,
    sheetId: sheet.id,
    address: address.slice(address.lastIndexOf("!") + 1),
    headers: (header.values[0] ?? []).map((h) => String(h ?? "")),
    rowCount,
  };
}

/** Every table with its sheet, header and size (two syncs), sampling a few rows of each. */
export async function listTables(
  context: Excel.RequestContext,
  shapes: TableShapes
): Promise<TableInfo[]> {
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
    const info = tableInfoOf(table, sheet, whole.address, header, rows.value);
    const sampled = sample.values.length;
    shapes.remember(
      info.id,
      info.rowCount,
      whole.columnCount,
      sampled > 0
        ? (jsonBytes(sample.values) + jsonBytes(sample.numberFormat)) / sampled
        : undefined
    );
    return info;
  });
}

/** A table's parts as one sync reads them: its name, header (address and values), data
 * body (address and size) and row count. */
export interface TableFrame {
  table: Excel.Table;
  header: Excel.Range;
  body: Excel.Range;
  rows: OfficeExtension.ClientResult<number>;
}

/** Queues the loads of a table's frame; the caller syncs. */
export function queueTableFrame(context: Excel.RequestContext, id: string): TableFrame {
  const table = context.workbook.tables.getItem(id);
  table.load("id,name");
  const header = table.getHeaderRowRange();
  header.load("address,values");
  const body = table.getDataBodyRange();
  body.load("address,rowCount,columnCount");
  return { table, header, body, rows: table.rows.getCount() };
}

interface TableView extends TableFrame {
  id: string;
  first: Excel.Range | undefined;
}

/** Queues each table's size and header, and its first `firstRows[i]` rows. */
function queueTableViews(
  context: Excel.RequestContext,
  ids: readonly string[],
  firstRows: number[]
): TableView[] {
  return ids.map((id, i) => {
    const frame = queueTableFrame(context, id);
    const { body } = frame;
    let first: Excel.Range | undefined;
    if (firstRows[i] > 0) {
      first = body
        .getRow(0)
        .getResizedRange(firstRows[i] - 1, 0)
        .getIntersection(body);
      first.load("values,numberFormat");
    }
    return { ...frame, id, first };
  });
}

interface TableData {
  values: unknown[][];
  formats: string[][];
  got: number;
  bytesPerRow: number;
  rowCount: number;
}

function firstRowsOf(view: TableView, shapes: TableShapes): TableData {
  const rowCount = view.rows.value;
  const values: unknown[][] = new Array<unknown[]>(rowCount);
  const formats: string[][] = new Array<string[]>(rowCount);
  let got = 0;
  let bytesPerRow = shapes.guessBytesPerRow(view.body.columnCount);
  if (view.first) {
    const firstValues = view.first.values;
    const firstFormats = view.first.numberFormat;
    got = Math.min(rowCount, firstValues.length);
    for (let r = 0; r < got; r++) {
      values[r] = firstValues[r];
      formats[r] = firstFormats[r].map((f) => String(f ?? ""));
    }
    if (firstValues.length > 0)
      bytesPerRow = (jsonBytes(firstValues) + jsonBytes(firstFormats)) / firstValues.length;
  }
  return { values, formats, got, bytesPerRow, rowCount };
}

/** The window job that reads the rows of a table not read with its size. */
function restOfTable(
  context: Excel.RequestContext,
  view: TableView,
  data: TableData
): WindowJob | undefined {
  const rect = parseRange(view.body.address);
  if (!rect || data.got >= data.rowCount) return undefined;
  const sheetName = sheetOf(view.body.address) ?? "";
  return {
    rect,
    pending: [[data.got, data.rowCount]],
    bytesPerRow: data.bytesPerRow,
    range: (r) => context.workbook.worksheets.getItem(sheetName).getRange(rangeAddress(r)),
    props: "values,numberFormat",
    take: (offset, range) => {
      const windowValues = range.values;
      const windowFormats = range.numberFormat;
      windowValues.forEach((row, r) => {
        data.values[offset + r] = row;
        data.formats[offset + r] = windowFormats[r].map((f) => String(f ?? ""));
      });
      return jsonBytes(windowValues) + jsonBytes(windowFormats);
    },
  };
}

/**
 * The tables' headers, values and number formats. Sync 1: every table's size and header,
 * and its first rows (all of them when the table is of a usual size). Sizes are loaded
 * here, never taken from an earlier call: a table may have grown since. Then the rest of
 * any large table, in windows sized from the bytes measured.
 */
export async function readTables(
  context: Excel.RequestContext,
  ids: readonly string[],
  shapes: TableShapes,
  budget: Budget
): Promise<RawTable[]> {
  let views = queueTableViews(
    context,
    ids,
    ids.map((id) => shapes.firstWindowRows(id, ids.length))
  );
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadError(error)) throw error;
    // The first rows were larger than any guess: sizes alone, then windows.
    shapes.forget();
    views = queueTableViews(
      context,
      ids,
      ids.map(() => 0)
    );
    await context.sync();
  }
  const data = views.map((v) => firstRowsOf(v, shapes));
  const jobs = views.map((v, i) => restOfTable(context, v, data[i]));
  await readRowWindows(
    context,
    jobs.filter((job): job is WindowJob => job !== undefined),
    budget
  );
  return views.map((v, i): RawTable => {
    const d = data[i];
    shapes.remember(v.id, d.rowCount, v.body.columnCount, jobs[i]?.bytesPerRow ?? d.bytesPerRow);
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
}
