/**
 * "Combine workbooks" in the task pane: what appending other units' workbooks into this
 * workbook's bound tables would do, before anything is written. The rules are `kaona
 * merge`'s (src/domain/merge.ts), with this workbook's bound tables as the first source:
 *
 * - a row whose key (project code; code and round; code and indicator) is already in the
 *   workbook with every value the same is "already there" and not added; with other values
 *   it is a conflict, listed with both places, and not added (the workbook's row stays, as
 *   the Import page never overwrites);
 * - a key from two chosen files with every value the same is added once; with other values
 *   both rows are added, as `kaona merge` keeps them, and the conflict names both places
 *   (the check then reports the duplicate key until the person keeps the right one);
 * - each file's tables are found as `kaona check` finds them (discovery, then
 *   `chooseTables`); a file that cannot be read, or holds none of the three tables, is listed
 *   with why and does not stop the others.
 *
 * Pure: the caller reads the files and the bound tables, and writes the rows.
 */
import { SOURCE_HEADERS, TableMerger, type RowSource } from "../domain/merge";
import { fieldsOf, TABLE_KINDS } from "../domain/schema";
import { normalizeForMatch } from "../domain/text";
import type { CellValue, LocalizedText, RawTable, TableKind } from "../domain/types";
import { chooseTables } from "./chooseTables";

/** The `file` of the rows already in this workbook (chosen files always have a name). */
export const THIS_WORKBOOK = "";

/** One chosen file: its tables as discovery found them, or why it could not be read. */
export type CombineInput =
  { name: string; tables: readonly RawTable[] } | { name: string; unreadable: LocalizedText };

/** A bound table's rows, with the binding's field → column map. */
export interface ExistingTable {
  kind: TableKind;
  table: RawTable;
  /** Field key → column of `table`. */
  columns: Readonly<Record<string, number>>;
}

export interface KindCounts {
  /** Rows that will be appended. */
  add: number;
  /** Rows left out: the same row (every value) is in the workbook or an earlier file. */
  same: number;
  /** Rows whose key is elsewhere with other values (see `CombineConflict.added`). */
  conflicts: number;
}

export interface CombineFile {
  name: string;
  status: "read" | "unreadable" | "no-tables";
  /** Why the file could not be read ("unreadable"). */
  message?: LocalizedText;
  /** The tables used, by kind: where each was found and its data rows. */
  tables: { kind: TableKind; sheet: string; name: string; rows: number }[];
  counts: Record<TableKind, KindCounts>;
}

export interface CombineConflict {
  kind: TableKind;
  /** The key as shown: "code", "code / round", "code / indicator". */
  key: string;
  /** Where the key came from first: this workbook (`file` THIS_WORKBOOK) or a chosen file. */
  first: RowSource;
  second: RowSource;
  /** The headers of the columns whose values differ. */
  columns: string[];
  /** Whether the second row is appended (a conflict between chosen files) or not (with the workbook). */
  added: boolean;
}

/** A row to append, in `CombinePlan.headers[kind]` order, with where it came from. */
export interface CombineRow {
  values: CellValue[];
  source: RowSource;
}

export interface CombinePlan {
  files: CombineFile[];
  /** Per kind: the schema's fields (Thai template headers), then other columns by header. */
  headers: Record<TableKind, string[]>;
  rows: Record<TableKind, CombineRow[]>;
  conflicts: CombineConflict[];
  /** Rows already in the bound tables, per kind. */
  existing: Record<TableKind, number>;
}

const emptyCounts = (): Record<TableKind, KindCounts> => ({
  projects: { add: 0, same: 0, conflicts: 0 },
  rounds: { add: 0, same: 0, conflicts: 0 },
  indicators: { add: 0, same: 0, conflicts: 0 },
});

/** A bound table with its bound columns under the template's headers, so the merge maps
 * them as the binding does (a renamed column keeps its field). */
function canonical(existing: ExistingTable): RawTable {
  const headers = [...existing.table.headers];
  for (const field of fieldsOf(existing.kind)) {
    const column = existing.columns[field.key];
    if (column !== undefined && column < headers.length) headers[column] = field.label.th;
  }
  return { ...existing.table, headers };
}

/** The tables of a file that `kaona check` would use, by kind. */
function usedTables(tables: readonly RawTable[]): { kind: TableKind; table: RawTable }[] {
  const used: { kind: TableKind; table: RawTable }[] = [];
  for (const choice of chooseTables(tables))
    if (choice.kind && !choice.skipped) used.push({ kind: choice.kind, table: choice.table });
  return used;
}

/** Source columns (as `kaona merge` writes them) are where a row came from, not its values. */
function withoutSourceColumns(table: RawTable): RawTable {
  const names = new Set([...SOURCE_HEADERS.th, ...SOURCE_HEADERS.en].map(normalizeForMatch));
  const keep = table.headers.flatMap((header, column) =>
    names.has(normalizeForMatch(header)) ? [] : [column]
  );
  if (keep.length === table.headers.length) return table;
  return {
    ...table,
    headers: keep.map((column) => table.headers[column]),
    rows: table.rows.map((row) => keep.map((column) => row[column])),
    numberFormats: table.numberFormats?.map((formats) => keep.map((column) => formats[column])),
  };
}

