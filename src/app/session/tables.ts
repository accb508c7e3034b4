/**
 * Making tables: a blank table of a kind, the sample data, the selection turned into a
 * table, and Excel data validation on a bound table's columns. New sheets and tables get
 * free names; nothing existing is overwritten.
 */
import type { SampleVariant } from "../../domain/sample";
import type { ColumnValidation as TemplateValidation } from "../../domain/schema";
import type { Lang, TableKind } from "../../domain/types";
import {
  WorkbookError,
  type ColumnValidation,
  type NewTableSpec,
  type TableInfo,
} from "../../workbook/port";
import type { BindingActions } from "./bindings";
import { sameHeader } from "./bindings";
import type { SessionContext } from "./store";
import { TABLE_KINDS } from "../../domain/tableKinds";
import { SheetNames, uniqueTableName, withFreeName } from "../../usecases/sheetNames";
import { loadSample, loadSchema } from "./lazyDomain";

export class TableActions {
  constructor(
    private readonly ctx: SessionContext,
    private readonly bindings: BindingActions
  ) {}

  private get state() {
    return this.ctx.store.get();
  }

  /** Creates a table on a new sheet, picking free sheet and table names. */
  private async createUnique(spec: NewTableSpec): Promise<TableInfo> {
    const tables = await this.ctx.workbook.listTables();
    const sheets = new SheetNames(tables.map((t) => t.sheet));
    const names = new Set(tables.map((t) => t.name));
    let sheet = "";
    let tableName = "";
    return withFreeName(
      () => {
        sheet = sheets.free(spec.sheet);
        tableName = uniqueTableName(spec.tableName, names);
        return this.ctx.workbook.createTable({ ...spec, sheet, tableName });
      },
      (error) => {
        if (!(error instanceof WorkbookError && error.reason === "sheet-conflict")) return false;
        // A sheet without a table is invisible to listTables: learn its name from the refusal.
        const neither = !error.detail?.sheet && !error.detail?.table;
        if (error.detail?.sheet || neither) sheets.take(sheet);
        if (error.detail?.table || neither) names.add(tableName);
        return true;
      },
      () =>
        new WorkbookError("sheet-conflict", `no free name for "${spec.sheet}"`, {
          sheet: spec.sheet,
          conflict: "not-generated",
        })
    );
  }

  private async templateSpec(kind: TableKind, lang: Lang): Promise<NewTableSpec> {
    const { templateFor } = await loadSchema();
    const template = templateFor(kind, lang, this.state.settings.vocabularies);
    return {
      sheet: template.sheet,
      tableName: template.tableName,
      headers: template.headers,
      columnWidths: template.columnWidths,
      numberFormats: template.numberFormats,
      validation: template.validation,
    };
  }

  /** A new sheet with an empty table of the kind (Thai or English headers), bound at once. */
  async createBlankTable(kind: TableKind, lang: Lang): Promise<TableInfo | undefined> {
    return this.ctx.store.act("create", async () => {
      const table = await this.createUnique(await this.templateSpec(kind, lang));
      await this.bindings.save(
        this.bindings.withBinding(await this.bindings.autoBinding(table, kind))
      );
      return table;
    });
  }

  /** A new sheet with a table of the kind (Thai headers) holding `rows` in the template's
   * column order, bound at once: where imported rows go when no table of the kind is bound.
   * Runs inside the caller's action. */
  async createBoundTable(
    kind: TableKind,
    rows: (string | number | boolean | null)[][]
  ): Promise<TableInfo> {
    const table = await this.createUnique({ ...(await this.templateSpec(kind, "th")), rows });
    await this.bindings.save(
      this.bindings.withBinding(await this.bindings.autoBinding(table, kind))
    );
    return table;
  }

