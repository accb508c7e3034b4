/**
 * Table → typed records. Every cell goes through the parser of its field's type; a cell
 * that cannot be read becomes an issue at its address, never an exception. Rows with no
 * value at all are skipped (Excel tables often end in blank rows) but keep their index,
 * so later rows still point at the right cells.
 */
import { MAX_PLAUSIBLE_SERIAL, MIN_PLAUSIBLE_SERIAL, parseThaiDate } from "./dates";
import { readingMessage, readingOfColumn, serialFromBeYear, type ColumnReading } from "./interpret";
import { autoMap, type AutoMapResult } from "./mapping";
import { formatDate, localized, quote } from "./messages";
import { isExcelError } from "./numbers";
import { fieldsOf, type FieldDef, type FieldKeyOf } from "./schema";
import { isBlank, isCleanText, textReader } from "./cellText";
import { numberReader, vocabularyReader } from "./cellReaders";
import { cleanText } from "./text";
import type {
  CellValue,
  Indicator,
  Issue,
  Project,
  RawTable,
  Round,
  TableKind,
  VocabValue,
  Vocabularies,
} from "./types";
import { cellKey, contextOf, makeIssue, type TableContext } from "./validate/context";
import { DEFAULT_VOCABULARIES } from "./vocabularies";

export interface RecordOf {
  projects: Project;
  rounds: Round;
  indicators: Indicator;
}

export interface ParseOptions {
  /** Field key → zero-based column index; auto-mapped from the headers when absent. */
  columns?: Readonly<Record<string, number>>;
  vocabularies?: Vocabularies;
}

export interface ParsedTable<K extends TableKind> {
  records: RecordOf[K][];
  issues: Issue[];
  context: TableContext;
  /** The auto-mapping, when the columns were not given. */
  mapping?: AutoMapResult;
  /** Cells whose content could not be read (not a number or date, an Excel error, a unit
   * mixed up), by `cellKey(row, field)`. Each has its issue already; rules that report an
   * empty cell leave these out. */
  unreadable: ReadonlySet<string>;
}

type FieldValue = string | number | VocabValue;

interface ColumnPlan {
  field: FieldDef;
  column: number;
  /** The field's position in `fieldsOf(kind)`. */
  position: number;
  /** The reader's issues, in row order. */
  issues: Issue[];
  read: (value: CellValue, row: number, numberFormat: string | undefined) => FieldValue | undefined;
}

/** Distinct texts a date or number column remembers the reading of, and the longest. */
const TEXT_MEMO_LIMIT = 1000;
const MEMO_TEXT_MAX = 200;

type RuleCode = Parameters<typeof makeIssue>[0];

/** A cell issue's code and message (the field's label included). */
interface CellIssue {
  code: RuleCode;
  th: string;
  en: string;
}

/** What a reader made of a text: its value, and the issue it reported if any. */
interface TextReading {
  value: FieldValue | undefined;
  issue: CellIssue | undefined;
}

/** Cell issues after which the field is left without a value. */
const UNREADABLE_CODES: ReadonlySet<string> = new Set([
  "CELL_EXCEL_ERROR",
  "CELL_NOT_DATE",
  "CELL_NOT_NUMBER",
  "CELL_UNIT_MISMATCH",
  "CELL_NOT_CALCULATED",
  "CELL_UNCERTAIN",
]);

function planColumns(
  kind: TableKind,
  table: RawTable,
  context: TableContext,
  vocabularies: Vocabularies,
  unreadable: Set<string>
): ColumnPlan[] {
  const plans: ColumnPlan[] = [];
  (fieldsOf(kind) as readonly FieldDef[]).forEach((field, position) => {
    const column = context.columns[field.key];
    if (column === undefined || !Number.isInteger(column) || column < 0) return;
    const issues: Issue[] = [];
    // What the column's header and cells say about reading it, reported at its header.
    const reading = readingOfColumn(field, table, column);
    const note = reading && readingMessage(field, reading);
    if (note)
      issues.push(makeIssue(note.code, context, -1, field.key, { th: note.th, en: note.en }));
    plans.push({
      field,
      column,
      position,
      issues,
      read: readerFor(field, context, vocabularies, issues, unreadable, reading ?? {}),
    });
  });
  return plans;
}

