/**
 * What Excel refuses and a lenient fake would accept: enum strings outside Office.js's
 * enums, number formats Excel cannot parse, data-validation rules of no or several kinds,
 * and prompt/alert texts longer than Excel's Data Validation dialog takes (title 32
 * characters, message 255; a list source 255). Each check throws the FakeOfficeError
 * Excel's answer would carry (InvalidArgument).
 */
import { FakeOfficeError } from "./proxy";

/** Office.js enum values (the string forms, as @types/office-js lists them). */
export const ENUMS = {
  underline: ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"],
  borderStyle: [
    "None",
    "Continuous",
    "Dash",
    "DashDot",
    "DashDotDot",
    "Dot",
    "Double",
    "SlantDashDot",
  ],
  borderWeight: ["Hairline", "Thin", "Medium", "Thick"],
  horizontalAlignment: [
    "General",
    "Left",
    "Center",
    "Right",
    "Fill",
    "Justify",
    "CenterAcrossSelection",
    "Distributed",
  ],
  verticalAlignment: ["Top", "Center", "Bottom", "Justify", "Distributed"],
  errorAlertStyle: ["Stop", "Warning", "Information"],
} as const;

export function checkEnum(kind: keyof typeof ENUMS, value: unknown): void {
  if (!(ENUMS[kind] as readonly unknown[]).includes(value))
    throw new FakeOfficeError("InvalidArgument", `"${String(value)}" is not a valid ${kind}.`);
}

/** Why Excel would refuse a number format code, or undefined: unbalanced quotes or
 * brackets, more than four sections. */
export function numberFormatProblem(format: unknown): string | undefined {
  if (typeof format !== "string") return "a number format is text";
  let sections = 1;
  let inQuote = false;
  let inBracket = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === "\\" && !inQuote) i += 1;
    else if (c === '"') inQuote = !inQuote;
    else if (!inQuote && c === "[") {
      if (inBracket) return "nested [";
      inBracket = true;
    } else if (!inQuote && c === "]") {
      if (!inBracket) return "] without [";
      inBracket = false;
    } else if (!inQuote && !inBracket && c === ";") sections += 1;
  }
  if (inQuote) return "unclosed quote";
  if (inBracket) return "unclosed [";
  if (sections > 4) return "more than four sections";
  return undefined;
}

export function checkNumberFormat(format: unknown): void {
  const problem = numberFormatProblem(format);
  if (problem)
    throw new FakeOfficeError(
      "InvalidArgument",
      `Number format ${JSON.stringify(format)}: ${problem}.`
    );
}

const RULE_KINDS = ["wholeNumber", "decimal", "list", "date", "time", "textLength", "custom"];

/** A data-validation rule as Excel takes it: exactly one kind, a list source ≤ 255 characters. */
export function checkValidationRule(rule: unknown): void {
  const kinds = Object.keys((rule ?? {}) as object).filter((k) => RULE_KINDS.includes(k));
  if (kinds.length !== 1)
    throw new FakeOfficeError(
      "InvalidArgument",
      `A validation rule has one kind (got ${kinds.join(", ") || "none"}).`
    );
  const list = (rule as { list?: { source?: unknown } }).list;
  if (list && (typeof list.source !== "string" || list.source.length > 255))
    throw new FakeOfficeError(
      "InvalidArgument",
      "A list source is text of at most 255 characters."
    );
}

/** A prompt or error alert: title ≤ 32 characters, message ≤ 255, a valid style. */
export function checkValidationText(member: "prompt" | "errorAlert", value: unknown): void {
  const v = (value ?? {}) as { title?: unknown; message?: unknown; style?: unknown };
  if (typeof v.title === "string" && v.title.length > 32)
    throw new FakeOfficeError("InvalidArgument", `A ${member} title is at most 32 characters.`);
  if (typeof v.message === "string" && v.message.length > 255)
    throw new FakeOfficeError("InvalidArgument", `A ${member} message is at most 255 characters.`);
  if (member === "errorAlert" && v.style !== undefined) checkEnum("errorAlertStyle", v.style);
}
