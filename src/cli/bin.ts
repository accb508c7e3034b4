/**
 * The `kaona` command as a program: the entry of the built CLI (dist/cli/kaona.js, see
 * webpack.cli.config.js). Run directly (`node dist/cli/kaona.js check book.xlsx`) it runs
 * the command line and sets the exit code exactly as bin/kaona.js does; loaded by
 * bin/kaona.js it only hands over `main`. (The built file used to export `main` and do
 * nothing when run: a batch script saw exit 0 for every workbook.)
 */
import { realpathSync } from "node:fs";
import { main } from "./main";

export { main };

function firstLine(error: unknown): string {
  return String((error instanceof Error && error.message) || error).split("\n")[0];
}

/** Runs the command line and sets the process's exit code; never throws. */
function runCommandLine(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  return main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`kaona: ${firstLine(error)}\n`);
      process.exitCode = 2;
    }
  );
}

/** Whether this file is the script Node was started with (not loaded by bin/kaona.js). */
function isStartedScript(): boolean {
  const script = process.argv[1];
  if (!script || typeof __filename !== "string") return false;
  try {
    return realpathSync(script) === realpathSync(__filename);
  } catch {
    return false;
  }
}

if (isStartedScript()) void runCommandLine();
