/**
 * Benchmark: the live check's re-validation after one change, at 1k, 10k and 100k rounds
 * (plus half as many indicators, and their projects), against the full check. Each figure
 * is the CPU time of `applyRows` (or `replaceTable`) plus `result()`: what the task pane
 * spends between reading the changed rows and showing the issues. Goal: one cell edited at
 * 100k rounds under 20 ms. The second table: the same on the recording Excel fake, from
 * the change event to the issues: round trips (context.sync) and bytes moved for one cell
 * edited and for 1,000 rows pasted (goal: ≤ 2 round trips and ≤ 64 KB for one cell, whatever
 * the table's size). Run: `npx tsx bench/live.bench.ts`. Prints Markdown tables.
 */
import { cpus, loadavg } from "node:os";
import { checkTables } from "../src/domain/check";
import { IncrementalCheck } from "../src/domain/incremental";
import { fieldsOf } from "../src/domain/schema";
import type { CellValue, RawTable, RawTableRows, TableKind } from "../src/domain/types";
import { generate } from "./checkData";
import { applyTableChange } from "../src/app/liveCheck";
import { ExcelWorkbook } from "../src/workbook/excel/ExcelWorkbook";
import type { TableChange } from "../src/workbook/port";
import { FakeExcel } from "../test/fakes/fakeExcel";
import { ROUND_HEADERS, roundRows } from "../test/fixtures/rounds";

const SIZES = [1_000, 10_000, 100_000];
const REPEATS = 9;

function column(kind: TableKind, field: string): number {
  return fieldsOf(kind).findIndex((each) => each.key === field);
}

function rowsOf(table: RawTable, first: number, count: number): RawTableRows {
  const { rows, numberFormats, ...meta } = table;
  void numberFormats;
  return {
    ...meta,
    rowCount: rows.length,
    firstRow: first,
    rows: rows.slice(first, first + count),
  };
}

