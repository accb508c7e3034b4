/**
 * Dates as Excel serials, the Thai fiscal year, and the date text staff type:
 * d/m/y in the Buddhist or Common Era, ISO-like dates, date-times, Thai and English month
 * names, Thai digits. Never throws.
 *
 * Year rules:
 * - A four-digit year above 2400 is BE (BE = CE + 543); otherwise CE. "พ.ศ." or "ค.ศ."
 *   (or BE/CE/AD) written before the year overrides this.
 * - A two-digit year after a month name follows the name's language: BE 25yy after a Thai
 *   month ("2 ธ.ค. 62" → 2562, how staff abbreviate), CE 20yy after an English one
 *   ("2 Dec 19" → 2019). An era word before it decides instead.
 * - A two-digit year in an all-numeric date ("2/12/19", "2/12/62") is ambiguous: staff in
 *   the 2020s write 62–69 for BE 2562–2569 and 19–26 for CE 2019–2026. The ranges do not
 *   overlap, so from 50 the year is BE 25yy (2550–2599 = 2007–2056 CE), below 50 it is CE
 *   20yy (2000–2049): each reading lands in 2000–2056, and a report date of the 2020s or
 *   2030s is read right in either era. `parseThaiDate` says which reading it took
 *   (`twoDigitYear`), so validation can ask the user to write the year in full.
 */
import { cleanText, thaiDigitsToArabic, toThaiDigits } from "./text";
import type { CellValue, ExcelSerial, Parsed } from "./types";

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export type DateStyle = "long" | "short" | "numeric";

/** How an ambiguous two-digit year (numeric d/m/yy) was read. */
export interface TwoDigitYearReading {
  /** The two digits as written, e.g. "19". */
  written: string;
  era: "BE" | "CE";
  /** The full year in that era: 2019 (CE) or 2562 (BE). */
  year: number;
}

/** A parsed date; a success from numeric d/m/yy text says how it read the year. */
export type ParsedDate = Parsed<ExcelSerial> & { twoDigitYear?: TwoDigitYearReading };

/** From this two-digit year on, a numeric d/m/yy date is BE (see the module comment). */
const TWO_DIGIT_BE_FROM = 50;

export interface FormatThaiDateOptions {
  /** Write the digits as Thai digits (๒ ธันวาคม ๒๕๖๒). */
  thaiDigits?: boolean;
  /** The era of the year; default BE in Thai, CE in English. */
  era?: "BE" | "CE";
  /** Month names in Thai (default) or English. */
  lang?: "th" | "en";
}

/** BE year offset. */
export const BE_OFFSET = 543;

/** Number formats that show a serial as a BE date in Excel and LibreOffice alike
 * (the bare `bbbb` code is not understood by LibreOffice). */
export const BE_DATE_LONG_FORMAT = "[$-107041E]d mmmm yyyy";
export const BE_DATE_NUMERIC_FORMAT = "[$-1070000]d/mm/yyyy";
/** The long BE date in Thai digits (the Diagnostics page checks Excel shows it). */
export const BE_DATE_LONG_THAI_DIGITS_FORMAT = "[$-D07041E]d mmmm yyyy";

/** Serials a date cell may plausibly hold: 1950-01-01 … 2199-12-31. Smaller numbers are
 * far more likely a percentage or a count than a date. */
export const MIN_PLAUSIBLE_SERIAL = 18264;
export const MAX_PLAUSIBLE_SERIAL = 109574;
/** 9999-12-31, the last day Excel can show. */
const MAX_EXCEL_SERIAL = 2958465;

