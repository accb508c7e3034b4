/**
 * The indicator outcomes block: the tally per category of the outcome vocabulary, the
 * planned and evaluated counts, and the pass rate on each basis with its denominator
 * written out ("409 / 421"). In live mode the counts are COUNTIFS over the Indicators
 * table and the rates divide those cells.
 */
import { cellAddress } from "../../a1";
import { passRates, type OutcomeTally, type PassRateBasis } from "../../compute";
import type { Vocabularies, VocabularyEntry } from "../../types";
import { boundColumn, countSpellings, valueAt } from "../live";
import { cellText, heading, isNumber, type FormContext, type ProjectKeyCells } from "./layout";

type CountContent = { value?: number | null; formula?: string };

/** Writes one tally row (label A:C, count D:E, basis F:G); returns the count's address. */
function tallyRow(
  ctx: FormContext,
  label: string,
  labelStyle: string,
  content: CountContent,
  countStyle: string,
  basis?: { value?: string; formula?: string }
): string {
  const { w } = ctx;
  w.put(w.row, 0, { value: label }, labelStyle, 3);
  w.put(w.row, 3, content, countStyle, 2);
  w.put(w.row, 5, basis ?? { value: "" }, "tallyBasis", 2);
  w.fit(w.row, label, 0, 3, labelStyle);
  if (basis?.value) w.fit(w.row, basis.value, 5, 2, "tallyBasis");
  const row = w.row;
  w.row += 1;
  return cellAddress(row, 3);
}

/** The count cells of each class of outcome, for the sums the rates divide. */
type ClassCells = Record<"passed" | "failed" | "notApplicable" | "excluded", string[]>;

/** One row per outcome category and per unrecognised spelling. */
function categoryRows(
  ctx: FormContext,
  tally: OutcomeTally,
  outcome: readonly VocabularyEntry[],
  codeCell: string
): ClassCells {
  const { live, lang, t } = ctx;
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
  const classCells: ClassCells = { passed: [], failed: [], notApplicable: [], excluded: [] };
  for (const category of tally.categories) {
    const entry = outcome.find((e) => e.key === category.key);
    const formula = entry ? countFormula(entry) : undefined;
    const cell = tallyRow(
      ctx,
      lang === "th" ? category.th : category.en,
      "tallyLabel",
      formula ? { value: category.count, formula } : { value: category.count },
      "tallyCount"
    );
    if (category.counts) classCells[category.counts].push(cell);
  }
  for (const other of tally.unrecognised) {
    tallyRow(
      ctx,
      `${t("unrecognised")}: ${cellText(other.text)}`,
      "tallyLabel",
      { value: other.count },
      "tallyCount"
    );
  }
  return classCells;
}

/** The three pass-rate rows, each with "passed / denominator". */
function rateRows(
  ctx: FormContext,
  rates: ReturnType<typeof passRates>,
  classCells: ClassCells,
  evaluatedCell: string,
  plannedCell: string | undefined
): void {
  const { w, live, t } = ctx;
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

/** The outcomes block for a project with indicators. */
export function writeIndicatorTally(
  ctx: FormContext,
  tally: OutcomeTally,
  targetCount: number | undefined,
  vocabularies: Vocabularies,
  keys: ProjectKeyCells
): void {
  const { w, live, t } = ctx;
  const planned = isNumber(targetCount) ? targetCount : undefined;
  const rates = passRates(tally, planned);

  heading(w, t("tally"), "section");
  w.keepWithNext.add(w.row);
  w.put(w.row, 0, { value: t("tallyItem") }, "thead", 3);
  w.put(w.row, 3, { value: t("tallyCount") }, "thead", 2);
  w.put(w.row, 5, { value: t("tallyBasis") }, "thead", 2);
  w.fit(w.row, t("tallyItem"), 0, 3, "thead");
  w.row += 1;

  const targetCountColumn = boundColumn(live, "projects", "targetCount");
  const plannedCell =
    planned !== undefined
      ? tallyRow(
          ctx,
          t("planned"),
          "tallyLabelBold",
          targetCountColumn
            ? { value: planned, formula: valueAt(targetCountColumn, keys.projectIndex, "number") }
            : { value: planned },
          "tallyCountBold"
        )
      : undefined;

  const classCells = categoryRows(ctx, tally, vocabularies.outcome, keys.codeCell);
  const evaluatedCells = [...classCells.passed, ...classCells.failed, ...classCells.notApplicable];
  const evaluatedCell = tallyRow(
    ctx,
    t("evaluated"),
    "tallyLabelBold",
    live && evaluatedCells.length > 0
      ? { value: rates.evaluated.denominator, formula: `=SUM(${evaluatedCells.join(",")})` }
      : { value: rates.evaluated.denominator },
    "tallyCountBold"
  );
  rateRows(ctx, rates, classCells, evaluatedCell, plannedCell);
}
