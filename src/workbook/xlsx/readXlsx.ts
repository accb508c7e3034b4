/**
 * Reads an .xlsx file into the domain's RawTables, for the Node CLI: the file's bytes go
 * through the streaming grid reader (grids.ts, which also runs in the browser), then every
 * Excel table, and every sheet without tables whose first non-blank row looks like a
 * header, becomes a RawTable. (Table discovery proper replaces that rule.) Values arrive as
 * Office.js would give them: dates as Excel serials, formulas as their cached results, rich
 * text as text, error values as "#N/A"-style text. Node only (reads the file from disk).
 */
import { readFile, stat } from "node:fs/promises";
import type { CellBlock, SheetGrid } from "../../domain/grid";
import type { CellValue, Lang, RawTable } from "../../domain/types";
import { readWorkbookGrids } from "./grids";
import { unreadableMessage, WorkbookReadError, type UnreadableKind } from "./unreadable";

/** Why a file could not be read, in one line (Thai and English), for the CLI. */
export class XlsxReadError extends Error {
  constructor(
    readonly kind: UnreadableKind,
    readonly file: string
  ) {
    super(unreadableMessage(kind, file).en);
    this.name = "XlsxReadError";
  }

  text(lang: Lang): string {
    return unreadableMessage(this.kind, this.file)[lang];
  }
}

function fileErrorKind(error: unknown): UnreadableKind | undefined {
  const code =
    typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "ENOENT" || code === "ENOTDIR") return "not-found";
  if (code === "EISDIR") return "directory";
  if (code === "EACCES" || code === "EPERM") return "no-permission";
  return undefined;
}

/** Reads an .xlsx file's sheets; throws XlsxReadError when it cannot. */
export async function readXlsxGrids(
  source: string | Uint8Array | ArrayBuffer,
  label = typeof source === "string" ? source : "the workbook"
): Promise<SheetGrid[]> {
  let bytes: Uint8Array | ArrayBuffer;
  if (typeof source === "string") {
    try {
      if ((await stat(source)).isDirectory()) throw new XlsxReadError("directory", label);
      bytes = await readFile(source);
    } catch (error) {
      if (error instanceof XlsxReadError) throw error;
      throw new XlsxReadError(fileErrorKind(error) ?? "damaged", label);
    }
  } else bytes = source;
  try {
    return await readWorkbookGrids(bytes);
  } catch (error) {
    throw new XlsxReadError(WorkbookReadError.from(error).kind, label);
  }
}

function isBlankValue(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

interface Block extends CellBlock {
  name: string;
}

/** Reads a rectangle (zero-based, inclusive): the first row is the header. */
function readBlock(grid: SheetGrid, block: Block): RawTable {
  const headerRow = grid.values[block.top] ?? [];
  const headers: string[] = [];
  for (let col = block.left; col <= block.right; col++) {
    const value = headerRow[col];
    headers.push(value === null || value === undefined ? "" : String(value));
  }
  const rows: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let row = block.top + 1; row <= block.bottom; row++) {
    const cells = grid.values[row] ?? [];
    const formatCells = grid.numberFormats[row] ?? [];
    const values: CellValue[] = [];
    const formats: string[] = [];
    for (let col = block.left; col <= block.right; col++) {
      values.push(cells[col] ?? null);
      formats.push(formatCells[col] ?? "");
    }
    rows.push(values);
    numberFormats.push(formats);
  }
  // Trailing blank rows are not data.
  while (rows.length > 0 && rows[rows.length - 1].every(isBlankValue)) {
    rows.pop();
    numberFormats.pop();
  }
  return {
    name: block.name,
    sheet: grid.name,
    origin: { row: block.top, col: block.left },
    headers,
    rows,
    numberFormats,
  };
}

function tableBlocks(grid: SheetGrid): Block[] {
  const blocks: Block[] = [];
  for (const table of grid.tables) {
    // A table without a header row has nothing to map by.
    if (!table.hasHeaderRow) continue;
    const bottom = table.hasTotalsRow ? table.ref.bottom - 1 : table.ref.bottom;
    blocks.push({ name: table.name, ...table.ref, bottom: Math.max(bottom, table.ref.top) });
  }
  return blocks;
}

/** A sheet without tables: its first non-blank row, if it reads as a header (at least two
 * cells, all text), heads a block down to the last row with a value. */
function plainBlock(grid: SheetGrid): Block | undefined {
  let header: { row: number; left: number; right: number } | undefined;
  let bottom = -1;
  for (let row = 0; row < grid.values.length; row++) {
    const cells = grid.values[row] ?? [];
    let count = 0;
    let allText = true;
    let left = -1;
    let right = -1;
    for (let col = 0; col < cells.length; col++) {
      const value = cells[col];
      if (isBlankValue(value)) continue;
      count += 1;
      if (typeof value !== "string") allText = false;
      if (left < 0) left = col;
      right = col;
    }
    if (count === 0) continue;
    if (!header) {
      if (count < 2 || !allText) return undefined;
      header = { row, left, right };
    }
    bottom = row;
  }
  if (!header) return undefined;
  return { name: grid.name, top: header.row, left: header.left, right: header.right, bottom };
}

/** The RawTables of a workbook's sheets, sheet by sheet, tables in file order. */
export function rawTablesOfGrids(grids: readonly SheetGrid[]): RawTable[] {
  const tables: RawTable[] = [];
  for (const grid of grids) {
    const blocks = tableBlocks(grid);
    if (blocks.length === 0) {
      const block = plainBlock(grid);
      if (block) blocks.push(block);
    }
    for (const block of blocks) tables.push(readBlock(grid, block));
  }
  return tables;
}

/** Reads an .xlsx file (path or bytes) into RawTables; throws XlsxReadError, with a one-line
 * reason, when it cannot. */
export async function readXlsxTables(
  source: string | Uint8Array | ArrayBuffer
): Promise<RawTable[]> {
  return rawTablesOfGrids(await readXlsxGrids(source));
}
