/**
 * The field schema of Kaona's three tables: the one source of truth for header
 * auto-mapping, the blank-table templates (headers, widths, number formats, data
 * validation), the cell parsers, and the labels the task pane and the reports show.
 */
import type {
  Indicator,
  Lang,
  LocalizedText,
  Project,
  Round,
  TableKind,
  Vocabularies,
} from "./types";
import { BE_DATE_NUMERIC_FORMAT } from "./dates";
import { DEFAULT_VOCABULARIES } from "./vocabularies";

/** How a column's cells are read. Percent columns hold 0–100 (not Excel's 0–1). */
export type FieldType =
  | "code"
  | "text"
  | "longText"
  | "integer"
  | "number"
  | "percent"
  | "money"
  | "date"
  | "year"
  | "vocabulary";

export type VocabularyName = keyof Vocabularies;

export type ProjectField = Exclude<keyof Project, "row">;
export type RoundField = Exclude<keyof Round, "row">;
export type IndicatorField = Exclude<keyof Indicator, "row">;

export interface FieldKeyOf {
  projects: ProjectField;
  rounds: RoundField;
  indicators: IndicatorField;
}

export interface FieldDef<K extends string = string> {
  key: K;
  label: LocalizedText;
  /** Other header spellings staff use (Thai and English); the labels match too. */
  aliases: readonly string[];
  type: FieldType;
  /** For `vocabulary` fields: which per-workbook vocabulary the values come from. */
  vocabulary?: VocabularyName;
  /** A row without a value here is an error (and the column must be mapped). */
  required: boolean;
  /** Default column width of the blank table, in points. */
  width: number;
  /** Excel number format of the blank table's column; undefined for General. */
  numberFormat?: string;
  /** The hint shown when a staff member selects a cell of this column. */
  hint: LocalizedText;
}

/**
 * Data-validation rule for one column of a generated table. Structurally the same as
 * `ColumnValidation` in src/workbook/port.ts, declared here because the domain imports
 * nothing from the workbook layer.
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

const PERCENT_FORMAT = "0.00";
const MONEY_FORMAT = "#,##0.00";
const INTEGER_FORMAT = "0";
const TEXT_FORMAT = "@";

/** Years staff may plausibly type as a fiscal year (BE). */
export const FISCAL_YEAR_MIN = 2500;
export const FISCAL_YEAR_MAX = 2700;
/** An upper bound for any baht amount in these tables (a trillion baht). */
const MONEY_MAX = 1e12;

const hints = {
  code: { th: "รหัสโครงการ เช่น 21000000-3165", en: "Project code, e.g. 21000000-3165" },
  text: { th: "ข้อความ", en: "Text" },
  date: { th: "วันที่ เช่น 2/12/2562", en: "A date, e.g. 2/12/2562 (BE) or 2019-12-02" },
  money: { th: "จำนวนเงิน (บาท) ไม่ติดลบ", en: "Amount in baht, not negative" },
  percent: { th: "ร้อยละ 0–100", en: "Percent, 0–100" },
  year: { th: "ปีงบประมาณ พ.ศ. เช่น 2563", en: "Fiscal year in the Buddhist Era, e.g. 2563" },
  count: { th: "จำนวนเต็ม ไม่ติดลบ", en: "A whole number, not negative" },
  round: { th: "เลขครั้งที่รายงาน 1, 2, 3, …", en: "Report round number 1, 2, 3, …" },
  number: { th: "ตัวเลข", en: "A number" },
  list: { th: "เลือกจากรายการ", en: "Pick from the list" },
} satisfies Record<string, LocalizedText>;

