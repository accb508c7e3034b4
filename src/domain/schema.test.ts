import { BE_DATE_NUMERIC_FORMAT } from "./dates";
import { fieldDef, fieldLabel, fieldsOf, TABLE_KINDS, tableLabel, templateFor } from "./schema";
import { normalizeForMatch } from "./text";
import { SEED_001_VOCABULARIES } from "../../test/fixtures/vocabularies";

describe("schema", () => {
  it("covers every record field of types.ts, once, in a fixed order", () => {
    expect(fieldsOf("projects").map((field) => field.key)).toEqual([
      "code",
      "name",
      "fiscalYear",
      "start",
      "end",
      "budgetReceived",
      "budgetUsed",
      "unit",
      "owner",
      "coordinator",
      "rationale",
      "objectives",
      "target",
      "targetCount",
      "strategy",
      "subStrategy",
      "goal",
      "kpi",
    ]);
    expect(fieldsOf("rounds").map((field) => field.key)).toEqual([
      "projectCode",
      "round",
      "date",
      "narrative",
      "progress",
      "plannedProgress",
      "disbursed",
      "planStatus",
      "targetStatus",
    ]);
    expect(fieldsOf("indicators").map((field) => field.key)).toEqual([
      "projectCode",
      "id",
      "name",
      "unit",
      "target",
      "actual",
      "outcome",
    ]);
  });

  it.each(TABLE_KINDS)(
    "gives each spelling in %s to one field only, so auto-mapping is never a coin toss",
    (kind) => {
      const owner = new Map<string, string>();
      for (const field of fieldsOf(kind)) {
        for (const spelling of [field.label.th, field.label.en, field.key, ...field.aliases]) {
          const key = normalizeForMatch(spelling);
          expect(key).not.toBe("");
          const previous = owner.get(key);
          if (previous !== undefined && previous !== field.key)
            throw new Error(`${kind}: "${spelling}" is claimed by ${previous} and ${field.key}`);
          owner.set(key, field.key);
        }
      }
    }
  );

  it("labels fields and tables in both languages", () => {
    expect(fieldLabel("rounds", "progress", "th")).toBe("ความก้าวหน้าของงาน (%)");
    expect(fieldLabel("rounds", "progress", "en")).toBe("Progress (%)");
    expect(fieldLabel("projects", "fiscalYear", "th")).toBe("ปีงบประมาณ พ.ศ.");
    expect(fieldLabel("projects", "nonsense", "en")).toBe("nonsense");
    expect(tableLabel("indicators", "th")).toBe("เกณฑ์ชี้วัด");
    expect(fieldDef("rounds", "planStatus")?.vocabulary).toBe("planStatus");
    expect(fieldDef("indicators", "outcome")?.vocabulary).toBe("outcome");
  });

  it("marks the fields a row cannot do without as required", () => {
    const required = (kind: (typeof TABLE_KINDS)[number]) =>
      fieldsOf(kind)
        .filter((field) => field.required)
        .map((field) => field.key);
    expect(required("projects")).toEqual(["code", "name"]);
    expect(required("rounds")).toEqual(["projectCode", "round"]);
    expect(required("indicators")).toEqual(["projectCode"]);
  });
});

describe("templateFor", () => {
  it("builds the blank Rounds table in Thai: headers, widths, BE dates, validation", () => {
    const template = templateFor("rounds", "th");
    expect(template.sheet).toBe("รายงานความก้าวหน้า");
    expect(template.tableName).toBe("KaonaRounds");
    expect(template.headers).toEqual([
      "รหัสโครงการ",
      "รายงานครั้งที่",
      "วันที่รายงาน",
      "ผลการดำเนินงาน",
      "ความก้าวหน้าของงาน (%)",
      "แผน (%)",
      "งบประมาณที่เบิกใช้ (บาท)",
      "สถานะตามแผน",
      "สถานะตามเป้าหมาย",
    ]);
    expect(template.columnWidths).toHaveLength(9);
    for (const width of template.columnWidths) expect(width).toBeGreaterThan(40);
    expect(template.numberFormats[0]).toBe("@");
    expect(template.numberFormats[2]).toBe(BE_DATE_NUMERIC_FORMAT);
    expect(template.numberFormats[3]).toBeUndefined();
    expect(template.validation).toEqual([
      expect.objectContaining({ column: 1, type: "wholeNumber", min: 1 }),
      expect.objectContaining({ column: 2, type: "date" }),
      expect.objectContaining({ column: 4, type: "decimal", min: 0, max: 100 }),
      expect.objectContaining({ column: 5, type: "decimal", min: 0, max: 100 }),
      expect.objectContaining({ column: 6, type: "decimal", min: 0 }),
      expect.objectContaining({
        column: 7,
        type: "list",
        source: ["เป็นไปตามแผน", "ล่าช้ากว่าแผน", "เร็วกว่าแผน"],
      }),
      expect.objectContaining({
        column: 8,
        type: "list",
        source: ["เป็นไปตามเป้าหมาย", "ไม่เป็นไปตามเป้าหมาย"],
      }),
    ]);
    for (const rule of template.validation) {
      expect(rule.prompt).toBeTruthy();
      expect(rule.error).toContain("ค่าไม่ถูกต้อง");
    }
  });

  it("builds English headers and lists, and takes the workbook's own vocabularies", () => {
    const template = templateFor("indicators", "en", SEED_001_VOCABULARIES);
    expect(template.headers).toEqual([
      "Project code",
      "Indicator ID",
      "Indicator",
      "Main unit",
      "Minimum target",
      "Actual",
      "Outcome",
    ]);
    expect(template.validation.find((rule) => rule.column === 6)).toEqual(
      expect.objectContaining({
        type: "list",
        source: ["Carried out", "Problem beyond the city's authority"],
      })
    );
  });

  it("limits fiscal years to plausible BE years in the Projects template", () => {
    const template = templateFor("projects", "th");
    const year = template.validation.find((rule) => rule.column === 2);
    expect(year).toEqual(expect.objectContaining({ type: "wholeNumber", min: 2500, max: 2700 }));
    expect(template.headers).toHaveLength(template.numberFormats.length);
  });
});
