/**
 * Progress on stderr for long runs (`kaona report --all` over thousands of projects): silent
 * for the first second, then one line at most every second, and a last line when done.
 * Time comes from the injected clock, so tests with a fixed `now` never see progress.
 */
import type { Lang } from "../domain/types";
import type { CliIO } from "./io";

const QUIET_MS = 1000;

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
      if (now - started < QUIET_MS || now - lastShown < QUIET_MS) return;
      lastShown = now;
      shown = true;
      line(done);
    },
    end() {
      if (shown) line(lastDone);
    },
  };
}
