import type { CliIO } from "./io";
import { progressOnStderr } from "./progress";

function clockIO(stepMs: number): { io: CliIO; lines: string[] } {
  let t = Date.UTC(2024, 0, 1);
  const lines: string[] = [];
  const io: CliIO = {
    stdout: () => undefined,
    stderr: (text) => void lines.push(text),
    now: () => new Date((t += stepMs)),
  };
  return { io, lines };
}

describe("progressOnStderr", () => {
  const what = { th: "จัดรูปแบบรายงานโครงการ", en: "laying out project reports" };

  it("says nothing for a run shorter than a second", () => {
    const { io, lines } = clockIO(10);
    const progress = progressOnStderr(io, 50, "en", what);
    for (let i = 0; i <= 50; i++) progress.step(i);
    progress.end();
    expect(lines).toEqual([]);
  });

  it("reports at most once a second, then the final count, in the user's language", () => {
    const { io, lines } = clockIO(400);
    const progress = progressOnStderr(io, 5000, "th", what);
    for (let i = 0; i <= 10; i++) progress.step(i * 500);
    progress.end();
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(lines[0]).toMatch(/^kaona: จัดรูปแบบรายงานโครงการ \d[\d,]* \/ 5,000 \(\d+ วินาที\)\n$/);
    expect(lines[lines.length - 1]).toMatch(/ 5,000 \/ 5,000 /);
  });
});
