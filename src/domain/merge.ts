/**
 * Combining many units' workbooks into one: the rules `kaona merge` and the task pane's
 * "Combine workbooks" share. Every Projects, Rounds and Indicators table is appended, in
 * the schema's column order (headers matched as check matches them), with the place each
 * row came from (file, sheet, row). A row whose key (project code; code and round; code and
 * indicator) is already there from another file is left out when every value is the same,
 * and kept, with an error naming both places, when values differ. Pure.
 */
import { cellAddress } from "./a1";
import { autoMap } from "./mapping";
import { parseThaiDate } from "./dates";
import { parseNumber } from "./numbers";
import { fieldLabel, fieldsOf, TABLE_KINDS, tableLabel, type FieldType } from "./schema";
import { cleanText, normalizeForMatch } from "./text";
import type { CellValue, Issue, Lang, LocalizedText, RawTable, TableKind } from "./types";

/** Where a merged row came from. */
export interface RowSource {
  file: string;
  sheet: string;
  /** One-based sheet row, as Excel shows it. */
  row: number;
}

export interface MergedTable {
  kind: TableKind;
  /** The schema's fields (template headers), then columns no field matches, by header. */
  headers: string[];
  rows: CellValue[][];
  numberFormats: string[][];
  sources: RowSource[];
}

export interface MergeCounts {
  added: number;
  /** Rows left out because the same row (every value) was already there. */
  identical: number;
  /** Rows kept although their key was already there with other values. */
  conflicting: number;
}

/** A key found in two places with different values (both rows kept). */
export interface MergeConflict {
  kind: TableKind;
  /** The key as shown: "code" or "code / round" or "code / indicator". */
  key: string;
  /** The place the key came from first, and its row in the merged table. */
  first: RowSource;
  firstRow: number;
  /** The later place, and its row in the merged table. */
  second: RowSource;
  secondRow: number;
  /** The merged table's columns whose values differ. */
  columns: number[];
}

export interface MergeResult {
  tables: Record<TableKind, MergedTable>;
  counts: Record<TableKind, MergeCounts>;
  /** MERGE_CONFLICT errors and MERGE_IDENTICAL notes. */
  issues: Issue[];
  /** The MERGE_CONFLICT errors' places, for a caller that lists them its own way. */
  conflicts: MergeConflict[];
  files: string[];
}

/** The columns that identify a row of each kind. */
const KEY_FIELDS: Record<TableKind, readonly string[]> = {
  projects: ["code"],
  rounds: ["projectCode", "round"],
  indicators: ["projectCode", "id"],
};

/** Source columns added after the table's own. */
export const SOURCE_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  th: ["ไฟล์ต้นทาง", "ชีตต้นทาง", "แถวต้นทาง"],
  en: ["Source file", "Source sheet", "Source row"],
};

/** A value as compared between files: text cleaned, a number typed as text the number. */
function comparable(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = cleanText(value);
  return /^-?\d+(?:\.\d+)?$/.test(text) ? String(Number(text)) : text;
}

/**
 * A value as compared between files, read as its field reads it: in a date field
 * "2/12/2562" typed as text is the serial 43801 another unit's date cell holds; in a number
 * field "10.00 %" or "1,500 บาท" is the number. What the field's reader cannot read is
 * compared as text.
 */
function comparableAs(type: FieldType | undefined, value: CellValue): string {
  if (typeof value === "string") {
    if (type === "date") {
      const date = parseThaiDate(value);
      if (date.ok) return String(date.value);
    } else if (type && NUMBER_TYPES.has(type)) {
      const number = parseNumber(value);
      if (number.ok) return String(number.value);
    }
  }
  return comparable(value);
}

const NUMBER_TYPES: ReadonlySet<FieldType> = new Set(["integer", "number", "percent", "money"]);

function keyPart(value: CellValue): string {
  if (typeof value === "number") return String(value);
  const text = normalizeForMatch(value);
  return /^\d+(?:\.0+)?$/.test(text) ? String(Number(text)) : text;
}

