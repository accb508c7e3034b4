import fc from "fast-check";
import { hostileValue } from "../../test/fixtures/hostile";
import { isExcelError, lowerBound, parseNumber, parseNumberWithUnit } from "./numbers";

describe("parseNumber", () => {
  it("takes native finite numbers as they are, not from text", () => {
    expect(parseNumber(25)).toEqual({ ok: true, value: 25, fromText: false });
    expect(parseNumber(-0.5)).toEqual({ ok: true, value: -0.5, fromText: false });
  });

  it.each([
    ["10.00 %", 10],
    ["10%", 10],
    ["100.00 %", 100],
    ["1,234.50 บาท", 1234.5],
    ["0 บาท", 0],
    ["๑๒", 12],
    ["๑,๒๓๔.๕", 1234.5],
    ["(1,234)", -1234],
    ["-5", -5],
    ["\u22125", -5],
    [" 12 ", 12],
    ["+7.25", 7.25],
    [".5", 0.5],
    ["1e3", 1000],
    ["ร้อยละ 57.50", 57.5],
    ["฿ 1,000", 1000],
    ["538800.0000", 538800],
  ])("reads %p as %p, from text", (text, expected) => {
    expect(parseNumber(text)).toEqual({ ok: true, value: expected, fromText: true });
  });

  it.each([
    "#N/A",
    "#VALUE!",
    "#DIV/0!",
    "abc",
    "1,23",
    "12,34,567",
    "1.2.3",
    "10 % %",
    "--5",
    "(-5)",
    "บาท",
    "%",
    ".",
    "2/12/2562",
  ])("rejects %p, keeping the text", (text) => {
    expect(parseNumber(text)).toEqual({ ok: false, empty: false, text: text.trim() });
  });

  it("rejects NaN, Infinity and booleans", () => {
    expect(parseNumber(Number.NaN)).toEqual({ ok: false, empty: false, text: "NaN" });
    expect(parseNumber(Number.NEGATIVE_INFINITY)).toEqual({
      ok: false,
      empty: false,
      text: "-Infinity",
    });
    expect(parseNumber(true)).toEqual({ ok: false, empty: false, text: "TRUE" });
  });

  it("treats null, undefined, blank text and a lone dash as empty", () => {
    for (const blank of [null, undefined, "", "   ", "\u00A0\u200B", "-", "–"]) {
      expect(parseNumber(blank)).toEqual({ ok: false, empty: true });
    }
  });

  it("never throws, and every success is a finite number", () => {
    const values = hostileValue("1".repeat(400), "๑๒๓ บาท", "(1,234.5 %)");
    fc.assert(
      fc.property(values, (value) => {
        const parsed = parseNumberWithUnit(value);
        if (parsed.ok) expect(Number.isFinite(parsed.value)).toBe(true);
      })
    );
  });

  it("reads any formatted finite number back", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
        (number) => {
          const text = number.toLocaleString("en-US", { maximumFractionDigits: 6 });
          const parsed = parseNumber(text);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(parsed.value).toBeCloseTo(Number(text.replace(/,/g, "")), 6);
        }
      )
    );
  });

  it("handles 100 KB of text quickly and without throwing", () => {
    expect(parseNumber("1".repeat(100_000) + " บาท").ok).toBe(false);
    expect(parseNumber("9".repeat(100_000))).toMatchObject({ ok: false });
  });
});

describe("parseNumberWithUnit", () => {
  it("names the unit written beside the number", () => {
    expect(parseNumberWithUnit("10.00 %")).toMatchObject({ value: 10, unit: "percent" });
    expect(parseNumberWithUnit("0 บาท")).toMatchObject({ value: 0, unit: "baht" });
    expect(parseNumberWithUnit("THB 5,000")).toMatchObject({ value: 5000, unit: "baht" });
    expect(parseNumberWithUnit("1,407.52")).toEqual({ ok: true, value: 1407.52, fromText: true });
  });

  it("catches a budget typed in million baht (the monitoring system's '538800.0000 ล้านบาท')", () => {
    expect(parseNumberWithUnit("538800.0000 ล้านบาท")).toEqual({
      ok: true,
      value: 538800,
      fromText: true,
      unit: "millionBaht",
    });
    expect(parseNumberWithUnit("2.5 ลบ.")).toMatchObject({ value: 2.5, unit: "millionBaht" });
  });

  it("refuses two different units in one cell", () => {
    expect(parseNumberWithUnit("ร้อยละ 10 บาท")).toEqual({
      ok: false,
      empty: false,
      text: "ร้อยละ 10 บาท",
    });
  });
});

describe("isExcelError", () => {
  it.each([
    ["#N/A", true],
    [" #value! ", true],
    ["#GETTING_DATA", true],
    ["N/A", false],
    [42, false],
  ])("knows Excel's error values: %j is one: %s", (value, isError) => {
    expect(isExcelError(value)).toBe(isError);
  });
});

describe("lowerBound", () => {
  it("finds the first place not below the value, in any ascending list", () => {
    const rows = [2, 5, 5, 9];
    expect([0, 2, 3, 5, 6, 9, 10].map((value) => lowerBound(rows, value))).toEqual([
      0, 0, 1, 1, 3, 3, 4,
    ]);
    expect(lowerBound([], 1)).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (values, value) => {
        const sorted = [...values].sort((a, b) => a - b);
        const at = lowerBound(sorted, value);
        expect(sorted.slice(0, at).every((each) => each < value)).toBe(true);
        expect(sorted.slice(at).every((each) => each >= value)).toBe(true);
      })
    );
  });
});
