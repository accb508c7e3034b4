/**
 * Benchmark: the live check's re-validation after one change, at 1k, 10k and 100k rounds
 * (plus half as many indicators, and their projects), against the full check. Each figure
 * is the CPU time of `applyRows` (or `replaceTable`) plus `result()`: what the task pane
 * spends between reading the changed rows and showing the issues. Goal: one cell edited at
 * 100k rounds under 20 ms. Run: `npx tsx bench/live.bench.ts`. Prints a Markdown table.
 */
import { cpus, loadavg } from "node:os";
import { checkTables, type CheckInput } from "../src/domain/check";
import { IncrementalCheck } from "../src/domain/incremental";
import { fieldsOf } from "../src/domain/schema";
import type { CellValue, RawTable, RawTableRows, TableKind } from "../src/domain/types";
import { generate } from "./checkData";

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

interface Scenario {
  name: string;
  /** Edits the tables and brings the check up to date; called once per repeat. */
  run: (input: CheckInput, check: IncrementalCheck, repeat: number) => void;
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
