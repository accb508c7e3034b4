/**
 * The Diagnostics self-test in Excel: the probe (../selfTestProbe.ts) written on a new
 * scratch sheet with the same calls Kaona makes elsewhere, read back, and the sheet and the
 * probe's custom XML part removed in `finally`. Five syncs when all goes well: 1. is the
 * name free; 2. the sheet; 3. every step's writes and reads; 4. the steps' second half
 * (rows added to the table, page breaks removed, the sheet shown again) and their reads;
 * 5. the clean-up and the check that the sheet is gone. When sync 3 or 4 fails, the sheet is
 * made afresh and each step runs on its own (two syncs a step), so the report names the
 * step Excel refused instead of one error for all.
 */
/* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read -- a step queues its loads in start() or then(); its read() runs only after runExcelSelfTest (or stepByStep) synced that batch (see StepRun) */
import { parseRange, rangeAddress } from "../../domain/a1";
import { sheetNameTaken } from "../writeRefusals";
import type { SelfTestProbe, SelfTestReadBack, SelfTestStep } from "../selfTestProbe";
import { everyCell } from "./sheetOps";
import { OPTIONAL_EXCEL_API } from "./requirements";
import type { Syncs } from "./excelRun";

/** What the self-test asks of the host beyond the workbook (Office.context). */
export interface SelfTestHost {
  isSetSupported?(name: string, version: string): boolean;
  diagnostics?: { application: string; platform: string; version: string };
}

/** Office.context's answers, where Office is there (undefined in tests and Node). */
export function officeSelfTestHost(): SelfTestHost {
  if (typeof Office === "undefined" || !Office.context) return {};
  const diagnostics = Office.context.diagnostics;
  return {
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    ...(diagnostics
      ? {
          diagnostics: {
            application: String(diagnostics.host),
            platform: String(diagnostics.platform),
            version: diagnostics.version,
          },
        }
      : {}),
  };
}

/** Wide enough that a long Thai date shows as text, not "####" (Range.text is what shows). */
const DATE_COLUMN_WIDTH = 160;

interface StepRun {
  /** Queues the step's second half, after the first half's sync (loaded values readable). */
  then?(): void;
  read(out: SelfTestReadBack): void;
}

interface ExcelStep {
  step: SelfTestStep;
  start(sheet: Excel.Worksheet, context: Excel.RequestContext): StepRun;
}

function column(address: string): string {
  return `${address.replace(/\d+/g, "")}:${address.replace(/\d+/g, "")}`;
}

function cellSteps(p: SelfTestProbe): ExcelStep[] {
  return [
    {
      step: "values",
      start: (sheet) => {
        sheet.getRange(p.values.textAddress).numberFormat = everyCell("@");
        const range = sheet.getRange(p.values.address);
        range.values = p.values.grid;
        range.load("values");
        return { read: (out) => (out.values = range.values) };
      },
    },
    {
      step: "formulas",
      start: (sheet) => {
        const range = sheet.getRange(p.formulas.address);
        range.formulas = p.formulas.grid;
        range.load("formulas,values");
        return {
          read: (out) => (out.formulas = { formulas: range.formulas, values: range.values }),
        };
      },
    },
    {
      step: "scalarFormat",
      start: (sheet) => {
        const { address, format, value } = p.scalarFormat;
        const rect = parseRange(address);
        const range = sheet.getRange(address);
        range.values = Array.from({ length: rect?.rows ?? 1 }, () =>
          Array<number>(rect?.cols ?? 1).fill(value)
        );
        // The assumption under test: one format for every cell of the range.
        range.numberFormat = everyCell(format);
        range.load("numberFormat,text");
        return {
          read: (out) =>
            (out.scalarFormat = { numberFormat: range.numberFormat, text: range.text }),
        };
      },
    },
    {
      step: "dateFormats",
      start: (sheet) => {
        const ranges = p.dateFormats.map(({ address, format, serial }) => {
          sheet.getRange(column(address)).format.columnWidth = DATE_COLUMN_WIDTH;
          const range = sheet.getRange(address);
          range.values = [[serial]];
          range.numberFormat = [[format]];
          range.load("numberFormat,text,values");
          return range;
        });
        return {
          read: (out) =>
            (out.dateFormats = ranges.map((r) => ({
              numberFormat: r.numberFormat[0]?.[0],
              text: r.text[0]?.[0],
              value: r.values[0]?.[0],
            }))),
        };
      },
    },
  ];
}