const PROJECT_FIELDS: readonly FieldDef<ProjectField>[] = [
  {
    key: "code",
    label: { th: "รหัสโครงการ", en: "Project code" },
    aliases: [
      "รหัส",
      "รหัสกิจกรรม",
      "รหัสโครงการ/กิจกรรม",
      "เลขที่โครงการ",
      "Project ID",
      "Project no",
      "code",
    ],
    type: "code",
    required: true,
    width: 90,
    numberFormat: TEXT_FORMAT,
    hint: hints.code,
  },
  {
    key: "name",
    label: { th: "ชื่อโครงการ/กิจกรรม", en: "Project name" },
    aliases: [
      "ชื่อโครงการ",
      "ชื่อกิจกรรม",
      "โครงการ/กิจกรรม",
      "โครงการ",
      "Project",
      "Name",
      "Title",
      "Activity",
    ],
    type: "text",
    required: true,
    width: 260,
    hint: hints.text,
  },
  {
    key: "fiscalYear",
    label: { th: "ปีงบประมาณ พ.ศ.", en: "Fiscal year (BE)" },
    aliases: ["ปีงบประมาณ", "ปีงบ", "ปี พ.ศ.", "Fiscal year", "FY", "Budget year", "Year"],
    type: "year",
    required: false,
    width: 70,
    numberFormat: INTEGER_FORMAT,
    hint: hints.year,
  },
  {
    key: "start",
    label: { th: "เริ่มต้นโครงการ", en: "Start" },
    aliases: [
      "วันเริ่มต้นโครงการ",
      "วันเริ่มต้น",
      "วันที่เริ่ม",
      "วันที่เริ่มต้น",
      "เริ่มโครงการ",
      "เริ่ม",
      "Start date",
      "Begin",
    ],
    type: "date",
    required: false,
    width: 80,
    numberFormat: BE_DATE_NUMERIC_FORMAT,
    hint: hints.date,
  },
  {
    key: "end",
    label: { th: "สิ้นสุดโครงการ", en: "End" },
    aliases: ["วันสิ้นสุดโครงการ", "วันสิ้นสุด", "วันที่สิ้นสุด", "สิ้นสุด", "End date", "Finish"],
    type: "date",
    required: false,
    width: 80,
    numberFormat: BE_DATE_NUMERIC_FORMAT,
    hint: hints.date,
  },
  {
    key: "budgetReceived",
    label: { th: "งบประมาณที่ได้รับ (บาท)", en: "Budget received (baht)" },
    aliases: [
      "งบประมาณที่ได้รับ",
      "งบประมาณ",
      "งบประมาณ (บาท)",
      "วงเงินงบประมาณ",
      "Budget received",
      "Budget",
      "Allocated budget",
    ],
    type: "money",
    required: false,
    width: 100,
    numberFormat: MONEY_FORMAT,
    hint: hints.money,
  },
  {
    key: "budgetUsed",
    label: { th: "งบประมาณที่ใช้ไป (บาท)", en: "Budget used (baht)" },
    aliases: ["งบประมาณที่ใช้ไป", "งบประมาณที่ใช้", "ใช้ไป", "เบิกจ่ายแล้ว", "Budget used", "Spent", "Used"],
    type: "money",
    required: false,
    width: 100,
    numberFormat: MONEY_FORMAT,
    hint: hints.money,
  },
  {
    key: "unit",
    label: { th: "หน่วยงานที่รับผิดชอบ", en: "Responsible unit" },
    aliases: ["หน่วยงานรับผิดชอบ", "หน่วยงาน", "ส่วนราชการ", "Unit", "Department", "Agency"],
    type: "text",
    required: false,
    width: 220,
    hint: hints.text,
  },
  {
    key: "owner",
    label: { th: "ชื่อผู้รับผิดชอบ", en: "Owner" },
    aliases: ["ผู้รับผิดชอบ", "ผู้รับผิดชอบโครงการ", "Responsible person", "Person in charge"],
    type: "text",
    required: false,
    width: 140,
    hint: hints.text,
  },
  {
    key: "coordinator",
    label: { th: "ผู้ประสานงาน สยป.", en: "Coordinator (SPD)" },
    aliases: ["ผู้ประสานงาน สยป", "ผู้ประสานงาน", "Coordinator", "SPD coordinator"],
    type: "text",
    required: false,
    width: 140,
    hint: hints.text,
  },
  {
    key: "rationale",
    label: { th: "หลักการและเหตุผล", en: "Rationale" },
    aliases: ["เหตุผล", "Background"],
    type: "longText",
    required: false,
    width: 300,
    hint: hints.text,
  },
  {
    key: "objectives",
    label: { th: "วัตถุประสงค์", en: "Objectives" },
    aliases: ["วัตถุประสงค์ของโครงการ", "Objective"],
    type: "longText",
    required: false,
    width: 300,
    hint: hints.text,
  },
  {
    key: "target",
    label: { th: "เป้าหมายของโครงการ", en: "Target" },
    aliases: ["เป้าหมาย", "Project target"],
    type: "text",
    required: false,
    width: 200,
    hint: hints.text,
  },
  {
    key: "targetCount",
    label: { th: "จำนวนเป้าหมาย", en: "Target count" },
    aliases: ["จำนวนเป้าหมายของโครงการ", "เป้าหมาย (จำนวน)", "Number of targets", "Target quantity"],
    type: "integer",
    required: false,
    width: 70,
    numberFormat: INTEGER_FORMAT,
    hint: hints.count,
  },
  {
    key: "strategy",
    label: { th: "ประเด็นยุทธศาสตร์", en: "Strategy" },
    aliases: ["ยุทธศาสตร์", "ด้าน", "Strategic issue"],
    type: "text",
    required: false,
    width: 200,
    hint: hints.text,
  },
  {
    key: "subStrategy",
    label: { th: "ประเด็นยุทธศาสตร์ย่อย", en: "Sub-strategy" },
    aliases: ["ยุทธศาสตร์ย่อย", "กลยุทธ์", "Substrategy"],
    type: "text",
    required: false,
    width: 200,
    hint: hints.text,
  },
  {
    key: "goal",
    label: { th: "เป้าหมายที่", en: "Plan goal" },
    aliases: ["เป้าหมายตามแผน", "Goal"],
    type: "text",
    required: false,
    width: 200,
    hint: hints.text,
  },
  {
    key: "kpi",
    label: { th: "ตัวชี้วัด", en: "KPI" },
    aliases: ["ตัวชี้วัดโครงการ", "ตัวชี้วัดตามแผน", "Key performance indicator"],
    type: "text",
    required: false,
    width: 220,
    hint: hints.text,
  },
];

