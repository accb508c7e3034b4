/**
 * Time to lay out and render report sheets: the seed project (11 rounds), a synthetic
 * project with 200 rounds of 600-character narratives, the summary of 500 projects, and
 * the renderers (HTML string, .xlsx bytes) over the seed report; then `kaona report --all`
 * end to end on 100, 500, 1,000 and 5,000 projects × 12 rounds, each in its own process
 * (bench/reportAll.ts) for its wall and CPU time and peak memory. The goal: 5,000 projects
 * in at most 10× the time of 500. KAONA_BENCH_ALL="100,500" picks other sizes.
 * Run: npx tsx bench/report.bench.ts
 */
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
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
  const seedLayout = buildProjectReport({
    project: seed,
    rounds: records.rounds,
    indicators: records.indicators,
    options: values,
  });

  const narrative =
    records.rounds.find((r) => r.projectCode === SEED_000_CODE && r.round === 11)?.narrative ?? "";
  const big: Project = { ...seed, code: "big" };
  const bigRounds: Round[] = Array.from({ length: 200 }, (_, i) => ({
    row: i,
    projectCode: "big",
    round: i + 1,
    date: 43800 + i,
    narrative: narrative.slice(0, 600),
    progress: Math.min(100, i / 2),
  }));
  const bigLayout = buildProjectReport({ project: big, rounds: bigRounds, options: values });
  const manyProjects: Project[] = Array.from({ length: 500 }, (_, i) => ({
    ...seed,
    row: i,
    code: `P-${i}`,
  }));

  const rows: [string, number, string][] = [
    [
      "seed 000 report layout (11 rounds, 431 indicators)",
      await median(() =>
        buildProjectReport({
          project: seed,
          rounds: records.rounds,
          indicators: records.indicators,
          options: values,
        })
      ),
      `${seedLayout.cells.length} cells, ${seedLayout.merges.length} merges`,
    ],
    [
      "200-round report layout",
      await median(() => buildProjectReport({ project: big, rounds: bigRounds, options: values })),
      `${bigLayout.cells.length} cells, ${bigLayout.merges.length} merges`,
    ],
    [
      "summary of 500 projects",
      await median(() =>
        buildSummaryReport(manyProjects, records.rounds, records.indicators, { lang: "th" })
      ),
      "",
    ],
    [
      "seed 000 → HTML",
      await median(() => layoutToHtml(seedLayout)),
      `${(layoutToHtml(seedLayout).length / 1024).toFixed(0)} KB`,
    ],
    [
      "seed 000 → .xlsx",
      await median(() => layoutsToXlsx([seedLayout])),
      `${((await layoutsToXlsx([seedLayout])).length / 1024).toFixed(0)} KB`,
    ],
    ["200 rounds → .xlsx", await median(() => layoutsToXlsx([bigLayout])), ""],
  ];
  console.log(
    `Report layout and rendering (median of ${RUNS}; ${cpus().length} cores, load ${loadavg()[0].toFixed(2)})\n`
  );
  console.log("| task | ms | size |");
  console.log("|---|---:|---|");
  for (const [task, ms, size] of rows) console.log(`| ${task} | ${ms.toFixed(1)} | ${size} |`);
}

interface AllRun {
  projects: number;
  rounds: number;
  ms: number;
  cpuMs: number;
  peakMB: number;
  outMB: number;
}

/** `kaona report --all` at each size, one fresh process each (the input book is written
 * first, outside the timing). */
function reportAllRuns(): AllRun[] {
  const sizes = (process.env.KAONA_BENCH_ALL ?? "100,500,1000,5000")
    .split(",")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const tsx = join(__dirname, "..", "node_modules", "tsx", "dist", "cli.mjs");
  const runs: AllRun[] = [];
  for (const n of sizes) {
    const child = spawnSync(
      process.execPath,
      ["--expose-gc", tsx, join(__dirname, "reportAll.ts"), String(n)],
      {
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      }
    );
    const line = child.stdout.trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !line.startsWith("{"))
      throw new Error(`report --all ${n}: ${child.stderr.slice(-500)}`);
    runs.push(JSON.parse(line) as AllRun);
  }
  return runs;
}

async function mainAll(): Promise<void> {
  await main();
  const runs = reportAllRuns();
  console.log(
    `\n\`kaona report --all\`, end to end (read, check, lay out, write; one process per size)\n`
  );
  console.log("| projects × 12 rounds | wall s | CPU s | peak MB | output MB |");
  console.log("|---:|---:|---:|---:|---:|");
  for (const r of runs)
    console.log(
      `| ${r.projects.toLocaleString("en-US")} | ${(r.ms / 1000).toFixed(1)} | ${(r.cpuMs / 1000).toFixed(1)} | ${r.peakMB} | ${r.outMB} |`
    );
  const at = (n: number) => runs.find((r) => r.projects === n);
  const small = at(500);
  const large = at(5000);
  if (small && large)
    console.log(
      `\n5,000 / 500 projects: ${(large.cpuMs / small.cpuMs).toFixed(1)}× the CPU time (goal ≤ 10×), ${(large.ms / small.ms).toFixed(1)}× the wall time`
    );
}

mainAll().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
