/**
 * The user's side of the memory workbook, for the preview and tests: what a person (or,
 * with `source` "remote", a co-author) does in Excel, each raising the change events Excel
 * would raise: typing, pasting, inserting, deleting and sorting rows, renaming, deleting a
 * table, protecting a sheet.
 */
import { intersects, parseCell, parseRange, rangeAddress, type RangeRef } from "../../domain/a1";
import { toCellContent, type CellContent } from "../cellContent";
import { WorkbookError } from "../port";
import {
  MemoryModel,
  type ChangeSource,
  type MemoryCell,
  type MemorySheet,
  type MemoryTable,
} from "./model";

export abstract class MemoryUserSide extends MemoryModel {
  /** Types a value into a cell, as a user (or, `source` "remote", a co-author) would;
   * fires the change handlers of its tables. */
  setCell(
    sheetName: string,
    address: string,
    value: unknown,
    source: ChangeSource = "local"
  ): void {
    this.paste(sheetName, address, [[value]], source);
  }

  /** Pastes a block of values with its top-left cell at `address`: one change event per
   * table it touches, covering the rows it touched. */
  paste(
    sheetName: string,
    address: string,
    values: unknown[][],
    source: ChangeSource = "local"
  ): void {
    const sheet = this.sheetByName(sheetName);
    const ref = parseCell(address);
    if (!sheet || !ref)
      throw new WorkbookError("table-missing", `no cell ${sheetName}!${address}`, {
        sheet: sheetName,
      });
    const rows = values.length;
    const cols = Math.max(0, ...values.map((line) => line.length));
    values.forEach((line, i) =>
      line.forEach((value, j) => {
        const old = sheet.cells.get(ref.row + i, ref.col + j);
        this.put(sheet, ref.row + i, ref.col + j, { ...old, content: toCellContent(value) });
      })
    );
    const pasted: RangeRef = { row: ref.row, col: ref.col, rows, cols };
    for (const table of this.tables) {
      if (table.sheetId !== sheet.id || !intersects(table.rect, pasted)) continue;
      const top = Math.max(pasted.row, table.rect.row);
      const bottom = Math.min(pasted.row + rows, table.rect.row + table.rect.rows);
      const first = Math.max(0, top - table.rect.row - 1);
      const last = bottom - table.rect.row - 1;
      this.emit(
        table,
        {
          type: "valueEdit",
          address: rangeAddress({ row: top, col: ref.col, rows: bottom - top, cols }),
          ...(top === table.rect.row ? { headers: true } : {}),
          ...(last > first || top > table.rect.row ? { rows: { first, count: last - first } } : {}),
        },
        source
      );
    }
  }

  /** Moves the cells of a table's columns from sheet row `from` down by `by` rows (up when
   * negative; the rows moved over are cleared). */
  protected shiftRows(sheet: MemorySheet, table: MemoryTable, from: number, by: number): void {
    let bottom = from;
    for (const [row, col] of sheet.cells.entries())
      if (col >= table.rect.col && col < table.rect.col + table.rect.cols)
        bottom = Math.max(bottom, row);
    const move = (row: number) => {
      for (let col = table.rect.col; col < table.rect.col + table.rect.cols; col++) {
        const cell = sheet.cells.get(row, col);
        sheet.cells.delete(row, col);
        if (cell) sheet.cells.set(row + by, col, cell);
      }
    };
    if (by > 0) for (let row = bottom; row >= from; row--) move(row);
    else for (let row = from; row <= bottom; row++) move(row);
  }

  /** Inserts rows into a table at data row `at` (its row count: appended), as a user would. */
  insertRows(tableId: string, at: number, rows: unknown[][], source: ChangeSource = "local"): void {
    const table = this.tableById(tableId);
    const sheet = this.sheetById(table.sheetId)!;
    const count = this.dataRows(table);
    const where = Math.max(0, Math.min(count, at));
    // The one blank row of an empty table gives way to the first row inserted.
    if (count === 0) table.rect.rows = 1;
    const start = table.rect.row + 1 + where;
    this.shiftRows(sheet, table, start, rows.length);
    rows.forEach((line, i) => {
      for (let j = 0; j < table.rect.cols; j++)
        this.put(sheet, start + i, table.rect.col + j, { content: toCellContent(line[j]) });
    });
    table.rect.rows += rows.length;
    this.emit(table, { type: "rowsInserted", rows: { first: where, count: rows.length } }, source);
  }

