import { formatBaht, formatDate, formatNumber, formatPercent, localized, quote } from "./messages";

describe("message formatting", () => {
  it("writes numbers with grouping and at most two decimals, whatever the locale", () => {
    expect(formatNumber(1407.52)).toBe("1,407.52");
    expect(formatNumber(57.5)).toBe("57.5");
    expect(formatNumber(56.66)).toBe("56.66");
    expect(formatNumber(538_800_000_000)).toBe("538,800,000,000");
    expect(formatNumber(-5000)).toBe("-5,000");
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatNumber(0.125, 2)).toBe("0.13");
    expect(formatNumber(Number.NaN)).toBe("NaN");
    expect(formatPercent(25)).toBe("25%");
    expect(formatBaht(1234.5, "th")).toBe("1,234.5 บาท");
    expect(formatBaht(0, "en")).toBe("0 baht");
  });

  it("writes dates in BE for Thai and CE for English", () => {
    expect(formatDate(43801, "th")).toBe("2/12/2562");
    expect(formatDate(43801, "en")).toBe("2 Dec 2019");
  });

  it("quotes cell text, cut short", () => {
    expect(quote("  10.00\n %  ")).toBe('"10.00 %"');
    expect(quote("ก".repeat(100))).toBe(`"${"ก".repeat(39)}…"`);
    expect(localized((lang) => lang)).toEqual({ th: "th", en: "en" });
  });
});
