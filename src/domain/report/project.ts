/**
 * The project report: the official form "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"
 * as a SheetLayout that prints on A4 portrait, one page wide.
 *
 * Columns A–G carry the form; column H is hidden and, in live mode, holds the table row
 * each line reads from (see live.ts). Long texts are split into rows of a few lines each
 * in values mode, so rows stay under Excel's 409 pt and page breaks fall between them.
 *
 * The sections live in ./form: layout.ts (grid, styles, shared writers), projectSection.ts
 * (title, 1.1–1.6), roundsTable.ts (section 2), indicators.ts (outcome tally and pass
 * rates), chart.ts (progress chart and its data), certification.ts (certification and
 * signature). This file puts them in order and sets the page.
 */
import { roundsOfProject, tallyIndicatorOutcomes } from "../compute";
import type {
  ChartSpec,
  Indicator,
  Lang,
  PageSetup,
  Project,
  Round,
  SheetLayout,
  Vocabularies,
} from "../types";
import { DEFAULT_VOCABULARIES } from "../vocabularies";
import { rangeCorners, safeSheetName } from "../a1";
import { formPageBreaks } from "./pagination";
import type { LiveSource } from "./live";
import { oneWidePageSetup, REPORT_FONT, SheetWriter, withFont, type FontProfile } from "./sheet";
import { writeCertification } from "./form/certification";
import { CHART_ROWS, writeProgressChart } from "./form/chart";
import { writeIndicatorTally } from "./form/indicators";
import {
  FORM_COLS,
  INDEX_COL,
  KEY_COL,
  REPORT_COLUMN_WIDTHS,
  SIZE_BODY,
  formContext,
  reportStyles,
} from "./form/layout";
import { writeProjectSection } from "./form/projectSection";
import { writeRoundsTable } from "./form/roundsTable";

export { REPORT_COLUMN_WIDTHS } from "./form/layout";

/** Rows of the block before the certification printed on its page. */
const ROWS_BEFORE_CERTIFICATION = 3;

/** Rows above the chart's last row kept with it: the chart's place and its heading. */
const CHART_ROWS_KEPT = CHART_ROWS;

/** The height of rows the form leaves unsized (blank spacer rows): the body font's line,
 * as the .xlsx writer sets the sheet's default. */
function defaultRowHeight(fontSize: number): number {
  return Math.round(fontSize * 1.5 * 4) / 4;
}

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

/** A4 portrait, one page wide, the rounds header repeated, "n / N" in the footer. */
function formPageSetup(
  headerRow: number,
  lastRow: number,
  w: SheetWriter,
  keepTogether: [number, number][]
): PageSetup {
  const margins = { top: 0.75, bottom: 0.75, left: 0.6, right: 0.5 };
  const rows = { header: headerRow, last: lastRow };
  const page = oneWidePageSetup("portrait", margins, rows, FORM_COLS);
  const rowBreaks = formPageBreaks({
    rowHeights: w.rowHeights,
    defaultHeight: defaultRowHeight(SIZE_BODY),
    lastRow,
    page,
    keepWithNext: w.keepWithNext,
    keepTogether,
  });
  return rowBreaks.length > 0 ? { ...page, rowBreaks } : page;
}

/** Builds the report sheet of one project. */
export function buildProjectReport(input: ProjectReportInput): SheetLayout {
  const { project, options } = input;
  const lang = options.lang;
  const vocabularies = input.vocabularies ?? DEFAULT_VOCABULARIES;
  const live = options.mode === "live" ? options.source : undefined;
  const styles = reportStyles();
  const w = new SheetWriter([...REPORT_COLUMN_WIDTHS], styles, options.font?.lineEm);
  const ctx = formContext(w, styles, lang, live);

  const keys = writeProjectSection(ctx, project);
  const rounds = roundsOfProject(input.rounds, project.code);
  const { headerRow, roundRows } = writeRoundsTable(ctx, rounds, vocabularies, keys.codeCell);

  const keepTogether: [number, number][] = [];
  const tally = tallyIndicatorOutcomes(input.indicators ?? [], project.code, vocabularies.outcome);
  if (tally.total > 0) {
    w.row += 1;
    const first = w.row;
    writeIndicatorTally(ctx, tally, project.targetCount, vocabularies, keys);
    keepTogether.push([first, w.row - 1]);
  }
  const charts: ChartSpec[] = [];
  if (options.chart && roundRows.length > 0) {
    const chart = writeProgressChart(ctx, roundRows);
    charts.push(chart);
    // The heading, the chart and its data's header stay together.
    const top = rangeCorners(chart.bottomRight)?.bottom ?? w.row;
    keepTogether.push([top - CHART_ROWS_KEPT, top + 2]);
  }
  const beforeCertification = w.row;
  const lastRow = writeCertification(ctx);
  // The certification never stands alone under the repeated header: it takes along the
  // last round (when it follows the rounds) or the last rows of the block before it.
  const lastRound = roundRows[roundRows.length - 1]?.row;
  const certificationFrom =
    keepTogether.length === 0 && lastRound !== undefined
      ? lastRound
      : beforeCertification - ROWS_BEFORE_CERTIFICATION;
  keepTogether.push([certificationFrom, lastRow]);

  const layout = w.layout({
    name: safeSheetName(options.sheetName ?? project.code ?? "Report"),
    defaultFont: { name: REPORT_FONT, size: SIZE_BODY },
    hiddenColumns: [KEY_COL, INDEX_COL],
    charts: charts.length > 0 ? charts : undefined,
    page: formPageSetup(headerRow, lastRow, w, keepTogether),
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
