#!/usr/bin/env node
/**
 * `npm start`: on Windows and macOS, sideload Kaona into desktop Excel with
 * office-addin-debugging (which also starts the dev server) and open the sample workbook.
 * Elsewhere (Linux) sideloading does not exist: start the dev server and say where the
 * browser preview is and how to load manifest.xml into Excel on the web.
 *
 * office-addin-debugging exits 0 even when the sideload failed, so success is read from
 * what it prints ("Started." / "Debugging started.") and never assumed.
 */
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const previewUrl = `https://localhost:${port}/taskpane.html`;
const pidFile = path.join(os.tmpdir(), `kaona-dev-server-${port}.pid`);
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function webInstructions() {
  return [
    "",
    "  Kaona is being served at https://localhost:" + port,
    "",
    "  Browser preview (no Excel needed, sample workbook):",
    "    " + previewUrl,
    "    The dev certificate's CA is not installed on Linux: accept the browser's warning once.",
    "",
    "  In Excel on the web: open a workbook, Home > Add-ins > More add-ins > My add-ins >",
    "    Upload My Add-in, and choose " + path.join(root, "manifest.xml"),
    "",
    "  Stop with Ctrl+C (or `npm stop` from another terminal).",
    "",
  ].join("\n");
}

function startDevServer() {
  const server = spawn(bin("webpack"), ["serve", "--mode", "development"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    shell: process.platform === "win32",
  });
  fs.writeFileSync(pidFile, String(server.pid));
  let announced = false;
  const watch = (chunk, stream) => {
    stream.write(chunk);
    if (!announced && /compiled (successfully|with \d+ warning)/.test(chunk.toString())) {
      announced = true;
      console.log(webInstructions());
    }
    if (/compiled with \d+ error/.test(chunk.toString())) {
      console.error("\n  The build failed: see the errors above. The dev server keeps watching for fixes.\n");
    }
  };
  server.stdout.on("data", (chunk) => watch(chunk, process.stdout));
  server.stderr.on("data", (chunk) => watch(chunk, process.stderr));
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => {
    fs.rmSync(pidFile, { force: true });
    process.exit(code ?? 0);
  });
}

/** Writes the sample workbook (both seed projects as bound-ready tables) for Excel to open. */
function writeSampleWorkbook() {
  const sample = path.join(root, "test-output", "sample", "kaona-sample.xlsx");
  fs.mkdirSync(path.dirname(sample), { recursive: true });
  const result = spawnSync(process.execPath, [path.join(root, "bin", "kaona.js"), "sample", "-o", sample], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return result.status === 0 ? sample : null;
}

function sideload() {
  const args = ["start", "manifest.xml", "desktop", "--app", "excel"];
  const sample = writeSampleWorkbook();
  if (sample) args.push("--document", sample);
  else console.warn("  Could not write the sample workbook; Excel opens without it.");
  const child = spawn(bin("office-addin-debugging"), args, { cwd: root, shell: process.platform === "win32" });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
    process.stderr.write(chunk);
  });
  child.on("exit", (code) => {
    const started = /^(Debugging started|Started)\.\s*$/m.test(output) && !/Unable to/i.test(output);
    if (code === 0 && started) {
      console.log(`\n  Kaona is sideloaded into Excel. The preview is also at ${previewUrl}\n  Stop with \`npm stop\`.\n`);
      return;
    }
    console.error("\n  Sideloading into Excel did not succeed (see the messages above).");
    console.error("  Try: npm stop, close Excel, clear Office's add-in cache (README, Troubleshooting), npm start.");
    console.error(`  The browser preview may still be running at ${previewUrl}\n`);
    process.exit(1);
  });
}

if (process.platform === "win32" || process.platform === "darwin") {
  sideload();
} else {
  console.log(`  Sideloading into desktop Excel is not possible on ${process.platform}; starting the dev server and the browser preview.`);
  startDevServer();
}
