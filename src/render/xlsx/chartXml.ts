/**
 * A ChartSpec as DrawingML: the chart part (xl/charts/chartN.xml) and the drawing part
 * that anchors it over its cells (xl/drawings/drawingN.xml). The same chart as the Excel
 * renderer's (src/workbook/excel/sheetOps.ts addChart): a line chart titled `title`, one
 * line per series over the `categories`, value axis bounds and format, category axis title,
 * placed from the top-left corner of `topLeft` to the bottom-right corner of `bottomRight`.
 * Series refer to the sheet's cells and carry their values as a cache, so a viewer draws
 * the chart without recalculating.
 */
import { cellAddress, quoteSheetName, rangeCorners } from "../../domain/a1";
import type { CellValue, ChartSpec } from "../../domain/types";
import { escapeXml } from "../escape";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Excel's default line colours (accent 1, accent 2…) so the lines look as Excel draws them. */
const LINE_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

/** "A5:A9" on sheet `sheet` → "'sheet'!$A$5:$A$9"; null when not a range. */
export function absoluteRef(sheet: string, range: string): string | null {
  const corners = rangeCorners(range);
  if (!corners) return null;
  const first = cellAddress(corners.top, corners.left, true);
  const last = cellAddress(corners.bottom, corners.right, true);
  return `${quoteSheetName(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

/** The cells of a range, in order (row by row), through `valueAt`. */
export function rangeCells(
  range: string,
  valueAt: (row: number, col: number) => CellValue
): CellValue[] {
  const corners = rangeCorners(range);
  if (!corners) return [];
  const values: CellValue[] = [];
  for (let r = corners.top; r <= corners.bottom; r++)
    for (let c = corners.left; c <= corners.right; c++) values.push(valueAt(r, c));
  return values;
}

function isNumber(value: CellValue): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** A numeric reference with its cache; missing and non-numeric cells are left out (gaps). */
function numRef(ref: string, values: readonly CellValue[], formatCode = "General"): string {
  const points = values
    .map((v, i) => (isNumber(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""))
    .join("");
  return (
    `<c:numRef><c:f>${escapeXml(ref)}</c:f><c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function strRef(ref: string, values: readonly CellValue[]): string {
  const points = values
    .map((v, i) =>
      v === null || v === undefined || v === ""
        ? ""
        : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`
    )
    .join("");
  return `<c:strRef><c:f>${escapeXml(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

/** Rich text of a title, in the chart's font at `size` points. */
function title(text: string, font: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="th-TH" sz="${size * 100}" b="1">${fontFaces(font)}</a:rPr><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

function fontFaces(font: string): string {
  const face = escapeXml(font);
  return `<a:latin typeface="${face}"/><a:cs typeface="${face}"/>`;
}

export interface ChartData {
  spec: ChartSpec;
  /** The sheet the chart's ranges are on (its name as written in the workbook). */
  sheet: string;
  /** The value of a cell of that sheet (zero-based), for the caches. */
  valueAt: (row: number, col: number) => CellValue;
  /** The font of the chart's text (the sheet's); default Calibri 11. */
  font?: { name: string; size: number };
}

function seriesXml(data: ChartData, index: number): string {
  const { spec, sheet, valueAt } = data;
  const s = spec.series[index];
  const valuesRef = absoluteRef(sheet, s.values) ?? "";
  const catRef = absoluteRef(sheet, spec.categories);
  const categories = rangeCells(spec.categories, valueAt);
  const color = LINE_COLORS[index % LINE_COLORS.length];
  const cat = !catRef
    ? ""
    : `<c:cat>${categories.every((v) => v === null || isNumber(v)) ? numRef(catRef, categories) : strRef(catRef, categories)}</c:cat>`;
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
    `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr></c:marker>` +
    `${cat}<c:val>${numRef(valuesRef, rangeCells(s.values, valueAt))}</c:val><c:smooth val="0"/></c:ser>`
  );
}

const CAT_AXIS = 500000001;
const VAL_AXIS = 500000002;

/** The chart part (xl/charts/chartN.xml). */
export function chartPartXml(data: ChartData): string {
  const { spec } = data;
  const font = data.font?.name ?? "Calibri";
  // Titles a little larger than the sheet's text, axis labels a little smaller.
  const size = Math.max(6, Math.min(40, data.font?.size ?? 11));
  const half = (pt: number) => Math.round(pt * 2) / 2;
  const axis = spec.valueAxis ?? {};
  const scaling =
    `<c:scaling><c:orientation val="minMax"/>` +
    (axis.max !== undefined ? `<c:max val="${axis.max}"/>` : "") +
    (axis.min !== undefined ? `<c:min val="${axis.min}"/>` : "") +
    `</c:scaling>`;
  const series = spec.series.map((_, i) => seriesXml(data, i)).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart>${title(spec.title, font, half(size * 1.1))}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
    `<c:marker val="1"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:lineChart>` +
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/>${spec.categoryTitle ? title(spec.categoryTitle, font, half(size * 0.9)) : ""}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/>${scaling}<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
    `${axis.title ? title(axis.title, font, half(size * 0.9)) : ""}` +
    `<c:numFmt formatCode="${escapeXml(axis.numberFormat ?? "General")}" sourceLinked="${axis.numberFormat ? 0 : 1}"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${half(size * 0.85) * 100}">${fontFaces(font)}</a:defRPr></a:pPr><a:endParaRPr lang="th-TH"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** A chart's anchor: from the top-left corner of its first cell to the bottom-right corner of its last. */
export interface ChartAnchor {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The drawing's relationship id of the chart part. */
  relId: string;
  name: string;
}

export function chartAnchor(spec: ChartSpec): Omit<ChartAnchor, "relId" | "name"> | null {
  const from = rangeCorners(spec.topLeft);
  const to = rangeCorners(spec.bottomRight);
  if (!from || !to) return null;
  return {
    top: from.top,
    left: from.left,
    bottom: Math.max(from.top, to.bottom),
    right: Math.max(from.left, to.right),
  };
}

/** The drawing part (xl/drawings/drawingN.xml): one twoCellAnchor graphicFrame per chart. */
export function drawingPartXml(anchors: readonly ChartAnchor[]): string {
  const frames = anchors.map(
    (a, i) =>
      `<xdr:twoCellAnchor>` +
      `<xdr:from><xdr:col>${a.left}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${a.right + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.bottom + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${a.relId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${frames.join("")}</xdr:wsDr>`
  );
}
