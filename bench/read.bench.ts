/**
 * Reading staff workbooks (issue 17): `kaona check` (the built command, dist/cli/kaona.js)
 * on one workbook of 100,000 rounds + 50,000 indicators, side by side with a bare ExcelJS
 * read and a SheetJS read (`xlsx`, a devDependency) of the same file, and the grid reader
 * alone. Each in its own child process, measured by /usr/bin/time (wall, CPU, peak RSS).
 * Goal: check ≤ 3 s wall and ≤ 300 MB peak on a 2-core machine.
 * Then `kaona merge` of 10, 30 and 50 workbooks × 2,000 rounds (time, peak memory, growth).
 * Run: `npx tsx bench/read.bench.ts` (builds the CLI first; the workbooks are generated
 * once into bench-output/). CPU time is printed too: wall time on a shared machine is
 * noisy, CPU time is what the same run costs on an idle one.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { writeTablesXlsx } from "../src/workbook/xlsx/writeXlsx";
import { generate } from "./checkData";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "bench-output");
const BIG = join(OUT, "check-100k-rounds-50k-indicators.xlsx");
const CLI = join(ROOT, "dist", "cli", "kaona.js");
/** The command as users run it (`npx kaona`): bin/kaona.js, whose shebang gives Node a
 * 4 MB young generation, loading the built CLI. */
const BIN = join(ROOT, "bin", "kaona.js");

interface Run {
  label: string;
  wallS: number;
  cpuS: number;
  peakMB: number;
  exit: number | null;
  note?: string;
}

/** Runs a command under /usr/bin/time -f and reads its figures from the last stderr line. */
function timed(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", command, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  const line = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr ?? "");
  if (!line) throw new Error(`${label}: no timing (${(result.stderr ?? "").slice(-300)})`);
  return {
    label,
    wallS: Number(line[1]),
    cpuS: Number(line[2]) + Number(line[3]),
    peakMB: Number(line[4]) / 1024,
    exit: result.status,
  };
}

async function ensureBigWorkbook(): Promise<void> {
  if (existsSync(BIG)) return;
  const input = generate(100_000);
  await writeTablesXlsx(BIG, [
    { table: input.projects! },
    { table: input.rounds! },
    { table: input.indicators! },
  ]);
}

/** One unit's workbook of `rounds` rounds; `unit` changes the project codes. */
async function unitWorkbook(path: string, unit: number, rounds: number): Promise<void> {
  const input = generate(rounds);
  const recode = (value: unknown) =>
    typeof value === "string"
      ? value.replace(/^2100/, String(3000 + unit).padStart(4, "0"))
      : value;
  const table = (raw: NonNullable<typeof input.projects>) => ({
    ...raw,
    rows: raw.rows.map((row) => [recode(row[0]) as string, ...row.slice(1)]),
  });
  await writeTablesXlsx(path, [
    { table: table(input.projects!) },
    { table: table(input.rounds!) },
    { table: table(input.indicators!) },
  ]);
}

async function ensureUnitWorkbooks(count: number, rounds: number): Promise<string> {
  const folder = join(OUT, `merge-units-${rounds}`);
  mkdirSync(folder, { recursive: true });
  const first = join(folder, "unit-00.xlsx");
  if (!existsSync(first)) await unitWorkbook(first, 0, rounds);
  for (let unit = 1; unit < count; unit++) {
    const path = join(folder, `unit-${String(unit).padStart(2, "0")}.xlsx`);
    if (!existsSync(path)) await unitWorkbook(path, unit, rounds);
  }
  return folder;
}

const EXCELJS_READ = `const E=require("exceljs");new E.Workbook().xlsx.readFile(process.argv[1]).then(()=>{},e=>{console.error(e);process.exit(3)})`;
/** SheetJS: the devDependency `xlsx`, or the package at $SHEETJS_MODULE (a path) when
 * node_modules lacks it. */
const SHEETJS = process.env.SHEETJS_MODULE ?? "xlsx";
const SHEETJS_READ = `const X=require(${JSON.stringify(SHEETJS)});X.readFile(process.argv[1])`;
const GRIDS_READ = `import { readFileSync } from "node:fs"; import { readWorkbookGrids } from "${join(ROOT, "src/workbook/xlsx/grids.ts")}"; void readWorkbookGrids(readFileSync(process.argv[process.argv.length - 1]));`;

