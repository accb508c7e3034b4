/** The table kinds and their labels: the one list and the one set, for every layer. */
import type { Lang, LocalizedText, TableKind } from "./types";

/** The table kinds, in the order they are shown, bound and checked: the one list. */
export const TABLE_KINDS: readonly TableKind[] = ["projects", "rounds", "indicators"];

/** Whether a value (read from storage, a file or an argument) names a table kind. */
export function isTableKind(value: unknown): value is TableKind {
  return TABLE_KINDS.includes(value as TableKind);
}

/** The kinds' labels, Thai and English: the one set (the task pane's dictionaries use it). */
export const TABLE_LABELS: Readonly<Record<TableKind, LocalizedText>> = {
  projects: { th: "โครงการ", en: "Projects" },
  rounds: { th: "รายงานความก้าวหน้า", en: "Progress rounds" },
  indicators: { th: "เกณฑ์ชี้วัด", en: "Indicators" },
};

/** A kind's label in `lang`. */
export function tableLabel(kind: TableKind, lang: Lang): string {
  return TABLE_LABELS[kind][lang];
}