function placeText(source: RowSource, lang: Lang): string {
  return lang === "th"
    ? `${source.file} (ชีต ${source.sheet} แถว ${source.row})`
    : `${source.file} (sheet ${source.sheet}, row ${source.row})`;
}

interface Seen {
  index: number;
  file: string;
}

/** Merges tables one at a time, so a caller can read one file, add it and let it go. */
export class TableMerger {
  private readonly tables = {} as Record<TableKind, MergedTable>;
  private readonly counts = {} as Record<TableKind, MergeCounts>;
  private readonly seen = {} as Record<TableKind, Map<string, Seen>>;
  private readonly fieldCount = {} as Record<TableKind, number>;
  private readonly keyColumns = {} as Record<TableKind, number[]>;
  /** Each merged column's field type, for comparing values as the field reads them. */
  private readonly fieldTypes = {} as Record<TableKind, FieldType[]>;
  private readonly issues: Issue[] = [];
  private readonly conflicts: MergeConflict[] = [];
  private readonly files: string[] = [];

  constructor(private readonly lang: Lang = "th") {
    for (const kind of TABLE_KINDS) {
      const fields = fieldsOf(kind);
      this.fieldCount[kind] = fields.length;
      this.fieldTypes[kind] = fields.map((field) => field.type);
      this.keyColumns[kind] = KEY_FIELDS[kind].map((key) => fields.findIndex((f) => f.key === key));
      this.tables[kind] = {
        kind,
        headers: fields.map((field) => field.label[lang]),
        rows: [],
        numberFormats: [],
        sources: [],
      };
      this.counts[kind] = { added: 0, identical: 0, conflicting: 0 };
      this.seen[kind] = new Map();
    }
  }

  /** Appends one table of `kind` from `file`. */
  add(file: string, kind: TableKind, table: RawTable): void {
    if (!this.files.includes(file)) this.files.push(file);
    const merged = this.tables[kind];
    const fields = fieldsOf(kind);
    const mapping = autoMap(kind, table.headers);
    // Column of the merged table → column of this table.
    const from: number[] = fields.map((field) => mapping.columns[field.key] ?? -1);
    for (const unknown of mapping.unknownHeaders) {
      let at = merged.headers.indexOf(unknown.header, this.fieldCount[kind]);
      if (at < 0) {
        at = merged.headers.length;
        merged.headers.push(unknown.header);
      }
      from[at] = unknown.column;
    }
    const keyColumns = this.keyColumns[kind];
    let identical = 0;
    table.rows.forEach((sourceRow, index) => {
      const row: CellValue[] = [];
      const formats: string[] = [];
      for (let column = 0; column < merged.headers.length; column++) {
        const at = from[column] ?? -1;
        row.push(at >= 0 ? (sourceRow[at] ?? null) : null);
        formats.push(at >= 0 ? (table.numberFormats?.[index]?.[at] ?? "") : "");
      }
      const source: RowSource = {
        file,
        sheet: table.sheet,
        row: table.origin.row + index + 2,
      };
      const parts = keyColumns.map((column) => keyPart(row[column]));
      const key = parts.every((part) => part !== "") ? parts.join("\u0000") : undefined;
      const earlier = key === undefined ? undefined : this.seen[kind].get(key);
      if (earlier && earlier.file !== file) {
        const differing = this.differingColumns(kind, earlier.index, row);
        if (differing.length === 0) {
          identical += 1;
          return;
        }
        this.conflict(kind, earlier.index, source, differing, merged.rows.length);
      } else if (key !== undefined && !earlier) {
        this.seen[kind].set(key, { index: merged.rows.length, file });
      }
      merged.rows.push(row);
      merged.numberFormats.push(formats);
      merged.sources.push(source);
      this.counts[kind].added += 1;
    });
    if (identical > 0) {
      this.counts[kind].identical += identical;
      this.issues.push({
        code: "MERGE_IDENTICAL",
        severity: "info",
        table: kind,
        row: -1,
        sheet: table.sheet,
        message: {
          th: `${file}: ${identical} แถวในตาราง${tableLabel(kind, "th")}ซ้ำกับแถวที่มีอยู่แล้วทุกค่า จึงไม่เพิ่มซ้ำ`,
          en: `${file}: ${identical} ${tableLabel(kind, "en")} row${identical === 1 ? "" : "s"} identical to rows already there, not added again`,
        },
      });
    }
  }

