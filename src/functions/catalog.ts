/**
 * The KPI.* function catalog, the one source of each function's text: its name in Excel,
 * its parameters (name, type, optional), English and Thai descriptions, and examples on
 * the seed data with their results (a test runs every example). From here come
 * functions.json and functions.th-TH.json (./metadata.ts, at build time), the
 * `CustomFunctions.associate` calls (./entry.ts), docs/functions.md and the task pane's
 * function list. functions.ts holds only the code.
 */
import type { LocalizedText, TableKind } from "../domain/types";

/** A value type of custom functions metadata. */
export type MetadataType = "any" | "number" | "string" | "boolean";

export interface ParameterText extends LocalizedText {
  /** The parameter's name in Excel's formula tooltip (and in functions.ts). */
  name: string;
  /** What Excel converts the argument to before the call; "any" passes it as it is. */
  type: MetadataType;
  /** A range, passed as a 2-D array. */
  range?: true;
  optional?: true;
}

/** An example's argument: a column of the sample workbook's tables, or a literal. */
export type ExampleArg = { table: TableKind; field: string } | string | number | boolean;

/** What an example gives: a value, a spilled table, or an Excel error. */
export type ExampleResult =
  string | number | (string | number)[][] | { error: "#VALUE!" | "#N/A" | "#DIV/0!" };

export interface FunctionExample {
  args: readonly ExampleArg[];
  result: ExampleResult;
  /** What the example shows, when the formula alone does not say. */
  note?: LocalizedText;
}

export interface FunctionEntry extends LocalizedText {
  /** The name in Excel, after the KPI. namespace (the metadata id). */
  name: string;
  /** The function's export in functions.ts. */
  implementation: string;
  parameters: readonly ParameterText[];
  returns: LocalizedText & { type: MetadataType; range?: true };
  examples: readonly FunctionExample[];
}

const SEED_000 = "21000000-3165";
const SEED_001 = "21000000-6549";

const roundsColumn = (field: string): ExampleArg => ({ table: "rounds", field });
const outcomeColumn: ExampleArg = { table: "indicators", field: "outcome" };

const CODES: ParameterText = {
  name: "codes",
  type: "any",
  range: true,
  en: "Project code column of the rounds table.",
  th: "คอลัมน์รหัสโครงการของตารางรายงานความก้าวหน้า",
};
const ROUNDS: ParameterText = {
  name: "rounds",
  type: "any",
  range: true,
  en: "Round number column of the rounds table.",
  th: "คอลัมน์รายงานครั้งที่ของตารางรายงานความก้าวหน้า",
};
const PROGRESS: ParameterText = {
  name: "progress",
  type: "any",
  range: true,
  en: "Progress (%) column of the rounds table.",
  th: "คอลัมน์ความก้าวหน้าของงาน (%) ของตารางรายงานความก้าวหน้า",
};
const CODE: ParameterText = {
  name: "code",
  type: "string",
  en: "The project code to look up.",
  th: "รหัสโครงการที่ต้องการ",
};
const OUTCOMES: ParameterText = {
  name: "outcomes",
  type: "any",
  range: true,
  en: "The outcome column of the indicators table.",
  th: "คอลัมน์ผลการประเมินของตารางเกณฑ์ชี้วัด",
};
const DATE: ParameterText = {
  name: "date",
  type: "any",
  en: "An Excel date or date text.",
  th: "วันที่ของ Excel หรือข้อความวันที่",
};
const FISCAL_YEAR: ParameterText = {
  name: "fiscalYear",
  type: "any",
  en: "The fiscal year, BE (2563) or CE (2020).",
  th: "ปีงบประมาณ เป็น พ.ศ. (2563) หรือ ค.ศ. (2020)",
};
const PERCENT_RESULT: FunctionEntry["returns"] = {
  type: "number",
  th: "ความก้าวหน้า (ร้อยละ)",
  en: "Progress in percent.",
};
const FRACTION_RESULT: FunctionEntry["returns"] = {
  type: "number",
  th: "เศษส่วน จัดรูปแบบเซลล์เป็นเปอร์เซ็นต์",
  en: "A fraction; format the cell as a percentage.",
};

