/**
 * The catalog's examples against the sample workbook (the two seed projects): each
 * example's formula text, with structured references to the sample tables, and its
 * arguments as Excel would pass them (a column as a 2-D array, empty cells as "").
 */
import { SAMPLE_TABLES } from "../domain/sample";
import { fieldLabel } from "../domain/schema";
import type { CellValue } from "../domain/types";
import type { ExampleArg, ExampleResult, FunctionEntry, FunctionExample } from "./catalog";

function isColumn(arg: ExampleArg): arg is Extract<ExampleArg, { table: string }> {
  return typeof arg === "object";
}

/** A structured reference, with the header bracketed again where Excel requires it. */
function columnReference(arg: Extract<ExampleArg, { table: string }>): string {
  const header = fieldLabel(arg.table, arg.field, "th");
  const escaped = header.replace(/['#[\]]/g, "'$&");
  const special = /[\t\n\r,:.[\]#'"{}$^&*+=\-<>/]/.test(header);
  return `${SAMPLE_TABLES[arg.table].name}[${special ? `[${escaped}]` : escaped}]`;
}

function literal(arg: string | number | boolean): string {
  if (typeof arg === "string") return `"${arg.replace(/"/g, '""')}"`;
  if (typeof arg === "boolean") return arg ? "TRUE" : "FALSE";
  return String(arg);
}

/** The example as a formula: `=KPI.PROGRESS(KaonaRounds[รหัสโครงการ], …, "21000000-3165")`. */
export function exampleFormula(entry: FunctionEntry, example: FunctionExample): string {
  const args = example.args.map((arg) => (isColumn(arg) ? columnReference(arg) : literal(arg)));
  return `=KPI.${entry.name}(${args.join(", ")})`;
}

/** The column of a sample table as Excel passes a one-column range. */
function sampleColumn(
  table: Extract<ExampleArg, { table: string }>["table"],
  field: string
): CellValue[][] {
  const raw = SAMPLE_TABLES[table];
  const index = raw.headers.indexOf(fieldLabel(table, field, "th"));
  if (index < 0) throw new Error(`The sample table ${raw.name} has no column for ${field}`);
  return raw.rows.map((row) => [row[index] ?? ""]);
}

/** The example's arguments as Excel would pass them. */
export function exampleArguments(example: FunctionExample): unknown[] {
  return example.args.map((arg) => (isColumn(arg) ? sampleColumn(arg.table, arg.field) : arg));
}

/** An example's result as it shows in a cell (rates to four places). */
export function formatExampleResult(result: ExampleResult): string {
  if (typeof result === "number")
    return Number.isInteger(result) ? String(result) : String(Number(result.toFixed(4)));
  if (typeof result === "string") return result;
  if (Array.isArray(result)) return result.map((row) => row.join(" | ")).join("; ");
  return result.error;
}
