import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { hasThai } from "../domain/text";
import { FUNCTION_CATALOG, type FunctionEntry, type MetadataType } from "./catalog";
import { functionsMetadata } from "./metadata";

/** The TypeScript type the metadata generator reads as `type` (and a range as a matrix). */
function typeScriptType(type: MetadataType, range: boolean | undefined): string {
  return range ? `${type}[][]` : type;
}

/** A JSDoc'd declaration of the entry, written the way custom-functions-metadata expects
 * functions to be written: the oracle for what functions.json must be. */
function jsdocDeclaration(entry: FunctionEntry): string {
  const tags = entry.parameters.map((parameter) => ` * @param ${parameter.name} ${parameter.en}`);
  const parameters = entry.parameters.map(
    (parameter) =>
      `${parameter.name}${parameter.optional ? "?" : ""}: ${typeScriptType(parameter.type, parameter.range)}`
  );
  return [
    "/**",
    ` * ${entry.en}`,
    ` * @customfunction ${entry.name}`,
    ...tags,
    ` * @returns ${entry.returns.en}`,
    " */",
    `export function ${entry.implementation}(${parameters.join(", ")}): ${typeScriptType(entry.returns.type, entry.returns.range)} {`,
    "  throw new Error();",
    "}",
    "",
  ].join("\n");
}

async function generatedFrom(catalog: readonly FunctionEntry[]) {
  const dir = mkdtempSync(path.join(tmpdir(), "kaona-metadata-"));
  try {
    const file = path.join(dir, "functions.ts");
    writeFileSync(file, catalog.map(jsdocDeclaration).join("\n"), "utf8");
    const result = await generateCustomFunctionsMetadata(file);
    return {
      errors: result.errors,
      metadata:
        result.errors.length === 0 ? (JSON.parse(result.metadataJson) as unknown) : undefined,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("functionsMetadata (functions.json)", () => {
  it("is what custom-functions-metadata generates from the same functions written in JSDoc", async () => {
    const generated = await generatedFrom(FUNCTION_CATALOG);
    expect(generated.errors).toEqual([]);
    // What the generator cannot write, and what Kaona chooses differently (see metadata.ts).
    const { allowCustomDataForDataTypeAny, ...rest } = generated.metadata as {
      allowCustomDataForDataTypeAny?: boolean;
    };
    expect(allowCustomDataForDataTypeAny).toBe(true);
    expect(functionsMetadata("en")).toEqual({ ...rest, allowErrorForDataTypeAny: true });
  }, 30_000);

  const [first, second] = FUNCTION_CATALOG;
  it.each<[string, FunctionEntry[]]>([
    ["a name with a hyphen", [{ ...first, name: "BAD-NAME" }]],
    ["a name that starts with a digit", [{ ...first, name: "2PROGRESS" }]],
    ["a name used twice", [first, { ...second, name: first.name }]],
    ["an export used twice", [first, { ...second, implementation: first.implementation }]],
  ])(
    "refuses what the generator refuses: %s",
    async (_case, broken) => {
      const generated = await generatedFrom(broken);
      expect(generated.errors.length).toBeGreaterThan(0);
      expect(() => functionsMetadata("en", broken)).toThrow("Custom functions catalog");
    },
    30_000
  );

  it("types the optional numbers and flags as any, so Excel passes a blank cell as blank", () => {
    const typeOf = (id: string, parameter: string) =>
      functionsMetadata("en")
        .functions.find((fn) => fn.id === id)
        ?.parameters.find((p) => p.name === parameter)?.type;
    expect([
      typeOf("PROGRESS", "round"),
      typeOf("PLANSTATUS", "tolerance"),
      typeOf("PASSRATE", "planned"),
      typeOf("THAIDATE", "thaiDigits"),
      typeOf("FISCALYEARSTART", "fiscalYear"),
    ]).toEqual(["any", "any", "any", "any", "any"]);
  });

  it("carries the public API: names, argument order, optional arguments, ranges", () => {
    const signatures = Object.fromEntries(
      functionsMetadata("en").functions.map((fn) => [
        fn.id,
        fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", "),
      ])
    );
    expect(signatures).toMatchObject({
      PROGRESS: "codes, rounds, progress, code, [round]",
      PROGRESSASOF: "codes, dates, progress, code, date",
      PLANSTATUS: "actual, planned, [tolerance]",
      OUTCOMES: "outcomes, [language]",
      OUTCOMECOUNT: "outcomes, category",
      PASSRATE: "outcomes, [basis], [planned]",
      BUDGETRATE: "received, disbursed",
      THAIDATE: "date, [style], [thaiDigits]",
      FISCALYEAR: "date, [era]",
      FISCALQUARTER: "date",
      THAIDATEVALUE: "text",
      TONUMBER: "text",
    });
    const progress = functionsMetadata("en").functions.find((fn) => fn.id === "PROGRESS");
    expect(progress?.parameters.slice(0, 3).map((p) => p.dimensionality)).toEqual([
      "matrix",
      "matrix",
      "matrix",
    ]);
    expect(functionsMetadata("en").functions.find((fn) => fn.id === "OUTCOMES")?.result).toEqual({
      dimensionality: "matrix",
    });
  });
});

describe("functionsMetadata (functions.th-TH.json)", () => {
  it("has the English file's ids, names, types and options, with Thai descriptions", () => {
    const english = functionsMetadata("en");
    const thai = functionsMetadata("th");
    const shape = (metadata: typeof english) =>
      metadata.functions.map(({ description: _d, parameters, ...rest }) => ({
        ...rest,
        parameters: parameters.map(({ description: _p, ...parameter }) => parameter),
      }));
    expect(shape(thai)).toEqual(shape(english));
    for (const fn of thai.functions) {
      const texts = [fn.description, ...fn.parameters.map((parameter) => parameter.description)];
      for (const text of texts) expect([fn.id, text, hasThai(text)]).toEqual([fn.id, text, true]);
    }
    const passRate = thai.functions.find((fn) => fn.id === "PASSRATE");
    expect(passRate?.description).toContain("สัดส่วนที่ผ่านค่าเป้าหมาย");
  });
});
