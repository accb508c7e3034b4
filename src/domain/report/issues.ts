/**
 * The generated issues sheet: one row per validation issue, each with a link to its cell,
 * severity fills and a frozen header. Values only (A4 landscape).
 */
import { fieldLabel, tableLabel } from "../schema";
import type { CellStyle, Issue, Lang, Severity, SheetLayout } from "../types";
import { parseCell, quoteSheetName } from "../a1";
import { reportText } from "./labels";
import { REPORT_FONT, SheetWriter, listingLayout, listingStyles, type FontProfile } from "./sheet";

const ISSUES_COLUMN_WIDTHS = [34, 62, 96, 36, 120, 70, 300, 62];

const FILLS: Record<Severity, string> = { error: "#F8CBAD", warning: "#FFE699", info: "#DDEBF7" };

function issueStyles(): Record<string, CellStyle> {
  const listing = listingStyles();
  const styles: Record<string, CellStyle> = {
    ...listing,
    title: { fontName: REPORT_FONT, fontSize: 18, bold: true, vAlign: "middle" },
  };
  for (const severity of ["error", "warning", "info"] as const) {
    styles[`severity.${severity}`] = {
      ...listing.text,
      hAlign: "center",
      bold: severity === "error",
      fill: FILLS[severity],
    };
  }
  return styles;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The issues, errors first, then warnings and notes, each in table and row order. */
export function buildIssuesSheet(
  issues: readonly Issue[],
  lang: Lang,
  options: { sheetName?: string; font?: FontProfile } = {}
): SheetLayout {
  const { sheetName, font } = options;
  const styles = issueStyles();
  const w = new SheetWriter([...ISSUES_COLUMN_WIDTHS], styles, font?.lineEm);
  const cols = ISSUES_COLUMN_WIDTHS.length;
  const t = (key: Parameters<typeof reportText>[0]) => reportText(key, lang);

  w.put(
    0,
    0,
    { value: `${t("issuesTitle")} (${issues.length.toLocaleString("en-US")})` },
    "title",
    cols
  );
  w.atLeast(0, 30);
  const headerRow = 1;
  const headers = [
    t("no"),
    t("severity"),
    t("table"),
    t("row"),
    t("field"),
    t("cell"),
    t("message"),
    t("ruleCode"),
  ];
  w.headerRow(headerRow, headers);

  const sorted = [...issues].sort(
    (a, b) =>
      (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) ||
      a.table.localeCompare(b.table) ||
      a.row - b.row
  );
  if (sorted.length === 0) {
    w.put(w.row, 0, { value: t("noIssues") }, "text", cols);
    w.row += 1;
  }
  sorted.forEach((issue, i) => {
    const row = w.row;
    const message = issue.message?.[lang] ?? "";
    const severity = SEVERITY_ORDER[issue.severity] !== undefined ? issue.severity : "info";
    const field = issue.field ? fieldLabel(issue.table, issue.field, lang) : "";
    const address = issue.cell
      ? issue.sheet
        ? `${quoteSheetName(issue.sheet)}!${issue.cell}`
        : issue.cell
      : "";
    w.put(row, 0, { value: i + 1 }, "center");
    w.put(row, 1, { value: t(severity) }, `severity.${severity}`);
    w.put(row, 2, { value: tableLabel(issue.table, lang) }, "text");
    w.put(row, 3, { value: sheetRowOf(issue) }, "center");
    w.put(row, 4, { value: field }, "text");
    w.put(
      row,
      5,
      issue.sheet && issue.cell
        ? { value: issue.cell, link: { sheet: issue.sheet, cell: issue.cell } }
        : { value: address },
      issue.sheet && issue.cell ? "link" : "center"
    );
    w.put(row, 6, { value: message }, "text");
    w.put(row, 7, { value: issue.code }, "text");
    w.fit(row, tableLabel(issue.table, lang), 2, 1, "text");
    w.fit(row, field, 4, 1, "text");
    w.fit(row, message, 6, 1, "text");
    w.fit(row, issue.code, 7, 1, "text");
    w.row += 1;
  });
  const name = sheetName ?? t("issuesSheet");
  return listingLayout(w, { name, kind: "issues", lang, headerRow, cols }, font);
}

/**
 * The row number Excel shows beside the issue's cell (E15 → 15), so the "row" column agrees
 * with the "cell" column next to it; the table's data row (from 1) where no cell is known.
 */
function sheetRowOf(issue: Issue): number | null {
  const cell = issue.cell ? parseCell(issue.cell) : null;
  if (cell) return cell.row + 1;
  return issue.row >= 0 ? issue.row + 1 : null;
}
