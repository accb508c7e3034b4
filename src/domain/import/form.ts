/**
 * The printed form's fixed wording, as the monitoring system prints it: the title, the
 * section headings, the dotted field labels of section 1 and the line shapes of section 2.
 * One place, so that the parser and the printout fixtures agree on them.
 */
import { fieldsOf, type ProjectField } from "../schema";
import { normalizeForMatch, thaiDigitsToArabic } from "../text";

/** "** แบบแสดงรายงาน… **", also repeated at each page break ("**** … ****"). */
export const TITLE_RE = /^\**\s*แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ\s*\**$/;
export const SECTION1_RE = /^1\s*\.\s*ชื่อโครงการและหน่วยงาน/;
export const SECTION2_RE = /^2\s*\.\s*รายงานความก้าวหน้าของโครงการ/;
/** The certification and signature lines that close a report. */
export const FOOTER_RE = /^(?:ขอรับรองว่า|ลงชื่อ|ตำแหน่ง|\.{3,}$)/;

/** Sub-sections 1.1–1.6 by the first word of their heading. */
const SUBSECTION_RE = /^1\s*\.\s*([1-6])(?![\d.])\s*(.*)$/;
const SUBSECTION_WORDS: Readonly<Record<string, string>> = {
  "1": "รหัสโครงการ",
  "2": "หน่วยงาน",
  "3": "หลักการ",
  "4": "วัตถุประสงค์",
  "5": "เป้าหมาย",
  "6": "สนับสนุน",
};

/** The free-text field each sub-section's body fills (1.1, 1.2 and 1.6 hold labels). */
export const SUBSECTION_FIELD: Readonly<Record<number, ProjectField | undefined>> = {
  3: "rationale",
  4: "objectives",
  5: "target",
};

/** The sub-section a heading opens (1–6), or undefined. */
export function subsectionOf(text: string): number | undefined {
  const match = SUBSECTION_RE.exec(text);
  if (!match) return undefined;
  return match[2].startsWith(SUBSECTION_WORDS[match[1]]) ? Number(match[1]) : undefined;
}

/** Field labels of section 1, by their text with dots and spaces removed. */
const FIELD_LABELS: ReadonlyMap<string, ProjectField> = new Map<string, ProjectField>(
  (
    [
      ["ชื่อโครงการ/กิจกรรม", "name"],
      ["ชื่อโครงการ", "name"],
      ["รหัสโครงการ", "code"],
      ["ปีงบประมาณ พ.ศ.", "fiscalYear"],
      ["ปีงบประมาณ", "fiscalYear"],
      ["เริ่มต้นโครงการ", "start"],
      ["สิ้นสุดโครงการ", "end"],
      ["งบประมาณที่ได้รับ", "budgetReceived"],
      ["งบประมาณที่ใช้ไป", "budgetUsed"],
      ["หน่วยงานที่รับผิดชอบ", "unit"],
      ["ชื่อผู้รับผิดชอบ", "owner"],
      ["ผู้ประสานงาน สยป", "coordinator"],
      ["ผู้ประสานงาน สยป.", "coordinator"],
      ["ประเด็นยุทธศาสตร์", "strategy"],
      ["ประเด็นยุทธศาสตร์ย่อย", "subStrategy"],
      ["เป้าหมายที่", "goal"],
      ["ตัวชี้วัด", "kpi"],
    ] as const
  ).map(([label, field]) => [labelKey(label), field])
);

function labelKey(label: string): string {
  return normalizeForMatch(label).replace(/[.\s]/g, "");
}

const LABELLED_RE = /^([^:]{1,60}?)\s*:(?:\s*(.*))?$/;

/** "รหัสโครงการ... : 21000000-3165" → the field and the value after the colon. */
export function labelledField(text: string): { field: ProjectField; value: string } | undefined {
  const match = LABELLED_RE.exec(text);
  if (!match) return undefined;
  const field = FIELD_LABELS.get(labelKey(match[1]));
  return field === undefined ? undefined : { field, value: match[2] ?? "" };
}

/** The fields whose value is text that may run on over several printed lines. */
export const TEXT_FIELDS: ReadonlySet<ProjectField> = new Set(
  fieldsOf("projects")
    .filter((field) => field.type === "text" || field.type === "longText")
    .map((field) => field.key)
);

// --- Section 2: the round blocks ---------------------------------------------------------

/** "รายงานครั้งที่6" (and what follows it on the same line). */
const ROUND_LABEL_RE = /^รายงานครั้งที่\s*([0-9๐-๙]{1,4})(?![0-9๐-๙])\s*(.*)$/;
/** ":: 24/04/2563 : narrative" (the date has no " :" inside it; a time "00:00:00" may). */
const DATE_HEAD_RE = /^::\s*([^=]{1,60}?)\s*:(?:\s+(.*))?$/;
/** ":: ความก้าวหน้าของงานฯ = 10.00 %" and whatever follows on the line. */
const PROGRESS_RE = /^::?\s*ความก้าวหน้าของงาน\S{0,3}\s*=\s*([^=%]{0,30}%?)\s*(.*)$/;
/** "งบประมาณที่เบิกใช้ (ครั้งที่ 1) = 0 บาท", alone (": …") or after the progress. */
const DISBURSED_RE = /^:{0,2}\s*งบประมาณที่เบิกใช้\s*(?:\(\s*ครั้งที่\s*([0-9๐-๙]{1,4})\s*\))?\s*=\s*(.*)$/;
/** ": เป็นไปตามแผน", ": เป็นไปตามเป้าหมาย". */
const STATUS_RE = /^:\s*([^:=].*)$/;

export type RoundLine =
  | { kind: "label"; round: number; rest: string }
  | { kind: "date"; date: string; text: string }
  | { kind: "progress"; value: string; rest: string }
  | { kind: "disbursed"; round?: number; value: string }
  | { kind: "status"; text: string }
  | { kind: "text"; text: string };

function roundNumber(digits: string): number {
  return Number(thaiDigitsToArabic(digits));
}

/** What one segment of section 2 is. */
export function classifyRoundLine(text: string): RoundLine {
  let match = ROUND_LABEL_RE.exec(text);
  if (match) return { kind: "label", round: roundNumber(match[1]), rest: match[2] };
  match = PROGRESS_RE.exec(text);
  if (match) return { kind: "progress", value: match[1].trim(), rest: match[2] };
  match = DISBURSED_RE.exec(text);
  if (match) {
    const value = match[2].trim();
    return match[1] === undefined
      ? { kind: "disbursed", value }
      : { kind: "disbursed", round: roundNumber(match[1]), value };
  }
  match = DATE_HEAD_RE.exec(text);
  if (match && text.startsWith("::")) return { kind: "date", date: match[1], text: match[2] ?? "" };
  match = STATUS_RE.exec(text);
  if (match) return { kind: "status", text: match[1].trim() };
  return { kind: "text", text };
}
