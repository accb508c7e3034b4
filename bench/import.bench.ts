/**
 * Benchmark: importing 1,000 pasted progress reports (the form printed to text or copied
 * as HTML) — the two seeds and printouts of other projects (1–12 rounds, some with seed
 * 000's out-of-step second page), pasted as one text and one report at a time.
 * Goal on a 2-core machine: 1,000 reports under 1 s. Run: `npx tsx bench/import.bench.ts`.
 */
import { cpus, loadavg } from "node:os";
import { importProgressReports } from "../src/domain/import";
import { printReport, printReportHtml, sampleProject } from "../test/fixtures/printouts";
import { SEED_000_PRINTOUT, SEED_001_PRINTOUT } from "../test/fixtures/seedPrintouts";

const REPORTS = 1_000;
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** 1,000 printouts: every 10th a seed, the rest other projects, a third as clipboard HTML. */
function printouts(): string[] {
  const texts: string[] = [];
  for (let index = 0; index < REPORTS; index++) {
    if (index % 10 === 0) texts.push(index % 20 === 0 ? SEED_000_PRINTOUT : SEED_001_PRINTOUT);
    else {
      const rounds = (index % 12) + 1;
      const spec = sampleProject(
        `3100${String(index).padStart(4, "0")}-${String(index).padStart(4, "0")}`,
        rounds
      );
      const layout =
        index % 4 === 0 && rounds > 3 ? { shiftFrom: rounds - 1 } : { pageBreaksBefore: [4] };
      texts.push(index % 3 === 0 ? printReportHtml(spec, layout) : printReport(spec, layout));
    }
  }
  return texts;
}

/** Wall-clock and CPU time (this process, all threads: GC included) of `run`, medians. */
function time(run: () => number): { ms: number; cpuMs: number; count: number } {
  let count = 0;
  for (let warm = 0; warm < 2; warm++) count = run();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let index = 0; index < RUNS; index++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    count = run();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpuTimes), count };
}

const texts = printouts();
const pasted = texts.join("\n");
const megabytes = Buffer.byteLength(pasted, "utf8") / 2 ** 20;
const oneByOne = time(() => {
  let rounds = 0;
  for (const text of texts)
    for (const report of importProgressReports(text).reports) rounds += report.rounds.length;
  return rounds;
});
const together = time(() => importProgressReports(pasted).reports.length);

const [load1] = loadavg();
console.log(
  `## Import of ${REPORTS.toLocaleString("en-US")} pasted reports, ${megabytes.toFixed(1)} MB of text (median of ${RUNS} runs; load average ${load1.toFixed(1)} on ${cpus().length} cores)\n`
);
console.log("| input | wall ms | CPU ms | reports per second (wall) | result |");
console.log("|---|---:|---:|---:|---|");
console.log(
  `| one paste per report | ${oneByOne.ms.toFixed(0)} | ${oneByOne.cpuMs.toFixed(0)} | ${Math.round((REPORTS / oneByOne.ms) * 1000).toLocaleString("en-US")} | ${oneByOne.count.toLocaleString("en-US")} rounds |`
);
console.log(
  `| all ${REPORTS.toLocaleString("en-US")} in one paste | ${together.ms.toFixed(0)} | ${together.cpuMs.toFixed(0)} | ${Math.round((REPORTS / together.ms) * 1000).toLocaleString("en-US")} | ${together.count.toLocaleString("en-US")} reports |`
);
const worst = Math.max(oneByOne.ms, together.ms);
console.log(
  `\nGoal: 1,000 reports under 1,000 ms — ${worst < 1000 ? "met" : "NOT met"} (${worst.toFixed(0)} ms).`
);
if (together.count !== REPORTS) {
  console.log(`Expected ${REPORTS} reports from the paste, got ${together.count}.`);
  process.exitCode = 1;
}
