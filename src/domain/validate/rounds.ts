/**
 * Rules over the Rounds table: each round on its own (numbers, ranges, vocabularies, plan
 * status), and each project's rounds in order (gaps, duplicates, dates, progress that
 * falls or jumps, disbursement against the budget, the last round of a finished project).
 * Rounds are grouped by project once and each group sorted once: O(n log n) overall.
 */
import { planStatusFor } from "../compute";
import { formatBaht, formatDate, formatPercent, quote } from "../messages";
import { lowerBound } from "../numbers";
import type {
  ExcelSerial,
  Issue,
  Project,
  Round,
  VocabValue,
  VocabularyEntry,
  Vocabularies,
} from "../types";
import { vocabularyLabel } from "../vocabularies";
import {
  cellKey,
  groupByProject,
  makeIssue,
  uncertainIssue,
  unknownProjectIssue,
  type TableContext,
} from "./context";

export interface RoundRuleOptions {
  vocabularies: Vocabularies;
  /** Points of progress within which actual counts as on plan (see `planStatusFor`). */
  planTolerance: number;
  /** "Today" for deciding whether a project has ended; without it, a project counts as
   * ended once a round is dated on or after its end date. */
  asOf?: ExcelSerial;
  /** Cells that held something unreadable (`ParsedTable.unreadable`): they have their own
   * issue, so no "missing" rule repeats it. */
  unreadable?: ReadonlySet<string>;
}

/** A per-round rise above this many points is out of scale whatever the history. */
const JUMP_ABSOLUTE = 50;
/** A rise above this many points is out of scale when it is also this many times the
 * median rise of the project's other rounds. */
const JUMP_MIN = 25;
const JUMP_FACTOR = 2.5;
/** Progress is cumulative; rounding in a sheet may lower it by a hair without meaning it. */
const EPSILON = 1e-9;

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function isPercent(value: number): boolean {
  return value >= 0 && value <= 100;
}

function isRoundNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

/** "Project X round N" for messages; built only when an issue needs it (most rows have none). */
class RoundRef {
  constructor(private readonly round: Round) {}
  private get number(): string {
    return isNumber(this.round.round) ? String(this.round.round) : "?";
  }
  get th(): string {
    return `โครงการ ${this.round.projectCode || "?"} รายงานครั้งที่ ${this.number}`;
  }
  get en(): string {
    return `Project ${this.round.projectCode || "?"} round ${this.number}`;
  }
}

function ref(round: Round): RoundRef {
  return new RoundRef(round);
}

function listOf(entries: readonly VocabularyEntry[], lang: "th" | "en"): string {
  return entries.map((entry) => vocabularyLabel(entries, entry.key, lang) ?? entry.key).join(", ");
}

