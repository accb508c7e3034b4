/**
 * Where Kaona's state lives inside the workbook: two custom XML parts (see
 * docs/bindings-storage.md for why), one for the bindings, one for the marks of the sheets
 * Kaona generated. Each part is a small XML envelope around JSON. Pure codec, shared by
 * the Office.js workbook, the in-memory workbook and any reader of the .xlsx package
 * (customXml/itemN.xml). Decoding never throws: a damaged part reads as empty.
 */
import { isTableKind } from "../domain/schema";
import type { SheetOrigin } from "../domain/types";
import type { Bindings, TableBinding } from "./port";

export const BINDINGS_NAMESPACE = "urn:kaona:bindings:1";
export const GENERATED_NAMESPACE = "urn:kaona:generated:1";

/** The record that makes a sheet Kaona's: replaced only while its content is unchanged. */
export interface GeneratedSheetMark {
  /** Worksheet id when written. Excel may give a sheet a new id in another session or
   * version (OfficeDev/office-js-docs#297, office-js#1390), so the name is a fallback. */
  sheetId: string;
  sheetName: string;
  /** ContentFingerprint digest of the content as written. */
  fingerprint: string;
  /** A1 range of everything written (content, formats, merges). */
  address: string;
  /** ISO time of generation. */
  generatedAt: string;
  origin?: SheetOrigin;
}

export interface GeneratedSheets {
  version: 1;
  sheets: GeneratedSheetMark[];
}

export function emptyBindings(): Bindings {
  return { version: 1, tables: [] };
}

