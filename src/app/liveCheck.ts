/**
 * Keeping an incremental check up to date with a workbook: after a change event, read
 * what the change can have touched (the rows it names, when it names them and they still
 * sit where they sat) and hand it to the check; anything else re-reads the table. Over the
 * `Workbook` port, so the task pane (Excel) and the tests (memory) run the same steps.
 */
import type { ColumnMapping } from "../domain/check";
import type { IncrementalCheck } from "../domain/incremental";
import type { RawTable, TableKind } from "../domain/types";
import type { TableChange, Workbook } from "../workbook/port";

/** What bringing the check up to date took. */
export interface ChangeCost {
  /** "rows": the rows the change named were read; "table": the whole table was. */
  read: "rows" | "table";
  /** Data rows read from the workbook. */
  rowsRead: number;
}

export interface LiveTable {
  kind: TableKind;
  tableId: string;
  /** The column mapping for a table read whole (its headers may have changed); undefined
   * to map from the headers. Without it, the mapping stays the one the check started with. */
  mappingFor?: (table: RawTable) => ColumnMapping | undefined;
}

/** The rows to read for a change the check can take row by row (and, for rows added or
 * taken at the end, the row count that must follow), or undefined. */
function rowsToRead(
  change: TableChange | undefined,
  known: number
): { first: number; count: number; rowCount?: number } | undefined {
  const rows = change?.rows;
  if (!change || !rows || change.headers) return undefined;
  if (!Number.isInteger(rows.first) || !Number.isInteger(rows.count) || rows.first < 0)
    return undefined;
  switch (change.type) {
    case "valueEdit":
      return rows;
    // Rows added or taken at the end leave every other row where it was.
    case "rowsInserted":
      return rows.first === known ? { ...rows, rowCount: known + rows.count } : undefined;
    case "rowsDeleted":
      return rows.first + rows.count === known
        ? { first: rows.first, count: 0, rowCount: rows.first }
        : undefined;
    default:
      return undefined;
  }
}

/** Brings `check` up to date after `change` of one of its tables. */
export async function applyTableChange(
  check: IncrementalCheck,
  workbook: Workbook,
  table: LiveTable,
  change: TableChange | undefined
): Promise<ChangeCost> {
  const wanted = rowsToRead(change, check.rowCount(table.kind));
  if (wanted) {
    const read = await workbook.readTableRows(table.tableId, wanted.first, wanted.count);
    const asExpected = wanted.rowCount === undefined || wanted.rowCount === read.rowCount;
    if (asExpected && check.applyRows(table.kind, read).applied)
      return { read: "rows", rowsRead: read.rows.length };
  }
  const [raw] = await workbook.readTables([table.tableId]);
  check.replaceTable(table.kind, raw, table.mappingFor ? { mapping: table.mappingFor(raw) } : {});
  return { read: "table", rowsRead: raw.rows.length };
}
