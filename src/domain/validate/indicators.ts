/**
 * Rules over the Indicators table: unknown projects, duplicate ids, outcomes outside the
 * vocabulary, and each project's tally against its target count.
 */
import { tallyOutcomeCounts } from "../compute";
import { quote } from "../messages";
import { thaiDigitsToArabic } from "../text";
import type { Indicator, Issue, Project, VocabValue, Vocabularies } from "../types";
import {
  cellKey,
  groupByProject,
  makeIssue,
  repeatOf,
  unknownProjectIssue,
  uncertainIssue,
  type ProjectRun,
  type TableContext,
} from "./context";

/** "Project X item Y" for messages; built only when an issue needs it. */
class ItemRef {
  constructor(private readonly item: Indicator) {}
  get th(): string {
    return `โครงการ ${this.item.projectCode || "?"} รายการ${this.item.id ? ` ${this.item.id}` : ""}`;
  }
  get en(): string {
    return `Project ${this.item.projectCode || "?"} item${this.item.id ? ` ${this.item.id}` : ""}`;
  }
}

function ref(item: Indicator): ItemRef {
  return new ItemRef(item);
}

/** Ids compare without inner spacing or case, Thai digits as arabic ("ก-๐๑" is "ก-01");
 * most ids need none of that, and skip the work. */
function idKey(id: string): string {
  return /[\s\u0E50-\u0E59a-z]/.test(id)
    ? thaiDigitsToArabic(id).replace(/\s+/g, "").toUpperCase()
    : id;
}

/** Each distinct outcome value with how often it occurs, in order of first occurrence:
 * parsing shares one value among the cells that read alike, so a project's hundreds of
 * items hold a handful. */
function countOutcomes(items: readonly Indicator[]): Map<VocabValue | undefined, number> {
  const counts = new Map<VocabValue | undefined, number>();
  for (const item of items) counts.set(item.outcome, (counts.get(item.outcome) ?? 0) + 1);
  return counts;
}

/**
 * The Indicators rules, one item or one project's items at a time: the full check runs
 * them over every item, the incremental check (see `../incremental.ts`) over the projects
 * an edit touched.
 */
export class IndicatorRules {
  private readonly entries: Vocabularies["outcome"];
  private readonly allowed: { th: string; en: string };
  private readonly hasOutcome: boolean;

  constructor(
    private readonly context: TableContext,
    vocabularies: Vocabularies,
    /** Cells that held something unreadable (`ParsedTable.unreadable`), not reported missing. */
    private readonly unreadable?: ReadonlySet<string>
  ) {
    this.entries = Array.isArray(vocabularies.outcome) ? vocabularies.outcome : [];
    this.allowed = {
      th: this.entries.map((entry) => entry.th).join(", "),
      en: this.entries.map((entry) => entry.en).join(", "),
    };
    this.hasOutcome = context.columns.outcome !== undefined;
  }

  /**
   * The rules of one item: its project known, its id not a repeat within the project
   * (`ids`: id key → first row, of the items of its project before it), its outcome.
   */
  checkItem(
    item: Indicator,
    project: ProjectRun,
    firstRowById: Map<string, number>,
    issues: Issue[]
  ): void {
    const { context } = this;
    const { row } = item;
    if (project.unknown) {
      issues.push(
        unknownProjectIssue("IND_UNKNOWN_PROJECT", context, row, ref(item), item.projectCode)
      );
    }
    const where = item.id
      ? repeatOf(firstRowById, `${project.key}\u0000${idKey(item.id)}`, row, context, "id")
      : undefined;
    if (where !== undefined) {
      issues.push(
        makeIssue("IND_ID_DUPLICATE", context, row, "id", {
          th: `${ref(item).th}: รหัส ${item.id} ซ้ำกับรายการที่ ${where}`,
          en: `${ref(item).en}: ID ${item.id} repeats the item at ${where}`,
        })
      );
    }
    const unreadable = this.unreadable;
    if (item.outcome?.uncertain) {
      issues.push(uncertainIssue(context, row, "outcome", ref(item), item.outcome.text));
    } else if (item.outcome && item.outcome.key === null) {
      issues.push(
        makeIssue("IND_OUTCOME_UNKNOWN", context, row, "outcome", {
          th: `${ref(item).th}: ผลการประเมิน ${quote(item.outcome.text)} ไม่อยู่ในรายการ (${this.allowed.th})`,
          en: `${ref(item).en}: outcome ${quote(item.outcome.text)} is not in the list (${this.allowed.en})`,
        })
      );
    } else if (
      !item.outcome &&
      this.hasOutcome &&
      // Most tables have no unreadable cell: no key to build then.
      !(unreadable !== undefined && unreadable.size > 0 && unreadable.has(cellKey(row, "outcome")))
    ) {
      issues.push(
        makeIssue("IND_OUTCOME_MISSING", context, row, "outcome", {
          th: `${ref(item).th}: ยังไม่มีผลการประเมิน`,
          en: `${ref(item).en}: no outcome yet`,
        })
      );
    }
  }

  /** A project's items (in table order) against its target count. */
  checkTally(items: readonly Indicator[], project: Project | undefined, issues: Issue[]): void {
    const planned = project?.targetCount;
    if (typeof planned !== "number" || !Number.isInteger(planned) || planned < 0) return;
    const tally = tallyOutcomeCounts(countOutcomes(items), this.entries);
    const evaluated = tally.byClass.passed + tally.byClass.failed + tally.byClass.notApplicable;
    const first = items[0];
    const last = items[items.length - 1];
    const code = project?.code ?? first.projectCode;
    if (evaluated > planned) {
      issues.push(
        makeIssue("IND_EVALUATED_ABOVE_PLANNED", this.context, last.row, "outcome", {
          th: `โครงการ ${code}: ประเมินแล้ว ${evaluated} รายการ มากกว่าจำนวนเป้าหมาย ${planned}`,
          en: `Project ${code}: ${evaluated} items evaluated, more than the ${planned} planned`,
        })
      );
    } else if (items.length !== planned) {
      issues.push(
        makeIssue("IND_COUNT_MISMATCH", this.context, first.row, "projectCode", {
          th: `โครงการ ${code}: มี ${items.length} รายการ แต่จำนวนเป้าหมายของโครงการคือ ${planned}`,
          en: `Project ${code}: ${items.length} items listed but the project's target count is ${planned}`,
        })
      );
    }
  }
}

export function validateIndicators(
  indicators: readonly Indicator[],
  context: TableContext,
  projectsByCode: ReadonlyMap<string, Project> | undefined,
  vocabularies: Vocabularies,
  /** Cells that held something unreadable (`ParsedTable.unreadable`), not reported missing. */
  unreadable?: ReadonlySet<string>
): Issue[] {
  const issues: Issue[] = [];
  const rules = new IndicatorRules(context, vocabularies, unreadable);
  /** "project key, id key" → the first row with that id in that project. */
  const firstRowById = new Map<string, number>();
  const groups = groupByProject(indicators, projectsByCode, (item, project) =>
    rules.checkItem(item, project, firstRowById, issues)
  );

  if (!projectsByCode) return issues;
  for (const [key, items] of groups) rules.checkTally(items, projectsByCode.get(key), issues);
  return issues;
}
