/**
 * The chart of progress by round (actual, and planned where rounds have a plan) and the
 * small data table under it that the chart reads: one row per round and no merges, so any
 * number of rounds stays under Excel's 512 merged areas.
 */
import { cellAddress, rangeAddress } from "../../a1";
import type { ChartSpec } from "../../types";
import { FORM_COLS, HELPER_COL, heading, isNumber, type FormContext } from "./layout";
import { RoundFormulas, type RoundRow } from "./roundsTable";

export const CHART_ROWS = 14;
const CHART_ROW_HEIGHT = 18;

/** The data table under the chart; returns the first and last data rows. */
function writeChartData(
  ctx: FormContext,
  roundRows: readonly RoundRow[],
  hasPlan: boolean
): { firstData: number; lastData: number } {
  const { w, live, t } = ctx;
  const formulas = new RoundFormulas(live);
  const dataHead = w.row;
  w.put(dataHead, 0, { value: t("chartRound") }, "chartHead");
  w.put(dataHead, 1, { value: t("chartActual") }, "chartHead");
  if (hasPlan) w.put(dataHead, 2, { value: t("chartPlanned") }, "chartHead");
  for (const [col, text] of [
    [0, t("chartRound")],
    [1, t("chartActual")],
  ] as const)
    w.fit(dataHead, text, col, 1, "chartHead");
  const firstData = dataHead + 1;
  roundRows.forEach(({ round, row }, i) => {
    const r = firstData + i;
    w.put(r, 0, { value: round.round ?? null }, "chartRound");
    w.fit(r, String(round.round ?? ""), 0, 1, "chartRound");
    const progressCell = cellAddress(row, 3);
    w.put(
      r,
      1,
      live
        ? { formula: `=IF(${progressCell}="","",${progressCell})`, value: round.progress ?? null }
        : { value: round.progress ?? null },
      "chartValue"
    );
    if (hasPlan) {
      const planned = formulas.isLive(round)
        ? formulas.field("plannedProgress", cellAddress(row, HELPER_COL, true), false)
        : {};
      w.put(r, 2, { value: round.plannedProgress ?? null, ...planned }, "chartPlannedValue");
    }
  });
  return { firstData, lastData: firstData + roundRows.length - 1 };
}

/** The chart's heading, its place and its data; returns the chart to draw there. */
export function writeProgressChart(ctx: FormContext, roundRows: readonly RoundRow[]): ChartSpec {
  const { w, t } = ctx;
  w.row += 1;
  heading(w, t("chartTitle"), "section");
  const chartTop = w.row;
  for (let r = 0; r < CHART_ROWS; r++) w.atLeast(chartTop + r, CHART_ROW_HEIGHT);
  w.row += CHART_ROWS;
  const hasPlan = roundRows.some(({ round }) => isNumber(round.plannedProgress));
  const { firstData, lastData } = writeChartData(ctx, roundRows, hasPlan);
  const column = (col: number) =>
    rangeAddress({ row: firstData, col, rows: lastData - firstData + 1, cols: 1 });
  const series = [{ name: t("chartActual"), values: column(1) }];
  if (hasPlan) series.push({ name: t("chartPlanned"), values: column(2) });
  w.row = lastData + 1;
  return {
    type: "line",
    title: t("chartTitle"),
    categories: column(0),
    series,
    topLeft: cellAddress(chartTop, 0),
    bottomRight: cellAddress(chartTop + CHART_ROWS - 1, FORM_COLS - 1),
    valueAxis: { min: 0, max: 100, numberFormat: "0" },
    categoryTitle: t("chartRound"),
  };
}
