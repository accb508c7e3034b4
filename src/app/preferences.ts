/**
 * The person's own preferences (the pane's language), kept on their computer, not in the
 * workbook: co-authors of one workbook each keep their own language.
 *
 * Microsoft's guidance for add-in state that belongs to the user, not the document, is the
 * browser control's storage (localStorage), keyed with `Office.context.partitionKey` where
 * the host partitions storage ("Persist add-in state and settings",
 * learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings). The
 * key is undefined where storage is not partitioned; storage may also be blocked, so every
 * access is guarded and a blocked store still works for the session, in memory.
 */
import type { LanguageChoice } from "../i18n";

export interface UserPreferences {
  language: LanguageChoice;
}

const DEFAULT_PREFERENCES: UserPreferences = { language: "auto" };

export interface PreferenceStore {
  load(): UserPreferences;
  save(preferences: UserPreferences): void;
}

/** What the pane needs of `window.localStorage`. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

export const PREFERENCES_KEY = "kaona:preferences:1";

function preferencesOf(value: unknown): UserPreferences {
  if (typeof value !== "object" || value === null) return DEFAULT_PREFERENCES;
  const language = (value as { language?: unknown }).language;
  return language === "th" || language === "en" || language === "auto"
    ? { language }
    : DEFAULT_PREFERENCES;
}

/** Preferences held for this session only (tests; storage unavailable). */
export function memoryPreferences(initial: UserPreferences = DEFAULT_PREFERENCES): PreferenceStore {
  let current = initial;
  return {
    load: () => current,
    save: (preferences) => {
      current = preferences;
    },
  };
}

/**
 * Preferences in web storage under `partitionKey` + PREFERENCES_KEY. Never throws: blocked,
 * full or damaged storage reads as the defaults and the last value saved this session.
 */
export function storedPreferences(
  storage: KeyValueStorage | undefined,
  partitionKey?: string
): PreferenceStore {
  const key = `${partitionKey ?? ""}${PREFERENCES_KEY}`;
  const fallback = memoryPreferences();
  let saved = false;
  return {
    load: () => {
      if (saved) return fallback.load();
      try {
        const text = storage?.getItem(key);
        return text ? preferencesOf(JSON.parse(text)) : DEFAULT_PREFERENCES;
      } catch {
        return DEFAULT_PREFERENCES;
      }
    },
    save: (preferences) => {
      fallback.save(preferences);
      saved = true;
      try {
        storage?.setItem(key, JSON.stringify(preferences));
      } catch {
        // Blocked or full: the preference holds for this session.
      }
    },
  };
}