  private differingColumns(kind: TableKind, index: number, row: readonly CellValue[]): number[] {
    const existing = this.tables[kind].rows[index];
    const keyColumns = this.keyColumns[kind];
    const types = this.fieldTypes[kind];
    const differing: number[] = [];
    for (let column = 0; column < row.length; column++) {
      const same = keyColumns.includes(column)
        ? keyPart(existing[column] ?? null) === keyPart(row[column])
        : comparableAs(types[column], existing[column] ?? null) ===
          comparableAs(types[column], row[column]);
      if (!same) differing.push(column);
    }
    return differing;
  }

  private conflict(
    kind: TableKind,
    earlierIndex: number,
    source: RowSource,
    differing: readonly number[],
    mergedRow: number
  ): void {
    const merged = this.tables[kind];
    const first = merged.sources[earlierIndex];
    const keyText = KEY_FIELDS[kind]
      .map((key) => {
        const column = fieldsOf(kind).findIndex((field) => field.key === key);
        return comparable(merged.rows[earlierIndex][column]);
      })
      .join(" / ");
    const columnsText = (lang: Lang) =>
      differing
        .slice(0, 3)
        .map((column) =>
          column < this.fieldCount[kind]
            ? fieldLabel(kind, fieldsOf(kind)[column].key, lang)
            : merged.headers[column]
        )
        .join(", ") + (differing.length > 3 ? ", …" : "");
    const message: LocalizedText = {
      th: `${keyText} อยู่ทั้งใน ${placeText(first, "th")} และ ${placeText(source, "th")} แต่ค่าไม่ตรงกัน (${columnsText("th")}): เก็บไว้ทั้งสองแถว ตรวจว่าแถวใดถูกต้อง`,
      en: `${keyText} is in both ${placeText(first, "en")} and ${placeText(source, "en")} with different values (${columnsText("en")}): both rows kept, check which is right`,
    };
    this.counts[kind].conflicting += 1;
    this.conflicts.push({
      kind,
      key: keyText,
      first,
      firstRow: earlierIndex,
      second: source,
      secondRow: mergedRow,
      columns: [...differing],
    });
    this.issues.push({
      code: "MERGE_CONFLICT",
      severity: "error",
      table: kind,
      row: mergedRow,
      sheet: source.sheet,
      cell: cellAddress(source.row - 1, 0),
      message,
    });
  }

  result(): MergeResult {
    return {
      tables: this.tables,
      counts: this.counts,
      issues: this.issues,
      conflicts: this.conflicts,
      files: this.files,
    };
  }
}

/** Merges every file's tables (in order: earlier files win the key). */
export function mergeWorkbooks(
  files: readonly { file: string; tables: readonly { kind: TableKind; table: RawTable }[] }[],
  lang: Lang = "th"
): MergeResult {
  const merger = new TableMerger(lang);
  for (const { file, tables } of files)
    for (const { kind, table } of tables) merger.add(file, kind, table);
  return merger.result();
}

/** Number formats of the source columns: file and sheet as text, the row a number. */
export const SOURCE_FORMATS: readonly string[] = ["@", "@", "0"];

/** Row `index` of a merged table as written out: padded to the table's width, then its
 * source (file, sheet, row) unless `withSources` is false. */
export function mergedRow(merged: MergedTable, index: number, withSources = true): CellValue[] {
  const width = merged.headers.length;
  const cells = merged.rows[index];
  const row =
    cells.length >= width
      ? cells.slice(0, width)
      : [...cells, ...Array<CellValue>(width - cells.length).fill(null)];
  if (withSources) {
    const source = merged.sources[index];
    row.push(source.file, source.sheet, source.row);
  }
  return row;
}

