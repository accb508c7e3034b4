/**
 * Reading worksheets as `SheetGrid`s for table discovery (the pane's "which tables does
 * this workbook hold, and where is the header of a plain range"): each sheet's used range
 * (values only) with its values and number formats, its visibility and position, the Excel
 * tables on it, its hidden columns and rows and the merged areas of its first rows.
 *
 * Round trips, whatever the number of sheets and rows:
 * 1. the sheets (name, visibility, position), the tables (name, header/totals shown) and
 *    the calculation mode;
 * 2. each sheet's used range (address, and whether none, some or all of its rows and
 *    columns are hidden), the merged areas of its header rows (ExcelApi 1.13, where the
 *    host has it), each table's address and sheet;
 * 3.–5. only when some sheet has some (not all, not none) hidden columns or rows: each
 *    such column's flag, and rows narrowed down in blocks (256, 16, 1 rows), one sync a
 *    level (see readHidden);
 * then the cells in row windows, several per sync within the 4 MB budget, sized from the
 * bytes measured (windowedReads.ts): one sync for usual workbooks, more only with size.
 *
 * A formula "not calculated" exists in Excel only while calculation is manual: a formula
 * cell whose value is empty then (formulas are read only in that mode).
 */
import { cornersOf, parseRange, rangeAddress, type RangeRef } from "../../domain/a1";
import { HEADER_SCAN_ROWS } from "../../domain/discovery/header";
import type { CellBlock, GridTable, SheetGrid, SheetVisibility } from "../../domain/grid";
import type { CellValue } from "../../domain/types";
import { jsonBytes } from "../payload";
import type { Budget } from "./batches";
import { readRowWindows, type WindowJob } from "./windowedReads";

/** Rows whose hidden flag one range load answers for, before narrowing down. */
export const ROW_BLOCK = 256;
/** Hidden-flag probes per sync (each a range and a load: ~300 request bytes). */
const PROBES_PER_SYNC = 5_000;
/** First guess of a cell's response bytes (values + number format), until measured. */
const GUESS_BYTES_PER_CELL = 48;
/** Rows below the header scan whose merges still count (a header merged down into them). */
const MERGE_ROWS = HEADER_SCAN_ROWS + 2;

export interface SheetGridOptions {
  /** Whether the host has ExcelApi 1.13 (Range.getMergedAreasOrNullObject). */
  mergedAreas: boolean;
}

interface SheetRead {
  sheet: Excel.Worksheet;
  name: string;
  index: number;
  visibility: SheetVisibility;
  used: Excel.Range;
  merges?: Excel.RangeAreas;
}

interface Cells {
  rect: RangeRef;
  values: CellValue[][];
  numberFormats: (string | undefined)[][];
  uncalculated: Array<[number, number]>;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
}

function visibilityOf(value: string): SheetVisibility {
  if (value === "Hidden") return "hidden";
  if (value === "VeryHidden") return "veryHidden";
  return "visible";
}

function withoutSheet(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/** "Sheet1!A1:C1, Sheet1!A3:A4" → the areas' blocks. */
function mergedBlocks(areas: Excel.RangeAreas | undefined): CellBlock[] {
  if (!areas || areas.isNullObject) return [];
  const blocks: CellBlock[] = [];
  for (const part of areas.address.split(",")) {
    const rect = parseRange(withoutSheet(part.trim()));
    if (rect && (rect.rows > 1 || rect.cols > 1)) blocks.push(cornersOf(rect));
  }
  return blocks;
}

function cellValue(value: unknown): CellValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}

