/**
 * Table discovery: a workbook's sheets (as `SheetGrid`s from a file reader or the Excel
 * layer) → its Projects, Rounds and Indicators tables, with the evidence for each and the
 * issues that say what was assumed. Excel tables and plain ranges alike; a plain range's
 * header is found below title rows and notes, and a two-row grouped header is combined.
 * Every table of a kind is used (the check reads them as one); what is visible comes
 * before what is hidden; totals rows end a table with one note. Pure.
 */
import { columnLetters } from "../a1";
import type { CellBlock, GridTable, SheetGrid } from "../grid";
import { autoMap, guessKind } from "../mapping";
import { tableLabel, TABLE_KINDS } from "../schema";
import type { CellValue, Issue, RawTable, TableKind } from "../types";
import { severityOf, type RuleCode } from "../validate/catalogue";
import { findHeader, textOf } from "./header";

export { findHeader, HEADER_SCAN_ROWS } from "./header";

/** Why a table found was not used. */
export type SkipReason = "unrecognised" | "hidden";

export interface DiscoveredTable {
  table: RawTable;
  /** Undefined when the headers fit no kind. */
  kind?: TableKind;
  source: "excelTable" | "range";
  /** On a hidden or very hidden sheet. */
  hiddenSheet: boolean;
  /** Share of the non-blank headers mapped. */
  score: number;
  /** Zero-based sheet rows of the header (two for a grouped header). */
  headerRows: number[];
  /** Zero-based sheet row of the totals row the table ends at, if any. */
  totalsRow?: number;
  /** Sheet columns left out because they are hidden and a visible column holds the field. */
  hiddenColumnsIgnored: number[];
  /** Hidden sheet columns used because nothing visible holds their field. */
  hiddenColumnsUsed: number[];
  /** Set when the table is not used. */
  skipped?: SkipReason;
}

export interface Discovery {
  /** Every table found, in sheet order: used, and not used with the reason. */
  found: DiscoveredTable[];
  /** The tables used, per kind, in sheet order. */
  byKind: Record<TableKind, RawTable[]>;
  /** What discovery assumed or left out, each at its sheet and cell. */
  issues: Issue[];
  /** Sheets with values where no table was found (said, never silently dropped). */
  sheetsWithoutTables: string[];
}

/** A cell that ends a table: a totals label alone in its cell. */
const TOTALS_RE =
  /^(?:รวม(?:ทั้งสิ้น|ทั้งหมด|ทุกโครงการ|ยอด)?|ยอดรวม|ผลรวม|(?:grand\s+)?totals?|sum)\s*[:：]?$/i;

function isBlank(value: CellValue): boolean {
  return textOf(value) === "";
}

function isTotalsRow(cells: readonly CellValue[]): boolean {
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    // The first non-blank cell says it, or the row is not a totals row.
    return typeof cell === "string" && TOTALS_RE.test(textOf(cell));
  }
  return false;
}

function makeTableIssue(
  code: RuleCode,
  kind: TableKind,
  sheet: string,
  row: number,
  col: number,
  th: string,
  en: string
): Issue {
  return {
    code,
    severity: severityOf(code),
    table: kind,
    row: -1,
    sheet,
    cell: `${columnLetters(col)}${row + 1}`,
    message: { th, en },
  };
}

interface Block {
  name: string;
  source: DiscoveredTable["source"];
  /** Header rows, last one included; data from the row below `headerRows`' last. */
  headerRows: number[];
  headers: string[];
  left: number;
  right: number;
  /** Last data row (inclusive), before trimming. */
  bottom: number;
}

/** Reads a block's data rows, number formats and uncalculated cells; ends it at a totals
 * row and drops trailing blank rows. */
