/**
 * Bindings: which table is which kind, and which column holds each field. Loading them
 * (re-linking renamed tables), binding by hand or automatically, remapping a column,
 * unbinding. Every change is saved to the workbook and then re-read into the state.
 */
import type { TableKind } from "../../domain/types";
import { resolveBindings } from "../../workbook/bindings";
import { mergeBindings, type BindingsMerge } from "../../workbook/bindingsMerge";
import { emptyBindings } from "../../workbook/bindingsStore";
import {
  WorkbookError,
  type Bindings,
  type TableBinding,
  type TableInfo,
} from "../../workbook/port";
import { parseSettings } from "../settings";
import type { SessionContext } from "./store";
import { TABLE_KINDS } from "../../domain/tableKinds";
import { type BoundTable, type CoauthorChange } from "./types";
import { loadMapping, loadSchema } from "./lazyDomain";

const loadChoice = () =>
  import(/* webpackChunkName: "domain-check" */ "../../usecases/chooseTables");

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export { sameText as sameHeader };

/** What a merge says of a co-author's changes, or null when they changed nothing. */
function coauthorChangeOf(merge: BindingsMerge): CoauthorChange | null {
  const settings = merge.settingsTheirs.filter((key) => key !== "language");
  if (merge.theirs.length === 0 && settings.length === 0) return null;
  return {
    kinds: merge.theirs,
    overridden: merge.overridden,
    settings,
    settingsOverridden: merge.settingsOverridden.filter((key) => key !== "language"),
  };
}

export class BindingActions {
  /** The bindings as this pane last read or wrote them: the base of the next merge. */
  private base: Bindings = emptyBindings();

  constructor(
    private readonly ctx: SessionContext,
    /** Called after the bound tables may have changed (live watching follows them). */
    private readonly boundChanged: () => Promise<void>
  ) {}

  private get state() {
    return this.ctx.store.get();
  }

  /** Reads the tables, the bindings and the settings (and re-links renamed tables). */
  async load(): Promise<void> {
    const loaded = await this.ctx.store.act("load", () => this.refresh());
    if (loaded === undefined)
      this.ctx.store.set({ status: this.state.status === "ready" ? "ready" : "failed" });
  }

  /** Reloads what the pane shows; `listed`, when the caller has just listed the tables,
   * saves a round trip. */
  async refresh(bindings?: Bindings, listed?: TableInfo[]): Promise<true> {
    const { workbook } = this.ctx;
    const [tables, stored] = await Promise.all([
      listed ? Promise.resolve(listed) : workbook.listTables(),
      bindings ? Promise.resolve(bindings) : workbook.loadBindings(),
    ]);
    const { fieldsOf } = await loadSchema();
    const resolved = resolveBindings(stored, tables);
    const boundAll: Partial<Record<TableKind, BoundTable[]>> = {};
    for (const r of resolved) {
      const kind = r.binding.kind;
      const all = (boundAll[kind] ??= []);
      // A table serves one binding of a kind (a duplicate entry in a damaged part is ignored).
      if (r.table && all.some((b) => b.table?.id === r.table!.id)) continue;
      const columns = r.updated.columns;
      const unmappedRequired = fieldsOf(kind)
        .filter(
          (f) => f.required && (columns[f.key] === undefined || r.missingColumns.includes(f.key))
        )
        .map((f) => f.key);
      all.push({
        kind,
        binding: r.updated,
        status: r.status,
        table: r.table,
        missingColumns: r.missingColumns,
        unmappedRequired,
      });
    }
    const bound: Partial<Record<TableKind, BoundTable>> = {};
    for (const [kind, all] of Object.entries(boundAll) as [TableKind, BoundTable[]][])
      bound[kind] = all[0];
    if (!bindings) this.base = stored;
    const current: Bindings = { ...stored, tables: resolved.map((r) => r.updated) };
    const state = this.state;
    this.ctx.store.set({
      status: "ready",
      tables,
      bindings: current,
      bound,
      boundAll,
      // Unsaved settings stay in effect; the language is the person's own, never the workbook's.
      settings: state.settingsUnsaved
        ? state.settings
        : { ...parseSettings(stored.settings), language: state.settings.language },
    });
    await this.boundChanged();
    return true;
  }

  /**
   * Writes `bindings` merged with what the workbook holds now: a co-author's changes since
   * this pane read the bindings are kept (unless this save changes the same kind or
   * setting) and reported in `state.coauthorChange`.
   */
  async save(bindings: Bindings, listed?: TableInfo[]): Promise<void> {
    const { workbook, store } = this.ctx;
    const merge = mergeBindings(this.base, bindings, await workbook.loadBindings());
    await workbook.saveBindings(merge.merged);
    this.base = merge.merged;
    const change = coauthorChangeOf(merge);
    if (change) store.set({ coauthorChange: change });
    await this.refresh(merge.merged, listed);
  }

