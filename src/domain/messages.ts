/**
 * How values appear inside issue messages: the same digits, grouping and dates whatever
 * the machine's locale, so a message reads the same in Excel, the CLI and the tests.
 */
import { formatThaiDate } from "./dates";
import type { ExcelSerial, Lang, LocalizedText } from "./types";

/** 1407.52 → "1,407.52"; 57.5 → "57.5"; at most `decimals` decimals, trailing zeros dropped. */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  // Small whole numbers, most of what messages show, need no grouping or rounding.
  if (Number.isInteger(value) && value > -1000 && value < 1000)
    return String(value === 0 ? 0 : value);
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

/** Dates already written, per language: a table's messages repeat the same few days. */
const dateTexts: Record<Lang, Map<ExcelSerial, string>> = { th: new Map(), en: new Map() };
const DATE_MEMO_LIMIT = 20_000;

/** Thai: "2/12/2562" (BE); English: "2 Dec 2019". */
export function formatDate(serial: ExcelSerial, lang: Lang): string {
  const memo = dateTexts[lang];
  const known = memo.get(serial);
  if (known !== undefined) return known;
  const text =
    lang === "th"
      ? formatThaiDate(serial, "numeric")
      : formatThaiDate(serial, "short", { lang: "en" });
  if (memo.size < DATE_MEMO_LIMIT) memo.set(serial, text);
  return text;
}

/** Cell text quoted for a message, cut short so a 100 KB cell cannot flood the output. */
export function quote(text: string, max = 40): string {
  if (text.length <= max && !/\s\s|[^\S ]|^ | $/.test(text)) return `"${text}"`;
  const clean = text.replace(/\s+/g, " ").trim();
  return `"${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}"`;
}

/** Both languages from one function of the language. */
export function localized(make: (lang: Lang) => string): LocalizedText {
  return { th: make("th"), en: make("en") };
}
