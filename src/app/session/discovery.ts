/**
 * Finding tables in the workbook's sheets, for the Tables page: the same discovery the
 * `kaona` command runs on a file (`usecases/findTables`), over the sheets as the workbook
 * reads them (`Workbook.readSheetGrids`). It suggests binding every Excel table of a kind
 * (several tables of a kind are checked as one), converting plain ranges to tables with the
 * header row it found (below title rows, a two-row header combined), and says what it
 * assumed: a hidden sheet or column used because nothing visible serves, or left out, and
 * totals rows.
 */
import type { Issue, TableKind } from "../../domain/types";
import { rangeAddress } from "../../domain/a1";
import { WorkbookError, type TableBinding, type TableInfo } from "../../workbook/port";
import { ActionsOnTables } from "./tableActions";
import { TABLE_KINDS } from "../../domain/tableKinds";

const loadFind = () => import(/* webpackChunkName: "domain-check" */ "../../usecases/findTables");
const loadMapping = () => import(/* webpackChunkName: "domain-check" */ "../../domain/mapping");

/** A plain range discovery found, to convert to a table of its kind. */
export interface RangeSuggestion {
  kind: TableKind;
  sheet: string;
  /** A1 range of the header's last row and the data below it. */
  address: string;
  /** 1-based sheet rows of the header (two for a grouped header). */
  headerRows: number[];
  /** The headers as discovery read them (a grouped header combined, hidden duplicates ""). */
  headers: string[];
  rows: number;
  hiddenSheet: boolean;
}

/** An Excel table discovery found for a kind. */
export interface TableSuggestion {
  kind: TableKind;
  tableId: string;
  name: string;
  sheet: string;
  /** The headers as discovery read them (hidden duplicate columns blanked). */
  headers: string[];
  hiddenSheet: boolean;
}

export interface Suggestions {
  /** Excel tables per kind, in sheet order: every one of a kind is used. */
  tables: TableSuggestion[];
  ranges: RangeSuggestion[];
  /** What discovery assumed or left out, each at its sheet and cell. */
  notices: Issue[];
  /** Sheets with values where no table of a known kind was found. */
  sheetsWithoutTables: string[];
}

export class DiscoveryActions extends ActionsOnTables {
  /** Reads every sheet and finds its tables (nothing is written). Undefined when the
   * workbook cannot read sheets (then the pane binds Excel tables only). */
  async discover(): Promise<Suggestions | undefined> {
    const workbook = this.ctx.workbook;
    if (!workbook.readSheetGrids) return undefined;
    return this.ctx.store.act("discover", async () => {
      const [grids, listed, { findTables }] = await Promise.all([
        workbook.readSheetGrids!(),
        workbook.listTables(),
        loadFind(),
      ]);
      const { discovery } = findTables(grids);
      const suggestions: Suggestions = {
        tables: [],
        ranges: [],
        notices: discovery.issues,
        sheetsWithoutTables: discovery.sheetsWithoutTables,
      };
      for (const entry of discovery.found) {
        if (!entry.kind || entry.skipped) continue;
        const { table } = entry;
        if (entry.source === "excelTable") {
          const info = listed.find(
            (t) => t.name.toLowerCase() === table.name.toLowerCase() && t.sheet === table.sheet
          );
          if (info)
            suggestions.tables.push({
              kind: entry.kind,
              tableId: info.id,
              name: info.name,
              sheet: info.sheet,
              headers: table.headers,
              hiddenSheet: entry.hiddenSheet,
            });
        } else {
          suggestions.ranges.push({
            kind: entry.kind,
            sheet: table.sheet,
            address: rangeAddress({
              row: table.origin.row,
              col: table.origin.col,
              rows: table.rows.length + 1,
              cols: Math.max(table.headers.length, 1),
            }),
            headerRows: entry.headerRows.map((row) => row + 1),
            headers: table.headers,
            rows: table.rows.length,
            hiddenSheet: entry.hiddenSheet,
          });
        }
      }
      this.ctx.store.set({ suggestions });
      return suggestions;
    });
  }

  /** A binding of `table` as `kind`, each field at the column whose header as discovery
   * read it maps to the field (a grouped header's combined text; a hidden duplicate never). */
  private async bindingBy(
    table: TableInfo,
    kind: TableKind,
    headers: readonly string[]
  ): Promise<TableBinding> {
    const { autoMap } = await loadMapping();
    const columns: Record<string, string> = {};
    for (const [field, column] of Object.entries(autoMap(kind, headers).columns))
      if (table.headers[column] !== undefined) columns[field] = table.headers[column];
    return { kind, tableId: table.id, tableName: table.name, columns };
  }

  /**
   * Binds every Excel table discovery found for each kind not bound yet, in sheet order
   * (several tables of a kind are checked as one). Returns the kinds bound.
   */
  async bindFound(): Promise<TableKind[] | undefined> {
    const suggestions = this.state.suggestions ?? (await this.discover());
    if (!suggestions) return this.bindings.autoBind();
    return this.ctx.store.act("bind", async () => {
      const listed = await this.ctx.workbook.listTables();
      let bindings = this.state.bindings;
      const kinds: TableKind[] = [];
      for (const kind of TABLE_KINDS) {
        if (this.state.bound[kind]) continue;
        const found = suggestions.tables.filter((s) => s.kind === kind);
        for (const suggestion of found) {
          const table = listed.find((t) => t.id === suggestion.tableId);
          if (!table) continue;
          const binding = await this.bindingBy(table, kind, suggestion.headers);
          bindings = this.bindings.withAddedBinding(binding, bindings);
          if (!kinds.includes(kind)) kinds.push(kind);
        }
      }
      if (kinds.length > 0) await this.bindings.save(bindings, listed);
      return kinds;
    });
  }

  /**
   * Converts a suggested plain range to a table (the person confirmed) and binds it with
   * its kind's other tables: the range from the header row found, title rows above left
   * as they are; fields mapped by the headers as discovery read them.
   */
  async convertRange(suggestion: RangeSuggestion): Promise<TableInfo | undefined> {
    return this.ctx.store.act("convert", async () => {
      const { workbook } = this.ctx;
      // An Excel table has one header row, and Excel refuses a table over merged cells: a
      // grouped header is made one row by the person first (the page says so).
      if (suggestion.headerRows.length > 1)
        throw new WorkbookError("not-supported", "a table has one header row", {
          sheet: suggestion.sheet,
        });
      await workbook.selectCell(suggestion.sheet, suggestion.address);
      const table = await this.tables.convertUnbound(suggestion.kind);
      const binding = await this.bindingBy(table, suggestion.kind, suggestion.headers);
      const bound = this.state.boundAll[suggestion.kind] ?? [];
      await this.bindings.save(
        bound.length > 0
          ? this.bindings.withAddedBinding(binding)
          : this.bindings.withBinding(binding)
      );
      const rest = this.state.suggestions?.ranges.filter((r) => r !== suggestion) ?? [];
      if (this.state.suggestions)
        this.ctx.store.set({ suggestions: { ...this.state.suggestions, ranges: rest } });
      return table;
    });
  }
}
