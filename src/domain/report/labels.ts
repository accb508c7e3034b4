/**
 * The report's own wording, Thai (the official form's) and English. Field labels come from
 * the schema (src/domain/schema.ts), except where the printed form words them differently.
 */
import { fieldLabel } from "../schema";
import type { Lang, TableKind } from "../types";

export const REPORT_TEXT = {
  title: {
    th: "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ",
    en: "Project progress report and project information",
  },
  section1: { th: "1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ", en: "1. Project and responsible unit" },
  s11: { th: "1.1 รหัสโครงการและชื่อโครงการ", en: "1.1 Project code and name" },
  s12: { th: "1.2 หน่วยงานที่รับผิดชอบ", en: "1.2 Responsible unit" },
  s13: { th: "1.3 หลักการและเหตุผล", en: "1.3 Rationale" },
  s14: { th: "1.4 วัตถุประสงค์ของโครงการ", en: "1.4 Objectives" },
  s15: { th: "1.5 เป้าหมายของโครงการ", en: "1.5 Target" },
  s16: {
    th: "1.6 สนับสนุนแผนพัฒนา กทม. ระยะ 20 ปี (ยุทธศาสตร์-ประเด็นยุทธศาสตร์-กลยุทธ์ตามแผนฯ /ตัวชี้วัด)",
    en: "1.6 Alignment with the Bangkok 20-year development plan (strategy, sub-strategy, goal, KPI)",
  },
  section2: {
    th: "2. รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ",
    en: "2. Progress of the project and budget spending",
  },
  noRounds: { th: "ยังไม่มีรายงานความก้าวหน้า", en: "No progress reported yet" },
  disbursedHeader: { th: "งบประมาณที่เบิกใช้ (บาท)", en: "Disbursed (baht)" },
  dateHeader: { th: "วันที่", en: "Date" },
  tally: { th: "สรุปผลการประเมินเกณฑ์ชี้วัด", en: "Outcome of the indicators" },
  tallyItem: { th: "ผลการประเมิน", en: "Outcome" },
  tallyCount: { th: "จำนวน", en: "Count" },
  tallyBasis: { th: "คำนวณจาก", en: "Computed as" },
  planned: { th: "จำนวนตามเป้าหมาย (แผน)", en: "Planned" },
  evaluated: { th: "รวมที่ประเมิน", en: "Evaluated" },
  unrecognised: { th: "ค่าที่ไม่อยู่ในรายการ", en: "Not in the list" },
  rateEvaluated: { th: "ร้อยละที่ผ่าน เทียบกับจำนวนที่ประเมิน", en: "Pass rate of those evaluated" },
  rateApplicable: {
    th: "ร้อยละที่ผ่าน เทียบกับจำนวนที่ต้องดำเนินการ (ไม่นับที่ไม่จำเป็นและไม่มีบริการ)",
    en: "Pass rate of those applicable (not counting not needed and no service)",
  },
  ratePlanned: { th: "ร้อยละที่ผ่าน เทียบกับจำนวนตามแผน", en: "Pass rate of those planned" },
  chartTitle: { th: "ความก้าวหน้าของงาน (%) รายครั้ง", en: "Progress (%) by round" },
  chartRound: { th: "รายงานครั้งที่", en: "Round" },
  chartActual: { th: "ผลการดำเนินงาน (%)", en: "Actual (%)" },
  chartPlanned: { th: "แผน (%)", en: "Planned (%)" },
  certification: {
    th: "ขอรับรองว่า ข้อมูลที่ปรากฏในเอกสารฉบับนี้ หน่วยงานได้จัดพิมพ์จากระบบงานจริง เพื่อเป็นหลักฐานไว้ตรวจสอบ",
    en: "I certify that the information in this document was printed by the unit from its actual records, as evidence for inspection.",
  },
  signature: {
    th: "ลงชื่อ..............................................(ผู้รับผิดชอบโครงการ)",
    en: "Signed ..............................................(Project owner)",
  },
  signatureName: {
    th: "(..............................................)",
    en: "(..............................................)",
  },
  position: {
    th: "ตำแหน่ง..............................................",
    en: "Position ..............................................",
  },
  baht: { th: "บาท", en: "baht" },
  summaryTitle: { th: "สรุปความก้าวหน้าของโครงการทั้งหมด", en: "Progress of all projects" },
  summarySheet: { th: "สรุปทุกโครงการ", en: "Summary" },
  no: { th: "ลำดับ", en: "No." },
  latestRound: { th: "รายงานล่าสุด (ครั้งที่)", en: "Latest round" },
  latestDate: { th: "วันที่รายงานล่าสุด", en: "Latest report date" },
  latestProgress: { th: "ความก้าวหน้าล่าสุด (%)", en: "Latest progress (%)" },
  disbursementRate: { th: "อัตราการเบิกจ่าย", en: "Disbursement rate" },
  outcomeTally: {
    th: "ผลการประเมิน (ผ่าน/ต่ำกว่า/ไม่จำเป็น/ไม่มีบริการ)",
    en: "Outcomes (met/below/not needed/no service)",
  },
  issuesTitle: { th: "รายการปัญหาของข้อมูล", en: "Data issues" },
  issuesSheet: { th: "ปัญหาข้อมูล", en: "Data issues" },
  severity: { th: "ระดับ", en: "Severity" },
  table: { th: "ตาราง", en: "Table" },
  row: { th: "แถว", en: "Row" },
  field: { th: "ช่อง", en: "Field" },
  cell: { th: "เซลล์", en: "Cell" },
  message: { th: "รายละเอียด", en: "Message" },
  ruleCode: { th: "รหัสกฎ", en: "Rule" },
  noIssues: { th: "ไม่พบปัญหา", en: "No issues found" },
  error: { th: "ข้อผิดพลาด", en: "Error" },
  warning: { th: "คำเตือน", en: "Warning" },
  // The pane's word for the "info" severity (severity.info.* in the dictionaries).
  info: { th: "หมายเหตุ", en: "Note" },
} as const;

export type ReportTextKey = keyof typeof REPORT_TEXT;

export function reportText(key: ReportTextKey, lang: Lang): string {
  return REPORT_TEXT[key][lang];
}

/** The printed form's Thai wording where it differs from the schema's column labels. */
const FORM_LABELS_TH: Readonly<Record<string, string>> = {
  "projects.budgetReceived": "งบประมาณที่ได้รับ",
  "projects.budgetUsed": "งบประมาณที่ใช้ไป",
  "rounds.progress": "ความก้าวหน้าของงาน (%)",
};

/** A field's label on the form. */
export function formLabel(kind: TableKind, key: string, lang: Lang): string {
  if (lang === "th") {
    const form = FORM_LABELS_TH[`${kind}.${key}`];
    if (form) return form;
  }
  return fieldLabel(kind, key, lang);
}
