/**
 * How to read a column before reading its cells, from the evidence the table gives: the
 * unit its header names ("งบประมาณ (ล้านบาท)"), percent typed as fractions (0.25 for 25 %),
 * dates whose year is already Buddhist Era (serials of 2562 CE from a Thai-locale import),
 * and the look-alike characters and uncertain entries of single cells. Each assumption is
 * reported once per column, at its header, so the user sees what was read and why. Pure.
 */
import { BE_OFFSET, fromExcelSerial, MAX_PLAUSIBLE_SERIAL, toExcelSerial } from "./dates";
import { formatNumber } from "./messages";
import type { FieldDef } from "./schema";
import type { CellValue, RawTable } from "./types";

/** A money unit a header may name. */
export type HeaderUnit = "baht" | "thousandBaht" | "millionBaht";

/** Baht per unit. */
export const HEADER_UNIT_FACTOR: Readonly<Record<HeaderUnit, number>> = {
  baht: 1,
  thousandBaht: 1_000,
  millionBaht: 1_000_000,
};

export const HEADER_UNIT_LABEL: Readonly<Record<HeaderUnit, { th: string; en: string }>> = {
  baht: { th: "บาท", en: "baht" },
  thousandBaht: { th: "พันบาท", en: "thousand baht" },
  millionBaht: { th: "ล้านบาท", en: "million baht" },
};

/** Unit words in a header, longest first ("ล้านบาท" before "บาท"); in brackets or after a
 * space or a colon, so "บาท" inside a word is not taken for one. */
const HEADER_UNIT_RE =
  /[([（:：\s]\s*(ล้านบาท|ลบ\.|million\s*baht|mbaht|พันบาท|thousand\s*baht|บาท|baht|thb)\s*[)\]）]?\s*$/i;

/** The money unit a header names, e.g. "งบประมาณ (ล้านบาท)" → millionBaht. */
export function headerUnitOf(header: unknown): HeaderUnit | undefined {
  if (typeof header !== "string") return undefined;
  const match = HEADER_UNIT_RE.exec(header.normalize("NFC").trim());
  if (!match) return undefined;
  const word = match[1].toLowerCase().replace(/\s+/g, "");
  if (word === "ล้านบาท" || word === "ลบ." || word === "millionbaht" || word === "mbaht")
    return "millionBaht";
  if (word === "พันบาท" || word === "thousandbaht") return "thousandBaht";
  return "baht";
}

/** The header without the unit it names, for matching it to a field:
 * "งบประมาณที่ได้รับ (ล้านบาท)" → "งบประมาณที่ได้รับ". Other headers are returned as they are. */
export function headerWithoutUnit(header: unknown): unknown {
  if (typeof header !== "string" || headerUnitOf(header) === undefined) return header;
  const stripped = header.normalize("NFC").trim().replace(HEADER_UNIT_RE, "").trim();
  return stripped === "" ? header : stripped;
}

/** What was decided about one column. */
export interface ColumnReading {
  /** Multiply numbers by this to get baht (a unit named in the header). */
  unit?: HeaderUnit;
  /** Numbers are fractions of 1 (0.25 = 25 %): multiply by 100. */
  fractions?: boolean;
  /** How many date cells held a BE year as if it were CE. */
  beSerials?: number;
  /** An example of such a date cell (its serial), for the message. */
  beExample?: number;
}

/** Percent cells shown with a "%" by their format (outside quoted or escaped literals). */
export function isPercentFormat(format: string | undefined): boolean {
  if (typeof format !== "string" || !format.includes("%")) return false;
  // `0.00"%"` and `0.00\%` show a literal percent sign: 25 is 25 %, not 2,500 %.
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .includes("%");
}

/** Years a BE year typed into a CE date lands in (BE 2400–2799). */
const BE_AS_CE_FIRST = 2400;
const BE_AS_CE_LAST = 2799;

/** A serial whose year is a BE year stored as CE (2562-10-01), moved back 543 years; undefined
 * for any other number. */
export function serialFromBeYear(value: number): number | undefined {
  if (!(value > MAX_PLAUSIBLE_SERIAL)) return undefined;
  const date = fromExcelSerial(value);
  if (!date || date.year < BE_AS_CE_FIRST || date.year > BE_AS_CE_LAST) return undefined;
  // 29 February of a BE leap year may not exist in CE: the day before then.
  let serial = toExcelSerial(date.year - BE_OFFSET, date.month, date.day);
  if (Number.isNaN(serial)) serial = toExcelSerial(date.year - BE_OFFSET, date.month, date.day - 1);
  return Number.isNaN(serial) ? undefined : serial;
}

