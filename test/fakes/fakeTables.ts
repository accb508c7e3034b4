/**
 * Tables of the fake: the workbook's and a sheet's table collections and a table.
 */
import { intersects, tableNameProblem, type RangeRef } from "../../src/domain/a1";
import type { FakeSheet, FakeTableState, Handler } from "./fakeExcel";
import { FakeClientResult, FakeOfficeError, FakeProxy, notFound, propsOf } from "./proxy";
import type { FakeContext } from "./fakeContext";
import { FakeRange, rectOfAddress, assertWritable } from "./fakeRange";
import { FakeWorksheet } from "./fakeSheets";

export class FakeTable extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    readonly resolve: () => FakeTableState | null
  ) {
    super(ctx, path);
  }
  target(): FakeTableState {
    const t = this.resolve();
    if (!t) throw notFound(this.path);
    return t;
  }
  private sheetOf(t: FakeTableState): FakeSheet {
    const sheet = this.ctx.fake.sheetById(t.sheetId);
    if (!sheet) throw notFound(`sheet of ${t.name}`);
    return sheet;
  }
  fill(props: readonly string[], t: FakeTableState | null): void {
    this.loaded.set("isNullObject", t === null);
    const value = (p: string, x: FakeTableState): unknown =>
      p === "id"
        ? x.id
        : p === "name"
          ? x.name
          : p === "showHeaders"
            ? (x.showHeaders ?? true)
            : p === "showTotals"
              ? (x.showTotals ?? false)
              : undefined;
    for (const p of props) this.loaded.set(p, t ? value(p, t) : undefined);
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const t = this.resolve();
      this.fill(propsOf(props), t);
      return { data: t ? { id: t.id, name: t.name } : null };
    });
  }
  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.queue("set", "name", value, true, () => {
      const t = this.target();
      if (tableNameProblem(value) !== null)
        throw new FakeOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format."
        );
      if (
        this.ctx.fake.tables.some((x) => x !== t && x.name.toLowerCase() === value.toLowerCase())
      ) {
        throw new FakeOfficeError("InvalidArgument", "A table with this name already exists.");
      }
      t.name = value;
      return { sheet: this.sheetOf(t).name, table: value };
    });
  }
  set style(value: string) {
    this.queue("set", "style", value, true, () => {
      const t = this.target();
      t.style = value;
      return { sheet: this.sheetOf(t).name, table: t.name };
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `${this.path}.worksheet`, () => this.sheetOf(this.target()));
  }
  private part(name: string, rect: (t: FakeTableState) => RangeRef): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.${name}()`, () => {
      const t = this.target();
      return { sheet: this.sheetOf(t), rect: rect(t), table: t.name };
    });
  }
  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (t) => ({ ...t.rect, rows: 1 }));
  }
  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (t) => ({
      ...t.rect,
      row: t.rect.row + 1,
      rows: t.rect.rows - 1,
    }));
  }
  getRange(): FakeRange {
    return this.part("getRange", (t) => t.rect);
  }
  get rows(): {
    getCount(): FakeClientResult<number>;
    add(index: number | undefined, values: unknown[][]): void;
  } {
    return {
      // TableRowCollection.add at the end (index undefined): the table grows; the cells
      // below must be free (Excel refuses to push a table into other content).
      add: (index: number | undefined, values: unknown[][]) => {
        this.queue("call", "rows.add", [index ?? null, values], true, () => {
          const t = this.target();
          const sheet = this.sheetOf(t);
          assertWritable(sheet);
          if (index !== undefined && index !== null)
            throw new FakeOfficeError("InvalidArgument", "The fake adds rows at the end only.");
          if (values.some((line) => line.length !== t.rect.cols))
            throw new FakeOfficeError("InvalidArgument", "A row has the wrong number of values.");
          const first = t.rect.row + t.rect.rows;
          values.forEach((line, i) =>
            line.forEach((v, j) =>
              this.ctx.fake.put(
                sheet,
                first + i,
                t.rect.col + j,
                typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : ""
              )
            )
          );
          t.rect = { ...t.rect, rows: t.rect.rows + values.length };
          return { sheet: sheet.name, table: t.name };
        });
      },
      getCount: () => {
        const result = new FakeClientResult<number>();
        this.queue("call", "rows.getCount", undefined, false, () => {
          const t = this.target();
          const sheet = this.sheetOf(t);
          // Excel counts the placeholder row of an empty table as no row.
          let count = t.rect.rows - 1;
          if (count === 1) {
            let blank = true;
            for (let j = 0; j < t.rect.cols; j++)
              if ((sheet.cells.get(t.rect.row + 1, t.rect.col + j)?.value ?? "") !== "")
                blank = false;
            if (blank) count = 0;
          }
          result.set(count);
          return { data: count };
        });
        return result;
      },
    };
  }
  get columns(): { getItemAt(i: number): { getDataBodyRange(): FakeRange } } {
    return {
      getItemAt: (i: number) => ({
        getDataBodyRange: () =>
          new FakeRange(this.ctx, `${this.path}.columns.getItemAt(${i}).getDataBodyRange()`, () => {
            const t = this.target();
            if (i < 0 || i >= t.rect.cols)
              throw new FakeOfficeError("InvalidArgument", `No column ${i}`);
            return {
              sheet: this.sheetOf(t),
              rect: { row: t.rect.row + 1, col: t.rect.col + i, rows: t.rect.rows - 1, cols: 1 },
              table: t.name,
            };
          }),
      }),
    };
  }
  get onChanged(): { add(handler: Handler): { context: FakeContext; remove(): void } } {
    return {
      add: (handler: Handler) => {
        const registration = { tableId: "", handler, context: this.ctx };
        this.queue("call", "onChanged.add", undefined, false, () => {
          registration.tableId = this.target().id;
          this.ctx.fake.handlers.push(registration);
        });
        return {
          context: this.ctx,
          remove: () => {
            this.queue("call", "onChanged.remove", undefined, false, () => {
              // Like Excel, the handler of a table deleted since cannot be removed.
              if (!this.ctx.fake.tables.some((t) => t.id === registration.tableId))
                throw notFound(`table ${registration.tableId}`);
              this.ctx.fake.handlers = this.ctx.fake.handlers.filter((h) => h !== registration);
            });
          },
        };
      },
    };
  }
}

export class FakeTableCollection extends FakeProxy {
  private loadedItems: FakeTable[] | null = null;
  constructor(ctx: FakeContext) {
    super(ctx, "tables");
  }
  load(props: string): void {
    this.queue("load", props, undefined, false, () => {
      const wanted = propsOf(props).map((p) => p.replace(/^items\//, ""));
      this.loadedItems = this.ctx.fake.tables.map((t) => {
        const proxy = new FakeTable(this.ctx, `tables.getItem(${JSON.stringify(t.id)})`, () =>
          this.ctx.fake.tables.includes(t) ? t : null
        );
        proxy.fill(wanted, t);
        return proxy;
      });
      return { data: this.ctx.fake.tables.map((t) => ({ id: t.id, name: t.name })) };
    });
  }
  get items(): FakeTable[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", "tables.items");
    return this.loadedItems;
  }
  getItem(idOrName: string): FakeTable {
    return new FakeTable(this.ctx, `tables.getItem(${JSON.stringify(idOrName)})`, () => {
      const t = this.ctx.fake.tables.find(
        (x) => x.id === idOrName || x.name.toLowerCase() === idOrName.toLowerCase()
      );
      if (!t) throw notFound(`table ${idOrName}`);
      return t;
    });
  }
  getItemOrNullObject(idOrName: string): FakeTable {
    return new FakeTable(
      this.ctx,
      `tables.getItemOrNullObject(${JSON.stringify(idOrName)})`,
      () =>
        this.ctx.fake.tables.find(
          (x) => x.id === idOrName || x.name.toLowerCase() === idOrName.toLowerCase()
        ) ?? null
    );
  }
}

export class FakeSheetTables extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheet: () => FakeSheet
  ) {
    super(ctx, path);
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    let created: FakeTableState | undefined;
    this.queue("call", "add", [address, hasHeaders], true, () => {
      const s = this.sheet();
      assertWritable(s);
      const rect = rectOfAddress(address.slice(address.lastIndexOf("!") + 1));
      if (this.ctx.fake.tables.some((t) => t.sheetId === s.id && intersects(t.rect, rect))) {
        throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
      }
      created = {
        id: this.ctx.fake.id("table"),
        name: `Table${this.ctx.fake.tables.length + 1}`,
        sheetId: s.id,
        rect,
      };
      this.ctx.fake.tables.push(created);
      return { sheet: s.name, table: created.name };
    });
    return new FakeTable(
      this.ctx,
      `${this.path}.add(${JSON.stringify(address)})`,
      () => created ?? null
    );
  }
}