function formatSteps(p: SelfTestProbe): ExcelStep[] {
  return [
    {
      step: "styles",
      start: (sheet) => {
        const format = sheet.getRange(p.style.address).format;
        const s = p.style.style;
        format.font.bold = s.bold;
        format.font.name = s.fontName;
        format.font.size = s.fontSize;
        format.fill.color = s.fill;
        format.horizontalAlignment = s.hAlign;
        format.wrapText = s.wrap;
        format.load("horizontalAlignment,wrapText");
        format.font.load("bold,name,size");
        format.fill.load("color");
        return {
          read: (out) =>
            (out.style = {
              bold: format.font.bold,
              fontName: format.font.name,
              fontSize: format.font.size,
              fill: format.fill.color,
              hAlign: format.horizontalAlignment,
              wrap: format.wrapText,
            }),
        };
      },
    },
    {
      step: "rangeAreas",
      start: (sheet) => {
        sheet.getRanges(p.rangeAreas.areas).format.font.bold = true;
        const fonts = [...p.rangeAreas.areas.split(","), p.rangeAreas.between].map((a) => {
          const font = sheet.getRange(a).format.font;
          font.load("bold");
          return font;
        });
        return {
          read: (out) =>
            (out.rangeAreas = {
              bold: fonts.slice(0, -1).map((f) => f.bold),
              betweenBold: fonts[fonts.length - 1].bold,
            }),
        };
      },
    },
    {
      step: "columns",
      start: (sheet) => {
        const c = p.columns;
        const wide = sheet.getRange(`${c.widthColumn}:${c.widthColumn}`);
        wide.format.columnWidth = c.width;
        wide.format.load("columnWidth");
        const hidden = sheet.getRange(`${c.hiddenColumn}:${c.hiddenColumn}`);
        hidden.columnHidden = true;
        hidden.load("columnHidden");
        return {
          read: (out) =>
            (out.columns = { width: wide.format.columnWidth, hidden: hidden.columnHidden }),
        };
      },
    },
    {
      step: "hyperlink",
      start: (sheet) => {
        const range = sheet.getRange(p.hyperlink.address);
        range.hyperlink = {
          documentReference: p.hyperlink.documentReference,
          textToDisplay: p.hyperlink.text,
        };
        range.load("hyperlink");
        return {
          read: (out) =>
            (out.hyperlink = {
              documentReference: range.hyperlink?.documentReference,
              text: range.hyperlink?.textToDisplay,
            }),
        };
      },
    },
  ];
}

function spanOf(areas: readonly string[]): string {
  const rects = areas.map((a) => parseRange(a)).filter((r) => r !== null);
  const row = Math.min(...rects.map((r) => r.row));
  const col = Math.min(...rects.map((r) => r.col));
  const end = Math.max(...rects.map((r) => r.row + r.rows));
  const right = Math.max(...rects.map((r) => r.col + r.cols));
  return rangeAddress({ row, col, rows: end - row, cols: right - col });
}

function layoutSteps(p: SelfTestProbe, host: SelfTestHost): ExcelStep[] {
  return [
    {
      step: "merges",
      start: (sheet) => {
        for (const area of p.merges.areas) sheet.getRange(area).merge(false);
        // Reading merges back needs ExcelApi 1.13; without it the item says so.
        if (!host.isSetSupported?.("ExcelApi", OPTIONAL_EXCEL_API.mergedAreas))
          return { read: () => undefined };
        const merged = sheet.getRange(spanOf(p.merges.areas)).getMergedAreasOrNullObject();
        merged.load("areaCount,cellCount");
        return {
          read: (out) =>
            (out.merges = merged.isNullObject
              ? { areaCount: 0, cellCount: 0 }
              : { areaCount: merged.areaCount, cellCount: merged.cellCount }),
        };
      },
    },
    {
      step: "validation",
      start: (sheet) => {
        const v = p.validation;
        const dv = sheet.getRange(v.address).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: v.source } };
        dv.prompt = { showPrompt: true, ...v.prompt };
        dv.errorAlert = { showAlert: true, style: "Stop", ...v.errorAlert };
        dv.load("rule,prompt,errorAlert");
        return {
          read: (out) =>
            (out.validation = {
              source: dv.rule.list?.source,
              prompt: { title: dv.prompt.title, message: dv.prompt.message },
              errorAlert: { title: dv.errorAlert.title, message: dv.errorAlert.message },
            }),
        };
      },
    },
    {
      step: "autofit",
      start: (sheet) => {
        const a = p.autofit;
        sheet.getRange(`${a.column}:${a.column}`).format.columnWidth = a.columnWidth;
        const rows = sheet.getRange(`${a.column}${a.shortRow}:${a.column}${a.longRow}`);
        rows.values = [[a.shortText], [a.longText]];
        rows.format.wrapText = true;
        rows.format.font.size = a.fontSize;
        const whole = sheet.getRange(`${a.shortRow}:${a.longRow}`);
        whole.format.rowHeight = a.presetHeight;
        whole.format.autofitRows();
        const short = sheet.getRange(`${a.shortRow}:${a.shortRow}`).format;
        const long = sheet.getRange(`${a.longRow}:${a.longRow}`).format;
        short.load("rowHeight");
        long.load("rowHeight");
        return {
          read: (out) =>
            (out.autofit = { shortHeight: short.rowHeight, longHeight: long.rowHeight }),
        };
      },
    },
  ];
}