function readBlock(grid: SheetGrid, block: Block): { table: RawTable; totalsRow?: number } {
  const top = block.headerRows[block.headerRows.length - 1] + 1;
  const rows: CellValue[][] = [];
  const numberFormats: string[][] = [];
  let totalsRow: number | undefined;
  // Rows without a number format (most, in a file) share one row of General formats.
  const general: string[] = new Array<string>(block.right - block.left + 1).fill("");
  for (let row = top; row <= block.bottom; row++) {
    const source = grid.values[row] ?? [];
    const sourceFormats = grid.numberFormats[row];
    // A copy of the row's cells in one native call; cells never written read as null.
    const cells: CellValue[] = source.slice(block.left, block.right + 1);
    for (let col = 0; col < cells.length; col++) if (cells[col] === undefined) cells[col] = null;
    while (cells.length < general.length) cells.push(null);
    let formats = general;
    if (sourceFormats !== undefined && sourceFormats.length > block.left) {
      formats = [];
      for (let col = block.left; col <= block.right; col++) formats.push(sourceFormats[col] ?? "");
    }
    if (isTotalsRow(cells)) {
      totalsRow = row;
      break;
    }
    rows.push(cells);
    numberFormats.push(formats);
  }
  while (rows.length > 0 && rows[rows.length - 1].every(isBlank)) {
    rows.pop();
    numberFormats.pop();
  }
  const uncalculated: Array<[number, number]> = [];
  for (const [row, col] of grid.uncalculated) {
    if (row >= top && row < top + rows.length && col >= block.left && col <= block.right)
      uncalculated.push([row - top, col - block.left]);
  }
  const table: RawTable = {
    name: block.name,
    sheet: grid.name,
    origin: { row: top - 1, col: block.left },
    headers: block.headers,
    rows,
    numberFormats,
  };
  if (uncalculated.length > 0) table.uncalculated = uncalculated;
  return { table, totalsRow };
}

function lastRowWithValues(grid: SheetGrid): number {
  for (let row = grid.values.length - 1; row >= 0; row--)
    if ((grid.values[row] ?? []).some((value) => !isBlank(value))) return row;
  return -1;
}

function widthOf(grid: SheetGrid): number {
  let width = 0;
  const rows = Math.min(grid.values.length, 200);
  for (let row = 0; row < rows; row++) width = Math.max(width, grid.values[row]?.length ?? 0);
  return width;
}

function tableBlock(grid: SheetGrid, table: GridTable): Block | undefined {
  const ref: CellBlock = table.ref;
  // A table without a header row has nothing to map by.
  if (!table.hasHeaderRow) return undefined;
  const headers: string[] = [];
  for (let col = ref.left; col <= ref.right; col++)
    headers.push(textOf(grid.values[ref.top]?.[col]));
  return {
    name: table.name,
    source: "excelTable",
    headerRows: [ref.top],
    headers,
    left: ref.left,
    right: ref.right,
    bottom: table.hasTotalsRow ? ref.bottom - 1 : ref.bottom,
  };
}

function rangeBlock(grid: SheetGrid): Block | undefined {
  const header = findHeader(grid, widthOf(grid));
  if (!header) return undefined;
  const headerRows = header.rows === 2 ? [header.row - 1, header.row] : [header.row];
  return {
    name: grid.name,
    source: "range",
    headerRows,
    headers: header.headers,
    left: header.left,
    right: header.right,
    bottom: lastRowWithValues(grid),
  };
}

/**
 * Hidden columns of a table: left out (their header blanked, so nothing maps to them)
 * when a visible column holds the same field, used with a warning when none does.
 */
function settleHiddenColumns(
  grid: SheetGrid,
  kind: TableKind,
  found: DiscoveredTable,
  issues: Issue[]
): void {
  const table = found.table;
  const hidden = table.headers
    .map((_, index) => index)
    .filter(
      (index) => grid.hiddenColumns.has(table.origin.col + index) && table.headers[index] !== ""
    );
  if (hidden.length === 0) return;
  const visibleOnly = table.headers.map((header, index) => (hidden.includes(index) ? "" : header));
  const visible = autoMap(kind, visibleOnly).columns;
  const headerRow = table.origin.row;
  const headers = [...visibleOnly];
  for (const index of hidden) {
    const header = table.headers[index];
    const fields = Object.keys(autoMap(kind, [header]).columns);
    if (fields.length === 0) continue;
    const col = table.origin.col + index;
    const letters = columnLetters(col);
    if (fields.every((field) => visible[field] !== undefined)) {
      found.hiddenColumnsIgnored.push(col);
      issues.push(
        makeTableIssue(
          "TABLE_HIDDEN_IGNORED",
          kind,
          grid.name,
          headerRow,
          col,
          `คอลัมน์ ${letters} "${header}" ซ่อนอยู่และมีคอลัมน์ที่มองเห็นได้สำหรับข้อมูลเดียวกัน จึงไม่ใช้คอลัมน์ที่ซ่อน`,
          `column ${letters} "${header}" is hidden and a visible column holds the same field, so the hidden one was left out`
        )
      );
    } else {
      headers[index] = header;
      found.hiddenColumnsUsed.push(col);
      issues.push(
        makeTableIssue(
          "TABLE_HIDDEN_USED",
          kind,
          grid.name,
          headerRow,
          col,
          `ใช้คอลัมน์ ${letters} "${header}" ซึ่งซ่อนอยู่ เพราะไม่มีคอลัมน์ที่มองเห็นได้สำหรับข้อมูลนี้`,
          `column ${letters} "${header}" is hidden; it was used because no visible column holds that field`
        )
      );
    }
  }
  table.headers = headers;
}

