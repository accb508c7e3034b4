/**
 * When Kaona refuses to write, for every workbook (Excel and memory): one rule and one
 * message for each refusal. A sheet is replaced only when Kaona's mark vouches for it, it
 * is not protected, and its content is what Kaona wrote (unless the person said to
 * overwrite their edits); a sheet or table name already taken is never reused.
 */
import { matchMark, type GeneratedSheetMark, type GeneratedSheets } from "./bindingsStore";
import { WorkbookError } from "./port";

/** A sheet of that name exists already (creating a table on a new sheet). */
export function sheetNameTaken(sheet: string): WorkbookError {
  return new WorkbookError("sheet-conflict", `a sheet named "${sheet}" already exists`, {
    sheet,
    conflict: "not-generated",
  });
}

/** A table of that name exists already (Excel's table names are workbook-wide). */
export function tableNameTaken(table: string): WorkbookError {
  return new WorkbookError("sheet-conflict", `a table named "${table}" already exists`, {
    table,
    conflict: "not-generated",
  });
}

/** The sheet is protected: Kaona does not unprotect it. */
export function sheetProtected(sheet: string, table?: string): WorkbookError {
  return new WorkbookError("sheet-protected", `"${sheet}" is protected`, {
    sheet,
    ...(table !== undefined ? { table } : {}),
  });
}

/** No mark of Kaona's vouches for the sheet: it is the person's. */
function notMadeByKaona(sheet: string): WorkbookError {
  return new WorkbookError("sheet-conflict", `"${sheet}" was not made by Kaona`, {
    sheet,
    conflict: "not-generated",
  });
}

/** Kaona made the sheet, but its content changed since. */
function editedSinceGenerated(sheet: string): WorkbookError {
  return new WorkbookError("sheet-conflict", `"${sheet}" was edited since Kaona made it`, {
    sheet,
    conflict: "edited",
  });
}

/** What a workbook knows of an existing sheet it is asked to replace. */
export interface ReplacementCandidate {
  id: string;
  name: string;
  /** Ids of every sheet in the workbook now (a mark for a gone id trusts content only). */
  liveIds: ReadonlySet<string>;
  isProtected: boolean;
  /** The content fingerprint of the sheet as it is; read only once the cheaper rules pass. */
  fingerprint: () => string | Promise<string>;
}

/**
 * The mark that lets Kaona replace `sheet`, or the refusal, in this order: not Kaona's,
 * protected, edited since (unless `overwriteEdited`). A mark whose sheet is gone vouches
 * for a same-named sheet only by content: edited, it is not Kaona's.
 */
export async function vetReplacement(
  generated: GeneratedSheets,
  sheet: ReplacementCandidate,
  overwriteEdited = false
): Promise<GeneratedSheetMark> {
  const match = matchMark(generated, sheet.id, sheet.name, sheet.liveIds);
  if (!match) throw notMadeByKaona(sheet.name);
  if (sheet.isProtected) throw sheetProtected(sheet.name);
  if ((await sheet.fingerprint()) !== match.mark.fingerprint) {
    if (match.trust === "content") throw notMadeByKaona(sheet.name);
    if (!overwriteEdited) throw editedSinceGenerated(sheet.name);
  }
  return match.mark;
}