function tableStep(p: SelfTestProbe): ExcelStep {
  return {
    step: "table",
    start: (sheet) => {
      const t = p.table;
      sheet.getRange(t.address).values = [t.headers, ...t.rows];
      const table = sheet.tables.add(t.address, true);
      table.name = t.name;
      table.load("name");
      const header = table.getHeaderRowRange();
      header.load("values");
      const count = table.rows.getCount();
      let after: { count: OfficeExtension.ClientResult<number>; body: Excel.Range } | undefined;
      return {
        then: () => {
          table.rows.add(undefined, t.addRows);
          const body = table.getDataBodyRange();
          body.load("values");
          after = { count: table.rows.getCount(), body };
        },
        read: (out) =>
          (out.table = {
            name: table.name,
            headers: header.values[0] ?? [],
            rowCount: count.value,
            rowCountAfterAdd: after?.count.value,
            rowsAfterAdd: after?.body.values,
          }),
      };
    },
  };
}

function sheetSteps(p: SelfTestProbe): ExcelStep[] {
  return [
    {
      step: "pageLayout",
      start: (sheet) => {
        sheet.pageLayout.zoom = { ...p.zoom };
        sheet.pageLayout.load("zoom");
        return { read: (out) => (out.zoom = { ...sheet.pageLayout.zoom }) };
      },
    },
    {
      step: "pageBreaks",
      start: (sheet) => {
        const breaks = sheet.horizontalPageBreaks;
        for (const row of p.pageBreakRows) breaks.add(`A${row}`);
        const count = breaks.getCount();
        let afterRemove: OfficeExtension.ClientResult<number> | undefined;
        return {
          then: () => {
            breaks.removePageBreaks();
            afterRemove = breaks.getCount();
          },
          read: (out) =>
            (out.pageBreaks = { count: count.value, countAfterRemove: afterRemove?.value }),
        };
      },
    },
    {
      step: "chart",
      start: (sheet) => {
        const chart = sheet.charts.add(p.chart.type, sheet.getRange(p.chart.dataAddress), "Auto");
        chart.title.text = p.chart.title;
        chart.load("chartType");
        chart.title.load("text");
        const count = sheet.charts.getCount();
        return {
          read: (out) =>
            (out.chart = { count: count.value, type: chart.chartType, title: chart.title.text }),
        };
      },
    },
    {
      step: "freeze",
      start: (sheet) => {
        sheet.freezePanes.freezeRows(p.freezeRows);
        const frozen = sheet.freezePanes.getLocationOrNullObject();
        frozen.load("address");
        return {
          read: (out) => (out.freeze = { address: frozen.isNullObject ? null : frozen.address }),
        };
      },
    },
    {
      step: "visibility",
      start: (sheet, context) => {
        sheet.visibility = p.visibility;
        sheet.load("visibility");
        let hidden: unknown;
        const again = context.workbook.worksheets.getItem(p.sheet);
        return {
          then: () => {
            hidden = sheet.visibility;
            again.visibility = "Visible";
            again.load("visibility");
          },
          read: (out) => (out.visibility = { hidden, shownAgain: again.visibility }),
        };
      },
    },
  ];
}

function customXmlStep(p: SelfTestProbe, made: { part?: Excel.CustomXmlPart }): ExcelStep {
  return {
    step: "customXml",
    start: (_sheet, context) => {
      const part = context.workbook.customXmlParts.add(p.customXml.xml);
      made.part = part;
      const xml = part.getXml();
      const count = context.workbook.customXmlParts
        .getByNamespace(p.customXml.namespace)
        .getCount();
      return { read: (out) => (out.customXml = { xml: xml.value, found: count.value }) };
    },
  };
}

