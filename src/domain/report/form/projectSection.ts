/**
 * Section 1 of the form: the title, then 1.1–1.6 as the printed form words them —
 * "label : value" lines, the long texts (rationale, objectives, target) and the four
 * strategy lines. In live mode each line is a formula over the Projects table.
 */
import { BE_DATE_LONG_FORMAT, formatThaiDate } from "../../dates";
import { cellAddress } from "../../a1";
import type { Project } from "../../types";
import { formLabel } from "../labels";
import { boundColumn, formattedExpr, formulaString, rowOf, textAt, textExpr } from "../live";
import { estimateLines, rowHeightFor } from "../measure";
import {
  FORM_COLS,
  INDEX_COL,
  KEY_COL,
  SIZE_TITLE,
  cellText,
  formatMoney,
  heading,
  isNumber,
  pairLine,
  paragraphs,
  wideLine,
  type FormContext,
  type ProjectKeyCells,
} from "./layout";

type LineContent = { value: string; formula?: string };

/** Builds "label : value" lines for one project: the text now, and in live mode the
 * formula that rebuilds it from the project's row of the Projects table. */
function projectLines(ctx: FormContext, keys: ProjectKeyCells, projectsCode: string | undefined) {
  const { live, lang, t } = ctx;
  const { projectIndex } = keys;
  const line = (
    label: string,
    text: string,
    expr?: (column: string) => string,
    field?: keyof Project
  ): LineContent => {
    const value = cellText(`${label} : ${text}`);
    const column = field ? boundColumn(live, "projects", field) : undefined;
    if (!column || !projectsCode || !expr) return { value };
    return { value, formula: `=${formulaString(`${label} : `)}&${expr(column)}` };
  };
  const dateFormat = lang === "th" ? BE_DATE_LONG_FORMAT : "d mmmm yyyy";
  const bahtSuffix = ` ${t("baht")}`;
  return {
    line,
    label: (field: keyof Project) => formLabel("projects", field, lang),
    asText: (column: string) => textExpr(column, projectIndex),
    dateText: (serial: number | undefined) =>
      isNumber(serial) ? formatThaiDate(serial, "long", { lang }) : "",
    asDate: (column: string) => formattedExpr(column, projectIndex, dateFormat, "", "date"),
    moneyText: (amount: number | undefined) =>
      isNumber(amount) ? `${formatMoney(amount)}${bahtSuffix}` : "",
    asMoney: (column: string) =>
      formattedExpr(column, projectIndex, "#,##0.00", bahtSuffix, "number"),
  };
}

function title(ctx: FormContext): void {
  const { w, t } = ctx;
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
}

/** 1.1: name, code and fiscal year, start and end, budgets. The project code, which live
 * formulas key on, sits in hidden column H of the code line, its table row in column I. */
function identification(ctx: FormContext, project: Project): ProjectKeyCells {
  const { w, live } = ctx;
  heading(w, ctx.t("s11"), "subsection");
  const codeRow = w.row + 1;
  const keys: ProjectKeyCells = {
    codeCell: cellAddress(codeRow, KEY_COL, true),
    projectIndex: cellAddress(codeRow, INDEX_COL, true),
  };
  const projectsCode = boundColumn(live, "projects", "code");
  const { line, label, asText, dateText, asDate, moneyText, asMoney } = projectLines(
    ctx,
    keys,
    projectsCode
  );
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
    w.put(codeRow, INDEX_COL, {
      formula: rowOf(projectsCode, keys.codeCell),
      value: project.row + 1,
    });
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
  return keys;
}

/** 1.3–1.5: a long text under its heading; in live mode one formula cell. */
function longText(
  ctx: FormContext,
  keys: ProjectKeyCells,
  headingText: string,
  text: string | undefined,
  field: keyof Project
): void {
  const { w, live } = ctx;
  heading(w, headingText, "subsection");
  const column = boundColumn(live, "projects", field);
  const formula =
    column && boundColumn(live, "projects", "code") ? textAt(column, keys.projectIndex) : undefined;
  if (formula) {
    const value = cellText(text);
    w.put(w.row, 0, { formula, value }, "paragraph", FORM_COLS);
    w.fit(w.row, value, 0, FORM_COLS, "paragraph");
    w.row += 1;
    return;
  }
  paragraphs(w, text ?? "", "paragraph");
}

/** The title and section 1; returns the cells live formulas key on. */
export function writeProjectSection(ctx: FormContext, project: Project): ProjectKeyCells {
  const { w, t, live } = ctx;
  title(ctx);
  heading(w, t("section1"), "section");
  const keys = identification(ctx, project);
  const projectsCode = boundColumn(live, "projects", "code");
  const { line, label, asText } = projectLines(ctx, keys, projectsCode);

  heading(w, t("s12"), "subsection");
  for (const field of ["unit", "owner", "coordinator"] as const) {
    wideLine(w, line(label(field), cellText(project[field]), asText, field));
  }

  longText(ctx, keys, t("s13"), project.rationale, "rationale");
  longText(ctx, keys, t("s14"), project.objectives, "objectives");
  const targetText =
    project.target ?? (isNumber(project.targetCount) ? String(project.targetCount) : undefined);
  longText(ctx, keys, t("s15"), targetText, "target");

  heading(w, t("s16"), "subsection");
  for (const field of ["strategy", "subStrategy", "goal", "kpi"] as const) {
    wideLine(w, line(label(field), cellText(project[field]), asText, field));
  }
  return keys;
}
