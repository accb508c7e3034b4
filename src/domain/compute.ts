/**
 * What the reports, the task pane and the KPI.* functions compute from the records:
 * progress (latest, at a round, as of a date), plan status, budget disbursement, outcome
 * tallies and pass rates on each basis. Pure; a division by zero gives undefined, never
 * NaN or Infinity.
 */
import { cleanText, thaiDigitsToArabic } from "./text";
import type {
  ExcelSerial,
  Indicator,
  OutcomeClass,
  Project,
  Round,
  VocabValue,
  VocabularyEntry,
} from "./types";
import { DEFAULT_VOCABULARIES } from "./vocabularies";

// --- Project codes -------------------------------------------------------------------------

const PLAIN_CODE_RE = /^[\x21-\x7E]+$/;

/** A project code as compared: cleaned, Thai digits as arabic, without spaces, upper
 * case, so "21000000 - 3165" and "21000000-3165" are the same project. */
export function projectCodeKey(code: unknown): string {
  // Fast path: the usual code is printable ASCII without spaces.
  if (
    typeof code === "string" &&
    PLAIN_CODE_RE.test(code) &&
    !code.includes("<") &&
    !code.includes("&")
  )
    return code.toUpperCase();
  return thaiDigitsToArabic(cleanText(code)).replace(/\s+/g, "").toUpperCase();
}

/**
 * A test for "this cell holds the project code `projectCode`", equivalent to
 * `projectCodeKey(cell) === projectCodeKey(projectCode)` but fast over a 100,000-row column:
 * it compares character by character, folding case, Thai digits and spaces on the way, and
 * stops at the first difference, so rows of other projects cost a few comparisons each.
 * Anything unusual (NBSP, HTML) takes the full normalization, once per distinct value.
 */
export function projectCodeMatcher(projectCode: unknown): (cell: unknown) => boolean {
  const key = projectCodeKey(projectCode);
  const slow = new Map<unknown, boolean>();
  const slowMatch = (cell: unknown): boolean => {
    let known = slow.get(cell);
    if (known === undefined) {
      known = projectCodeKey(cell) === key;
      if (slow.size < 100_000) slow.set(cell, known);
    }
    return known;
  };
  const lastOfKey = key.charCodeAt(key.length - 1);
  return (cell) => {
    if (cell === key) return true;
    if (typeof cell !== "string") return slowMatch(cell);
    // Codes of one series differ at the end: a last letter or digit that differs settles it
    // (normalizing never changes a final letter or digit, only case).
    let last = cell.charCodeAt(cell.length - 1);
    if (last >= 0x61 && last <= 0x7a) last -= 0x20;
    if (last !== lastOfKey && ((last >= 0x30 && last <= 0x39) || (last >= 0x41 && last <= 0x5a)))
      return false;
    let position = 0;
    for (let index = 0; index < cell.length; index += 1) {
      let code = cell.charCodeAt(index);
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue;
      if (code > 0x7e || code === 0x3c || code === 0x26) {
        if (code >= 0x0e50 && code <= 0x0e59) code -= 0x0e50 - 0x30;
        else return slowMatch(cell);
      }
      if (code >= 0x61 && code <= 0x7a) code -= 0x20;
      if (key.charCodeAt(position) !== code) return false;
      position += 1;
    }
    return position === key.length;
  };
}

/** The rounds of one project, in reporting order (round number, then date, then row). */
export function roundsOfProject(rounds: readonly Round[], projectCode: string): Round[] {
  return roundsOfProjectUnordered(rounds, projectCode).sort(compareRounds);
}

function roundsOfProjectUnordered(rounds: readonly Round[], projectCode: string): Round[] {
  return itemsOfProject(rounds, projectCodeKey(projectCode));
}

interface ProjectGroups {
  lookups: number;
  length: number;
  first: unknown;
  last: unknown;
  groups?: Map<string, unknown[]>;
}
/** Per array of rounds or indicators: how often it was searched, and once searched twice,
 * its items grouped by project code key. */
const projectGroups = new WeakMap<readonly unknown[], ProjectGroups>();

/**
 * The items of one project (by code key), in table order. The first look-up in an array is
 * a filter; from the second on, the array is grouped once and each look-up is a map read,
 * so a report per project stays linear in the number of projects. Records arrays are not
 * changed after they are made; a changed length or end item regroups anyway.
 */