const ROUND_FIELDS: readonly FieldDef<RoundField>[] = [
  {
    key: "projectCode",
    label: { th: "รหัสโครงการ", en: "Project code" },
    aliases: ["รหัสโครงการ/กิจกรรม", "Project ID", "Project"],
    type: "code",
    required: true,
    width: 90,
    numberFormat: TEXT_FORMAT,
    hint: hints.code,
  },
  {
    key: "round",
    label: { th: "รายงานครั้งที่", en: "Round" },
    aliases: [
      "ครั้งที่",
      "รอบที่",
      "รอบรายงาน",
      "ครั้งที่รายงาน",
      "ครั้ง",
      "รอบ",
      "Report no",
      "Report number",
      "Round no",
    ],
    type: "integer",
    required: true,
    width: 60,
    numberFormat: INTEGER_FORMAT,
    hint: hints.round,
  },
  {
    key: "date",
    label: { th: "วันที่รายงาน", en: "Report date" },
    aliases: ["วันที่", "วันรายงาน", "ณ วันที่", "Date"],
    type: "date",
    required: false,
    width: 80,
    numberFormat: BE_DATE_NUMERIC_FORMAT,
    hint: hints.date,
  },
  {
    key: "narrative",
    label: { th: "ผลการดำเนินงาน", en: "Narrative" },
    aliases: [
      "อยู่ระหว่างขั้นตอน",
      "ผลการดำเนินงาน/อยู่ระหว่างขั้นตอน",
      "รายละเอียด",
      "การดำเนินงาน",
      "Progress report",
      "Details",
      "Activities",
    ],
    type: "longText",
    required: false,
    width: 320,
    hint: hints.text,
  },
  {
    key: "progress",
    label: { th: "ความก้าวหน้าของงาน (%)", en: "Progress (%)" },
    aliases: [
      "ความก้าวหน้าของงานฯ",
      "ความก้าวหน้า (%)",
      "ร้อยละความก้าวหน้า",
      "ผลงาน (%)",
      "Progress %",
      "Actual progress",
      "Actual %",
      "Progress",
    ],
    type: "percent",
    required: false,
    width: 75,
    numberFormat: PERCENT_FORMAT,
    hint: hints.percent,
  },
  {
    key: "plannedProgress",
    label: { th: "แผน (%)", en: "Planned (%)" },
    aliases: [
      "ความก้าวหน้าตามแผน",
      "ร้อยละตามแผน",
      "แผนงาน (%)",
      "Planned progress",
      "Plan %",
      "Planned",
      "Plan",
    ],
    type: "percent",
    required: false,
    width: 65,
    numberFormat: PERCENT_FORMAT,
    hint: hints.percent,
  },
  {
    key: "disbursed",
    label: { th: "งบประมาณที่เบิกใช้ (บาท)", en: "Disbursed (baht)" },
    aliases: [
      "งบประมาณที่เบิกใช้",
      "งบที่เบิกใช้",
      "เบิกใช้",
      "เบิกจ่าย",
      "การเบิกจ่าย",
      "Disbursement",
      "Disbursed",
      "Spent this round",
    ],
    type: "money",
    required: false,
    width: 100,
    numberFormat: MONEY_FORMAT,
    hint: hints.money,
  },
  {
    key: "planStatus",
    label: { th: "สถานะตามแผน", en: "Plan status" },
    aliases: ["เป็นไปตามแผน", "ความเป็นไปตามแผน", "สถานะแผน", "Schedule status"],
    type: "vocabulary",
    vocabulary: "planStatus",
    required: false,
    width: 110,
    hint: hints.list,
  },
  {
    key: "targetStatus",
    label: { th: "สถานะตามเป้าหมาย", en: "Target status" },
    aliases: ["เป็นไปตามเป้าหมาย", "ความเป็นไปตามเป้าหมาย", "สถานะเป้าหมาย"],
    type: "vocabulary",
    vocabulary: "targetStatus",
    required: false,
    width: 120,
    hint: hints.list,
  },
];

