/**
 * Which table holds each kind (Projects, Rounds, Indicators), judged by its headers: the
 * one rule the task pane's "bind automatically" and the `kaona` command both follow.
 *
 * A table fits a kind when the kind's required fields all map from its headers and no
 * other kind fits it as well (`guessKind`). Of several tables fitting one kind, the one
 * whose headers the kind explains best wins; on a tie, the first in workbook order.
 */
import { guessKind } from "../domain/mapping";
import { TABLE_KINDS } from "../domain/schema";
import type { TableKind } from "../domain/types";

export interface TableChoice<T> {
  table: T;
  kind?: TableKind;
  score: number;
  /** Why a table was not used. */
  skipped?: "unrecognised" | "another-table-fits-better";
}

/** Judges every table; each kind goes to at most one of them (see the module's rule). */
export function chooseTables<T extends { headers: readonly unknown[] }>(
  tables: readonly T[]
): TableChoice<T>[] {
  const choices: TableChoice<T>[] = tables.map((table) => {
    const guess = guessKind(table.headers);
    return guess.kind
      ? { table, kind: guess.kind, score: guess.score }
      : { table, score: 0, skipped: "unrecognised" };
  });
  for (const kind of TABLE_KINDS) {
    let best: TableChoice<T> | undefined;
    for (const choice of choices)
      if (choice.kind === kind && (!best || choice.score > best.score)) best = choice;
    for (const choice of choices)
      if (choice.kind === kind && choice !== best) choice.skipped = "another-table-fits-better";
  }
  return choices;
}

/** The table chosen for each kind. */
export function chosenTables<T>(choices: readonly TableChoice<T>[]): Partial<Record<TableKind, T>> {
  const chosen: Partial<Record<TableKind, T>> = {};
  for (const choice of choices)
    if (choice.kind && !choice.skipped) chosen[choice.kind] = choice.table;
  return chosen;
}
