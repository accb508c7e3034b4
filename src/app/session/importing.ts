/**
 * Importing progress-report printouts into the bound tables (the Import page). Two steps,
 * and nothing is written before the second: `preview` reads the pasted text and the bound
 * Projects and Rounds tables (one request) and says what would change — new projects,
 * new rounds, rows already there, rows there with other values (conflicts, never
 * overwritten) and the rounds printed out of step, which the person confirms one by one
 * or leaves out. `apply`, the person's click, appends the new rows: to the bound tables,
 * or to new tables (then bound) where none is bound.
 */
import type { ImportedReport, MergePlan, RoundReading } from "../../domain/import";
import type { RowOf } from "../../domain/sample";
import type { Issue, LocalizedText } from "../../domain/types";
import type { TableInfo } from "../../workbook/port";
import { ActionsOnTables, type TableRow } from "./tableActions";
import { loadImport, loadMapping, loadSchema } from "./lazyDomain";

type ImportKind = "projects" | "rounds";
const IMPORT_KINDS: readonly ImportKind[] = ["projects", "rounds"];
/** Issues that make a round need the person's confirmation before it is written. */
const CONFIRM_CODES = new Set([
  "IMPORT_ROUND_OUT_OF_STEP",
  "IMPORT_ROUND_WITHOUT_LABEL",
  "IMPORT_PROGRESS_WITHOUT_ROUND",
]);

/** A round read out of step: shown with where its values came from, confirmed or left out. */
export interface AmbiguousRound {
  /** "code#round", what `ImportChoices` name. */
  key: string;
  projectCode: string;
  round: number;
  reading: RoundReading;
  messages: LocalizedText[];
}

export interface ImportPreview {
  reports: ImportedReport[];
  /** The import's issues, then the conflicts with the bound tables. */
  issues: Issue[];
  plan: MergePlan;
  ambiguous: AmbiguousRound[];
  /** The bound table each kind would go to; undefined: a new table is made. */
  targets: Partial<Record<ImportKind, TableInfo>>;
}

export interface ImportChoices {
  /** Ambiguous rounds the person confirmed as read. */
  confirmed: readonly string[];
  /** Rounds the person left out. */
  skipped: readonly string[];
}

export interface ImportOutcome {
  projects: number;
  rounds: number;
  /** Tables made because none of the kind was bound. */
  created: TableInfo[];
}

export const roundKey = (projectCode: string, round: number | undefined): string =>
  `${projectCode}#${round ?? ""}`;

export class ImportActions extends ActionsOnTables {
  private boundTable(kind: ImportKind): TableInfo | undefined {
    return this.state.bound[kind]?.table;
  }

  /** Reads the text and the bound tables; writes nothing. */
  async preview(text: string): Promise<ImportPreview | undefined> {
    return this.ctx.store.act("import-preview", async () => {
      const [{ importProgressReports, planImport }, { columnsFromHeaders }] = await Promise.all([
        loadImport(),
        loadMapping(),
      ]);
      const { vocabularies } = this.state.settings;
      const result = importProgressReports(text, { vocabularies });
      const present = IMPORT_KINDS.filter((kind) => this.boundTable(kind));
      const raws =
        present.length === 0
          ? []
          : await this.ctx.workbook.readTables(present.map((kind) => this.boundTable(kind)!.id));
      const existing: Parameters<typeof planImport>[1] = { mappings: {} };
      present.forEach((kind, index) => {
        const raw = raws[index];
        const binding = this.state.bound[kind]?.binding;
        if (!raw || !binding) return;
        existing[kind] = raw;
        existing.mappings![kind] = columnsFromHeaders(raw.headers, binding.columns);
      });
      const plan = planImport(result.reports, existing);
      const targets: ImportPreview["targets"] = {};
      for (const kind of present) targets[kind] = this.boundTable(kind);
      return {
        reports: result.reports,
        issues: [...result.issues, ...plan.issues],
        plan,
        ambiguous: ambiguousRounds(result.reports),
        targets,
      };
    });
  }

  /** Appends the new rows (the person's click). Ambiguous rounds not confirmed are left out. */
  async apply(preview: ImportPreview, choices: ImportChoices): Promise<ImportOutcome | undefined> {
    return this.ctx.store.act("import", async () => {
      const confirmed = new Set(choices.confirmed);
      const skipped = new Set(choices.skipped);
      const left = new Set(
        preview.ambiguous
          .filter((round) => !confirmed.has(round.key) || skipped.has(round.key))
          .map((round) => round.key)
      );
      for (const key of skipped) left.add(key);
      const rows: Record<ImportKind, RowOf<ImportKind>[]> = {
        projects: preview.plan.projects
          .filter((item) => item.status === "new")
          .map((item) => item.row),
        rounds: preview.plan.rounds
          .filter(
            (item) => item.status === "new" && !left.has(roundKey(item.projectCode, item.round))
          )
          .map((item) => item.row),
      };
      const outcome: ImportOutcome = {
        projects: rows.projects.length,
        rounds: rows.rounds.length,
        created: [],
      };
      for (const kind of IMPORT_KINDS) {
        if (rows[kind].length === 0) continue;
        const created = await this.write(kind, rows[kind]);
        if (created) outcome.created.push(created);
      }
      await this.bindings.refresh(this.state.bindings);
      return outcome;
    });
  }

  /** Appends to the bound table, or makes a new bound table; returns the table made. */
  private async write(kind: ImportKind, rows: RowOf<ImportKind>[]): Promise<TableInfo | undefined> {
    const { fieldsOf } = await loadSchema();
    const fields = fieldsOf(kind);
    return this.writeRows(kind, ({ headers, columns }) =>
      rows.map((row) => {
        const line: TableRow = headers.map(() => null);
        for (const field of fields) {
          const column = columns[field.key];
          const value = (row as Record<string, unknown>)[field.key];
          if (column !== undefined && value !== undefined && value !== null)
            line[column] = value as string | number | boolean;
        }
        return line;
      })
    );
  }
}

/** The rounds the person must confirm: those read out of step, with the issues that say so. */
function ambiguousRounds(reports: readonly ImportedReport[]): AmbiguousRound[] {
  const rounds: AmbiguousRound[] = [];
  for (const report of reports) {
    const code = report.project.code;
    if (code === "") continue;
    report.readings.forEach((reading, row) => {
      const messages = report.issues
        .filter(
          (issue) => issue.table === "rounds" && issue.row === row && CONFIRM_CODES.has(issue.code)
        )
        .map((issue) => issue.message);
      if (reading.aligned && messages.length === 0) return;
      rounds.push({
        key: roundKey(code, reading.round),
        projectCode: code,
        round: reading.round,
        reading,
        messages,
      });
    });
  }
  return rounds;
}
