/**
 * The KPI.* custom functions: thin wrappers over src/domain, so a formula computes what
 * staff report. Their names, parameters and text (English and Thai) are in ./catalog.ts,
 * which functions.json and the `CustomFunctions.associate` calls (./entry.ts) come from;
 * the namespace KPI is set in the manifest.
 *
 * Ranges arrive as 2-D arrays: a column or a row, blanks skipped. Every failure is an
 * Excel error, never an uncaught exception: #VALUE! for bad input and #N/A for something
 * not found, each with a Thai and English message (Excel shows messages on those two
 * only), and #DIV/0! for a rate over nothing. Arguments typed `any` in the catalog may be
 * error cells (allowErrorForDataTypeAny): an error passed as a value is returned as it
 * is, as Excel's own functions do; an error cell in a row of another project is skipped;
 * one the function must read is a #VALUE! naming its row.
 */
import {
  passRate as passRateOf,
  planStatusFor,
  ProgressChooser,
  projectCodeKey,
  projectCodeMatcher,
  type ProgressQuestion,
  type ProgressReading,
  tallyOutcomeCounts,
  type OutcomeTally,
  type PassRateBasis,
} from "../domain/compute";
import {
  fiscalQuarterOf,
  fiscalYearOf,
  fiscalYearRange,
  formatThaiDate,
  parseThaiDate,
  type DateStyle,
} from "../domain/dates";
import { parseNumberWithUnit } from "../domain/numbers";
import { cleanText as cleanCellText, normalizeForMatch, toThaiDigits } from "../domain/text";
import type { LocalizedText, VocabValue } from "../domain/types";
import { DEFAULT_VOCABULARIES, matchVocabulary, vocabularyLabel } from "../domain/vocabularies";
import { excelSafe, isExcelErrorLike, kpiError, plainError } from "./errors";
import { isBlankCell, isOmitted, memoizeCells, parallelColumns, viewOf } from "./ranges";

/** "Thai / English": the functions cannot know the user's language, so messages carry both. */
function message(th: string, en: string): string {
  return `${th} / ${en}`;
}

/** An error cell Excel passed as a scalar argument is the function's result, as with
 * Excel's own functions (=ABS(#N/A) is #N/A). */
function passErrorThrough(value: unknown): void {
  if (isExcelErrorLike(value)) throw value;
}

/** The #VALUE! for an error cell inside a range the function has to read. */
function errorCellInRange(what: LocalizedText, row: number, cell: { code: string }): never {
  throw kpiError(
    "invalidValue",
    message(
      `${what.th}ในแถวที่ ${row + 1} ของช่วงเป็นค่าผิดพลาด ${cell.code}`,
      `${what.en} in row ${row + 1} of the range is the error ${cell.code}`
    )
  );
}

