/**
 * Benchmark: validation (table → records → rules) of 1k, 10k and 100k rounds plus half as
 * many indicators, generated from the seed patterns (seed 000's steady monthly rounds, seed
 * 001's holes, a few typed-text dates and percents, a planted fall now and then).
 * Goal on a 2-core machine: 100k rounds + 50k indicators under 500 ms, and 10× the rows
 * at most 12× the time. Run: `npx tsx bench/validate.bench.ts`. Prints a Markdown table.
 * No forced garbage collection between runs: a collected, shrunken heap makes the next run
 * pay for growing it again, which no real check does.
 */
import { cpus, loadavg } from "node:os";
import { checkTables, type CheckInput } from "../src/domain/check";
import {
  rawTableFromRows,
  SAMPLE_MAIN_UNITS,
  SAMPLE_OUTCOME_TEXT,
  type RowOf,
} from "../src/domain/sample";
import type { CellValue } from "../src/domain/types";

const SEED_000_PROGRESS = [10, 25, 25, 25, 30, 30, 40, 60, 75, 85, 100];
const SEED_000_DATES = [
  43801, 43825, 43836, 43853, 43914, 43945, 43971, 44000, 44001, 44035, 44061,
];
const SEED_001_PROGRESS: CellValue[] = [30, 40, null, null, null, null, null, 100];
const NARRATIVE =
  "หน่วยงานหลัก 18 หน่วยงาน ดำเนินการจัดเก็บข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัดมาตรฐานการให้บริการสาธารณะของกรุงเทพมหานครที่รับผิดชอบ";
const OUTCOMES = [
  ...Array<string>(409).fill(SAMPLE_OUTCOME_TEXT.met),
  ...Array<string>(6).fill(SAMPLE_OUTCOME_TEXT.below),
  ...Array<string>(3).fill(SAMPLE_OUTCOME_TEXT.notNeeded),
  ...Array<string>(3).fill(SAMPLE_OUTCOME_TEXT.noService),
  ...Array<string>(10).fill(SAMPLE_OUTCOME_TEXT.excluded),
];

function code(index: number): string {
  return `2100${String(index).padStart(4, "0")}-${String(index % 10_000).padStart(4, "0")}`;
}

/** `roundCount` rounds over as many projects as it takes, alternating the two seeds' shapes. */
function generate(roundCount: number): CheckInput {
  const projects: RowOf<"projects">[] = [];
  const rounds: RowOf<"rounds">[] = [];
  const indicators: RowOf<"indicators">[] = [];
  let project = 0;
  while (rounds.length < roundCount) {
    const projectCode = code(project);
    const likeSeed001 = project % 4 === 3;
    projects.push({
      code: projectCode,
      name: `โครงการตัวอย่างที่ ${project + 1}`,
      fiscalYear: 2563,
      start: 43739,
      end: 44103,
      budgetReceived: 1_000_000,
      budgetUsed: 0,
      unit: SAMPLE_MAIN_UNITS[project % SAMPLE_MAIN_UNITS.length],
      targetCount: 431,
    });
    const progress = likeSeed001 ? SEED_001_PROGRESS : SEED_000_PROGRESS;
    for (let index = 0; index < progress.length && rounds.length < roundCount; index++) {
      const date = SEED_000_DATES[Math.min(index, SEED_000_DATES.length - 1)];
      rounds.push({
        projectCode,
        round: index + 1,
        // Staff type some dates and percents as text.
        date: index === 3 ? "2020-1-23" : date,
        narrative: index === 5 ? null : NARRATIVE,
        progress:
          project % 50 === 7 && index === 4
            ? 20
            : index === 0 && !likeSeed001
              ? "10.00 %"
              : progress[index],
        disbursed: 5_000,
        planStatus: "เป็นไปตามแผน",
        targetStatus: "เป็นไปตามเป้าหมาย",
      });
    }
    project += 1;
  }
  const indicatorCount = Math.floor(roundCount / 2);
  for (let index = 0; index < indicatorCount; index++) {
    const projectIndex = Math.floor(index / OUTCOMES.length);
    indicators.push({
      projectCode: code(projectIndex),
      id: `ตัวอย่าง-${index % OUTCOMES.length}`,
      name: `เกณฑ์ชี้วัดตัวอย่างที่ ${index + 1}`,
      unit: SAMPLE_MAIN_UNITS[index % SAMPLE_MAIN_UNITS.length],
      target: 80,
      actual: 85,
      outcome: OUTCOMES[index % OUTCOMES.length],
    });
  }
  return {
    projects: rawTableFromRows("projects", projects),
    rounds: rawTableFromRows("rounds", rounds),
    indicators: rawTableFromRows("indicators", indicators),
  };
}

interface Figure {
  rounds: number;
  indicators: number;
  ms: number;
  /** The fastest run: the least disturbed by other work on the machine. */
  minMs: number;
  /** Process CPU time (user + system, GC threads included): steadier than wall time on a
   * machine shared with other work. */
  cpuMs: number;
  issues: number;
  heapMB: number;
  rssMB: number;
}

const MB = 1024 * 1024;

function measure(roundCount: number, repeats: number): Figure {
  const input = generate(roundCount);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let issues = 0;
  let heapPeak = 0;
  let rssPeak = 0;
  for (let run = 0; run < repeats; run++) {
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const result = checkTables(input);
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    const after = process.memoryUsage();
    // Still holding the result: what this check needs on top of its input.
    heapPeak = Math.max(heapPeak, after.heapUsed - heapBefore);
    rssPeak = Math.max(rssPeak, after.rss);
    issues = result.issues.length;
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    rounds: roundCount,
    indicators: Math.floor(roundCount / 2),
    ms: times[Math.floor(times.length / 2)],
    minMs: times[0],
    cpuMs: cpuTimes[Math.floor(cpuTimes.length / 2)],
    issues,
    heapMB: heapPeak / MB,
    rssMB: rssPeak / MB,
  };
}

function main(): void {
  measure(1_000, 3); // warm up the JIT
  const figures = [measure(1_000, 7), measure(10_000, 5), measure(100_000, 5)];
  const lines = [
    "| rounds | indicators | rows | issues | median ms | min ms | µs/row | CPU ms | heap growth (MB) | rss (MB) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const figure of figures) {
    const rows = figure.rounds + figure.indicators;
    lines.push(
      `| ${figure.rounds.toLocaleString("en")} | ${figure.indicators.toLocaleString("en")} | ${rows.toLocaleString("en")} | ${figure.issues.toLocaleString("en")} | ${figure.ms.toFixed(1)} | ${figure.minMs.toFixed(1)} | ${((figure.ms * 1000) / rows).toFixed(2)} | ${figure.cpuMs.toFixed(0)} | ${figure.heapMB.toFixed(1)} | ${figure.rssMB.toFixed(0)} |`
    );
  }
  const [small, medium, large] = figures;
  lines.push("");
  lines.push(
    `- 100k rounds + 50k indicators: ${large.ms.toFixed(0)} ms (goal < 500 ms): ${large.ms < 500 ? "met" : "NOT met"}`
  );
  lines.push(
    `- load average while measuring: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(", ")} on ${cpus().length} cores`
  );
  lines.push(
    `- 10× rows: 1k→10k ×${(medium.ms / small.ms).toFixed(1)}, 10k→100k ×${(large.ms / medium.ms).toFixed(1)} (goal ≤ 12×)`
  );
  process.stdout.write(`## Validation (records + rules)\n\n${lines.join("\n")}\n`);
}

main();