/** Looks at a column's cells (and header) and decides how to read it. */
export function readingOfColumn(
  field: FieldDef,
  table: RawTable,
  column: number
): ColumnReading | undefined {
  const rows = Array.isArray(table.rows) ? table.rows : [];
  const formats = Array.isArray(table.numberFormats) ? table.numberFormats : undefined;
  switch (field.type) {
    case "money": {
      const unit = headerUnitOf(table.headers?.[column]);
      return unit && unit !== "baht" ? { unit } : undefined;
    }
    case "percent": {
      let numbers = 0;
      let between = 0;
      for (let row = 0; row < rows.length; row++) {
        const value: CellValue = Array.isArray(rows[row]) ? rows[row][column] : undefined;
        if (typeof value !== "number" || !Number.isFinite(value)) continue;
        if (isPercentFormat(formats?.[row]?.[column])) continue;
        if (value < 0 || value > 1) return undefined;
        numbers += 1;
        if (value > 0 && value < 1) between += 1;
      }
      return numbers > 0 && between > 0 ? { fractions: true } : undefined;
    }
    case "date": {
      let count = 0;
      let example: number | undefined;
      for (const cells of rows) {
        const value: CellValue = Array.isArray(cells) ? cells[column] : undefined;
        if (typeof value !== "number" || serialFromBeYear(value) === undefined) continue;
        count += 1;
        example ??= value;
      }
      return count > 0 ? { beSerials: count, beExample: example } : undefined;
    }
    default:
      return undefined;
  }
}

/** The message of a column reading, for the issue at its header. */
export function readingMessage(
  field: FieldDef,
  reading: ColumnReading
):
  | {
      code: "COLUMN_UNIT_FROM_HEADER" | "COLUMN_FRACTION_PERCENT" | "COLUMN_BE_DATE_SERIALS";
      th: string;
      en: string;
    }
  | undefined {
  const label = field.label;
  if (reading.unit) {
    const unit = HEADER_UNIT_LABEL[reading.unit];
    const factor = formatNumber(HEADER_UNIT_FACTOR[reading.unit], 0);
    return {
      code: "COLUMN_UNIT_FROM_HEADER",
      th: `${label.th}: หัวคอลัมน์ระบุหน่วย ${unit.th} จึงคูณค่าด้วย ${factor} เป็นบาท`,
      en: `${label.en}: the header gives the unit as ${unit.en}, so values were multiplied by ${factor} to baht`,
    };
  }
  if (reading.fractions) {
    return {
      code: "COLUMN_FRACTION_PERCENT",
      th: `${label.th}: ทุกค่าอยู่ระหว่าง 0 ถึง 1 จึงถือเป็นสัดส่วน (0.25 = 25%) ถ้าหมายถึงร้อยละจริง (0.25%) ให้แก้ค่า`,
      en: `${label.en}: every value is between 0 and 1, so they were read as fractions (0.25 = 25%); correct them if they mean 0.25%`,
    };
  }
  if (reading.beSerials) {
    const when = reading.beExample === undefined ? undefined : fromExcelSerial(reading.beExample);
    const year = when ? String(when.year) : "25xx";
    return {
      code: "COLUMN_BE_DATE_SERIALS",
      th: `${label.th}: วันที่ ${reading.beSerials} ช่องเก็บปี ${year} เป็นปี ค.ศ. (มักเกิดจากการเปิดไฟล์ CSV ด้วยภาษาไทย) จึงถือเป็น พ.ศ. และลบ 543 ปี`,
      en: `${label.en}: ${reading.beSerials} date cell(s) store the year ${year} as a Common Era year (typical of a CSV opened in a Thai locale); read as Buddhist Era, 543 years subtracted`,
    };
  }
  return undefined;
}

// --- Single cells -------------------------------------------------------------------------

/** Characters that look like ones a code holds but are not: dashes and minus signs that
 * look like "-", spaces that look like " ", and characters that take no space. */
