/**
 * A1 addresses: zero-based (row, col) ↔ "B7", ranges, sheet-qualified references, and
 * Excel's rules for sheet and table names. The one copy, shared by the validation (cell
 * addresses of issues), the report layouts, the renderers and both workbooks.
 */

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function columnLetters(col: number): string {
  let n = Math.floor(col) + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "XFD" → 16383; -1 when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based row and column → "C7" (or "$C$7" when `absolute`). */
export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function rangeAddress(r: RangeRef): string {
  const first = cellAddress(r.row, r.col);
  if (r.rows === 1 && r.cols === 1) return first;
  return `${first}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** Parses "B7" or "$B$7"; null when it is not a cell inside Excel's grid. */
export function parseCell(text: string): CellRef | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!match) return null;
  const col = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
  return { row, col };
}

/** Strips a sheet prefix ("'My sheet'!A1:B2" → "A1:B2"). */
export function withoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** The sheet part of "'My sheet'!A1:B2" ("My sheet"), or null when there is none. */
export function sheetOf(address: string): string | null {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return null;
  const raw = address.slice(0, bang);
  return raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}

/** Parses "A1:C9", "B7" or a sheet-qualified form; null when it is not a range. */
export function parseRange(text: string): RangeRef | null {
  const [a, b, extra] = withoutSheet(text).split(":");
  if (extra !== undefined) return null;
  const start = parseCell(a ?? "");
  if (!start) return null;
  const end = b === undefined ? start : parseCell(b);
  if (!end) return null;
  const row = Math.min(start.row, end.row);
  const col = Math.min(start.col, end.col);
  return {
    row,
    col,
    rows: Math.abs(end.row - start.row) + 1,
    cols: Math.abs(end.col - start.col) + 1,
  };
}

/** A sheet name as a formula or link reference needs it: quoted, with quotes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Zero-based, inclusive corners of a range (the grids' CellBlock). */
export interface RangeCorners {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function cornersOf(range: RangeRef): RangeCorners {
  return {
    top: range.row,
    left: range.col,
    bottom: range.row + range.rows - 1,
    right: range.col + range.cols - 1,
  };
}

export function rangeOfCorners(corners: RangeCorners): RangeRef {
  return {
    row: corners.top,
    col: corners.left,
    rows: corners.bottom - corners.top + 1,
    cols: corners.right - corners.left + 1,
  };
}

/** A range's corners (zero-based, inclusive), for code that thinks in corners. */
export function rangeCorners(text: string): RangeCorners | null {
  const range = parseRange(text);
  return range ? cornersOf(range) : null;
}

export function contains(range: RangeRef, row: number, col: number): boolean {
  return (
    row >= range.row &&
    row < range.row + range.rows &&
    col >= range.col &&
    col < range.col + range.cols
  );
}

export function intersects(a: RangeRef, b: RangeRef): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

/** Worksheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "empty";
  if (name.length > 31) return "longer than 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "contains one of : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "'History' is reserved by Excel";
  return null;
}

/**
 * Excel table names: start with a letter, "_" or "\"; then letters, digits, ".", "_" or
 * "\"; no spaces; at most 255 characters; not "C", "R" nor anything that reads as a cell
 * reference ("A1", "KPI2020", "R1C1"). Excel refuses the others with InvalidArgument.
 */
export function tableNameProblem(name: string): string | null {
  if (name.length === 0) return "empty";
  if (name.length > 255) return "longer than 255 characters";
  if (/\s/u.test(name)) return "contains a space";
  if (!/^[\p{L}_\\]/u.test(name)) return "does not start with a letter, _ or \\";
  if (!/^[\p{L}_\\][\p{L}\p{M}\p{N}._\\]*$/u.test(name))
    return "contains a character other than letters, digits, . _ \\";
  if (/^[cr]$/i.test(name)) return "'C' and 'R' are reserved by Excel";
  if (parseCell(name) !== null || /^r\d*c\d*$/i.test(name)) return "reads as a cell reference";
  return null;
}

const INVALID_SHEET_CHARS = /[:\\/?*[\]]/g;

/**
 * A valid, unique worksheet name: at most 31 characters, none of : \ / ? * [ ], not
 * starting or ending with an apostrophe, not "History", not blank; `taken` names (compared
 * case-insensitively, as Excel does) get a " (2)" style suffix.
 */
export function safeSheetName(wanted: string, taken: Iterable<string> = []): string {
  const used = new Set<string>();
  for (const t of taken) used.add(sheetNameKey(t));
  return safeSheetNameAmong(wanted, used);
}

/** A sheet name as Excel compares it: without regard to case, the same in every locale. */
export function sheetNameKey(name: string): string {
  return name.toLowerCase();
}

/** As safeSheetName, with the taken names given as a set of their sheetNameKey (for
 * callers that hand out thousands of names: no set is rebuilt per name). */
export function safeSheetNameAmong(wanted: string, used: ReadonlySet<string>): string {
  let base = wanted
    .replace(INVALID_SHEET_CHARS, "-")
    .replace(/\p{Cc}/gu, " ")
    .trim();
  base = base.replace(/^'+|'+$/g, "").trim();
  if (base === "" || base.toLowerCase() === "history") base = base === "" ? "Sheet" : `${base}-1`;
  base = truncateCodePoints(base, 31);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = truncateCodePoints(base, 31 - suffix.length).trimEnd() + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

function truncateCodePoints(text: string, max: number): string {
  // Excel counts UTF-16 code units; never cut a surrogate pair in half.
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}
