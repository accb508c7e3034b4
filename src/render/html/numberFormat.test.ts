import { formatValue } from "./numberFormat";

describe("formatValue", () => {
  // 2019-12-02 is serial 43801; 2020-09-29 is 44103.
  it("shows BE dates with Thai month names, BE years and Thai digits as Excel does", () => {
    expect(formatValue(43801, "[$-107041E]d mmmm yyyy")).toBe("2 ธันวาคม 2562");
    expect(formatValue(44103, "[$-107041E]d mmmm yyyy")).toBe("29 กันยายน 2563");
    expect(formatValue(43801, "[$-1070000]d/mm/yyyy")).toBe("2/12/2562");
    expect(formatValue(43801, "[$-D07041E]d mmmm yyyy")).toBe("๒ ธันวาคม ๒๕๖๒");
    expect(formatValue(43801, "d/mm/yyyy")).toBe("2/12/2019");
    expect(formatValue(43801, "yyyy-mm-dd")).toBe("2019-12-02");
    expect(formatValue(43801, "d mmm yyyy")).toBe("2 Dec 2019");
  });

  it("formats percents, money and General", () => {
    expect(formatValue(0.9715, "0.00%")).toBe("97.15%");
    expect(formatValue(409 / 415, "0.00%")).toBe("98.55%");
    expect(formatValue(100, '0.00" %"')).toBe("100.00 %");
    expect(formatValue(1234.5, "#,##0.00")).toBe("1,234.50");
    expect(formatValue(1234567.891, '#,##0.00" บาท"')).toBe("1,234,567.89 บาท");
    expect(formatValue(0, "#,##0.00")).toBe("0.00");
    expect(formatValue(-5, "#,##0")).toBe("-5");
    expect(formatValue(12.5, "General")).toBe("12.5");
    expect(formatValue(1 / 3, undefined)).toBe("0.333333333");
    expect(formatValue(431, "0")).toBe("431");
  });

  it("keeps text as typed and blanks blank", () => {
    expect(formatValue("เป็นไปตามแผน", "0.00%")).toBe("เป็นไปตามแผน");
    expect(formatValue("x", "@")).toBe("x");
    expect(formatValue(null, "0.00%")).toBe("");
    expect(formatValue(undefined, "General")).toBe("");
    expect(formatValue(true, undefined)).toBe("TRUE");
  });

  it("never throws on odd formats or values", () => {
    const formats = ["", ";;;", "[", '"', "0.00%;[Red]-0.00%", "[$-xyz]d", "\\", "#,##0,", "mmmmm"];
    const values = [Number.NaN, Infinity, -Infinity, 0, -0.5, 1e300, 1e-300, "", "<b>"];
    for (const f of formats)
      for (const v of values) expect(typeof formatValue(v, f)).toBe("string");
    expect(formatValue(-0.5, "0.00%;[Red]-0.00%")).toBe("-50.00%");
    expect(formatValue(5e6, "#,##0,")).toBe("5,000");
  });
});
