/**
 * The default vocabularies (plan status, target status, outcome categories) and tolerant
 * matching of what staff type against them. Workbooks may replace the lists; matching
 * works on any list of entries.
 */
import { isDashOnly } from "./interpret";
import { cleanText, hasThai, normalizeForMatch } from "./text";
import type { CellValue, Lang, VocabValue, Vocabularies, VocabularyEntry } from "./types";

export const DEFAULT_VOCABULARIES: Vocabularies = {
  planStatus: [
    {
      key: "onPlan",
      th: "เป็นไปตามแผน",
      en: "On plan",
      aliases: [
        "ตามแผน",
        "เป็นไปตามแผนงาน",
        "ตามกำหนด",
        "on schedule",
        "on track",
        "according to plan",
      ],
    },
    {
      key: "behind",
      th: "ล่าช้ากว่าแผน",
      en: "Behind plan",
      aliases: [
        "ล่าช้า",
        "ช้ากว่าแผน",
        "ล่าช้ากว่าแผนงาน",
        "ล่าช้ากว่ากำหนด",
        "behind schedule",
        "delayed",
        "late",
      ],
    },
    {
      key: "ahead",
      th: "เร็วกว่าแผน",
      en: "Ahead of plan",
      aliases: ["เร็วกว่าแผนงาน", "เร็วกว่ากำหนด", "ahead", "ahead of schedule"],
    },
  ],
  targetStatus: [
    {
      key: "onTarget",
      th: "เป็นไปตามเป้าหมาย",
      en: "On target",
      aliases: ["ตามเป้าหมาย", "บรรลุเป้าหมาย", "achieved", "target met"],
    },
    {
      key: "offTarget",
      th: "ไม่เป็นไปตามเป้าหมาย",
      en: "Off target",
      aliases: ["ไม่ตามเป้าหมาย", "ไม่บรรลุเป้าหมาย", "not on target", "target not met"],
    },
  ],
  outcome: [
    {
      key: "met",
      th: "ผ่านค่าเป้าหมายขั้นต่ำ",
      en: "Met the minimum target",
      counts: "passed",
      aliases: ["ผ่าน", "ผ่านเกณฑ์", "ผ่านค่าเป้าหมาย", "บรรลุค่าเป้าหมาย", "passed", "pass", "met target"],
    },
    {
      key: "below",
      th: "ต่ำกว่าค่าเป้าหมาย",
      en: "Below the target",
      counts: "failed",
      aliases: [
        "ไม่ผ่าน",
        "ไม่ผ่านเกณฑ์",
        "ต่ำกว่าเป้าหมาย",
        "ต่ำกว่าค่าเป้าหมายขั้นต่ำ",
        "failed",
        "fail",
        "below target",
      ],
    },
    {
      key: "notNeeded",
      th: "ไม่มีความจำเป็นต้องดำเนินการ",
      en: "No need to act",
      counts: "notApplicable",
      aliases: [
        "ไม่มีความจำเป็นต้องดำเนินการในปี 2562",
        "ไม่จำเป็นต้องดำเนินการ",
        "ไม่มีความจำเป็น",
        "not needed",
        "no need",
      ],
    },
    {
      key: "noService",
      th: "ไม่มีบริการสาธารณะ",
      en: "No public service",
      counts: "notApplicable",
      aliases: ["ไม่มีบริการ", "ไม่มีการให้บริการ", "no service", "not provided"],
    },
    {
      key: "excluded",
      th: "ไม่ประเมิน",
      en: "Not evaluated",
      counts: "excluded",
      aliases: [
        "ขอไม่ประเมิน",
        "ไม่ประเมิน / ขอไม่ประเมิน",
        "ไม่ได้ประเมิน",
        "ยกเว้นการประเมิน",
        "excluded",
        "not assessed",
      ],
    },
  ],
};

/** Thai prefixes shorter than this are too short to recognise an entry by (in "ผ่าน…"
 * the 4-letter alias is still meaningful; 3 letters are not). */
const MIN_PREFIX_LENGTH = 4;