/** The job that reads a used range's values and number formats (and formulas) into `cells`. */
function cellsJob(
  context: Excel.RequestContext,
  sheet: string,
  cells: Cells,
  formulas: boolean
): WindowJob {
  const { rect } = cells;
  return {
    rect,
    pending: [[0, rect.rows]],
    bytesPerRow: rect.cols * GUESS_BYTES_PER_CELL,
    range: (r) => context.workbook.worksheets.getItem(sheet).getRange(rangeAddress(r)),
    props: formulas ? "values,numberFormat,formulas" : "values,numberFormat",
    take: (offset, range) => {
      const values = range.values;
      const formats = range.numberFormat;
      const texts = formulas ? range.formulas : undefined;
      values.forEach((line, i) => {
        const row = rect.row + offset + i;
        const valueRow: CellValue[] = (cells.values[row] = new Array<CellValue>(rect.col));
        const formatRow: (string | undefined)[] = (cells.numberFormats[row] = new Array<
          string | undefined
        >(rect.col));
        line.forEach((value, j) => {
          valueRow.push(cellValue(value));
          const format = formats[i]?.[j];
          formatRow.push(typeof format === "string" ? format : undefined);
          const text = texts?.[i]?.[j];
          if (typeof text === "string" && text.startsWith("=") && value === "")
            cells.uncalculated.push([row, rect.col + j]);
        });
      });
      return jsonBytes(values) + jsonBytes(formats) + (texts ? jsonBytes(texts) : 0);
    },
  };
}

/** A block of rows (or one column) whose hidden flag is asked. */
interface Probe {
  cells: Cells;
  axis: "row" | "column";
  /** Zero-based sheet row or column of the block's first. */
  first: number;
  count: number;
  range?: Excel.Range;
}

function markHidden(probe: Probe): void {
  const set = probe.axis === "row" ? probe.cells.hiddenRows : probe.cells.hiddenColumns;
  for (let i = 0; i < probe.count; i++) set.add(probe.first + i);
}

/** `count` items from `first` in blocks of `size`. */
function blocks(cells: Cells, axis: Probe["axis"], first: number, count: number, size: number) {
  const out: Probe[] = [];
  for (let at = 0; at < count; at += size)
    out.push({ cells, axis, first: first + at, count: Math.min(size, count - at) });
  return out;
}

/** The first probes of a sheet: all hidden or none settle at once; some hidden columns are
 * asked one by one, some hidden rows block by block. */
function firstProbes(read: SheetRead, cells: Cells): Probe[] {
  const { rect } = cells;
  const probes: Probe[] = [];
  const columnHidden = read.used.columnHidden as boolean | null;
  const rowHidden = read.used.rowHidden as boolean | null;
  const all = (axis: Probe["axis"], first: number, count: number) =>
    markHidden({ cells, axis, first, count });
  if (columnHidden === true) all("column", rect.col, rect.cols);
  else if (columnHidden === null) probes.push(...blocks(cells, "column", rect.col, rect.cols, 1));
  if (rowHidden === true) all("row", rect.row, rect.rows);
  else if (rowHidden === null) probes.push(...blocks(cells, "row", rect.row, rect.rows, ROW_BLOCK));
  return probes;
}

/**
 * The hidden columns and rows of sheets where some (not all, not none) are hidden: every
 * such column's flag, then rows narrowed down level by level (blocks of 256 rows, of 16,
 * then single rows, each level asking only inside the blocks found partly hidden): at most
 * three syncs, more only past PROBES_PER_SYNC probes a level (a sheet with thousands of
 * separately hidden rows, e.g. a filter).
 */