export const THAI_MONTHS_LONG = [
  "มกราคม",
  "กุมภาพันธ์",
  "มีนาคม",
  "เมษายน",
  "พฤษภาคม",
  "มิถุนายน",
  "กรกฎาคม",
  "สิงหาคม",
  "กันยายน",
  "ตุลาคม",
  "พฤศจิกายน",
  "ธันวาคม",
] as const;
export const THAI_MONTHS_SHORT = [
  "ม.ค.",
  "ก.พ.",
  "มี.ค.",
  "เม.ย.",
  "พ.ค.",
  "มิ.ย.",
  "ก.ค.",
  "ส.ค.",
  "ก.ย.",
  "ต.ค.",
  "พ.ย.",
  "ธ.ค.",
] as const;
export const ENGLISH_MONTHS_LONG = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Month names without dots or spaces, lower case → month number and language. */
const MONTH_NAMES: ReadonlyMap<string, { month: number; english: boolean }> = (() => {
  const names = new Map<string, { month: number; english: boolean }>();
  const add = (name: string, month: number, english: boolean) =>
    names.set(name.replace(/[.\s]/g, "").toLowerCase(), { month, english });
  THAI_MONTHS_LONG.forEach((name, index) => add(name, index + 1, false));
  THAI_MONTHS_SHORT.forEach((name, index) => add(name, index + 1, false));
  ENGLISH_MONTHS_LONG.forEach((name, index) => {
    add(name, index + 1, true);
    add(name.slice(0, 3), index + 1, true);
  });
  // Common misspellings and variants seen in typed data.
  add("กรกฏาคม", 7, false);
  add("พฤศจิกาย", 11, false);
  add("sept", 9, true);
  return names;
})();

// --- Serial arithmetic ------------------------------------------------------------------

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm: exact
 * for any year, and unlike Date.UTC it does not remap years 0–99). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Excel's day 0 counted from 1970: serial = days since 1899-12-30 from 1900-03-01 on. */
const EXCEL_EPOCH_DAYS = daysFromCivil(1899, 12, 30);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether y-m-d (CE) is a real calendar day in years 1–9999. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The Excel serial of a CE date (1900-01-01 = 1; 2019-12-02 = 43801). Before 1900-03-01
 * the serial is one less than the day count, because Excel counts a fake 1900-02-29 (60).
 * NaN when the date is not a real day from 1900 on. */
export function toExcelSerial(year: number, month: number, day: number): ExcelSerial {
  if (!isValidDate(year, month, day) || year < 1900) return Number.NaN;
  const serial = daysFromCivil(year, month, day) - EXCEL_EPOCH_DAYS;
  return serial < 61 ? serial - 1 : serial;
}

/** The CE date of an Excel serial (the time of day is dropped), or undefined for serials
 * outside 1 … 2958465 (1900-01-01 … 9999-12-31) or not finite. Serial 60 is Excel's
 * fake 1900-02-29 and comes back as such. */
export function fromExcelSerial(serial: ExcelSerial): CivilDate | undefined {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL) return undefined;
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  return civilFromDays(EXCEL_EPOCH_DAYS + (whole < 60 ? whole + 1 : whole));
}

// --- Fiscal year --------------------------------------------------------------------------

/** The Thai fiscal year (BE) of a serial: FY N runs 1 Oct of N−1 to 30 Sep of N, so
 * 2019-10-01 is in FY 2563. Undefined for an invalid serial. */
export function fiscalYearOf(serial: ExcelSerial): number | undefined {
  const date = fromExcelSerial(serial);
  if (!date) return undefined;
  return date.year + BE_OFFSET + (date.month >= 10 ? 1 : 0);
}

/** The fiscal quarter of a serial: 1 = Oct–Dec, 2 = Jan–Mar, 3 = Apr–Jun, 4 = Jul–Sep. */
export function fiscalQuarterOf(serial: ExcelSerial): 1 | 2 | 3 | 4 | undefined {
  const date = fromExcelSerial(serial);
  if (!date) return undefined;
  if (date.month >= 10) return 1;
  if (date.month <= 3) return 2;
  if (date.month <= 6) return 3;
  return 4;
}

/** First and last day (serials) of fiscal year `fiscalYearBE`; undefined when the year is
 * not a whole number in a range Excel can show. */
export function fiscalYearRange(
  fiscalYearBE: number
): { start: ExcelSerial; end: ExcelSerial } | undefined {
  if (!Number.isInteger(fiscalYearBE)) return undefined;
  const endYear = fiscalYearBE - BE_OFFSET;
  const start = toExcelSerial(endYear - 1, 10, 1);
  const end = toExcelSerial(endYear, 9, 30);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return { start, end };
}

// --- Parsing --------------------------------------------------------------------------

type Era = "BE" | "CE" | undefined;

/** Longer text than this is a narrative, not a date; skipping it keeps parsing linear. */
const MAX_DATE_TEXT = 60;

