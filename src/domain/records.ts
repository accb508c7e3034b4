/**
 * Table → typed records. Every cell goes through the parser of its field's type; a cell
 * that cannot be read becomes an issue at its address, never an exception. Rows with no
 * value at all are skipped (Excel tables often end in blank rows) but keep their index,
 * so later rows still point at the right cells.
 */
import { MAX_PLAUSIBLE_SERIAL, MIN_PLAUSIBLE_SERIAL, parseThaiDate } from "./dates";
import { autoMap, type AutoMapResult } from "./mapping";
import { formatDate, formatNumber, localized, quote } from "./messages";
import { isExcelError, parseNumberWithUnit, type NumberUnit } from "./numbers";
import { fieldsOf, type FieldDef, type FieldKeyOf } from "./schema";
import { cleanText, thaiDigitsToArabic } from "./text";
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
import { DEFAULT_VOCABULARIES, matchVocabulary } from "./vocabularies";

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
  read: (value: CellValue, row: number, numberFormat: string | undefined) => FieldValue | undefined;
}

/** The units a column's cells may carry; anything else is a mix-up. */
const ALLOWED_UNITS: Partial<Record<FieldDef["type"], readonly NumberUnit[]>> = {
  money: ["baht"],
  percent: ["percent"],
};

const VOCABULARY_MEMO_LIMIT = 1000;

/** Cell issues after which the field is left without a value. */
const UNREADABLE_CODES: ReadonlySet<string> = new Set([
  "CELL_EXCEL_ERROR",
  "CELL_NOT_DATE",
  "CELL_NOT_NUMBER",
  "CELL_UNIT_MISMATCH",
]);

const YEAR_TEXT_RE = /^(?:ปีงบประมาณ|ปีงบ|ปี|fy|be)?\s*(?:พ\.?\s?ศ\.?)?\s*(\d{4})$/i;

/** A number format that shows the cell as a percentage (outside quoted literals). */
function isPercentFormat(format: string | undefined): boolean {
  return (
    typeof format === "string" &&
    format.includes("%") &&
    format.replace(/"[^"]*"/g, "").includes("%")
  );
}

function unitLabel(unit: NumberUnit, lang: "th" | "en"): string {
  switch (unit) {
    case "millionBaht":
      return lang === "th" ? "ล้านบาท" : "million baht";
    case "baht":
      return lang === "th" ? "บาท" : "baht";
    default:
      return "%";
  }
}

function planColumns(
  kind: TableKind,
  context: TableContext,
  vocabularies: Vocabularies,
  issues: Issue[],
  unreadable: Set<string>
): ColumnPlan[] {
  const plans: ColumnPlan[] = [];
  for (const field of fieldsOf(kind) as readonly FieldDef[]) {
    const column = context.columns[field.key];
    if (column === undefined || !Number.isInteger(column) || column < 0) continue;
    plans.push({
      field,
      column,
      read: readerFor(field, context, vocabularies, issues, unreadable),
    });
  }
  return plans;
}

function readerFor(
  field: FieldDef,
  context: TableContext,
  vocabularies: Vocabularies,
  issues: Issue[],
  unreadable: Set<string>
): ColumnPlan["read"] {
  const key = field.key;
  const label = field.label;
  const report = (
    code: Parameters<typeof makeIssue>[0],
    row: number,
    th: string,
    en: string
  ): void => {
    issues.push(
      makeIssue(code, context, row, key, { th: `${label.th}: ${th}`, en: `${label.en}: ${en}` })
    );
    if (UNREADABLE_CODES.has(code)) unreadable.add(cellKey(row, key));
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
    case "longText": {
      const longText = field.type === "longText";
      const keepLines = { keepLineBreaks: true };
      return (value, row) => {
        if (excelError(value, row)) return undefined;
        if (typeof value === "string" && isCleanText(value))
          return value === "" ? undefined : value;
        // Paragraphs matter only where there are line breaks; one-line text takes the quicker path.
        const multiline =
          longText && typeof value === "string" && (value.includes("\n") || value.includes("\r"));
        const text = multiline ? cleanText(value, keepLines) : cleanText(value);
        return text === "" ? undefined : text;
      };
    }
    case "date":
      return (value, row) => {
        // The common case, a serial in the plausible range, without a result object.
        if (
          typeof value === "number" &&
          value >= MIN_PLAUSIBLE_SERIAL &&
          value < MAX_PLAUSIBLE_SERIAL + 1
        )
          return Math.floor(value);
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
      };
    case "vocabulary": {
      const entries =
        field.vocabulary && Array.isArray(vocabularies[field.vocabulary])
          ? vocabularies[field.vocabulary]
          : [];
      // A vocabulary column repeats a handful of values: read each distinct one once.
      // The results are frozen because rows share them.
      const seen = new Map<string, VocabValue | undefined>();
      return (value, row) => {
        if (excelError(value, row)) return undefined;
        if (typeof value !== "string" || value.length > 200) return matchVocabulary(value, entries);
        if (seen.has(value)) return seen.get(value);
        const match = matchVocabulary(value, entries);
        if (seen.size < VOCABULARY_MEMO_LIMIT) seen.set(value, match && Object.freeze(match));
        return match;
      };
    }
    default:
      return numberReader(field, report, excelError);
  }
}

