/** Rules over the Projects table: codes, dates against the fiscal year, years, budgets. */
import { projectCodeKey } from "../compute";
import { BE_OFFSET, fiscalYearRange } from "../dates";
import { formatBaht, formatDate, formatNumber } from "../messages";
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN } from "../schema";
import type { Issue, Project } from "../types";
import { makeIssue, repeatOf, type TableContext } from "./context";

const CODE_RE = /^\d{8}-\d{4}$/;

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** "Project X" for messages; built only when an issue needs it. */
class ProjectRef {
  constructor(private readonly project: Project) {}
  get th(): string {
    return `โครงการ ${this.project.code || "?"}`;
  }
  get en(): string {
    return `Project ${this.project.code || "?"}`;
  }
}

function ref(project: Project): ProjectRef {
  return new ProjectRef(project);
}

export function validateProjects(projects: readonly Project[], context: TableContext): Issue[] {
  const issues: Issue[] = [];
  const firstRowByCode = new Map<string, number>();
  const ranges = new Map<number, ReturnType<typeof fiscalYearRange>>();
  const rangeOf = (year: number) => {
    if (!ranges.has(year)) ranges.set(year, fiscalYearRange(year));
    return ranges.get(year);
  };

  for (const project of projects) {
    const { row } = project;

    if (project.code) {
      const key = projectCodeKey(project.code);
      if (!CODE_RE.test(key)) {
        issues.push(
          makeIssue("PROJECT_CODE_FORMAT", context, row, "code", {
            th: `${ref(project).th}: รหัสควรเป็นตัวเลข 8 หลัก ขีด 4 หลัก เช่น 21000000-3165`,
            en: `${ref(project).en}: the code should be 8 digits, a dash and 4 digits, e.g. 21000000-3165`,
          })
        );
      }
      const where = repeatOf(firstRowByCode, key, row, context, "code");
      if (where !== undefined) {
        issues.push(
          makeIssue("PROJECT_CODE_DUPLICATE", context, row, "code", {
            th: `${ref(project).th}: รหัสซ้ำกับโครงการที่ ${where}`,
            en: `${ref(project).en}: the code repeats the project at ${where}`,
          })
        );
      }
    }

    const year = project.fiscalYear;
    const yearPlausible =
      isNumber(year) &&
      Number.isInteger(year) &&
      year >= FISCAL_YEAR_MIN &&
      year <= FISCAL_YEAR_MAX;
    if (isNumber(year) && !yearPlausible) {
      const looksCE = Number.isInteger(year) && year >= 1900 && year <= 2200;
      issues.push(
        makeIssue("PROJECT_YEAR_IMPLAUSIBLE", context, row, "fiscalYear", {
          th: looksCE
            ? `${ref(project).th}: ปีงบประมาณ ${year} ดูเหมือนเป็น ค.ศ. (พ.ศ. ${year + BE_OFFSET}) ต้องเป็น พ.ศ.`
            : `${ref(project).th}: ปีงบประมาณ ${formatNumber(year)} ไม่สมเหตุสมผล (ต้องเป็น พ.ศ. ${FISCAL_YEAR_MIN}–${FISCAL_YEAR_MAX})`,
          en: looksCE
            ? `${ref(project).en}: fiscal year ${year} looks like a CE year (BE ${year + BE_OFFSET}); it must be BE`
            : `${ref(project).en}: fiscal year ${formatNumber(year)} is implausible (expected BE ${FISCAL_YEAR_MIN}–${FISCAL_YEAR_MAX})`,
        })
      );
    }

    const { start, end } = project;
    if (isNumber(start) && isNumber(end) && start > end) {
      issues.push(
        makeIssue("PROJECT_START_AFTER_END", context, row, "start", {
          th: `${ref(project).th}: เริ่มต้น ${formatDate(start, "th")} อยู่หลังวันสิ้นสุด ${formatDate(end, "th")}`,
          en: `${ref(project).en}: starts ${formatDate(start, "en")}, after its end ${formatDate(end, "en")}`,
        })
      );
    }

    if (yearPlausible) {
      // Fiscal-year bounds repeat across projects: computed once per year.
      const range = rangeOf(year);
      if (range) {
        const span = (lang: "th" | "en") =>
          `${formatDate(range.start, lang)}–${formatDate(range.end, lang)}`;
        if (isNumber(start) && (start < range.start || start > range.end)) {
          issues.push(
            makeIssue("PROJECT_DATE_OUTSIDE_FY", context, row, "start", {
              th: `${ref(project).th}: วันเริ่มต้น ${formatDate(start, "th")} อยู่นอกปีงบประมาณ ${year} (${span("th")})`,
              en: `${ref(project).en}: start ${formatDate(start, "en")} is outside fiscal year ${year} (${span("en")})`,
            })
          );
        }
        if (isNumber(end) && (end < range.start || end > range.end)) {
          issues.push(
            makeIssue("PROJECT_DATE_OUTSIDE_FY", context, row, "end", {
              th: `${ref(project).th}: วันสิ้นสุด ${formatDate(end, "th")} อยู่นอกปีงบประมาณ ${year} (${span("th")})`,
              en: `${ref(project).en}: end ${formatDate(end, "en")} is outside fiscal year ${year} (${span("en")})`,
            })
          );
        }
      }
    }

    checkBudgetAndCount(project, context, issues);
  }
  return issues;
}

/** The money and count rules of one project: budgets not negative, no more used than
 * received, a whole target count. */
function checkBudgetAndCount(project: Project, context: TableContext, issues: Issue[]): void {
  const { row, budgetReceived: received, budgetUsed: used } = project;
  if (isNumber(received) && received < 0) {
    issues.push(
      makeIssue("PROJECT_BUDGET_NEGATIVE", context, row, "budgetReceived", {
        th: `${ref(project).th}: งบประมาณที่ได้รับ ${formatBaht(received, "th")} ติดลบ`,
        en: `${ref(project).en}: budget received ${formatBaht(received, "en")} is negative`,
      })
    );
  }
  if (isNumber(used) && used < 0) {
    issues.push(
      makeIssue("PROJECT_BUDGET_NEGATIVE", context, row, "budgetUsed", {
        th: `${ref(project).th}: งบประมาณที่ใช้ไป ${formatBaht(used, "th")} ติดลบ`,
        en: `${ref(project).en}: budget used ${formatBaht(used, "en")} is negative`,
      })
    );
  }
  if (isNumber(received) && isNumber(used) && received >= 0 && used > received) {
    issues.push(
      makeIssue("PROJECT_USED_ABOVE_RECEIVED", context, row, "budgetUsed", {
        th: `${ref(project).th}: ใช้ไป ${formatBaht(used, "th")} มากกว่าที่ได้รับ ${formatBaht(received, "th")}`,
        en: `${ref(project).en}: used ${formatBaht(used, "en")}, more than the ${formatBaht(received, "en")} received`,
      })
    );
  }

  const count = project.targetCount;
  if (isNumber(count) && (!Number.isInteger(count) || count < 0)) {
    issues.push(
      makeIssue("PROJECT_TARGET_COUNT_INVALID", context, row, "targetCount", {
        th: `${ref(project).th}: จำนวนเป้าหมาย ${formatNumber(count)} ต้องเป็นจำนวนเต็มไม่ติดลบ`,
        en: `${ref(project).en}: target count ${formatNumber(count)} must be a whole number ≥ 0`,
      })
    );
  }
}
