/**
 * Excel errors for the KPI.* functions. Inside Excel they are `CustomFunctions.Error`s
 * (CustomFunctionsRuntime 1.2); outside Excel (unit tests, the browser preview) the
 * `CustomFunctions` global does not exist, so the same shape is built from a local class.
 *
 * Excel shows a custom message only on #VALUE! and #N/A ("A custom error message can be
 * used" on those two; "can't be used" on #DIV/0!, #NUM! and the rest, per the
 * CustomFunctions.ErrorCode reference), so the types allow a message on those two only:
 * a result that needs explaining is a #VALUE! or #N/A.
 */

/**
 * The CustomFunctionsRuntime set the functions need, declared in the manifest's
 * VersionOverrides: 1.1 for `CustomFunctions.associate`, 1.2 for `CustomFunctions.Error`
 * ("Requirement set 1.2 adds the CustomFunctions.Error object"). 1.3 only adds XLL
 * streaming and the input-only codes #NAME? and #REF!, which Kaona never returns; the error
 * metadata (allowErrorForDataTypeAny) belongs to functions.json, not to a set.
 */
export const CUSTOM_FUNCTIONS_RUNTIME = "1.2";

/** The `CustomFunctions.ErrorCode` members of CustomFunctionsRuntime 1.2. */
export const ERROR_CODES_OF_RUNTIME_1_2: readonly string[] = [
  "invalidValue",
  "notAvailable",
  "divisionByZero",
  "invalidNumber",
  "nullReference",
];

/** The errors that carry their message into Excel's error tooltip. */
const MESSAGE_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
} as const;

/** The errors Excel shows with its own generic text only. */
const PLAIN_ERROR_CODES = {
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
} as const;

export type MessageErrorKind = keyof typeof MESSAGE_ERROR_CODES;
export type PlainErrorKind = keyof typeof PLAIN_ERROR_CODES;
type KpiErrorCode =
  (typeof MESSAGE_ERROR_CODES)[MessageErrorKind] | (typeof PLAIN_ERROR_CODES)[PlainErrorKind];

/** The shape Excel reads from a thrown custom-function error, and the shape of an error
 * value Excel passes in an `any` argument (allowErrorForDataTypeAny). */
export interface ExcelErrorLike {
  code: string;
  message?: string;
}

/** Stands in for `CustomFunctions.Error` where that global is missing. */
export class KpiError extends Error implements ExcelErrorLike {
  constructor(
    readonly code: KpiErrorCode,
    message?: string
  ) {
    super(message);
    this.name = "KpiError";
  }
}

function hasCustomFunctions(): boolean {
  return typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function";
}

/** A #VALUE! or #N/A with a message, through `CustomFunctions.Error` when Excel provides it. */
export function kpiError(kind: MessageErrorKind, message: string): ExcelErrorLike {
  if (hasCustomFunctions())
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[kind], message);
  return new KpiError(MESSAGE_ERROR_CODES[kind], message);
}

/** A #DIV/0! or #NUM!, which Excel shows without a custom message. */
export function plainError(kind: PlainErrorKind): ExcelErrorLike {
  if (hasCustomFunctions()) return new CustomFunctions.Error(CustomFunctions.ErrorCode[kind]);
  return new KpiError(PLAIN_ERROR_CODES[kind]);
}

/** Excel's error values, as cells show them: what an error argument's code can be. */
const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set([
  "#VALUE!",
  "#N/A",
  "#DIV/0!",
  "#NUM!",
  "#NULL!",
  "#NAME?",
  "#REF!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#CONNECT!",
  "#BLOCKED!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** Whether a value is an Excel error: one thrown by the functions (so it passes through
 * untouched), or an error cell Excel passed in an `any` argument. */
export function isExcelErrorLike(thrown: unknown): thrown is ExcelErrorLike {
  return (
    typeof thrown === "object" &&
    thrown !== null &&
    "code" in thrown &&
    typeof thrown.code === "string" &&
    EXCEL_ERROR_VALUES.has(thrown.code)
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
