import fc from "fast-check";
import type { VocabularyEntry } from "./types";
import { DEFAULT_VOCABULARIES, matchVocabulary, vocabularyLabel } from "./vocabularies";

const { planStatus, targetStatus, outcome } = DEFAULT_VOCABULARIES;

describe("DEFAULT_VOCABULARIES", () => {
  it("holds DOMAIN.md's entries in their order", () => {
    expect(planStatus.map((entry) => [entry.key, entry.th])).toEqual([
      ["onPlan", "เป็นไปตามแผน"],
      ["behind", "ล่าช้ากว่าแผน"],
      ["ahead", "เร็วกว่าแผน"],
    ]);
    expect(targetStatus.map((entry) => [entry.key, entry.th])).toEqual([
      ["onTarget", "เป็นไปตามเป้าหมาย"],
      ["offTarget", "ไม่เป็นไปตามเป้าหมาย"],
    ]);
    expect(outcome.map((entry) => [entry.key, entry.th, entry.counts])).toEqual([
      ["met", "ผ่านค่าเป้าหมายขั้นต่ำ", "passed"],
      ["below", "ต่ำกว่าค่าเป้าหมาย", "failed"],
      ["notNeeded", "ไม่มีความจำเป็นต้องดำเนินการ", "notApplicable"],
      ["noService", "ไม่มีบริการสาธารณะ", "notApplicable"],
      ["excluded", "ไม่ประเมิน", "excluded"],
    ]);
  });

  it("has every entry's labels and aliases recognised as that entry", () => {
    for (const entries of [planStatus, targetStatus, outcome]) {
      for (const entry of entries) {
        for (const spelling of [entry.th, entry.en, entry.key, ...(entry.aliases ?? [])]) {
          expect([spelling, matchVocabulary(spelling, entries)?.key]).toEqual([
            spelling,
            entry.key,
          ]);
        }
      }
    }
  });
});

describe("matchVocabulary", () => {
  it("reads the seeds' status cells, colon and all", () => {
    expect(matchVocabulary(": เป็นไปตามแผน", planStatus)).toEqual({
      key: "onPlan",
      text: ": เป็นไปตามแผน",
    });
    expect(matchVocabulary(": เป็นไปตามเป้าหมาย", targetStatus)).toEqual({
      key: "onTarget",
      text: ": เป็นไปตามเป้าหมาย",
    });
  });

  it("reads seed 000's outcome wording", () => {
    expect(matchVocabulary("ไม่มีความจำเป็นต้องดำเนินการในปี 2562", outcome)?.key).toBe("notNeeded");
    expect(matchVocabulary("ไม่มีความจำเป็นต้องดำเนินการในปี ๒๕๖๓", outcome)?.key).toBe("notNeeded");
    expect(matchVocabulary("ขอไม่ประเมิน", outcome)?.key).toBe("excluded");
    expect(matchVocabulary("ผ่าน", outcome)?.key).toBe("met");
    expect(matchVocabulary("ไม่ผ่าน", outcome)?.key).toBe("below");
  });

  it("is tolerant of spacing, case, NBSP and zero-width characters", () => {
    expect(matchVocabulary("  ล่าช้า\u00A0กว่า\u200Bแผน ", planStatus)?.key).toBe("behind");
    expect(matchVocabulary("ON PLAN", planStatus)?.key).toBe("onPlan");
    expect(matchVocabulary("not-needed", outcome)?.key).toBe("notNeeded");
    expect(matchVocabulary("NoService", outcome)?.key).toBe("noService");
  });

  it("does not mistake a negation for the positive entry", () => {
    expect(matchVocabulary("ไม่เป็นไปตามเป้าหมาย", targetStatus)?.key).toBe("offTarget");
    expect(matchVocabulary("ไม่เป็นไปตามแผน", planStatus)).toEqual({
      key: null,
      text: "ไม่เป็นไปตามแผน",
    });
  });

  it("keeps unrecognised text with key null, and gives undefined for blanks", () => {
    expect(matchVocabulary("รอผล", outcome)).toEqual({ key: null, text: "รอผล" });
    expect(matchVocabulary("#N/A", outcome)).toEqual({ key: null, text: "#N/A" });
    expect(matchVocabulary(42, outcome)).toEqual({ key: null, text: "42" });
    expect(matchVocabulary("", outcome)).toBeUndefined();
    expect(matchVocabulary(null, outcome)).toBeUndefined();
    expect(matchVocabulary("\u200B ", outcome)).toBeUndefined();
  });

  it("works on a workbook's own vocabulary (seed 001's missions)", () => {
    const missions: VocabularyEntry[] = [
      { key: "done", th: "ดำเนินการแล้ว", en: "Done", counts: "passed" },
      {
        key: "beyondAuthority",
        th: "ปัญหาอยู่นอกเหนืออำนาจหน้าที่",
        en: "Beyond the city's authority",
        counts: "failed",
      },
    ];
    expect(matchVocabulary("ปัญหาอยู่นอกเหนืออำนาจหน้าที่ของกรุงเทพมหานคร", missions)?.key).toBe(
      "beyondAuthority"
    );
    expect(matchVocabulary("ผ่าน", missions)?.key).toBeNull();
  });

  it("never throws on any value", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string({ unit: "grapheme" })), (value) => {
        const matched = matchVocabulary(value, outcome);
        if (matched)
          expect(matched.key === null || outcome.some((entry) => entry.key === matched.key)).toBe(
            true
          );
      })
    );
    expect(matchVocabulary("ผ่าน".repeat(25_000), outcome)?.key).toBe("met");
  });
});

describe("vocabularyLabel", () => {
  it("gives the label in either language", () => {
    expect(vocabularyLabel(planStatus, "behind", "th")).toBe("ล่าช้ากว่าแผน");
    expect(vocabularyLabel(planStatus, "behind", "en")).toBe("Behind plan");
    expect(vocabularyLabel(outcome, "noService", "th")).toBe("ไม่มีบริการสาธารณะ");
    expect(vocabularyLabel(outcome, "nothing", "th")).toBeUndefined();
  });
});
