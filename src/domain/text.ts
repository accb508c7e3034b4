/**
 * Text cleaning for cell content. Staff data arrives with NBSPs, zero-width characters,
 * HTML fragments from the monitoring system's export, Thai digits and stray punctuation;
 * these helpers turn it into text that reads and compares the same way every time.
 * Pure and total: no function here throws, whatever it is given.
 */
import type { CellValue } from "./types";

const THAI_ZERO = 0x0e50;
const THAI_DIGIT_RE = /[\u0E50-\u0E59]/g;
const ARABIC_DIGIT_RE = /[0-9]/g;

/** Characters that take no space and only get in the way of matching. */
const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** Spaces other than U+0020 (NBSP, figure/thin/narrow spaces, ideographic space…). */
const ODD_SPACE_RE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
/** HTML tags as the monitoring system's export leaves them (`<p>`, `</p>`, `<br/>`).
 * Bounded so that a stray "<" in a 100 KB narrative cannot make the scan quadratic. */
const HTML_TAG_RE = /<\/?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>]{0,500})?\/?>/g;
const HTML_ENTITY_RE = /&(nbsp|amp|lt|gt|quot|apos|#39);/g;
/** The named HTML entities every export writes; the printout reader knows more. */
export const BASIC_HTML_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};
const HTML_ENTITIES: Readonly<Record<string, string>> = { ...BASIC_HTML_ENTITIES, "#39": "'" };

export interface CleanTextOptions {
  /** Keep line breaks (one per run of blank lines) instead of folding them into spaces:
   * narratives read better with their paragraphs. */
  keepLineBreaks?: boolean;
}

/**
 * The text of a cell as a person would read it: trimmed, whitespace runs collapsed, NBSP
 * and zero-width characters gone, HTML tags removed. Numbers and booleans become their
 * text; null, undefined, NaN, Infinity and anything that is not a cell value become "".
 */
export function cleanText(value: CellValue | unknown, options: CleanTextOptions = {}): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  else return "";

  if (text === "") return "";
  // Fast path: plain ASCII words with single spaces need no work.
  if (/^[\x21-\x7E]+(?: [\x21-\x7E]+)*$/.test(text) && !text.includes("<") && !text.includes("&")) {
    return text;
  }
  text = text.replace(INVISIBLE_RE, "").replace(ODD_SPACE_RE, " ");
  if (text.includes("<")) text = text.replace(HTML_TAG_RE, " ");
  if (text.includes("&"))
    text = text.replace(HTML_ENTITY_RE, (_m, name: string) => HTML_ENTITIES[name] ?? "");
  if (options.keepLineBreaks) {
    return text
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
      .filter((line, index, lines) => line !== "" || (index > 0 && lines[index - 1] !== ""))
      .join("\n")
      .trim();
  }
  return text.replace(/\s+/g, " ").trim();
}

/** "๒๕๖๒" → "2562"; other characters unchanged. */
export function thaiDigitsToArabic(text: string): string {
  if (typeof text !== "string") return "";
  return text.replace(THAI_DIGIT_RE, (digit) => String(digit.charCodeAt(0) - THAI_ZERO));
}

/** "2562" → "๒๕๖๒"; other characters unchanged. */
export function toThaiDigits(text: string): string {
  if (typeof text !== "string") return "";
  return text.replace(ARABIC_DIGIT_RE, (digit) => String.fromCharCode(THAI_ZERO + Number(digit)));
}

/** Whether the text holds at least one Thai character (consonant, vowel, mark or digit). */
export function hasThai(text: string): boolean {
  return /[\u0E01-\u0E5B]/.test(text);
}

/** Punctuation, symbols and spaces: what header and vocabulary matching ignores, with
 * the Thai abbreviation and section marks (ฯ ๏ ๚ ๛), so "ความก้าวหน้าของงานฯ" matches. */
const MATCH_NOISE_RE = /[\s\p{P}\p{S}\u0E2F\u0E4F\u0E5A\u0E5B]+/gu;

/**
 * A key for comparing headers and vocabulary values: cleaned, NFKC-folded, lower case,
 * Thai digits as arabic, without spaces and punctuation (". : / - ( )" and the like).
 * "ความก้าวหน้าของงาน (%)" and "ความก้าวหน้าของงาน" give the same key.
 */
export function normalizeForMatch(value: CellValue | unknown): string {
  const text = cleanText(value);
  if (text === "") return "";
  // NFKC folds full-width and compatibility forms; lower-casing after it can expose more,
  // so fold again to keep the key stable. NFKC also splits sara am into nikhahit + sara aa,
  // and staff type both spellings, so join them back into one.
  const folded = text
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFKC")
    .replace(/\u0E4D\u0E32/g, "\u0E33");
  return thaiDigitsToArabic(folded).replace(MATCH_NOISE_RE, "");
}
