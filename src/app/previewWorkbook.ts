/**
 * The browser preview's workbook: the in-memory workbook, plus what the preview's sheet
 * viewer needs from it: a change signal after every write, the layouts of the sheets
 * Kaona generated (to draw them with their cached values, since memory has no calculation
 * engine), and the user's side (select a range, type into a cell).
 */
import type { SheetGrid } from "../domain/grid";
import type { RawTableRows, SheetLayout } from "../domain/types";
import type { MemoryWorkbook, WorkbookSnapshot } from "../workbook/memory/MemoryWorkbook";
// The port's types by their namespace: this class only hands each call on to the memory workbook.
import type * as port from "../workbook/port";
import { WorkbookError } from "../workbook/port";
import type { SelfTestProbe, SelfTestReadBack } from "../workbook/selfTestProbe";

const TOP_LEFT = /^\$?([A-Za-z]{1,3})\$?(\d+)/;

export class PreviewWorkbook implements port.Workbook {
  private readonly listeners = new Set<() => void>();
  private readonly layouts = new Map<string, SheetLayout>();
  private version = 0;
  private cached: { version: number; snapshot: WorkbookSnapshot } | undefined;

  constructor(readonly memory: MemoryWorkbook) {}

  /** Calls `listener` after anything changes the workbook; returns the remover. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The workbook as it is now; the same object until the next change. */
  snapshot(): WorkbookSnapshot {
    if (!this.cached || this.cached.version !== this.version) {
      this.cached = { version: this.version, snapshot: this.memory.snapshot() };
    }
    return this.cached.snapshot;
  }

  /** The layout Kaona last wrote to a sheet, while the sheet is unchanged since. */
  generatedLayout(sheet: string): SheetLayout | undefined {
    return this.layouts.get(sheet.toLowerCase());
  }

  private changed(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  // --- the port -------------------------------------------------------------------------

  listTables(): Promise<port.TableInfo[]> {
    return this.memory.listTables();
  }

  readTables(tableIds: string[]): ReturnType<port.Workbook["readTables"]> {
    return this.memory.readTables(tableIds);
  }

  readSheetGrid(sheet: string): Promise<SheetGrid> {
    return this.memory.readSheetGrid(sheet);
  }

  readSheetGrids(sheets?: readonly string[]): Promise<SheetGrid[]> {
    return this.memory.readSheetGrids(sheets);
  }

  loadBindings(): Promise<port.Bindings> {
    return this.memory.loadBindings();
  }

  async saveBindings(bindings: port.Bindings): Promise<void> {
    await this.memory.saveBindings(bindings);
    this.changed();
  }

  async createTable(spec: port.NewTableSpec): Promise<port.TableInfo> {
    const table = await this.memory.createTable(spec);
    this.changed();
    return table;
  }

  async convertSelectionToTable(name: string): Promise<port.TableInfo> {
    const table = await this.memory.convertSelectionToTable(name);
    this.changed();
    return table;
  }

  async applyValidation(tableId: string, rules: port.ColumnValidation[]): Promise<void> {
    await this.memory.applyValidation(tableId, rules);
    this.changed();
  }

  async appendRows(tableId: string, rows: (string | number | boolean | null)[][]): Promise<void> {
    await this.memory.appendRows(tableId, rows);
    this.changed();
  }

  async writeSheet(
    layout: SheetLayout,
    options?: { overwriteEdited?: boolean; activate?: boolean }
  ): Promise<port.WriteResult> {
    const result = await this.memory.writeSheet(layout, options);
    this.layouts.set(result.sheet.toLowerCase(), { ...layout, name: result.sheet });
    this.changed();
    return result;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.memory.selectCell(sheet, cell);
    this.changed();
  }

  onTablesChanged(
    tableIds: string[],
    handler: (tableId: string, change: port.TableChange) => void
  ): Promise<() => Promise<void>> {
    return this.memory.onTablesChanged(tableIds, handler);
  }

  readTableRows(tableId: string, first: number, count: number): Promise<RawTableRows> {
    return this.memory.readTableRows(tableId, first, count);
  }

  async insertIntoSelectedCell(formula: string): Promise<{ sheet: string; cell: string }> {
    const selection = this.snapshot().selection;
    const match = selection ? TOP_LEFT.exec(selection.address) : null;
    if (!selection || !match)
      throw new WorkbookError("not-supported", "no cell is selected", { hint: "no-selection" });
    const cell = `${match[1].toUpperCase()}${match[2]}`;
    this.setCell(selection.sheet, cell, formula);
    return { sheet: selection.sheet, cell };
  }

  /** The Diagnostics self-test on the memory workbook (its scratch sheet is gone after). */
  runSelfTest(probe: SelfTestProbe): Promise<SelfTestReadBack> {
    return this.memory.runSelfTest(probe);
  }

  // --- the user's side ------------------------------------------------------------------

  /** Types into a cell (fires the change handlers of the tables it is in). */
  setCell(sheet: string, address: string, value: unknown): void {
    this.memory.setCell(sheet, address, value);
    // A person's edit makes a generated sheet theirs: show its cells, not Kaona's layout.
    this.layouts.delete(sheet.toLowerCase());
    this.changed();
  }

  /** Selects a cell or range, as clicking in Excel would. */
  select(sheet: string, address: string): void {
    this.memory.select(sheet, address);
    this.changed();
  }
}
