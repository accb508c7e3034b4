/**
 * What goes into a cell through `Range.formulas`, and how to recognise it when it comes
 * back: text Excel would reinterpret, the 32,767-character cell limit, and a fingerprint
 * of a sheet's content that tells whether someone edited it since Kaona wrote it.
 */

/** One element of a `Range.formulas` array: "" is a blank cell, "=…" a formula. */
export type CellContent = string | number | boolean;

/** Excel keeps at most 32,767 characters in a cell. */
export const MAX_CELL_TEXT = 32_767;

const NUMBER_LIKE = /^[\s$฿€£(+-]*[\d๐-๙][\d๐-๙\s.,:/%$฿)+\-eE]*$/;
const MONTH_WORD =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|^(ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\.?$|^(มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)$/i;

/** "2 ธ.ค. 2562", "Jan 2020", "2-Dec": only day/year numbers and month words. */
function isDateWithMonthWord(text: string): boolean {
  const tokens = text.split(/[\s,\-/]+/).filter(Boolean);
  if (tokens.length < 2 || tokens.length > 3) return false;
  let months = 0;
  for (const token of tokens) {
    if (MONTH_WORD.test(token)) months += 1;
    else if (!/^[\d๐-๙]{1,4}$/.test(token)) return false;
  }
  return months === 1;
}

/**
 * Whether Excel, given this text as cell input, would store something else: a formula
 * ("=…", "+…", "-…", "@…"), a number, percent, date or time ("0012", "10.00 %",
 * "2/12/2562", "2 ธ.ค. 2562"), a boolean, or lose a leading apostrophe. Such text is
 * written into cells formatted as Text ("@") so that it stays exactly as given.
 */
export function isReinterpretedText(text: string): boolean {
  if (text === "") return false;
  const trimmed = text.trim();
  if (trimmed === "") return false;
  if (/^[=+\-@']/.test(trimmed)) return true;
  if (/^(true|false)$/i.test(trimmed)) return true;
  if (NUMBER_LIKE.test(trimmed)) return true;
  return trimmed.length <= 40 && /[\d๐-๙]/.test(trimmed) && isDateWithMonthWord(trimmed);
}

/** A layout or table value as a `formulas` element (never throws). */
export function toCellContent(value: unknown): CellContent {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  if (typeof value === "string")
    return value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  return "";
}

/**
 * A canonical form of one cell's content for fingerprints, so that what Kaona wrote and
 * what Excel later reads back compare equal: formulas as canonicalFormula gives them (Excel
 * rewrites function names, references and structured references in its own form), numbers
 * at Excel's 15 significant digits. Returns null for a blank cell.
 */
export function canonicalContent(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return `n${Number(value.toPrecision(15))}`;
  }
  if (typeof value === "boolean") return value ? "b1" : "b0";
  if (typeof value === "string") {
    if (value.startsWith("=")) return `f${canonicalFormula(value)}`;
    return `s${value}`;
  }
  return null;
}

/** The end (exclusive) of the bracket group opening at `start`; inside brackets an
 * apostrophe escapes the next character ("'[", "']", "'#", "''"). */
function bracketEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") i += 1;
    else if (ch === "[") depth += 1;
    else if (ch === "]") {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/**
 * One structured-reference group in canonical form. Excel stores `T[[Header]]` as
 * `T[Header]` when the header needs no brackets, and `[@[Header]]` as `[@Header]`; both
 * spellings compare equal here. Spaces between specifiers (`[[#Headers], [A]]`) do not
 * count; spaces inside a header do. Case does not count (Excel matches headers and table
 * names without regard to case and rewrites them in the table's own case).
 */
function canonicalGroup(group: string): string {
  const inner = group.slice(1, -1);
  const at = inner.startsWith("@") ? "@" : "";
  const rest = inner.slice(at.length);
  const parts: { bracket: boolean; text: string }[] = [];
  let plain = "";
  for (let i = 0; i < rest.length;) {
    if (rest[i] === "'") {
      plain += rest.slice(i, i + 2);
      i += 2;
    } else if (rest[i] === "[") {
      if (plain !== "") parts.push({ bracket: false, text: plain });
      plain = "";
      const end = bracketEnd(rest, i);
      parts.push({ bracket: true, text: rest.slice(i, end) });
      i = end;
    } else {
      plain += rest[i];
      i += 1;
    }
  }
  if (plain !== "") parts.push({ bracket: false, text: plain });
  const meaningful = parts.filter((p) => p.bracket || p.text.trim() !== "");
  if (!meaningful.some((p) => p.bracket)) return `[${at}${rest.toUpperCase()}]`;
  // A single specifier in its own brackets: [[x]] → [x], [@[x]] → [@x].
  if (meaningful.length === 1) return `[${at}${meaningful[0].text.slice(1, -1).toUpperCase()}]`;
  const joined = meaningful
    .map((p) => (p.bracket ? p.text : p.text.replace(/\s+/g, "")).toUpperCase())
    .join("");
  return `[${at}${joined}]`;
}

/** Where the quoted run that opens at `start` closes (its quote character doubled inside
 * stands for itself); the formula's length when it never closes. */
function quotedEnd(formula: string, start: number): number {
  const quote = formula[start];
  let end = start + 1;
  while (end < formula.length) {
    if (formula[end] !== quote) end += 1;
    else if (formula[end + 1] === quote) end += 2;
    else break;
  }
  return end;
}

/**
 * A formula in the form Excel may give it back: outside string literals, whitespace
 * dropped and everything upper-cased (function names, references, table names);
 * structured references canonical (see canonicalGroup); string literals kept exactly.
 */
export function canonicalFormula(formula: string): string {
  let out = "";
  for (let i = 0; i < formula.length;) {
    const ch = formula[i];
    if (ch === '"') {
      const end = quotedEnd(formula, i);
      out += formula.slice(i, end + 1);
      i = end + 1;
    } else if (ch === "[") {
      const end = bracketEnd(formula, i);
      out += canonicalGroup(formula.slice(i, end));
      i = end;
    } else if (ch === "'") {
      // A quoted sheet name: spaces inside it count.
      const end = quotedEnd(formula, i);
      out += formula.slice(i, end + 1).toUpperCase();
      i = end + 1;
    } else {
      if (!/\s/.test(ch)) out += ch.toUpperCase();
      i += 1;
    }
  }
  return out;
}

/* 32-bit multiplications by shifts (×16777619, the FNV prime; ×16777629): Math.imul is
 * slow in some sandboxed runtimes (Jest's VM context runs it ~100× slower). */
function lane1(x: number): number {
  return (x + (x << 1) + (x << 4) + (x << 7) + (x << 8) + (x << 24)) | 0;
}

function lane2(x: number): number {
  return (x + (x << 2) + (x << 3) + (x << 4) + (x << 7) + (x << 8) + (x << 24)) | 0;
}

/**
 * 64-bit fingerprint (two FNV-1a lanes, summed over cells so the order in which chunks
 * are read does not matter) of the non-blank cells of a sheet.
 */
export class ContentFingerprint {
  private a = 0;
  private b = 0;
  private count = 0;

  /** Adds a cell; blank cells are skipped so the fingerprint does not depend on extent. */
  add(row: number, col: number, value: unknown): void {
    const canonical = canonicalContent(value);
    if (canonical === null) return;
    let a = lane1(0x811c9dc5 ^ row);
    a = lane1(a ^ col);
    let b = lane2(0x5bd1e995 ^ col);
    b = lane2(b ^ row);
    for (let i = 0; i < canonical.length; i++) {
      const code = canonical.charCodeAt(i);
      a = lane1(a ^ code);
      b = lane2(b ^ code) ^ (b >>> 13);
    }
    this.a = (this.a + (a >>> 0)) >>> 0;
    this.b = (this.b + (b >>> 0)) >>> 0;
    this.count += 1;
  }

  /** Adds a 2-D grid whose top-left cell is at (row, col). */
  addGrid(row: number, col: number, grid: readonly (readonly unknown[])[]): void {
    for (let i = 0; i < grid.length; i++) {
      const line = grid[i];
      for (let j = 0; j < line.length; j++) this.add(row + i, col + j, line[j]);
    }
  }

  digest(): string {
    const hex = (n: number) => n.toString(16).padStart(8, "0");
    return `${hex(this.a)}${hex(this.b)}-${this.count}`;
  }
}
