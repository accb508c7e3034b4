import { RULES, ruleInfo, severityOf } from "./catalogue";

describe("rule catalogue", () => {
  it("lists every rule once with a severity, a table and both descriptions", () => {
    const codes = RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      expect(rule.code).toMatch(/^[A-Z]+(?:_[A-Z0-9]+)+$/);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(["any", "projects", "rounds", "indicators"]).toContain(rule.table);
      expect(rule.description.th).toMatch(/[\u0E01-\u0E5B]/);
      expect(rule.description.en).toMatch(/^[A-Z]/);
    }
  });

  it("covers what issue 3 asks of each table", () => {
    const codes = new Set(RULES.map((rule) => rule.code));
    for (const code of [
      "PROJECT_CODE_FORMAT",
      "PROJECT_CODE_DUPLICATE",
      "PROJECT_START_AFTER_END",
      "PROJECT_DATE_OUTSIDE_FY",
      "PROJECT_YEAR_IMPLAUSIBLE",
      "PROJECT_BUDGET_NEGATIVE",
      "PROJECT_USED_ABOVE_RECEIVED",
      "PROJECT_TARGET_COUNT_INVALID",
      "ROUND_UNKNOWN_PROJECT",
      "ROUND_NUMBER_INVALID",
      "ROUND_DUPLICATE",
      "ROUND_MISSING",
      "ROUND_DATE_NOT_INCREASING",
      "ROUND_DATE_OUTSIDE_PROJECT",
      "ROUND_PROGRESS_OUT_OF_RANGE",
      "ROUND_PROGRESS_FALLS",
      "ROUND_PROGRESS_JUMP",
      "ROUND_NOT_FINISHED",
      "ROUND_PROGRESS_MISSING",
      "ROUND_STATUS_UNKNOWN",
      "ROUND_PLAN_STATUS_CONTRADICTS",
      "ROUND_DISBURSED_NEGATIVE",
      "ROUND_DISBURSED_ABOVE_BUDGET",
      "CELL_NUMBER_AS_TEXT",
      "CELL_DATE_AS_TEXT",
      "IND_UNKNOWN_PROJECT",
      "IND_ID_DUPLICATE",
      "IND_OUTCOME_UNKNOWN",
      "IND_COUNT_MISMATCH",
      "IND_EVALUATED_ABOVE_PLANNED",
    ]) {
      expect(codes).toContain(code);
    }
  });

  it("gives holes in the data a warning and contradictions an error", () => {
    expect(severityOf("ROUND_PROGRESS_MISSING")).toBe("warning");
    expect(severityOf("ROUND_PROGRESS_JUMP")).toBe("warning");
    expect(severityOf("ROUND_PROGRESS_FALLS")).toBe("error");
    expect(ruleInfo("IND_EVALUATED_ABOVE_PLANNED")).toMatchObject({
      code: "IND_EVALUATED_ABOVE_PLANNED",
      severity: "error",
      table: "indicators",
    });
  });
});
