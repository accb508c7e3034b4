/**
 * The CLI's way to a workbook's tables: read the file into sheet grids, then let table
 * discovery find every Projects, Rounds and Indicators table (the same discovery the task
 * pane uses). One place, so `check` and `report` find the same tables.
 */
import { discoverTables, type Discovery } from "../domain/discovery";
import type { RawTable, TableKind } from "../domain/types";
import { readXlsxGrids } from "../workbook/xlsx/readXlsx";

/** Reads and discovers; throws the reader's XlsxReadError when the file cannot be read. */
export async function discoverWorkbook(file: string): Promise<Discovery> {
  return discoverTables(await readXlsxGrids(file));
}

/** The tables to check, per kind (a kind without tables left out). */
export function tablesToCheck(
  discovery: Discovery
): Partial<Record<TableKind, readonly RawTable[]>> {
  const used: Partial<Record<TableKind, readonly RawTable[]>> = {};
  for (const [kind, tables] of Object.entries(discovery.byKind) as [TableKind, RawTable[]][])
    if (tables.length > 0) used[kind] = tables;
  return used;
}