const INDICATOR_FIELDS: readonly FieldDef<IndicatorField>[] = [
  {
    key: "projectCode",
    label: { th: "รหัสโครงการ", en: "Project code" },
    aliases: ["รหัสโครงการ/กิจกรรม", "Project ID", "Project"],
    type: "code",
    required: true,
    width: 90,
    numberFormat: TEXT_FORMAT,
    hint: hints.code,
  },
  {
    key: "id",
    label: { th: "รหัสเกณฑ์ชี้วัด", en: "Indicator ID" },
    aliases: ["รหัสเกณฑ์", "รหัสตัวชี้วัด", "รหัสภารกิจ", "เลขที่", "ID", "Item ID"],
    type: "code",
    required: false,
    width: 90,
    numberFormat: TEXT_FORMAT,
    hint: hints.text,
  },
  {
    key: "name",
    label: { th: "ชื่อเกณฑ์ชี้วัด", en: "Indicator" },
    aliases: ["เกณฑ์ชี้วัด", "ชื่อตัวชี้วัด", "ตัวชี้วัด", "ชื่อภารกิจ", "ภารกิจ", "Indicator name", "Name", "Item"],
    type: "text",
    required: false,
    width: 260,
    hint: hints.text,
  },
  {
    key: "unit",
    label: { th: "หน่วยงานหลัก", en: "Main unit" },
    aliases: ["หน่วยงาน", "หน่วยงานรับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "Unit", "Department"],
    type: "text",
    required: false,
    width: 180,
    hint: hints.text,
  },
  {
    key: "target",
    label: { th: "ค่าเป้าหมายขั้นต่ำ", en: "Minimum target" },
    aliases: ["ค่าเป้าหมาย", "เป้าหมาย", "Target"],
    type: "number",
    required: false,
    width: 80,
    numberFormat: "#,##0.00",
    hint: hints.number,
  },
  {
    key: "actual",
    label: { th: "ผลการดำเนินงาน", en: "Actual" },
    aliases: ["ผลงาน", "ค่าที่ได้", "Result value"],
    type: "number",
    required: false,
    width: 80,
    numberFormat: "#,##0.00",
    hint: hints.number,
  },
  {
    key: "outcome",
    label: { th: "ผลการประเมิน", en: "Outcome" },
    aliases: ["ผลการประเมินเกณฑ์", "ผล", "Result", "Evaluation"],
    type: "vocabulary",
    vocabulary: "outcome",
    // An item not evaluated yet is a warning (IND_OUTCOME_MISSING), not a broken row.
    required: false,
    width: 170,
    hint: hints.list,
  },
];

const SCHEMA: { readonly [K in TableKind]: readonly FieldDef<FieldKeyOf[K]>[] } = {
  projects: PROJECT_FIELDS,
  rounds: ROUND_FIELDS,
  indicators: INDICATOR_FIELDS,
};

/** The table kinds, in the order they are shown, bound and checked: the one list. */
export const TABLE_KINDS: readonly TableKind[] = ["projects", "rounds", "indicators"];

/** Whether a value (read from storage, a file or an argument) names a table kind. */
export function isTableKind(value: unknown): value is TableKind {
  return TABLE_KINDS.includes(value as TableKind);
}

/** The kinds' labels, Thai and English: the one set (the task pane's dictionaries use it). */
export const TABLE_LABELS: Readonly<Record<TableKind, LocalizedText>> = {
  projects: { th: "โครงการ", en: "Projects" },
  rounds: { th: "รายงานความก้าวหน้า", en: "Progress rounds" },
  indicators: { th: "เกณฑ์ชี้วัด", en: "Indicators" },
};

/** Names of the generated tables (Excel table names: no spaces, no Thai needed). */
const TABLE_NAMES: Readonly<Record<TableKind, string>> = {
  projects: "KaonaProjects",
  rounds: "KaonaRounds",
  indicators: "KaonaIndicators",
};

/** The fields of a table kind, in the column order of the blank table. */
export function fieldsOf<K extends TableKind>(kind: K): readonly FieldDef<FieldKeyOf[K]>[] {
  return SCHEMA[kind];
}

export function fieldDef<K extends TableKind>(
  kind: K,
  key: string
): FieldDef<FieldKeyOf[K]> | undefined {
  return SCHEMA[kind].find((field) => field.key === key);
}

/** The label of a field; the key itself for a field the schema does not know. */
export function fieldLabel(kind: TableKind, key: string, lang: Lang): string {
  const field = fieldDef(kind, key);
  return field ? field.label[lang] : key;
}

export function tableLabel(kind: TableKind, lang: Lang): string {
  return TABLE_LABELS[kind][lang];
}

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
  const fields: readonly FieldDef[] = SCHEMA[kind];
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
