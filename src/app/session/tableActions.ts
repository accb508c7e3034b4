/**
 * What the actions that read and bind tables share: the session, the binding and table
 * actions they call, the state they read, and how rows of a kind are written to its table.
 */
import { WorkbookError, type TableInfo } from "../../workbook/port";
import type { TableKind } from "../../domain/types";
import type { BindingActions } from "./bindings";
import type { SessionContext } from "./store";
import type { TableActions } from "./tables";
import { loadMapping, loadSchema } from "./lazyDomain";

/** The table rows are written to: its headers and the column of each field. */
export interface TableLayout {
  headers: readonly string[];
  columns: Readonly<Record<string, number>>;
}

export type TableRow = (string | number | boolean | null)[];

export abstract class ActionsOnTables {
  constructor(
    protected readonly ctx: SessionContext,
    protected readonly bindings: BindingActions,
    protected readonly tables: TableActions
  ) {}

  protected get state() {
    return this.ctx.store.get();
  }

  /**
   * Writes rows of a kind, laid out by `rowsFor`: appended to the kind's bound table (its
   * columns as bound), or else as a new bound table in the kind's template. Returns the table
   * made, undefined when the rows were appended.
   */
  protected async writeRows(
    kind: TableKind,
    rowsFor: (layout: TableLayout) => TableRow[]
  ): Promise<TableInfo | undefined> {
    const [{ columnsFromHeaders }, { fieldsOf }] = await Promise.all([loadMapping(), loadSchema()]);
    const bound = this.state.bound[kind];
    const table = bound?.table;
    if (table && bound) {
      if (!this.ctx.workbook.appendRows)
        throw new WorkbookError("not-supported", "this workbook cannot add rows to a table", {
          table: table.name,
        });
      const columns = columnsFromHeaders(table.headers, bound.binding.columns);
      await this.ctx.workbook.appendRows(table.id, rowsFor({ headers: table.headers, columns }));
      return undefined;
    }
    const fields = fieldsOf(kind);
    const values = rowsFor({
      headers: fields.map((field) => field.label.th),
      columns: Object.fromEntries(fields.map((field, index) => [field.key, index])),
    });
    return this.tables.createBoundTable(kind, values);
  }
}