export function emptyGenerated(): GeneratedSheets {
  return { version: 1, sheets: [] };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_m, entity: string) => {
    const e = entity.toLowerCase();
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

function envelope(namespace: string, json: unknown): string {
  return `<kaona xmlns="${namespace}" version="1"><json>${escapeXml(JSON.stringify(json))}</json></kaona>`;
}

/** The JSON inside a part's <json> element (plain or CDATA), or undefined. */
function jsonOf(xml: unknown): unknown {
  if (typeof xml !== "string") return undefined;
  const match = /<(?:\w+:)?json(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?json>/.exec(xml);
  if (!match) return undefined;
  const body = match[1].trim();
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(body);
  try {
    return JSON.parse(cdata ? cdata[1] : unescapeXml(body));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function tableBindingOf(value: unknown): TableBinding | null {
  if (!isRecord(value)) return null;
  const { kind, tableId, tableName, columns } = value;
  if (!isTableKind(kind)) return null;
  if (typeof tableId !== "string" || typeof tableName !== "string") return null;
  const cleanColumns: Record<string, string> = {};
  if (isRecord(columns)) {
    for (const [field, header] of Object.entries(columns)) {
      if (typeof header === "string") cleanColumns[field] = header;
    }
  }
  return { kind, tableId, tableName, columns: cleanColumns };
}

export function encodeBindings(bindings: Bindings): string {
  return envelope(BINDINGS_NAMESPACE, bindings);
}

export function decodeBindings(xml: unknown): Bindings {
  const json = jsonOf(xml);
  if (!isRecord(json) || json.version !== 1) return emptyBindings();
  const tables = Array.isArray(json.tables)
    ? json.tables.map(tableBindingOf).filter((b): b is TableBinding => b !== null)
    : [];
  const result: Bindings = { version: 1, tables };
  if (isRecord(json.settings)) result.settings = json.settings;
  return result;
}

function markOf(value: unknown): GeneratedSheetMark | null {
  if (!isRecord(value)) return null;
  const { sheetId, sheetName, fingerprint, address, generatedAt, origin } = value;
  if (
    typeof sheetId !== "string" ||
    typeof sheetName !== "string" ||
    typeof fingerprint !== "string"
  )
    return null;
  const mark: GeneratedSheetMark = {
    sheetId,
    sheetName,
    fingerprint,
    address: typeof address === "string" ? address : "",
    generatedAt: typeof generatedAt === "string" ? generatedAt : "",
  };
  if (isRecord(origin) && origin.generator === "kaona")
    mark.origin = origin as unknown as SheetOrigin;
  return mark;
}

export function encodeGenerated(generated: GeneratedSheets): string {
  return envelope(GENERATED_NAMESPACE, generated);
}

export function decodeGenerated(xml: unknown): GeneratedSheets {
  const json = jsonOf(xml);
  if (!isRecord(json) || json.version !== 1 || !Array.isArray(json.sheets)) return emptyGenerated();
  return {
    version: 1,
    sheets: json.sheets.map(markOf).filter((m): m is GeneratedSheetMark => m !== null),
  };
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** How far a mark found for a sheet can be trusted. */
export type MarkTrust =
  /** Same worksheet id: Kaona's sheet (perhaps renamed). */
  | "id"
  /** Same name, and the mark has no id (a sheet created in one batch: its id was not
   * known when the mark was written). Kaona's, as far as anyone can tell. */
  | "name"
  /** Same name, but the mark's id belongs to no sheet any more: either Excel gave
   * Kaona's sheet a new id (reopened file) or Kaona's sheet was deleted and the person
   * made one of the same name. Kaona's only if its content is exactly as written. */
  | "content";

export interface MarkMatch {
  mark: GeneratedSheetMark;
  trust: MarkTrust;
}

/**
 * The mark of the sheet now called `name` with id `id`, and how far to trust it. By id
 * first (ids compared only when both are known); then by name, unless the named mark's
 * id belongs to another sheet that still exists (`liveIds`: the ids of every sheet now):
 * then that mark is that other sheet's, and this one is not Kaona's.
 */
export function matchMark(
  generated: GeneratedSheets,
  id: string,
  name: string,
  liveIds?: ReadonlySet<string>
): MarkMatch | undefined {
  if (id !== "") {
    const byId = generated.sheets.find((m) => m.sheetId === id);
    if (byId) return { mark: byId, trust: "id" };
  }
  for (const mark of generated.sheets) {
    if (!sameName(mark.sheetName, name)) continue;
    if (mark.sheetId === "") return { mark, trust: "name" };
    if (liveIds === undefined) return { mark, trust: "name" };
    if (!liveIds.has(mark.sheetId)) return { mark, trust: "content" };
  }
  return undefined;
}

/**
 * The mark of the sheet now called `name` with id `id`: by id first (survives renames
 * within a session), then by name (survives Excel giving the sheet a new id on reopening).
 * See matchMark for the trust to put in a match by name.
 */
export function findMark(
  generated: GeneratedSheets,
  id: string,
  name: string,
  liveIds?: ReadonlySet<string>
): GeneratedSheetMark | undefined {
  return matchMark(generated, id, name, liveIds)?.mark;
}

/** The marks with `mark` recorded for its sheet (replacing older marks of the same sheet).
 * Ids are compared only when both are known: "" is "not known", not an id. */
export function withMark(
  generated: GeneratedSheets,
  mark: GeneratedSheetMark,
  previous?: GeneratedSheetMark
): GeneratedSheets {
  const others = generated.sheets.filter(
    (m) =>
      m !== previous &&
      !(m.sheetId !== "" && mark.sheetId !== "" && m.sheetId === mark.sheetId) &&
      !sameName(m.sheetName, mark.sheetName)
  );
  return { version: 1, sheets: [...others, mark] };
}

/** The marks with ids learned since they were written (name → id of a sheet Kaona created
 * in this session) filled in where a mark has none. */
export function withLearnedIds(
  generated: GeneratedSheets,
  learned: ReadonlyMap<string, string>
): GeneratedSheets {
  let changed = false;
  const sheets = generated.sheets.map((m) => {
    const id = m.sheetId === "" ? learned.get(m.sheetName.toLowerCase()) : undefined;
    if (id === undefined) return m;
    changed = true;
    return { ...m, sheetId: id };
  });
  return changed ? { version: 1, sheets } : generated;
}
