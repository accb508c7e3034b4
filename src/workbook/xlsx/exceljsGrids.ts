/**
 * A loaded ExcelJS workbook → the `SheetGrid`s table discovery reads: values as Office.js
 * gives them (via `cellValueOf`), number formats, hidden sheets and columns, merges,
 * formulas without a cached value, and Excel tables. Node only.
 */
import type ExcelJS from "exceljs";
import type { CellBlock, GridTable, SheetGrid, SheetVisibility } from "../../domain/grid";
import type { CellValue } from "../../domain/types";
import { cellValueOf } from "./readXlsx";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** "B3:D5" → zero-based corners. */
export function blockOfRef(ref: string): CellBlock | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!match) return undefined;
  const col = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(match[2]) - 1;
  const left = col(match[1]);
  const bottom = match[4] ? Number(match[4]) - 1 : top;
  const right = match[3] ? col(match[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

function tablesOf(sheet: ExcelJS.Worksheet): GridTable[] {
  const tables: unknown[] = Object.values(
    (sheet as unknown as { tables?: Record<string, unknown> }).tables ?? {}
  );
  const found: GridTable[] = [];
  for (const entry of tables) {
    if (!isRecord(entry)) continue;
    const model = isRecord(entry.table) ? entry.table : isRecord(entry.model) ? entry.model : entry;
    const ref =
      typeof model.tableRef === "string"
        ? model.tableRef
        : typeof model.ref === "string"
          ? model.ref
          : "";
    const block = blockOfRef(ref);
    if (!block) continue;
    found.push({
      name: typeof model.name === "string" ? model.name : sheet.name,
      ref: block,
      hasHeaderRow: model.headerRow !== false,
      hasTotalsRow: model.totalsRow === true,
    });
  }
  return found;
}

function visibilityOf(state: unknown): SheetVisibility {
  return state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
}

/** One worksheet as a grid. */
export function gridOfSheet(sheet: ExcelJS.Worksheet, index: number): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  const uncalculated: Array<[number, number]> = [];
  const hiddenRows = new Set<number>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.add(r);
    const line: CellValue[] = (values[r] = []);
    const formats: (string | undefined)[] = (numberFormats[r] = []);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // As in Office.js, a merged area's value is in its top-left cell only.
      if (cell.isMerged && cell.master !== cell) return;
      const raw: unknown = cell.value;
      line[c] = cellValueOf(raw);
      const format: unknown = cell.numFmt;
      formats[c] = typeof format === "string" ? format : undefined;
      if (
        isRecord(raw) &&
        ("formula" in raw || "sharedFormula" in raw) &&
        (!("result" in raw) || raw.result === undefined)
      )
        uncalculated.push([r, c]);
    });
  });
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    numberFormats[r] ??= [];
  }
  const hiddenColumns = new Set<number>();
  const columnCount = Math.max(sheet.columnCount, 0);
  for (let c = 1; c <= columnCount; c++) if (sheet.getColumn(c).hidden) hiddenColumns.add(c - 1);
  const merges: CellBlock[] = [];
  const mergeRefs: unknown = (sheet.model as unknown as { merges?: unknown }).merges;
  if (Array.isArray(mergeRefs))
    for (const ref of mergeRefs) {
      const block = typeof ref === "string" ? blockOfRef(ref) : undefined;
      if (block) merges.push(block);
    }
  return {
    name: sheet.name,
    index,
    visibility: visibilityOf(sheet.state),
    values,
    numberFormats,
    uncalculated,
    merges,
    hiddenRows,
    hiddenColumns,
    tables: tablesOf(sheet),
  };
}

/** A loaded workbook's sheets as grids, in workbook order. */
export function gridsOfWorkbook(workbook: ExcelJS.Workbook): SheetGrid[] {
  return workbook.worksheets.map((sheet, index) => gridOfSheet(sheet, index));
}