function readerFor(
  field: FieldDef,
  context: TableContext,
  vocabularies: Vocabularies,
  issues: Issue[],
  unreadable: Set<string>,
  reading: ColumnReading
): ColumnPlan["read"] {
  const key = field.key;
  const label = field.label;
  /** The issue last reported, with its message as issued (see `rememberText`). */
  let last: CellIssue | undefined;
  const issue = (code: RuleCode, row: number, th: string, en: string): void => {
    last = { code, th, en };
    issues.push(makeIssue(code, context, row, key, { th, en }));
    if (UNREADABLE_CODES.has(code)) unreadable.add(cellKey(row, key));
  };
  const report = (code: RuleCode, row: number, th: string, en: string): void =>
    issue(code, row, `${label.th}: ${th}`, `${label.en}: ${en}`);
  /**
   * A reader that reads each distinct text once: what it returned and the issue it
   * reported are remembered, and the same text in another row gets the same value and
   * the same issue at its own address. Only for readers whose result for text depends on
   * the text alone, and which report at most one issue per cell.
   */
  const rememberText = (read: ColumnPlan["read"]): ColumnPlan["read"] => {
    const known = new Map<string, TextReading>();
    return (value, row, numberFormat) => {
      if (typeof value !== "string" || value.length > MEMO_TEXT_MAX)
        return read(value, row, numberFormat);
      const reading = known.get(value);
      if (reading !== undefined) {
        if (reading.issue) issue(reading.issue.code, row, reading.issue.th, reading.issue.en);
        return reading.value;
      }
      last = undefined;
      const result = read(value, row, numberFormat);
      if (known.size < TEXT_MEMO_LIMIT) known.set(value, { value: result, issue: last });
      return result;
    };
  };
  const excelError = (value: CellValue, row: number): boolean => {
    // Every Excel error value has a "#"; most cells do not, and skip the full test.
    if (typeof value !== "string" || !value.includes("#") || !isExcelError(value)) return false;
    const text = quote(String(value));
    report("CELL_EXCEL_ERROR", row, `ช่องมีค่าผิดพลาด ${text}`, `the cell holds the error ${text}`);
    return true;
  };

  switch (field.type) {
    case "code":
    case "text":
    case "longText":
      return textReader(field, report, excelError);
    case "date":
      return rememberText((value, row) => {
        // The common case, a serial in the plausible range, without a result object.
        if (
          typeof value === "number" &&
          value >= MIN_PLAUSIBLE_SERIAL &&
          value < MAX_PLAUSIBLE_SERIAL + 1
        )
          return Math.floor(value);
        if (reading.beSerials && typeof value === "number") {
          // Reported once for the column (COLUMN_BE_DATE_SERIALS).
          const moved = serialFromBeYear(value);
          if (moved !== undefined) return moved;
        }
        if (excelError(value, row)) return undefined;
        const parsed = parseThaiDate(value);
        if (parsed.ok) {
          const twoDigitYear = parsed.twoDigitYear;
          if (twoDigitYear) {
            // Says more than "date typed as text", which it replaces.
            const text = quote(cleanText(value));
            const digits = quote(twoDigitYear.written);
            const thEra = twoDigitYear.era === "BE" ? "พ.ศ." : "ค.ศ.";
            report(
              "CELL_DATE_TWO_DIGIT_YEAR",
              row,
              `ปีสองหลัก ${digits} ใน ${text} อ่านเป็น ${thEra} ${twoDigitYear.year} (${formatDate(parsed.value, "th")}) ถ้าไม่ใช่ ให้พิมพ์ปีเต็มสี่หลัก`,
              `the two-digit year ${digits} in ${text} is read as ${twoDigitYear.era} ${twoDigitYear.year} (${formatDate(parsed.value, "en")}); type the full year if it means otherwise`
            );
          } else if (parsed.fromText) {
            const text = quote(cleanText(value));
            report(
              "CELL_DATE_AS_TEXT",
              row,
              `วันที่พิมพ์เป็นข้อความ ${text} อ่านได้เป็น ${formatDate(parsed.value, "th")}`,
              `date typed as text ${text}, read as ${formatDate(parsed.value, "en")}`
            );
          }
          return parsed.value;
        }
        if (!parsed.empty) {
          const text = quote(parsed.text);
          report("CELL_NOT_DATE", row, `${text} อ่านเป็นวันที่ไม่ได้`, `${text} is not a date`);
        }
        return undefined;
      });
    case "vocabulary":
      return vocabularyReader(field, vocabularies, excelError);
    default:
      // Text in a number cell reads the same whatever the cell's number format.
      return rememberText(numberReader(field, report, excelError, reading));
  }
}

