/**
 * The project report: the official form "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"
 * as a SheetLayout that prints on A4 portrait, one page wide.
 *
 * Columns A–G carry the form; column H is hidden and, in live mode, holds the table row
 * each line reads from (see live.ts). Long texts are split into rows of a few lines each
 * in values mode, so rows stay under Excel's 409 pt and page breaks fall between them.
 */
import { BE_DATE_LONG_FORMAT, BE_DATE_NUMERIC_FORMAT, formatThaiDate } from "../dates";
import { passRates, roundsOfProject, tallyIndicatorOutcomes, type PassRateBasis } from "../compute";
import type {
  CellStyle,
  ChartSpec,
  Indicator,
  Lang,
  Project,
  Round,
  SheetLayout,
  VocabValue,
  Vocabularies,
  VocabularyEntry,
} from "../types";
import { DEFAULT_VOCABULARIES, vocabularyLabel } from "../vocabularies";
import { cellAddress, columnLetters, rangeAddress, safeSheetName } from "../a1";
import { formLabel, reportText } from "./labels";
import {
  boundColumn,
  countSpellings,
  formattedExpr,
  formulaString,
  rowOf,
  rowOfPair,
  textAt,
  textExpr,
  valueAt,
  type LiveSource,
} from "./live";
import { estimateLines, maxLinesPerRow, rowHeightFor, splitIntoRows } from "./measure";
import { REPORT_FONT, SheetWriter, withFont, type FontProfile } from "./sheet";

export interface ReportOptions {
  /** "live": formulas over the bound tables (needs `source`); "values": a snapshot. */
  mode: "live" | "values";
  lang: Lang;
  /** Add a line chart of progress by round (actual, and planned where there is a plan). */
  chart: boolean;
  /** The bound tables and columns, for live formulas. Fields not bound are written as values. */
  source?: LiveSource;
  /** Sheet name; default the project code. */
  sheetName?: string;
  /** Font; default TH Sarabun New (see FONT_PROFILES). */
  font?: FontProfile;
}

export interface ProjectReportInput {
  project: Project;
  /** The project's rounds (rounds of other projects are ignored). */
  rounds: readonly Round[];
  indicators?: readonly Indicator[];
  vocabularies?: Vocabularies;
  options: ReportOptions;
}

/** A4 portrait, 0.6" left and 0.5" right margins leave 7.17" = 516 pt: the form's width. */
export const REPORT_COLUMN_WIDTHS = [40, 62, 196, 52, 62, 52, 52, 90, 36];
const FORM_COLS = 7;
/** Hidden helper columns: H holds each round's table row (live mode) and the project
 * code on the code line; I the project's table row. */
const HELPER_COL = 7;
const KEY_COL = 7;
const INDEX_COL = 8;
/** Largest single cell text Excel accepts. */
const MAX_CELL_TEXT = 32767;
/** Lines per row of long text in values mode: short rows break across pages cleanly. */
const LINES_PER_TEXT_ROW = 10;
const LINES_PER_NARRATIVE_ROW = 15;
/** Rows (merged areas) one long text may take: 3 texts × 40 stay far under 512. */
const MAX_TEXT_ROWS = 40;
const CHART_ROWS = 14;
const CHART_ROW_HEIGHT = 18;

const SIZE_TITLE = 20;
const SIZE_BODY = 16;
const SIZE_TABLE = 14;

