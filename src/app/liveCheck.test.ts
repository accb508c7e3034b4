/**
 * The incremental check against the full one: random edits (typed values, pastes, rows
 * inserted, deleted and sorted, local and remote) on a memory workbook, each followed by
 * `applyTableChange`, and after each the incremental result must equal `checkTables` over
 * the tables read afresh.
 */
import fc from "fast-check";
import { checkTables, type CheckResult } from "../domain/check";
import { IncrementalCheck } from "../domain/incremental";
import { rawTableFromRows, type RowOf } from "../domain/sample";
import type { CellValue, RawTable, TableKind } from "../domain/types";
import { MemoryWorkbook } from "../workbook/memory/MemoryWorkbook";
import type { TableChange } from "../workbook/port";
import { applyTableChange, type ChangeCost } from "./liveCheck";

const KINDS: readonly TableKind[] = ["projects", "rounds", "indicators"];

/** Codes that collide the ways staff type them: case, spacing, Thai digits, none. */
const CODES = ["21000000-3165", "21000000-3166", "21000000-3165 ", "21000000-316๕", "x-1", ""];

const VALUES: Record<TableKind, readonly CellValue[][]> = {
  projects: [
    CODES,
    ["โครงการ ก", "", "<p>ข</p>"],
    [2563, 2020, "ปีงบ 2564", null],
    [43739, 43800, "1 ต.ค. 2562", "abc", null],
    [44103, 43700, 44200, null],
    [1_000_000, 5_000, -1, "1 ล้านบาท", null],
    [0, 2_000_000, null],
    ["กอง ก"],
    ["นาย ก"],
    ["นาง ข"],
    ["เหตุผล"],
    ["วัตถุประสงค์"],
    ["เป้าหมาย"],
    [3, 2, 0, 2.5, null],
    ["ยุทธศาสตร์"],
    ["ย่อย"],
    ["เป้าประสงค์"],
    ["ตัวชี้วัด"],
  ],
  rounds: [
    CODES,
    [1, 2, 3, 4, 0, 2.5, "ครั้งที่ 2", null],
    [43801, 43825, 43700, 44300, "2020-1-23", "วันจันทร์", "#N/A", null],
    ["ดำเนินการแล้ว", "", null],
    [10, 25, 60, 100, 20, 120, "10.00 %", "ห้าสิบ", null],
    [10, 50, -5, null],
    [5_000, 600_000, -10, "5,000 บาท", null],
    ["เป็นไปตามแผน", "ล่าช้ากว่าแผน", "ไม่ทราบ", null],
    ["เป็นไปตามเป้าหมาย", "อื่น ๆ", null],
  ],
  indicators: [
    CODES,
    ["ก-01", "ก-๐๑", "ก-02", "", null],
    ["เกณฑ์ 1"],
    ["ร้อยละ"],
    [80, null],
    [85, "ไม่มี", null],
    ["ผ่านเกณฑ์", "ไม่ผ่านเกณฑ์", "ไม่ต้องดำเนินการ", "อะไร", null],
  ],
};

function cell(kind: TableKind): fc.Arbitrary<[number, CellValue]> {
  const columns = VALUES[kind];
  return fc
    .integer({ min: 0, max: columns.length - 1 })
    .chain((column) => fc.tuple(fc.constant(column), fc.constantFrom(...columns[column])));
}

function row(kind: TableKind): fc.Arbitrary<CellValue[]> {
  return fc.tuple(...VALUES[kind].map((values) => fc.constantFrom(...values)));
}

type Edit =
  | { op: "type"; kind: TableKind; row: number; cell: [number, CellValue]; remote: boolean }
  | { op: "paste"; kind: TableKind; row: number; rows: CellValue[][] }
  | { op: "header"; kind: TableKind; column: number }
  | { op: "insert"; kind: TableKind; at: number; rows: CellValue[][]; remote: boolean }
  | { op: "delete"; kind: TableKind; at: number; count: number }
  | { op: "sort"; kind: TableKind; column: number; descending: boolean };

const kindArb = fc.constantFrom(...KINDS);
const editArb: fc.Arbitrary<Edit> = kindArb.chain((kind) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constant("type" as const),
        kind: fc.constant(kind),
        row: fc.nat(12),
        cell: cell(kind),
        remote: fc.boolean(),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("paste" as const),
        kind: fc.constant(kind),
        row: fc.nat(12),
        rows: fc.array(row(kind), { minLength: 1, maxLength: 4 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("insert" as const),
        kind: fc.constant(kind),
        at: fc.nat(14),
        rows: fc.array(row(kind), { minLength: 1, maxLength: 3 }),
        remote: fc.boolean(),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("delete" as const),
        kind: fc.constant(kind),
        at: fc.nat(14),
        count: fc.integer({ min: 1, max: 3 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant("sort" as const),
        kind: fc.constant(kind),
        column: fc.nat(VALUES[kind].length - 1),
        descending: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant("header" as const),
        kind: fc.constant(kind),
        column: fc.nat(VALUES[kind].length - 1),
      }),
    }
  )
);

