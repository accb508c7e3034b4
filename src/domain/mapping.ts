/**
 * Header auto-mapping: which column of a table holds which schema field, from the header
 * text staff wrote. Tolerant of spacing, case, punctuation, Thai digits and the schema's
 * aliases (see `normalizeForMatch`); a header that only starts with a known spelling
 * ("งบประมาณที่เบิกใช้ (ครั้งที่ 1)") matches too, less firmly than an exact one.
 */
import { headerWithoutUnit } from "./interpret";
import { fieldsOf, TABLE_KINDS } from "./schema";
import { normalizeForMatch } from "./text";
import type { TableKind } from "./types";

/** Spellings shorter than this (after normalizing) only match exactly: "ผล" must not claim
 * every header that starts with it. */
const MIN_PREFIX_LENGTH = 4;

export interface HeaderRef {
  /** Zero-based column index in the table. */
  column: number;
  header: string;
}

export interface AutoMapResult {
  kind: TableKind;
  /** Field key → zero-based column index. */
  columns: Record<string, number>;
  /** Which columns matched only by prefix (the user may want to check them). */
  loose: string[];
  /** Required fields no column maps to. */
  missingRequired: string[];
  /** Headers that match no field. */
  unknownHeaders: HeaderRef[];
  /** Headers that match several fields equally well; left unmapped. */
  ambiguous: (HeaderRef & { fields: string[] })[];
  /** Further columns for a field already mapped; ignored. */
  duplicates: (HeaderRef & { field: string; mappedColumn: number })[];
}

interface Spellings {
  exact: Map<string, string[]>;
  /** Longest first. */
  prefixes: { text: string; field: string }[];
}

const spellingsCache = new Map<TableKind, Spellings>();

function spellingsOf(kind: TableKind): Spellings {
  const cached = spellingsCache.get(kind);
  if (cached) return cached;
  const exact = new Map<string, string[]>();
  const prefixes: { text: string; field: string }[] = [];
  for (const field of fieldsOf(kind)) {
    const seen = new Set<string>();
    for (const spelling of [field.label.th, field.label.en, field.key, ...field.aliases]) {
      const normalized = normalizeForMatch(spelling);
      if (normalized === "" || seen.has(normalized)) continue;
      seen.add(normalized);
      const fields = exact.get(normalized);
      if (fields) fields.push(field.key);
      else exact.set(normalized, [field.key]);
      if (normalized.length >= MIN_PREFIX_LENGTH)
        prefixes.push({ text: normalized, field: field.key });
    }
  }
  prefixes.sort((a, b) => b.text.length - a.text.length);
  const spellings = { exact, prefixes };
  spellingsCache.set(kind, spellings);
  return spellings;
}

type HeaderMatch = { fields: string[]; exact: boolean } | undefined;

function matchHeader(spellings: Spellings, normalized: string): HeaderMatch {
  const exact = spellings.exact.get(normalized);
  if (exact) return { fields: exact, exact: true };
  let bestLength = 0;
  const fields: string[] = [];
  for (const prefix of spellings.prefixes) {
    if (prefix.text.length < bestLength) break;
    if (normalized.startsWith(prefix.text) && !fields.includes(prefix.field)) {
      bestLength = prefix.text.length;
      fields.push(prefix.field);
    }
  }
  return fields.length > 0 ? { fields, exact: false } : undefined;
}