  /** Deletes `count` data rows of a table from `at`, as a user would. */
  deleteRows(tableId: string, at: number, count: number, source: ChangeSource = "local"): void {
    const table = this.tableById(tableId);
    const sheet = this.sheetById(table.sheetId)!;
    const rows = this.dataRows(table);
    const from = Math.max(0, Math.min(rows, at));
    const gone = Math.max(0, Math.min(rows - from, count));
    if (gone === 0) return;
    const start = table.rect.row + 1 + from;
    for (let row = start; row < start + gone; row++)
      for (let col = table.rect.col; col < table.rect.col + table.rect.cols; col++)
        sheet.cells.delete(row, col);
    // Like Excel, a table keeps one (blank) data row.
    const kept = gone === rows ? 1 : 0;
    this.shiftRows(sheet, table, start + gone, kept - gone);
    table.rect.rows -= gone - kept;
    this.emit(table, { type: "rowsDeleted", rows: { first: from, count: gone } }, source);
  }

  /** Sorts a table's data rows by one column (numbers before text, blanks last), as the
   * column's sort button would. */
  sortRows(
    tableId: string,
    column: number,
    descending = false,
    source: ChangeSource = "local"
  ): void {
    const table = this.tableById(tableId);
    const sheet = this.sheetById(table.sheetId)!;
    const count = this.dataRows(table);
    const top = table.rect.row + 1;
    const lines = Array.from({ length: count }, (_, i) =>
      Array.from({ length: table.rect.cols }, (_, j) =>
        sheet.cells.get(top + i, table.rect.col + j)
      )
    );
    const rank = (cell: MemoryCell | undefined) => {
      const content = cell?.content ?? "";
      return content === "" ? 2 : typeof content === "number" ? 0 : 1;
    };
    const compare = (a: MemoryCell | undefined, b: MemoryCell | undefined) => {
      const byRank = rank(a) - rank(b);
      if (byRank !== 0 || rank(a) === 2) return byRank;
      const x = a!.content;
      const y = b!.content;
      const order =
        typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return descending ? -order : order;
    };
    lines.sort((a, b) => compare(a[column], b[column]));
    lines.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (cell) sheet.cells.set(top + i, table.rect.col + j, cell);
        else sheet.cells.delete(top + i, table.rect.col + j);
      })
    );
    this.emit(table, { type: "sort", rows: { first: 0, count } }, source);
  }

  /** What a cell holds (its formula text for a formula), "" when blank. */
  getCell(sheetName: string, address: string): CellContent {
    const sheet = this.sheetByName(sheetName);
    const ref = parseCell(address);
    if (!sheet || !ref) return "";
    return sheet.cells.get(ref.row, ref.col)?.content ?? "";
  }

  /** Selects a range (for "use the selected range"). */
  select(sheetName: string, address: string): void {
    const sheet = this.sheetByName(sheetName) ?? this.addSheet(sheetName);
    const rect = parseRange(address);
    if (!rect)
      throw new WorkbookError("unknown", `"${address}" is not a range`, { sheet: sheetName });
    this.selection = { sheetId: sheet.id, rect };
    this.activeSheetId = sheet.id;
  }

  renameTable(tableId: string, name: string): void {
    this.tableById(tableId).name = name;
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheetByName(from);
    if (sheet) sheet.name = to;
  }

  /** Deletes a table and its cells, as a user deleting the table's rows would. */
  deleteTable(tableId: string): void {
    const table = this.tableById(tableId);
    const sheet = this.sheetById(table.sheetId);
    for (let r = table.rect.row; r < table.rect.row + table.rect.rows; r++) {
      for (let c = table.rect.col; c < table.rect.col + table.rect.cols; c++)
        sheet?.cells.delete(r, c);
    }
    this.tables.splice(this.tables.indexOf(table), 1);
    this.handlers.delete(tableId);
  }

  protectSheet(sheetName: string, isProtected = true): void {
    const sheet = this.sheetByName(sheetName);
    if (sheet) sheet.protected = isProtected;
  }
}