type MutableRecord = Record<string, FieldValue | undefined> & { row: number };

/** A row's values by the field's position in `fieldsOf(kind)` (undefined where nothing
 * was read). */
type RowValues = (FieldValue | undefined)[];

/** Field key → its position in `fieldsOf(kind)`. */
function positionsOf<K extends TableKind>(kind: K): Readonly<Record<FieldKeyOf[K], number>> {
  const positions: Partial<Record<FieldKeyOf[K], number>> = {};
  fieldsOf(kind).forEach((field, index) => {
    positions[field.key] = index;
  });
  return positions as Record<FieldKeyOf[K], number>;
}

const PROJECT_AT = positionsOf("projects");
const ROUND_AT = positionsOf("rounds");
const INDICATOR_AT = positionsOf("indicators");

/**
 * A record with every field of its kind present (undefined where no cell filled it), the
 * required text fields "" rather than undefined. One literal per kind gives every record
 * of a table the same shape, which keeps every later pass over the records fast (V8 keeps
 * monomorphic objects in-line); building it whole from the row's values, rather than
 * storing field by field under computed keys, avoids a slow keyed store per cell.
 */
const BUILD_RECORD: {
  readonly [K in TableKind]: (row: number, values: RowValues) => MutableRecord;
} = {
  projects: (row, values) => ({
    row,
    code: values[PROJECT_AT.code] ?? "",
    name: values[PROJECT_AT.name] ?? "",
    fiscalYear: values[PROJECT_AT.fiscalYear],
    start: values[PROJECT_AT.start],
    end: values[PROJECT_AT.end],
    budgetReceived: values[PROJECT_AT.budgetReceived],
    budgetUsed: values[PROJECT_AT.budgetUsed],
    unit: values[PROJECT_AT.unit],
    owner: values[PROJECT_AT.owner],
    coordinator: values[PROJECT_AT.coordinator],
    rationale: values[PROJECT_AT.rationale],
    objectives: values[PROJECT_AT.objectives],
    target: values[PROJECT_AT.target],
    targetCount: values[PROJECT_AT.targetCount],
    strategy: values[PROJECT_AT.strategy],
    subStrategy: values[PROJECT_AT.subStrategy],
    goal: values[PROJECT_AT.goal],
    kpi: values[PROJECT_AT.kpi],
  }),
  rounds: (row, values) => ({
    row,
    projectCode: values[ROUND_AT.projectCode] ?? "",
    round: values[ROUND_AT.round],
    date: values[ROUND_AT.date],
    narrative: values[ROUND_AT.narrative],
    progress: values[ROUND_AT.progress],
    plannedProgress: values[ROUND_AT.plannedProgress],
    disbursed: values[ROUND_AT.disbursed],
    planStatus: values[ROUND_AT.planStatus],
    targetStatus: values[ROUND_AT.targetStatus],
  }),
  indicators: (row, values) => ({
    row,
    projectCode: values[INDICATOR_AT.projectCode] ?? "",
    id: values[INDICATOR_AT.id],
    name: values[INDICATOR_AT.name],
    unit: values[INDICATOR_AT.unit],
    target: values[INDICATOR_AT.target],
    actual: values[INDICATOR_AT.actual],
    outcome: values[INDICATOR_AT.outcome],
  }),
};

