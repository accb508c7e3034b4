/**
 * The Diagnostics self-test's probe: what is written on the scratch sheet, at the sizes
 * and in the forms Kaona itself writes (the Buddhist-Era formats of src/domain/dates.ts,
 * the validation lengths of src/workbook/validationRules.ts, the merge cap of the report
 * layout), and the requirement sets docs/requirement-sets.md lists.
 */
import { quoteSheetName } from "../../domain/a1";
import {
  BE_DATE_LONG_FORMAT,
  BE_DATE_LONG_THAI_DIGITS_FORMAT,
  BE_DATE_NUMERIC_FORMAT,
} from "../../domain/dates";
import { MAX_LIST_SOURCE, MAX_MESSAGE, MAX_TITLE } from "../../workbook/validationRules";
import type { SelfTestProbe } from "../../workbook/selfTestProbe";

/** Kaona's own cap on merged areas a generated sheet may have (the report layout keeps
 * under it; Excel's getMergedAreas reads at most 512). */
export const MERGE_CAP = 512;

/** 18 August 2020 (BE 2563), seed 000's last round. */
export const PROBE_DATE_SERIAL = 44061;

/** The sheet name the self-test asks for (a free variant is used when it is taken). */
export const SCRATCH_SHEET = "Kaona self-test";
export const SCRATCH_TABLE = "KaonaSelfTest";
export const SELF_TEST_NAMESPACE = "urn:kaona:self-test";

/** Every requirement set Kaona uses (docs/requirement-sets.md), and whether Kaona needs it
 * or only uses it where present. */
export const REQUIREMENT_SETS: readonly { name: string; version: string; optional: boolean }[] = [
  ...["1.1", "1.2", "1.4", "1.5", "1.7", "1.8", "1.9"].map((version) => ({
    name: "ExcelApi",
    version,
    optional: false,
  })),
  { name: "ExcelApi", version: "1.12", optional: true },
  { name: "ExcelApi", version: "1.13", optional: true },
  { name: "SharedRuntime", version: "1.1", optional: false },
  { name: "CustomFunctionsRuntime", version: "1.2", optional: false },
];

/** Thai text repeated and cut to exactly `length` characters. */
export function textOfLength(seed: string, length: number): string {
  let text = "";
  while (text.length < length) text += seed;
  return text.slice(0, length);
}

/** A list source of exactly `length` characters: Thai items joined by commas. */
function listSourceOfLength(length: number): string {
  const items: string[] = [];
  let n = 1;
  while (items.join(",").length < length) items.push(`ตัวเลือก${n++}`);
  const joined = items.join(",");
  return joined.length > length ? joined.slice(0, length).replace(/,$/, "x") : joined;
}

/** The 512 two-cell areas merged, one a row from row 101. */
function mergeAreas(): string[] {
  return Array.from({ length: MERGE_CAP }, (_, i) => `A${101 + i}:B${101 + i}`);
}

/** The probe for a scratch sheet and table of these (free) names. */
export function buildProbe(sheet: string, tableName: string, token: string): SelfTestProbe {
  return {
    sheet,
    values: {
      address: "A1:D2",
      grid: [
        ["Kaona", "ก้าวหน้า ๒๕๖๓", 1234.5, true],
        ["0012", "สวัสดี", -0.25, false],
      ],
      textAddress: "A2",
    },
    formulas: { address: "F1:F2", grid: [["=C1*2"], ["=SUM(C1:C2)"]] },
    scalarFormat: { address: "B4:D6", format: "#,##0.00", value: 12.5 },
    dateFormats: [BE_DATE_LONG_FORMAT, BE_DATE_NUMERIC_FORMAT, BE_DATE_LONG_THAI_DIGITS_FORMAT].map(
      (format, i) => ({ address: `H${8 + i}`, format, serial: PROBE_DATE_SERIAL })
    ),
    style: {
      address: "J1:K2",
      style: {
        bold: true,
        fontName: "TH Sarabun New",
        fontSize: 16,
        fill: "#FFF2CC",
        hAlign: "Center",
        wrap: true,
      },
    },
    rangeAreas: { areas: "M1,O1", between: "N1" },
    columns: { widthColumn: "Q", width: 75, hiddenColumn: "R" },
    hyperlink: {
      address: "S1",
      documentReference: `${quoteSheetName(sheet)}!A1`,
      text: "ไปที่ A1",
    },
    merges: { areas: mergeAreas() },
    validation: {
      address: "U2:U5",
      source: listSourceOfLength(MAX_LIST_SOURCE),
      prompt: {
        title: textOfLength("คำแนะนำ ", MAX_TITLE),
        message: textOfLength("กรอกร้อยละความก้าวหน้าสะสม ", MAX_MESSAGE),
      },
      errorAlert: {
        title: textOfLength("ข้อมูลไม่ถูกต้อง ", MAX_TITLE),
        message: textOfLength("ค่าต้องอยู่ระหว่าง 0 ถึง 100 ", MAX_MESSAGE),
      },
    },
    table: {
      address: "W1:Y3",
      name: tableName,
      headers: ["รหัส", "ชื่อ", "ร้อยละ"],
      rows: [
        ["P-1", "โครงการหนึ่ง", 25],
        ["P-2", "โครงการสอง", 50],
      ],
      addRows: [
        ["P-3", "โครงการสาม", 75],
        ["P-4", "โครงการสี่", 100],
      ],
    },
    customXml: {
      namespace: SELF_TEST_NAMESPACE,
      xml: `<selfTest xmlns="${SELF_TEST_NAMESPACE}"><token>${token}</token><text>ก้าวหน้า</text></selfTest>`,
    },
    autofit: {
      shortRow: 20,
      longRow: 21,
      column: "AA",
      columnWidth: 60,
      fontSize: 11,
      presetHeight: 80,
      shortText: "สั้น",
      longText: textOfLength("ความก้าวหน้าของโครงการเป็นไปตามแผน ", 240),
    },
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    pageBreakRows: [30, 60],
    chart: { dataAddress: "C1:C2", type: "Line", title: "ก้าวหน้า" },
    freezeRows: 2,
    visibility: "Hidden",
    requirementSets: REQUIREMENT_SETS.map(({ name, version }) => ({ name, version })),
  };
}
