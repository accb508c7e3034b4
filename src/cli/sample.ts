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
import { EXIT_OK, EXIT_UNUSABLE, type CliCommand } from "./io";

const USAGE = "usage: kaona sample -o <out.xlsx>";

export const sampleCommand: CliCommand = {
  name: "sample",
  summary: "write the sample workbook (both seed projects) to an .xlsx",
  usage: USAGE,
  async run(args, io) {
    if (args.includes("--help") || args.includes("-h")) {
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    const flag = args.findIndex((arg) => arg === "-o" || arg === "--output");
    const out = flag >= 0 ? args[flag + 1] : undefined;
    if (!out || out.startsWith("-")) {
      io.stderr(`kaona sample: say where to write it\n${USAGE}\n`);
      return EXIT_UNUSABLE;
    }
    await writeTablesXlsx(
      out,
      TABLE_KINDS.map((kind) => ({ kind, table: SAMPLE_TABLES[kind] }))
    );
    io.stdout(`${path.resolve(out)}\n`);
    return EXIT_OK;
  },
};
