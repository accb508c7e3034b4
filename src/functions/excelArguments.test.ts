/**
 * The functions as Excel calls them: each argument first converted by the parameter's
 * type in functions.json (Excel converts typed scalars before the call, so a blank cell
 * reaches a `number` parameter as 0 and a `boolean` one as FALSE, and an error cell never
 * reaches a typed parameter: Excel returns the error without calling), and error cells let
 * into `any` parameters as error values (allowErrorForDataTypeAny). Run through the real
 * metadata, these fail if an optional number goes back to `number`.
 */
import { FUNCTION_CATALOG, type MetadataType } from "./catalog";
import { isExcelErrorLike, type ExcelErrorLike } from "./errors";
import { exampleArguments } from "./examples";
import * as KPI from "./functions";
import { functionsMetadata, type FunctionsMetadata } from "./metadata";
import { column } from "./testing";

const BLANK = Symbol("blank cell");
const NA: ExcelErrorLike = { code: "#N/A" };

/** A cell as Excel hands it to a scalar parameter of `type`. */
function converted(cell: unknown, type: MetadataType): unknown {
  if (cell !== BLANK) return cell;
  if (type === "number") return 0;
  if (type === "boolean") return false;
  return "";
}

/** Calls KPI.`id` as Excel would with `metadata`: the result, or the error it shows. */
function callAsExcel(id: string, args: unknown[], metadata: FunctionsMetadata): unknown {
  const fn = metadata.functions.find((candidate) => candidate.id === id);
  const entry = FUNCTION_CATALOG.find((candidate) => candidate.name === id);
  if (!fn || !entry) throw new Error(`No function ${id}`);
  const passed: unknown[] = [];
  for (const [index, arg] of args.entries()) {
    const parameter = fn.parameters[index];
    const type = parameter.type ?? "any";
    if (isExcelErrorLike(arg) && !(type === "any" && metadata.allowErrorForDataTypeAny))
      return arg.code;
    passed.push(parameter.dimensionality === "matrix" ? arg : converted(arg, type));
  }
  const implementation = (KPI as unknown as Record<string, (...a: unknown[]) => unknown>)[
    entry.implementation
  ];
  try {
    return implementation(...passed);
  } catch (thrown) {
    if (isExcelErrorLike(thrown)) return thrown.code;
    throw thrown;
  }
}

const metadata = functionsMetadata("en");
const progressExample = FUNCTION_CATALOG.find((entry) => entry.name === "PROGRESS")!.examples[0];
const [codes, rounds, progress, seed000] = exampleArguments(progressExample) as [
  unknown[][],
  unknown[][],
  unknown[][],
  string,
];
const outcomesExample = FUNCTION_CATALOG.find((entry) => entry.name === "PASSRATE")!.examples[0];
const [outcomes] = exampleArguments(outcomesExample) as [unknown[][]];

describe("a blank cell in an optional argument counts as omitted", () => {
  it("PROGRESS with a blank round gives the latest round's progress, not round 0's", () => {
    expect(callAsExcel("PROGRESS", [codes, rounds, progress, seed000, BLANK], metadata)).toBe(100);
  });

  it("(the check bites: with round typed number, as before, a blank is round 0)", () => {
    const before = structuredClone(metadata);
    const round = before.functions
      .find((fn) => fn.id === "PROGRESS")!
      .parameters.find((parameter) => parameter.name === "round")!;
    round.type = "number";
    expect(callAsExcel("PROGRESS", [codes, rounds, progress, seed000, BLANK], before)).toBe("#N/A");
  });

  it("PLANSTATUS with a blank tolerance uses 5 points, not 0", () => {
    expect(callAsExcel("PLANSTATUS", [38, 40, BLANK], metadata)).toBe("เป็นไปตามแผน");
    expect(callAsExcel("PLANSTATUS", [38, 40, 0], metadata)).toBe("ล่าช้ากว่าแผน");
  });

  it("PASSRATE with a blank planned count uses evaluated plus excluded, not 0", () => {
    expect(callAsExcel("PASSRATE", [outcomes, "planned", BLANK], metadata)).toBeCloseTo(
      409 / 431,
      10
    );
  });

  it("FISCALYEARSTART of a blank cell says the year is missing", () => {
    expect(() => KPI.fiscalYearStart("")).toThrow("fiscalYear is missing");
    expect(callAsExcel("FISCALYEARSTART", [BLANK], metadata)).toBe("#VALUE!");
  });
});

describe("error cells in arguments", () => {
  it("an error in another project's row does not stop PROGRESS", () => {
    const withError = progress.map((row, index) => (codes[index][0] === seed000 ? row : [NA]));
    expect(callAsExcel("PROGRESS", [codes, rounds, withError, seed000], metadata)).toBe(100);
    const codesWithError = codes.map((row, index) => (codes[index][0] === seed000 ? row : [NA]));
    expect(callAsExcel("PROGRESS", [codesWithError, rounds, progress, seed000], metadata)).toBe(
      100
    );
  });

  it("an error in the project's own row is a #VALUE! naming the row and the error", () => {
    const own = codes.findIndex((row) => row[0] === seed000);
    const withError = progress.map((row, index) => (index === own ? [NA] : row));
    expect(() => KPI.progress(codes, rounds, withError, seed000)).toThrow(
      `The progress in row ${own + 1} of the range is the error #N/A`
    );
  });

  it("an error among the outcomes or the amounts is named, not counted or summed", () => {
    expect(() => KPI.outcomes(column(["ผ่าน", NA]))).toThrow("row 2 of the range is the error #N/A");
    expect(() => KPI.budgetRate(column([100, NA]), [[5]])).toThrow("row 2");
  });

  it("an error passed as a value is the result, as with Excel's own functions", () => {
    expect(callAsExcel("PLANSTATUS", [NA, 40], metadata)).toBe("#N/A");
    expect(callAsExcel("THAIDATE", [{ code: "#REF!" }], metadata)).toBe("#REF!");
    expect(callAsExcel("THAIDIGITS", [{ code: "#DIV/0!" }], metadata)).toBe("#DIV/0!");
    expect(callAsExcel("PROGRESS", [codes, rounds, progress, seed000, NA], metadata)).toBe("#N/A");
  });

  it("are let into `any` arguments by the metadata", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });
});
