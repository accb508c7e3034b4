/**
 * Reading the workbook a command is given and finding its tables: the same for every
 * command. The file is read into sheet grids, and table discovery (the `findTables` use
 * case) finds every Projects, Rounds and Indicators table in them. A file that cannot be
 * read is one line on stderr and exit code 2.
 */
import type { Lang } from "../domain/types";
import { findTables, type FoundTables } from "../usecases/findTables";
import { readXlsxGrids, XlsxReadError } from "../workbook/xlsx/readXlsx";
import { unreadableMessage } from "../workbook/xlsx/unreadable";
import { EXIT_UNUSABLE, type CliIO } from "./io";

export type ReadWorkbook = FoundTables;

/** The workbook's tables, or the exit code after saying why not. */
export async function readWorkbookTables(
  command: string,
  file: string,
  io: CliIO,
  lang: Lang = "th"
): Promise<ReadWorkbook | number> {
  try {
    return findTables(await readXlsxGrids(file));
  } catch (error) {
    // What the file is and what to do, in the user's language; never a JavaScript error.
    const reason =
      error instanceof XlsxReadError ? error.text(lang) : unreadableMessage("damaged", file)[lang];
    io.stderr(`kaona ${command}: ${reason}\n`);
    return EXIT_UNUSABLE;
  }
}
