/**
 * The summary sheet: one row per project with its latest round, progress, plan status,
 * disbursement rate and outcome tally. A snapshot of values (A4 landscape).
 */
import { BE_DATE_NUMERIC_FORMAT } from "../dates";
import {
  budgetSummary,
  latestProgress,
  passRate,
  projectCodeKey,
  roundsOfProject,
  tallyIndicatorOutcomes,
} from "../compute";
import type {
  CellStyle,
  Indicator,
  Lang,
  Project,
  Round,
  SheetLayout,
  Vocabularies,
} from "../types";
import { DEFAULT_VOCABULARIES, vocabularyLabel } from "../vocabularies";
import { formLabel, reportText } from "./labels";
import { REPORT_FONT, SheetWriter, listingLayout, listingStyles, type FontProfile } from "./sheet";

export interface SummaryOptions {
  lang: Lang;
  vocabularies?: Vocabularies;
  /** Project code → its report sheet, to link each row to it. */
  reportSheets?: Readonly<Record<string, string>>;
  sheetName?: string;
  font?: FontProfile;
}

/** A4 landscape with 0.5" margins leaves 10.69" = 770 pt. */
const SUMMARY_COLUMN_WIDTHS = [30, 82, 170, 120, 46, 62, 56, 62, 50, 90];

function summaryStyles(lang: Lang): Record<string, CellStyle> {
  const listing = listingStyles();
  const cell = listing.text;
  return {
    ...listing,
    title: { fontName: REPORT_FONT, fontSize: 18, bold: true, hAlign: "center", vAlign: "middle" },
    date: {
      ...cell,
      hAlign: "center",
      numberFormat: lang === "th" ? BE_DATE_NUMERIC_FORMAT : "d mmm yyyy",
    },
    percent: { ...cell, hAlign: "right", numberFormat: "0.00" },
    rate: { ...cell, hAlign: "right", numberFormat: "0.00%" },
  };
}

/** Outcome counts as "409/6/3/3", the categories that are not "excluded" in vocabulary
 * order, with the excluded ones after: "409/6/3/3 (+10)". Blank without indicators. */
export function tallyText(tally: ReturnType<typeof tallyIndicatorOutcomes>): string {
  if (tally.total === 0) return "";
  const counted = tally.categories.filter((c) => c.counts !== "excluded").map((c) => c.count);
  const excluded = tally.byClass.excluded;
  const unrecognised = tally.unrecognised.reduce((sum, u) => sum + u.count, 0);
  let text = counted.join("/");
  if (excluded > 0) text += ` (+${excluded})`;
  if (unrecognised > 0) text += ` ?${unrecognised}`;
  return text;
}

export function buildSummaryReport(
  projects: readonly Project[],
  rounds: readonly Round[],
  indicators: readonly Indicator[],
  options: SummaryOptions
): SheetLayout {
  const lang = options.lang;
  const font = options.font;
  const vocabularies = options.vocabularies ?? DEFAULT_VOCABULARIES;
  const styles = summaryStyles(lang);
  const w = new SheetWriter([...SUMMARY_COLUMN_WIDTHS], styles, font?.lineEm);
  const cols = SUMMARY_COLUMN_WIDTHS.length;
  const t = (key: Parameters<typeof reportText>[0]) => reportText(key, lang);

  w.put(0, 0, { value: t("summaryTitle") }, "title", cols);
  w.atLeast(0, 30);
  const headerRow = 1;
  const headers = [
    t("no"),
    formLabel("projects", "code", lang),
    formLabel("projects", "name", lang),
    formLabel("projects", "unit", lang),
    t("latestRound"),
    t("latestDate"),
    t("latestProgress"),
    formLabel("rounds", "planStatus", lang),
    t("disbursementRate"),
    t("outcomeTally"),
  ];
  w.headerRow(headerRow, headers);

  const sheets = new Map(
    Object.entries(options.reportSheets ?? {}).map(([code, sheet]) => [projectCodeKey(code), sheet])
  );
  projects.forEach((project, i) => {
    const row = w.row;
    const own = roundsOfProject(rounds, project.code);
    const last = own[own.length - 1];
    const progress = latestProgress(rounds, project.code);
    const budget = budgetSummary(project, rounds);
    const tally = tallyIndicatorOutcomes(indicators, project.code, vocabularies.outcome);
    const planned = typeof project.targetCount === "number" ? project.targetCount : undefined;
    const rate = tally.total > 0 ? passRate(tally, "evaluated", planned).rate : undefined;
    const plan = last?.planStatus
      ? last.planStatus.key !== null
        ? (vocabularyLabel(vocabularies.planStatus, last.planStatus.key, lang) ??
          last.planStatus.text)
        : last.planStatus.text
      : "";
    const sheet = sheets.get(projectCodeKey(project.code));
    const outcome = tallyText(tally) + (rate !== undefined ? `\n${(rate * 100).toFixed(2)}%` : "");

    w.put(row, 0, { value: i + 1 }, "center");
    w.put(
      row,
      1,
      sheet ? { value: project.code, link: { sheet, cell: "A1" } } : { value: project.code },
      sheet ? "link" : "center"
    );
    w.put(row, 2, { value: project.name }, "text");
    w.put(row, 3, { value: project.unit ?? "" }, "text");
    w.put(row, 4, { value: last?.round ?? null }, "center");
    w.put(row, 5, { value: last?.date ?? null }, "date");
    w.put(row, 6, { value: progress?.progress ?? null }, "percent");
    w.put(row, 7, { value: plan }, "center");
    w.put(row, 8, { value: budget.rate ?? null }, "rate");
    w.put(row, 9, { value: outcome }, "center");
    w.fit(row, project.code, 1, 1, "center");
    w.fit(row, project.name, 2, 1, "text");
    w.fit(row, project.unit ?? "", 3, 1, "text");
    w.fit(row, plan, 7, 1, "center");
    w.fit(row, outcome, 9, 1, "center");
    w.row += 1;
  });
  const name = options.sheetName ?? t("summarySheet");
  return listingLayout(w, { name, kind: "summary", lang, headerRow, cols }, font);
}
