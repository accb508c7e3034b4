import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { hasThai } from "../domain/text";
import { FUNCTION_CATALOG, catalogEntry, type ExampleResult } from "./catalog";
import { isExcelErrorLike } from "./errors";
import { exampleArguments, exampleFormula } from "./examples";
import * as KPI from "./functions";

interface GeneratedParameter {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}
interface GeneratedFunction {
  id: string;
  name: string;
  description?: string;
  parameters: GeneratedParameter[];
  result: { type?: string; dimensionality?: string };
}

const FUNCTIONS_FILE = path.join(__dirname, "functions.ts");
let generated: {
  errors: string[];
  functions: GeneratedFunction[];
  associate: { functionName: string; id: string }[];
};

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_FILE);
  generated = {
    errors: result.errors,
    functions: (JSON.parse(result.metadataJson) as { functions: GeneratedFunction[] }).functions,
    associate: result.associate,
  };
}, 30_000);

const implementations = KPI as Record<string, unknown>;

describe("functions.json as custom-functions-metadata generates it", () => {
  it("has no errors", () => {
    expect(generated.errors).toEqual([]);
  });

  it("lists exactly the catalog's functions, each bound to its export", () => {
    expect(generated.functions.map((fn) => fn.id)).toEqual(
      FUNCTION_CATALOG.map((entry) => entry.name)
    );
    expect(generated.associate).toEqual(
      FUNCTION_CATALOG.map((entry) =>
        expect.objectContaining({ id: entry.name, functionName: entry.implementation })
      )
    );
    for (const fn of generated.functions) expect(fn.name).toBe(fn.id);
  });

  it("has every exported function in it", () => {
    const exported = Object.keys(KPI).filter((name) => typeof implementations[name] === "function");
    expect(exported.sort()).toEqual(FUNCTION_CATALOG.map((entry) => entry.implementation).sort());
  });

  it("carries the issue's public API: names and argument order", () => {
    const signature = (id: string) =>
      generated.functions
        .find((fn) => fn.id === id)
        ?.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))
        .join(", ");
    expect(signature("PROGRESS")).toBe("codes, rounds, progress, code, [round]");
    expect(signature("PROGRESSASOF")).toBe("codes, dates, progress, code, date");
    expect(signature("PLANSTATUS")).toBe("actual, planned, [tolerance]");
    expect(signature("OUTCOMES")).toBe("outcomes, [language]");
    expect(signature("OUTCOMECOUNT")).toBe("outcomes, category");
    expect(signature("PASSRATE")).toBe("outcomes, [basis], [planned]");
    expect(signature("BUDGETRATE")).toBe("received, disbursed");
    expect(signature("THAIDATE")).toBe("date, [style], [thaiDigits]");
    expect(signature("DATEVALUE")).toBe("text");
    expect(signature("FISCALYEAR")).toBe("date, [era]");
    expect(signature("FISCALQUARTER")).toBe("date");
    expect(signature("TONUMBER")).toBe("text");
  });

  it("types ranges as matrices and spills OUTCOMES", () => {
    const progress = generated.functions.find((fn) => fn.id === "PROGRESS");
    expect(progress?.parameters.slice(0, 3).map((p) => p.dimensionality)).toEqual([
      "matrix",
      "matrix",
      "matrix",
    ]);
    expect(progress?.parameters[4]).toMatchObject({ type: "number", optional: true });
    expect(progress?.result).toEqual({ type: "number" });
    expect(generated.functions.find((fn) => fn.id === "OUTCOMES")?.result).toEqual({
      dimensionality: "matrix",
    });
    expect(generated.functions.find((fn) => fn.id === "THAIDATE")?.result).toEqual({
      type: "string",
    });
  });
});

describe("the catalog", () => {
  it("has the JSDoc's English text, parameter by parameter, and the same optional parameters", () => {
    for (const entry of FUNCTION_CATALOG) {
      const fn = generated.functions.find((candidate) => candidate.id === entry.name);
      expect([entry.name, fn?.description]).toEqual([entry.name, entry.en]);
      expect(fn?.parameters.map((p) => [p.name, p.description, p.optional === true])).toEqual(
        entry.parameters.map((p) => [p.name, p.en, p.optional === true])
      );
    }
  });

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