/** A merged table as a RawTable with the source columns, for writing or checking. */
export function mergedRawTable(
  merged: MergedTable,
  options: { name: string; sheet: string; lang?: Lang; withSources?: boolean }
): RawTable {
  const withSources = options.withSources ?? true;
  const width = merged.headers.length;
  const padded = <T>(cells: readonly T[], blank: T): T[] =>
    cells.length >= width
      ? cells.slice(0, width)
      : [...cells, ...Array<T>(width - cells.length).fill(blank)];
  return {
    name: options.name,
    sheet: options.sheet,
    origin: { row: 0, col: 0 },
    headers: withSources
      ? [...merged.headers, ...SOURCE_HEADERS[options.lang ?? "th"]]
      : [...merged.headers],
    rows: merged.rows.map((_, index) => mergedRow(merged, index, withSources)),
    numberFormats: merged.numberFormats.map((formats) => [
      ...padded(formats, ""),
      ...(withSources ? SOURCE_FORMATS : []),
    ]),
  };
}

const SUMMARY_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  th: [
    "รหัสโครงการ",
    "ชื่อโครงการ",
    "หน่วยงาน",
    "ไฟล์ต้นทาง",
    "จำนวนครั้งที่รายงาน",
    "รายงานล่าสุดครั้งที่",
    "ความก้าวหน้าล่าสุด (%)",
    "จำนวนเกณฑ์ชี้วัด",
  ],
  en: [
    "Project code",
    "Project name",
    "Unit",
    "Source file",
    "Rounds reported",
    "Latest round",
    "Latest progress (%)",
    "Indicators",
  ],
};

function columnOf(kind: TableKind, key: string): number {
  return fieldsOf(kind).findIndex((field) => field.key === key);
}

/** One row per project across all files: where it came from, its rounds and indicators. */
export function mergeSummary(result: MergeResult, lang: Lang = "th"): RawTable {
  const { projects, rounds, indicators } = result.tables;
  const codeOf = (kind: TableKind, row: readonly CellValue[]) =>
    keyPart(row[columnOf(kind, kind === "projects" ? "code" : "projectCode")]);
  const roundStats = new Map<string, { count: number; last: number; progress: CellValue }>();
  const roundColumn = columnOf("rounds", "round");
  const progressColumn = columnOf("rounds", "progress");
  for (const row of rounds.rows) {
    const code = codeOf("rounds", row);
    const stats = roundStats.get(code) ?? { count: 0, last: -Infinity, progress: null };
    stats.count += 1;
    const round = Number(row[roundColumn]);
    if (Number.isFinite(round) && round >= stats.last) {
      stats.last = round;
      stats.progress = row[progressColumn] ?? null;
    }
    roundStats.set(code, stats);
  }
  const indicatorCounts = new Map<string, number>();
  for (const row of indicators.rows) {
    const code = codeOf("indicators", row);
    indicatorCounts.set(code, (indicatorCounts.get(code) ?? 0) + 1);
  }
  const rows = projects.rows.map((row, index): CellValue[] => {
    const code = codeOf("projects", row);
    const stats = roundStats.get(code);
    return [
      row[columnOf("projects", "code")] ?? null,
      row[columnOf("projects", "name")] ?? null,
      row[columnOf("projects", "unit")] ?? null,
      projects.sources[index].file,
      stats?.count ?? 0,
      stats && Number.isFinite(stats.last) ? stats.last : null,
      stats?.progress ?? null,
      indicatorCounts.get(code) ?? 0,
    ];
  });
  return {
    name: "KaonaSummary",
    sheet: lang === "th" ? "สรุปรวม" : "Summary",
    origin: { row: 0, col: 0 },
    headers: [...SUMMARY_HEADERS[lang]],
    rows,
    numberFormats: rows.map(() => ["@", "@", "@", "@", "0", "0", "", "0"]),
  };
}
