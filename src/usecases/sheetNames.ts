/**
 * Finding a free name: the one helper for sheet names (and table names) that must not
 * collide with names already taken. Excel compares both ignoring case.
 */
import { safeSheetNameAmong, sheetNameKey } from "../domain/a1";

/** Names handed out for one batch of sheets, each unique among the others. */
export class SheetNames {
  /** The taken names as Excel compares them (sheetNameKey). */
  private readonly taken = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const name of taken) this.take(name);
  }

  /** A valid sheet name close to `wanted` and not taken yet. */
  free(wanted: string): string {
    return safeSheetNameAmong(wanted, this.taken);
  }

  /** As `free`, and taken from now on. */
  reserve(wanted: string): string {
    const name = this.free(wanted);
    this.take(name);
    return name;
  }

  /** Marks a name as taken (e.g. a sheet the workbook turned out to have). */
  take(name: string): void {
    this.taken.add(sheetNameKey(name));
  }
}

/** A table name not in `taken`: `base`, else `base2`, `base3` … */
export function uniqueTableName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    if (!used.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
  }
}

/**
 * Tries `attempt` under free names until one is not refused: `refused` says whether an
 * error means "that name is taken" (the caller then learns it and tries the next). Other
 * errors go up; after `limit` refusals, `exhausted()` is thrown.
 */
export async function withFreeName<T>(
  attempt: (round: number) => Promise<T>,
  refused: (error: unknown) => boolean,
  exhausted: () => Error,
  limit = 20
): Promise<T> {
  for (let round = 0; round < limit; round++) {
    try {
      return await attempt(round);
    } catch (error) {
      if (!refused(error)) throw error;
    }
  }
  throw exhausted();
}
