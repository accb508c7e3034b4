import { readFileSync } from "node:fs";
import path from "node:path";
import { FUNCTION_CATALOG } from "./catalog";
import { renderFunctionReference } from "./reference";

describe("docs/functions.md", () => {
  const reference = renderFunctionReference();

  it("is the reference generated from the catalog (run scripts/generate-function-docs.ts after editing it)", () => {
    const file = readFileSync(path.join(__dirname, "..", "..", "docs", "functions.md"), "utf8");
    expect(file).toBe(reference);
  });

  it("documents every function with its syntax, both languages and its examples", () => {
    for (const entry of FUNCTION_CATALOG) {
      expect(reference).toContain(`## KPI.${entry.name}\n`);
      expect(reference).toContain(entry.th);
      expect(reference).toContain(entry.en);
    }
    expect(reference).toContain("KPI.PASSRATE(outcomes, [basis], [planned])");
    expect(reference).toContain(
      '=KPI.PASSRATE(KaonaIndicators[ผลการประเมิน], "planned", 431)` | `0.949`'
    );
    expect(reference).toContain("| ผ่านค่าเป้าหมายขั้นต่ำ | 409 |");
  });
});
