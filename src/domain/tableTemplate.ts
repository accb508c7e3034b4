/**
 * The blank table of each kind, as Kaona creates it: headers, widths, number formats
 * (BE dates) and data validation (lists from the workbook's vocabularies).
 */
import type { Lang, TableKind, Vocabularies } from "./types";
import { fieldsOf, FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, type FieldDef } from "./fields";
import { TABLE_LABELS } from "./tableKinds";
import { DEFAULT_VOCABULARIES } from "./vocabularies";

/**
 * Data-validation rule for one column of a generated table (the workbook port re-exports
 * this type: the domain imports nothing from the workbook layer).
 */
export type ColumnValidation =
  | { column: number; type: "list"; source: string[]; prompt?: string; error?: string }
  | { column: number; type: "decimal"; min: number; max: number; prompt?: string; error?: string }
  | {
      column: number;
      type: "wholeNumber";
      min: number;
      max?: number;
      prompt?: string;
      error?: string;
    }
  | { column: number; type: "date"; prompt?: string; error?: string };

/** An upper bound for any baht amount in these tables (a trillion baht). */
const MONEY_MAX = 1e12;

/** Names of the generated tables (Excel table names: no spaces, no Thai needed). */
const TABLE_NAMES: Readonly<Record<TableKind, string>> = {
  projects: "KaonaProjects",
  rounds: "KaonaRounds",
  indicators: "KaonaIndicators",
};

/** Everything needed to create a blank table; shaped like the port's NewTableSpec. */
export interface TableTemplate {
  kind: TableKind;
  sheet: string;
  tableName: string;
  headers: string[];
  /** Points, one per column. */
  columnWidths: number[];
  /** One per column; undefined for General. */
  numberFormats: (string | undefined)[];
  validation: ColumnValidation[];
}

function validationFor(
  field: FieldDef,
  column: number,
  lang: Lang,
  vocabularies: Vocabularies
): ColumnValidation | undefined {
  const prompt = field.hint[lang];
  const error =
    lang === "th"
      ? `ค่าไม่ถูกต้อง: ${field.label.th} (${field.hint.th})`
      : `Invalid value: ${field.label.en} (${field.hint.en})`;
  switch (field.type) {
    case "percent":
      return { column, type: "decimal", min: 0, max: 100, prompt, error };
    case "money":
      return { column, type: "decimal", min: 0, max: MONEY_MAX, prompt, error };
    case "year":
      return {
        column,
        type: "wholeNumber",
        min: FISCAL_YEAR_MIN,
        max: FISCAL_YEAR_MAX,
        prompt,
        error,
      };
    case "integer":
      return { column, type: "wholeNumber", min: field.key === "round" ? 1 : 0, prompt, error };
    case "date":
      return { column, type: "date", prompt, error };
    case "vocabulary": {
      const entries = field.vocabulary ? vocabularies[field.vocabulary] : [];
      if (entries.length === 0) return undefined;
      return { column, type: "list", source: entries.map((entry) => entry[lang]), prompt, error };
    }
    default:
      return undefined;
  }
}

/**
 * The blank table of a kind: headers in `lang`, widths, number formats (BE dates), and the
 * data-validation rules (lists from the workbook's vocabularies).
 */
export function templateFor(
  kind: TableKind,
  lang: Lang,
  vocabularies: Vocabularies = DEFAULT_VOCABULARIES
): TableTemplate {
  const fields: readonly FieldDef[] = fieldsOf(kind);
  const validation: ColumnValidation[] = [];
  fields.forEach((field, column) => {
    const rule = validationFor(field, column, lang, vocabularies);
    if (rule) validation.push(rule);
  });
  return {
    kind,
    sheet: TABLE_LABELS[kind][lang],
    tableName: TABLE_NAMES[kind],
    headers: fields.map((field) => field.label[lang]),
    columnWidths: fields.map((field) => field.width),
    numberFormats: fields.map((field) => field.numberFormat),
    validation,
  };
}