function reportStyles(): Record<string, CellStyle> {
  const body: CellStyle = { fontName: REPORT_FONT, fontSize: SIZE_BODY, vAlign: "top" };
  const table: CellStyle = {
    fontName: REPORT_FONT,
    fontSize: SIZE_TABLE,
    vAlign: "top",
    wrap: true,
  };
  return {
    title: {
      fontName: REPORT_FONT,
      fontSize: SIZE_TITLE,
      bold: true,
      hAlign: "center",
      vAlign: "middle",
      wrap: true,
    },
    section: { ...body, bold: true, wrap: true },
    subsection: { ...body, bold: true, indent: 1, wrap: true },
    line: { ...body, indent: 1, wrap: true },
    paragraph: { ...body, wrap: true, indent: 2 },
    thead: {
      ...table,
      bold: true,
      hAlign: "center",
      vAlign: "middle",
      fill: "#D9D9D9",
      border: all,
    },
    tallyLabel: { ...table, indent: 1, border: all },
    tallyLabelBold: { ...table, bold: true, indent: 1, border: all },
    tallyCount: { ...table, hAlign: "right", numberFormat: "#,##0", border: all },
    tallyCountBold: { ...table, bold: true, hAlign: "right", numberFormat: "#,##0", border: all },
    tallyRate: { ...table, bold: true, hAlign: "right", numberFormat: "0.00%", border: all },
    tallyBasis: { ...table, hAlign: "center", border: all },
    chartHead: { ...table, bold: true, hAlign: "center", fill: "#D9D9D9", border: all },
    chartRound: { ...table, hAlign: "center", border: all },
    chartValue: { ...table, hAlign: "right", numberFormat: "0.00", border: all },
    chartPlannedValue: { ...table, hAlign: "center", numberFormat: "0.00", border: all },
    certification: { ...body, wrap: true, indent: 2 },
    signature: { ...body, hAlign: "center" },
    note: { ...body, italic: true, color: "#595959", wrap: true },
  };
}

const all = { top: true, bottom: true, left: true, right: true };

