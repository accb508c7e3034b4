/**
 * Reading the workbook a command is given and choosing its tables: the same for every
 * command. A file that cannot be read is one line on stderr (what kind of
 * file it is, in the chosen language) and exit code 2.
 */
import type { Lang, RawTable, TableKind } from "../domain/types";
import { chooseTables, chosenTables, type TableChoice } from "../usecases/chooseTables";
import { readXlsxTables, XlsxReadError } from "../workbook/xlsx/readXlsx";
import { unreadableMessage } from "../workbook/xlsx/unreadable";
import { EXIT_UNUSABLE, type CliIO } from "./io";

export interface ReadWorkbook {
  choices: TableChoice<RawTable>[];
  /** The table chosen for each kind. */
  used: Partial<Record<TableKind, RawTable>>;
}

/** The workbook's tables and the one chosen for each kind, or the exit code after saying why not. */
export async function readWorkbookTables(
  command: string,
  file: string,
  io: CliIO,
  lang: Lang = "th"
): Promise<ReadWorkbook | number> {
  let tables: RawTable[];
  try {
    tables = await readXlsxTables(file);
  } catch (error) {
    // What the file is and what to do, in the user's language; never a JavaScript error.
    const reason =
      error instanceof XlsxReadError ? error.text(lang) : unreadableMessage("damaged", file)[lang];
    io.stderr(`kaona ${command}: ${reason}\n`);
    return EXIT_UNUSABLE;
  }
  const choices = chooseTables(tables);
  return { choices, used: chosenTables(choices) };
}