  /** The two seed projects as three new tables, bound in place of any earlier binding. */
  /** Inserts the sample tables and binds them: `typed` by default (see SampleVariant). */
  async insertSampleData(variant: SampleVariant = "typed"): Promise<TableInfo[] | undefined> {
    return this.ctx.store.act("sample", async () => {
      const { sampleWorkbookTables } = await loadSample();
      const sample = sampleWorkbookTables(variant);
      let bindings = this.state.bindings;
      const created: TableInfo[] = [];
      for (const kind of TABLE_KINDS) {
        const raw = sample[kind];
        const spec = await this.templateSpec(kind, "th");
        const rows = raw.rows.map((row) => row.map((cell) => (cell === undefined ? null : cell)));
        const table = await this.createUnique({ ...spec, headers: raw.headers, rows });
        created.push(table);
        const binding = await this.bindings.autoBinding(table, kind);
        bindings = {
          ...bindings,
          tables: [...bindings.tables.filter((b) => b.kind !== kind), binding],
        };
      }
      await this.bindings.save(bindings);
      return created;
    });
  }

  /** Turns the selected range into a table (the person confirmed), bound as `kind` if given. */
  async convertSelection(kind?: TableKind): Promise<TableInfo | undefined> {
    return this.ctx.store.act("convert", async () => {
      const tables = await this.ctx.workbook.listTables();
      const name = uniqueTableName(
        kind ? `Kaona${kind[0].toUpperCase()}${kind.slice(1)}` : "KaonaTable",
        tables.map((t) => t.name)
      );
      const table = await this.ctx.workbook.convertSelectionToTable(name);
      if (kind)
        await this.bindings.save(
          this.bindings.withBinding(await this.bindings.autoBinding(table, kind))
        );
      else await this.bindings.refresh(this.state.bindings);
      return table;
    });
  }

  /** Turns the selected range into a table named for `kind`, unbound; inside the caller's
   * action (the Tables page's "convert" of a range table discovery found). */
  async convertUnbound(kind: TableKind): Promise<TableInfo> {
    const tables = await this.ctx.workbook.listTables();
    const name = uniqueTableName(
      `Kaona${kind[0].toUpperCase()}${kind.slice(1)}`,
      tables.map((t) => t.name)
    );
    return this.ctx.workbook.convertSelectionToTable(name);
  }

  /** The data-validation rules for a bound table's columns, with the header each goes to. */
  async validationPlan(kind: TableKind): Promise<{ header: string; rule: ColumnValidation }[]> {
    const bound = this.state.bound[kind];
    if (!bound?.table) return [];
    const { templateFor, fieldsOf } = await loadSchema();
    const lang: Lang = bound.table.headers.some((h) => /[\u0E00-\u0E7F]/.test(h)) ? "th" : "en";
    const template = templateFor(kind, lang, this.state.settings.vocabularies);
    const fields = fieldsOf(kind);
    const plan: { header: string; rule: ColumnValidation }[] = [];
    for (const rule of template.validation as TemplateValidation[]) {
      const header = bound.binding.columns[fields[rule.column]?.key ?? ""];
      const column =
        header === undefined ? -1 : bound.table.headers.findIndex((h) => sameHeader(h, header));
      if (column >= 0)
        plan.push({ header: bound.table.headers[column], rule: { ...rule, column } });
    }
    return plan;
  }

  /** Adds Excel data validation to a bound table's columns (an explicit, confirmed action). */
  async applyValidation(kind: TableKind): Promise<number | undefined> {
    return this.ctx.store.act("validation", async () => {
      const bound = this.state.bound[kind];
      if (!bound?.table)
        throw new WorkbookError("table-missing", `no ${kind} table is bound`, {
          table: bound?.binding.tableName,
        });
      const plan = await this.validationPlan(kind);
      try {
        await this.ctx.workbook.applyValidation(
          bound.table.id,
          plan.map((p) => p.rule)
        );
      } finally {
        this.ctx.store.afterOwnWrite();
      }
      return plan.length;
    });
  }
}
