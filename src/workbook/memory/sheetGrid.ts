/**
 * A memory sheet as a `SheetGrid`, for table discovery in the task pane (the grid a file
 * reader gives the command). No calculation engine here: a formula cell holds what the
 * layout said it shows, or counts as never calculated.
 */
import { cornersOf, type RangeRef } from "../../domain/a1";
import type { GridTable, SheetGrid, SheetVisibility } from "../../domain/grid";
import type { CellValue } from "../../domain/types";
import type { CellGrid } from "../cellGrid";
import type { CellContent } from "../cellContent";

export interface GridSource {
  name: string;
  index: number;
  cells: CellGrid<{
    content: CellContent;
    numberFormat?: string;
    shown?: string | number | boolean;
  }>;
  merges: readonly RangeRef[];
  hiddenColumns: ReadonlySet<number>;
  hiddenRows?: ReadonlySet<number>;
  visibility?: SheetVisibility;
  tables: readonly { name: string; rect: RangeRef }[];
}

export function gridOfMemorySheet(source: GridSource): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  const uncalculated: Array<[number, number]> = [];
  for (const [row, col, cell] of source.cells.entries()) {
    const content = cell.content;
    let value: CellValue = content === "" ? null : content;
    if (typeof content === "string" && content.startsWith("=")) {
      value = cell.shown ?? null;
      if (cell.shown === undefined) uncalculated.push([row, col]);
    }
    (values[row] ??= [])[col] = value;
    (numberFormats[row] ??= [])[col] = cell.numberFormat;
  }
  for (let row = 0; row < values.length; row++) {
    values[row] ??= [];
    numberFormats[row] ??= [];
  }
  const tables: GridTable[] = source.tables.map((table) => ({
    name: table.name,
    ref: cornersOf(table.rect),
    hasHeaderRow: true,
    hasTotalsRow: false,
  }));
  return {
    name: source.name,
    index: source.index,
    visibility: source.visibility ?? "visible",
    values,
    numberFormats,
    uncalculated,
    merges: source.merges.map(cornersOf),
    hiddenRows: new Set(source.hiddenRows ?? []),
    hiddenColumns: new Set(source.hiddenColumns),
    tables,
  };
}
