/**
 * Time to lay out and render report sheets: the seed project (11 rounds), a synthetic
 * project with 200 rounds of 600-character narratives, the summary of 500 projects, and
 * the renderers (HTML string, .xlsx bytes) over the seed report.
 * Run: npx tsx bench/report.bench.ts
 */
import { cpus, loadavg } from "node:os";
import { checkTables } from "../src/domain/check";
import { buildProjectReport, buildSummaryReport } from "../src/domain/report";
import { SAMPLE_TABLES, SEED_000_CODE } from "../src/domain/sample";
import type { Project, Round } from "../src/domain/types";
import { layoutToHtml } from "../src/render/html";
import { layoutsToXlsx } from "../src/render/xlsx";

const RUNS = 5;

async function median(task: () => unknown): Promise<number> {
  await task();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

async function main(): Promise<void> {
  const { records } = checkTables(SAMPLE_TABLES);
  const seed = records.projects.find((p) => p.code === SEED_000_CODE) as Project;
  const values = { mode: "values" as const, lang: "th" as const, chart: true };
  const seedLayout = buildProjectReport({ project: seed, rounds: records.rounds, indicators: records.indicators, options: values });

  const narrative = records.rounds.find((r) => r.projectCode === SEED_000_CODE && r.round === 11)?.narrative ?? "";
  const big: Project = { ...seed, code: "big" };
  const bigRounds: Round[] = Array.from({ length: 200 }, (_, i) => ({ row: i, projectCode: "big", round: i + 1, date: 43800 + i, narrative: narrative.slice(0, 600), progress: Math.min(100, i / 2) }));
  const bigLayout = buildProjectReport({ project: big, rounds: bigRounds, options: values });
  const manyProjects: Project[] = Array.from({ length: 500 }, (_, i) => ({ ...seed, row: i, code: `P-${i}` }));

  const rows: [string, number, string][] = [
    ["seed 000 report layout (11 rounds, 431 indicators)", await median(() => buildProjectReport({ project: seed, rounds: records.rounds, indicators: records.indicators, options: values })), `${seedLayout.cells.length} cells, ${seedLayout.merges.length} merges`],
    ["200-round report layout", await median(() => buildProjectReport({ project: big, rounds: bigRounds, options: values })), `${bigLayout.cells.length} cells, ${bigLayout.merges.length} merges`],
    ["summary of 500 projects", await median(() => buildSummaryReport(manyProjects, records.rounds, records.indicators, { lang: "th" })), ""],
    ["seed 000 → HTML", await median(() => layoutToHtml(seedLayout)), `${(layoutToHtml(seedLayout).length / 1024).toFixed(0)} KB`],
    ["seed 000 → .xlsx", await median(() => layoutsToXlsx([seedLayout])), `${((await layoutsToXlsx([seedLayout])).length / 1024).toFixed(0)} KB`],
    ["200 rounds → .xlsx", await median(() => layoutsToXlsx([bigLayout])), ""],
  ];
  console.log(`Report layout and rendering (median of ${RUNS}; ${cpus().length} cores, load ${loadavg()[0].toFixed(2)})\n`);
  console.log("| task | ms | size |");
  console.log("|---|---:|---|");
  for (const [task, ms, size] of rows) console.log(`| ${task} | ${ms.toFixed(1)} | ${size} |`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
