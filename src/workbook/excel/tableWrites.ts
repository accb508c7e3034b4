/**
 * Writing tables: a new table on a new sheet (content in batches within the budget, with
 * the half-made sheet removed on failure), the selection turned into a table, and data
 * validation on a table's columns. Each refuses through ../writeRefusals.ts.
 */
import { MAX_COLS, MAX_ROWS, rangeAddress, type RangeRef } from "../../domain/a1";
import { cellsToRects } from "../areas";
import { isReinterpretedText, toCellContent, type CellContent } from "../cellContent";
import { jsonBytes } from "../payload";
import { WorkbookError, type NewTableSpec, type TableInfo } from "../port";
import { columnRangeAddress } from "../sheetPlan";
import type { ValidationWrite } from "../validationRules";
import { sheetNameTaken, sheetProtected, tableNameTaken } from "../writeRefusals";
import { packBatches, sliceRows, type Budget, type WriteOp } from "./batches";
import { withEventsOff, type Syncs } from "./excelRun";
import { everyCell } from "./sheetOps";
import { tableInfoOf, type TableShapes } from "./tableReads";

function applyValidationWrite(range: Excel.Range, write: ValidationWrite): void {
  range.dataValidation.clear();
  range.dataValidation.ignoreBlanks = true;
  range.dataValidation.rule = write.rule;
  if (write.prompt) range.dataValidation.prompt = write.prompt;
  range.dataValidation.errorAlert = write.errorAlert;
}

/** The header and rows of a new table as cell content (one blank row for an empty table). */
function newTableGrid(spec: NewTableSpec): CellContent[][] {
  const cols = spec.headers.length;
  const rows = (spec.rows ?? []).map((r) =>
    Array.from({ length: cols }, (_, j) => toCellContent(r[j]))
  );
  return [
    spec.headers.map((h) => toCellContent(h)),
    ...(rows.length > 0 ? rows : [new Array<CellContent>(cols).fill("")]),
  ];
}

/** Queues the number formats of a new table: per column, then Text for values Excel would reinterpret. */
function queueTableFormats(
  sheet: Excel.Worksheet,
  spec: NewTableSpec,
  grid: CellContent[][]
): void {
  const cols = spec.headers.length;
  (spec.numberFormats ?? []).forEach((format, j) => {
    if (format && j < cols)
      sheet.getRange(
        rangeAddress({ row: 1, col: j, rows: grid.length - 1, cols: 1 })
      ).numberFormat = everyCell(format);
  });
  const textCells = grid.flatMap((line, i) =>
    line.flatMap((c, j) =>
      typeof c === "string" && isReinterpretedText(c) ? [{ row: i, col: j }] : []
    )
  );
  for (const rect of cellsToRects(textCells))
    sheet.getRange(rangeAddress(rect)).numberFormat = everyCell("@");
}

/** The write operations of a new table: formats, content slices, then the table itself. */
function newTableOps(
  added: Excel.Worksheet,
  spec: NewTableSpec,
  grid: CellContent[][],
  validationWrites: readonly ValidationWrite[],
  budget: Budget,
  made: (table: Excel.Table) => void
): WriteOp[] {
  const cols = spec.headers.length;
  const tableRect: RangeRef = { row: 0, col: 0, rows: grid.length, cols };
  const ops: WriteOp[] = [
    { bytes: 512, rows: 0, apply: () => queueTableFormats(added, spec, grid) },
  ];
  for (const [start, slice, bytes] of sliceRows(grid, budget.maxBytes - 4096, budget.maxRows)) {
    ops.push({
      bytes,
      rows: slice.length,
      apply: () => {
        added.getRange(rangeAddress({ row: start, col: 0, rows: slice.length, cols })).values =
          slice;
      },
    });
  }
  ops.push({
    bytes: 1024 + jsonBytes(validationWrites),
    rows: 0,
    apply: () => {
      const table = added.tables.add(rangeAddress(tableRect), true);
      table.name = spec.tableName;
      table.style = "TableStyleMedium2";
      (spec.columnWidths ?? []).forEach((w, j) => {
        if (j < cols && Number.isFinite(w) && w > 0)
          added.getRange(columnRangeAddress(j)).format.columnWidth = w;
      });
      for (const write of validationWrites)
        applyValidationWrite(table.columns.getItemAt(write.column).getDataBodyRange(), write);
      made(table);
    },
  });
  return ops;
}

