import { DEFAULT_VOCABULARIES } from "../domain/vocabularies";
import {
  DEFAULT_SETTINGS,
  newEntryKey,
  parseSettings,
  settingsToStored,
  vocabularyProblem,
} from "./settings";

describe("parseSettings", () => {
  test("reads back what settingsToStored wrote, except the language (the person's own)", () => {
    const outcome = DEFAULT_VOCABULARIES.outcome.map((e) =>
      e.key === "noService" ? { ...e, counts: "failed" as const } : e
    );
    const settings = {
      language: "th" as const,
      planTolerance: 7.5,
      dateEra: "CE" as const,
      vocabularies: { ...DEFAULT_VOCABULARIES, outcome },
    };
    const stored = JSON.parse(JSON.stringify(settingsToStored(settings)));
    expect(stored).not.toHaveProperty("language");
    expect(parseSettings(stored)).toEqual({ ...settings, language: "auto" });
  });

  test.each([
    undefined,
    null,
    42,
    "settings",
    [],
    { language: "fr", planTolerance: -1, dateEra: "AD" },
    { planTolerance: Number.NaN },
    { planTolerance: 1e9 },
  ])("falls back to the defaults on %p", (stored) => {
    expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  test("a damaged vocabulary list is replaced by its default, the others are kept", () => {
    const planStatus = [{ key: "go", th: "ไปต่อ", en: "Go", aliases: ["ok", 3, ""] }];
    const parsed = parseSettings({
      vocabularies: {
        planStatus,
        targetStatus: [{ key: "a", th: "ก" }, "#N/A"],
        outcome: [
          { key: "x", th: "ผ่าน", en: "Pass", counts: "passed" },
          { key: "x", th: "ซ้ำ", en: "Duplicate", counts: "failed" },
        ],
      },
    });
    expect(parsed.vocabularies.planStatus).toEqual([
      { key: "go", th: "ไปต่อ", en: "Go", aliases: ["ok"] },
    ]);
    expect(parsed.vocabularies.targetStatus).toEqual(DEFAULT_VOCABULARIES.targetStatus);
    expect(parsed.vocabularies.outcome).toEqual(DEFAULT_VOCABULARIES.outcome);
  });

  test("an outcome category without a valid class counts as failed", () => {
    const parsed = parseSettings({
      vocabularies: { outcome: [{ key: "odd", th: "แปลก", en: "Odd", counts: "maybe" }] },
    });
    expect(parsed.vocabularies.outcome).toEqual([
      { key: "odd", th: "แปลก", en: "Odd", counts: "failed" },
    ]);
  });
});

describe("vocabulary editing", () => {
  test("problems: empty list, blank entry, a text used twice (but not th = en of one entry)", () => {
    expect(vocabularyProblem([])).toBe("empty");
    expect(vocabularyProblem([{ key: "a", th: " ", en: "" }])).toBe("blank");
    expect(
      vocabularyProblem([
        { key: "a", th: "ผ่าน", en: "Pass" },
        { key: "b", th: "ผ่าน ", en: "Other" },
      ])
    ).toBe("duplicate");
    expect(vocabularyProblem([{ key: "a", th: "OK", en: "ok" }])).toBeUndefined();
    expect(vocabularyProblem(DEFAULT_VOCABULARIES.outcome)).toBeUndefined();
  });

  test("new entries get a key no entry has", () => {
    expect(
      newEntryKey([
        { key: "custom1", th: "ก", en: "A" },
        { key: "custom3", th: "ข", en: "B" },
      ])
    ).toBe("custom2");
  });
});
