/**
 * The readers of number and list (vocabulary) cells for the record parser (`records.ts`):
 * each turns one cell into a value, reporting what it could not read through `report`.
 * The reader of text and code cells is `textReader` (cellText.ts).
 */
import {
  HEADER_UNIT_FACTOR,
  HEADER_UNIT_LABEL,
  isDashOnly,
  isPercentFormat,
  isUncertainText,
  type ColumnReading,
} from "./interpret";
import { formatNumber, quote } from "./messages";
import { parseNumberWithUnit, type NumberUnit } from "./numbers";
import type { FieldDef } from "./schema";
import { cleanText, thaiDigitsToArabic } from "./text";
import type { CellValue, VocabValue, Vocabularies } from "./types";
import { matchVocabulary } from "./vocabularies";

/** The issues a number reader reports. */
type NumberIssueCode =
  "CELL_UNCERTAIN" | "CELL_NOT_NUMBER" | "CELL_UNIT_MISMATCH" | "CELL_NUMBER_AS_TEXT";

/** The units a column's cells may carry; anything else is a mix-up. */
const ALLOWED_UNITS: Partial<Record<FieldDef["type"], readonly NumberUnit[]>> = {
  money: ["baht"],
  percent: ["percent"],
};

const VOCABULARY_MEMO_LIMIT = 1000;
const YEAR_TEXT_RE = /^(?:ปีงบประมาณ|ปีงบ|ปี|fy|be)?\s*(?:พ\.?\s?ศ\.?)?\s*(\d{4})$/i;

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

/** List cells (plan status, target status, outcome): matched to the field's vocabulary,
 * each distinct text once; "-" alone is empty. */
export function vocabularyReader(
  field: FieldDef,
  vocabularies: Vocabularies,
  excelError: (value: CellValue, row: number) => boolean
): (value: CellValue, row: number) => VocabValue | undefined {
  const entries =
    field.vocabulary && Array.isArray(vocabularies[field.vocabulary])
      ? vocabularies[field.vocabulary]
      : [];
  // A vocabulary column repeats a handful of values: read each distinct one once.
  // The results are frozen because rows share them.
  const seen = new Map<string, VocabValue | undefined>();
  return (value, row) => {
    if (excelError(value, row) || isDashOnly(value)) return undefined;
    if (typeof value !== "string" || value.length > 200) return matchVocabulary(value, entries);
    if (seen.has(value)) return seen.get(value);
    const match = matchVocabulary(value, entries);
    if (seen.size < VOCABULARY_MEMO_LIMIT) seen.set(value, match && Object.freeze(match));
    return match;
  };
}

/** The units a column accepts in its cells, and what to multiply its plain numbers by. */
function unitsOf(
  field: FieldDef,
  reading: ColumnReading
): { allowed: readonly NumberUnit[] | undefined; factor: number } {
  if (reading.unit === "millionBaht") return { allowed: ["millionBaht"], factor: 1_000_000 };
  if (reading.unit) return { allowed: [], factor: HEADER_UNIT_FACTOR[reading.unit] };
  return { allowed: ALLOWED_UNITS[field.type], factor: reading.fractions ? 100 : 1 };
}

/** Number cells (money, percent, counts, years): scaled by the column's unit; text read as a
 * number with a warning; a unit that is not the column's, or a "?", leaves the cell unread. */
export function numberReader(
  field: FieldDef,
  report: (code: NumberIssueCode, row: number, th: string, en: string) => void,
  excelError: (value: CellValue, row: number) => boolean,
  reading: ColumnReading
): (value: CellValue, row: number, numberFormat: string | undefined) => number | undefined {
  const { allowed, factor } = unitsOf(field, reading);
  const isPercent = field.type === "percent";
  const isYear = field.type === "year";
  // toPrecision(15) drops the binary noise of scaling (0.575 × 100 = 57.49999…).
  const times = (value: number, by: number): number =>
    by === 1 ? value : Number((value * by).toPrecision(15));
  const scaled = (value: number, numberFormat: string | undefined): number =>
    // A cell Excel shows as "10%" holds 0.1; the column holds percentage points.
    isPercent && isPercentFormat(numberFormat) ? times(value, 100) : times(value, factor);
  return (value, row, numberFormat) => {
    // The common case, a finite number, without a result object.
    if (typeof value === "number" && Number.isFinite(value)) return scaled(value, numberFormat);
    if (excelError(value, row) || isDashOnly(value)) return undefined;
    if (isUncertainText(value)) {
      const text = quote(cleanText(value));
      report(
        "CELL_UNCERTAIN",
        row,
        `${text} มีเครื่องหมาย ? จึงยังไม่แน่นอน ไม่นำไปคำนวณ`,
        `${text} has a question mark, so it is not settled and is left out`
      );
      return undefined;
    }
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
      const columnUnit = reading.unit ? HEADER_UNIT_LABEL[reading.unit] : undefined;
      report(
        "CELL_UNIT_MISMATCH",
        row,
        `${text} ใช้หน่วย ${unitLabel(unit, "th")} แต่คอลัมน์นี้เป็น ${columnUnit?.th ?? unitLabel(allowed[0], "th")}`,
        `${text} is in ${unitLabel(unit, "en")} but the column is in ${columnUnit?.en ?? unitLabel(allowed[0], "en")}`
      );
      return undefined;
    }
    if (parsed.fromText) {
      const text = quote(cleanText(value));
      const result =
        unit === undefined
          ? times(parsed.value, factor)
          : times(parsed.value, unit === "millionBaht" ? 1_000_000 : 1);
      const read = formatNumber(result);
      report(
        "CELL_NUMBER_AS_TEXT",
        row,
        `ตัวเลขพิมพ์เป็นข้อความ ${text} อ่านได้เป็น ${read}`,
        `number typed as text ${text}, read as ${read}`
      );
      return result;
    }
    return scaled(parsed.value, numberFormat);
  };
}
