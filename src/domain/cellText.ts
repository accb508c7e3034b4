/**
 * Fast tests on cell text for the record parser: whether a cell is clean text (what
 * `cleanText` would leave unchanged), plain text without an Excel error's "#", or blank.
 * Most cells are clean, and one scan to say so is several times cheaper than cleaning.
 */
import { cleanText } from "./text";
import type { CellValue } from "./types";

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

/** As `NEEDS_CLEANING_RE`, and "#", which every Excel error value has. */
const NEEDS_CLEANING_OR_HASH_RE =
  /[\t\n\v\f\r\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF<&#]/;

/** Clean text (see `isCleanText`) without a "#": text that is neither an Excel error nor
 * changed by cleaning, told in one scan. */
export function isPlainText(text: string): boolean {
  if (text.length === 0) return true;
  if (
    text.charCodeAt(0) === SPACE ||
    text.charCodeAt(text.length - 1) === SPACE ||
    text.includes("  ")
  )
    return false;
  return !NEEDS_CLEANING_OR_HASH_RE.test(text);
}

/** Spaces and characters that take no space: a cell holding only these is blank. */
const BLANK_RE = /^[\s\u00AD\u200B-\u200D\u2060\uFEFF]*$/;

export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  // A first character that cleaning keeps (printable ASCII other than the "<" and "&" of
  // markup, or a Thai letter or digit) settles it: most cells start with one.
  const first = value.charCodeAt(0);
  if (
    (first > SPACE && first < 127 && first !== 60 && first !== 38) ||
    (first >= 0x0e01 && first <= 0x0e5b)
  )
    return false;
  // Only text with markup ("<p></p>") needs the full cleaning to tell.
  return value.includes("<") || value.includes("&")
    ? cleanText(value) === ""
    : BLANK_RE.test(value);
}