/** The required cells of a row left empty, each an issue in `out`; a cell that could not
 * be read already has its issue and is not reported twice. */
function reportMissing(
  required: readonly ColumnPlan[],
  values: RowValues,
  unreadable: ReadonlySet<string>,
  context: TableContext,
  row: number,
  out: Issue[]
): void {
  for (const plan of required) {
    const value = values[plan.position];
    if (value !== undefined && value !== "") continue;
    const key = plan.field.key;
    if (unreadable.size > 0 && unreadable.has(cellKey(row, key))) continue;
    const label = plan.field.label;
    out.push(
      makeIssue(
        "REQUIRED_VALUE_MISSING",
        context,
        row,
        key,
        localized((lang) =>
          lang === "th" ? `${label.th}: ช่องนี้ต้องมีค่า` : `${label.en}: this cell must not be empty`
        )
      )
    );
  }
}

/** One row as `parseTable` reads it: its record (none for a blank row), its cell issues in
 * the order `parseTable` gives a row's issues, and its unreadable cells (`cellKey`s). */
export interface ParsedRow<K extends TableKind> {
  record: RecordOf[K] | undefined;
  issues: Issue[];
  unreadable: string[];
}

/**
 * A reader of single rows of one table, for the incremental check: the same readers as
 * `parseTable` (same records, same issues), one row at a time.
 */
export function rowParser<K extends TableKind>(
  kind: K,
  table: RawTable,
  context: TableContext,
  vocabularies: Vocabularies = DEFAULT_VOCABULARIES
): (cells: readonly CellValue[], row: number, formats?: readonly string[]) => ParsedRow<K> {
  const unreadable = new Set<string>();
  // The columns are read as the whole table showed them (units, fractions, BE serials).
  const plans = planColumns(kind, table, context, vocabularies, unreadable);
  const required = plans.filter((plan) => plan.field.required);
  const build = BUILD_RECORD[kind];
  const values: RowValues = new Array<FieldValue | undefined>(fieldsOf(kind).length);
  return (cells, row, formats) => {
    const line: readonly CellValue[] = Array.isArray(cells) ? cells : [];
    if (line.every(isBlank)) return { record: undefined, issues: [], unreadable: [] };
    unreadable.clear();
    for (const plan of plans) {
      const cell = line[plan.column];
      values[plan.position] =
        cell === null || cell === undefined
          ? undefined
          : plan.read(cell, row, Array.isArray(formats) ? formats[plan.column] : undefined);
    }
    const record = build(row, values) as unknown as RecordOf[K];
    const issues: Issue[] = [];
    for (const plan of plans) {
      for (const issue of plan.issues) issues.push(issue);
      plan.issues.length = 0;
    }
    reportMissing(required, values, unreadable, context, row, issues);
    return { record, issues, unreadable: [...unreadable] };
  };
}

/**
 * Parses a table into records of `kind` plus cell issues: values that are not what the
 * column holds, text where a number or date belongs, Excel errors, mixed-up units, and
 * required cells left empty. Never throws. Issues come column by column, then the empty
 * required cells row by row (`checkTables` sorts them by row).
 */