/** "3", "3–5". */
function span(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

type MissableField = "date" | "narrative" | "progress";

/**
 * The Rounds rules, one round or one project's rounds at a time: the full check runs them
 * over every round, the incremental check (see `../incremental.ts`) over the projects an
 * edit touched. Issues go to the list given, in the order the full check reports them.
 */
export class RoundRules {
  private readonly mapped: Readonly<Record<MissableField, boolean>>;

  constructor(
    private readonly context: TableContext,
    private readonly options: RoundRuleOptions
  ) {
    this.mapped = {
      date: context.columns.date !== undefined,
      narrative: context.columns.narrative !== undefined,
      progress: context.columns.progress !== undefined,
    };
  }

  /** Whether an empty field counts as missing: its column is mapped, and the cell did not
   * hold something unreadable (which has its own issue). */
  private missing(round: Round, field: MissableField): boolean {
    if (!this.mapped[field]) return false;
    const unreadable = this.options.unreadable;
    // Most tables have no unreadable cell: no key to build then.
    return !(
      unreadable !== undefined &&
      unreadable.size > 0 &&
      unreadable.has(cellKey(round.row, field))
    );
  }

  /** The rules of one round on its own; `unknownProject` when the Projects table lacks its code. */
  checkRound(round: Round, unknownProject: boolean, issues: Issue[]): void {
    const { context } = this;
    const { row } = round;
    if (unknownProject) {
      issues.push(
        unknownProjectIssue("ROUND_UNKNOWN_PROJECT", context, row, ref(round), round.projectCode)
      );
    }
    if (round.round !== undefined && !isRoundNumber(round.round)) {
      issues.push(
        makeIssue("ROUND_NUMBER_INVALID", context, row, "round", {
          th: `${ref(round).th}: ครั้งที่ต้องเป็นจำนวนเต็มตั้งแต่ 1`,
          en: `${ref(round).en}: the round must be a whole number from 1`,
        })
      );
    }
    if (round.date === undefined && this.missing(round, "date")) {
      issues.push(
        makeIssue("ROUND_DATE_MISSING", context, row, "date", {
          th: `${ref(round).th}: ไม่มีวันที่รายงาน`,
          en: `${ref(round).en}: no report date`,
        })
      );
    }
    if (round.narrative === undefined && this.missing(round, "narrative")) {
      issues.push(
        makeIssue("ROUND_NARRATIVE_MISSING", context, row, "narrative", {
          th: `${ref(round).th}: ไม่มีผลการดำเนินงาน`,
          en: `${ref(round).en}: no narrative`,
        })
      );
    }
    if (isNumber(round.progress)) {
      if (!isPercent(round.progress)) {
        issues.push(
          makeIssue("ROUND_PROGRESS_OUT_OF_RANGE", context, row, "progress", {
            th: `${ref(round).th}: ความก้าวหน้า ${formatPercent(round.progress)} อยู่นอกช่วง 0–100%`,
            en: `${ref(round).en}: progress ${formatPercent(round.progress)} is outside 0–100%`,
          })
        );
      }
    } else if (this.missing(round, "progress")) {
      issues.push(
        makeIssue("ROUND_PROGRESS_MISSING", context, row, "progress", {
          th: `${ref(round).th}: ไม่มีความก้าวหน้าของงาน (%)`,
          en: `${ref(round).en}: no progress figure`,
        })
      );
    }
    const planned = round.plannedProgress;
    if (isNumber(planned) && (planned < 0 || planned > 100)) {
      issues.push(
        makeIssue("ROUND_PLANNED_OUT_OF_RANGE", context, row, "plannedProgress", {
          th: `${ref(round).th}: แผน ${formatPercent(planned)} อยู่นอกช่วง 0–100%`,
          en: `${ref(round).en}: planned ${formatPercent(planned)} is outside 0–100%`,
        })
      );
    }
    if (isNumber(round.disbursed) && round.disbursed < 0) {
      issues.push(
        makeIssue("ROUND_DISBURSED_NEGATIVE", context, row, "disbursed", {
          th: `${ref(round).th}: เบิกใช้ ${formatBaht(round.disbursed, "th")} ติดลบ`,
          en: `${ref(round).en}: disbursed ${formatBaht(round.disbursed, "en")} is negative`,
        })
      );
    }
    const vocabularies = this.options.vocabularies;
    this.checkStatus(round, "planStatus", round.planStatus, vocabularies.planStatus, issues);
    this.checkStatus(round, "targetStatus", round.targetStatus, vocabularies.targetStatus, issues);
    this.checkPlanStatus(round, issues);
  }

  private checkStatus(
    round: Round,
    field: "planStatus" | "targetStatus",
    value: VocabValue | undefined,
    entries: readonly VocabularyEntry[],
    issues: Issue[]
  ): void {
    if (!value || value.key !== null) return;
    if (value.uncertain) {
      issues.push(uncertainIssue(this.context, round.row, field, ref(round), value.text));
      return;
    }
    issues.push(
      makeIssue("ROUND_STATUS_UNKNOWN", this.context, round.row, field, {
        th: `${ref(round).th}: ${quote(value.text)} ไม่อยู่ในรายการ (${listOf(entries, "th")})`,
        en: `${ref(round).en}: ${quote(value.text)} is not in the list (${listOf(entries, "en")})`,
      })
    );
  }

  /** The plan status entered against the one actual and planned progress give. */
  private checkPlanStatus(round: Round, issues: Issue[]): void {
    const entered = round.planStatus?.key;
    const planned = round.plannedProgress;
    // A figure outside 0–100 has its own issue; comparing it would only repeat that.
    if (
      !entered ||
      !isNumber(round.progress) ||
      !isPercent(round.progress) ||
      !isNumber(planned) ||
      !isPercent(planned)
    )
      return;
    const computed = planStatusFor(round.progress, planned, this.options.planTolerance);
    if (computed === undefined || computed === entered) return;
    const entries = this.options.vocabularies.planStatus;
    const label = (key: string, lang: "th" | "en") => vocabularyLabel(entries, key, lang) ?? key;
    issues.push(
      makeIssue("ROUND_PLAN_STATUS_CONTRADICTS", this.context, round.row, "planStatus", {
        th: `${ref(round).th}: ระบุ "${label(entered, "th")}" แต่ผลงาน ${formatPercent(round.progress)} เทียบแผน ${formatPercent(planned)} คือ "${label(computed, "th")}"`,
        en: `${ref(round).en}: says "${label(entered, "en")}" but actual ${formatPercent(round.progress)} against planned ${formatPercent(planned)} is "${label(computed, "en")}"`,
      })
    );
  }

  /**
   * The rules of one project's rounds in order: gaps and duplicates, dates, progress,
   * the finish and the budget. `group` holds the project's rounds in table order and is
   * this method's own (sorted in place).
   */
  checkProject(group: Round[], project: Project | undefined, issues: Issue[]): void {
    const numbered = group.every((round) => isRoundNumber(round.round))
      ? group
      : group.filter((round) => isRoundNumber(round.round));
    // Rounds usually come in order; a sort (which allocates) only when they do not.
    if (!inRoundOrder(numbered)) numbered.sort(byRoundThenRow);
    this.checkNumbering(numbered, issues);
    const unique = hasRepeats(numbered)
      ? numbered.filter((round, index) => index === 0 || numbered[index - 1].round !== round.round)
      : numbered;
    const lastDated = this.checkDates(unique, project, issues);
    // A figure outside 0–100 has its own issue and stays out of the trend: 1,407.52 would
    // otherwise also be a jump, and the next round's 30 % a fall.
    const withProgress = unique.filter((round) => isNumber(round.progress));
    this.checkProgress(
      withProgress.filter((round) => isPercent(round.progress as number)),
      issues
    );
    this.checkFinish(withProgress[withProgress.length - 1], lastDated, project, issues);
    this.checkBudget(unique, project, issues);
  }

  /** Duplicates and gaps, over numbered rounds in round order. */
  private checkNumbering(numbered: readonly Round[], issues: Issue[]): void {
    let expected = 1;
    let previous: Round | undefined;
    for (const round of numbered) {
      const number = round.round as number;
      if (previous && previous.round === number) {
        issues.push(
          makeIssue("ROUND_DUPLICATE", this.context, round.row, "round", {
            th: `${ref(round).th}: มีรายงานครั้งที่ ${number} อยู่แล้ว`,
            en: `${ref(round).en}: round ${number} is already reported`,
          })
        );
        continue;
      }
      if (number > expected) {
        issues.push(
          makeIssue("ROUND_MISSING", this.context, round.row, "round", {
            th: `${ref(round).th}: ไม่มีรายงานครั้งที่ ${span(expected, number - 1)} ก่อนหน้านี้`,
            en: `${ref(round).en}: round ${span(expected, number - 1)} is missing before it`,
          })
        );
      }
      expected = number + 1;
      previous = round;
    }
  }

  /**
   * Dates inside the project period, and in order; returns the last dated round. A date
   * outside the period has its own issue and is not the yardstick of the next round's
   * order: one mistyped year would otherwise also put the next round "before" it.
   */
  private checkDates(
    unique: readonly Round[],
    project: Project | undefined,
    issues: Issue[]
  ): Round | undefined {
    const start = project?.start;
    const end = project?.end;
    let lastDated: Round | undefined;
    let lastInPeriod: Round | undefined;
    for (const round of unique) {
      const date = round.date;
      if (!isNumber(date)) continue;
      lastDated = round;
      if ((isNumber(start) && date < start) || (isNumber(end) && date > end)) {
        const period = (lang: "th" | "en") =>
          `${isNumber(start) ? formatDate(start, lang) : "…"}–${isNumber(end) ? formatDate(end, lang) : "…"}`;
        issues.push(
          makeIssue("ROUND_DATE_OUTSIDE_PROJECT", this.context, round.row, "date", {
            th: `${ref(round).th}: วันที่ ${formatDate(date, "th")} อยู่นอกช่วงโครงการ (${period("th")})`,
            en: `${ref(round).en}: dated ${formatDate(date, "en")}, outside the project period (${period("en")})`,
          })
        );
        continue;
      }
      const previous = lastInPeriod;
      lastInPeriod = round;
      if (previous && isNumber(previous.date) && date < previous.date) {
        issues.push(
          makeIssue("ROUND_DATE_NOT_INCREASING", this.context, round.row, "date", {
            th: `${ref(round).th}: วันที่ ${formatDate(date, "th")} ก่อนครั้งที่ ${previous.round} (${formatDate(previous.date, "th")})`,
            en: `${ref(round).en}: dated ${formatDate(date, "en")}, before round ${previous.round} (${formatDate(previous.date, "en")})`,
          })
        );
      }
    }
    return lastDated;
  }

  /** A project that has ended must have reached 100 % by its last figure. */
  private checkFinish(
    last: Round | undefined,
    lastDated: Round | undefined,
    project: Project | undefined,
    issues: Issue[]
  ): void {
    const end = project?.end;
    const lastDate = lastDated?.date;
    const asOf = this.options.asOf;
    const ended =
      isNumber(end) &&
      ((asOf !== undefined && asOf > end) || (isNumber(lastDate) && lastDate >= end));
    const lastProgress = last?.progress;
    if (
      !ended ||
      !last ||
      !isNumber(lastProgress) ||
      !isPercent(lastProgress) ||
      lastProgress >= 100 - EPSILON
    )
      return;
    issues.push(
      makeIssue("ROUND_NOT_FINISHED", this.context, last.row, "progress", {
        th: `${ref(last).th}: โครงการสิ้นสุด ${formatDate(end, "th")} แล้ว แต่ความก้าวหน้าล่าสุด ${formatPercent(lastProgress)} ยังไม่ถึง 100%`,
        en: `${ref(last).en}: the project ended ${formatDate(end, "en")} but its latest progress is ${formatPercent(lastProgress)}, below 100%`,
      })
    );
  }

  /** Disbursement against the budget received: reports the round where the total crosses it. */
  private checkBudget(
    unique: readonly Round[],
    project: Project | undefined,
    issues: Issue[]
  ): void {
    const received = project?.budgetReceived;
    if (!isNumber(received) || received < 0) return;
    let total = 0;
    for (const round of unique) {
      if (!isNumber(round.disbursed) || round.disbursed < 0) continue;
      total += round.disbursed;
      if (total > received + 0.005) {
        issues.push(
          makeIssue("ROUND_DISBURSED_ABOVE_BUDGET", this.context, round.row, "disbursed", {
            th: `${ref(round).th}: เบิกใช้รวมถึงครั้งนี้ ${formatBaht(total, "th")} เกินงบประมาณที่ได้รับ ${formatBaht(received, "th")}`,
            en: `${ref(round).en}: total disbursed so far ${formatBaht(total, "en")} is above the ${formatBaht(received, "en")} received`,
          })
        );
        return;
      }
    }
  }

  /** Falls and jumps over the figures within 0–100, in round order. */
  private checkProgress(series: readonly Round[], issues: Issue[]): void {
    // Rise per round since the previous figure (from 0 before round 1's figure).
    const rises: number[] = [];
    let previous: Round | undefined;
    for (const round of series) {
      const progress = round.progress as number;
      if (previous) {
        const before = previous.progress as number;
        if (progress < before - EPSILON) {
          issues.push(
            makeIssue("ROUND_PROGRESS_FALLS", this.context, round.row, "progress", {
              th: `${ref(round).th}: ความก้าวหน้า ${formatPercent(progress)} ต่ำกว่าครั้งที่ ${previous.round} (${formatPercent(before)})`,
              en: `${ref(round).en}: progress ${formatPercent(progress)} is below round ${previous.round}'s ${formatPercent(before)}`,
            })
          );
        }
        rises.push((progress - before) / ((round.round as number) - (previous.round as number)));
      } else {
        rises.push(progress / (round.round as number));
      }
      previous = round;
    }
    const positive = sortNumbers(rises.filter((rise) => rise > EPSILON));
    // The first figure is where the project started from, not a jump.
    for (let index = 1; index < series.length; index++) {
      const rise = rises[index];
      if (rise <= JUMP_MIN) continue;
      const others = medianWithout(positive, rise);
      const outOfScale =
        rise > JUMP_ABSOLUTE || (others !== undefined && rise > JUMP_FACTOR * others);
      if (!outOfScale) continue;
      const round = series[index];
      const before = series[index - 1];
      const typical = others === undefined ? "" : formatPercent(others);
      issues.push(
        makeIssue("ROUND_PROGRESS_JUMP", this.context, round.row, "progress", {
          th: `${ref(round).th}: ความก้าวหน้าเพิ่มจาก ${formatPercent(before.progress as number)} เป็น ${formatPercent(round.progress as number)}${typical ? ` (ครั้งอื่นเพิ่มราว ${typical} ต่อครั้ง)` : ""} ตรวจสอบตัวเลข`,
          en: `${ref(round).en}: progress rose from ${formatPercent(before.progress as number)} to ${formatPercent(round.progress as number)}${typical ? ` (other rounds rose about ${typical} each)` : ""}; check the figure`,
        })
      );
    }
  }
}

export function validateRounds(
  rounds: readonly Round[],
  context: TableContext,
  projectsByCode: ReadonlyMap<string, Project> | undefined,
  options: RoundRuleOptions
): Issue[] {
  const issues: Issue[] = [];
  const rules = new RoundRules(context, options);
  const groups = groupByProject(rounds, projectsByCode, (round, project) =>
    rules.checkRound(round, project.unknown, issues)
  );
  for (const [projectKey, projectRounds] of groups)
    rules.checkProject(projectRounds, projectsByCode?.get(projectKey), issues);
  return issues;
}

function byRoundThenRow(a: Round, b: Round): number {
  return (a.round as number) - (b.round as number) || a.row - b.row;
}

/** Whether rounds (all numbered) are already in `byRoundThenRow` order. */
function inRoundOrder(rounds: readonly Round[]): boolean {
  for (let index = 1; index < rounds.length; index++)
    if (byRoundThenRow(rounds[index - 1], rounds[index]) > 0) return false;
  return true;
}

/** Whether sorted rounds repeat a number. */
function hasRepeats(sorted: readonly Round[]): boolean {
  for (let index = 1; index < sorted.length; index++)
    if (sorted[index - 1].round === sorted[index].round) return true;
  return false;
}

/** Sorts finite numbers ascending in place. A project has a handful of rounds, and an
 * insertion sort of a few numbers allocates nothing (Array.prototype.sort does). */
function sortNumbers(values: number[]): number[] {
  if (values.length > 32) return values.sort((a, b) => a - b);
  for (let index = 1; index < values.length; index++) {
    const value = values[index];
    let at = index - 1;
    while (at >= 0 && values[at] > value) {
      values[at + 1] = values[at];
      at -= 1;
    }
    values[at + 1] = value;
  }
  return values;
}

/** The median of a sorted list with one occurrence of `value` left out. */
function medianWithout(sorted: readonly number[], value: number): number | undefined {
  // Binary search keeps this O(log n) even for a project with thousands of rounds.
  const low = lowerBound(sorted, value);
  const skip = low < sorted.length && sorted[low] === value ? low : -1;
  const length = skip < 0 ? sorted.length : sorted.length - 1;
  if (length === 0) return undefined;
  const at = (index: number) => sorted[skip >= 0 && index >= skip ? index + 1 : index];
  const middle = Math.floor(length / 2);
  return length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}
