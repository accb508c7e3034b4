/**
 * Which tables a workbook holds, found in its sheets by table discovery: the rule the
 * `kaona` command follows on a file, and the task pane on a sheet it reads as a grid (to
 * suggest converting a plain range to a table). Every table of a kind is used; see
 * src/domain/discovery and docs/reading-workbooks.md.
 */
import { rangeAddress } from "../domain/a1";
import { discoverTables, type DiscoveredTable, type Discovery } from "../domain/discovery";
import type { SheetGrid } from "../domain/grid";
import type { RawTable, TableKind } from "../domain/types";

export interface FoundTables {
  discovery: Discovery;
  /** The tables to check, per kind (kinds without a table left out). */
  used: Partial<Record<TableKind, readonly RawTable[]>>;
}

export function findTables(grids: readonly SheetGrid[]): FoundTables {
  const discovery = discoverTables(grids);
  const used: Partial<Record<TableKind, readonly RawTable[]>> = {};
  for (const [kind, tables] of Object.entries(discovery.byKind) as [TableKind, RawTable[]][])
    if (tables.length > 0) used[kind] = tables;
  return { discovery, used };
}

/** A plain range the pane may offer to convert to a table of `kind`. */
export interface TableSuggestion {
  kind: TableKind;
  sheet: string;
  /** A1 range of the header's last row and the data below it, e.g. "A4:G12". */
  address: string;
  /** 1-based sheet rows of the header (two for a grouped header). */
  headerRows: number[];
  /** The header texts as discovery read them (a grouped header combined). */
  headers: string[];
}

function addressOf(entry: DiscoveredTable): string {
  const { origin, headers, rows } = entry.table;
  return rangeAddress({
    row: origin.row,
    col: origin.col,
    rows: rows.length + 1,
    cols: Math.max(headers.length, 1),
  });
}

/** The plain ranges (not yet Excel tables) that hold a table of a known kind: what the
 * pane suggests converting, found by the same discovery as the command's. */
export function suggestTables(grids: readonly SheetGrid[]): TableSuggestion[] {
  return discoverTables(grids)
    .found.filter((entry) => entry.source === "range" && entry.kind && !entry.skipped)
    .map((entry) => ({
      kind: entry.kind as TableKind,
      sheet: entry.table.sheet,
      address: addressOf(entry),
      headerRows: entry.headerRows.map((row) => row + 1),
      headers: entry.table.headers,
    }));
}
