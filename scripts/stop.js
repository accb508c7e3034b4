#!/usr/bin/env node
/** `npm stop`: the reverse of `npm start` (see scripts/start.js). */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const pidFile = path.join(os.tmpdir(), `kaona-dev-server-${port}.pid`);

if (process.platform === "win32" || process.platform === "darwin") {
  const bin = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  const result = spawnSync(bin, ["stop", "manifest.xml"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  process.exit(result.status ?? 1);
}

if (!fs.existsSync(pidFile)) {
  console.log("No Kaona dev server started by `npm start` is running.");
  process.exit(0);
}
const pid = Number(fs.readFileSync(pidFile, "utf8"));
try {
  process.kill(pid, "SIGTERM");
  console.log(`Stopped the dev server (process ${pid}).`);
} catch {
  console.log(`The dev server (process ${pid}) had already stopped.`);
}
fs.rmSync(pidFile, { force: true });
