import fc from "fast-check";
import { cleanText, hasThai, normalizeForMatch, thaiDigitsToArabic, toThaiDigits } from "./text";

describe("cleanText", () => {
  it("trims and collapses whitespace runs", () => {
    expect(cleanText("  รายงาน \t ครั้งที่\n\n 1  ")).toBe("รายงาน ครั้งที่ 1");
  });

  it("turns NBSP into a space and drops zero-width characters and soft hyphens", () => {
    expect(cleanText("21000000\u00A0-\u200B3165")).toBe("21000000 -3165");
    expect(cleanText("\uFEFFเป็นไป\u200Cตาม\u200Dแผน\u00AD")).toBe("เป็นไปตามแผน");
  });

  it("removes the HTML tags of the seeds' extraction", () => {
    const seedCell =
      "<p>:: ความก้าวหน้าของงานฯ = 30.00 % งบประมาณที่เบิกใช้ (ครั้งที่ 5) = 0 บาท</p> <p>:: 24/04/2563 :</p>";
    expect(cleanText(seedCell)).toBe(
      ":: ความก้าวหน้าของงานฯ = 30.00 % งบประมาณที่เบิกใช้ (ครั้งที่ 5) = 0 บาท :: 24/04/2563 :"
    );
    expect(cleanText("a<br/>b &amp; c&nbsp;d")).toBe("a b & c d");
  });

  it("keeps a lone '<' that is not a tag", () => {
    expect(cleanText("progress < 50")).toBe("progress < 50");
  });

  it("gives numbers and booleans as text, and blanks for null, undefined, NaN, Infinity", () => {
    expect(cleanText(1234.5)).toBe("1234.5");
    expect(cleanText(0)).toBe("0");
    expect(cleanText(true)).toBe("TRUE");
    expect(cleanText(false)).toBe("FALSE");
    expect(cleanText(null)).toBe("");
    expect(cleanText(undefined)).toBe("");
    expect(cleanText(Number.NaN)).toBe("");
    expect(cleanText(Number.POSITIVE_INFINITY)).toBe("");
    expect(cleanText({ toString: () => "x" })).toBe("");
  });

  it("keeps paragraphs when asked", () => {
    expect(cleanText(" first  line \r\n\r\n\r\n second\u00A0line ", { keepLineBreaks: true })).toBe(
      "first line\n\nsecond line"
    );
  });

  it("never throws on any value, and gives trimmed text without runs of spaces", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBoxedValues: true, maxDepth: 2 }),
        (value) => {
          expect(typeof cleanText(value)).toBe("string");
        }
      )
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const once = cleanText(value);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s|[\u00A0\u200B\uFEFF]/);
      })
    );
  });

  it("handles 100 KB of text", () => {
    const big = "<p>ความก้าวหน้า ".repeat(7000) + "<".repeat(10_000);
    expect(cleanText(big).length).toBeGreaterThan(50_000);
  });
});

describe("Thai digits", () => {
  it("converts both ways", () => {
    expect(thaiDigitsToArabic("๕.๓.๑ ปี ๒๕๖๒")).toBe("5.3.1 ปี 2562");
    expect(toThaiDigits("2 ธันวาคม 2562")).toBe("๒ ธันวาคม ๒๕๖๒");
    expect(thaiDigitsToArabic(toThaiDigits("0123456789"))).toBe("0123456789");
  });

  it("round-trips any text without Thai digits", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const withoutThaiDigits = text.replace(/[\u0E50-\u0E59]/g, "");
        expect(thaiDigitsToArabic(toThaiDigits(withoutThaiDigits))).toBe(withoutThaiDigits);
      })
    );
  });
});

describe("hasThai", () => {
  it("sees Thai letters and digits", () => {
    expect(hasThai("ผ่าน")).toBe(true);
    expect(hasThai("๒")).toBe(true);
    expect(hasThai("met")).toBe(false);
  });
});

describe("normalizeForMatch", () => {
  it("ignores spacing, case, punctuation and trailing dots of the form's labels", () => {
    expect(normalizeForMatch("รหัสโครงการ...")).toBe("รหัสโครงการ");
    expect(normalizeForMatch("หน่วยงานที่รับผิดชอบ.")).toBe(normalizeForMatch("หน่วยงานที่รับผิดชอบ"));
    expect(normalizeForMatch("ความก้าวหน้าของงานฯ (%)")).toBe("ความก้าวหน้าของงาน");
    expect(normalizeForMatch(" Project  Code ")).toBe("projectcode");
    expect(normalizeForMatch("Start-Date / วันเริ่ม:")).toBe("startdateวันเริ่ม");
  });

  it("reads Thai digits as arabic and folds the two spellings of sara am", () => {
    expect(normalizeForMatch("ปีงบประมาณ ๒๕๖๓")).toBe("ปีงบประมาณ2563");
    expect(normalizeForMatch("ต่\u0E4D\u0E32กว่าค่าเป้าหมาย")).toBe(
      normalizeForMatch("ต่ำกว่าค่าเป้าหมาย")
    );
  });

  it("never throws and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })),
        (value) => {
          const key = normalizeForMatch(value);
          expect(normalizeForMatch(key)).toBe(key);
        }
      )
    );
  });
});