const LOOKALIKES: ReadonlyMap<string, { name: { th: string; en: string }; as: string }> = new Map([
  ["\u2010", { name: { th: "ยัติภังค์ (U+2010)", en: "hyphen (U+2010)" }, as: "-" }],
  [
    "\u2011",
    { name: { th: "ยัติภังค์ไม่ตัดบรรทัด (U+2011)", en: "non-breaking hyphen (U+2011)" }, as: "-" },
  ],
  ["\u2012", { name: { th: "ขีดตัวเลข (U+2012)", en: "figure dash (U+2012)" }, as: "-" }],
  ["\u2013", { name: { th: "ขีดสั้น en dash (U+2013)", en: "en dash (U+2013)" }, as: "-" }],
  ["\u2014", { name: { th: "ขีดยาว em dash (U+2014)", en: "em dash (U+2014)" }, as: "-" }],
  ["\u2015", { name: { th: "เส้นนอน (U+2015)", en: "horizontal bar (U+2015)" }, as: "-" }],
  ["\u2212", { name: { th: "เครื่องหมายลบ (U+2212)", en: "minus sign (U+2212)" }, as: "-" }],
  ["\uFE63", { name: { th: "ยัติภังค์เล็ก (U+FE63)", en: "small hyphen-minus (U+FE63)" }, as: "-" }],
  [
    "\uFF0D",
    { name: { th: "ยัติภังค์เต็มความกว้าง (U+FF0D)", en: "full-width hyphen-minus (U+FF0D)" }, as: "-" },
  ],
  ["\u00A0", { name: { th: "ช่องว่างไม่ตัดบรรทัด (U+00A0)", en: "no-break space (U+00A0)" }, as: " " }],
  [
    "\u202F",
    { name: { th: "ช่องว่างแคบไม่ตัดบรรทัด (U+202F)", en: "narrow no-break space (U+202F)" }, as: " " },
  ],
  [
    "\u200B",
    { name: { th: "อักขระไม่มีความกว้าง (U+200B)", en: "zero-width space (U+200B)" }, as: "" },
  ],
  [
    "\u200C",
    { name: { th: "อักขระไม่มีความกว้าง (U+200C)", en: "zero-width non-joiner (U+200C)" }, as: "" },
  ],
  [
    "\u200D",
    { name: { th: "อักขระไม่มีความกว้าง (U+200D)", en: "zero-width joiner (U+200D)" }, as: "" },
  ],
  ["\u2060", { name: { th: "อักขระไม่มีความกว้าง (U+2060)", en: "word joiner (U+2060)" }, as: "" }],
  [
    "\uFEFF",
    { name: { th: "อักขระไม่มีความกว้าง (U+FEFF)", en: "zero-width no-break space (U+FEFF)" }, as: "" },
  ],
  ["\u00AD", { name: { th: "ยัติภังค์ซ่อน (U+00AD)", en: "soft hyphen (U+00AD)" }, as: "" }],
]);
const LOOKALIKE_RE = /[\u2010-\u2015\u2212\uFE63\uFF0D\u00A0\u202F\u200B-\u200D\u2060\uFEFF\u00AD]/;

/** A code with its look-alike characters replaced, and their names; undefined when it has
 * none. */
export function replaceLookalikes(
  text: string
): { text: string; names: { th: string[]; en: string[] } } | undefined {
  if (!LOOKALIKE_RE.test(text)) return undefined;
  const th: string[] = [];
  const en: string[] = [];
  let out = "";
  for (const ch of text) {
    const lookalike = LOOKALIKES.get(ch);
    if (!lookalike) {
      out += ch;
      continue;
    }
    if (!en.includes(lookalike.name.en)) {
      th.push(lookalike.name.th);
      en.push(lookalike.name.en);
    }
    out += lookalike.as;
  }
  return { text: out.replace(/\s+/g, " ").trim(), names: { th, en } };
}

/** A cell holding only a dash ("-", "–", "—", "−"): staff's way of writing "nothing". It
 * reads as an empty cell in every column (docs/reading-workbooks.md). */
export function isDashOnly(value: CellValue): boolean {
  return (
    typeof value === "string" &&
    value.length <= 8 &&
    /^\s*[-\u2010-\u2015\u2212\uFE63\uFF0D]\s*$/.test(value)
  );
}

/** Whether an entry is marked as not settled: it holds a question mark ("ผ่าน?", "50?"). */
export function isUncertainText(value: CellValue): boolean {
  return typeof value === "string" && /[?？]/.test(value);
}
