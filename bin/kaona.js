#!/usr/bin/env node
/* The `kaona` command. Runs the built CLI (dist/cli/kaona.js) when there is one; in a
 * source checkout it compiles src/cli/main.ts on the fly with tsx. */
/* global require, __dirname, process */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

function loadCli() {
  const built = path.join(__dirname, "..", "dist", "cli", "kaona.js");
  if (fs.existsSync(built)) return require(built);
  require("tsx/cjs");
  return require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}

let cli;
try {
  cli = loadCli();
} catch (error) {
  process.stderr.write(
    `kaona: cannot start: ${String((error && error.message) || error).split("\n")[0]}\n`
  );
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`kaona: ${String((error && error.message) || error).split("\n")[0]}\n`);
    process.exitCode = 2;
  }
);
