import type { CliCommand, CliIO } from "./io";
import { COMMANDS, main } from "./main";

function captured(): { io: CliIO; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      now: () => new Date(2024, 0, 1),
    },
    out: () => out,
    err: () => err,
  };
}

describe("kaona main", () => {
  it("lists its commands on --help (exit 0) and without a command (exit 2)", async () => {
    const help = captured();
    expect(await main(["--help"], help.io)).toBe(0);
    expect(help.out()).toContain("usage: kaona <command>");
    expect(help.out()).toMatch(/check\s+check a workbook/);
    const bare = captured();
    expect(await main([], bare.io)).toBe(2);
  });

  it("refuses an unknown command with exit 2", async () => {
    const run = captured();
    expect(await main(["frobnicate"], run.io)).toBe(2);
    expect(run.err()).toMatch(/^kaona: unknown command "frobnicate"/);
  });

  it("turns a command's unexpected failure into one line and exit 2", async () => {
    const failing: CliCommand = {
      name: "boom",
      summary: "fails",
      usage: "",
      run: async () => Promise.reject(new Error("disk on fire\n    at somewhere (x.ts:1:1)")),
    };
    const run = captured();
    expect(await main(["boom"], run.io, [...COMMANDS, failing])).toBe(2);
    expect(run.err()).toBe("kaona boom: disk on fire\n");
  });

  it("passes --help through to a command", async () => {
    const run = captured();
    expect(await main(["check", "--help"], run.io)).toBe(0);
    expect(run.out()).toContain("--format table|json");
  });
});
