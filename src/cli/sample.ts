/**
 * `kaona sample -o kaona-sample.xlsx`: writes the sample workbook (the two seed projects,
 * their rounds and seed 000's sample indicators) as Excel tables with Thai headers, BE date
 * formats and dropdowns — the workbook `npm start` opens in Excel, and a file to try
 * `kaona check` and `kaona report` on.
 */
import path from "node:path";
import { SAMPLE_TABLES } from "../domain/sample";
import { TABLE_KINDS } from "../domain/schema";
import { writeTablesXlsx } from "../workbook/xlsx/writeXlsx";
import { optionsOrExit, parseOptions } from "./args";
import { EXIT_OK, type CliCommand } from "./io";

const USAGE = "usage: kaona sample -o <out.xlsx>";

/** The path to write, or why the arguments are not usable. */
function parseSampleArgs(args: readonly string[]): string | { out: string } {
  const parsed = parseOptions(args, {
    output: { type: "string", short: "o", takes: "say where to write it" },
  });
  if (typeof parsed === "string") return parsed;
  const out = parsed.values.output;
  return typeof out === "string" && out !== "" ? { out } : "say where to write it";
}

export const sampleCommand: CliCommand = {
  name: "sample",
  summary: "write the sample workbook (both seed projects) to an .xlsx",
  usage: USAGE,
  async run(args, io) {
    const out = optionsOrExit("sample", USAGE, args, io, parseSampleArgs);
    if (typeof out === "number") return out;
    await writeTablesXlsx(
      out.out,
      TABLE_KINDS.map((kind) => ({ kind, table: SAMPLE_TABLES[kind] }))
    );
    io.stdout(`${path.resolve(out.out)}\n`);
    return EXIT_OK;
  },
};
