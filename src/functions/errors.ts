/**
 * Excel errors for the KPI.* functions. Inside Excel they are `CustomFunctions.Error`s,
 * which Excel shows as #VALUE!, #N/A… with the message in the cell's tooltip. Outside
 * Excel (unit tests, the browser preview) the `CustomFunctions` global does not exist,
 * so the same shape is built from a local class.
 */

/** Excel's error values, as `CustomFunctions.ErrorCode` spells them. */
const KPI_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
} as const;

export type KpiErrorKind = keyof typeof KPI_ERROR_CODES;
export type KpiErrorCode = (typeof KPI_ERROR_CODES)[KpiErrorKind];

/** The shape Excel reads from a thrown custom-function error. */
export interface ExcelErrorLike {
  code: string;
  message?: string;
}

/** Stands in for `CustomFunctions.Error` where that global is missing. */
export class KpiError extends Error implements ExcelErrorLike {
  constructor(
    readonly code: KpiErrorCode,
    message: string
  ) {
    super(message);
    this.name = "KpiError";
  }
}

/** An Excel error with a message, through `CustomFunctions.Error` when Excel provides it. */
export function kpiError(kind: KpiErrorKind, message: string): ExcelErrorLike {
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[kind], message);
  }
  return new KpiError(KPI_ERROR_CODES[kind], message);
}

const ERROR_CODE_VALUES: ReadonlySet<string> = new Set(Object.values(KPI_ERROR_CODES));

/** Whether a thrown value is already an Excel error (so it passes through untouched). */
export function isExcelErrorLike(thrown: unknown): thrown is ExcelErrorLike {
  return (
    typeof thrown === "object" &&
    thrown !== null &&
    "code" in thrown &&
    typeof thrown.code === "string" &&
    ERROR_CODE_VALUES.has(thrown.code)
  );
}

/** Runs a function body so that nothing but an Excel error ever leaves it: a bug in the
 * code becomes #VALUE! with its message rather than an uncaught exception in Excel. */
export function excelSafe<T>(body: () => T): T {
  try {
    return body();
  } catch (thrown) {
    if (isExcelErrorLike(thrown)) throw thrown;
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    throw kpiError("invalidValue", `เกิดข้อผิดพลาดภายใน / Internal error: ${detail}`);
  }
}
