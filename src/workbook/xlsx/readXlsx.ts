/**
 * Reads an .xlsx file with ExcelJS into the domain's RawTables, for the Node CLI: every
 * Excel table, and every sheet without tables whose first non-blank row looks like a
 * header. Values arrive as Office.js would give them: dates as Excel serials, formulas
 * as their cached results, rich text as text, error values as "#N/A"-style text.
 * Node only (ExcelJS reads the file from disk).
 */
import { stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import { toExcelSerial } from "../../domain/dates";
import type { SheetGrid } from "../../domain/grid";
import type { CellValue, RawTable } from "../../domain/types";
import { gridsOfWorkbook } from "./exceljsGrids";

/** Why a file could not be read, in one line, for the CLI. */
export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

const MS_PER_DAY = 86_400_000;

/** A JavaScript Date (ExcelJS reads date cells as UTC midnight plus the time) → serial. */
function serialOfDate(date: Date): CellValue {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const day = toExcelSerial(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  if (Number.isNaN(day)) return date.toISOString();
  const fraction =
    (time - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())) / MS_PER_DAY;
  return fraction === 0 ? day : day + fraction;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function richTextOf(value: unknown): string | undefined {
  if (!isRecord(value) || !Array.isArray(value.richText)) return undefined;
  return value.richText
    .map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : ""))
    .join("");
}

/** An ExcelJS cell value → what Office.js `Range.values` would hold. */
export function cellValueOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return value;
  if (value instanceof Date) return serialOfDate(value);
  if (!isRecord(value)) return null;
  if ("error" in value) return typeof value.error === "string" ? value.error : "#VALUE!";
  const rich = richTextOf(value);
  if (rich !== undefined) return rich;
  if ("formula" in value || "sharedFormula" in value)
    return "result" in value ? cellValueOf(value.result) : null;
  // Hyperlinks: the text shown (itself plain or rich).
  if ("text" in value)
    return typeof value.text === "string" ? value.text : (richTextOf(value.text) ?? null);
  return null;
}

/** "B3:D5" → zero-based corners. */
function parseRef(
  ref: string
): { top: number; left: number; bottom: number; right: number } | undefined {
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

interface Block {
  name: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Reads a rectangle (zero-based, inclusive): the first row is the header. `find…`
 * rather than `get…`: reading must not create the cells it looks at. */
function readBlock(sheet: ExcelJS.Worksheet, block: Block): RawTable {
  const headers: string[] = [];
  const rows: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const header = sheet.findRow(block.top + 1);
  for (let col = block.left; col <= block.right; col++) {
    const value = cellValueOf(header?.findCell(col + 1)?.value);
    headers.push(value === null || value === undefined ? "" : String(value));
  }
  for (let row = block.top + 1; row <= block.bottom; row++) {
    const sheetRow = sheet.findRow(row + 1);
    const values: CellValue[] = [];
    const formats: string[] = [];
    for (let col = block.left; col <= block.right; col++) {
      const found = sheetRow?.findCell(col + 1);
      values.push(cellValueOf(found?.value));
      const format: unknown = found?.numFmt;
      formats.push(typeof format === "string" ? format : "");
    }
    rows.push(values);
    numberFormats.push(formats);
  }
  return {
    name: block.name,
    sheet: sheet.name,
    origin: { row: block.top, col: block.left },
    headers,
    rows,
    numberFormats,
  };
}

interface TableModel {
  name?: unknown;
  tableRef?: unknown;
  ref?: unknown;
  totalsRow?: unknown;
  headerRow?: unknown;
}

/** ExcelJS keeps a loaded table's model on `.table` (typings say otherwise). */
function tableModels(sheet: ExcelJS.Worksheet): TableModel[] {
  const tables: unknown[] = Object.values(
    (sheet as unknown as { tables?: Record<string, unknown> }).tables ?? {}
  );
  return tables.map((table) => {
    if (!isRecord(table)) return {};
    const model = isRecord(table.table) ? table.table : isRecord(table.model) ? table.model : table;
    return model as TableModel;
  });
}

function tableBlocks(sheet: ExcelJS.Worksheet): Block[] {
  const blocks: Block[] = [];
  for (const model of tableModels(sheet)) {
    const ref =
      typeof model.tableRef === "string"
        ? model.tableRef
        : typeof model.ref === "string"
          ? model.ref
          : "";
    const corners = parseRef(ref);
    // A table without a header row has nothing to map by.
    if (!corners || model.headerRow === false) continue;
    const bottom = model.totalsRow === true ? corners.bottom - 1 : corners.bottom;
    blocks.push({
      name: typeof model.name === "string" ? model.name : sheet.name,
      ...corners,
      bottom: Math.max(bottom, corners.top),
    });
  }
  return blocks;
}

function isBlankValue(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

/** A sheet without tables: its first non-blank row, if it reads as a header (at least two
 * cells, all text), heads a block down to the last row with a value. */
function plainBlock(sheet: ExcelJS.Worksheet): Block | undefined {
  let headerRow = -1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  let bottom = -1;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: { col: number; value: CellValue }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = cellValueOf(cell.value);
      if (!isBlankValue(value)) values.push({ col: colNumber - 1, value });
    });
    if (values.length === 0) return;
    if (headerRow < 0) {
      if (values.length < 2 || !values.every((entry) => typeof entry.value === "string")) {
        headerRow = Number.NaN;
        return;
      }
      headerRow = rowNumber - 1;
      left = values[0].col;
      right = values[values.length - 1].col;
    }
    if (Number.isNaN(headerRow)) return;
    bottom = rowNumber - 1;
  });
  if (!(headerRow >= 0)) return undefined;
  return { name: sheet.name, top: headerRow, left, bottom, right };
}

