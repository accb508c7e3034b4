/**
 * Excel number formats → display text, for the HTML preview. Covers what Kaona's layouts
 * use, the way Excel shows it: General, "0", "0.00", "#,##0", "#,##0.00" (with literal
 * suffixes such as `"บาท"`), percents ("0%", "0.00%"), text "@", and dates with locale
 * prefixes: `[$-107041E]d mmmm yyyy` (Thai months, BE year), `[$-1070000]d/mm/yyyy`
 * (BE year), `[$-D07041E]…` (Thai digits), plain `d/mm/yyyy`, `yyyy-mm-dd`.
 * Anything else falls back to General. Never throws.
 */
import {
  BE_OFFSET,
  ENGLISH_MONTHS_LONG,
  THAI_MONTHS_LONG,
  THAI_MONTHS_SHORT,
  fromExcelSerial,
} from "../../domain/dates";
import { toThaiDigits } from "../../domain/text";

type Value = string | number | boolean | null | undefined;

/** The text Excel would show for `value` under `format`. */
export function formatValue(value: Value, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const sections = splitSections(format ?? "General");
  if (typeof value === "string") {
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes("@"));
    return textSection ? renderText(textSection, value) : value;
  }
  if (!Number.isFinite(value)) return value > 0 || value < 0 ? "#NUM!" : "#VALUE!";
  let section = sections[0];
  let number = value;
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    number = -value;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  const { locale, body } = stripBrackets(section);
  if (body.trim() === "" || /^general$/i.test(body.trim()))
    return applyDigits(formatGeneral(number), locale);
  if (isDateFormat(body)) return formatDate(number, body, locale);
  return applyDigits(formatNumber(number, body), locale);
}

interface Locale {
  /** Buddhist calendar (calendar byte 07). */
  buddhist: boolean;
  /** Thai month names (language 041E). */
  thaiNames: boolean;
  /** Thai digits (digit-substitution byte 0D, as in [$-D07041E]). */
  thaiDigits: boolean;
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

/** Removes [Red], [$-107041E], [$฿-41E] blocks, reading the locale ones. */
function stripBrackets(section: string): { locale: Locale; body: string } {
  const locale: Locale = { buddhist: false, thaiNames: false, thaiDigits: false };
  let body = "";
  let quoted = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "[" && !quoted) {
      const end = section.indexOf("]", i);
      if (end < 0) break;
      const inner = section.slice(i + 1, end);
      const m = /^\$([^-]*)-([0-9A-Fa-f]+)$/.exec(inner);
      if (m) {
        if (m[1] !== "") body += `"${m[1]}"`;
        const code = m[2].padStart(8, "0").toUpperCase();
        const digits = code.slice(0, 2);
        const calendar = code.slice(2, 4);
        const language = code.slice(4);
        locale.thaiDigits = digits === "0D";
        locale.buddhist = calendar === "07";
        locale.thaiNames = language === "041E" || (locale.buddhist && language === "0000");
      }
      i = end;
      continue;
    }
    body += ch;
  }
  return { locale, body };
}

function applyDigits(text: string, locale: Locale): string {
  return locale.thaiDigits ? toThaiDigits(text) : text;
}

/** Whether Excel shows a number under `format` as a date (its first section has d or y, or mmm). */
export function isDateNumberFormat(format: string | undefined): boolean {
  if (!format) return false;
  const first = splitSections(format)[0] ?? "";
  return isDateFormat(stripBrackets(first).body);
}

function isDateFormat(body: string): boolean {
  const bare = body.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[dy]/i.test(bare) || /\bm{3,}\b/i.test(bare);
}

/** Excel's General: up to 11 significant characters, no thousands separator. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9))
    return value
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .replace("E+", "E+");
  const digitsBefore = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - digitsBefore);
  return String(Number(value.toFixed(decimals)));
}

function formatNumber(value: number, body: string): string {
  // Literal parts before and after the digit placeholders ("บาท", " ", "%").
  const masked = body.replace(/"[^"]*"|\\./g, (q) => "\u0000".repeat(q.length));
  const pattern = /[#0?,.]+/.exec(masked);
  if (!pattern) return renderLiterals(body);
  const prefix = renderLiterals(body.slice(0, pattern.index));
  const suffix = renderLiterals(body.slice(pattern.index + pattern[0].length));
  const spec = pattern[0];
  const percent = masked.includes("%") ? 100 : 1;
  let scaled = value * percent;
  const trailingCommas = /,+$/.exec(spec);
  if (trailingCommas) scaled /= 1000 ** trailingCommas[0].length;
  const core = trailingCommas ? spec.slice(0, -trailingCommas[0].length) : spec;
  const [intPart, fracPart = ""] = core.split(".");
  const decimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const grouping = intPart.includes(",");
  const minInt = (intPart.match(/0/g) ?? []).length;
  const negative = scaled < 0;
  let [whole, frac = ""] = Math.abs(scaled).toFixed(decimals).split(".");
  while (frac.length > minDecimals && frac.endsWith("0")) frac = frac.slice(0, -1);
  if (whole === "0" && minInt === 0) whole = "";
  whole = whole.padStart(minInt, "0");
  if (grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number =
    frac !== "" ? `${whole}.${frac}` : core.includes(".") && decimals > 0 ? `${whole}.` : whole;
  return `${negative ? "-" : ""}${prefix}${number}${suffix}`;
}

function renderLiterals(part: string): string {
  let out = "";
  for (let i = 0; i < part.length; i++) {
    const ch = part[i];
    if (ch === '"') {
      const end = part.indexOf('"', i + 1);
      out += end < 0 ? part.slice(i + 1) : part.slice(i + 1, end);
      i = end < 0 ? part.length : end;
    } else if (ch === "\\" && i + 1 < part.length) {
      out += part[++i];
    } else if (ch === "_" && i + 1 < part.length) {
      out += " ";
      i++;
    } else if (ch !== "*") {
      out += ch;
    }
  }
  return out;
}

function renderText(section: string, text: string): string {
  const { body } = stripBrackets(section);
  return body.split("@").map(renderLiterals).join(text);
}

const ENGLISH_MONTHS_SHORT = ENGLISH_MONTHS_LONG.map((m) => m.slice(0, 3));

function formatDate(serial: number, body: string, locale: Locale): string {
  const date = fromExcelSerial(serial);
  if (!date) return "#".repeat(8);
  const year = locale.buddhist ? date.year + BE_OFFSET : date.year;
  const tokens = /"[^"]*"|\\.|y{1,4}|m{1,5}|d{1,4}|[hs]{1,2}|AM\/PM|./gi;
  let out = "";
  for (const token of body.match(tokens) ?? []) {
    const lower = token.toLowerCase();
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith("\\")) out += token.slice(1);
    else if (lower === "yyyy" || lower === "yyy") out += String(year);
    else if (lower === "yy" || lower === "y") out += String(year % 100).padStart(2, "0");
    else if (lower === "mmmm")
      out += (locale.thaiNames ? THAI_MONTHS_LONG : ENGLISH_MONTHS_LONG)[date.month - 1];
    else if (lower === "mmm")
      out += (locale.thaiNames ? THAI_MONTHS_SHORT : ENGLISH_MONTHS_SHORT)[date.month - 1];
    else if (lower === "mm") out += String(date.month).padStart(2, "0");
    else if (lower === "m") out += String(date.month);
    else if (lower === "dd") out += String(date.day).padStart(2, "0");
    else if (lower === "d") out += String(date.day);
    else if (lower === "hh" || lower === "h" || lower === "ss" || lower === "s") out += "00";
    else out += token;
  }
  return applyDigits(out, locale);
}