const TIME_SUFFIX_RE =
  /(?:\s*,\s*|\s+|\s*เวลา\s*|t)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:น\.?|am|pm|z|[+-]\d{2}:?\d{2})?$/;
const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY_RE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/;
const ERA_WORD = "(พ\\.?\\s?ศ\\.?|ค\\.?\\s?ศ\\.?|b\\.?e\\.?|c\\.?e\\.?|a\\.?d\\.?)";
const DAY_MONTH_YEAR_RE = new RegExp(
  `^(\\d{1,2})(?:\\s*[-/,]\\s*|\\s*)([^\\d\\s\\-/,]+)(?:\\s*[-/,]\\s*|\\s*)(?:${ERA_WORD}\\s*)?(\\d{4}|\\d{2})$`
);
const MONTH_DAY_YEAR_RE = new RegExp(
  `^([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:${ERA_WORD}\\s*)?(\\d{4})$`
);
const SERIAL_TEXT_RE = /^\d{5}(?:\.\d+)?$/;

function eraOf(word: string | undefined): Era {
  if (!word) return undefined;
  const letters = word.replace(/[.\s]/g, "");
  return letters === "พศ" || letters === "be" ? "BE" : "CE";
}

/** A written year to CE, per the rules in this module's comment. */
function yearToCE(yearText: string, era: Era, englishMonth: boolean): number {
  const written = Number(yearText);
  if (yearText.length === 2) {
    if (era === "CE" || (era === undefined && englishMonth)) return 2000 + written;
    return 2500 + written - BE_OFFSET;
  }
  if (era === "BE") return written - BE_OFFSET;
  if (era === "CE") return written;
  return written > 2400 ? written - BE_OFFSET : written;
}

/** The reading of a two-digit year in an all-numeric date (see the module comment). */
function numericTwoDigitYear(written: string): TwoDigitYearReading {
  const digits = Number(written);
  return digits >= TWO_DIGIT_BE_FROM
    ? { written, era: "BE", year: 2500 + digits }
    : { written, era: "CE", year: 2000 + digits };
}

function serialOf(year: number, month: number, day: number): ExcelSerial | undefined {
  const serial = toExcelSerial(year, month, day);
  return Number.isNaN(serial) ? undefined : serial;
}

interface DateTextReading {
  serial: ExcelSerial;
  twoDigitYear?: TwoDigitYearReading;
}

function readingOf(serial: ExcelSerial | undefined): DateTextReading | undefined {
  return serial === undefined ? undefined : { serial };
}

/** Text → serial, or undefined. `text` is clean, lower case, with arabic digits. */
function parseDateText(text: string): DateTextReading | undefined {
  let rest = text.replace(/^(?:วัน[^\s\d]{0,12}ที่|วันที่|date:?)\s*/, "");
  rest = rest.replace(TIME_SUFFIX_RE, "").trim();
  // "ธันวาคมพ.ศ.2562": set the era word apart so the month name stands alone.
  rest = rest
    .replace(/(พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)/, " $1 ")
    .replace(/\s+/g, " ")
    .trim();

  let match = ISO_RE.exec(rest);
  if (match)
    return readingOf(
      serialOf(yearToCE(match[1], undefined, false), Number(match[2]), Number(match[3]))
    );

  match = DMY_RE.exec(rest);
  if (match) {
    const written = match[3];
    if (written.length === 4)
      return readingOf(
        serialOf(yearToCE(written, undefined, false), Number(match[2]), Number(match[1]))
      );
    const twoDigitYear = numericTwoDigitYear(written);
    const yearCE = twoDigitYear.era === "BE" ? twoDigitYear.year - BE_OFFSET : twoDigitYear.year;
    const serial = serialOf(yearCE, Number(match[2]), Number(match[1]));
    return serial === undefined ? undefined : { serial, twoDigitYear };
  }

  match = DAY_MONTH_YEAR_RE.exec(rest);
  if (match) {
    const month = MONTH_NAMES.get(match[2].replace(/\./g, ""));
    if (!month) return undefined;
    return readingOf(
      serialOf(yearToCE(match[4], eraOf(match[3]), month.english), month.month, Number(match[1]))
    );
  }

  match = MONTH_DAY_YEAR_RE.exec(rest);
  if (match) {
    const month = MONTH_NAMES.get(match[1]);
    if (!month) return undefined;
    return readingOf(
      serialOf(yearToCE(match[4], eraOf(match[3]), month.english), month.month, Number(match[2]))
    );
  }

  if (SERIAL_TEXT_RE.test(rest)) return readingOf(plausibleSerial(Number(rest)));
  return undefined;
}

