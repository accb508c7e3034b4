/** A1-style addresses for the layout model: zero-based row/column ↔ "C7", ranges, sheet names. */

/** Zero-based column index → letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  let n = Math.max(0, Math.floor(col)) + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Zero-based row and column → "C7". */
export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

/** Zero-based corners → "A1:H60". */
export function rangeAddress(top: number, left: number, bottom: number, right: number, absolute = false): string {
  return `${cellAddress(top, left, absolute)}:${cellAddress(bottom, right, absolute)}`;
}

/** "C7" (or "$C$7") → zero-based {row, col}; null when it is not a cell address. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** "A1:C9" → zero-based corners; a single cell is a one-cell range; null when invalid. */
export function parseRangeAddress(
  range: string,
): { top: number; left: number; bottom: number; right: number } | null {
  const parts = range.split(":");
  if (parts.length > 2) return null;
  const a = parseCellAddress(parts[0]);
  const b = parts.length === 2 ? parseCellAddress(parts[1]) : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

const INVALID_SHEET_CHARS = /[:\\/?*[\]]/g;

/**
 * A valid, unique worksheet name: at most 31 characters, none of : \ / ? * [ ], not
 * starting or ending with an apostrophe, not "History", not blank; `taken` names (compared
 * case-insensitively, as Excel does) get a " (2)" style suffix.
 */
export function safeSheetName(wanted: string, taken: Iterable<string> = []): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toLocaleLowerCase());
  let base = wanted.replace(INVALID_SHEET_CHARS, "-").replace(/\p{Cc}/gu, " ").trim();
  base = base.replace(/^'+|'+$/g, "").trim();
  if (base === "" || base.toLowerCase() === "history") base = base === "" ? "Sheet" : `${base}-1`;
  base = truncateCodePoints(base, 31);
  if (!used.has(base.toLocaleLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = truncateCodePoints(base, 31 - suffix.length).trimEnd() + suffix;
    if (!used.has(candidate.toLocaleLowerCase())) return candidate;
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

/** A sheet name as a formula or link reference needs it: quoted, apostrophes doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
