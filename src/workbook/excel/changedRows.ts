/**
 * What the live check needs of Excel after a change: the changed rows of a bound table
 * (with its header, place and size, in one Excel.run: one sync for the usual edit or paste,
 * more row windows only for a paste above the per-sync budget), and change events turned
 * into the port's `TableChange` (the rows within the table, the kind of change, who made it).
 */
import type { RawTableRows } from "../../domain/types";
import { parseRange, rangeAddress, sheetOf, withoutSheet } from "../../domain/a1";
import type { TableChange, TableChangeType } from "../port";
import type { Budget } from "./batches";
import { queueTableFrame, type TableShapes } from "./tableReads";
import { readRowWindows } from "./windowedReads";

/** Where a table's header row was when last read: to place a change event's address. */
export interface TablePlace {
  row: number;
  col: number;
}

/** Reads rows `first`…`first + count - 1` of a table (clipped to it) with its header, place
 * and row count: one sync, plus row windows for rows beyond one sync's budget. */
export async function readTableRows(
  context: Excel.RequestContext,
  id: string,
  first: number,
  count: number,
  shapes: TableShapes,
  budget: Budget
): Promise<RawTableRows> {
  const from = Math.max(0, Math.floor(first) || 0);
  const wanted = Math.max(0, Math.floor(count) || 0);
  const { table, header, body, rows: size } = queueTableFrame(context, id);
  const inFirstSync = Math.min(wanted, shapes.firstWindowRows(id, 1));
  let window: Excel.Range | undefined;
  if (inFirstSync > 0) {
    window = body
      .getRow(from)
      .getResizedRange(inFirstSync - 1, 0)
      .getIntersectionOrNullObject(body);
    window.load("values,numberFormat");
  }
  await context.sync();
  const rowCount = size.value;
  const to = Math.min(rowCount, from + wanted);
  const rows: unknown[][] = [];
  const formats: string[][] = [];
  const take = (values: unknown[][], numberFormats: unknown[][]) => {
    for (let r = 0; r < values.length && from + rows.length < to; r++) {
      rows.push(values[r]);
      formats.push(numberFormats[r].map((f) => String(f ?? "")));
    }
  };
  if (window !== undefined) {
    if (!window.isNullObject) take(window.values, window.numberFormat);
  }
  const rect = parseRange(body.address);
  if (rect && from + rows.length < to) {
    const sheetName = sheetOf(body.address) ?? "";
    await readRowWindows(
      context,
      [
        {
          rect,
          pending: [[from + rows.length, to]],
          bytesPerRow: shapes.guessBytesPerRow(body.columnCount),
          range: (r) => context.workbook.worksheets.getItem(sheetName).getRange(rangeAddress(r)),
          props: "values,numberFormat",
          take: (_, range) => {
            take(range.values, range.numberFormat);
            return JSON.stringify(range.values).length;
          },
        },
      ],
      budget
    );
  }
  const origin = parseRange(header.address) ?? { row: 0, col: 0 };
  return {
    name: table.name,
    sheet: sheetOf(header.address) ?? "",
    origin: { row: origin.row, col: origin.col },
    headers: (header.values[0] ?? []).map((h) => String(h ?? "")),
    rowCount,
    firstRow: Math.min(from, rowCount),
    rows: rows.map((r) => r.map((c) => (c === "" ? null : (c as RawTableRows["rows"][0][0])))),
    numberFormats: formats,
  };
}

const CHANGE_TYPES: Readonly<Record<string, TableChangeType>> = {
  RangeEdited: "valueEdit",
  RowInserted: "rowsInserted",
  RowDeleted: "rowsDeleted",
  ColumnInserted: "resize",
  ColumnDeleted: "resize",
};

/** A table change event as the port's change: its rows placed by where the table's header
 * was last read (none when unknown: the whole table is read then). */
export function tableChangeOf(
  event: Pick<Excel.TableChangedEventArgs, "tableId" | "address" | "changeType" | "source">,
  place: TablePlace | undefined
): TableChange {
  const change: TableChange = {
    tableId: event.tableId,
    type: CHANGE_TYPES[String(event.changeType)] ?? "unknown",
    source: String(event.source) === "Remote" ? "remote" : "local",
  };
  const address = typeof event.address === "string" ? withoutSheet(event.address) : "";
  if (address) change.address = address;
  const rect = address ? parseRange(address) : null;
  if (!rect || !place) return change;
  if (rect.row <= place.row) change.headers = true;
  const first = Math.max(rect.row, place.row + 1) - (place.row + 1);
  const last = rect.row + rect.rows - (place.row + 1);
  if (last > first) change.rows = { first, count: last - first };
  return change;
}
