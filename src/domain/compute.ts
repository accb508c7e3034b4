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
  // Equal text needs no normalizing; that is nearly every row of a project.
  return items.filter(
    (item) => item.projectCode === key || projectCodeKey(item.projectCode) === key
  );
}

/** The last of `rounds` in reporting order, in one pass (no sort: a project may have
 * 100,000 rows when a formula points at a whole column). */
function lastInOrder<T extends Round>(rounds: readonly T[]): T | undefined {
  let last: T | undefined;
  for (const round of rounds) if (!last || compareRounds(round, last) > 0) last = round;
  return last;
}

function compareRounds(a: Round, b: Round): number {
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

function readingOf(round: Round & { progress: number }): ProgressReading {
  const reading: ProgressReading = { progress: round.progress, row: round.row };
  if (round.round !== undefined) reading.round = round.round;
  if (round.date !== undefined) reading.date = round.date;
  return reading;
}

function hasProgress(round: Round): round is Round & { progress: number } {
  return isNumber(round.progress);
}

/** The progress of the project's latest round that has a value (rounds without progress,
 * like seed 001's rounds 3–7, are passed over). Undefined when no round has one. */
export function latestProgress(
  rounds: readonly Round[],
  projectCode: string
): ProgressReading | undefined {
  const last = lastInOrder(roundsOfProjectUnordered(rounds, projectCode).filter(hasProgress));
  return last ? readingOf(last) : undefined;
}

/** The progress reported at round `roundNumber` itself; undefined when that round is
 * missing or has no progress (a hole is reported as a hole, not filled in). Of duplicate
 * rows for one round, the last in the table counts. */
export function progressAtRound(
  rounds: readonly Round[],
  projectCode: string,
  roundNumber: number
): ProgressReading | undefined {
  if (!isNumber(roundNumber)) return undefined;
  const match = lastInOrder(
    roundsOfProjectUnordered(rounds, projectCode)
      .filter(hasProgress)
      .filter((round) => round.round === roundNumber)
  );
  return match ? readingOf(match) : undefined;
}

/** The progress last reported on or before `date` (a serial; the time of day is ignored).
 * Among rounds of the same date the higher round wins. */
export function progressAsOf(
  rounds: readonly Round[],
  projectCode: string,
  date: ExcelSerial
): ProgressReading | undefined {
  if (!isNumber(date)) return undefined;
  const day = Math.floor(date);
  let best: (Round & { progress: number; date: ExcelSerial }) | undefined;
  for (const round of roundsOfProjectUnordered(rounds, projectCode)) {
    if (!hasProgress(round) || round.date === undefined || round.date > day) continue;
    const dated = round as Round & { progress: number; date: ExcelSerial };
    if (
      !best ||
      dated.date > best.date ||
      (dated.date === best.date && compareRounds(dated, best) > 0)
    )
      best = dated;
  }
  return best ? readingOf(best) : undefined;
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

export const PASS_RATE_BASES: readonly PassRateBasis[] = ["evaluated", "applicable", "planned"];

export interface PassRate {
  basis: PassRateBasis;
  passed: number;
  denominator: number;
  /** passed / denominator; undefined when the denominator is 0. */
  rate?: number;
}

/** The denominator of a basis. Unrecognised values are in no denominator: validation
 * reports them, and guessing their class would skew the rate. */
export function passRateDenominator(
  tally: OutcomeTally,
  basis: PassRateBasis,
  planned?: number
): number {
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

// --- Year over year ------------------------------------------------------------------------

export interface Change {
  /** current − previous, in the figures' own unit (percentage points for rates in %). */
  difference: number;
  /** difference / previous; undefined when previous is 0. */
  relative?: number;
  direction: "up" | "down" | "same";
}

/** How a figure moved from last year to this year ("the rate rose compared with 2562"). */
export function yearOverYearChange(current: number, previous: number): Change | undefined {
  if (!isNumber(current) || !isNumber(previous)) return undefined;
  const difference = Math.round((current - previous) * 1e12) / 1e12;
  const change: Change = {
    difference,
    direction: difference > 0 ? "up" : difference < 0 ? "down" : "same",
  };
  const relative = ratio(difference, Math.abs(previous));
  if (relative !== undefined) change.relative = relative;
  return change;
}