function shown(value: unknown): string {
  if (isExcelErrorLike(value)) return value.code;
  const text = cleanCellText(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// --- Argument readers -------------------------------------------------------------------

type Parsed = { ok: true; value: number } | { ok: false; empty?: boolean };

/** An argument read by `parse` (a number or date reader of the domain): its value, or a
 * #VALUE! saying it is missing or is not `what`. */
function readWith(
  parse: (value: unknown) => Parsed,
  what: LocalizedText
): (value: unknown, name: string) => number {
  return (value, name) => {
    passErrorThrough(value);
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    if (parsed.empty)
      throw kpiError("invalidValue", message(`ไม่ได้ระบุ ${name}`, `${name} is missing`));
    throw kpiError(
      "invalidValue",
      message(`${name} "${shown(value)}" ${what.th}`, `${name} "${shown(value)}" ${what.en}`)
    );
  };
}

const NOT_A_NUMBER: LocalizedText = { th: "ไม่ใช่ตัวเลข", en: "is not a number" };
const NOT_A_DATE: LocalizedText = { th: "ไม่ใช่วันที่", en: "is not a date" };
const readNumber = readWith(parseNumberWithUnit, NOT_A_NUMBER);
const readDate = readWith(parseThaiDate, NOT_A_DATE);

function readOptionalNumber(value: unknown, name: string): number | undefined {
  return isOmitted(value) ? undefined : readNumber(value, name);
}

function readCode(value: unknown): string {
  const key = projectCodeKey(value);
  if (key === "")
    throw kpiError("invalidValue", message("ไม่ได้ระบุรหัสโครงการ", "The project code is missing"));
  return key;
}

function readBoolean(value: unknown, name: string): boolean {
  passErrorThrough(value);
  if (isOmitted(value)) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value !== 0;
  const word = normalizeForMatch(value);
  if (["true", "yes", "ใช่", "จริง"].includes(word)) return true;
  if (["false", "no", "ไม่", "ไม่ใช่", "เท็จ"].includes(word)) return false;
  throw kpiError(
    "invalidValue",
    message(`${name} ต้องเป็น TRUE หรือ FALSE`, `${name} must be TRUE or FALSE`)
  );
}

/** Each option's spellings, normalized once per option table. */
const normalizedChoices = new WeakMap<object, Map<string, string>>();

function choiceLookup(choices: Record<string, readonly string[]>): Map<string, string> {
  let lookup = normalizedChoices.get(choices);
  if (!lookup) {
    lookup = new Map();
    for (const [choice, spellings] of Object.entries(choices)) {
      for (const spelling of [choice, ...spellings])
        lookup.set(normalizeForMatch(spelling), choice);
    }
    normalizedChoices.set(choices, lookup);
  }
  return lookup;
}

/** An option named by one of its spellings (compared with normalizeForMatch). */
function readChoice<T extends string>(
  value: unknown,
  name: string,
  choices: Record<T, readonly string[]>,
  fallback: NoInfer<T>
): T {
  if (isOmitted(value)) return fallback;
  const choice = choiceLookup(choices).get(normalizeForMatch(value));
  if (choice !== undefined) return choice as T;
  const options = Object.keys(choices).join(", ");
  throw kpiError(
    "invalidValue",
    message(
      `${name} "${shown(value)}" ไม่รู้จัก ใช้ได้: ${options}`,
      `Unknown ${name} "${shown(value)}"; use one of ${options}`
    )
  );
}

// --- Rounds of one project from parallel columns -----------------------------------------

type CellReader = (cell: unknown, row: number) => number | undefined;

/** Reads a project row's cells of one column with `parse`: blank → undefined; a cell that
 * does not parse → #VALUE! naming the row. Finite numbers pass as they are when
 * `numbersAsIs` (progress and rounds, not dates: a number there is checked as a serial). */
function cellReader(
  parse: (cell: unknown) => Parsed,
  what: LocalizedText,
  notA: LocalizedText,
  numbersAsIs: boolean
): CellReader {
  const parseOnce = memoizeCells(parse);
  return (cell, row) => {
    if (numbersAsIs && typeof cell === "number" && Number.isFinite(cell)) return cell;
    if (isBlankCell(cell)) return undefined;
    if (isExcelErrorLike(cell)) errorCellInRange(what, row, cell);
    const parsed = parseOnce(cell);
    if (parsed.ok) return parsed.value;
    const text = shown(cell);
    throw kpiError(
      "invalidValue",
      message(
        `${what.th}ในแถวที่ ${row + 1} ของช่วง "${text}" ${notA.th}`,
        `${what.en} in row ${row + 1} of the range, "${text}", ${notA.en}`
      )
    );
  };
}

const readRoundCell = () =>
  cellReader(parseNumberWithUnit, { th: "ครั้งที่", en: "The round" }, NOT_A_NUMBER, true);
const readProgressCell = () =>
  cellReader(parseNumberWithUnit, { th: "ความก้าวหน้า", en: "The progress" }, NOT_A_NUMBER, true);
const readDateCell = () =>
  cellReader(parseThaiDate, { th: "วันที่", en: "The date" }, NOT_A_DATE, false);

function noProgress(code: unknown, detail: { th: string; en: string }): never {
  throw kpiError(
    "notAvailable",
    message(`โครงการ ${shown(code)} ${detail.th}`, `Project ${shown(code)}: ${detail.en}`)
  );
}

/** The columns a progress question reads: codes, the round numbers or the report dates,
 * and progress. */
interface ProgressColumns {
  codes: unknown;
  keys: unknown;
  keyKind: "rounds" | "dates";
  progress: unknown;
}

/**
 * Answers a progress question over the project's rows in one pass, without building
 * records: rows of other projects cost one code comparison, each distinct text value is
 * parsed once, and the domain's ProgressChooser picks the reading (so the functions choose
 * as the reports do). Every row of the project is still read, so a key or progress cell
 * that is not a number (or date) is a #VALUE! naming the first such row, wherever it
 * sits; a project with no row is #N/A.
 */
function answerProgress(
  columns: ProgressColumns,
  codeArg: unknown,
  question: ProgressQuestion
): ProgressReading | undefined {
  const [codes, keys, progressCells] = parallelColumns(
    [columns.codes, columns.keys, columns.progress],
    ["codes", columns.keyKind, "progress"]
  );
  const isCode = projectCodeMatcher(readCode(codeArg));
  const readKey = columns.keyKind === "rounds" ? readRoundCell() : readDateCell();
  const readProgress = readProgressCell();
  const chooser = new ProgressChooser(question);
  let found = false;
  for (let row = 0; row < codes.length; row += 1) {
    if (!isCode(codes.at(row))) continue;
    found = true;
    const key = readKey(keys.at(row), row);
    const value = readProgress(progressCells.at(row), row);
    if (value === undefined) continue;
    if (columns.keyKind === "rounds") chooser.offer(value, key, undefined, row);
    else chooser.offer(value, undefined, key, row);
  }
  if (!found) {
    throw kpiError(
      "notAvailable",
      message(
        `ไม่พบโครงการ ${shown(codeArg)} ในช่วงรหัสโครงการ`,
        `Project ${shown(codeArg)} is not in the codes range`
      )
    );
  }
  return chooser.answer();
}

// --- Outcomes ------------------------------------------------------------------------------

const OUTCOME_ENTRIES = DEFAULT_VOCABULARIES.outcome;

/** Counts each distinct cell value, then recognises each distinct value once. */
function tallyOf(range: unknown): OutcomeTally {
  const occurrences = new Map<unknown, number>();
  const cells = viewOf(range);
  for (let index = 0; index < cells.length; index += 1) {
    const cell = cells.at(index);
    if (isExcelErrorLike(cell))
      errorCellInRange({ th: "ผลการประเมิน", en: "The outcome" }, index, cell);
    occurrences.set(cell, (occurrences.get(cell) ?? 0) + 1);
  }
  const counted: [VocabValue | undefined, number][] = [];
  for (const [cell, times] of occurrences) {
    if (!isBlankCell(cell)) counted.push([matchVocabulary(cell, OUTCOME_ENTRIES), times]);
  }
  return tallyOutcomeCounts(counted, OUTCOME_ENTRIES);
}

const BASIS_SPELLINGS: Record<PassRateBasis, readonly string[]> = {
  evaluated: ["ประเมิน", "ที่ประเมิน", "ผลการประเมิน"],
  applicable: ["ที่ต้องดำเนินการ", "ต้องดำเนินการ", "เกี่ยวข้อง"],
  planned: ["แผน", "ตามแผน", "ทั้งหมด", "เป้าหมาย"],
};

const STYLE_SPELLINGS: Record<DateStyle, readonly string[]> = {
  long: ["ยาว", "เต็ม", "full"],
  short: ["สั้น", "ย่อ", "abbreviated"],
  numeric: ["ตัวเลข", "number", "digits"],
};

const ERA_SPELLINGS: Record<"BE" | "CE", readonly string[]> = {
  BE: ["พ.ศ.", "พศ", "buddhist"],
  CE: ["ค.ศ.", "คศ", "AD", "gregorian"],
};

const LANGUAGE_SPELLINGS: Record<"th" | "en", readonly string[]> = {
  th: ["ไทย", "thai", "th-TH"],
  en: ["อังกฤษ", "english", "en-US", "en-GB"],
};

// --- The functions ------------------------------------------------------------------------

/** KPI.PROGRESS. */
export function progress(
  codes: unknown[][],
  rounds: unknown[][],
  progress: unknown[][],
  code: string,
  round?: unknown
): number {
  return excelSafe(() => {
    const roundNumber = readOptionalNumber(round, "round");
    const columns: ProgressColumns = { codes, keys: rounds, keyKind: "rounds", progress };
    if (roundNumber === undefined) {
      return (
        answerProgress(columns, code, { kind: "latest" })?.progress ??
        noProgress(code, { th: "ยังไม่มีรายงานความก้าวหน้า", en: "no progress reported" })
      );
    }
    return (
      answerProgress(columns, code, { kind: "atRound", round: roundNumber })?.progress ??
      noProgress(code, {
        th: `ไม่มีความก้าวหน้าของรายงานครั้งที่ ${roundNumber}`,
        en: `no progress for round ${roundNumber}`,
      })
    );
  });
}

/** KPI.PROGRESSASOF. */
export function progressAsOf(
  codes: unknown[][],
  dates: unknown[][],
  progress: unknown[][],
  code: string,
  date: number | string
): number {
  return excelSafe(() => {
    const asOf = readDate(date, "date");
    const best = answerProgress({ codes, keys: dates, keyKind: "dates", progress }, code, {
      kind: "asOf",
      date: asOf,
    })?.progress;
    return (
      best ??
      noProgress(code, {
        th: `ไม่มีรายงานความก้าวหน้าก่อนหรือในวันที่ ${formatThaiDate(asOf, "long")}`,
        en: `no progress reported on or before ${formatThaiDate(asOf, "long", { lang: "en" })}`,
      })
    );
  });
}

/** KPI.LATESTROUND. */
export function latestRound(
  codes: unknown[][],
  rounds: unknown[][],
  progress: unknown[][],
  code: string
): number {
  return excelSafe(() => {
    const reading = answerProgress({ codes, keys: rounds, keyKind: "rounds", progress }, code, {
      kind: "latest",
    });
    if (reading?.round === undefined)
      noProgress(code, { th: "ยังไม่มีรายงานความก้าวหน้า", en: "no progress reported" });
    return reading.round;
  });
}

/** KPI.PLANSTATUS. */
export function planStatus(
  actual: number | string,
  planned: number | string,
  tolerance?: unknown
): string {
  return excelSafe(() => {
    const actualValue = readNumber(actual, "actual");
    const plannedValue = readNumber(planned, "planned");
    const toleranceValue = readOptionalNumber(tolerance, "tolerance");
    const status =
      toleranceValue === undefined
        ? planStatusFor(actualValue, plannedValue)
        : planStatusFor(actualValue, plannedValue, toleranceValue);
    if (status === undefined) {
      throw kpiError(
        "invalidValue",
        message("ค่าความคลาดเคลื่อนต้องไม่ติดลบ", "The tolerance must not be negative")
      );
    }
    return vocabularyLabel(DEFAULT_VOCABULARIES.planStatus, status, "th") ?? status;
  });
}

/** KPI.OUTCOMES. */
export function outcomes(outcomes: unknown[][], language?: string): unknown[][] {
  return excelSafe(() => {
    const lang = readChoice(language, "language", LANGUAGE_SPELLINGS, "th");
    const tally = tallyOf(outcomes);
    const table: unknown[][] = tally.categories.map((category) => [
      lang === "en" ? category.en : category.th,
      category.count,
    ]);
    for (const other of tally.unrecognised) table.push([other.text, other.count]);
    table.push([lang === "en" ? "Total" : "รวม", tally.total]);
    return table;
  });
}

/** KPI.OUTCOMECOUNT. */
export function outcomeCount(outcomes: unknown[][], category: string): number {
  return excelSafe(() => {
    const wanted = matchVocabulary(category, OUTCOME_ENTRIES);
    if (!wanted)
      throw kpiError(
        "invalidValue",
        message("ไม่ได้ระบุประเภทผลการประเมิน", "The category is missing")
      );
    const tally = tallyOf(outcomes);
    if (wanted.key !== null)
      return tally.categories.find((entry) => entry.key === wanted.key)?.count ?? 0;
    const typed = tally.unrecognised.find(
      (entry) => normalizeForMatch(entry.text) === normalizeForMatch(wanted.text)
    );
    if (typed) return typed.count;
    const keys = OUTCOME_ENTRIES.map((entry) => entry.key).join(", ");
    throw kpiError(
      "notAvailable",
      message(
        `ไม่รู้จักประเภท "${shown(category)}" และไม่พบในช่วง`,
        `Unknown category "${shown(category)}", and not in the range; the keys are ${keys}`
      )
    );
  });
}

/** KPI.PASSRATE. */
export function passRate(outcomes: unknown[][], basis?: string, planned?: unknown): number {
  return excelSafe(() => {
    const chosen = readChoice(basis, "basis", BASIS_SPELLINGS, "evaluated");
    const plannedCount = readOptionalNumber(planned, "planned");
    if (plannedCount !== undefined && plannedCount < 0) {
      throw kpiError(
        "invalidValue",
        message("จำนวนตามแผนต้องไม่ติดลบ", "The planned count must not be negative")
      );
    }
    const rate = passRateOf(tallyOf(outcomes), chosen, plannedCount);
    // A rate over no items is #DIV/0!, as Excel's own division says it (no message: Excel
    // shows none on #DIV/0!).
    if (rate.rate === undefined) throw plainError("divisionByZero");
    return rate.rate;
  });
}

function sumOf(range: unknown, name: string): number {
  let total = 0;
  const cells = viewOf(range);
  const parse = memoizeCells(parseNumberWithUnit);
  for (let index = 0; index < cells.length; index += 1) {
    const cell = cells.at(index);
    if (typeof cell === "number" && Number.isFinite(cell)) {
      total += cell;
      continue;
    }
    if (isBlankCell(cell)) continue;
    if (isExcelErrorLike(cell)) errorCellInRange({ th: name, en: name }, index, cell);
    const parsed = parse(cell);
    if (!parsed.ok) {
      throw kpiError(
        "invalidValue",
        message(
          `${name} แถวที่ ${index + 1} "${shown(cell)}" ไม่ใช่ตัวเลข`,
          `${name} row ${index + 1}, "${shown(cell)}", is not a number`
        )
      );
    }
    if (parsed.unit === "millionBaht" || parsed.unit === "percent") {
      throw kpiError(
        "invalidValue",
        message(
          `${name} แถวที่ ${index + 1} "${shown(cell)}" ไม่ใช่หน่วยบาท`,
          `${name} row ${index + 1}, "${shown(cell)}", is not in baht`
        )
      );
    }
    total += parsed.value;
  }
  return total;
}

/** KPI.BUDGETRATE. */
export function budgetRate(received: unknown[][], disbursed: unknown[][]): number {
  return excelSafe(() => {
    const receivedTotal = sumOf(received, "received");
    const disbursedTotal = sumOf(disbursed, "disbursed");
    if (receivedTotal === 0) throw plainError("divisionByZero");
    const rate = disbursedTotal / receivedTotal;
    if (!(receivedTotal > 0) || !Number.isFinite(rate)) {
      // Explained, so #VALUE! (Excel drops a message on #NUM!).
      throw kpiError(
        "invalidValue",
        message(
          `คำนวณสัดส่วนไม่ได้จากงบที่ได้รับ ${receivedTotal} และที่เบิกใช้ ${disbursedTotal}`,
          `No rate from ${receivedTotal} received and ${disbursedTotal} disbursed`
        )
      );
    }
    return rate;
  });
}

/** KPI.THAIDATE. */
export function thaiDate(date: number | string, style?: string, thaiDigits?: unknown): string {
  return excelSafe(() => {
    const serial = readDate(date, "date");
    const chosen = readChoice(style, "style", STYLE_SPELLINGS, "long");
    return formatThaiDate(serial, chosen, { thaiDigits: readBoolean(thaiDigits, "thaiDigits") });
  });
}

/** KPI.THAIDATEVALUE (KPI.DATEVALUE before 0.2). */
export function thaiDateValue(text: string | number): number {
  return excelSafe(() => readDate(text, "text"));
}

/** KPI.FISCALYEAR. */
export function fiscalYear(date: number | string, era?: string): number {
  return excelSafe(() => {
    const serial = readDate(date, "date");
    const chosen = readChoice(era, "era", ERA_SPELLINGS, "BE");
    const yearBE = fiscalYearOf(serial);
    if (yearBE === undefined) throw kpiError("invalidValue", message("วันที่ไม่ถูกต้อง", "Invalid date"));
    return chosen === "CE" ? yearBE - 543 : yearBE;
  });
}

/** KPI.FISCALQUARTER. */
export function fiscalQuarter(date: number | string): number {
  return excelSafe(() => {
    const quarter = fiscalQuarterOf(readDate(date, "date"));
    if (quarter === undefined)
      throw kpiError("invalidValue", message("วันที่ไม่ถูกต้อง", "Invalid date"));
    return quarter;
  });
}

function fiscalYearBounds(fiscalYearArg: unknown): { start: number; end: number } {
  const written = readNumber(fiscalYearArg, "fiscalYear");
  // Same rule as dates: a year above 2400 is BE.
  const yearBE = written > 2400 ? written : written + 543;
  const range = fiscalYearRange(yearBE);
  if (!range) {
    throw kpiError(
      "invalidValue",
      message(
        `ปีงบประมาณ ${shown(fiscalYearArg)} ไม่ถูกต้อง`,
        `Fiscal year ${shown(fiscalYearArg)} is not valid`
      )
    );
  }
  return range;
}

/** KPI.FISCALYEARSTART. */
export function fiscalYearStart(fiscalYear: unknown): number {
  return excelSafe(() => fiscalYearBounds(fiscalYear).start);
}

/** KPI.FISCALYEAREND. */
export function fiscalYearEnd(fiscalYear: unknown): number {
  return excelSafe(() => fiscalYearBounds(fiscalYear).end);
}

/** KPI.TONUMBER. */
export function toNumber(text: string | number): number {
  return excelSafe(() => readNumber(text, "text"));
}

/** KPI.THAIDIGITS. */
export function thaiDigits(value: string | number): string {
  return excelSafe(() => {
    passErrorThrough(value);
    return toThaiDigits(cleanCellText(value));
  });
}

/** KPI.CLEANTEXT. */
export function cleanText(text: string): string {
  return excelSafe(() => cleanCellText(text));
}
