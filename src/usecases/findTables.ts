/**
 * Which tables a workbook holds, found in its sheets by table discovery: the rule the
 * `kaona` command follows on a file, and the task pane on a sheet it reads as a grid (to
 * suggest converting a plain range to a table). Every table of a kind is used; see
 * src/domain/discovery and docs/reading-workbooks.md.
 */
import { discoverTables, type Discovery } from "../domain/discovery";
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