/** Round table cell styles: left/right borders always, top on a round's first row, bottom on its last. */
function roundStyle(
  styles: Record<string, CellStyle>,
  kind: "center" | "date" | "text" | "percent" | "money" | "status",
  first: boolean,
  last: boolean,
  lang: Lang
): string {
  const key = `round.${kind}.${first ? "t" : ""}${last ? "b" : ""}`;
  if (!styles[key]) {
    const base: CellStyle = {
      fontName: REPORT_FONT,
      fontSize: SIZE_TABLE,
      vAlign: "top",
      wrap: true,
      border: { left: true, right: true, top: first, bottom: last },
    };
    const extra: Record<typeof kind, CellStyle> = {
      center: { hAlign: "center" },
      date: {
        hAlign: "center",
        numberFormat: lang === "th" ? BE_DATE_NUMERIC_FORMAT : "d mmm yyyy",
      },
      text: { hAlign: "left" },
      percent: { hAlign: "right", numberFormat: "0.00" },
      money: { hAlign: "right", numberFormat: "#,##0.00" },
      status: { hAlign: "center" },
    };
    styles[key] = { ...base, ...extra[kind] };
  }
  return key;
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Text fit for one cell: Excel refuses more than 32,767 characters. */
function cellText(text: string | undefined): string {
  if (text === undefined) return "";
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

function vocabText(
  value: VocabValue | undefined,
  entries: readonly VocabularyEntry[],
  lang: Lang
): string {
  if (!value) return "";
  if (value.key !== null) return vocabularyLabel(entries, value.key, lang) ?? value.text;
  return value.text;
}

/** Builds the report sheet of one project. */
export function buildProjectReport(input: ProjectReportInput): SheetLayout {
  const { project, options } = input;
  const lang = options.lang;
  const vocabularies = input.vocabularies ?? DEFAULT_VOCABULARIES;
  const live = options.mode === "live" ? options.source : undefined;
  const rounds = roundsOfProject(input.rounds, project.code);
  const styles = reportStyles();
  const w = new SheetWriter([...REPORT_COLUMN_WIDTHS], styles, options.font?.lineEm);
  const t = (key: Parameters<typeof reportText>[0]) => reportText(key, lang);

  // Title.
  w.put(w.row, 0, { value: t("title") }, "title", FORM_COLS);
  w.atLeast(
    w.row,
    rowHeightFor(
      estimateLines(t("title"), w.width(0, FORM_COLS), SIZE_TITLE, true),
      SIZE_TITLE,
      w.lineEm
    ) + 6
  );
  w.row += 1;
  heading(w, t("section1"), "section");
  heading(w, t("s11"), "subsection");

  // 1.1–1.2 as the form prints them: "label : value" lines. The project code, which live
  // formulas key on, sits in hidden column H of the code line, its table row in column I.
  const codeRow = w.row + 1;
  const codeCell = cellAddress(codeRow, KEY_COL, true);
  const projectIndex = cellAddress(codeRow, INDEX_COL, true);
  const projectsCode = boundColumn(live, "projects", "code");
  /** A line's content: the text now, and in live mode the formula that rebuilds it. */
  const line = (
    label: string,
    text: string,
    expr?: (column: string) => string,
    field?: keyof Project
  ) => {
    const value = cellText(`${label} : ${text}`);
    const column = field ? boundColumn(live, "projects", field) : undefined;
    if (!column || !projectsCode || !expr) return { value };
    return { value, formula: `=${formulaString(`${label} : `)}&${expr(column)}` };
  };
  const asText = (column: string) => textExpr(column, projectIndex);
  const label = (field: keyof Project) => formLabel("projects", field, lang);
  const dateFormat = lang === "th" ? BE_DATE_LONG_FORMAT : "d mmmm yyyy";
  const dateText = (serial: number | undefined) =>
    isNumber(serial) ? formatThaiDate(serial, "long", { lang }) : "";
  const asDate = (column: string) => formattedExpr(column, projectIndex, dateFormat);
  const bahtSuffix = ` ${t("baht")}`;
  const moneyText = (amount: number | undefined) =>
    isNumber(amount) ? `${formatMoney(amount)}${bahtSuffix}` : "";
  const asMoney = (column: string) => formattedExpr(column, projectIndex, "#,##0.00", bahtSuffix);

  wideLine(w, line(label("name"), cellText(project.name), asText, "name"));
  pairLine(
    w,
    line(label("code"), cellText(project.code)),
    line(
      label("fiscalYear"),
      isNumber(project.fiscalYear) ? String(project.fiscalYear) : "",
      asText,
      "fiscalYear"
    )
  );
  w.put(codeRow, KEY_COL, { value: cellText(project.code) });
  if (projectsCode)
    w.put(codeRow, INDEX_COL, { formula: rowOf(projectsCode, codeCell), value: project.row + 1 });
  pairLine(
    w,
    line(label("start"), dateText(project.start), asDate, "start"),
    line(label("end"), dateText(project.end), asDate, "end")
  );
  pairLine(
    w,
    line(label("budgetReceived"), moneyText(project.budgetReceived), asMoney, "budgetReceived"),
    line(label("budgetUsed"), moneyText(project.budgetUsed), asMoney, "budgetUsed")
  );

  heading(w, t("s12"), "subsection");
  for (const field of ["unit", "owner", "coordinator"] as const) {
    wideLine(w, line(label(field), cellText(project[field]), asText, field));
  }
  const projectField = (field: keyof Project): { formula?: string } => {
    const column = boundColumn(live, "projects", field);
    return column && projectsCode ? { formula: textAt(column, projectIndex) } : {};
  };

  // 1.3–1.5: long texts.
  const longText = (title: string, text: string | undefined, field: keyof Project) => {
    heading(w, title, "subsection");
    const formula = projectField(field).formula;
    if (formula) {
      const value = cellText(text);
      w.put(w.row, 0, { formula, value }, "paragraph", FORM_COLS);
      w.fit(w.row, value, 0, FORM_COLS, "paragraph");
      w.row += 1;
      return;
    }
    paragraphs(w, text ?? "", "paragraph");
  };
  longText(t("s13"), project.rationale, "rationale");
  longText(t("s14"), project.objectives, "objectives");
  const targetText =
    project.target ?? (isNumber(project.targetCount) ? String(project.targetCount) : undefined);
  longText(t("s15"), targetText, "target");

  heading(w, t("s16"), "subsection");
  for (const field of ["strategy", "subStrategy", "goal", "kpi"] as const) {
    wideLine(w, line(label(field), cellText(project[field]), asText, field));
  }

  // Section 2: the rounds.
  w.row += 1;
  heading(w, t("section2"), "section");
  const headerRow = w.row;
  const headers = [
    formLabel("rounds", "round", lang),
    t("dateHeader"),
    formLabel("rounds", "narrative", lang),
    formLabel("rounds", "progress", lang),
    t("disbursedHeader"),
    formLabel("rounds", "planStatus", lang),
    formLabel("rounds", "targetStatus", lang),
  ];
  headers.forEach((text, col) => {
    w.put(headerRow, col, { value: text }, "thead");
    w.fit(headerRow, text, col, 1, "thead");
  });
  w.row += 1;

  const roundsCode = boundColumn(live, "rounds", "projectCode");
  const roundsNumber = boundColumn(live, "rounds", "round");
  const roundField = (field: keyof Round, index: string, text: boolean): { formula?: string } => {
    const column = boundColumn(live, "rounds", field);
    if (!column || !roundsCode || !roundsNumber) return {};
    return { formula: text ? textAt(column, index) : valueAt(column, index) };
  };
  // The styles fit() measures with must exist before the first round is measured.
  roundStyle(styles, "text", true, true, lang);
  roundStyle(styles, "status", true, true, lang);
  /** First sheet row of each round, for the chart's data. */
  const roundRows: { round: Round; row: number }[] = [];
  if (rounds.length === 0) {
    w.put(
      w.row,
      0,
      { value: t("noRounds") },
      roundStyle(styles, "center", true, true, lang),
      FORM_COLS
    );
    w.fit(w.row, t("noRounds"), 0, FORM_COLS, "value");
    w.row += 1;
  }
  for (const round of rounds) {
    const first = w.row;
    const index = cellAddress(first, HELPER_COL, true);
    const liveRow =
      live !== undefined &&
      isNumber(round.round) &&
      roundsCode !== undefined &&
      roundsNumber !== undefined;
    const narrativeFormula = liveRow ? roundField("narrative", index, true).formula : undefined;
    const narrative = round.narrative ?? "";
    const pieces = narrativeFormula
      ? [cellText(narrative)]
      : splitIntoRows(
          narrative,
          w.width(2),
          SIZE_TABLE,
          Math.min(LINES_PER_NARRATIVE_ROW, maxLinesPerRow(SIZE_TABLE, w.lineEm))
        );
    const last = first + pieces.length - 1;
    pieces.forEach((piece, i) => {
      const row = first + i;
      const top = i === 0;
      const bottom = row === last;
      const f = (field: keyof Round, text: boolean) =>
        top && liveRow ? roundField(field, index, text) : {};
      w.put(
        row,
        0,
        top ? { value: round.round ?? null } : {},
        roundStyle(styles, "center", top, bottom, lang)
      );
      w.put(
        row,
        1,
        top ? { value: round.date ?? null, ...f("date", false) } : {},
        roundStyle(styles, "date", top, bottom, lang)
      );
      w.put(
        row,
        2,
        i === 0
          ? { value: piece, ...(narrativeFormula ? { formula: narrativeFormula } : {}) }
          : { value: piece },
        roundStyle(styles, "text", top, bottom, lang)
      );
      w.put(
        row,
        3,
        top ? { value: round.progress ?? null, ...f("progress", false) } : {},
        roundStyle(styles, "percent", top, bottom, lang)
      );
      w.put(
        row,
        4,
        top ? { value: round.disbursed ?? null, ...f("disbursed", false) } : {},
        roundStyle(styles, "money", top, bottom, lang)
      );
      const plan = vocabText(round.planStatus, vocabularies.planStatus, lang);
      const target = vocabText(round.targetStatus, vocabularies.targetStatus, lang);
      w.put(
        row,
        5,
        top ? { value: plan, ...f("planStatus", true) } : {},
        roundStyle(styles, "status", top, bottom, lang)
      );
      w.put(
        row,
        6,
        top ? { value: target, ...f("targetStatus", true) } : {},
        roundStyle(styles, "status", top, bottom, lang)
      );
      w.fit(row, piece, 2, 1, "round.text.tb");
      if (top) {
        w.fit(row, plan, 5, 1, "round.status.tb");
        w.fit(row, target, 6, 1, "round.status.tb");
      }
    });
    if (liveRow && roundsCode && roundsNumber) {
      w.put(first, HELPER_COL, {
        formula: rowOfPair(roundsCode, codeCell, roundsNumber, cellAddress(first, 0, false)),
        value: round.row + 1,
      });
    }
    roundRows.push({ round, row: first });
    w.row = last + 1;
  }

  // Outcome tally, for projects with indicators.
  const indicators = input.indicators ?? [];
  const tally = tallyIndicatorOutcomes(indicators, project.code, vocabularies.outcome);
  if (tally.total > 0) {
    w.row += 1;
    buildTally(w, input, tally, codeCell, live);
  }

  // Chart of progress by round, with its data table.
  const charts: ChartSpec[] = [];
  if (options.chart && roundRows.length > 0) {
    w.row += 1;
    heading(w, t("chartTitle"), "section");
    const chartTop = w.row;
    for (let r = 0; r < CHART_ROWS; r++) w.atLeast(chartTop + r, CHART_ROW_HEIGHT);
    w.row += CHART_ROWS;
    const hasPlan = roundRows.some(({ round }) => isNumber(round.plannedProgress));
    const dataHead = w.row;
    // One row per round and no merges, so any number of rounds stays under Excel's 512.
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
        const liveRow =
          live !== undefined &&
          isNumber(round.round) &&
          roundsCode !== undefined &&
          roundsNumber !== undefined;
        const planned = liveRow
          ? roundField("plannedProgress", cellAddress(row, HELPER_COL, true), false)
          : {};
        w.put(r, 2, { value: round.plannedProgress ?? null, ...planned }, "chartPlannedValue");
      }
    });
    const lastData = firstData + roundRows.length - 1;
    const series = [
      {
        name: t("chartActual"),
        values: rangeAddress({ row: firstData, col: 1, rows: lastData - firstData + 1, cols: 1 }),
      },
    ];
    if (hasPlan)
      series.push({
        name: t("chartPlanned"),
        values: rangeAddress({ row: firstData, col: 2, rows: lastData - firstData + 1, cols: 1 }),
      });
    charts.push({
      type: "line",
      title: t("chartTitle"),
      categories: rangeAddress({ row: firstData, col: 0, rows: lastData - firstData + 1, cols: 1 }),
      series,
      topLeft: cellAddress(chartTop, 0),
      bottomRight: cellAddress(chartTop + CHART_ROWS - 1, FORM_COLS - 1),
      valueAxis: { min: 0, max: 100, numberFormat: "0" },
      categoryTitle: t("chartRound"),
    });
    w.row = lastData + 1;
  }

  // Certification and signature.
  w.row += 1;
  w.put(w.row, 0, { value: t("certification") }, "certification", FORM_COLS);
  w.fit(w.row, t("certification"), 0, FORM_COLS, "certification");
  w.row += 2;
  for (const line of [t("signature"), t("signatureName"), t("position")]) {
    w.put(w.row, 2, { value: line }, "signature", FORM_COLS - 2);
    w.fit(w.row, line, 2, FORM_COLS - 2, "signature");
    w.row += 1;
  }
  const lastRow = w.row - 1;

  const layout = w.layout({
    name: safeSheetName(options.sheetName ?? project.code ?? "Report"),
    defaultFont: { name: REPORT_FONT, size: SIZE_BODY },
    hiddenColumns: [KEY_COL, INDEX_COL],
    charts: charts.length > 0 ? charts : undefined,
    page: {
      orientation: "portrait",
      paper: "A4",
      margins: { top: 0.75, bottom: 0.75, left: 0.6, right: 0.5, header: 0.3, footer: 0.3 },
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      printTitleRows: [headerRow, headerRow],
      centerFooter: "&P / &N",
      printArea: `A1:${columnLetters(FORM_COLS - 1)}${lastRow + 1}`,
    },
    origin: {
      generator: "kaona",
      kind: "report",
      projectCode: project.code,
      lang,
      mode: live ? "live" : "values",
    },
  });
  return withFont(layout, options.font);
}

