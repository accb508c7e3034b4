/**
 * A progress bar on stderr for commands over many files: shown only on a terminal and only
 * once the work has taken over a second, cleared when done.
 */
import type { CliIO } from "./io";

const WIDTH = 24;
const DELAY_MS = 1000;

export class ProgressBar {
  private readonly started: number;
  private shown = false;

  constructor(
    private readonly io: CliIO,
    private readonly total: number
  ) {
    this.started = this.elapsed();
  }

  private elapsed(): number {
    return this.io.clockMs ? this.io.clockMs() : performance.now();
  }

  /** `done` items are finished; `label` is the one being worked on. */
  update(done: number, label: string): void {
    if (!this.io.stderrIsTerminal || this.total <= 0) return;
    if (this.elapsed() - this.started < DELAY_MS) return;
    const filled = Math.round((WIDTH * Math.min(done, this.total)) / this.total);
    const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
    const name = label.length > 40 ? `…${label.slice(-39)}` : label;
    this.io.stderr(`\r[${bar}] ${done}/${this.total} ${name}\u001b[K`);
    this.shown = true;
  }

  finish(): void {
    if (this.shown) this.io.stderr("\r\u001b[K");
    this.shown = false;
  }
}
