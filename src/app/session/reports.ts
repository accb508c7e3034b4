/**
 * Report sheets and the issues sheet, written into the workbook. Which sheets, in what
 * order and under which names is `usecases/reportSheets` (the same rule as `kaona report`);
 * here: reading the tables afresh, writing, and the sheets the workbook refused
 * (`pending`), which the person then replaces or writes under a free name.
 */
import type { LiveSource } from "../../domain/report";
import type { Lang, SheetLayout } from "../../domain/types";
import { WorkbookError, type WriteConflict, type WriteResult } from "../../workbook/port";
import { TABLE_KINDS } from "../../domain/tableKinds";
import { SheetNames, withFreeName } from "../../usecases/sheetNames";
import type { CheckActions } from "./checking";
import type { SessionContext } from "./store";
import {
  type CheckRun,
  type PendingWrite,
  type ProjectChoice,
  type ReportRequest,
  type WriteOutcome,
} from "./types";
import { loadCompute } from "./lazyDomain";

const loadReportSheets = () =>
  import(/* webpackChunkName: "domain-report" */ "../../usecases/reportSheets");

function isConflict(
  error: unknown
): error is WorkbookError & { detail: { conflict: WriteConflict } } {
  return (
    error instanceof WorkbookError &&
    error.reason === "sheet-conflict" &&
    error.detail?.conflict !== undefined
  );
}

export class ReportActions {
  constructor(
    private readonly ctx: SessionContext,
    private readonly checks: CheckActions
  ) {}

  private get state() {
    return this.ctx.store.get();
  }

  /** The projects a report can be made of, from the last check (checking first when there
   * is none): the same projects `generateReports` makes sheets for. */
  async projects(): Promise<ProjectChoice[]> {
    const run = this.state.check ?? (await this.checks.runCheck("report"));
    if (!run) return [];
    const [{ latestProgress, roundsOfProject }, { projectsToReport }] = await Promise.all([
      loadCompute(),
      loadReportSheets(),
    ]);
    const { projects, rounds } = run.result.records;
    return projectsToReport(projects, null).reported.map((p) => {
      const own = roundsOfProject(rounds, p.code);
      const dated = own.filter((r) => typeof r.date === "number");
      return {
        code: p.code,
        name: p.name,
        fiscalYear: p.fiscalYear,
        rounds: own.length,
        latestDate: dated.length > 0 ? dated[dated.length - 1].date : undefined,
        latestProgress: latestProgress(rounds, p.code)?.progress,
      };
    });
  }

  /** The bound tables and columns, for live formulas. */
  private liveSource(): LiveSource {
    const { bound } = this.state;
    const source: LiveSource = { tables: {}, columns: {} };
    for (const kind of TABLE_KINDS) {
      const b = bound[kind];
      if (!b?.table) continue;
      source.tables[kind] = b.table.name;
      source.columns[kind] = b.binding.columns;
    }
    return source;
  }

  private async layoutsFor(request: ReportRequest, run: CheckRun): Promise<SheetLayout[]> {
    const { planReportSheets } = await loadReportSheets();
    const plan = planReportSheets(run.result.records, {
      ...request,
      vocabularies: this.state.settings.vocabularies,
      source: this.liveSource(),
    });
    if (!plan.ok)
      throw new WorkbookError(
        "table-missing",
        `no project ${request.projectCode ?? ""} in the Projects table`,
        { table: this.state.bound.projects?.binding.tableName }
      );
    return plan.layouts;
  }

  /** The report layout of one project, for the preview (nothing is written). */
  async previewReport(
    request: ReportRequest & { projectCode: string }
  ): Promise<SheetLayout | undefined> {
    return this.ctx.store.act("preview", async () => {
      const run = this.state.check ?? (await this.checks.check("report"));
      if (!run) throw new WorkbookError("table-missing", "no table is bound");
      return (await this.layoutsFor(request, run))[0];
    });
  }

  /** Reads the tables afresh and writes the report sheet(s); refused sheets come back pending. */
  async generateReports(request: ReportRequest): Promise<WriteOutcome | undefined> {
    return this.ctx.store.act("report", async () => {
      const run = await this.checks.check("report");
      if (!run) throw new WorkbookError("table-missing", "no table is bound");
      return this.writeLayouts(await this.layoutsFor(request, run));
    });
  }

  /** Writes (or rewrites) the generated issues sheet from the last check. */
  async writeIssuesSheet(lang: Lang): Promise<WriteOutcome | undefined> {
    return this.ctx.store.act("issuesSheet", async () => {
      const run = this.state.check ?? (await this.checks.check("manual"));
      const { issuesSheet } = await loadReportSheets();
      return this.writeLayouts([issuesSheet(run?.result.issues ?? [], lang)]);
    });
  }

  private async writeLayouts(layouts: readonly SheetLayout[]): Promise<WriteOutcome> {
    const outcome: WriteOutcome = { written: [], pending: [] };
    try {
      for (const [index, layout] of layouts.entries()) {
        try {
          outcome.written.push(
            await this.ctx.workbook.writeSheet(layout, { activate: index === 0 })
          );
        } catch (error) {
          if (!isConflict(error)) throw error;
          outcome.pending.push({ layout, sheet: layout.name, conflict: error.detail.conflict });
        }
      }
    } finally {
      this.ctx.store.afterOwnWrite();
    }
    return outcome;
  }

  /** Finishes a refused write: replace the sheet the person edited, or write under a free name. */
  async resolveConflict(
    pending: PendingWrite,
    how: "replace" | "rename"
  ): Promise<WriteResult | undefined> {
    return this.ctx.store.act("write", () =>
      this.rewrite(pending, how).finally(() => this.ctx.store.afterOwnWrite())
    );
  }

  private async rewrite(pending: PendingWrite, how: "replace" | "rename"): Promise<WriteResult> {
    if (how === "replace") {
      if (pending.conflict !== "edited")
        throw new WorkbookError("sheet-conflict", `"${pending.sheet}" was not made by Kaona`, {
          sheet: pending.sheet,
          conflict: "not-generated",
        });
      return this.ctx.workbook.writeSheet(pending.layout, {
        overwriteEdited: true,
        activate: true,
      });
    }
    const names = new SheetNames([pending.sheet]);
    return withFreeName(
      () => {
        const name = names.reserve(pending.sheet);
        return this.ctx.workbook.writeSheet({ ...pending.layout, name }, { activate: true });
      },
      isConflict,
      () =>
        new WorkbookError("sheet-conflict", `no free name for "${pending.sheet}"`, {
          sheet: pending.sheet,
          conflict: "not-generated",
        })
    );
  }
}