function cpuMs(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The generated input: one table per kind. */
type BenchInput = ReturnType<typeof generate>;

interface Scenario {
  name: string;
  /** Edits the tables and brings the check up to date; called once per repeat. */
  run: (input: BenchInput, check: IncrementalCheck, repeat: number) => void;
}

function editCell(kind: TableKind, field: string, values: readonly CellValue[]): Scenario["run"] {
  return (input, check, repeat) => {
    const table = input[kind]!;
    const row = Math.floor(table.rows.length / 2) + repeat;
    table.rows[row][column(kind, field)] = values[repeat % values.length];
    check.applyRows(kind, rowsOf(table, row, 1));
    check.result();
  };
}

const SCENARIOS: Scenario[] = [
  { name: "one cell: a round's progress", run: editCell("rounds", "progress", [55, 5, 101]) },
  {
    name: "one cell: a round's project code (moves it)",
    run: editCell("rounds", "projectCode", ["21000000-0001", "21000001-0001"]),
  },
  { name: "one cell: an item's outcome", run: editCell("indicators", "outcome", ["ไม่ผ่าน", "?"]) },
  {
    name: "one cell: a project's budget received",
    run: editCell("projects", "budgetReceived", [10_000, 2_000_000]),
  },
  {
    name: "paste 1,000 rounds (values over existing rows)",
    run: (input, check, repeat) => {
      const table = input.rounds!;
      const first = (repeat * 1_000) % Math.max(1, table.rows.length - 1_000);
      for (let row = first; row < first + 1_000 && row < table.rows.length; row++)
        table.rows[row][column("rounds", "disbursed")] = 1_000 + repeat;
      check.applyRows("rounds", rowsOf(table, first, 1_000));
      check.result();
    },
  },
  {
    name: "one round appended",
    run: (input, check) => {
      const table = input.rounds!;
      table.rows.push([...table.rows[table.rows.length - 1]]);
      check.applyRows("rounds", rowsOf(table, table.rows.length - 1, 1));
      check.result();
    },
  },
  {
    name: "sort, or rows inserted inside (Rounds read whole)",
    run: (input, check) => {
      check.replaceTable("rounds", input.rounds!);
      check.result();
    },
  },
];

interface Trip {
  rows: number;
  change: string;
  syncs: number;
  bytes: number;
  read: string;
  cpuMs: number;
}

/** One user action on the fake, then the live check brought up to date from its events. */
async function excelTrips(size: number): Promise<Trip[]> {
  const fake = new FakeExcel();
  const workbook = new ExcelWorkbook({ runner: fake.runner, supports: () => true });
  const sheetName = "รายงานครั้งที่";
  const table = fake.addTable(sheetName, "Rounds", "A1", ROUND_HEADERS, roundRows(size));
  const [raw] = await workbook.readTables([table.id]);
  const check = new IncrementalCheck({ rounds: raw });
  check.result();
  const changes: TableChange[] = [];
  await workbook.onTablesChanged([table.id], (_, change) => changes.push(change));
  const sheet = fake.sheetByName(sheetName)!;
  const trips: Trip[] = [];
  const step = async (name: string, act: () => void) => {
    changes.length = 0;
    act();
    const syncs = fake.syncs;
    const from = fake.requestBytes.length;
    let cpu = 0;
    const reads: string[] = [];
    for (const change of changes) {
      const cost = await applyTableChange(
        check,
        workbook,
        { kind: "rounds", tableId: table.id },
        change
      );
      reads.push(`${cost.read} (${cost.rowsRead.toLocaleString("en")})`);
      cpu += cpuMs(() => check.result());
    }
    const bytes =
      fake.requestBytes.slice(from).reduce((a, b) => a + b, 0) +
      fake.responseBytes.slice(from).reduce((a, b) => a + b, 0);
    trips.push({
      rows: size,
      change: name,
      syncs: fake.syncs - syncs,
      bytes,
      read: reads.join(", "),
      cpuMs: cpu,
    });
  };
  const middle = Math.floor(size / 2) + 2;
  await step("one cell typed (progress)", () => fake.userEdit(sheetName, `E${middle}`, 55));
  await step("one cell typed by a co-author", () =>
    fake.userEdit(sheetName, `A${middle + 1}`, "21000000-9999", "Remote")
  );
  await step("1,000 rows pasted over existing rows", () => {
    const top = 1 + Math.min(size - 1_000, middle);
    const pasted = roundRows(1_000);
    pasted.forEach((line, i) => line.forEach((v, j) => fake.put(sheet, top + i, j, v)));
    fake.raiseChanged(sheet, { row: top, col: 0, rows: 1_000, cols: ROUND_HEADERS.length });
  });
  await step("one row appended", () => fake.userInsertRows(table.id, size, roundRows(1)));
  await step("one row inserted inside (table read whole)", () =>
    fake.userInsertRows(table.id, 1, roundRows(1))
  );
  return trips;
}

async function excelSection(): Promise<string> {
  const lines = [
    "| rounds | change | context.sync | bytes moved | read | CPU ms (result) |",
    "|---:|---|---:|---:|---|---:|",
  ];
  for (const size of SIZES)
    for (const t of await excelTrips(size))
      lines.push(
        `| ${t.rows.toLocaleString("en")} | ${t.change} | ${t.syncs} | ${(t.bytes / 1000).toFixed(1)} kB | ${t.read} | ${t.cpuMs.toFixed(1)} |`
      );
  return `\n## Live check on the Excel fake: from the change event to the issues\n\n${lines.join("\n")}\n`;
}

function main(): void {
  const lines = ["| rounds | change | CPU ms (median) | CPU ms (max) |", "|---:|---|---:|---:|"];
  let goal = Infinity;
  for (const size of SIZES) {
    const input = generate(size);
    const fullStart = process.cpuUsage();
    const full = checkTables(input);
    const fullUsed = process.cpuUsage(fullStart);
    lines.push(
      `| ${size.toLocaleString("en")} | full check (${full.issues.length.toLocaleString("en")} issues) | ${((fullUsed.user + fullUsed.system) / 1000).toFixed(1)} | |`
    );
    const check = new IncrementalCheck(input);
    for (const scenario of SCENARIOS) {
      const times: number[] = [];
      for (let repeat = 0; repeat < REPEATS; repeat++)
        times.push(cpuMs(() => scenario.run(input, check, repeat)));
      if (size === 100_000 && scenario === SCENARIOS[0]) goal = median(times);
      lines.push(
        `| ${size.toLocaleString("en")} | ${scenario.name} | ${median(times).toFixed(2)} | ${Math.max(...times).toFixed(2)} |`
      );
    }
  }
  lines.push("");
  lines.push(
    `- one cell at 100k rounds: ${goal.toFixed(1)} ms CPU (goal < 20 ms): ${goal < 20 ? "met" : "NOT met"}`
  );
  lines.push(
    `- load average while measuring: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(", ")} on ${cpus().length} cores`
  );
  process.stdout.write(`## Live check: re-validation after one change\n\n${lines.join("\n")}\n`);
}

main();
void excelSection().then((text) => process.stdout.write(text));
