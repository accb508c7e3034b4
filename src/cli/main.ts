/**
 * The `kaona` command line: dispatches to a subcommand. Each command lives in its own
 * file and registers here; add new ones (e.g. `report`, in src/cli/report.ts) to COMMANDS.
 * Nothing escapes as a stack trace: an unexpected failure is one line and exit code 2.
 */
import { checkCommand } from "./check";
import { mergeCommand } from "./merge";
import { importCommand } from "./import";
import { reportCommand } from "./report";
import { sampleCommand } from "./sample";
import { EXIT_OK, EXIT_UNUSABLE, processIO, type CliCommand, type CliIO } from "./io";

export const COMMANDS: readonly CliCommand[] = [
  checkCommand,
  reportCommand,
  mergeCommand,
  sampleCommand,
  importCommand,
];

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = ["usage: kaona <command> [options]", "", "commands:"];
  for (const command of commands) lines.push(`  ${command.name.padEnd(width)}  ${command.summary}`);
  lines.push("", "kaona <command> --help shows the command's options.");
  return `${lines.join("\n")}\n`;
}

/** Runs the command `argv` names; `commands` is there for tests. */
export async function main(
  argv: readonly string[],
  io: CliIO = processIO,
  commands: readonly CliCommand[] = COMMANDS
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText(commands));
    return name === undefined ? EXIT_UNUSABLE : EXIT_OK;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`kaona: unknown command "${name}"\n${helpText(commands)}`);
    return EXIT_UNUSABLE;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.stderr(`kaona ${name}: ${reason}\n`);
    return EXIT_UNUSABLE;
  }
}