function numberReader(
  field: FieldDef,
  report: (code: Parameters<typeof makeIssue>[0], row: number, th: string, en: string) => void,
  excelError: (value: CellValue, row: number) => boolean
): ColumnPlan["read"] {
  const allowed = ALLOWED_UNITS[field.type];
  const isPercent = field.type === "percent";
  const isYear = field.type === "year";
  const scaled = (value: number, numberFormat: string | undefined): number =>
    // A cell Excel shows as "10%" holds 0.1; the column holds percentage points.
    // toPrecision(15) drops the binary noise of the scaling (0.575 × 100 = 57.49999…).
    isPercent && isPercentFormat(numberFormat) ? Number((value * 100).toPrecision(15)) : value;
  return (value, row, numberFormat) => {
    // The common case, a finite number, without a result object.
    if (typeof value === "number" && Number.isFinite(value)) return scaled(value, numberFormat);
    if (excelError(value, row)) return undefined;
    let parsed = parseNumberWithUnit(value);
    if (!parsed.ok && !parsed.empty && isYear) {
      const match = YEAR_TEXT_RE.exec(thaiDigitsToArabic(parsed.text));
      if (match) parsed = { ok: true, value: Number(match[1]), fromText: true };
    }
    if (!parsed.ok) {
      if (!parsed.empty) {
        const text = quote(parsed.text);
        report("CELL_NOT_NUMBER", row, `${text} อ่านเป็นตัวเลขไม่ได้`, `${text} is not a number`);
      }
      return undefined;
    }
    const unit = parsed.unit;
    if (unit !== undefined && allowed !== undefined && !allowed.includes(unit)) {
      const text = quote(cleanText(value));
      report(
        "CELL_UNIT_MISMATCH",
        row,
        `${text} ใช้หน่วย ${unitLabel(unit, "th")} แต่คอลัมน์นี้เป็น ${unitLabel(allowed[0], "th")}`,
        `${text} is in ${unitLabel(unit, "en")} but the column is in ${unitLabel(allowed[0], "en")}`
      );
      return undefined;
    }
    if (parsed.fromText) {
      const text = quote(cleanText(value));
      const read = formatNumber(parsed.value);
      report(
        "CELL_NUMBER_AS_TEXT",
        row,
        `ตัวเลขพิมพ์เป็นข้อความ ${text} อ่านได้เป็น ${read}`,
        `number typed as text ${text}, read as ${read}`
      );
      return parsed.value;
    }
    return scaled(parsed.value, numberFormat);
  };
}

/** Characters `cleanText` removes or changes: those that take no space, markup, and every
 * whitespace character but the plain space (JavaScript's \s, spelled out). One character
 * class scans much faster than alternatives. */
const NEEDS_CLEANING_RE =
  /[\t\n\v\f\r\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF<&]/;
const SPACE = 32;

/**
 * Whether `cleanText` would return the text unchanged. Most cells are already clean, and
 * one scan to say so is several times cheaper than cleaning (a property test keeps this in
 * step with `cleanText`).
 */
export function isCleanText(text: string): boolean {
  if (text.length === 0) return true;
  if (
    text.charCodeAt(0) === SPACE ||
    text.charCodeAt(text.length - 1) === SPACE ||
    text.includes("  ")
  )
    return false;
  return !NEEDS_CLEANING_RE.test(text);
}

/** Spaces and characters that take no space: a cell holding only these is blank. */
const BLANK_RE = /^[\s\u00AD\u200B-\u200D\u2060\uFEFF]*$/;

