/**
 * The catalogue of validation rules: each rule's stable code, severity, table and a
 * description in both languages. Issues take their severity from here, so the catalogue
 * the documentation and the task pane show is what validation does.
 */
import type { LocalizedText, Severity, TableKind } from "../types";

export interface RuleInfo {
  code: string;
  severity: Severity;
  /** The table the rule looks at; "any" for cell and mapping rules. */
  table: TableKind | "any";
  description: LocalizedText;
}

const rule = (severity: Severity, table: TableKind | "any", th: string, en: string) => ({
  severity,
  table,
  description: { th, en },
});

const RULE_TABLE = {
  // Mapping and cells (every table)
  MAP_REQUIRED_UNMAPPED: rule(
    "error",
    "any",
    "ไม่พบคอลัมน์ที่จำเป็นในตาราง",
    "A required column is missing from the table"
  ),
  MAP_DUPLICATE_COLUMN: rule(
    "warning",
    "any",
    "มีหลายคอลัมน์สำหรับข้อมูลเดียวกัน ใช้เฉพาะคอลัมน์แรก",
    "Several columns hold the same field; only the first is used"
  ),
  TABLE_NOT_BOUND: rule(
    "info",
    "any",
    "ไม่มีตารางโครงการ จึงข้ามการตรวจข้ามตาราง",
    "No Projects table, so the cross-table checks were skipped"
  ),
  REQUIRED_VALUE_MISSING: rule("error", "any", "ช่องที่จำเป็นว่างอยู่", "A required cell is empty"),
  CELL_NUMBER_AS_TEXT: rule("warning", "any", "ตัวเลขถูกพิมพ์เป็นข้อความ", "A number was typed as text"),
  CELL_DATE_AS_TEXT: rule("warning", "any", "วันที่ถูกพิมพ์เป็นข้อความ", "A date was typed as text"),
  CELL_DATE_TWO_DIGIT_YEAR: rule(
    "warning",
    "any",
    "วันที่แบบตัวเลขใช้ปีสองหลัก ซึ่งอาจเป็น พ.ศ. หรือ ค.ศ. ก็ได้ (อ่าน 50–99 เป็น พ.ศ. 25xx และ 00–49 เป็น ค.ศ. 20xx)",
    "A numeric date has a two-digit year, which may be BE or CE (50–99 is read as BE 25xx, 00–49 as CE 20xx)"
  ),
  CELL_NOT_NUMBER: rule(
    "error",
    "any",
    "ช่องที่ต้องเป็นตัวเลขมีค่าที่อ่านเป็นตัวเลขไม่ได้",
    "A number cell holds something that is not a number"
  ),
  CELL_NOT_DATE: rule(
    "error",
    "any",
    "ช่องที่ต้องเป็นวันที่มีค่าที่อ่านเป็นวันที่ไม่ได้",
    "A date cell holds something that is not a date"
  ),
  CELL_EXCEL_ERROR: rule(
    "error",
    "any",
    "ช่องมีค่าผิดพลาดของ Excel (เช่น #N/A)",
    "A cell holds an Excel error value (e.g. #N/A)"
  ),
  CELL_UNIT_MISMATCH: rule(
    "error",
    "any",
    "หน่วยในช่องไม่ตรงกับหน่วยของคอลัมน์ (เช่น ล้านบาท ในคอลัมน์บาท)",
    "The unit in a cell differs from the column's (e.g. million baht in a baht column)"
  ),

  CELL_NOT_CALCULATED: rule(
    "error",
    "any",
    "ช่องมีสูตรที่ยังไม่ได้คำนวณ (ไฟล์สร้างจากโปรแกรมอื่นและยังไม่เคยเปิดใน Excel) ให้เปิดและบันทึกใน Excel",
    "A formula cell was never calculated (the file was written by another program); open and save it in Excel"
  ),
  CELL_LOOKALIKE_CHARACTER: rule(
    "warning",
    "any",
    "รหัสมีอักขระที่หน้าตาคล้ายกัน (เช่น ขีดยาว เครื่องหมายลบ ช่องว่างไม่ตัดบรรทัด) อ่านเป็นอักขระปกติ",
    "A code holds a look-alike character (en dash, minus sign, no-break space…), read as the plain one"
  ),
  CELL_UNCERTAIN: rule(
    "warning",
    "any",
    "ค่าที่มีเครื่องหมาย ? ยังไม่แน่นอน จึงไม่นำไปนับหรือคำนวณ",
    "An entry with a question mark is not settled, so it is left out of counts and computations"
  ),
  COLUMN_UNIT_FROM_HEADER: rule(
    "info",
    "any",
    "หัวคอลัมน์ระบุหน่วย (เช่น ล้านบาท พันบาท) จึงแปลงค่าเป็นบาท",
    "The column header names a unit (e.g. million baht), so the values were converted to baht"
  ),
  COLUMN_FRACTION_PERCENT: rule(
    "warning",
    "any",
    "คอลัมน์ร้อยละพิมพ์เป็นเศษส่วน (0–1) จึงอ่านเป็นร้อยละ (0.25 = 25%)",
    "A percent column holds fractions (0–1), read as percent (0.25 = 25%)"
  ),
  COLUMN_BE_DATE_SERIALS: rule(
    "warning",
    "any",
    "วันที่ในคอลัมน์เก็บปีเป็น พ.ศ. ในตัววันที่ (เช่น ปี 2562 ของ ค.ศ.) จึงลบ 543 ปี",
    "Dates in the column hold the Buddhist year as a Common Era year (e.g. 2562), so 543 years were subtracted"
  ),
  TABLE_HIDDEN_USED: rule(
    "warning",
    "any",
    "ใช้ตารางหรือคอลัมน์ที่ซ่อนอยู่ เพราะไม่มีที่มองเห็นได้",
    "A hidden sheet or column was used because nothing visible holds it"
  ),
  TABLE_HIDDEN_IGNORED: rule(
    "info",
    "any",
    "ไม่ใช้ตารางหรือคอลัมน์ที่ซ่อนอยู่ เพราะมีที่มองเห็นได้แทน",
    "A hidden sheet or column was left out because a visible one holds the same"
  ),
  TABLE_TOTALS_SKIPPED: rule(
    "info",
    "any",
    "ข้ามแถวผลรวม (รวม, Total) ท้ายตาราง",
    "Totals rows (รวม, Total) at the end of the table were skipped"
  ),

  // Projects
  PROJECT_CODE_FORMAT: rule(
    "warning",
    "projects",
    "รหัสโครงการไม่อยู่ในรูปแบบ 8 หลัก-4 หลัก",
    "The project code is not in the 8 digits-4 digits form"
  ),
  PROJECT_CODE_DUPLICATE: rule(
    "error",
    "projects",
    "รหัสโครงการซ้ำกัน",
    "The project code appears more than once"
  ),
  PROJECT_START_AFTER_END: rule(
    "error",
    "projects",
    "วันเริ่มต้นโครงการอยู่หลังวันสิ้นสุด",
    "The project starts after it ends"
  ),
  PROJECT_DATE_OUTSIDE_FY: rule(
    "warning",
    "projects",
    "วันเริ่มต้นหรือสิ้นสุดอยู่นอกปีงบประมาณ",
    "The start or end date is outside the fiscal year"
  ),
  PROJECT_YEAR_IMPLAUSIBLE: rule(
    "error",
    "projects",
    "ปีงบประมาณไม่สมเหตุสมผล (ต้องเป็น พ.ศ.)",
    "The fiscal year is implausible (it must be in the Buddhist Era)"
  ),
  PROJECT_BUDGET_NEGATIVE: rule("error", "projects", "งบประมาณติดลบ", "A budget is negative"),
  PROJECT_USED_ABOVE_RECEIVED: rule(
    "error",
    "projects",
    "งบประมาณที่ใช้ไปมากกว่างบประมาณที่ได้รับ",
    "The budget used is above the budget received"
  ),
  PROJECT_TARGET_COUNT_INVALID: rule(
    "error",
    "projects",
    "จำนวนเป้าหมายไม่ใช่จำนวนเต็มที่ไม่ติดลบ",
    "The target count is not a whole number ≥ 0"
  ),

  // Rounds
  ROUND_UNKNOWN_PROJECT: rule(
    "error",
    "rounds",
    "รหัสโครงการไม่มีในตารางโครงการ",
    "The project code is not in the Projects table"
  ),
  ROUND_NUMBER_INVALID: rule(
    "error",
    "rounds",
    "ครั้งที่รายงานต้องเป็นจำนวนเต็มตั้งแต่ 1",
    "The round must be a whole number from 1"
  ),
  ROUND_DUPLICATE: rule(
    "error",
    "rounds",
    "ครั้งที่รายงานซ้ำในโครงการเดียวกัน",
    "The round appears twice for the same project"
  ),
  ROUND_MISSING: rule("warning", "rounds", "ครั้งที่รายงานขาดหายไป", "A round number is missing"),
  ROUND_DATE_MISSING: rule("warning", "rounds", "ไม่มีวันที่รายงาน", "The round has no date"),
  ROUND_DATE_NOT_INCREASING: rule(
    "error",
    "rounds",
    "วันที่รายงานก่อนวันที่ของครั้งก่อน",
    "The round is dated before the previous round"
  ),
  ROUND_DATE_OUTSIDE_PROJECT: rule(
    "warning",
    "rounds",
    "วันที่รายงานอยู่นอกช่วงเวลาโครงการ",
    "The round is dated outside the project period"
  ),
  ROUND_PROGRESS_MISSING: rule(
    "warning",
    "rounds",
    "ไม่มีความก้าวหน้าของงาน",
    "The round has no progress"
  ),
  ROUND_PROGRESS_OUT_OF_RANGE: rule(
    "error",
    "rounds",
    "ความก้าวหน้าอยู่นอกช่วง 0–100%",
    "Progress is outside 0–100%"
  ),
  ROUND_PROGRESS_FALLS: rule(
    "error",
    "rounds",
    "ความก้าวหน้า (สะสม) ลดลงจากครั้งก่อน",
    "Cumulative progress falls from the previous round"
  ),
  ROUND_PROGRESS_JUMP: rule(
    "warning",
    "rounds",
    "ความก้าวหน้าเพิ่มขึ้นผิดสัดส่วนกับครั้งอื่นของโครงการ",
    "Progress jumps out of scale with the project's other rounds"
  ),
  ROUND_NOT_FINISHED: rule(
    "warning",
    "rounds",
    "โครงการสิ้นสุดแล้วแต่ความก้าวหน้าครั้งสุดท้ายยังไม่ถึง 100%",
    "The project has ended but its last progress is below 100%"
  ),
  ROUND_PLANNED_OUT_OF_RANGE: rule(
    "error",
    "rounds",
    "แผน (%) อยู่นอกช่วง 0–100%",
    "Planned progress is outside 0–100%"
  ),
  ROUND_STATUS_UNKNOWN: rule(
    "warning",
    "rounds",
    "สถานะไม่อยู่ในรายการที่กำหนด",
    "A status is not in its list"
  ),
  ROUND_PLAN_STATUS_CONTRADICTS: rule(
    "warning",
    "rounds",
    "สถานะตามแผนขัดกับความก้าวหน้าเทียบกับแผน",
    "The plan status contradicts actual versus planned progress"
  ),
  ROUND_DISBURSED_NEGATIVE: rule(
    "error",
    "rounds",
    "งบประมาณที่เบิกใช้ติดลบ",
    "The amount disbursed is negative"
  ),
  ROUND_DISBURSED_ABOVE_BUDGET: rule(
    "error",
    "rounds",
    "ยอดเบิกใช้รวมเกินงบประมาณที่ได้รับ",
    "Total disbursed is above the budget received"
  ),
  ROUND_NARRATIVE_MISSING: rule("info", "rounds", "ไม่มีผลการดำเนินงาน", "The round has no narrative"),

  // Indicators
  IND_UNKNOWN_PROJECT: rule(
    "error",
    "indicators",
    "รหัสโครงการไม่มีในตารางโครงการ",
    "The project code is not in the Projects table"
  ),
  IND_ID_DUPLICATE: rule(
    "error",
    "indicators",
    "รหัสเกณฑ์ชี้วัดซ้ำในโครงการเดียวกัน",
    "The indicator ID appears twice in the same project"
  ),
  IND_OUTCOME_UNKNOWN: rule(
    "error",
    "indicators",
    "ผลการประเมินไม่อยู่ในรายการที่กำหนด",
    "The outcome is not in the outcome list"
  ),
  IND_OUTCOME_MISSING: rule(
    "warning",
    "indicators",
    "ยังไม่มีผลการประเมิน",
    "The item has no outcome yet"
  ),
  IND_COUNT_MISMATCH: rule(
    "warning",
    "indicators",
    "จำนวนรายการไม่ตรงกับจำนวนเป้าหมายของโครงการ",
    "The number of items differs from the project's target count"
  ),
  IND_EVALUATED_ABOVE_PLANNED: rule(
    "error",
    "indicators",
    "จำนวนที่ประเมินมากกว่าจำนวนเป้าหมายของโครงการ",
    "More items were evaluated than the project planned"
  ),
} satisfies Record<string, Omit<RuleInfo, "code">>;

export type RuleCode = keyof typeof RULE_TABLE;

/** Every rule, for documentation and the task pane. */
export const RULES: readonly RuleInfo[] = (Object.keys(RULE_TABLE) as RuleCode[]).map((code) => ({
  code,
  ...RULE_TABLE[code],
}));

export function ruleInfo(code: RuleCode): RuleInfo {
  return { code, ...RULE_TABLE[code] };
}

export function severityOf(code: RuleCode): Severity {
  return RULE_TABLE[code].severity;
}
