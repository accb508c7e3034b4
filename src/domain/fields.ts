/**
 * The fields of Kaona's three tables (a data table: labels, header aliases, cell types,
 * widths, number formats, hints) and the look-ups over them. Header auto-mapping, the
 * cell parsers, the blank-table templates and the labels the pane and reports show all
 * read these tables.
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

const PERCENT_FORMAT = "0.00";
const MONEY_FORMAT = "#,##0.00";
const INTEGER_FORMAT = "0";
const TEXT_FORMAT = "@";

/** Years staff may plausibly type as a fiscal year (BE). */
export const FISCAL_YEAR_MIN = 2500;
export const FISCAL_YEAR_MAX = 2700;

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

/** The first column of Rounds and Indicators: the project a row belongs to. */
const PROJECT_CODE_REFERENCE = {
  key: "projectCode",
  label: { th: "รหัสโครงการ", en: "Project code" },
  aliases: ["รหัสโครงการ/กิจกรรม", "Project ID", "Project"],
  type: "code",
  required: true,
  width: 90,
  numberFormat: TEXT_FORMAT,
  hint: hints.code,
} as const satisfies FieldDef<RoundField & IndicatorField>;

const ROUND_FIELDS: readonly FieldDef<RoundField>[] = [
  PROJECT_CODE_REFERENCE,
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
  PROJECT_CODE_REFERENCE,
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
