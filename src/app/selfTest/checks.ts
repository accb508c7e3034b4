/**
 * The self-test's comparisons: each item compares what the workbook read back with what
 * the probe wrote (or, for the Buddhist-Era texts, with what the domain's own date code
 * says the cell must show). Nothing passes on a constant: a missing read-back is "not
 * available" (the preview or the host does not have it), a step that threw is a failure.
 */
import { fromExcelSerial, formatThaiDate, BE_OFFSET } from "../../domain/dates";
import { parseRange, withoutSheet } from "../../domain/a1";
import type { SelfTestProbe, SelfTestReadBack, SelfTestStep } from "../../workbook/selfTestProbe";
import { MERGE_CAP, REQUIREMENT_SETS } from "./probe";

export type SelfTestStatus = "pass" | "fail" | "na";

/** The items, in the order the page lists them (titles: `diag.item.<id>`). */
export const SELF_TEST_ITEM_IDS = [
  "sheet",
  "values",
  "formulas",
  "calculation",
  "scalarFormat",
  "beLong",
  "beNumeric",
  "beThaiDigits",
  "styles",
  "rangeAreas",
  "columns",
  "hyperlink",
  "merges",
  "validation",
  "tableCreate",
  "tableAddRows",
  "customXml",
  "autofit",
  "zoom",
  "pageBreaks",
  "chart",
  "freeze",
  "visibility",
] as const;

export type SelfTestItemId = (typeof SELF_TEST_ITEM_IDS)[number] | "requirementSet";

export interface SelfTestItem {
  id: SelfTestItemId;
  /** For requirement sets: "ExcelApi 1.9". */
  label?: string;
  status: SelfTestStatus;
  /** Why not available: not modelled in the preview, or the host lacks what it needs. */
  naReason?: "preview" | "host" | "optional";
  /** Plain data, as compared (JSON-ish, language-neutral). */
  expected?: string;
  actual?: string;
}