  /** Bindings with `binding` added as one more table of its kind (one Rounds sheet per
   * project); its table is bound to nothing else. */
  withAddedBinding(binding: TableBinding, bindings: Bindings = this.state.bindings): Bindings {
    const others = bindings.tables.filter((b) => b.tableId !== binding.tableId);
    return { ...bindings, tables: [...others, binding] };
  }

  /** Bindings with `binding` as the one binding of its kind (and its table bound to nothing else). */
  withBinding(binding: TableBinding, bindings: Bindings = this.state.bindings): Bindings {
    const others = bindings.tables.filter(
      (b) => b.kind !== binding.kind && b.tableId !== binding.tableId
    );
    return { ...bindings, tables: [...others, binding] };
  }

  /** A binding of `table` as `kind`, its columns mapped from their headers. */
  async autoBinding(table: TableInfo, kind: TableKind): Promise<TableBinding> {
    const { autoMap } = await loadMapping();
    const mapping = autoMap(kind, table.headers);
    const columns: Record<string, string> = {};
    for (const [field, column] of Object.entries(mapping.columns))
      columns[field] = table.headers[column];
    return { kind, tableId: table.id, tableName: table.name, columns };
  }

  /** The table with this id, as last listed or listed again; a `table-missing` error when
   * the workbook has none. */
  private async existingTable(tableId: string): Promise<TableInfo> {
    const table =
      this.state.tables.find((t) => t.id === tableId) ??
      (await this.ctx.workbook.listTables()).find((t) => t.id === tableId);
    if (!table)
      throw new WorkbookError("table-missing", `table ${tableId} does not exist`, {
        table: tableId,
      });
    return table;
  }

  /** Binds a table as a kind, its columns mapped from their headers. */
  async bindTable(tableId: string, kind: TableKind): Promise<BoundTable | undefined> {
    return this.ctx.store.act("bind", async () => {
      const table = await this.existingTable(tableId);
      await this.save(this.withBinding(await this.autoBinding(table, kind)));
      return this.state.bound[kind];
    });
  }

  /**
   * Binds each kind not bound yet to the table `chooseTables` picks for it among the
   * tables not bound yet. Returns the kinds bound.
   */
  async autoBind(): Promise<TableKind[] | undefined> {
    return this.ctx.store.act("bind", async () => {
      const { chooseTables, chosenTables } = await loadChoice();
      const tables = await this.ctx.workbook.listTables();
      const taken = new Set(this.state.bindings.tables.map((b) => b.tableId));
      const chosen = chosenTables(chooseTables(tables.filter((t) => !taken.has(t.id))));
      const kinds = TABLE_KINDS.filter((kind) => chosen[kind] && !this.state.bound[kind]);
      let bindings = this.state.bindings;
      for (const kind of kinds) {
        const binding = await this.autoBinding(chosen[kind]!, kind);
        bindings = {
          ...bindings,
          tables: [...bindings.tables.filter((b) => b.kind !== kind), binding],
        };
      }
      if (kinds.length > 0) await this.save(bindings, tables);
      else await this.refresh(this.state.bindings, tables);
      return kinds;
    });
  }

  /** Binds one more table as a kind (another Rounds sheet): the kind's tables are checked
   * as one. */
  async bindAnother(tableId: string, kind: TableKind): Promise<BoundTable | undefined> {
    return this.ctx.store.act("bind", async () => {
      const table = await this.existingTable(tableId);
      await this.save(this.withAddedBinding(await this.autoBinding(table, kind)));
      return this.state.boundAll[kind]?.find((b) => b.table?.id === tableId);
    });
  }

  /** Points a field at another column (or at none, with null), in the kind's first table
   * or in the bound table `tableId`. */
  async setColumn(
    kind: TableKind,
    field: string,
    header: string | null,
    tableId?: string
  ): Promise<void> {
    await this.ctx.store.act("mapping", async () => {
      const current =
        tableId === undefined
          ? this.state.bound[kind]
          : this.state.boundAll[kind]?.find((b) => b.binding.tableId === tableId);
      if (!current) return;
      const columns: Record<string, string> = {};
      for (const [f, h] of Object.entries(current.binding.columns)) {
        // A column holds one field: taking it for `field` frees it elsewhere.
        if (f !== field && !(header !== null && sameText(h, header))) columns[f] = h;
      }
      if (header !== null) columns[field] = header;
      const updated = { ...current.binding, columns };
      const bindings = this.state.bindings;
      await this.save({
        ...bindings,
        tables: bindings.tables.map((b) =>
          b.kind === kind && b.tableId === current.binding.tableId ? updated : b
        ),
      });
    });
  }

  /** Unbinds every table of the kind, or only the bound table `tableId`. */
  async unbind(kind: TableKind, tableId?: string): Promise<void> {
    await this.ctx.store.act("unbind", async () => {
      const tables = this.state.bindings.tables.filter(
        (b) => b.kind !== kind || (tableId !== undefined && b.tableId !== tableId)
      );
      await this.save({ ...this.state.bindings, tables });
    });
  }
}
