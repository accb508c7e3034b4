/** What a CLI command may do to the outside world; tests pass their own. */
export interface CliIO {
  /** Writes text as is (add the newline yourself). */
  stdout(text: string): void;
  stderr(text: string): void;
  /** "Today" as a JavaScript Date (injected so that tests do not depend on the clock). */
  now(): Date;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  stderrIsTerminal?: boolean;
  /** A monotonic clock in milliseconds (progress bars appear after a second). */
  clockMs?(): number;
}

export const processIO: CliIO = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  now: () => new Date(),
  stderrIsTerminal: process.stderr.isTTY === true,
  clockMs: () => performance.now(),
};

/** Exit codes of every command. */
export const EXIT_OK = 0;
/** The command ran and found errors (for `check`: errors in the workbook). */
export const EXIT_FINDINGS = 1;
/** The command could not run: bad arguments, unreadable file. */
export const EXIT_UNUSABLE = 2;

export interface CliCommand {
  name: string;
  /** One line for `kaona --help`. */
  summary: string;
  usage: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}