/** The RawTables of a loaded workbook, sheet by sheet, tables in file order. */
export function rawTablesOfWorkbook(workbook: ExcelJS.Workbook): RawTable[] {
  const tables: RawTable[] = [];
  for (const sheet of workbook.worksheets) {
    const blocks = tableBlocks(sheet);
    if (blocks.length === 0) {
      const block = plainBlock(sheet);
      if (block) blocks.push(block);
    }
    for (const block of blocks) {
      const table = readBlock(sheet, block);
      // Trailing blank rows are not data.
      while (table.rows.length > 0 && table.rows[table.rows.length - 1].every(isBlankValue)) {
        table.rows.pop();
        table.numberFormats?.pop();
      }
      tables.push(table);
    }
  }
  return tables;
}

function reasonOf(error: unknown, source: string): string {
  const code = isRecord(error) && typeof error.code === "string" ? error.code : "";
  if (code === "ENOENT") return `file not found: ${source}`;
  if (code === "EISDIR") return `${source} is a directory, not a workbook`;
  if (code === "EACCES" || code === "EPERM") return `permission denied: ${source}`;
  const message = error instanceof Error ? error.message : String(error);
  if (/central directory|zip|signature|corrupted|invalid/i.test(message)) {
    return `${source} is not a readable .xlsx workbook (damaged, encrypted or another format)`;
  }
  return `${source} could not be read: ${message.split("\n")[0]}`;
}

/** Reads an .xlsx file (path or bytes) into sheet grids for table discovery; throws
 * XlsxReadError, with a one-line reason, when it cannot. */
export async function readXlsxGrids(source: string | Buffer | ArrayBuffer): Promise<SheetGrid[]> {
  const workbook = await loadWorkbook(source);
  try {
    return gridsOfWorkbook(workbook);
  } catch (error) {
    throw new XlsxReadError(
      `${typeof source === "string" ? source : "the workbook"} could not be read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`
    );
  }
}

async function loadWorkbook(source: string | Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const label = typeof source === "string" ? source : "the workbook";
  try {
    if (typeof source === "string") {
      if ((await stat(source)).isDirectory())
        throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
      await workbook.xlsx.readFile(source);
    } else await workbook.xlsx.load(source as ArrayBuffer);
  } catch (error) {
    throw new XlsxReadError(reasonOf(error, label));
  }
  return workbook;
}

/** Reads an .xlsx file (path or bytes) into RawTables; throws XlsxReadError, with a one-line
 * reason, when it cannot. */
export async function readXlsxTables(source: string | Buffer | ArrayBuffer): Promise<RawTable[]> {
  const workbook = new ExcelJS.Workbook();
  const label = typeof source === "string" ? source : "the workbook";
  try {
    if (typeof source === "string") {
      if ((await stat(source)).isDirectory())
        throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
      await workbook.xlsx.readFile(source);
    } else await workbook.xlsx.load(source as ArrayBuffer);
  } catch (error) {
    throw new XlsxReadError(reasonOf(error, label));
  }
  try {
    return rawTablesOfWorkbook(workbook);
  } catch (error) {
    throw new XlsxReadError(
      `${label} could not be read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`
    );
  }
}