/** Adds a file's tables, counting per kind the rows left out as identical. */
function addFile(
  merger: TableMerger,
  file: string,
  tables: readonly { kind: TableKind; table: RawTable }[]
): Record<TableKind, KindCounts> {
  const counts = emptyCounts();
  for (const { kind, table } of tables) {
    const before = merger.result().counts[kind].identical;
    merger.add(file, kind, withoutSourceColumns(table));
    counts[kind].same += merger.result().counts[kind].identical - before;
  }
  return counts;
}

/** What combining the files into the bound tables would do; writes nothing. */
export function planCombine(
  existing: readonly ExistingTable[],
  inputs: readonly CombineInput[]
): CombinePlan {
  const merger = new TableMerger("th");
  addFile(
    merger,
    THIS_WORKBOOK,
    existing.map((table) => ({ kind: table.kind, table: canonical(table) }))
  );
  const used = new Map<string, { kind: TableKind; table: RawTable }[]>();
  const counts = new Map<string, Record<TableKind, KindCounts>>();
  for (const input of inputs) {
    if (!("tables" in input) || used.has(input.name)) continue;
    const tables = usedTables(input.tables);
    used.set(input.name, tables);
    counts.set(input.name, addFile(merger, input.name, tables));
  }
  const merged = merger.result();
  const skipped = new Set<string>();
  const conflicts: CombineConflict[] = merged.conflicts.map((conflict) => {
    const added = conflict.first.file !== THIS_WORKBOOK;
    if (!added) skipped.add(`${conflict.kind}:${conflict.secondRow}`);
    const tally = counts.get(conflict.second.file)?.[conflict.kind];
    if (tally) tally.conflicts += 1;
    return {
      kind: conflict.kind,
      key: conflict.key,
      first: conflict.first,
      second: conflict.second,
      columns: conflict.columns.map((column) => merged.tables[conflict.kind].headers[column]),
      added,
    };
  });
  const rows = {} as Record<TableKind, CombineRow[]>;
  const headers = {} as Record<TableKind, string[]>;
  const existingRows = {} as Record<TableKind, number>;
  for (const kind of TABLE_KINDS) {
    const table = merged.tables[kind];
    headers[kind] = table.headers;
    rows[kind] = [];
    existingRows[kind] = 0;
    table.rows.forEach((values, index) => {
      const source = table.sources[index];
      if (source.file === THIS_WORKBOOK) existingRows[kind] += 1;
      else if (!skipped.has(`${kind}:${index}`)) {
        rows[kind].push({ values, source });
        const tally = counts.get(source.file)?.[kind];
        if (tally) tally.add += 1;
      }
    });
  }
  const files: CombineFile[] = inputs.map((input) => {
    if (!("tables" in input))
      return {
        name: input.name,
        status: "unreadable",
        message: input.unreadable,
        tables: [],
        counts: emptyCounts(),
      };
    const tables = used.get(input.name) ?? [];
    return {
      name: input.name,
      status: tables.length === 0 ? "no-tables" : "read",
      tables: tables.map(({ kind, table }) => ({
        kind,
        sheet: table.sheet,
        name: table.name,
        rows: table.rows.length,
      })),
      counts: counts.get(input.name) ?? emptyCounts(),
    };
  });
  return { files, headers, rows, conflicts, existing: existingRows };
}

/** The plan's rows of a kind laid out for a table with these headers: each field in the
 * column the binding gives it, other columns by header, the source in source columns
 * (ไฟล์ต้นทาง / ชีตต้นทาง / แถวต้นทาง or their English) when the table has them. */
export function rowsForTable(
  plan: CombinePlan,
  kind: TableKind,
  target: { headers: readonly string[]; columns: Readonly<Record<string, number>> }
): {
  values: (string | number | boolean | null)[][];
  /** Whether the table has source columns (and so each row keeps its source). */
  sources: boolean;
  /** Headers of the chosen files' columns the table has no column for (not copied). */
  dropped: string[];
} {
  const fields = fieldsOf(kind);
  const byHeader = new Map<string, number>();
  target.headers.forEach((header, column) => {
    const key = normalizeForMatch(header);
    if (!byHeader.has(key)) byHeader.set(key, column);
  });
  const sourceColumn = (index: number): number | undefined =>
    byHeader.get(normalizeForMatch(SOURCE_HEADERS.th[index])) ??
    byHeader.get(normalizeForMatch(SOURCE_HEADERS.en[index]));
  const sourceColumns = [0, 1, 2].map(sourceColumn);
  const headers = plan.headers[kind];
  const dropped: string[] = [];
  // Column of the plan's rows → column of the table.
  const to = headers.map((header, index) => {
    const column =
      index < fields.length
        ? target.columns[fields[index].key]
        : byHeader.get(normalizeForMatch(header));
    if (column === undefined && index >= fields.length) dropped.push(header);
    return column;
  });
  const values = plan.rows[kind].map(({ values: row, source }) => {
    const line: (string | number | boolean | null)[] = target.headers.map(() => null);
    row.forEach((value, index) => {
      const column = to[index];
      if (column !== undefined && value !== undefined && value !== null && value !== "")
        line[column] = value;
    });
    const place = [source.file, source.sheet, source.row];
    sourceColumns.forEach((column, index) => {
      if (column !== undefined) line[column] = place[index];
    });
    return line;
  });
  const sources = sourceColumns.some((column) => column !== undefined);
  const withRows = plan.rows[kind].length > 0;
  return { values, sources, dropped: withRows ? dropped : [] };
}
