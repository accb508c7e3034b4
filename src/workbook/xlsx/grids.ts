/**
 * Reads an .xlsx file's bytes into SheetGrids (src/domain/grid.ts), streaming: the zip is
 * opened once, the shared strings and cell styles are read first, then each sheet's XML is
 * inflated and scanned piece by piece, so memory holds the values, never a workbook object
 * model. Runs in Node and in the browser (no file system here: callers pass the bytes).
 * Bytes that are not a workbook fail with a WorkbookReadError saying what they are.
 */
import type { GridTable, SheetGrid, SheetVisibility } from "../../domain/grid";
import { rangeCorners } from "../../domain/a1";
import { BUILTIN_NUMBER_FORMATS } from "./builtinFormats";
import { isDateFormat, SheetXmlReader, type SheetContext } from "./sheetXml";
import { decodeOoxmlEscapes, decodeText, scanXml, XmlScanner, type XmlTag } from "./xmlScanner";
import { findEntry, openZip, readEntry, streamEntry, ZipFormatError, type ZipArchive } from "./zip";
import { classifyUnreadable, WorkbookReadError } from "./unreadable";

export { WorkbookReadError } from "./unreadable";

interface Relationship {
  type: string;
  /** The target's part name, resolved, without a leading "/". */
  target: string;
  external: boolean;
}

/** Resolves a relationship target against the folder of the part that refers to it. */
function resolvePart(base: string, target: string): string {
  const parts = target.startsWith("/") ? [] : base.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "" || piece === ".") continue;
    if (piece === "..") parts.pop();
    else parts.push(piece);
  }
  return parts.join("/");
}

function relationshipsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Runs the scanner over a whole (small) part, for its start tags. */
function scan(bytes: Uint8Array, open: (name: string, tag: XmlTag) => void): void {
  scanXml(bytes, {
    open: (name, tag) => open(name, tag),
    close: () => undefined,
    text: () => undefined,
    wantsText: false,
  });
}

async function readRelationships(
  zip: ZipArchive,
  part: string
): Promise<Map<string, Relationship>> {
  const relationships = new Map<string, Relationship>();
  const entry = findEntry(zip, relationshipsPath(part));
  if (!entry) return relationships;
  scan(await readEntry(zip, entry), (name, tag) => {
    if (name !== "Relationship") return;
    const id = tag.attribute("Id");
    const target = tag.attribute("Target");
    if (!id || target === undefined) return;
    const external = tag.attribute("TargetMode") === "External";
    relationships.set(id, {
      type: tag.attribute("Type") ?? "",
      target: external ? target : resolvePart(part, decodeURI(target)),
      external,
    });
  });
  return relationships;
}

function byType(
  relationships: Map<string, Relationship>,
  suffix: string
): Relationship | undefined {
  for (const relationship of relationships.values())
    if (!relationship.external && relationship.type.endsWith(suffix)) return relationship;
  return undefined;
}

interface SheetEntry {
  name: string;
  visibility: SheetVisibility;
  relationship: string;
}

interface WorkbookPart {
  sheets: SheetEntry[];
  /** The workbook counts days from 1904 (a Mac Excel option). */
  date1904: boolean;
}

async function readWorkbookPart(zip: ZipArchive, part: string): Promise<WorkbookPart> {
  const entry = findEntry(zip, part);
  if (!entry) throw new WorkbookReadError("not-spreadsheet", `no ${part}`);
  const sheets: SheetEntry[] = [];
  let isWorkbook = false;
  let date1904 = false;
  scan(await readEntry(zip, entry), (name, tag) => {
    if (name === "workbook") isWorkbook = true;
    if (name === "workbookPr") {
      const value = tag.attribute("date1904");
      date1904 = value === "1" || value === "true";
    }
    if (name !== "sheet") return;
    const state = tag.attribute("state");
    sheets.push({
      name: tag.attribute("name") ?? `Sheet${sheets.length + 1}`,
      visibility: state === "hidden" || state === "veryHidden" ? state : "visible",
      relationship: tag.prefixedAttribute("id") ?? "",
    });
  });
  // A word-processing or presentation package has an office document, but no workbook.
  if (!isWorkbook) throw new WorkbookReadError("not-spreadsheet", `${part} is not a workbook`);
  return { sheets, date1904 };
}

