/**
 * Reads an .xlsx file into the domain's RawTables, for the Node CLI: the file's bytes go
 * through the streaming grid reader (grids.ts, which also runs in the browser), then table
 * discovery (src/domain/discovery) finds the tables in the grids. Values arrive as
 * Office.js would give them: dates as Excel serials, formulas as their cached results, rich
 * text as text, error values as "#N/A"-style text. Node only (reads the file from disk).
 */
import { readFile, stat } from "node:fs/promises";
import { discoverTables } from "../../domain/discovery";
import type { SheetGrid } from "../../domain/grid";
import type { Lang, RawTable } from "../../domain/types";
import { readWorkbookGrids } from "./grids";
import { unreadableMessage, WorkbookReadError, type UnreadableKind } from "./unreadable";

/** Why a file could not be read, in one line (Thai and English), for the CLI. */
export class XlsxReadError extends Error {
  constructor(
    readonly kind: UnreadableKind,
    readonly file: string
  ) {
    super(unreadableMessage(kind, file).en);
    this.name = "XlsxReadError";
  }

  text(lang: Lang): string {
    return unreadableMessage(this.kind, this.file)[lang];
  }
}

function fileErrorKind(error: unknown): UnreadableKind | undefined {
  const code =
    typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (code === "ENOENT" || code === "ENOTDIR") return "not-found";
  if (code === "EISDIR") return "directory";
  if (code === "EACCES" || code === "EPERM") return "no-permission";
  return undefined;
}

/** Reads an .xlsx file's sheets; throws XlsxReadError when it cannot. */
export async function readXlsxGrids(
  source: string | Uint8Array | ArrayBuffer,
  label = typeof source === "string" ? source : "the workbook"
): Promise<SheetGrid[]> {
  let bytes: Uint8Array | ArrayBuffer;
  if (typeof source === "string") {
    try {
      if ((await stat(source)).isDirectory()) throw new XlsxReadError("directory", label);
      bytes = await readFile(source);
    } catch (error) {
      if (error instanceof XlsxReadError) throw error;
      throw new XlsxReadError(fileErrorKind(error) ?? "damaged", label);
    }
  } else bytes = source;
  try {
    return await readWorkbookGrids(bytes);
  } catch (error) {
    throw new XlsxReadError(WorkbookReadError.from(error).kind, label);
  }
}

/** The tables table discovery finds in a workbook's sheets (used or not), in sheet order:
 * Excel tables, and plain ranges with their header found below any title rows. */
export function rawTablesOfGrids(grids: readonly SheetGrid[]): RawTable[] {
  return discoverTables(grids).found.map((entry) => entry.table);
}

/** Reads an .xlsx file (path or bytes) into RawTables; throws XlsxReadError, with a one-line
 * reason, when it cannot. */
export async function readXlsxTables(
  source: string | Uint8Array | ArrayBuffer
): Promise<RawTable[]> {
  return rawTablesOfGrids(await readXlsxGrids(source));
}