function table(kind: TableKind, rows: CellValue[][]): RawTable {
  const base = rawTableFromRows(kind, [] as RowOf<typeof kind>[]);
  return { ...base, origin: { row: 2, col: 1 }, rows };
}

const setup = fc.record({
  projects: fc.option(fc.array(row("projects"), { maxLength: 5 }), { nil: undefined }),
  rounds: fc.array(row("rounds"), { maxLength: 12 }),
  indicators: fc.option(fc.array(row("indicators"), { maxLength: 8 }), { nil: undefined }),
  asOf: fc.option(fc.constantFrom(43900, 44200), { nil: undefined }),
});

interface World {
  workbook: MemoryWorkbook;
  ids: Partial<Record<TableKind, string>>;
  sheets: Partial<Record<TableKind, RawTable>>;
}

function build(tables: Partial<Record<TableKind, CellValue[][]>>): World {
  const workbook = new MemoryWorkbook();
  const ids: World["ids"] = {};
  const sheets: World["sheets"] = {};
  for (const kind of KINDS) {
    const rows = tables[kind];
    if (!rows) continue;
    const raw = table(kind, rows);
    ids[kind] = workbook.addTable(raw).id;
    sheets[kind] = raw;
  }
  return { workbook, ids, sheets };
}

async function fullCheck(world: World, asOf: number | undefined): Promise<CheckResult> {
  const input: Parameters<typeof checkTables>[0] = { asOf };
  for (const kind of KINDS) {
    const id = world.ids[kind];
    if (id) [input[kind]] = await world.workbook.readTables([id]);
  }
  return checkTables(input);
}

const HEADER_TEXTS = ["หมายเหตุ", "รหัสโครงการ", ""];

/** Plays an edit on the workbook; returns the change events it raised. */
function play(world: World, edit: Edit): TableChange[] {
  const id = world.ids[edit.kind];
  const raw = world.sheets[edit.kind];
  if (!id || !raw) return [];
  const events: TableChange[] = [];
  const sheet = raw.sheet;
  const letter = (column: number) => String.fromCharCode(65 + raw.origin.col + column);
  const at = (row: number, column: number) => `${letter(column)}${raw.origin.row + 2 + row}`;
  const handlers = world.workbook.onTablesChanged([id], (_, change) => {
    if (change) events.push(change);
  });
  switch (edit.op) {
    case "type":
      world.workbook.setCell(
        sheet,
        at(edit.row, edit.cell[0]),
        edit.cell[1],
        edit.remote ? "remote" : "local"
      );
      break;
    case "paste":
      world.workbook.paste(sheet, at(edit.row, 0), edit.rows);
      break;
    case "header":
      world.workbook.setCell(
        sheet,
        `${letter(edit.column)}${raw.origin.row + 1}`,
        HEADER_TEXTS[edit.column % HEADER_TEXTS.length]
      );
      break;
    case "insert":
      world.workbook.insertRows(id, edit.at, edit.rows, edit.remote ? "remote" : "local");
      break;
    case "delete":
      world.workbook.deleteRows(id, edit.at, edit.count);
      break;
    case "sort":
      world.workbook.sortRows(id, edit.column, edit.descending);
      break;
  }
  void handlers.then((remove) => remove());
  return events;
}

/** Deep equality, told quickly (JSON) and shown in full (`toEqual`) when it fails. */
function expectSame(actual: CheckResult, expected: CheckResult): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

describe("the incremental check equals the full check", () => {
  test("after every edit of random edit sequences", async () => {
    const costs: Record<ChangeCost["read"], number> = { rows: 0, table: 0 };
    await fc.assert(
      fc.asyncProperty(
        setup,
        fc.array(editArb, { minLength: 1, maxLength: 10 }),
        async (start, edits) => {
          const world = build(start);
          // Handlers registered by `play` are the test's; the check's own is below.
          const first = await fullCheck(world, start.asOf);
          const input: Parameters<typeof checkTables>[0] = { asOf: start.asOf };
          // Blocks of 3 rows: the result is put together from many, as from a large table's.
          for (const kind of KINDS) {
            const id = world.ids[kind];
            if (id) [input[kind]] = await world.workbook.readTables([id]);
          }
          const check = new IncrementalCheck({ ...input, blockRows: 3 });
          expectSame(check.result(), first);
          for (const edit of edits) {
            const changes = play(world, edit);
            for (const change of changes) {
              const cost = await applyTableChange(
                check,
                world.workbook,
                { kind: edit.kind, tableId: change.tableId },
                change
              );
              costs[cost.read] += 1;
            }
            expectSame(check.result(), await fullCheck(world, start.asOf));
          }
        }
      ),
      { numRuns: 1000 }
    );
    // Both ways of catching up were exercised.
    expect(costs.rows).toBeGreaterThan(100);
    expect(costs.table).toBeGreaterThan(100);
  });
});
