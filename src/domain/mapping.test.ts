import fc from "fast-check";
import { autoMap, columnsFromHeaders, guessKind } from "./mapping";
import { templateFor } from "./schema";

/** The Rounds fields each in its own column, in the template's order. */
const ROUND_COLUMNS = {
  projectCode: 0,
  round: 1,
  date: 2,
  narrative: 3,
  progress: 4,
  plannedProgress: 5,
  disbursed: 6,
  planStatus: 7,
  targetStatus: 8,
};

describe("autoMap", () => {
  it("maps the generated Thai and English headers exactly", () => {
    for (const lang of ["th", "en"] as const) {
      const headers = templateFor("rounds", lang).headers;
      const result = autoMap("rounds", headers);
      expect(result.columns).toEqual(ROUND_COLUMNS);
      expect(result.missingRequired).toEqual([]);
      expect(result.unknownHeaders).toEqual([]);
      expect(result.loose).toEqual([]);
    }
  });

  it("accepts the headers staff really write: spacing, case, punctuation, ฯ, Thai digits", () => {
    const result = autoMap("rounds", [
      "  รหัส  โครงการ ",
      "รายงานครั้งที่",
      "วันที่",
      "อยู่ระหว่างขั้นตอน",
      "ความก้าวหน้าของงานฯ",
      "PLAN %",
      "งบประมาณที่เบิกใช้ (ครั้งที่ ๑)",
      "เป็นไปตามแผน",
      "Target status",
    ]);
    expect(result.columns).toEqual(ROUND_COLUMNS);
    // Only the disbursement header matched by its beginning.
    expect(result.loose).toEqual(["disbursed"]);
  });

  it("maps the seed form's Projects labels, with their trailing dots", () => {
    const result = autoMap("projects", [
      "รหัสโครงการ...",
      "ชื่อโครงการ/กิจกรรม :",
      "ปีงบประมาณ พ.ศ.",
      "เริ่มต้นโครงการ",
      "สิ้นสุดโครงการ",
      "งบประมาณที่ได้รับ",
      "งบประมาณที่ใช้ไป",
      "หน่วยงานที่รับผิดชอบ.",
      "ชื่อผู้รับผิดชอบ...",
      "ผู้ประสานงาน สยป",
      "เป้าหมายของโครงการ..",
      "ตัวชี้วัด...",
      "เป้าหมายที่ :",
    ]);
    expect(result.columns).toMatchObject({
      code: 0,
      name: 1,
      fiscalYear: 2,
      start: 3,
      end: 4,
      budgetReceived: 5,
      budgetUsed: 6,
      unit: 7,
      owner: 8,
      coordinator: 9,
      target: 10,
      kpi: 11,
      goal: 12,
    });
    expect(result.unknownHeaders).toEqual([]);
  });

  it("reports missing required fields, unknown headers and duplicate columns", () => {
    const result = autoMap("rounds", ["Progress", "หมายเหตุ", "", "ความก้าวหน้า (%)", "round"]);
    expect(result.columns).toEqual({ progress: 0, round: 4 });
    expect(result.missingRequired).toEqual(["projectCode"]);
    expect(result.unknownHeaders).toEqual([{ column: 1, header: "หมายเหตุ" }]);
    expect(result.duplicates).toEqual([
      { column: 3, header: "ความก้าวหน้า (%)", field: "progress", mappedColumn: 0 },
    ]);
  });

  it("prefers an exact header over an earlier prefix match for the same field", () => {
    const result = autoMap("rounds", ["งบประมาณที่เบิกใช้ (ครั้งที่ 1)", "งบประมาณที่เบิกใช้"]);
    expect(result.columns.disbursed).toBe(1);
    expect(result.duplicates.map((duplicate) => duplicate.column)).toEqual([0]);
  });

  it("does not let a short spelling claim every header that starts with it", () => {
    // "ผล" (outcome) is too short to match "ผลกระทบ" by prefix.
    expect(autoMap("indicators", ["ผลกระทบ"]).unknownHeaders).toHaveLength(1);
    expect(autoMap("indicators", ["ผล"]).columns.outcome).toBe(0);
  });

  it("never throws, whatever the header row holds", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.constant(null), fc.double(), fc.boolean(), fc.constant("#N/A"))
        ),
        (headers) => {
          const result = autoMap("projects", headers);
          const columns = Object.values(result.columns);
          expect(new Set(columns).size).toBe(columns.length);
        }
      )
    );
    expect(autoMap("rounds", undefined as unknown as string[]).missingRequired).toEqual([
      "projectCode",
      "round",
    ]);
  });
});

describe("columnsFromHeaders", () => {
  it("finds a bound column again after it moved, and drops one that was renamed", () => {
    expect(
      columnsFromHeaders(["วันที่รายงาน", "รหัสโครงการ", "ครั้ง"], {
        projectCode: "รหัสโครงการ",
        date: "วันที่รายงาน",
        round: "รายงานครั้งที่",
      })
    ).toEqual({
      projectCode: 1,
      date: 0,
    });
  });
});

describe("guessKind", () => {
  it("recognises each generated template, in Thai and in English", () => {
    for (const kind of ["projects", "rounds", "indicators"] as const) {
      for (const lang of ["th", "en"] as const) {
        const guess = guessKind(templateFor(kind, lang).headers);
        expect(guess.kind).toBe(kind);
        expect(guess.score).toBe(1);
      }
    }
  });

  it("tells a Rounds table from an Indicators table although both have the project code", () => {
    expect(guessKind(["รหัสโครงการ", "ครั้งที่", "ความก้าวหน้า"]).kind).toBe("rounds");
    expect(guessKind(["รหัสโครงการ", "รหัสเกณฑ์ชี้วัด", "ผลการประเมิน"]).kind).toBe("indicators");
  });

  it("gives no kind for a header row that fits none", () => {
    const guess = guessKind(["ลำดับ", "หมายเหตุ", "Remarks"]);
    expect(guess.kind).toBeUndefined();
    expect(guess.score).toBe(0);
    expect(guessKind([]).kind).toBeUndefined();
  });
});