function itemsOfProject<T extends { projectCode: string }>(items: readonly T[], key: string): T[] {
  let entry = projectGroups.get(items);
  if (
    !entry ||
    entry.length !== items.length ||
    entry.first !== items[0] ||
    entry.last !== items[items.length - 1]
  ) {
    entry = { lookups: 0, length: items.length, first: items[0], last: items[items.length - 1] };
    projectGroups.set(items, entry);
  }
  entry.lookups += 1;
  if (!entry.groups && entry.lookups >= 2) {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const itemKey = projectCodeKey(item.projectCode);
      const group = groups.get(itemKey);
      if (group) group.push(item);
      else groups.set(itemKey, [item]);
    }
    entry.groups = groups as Map<string, unknown[]>;
  }
  if (entry.groups) return [...((entry.groups.get(key) as T[] | undefined) ?? [])];
  const isProject = projectCodeMatcher(key);
  return items.filter((item) => isProject(item.projectCode));
}

type InReportingOrder = Pick<Round, "round" | "date" | "row">;

function compareRounds(a: InReportingOrder, b: InReportingOrder): number {
  return compareOptional(a.round, b.round) || compareOptional(a.date, b.date) || a.row - b.row;
}

/** Ascending, with missing values last. */
function compareOptional(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a - b;
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

// --- Progress ------------------------------------------------------------------------------

/** A progress figure and the round that reported it. */
export interface ProgressReading {
  progress: number;
  round?: number;
  date?: ExcelSerial;
  /** Zero-based data row of the round in its table. */
  row: number;
}

function hasProgress(round: Round): round is Round & { progress: number } {
  return isNumber(round.progress);
}

/** Which reading a progress question wants: the latest, the one at a round, or the last
 * reported on or before a day. */
export type ProgressQuestion =
  { kind: "latest" } | { kind: "atRound"; round: number } | { kind: "asOf"; date: ExcelSerial };

/**
 * Picks the reading that answers `question` from readings offered one by one, in table
 * order, without building or sorting a list: the one scan behind latestProgress,
 * progressAtRound, progressAsOf and the KPI.* functions over 100,000-row ranges.
 * - latest: the highest round (a reading without a round counts as the highest, as
 *   reporting order puts missing values last), then the latest date, then the last row;
 * - atRound: readings of that round only; of duplicates the last in reporting order;
 * - asOf: readings dated on or before the day (the time of day is ignored); the latest
 *   date wins, then reporting order.
 */
export class ProgressChooser {
  // The best reading so far, kept as fields: 100,000 offers allocate nothing.
  private found = false;
  private progress = 0;
  private round: number | undefined;
  private date: number | undefined;
  private row = 0;
  private readonly day: number | undefined;

  constructor(private readonly question: ProgressQuestion) {
    this.day = question.kind === "asOf" ? Math.floor(question.date) : undefined;
  }

  /** Whether the question can have an answer at all (a round or date that is a number). */
  get answerable(): boolean {
    if (this.question.kind === "atRound") return isNumber(this.question.round);
    if (this.question.kind === "asOf") return isNumber(this.question.date);
    return true;
  }

  offer(progress: number, round: number | undefined, date: number | undefined, row: number): void {
    if (!isNumber(progress)) return;
    const { question } = this;
    if (question.kind === "atRound" && round !== question.round) return;
    if (question.kind === "asOf") {
      if (date === undefined || Math.floor(date) > (this.day ?? 0)) return;
      if (this.found && date !== this.date && date < (this.date ?? 0)) return;
      if (!this.found || date !== this.date) return this.keep(progress, round, date, row);
    }
    if (this.found) {
      const order =
        compareOptional(round, this.round) || compareOptional(date, this.date) || row - this.row;
      if (order <= 0) return;
    }
    this.keep(progress, round, date, row);
  }

  private keep(progress: number, round: number | undefined, date: number | undefined, row: number) {
    this.found = true;
    this.progress = progress;
    this.round = round;
    this.date = date;
    this.row = row;
  }

  /** The chosen reading; undefined when none answers the question. */
  answer(): ProgressReading | undefined {
    if (!this.answerable || !this.found) return undefined;
    const reading: ProgressReading = { progress: this.progress, row: this.row };
    if (this.round !== undefined) reading.round = this.round;
    if (this.date !== undefined) reading.date = this.date;
    return reading;
  }
}

function chooseProgress(
  rounds: readonly Round[],
  projectCode: string,
  question: ProgressQuestion
): ProgressReading | undefined {
  const chooser = new ProgressChooser(question);
  if (!chooser.answerable) return undefined;
  for (const round of roundsOfProjectUnordered(rounds, projectCode)) {
    if (hasProgress(round)) chooser.offer(round.progress, round.round, round.date, round.row);
  }
  return chooser.answer();
}

/** The progress of the project's latest round that has a value (rounds without progress,
 * like seed 001's rounds 3–7, are passed over). Undefined when no round has one. */
export function latestProgress(
  rounds: readonly Round[],
  projectCode: string
): ProgressReading | undefined {
  return chooseProgress(rounds, projectCode, { kind: "latest" });
}

/** The progress reported at round `roundNumber` itself; undefined when that round is
 * missing or has no progress (a hole is reported as a hole, not filled in). Of duplicate
 * rows for one round, the last in reporting order counts. */
export function progressAtRound(
  rounds: readonly Round[],
  projectCode: string,
  roundNumber: number
): ProgressReading | undefined {
  return chooseProgress(rounds, projectCode, { kind: "atRound", round: roundNumber });
}

/** The progress last reported on or before `date` (a serial; the time of day is ignored).
 * Among rounds of the same date the later in reporting order wins. */
export function progressAsOf(
  rounds: readonly Round[],
  projectCode: string,
  date: ExcelSerial
): ProgressReading | undefined {
  return chooseProgress(rounds, projectCode, { kind: "asOf", date });
}

// --- Plan status ---------------------------------------------------------------------------

export type PlanStatusKey = "onPlan" | "behind" | "ahead";

/**
 * Tolerance of the computed plan status, in percentage points: actual progress within
 * 5 points of the plan counts as on plan. Staff report progress in steps of 5–15 points
 * (seed 000: 10, 25, 30, 40 …), so a smaller gap is within the precision of the figures
 * themselves and calling it "behind" would flag noise.
 */
export const DEFAULT_PLAN_TOLERANCE = 5;

/** The plan status from actual and planned progress (both in percent): behind when
 * actual is more than `tolerance` points below the plan, ahead when more than
 * `tolerance` above, on plan otherwise. Undefined for non-numbers or a negative tolerance. */
export function planStatusFor(
  actual: number,
  planned: number,
  tolerance: number = DEFAULT_PLAN_TOLERANCE
): PlanStatusKey | undefined {
  if (!isNumber(actual) || !isNumber(planned) || !isNumber(tolerance) || tolerance < 0)
    return undefined;
  const gap = actual - planned;
  // Rounding: 30.1 − 25.1 must count as exactly 5 points.
  const roundedGap = Math.round(gap * 1e9) / 1e9;
  if (roundedGap < -tolerance) return "behind";
  if (roundedGap > tolerance) return "ahead";
  return "onPlan";
}

// --- Budget ------------------------------------------------------------------------------

/** `numerator / denominator`, or undefined when that is not a finite number. */
export function ratio(numerator: number, denominator: number): number | undefined {
  if (!isNumber(numerator) || !isNumber(denominator) || denominator === 0) return undefined;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : undefined;
}

/** Disbursed over received, as a fraction; undefined when nothing was received. */
export function disbursementRate(received: number, disbursed: number): number | undefined {
  if (!isNumber(received) || received <= 0) return undefined;
  return ratio(disbursed, received);
}

export interface BudgetSummary {
  received?: number;
  /** The project's own "used" figure. */
  used?: number;
  /** Sum of the rounds' disbursements. */
  disbursed: number;
  /** Rounds that reported a disbursement. */
  roundsReporting: number;
  /** `disbursed / received`; undefined when nothing was received. */
  rate?: number;
}

/** Budget totals of a project: received and used as the project states them, and the
 * sum disbursed over its rounds, with the disbursement rate. */
export function budgetSummary(project: Project, rounds: readonly Round[]): BudgetSummary {
  let disbursed = 0;
  let roundsReporting = 0;
  for (const round of roundsOfProject(rounds, project.code)) {
    if (isNumber(round.disbursed)) {
      disbursed += round.disbursed;
      roundsReporting += 1;
    }
  }
  const summary: BudgetSummary = { disbursed, roundsReporting };
  if (isNumber(project.budgetReceived)) summary.received = project.budgetReceived;
  if (isNumber(project.budgetUsed)) summary.used = project.budgetUsed;
  const rate =
    summary.received === undefined ? undefined : disbursementRate(summary.received, disbursed);
  if (rate !== undefined) summary.rate = rate;
  return summary;
}

// --- Outcomes ----------------------------------------------------------------------------

export interface CategoryCount {
  key: string;
  th: string;
  en: string;
  counts?: OutcomeClass;
  count: number;
}

export interface OutcomeTally {
  /** One per vocabulary entry, in the vocabulary's order, zeros included. */
  categories: CategoryCount[];
  /** Values not in the vocabulary, as typed, in order of first appearance. Kept so that
   * nothing typed disappears from the count. */
  unrecognised: { text: string; count: number }[];
  /** Recognised items per class. */
  byClass: Record<OutcomeClass, number>;
  /** All non-blank values: recognised and unrecognised. */
  total: number;
  /** Blank outcome cells, left out of every count. */
  blank: number;
}

/** Counts outcome values per category of `entries` (default: the outcome vocabulary). A
 * value whose key is not an entry of `entries` counts as unrecognised. */
export function tallyOutcomes(
  values: Iterable<VocabValue | undefined>,
  entries: readonly VocabularyEntry[] = DEFAULT_VOCABULARIES.outcome
): OutcomeTally {
  function* once(): Generator<[VocabValue | undefined, number]> {
    for (const value of values) yield [value, 1];
  }
  return tallyOutcomeCounts(once(), entries);
}

/** As `tallyOutcomes`, over values already counted: each distinct value with how many
 * times it occurs (a column of 100,000 cells holds a handful of distinct values). */
export function tallyOutcomeCounts(
  counted: Iterable<readonly [VocabValue | undefined, number]>,
  entries: readonly VocabularyEntry[] = DEFAULT_VOCABULARIES.outcome
): OutcomeTally {
  const counts = new Map<string, number>();
  const unrecognised = new Map<string, number>();
  let blank = 0;
  let total = 0;
  const known = new Set(entries.map((entry) => entry.key));
  for (const [value, times] of counted) {
    if (!(times > 0)) continue;
    if (!value || value.text === "") {
      blank += times;
      continue;
    }
    total += times;
    if (value.key !== null && known.has(value.key))
      counts.set(value.key, (counts.get(value.key) ?? 0) + times);
    else unrecognised.set(value.text, (unrecognised.get(value.text) ?? 0) + times);
  }
  const byClass: Record<OutcomeClass, number> = {
    passed: 0,
    failed: 0,
    notApplicable: 0,
    excluded: 0,
  };
  const categories = entries.map((entry): CategoryCount => {
    const count = counts.get(entry.key) ?? 0;
    if (entry.counts) byClass[entry.counts] += count;
    const category: CategoryCount = { key: entry.key, th: entry.th, en: entry.en, count };
    if (entry.counts) category.counts = entry.counts;
    // A key listed twice is counted once.
    counts.delete(entry.key);
    return category;
  });
  return {
    categories,
    unrecognised: [...unrecognised].map(([text, count]) => ({ text, count })),
    byClass,
    total,
    blank,
  };
}

/** The outcome tally of one project's indicators (all indicators when no code is given). */
export function tallyIndicatorOutcomes(
  indicators: readonly Indicator[],
  projectCode?: string,
  entries: readonly VocabularyEntry[] = DEFAULT_VOCABULARIES.outcome
): OutcomeTally {
  const key = projectCode === undefined ? undefined : projectCodeKey(projectCode);
  const values = (key === undefined ? indicators : itemsOfProject(indicators, key)).map(
    (item) => item.outcome
  );
  return tallyOutcomes(values, entries);
}

/**
 * The denominators the rates people quote:
 * - `evaluated`: passed + failed + not applicable (seed 000: 409/421 = 97.15 %);
 * - `applicable`: passed + failed, leaving out items with nothing to do (409/415 = 98.55 %);
 * - `planned`: the planned count, or evaluated + excluded when none is given (409/431).
 */
export type PassRateBasis = "evaluated" | "applicable" | "planned";

export interface PassRate {
  basis: PassRateBasis;
  passed: number;
  denominator: number;
  /** passed / denominator; undefined when the denominator is 0. */
  rate?: number;
}

/** The denominator of a basis. Unrecognised values are in no denominator: validation
 * reports them, and guessing their class would skew the rate. */
function passRateDenominator(tally: OutcomeTally, basis: PassRateBasis, planned?: number): number {
  const { passed, failed, notApplicable, excluded } = tally.byClass;
  switch (basis) {
    case "applicable":
      return passed + failed;
    case "planned":
      return isNumber(planned) ? planned : passed + failed + notApplicable + excluded;
    default:
      return passed + failed + notApplicable;
  }
}

/** The pass rate on one basis (see `PassRateBasis`). */
export function passRate(
  tally: OutcomeTally,
  basis: PassRateBasis = "evaluated",
  planned?: number
): PassRate {
  const passed = tally.byClass.passed;
  const denominator = passRateDenominator(tally, basis, planned);
  const result: PassRate = { basis, passed, denominator };
  const rate = denominator > 0 ? ratio(passed, denominator) : undefined;
  if (rate !== undefined) result.rate = rate;
  return result;
}

/** The pass rate on every basis. */
export function passRates(tally: OutcomeTally, planned?: number): Record<PassRateBasis, PassRate> {
  return {
    evaluated: passRate(tally, "evaluated", planned),
    applicable: passRate(tally, "applicable", planned),
    planned: passRate(tally, "planned", planned),
  };
}
