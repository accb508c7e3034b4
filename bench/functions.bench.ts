/**
 * KPI.* functions over 100,000-row ranges, as Excel passes them (one-column 2-D arrays).
 * Range functions: one call over the whole range, median of several runs. Scalar
 * functions (one cell in, one value out): 100,000 calls, one per row. Goal: < 30 ms per
 * range call. Run: npx tsx bench/functions.bench.ts
 */
import { cpus, loadavg } from "node:os";
import * as KPI from "../src/functions/functions";

const ROWS = 100_000;
const RUNS = 9;
const GOAL_MS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall-clock and process-CPU milliseconds of `body`, after two warm-up runs. CPU
 * time is shown because the machine is shared: wall time grows with other work. */
function measure(body: () => unknown): { wall: number; cpu: number } {
  let sink: unknown;
  for (let warm = 0; warm < 2; warm += 1) sink = body();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    sink = body();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return { wall: median(wall), cpu: median(cpu) };
}

const column = (values: unknown[]): unknown[][] => values.map((value) => [value]);
const pad = (n: number) => String(n).padStart(4, "0");

// 10,000 projects × 10 rounds; dates as Excel stores them (serials), progress as numbers.
const codes: unknown[] = [];
const rounds: unknown[] = [];
const dates: unknown[] = [];
const progress: unknown[] = [];
for (let row = 0; row < ROWS; row += 1) {
  const project = Math.floor(row / 10);
  const round = (row % 10) + 1;
  codes.push(`21000000-${pad(project)}`);
  rounds.push(round);
  dates.push(43739 + round * 30);
  progress.push(round * 10);
}
const target = "21000000-9999";
// Worst case: one project with all 100,000 rows, dates and progress typed as text.
const oneCode = column(Array<string>(ROWS).fill(target));
const textDates = column(
  dates.map((_serial, index) => (index % 2 === 0 ? "2/12/2562" : "2020-1-23"))
);
const textProgress = column(progress.map((value) => `${value}.00 %`));

const outcomeSpellings = [
  "ผ่านค่าเป้าหมายขั้นต่ำ",
  "ต่ำกว่าค่าเป้าหมาย",
  "ไม่มีความจำเป็นต้องดำเนินการในปี 2562",
  "ไม่มีบริการสาธารณะ",
  "ขอไม่ประเมิน",
  "ผ่าน",
  "",
  "รอผล",
];
const outcomeColumn = column(
  Array.from({ length: ROWS }, (_, index) => outcomeSpellings[index % outcomeSpellings.length])
);
const received = column(Array.from({ length: ROWS }, () => 1_000_000));
const disbursed = column(
  Array.from({ length: ROWS }, (_, index) => (index % 3 === 0 ? "1,234.50 บาท" : 250_000))
);

const codeRange = column(codes);
const roundRange = column(rounds);
const dateRange = column(dates);
const progressRange = column(progress);

const rangeCases: [string, () => unknown][] = [
  ["PROGRESS (latest)", () => KPI.progress(codeRange, roundRange, progressRange, target)],
  ["PROGRESS (round 5)", () => KPI.progress(codeRange, roundRange, progressRange, target, 5)],
  [
    "PROGRESS, one project in all rows, text progress",
    () => KPI.progress(oneCode, roundRange, textProgress, target),
  ],
  [
    "PROGRESSASOF",
    () => KPI.progressAsOf(codeRange, dateRange, progressRange, target, "31/3/2563"),
  ],
  [
    "PROGRESSASOF, one project in all rows, text dates",
    () => KPI.progressAsOf(oneCode, textDates, textProgress, target, "31/3/2563"),
  ],
  ["LATESTROUND", () => KPI.latestRound(codeRange, roundRange, progressRange, target)],
  [
    "LATESTROUND, one project in all rows, text progress",
    () => KPI.latestRound(oneCode, roundRange, textProgress, target),
  ],
  ["OUTCOMES", () => KPI.outcomes(outcomeColumn)],
  ["OUTCOMECOUNT", () => KPI.outcomeCount(outcomeColumn, "below")],
  ["PASSRATE (evaluated)", () => KPI.passRate(outcomeColumn)],
  ["PASSRATE (planned, 431)", () => KPI.passRate(outcomeColumn, "planned", 431)],
  ["BUDGETRATE (a third typed as text)", () => KPI.budgetRate(received, disbursed)],
];

const scalarInputs = Array.from({ length: ROWS }, (_, index) => 43739 + (index % 365));
const scalarCases: [string, () => unknown][] = [
  ["PLANSTATUS", () => scalarInputs.map((serial) => KPI.planStatus(serial % 100, 50))],
  ["THAIDATE", () => scalarInputs.map((serial) => KPI.thaiDate(serial, "long"))],
  [
    "THAIDATEVALUE (text)",
    () =>
      scalarInputs.map((_serial, index) =>
        KPI.thaiDateValue(index % 2 === 0 ? "2/12/2562" : "2 ธ.ค. 62")
      ),
  ],
  ["FISCALYEAR", () => scalarInputs.map((serial) => KPI.fiscalYear(serial))],
  ["FISCALQUARTER", () => scalarInputs.map((serial) => KPI.fiscalQuarter(serial))],
  [
    "FISCALYEARSTART",
    () => scalarInputs.map((serial) => KPI.fiscalYearStart(2500 + (serial % 100))),
  ],
  ["FISCALYEAREND", () => scalarInputs.map((serial) => KPI.fiscalYearEnd(2500 + (serial % 100)))],
  ["TONUMBER", () => scalarInputs.map((serial) => KPI.toNumber(`${serial}.50 บาท`))],
  ["THAIDIGITS", () => scalarInputs.map((serial) => KPI.thaiDigits(serial))],
  [
    "CLEANTEXT",
    () => scalarInputs.map((serial) => KPI.cleanText(`<p>รายงาน\u00A0ครั้งที่ ${serial}</p>`)),
  ],
];

const [load1] = loadavg();
console.log(
  `## KPI.* functions over ${ROWS.toLocaleString("en-US")}-row ranges (median of ${RUNS} runs; load average ${load1.toFixed(1)} on ${cpus().length} cores)\n`
);
console.log("| function | ms per call (wall) | ms CPU | goal < 30 ms |");
console.log("|---|---:|---:|---|");
for (const [name, body] of rangeCases) {
  const { wall, cpu } = measure(body);
  console.log(
    `| ${name} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} | ${wall < GOAL_MS ? "met" : "missed"} |`
  );
}
console.log(`\n## Scalar KPI.* functions, ${ROWS.toLocaleString("en-US")} calls (one per row)\n`);
console.log("| function | ms per 100,000 calls (wall) | µs per call |");
console.log("|---|---:|---:|");
for (const [name, body] of scalarCases) {
  const { wall } = measure(body);
  console.log(`| ${name} | ${wall.toFixed(1)} | ${((wall * 1000) / ROWS).toFixed(2)} |`);
}
