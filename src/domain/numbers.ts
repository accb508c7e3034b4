/**
 * Numbers from cells: native numbers as they are, and the text staff type or paste
 * ("10.00 %", "1,234.50 บาท", "๑๒", "(1,234)"). Never throws.
 */
import { cleanText, thaiDigitsToArabic } from "./text";
import type { CellValue, Parsed } from "./types";

/** The unit written beside a number in a cell. Percent values stay in percentage points. */
export type NumberUnit = "percent" | "baht" | "millionBaht";

export type ParsedNumber = Parsed<number> & { unit?: NumberUnit };

/** Excel's error values as they arrive in `Range.values` (and as typed text). */
const EXCEL_ERROR_RE =
  /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

/** Whether a value is one of Excel's error values ("#N/A", "#VALUE!", …). */
export function isExcelError(value: CellValue | unknown): boolean {
  return typeof value === "string" && value.length < 16 && EXCEL_ERROR_RE.test(value.trim());
}

/** Unit words, longest first so "ล้านบาท" wins over "บาท". Matched on lower-case text. */
const UNIT_SUFFIXES: readonly [string, NumberUnit][] = [
  ["ล้านบาท", "millionBaht"],
  ["million baht", "millionBaht"],
  ["mbaht", "millionBaht"],
  ["ลบ.", "millionBaht"],
  ["ล้าน", "millionBaht"],
  ["เปอร์เซ็นต์", "percent"],
  ["percent", "percent"],
  ["%", "percent"],
  ["บาท", "baht"],
  ["baht", "baht"],
  ["thb", "baht"],
  ["฿", "baht"],
];
const UNIT_PREFIXES: readonly [string, NumberUnit][] = [
  ["ร้อยละ", "percent"],
  ["฿", "baht"],
  ["thb", "baht"],
];

const PLAIN_NUMBER_RE = /^-?\d+(?:\.\d+)?$/;
/** Digits with correct thousands grouping, or plain digits; optional fraction and exponent. */
const NUMBER_BODY_RE = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d{1,3})?$/;

function notANumber(text: string): ParsedNumber {
  return { ok: false, empty: false, text };
}

/**
 * A number from a cell, with the unit written beside it. Native finite numbers come back
 * with `fromText: false`; text that reads as a number with `fromText: true`. Percent text
 * gives percentage points ("10.00 %" → 10), "(1,234)" is negative, "-" alone is blank.
 * NaN, Infinity, booleans, Excel errors and other text are not numbers.
 */
export function parseNumberWithUnit(value: CellValue | unknown): ParsedNumber {
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { ok: true, value, fromText: false }
      : notANumber(String(value));
  }
  if (value === null || value === undefined) return { ok: false, empty: true };
  if (typeof value === "boolean") return notANumber(value ? "TRUE" : "FALSE");
  if (typeof value !== "string") return notANumber(cleanText(value));

  if (value.length <= 32 && PLAIN_NUMBER_RE.test(value))
    return { ok: true, value: Number(value), fromText: true };
  const text = cleanText(value);
  if (text === "" || /^[-–—\u2212]$/.test(text)) return { ok: false, empty: true };
  // A number with a unit is short; anything long is prose, not worth scanning.
  if (text.length > 64) return notANumber(text);
  return parseNumberText(text);
}

function parseNumberText(text: string): ParsedNumber {
  let rest = thaiDigitsToArabic(text)
    .toLowerCase()
    .replace(/\u2212/g, "-");
  let unit: NumberUnit | undefined;

  for (const [word, wordUnit] of UNIT_PREFIXES) {
    if (rest.startsWith(word)) {
      unit = wordUnit;
      rest = rest.slice(word.length).trim();
      break;
    }
  }
  for (const [word, wordUnit] of UNIT_SUFFIXES) {
    if (rest.endsWith(word)) {
      if (unit !== undefined && unit !== wordUnit) return notANumber(text);
      unit = wordUnit;
      rest = rest.slice(0, rest.length - word.length).trim();
      break;
    }
  }

  let negative = false;
  if (rest.startsWith("(") && rest.endsWith(")")) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  if (rest.startsWith("-") || rest.startsWith("+")) {
    if (negative) return notANumber(text);
    negative = rest.startsWith("-");
    rest = rest.slice(1).trim();
  }
  // "฿ 1,000" and "-฿5" put the currency sign after the bracket or sign.
  if (unit === undefined && rest.startsWith("฿")) {
    unit = "baht";
    rest = rest.slice(1).trim();
  }

  if (rest === "" || rest === "." || !NUMBER_BODY_RE.test(rest) || !/\d/.test(rest))
    return notANumber(text);
  const magnitude = Number(rest.replace(/,/g, ""));
  if (!Number.isFinite(magnitude)) return notANumber(text);
  const number = negative ? -magnitude : magnitude;
  // -0 would print as "0" but compare oddly in tests and JSON; keep it plain.
  const result: ParsedNumber = { ok: true, value: number === 0 ? 0 : number, fromText: true };
  if (unit !== undefined) result.unit = unit;
  return result;
}

/** A number from a cell; see `parseNumberWithUnit` for what is accepted. */
export function parseNumber(value: CellValue | unknown): Parsed<number> {
  const parsed = parseNumberWithUnit(value);
  if (!parsed.ok) return parsed;
  return { ok: true, value: parsed.value, fromText: parsed.fromText };
}

/** Index of the first element of an ascending list not below `value`: where `value` is, or
 * where it would go. O(log n). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
