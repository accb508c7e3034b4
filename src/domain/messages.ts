/**
 * How values appear inside issue messages: the same digits, grouping and dates whatever
 * the machine's locale, so a message reads the same in Excel, the CLI and the tests.
 */
import { formatThaiDate } from "./dates";
import type { ExcelSerial, Lang, LocalizedText } from "./types";

/** 1407.52 → "1,407.52"; 57.5 → "57.5"; at most `decimals` decimals, trailing zeros dropped. */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction = ""] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = fraction.replace(/0+$/, "");
  const sign = value < 0 && (Number(whole) > 0 || trimmed !== "") ? "-" : "";
  return `${sign}${grouped}${trimmed ? `.${trimmed}` : ""}`;
}

export function formatPercent(value: number): string {
  return `${formatNumber(value)}%`;
}

export function formatBaht(value: number, lang: Lang): string {
  return lang === "th" ? `${formatNumber(value)} บาท` : `${formatNumber(value)} baht`;
}

/** Thai: "2/12/2562" (BE); English: "2 Dec 2019". */
export function formatDate(serial: ExcelSerial, lang: Lang): string {
  return lang === "th"
    ? formatThaiDate(serial, "numeric")
    : formatThaiDate(serial, "short", { lang: "en" });
}

/** Cell text quoted for a message, cut short so a 100 KB cell cannot flood the output. */
export function quote(text: string, max = 40): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return `"${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}"`;
}

/** Both languages from one function of the language. */
export function localized(make: (lang: Lang) => string): LocalizedText {
  return { th: make("th"), en: make("en") };
}
