/**
 * Kaona's settings: the pane's language (the person's own, kept in their preferences, see
 * ./preferences.ts) and the workbook's vocabularies, plan tolerance and date display, which
 * travel in the workbook with the bindings (`Bindings.settings`), so co-authors and the CLI
 * see the same. Reading never throws: anything unreadable falls back to the default.
 */
import { DEFAULT_PLAN_TOLERANCE } from "../domain/compute";
import type { OutcomeClass, Vocabularies, VocabularyEntry } from "../domain/types";
import { DEFAULT_VOCABULARIES } from "../domain/vocabularies";
import type { LanguageChoice } from "../i18n";

export type DateEra = "BE" | "CE";

export interface KaonaSettings {
  language: LanguageChoice;
  vocabularies: Vocabularies;
  /** Points within which actual progress counts as on plan. */
  planTolerance: number;
  /** How the task pane shows dates (reports keep the official BE form in Thai). */
  dateEra: DateEra;
}

export const DEFAULT_SETTINGS: KaonaSettings = {
  language: "auto",
  vocabularies: DEFAULT_VOCABULARIES,
  planTolerance: DEFAULT_PLAN_TOLERANCE,
  dateEra: "BE",
};

/** Tolerances beyond this many points make the plan status meaningless. */
export const MAX_PLAN_TOLERANCE = 50;

const OUTCOME_CLASSES: readonly OutcomeClass[] = ["passed", "failed", "notApplicable", "excluded"];
const VOCABULARY_NAMES = ["planStatus", "targetStatus", "outcome"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entryOf(value: unknown, withCounts: boolean): VocabularyEntry | undefined {
  if (!isRecord(value)) return undefined;
  const { key, th, en, aliases, counts } = value;
  if (typeof key !== "string" || key.trim() === "") return undefined;
  if (typeof th !== "string" || typeof en !== "string" || (th.trim() === "" && en.trim() === ""))
    return undefined;
  const entry: VocabularyEntry = { key, th, en };
  if (Array.isArray(aliases)) {
    const clean = aliases.filter((a): a is string => typeof a === "string" && a.trim() !== "");
    if (clean.length > 0) entry.aliases = clean;
  }
  if (withCounts) {
    entry.counts = OUTCOME_CLASSES.includes(counts as OutcomeClass)
      ? (counts as OutcomeClass)
      : "failed";
  }
  return entry;
}

/** A vocabulary list as stored; the default list when it is missing, empty or has duplicate keys. */
function listOf(
  value: unknown,
  fallback: readonly VocabularyEntry[],
  withCounts: boolean
): VocabularyEntry[] {
  if (!Array.isArray(value)) return [...fallback];
  const entries = value
    .map((v) => entryOf(v, withCounts))
    .filter((e): e is VocabularyEntry => e !== undefined);
  const keys = new Set(entries.map((e) => e.key));
  if (entries.length === 0 || keys.size !== entries.length) return [...fallback];
  return entries;
}

/** Settings from what the workbook stored (anything, including nothing). */
export function parseSettings(stored: unknown): KaonaSettings {
  if (!isRecord(stored)) return DEFAULT_SETTINGS;
  const language: LanguageChoice =
    stored.language === "th" || stored.language === "en" || stored.language === "auto"
      ? stored.language
      : DEFAULT_SETTINGS.language;
  const tolerance = stored.planTolerance;
  const planTolerance =
    typeof tolerance === "number" &&
    Number.isFinite(tolerance) &&
    tolerance >= 0 &&
    tolerance <= MAX_PLAN_TOLERANCE
      ? tolerance
      : DEFAULT_SETTINGS.planTolerance;
  const dateEra: DateEra = stored.dateEra === "CE" ? "CE" : "BE";
  const rawVocabularies = isRecord(stored.vocabularies) ? stored.vocabularies : {};
  const vocabularies = isRecord(stored.vocabularies)
    ? (Object.fromEntries(
        VOCABULARY_NAMES.map((name) => [
          name,
          listOf(rawVocabularies[name], DEFAULT_VOCABULARIES[name], name === "outcome"),
        ])
      ) as unknown as Vocabularies)
    : DEFAULT_VOCABULARIES;
  return { language, vocabularies, planTolerance, dateEra };
}

/** What goes into `Bindings.settings`: plain JSON, without the language (the person's own). */
export function settingsToStored(settings: KaonaSettings): Record<string, unknown> {
  return {
    planTolerance: settings.planTolerance,
    dateEra: settings.dateEra,
    vocabularies: settings.vocabularies,
  };
}

/** Which way a settings change would leave a vocabulary broken, if any. */
export function vocabularyProblem(
  entries: readonly VocabularyEntry[]
): "empty" | "blank" | "duplicate" | undefined {
  if (entries.length === 0) return "empty";
  if (entries.some((e) => e.th.trim() === "" && e.en.trim() === "")) return "blank";
  const spellings = entries.flatMap((e) => [
    ...new Set([e.th, e.en].map((s) => s.trim().toLowerCase()).filter((s) => s !== "")),
  ]);
  return new Set(spellings).size !== spellings.length ? "duplicate" : undefined;
}

/** A key for a new vocabulary entry that no entry of the list uses yet. */
export function newEntryKey(entries: readonly VocabularyEntry[]): string {
  const used = new Set(entries.map((e) => e.key));
  for (let i = 1; ; i++) {
    const key = `custom${i}`;
    if (!used.has(key)) return key;
  }
}
