/** Test helpers for the KPI.* functions (imported by tests only). */
import { isExcelErrorLike, type ExcelErrorLike } from "./errors";

/** The Excel error a call throws; fails when it returns or throws anything else. */
export function excelErrorOf(call: () => unknown): ExcelErrorLike {
  let result: unknown;
  try {
    result = call();
  } catch (thrown) {
    if (isExcelErrorLike(thrown)) return thrown;
    throw new Error(`Expected an Excel error, got ${String(thrown)}`);
  }
  throw new Error(`Expected an Excel error, got the value ${JSON.stringify(result)}`);
}

/** A list of values as the one-column range Excel passes. */
export function column(values: readonly unknown[]): unknown[][] {
  return values.map((value) => [value]);
}
