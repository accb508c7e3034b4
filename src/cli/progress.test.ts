import type { CliIO } from "./io";
import { Progress, type ProgressOptions } from "./progress";

/** An IO whose clock moves `stepMs` each time it is read; `terminal` says where stderr goes. */
function clockIO(stepMs: number, terminal: boolean): { io: CliIO; written: string[] } {
  let t = Date.UTC(2024, 0, 1);
  const written: string[] = [];
  const io: CliIO = {
    stdout: () => undefined,
    stderr: (text) => void written.push(text),
    now: () => new Date((t += stepMs)),
    stderrIsTerminal: terminal,
  };
  return { io, written };
}

const reports: ProgressOptions = {
  lang: "th",
  what: { th: "จัดรูปแบบรายงานโครงการ", en: "laying out project reports" },
  offTerminal: "lines",
};

describe("Progress", () => {
  it.each([true, false])(
    "says nothing for a run shorter than a second (terminal: %s)",
    (terminal) => {
      const { io, written } = clockIO(10, terminal);
      const progress = new Progress(io, 50, { ...reports, lang: "en" });
      for (let i = 0; i <= 50; i++) progress.step(i, 50, `file ${i}.xlsx`);
      progress.end();
      expect(written).toEqual([]);
    }
  );

  it("off a terminal, writes a line at most once a second, then the final count, in the user's language", () => {
    const { io, written } = clockIO(400, false);
    const progress = new Progress(io, 5000, reports);
    for (let i = 0; i <= 10; i++) progress.step(i * 500);
    progress.end();
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThanOrEqual(6);
    for (const line of written)
      expect(line).toMatch(/^kaona: จัดรูปแบบรายงานโครงการ \d[\d,]* \/ 5,000 \(\d+ วินาที\)\n$/);
    expect(written[written.length - 1]).toMatch(/ 5,000 \/ 5,000 /);
  });

  it("off a terminal, stays quiet when the command asks for no lines", () => {
    const { io, written } = clockIO(700, false);
    const progress = new Progress(io, 3, { ...reports, offTerminal: "quiet" });
    for (let i = 0; i <= 3; i++) progress.step(i, 3, "a.xlsx");
    progress.end();
    expect(written).toEqual([]);
  });

  it("on a terminal, redraws one bar in place with the item's name, and clears it at the end", () => {
    const { io, written } = clockIO(700, true);
    const progress = new Progress(io, 4, { ...reports, lang: "en" });
    const long = `/data/${"หน่วยงาน".repeat(10)}/report.xlsx`;
    progress.step(0, 4, "first.xlsx");
    progress.step(2, 4, long);
    progress.step(4);
    progress.end();
    expect(written.every((text) => !text.includes("\n"))).toBe(true);
    expect(written).toContain(`\r[############------------] 2/4 …${long.slice(-39)}\u001b[K`);
    // Without an item's name the bar says what is being done.
    expect(written).toContain(
      `\r[########################] 4/4 laying out project reports\u001b[K`
    );
    expect(written[written.length - 1]).toBe("\r\u001b[K");
  });

  it("on a terminal, pause clears the bar for other output and the next step redraws it", () => {
    const { io, written } = clockIO(700, true);
    const progress = new Progress(io, 2, { ...reports, offTerminal: "quiet" });
    progress.step(1, 2, "a.xlsx");
    progress.step(1, 2, "a.xlsx");
    const drawn = written.length;
    expect(drawn).toBe(1);
    progress.pause();
    progress.pause();
    expect(written.slice(drawn)).toEqual(["\r\u001b[K"]);
    progress.step(2, 2, "b.xlsx");
    expect(written[written.length - 1]).toBe("\r[########################] 2/2 b.xlsx\u001b[K");
  });
});
