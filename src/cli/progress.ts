/**
 * Progress on stderr for the long commands (check and merge over many files, `report --all`
 * over thousands of projects), shown only once the work has taken over a second:
 * - on a terminal, a bar redrawn in place, cleared when done (or paused for other output);
 * - elsewhere, for commands that ask for it, one line at most every second and a final line
 *   (lines survive being piped to a log); the others stay quiet off a terminal.
 */
import type { Lang } from "../domain/types";
import type { CliIO } from "./io";

const WIDTH = 24;
const DELAY_MS = 1000;
const LABEL_MAX = 40;

export interface ProgressOptions {
  lang: Lang;
  /** What is being done, e.g. "laying out project reports": the lines say it; the bar, when no item is named. */
  what: { th: string; en: string };
  /** Off a terminal: a line at most every second, or nothing. */
  offTerminal: "lines" | "quiet";
}

export class Progress {
  private readonly started: number;
  private lastLine: number;
  private barShown = false;
  private lineShown = false;
  private done = 0;

  constructor(
    private readonly io: CliIO,
    private total: number,
    private readonly options: ProgressOptions
  ) {
    this.started = this.clock();
    this.lastLine = this.started;
  }

  private clock(): number {
    return this.io.clockMs ? this.io.clockMs() : this.io.now().getTime();
  }

  /** `done` of `total` items are finished (total: as given at the start unless told);
   * `label` names the item being worked on (the bar shows it). */
  step(done: number, total: number = this.total, label?: string): void {
    this.done = done;
    this.total = total;
    const now = this.clock();
    if (now - this.started < DELAY_MS) return;
    if (this.io.stderrIsTerminal) this.drawBar(label);
    else if (this.options.offTerminal === "lines" && now - this.lastLine >= DELAY_MS) {
      this.lastLine = now;
      this.writeLine(now);
    }
  }

  /** Clears the bar before other text goes to stderr or stdout; the next step redraws it. */
  pause(): void {
    if (this.barShown) this.io.stderr("\r\u001b[K");
    this.barShown = false;
  }

  /** The run ended: the bar is cleared; after lines, a final line with the last count. */
  end(): void {
    this.pause();
    if (this.lineShown) this.writeLine(this.clock());
    this.lineShown = false;
  }

  private drawBar(label: string | undefined): void {
    if (this.total <= 0) return;
    const filled = Math.round((WIDTH * Math.min(this.done, this.total)) / this.total);
    const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
    const text = label ?? this.options.what[this.options.lang];
    const name = text.length > LABEL_MAX ? `…${text.slice(-(LABEL_MAX - 1))}` : text;
    this.io.stderr(`\r[${bar}] ${this.done}/${this.total} ${name}\u001b[K`);
    this.barShown = true;
  }

  private writeLine(now: number): void {
    const { lang, what } = this.options;
    const seconds = ((now - this.started) / 1000).toFixed(0);
    const count = `${this.done.toLocaleString("en-US")} / ${this.total.toLocaleString("en-US")}`;
    this.io.stderr(
      lang === "th"
        ? `kaona: ${what.th} ${count} (${seconds} วินาที)\n`
        : `kaona: ${what.en} ${count} (${seconds} s)\n`
    );
    this.lineShown = true;
  }
}
