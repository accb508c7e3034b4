/**
 * Formulas of a "live" report: structured references into the bound tables, so the sheet
 * follows the data. Only functions Excel has had since 2007 (INDEX, MATCH, COUNTIFS,
 * IFERROR) and no dynamic arrays, so the sheet also opens in older Excel and LibreOffice.
 */
import type { Lang, TableKind, VocabularyEntry } from "../types";

/** Where the bound tables and their columns are: Excel table names and header texts. */
export interface LiveSource {
  tables: Partial<Record<TableKind, string>>;
  /** Field key → header text of the bound column, per table. */
  columns: Partial<Record<TableKind, Readonly<Record<string, string>>>>;
}

/**
 * A structured reference to one column: `Table[[Header]]`. The double brackets are what
 * Excel requires for headers with spaces or special characters and accepts for all; the
 * characters [ ] # ' inside a header are escaped with an apostrophe.
 */
export function columnRef(table: string, header: string): string {
  const escaped = header.replace(/['#[\]]/g, (ch) => `'${ch}`);
  return `${table}[[${escaped}]]`;
}

/** The reference to a bound column, or undefined when the table or field is not bound. */
export function boundColumn(
  source: LiveSource | undefined,
  kind: TableKind,
  field: string
): string | undefined {
  const table = source?.tables[kind];
  const header = source?.columns[kind]?.[field];
  if (!table || !header || !/^[A-Za-z_\\\u0080-\uFFFF][\w.\\\u0080-\uFFFF]*$/.test(table))
    return undefined;
  return columnRef(table, header);
}

/** A string literal in a formula. */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A COUNTIFS criterion matching `text` exactly (wildcards * ? ~ escaped). */
export function exactCriterion(text: string): string {
  return formulaString(text.replace(/[*?~]/g, (ch) => `~${ch}`));
}

/** As textAt, as an expression to build on: the cell as text, "" when blank or absent. */
export function textExpr(column: string, indexCell: string): string {
  return `IF(${indexCell}=0,"",""&INDEX(${column},${indexCell}))`;
}

/** What a number or date column holds: typed text is read as Kaona's parsers read it. */
export type LiveValueKind = "number" | "date" | "any";

/** Units and separators staff type around a number ("10.00 %", "1,500 บาท"). */
const NUMBER_NOISE = ["%", ",", "บาท", "baht", "thb", "฿", " ", "\u00A0"];

/**
 * `at` as a number when it is text typed in a number column ("10.00 %" → 10, "1,500.50
 * บาท" → 1500.5, as Kaona's number parser reads it); a number as it is; other text as typed.
 */
export function numberExpr(at: string): string {
  const cleaned = NUMBER_NOISE.reduce(
    (expr, noise) => `SUBSTITUTE(${expr},${formulaString(noise)},"")`,
    `LOWER(${at})`
  );
  return `IF(ISNUMBER(${at}),${at},IFERROR(VALUE(${cleaned}),${at}))`;
}

/**
 * `at` as a date serial when it is date text as staff type it, read as Kaona's date parser
 * reads the numeric forms: d/m/y ("2/12/2562"; a four-digit year above 2400 is BE, a
 * two-digit year from 50 is BE 25yy, below 50 CE 20yy) and y-m-d ("2020-1-23", a time
 * after it ignored). A serial as it is; other text (month names) as typed. Excel 2007
 * functions only: each of the three parts is cut out with the SUBSTITUTE/REPT idiom and
 * the era read by one LOOKUP, so the formula stays short without LET.
 */
export function dateExpr(at: string): string {
  const parts = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(TRIM(${at})," ","/"),"-","/"),"/",REPT(" ",40))`;
  const part = (n: number) => `TRIM(MID(${parts},${n * 40 - 39},40))`;
  const first = part(1);
  const third = part(3);
  const yearFirst = `LEN(${first})=4`;
  const written = `VALUE(IF(${yearFirst},${first},${third}))`;
  const year = `${written}+LOOKUP(${written},{0,50,100,2401},{2000,1957,0,-543})`;
  const day = `VALUE(IF(${yearFirst},${third},${first}))`;
  const serial = `DATE(${year},VALUE(${part(2)}),${day})`;
  return `IF(ISNUMBER(${at}),${at},IFERROR(${serial},${at}))`;
}

/** The value typed in a column, as `kind` reads it. */
function typedValue(at: string, kind: LiveValueKind): string {
  if (kind === "number") return numberExpr(at);
  if (kind === "date") return dateExpr(at);
  return at;
}

/** The cell shown through a number format (`TEXT`), with a suffix; "" when blank or absent. */
export function formattedExpr(
  column: string,
  indexCell: string,
  numberFormat: string,
  suffix = "",
  kind: LiveValueKind = "any"
): string {
  const at = `INDEX(${column},${indexCell})`;
  const tail = suffix === "" ? "" : `&${formulaString(suffix)}`;
  return `IF(${indexCell}=0,"",IF(${at}="","",TEXT(${typedValue(at, kind)},${formulaString(numberFormat)})${tail}))`;
}

/** The column value at the 1-based table row held in `indexCell` (0 = not found → blank).
 * A blank source cell shows blank, not 0. */
export function valueAt(column: string, indexCell: string, kind: LiveValueKind = "any"): string {
  const at = `INDEX(${column},${indexCell})`;
  return `=IF(${indexCell}=0,"",IF(${at}="","",${typedValue(at, kind)}))`;
}

/** As valueAt, for text: numbers typed in a text column show as typed. */
export function textAt(column: string, indexCell: string): string {
  return `=IF(${indexCell}=0,"",""&INDEX(${column},${indexCell}))`;
}

/**
 * As textAt, for a column with a vocabulary (plan and target status): a spelling of an
 * entry (its Thai or English label, key or alias, any case, outer spaces trimmed) shows as
 * the entry's label in `lang`, as the values snapshot shows it; other text as typed.
 */
export function labelAt(
  column: string,
  indexCell: string,
  entries: readonly VocabularyEntry[],
  lang: Lang
): string {
  const spellings: string[] = [];
  const labels: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    for (const spelling of [entry.th, entry.en, entry.key, ...(entry.aliases ?? [])]) {
      const folded = spelling.trim().toLowerCase();
      // The first entry to claim a spelling keeps it, as the vocabulary matcher does.
      if (folded === "" || seen.has(folded)) continue;
      seen.add(folded);
      spellings.push(formulaString(spelling.trim()));
      labels.push(formulaString(lang === "en" ? entry.en : entry.th));
    }
  }
  const text = `""&INDEX(${column},${indexCell})`;
  if (spellings.length === 0) return `=IF(${indexCell}=0,"",${text})`;
  return `=IF(${indexCell}=0,"",IFERROR(INDEX({${labels.join(",")}},MATCH(TRIM(${text}),{${spellings.join(",")}},0)),${text}))`;
}

/** The 1-based row of `keyCell`'s value in the key column; 0 when absent. */
export function rowOf(keyColumn: string, keyCell: string): string {
  return `=IFERROR(MATCH(${keyCell},${keyColumn},0),0)`;
}

/** The 1-based row where both key columns match (project code and round); 0 when absent.
 * INDEX(…,0) evaluates the product as an array without Ctrl+Shift+Enter. */
export function rowOfPair(
  firstColumn: string,
  firstCell: string,
  secondColumn: string,
  secondCell: string
): string {
  return `=IFERROR(MATCH(1,INDEX((${firstColumn}=${firstCell})*(${secondColumn}=${secondCell}),0),0),0)`;
}

/** How many rows of the project have one of the spellings in the outcome column. */
export function countSpellings(
  codeColumn: string,
  codeCell: string,
  outcomeColumn: string,
  spellings: readonly string[]
): string {
  const unique = [...new Set(spellings.filter((s) => s.trim() !== ""))];
  if (unique.length === 0) return "=0";
  if (unique.length === 1)
    return `=COUNTIFS(${codeColumn},${codeCell},${outcomeColumn},${exactCriterion(unique[0])})`;
  return `=SUM(COUNTIFS(${codeColumn},${codeCell},${outcomeColumn},{${unique.map(exactCriterion).join(",")}}))`;
}