function sheetJsAvailable(): boolean {
  const probe = spawnSync(process.execPath, ["-e", `require.resolve(${JSON.stringify(SHEETJS)})`], {
    cwd: ROOT,
  });
  return probe.status === 0;
}

function row(run: Run): string {
  return `| ${run.label} | ${run.wallS.toFixed(2)} | ${run.cpuS.toFixed(2)} | ${run.peakMB.toFixed(0)} | ${run.exit ?? "-"} |`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const build = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build:cli failed: ${build.stderr}`);
  await ensureBigWorkbook();
  const size = statSync(BIG).size / 1e6;
  const lines = [
    `## Reading one workbook: 100,000 rounds + 50,000 indicators (${size.toFixed(1)} MB .xlsx)`,
    "",
    "| run | wall s | CPU s (user+sys) | peak RSS MB | exit |",
    "|---|---:|---:|---:|---:|",
  ];
  const check = timed("kaona check (bin/kaona.js, as `npx kaona` runs it)", BIN, ["check", BIG]);
  lines.push(row(check));
  lines.push(
    row(
      timed(
        "node dist/cli/kaona.js check (Node's default 16 MB young generation)",
        process.execPath,
        [CLI, "check", BIG]
      )
    )
  );
  const grids = timed("grid reader alone (readWorkbookGrids, via tsx)", process.execPath, [
    join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
    "--eval",
    GRIDS_READ,
    BIG,
  ]);
  lines.push(row(grids));
  lines.push(
    row(
      timed("bare ExcelJS read (workbook.xlsx.readFile)", process.execPath, [
        "-e",
        EXCELJS_READ,
        BIG,
      ])
    )
  );
  if (sheetJsAvailable())
    lines.push(
      row(timed("SheetJS read (XLSX.readFile)", process.execPath, ["-e", SHEETJS_READ, BIG]))
    );
  else
    lines.push(
      "| SheetJS read | not installed (devDependency `xlsx`: run npm ci, or set SHEETJS_MODULE) | | | |"
    );
  lines.push(
    "",
    `- goal: check ≤ 3 s wall, ≤ 300 MB peak: ${check.wallS <= 3 ? "wall met" : `wall NOT met (${check.wallS.toFixed(1)} s; CPU ${check.cpuS.toFixed(1)} s)`}, ${check.peakMB <= 300 ? "memory met" : "memory NOT met"}`,
    `- load average while measuring: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(", ")} on ${cpus().length} cores`,
    ""
  );

  const ROUNDS = 2_000;
  const folder = await ensureUnitWorkbooks(50, ROUNDS);
  lines.push(
    `## kaona merge of N workbooks × ${ROUNDS.toLocaleString("en")} rounds (+ ${(ROUNDS / 2).toLocaleString("en")} indicators each)`,
    "",
    "| files | wall s | CPU s | peak RSS MB | CPU s per file | exit |",
    "|---:|---:|---:|---:|---:|---:|"
  );
  const runs: { files: number; run: Run }[] = [];
  for (const files of [10, 30, 50]) {
    const subset = join(OUT, `merge-${files}`);
    rmSync(subset, { recursive: true, force: true });
    mkdirSync(subset);
    for (let unit = 0; unit < files; unit++) {
      const name = `unit-${String(unit).padStart(2, "0")}.xlsx`;
      copyFileSync(join(folder, name), join(subset, name));
    }
    const run = timed(`merge ${files}`, BIN, [
      "merge",
      subset,
      "-o",
      join(OUT, `combined-${files}.xlsx`),
    ]);
    runs.push({ files, run });
    lines.push(
      `| ${files} | ${run.wallS.toFixed(2)} | ${run.cpuS.toFixed(2)} | ${run.peakMB.toFixed(0)} | ${(run.cpuS / files).toFixed(2)} | ${run.exit} |`
    );
  }
  const [ten, , fifty] = runs;
  lines.push(
    "",
    `- growth 10 → 50 files (5× the rows): CPU ×${(fifty.run.cpuS / ten.run.cpuS).toFixed(1)}, wall ×${(fifty.run.wallS / ten.run.wallS).toFixed(1)}, peak memory ×${(fifty.run.peakMB / ten.run.peakMB).toFixed(1)} (linear: ×5)`,
    `- load average: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(", ")}`
  );
  process.stdout.write(`${lines.join("\n")}\n`);
}

void main();
