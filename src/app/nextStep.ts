/**
 * The next sensible thing to do, from the session's state: what the Home page offers first.
 */
import type { TableKind } from "../domain/types";
import type { SessionState } from "./session";

/** A report needs projects and their rounds; indicators are for indicator projects only. */
const NEEDED_KINDS: readonly TableKind[] = ["projects", "rounds"];

export type NextStep =
  | { step: "loading" }
  /** The workbook has no table at all: create blank ones or insert the sample. */
  | { step: "createOrSample" }
  /** Tables exist, but not every needed kind is bound. */
  | { step: "bind"; kinds: TableKind[] }
  /** A bound table is gone, or a required field has no column. */
  | { step: "fixBinding"; kind: TableKind }
  | { step: "check" }
  | { step: "fixErrors"; errors: number }
  | { step: "report"; warnings: number };

export function nextStep(state: SessionState): NextStep {
  if (state.status === "loading") return { step: "loading" };
  for (const kind of ["projects", "rounds", "indicators"] as const) {
    const bound = state.bound[kind];
    if (bound && (bound.status === "missing" || bound.unmappedRequired.length > 0))
      return { step: "fixBinding", kind };
  }
  const unbound = NEEDED_KINDS.filter((kind) => !state.bound[kind]);
  if (unbound.length > 0)
    return state.tables.length === 0
      ? { step: "createOrSample" }
      : { step: "bind", kinds: unbound };
  if (!state.check) return { step: "check" };
  const { errors, warnings } = state.check.result.summary;
  return errors > 0 ? { step: "fixErrors", errors } : { step: "report", warnings };
}
