/**
 * Reading the workbook a command is given and choosing its tables: the same for every
 * command. A file that cannot be read is one line on stderr and exit code 2.
 */
import type { RawTable, TableKind } from "../domain/types";
import { chooseTables, chosenTables, type TableChoice } from "../usecases/chooseTables";
import { readXlsxTables, XlsxReadError } from "../workbook/xlsx/readXlsx";
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
  io: CliIO
): Promise<ReadWorkbook | number> {
  let tables: RawTable[];
  try {
    tables = await readXlsxTables(file);
  } catch (error) {
    const reason = error instanceof XlsxReadError ? error.message : `${file} could not be read`;
    io.stderr(`kaona ${command}: ${reason}\n`);
    return EXIT_UNUSABLE;
  }
  const choices = chooseTables(tables);
  return { choices, used: chosenTables(choices) };
}
