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
import { checkTables } from "../src/domain/check";
import { generate } from "./checkInput";

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
