import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTION_CATALOG } from "./catalog";
import { localizeFunctionsMetadata } from "./localizedMetadata";

interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: {
      name: string;
      description: string;
      type?: string;
      optional?: boolean;
      dimensionality?: string;
    }[];
    result: unknown;
  }[];
}

let english: Metadata;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(path.join(__dirname, "functions.ts"));
  english = JSON.parse(generated.metadataJson) as Metadata;
}, 30_000);

describe("localizeFunctionsMetadata", () => {
  it("gives Thai descriptions and parameter help with the same ids, names, types and options", () => {
    const thai = localizeFunctionsMetadata(english, "th") as Metadata;
    expect(thai.allowCustomDataForDataTypeAny).toBe(english.allowCustomDataForDataTypeAny);
    expect(thai.functions).toHaveLength(english.functions.length);
    thai.functions.forEach((fn, index) => {
      const source = english.functions[index];
      const entry = FUNCTION_CATALOG.find((candidate) => candidate.name === source.id);
      expect(fn.id).toBe(source.id);
      expect(fn.name).toBe(source.name);
      expect(fn.result).toEqual(source.result);
      expect(fn.description).toBe(entry?.th);
      fn.parameters.forEach((parameter, position) => {
        const { description: _thai, ...rest } = parameter;
        const { description: _english, ...sourceRest } = source.parameters[position];
        expect(rest).toEqual(sourceRest);
        expect(parameter.description).toBe(entry?.parameters[position].th);
      });
    });
    const passRate = thai.functions.find((fn) => fn.id === "PASSRATE");
    expect(passRate?.description).toContain("สัดส่วนที่ผ่านค่าเป้าหมาย");
    expect(passRate?.parameters.map((p) => p.name)).toEqual(["outcomes", "basis", "planned"]);
  });

  it("leaves its input unchanged", () => {
    const before = JSON.stringify(english);
    localizeFunctionsMetadata(english, "th");
    expect(JSON.stringify(english)).toBe(before);
  });

  it("refuses a function or parameter that has no Thai text", () => {
    const extra = {
      functions: [
        ...english.functions,
        { id: "NEWFUNC", name: "NEWFUNC", description: "x", parameters: [], result: {} },
      ],
    };
    expect(() => localizeFunctionsMetadata(extra, "th")).toThrow("NEWFUNC");
    const renamed = structuredClone(english);
    renamed.functions[0].parameters[0].name = "projectCodes";
    expect(() => localizeFunctionsMetadata(renamed, "th")).toThrow("PROGRESS(projectCodes)");
  });

  it("refuses what is not functions metadata", () => {
    expect(() => localizeFunctionsMetadata(null, "th")).toThrow("Not custom functions metadata");
    expect(() => localizeFunctionsMetadata({ functions: [42] }, "th")).toThrow(
      "Not a custom function"
    );
  });
});