export const FUNCTION_CATALOG: readonly FunctionEntry[] = [
  {
    name: "PROGRESS",
    implementation: "progress",
    en: "Cumulative progress (0–100) of a project at its latest round that has a value, or at a given round.",
    th: "ความก้าวหน้าสะสม (0–100) ของโครงการ ณ รายงานครั้งล่าสุดที่มีค่า หรือ ณ ครั้งที่ระบุ",
    parameters: [
      CODES,
      ROUNDS,
      PROGRESS,
      CODE,
      {
        name: "round",
        type: "any",
        optional: true,
        en: "Round number; omit it for the latest round that has a value.",
        th: "รายงานครั้งที่ (ไม่ระบุ = ครั้งล่าสุดที่มีค่า)",
      },
    ],
    returns: PERCENT_RESULT,
    examples: [
      {
        args: [
          roundsColumn("projectCode"),
          roundsColumn("round"),
          roundsColumn("progress"),
          SEED_000,
        ],
        result: 100,
        note: { th: "ครั้งที่ 11 ของโครงการ 000", en: "Seed 000's round 11" },
      },
      {
        args: [
          roundsColumn("projectCode"),
          roundsColumn("round"),
          roundsColumn("progress"),
          SEED_000,
          5,
        ],
        result: 30,
      },
      {
        args: [
          roundsColumn("projectCode"),
          roundsColumn("round"),
          roundsColumn("progress"),
          SEED_001,
          5,
        ],
        result: { error: "#N/A" },
        note: {
          th: "ครั้งที่ 5 ของโครงการ 001 ไม่มีค่าความก้าวหน้า",
          en: "Seed 001's round 5 has no progress",
        },
      },
    ],
  },
  {
    name: "PROGRESSASOF",
    implementation: "progressAsOf",
    en: "The progress of a project last reported on or before a date.",
    th: "ความก้าวหน้าของโครงการที่รายงานล่าสุด ณ วันที่ระบุหรือก่อนหน้า",
    parameters: [
      CODES,
      {
        name: "dates",
        type: "any",
        range: true,
        en: "Report date column of the rounds table.",
        th: "คอลัมน์วันที่รายงานของตารางรายงานความก้าวหน้า",
      },
      PROGRESS,
      CODE,
      {
        name: "date",
        type: "any",
        en: "The date: an Excel date or date text such as 2/12/2562.",
        th: "วันที่ เป็นวันที่ของ Excel หรือข้อความ เช่น 2/12/2562",
      },
    ],
    returns: PERCENT_RESULT,
    examples: [
      {
        args: [
          roundsColumn("projectCode"),
          roundsColumn("date"),
          roundsColumn("progress"),
          SEED_000,
          "31/3/2563",
        ],
        result: 30,
        note: {
          th: "รายงานล่าสุดก่อนสิ้นเดือนมีนาคม 2563 คือครั้งที่ 5 (24/3/2563)",
          en: "The last report by the end of March 2020 is round 5 (24/3/2563)",
        },
      },
    ],
  },
  {
    name: "LATESTROUND",
    implementation: "latestRound",
    en: "The latest round of a project that has a progress value.",
    th: "รายงานครั้งล่าสุดของโครงการที่มีค่าความก้าวหน้า",
    parameters: [CODES, ROUNDS, PROGRESS, CODE],
    returns: { type: "number", th: "เลขครั้งที่รายงาน", en: "A round number." },
    examples: [
      {
        args: [
          roundsColumn("projectCode"),
          roundsColumn("round"),
          roundsColumn("progress"),
          SEED_001,
        ],
        result: 8,
      },
    ],
  },
  {
    name: "PLANSTATUS",
    implementation: "planStatus",
    en: "The plan status from actual and planned progress: on plan within the tolerance, behind or ahead beyond it.",
    th: "สถานะตามแผนจากความก้าวหน้าจริงเทียบกับแผน: เป็นไปตามแผนเมื่อต่างกันไม่เกินค่าความคลาดเคลื่อน มิฉะนั้นล่าช้ากว่าแผนหรือเร็วกว่าแผน",
    parameters: [
      {
        name: "actual",
        type: "any",
        en: "Actual progress in percent.",
        th: "ความก้าวหน้าจริง (ร้อยละ)",
      },
      {
        name: "planned",
        type: "any",
        en: "Planned progress in percent.",
        th: "ความก้าวหน้าตามแผน (ร้อยละ)",
      },
      {
        name: "tolerance",
        type: "any",
        optional: true,
        en: "Gap in percentage points still counted as on plan; 5 when omitted.",
        th: "ส่วนต่าง (จุดร้อยละ) ที่ยังถือว่าเป็นไปตามแผน (ไม่ระบุ = 5)",
      },
    ],
    returns: {
      type: "string",
      th: "เป็นไปตามแผน ล่าช้ากว่าแผน หรือ เร็วกว่าแผน",
      en: "เป็นไปตามแผน, ล่าช้ากว่าแผน or เร็วกว่าแผน.",
    },
    examples: [
      {
        args: [30, 40],
        result: "ล่าช้ากว่าแผน",
        note: {
          th: "ความก้าวหน้าครั้งที่ 5 ของโครงการ 000 (30%) เทียบแผน 40%",
          en: "Seed 000's round 5 (30 %) against a plan of 40 %",
        },
      },
      { args: [30, 40, 10], result: "เป็นไปตามแผน" },
      { args: ["25.00 %", 10], result: "เร็วกว่าแผน" },
    ],
  },
  {
    name: "OUTCOMES",
    implementation: "outcomes",
    en: "Counts the outcomes per category, in the vocabulary's order, then values not in the vocabulary, then the total; spills two columns.",
    th: "นับผลการประเมินแยกตามประเภท ตามลำดับของรายการ ตามด้วยค่าที่ไม่อยู่ในรายการ และยอดรวม แสดงผลเป็นตารางสองคอลัมน์",
    parameters: [
      OUTCOMES,
      {
        name: "language",
        type: "string",
        optional: true,
        en: "th (default) or en, for the category labels.",
        th: "th (ค่าเริ่มต้น) หรือ en สำหรับชื่อประเภท",
      },
    ],
    returns: {
      type: "any",
      range: true,
      th: "ตารางประเภทและจำนวน",
      en: "A table of category and count.",
    },
    examples: [
      {
        args: [outcomeColumn],
        result: [
          ["ผ่านค่าเป้าหมายขั้นต่ำ", 409],
          ["ต่ำกว่าค่าเป้าหมาย", 6],
          ["ไม่มีความจำเป็นต้องดำเนินการ", 3],
          ["ไม่มีบริการสาธารณะ", 3],
          ["ไม่ประเมิน", 10],
          ["รวม", 431],
        ],
        note: { th: "ผลการประเมินที่เผยแพร่ของโครงการ 000", en: "Seed 000's published tally" },
      },
    ],
  },
  {
    name: "OUTCOMECOUNT",
    implementation: "outcomeCount",
    en: "The number of outcomes in one category, named by its Thai label or its key (met, below, notNeeded, noService, excluded).",
    th: "จำนวนผลการประเมินในประเภทหนึ่ง ระบุด้วยชื่อภาษาไทยหรือคีย์ (met, below, notNeeded, noService, excluded)",
    parameters: [
      OUTCOMES,
      {
        name: "category",
        type: "string",
        en: "A category's Thai label or key, or any other text to count as typed.",
        th: "ชื่อประเภทภาษาไทยหรือคีย์ หรือข้อความอื่นเพื่อนับตามที่พิมพ์",
      },
    ],
    returns: { type: "number", th: "จำนวน", en: "A count." },
    examples: [
      { args: [outcomeColumn, "ต่ำกว่าค่าเป้าหมาย"], result: 6 },
      { args: [outcomeColumn, "excluded"], result: 10 },
    ],
  },
  {
    name: "PASSRATE",
    implementation: "passRate",
    en: "The share of outcomes that met the target, as a fraction: over evaluated items (default), applicable items (without not-needed and no-service) or planned items.",
    th: "สัดส่วนที่ผ่านค่าเป้าหมาย เป็นเศษส่วน: เทียบกับรายการที่ประเมิน (ค่าเริ่มต้น) รายการที่ต้องดำเนินการ (ไม่รวมไม่มีความจำเป็นและไม่มีบริการสาธารณะ) หรือรายการตามแผน",
    parameters: [
      OUTCOMES,
      {
        name: "basis",
        type: "string",
        optional: true,
        en: "evaluated (default), applicable or planned.",
        th: "ฐานการคำนวณ: evaluated (ค่าเริ่มต้น), applicable หรือ planned",
      },
      {
        name: "planned",
        type: "any",
        optional: true,
        en: "The planned number of items, for the planned basis; evaluated plus excluded items when omitted.",
        th: "จำนวนรายการตามแผน สำหรับฐาน planned (ไม่ระบุ = จำนวนที่ประเมินรวมกับที่ไม่ประเมิน)",
      },
    ],
    returns: FRACTION_RESULT,
    examples: [
      {
        args: [outcomeColumn],
        result: 409 / 421,
        note: { th: "409/421 = 97.15%", en: "409/421 = 97.15 %" },
      },
      {
        args: [outcomeColumn, "applicable"],
        result: 409 / 415,
        note: { th: "409/415 = 98.55%", en: "409/415 = 98.55 %" },
      },
      {
        args: [outcomeColumn, "planned", 431],
        result: 409 / 431,
        note: { th: "409/431 = 94.90%", en: "409/431 = 94.90 %" },
      },
    ],
  },
  {
    name: "BUDGETRATE",
    implementation: "budgetRate",
    en: "Total disbursed over total budget received, as a fraction.",
    th: "สัดส่วนงบประมาณที่เบิกจ่ายรวมต่องบประมาณที่ได้รับ เป็นเศษส่วน",
    parameters: [
      {
        name: "received",
        type: "any",
        range: true,
        en: "Budget received (baht): a cell or a column.",
        th: "งบประมาณที่ได้รับ (บาท) เซลล์เดียวหรือทั้งคอลัมน์",
      },
      {
        name: "disbursed",
        type: "any",
        range: true,
        en: "Budget disbursed (baht): a cell or a column, summed.",
        th: "งบประมาณที่เบิกใช้ (บาท) เซลล์เดียวหรือทั้งคอลัมน์ (นำมารวมกัน)",
      },
    ],
    returns: FRACTION_RESULT,
    examples: [
      {
        args: [{ table: "projects", field: "budgetReceived" }, roundsColumn("disbursed")],
        result: { error: "#DIV/0!" },
        note: { th: "ทั้งสองโครงการได้รับงบประมาณ 0 บาท", en: "Both seed projects received 0 baht" },
      },
      { args: [200000, 75000], result: 0.375 },
    ],
  },
  {
    name: "THAIDATE",
    implementation: "thaiDate",
    en: "A date as Thai text: long 2 ธันวาคม 2562, short 2 ธ.ค. 62, numeric 2/12/2562.",
    th: "วันที่เป็นข้อความภาษาไทย: long 2 ธันวาคม 2562, short 2 ธ.ค. 62, numeric 2/12/2562",
    parameters: [
      DATE,
      {
        name: "style",
        type: "string",
        optional: true,
        en: "long (default), short or numeric.",
        th: "รูปแบบ: long (ค่าเริ่มต้น), short หรือ numeric",
      },
      {
        name: "thaiDigits",
        type: "any",
        optional: true,
        en: "TRUE to write Thai digits.",
        th: "TRUE เพื่อใช้เลขไทย",
      },
    ],
    returns: { type: "string", th: "ข้อความวันที่ พ.ศ.", en: "Date text in the Buddhist Era." },
    examples: [
      {
        args: [43801],
        result: "2 ธันวาคม 2562",
        note: { th: "วันที่รายงานครั้งที่ 1 ของโครงการ 000", en: "Seed 000's first report date" },
      },
      { args: ["2020-1-23", "short"], result: "23 ม.ค. 63" },
      { args: [43801, "numeric", true], result: "๒/๑๒/๒๕๖๒" },
    ],
  },
  {
    name: "THAIDATEVALUE",
    implementation: "thaiDateValue",
    en: "An Excel date from date text: d/m/y in BE or CE, ISO dates, Thai or English month names, Thai digits.",
    th: "วันที่ของ Excel จากข้อความวันที่: วัน/เดือน/ปี พ.ศ. หรือ ค.ศ., รูปแบบ ISO, ชื่อเดือนไทยหรืออังกฤษ, เลขไทย",
    parameters: [
      {
        name: "text",
        type: "any",
        en: "Date text such as 2/12/2562, 2 ธ.ค. 62 or 2020-1-23.",
        th: "ข้อความวันที่ เช่น 2/12/2562, 2 ธ.ค. 62 หรือ 2020-1-23",
      },
    ],
    returns: { type: "number", th: "เลขลำดับวันที่ของ Excel", en: "An Excel date serial number." },
    examples: [
      { args: ["2/12/2562"], result: 43801 },
      { args: ["2 ธ.ค. 62"], result: 43801 },
      { args: ["2020-1-23"], result: 43853 },
      {
        args: ["31/02/2563"],
        result: { error: "#VALUE!" },
        note: { th: "ไม่มีวันที่ 31 กุมภาพันธ์", en: "There is no 31 February" },
      },
    ],
  },
  {
    name: "FISCALYEAR",
    implementation: "fiscalYear",
    en: "The Thai fiscal year of a date (1 October to 30 September), BE by default.",
    th: "ปีงบประมาณ (1 ตุลาคม ถึง 30 กันยายน) ของวันที่ เป็น พ.ศ. โดยค่าเริ่มต้น",
    parameters: [
      DATE,
      {
        name: "era",
        type: "string",
        optional: true,
        en: "BE (default) or CE.",
        th: "BE = พ.ศ. (ค่าเริ่มต้น) หรือ CE = ค.ศ.",
      },
    ],
    returns: { type: "number", th: "ปี", en: "A year." },
    examples: [
      {
        args: ["2019-10-01 00:00:00"],
        result: 2563,
        note: { th: "วันเริ่มต้นโครงการ 000", en: "Seed 000's start date" },
      },
      { args: [43739, "CE"], result: 2020 },
    ],
  },
  {
    name: "FISCALQUARTER",
    implementation: "fiscalQuarter",
    en: "The quarter of the Thai fiscal year: 1 = October–December, 2 = January–March, 3 = April–June, 4 = July–September.",
    th: "ไตรมาสของปีงบประมาณ: 1 = ต.ค.–ธ.ค., 2 = ม.ค.–มี.ค., 3 = เม.ย.–มิ.ย., 4 = ก.ค.–ก.ย.",
    parameters: [DATE],
    returns: { type: "number", th: "1, 2, 3 หรือ 4", en: "1, 2, 3 or 4." },
    examples: [
      { args: ["2/12/2562"], result: 1 },
      { args: ["2020-1-23"], result: 2 },
    ],
  },
  {
    name: "FISCALYEARSTART",
    implementation: "fiscalYearStart",
    en: "The first day (1 October) of a Thai fiscal year.",
    th: "วันแรก (1 ตุลาคม) ของปีงบประมาณ",
    parameters: [FISCAL_YEAR],
    returns: { type: "number", th: "วันที่ของ Excel", en: "An Excel date." },
    examples: [{ args: [2563], result: 43739, note: { th: "1 ตุลาคม 2562", en: "1 October 2019" } }],
  },
  {
    name: "FISCALYEAREND",
    implementation: "fiscalYearEnd",
    en: "The last day (30 September) of a Thai fiscal year.",
    th: "วันสุดท้าย (30 กันยายน) ของปีงบประมาณ",
    parameters: [FISCAL_YEAR],
    returns: { type: "number", th: "วันที่ของ Excel", en: "An Excel date." },
    examples: [
      { args: [2563], result: 44104, note: { th: "30 กันยายน 2563", en: "30 September 2020" } },
    ],
  },
  {
    name: "TONUMBER",
    implementation: "toNumber",
    en: "A number from text such as 10.00 %, 1,234.50 บาท or Thai digits; percent text gives percentage points.",
    th: "ตัวเลขจากข้อความ เช่น 10.00 %, 1,234.50 บาท หรือเลขไทย ข้อความร้อยละให้ค่าเป็นจุดร้อยละ",
    parameters: [
      {
        name: "text",
        type: "any",
        en: "The text (or number) to read.",
        th: "ข้อความ (หรือตัวเลข) ที่จะอ่าน",
      },
    ],
    returns: { type: "number", th: "ตัวเลข", en: "A number." },
    examples: [
      {
        args: ["10.00 %"],
        result: 10,
        note: { th: "ความก้าวหน้าครั้งที่ 1 ของโครงการ 000", en: "Seed 000's round 1 progress" },
      },
      { args: ["1,234.50 บาท"], result: 1234.5 },
      { args: ["๑๒"], result: 12 },
    ],
  },
  {
    name: "THAIDIGITS",
    implementation: "thaiDigits",
    en: "Text with its digits written as Thai digits.",
    th: "ข้อความที่เขียนตัวเลขเป็นเลขไทย",
    parameters: [{ name: "value", type: "any", en: "A number or text.", th: "ตัวเลขหรือข้อความ" }],
    returns: { type: "string", th: "ข้อความเลขไทย", en: "Text with Thai digits." },
    examples: [{ args: ["5.3.1"], result: "๕.๓.๑" }],
  },
  {
    name: "CLEANTEXT",
    implementation: "cleanText",
    en: "Text cleaned of extra spaces, non-breaking and zero-width spaces, and HTML tags.",
    th: "ข้อความที่ตัดช่องว่างเกิน ช่องว่างไม่ตัดบรรทัด อักขระความกว้างศูนย์ และแท็ก HTML ออก",
    parameters: [
      { name: "text", type: "string", en: "The text to clean.", th: "ข้อความที่จะทำความสะอาด" },
    ],
    returns: { type: "string", th: "ข้อความที่ทำความสะอาดแล้ว", en: "The cleaned text." },
    examples: [{ args: ["<p>อยู่ระหว่าง  ขั้นตอน...</p>"], result: "อยู่ระหว่าง ขั้นตอน..." }],
  },
];

/** The catalog entry of a function by its Excel name (case-insensitive). */
export function catalogEntry(name: string): FunctionEntry | undefined {
  const wanted = name.toUpperCase();
  return FUNCTION_CATALOG.find((entry) => entry.name === wanted);
}
