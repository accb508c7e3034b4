/**
 * Combining other units' workbooks into the bound tables (the Combine page). Two steps,
 * and nothing is written before the second: `preview` reads the chosen files' bytes (in
 * the browser: the streaming .xlsx reader, table discovery and `chooseTables`, as `kaona
 * merge` does) and the bound tables (one request), and plans what would be added
 * (src/usecases/combineWorkbooks.ts). `apply`, the person's confirmation, appends the new
 * rows to the bound tables (a kind with no bound table gets a new table, bound), and fills
 * the source columns where the bound table has them.
 */
import type { LocalizedText, TableKind } from "../../domain/types";
import type { CombineInput, CombinePlan, ExistingTable } from "../../usecases/combineWorkbooks";
import type { TableInfo } from "../../workbook/port";
import { ActionsOnTables } from "./tableActions";
import { TABLE_KINDS } from "../../domain/tableKinds";

const loadCombine = () =>
  import(/* webpackChunkName: "combine" */ "../../usecases/combineWorkbooks");
const loadReader = () => import(/* webpackChunkName: "combine" */ "../../workbook/xlsx/grids");
const loadUnreadable = () =>
  import(/* webpackChunkName: "combine" */ "../../workbook/xlsx/unreadable");
const loadDiscovery = () => import(/* webpackChunkName: "combine" */ "../../domain/discovery");
const loadMapping = () => import(/* webpackChunkName: "domain-check" */ "../../domain/mapping");

/** A file the person chose: its name and its bytes (read in the browser). */
export interface ChosenFile {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
}

export interface CombinePreview {
  plan: CombinePlan;
  /** The bound table each kind would go to; undefined: a new table is made. */
  targets: Partial<Record<TableKind, TableInfo>>;
  /** Kinds whose bound table has source columns (each added row keeps its file, sheet, row). */
  sources: TableKind[];
  /** Per kind, columns of the chosen files the bound table has no column for (not copied). */
  dropped: Partial<Record<TableKind, string[]>>;
}

export interface CombineOutcome {
  added: Record<TableKind, number>;
  /** Tables made because none of the kind was bound. */
  created: TableInfo[];
}

/** Two chosen files of the same name (from two folders) get " (2)", " (3)", … */
function uniqueNames(files: readonly ChosenFile[]): string[] {
  const seen = new Map<string, number>();
  return files.map((file) => {
    const count = (seen.get(file.name) ?? 0) + 1;
    seen.set(file.name, count);
    return count === 1 ? file.name : `${file.name} (${count})`;
  });
}

export class CombineActions extends ActionsOnTables {
  /** Reads one file's tables, or says why it cannot be read. */
  private async readFile(name: string, bytes: ArrayBuffer | Uint8Array): Promise<CombineInput> {
    const [{ readWorkbookGrids }, { WorkbookReadError, unreadableMessage }, { discoverTables }] =
      await Promise.all([loadReader(), loadUnreadable(), loadDiscovery()]);
    try {
      const grids = await readWorkbookGrids(bytes);
      return { name, tables: discoverTables(grids).found.map((entry) => entry.table) };
    } catch (error) {
      const unreadable: LocalizedText = unreadableMessage(WorkbookReadError.from(error).kind, name);
      return { name, unreadable };
    }
  }

  /** The bound tables' rows, with their bindings' columns (one request). */
  private async existingTables(): Promise<ExistingTable[]> {
    const { columnsFromHeaders } = await loadMapping();
    const kinds = TABLE_KINDS.filter((kind) => this.state.bound[kind]?.table);
    if (kinds.length === 0) return [];
    const raws = await this.ctx.workbook.readTables(
      kinds.map((kind) => this.state.bound[kind]!.table!.id)
    );
    return kinds.flatMap((kind, index) => {
      const raw = raws[index];
      const binding = this.state.bound[kind]?.binding;
      if (!raw || !binding) return [];
      return [{ kind, table: raw, columns: columnsFromHeaders(raw.headers, binding.columns) }];
    });
  }

  /** Reads the files and the bound tables; writes nothing. */
  async preview(files: readonly ChosenFile[]): Promise<CombinePreview | undefined> {
    return this.ctx.store.act("combine-preview", async () => {
      const [{ planCombine, rowsForTable }, { columnsFromHeaders }] = await Promise.all([
        loadCombine(),
        loadMapping(),
      ]);
      const names = uniqueNames(files);
      const inputs: CombineInput[] = [];
      // One file at a time: only one file's sheets are held while it is read.
      for (const [index, file] of files.entries())
        inputs.push(await this.readFile(names[index], file.bytes));
      const plan = planCombine(await this.existingTables(), inputs);
      const preview: CombinePreview = { plan, targets: {}, sources: [], dropped: {} };
      for (const kind of TABLE_KINDS) {
        const bound = this.state.bound[kind];
        if (!bound?.table) continue;
        preview.targets[kind] = bound.table;
        const headers = bound.table.headers;
        const laid = rowsForTable(plan, kind, {
          headers,
          columns: columnsFromHeaders(headers, bound.binding.columns),
        });
        if (laid.sources) preview.sources.push(kind);
        if (laid.dropped.length > 0) preview.dropped[kind] = laid.dropped;
      }
      return preview;
    });
  }

  /** Appends the preview's new rows (the person's confirmation). */
  async apply(preview: CombinePreview): Promise<CombineOutcome | undefined> {
    return this.ctx.store.act("combine", async () => {
      const outcome: CombineOutcome = {
        added: { projects: 0, rounds: 0, indicators: 0 },
        created: [],
      };
      try {
        for (const kind of TABLE_KINDS) {
          const count = preview.plan.rows[kind].length;
          if (count === 0) continue;
          const created = await this.write(preview.plan, kind);
          if (created) outcome.created.push(created);
          outcome.added[kind] = count;
        }
      } finally {
        // After a refusal too: the kinds written before it show their new row counts.
        await this.bindings.refresh(this.state.bindings);
      }
      return outcome;
    });
  }

  /** Appends to the bound table, or makes a new bound table; returns the table made. */
  private async write(plan: CombinePlan, kind: TableKind): Promise<TableInfo | undefined> {
    const { rowsForTable } = await loadCombine();
    return this.writeRows(kind, (layout) => rowsForTable(plan, kind, layout).values);
  }
}
