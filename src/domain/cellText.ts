/**
 * Fast tests on cell text for the record parser: whether a cell is clean text (what
 * `cleanText` would leave unchanged), plain text without an Excel error's "#", or blank.
 * Most cells are clean, and one scan to say so is several times cheaper than cleaning.
 * Also the reader of text and code cells built on them (`textReader`).
 */
import { isDashOnly, replaceLookalikes } from "./interpret";
import { quote } from "./messages";
import type { FieldDef } from "./schema";
import { cleanText } from "./text";
import type { CellValue } from "./types";

/** Characters `cleanText` removes or changes: those that take no space, markup, and every
 * whitespace character but the plain space (JavaScript's \s, spelled out). One character
 * class scans much faster than alternatives. */
const NEEDS_CLEANING_RE =
  /[\t\n\v\f\r\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF<&]/;
const SPACE = 32;

/** Whether the (non-empty) text starts or ends with a space or holds two in a row, which
 * cleaning trims or collapses. */
function hasSpaceToTrim(text: string): boolean {
  return (
    text.charCodeAt(0) === SPACE ||
    text.charCodeAt(text.length - 1) === SPACE ||
    text.includes("  ")
  );
}

/**
 * Whether `cleanText` would return the text unchanged. Most cells are already clean, and
 * one scan to say so is several times cheaper than cleaning (a property test keeps this in
 * step with `cleanText`).
 */
export function isCleanText(text: string): boolean {
  if (text.length === 0) return true;
  if (hasSpaceToTrim(text)) return false;
  return !NEEDS_CLEANING_RE.test(text);
}

/** As `NEEDS_CLEANING_RE`, and "#", which every Excel error value has. */
const NEEDS_CLEANING_OR_HASH_RE =
  /[\t\n\v\f\r\u00A0\u00AD\u1680\u2000-\u200D\u2028\u2029\u202F\u205F\u2060\u3000\uFEFF<&#]/;

/** Clean text (see `isCleanText`) without a "#": text that is neither an Excel error nor
 * changed by cleaning, told in one scan. */
function isPlainText(text: string): boolean {
  if (text.length === 0) return true;
  if (hasSpaceToTrim(text)) return false;
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

/** Text and code cells: cleaned; a code's look-alike characters replaced (with a warning);
 * "-" alone is empty. */
export function textReader(
  field: Pick<FieldDef, "type">,
  report: (code: "CELL_LOOKALIKE_CHARACTER", row: number, th: string, en: string) => void,
  excelError: (value: CellValue, row: number) => boolean
): (value: CellValue, row: number) => string | undefined {
  const longText = field.type === "longText";
  const keepLines = { keepLineBreaks: true };
  const code = field.type === "code";
  return (value, row) => {
    if (code && typeof value === "string") {
      const replaced = replaceLookalikes(value);
      if (replaced) {
        const shown = quote(cleanText(replaced.text));
        report(
          "CELL_LOOKALIKE_CHARACTER",
          row,
          `${shown} มี${replaced.names.th.join(", ")} ซึ่งหน้าตาคล้ายอักขระปกติ อ่านเป็น ${shown}`,
          `${shown} holds ${replaced.names.en.join(", ")}, which looks like a plain character; read as ${shown}`
        );
        value = replaced.text;
      }
    }
    if (isDashOnly(value)) return undefined;
    // Most cells are clean text and hold no "#": one scan says so, and no Excel error
    // value lacks a "#".
    if (typeof value === "string" && isPlainText(value)) return value === "" ? undefined : value;
    if (excelError(value, row)) return undefined;
    if (typeof value === "string" && isCleanText(value)) return value === "" ? undefined : value;
    // Paragraphs matter only where there are line breaks; one-line text takes the quicker path.
    const multiline =
      longText && typeof value === "string" && (value.includes("\n") || value.includes("\r"));
    const text = multiline ? cleanText(value, keepLines) : cleanText(value);
    return text === "" ? undefined : text;
  };
}