/** The number format of each cell style (cellXfs), General as undefined. */
async function readStyleFormats(
  zip: ZipArchive,
  part: string | undefined
): Promise<(string | undefined)[]> {
  const entry = part ? findEntry(zip, part) : undefined;
  if (!entry) return [];
  const custom = new Map<number, string>();
  const formats: (string | undefined)[] = [];
  let inCellXfs = false;
  new XmlScanner({
    open(name, tag, selfClosing) {
      if (name === "numFmt") {
        const id = Number(tag.attribute("numFmtId"));
        const code = tag.attribute("formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === "cellXfs") inCellXfs = !selfClosing;
      else if (name === "xf" && inCellXfs) {
        const id = Number(tag.attribute("numFmtId") ?? 0);
        const code = custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id];
        formats.push(code === undefined || code === "General" || code === "" ? undefined : code);
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text: () => undefined,
    wantsText: false,
  }).feed(await readEntry(zip, entry));
  return formats;
}

/** The shared strings, rich text runs joined, phonetic runs left out. */
async function readSharedStrings(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  const entry = part ? findEntry(zip, part) : undefined;
  if (!entry) return [];
  const strings: string[] = [];
  let current = "";
  let inItem = false;
  let phonetic = false;
  const handler = {
    wantsText: false,
    open(name: string, _tag: XmlTag, selfClosing: boolean) {
      if (name === "si") {
        inItem = !selfClosing;
        current = "";
        if (selfClosing) strings.push("");
      } else if (name === "rPh") phonetic = !selfClosing;
      else if (name === "t" && inItem && !phonetic && !selfClosing) handler.wantsText = true;
    },
    close(name: string) {
      if (name === "t") handler.wantsText = false;
      else if (name === "rPh") phonetic = false;
      else if (name === "si" && inItem) {
        inItem = false;
        strings.push(decodeOoxmlEscapes(current));
      }
    },
    text(bytes: Uint8Array, start: number, end: number, cdata: boolean) {
      current += decodeText(bytes, start, end, cdata);
    },
  };
  const scanner = new XmlScanner(handler);
  await streamEntry(zip, entry, (piece) => scanner.feed(piece));
  return strings;
}

async function readTable(zip: ZipArchive, part: string): Promise<GridTable | undefined> {
  const entry = findEntry(zip, part);
  if (!entry) return undefined;
  let table: GridTable | undefined;
  scan(await readEntry(zip, entry), (name, tag) => {
    if (name !== "table" || table) return;
    const corners = rangeCorners(tag.attribute("ref") ?? "");
    if (!corners) return;
    table = {
      name: tag.attribute("displayName") ?? tag.attribute("name") ?? "",
      ref: corners,
      hasHeaderRow: tag.attribute("headerRowCount") !== "0",
      hasTotalsRow: Number(tag.attribute("totalsRowCount") ?? 0) > 0,
    };
  });
  return table;
}

async function readSheet(
  zip: ZipArchive,
  part: string,
  context: SheetContext,
  sheet: SheetEntry,
  index: number
): Promise<SheetGrid> {
  const reader = new SheetXmlReader(context);
  const entry = findEntry(zip, part);
  if (entry) {
    const scanner = new XmlScanner(reader);
    await streamEntry(zip, entry, (piece) => scanner.feed(piece));
  }
  const content = reader.content;
  const tables: GridTable[] = [];
  if (content.tableRelationships.length > 0) {
    const relationships = await readRelationships(zip, part);
    for (const id of content.tableRelationships) {
      const relationship = relationships.get(id);
      const table =
        relationship && !relationship.external
          ? await readTable(zip, relationship.target)
          : undefined;
      if (table) tables.push(table);
    }
  }
  return {
    name: sheet.name,
    index,
    visibility: sheet.visibility,
    values: content.values,
    numberFormats: content.numberFormats,
    uncalculated: content.uncalculated,
    merges: content.merges,
    hiddenRows: content.hiddenRows,
    hiddenColumns: content.hiddenColumns,
    tables,
  };
}

async function readPackage(zip: ZipArchive): Promise<SheetGrid[]> {
  const packageRelationships = await readRelationships(zip, "");
  const workbookPart = byType(packageRelationships, "/officeDocument")?.target ?? "xl/workbook.xml";
  const { sheets, date1904 } = await readWorkbookPart(zip, workbookPart);
  const relationships = await readRelationships(zip, workbookPart);
  const styleFormats = await readStyleFormats(zip, byType(relationships, "/styles")?.target);
  const context: SheetContext = {
    styleFormats,
    styleIsDate: date1904 ? styleFormats.map(isDateFormat) : undefined,
    date1904,
    sharedStrings: await readSharedStrings(zip, byType(relationships, "/sharedStrings")?.target),
  };
  const grids: SheetGrid[] = [];
  for (const sheet of sheets) {
    const relationship = relationships.get(sheet.relationship);
    // Chart sheets and dialog sheets hold no cells.
    if (!relationship || relationship.external || !relationship.type.endsWith("/worksheet"))
      continue;
    grids.push(await readSheet(zip, relationship.target, context, sheet, grids.length));
  }
  return grids;
}

/**
 * Reads a workbook's sheets. Throws WorkbookReadError (with the kind of file it is) when the
 * bytes are not a readable .xlsx workbook.
 */
export async function readWorkbookGrids(source: Uint8Array | ArrayBuffer): Promise<SheetGrid[]> {
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  const unreadable = classifyUnreadable(bytes);
  if (unreadable) throw new WorkbookReadError(unreadable);
  let zip: ZipArchive;
  try {
    zip = openZip(bytes);
  } catch (error) {
    throw WorkbookReadError.from(error);
  }
  const kind = classifyUnreadable(bytes, zip);
  if (kind) throw new WorkbookReadError(kind);
  try {
    return await readPackage(zip);
  } catch (error) {
    throw WorkbookReadError.from(error);
  }
}

export { ZipFormatError };
