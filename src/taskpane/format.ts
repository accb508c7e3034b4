/**
 * How the task pane shows dates, times and numbers: BE dates in Thai (or CE when the
 * workbook's settings ask for it), English dates in CE.
 */
import { formatThaiDate } from "../domain/dates";
import type { Lang } from "../domain/types";
import type { DateEra } from "../app/settings";

export function formatPaneDate(serial: number | undefined, lang: Lang, era: DateEra): string {
  if (typeof serial !== "number") return "";
  return formatThaiDate(serial, "long", { lang, era: lang === "th" ? era : "CE" });
}

/** A moment as "14:05 น." (Thai) or "2:05 PM", with the date when it is not today. */
export function formatMoment(epochMs: number, lang: Lang, era: DateEra, now = Date.now()): string {
  const date = new Date(epochMs);
  const time = date.toLocaleTimeString(lang === "th" ? "th-TH" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
  });
  const today = new Date(now);
  const sameDay = date.toDateString() === today.toDateString();
  if (sameDay) return lang === "th" ? `${time} น.` : time;
  const serial = Math.floor(epochMs / 86_400_000 - date.getTimezoneOffset() / 1440) + 25569;
  return `${formatPaneDate(serial, lang, era)} ${lang === "th" ? `${time} น.` : time}`;
}

export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === "th" ? "th-TH" : "en-US");
}