/** A new sheet holding a new table: sync 1 checks the names are free, then one sync per batch. */
export async function createTable(
  context: Excel.RequestContext,
  syncs: Syncs,
  spec: NewTableSpec,
  validationWrites: readonly ValidationWrite[],
  budget: Budget,
  shapes: TableShapes
): Promise<TableInfo> {
  const grid = newTableGrid(spec);
  const existingSheet = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
  existingSheet.load("name");
  const existingTable = context.workbook.tables.getItemOrNullObject(spec.tableName);
  existingTable.load("name");
  context.runtime.load("enableEvents");
  await context.sync();
  if (!existingSheet.isNullObject) throw sheetNameTaken(spec.sheet);
  if (!existingTable.isNullObject) throw tableNameTaken(spec.tableName);
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
  const write = async (): Promise<TableInfo> => {
    const added = context.workbook.worksheets.add(spec.sheet);
    sheet = added;
    let table: Excel.Table | undefined;
    const ops = newTableOps(added, spec, grid, validationWrites, budget, (t) => (table = t));
    const batches = packBatches(ops, budget.maxBytes, budget.maxRows);
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
      throw new WorkbookError("unknown", "the table was not created", { table: spec.tableName });
    const rowCount = (spec.rows ?? []).length;
    shapes.remember(table.id, rowCount, spec.headers.length);
    return {
      id: table.id,
      name: table.name,
      sheet: added.name,
      sheetId: added.id,
      address: rangeAddress({ row: 0, col: 0, rows: grid.length, cols: spec.headers.length }),
      headers: spec.headers.map(String),
      rowCount,
    };
  };
  return withEventsOff(context, syncs, previous, write, undo);
}

/** The selected plain range as a table named `name` (two syncs). */
export async function convertSelectionToTable(
  context: Excel.RequestContext,
  syncs: Syncs,
  name: string,
  shapes: TableShapes
): Promise<TableInfo> {
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
    throw new WorkbookError("not-supported", "select the header row and at least one row of data", {
      sheet: sheet.name,
    });
  }
  if (!existing.isNullObject) throw tableNameTaken(name);
  if (sheet.protection.protected) throw sheetProtected(sheet.name);
  const previous = context.runtime.enableEvents;
  return withEventsOff(context, syncs, previous, async () => {
    const table = sheet.tables.add(target.address, true);
    table.name = name;
    table.load("id,name");
    const header = table.getHeaderRowRange();
    header.load("values");
    context.runtime.enableEvents = previous;
    await context.sync();
    const info = tableInfoOf(table, sheet, target.address, header, target.rowCount - 1);
    shapes.remember(info.id, info.rowCount, target.columnCount);
    return info;
  });
}

/** Data-validation rules on a table's columns (two syncs: the checks, then the rules). */
export async function applyValidation(
  context: Excel.RequestContext,
  syncs: Syncs,
  tableId: string,
  writes: readonly ValidationWrite[]
): Promise<void> {
  // Sync 1: the table exists, its sheet is not protected, the events switch.
  const table = context.workbook.tables.getItem(tableId);
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- a navigation to the table's sheet object, not a loaded value
  const sheet = table.worksheet;
  sheet.load("name,protection/protected");
  context.runtime.load("enableEvents");
  await context.sync();
  if (sheet.protection.protected) throw sheetProtected(sheet.name, tableId);
  // Sync 2: the rules, with events off and restored to what they were.
  const previous = context.runtime.enableEvents;
  await withEventsOff(context, syncs, previous, async () => {
    for (const write of writes)
      applyValidationWrite(table.columns.getItemAt(write.column).getDataBodyRange(), write);
    context.runtime.enableEvents = previous;
    await context.sync();
  });
}
