/**
 * Validation over parsed records: the rules of each table and across tables. Vocabularies
 * and the plan tolerance are parameters (per-workbook settings).
 */
import { DEFAULT_PLAN_TOLERANCE, projectCodeKey } from "../compute";
import type {
  ExcelSerial,
  Indicator,
  Issue,
  Project,
  Round,
  TableKind,
  Vocabularies,
} from "../types";
import { DEFAULT_VOCABULARIES } from "../vocabularies";
import { detachedContext, type TableContext } from "./context";
import { validateIndicators } from "./indicators";
import { validateProjects } from "./projects";
import { validateRounds } from "./rounds";

export { IndicatorRules } from "./indicators";
export { validateProjects } from "./projects";
export { RoundRules } from "./rounds";

export { RULES, ruleInfo, severityOf, type RuleCode, type RuleInfo } from "./catalogue";
export {
  cellKey,
  cellOf,
  contextOf,
  detachedContext,
  makeIssue,
  type TableContext,
} from "./context";

export interface RecordSet {
  /** Undefined when the workbook has no Projects table: cross-table rules are skipped. */
  projects?: readonly Project[];
  rounds?: readonly Round[];
  indicators?: readonly Indicator[];
}

export interface ValidateOptions {
  vocabularies?: Vocabularies;
  planTolerance?: number;
  /** "Today", to tell whether a project has ended (see `RoundRuleOptions.asOf`). */
  asOf?: ExcelSerial;
  /** Where each table sits; records from nowhere get issues without addresses. */
  contexts?: { projects?: TableContext; rounds?: TableContext; indicators?: TableContext };
  /** Per table, the cells that held something unreadable (`ParsedTable.unreadable`): they
   * have their own issue, so the "missing value" rules pass over them. */
  unreadable?: Partial<Record<TableKind, ReadonlySet<string>>>;
}

/** The first project of each code (duplicates are reported by the Projects rules). */
export function projectsByCode(projects: readonly Project[]): Map<string, Project> {
  const byCode = new Map<string, Project>();
  for (const project of projects) {
    if (!project.code) continue;
    const key = projectCodeKey(project.code);
    if (!byCode.has(key)) byCode.set(key, project);
  }
  return byCode;
}

/** The plan tolerance to use: the one given when it is a number ≥ 0, else the default. */
export function planToleranceOf(tolerance: number | undefined): number {
  return typeof tolerance === "number" && Number.isFinite(tolerance) && tolerance >= 0
    ? tolerance
    : DEFAULT_PLAN_TOLERANCE;
}

export function validateRecords(records: RecordSet, options: ValidateOptions = {}): Issue[] {
  const vocabularies = options.vocabularies ?? DEFAULT_VOCABULARIES;
  const planTolerance = planToleranceOf(options.planTolerance);
  const contexts = options.contexts ?? {};
  const byCode = records.projects ? projectsByCode(records.projects) : undefined;
  const issues: Issue[] = [];
  if (records.projects) {
    for (const issue of validateProjects(
      records.projects,
      contexts.projects ?? detachedContext("projects")
    ))
      issues.push(issue);
  }
  if (records.rounds) {
    const context = contexts.rounds ?? detachedContext("rounds");
    for (const issue of validateRounds(records.rounds, context, byCode, {
      vocabularies,
      planTolerance,
      asOf: options.asOf,
      unreadable: options.unreadable?.rounds,
    })) {
      issues.push(issue);
    }
  }
  if (records.indicators) {
    const context = contexts.indicators ?? detachedContext("indicators");
    for (const issue of validateIndicators(
      records.indicators,
      context,
      byCode,
      vocabularies,
      options.unreadable?.indicators
    ))
      issues.push(issue);
  }
  return issues;
}
