/**
 * Writing a generated sheet in at most three syncs (more only for content over the
 * budget): 1. which sheets exist and where Kaona's marks are; 2. the marks and, for an
 * existing sheet, its protection and content, to apply the shared refusal rules
 * (../writeRefusals.ts); 3. the sheet, with events off, and its mark.
 */
import type { SheetLayout } from "../../domain/types";
import { parseRange, rangeAddress, type RangeRef } from "../../domain/a1";
import {
  GENERATED_NAMESPACE,
  decodeGenerated,
  emptyGenerated,
  encodeGenerated,
  withLearnedIds,
  withMark,
  type GeneratedSheetMark,
  type GeneratedSheets,
} from "../bindingsStore";
import { ContentFingerprint } from "../cellContent";
import { jsonBytes, utf8Length } from "../payload";
import type { WriteResult } from "../port";
import { extentAddress, type SheetPlan } from "../sheetPlan";
import { vetReplacement } from "../writeRefusals";
import { packBatches, rowsWithin, type Budget } from "./batches";
import { queuePartWrite, queuePartsOf } from "./customXmlParts";
import { isPayloadError } from "./errors";
import { withEventsOff, type Syncs } from "./excelRun";
import { OPTIONAL_EXCEL_API } from "./requirements";
import { sheetOps } from "./sheetOps";
import { readRowWindows } from "./windowedReads";

/** What writing a sheet needs beyond the plan. */
export interface SheetWriteEnv {
  budget: Budget;
  /** Ids of the sheets this session created (lower-cased name when created → id). */
  learnedIds: Map<string, string>;
  supports: (version: string) => boolean;
  now: () => Date;
}

export interface SheetWriteOptions {
  overwriteEdited?: boolean;
  activate?: boolean;
}

interface Inspection {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  /** The used part of rows 1..firstRows, with formulas (absent when not read in sync 2). */
  first?: Excel.Range;
  firstRows: number;
}

/** Bytes per row of a plan's content (sampled), to size the reading of the sheet it replaces. */
function contentBytesPerRow(plan: SheetPlan): number {
  let bytes = 0;
  let rows = 0;
  for (const block of plan.blocks) {
    const sample = block.grid.slice(0, 200);
    bytes += jsonBytes(sample);
    rows += sample.length;
  }
  return rows > 0 ? Math.max(16, bytes / rows) : 256;
}

/** Queues what sync 2 learns of an existing sheet: protection, charts, the used range
 * and the formulas of its first `firstRows` rows (all of a sheet of the usual size). */
function queueInspect(
  context: Excel.RequestContext,
  sheetId: string,
  firstRows: number
): Inspection {
  const sheet = context.workbook.worksheets.getItem(sheetId);
  sheet.load("protection/protected");
  sheet.charts.load("items/name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address");
  let first: Excel.Range | undefined;
  if (firstRows > 0) {
    first = sheet.getRange(`1:${firstRows}`).getUsedRangeOrNullObject(true);
    first.load("address,formulas");
  }
  return { sheet, used, first, firstRows };
}

/** The content fingerprint of an inspected sheet: the first rows from sync 2, the rest
 * (of a sheet larger than the new layout suggested) in windows, one sync per ≤ 4 MB. */
async function fingerprintOf(
  context: Excel.RequestContext,
  inspected: Inspection,
  planBytesPerRow: number,
  budget: Budget
): Promise<string> {
  const fingerprint = new ContentFingerprint();
  if (inspected.used.isNullObject) return fingerprint.digest();
  const used = parseRange(inspected.used.address);
  if (!used) return fingerprint.digest();
  let bytesPerRow = planBytesPerRow;
  let from = used.row;
  const first = inspected.first;
  if (first) {
    from = Math.max(used.row, inspected.firstRows);
    const rect = first.isNullObject ? undefined : parseRange(first.address);
    if (rect) {
      fingerprint.addGrid(rect.row, rect.col, first.formulas);
      bytesPerRow = Math.max(1, jsonBytes(first.formulas) / rect.rows);
    }
  }
  const end = used.row + used.rows;
  if (from < end) {
    const rest: RangeRef = { row: from, col: used.col, rows: end - from, cols: used.cols };
    const job = {
      rect: rest,
      pending: [[0, rest.rows]] as [number, number][],
      bytesPerRow,
      range: (r: RangeRef) => inspected.sheet.getRange(rangeAddress(r)),
      props: "formulas",
      take: (offset: number, range: Excel.Range) => {
        fingerprint.addGrid(rest.row + offset, rest.col, range.formulas);
        return jsonBytes(range.formulas);
      },
    };
    await readRowWindows(context, [job], budget);
  }
  return fingerprint.digest();
}

/** The sheet to replace, as found in sync 1. */
interface FoundSheet {
  id: string;
  name: string;
}

interface Vetted {
  generated: GeneratedSheets;
  /** The mark of the sheet being replaced. */
  mark?: GeneratedSheetMark;
  chartNames: string[];
}

