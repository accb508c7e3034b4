/**
 * Bindings against the tables the workbook has now: which still point at their table,
 * which followed a rename, and which need the user to bind again.
 */
import type { Bindings, BindingStatus, ResolvedBinding, TableBinding, TableInfo } from "./port";

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Matches each binding to a table: by id (Excel keeps a table's id when the table or its
 * sheet is renamed), else by its last known name (an id can be lost when the file goes
 * through another application). A binding whose table is gone is "missing".
 */
export function resolveBindings(
  bindings: Bindings,
  tables: readonly TableInfo[]
): ResolvedBinding[] {
  return bindings.tables.map((binding): ResolvedBinding => {
    const byId = tables.find((t) => t.id === binding.tableId);
    const byName = byId ? undefined : tables.find((t) => sameText(t.name, binding.tableName));
    const table = byId ?? byName;
    if (!table) {
      return {
        binding,
        status: "missing",
        missingColumns: Object.keys(binding.columns),
        updated: binding,
      };
    }
    const status: BindingStatus = byName
      ? "relinked"
      : table.name === binding.tableName
        ? "ok"
        : "renamed";
    const missingColumns = Object.entries(binding.columns)
      .filter(([, header]) => !table.headers.some((h) => sameText(h, header)))
      .map(([field]) => field);
    const updated: TableBinding = { ...binding, tableId: table.id, tableName: table.name };
    return { binding, status, table, missingColumns, updated };
  });
}
