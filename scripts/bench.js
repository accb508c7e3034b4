#!/usr/bin/env node
/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line, e.g.
 * `npm run bench -- validate`) one after the other, each in its own Node process so that
 * memory figures are its own, and collects their Markdown tables in bench-output/RESULTS.md.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const benchDir = path.join(root, "bench");
const wanted = process.argv.slice(2);
const files = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
const sections = [
  `# Kaona benchmarks`,
  ``,
  `${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} · ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
];
let failures = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const result = spawnSync(process.execPath, ["--expose-gc", tsxCli, path.join(benchDir, file)], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? "");
  if (result.status !== 0) failures++;
  sections.push("", `## ${file}`, "", (result.stdout ?? "").trim() || `(exited with ${result.status})`);
}
fs.mkdirSync(path.join(root, "bench-output"), { recursive: true });
fs.writeFileSync(path.join(root, "bench-output", "RESULTS.md"), sections.join("\n") + "\n");
console.log(`\nWrote bench-output/RESULTS.md (${files.length} benchmarks, ${failures} failed).`);
process.exit(failures ? 1 : 0);