function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  // Only text with markup ("<p></p>") needs the full cleaning to tell.
  return value.includes("<") || value.includes("&")
    ? cleanText(value) === ""
    : BLANK_RE.test(value);
}

type MutableRecord = Record<string, FieldValue | undefined> & { row: number };

/**
 * A record with every field of its kind present (undefined until a cell fills it), the
 * required text fields "" rather than undefined. One literal per kind gives every record
 * of a table the same shape, which keeps parsing and every later pass over the records
 * fast (V8 keeps monomorphic objects in-line).
 */
const BLANK_RECORD: { readonly [K in TableKind]: (row: number) => MutableRecord } = {
  projects: (row) => ({
    row,
    code: "",
    name: "",
    fiscalYear: undefined,
    start: undefined,
    end: undefined,
    budgetReceived: undefined,
    budgetUsed: undefined,
    unit: undefined,
    owner: undefined,
    coordinator: undefined,
    rationale: undefined,
    objectives: undefined,
    target: undefined,
    targetCount: undefined,
    strategy: undefined,
    subStrategy: undefined,
    goal: undefined,
    kpi: undefined,
  }),
  rounds: (row) => ({
    row,
    projectCode: "",
    round: undefined,
    date: undefined,
    narrative: undefined,
    progress: undefined,
    plannedProgress: undefined,
    disbursed: undefined,
    planStatus: undefined,
    targetStatus: undefined,
  }),
  indicators: (row) => ({
    row,
    projectCode: "",
    id: undefined,
    name: undefined,
    unit: undefined,
    target: undefined,
    actual: undefined,
    outcome: undefined,
  }),
};

/**
 * Parses a table into records of `kind` plus cell issues: values that are not what the
 * column holds, text where a number or date belongs, Excel errors, mixed-up units, and
 * required cells left empty. Never throws. Issues come column by column (`checkTables`
 * sorts them by row).
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
  const issues: Issue[] = [];
  const unreadable = new Set<string>();
  const plans = planColumns(
    kind,
    context,
    options.vocabularies ?? DEFAULT_VOCABULARIES,
    issues,
    unreadable
  );
  const blankRecord = BLANK_RECORD[kind];
  const required = plans.filter((plan) => plan.field.required);
  const records: RecordOf[K][] = [];
  const rows = Array.isArray(table?.rows) ? table.rows : [];
  const formats = Array.isArray(table?.numberFormats) ? table.numberFormats : undefined;

  // Records first (one per non-blank row), then column by column: each reader and each
  // store then sees one field at a time, which keeps V8's inline caches monomorphic.
  const cellsOf: CellValue[][] = [];
  for (let row = 0; row < rows.length; row++) {
    const cells: CellValue[] = Array.isArray(rows[row]) ? rows[row] : [];
    let blank = true;
    for (let column = 0; column < cells.length && blank; column++) blank = isBlank(cells[column]);
    if (blank) continue;
    records.push(blankRecord(row) as unknown as RecordOf[K]);
    cellsOf.push(cells);
  }
  const stored = records as unknown as MutableRecord[];
  for (const plan of plans) {
    const { column, read } = plan;
    const key = plan.field.key;
    for (let index = 0; index < stored.length; index++) {
      const cell = cellsOf[index][column];
      // Every reader gives nothing for an empty cell; skip the call.
      if (cell === null || cell === undefined) continue;
      const record = stored[index];
      const rowFormats = formats?.[record.row];
      const value = read(
        cell,
        record.row,
        Array.isArray(rowFormats) ? rowFormats[column] : undefined
      );
      if (value !== undefined) record[key] = value;
    }
  }
  if (required.length > 0) {
    // A cell that could not be read already has its issue; do not report it twice.
    for (const record of stored) {
      for (const plan of required) {
        const key = plan.field.key;
        const value = record[key];
        if ((value !== undefined && value !== "") || unreadable.has(cellKey(record.row, key)))
          continue;
        const label = plan.field.label;
        issues.push(
          makeIssue(
            "REQUIRED_VALUE_MISSING",
            context,
            record.row,
            key,
            localized((lang) =>
              lang === "th" ? `${label.th}: ช่องนี้ต้องมีค่า` : `${label.en}: this cell must not be empty`
            )
          )
        );
      }
    }
  }
  return { records, issues, context, mapping, unreadable };
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

/** The field keys of a kind, typed (handy for callers building mappings). */
export type FieldKey<K extends TableKind> = FieldKeyOf[K];