/** Sync 2: the marks and, for an existing sheet, the refusal rules applied to it. */
async function vetTarget(
  context: Excel.RequestContext,
  plan: SheetPlan,
  found: FoundSheet | undefined,
  sheets: { liveIds: Set<string>; partIds: string[] },
  env: SheetWriteEnv,
  overwriteEdited: boolean
): Promise<Vetted> {
  if (!found && sheets.partIds.length === 0) return { generated: emptyGenerated(), chartNames: [] };
  const queue = (firstRows: number) => ({
    xml: sheets.partIds[0]
      ? context.workbook.customXmlParts.getItem(sheets.partIds[0]).getXml()
      : undefined,
    inspected: found ? queueInspect(context, found.id, firstRows) : undefined,
  });
  const planBytesPerRow = contentBytesPerRow(plan);
  let sync2 = queue(rowsWithin(env.budget.maxBytes, planBytesPerRow, env.budget.maxRows));
  try {
    await context.sync();
  } catch (error) {
    if (!found || !isPayloadError(error)) throw error;
    sync2 = queue(0);
    await context.sync();
  }
  const generated = withLearnedIds(decodeGenerated(sync2.xml?.value), env.learnedIds);
  const inspected = sync2.inspected;
  if (!found || !inspected) return { generated, chartNames: [] };
  const mark = await vetReplacement(
    generated,
    {
      id: found.id,
      name: found.name,
      liveIds: sheets.liveIds,
      isProtected: inspected.sheet.protection.protected,
      fingerprint: () => fingerprintOf(context, inspected, planBytesPerRow, env.budget),
    },
    overwriteEdited
  );
  return { generated, mark, chartNames: inspected.sheet.charts.items.map((c) => c.name) };
}

export async function writeSheet(
  context: Excel.RequestContext,
  syncs: Syncs,
  plan: SheetPlan,
  layout: SheetLayout,
  options: SheetWriteOptions,
  env: SheetWriteEnv
): Promise<WriteResult> {
  // Sync 1: which sheets exist, where the marks are, the events switch.
  const sheets = context.workbook.worksheets;
  sheets.load("items/id,items/name");
  const parts = queuePartsOf(context, GENERATED_NAMESPACE);
  context.runtime.load("enableEvents");
  await context.sync();
  const found = sheets.items.find((s) => s.name.toLowerCase() === plan.name.toLowerCase());
  const partIds = parts.items.map((p) => p.id);
  const liveIds = new Set(sheets.items.map((s) => s.id));

  // Sync 2: the marks and, for an existing sheet, its protection and content (the rest of
  // a large old sheet in windows after).
  const { generated, mark, chartNames } = await vetTarget(
    context,
    plan,
    found,
    { liveIds, partIds },
    env,
    Boolean(options.overwriteEdited)
  );

  // Sync 3 (or one per chunk): the sheet, with events off.
  const previous = context.runtime.enableEvents;
  return withEventsOff(context, syncs, previous, async () => {
    const sheet = found
      ? context.workbook.worksheets.getItem(found.id)
      : context.workbook.worksheets.add(plan.name);
    // A new sheet's id comes back with the first batch; the mark is written in the
    // last, so a chunked write records it at once, a single batch with the next write.
    if (!found) sheet.load("id");
    const ops = sheetOps(sheet, plan, env.budget, found ? { chartNames } : undefined);
    let batchIndex = 0;
    const markFor = (sheetId: string): string =>
      encodeGenerated(
        withMark(
          generated,
          {
            sheetId,
            sheetName: found?.name ?? plan.name,
            fingerprint: plan.fingerprint,
            address: extentAddress(plan),
            generatedAt: env.now().toISOString(),
            ...(layout.origin ? { origin: layout.origin } : {}),
          },
          mark
        )
      );
    ops.push({
      bytes: utf8Length(markFor(found?.id ?? "")) + 512,
      rows: 0,
      apply: () => {
        queuePartWrite(context, partIds, markFor(found?.id ?? (batchIndex > 0 ? sheet.id : "")));
        if (env.supports(OPTIONAL_EXCEL_API.worksheetCustomProperties)) {
          sheet.customProperties.add(
            "KaonaGenerated",
            JSON.stringify(layout.origin ?? { generator: "kaona" })
          );
        }
        if (options.activate) sheet.activate();
        context.runtime.enableEvents = previous;
      },
    });
    const batches = packBatches(ops, env.budget.maxBytes, env.budget.maxRows);
    for (; batchIndex < batches.length; batchIndex++) {
      for (const op of batches[batchIndex]) op.apply();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per ≤ 4 MB chunk, as Excel on the web's 5 MB limit requires
      await context.sync();
    }
    const sheetId = found?.id ?? sheet.id;
    if (!found) env.learnedIds.set(plan.name.toLowerCase(), sheetId);
    return {
      sheet: plan.name,
      syncs: syncs.count,
      replaced: Boolean(found),
      chunks: batches.length,
      sheetId,
    };
  });
}
