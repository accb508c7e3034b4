/**
 * Merging bindings before they are written, so that co-authors do not silently undo each
 * other (the part is one blob: the last writer would win). Three versions: `base`, what
 * this pane last read or wrote; `mine`, what it wants to write; `theirs`, what the
 * workbook holds now. Per table kind and per setting: what only one side changed is taken
 * from that side; what both changed differently is this pane's (the person's action now),
 * and the merge says so. Pure.
 */
import { TABLE_KINDS } from "../domain/tableKinds";
import type { TableKind } from "../domain/types";
import type { Bindings, TableBinding } from "./port";

export interface BindingsMerge {
  merged: Bindings;
  /** Kinds a co-author changed since `base`, kept as they made them. */
  theirs: TableKind[];
  /** Kinds both changed differently: this pane's binding replaced the co-author's. */
  overridden: TableKind[];
  /** Settings a co-author changed since `base` (kept unless this pane changed them too). */
  settingsTheirs: string[];
  settingsOverridden: string[];
}

/** Every binding of a kind, in order (a kind may have several tables). */
function bindingsOf(bindings: Bindings, kind: TableKind): TableBinding[] {
  return bindings.tables.filter((b) => b.kind === kind);
}

/** JSON with object keys sorted: equal text for equal content. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "undefined";
}

/** The same tables, in the same order, with the same columns. The name is left out:
 * re-linking a renamed table updates it, which is no one's change of mind. */
function sameBindings(a: readonly TableBinding[], b: readonly TableBinding[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (x, i) =>
        x.tableId === b[i].tableId && canonicalJson(x.columns) === canonicalJson(b[i].columns)
    )
  );
}

function mergeSettings(
  base: Record<string, unknown> | undefined,
  mine: Record<string, unknown> | undefined,
  theirs: Record<string, unknown> | undefined
): { settings?: Record<string, unknown>; theirs: string[]; overridden: string[] } {
  const keys = new Set([
    ...Object.keys(base ?? {}),
    ...Object.keys(mine ?? {}),
    ...Object.keys(theirs ?? {}),
  ]);
  const merged: Record<string, unknown> = {};
  const changedByThem: string[] = [];
  const overridden: string[] = [];
  for (const key of [...keys].sort()) {
    const [b, m, t] = [base?.[key], mine?.[key], theirs?.[key]].map(canonicalJson);
    const theyChanged = t !== b;
    const iChanged = m !== b;
    if (theyChanged) changedByThem.push(key);
    if (theyChanged && iChanged && t !== m) overridden.push(key);
    const value = iChanged || !theyChanged ? mine?.[key] : theirs?.[key];
    if (value !== undefined) merged[key] = value;
  }
  const none = mine === undefined && theirs === undefined;
  return { settings: none ? undefined : merged, theirs: changedByThem, overridden };
}

export function mergeBindings(base: Bindings, mine: Bindings, theirs: Bindings): BindingsMerge {
  const tables: { binding: TableBinding; mine: boolean }[] = [];
  const changedByThem: TableKind[] = [];
  const overridden: TableKind[] = [];
  for (const kind of TABLE_KINDS) {
    const [b, m, t] = [bindingsOf(base, kind), bindingsOf(mine, kind), bindingsOf(theirs, kind)];
    const theyChanged = !sameBindings(t, b);
    const iChanged = !sameBindings(m, b);
    if (theyChanged) changedByThem.push(kind);
    if (theyChanged && iChanged && !sameBindings(t, m)) overridden.push(kind);
    const chosen = iChanged || !theyChanged ? m : t;
    for (const binding of chosen) tables.push({ binding, mine: iChanged });
  }
  // One table serves one kind: where the co-author bound a table as another kind than this
  // pane just did, this pane's binding stands.
  const merged = tables
    .filter(
      ({ binding, mine }) =>
        mine || !tables.some((o) => o.mine && o.binding.tableId === binding.tableId)
    )
    .map(({ binding }) => binding);
  const settings = mergeSettings(base.settings, mine.settings, theirs.settings);
  const result: Bindings = { version: 1, tables: merged };
  if (settings.settings !== undefined) result.settings = settings.settings;
  return {
    merged: result,
    theirs: changedByThem,
    overridden,
    settingsTheirs: settings.theirs,
    settingsOverridden: settings.overridden,
  };
}
