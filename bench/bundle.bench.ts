/**
 * Benchmark: the task pane's JavaScript. Builds production with the project's webpack
 * config into test-output/dist-bench and prints each script's raw and gzip size, then the
 * initial JavaScript of the first render: the entry scripts taskpane.html loads
 * (taskpane.js, functions.js) plus the chunks the first page needs (inside Excel: the Excel
 * workbook, the Home page and the bindings' schema; in the browser preview: the sample
 * workbook and the sheet viewer instead of the Excel workbook).
 * Budget: initial JavaScript at most 350 KB gzip. Run: `npx tsx bench/bundle.bench.ts`.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = "test-output/dist-bench";
const BUDGET_GZIP = 350 * 1024;

/** Chunk groups (webpackChunkName) the first render loads, per host. */
const FIRST_RENDER: Record<string, string[]> = {
  excel: ["excel", "page-home", "domain-check"],
  preview: ["preview", "page-home", "domain-check", "preview-viewer"],
};

interface Size {
  raw: number;
  gzip: number;
}

function sizeOf(file: string): Size {
  const content = fs.readFileSync(path.join(ROOT, OUT_DIR, file));
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function build(): Promise<webpack.StatsCompilation> {
  const factory = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: { mode: string }
  ) => Promise<webpack.Configuration>;
  const config = await factory({ outDir: OUT_DIR }, { mode: "production" });
  const compiler = webpack({ ...config, context: ROOT, infrastructureLogging: { level: "error" } });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      if (error || !stats) return reject(error ?? new Error("no stats"));
      if (stats.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      compiler.close(() =>
        resolve(
          stats.toJson({
            assets: true,
            chunkGroups: true,
            entrypoints: true,
            chunks: false,
            modules: false,
            source: false,
          })
        )
      );
    });
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const stats = await build();
  const buildMs = Date.now() - started;
  const scripts = (stats.assets ?? [])
    .map((a) => a.name)
    .filter((name) => name.endsWith(".js"))
    .sort();
  const sizes = new Map(scripts.map((name) => [name, sizeOf(name)]));
  const filesOf = (group: string): string[] =>
    (stats.namedChunkGroups?.[group]?.assets ?? [])
      .map((a) => a.name)
      .filter((name) => name.endsWith(".js"));
  const entries = [...filesOf("taskpane"), ...filesOf("functions")];

  const lines: string[] = [];
  lines.push(`Production build in ${(buildMs / 1000).toFixed(1)} s (${OUT_DIR}).`, "");
  lines.push("| script | raw KB | gzip KB |", "|---|---:|---:|");
  for (const name of scripts) {
    const size = sizes.get(name)!;
    lines.push(`| ${name} | ${kb(size.raw)} | ${kb(size.gzip)} |`);
  }
  lines.push(
    "",
    "| first render | scripts | raw KB | gzip KB | budget |",
    "|---|---:|---:|---:|---|"
  );
  let worst = 0;
  for (const [host, groups] of Object.entries(FIRST_RENDER)) {
    const files = [...new Set([...entries, ...groups.flatMap(filesOf)])];
    const total = files.reduce(
      (sum, f) => ({ raw: sum.raw + sizes.get(f)!.raw, gzip: sum.gzip + sizes.get(f)!.gzip }),
      { raw: 0, gzip: 0 }
    );
    worst = Math.max(worst, total.gzip);
    lines.push(
      `| ${host} | ${files.length} | ${kb(total.raw)} | ${kb(total.gzip)} | ${total.gzip <= BUDGET_GZIP ? "within" : "OVER"} ${kb(BUDGET_GZIP)} |`
    );
  }
  console.log(lines.join("\n"));
  if (worst > BUDGET_GZIP) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