function failureOf(step: SelfTestStep, error: unknown): SelfTestReadBack["failures"][number] {
  const e = error as { code?: unknown; message?: unknown };
  return {
    step,
    ...(typeof e?.code === "string" ? { code: e.code } : {}),
    message: typeof e?.message === "string" ? e.message : String(error),
  };
}

/** Every step of the probe, in the order they are queued. */
function stepsOf(
  p: SelfTestProbe,
  host: SelfTestHost,
  made: { part?: Excel.CustomXmlPart }
): ExcelStep[] {
  return [
    ...cellSteps(p),
    ...formatSteps(p),
    ...layoutSteps(p, host),
    tableStep(p),
    customXmlStep(p, made),
    ...sheetSteps(p),
  ];
}

/** Deletes the probe's part, if the failed batch got as far as adding it. */
async function removePart(
  context: Excel.RequestContext,
  made: { part?: Excel.CustomXmlPart }
): Promise<void> {
  const part = made.part;
  made.part = undefined;
  if (!part) return;
  try {
    part.delete();
    await context.sync();
  } catch {
    // Never added: nothing to remove.
  }
}

/** Steps one at a time on a fresh sheet, after a batch of them failed: who refused what. */
async function stepByStep(
  context: Excel.RequestContext,
  steps: readonly ExcelStep[],
  p: SelfTestProbe,
  out: SelfTestReadBack
): Promise<void> {
  context.workbook.worksheets.getItem(p.sheet).delete();
  context.workbook.worksheets.add(p.sheet);
  await context.sync();
  for (const step of steps) {
    const sheet = context.workbook.worksheets.getItem(p.sheet);
    try {
      const run = step.start(sheet, context);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only after a batch failed: one step per sync names the one Excel refused
      await context.sync();
      if (run.then) {
        run.then();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- as above
        await context.sync();
      }
      run.read(out);
    } catch (error) {
      out.failures.push(failureOf(step.step, error));
    }
  }
}

/** The self-test's batches in one Excel.run (see the module comment). */
export async function runExcelSelfTest(
  context: Excel.RequestContext,
  syncs: Syncs,
  p: SelfTestProbe,
  host: SelfTestHost
): Promise<SelfTestReadBack> {
  const out: SelfTestReadBack = {
    host: { kind: "excel", ...host.diagnostics },
    sheet: { name: p.sheet, removed: false },
    failures: [],
    syncs: 0,
  };
  if (host.isSetSupported)
    out.requirementSets = p.requirementSets.map((s) => host.isSetSupported!(s.name, s.version));
  const existing = context.workbook.worksheets.getItemOrNullObject(p.sheet);
  existing.load("name");
  await context.sync();
  if (!existing.isNullObject) throw sheetNameTaken(p.sheet);
  const made: { part?: Excel.CustomXmlPart } = {};
  try {
    context.workbook.worksheets.add(p.sheet);
    await context.sync();
    const steps = stepsOf(p, host, made);
    try {
      const sheet = context.workbook.worksheets.getItem(p.sheet);
      const runs = steps.map((step) => step.start(sheet, context));
      await context.sync();
      for (const run of runs) run.then?.();
      await context.sync();
      for (const run of runs) run.read(out);
    } catch {
      await removePart(context, made);
      await stepByStep(context, steps, p, out);
    }
  } catch (error) {
    out.failures.push(failureOf("sheet", error));
  } finally {
    await cleanup(context, p, made, out);
  }
  out.syncs = syncs.count;
  return out;
}

/** Removes the scratch sheet and the probe's part, and checks the sheet is gone: one sync,
 * or (when that fails, e.g. the sheet was never made) one to look and one to remove. */
async function cleanup(
  context: Excel.RequestContext,
  p: SelfTestProbe,
  made: { part?: Excel.CustomXmlPart },
  out: SelfTestReadBack
): Promise<void> {
  const gone = (): Excel.Worksheet => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(p.sheet);
    sheet.load("name");
    return sheet;
  };
  try {
    context.workbook.worksheets.getItem(p.sheet).delete();
    made.part?.delete();
    const check = gone();
    await context.sync();
    out.sheet.removed = check.isNullObject;
    return;
  } catch {
    // Looked at once more below.
  }
  try {
    const sheet = gone();
    await context.sync();
    if (!sheet.isNullObject) sheet.delete();
    const check = gone();
    await context.sync();
    out.sheet.removed = check.isNullObject;
  } catch (error) {
    out.failures.push(failureOf("cleanup", error));
  }
}
