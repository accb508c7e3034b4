/**
 * Printed values to the cells of Kaona's Projects and Rounds rows, with the domain's own
 * parsers: dates as Excel serials ("2019-10-01 00:00:00", "2/12/2562", "2020-1-23"),
 * amounts and percentages as numbers ("0 บาท", "10.00 %"), statuses as printed. A value
 * that does not read stays as printed text, with an issue, so nothing is lost and the
 * checker flags the cell once written.
 */
import { parseThaiDate } from "../dates";
import { parseNumberWithUnit, type NumberUnit } from "../numbers";
import type { RowOf } from "../sample";
import { fieldLabel, type ProjectField } from "../schema";
import type { CellValue, Issue, TableKind } from "../types";
import type { PrintedHeader } from "./header";
import { TEXT_FIELDS } from "./form";
import { importIssue } from "./issues";
import { restoreLostCharacters } from "./markup";
import type { PrintedRound } from "./rounds";
import { joinPieces, type Piece } from "./text";

/** Where cell reading reports: the report's issues and the count of restored characters. */
export interface CellReader {
  issues: Issue[];
  restored: number;
}

function textCell(pieces: readonly Piece[] | undefined, reader: CellReader): string | undefined {
  if (pieces === undefined) return undefined;
  const joined = joinPieces(pieces);
  if (joined === "") return undefined;
  const { text, restored } = restoreLostCharacters(joined);
  reader.restored += restored;
  return text;
}

function unreadable(
  reader: CellReader,
  table: TableKind,
  row: number,
  field: string,
  printed: string,
  line: number | undefined
): void {
  const where = line === undefined ? "" : ` (บรรทัด ${line})`;
  const whereEn = line === undefined ? "" : ` (line ${line})`;
  reader.issues.push(
    importIssue("IMPORT_VALUE_UNREADABLE", table, row, field, {
      th: `${fieldLabel(table, field, "th")}: อ่านค่า "${printed.slice(0, 40)}" ไม่ได้${where} จึงเก็บไว้ตามที่พิมพ์`,
      en: `${fieldLabel(table, field, "en")}: "${printed.slice(0, 40)}" does not read as a value${whereEn}; kept as printed`,
    })
  );
}

function dateCell(
  printed: string | undefined,
  at: { reader: CellReader; table: TableKind; row: number; field: string; line?: number }
): CellValue {
  if (printed === undefined || printed === "") return undefined;
  const parsed = parseThaiDate(printed);
  if (parsed.ok) return parsed.value;
  unreadable(at.reader, at.table, at.row, at.field, printed, at.line);
  return printed;
}

/** A number; text with a unit other than the one expected stays text (the checker reports
 * a mixed-up unit such as "538800.0000 ล้านบาท" on the cell). */
function numberCell(
  printed: string | undefined,
  unit: NumberUnit | undefined,
  at: { reader: CellReader; table: TableKind; row: number; field: string; line?: number }
): CellValue {
  if (printed === undefined || printed === "") return undefined;
  const parsed = parseNumberWithUnit(printed);
  if (parsed.ok) return parsed.unit === undefined || parsed.unit === unit ? parsed.value : printed;
  unreadable(at.reader, at.table, at.row, at.field, printed, at.line);
  return printed;
}

/** "431 เกณฑ์ชี้วัด" → 431; "… จำนวน 42 ภารกิจ …" → 42. */
function targetCountOf(target: string | undefined): number | undefined {
  if (target === undefined) return undefined;
  const match = /จำนวน\s*([\d,]{1,12})(?![\d.])/.exec(target) ?? /^([\d,]{1,12})\s/.exec(target);
  if (!match) return undefined;
  const count = Number(match[1].replace(/,/g, ""));
  return Number.isSafeInteger(count) ? count : undefined;
}

/** The project fields read as text: the code and the fields that may run on over several
 * printed lines. */
const PROJECT_TEXT_FIELDS: readonly ProjectField[] = ["code", ...TEXT_FIELDS];

export function projectRowOf(header: PrintedHeader, reader: CellReader): RowOf<"projects"> {
  const row: RowOf<"projects"> = {};
  for (const field of PROJECT_TEXT_FIELDS) {
    const text = textCell(header.fields[field], reader);
    if (text !== undefined) row[field] = text;
  }
  const at = (field: ProjectField) => ({
    reader,
    table: "projects" as const,
    row: 0,
    field,
    line: header.lines[field],
  });
  const plain = (field: ProjectField) =>
    textCell(header.fields[field], { issues: [], restored: 0 });
  const fiscalYear = numberCell(plain("fiscalYear"), undefined, at("fiscalYear"));
  if (fiscalYear !== undefined) row.fiscalYear = fiscalYear;
  for (const field of ["start", "end"] as const) {
    const value = dateCell(plain(field), at(field));
    if (value !== undefined) row[field] = value;
  }
  for (const field of ["budgetReceived", "budgetUsed"] as const) {
    const value = numberCell(plain(field), "baht", at(field));
    if (value !== undefined) row[field] = value;
  }
  const targetCount = targetCountOf(typeof row.target === "string" ? row.target : undefined);
  if (targetCount !== undefined) row.targetCount = targetCount;
  return row;
}

export function roundRowOf(
  round: PrintedRound,
  row: number,
  projectCode: string,
  reader: CellReader
): RowOf<"rounds"> {
  const cells: RowOf<"rounds"> = {
    projectCode: projectCode === "" ? undefined : projectCode,
    round: round.round,
  };
  const at = (field: string, line: number | undefined) => ({
    reader,
    table: "rounds" as const,
    row,
    field,
    line,
  });
  const date = dateCell(round.date?.text, at("date", round.date?.line));
  if (date !== undefined) cells.date = date;
  const narrative = textCell(round.narrative, reader);
  if (narrative !== undefined) cells.narrative = narrative;
  const progress = numberCell(
    round.progress?.text,
    "percent",
    at("progress", round.progress?.line)
  );
  if (progress !== undefined) cells.progress = progress;
  const disbursed = numberCell(
    round.disbursed?.text,
    "baht",
    at("disbursed", round.disbursed?.line)
  );
  if (disbursed !== undefined) cells.disbursed = disbursed;
  if (round.planStatus) cells.planStatus = round.planStatus.text;
  if (round.targetStatus) cells.targetStatus = round.targetStatus.text;
  return cells;
}