/** Maps a header row to the fields of `kind`. Blank headers are skipped silently. */
export function autoMap(kind: TableKind, headers: readonly unknown[]): AutoMapResult {
  const spellings = spellingsOf(kind);
  const result: AutoMapResult = {
    kind,
    columns: {},
    loose: [],
    missingRequired: [],
    unknownHeaders: [],
    ambiguous: [],
    duplicates: [],
  };
  const candidates: { column: number; header: string; field: string; exact: boolean }[] = [];
  const list = Array.isArray(headers) ? headers : [];
  list.forEach((raw, column) => {
    const header =
      typeof raw === "string" ? raw : raw === null || raw === undefined ? "" : String(raw);
    // "งบประมาณที่ได้รับ (ล้านบาท)" is the budget received; the unit is read elsewhere.
    const normalized = normalizeForMatch(headerWithoutUnit(header));
    if (normalized === "") return;
    const match = matchHeader(spellings, normalized);
    if (!match) result.unknownHeaders.push({ column, header });
    else if (match.fields.length > 1)
      result.ambiguous.push({ column, header, fields: match.fields });
    else candidates.push({ column, header, field: match.fields[0], exact: match.exact });
  });

  // An exact match beats a prefix match for the same field; otherwise the leftmost wins.
  const chosen = new Map<string, (typeof candidates)[number]>();
  for (const candidate of candidates) {
    const current = chosen.get(candidate.field);
    if (!current || (candidate.exact && !current.exact)) chosen.set(candidate.field, candidate);
  }
  for (const candidate of candidates) {
    const kept = chosen.get(candidate.field);
    if (kept && kept !== candidate) {
      result.duplicates.push({
        column: candidate.column,
        header: candidate.header,
        field: candidate.field,
        mappedColumn: kept.column,
      });
    }
  }
  // Columns in the schema's field order, so the mapping reads the same way every time.
  for (const field of fieldsOf(kind)) {
    const kept = chosen.get(field.key);
    if (kept) {
      result.columns[field.key] = kept.column;
      if (!kept.exact) result.loose.push(field.key);
    } else if (field.required) {
      result.missingRequired.push(field.key);
    }
  }
  return result;
}

/**
 * Turns a binding's field → header-text mapping into field → column index, for the
 * headers as they are now (a moved column is found again; a renamed one is dropped).
 */
export function columnsFromHeaders(
  headers: readonly unknown[],
  byHeader: Readonly<Record<string, string>>
): Record<string, number> {
  const index = new Map<string, number>();
  (Array.isArray(headers) ? headers : []).forEach((header, column) => {
    const normalized = normalizeForMatch(headerWithoutUnit(header));
    if (normalized !== "" && !index.has(normalized)) index.set(normalized, column);
  });
  const columns: Record<string, number> = {};
  for (const [field, header] of Object.entries(byHeader)) {
    const column = index.get(normalizeForMatch(headerWithoutUnit(header)));
    if (column !== undefined) columns[field] = column;
  }
  return columns;
}

export interface KindGuess {
  /** The best kind whose required fields are all mapped; undefined when none fits or two
   * fit equally well. */
  kind?: TableKind;
  /** 0–1 per kind: share of the non-blank headers mapped, halved when a required field is
   * missing. */
  scores: Record<TableKind, number>;
  /** The score of `kind` (0 when undefined). */
  score: number;
}

/** Which table kind a header row looks like. */
export function guessKind(headers: readonly unknown[]): KindGuess {
  const list = Array.isArray(headers) ? headers : [];
  const nonBlank = list.filter((header) => normalizeForMatch(header) !== "").length;
  const scores = { projects: 0, rounds: 0, indicators: 0 } as Record<TableKind, number>;
  let best: TableKind | undefined;
  let tie = false;
  for (const kind of TABLE_KINDS) {
    const mapping = autoMap(kind, list);
    const mapped = Object.keys(mapping.columns).length;
    const share = nonBlank === 0 ? 0 : mapped / nonBlank;
    const complete = mapping.missingRequired.length === 0;
    scores[kind] = complete ? share : share / 2;
    if (!complete || mapped === 0) continue;
    if (best === undefined || scores[kind] > scores[best]) {
      best = kind;
      tie = false;
    } else if (scores[kind] === scores[best]) {
      tie = true;
    }
  }
  const kind = tie ? undefined : best;
  return { kind, scores, score: kind ? scores[kind] : 0 };
}
