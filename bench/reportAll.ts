/**
 * `kaona report --all` on a workbook of N projects × 12 rounds, end to end (read the
 * .xlsx, check, lay out, write the .xlsx), in this process: prints one JSON line with the
 * wall time and the process's peak resident memory. Run by report.bench.ts, one process
 * per size. Usage: npx tsx bench/reportAll.ts N [dir]
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { sampleWorkbookTables } from "../src/domain/sample";
import type { CellValue } from "../src/domain/types";
import { writeTablesXlsx } from "../src/workbook/xlsx/writeXlsx";

const ROUNDS_PER_PROJECT = 12;

/** The sample tables grown to `n` projects, each with 12 rounds of the seeds' narratives. */
async function writeBook(path: string, n: number): Promise<void> {
  const tables = sampleWorkbookTables();
  const p = tables.projects;
  const r = tables.rounds;
  const pCode = p.headers.indexOf("รหัสโครงการ");
  const rCode = r.headers.indexOf("รหัสโครงการ");
  const rRound = r.headers.indexOf("รายงานครั้งที่");
  const projects: CellValue[][] = [];
  const rounds: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const code = `21${String(100000 + i).slice(1)}-${String(1000 + (i % 9000)).padStart(4, "0")}`;
    const project = [...p.rows[i % p.rows.length]];
    project[pCode] = code;
    projects.push(project);
    for (let k = 0; k < ROUNDS_PER_PROJECT; k++) {
      const round = [...r.rows[(i + k) % r.rows.length]];
      round[rCode] = code;
      round[rRound] = k + 1;
      rounds.push(round);
    }
  }
  await writeTablesXlsx(path, [
    { table: { ...p, rows: projects } },
    { table: { ...r, rows: rounds } },
    { table: tables.indicators },
  ]);
}

async function run(): Promise<void> {
  const n = Number(process.argv[2]);
  if (!Number.isInteger(n) || n < 1) throw new Error("usage: reportAll.ts N [dir]");
  const dir = process.argv[3] ?? join(tmpdir(), "kaona-bench");
  mkdirSync(dir, { recursive: true });
  const book = join(dir, `book-${n}.xlsx`);
  if (!existsSync(book)) await writeBook(book, n);
  global.gc?.();
  const before = process.resourceUsage().maxRSS;
  const out = join(dir, `report-${n}.xlsx`);
  let stderr = "";
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const code = await main(["report", book, "--all", "-o", out], {
    stdout: () => undefined,
    stderr: (t) => void (stderr += t),
    now: () => new Date(),
  });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const peakMB = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      projects: n,
      rounds: n * ROUNDS_PER_PROJECT,
      exit: code,
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakMB: Math.round(peakMB),
      baselineMB: Math.round(before / 1024),
      outMB: Math.round((statSync(out).size / 2 ** 20) * 10) / 10,
      progressLines: stderr.split("\n").filter((l) => l.trim() !== "").length,
    })
  );
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