/** Short JSON of a read-back value, for the report. */
export function show(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

type Comparison = { ok: boolean; expected: unknown; actual: unknown };

function failureOf(back: SelfTestReadBack, steps: readonly SelfTestStep[]): string | undefined {
  const failure = back.failures.find((f) => steps.includes(f.step));
  return failure ? `${failure.code ?? "Error"}: ${failure.message}` : undefined;
}

function item(
  id: SelfTestItemId,
  back: SelfTestReadBack,
  steps: readonly SelfTestStep[],
  part: unknown,
  compare: () => Comparison
): SelfTestItem {
  const failure = failureOf(back, steps);
  if (failure) return { id, status: "fail", actual: failure };
  if (part === undefined)
    return { id, status: "na", naReason: back.host.kind === "preview" ? "preview" : "host" };
  const result = compare();
  return {
    id,
    status: result.ok ? "pass" : "fail",
    expected: show(result.expected),
    actual: show(result.actual),
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sameText = (a: unknown, b: unknown): boolean =>
  typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

/** The texts Excel must show for the probe date under each BE format, by the domain's code. */
export function expectedBeTexts(serial: number): [string, string, string] {
  const date = fromExcelSerial(serial);
  const numeric = date
    ? `${date.day}/${String(date.month).padStart(2, "0")}/${date.year + BE_OFFSET}`
    : "";
  return [
    formatThaiDate(serial, "long", { era: "BE" }),
    numeric,
    formatThaiDate(serial, "long", { era: "BE", thaiDigits: true }),
  ];
}

function dateItem(
  id: "beLong" | "beNumeric" | "beThaiDigits",
  index: number,
  probe: SelfTestProbe,
  back: SelfTestReadBack
): SelfTestItem {
  const spec = probe.dateFormats[index];
  const got = back.dateFormats?.[index];
  const expectedText = expectedBeTexts(spec.serial)[index];
  return item(id, back, ["dateFormats"], got, () => ({
    ok: got?.text === expectedText && sameText(got?.numberFormat, spec.format),
    expected: { numberFormat: spec.format, text: expectedText },
    actual: { numberFormat: got?.numberFormat, text: got?.text },
  }));
}

/** The text a number shows under "#,##0.00" (the scalar-format probe). */
function twoDecimals(value: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** First and last 1-based rows of an address ("$1:$2", "A1:XFD2", "Sheet!1:2"). */
export function rowsOfAddress(address: unknown): [number, number] | undefined {
  if (typeof address !== "string") return undefined;
  const bare = withoutSheet(address).replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(bare);
  if (rows) return [Number(rows[1]), Number(rows[2])];
  const rect = parseRange(bare);
  return rect ? [rect.row + 1, rect.row + rect.rows] : undefined;
}

const noQuotes = (reference: unknown): unknown =>
  typeof reference === "string" ? reference.replace(/['$]/g, "") : reference;

function cellChecks(probe: SelfTestProbe, back: SelfTestReadBack): SelfTestItem[] {
  const cells = probe.scalarFormat;
  const addressRect = parseRange(cells.address);
  const count = addressRect ? addressRect.rows * addressRect.cols : 0;
  const formats = back.scalarFormat?.numberFormat.flat() ?? [];
  const texts = back.scalarFormat?.text.flat() ?? [];
  const expectedValues = [[2 * 1234.5], [1234.5 - 0.25]];
  return [
    item("values", back, ["values"], back.values, () => ({
      ok: same(back.values, probe.values.grid),
      expected: probe.values.grid,
      actual: back.values,
    })),
    item("formulas", back, ["formulas"], back.formulas, () => ({
      ok: same(back.formulas?.formulas, probe.formulas.grid),
      expected: probe.formulas.grid,
      actual: back.formulas?.formulas,
    })),
    item("calculation", back, ["formulas"], back.formulas?.values, () => ({
      ok: same(back.formulas?.values, expectedValues),
      expected: expectedValues,
      actual: back.formulas?.values,
    })),
    item("scalarFormat", back, ["scalarFormat"], back.scalarFormat, () => ({
      ok:
        formats.length === count &&
        formats.every((f) => f === cells.format) &&
        texts.length === count &&
        texts.every((t) => t === twoDecimals(cells.value)),
      expected: { cells: count, numberFormat: cells.format, text: twoDecimals(cells.value) },
      actual: {
        numberFormat: [...new Set(formats)],
        text: [...new Set(texts)],
        cells: formats.length,
      },
    })),
    dateItem("beLong", 0, probe, back),
    dateItem("beNumeric", 1, probe, back),
    dateItem("beThaiDigits", 2, probe, back),
  ];
}

function formatChecks(probe: SelfTestProbe, back: SelfTestReadBack): SelfTestItem[] {
  const style = probe.style.style;
  const got = back.style;
  const widthWanted = probe.columns.width;
  return [
    item("styles", back, ["styles"], got, () => ({
      ok:
        got?.bold === style.bold &&
        got?.fontName === style.fontName &&
        got?.fontSize === style.fontSize &&
        sameText(got?.fill, style.fill) &&
        got?.hAlign === style.hAlign &&
        got?.wrap === style.wrap,
      expected: style,
      actual: got,
    })),
    item("rangeAreas", back, ["rangeAreas"], back.rangeAreas, () => ({
      ok: same(back.rangeAreas?.bold, [true, true]) && back.rangeAreas?.betweenBold === false,
      expected: { areas: [true, true], between: false },
      actual: { areas: back.rangeAreas?.bold, between: back.rangeAreas?.betweenBold },
    })),
    item("columns", back, ["columns"], back.columns, () => ({
      // Excel keeps widths in whole pixels: within a point of what was set.
      ok:
        typeof back.columns?.width === "number" &&
        Math.abs(back.columns.width - widthWanted) <= 1 &&
        back.columns.hidden === true,
      expected: { width: widthWanted, hidden: true },
      actual: back.columns,
    })),
    item("hyperlink", back, ["hyperlink"], back.hyperlink, () => ({
      ok:
        noQuotes(back.hyperlink?.documentReference) ===
          noQuotes(probe.hyperlink.documentReference) &&
        back.hyperlink?.text === probe.hyperlink.text,
      expected: {
        documentReference: probe.hyperlink.documentReference,
        text: probe.hyperlink.text,
      },
      actual: back.hyperlink,
    })),
  ];
}

function layoutChecks(probe: SelfTestProbe, back: SelfTestReadBack): SelfTestItem[] {
  const merges = back.merges;
  const v = probe.validation;
  const t = probe.table;
  const fit = back.autofit;
  return [
    item("merges", back, ["merges"], merges?.areaCount, () => ({
      ok: merges?.areaCount === MERGE_CAP && merges?.cellCount === 2 * MERGE_CAP,
      expected: { areas: MERGE_CAP, cells: 2 * MERGE_CAP },
      actual: { areas: merges?.areaCount, cells: merges?.cellCount },
    })),
    item("validation", back, ["validation"], back.validation, () => ({
      ok: same(back.validation, { source: v.source, prompt: v.prompt, errorAlert: v.errorAlert }),
      expected: {
        source: v.source.length,
        prompt: [v.prompt.title.length, v.prompt.message.length],
        errorAlert: [v.errorAlert.title.length, v.errorAlert.message.length],
      },
      actual: back.validation,
    })),
    item("tableCreate", back, ["table"], back.table, () => ({
      ok:
        back.table?.name === t.name &&
        same(back.table?.headers, t.headers) &&
        back.table?.rowCount === t.rows.length,
      expected: { name: t.name, headers: t.headers, rows: t.rows.length },
      actual: { name: back.table?.name, headers: back.table?.headers, rows: back.table?.rowCount },
    })),
    item("tableAddRows", back, ["table", "tableRows"], back.table?.rowsAfterAdd, () => ({
      ok:
        back.table?.rowCountAfterAdd === t.rows.length + t.addRows.length &&
        same(back.table?.rowsAfterAdd, [...t.rows, ...t.addRows]),
      expected: [...t.rows, ...t.addRows],
      actual: back.table?.rowsAfterAdd,
    })),
    item("customXml", back, ["customXml"], back.customXml, () => ({
      ok: back.customXml?.xml === probe.customXml.xml && back.customXml?.found === 1,
      expected: { xml: probe.customXml.xml, partsInNamespace: 1 },
      actual: { xml: back.customXml?.xml, partsInNamespace: back.customXml?.found },
    })),
    item("autofit", back, ["autofit"], fit, () => ({
      ok:
        typeof fit?.shortHeight === "number" &&
        typeof fit.longHeight === "number" &&
        fit.shortHeight < probe.autofit.presetHeight &&
        fit.longHeight > 1.5 * fit.shortHeight,
      expected: `short < ${probe.autofit.presetHeight} pt, long > 1.5 × short`,
      actual: fit,
    })),
  ];
}

function sheetChecks(probe: SelfTestProbe, back: SelfTestReadBack): SelfTestItem[] {
  const zoom = back.zoom;
  const breaks = back.pageBreaks;
  const frozen = rowsOfAddress(back.freeze?.address);
  return [
    item("zoom", back, ["pageLayout"], zoom, () => ({
      ok:
        zoom?.horizontalFitToPages === probe.zoom.horizontalFitToPages &&
        zoom?.verticalFitToPages === probe.zoom.verticalFitToPages,
      expected: probe.zoom,
      actual: zoom,
    })),
    item("pageBreaks", back, ["pageBreaks", "removePageBreaks"], breaks, () => ({
      ok: breaks?.count === probe.pageBreakRows.length && breaks?.countAfterRemove === 0,
      expected: { added: probe.pageBreakRows.length, afterRemove: 0 },
      actual: { added: breaks?.count, afterRemove: breaks?.countAfterRemove },
    })),
    item("chart", back, ["chart"], back.chart, () => ({
      ok:
        back.chart?.count === 1 &&
        back.chart?.type === probe.chart.type &&
        back.chart?.title === probe.chart.title,
      expected: { count: 1, type: probe.chart.type, title: probe.chart.title },
      actual: back.chart,
    })),
    item("freeze", back, ["freeze"], back.freeze, () => ({
      ok: same(frozen, [1, probe.freezeRows]),
      expected: `rows 1–${probe.freezeRows}`,
      actual: back.freeze?.address,
    })),
    item("visibility", back, ["visibility"], back.visibility, () => ({
      ok: back.visibility?.hidden === probe.visibility && back.visibility?.shownAgain === "Visible",
      expected: { hidden: probe.visibility, shownAgain: "Visible" },
      actual: back.visibility,
    })),
  ];
}

function requirementItems(back: SelfTestReadBack): SelfTestItem[] {
  return REQUIREMENT_SETS.map((set, i) => {
    const label = `${set.name} ${set.version}`;
    const supported = back.requirementSets?.[i];
    if (supported === undefined)
      return {
        id: "requirementSet",
        label,
        status: "na",
        naReason: back.host.kind === "preview" ? "preview" : "host",
      };
    if (!supported && set.optional)
      return { id: "requirementSet", label, status: "na", naReason: "optional" };
    return {
      id: "requirementSet",
      label,
      status: supported ? "pass" : "fail",
      expected: "true",
      actual: String(supported),
    };
  });
}

/** Every item of a run, compared. */
export function evaluateSelfTest(probe: SelfTestProbe, back: SelfTestReadBack): SelfTestItem[] {
  const sheet = item("sheet", back, ["sheet", "cleanup"], back.sheet, () => ({
    ok: back.sheet.removed && back.sheet.name === probe.sheet,
    expected: { name: probe.sheet, removed: true },
    actual: back.sheet,
  }));
  return [
    sheet,
    ...cellChecks(probe, back),
    ...formatChecks(probe, back),
    ...layoutChecks(probe, back),
    ...sheetChecks(probe, back),
    ...requirementItems(back),
  ];
}
