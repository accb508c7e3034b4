import type { Lang } from "../domain/types";
import { en } from "./en";
import { th, type MessageKey } from "./th";

export type { MessageKey };

const dictionaries: Record<Lang, Record<MessageKey, string>> = { th, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Looks a key up in the language's dictionary and fills its {placeholders}. */
export function translate(
  lang: Lang,
  key: MessageKey,
  params?: Record<string, string | number>
): string {
  const text = dictionaries[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  );
}

/** Office's display language ("th-TH", "en-US", …) to the product's language: Thai for Thai, English otherwise. */
function languageFromLocale(locale: string | null | undefined): Lang {
  return locale && locale.toLowerCase().startsWith("th") ? "th" : "en";
}

export type LanguageChoice = "auto" | Lang;

export function resolveLanguage(
  choice: LanguageChoice,
  officeLocale: string | null | undefined
): Lang {
  return choice === "auto" ? languageFromLocale(officeLocale) : choice;
}
