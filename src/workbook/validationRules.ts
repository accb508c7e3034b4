/**
 * ColumnValidation → the data-validation rule Excel stores, checked against Excel's limits
 * before anything is written: a list's comma-joined source is at most 255 characters and
 * its items cannot contain commas (Excel splits on them); prompt titles at most 32
 * characters and messages at most 255.
 */
import { sheetNameProblem, tableNameProblem } from "../domain/a1";
import { WorkbookError, type ColumnValidation, type NewTableSpec } from "./port";

const MAX_LIST_SOURCE = 255;
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;

/** What a workbook applies for one rule (the shape of Excel.DataValidationRule's parts). */
export interface ValidationWrite {
  column: number;
  rule:
    | { list: { inCellDropDown: boolean; source: string } }
    | { decimal: { formula1: number; formula2: number; operator: "Between" } }
    | {
        wholeNumber: {
          formula1: number;
          formula2?: number;
          operator: "Between" | "GreaterThanOrEqualTo";
        };
      }
    | { date: { formula1: string; operator: "GreaterThanOrEqualTo" } };
  prompt?: { showPrompt: true; title: string; message: string };
  errorAlert: { showAlert: true; style: "Stop"; title: string; message: string };
}

export type ValidationPlan =
  { ok: true; writes: ValidationWrite[] } | { ok: false; problem: string };

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function ruleOf(v: ColumnValidation): ValidationWrite["rule"] | string {
  switch (v.type) {
    case "list": {
      const items = v.source.map((s) => String(s).trim()).filter((s) => s !== "");
      if (items.length === 0) return "a dropdown needs at least one item";
      const withComma = items.find((s) => s.includes(","));
      if (withComma !== undefined) return `dropdown item "${withComma}" contains a comma`;
      const source = items.join(",");
      if (source.length > MAX_LIST_SOURCE)
        return `dropdown items take ${source.length} characters (Excel allows ${MAX_LIST_SOURCE})`;
      return { list: { inCellDropDown: true, source } };
    }
    case "decimal":
      if (!Number.isFinite(v.min) || !Number.isFinite(v.max) || v.min > v.max)
        return "decimal bounds are not a range";
      return { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
    case "wholeNumber":
      if (
        !Number.isFinite(v.min) ||
        (v.max !== undefined && (!Number.isFinite(v.max) || v.max < v.min))
      ) {
        return "whole-number bounds are not a range";
      }
      return v.max === undefined
        ? { wholeNumber: { formula1: v.min, operator: "GreaterThanOrEqualTo" } }
        : { wholeNumber: { formula1: v.min, formula2: v.max, operator: "Between" } };
    case "date":
      return { date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" } };
  }
}

const DEFAULT_ERROR: Record<ColumnValidation["type"], string> = {
  list: "เลือกจากรายการ / Pick a value from the list",
  decimal: "ตัวเลขไม่อยู่ในช่วง / The number is out of range",
  wholeNumber: "ต้องเป็นจำนวนเต็ม / A whole number is needed",
  date: "ต้องเป็นวันที่ / A date is needed",
};

/** Checks every rule first, so a bad rule writes nothing. */
export function planValidation(
  rules: readonly ColumnValidation[],
  columnCount?: number
): ValidationPlan {
  const writes: ValidationWrite[] = [];
  for (const v of rules) {
    if (
      !Number.isInteger(v.column) ||
      v.column < 0 ||
      (columnCount !== undefined && v.column >= columnCount)
    ) {
      return { ok: false, problem: `validation for column ${v.column}: no such column` };
    }
    const rule = ruleOf(v);
    if (typeof rule === "string")
      return { ok: false, problem: `validation for column ${v.column}: ${rule}` };
    writes.push({
      column: v.column,
      rule,
      prompt: v.prompt
        ? { showPrompt: true, title: "Kaona", message: clip(v.prompt, MAX_MESSAGE) }
        : undefined,
      errorAlert: {
        showAlert: true,
        style: "Stop",
        title: clip("Kaona", MAX_TITLE),
        message: clip(v.error ?? DEFAULT_ERROR[v.type], MAX_MESSAGE),
      },
    });
  }
  return { ok: true, writes };
}

/**
 * What both workbooks refuse before creating a table, so that nothing is written: a sheet
 * or table name Excel would reject, no columns, a bad validation rule. Returns the
 * validation writes to make.
 */
export function planNewTable(spec: NewTableSpec): ValidationWrite[] {
  const sheetProblem = sheetNameProblem(spec.sheet);
  if (sheetProblem)
    throw new WorkbookError("not-supported", `sheet name "${spec.sheet}": ${sheetProblem}`, {
      sheet: spec.sheet,
    });
  const tableProblem = tableNameProblem(spec.tableName);
  if (tableProblem)
    throw new WorkbookError("not-supported", `table name "${spec.tableName}": ${tableProblem}`, {
      table: spec.tableName,
    });
  if (spec.headers.length === 0)
    throw new WorkbookError("not-supported", "a table needs at least one column", {
      table: spec.tableName,
    });
  const validation = planValidation(spec.validation ?? [], spec.headers.length);
  if (!validation.ok)
    throw new WorkbookError("not-supported", validation.problem, { table: spec.tableName });
  return validation.writes;
}
