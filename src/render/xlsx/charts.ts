/**
 * Writes the charts of the layouts into an .xlsx package ExcelJS has written (ExcelJS
 * writes no charts): per sheet with charts, a drawing part anchoring each chart over its
 * cells, a chart part per chart, the relationships between them, their content types, and
 * the worksheet's <drawing r:id>. Only the parts that change are rewritten; the rest of the
 * package is copied as it is.
 */
import type { CellValue, SheetLayout } from "../../domain/types";
import { elementAttributes } from "../../workbook/xlsx/xmlScanner";
import {
  findEntry,
  openZip,
  readEntry,
  readEntryText,
  type ZipArchive,
} from "../../workbook/xlsx/zip";
import { rewriteZip } from "../../workbook/xlsx/zipRewrite";
import { escapeXml } from "../escape";
import { chartAnchor, chartPartXml, drawingPartXml, type ChartAnchor } from "./chartXml";

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** Worksheet elements that come after <drawing> in CT_Worksheet, in order. */
const AFTER_DRAWING = [
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

/** The worksheet part of each sheet, in the workbook's order. */
async function worksheetParts(zip: ZipArchive): Promise<string[]> {
  const workbookEntry = findEntry(zip, "xl/workbook.xml");
  const relsEntry = findEntry(zip, "xl/_rels/workbook.xml.rels");
  if (!workbookEntry || !relsEntry) return [];
  const targets = new Map<string, string>();
  const rels = elementAttributes(await readEntry(zip, relsEntry), "Relationship", ["Id", "Target"]);
  for (const { Id: id, Target: target } of rels)
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  const sheets = elementAttributes(await readEntry(zip, workbookEntry), "sheet", ["*:id"]);
  return sheets.map((sheet) => targets.get(sheet["*:id"] ?? "") ?? "");
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** The relationships part with one more relationship; returns it and the new id. */
function withRelationship(
  rels: string | undefined,
  type: string,
  target: string
): { xml: string; id: string } {
  const source =
    rels ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
  const taken = new Set(elementAttributes(source, "Relationship", ["Id"]).map((r) => r.Id));
  let n = 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const relationship = `<Relationship Id="${id}" Type="${REL_TYPE}/${type}" Target="${escapeXml(target)}"/>`;
  const close = source.lastIndexOf("</Relationships>");
  const xml =
    close >= 0
      ? source.slice(0, close) + relationship + source.slice(close)
      : source.replace(
          /<Relationships\b([^>]*)\/>/,
          `<Relationships$1>${relationship}</Relationships>`
        );
  return { xml, id };
}

/** The worksheet with <drawing r:id="…"/> in its place in the element order. */
function withDrawing(worksheet: string, relId: string): string {
  if (/<drawing\b/.test(worksheet)) throw new Error("the worksheet already has a drawing");
  const element = `<drawing r:id="${relId}"/>`;
  for (const marker of AFTER_DRAWING) {
    const at = worksheet.indexOf(marker);
    if (at >= 0) return worksheet.slice(0, at) + element + worksheet.slice(at);
  }
  throw new Error("not a worksheet part");
}

function withOverrides(contentTypes: string, overrides: readonly [string, string][]): string {
  const added = overrides
    .map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`)
    .join("");
  const close = contentTypes.lastIndexOf("</Types>");
  if (close < 0) throw new Error("not a content types part");
  return contentTypes.slice(0, close) + added + contentTypes.slice(close);
}

/** The first free number n of parts named `${prefix}${n}.xml`. */
function firstFree(zip: ZipArchive, prefix: string): number {
  let n = 1;
  while (findEntry(zip, `${prefix}${n}.xml`)) n++;
  return n;
}

/** A cell's value as the layout has it (a formula's cached value), for the chart caches. */
function valuesOf(layout: SheetLayout): (row: number, col: number) => CellValue {
  const values = new Map<string, CellValue>();
  for (const cell of layout.cells)
    if (cell.value !== undefined) values.set(`${cell.row},${cell.col}`, cell.value);
  return (row, col) => values.get(`${row},${col}`) ?? null;
}

/** The sheet's font: its default, else the first style's. */
function chartFont(layout: SheetLayout): { name: string; size: number } | undefined {
  if (layout.defaultFont) return layout.defaultFont;
  const style = Object.values(layout.styles).find((s) => s.fontName);
  return style?.fontName ? { name: style.fontName, size: style.fontSize ?? 11 } : undefined;
}

/**
 * The package `bytes` (written by ExcelJS from `layouts`, one worksheet per layout in order,
 * named `names`) with the layouts' charts in it. Unchanged when no layout has a chart.
 */
export async function addChartsToXlsx(
  bytes: Uint8Array,
  layouts: readonly SheetLayout[],
  names: readonly string[],
  /** The time stamped on the parts written (reproducible files). */
  when?: Date
): Promise<Uint8Array> {
  if (!layouts.some((layout) => (layout.charts?.length ?? 0) > 0)) return bytes;
  const zip = openZip(bytes);
  const sheetParts = await worksheetParts(zip);
  const parts = new Map<string, string>();
  const overrides: [string, string][] = [];
  let drawingNumber = firstFree(zip, "xl/drawings/drawing");
  let chartNumber = firstFree(zip, "xl/charts/chart");
  for (const [index, layout] of layouts.entries()) {
    const sheetPart = sheetParts[index];
    const sheetEntry = sheetPart ? findEntry(zip, sheetPart) : undefined;
    if (!sheetEntry || !layout.charts?.length) continue;
    const valueAt = valuesOf(layout);
    const anchors: ChartAnchor[] = [];
    let drawingRels: string | undefined;
    for (const spec of layout.charts) {
      const anchor = chartAnchor(spec);
      if (!anchor || spec.series.length === 0) continue;
      const chartPart = `xl/charts/chart${chartNumber++}.xml`;
      parts.set(
        chartPart,
        chartPartXml({ spec, sheet: names[index], valueAt, font: chartFont(layout) })
      );
      overrides.push([chartPart, CHART_TYPE]);
      const rel = withRelationship(drawingRels, "chart", `../charts/${chartPart.slice(10)}`);
      drawingRels = rel.xml;
      anchors.push({ ...anchor, relId: rel.id, name: `Chart ${anchors.length + 1}` });
    }
    if (!drawingRels || anchors.length === 0) continue;
    const drawingPart = `xl/drawings/drawing${drawingNumber++}.xml`;
    parts.set(drawingPart, drawingPartXml(anchors));
    parts.set(relsPathOf(drawingPart), drawingRels);
    overrides.push([drawingPart, DRAWING_TYPE]);
    const sheetRelsPath = relsPathOf(sheetEntry.name);
    const sheetRelsEntry = findEntry(zip, sheetRelsPath);
    const sheetRels = withRelationship(
      sheetRelsEntry ? await readEntryText(zip, sheetRelsEntry) : undefined,
      "drawing",
      `../drawings/${drawingPart.slice(12)}`
    );
    parts.set(sheetRelsEntry?.name ?? sheetRelsPath, sheetRels.xml);
    parts.set(sheetEntry.name, withDrawing(await readEntryText(zip, sheetEntry), sheetRels.id));
  }
  if (overrides.length === 0) return bytes;
  const typesEntry = findEntry(zip, "[Content_Types].xml");
  if (!typesEntry) throw new Error("the package has no [Content_Types].xml");
  parts.set(typesEntry.name, withOverrides(await readEntryText(zip, typesEntry), overrides));
  return rewriteZip(zip, parts, when);
}
