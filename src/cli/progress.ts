/**
 * Progress on stderr, both shown only once work has taken over a second:
 * - `ProgressBar`: a bar redrawn in place, for commands over many files (check, merge), on a
 *   terminal only, cleared when done;
 * - `progressOnStderr`: one line at most every second, for `kaona report --all` over
 *   thousands of projects (lines survive being piped to a log).
 */
import type { Lang } from "../domain/types";
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

export interface Progress {
  /** `done` of `total` items are finished (total: as given at the start unless told). */
  step(done: number, total?: number): void;
  /** The run ended; a final line when any progress was shown. */
  end(): void;
}

export function progressOnStderr(
  io: CliIO,
  total: number,
  lang: Lang,
  what: { th: string; en: string }
): Progress {
  const started = io.now().getTime();
  let lastShown = started;
  let shown = false;
  let lastDone = 0;
  let lastTotal = total;
  const line = (done: number) => {
    const seconds = ((io.now().getTime() - started) / 1000).toFixed(0);
    io.stderr(
      lang === "th"
        ? `kaona: ${what.th} ${done.toLocaleString("en-US")} / ${lastTotal.toLocaleString("en-US")} (${seconds} วินาที)\n`
        : `kaona: ${what.en} ${done.toLocaleString("en-US")} / ${lastTotal.toLocaleString("en-US")} (${seconds} s)\n`
    );
  };
  return {
    step(done, of = lastTotal) {
      lastDone = done;
      lastTotal = of;
      const now = io.now().getTime();
      if (now - started < DELAY_MS || now - lastShown < DELAY_MS) return;
      lastShown = now;
      shown = true;
      line(done);
    },
    end() {
      if (shown) line(lastDone);
    },
  };
}