export function parseTable<K extends TableKind>(
  kind: K,
  table: RawTable,
  options: ParseOptions = {}
): ParsedTable<K> {
  const headers = Array.isArray(table?.headers) ? table.headers : [];
  const mapping = options.columns ? undefined : autoMap(kind, headers);
  const columns = options.columns ?? mapping?.columns ?? {};
  const context = contextOf(kind, table, columns);
  const unreadable = new Set<string>();
  const plans = planColumns(
    kind,
    table,
    context,
    options.vocabularies ?? DEFAULT_VOCABULARIES,
    unreadable
  );
  const build = BUILD_RECORD[kind];
  const rows = Array.isArray(table?.rows) ? table.rows : [];
  const formats = Array.isArray(table?.numberFormats) ? table.numberFormats : undefined;
  const fieldCount = fieldsOf(kind).length;
  const values: RowValues = new Array<FieldValue | undefined>(fieldCount).fill(undefined);
  const required = plans.filter((plan) => plan.field.required);
  const missing: Issue[] = [];
  const records: RecordOf[K][] = [];
  const uncalculated = uncalculatedCells(table, plans, context, unreadable);

  // Row by row, each cell through its column's reader. Each reader keeps its own issues,
  // so they still come column by column.
  for (let row = 0; row < rows.length; row++) {
    const cells: CellValue[] = Array.isArray(rows[row]) ? rows[row] : [];
    let blank = true;
    for (let column = 0; column < cells.length && blank; column++) blank = isBlank(cells[column]);
    if (blank) continue;
    const rowFormats = formats === undefined ? undefined : formats[row];
    for (let at = 0; at < plans.length; at++) {
      const plan = plans[at];
      const cell = cells[plan.column];
      // Every reader gives nothing for an empty cell; skip the call.
      values[plan.position] =
        cell === null || cell === undefined
          ? undefined
          : plan.read(cell, row, Array.isArray(rowFormats) ? rowFormats[plan.column] : undefined);
      if (uncalculated !== undefined && uncalculated.has(cellKey(row, plan.field.key)))
        values[plan.position] = undefined;
    }
    records.push(build(row, values) as unknown as RecordOf[K]);
    reportMissing(required, values, unreadable, context, row, missing);
  }
  const issues: Issue[] = [];
  for (const plan of plans) for (const issue of plan.issues) issues.push(issue);
  for (const issue of uncalculated?.issues ?? []) issues.push(issue);
  for (const issue of missing) issues.push(issue);
  return { records, issues, context, mapping, unreadable };
}

/**
 * The mapped cells holding a formula without a cached value (`RawTable.uncalculated`):
 * each gets its issue, and counts as unreadable rather than empty.
 */
function uncalculatedCells(
  table: RawTable,
  plans: readonly ColumnPlan[],
  context: TableContext,
  unreadable: Set<string>
): (Set<string> & { issues: Issue[] }) | undefined {
  const cells = Array.isArray(table?.uncalculated) ? table.uncalculated : [];
  if (cells.length === 0) return undefined;
  const byColumn = new Map(plans.map((plan) => [plan.column, plan.field]));
  const found = Object.assign(new Set<string>(), { issues: [] as Issue[] });
  for (const [row, column] of cells) {
    const field = byColumn.get(column);
    if (!field || !Number.isInteger(row) || row < 0) continue;
    const key = cellKey(row, field.key);
    found.add(key);
    unreadable.add(key);
    found.issues.push(
      makeIssue("CELL_NOT_CALCULATED", context, row, field.key, {
        th: `${field.label.th}: สูตรในช่องนี้ยังไม่ได้คำนวณ ให้เปิดไฟล์ใน Excel แล้วบันทึก`,
        en: `${field.label.en}: the formula in this cell was never calculated; open the file in Excel and save it`,
      })
    );
  }
  return found;
}

export function parseProjects(table: RawTable, options?: ParseOptions): ParsedTable<"projects"> {
  return parseTable("projects", table, options);
}

export function parseRounds(table: RawTable, options?: ParseOptions): ParsedTable<"rounds"> {
  return parseTable("rounds", table, options);
}

export function parseIndicators(
  table: RawTable,
  options?: ParseOptions
): ParsedTable<"indicators"> {
  return parseTable("indicators", table, options);
}

export { isCleanText };