interface Matcher {
  /** Normalized spelling → key. */
  exact: Map<string, string>;
  /** Normalized Thai spellings, longest first, for "label + trailing words" such as
   * "ไม่มีความจำเป็นต้องดำเนินการในปี 2563". */
  prefixes: { text: string; key: string }[];
  /** Raw cell text → its match ("" text for a blank). */
  memo: Map<string, VocabValue>;
}

const MEMO_LIMIT = 10_000;
const matchers = new WeakMap<readonly VocabularyEntry[], Matcher>();

function matcherFor(entries: readonly VocabularyEntry[]): Matcher {
  const cached = matchers.get(entries);
  if (cached) return cached;
  const exact = new Map<string, string>();
  const prefixes: { text: string; key: string }[] = [];
  for (const entry of entries) {
    const spellings = [entry.th, entry.en, entry.key, ...(entry.aliases ?? [])];
    for (const spelling of spellings) {
      const normalized = normalizeForMatch(spelling);
      if (normalized === "") continue;
      // The first entry to claim a spelling keeps it, so list order settles clashes.
      if (!exact.has(normalized)) exact.set(normalized, entry.key);
      if (hasThai(normalized) && normalized.length >= MIN_PREFIX_LENGTH)
        prefixes.push({ text: normalized, key: entry.key });
    }
  }
  prefixes.sort((a, b) => b.text.length - a.text.length);
  const matcher: Matcher = { exact, prefixes, memo: new Map() };
  matchers.set(entries, matcher);
  return matcher;
}

function keyFor(matcher: Matcher, text: string): string | null {
  const normalized = normalizeForMatch(text);
  const exact = matcher.exact.get(normalized);
  if (exact !== undefined) return exact;
  for (const prefix of matcher.prefixes) {
    if (normalized.startsWith(prefix.text)) return prefix.key;
  }
  return null;
}

/**
 * Recognises a cell against a vocabulary, tolerant of spacing, case, punctuation, Thai
 * digits and aliases. Undefined for a blank cell; `key: null` when the text is not in the
 * vocabulary (the text is kept, so nothing typed is lost).
 */
export function matchVocabulary(
  value: CellValue | unknown,
  entries: readonly VocabularyEntry[]
): VocabValue | undefined {
  if (!Array.isArray(entries)) {
    const text = cleanText(value);
    return text === "" ? undefined : { key: null, text };
  }
  const matcher = matcherFor(entries);
  // Keyed by the raw string: a column repeats a handful of spellings, and cleaning each
  // cell again would cost more than the lookup.
  const raw = typeof value === "string" ? value : undefined;
  const memoized = raw === undefined ? undefined : matcher.memo.get(raw);
  if (memoized !== undefined) {
    if (memoized.text === "") return undefined;
    return memoized.uncertain
      ? { key: null, text: memoized.text, uncertain: true }
      : { key: memoized.key, text: memoized.text };
  }
  const text = cleanText(value);
  // "-" is staff's "nothing": blank, as in every column (docs/reading-workbooks.md).
  if (isDashOnly(text)) return undefined;
  if (UNCERTAIN_RE.test(text)) {
    // "ผ่าน?": not settled, so it matches no entry and no count takes it.
    const uncertain: VocabValue = { key: null, text, uncertain: true };
    if (raw !== undefined && matcher.memo.size < MEMO_LIMIT) matcher.memo.set(raw, uncertain);
    return { ...uncertain };
  }
  const key = text === "" ? null : keyFor(matcher, text);
  if (raw !== undefined && matcher.memo.size < MEMO_LIMIT) matcher.memo.set(raw, { key, text });
  return text === "" ? undefined : { key, text };
}

/** A question mark anywhere marks an entry as not settled. */
const UNCERTAIN_RE = /[?？]/;

/** The label of an entry in the language asked for; undefined when no entry has that key. */
export function vocabularyLabel(
  entries: readonly VocabularyEntry[],
  key: string,
  lang: Lang
): string | undefined {
  const entry = Array.isArray(entries)
    ? entries.find((candidate) => candidate.key === key)
    : undefined;
  if (!entry) return undefined;
  return lang === "en" ? entry.en : entry.th;
}