function discoverSheet(grid: SheetGrid, issues: Issue[]): DiscoveredTable[] {
  const blocks = (grid.tables ?? [])
    .map((table) => tableBlock(grid, table))
    .filter((block): block is Block => block !== undefined);
  if (blocks.length === 0 && (grid.tables ?? []).length === 0) {
    const block = rangeBlock(grid);
    if (block) blocks.push(block);
  }
  const found: DiscoveredTable[] = [];
  for (const block of blocks) {
    const { table, totalsRow } = readBlock(grid, block);
    const guess = guessKind(table.headers);
    const discovered: DiscoveredTable = {
      table,
      kind: guess.kind,
      source: block.source,
      hiddenSheet: grid.visibility !== "visible",
      score: guess.score,
      headerRows: block.headerRows,
      hiddenColumnsIgnored: [],
      hiddenColumnsUsed: [],
    };
    if (!guess.kind) discovered.skipped = "unrecognised";
    else {
      settleHiddenColumns(grid, guess.kind, discovered, issues);
      if (totalsRow !== undefined) {
        discovered.totalsRow = totalsRow;
        issues.push(
          makeTableIssue(
            "TABLE_TOTALS_SKIPPED",
            guess.kind,
            grid.name,
            totalsRow,
            block.left,
            `แถว ${totalsRow + 1} เป็นแถวผลรวม จึงถือเป็นท้ายตาราง${tableLabel(guess.kind, "th")} (ไม่ตรวจแถวนี้และแถวที่ตามมา)`,
            `row ${totalsRow + 1} is a totals row, so the ${tableLabel(guess.kind, "en")} table ends there (it and the rows below were not checked)`
          )
        );
      }
    }
    found.push(discovered);
  }
  return found;
}

/** Visible before hidden: hidden sheets serve a kind only when no visible sheet does. */
function preferVisible(found: DiscoveredTable[], issues: Issue[]): void {
  for (const kind of TABLE_KINDS) {
    const ofKind = found.filter((entry) => entry.kind === kind && !entry.skipped);
    const anyVisible = ofKind.some((entry) => !entry.hiddenSheet);
    for (const entry of ofKind) {
      if (!entry.hiddenSheet) continue;
      const { sheet, origin } = entry.table;
      const label = { th: tableLabel(kind, "th"), en: tableLabel(kind, "en") };
      if (anyVisible) {
        entry.skipped = "hidden";
        issues.push(
          makeTableIssue(
            "TABLE_HIDDEN_IGNORED",
            kind,
            sheet,
            origin.row,
            origin.col,
            `ชีต "${sheet}" ซ่อนอยู่ จึงไม่ใช้ตาราง${label.th}ในชีตนี้ (ใช้ตารางในชีตที่มองเห็นได้)`,
            `sheet "${sheet}" is hidden, so its ${label.en} table was not used (the visible one was)`
          )
        );
      } else {
        issues.push(
          makeTableIssue(
            "TABLE_HIDDEN_USED",
            kind,
            sheet,
            origin.row,
            origin.col,
            `ใช้ตาราง${label.th}ในชีต "${sheet}" ซึ่งซ่อนอยู่ เพราะไม่มีชีตที่มองเห็นได้ที่มีตารางนี้`,
            `the ${label.en} table on sheet "${sheet}" was used although the sheet is hidden: no visible sheet holds one`
          )
        );
      }
    }
  }
}

/** The tables of a workbook's sheets, with evidence and issues. Never throws on content. */
export function discoverTables(grids: readonly SheetGrid[]): Discovery {
  const issues: Issue[] = [];
  const found: DiscoveredTable[] = [];
  const sheetsWithoutTables: string[] = [];
  const ordered = [...(Array.isArray(grids) ? grids : [])].sort((a, b) => a.index - b.index);
  for (const grid of ordered) {
    const entries = discoverSheet(grid, issues);
    for (const entry of entries) found.push(entry);
    if (entries.length === 0 && lastRowWithValues(grid) >= 0) sheetsWithoutTables.push(grid.name);
  }
  preferVisible(found, issues);
  const byKind: Record<TableKind, RawTable[]> = { projects: [], rounds: [], indicators: [] };
  for (const entry of found) if (entry.kind && !entry.skipped) byKind[entry.kind].push(entry.table);
  return { found, byKind, issues, sheetsWithoutTables };
}
