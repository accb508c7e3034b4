/**
 * Section 2 of the form: the rounds table — one block of rows per round (a long narrative
 * split into rows of a few lines in values mode), round, date, narrative, progress,
 * disbursed, plan and target status. In live mode each round row finds its row of the
 * Rounds table in hidden column H and its cells read from it.
 */
import { cellAddress } from "../../a1";
import type { Lang, Round, Vocabularies, VocabularyEntry } from "../../types";
import { formLabel } from "../labels";
import { boundColumn, labelAt, rowOfPair, textAt, valueAt, type LiveSource } from "../live";
import { maxLinesPerRow, splitIntoRows } from "../measure";
import {
  FORM_COLS,
  HELPER_COL,
  LINES_PER_NARRATIVE_ROW,
  SIZE_TABLE,
  cellText,
  heading,
  isNumber,
  roundStyle,
  vocabText,
  type FormContext,
} from "./layout";

/** A round and the sheet row its block starts on (the chart's data reads it). */
export interface RoundRow {
  round: Round;
  row: number;
}

export interface RoundsTable {
  /** The header row, repeated on every printed page. */
  headerRow: number;
  roundRows: RoundRow[];
}

/** Live formulas for one round's fields, when the Rounds table's code and round columns are bound. */
export class RoundFormulas {
  private readonly code: string | undefined;
  private readonly number: string | undefined;

  constructor(private readonly live: LiveSource | undefined) {
    this.code = boundColumn(live, "rounds", "projectCode");
    this.number = boundColumn(live, "rounds", "round");
  }

  /** Whether the round's cells can be formulas (live mode, its number known, keys bound). */
  isLive(round: Round): boolean {
    return (
      this.live !== undefined &&
      isNumber(round.round) &&
      this.code !== undefined &&
      this.number !== undefined
    );
  }

  /** The formula reading `field` at the table row held in `index`; {} when not bound.
   * Text typed in the number and date columns is read as Kaona's parsers read it. */
  field(field: keyof Round, index: string, text: boolean): { formula?: string } {
    const column = boundColumn(this.live, "rounds", field);
    if (!column || !this.code || !this.number) return {};
    if (text) return { formula: textAt(column, index) };
    return { formula: valueAt(column, index, field === "date" ? "date" : "number") };
  }

  /** The formula showing a status at the table row held in `index` as its label in `lang`. */
  label(
    field: "planStatus" | "targetStatus",
    index: string,
    entries: readonly VocabularyEntry[],
    lang: Lang
  ): { formula?: string } {
    const column = boundColumn(this.live, "rounds", field);
    if (!column || !this.code || !this.number) return {};
    return { formula: labelAt(column, index, entries, lang) };
  }

  /** The formula finding the round's table row by project code and round number. */
  rowFormula(codeCell: string, roundCell: string): string | undefined {
    if (!this.code || !this.number) return undefined;
    return rowOfPair(this.code, codeCell, this.number, roundCell);
  }
}

function writeHeader(ctx: FormContext): number {
  const { w, lang, t } = ctx;
  const headerRow = w.row;
  w.keepWithNext.add(headerRow);
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
  return headerRow;
}

/** One round: its block of rows (one per narrative piece); returns the block's first row. */
function writeRound(
  ctx: FormContext,
  round: Round,
  vocabularies: Vocabularies,
  formulas: RoundFormulas,
  codeCell: string
): number {
  const { w, styles, lang } = ctx;
  const first = w.row;
  const index = cellAddress(first, HELPER_COL, true);
  const liveRow = formulas.isLive(round);
  const narrativeFormula = liveRow ? formulas.field("narrative", index, true).formula : undefined;
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
  const plan = vocabText(round.planStatus, vocabularies.planStatus, lang);
  const target = vocabText(round.targetStatus, vocabularies.targetStatus, lang);
  pieces.forEach((piece, i) => {
    const row = first + i;
    const top = i === 0;
    const bottom = row === last;
    const f = (field: keyof Round, text: boolean) =>
      top && liveRow ? formulas.field(field, index, text) : {};
    const style = (kind: Parameters<typeof roundStyle>[1]) =>
      roundStyle(styles, kind, top, bottom, lang);
    w.put(row, 0, top ? { value: round.round ?? null } : {}, style("center"));
    w.put(row, 1, top ? { value: round.date ?? null, ...f("date", false) } : {}, style("date"));
    w.put(
      row,
      2,
      i === 0
        ? { value: piece, ...(narrativeFormula ? { formula: narrativeFormula } : {}) }
        : { value: piece },
      style("text")
    );
    w.put(
      row,
      3,
      top ? { value: round.progress ?? null, ...f("progress", false) } : {},
      style("percent")
    );
    w.put(
      row,
      4,
      top ? { value: round.disbursed ?? null, ...f("disbursed", false) } : {},
      style("money")
    );
    const status = (field: "planStatus" | "targetStatus", entries: readonly VocabularyEntry[]) =>
      top && liveRow ? formulas.label(field, index, entries, lang) : {};
    w.put(
      row,
      5,
      top ? { value: plan, ...status("planStatus", vocabularies.planStatus) } : {},
      style("status")
    );
    w.put(
      row,
      6,
      top ? { value: target, ...status("targetStatus", vocabularies.targetStatus) } : {},
      style("status")
    );
    w.fit(row, piece, 2, 1, "round.text.tb");
    if (top) {
      w.fit(row, plan, 5, 1, "round.status.tb");
      w.fit(row, target, 6, 1, "round.status.tb");
    }
  });
  const rowFormula = liveRow
    ? formulas.rowFormula(codeCell, cellAddress(first, 0, false))
    : undefined;
  if (rowFormula) w.put(first, HELPER_COL, { formula: rowFormula, value: round.row + 1 });
  w.row = last + 1;
  return first;
}

/** Section 2: its heading, the header row and one block per round (or a "none yet" row). */
export function writeRoundsTable(
  ctx: FormContext,
  rounds: readonly Round[],
  vocabularies: Vocabularies,
  codeCell: string
): RoundsTable {
  const { w, styles, lang, t } = ctx;
  w.row += 1;
  heading(w, t("section2"), "section");
  const headerRow = writeHeader(ctx);
  const formulas = new RoundFormulas(ctx.live);
  // The styles fit() measures with must exist before the first round is measured.
  roundStyle(styles, "text", true, true, lang);
  roundStyle(styles, "status", true, true, lang);
  const roundRows: RoundRow[] = [];
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
    roundRows.push({ round, row: writeRound(ctx, round, vocabularies, formulas, codeCell) });
  }
  return { headerRow, roundRows };
}