function plausibleSerial(serial: number): ExcelSerial | undefined {
  const whole = Math.floor(serial);
  return whole >= MIN_PLAUSIBLE_SERIAL && whole <= MAX_PLAUSIBLE_SERIAL ? whole : undefined;
}

/**
 * A date from a cell, as an Excel serial (the time of day dropped). Accepts serial
 * numbers in the plausible range (1950–2199), JavaScript Dates (as ExcelJS gives them,
 * read in UTC), and text: `2/12/2562`, `24/04/2563`, `2020-1-23`, `2019-10-01 00:00:00`,
 * `2 ธันวาคม 2562`, `2 ธ.ค. 62`, `2 ธค 2562`, `2 December 2019`, `Dec 2, 2019`, Thai
 * digits. Impossible days (31/02) are not dates. A two-digit year in numeric text
 * ("2/12/19") is read by the rule in the module comment, and the result's `twoDigitYear`
 * says how.
 */
export function parseThaiDate(value: CellValue | Date | unknown): ParsedDate {
  if (value === null || value === undefined) return { ok: false, empty: true };
  if (typeof value === "number") {
    const serial = Number.isFinite(value) ? plausibleSerial(value) : undefined;
    return serial === undefined
      ? { ok: false, empty: false, text: String(value) }
      : { ok: true, value: serial, fromText: false };
  }
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return { ok: false, empty: false, text: "Invalid Date" };
    const serial = serialOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return serial === undefined
      ? { ok: false, empty: false, text: value.toISOString() }
      : { ok: true, value: serial, fromText: false };
  }
  if (typeof value !== "string") return { ok: false, empty: false, text: cleanText(value) };
  const text = cleanText(value);
  if (text === "" || /^[-–—\u2212]$/.test(text)) return { ok: false, empty: true };
  if (text.length > MAX_DATE_TEXT) return { ok: false, empty: false, text };
  const reading = parseDateText(thaiDigitsToArabic(text).toLowerCase());
  if (reading === undefined) return { ok: false, empty: false, text };
  return reading.twoDigitYear
    ? { ok: true, value: reading.serial, fromText: true, twoDigitYear: reading.twoDigitYear }
    : { ok: true, value: reading.serial, fromText: true };
}

// --- Formatting ------------------------------------------------------------------------

const ENGLISH_MONTHS_SHORT = ENGLISH_MONTHS_LONG.map((name) => name.slice(0, 3));

/**
 * A serial as date text: `long` "2 ธันวาคม 2562", `short` "2 ธ.ค. 62", `numeric"
 * "2/12/2562"; in English (`lang: "en"`, CE by default) "2 December 2019", "2 Dec 2019",
 * "2/12/2019". "" for an invalid serial.
 */
export function formatThaiDate(
  serial: ExcelSerial,
  style: DateStyle = "long",
  options: FormatThaiDateOptions = {}
): string {
  const date = fromExcelSerial(serial);
  if (!date) return "";
  const lang = options.lang ?? "th";
  const era = options.era ?? (lang === "en" ? "CE" : "BE");
  const year = era === "BE" ? date.year + BE_OFFSET : date.year;
  let text: string;
  switch (style) {
    case "numeric":
      text = `${date.day}/${date.month}/${year}`;
      break;
    case "short":
      text =
        lang === "en"
          ? `${date.day} ${ENGLISH_MONTHS_SHORT[date.month - 1]} ${year}`
          : `${date.day} ${THAI_MONTHS_SHORT[date.month - 1]} ${String(year % 100).padStart(2, "0")}`;
      break;
    default:
      text = `${date.day} ${(lang === "en" ? ENGLISH_MONTHS_LONG : THAI_MONTHS_LONG)[date.month - 1]} ${year}`;
  }
  return options.thaiDigits ? toThaiDigits(text) : text;
}
