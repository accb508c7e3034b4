/**
 * Parse rates of the domain's cell parsers over 100,000 cells of the kinds staff data
 * holds (values from the seeds, typed the ways the seeds type them). No memoizing here:
 * every cell is parsed afresh. Run: npx tsx bench/parsers.bench.ts
 */
import { cpus, loadavg } from "node:os";
import { parseThaiDate } from "../src/domain/dates";
import { parseNumber } from "../src/domain/numbers";
import { cleanText, normalizeForMatch } from "../src/domain/text";
import { DEFAULT_VOCABULARIES, matchVocabulary } from "../src/domain/vocabularies";

const CELLS = 100_000;
const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Cells cycling through `samples`, each a fresh string so no engine cache helps. */
function cells(samples: readonly unknown[]): unknown[] {
  return Array.from({ length: CELLS }, (_, index) => {
    const sample = samples[index % samples.length];
    return typeof sample === "string" ? ` ${sample}`.slice(1) : sample;
  });
}

function rate(parse: (cell: unknown) => unknown, input: readonly unknown[]): { ms: number; perSecond: number } {
  let sink: unknown;
  for (let warm = 0; warm < 2; warm += 1) for (const cell of input) sink = parse(cell);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    for (const cell of input) sink = parse(cell);
    times.push(performance.now() - start);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  const ms = median(times);
  return { ms, perSecond: (input.length / ms) * 1000 };
}

const cases: [string, (cell: unknown) => unknown, unknown[]][] = [
  ["parseNumber: native numbers", parseNumber, cells([10, 25, 30, 0, 1234.5])],
  ["parseNumber: text (10.00 %, 1,234.50 บาท, ๑๒, (1,234))", parseNumber, cells(["10.00 %", "1,234.50 บาท", "๑๒", "(1,234)", "0 บาท", "538800.0000 ล้านบาท"])],
  ["parseNumber: not numbers (#N/A, prose)", parseNumber, cells(["#N/A", "อยู่ระหว่างขั้นตอน", "abc", true])],
  ["parseThaiDate: serials", parseThaiDate, cells([43801, 43825, 43836.5, 43853])],
  ["parseThaiDate: d/m/BE and ISO-like", parseThaiDate, cells(["2/12/2562", "24/04/2563", "2020-1-23", "2019-10-01 00:00:00"])],
  ["parseThaiDate: Thai and English month names", parseThaiDate, cells(["2 ธันวาคม 2562", "2 ธ.ค. 62", "๒ ธค ๒๕๖๒", "2 December 2019"])],
  ["parseThaiDate: not dates", parseThaiDate, cells(["31/02/2563", "#N/A", "ไม่ระบุ", "x".repeat(200)])],
  ["cleanText: seed narratives with <p>, NBSP, zero-width", (cell) => cleanText(cell), cells(["<p>:: ความก้าวหน้าของงานฯ = 30.00 %\u00A0งบประมาณ</p>", "อยู่ระหว่าง\u200Bขั้นตอน...", "plain ascii text"])],
  ["normalizeForMatch: headers", normalizeForMatch, cells(["รหัสโครงการ...", "ความก้าวหน้าของงานฯ (%)", "Project Code", "หน่วยงานที่รับผิดชอบ."])],
  ["matchVocabulary: outcomes (repeated spellings)", (cell) => matchVocabulary(cell, DEFAULT_VOCABULARIES.outcome), cells(["ผ่านค่าเป้าหมายขั้นต่ำ", "ต่ำกว่าค่าเป้าหมาย", "ไม่มีความจำเป็นต้องดำเนินการในปี 2562", "ขอไม่ประเมิน", "รอผล"])],
];

const [load1] = loadavg();
console.log(`## Cell parsers, ${CELLS.toLocaleString("en-US")} cells (median of ${RUNS} runs; load average ${load1.toFixed(1)} on ${cpus().length} cores)\n`);
console.log("| parser and input | ms per 100,000 cells | cells per second |");
console.log("|---|---:|---:|");
for (const [name, parse, input] of cases) {
  const { ms, perSecond } = rate(parse, input);
  console.log(`| ${name} | ${ms.toFixed(1)} | ${Math.round(perSecond).toLocaleString("en-US")} |`);
}