function heading(w: SheetWriter, text: string, style: "section" | "subsection"): void {
  w.put(w.row, 0, { value: text }, style, FORM_COLS);
  w.fit(w.row, text, 0, FORM_COLS, style);
  w.row += 1;
}

/** A "label : value" line across the form. */
function wideLine(w: SheetWriter, content: { value: string; formula?: string }): void {
  w.put(w.row, 0, content, "line", FORM_COLS);
  w.fit(w.row, content.value, 0, FORM_COLS, "line");
  w.row += 1;
}

/** Two "label : value" lines side by side: A:C and D:G. */
function pairLine(
  w: SheetWriter,
  left: { value: string; formula?: string },
  right: { value: string; formula?: string }
): void {
  w.put(w.row, 0, left, "line", 3);
  w.put(w.row, 3, right, "line", FORM_COLS - 3);
  w.fit(w.row, left.value, 0, 3, "line");
  w.fit(w.row, right.value, 3, FORM_COLS - 3, "line");
  w.row += 1;
}

function formatMoney(amount: number): string {
  return amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Long text as rows of a few lines each (blank text: one empty row). */
function paragraphs(w: SheetWriter, text: string, style: string): void {
  const s = w.styles[style];
  const size = s?.fontSize ?? SIZE_BODY;
  const width = w.width(0, FORM_COLS) - (s?.indent ?? 0) * 9;
  let pieces = text.trim() === "" ? [""] : splitIntoRows(text, width, size, LINES_PER_TEXT_ROW);
  // Each piece is a merged area; Excel allows few (under 512 per sheet), so very long texts
  // take fuller rows, and beyond MAX_TEXT_ROWS of those the rest is cut with an ellipsis.
  if (pieces.length > MAX_TEXT_ROWS)
    pieces = splitIntoRows(text, width, size, maxLinesPerRow(size, w.lineEm));
  if (pieces.length > MAX_TEXT_ROWS)
    pieces = [...pieces.slice(0, MAX_TEXT_ROWS - 1), `${pieces[MAX_TEXT_ROWS - 1]}…`];
  for (const piece of pieces) {
    w.put(w.row, 0, { value: piece }, style, FORM_COLS);
    w.fit(w.row, piece, 0, FORM_COLS, style);
    w.row += 1;
  }
}

function buildTally(
  w: SheetWriter,
  input: ProjectReportInput,
  tally: ReturnType<typeof tallyIndicatorOutcomes>,
  codeCell: string,
  live: LiveSource | undefined
): void {
  const lang = input.options.lang;
  const t = (key: Parameters<typeof reportText>[0]) => reportText(key, lang);
  const vocabularies = input.vocabularies ?? DEFAULT_VOCABULARIES;
  const planned = isNumber(input.project.targetCount) ? input.project.targetCount : undefined;
  const rates = passRates(tally, planned);

  heading(w, t("tally"), "section");
  const put = (
    label: string,
    labelStyle: string,
    content: { value?: number | null; formula?: string },
    countStyle: string,
    basis?: { value?: string; formula?: string }
  ) => {
    w.put(w.row, 0, { value: label }, labelStyle, 3);
    w.put(w.row, 3, content, countStyle, 2);
    w.put(w.row, 5, basis ?? { value: "" }, "tallyBasis", 2);
    w.fit(w.row, label, 0, 3, labelStyle);
    if (basis?.value) w.fit(w.row, basis.value, 5, 2, "tallyBasis");
    const row = w.row;
    w.row += 1;
    return cellAddress(row, 3);
  };
  w.put(w.row, 0, { value: t("tallyItem") }, "thead", 3);
  w.put(w.row, 3, { value: t("tallyCount") }, "thead", 2);
  w.put(w.row, 5, { value: t("tallyBasis") }, "thead", 2);
  w.fit(w.row, t("tallyItem"), 0, 3, "thead");
  w.row += 1;

  const codeColumn = boundColumn(live, "indicators", "projectCode");
  const outcomeColumn = boundColumn(live, "indicators", "outcome");
  const countFormula = (entry: VocabularyEntry): string | undefined =>
    codeColumn && outcomeColumn
      ? countSpellings(codeColumn, codeCell, outcomeColumn, [
          entry.th,
          entry.en,
          entry.key,
          ...(entry.aliases ?? []),
        ])
      : undefined;

  const projectIndex = cellAddress(codeCellRow(codeCell), INDEX_COL, true);
  const targetCountColumn = boundColumn(live, "projects", "targetCount");
  const plannedCell =
    planned !== undefined
      ? put(
          t("planned"),
          "tallyLabelBold",
          targetCountColumn
            ? { value: planned, formula: valueAt(targetCountColumn, projectIndex) }
            : { value: planned },
          "tallyCountBold"
        )
      : undefined;

  const classCells: Record<string, string[]> = {
    passed: [],
    failed: [],
    notApplicable: [],
    excluded: [],
  };
  for (const category of tally.categories) {
    const entry = vocabularies.outcome.find((e) => e.key === category.key);
    const formula = entry ? countFormula(entry) : undefined;
    const cell = put(
      lang === "th" ? category.th : category.en,
      "tallyLabel",
      formula ? { value: category.count, formula } : { value: category.count },
      "tallyCount"
    );
    if (category.counts) classCells[category.counts].push(cell);
  }
  for (const other of tally.unrecognised) {
    put(
      `${t("unrecognised")}: ${cellText(other.text)}`,
      "tallyLabel",
      { value: other.count },
      "tallyCount"
    );
  }
  const evaluatedCells = [...classCells.passed, ...classCells.failed, ...classCells.notApplicable];
  const evaluatedCell = put(
    t("evaluated"),
    "tallyLabelBold",
    live && evaluatedCells.length > 0
      ? { value: rates.evaluated.denominator, formula: `=SUM(${evaluatedCells.join(",")})` }
      : { value: rates.evaluated.denominator },
    "tallyCountBold"
  );

  const passedSum = classCells.passed.length > 0 ? `SUM(${classCells.passed.join(",")})` : "0";
  const applicableSum = [...classCells.passed, ...classCells.failed];
  const denominatorFormula: Record<PassRateBasis, string | undefined> = {
    evaluated: evaluatedCell,
    applicable: applicableSum.length > 0 ? `SUM(${applicableSum.join(",")})` : undefined,
    planned: plannedCell,
  };
  const rateLabel: Record<PassRateBasis, string> = {
    evaluated: t("rateEvaluated"),
    applicable: t("rateApplicable"),
    planned: t("ratePlanned"),
  };
  for (const basis of ["evaluated", "applicable", "planned"] as const) {
    const rate = rates[basis];
    const basisText = `${rate.passed.toLocaleString("en-US")} / ${rate.denominator.toLocaleString("en-US")}`;
    const denominator = denominatorFormula[basis];
    const formula =
      live && denominator ? `=IF(${denominator}=0,"",${passedSum}/${denominator})` : undefined;
    const basisFormula =
      live && denominator
        ? `=TEXT(${passedSum},"#,##0")&" / "&TEXT(${denominator},"#,##0")`
        : undefined;
    w.put(w.row, 0, { value: rateLabel[basis] }, "tallyLabel", 3);
    w.put(w.row, 3, { value: rate.rate ?? null, ...(formula ? { formula } : {}) }, "tallyRate", 2);
    w.put(
      w.row,
      5,
      { value: basisText, ...(basisFormula ? { formula: basisFormula } : {}) },
      "tallyBasis",
      2
    );
    w.fit(w.row, rateLabel[basis], 0, 3, "tallyLabel");
    w.row += 1;
  }
}

function codeCellRow(address: string): number {
  return Number(address.replace(/[^0-9]/g, "")) - 1;
}
