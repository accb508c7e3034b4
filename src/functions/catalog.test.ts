import { hasThai } from "../domain/text";
import { FUNCTION_CATALOG, catalogEntry, type ExampleResult } from "./catalog";
import { isExcelErrorLike } from "./errors";
import { exampleArguments, exampleFormula } from "./examples";
import * as KPI from "./functions";

const implementations = KPI as Record<string, unknown>;

describe("the catalog and functions.ts", () => {
  it("has every exported function, each taking the catalog's parameters", () => {
    const exported = Object.keys(KPI).filter((name) => typeof implementations[name] === "function");
    expect(exported.sort()).toEqual(FUNCTION_CATALOG.map((entry) => entry.implementation).sort());
    for (const entry of FUNCTION_CATALOG) {
      const implementation = implementations[entry.implementation] as (...args: never[]) => unknown;
      expect([entry.name, implementation.length]).toEqual([entry.name, entry.parameters.length]);
    }
  });

  it("puts optional parameters after the required ones", () => {
    for (const entry of FUNCTION_CATALOG) {
      const flags = entry.parameters.map((parameter) => parameter.optional === true);
      expect([entry.name, flags]).toEqual([entry.name, [...flags].sort()]);
    }
  });
});

describe("the catalog", () => {
  it("has Thai text for every function, parameter and result", () => {
    for (const entry of FUNCTION_CATALOG) {
      const texts = [entry.th, entry.returns.th, ...entry.parameters.map((p) => p.th)];
      for (const text of texts) expect([entry.name, hasThai(text)]).toEqual([entry.name, true]);
      expect(entry.returns.en.length).toBeGreaterThan(0);
    }
  });

  it("has at least one example per function", () => {
    for (const entry of FUNCTION_CATALOG)
      expect([entry.name, entry.examples.length > 0]).toEqual([entry.name, true]);
  });

  it("finds entries by name", () => {
    expect(catalogEntry("passrate")?.implementation).toBe("passRate");
    expect(catalogEntry("nope")).toBeUndefined();
  });

  it("writes examples as formulas over the sample tables", () => {
    const progress = catalogEntry("PROGRESS");
    expect(progress && exampleFormula(progress, progress.examples[1])).toBe(
      '=KPI.PROGRESS(KaonaRounds[รหัสโครงการ], KaonaRounds[รายงานครั้งที่], KaonaRounds[ความก้าวหน้าของงาน (%)], "21000000-3165", 5)'
    );
  });
});

function outcomeOf(call: () => unknown): ExampleResult {
  try {
    return call() as ExampleResult;
  } catch (thrown) {
    if (isExcelErrorLike(thrown)) return { error: thrown.code as "#VALUE!" | "#N/A" | "#DIV/0!" };
    throw thrown;
  }
}

describe("every example, run on the sample workbook (the seeds)", () => {
  const cases = FUNCTION_CATALOG.flatMap((entry) =>
    entry.examples.map((example) => [exampleFormula(entry, example), entry, example] as const)
  );
  it.each(cases)("%s", (_formula, entry, example) => {
    const implementation = implementations[entry.implementation];
    expect(typeof implementation).toBe("function");
    const result = outcomeOf(() =>
      (implementation as (...args: unknown[]) => unknown)(...exampleArguments(example))
    );
    if (typeof example.result === "number" && typeof result === "number")
      expect(result).toBeCloseTo(example.result, 10);
    else expect(result).toEqual(example.result);
  });
});