async function readHidden(
  context: Excel.RequestContext,
  reads: readonly { read: SheetRead; cells: Cells }[]
): Promise<void> {
  let probes = reads.flatMap(({ read, cells }) => firstProbes(read, cells));
  const sheets = new Map(reads.map(({ read, cells }) => [cells, read.sheet]));
  while (probes.length > 0) {
    const next: Probe[] = [];
    for (let at = 0; at < probes.length; at += PROBES_PER_SYNC) {
      const chunk = probes.slice(at, at + PROBES_PER_SYNC);
      for (const probe of chunk) {
        const sheet = sheets.get(probe.cells) as Excel.Worksheet;
        const { first, count } = probe;
        probe.range =
          probe.axis === "row"
            ? sheet.getRange(`${first + 1}:${first + count}`)
            : sheet.getRange(rangeAddress({ ...probe.cells.rect, col: first, cols: 1 }));
        probe.range.load(probe.axis === "row" ? "rowHidden" : "columnHidden");
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per level of narrowing (at most three), or per PROBES_PER_SYNC probes
      await context.sync();
      for (const probe of chunk) {
        const range = probe.range as Excel.Range;
        const hidden = (probe.axis === "row" ? range.rowHidden : range.columnHidden) as
          boolean | null;
        if (hidden === true) markHidden(probe);
        else if (hidden === null && probe.count > 1)
          next.push(
            ...blocks(
              probe.cells,
              probe.axis,
              probe.first,
              probe.count,
              Math.ceil(probe.count / 16)
            )
          );
      }
    }
    probes = next;
  }
}

/** Sync 2's reads of one sheet. */
function queueSheet(sheet: Excel.Worksheet, options: SheetGridOptions): SheetRead {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address,rowHidden,columnHidden");
  let merges: Excel.RangeAreas | undefined;
  if (options.mergedAreas) {
    merges = sheet.getRange(`1:${MERGE_ROWS}`).getMergedAreasOrNullObject();
    merges.load("address");
  }
  return {
    sheet,
    name: sheet.name,
    index: sheet.position,
    visibility: visibilityOf(sheet.visibility),
    used,
    merges,
  };
}

/**
 * The grids of the named sheets (every sheet when `names` is undefined), in workbook order.
 * A name that is no sheet is left out.
 */
export async function readSheetGrids(
  context: Excel.RequestContext,
  names: readonly string[] | undefined,
  budget: Budget,
  options: SheetGridOptions
): Promise<SheetGrid[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/position");
  const tables = context.workbook.tables;
  tables.load("items/name,items/showHeaders,items/showTotals");
  const application = context.workbook.application;
  application.load("calculationMode");
  await context.sync();

  const wanted = names && new Set(names.map((n) => n.toLowerCase()));
  const reads = worksheets.items
    .filter((sheet) => !wanted || wanted.has(sheet.name.toLowerCase()))
    .map((sheet) => queueSheet(sheet, options));
  const tableReads = tables.items.map((table) => {
    const range = table.getRange();
    range.load("address");
    return { table, range };
  });
  await context.sync();

  const formulas = application.calculationMode === "Manual";
  const withCells = reads.flatMap((read) => {
    if (read.used.isNullObject) return [];
    const rect = parseRange(withoutSheet(read.used.address));
    if (!rect) return [];
    const cells: Cells = {
      rect,
      values: [],
      numberFormats: [],
      uncalculated: [],
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
    };
    return [{ read, cells }];
  });
  await readHidden(context, withCells);
  await readRowWindows(
    context,
    withCells.map(({ read, cells }) => cellsJob(context, read.name, cells, formulas)),
    budget
  );

  return reads
    .map((read): SheetGrid => {
      const cells = withCells.find((w) => w.read === read)?.cells;
      const values = cells?.values ?? [];
      const numberFormats = cells?.numberFormats ?? [];
      for (let row = 0; row < values.length; row++) {
        values[row] ??= [];
        numberFormats[row] ??= [];
      }
      const own: GridTable[] = tableReads
        .filter(({ range }) => sheetMatches(range.address, read.name))
        .flatMap(({ table, range }) => {
          const rect = parseRange(withoutSheet(range.address));
          return rect
            ? [
                {
                  name: table.name,
                  ref: cornersOf(rect),
                  hasHeaderRow: table.showHeaders,
                  hasTotalsRow: table.showTotals,
                },
              ]
            : [];
        });
      return {
        name: read.name,
        index: read.index,
        visibility: read.visibility,
        values,
        numberFormats,
        uncalculated: cells?.uncalculated ?? [],
        merges: mergedBlocks(read.merges),
        hiddenRows: cells?.hiddenRows ?? new Set(),
        hiddenColumns: cells?.hiddenColumns ?? new Set(),
        tables: own,
      };
    })
    .sort((a, b) => a.index - b.index);
}

/** Whether an address ("'My sheet'!A1:B2") is on the sheet named `name`. */
function sheetMatches(address: string, name: string): boolean {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return false;
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheet.toLowerCase() === name.toLowerCase();
}
