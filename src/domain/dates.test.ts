import fc from "fast-check";
import {
  BE_DATE_LONG_FORMAT,
  BE_DATE_NUMERIC_FORMAT,
  fiscalQuarterOf,
  fiscalYearOf,
  fiscalYearRange,
  formatThaiDate,
  fromExcelSerial,
  isValidDate,
  parseThaiDate,
  toExcelSerial,
} from "./dates";

describe("Excel serials", () => {
  it("follow Excel's count, fake 1900-02-29 included", () => {
    expect(toExcelSerial(1900, 1, 1)).toBe(1);
    expect(toExcelSerial(1900, 2, 28)).toBe(59);
    expect(toExcelSerial(1900, 3, 1)).toBe(61);
    expect(toExcelSerial(2019, 12, 2)).toBe(43801);
    expect(toExcelSerial(2019, 10, 1)).toBe(43739);
    expect(toExcelSerial(9999, 12, 31)).toBe(2958465);
    expect(fromExcelSerial(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(fromExcelSerial(43801)).toEqual({ year: 2019, month: 12, day: 2 });
    expect(fromExcelSerial(43801.75)).toEqual({ year: 2019, month: 12, day: 2 });
  });

  it("are NaN or undefined outside the calendar Excel shows", () => {
    expect(toExcelSerial(2019, 2, 29)).toBeNaN();
    expect(toExcelSerial(1899, 12, 31)).toBeNaN();
    expect(toExcelSerial(2019.5, 1, 1)).toBeNaN();
    expect(fromExcelSerial(0)).toBeUndefined();
    expect(fromExcelSerial(Number.NaN)).toBeUndefined();
    expect(fromExcelSerial(3_000_000)).toBeUndefined();
  });

  it("round-trip every day from 1900 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
        const date = fromExcelSerial(serial);
        expect(date).toBeDefined();
        if (date && serial !== 60)
          expect(toExcelSerial(date.year, date.month, date.day)).toBe(serial);
      })
    );
  });

  it("agree with JavaScript's own calendar", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 2, 1)),
          max: new Date(Date.UTC(9999, 11, 31)),
          noInvalidDate: true,
        }),
        (date) => {
          const expected = Math.floor(
            (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) -
              Date.UTC(1899, 11, 30)) /
              86_400_000
          );
          expect(
            toExcelSerial(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
          ).toBe(expected);
        }
      )
    );
  });
});

describe("isValidDate", () => {
  it("knows month lengths and leap years", () => {
    expect(isValidDate(2020, 2, 29)).toBe(true);
    expect(isValidDate(2019, 2, 29)).toBe(false);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(2020, 4, 31)).toBe(false);
    expect(isValidDate(2020, 13, 1)).toBe(false);
    expect(isValidDate(2020, 0, 1)).toBe(false);
  });
});

describe("parseThaiDate", () => {
  const seed000Dates: [string, number][] = [
    ["2/12/2562", toExcelSerial(2019, 12, 2)],
    ["26/12/2562", toExcelSerial(2019, 12, 26)],
    ["6/1/2563", toExcelSerial(2020, 1, 6)],
    ["2020-1-23", toExcelSerial(2020, 1, 23)],
    ["24/3/2563", toExcelSerial(2020, 3, 24)],
    ["24/04/2563", toExcelSerial(2020, 4, 24)],
    ["20/05/2563", toExcelSerial(2020, 5, 20)],
    ["2020-6-19", toExcelSerial(2020, 6, 19)],
    ["18/08/2563", toExcelSerial(2020, 8, 18)],
    ["2019-10-01 00:00:00", 43739],
    ["2020-09-29 00:00:00", toExcelSerial(2020, 9, 29)],
    ["22/12/2565", toExcelSerial(2022, 12, 22)],
    ["2022-11-01 00:00:00", toExcelSerial(2022, 11, 1)],
  ];
  it.each(seed000Dates)("reads the seeds' %p", (text, serial) => {
    expect(parseThaiDate(text)).toEqual({ ok: true, value: serial, fromText: true });
  });

  it.each([
    "2 ธันวาคม 2562",
    "2 ธ.ค. 62",
    "2 ธ.ค. 2562",
    "2 ธค 2562",
    "2ธ.ค.62",
    "๒ ธันวาคม ๒๕๖๒",
    "๒/๑๒/๒๕๖๒",
    "วันที่ 2 ธันวาคม พ.ศ. 2562",
    "วันจันทร์ที่ 2 ธันวาคม 2562",
    "2 ธันวาคม ค.ศ. 2019",
    "2 December 2019",
    "2 Dec 2019",
    "2-Dec-19",
    "December 2, 2019",
    "Dec 2nd 2019",
    "02.12.2019",
    "2019-12-02T08:30:00Z",
    "2/12/2562 10:30",
    "2 ธ.ค. 2562 เวลา 10.30 น.",
    "43801",
  ])("reads %p as 2 December 2019", (text) => {
    expect(parseThaiDate(text)).toEqual({ ok: true, value: 43801, fromText: true });
  });

  describe("a two-digit year in a numeric date", () => {
    it.each([
      ["2/12/19", "19", "CE", 2019, toExcelSerial(2019, 12, 2)],
      ["2.12.19", "19", "CE", 2019, toExcelSerial(2019, 12, 2)],
      ["24-4-26", "26", "CE", 2026, toExcelSerial(2026, 4, 24)],
      ["1/1/49", "49", "CE", 2049, toExcelSerial(2049, 1, 1)],
      ["1/1/50", "50", "BE", 2550, toExcelSerial(2007, 1, 1)],
      ["2/12/62", "62", "BE", 2562, toExcelSerial(2019, 12, 2)],
      ["๒๐/๖/๖๖", "66", "BE", 2566, toExcelSerial(2023, 6, 20)],
      ["31/12/99", "99", "BE", 2599, toExcelSerial(2056, 12, 31)],
    ] as const)(
      "reads %p, its year %p as %s %i, and says so",
      (text, written, era, year, serial) => {
        expect(parseThaiDate(text)).toEqual({
          ok: true,
          value: serial,
          fromText: true,
          twoDigitYear: { written, era, year },
        });
      }
    );

    it("leaves dates with a month name or a four-digit year unflagged", () => {
      for (const text of [
        "2 ธ.ค. 62",
        "2ธ.ค.62",
        "2-Dec-19",
        "2 ธันวาคม ค.ศ. 19",
        "2/12/2562",
        "2/12/2019",
        "2019-12-02",
      ]) {
        expect(parseThaiDate(text)).not.toHaveProperty("twoDigitYear");
      }
      expect(parseThaiDate("2 ธันวาคม ค.ศ. 19")).toMatchObject({ ok: true, value: 43801 });
    });

    it("still rejects impossible days", () => {
      expect(parseThaiDate("29/2/62")).toEqual({ ok: false, empty: false, text: "29/2/62" });
      expect(parseThaiDate("29/2/63")).toMatchObject({
        ok: true,
        value: toExcelSerial(2020, 2, 29),
      });
    });
  });

  it("takes plausible serials and JavaScript Dates as dates, not text", () => {
    expect(parseThaiDate(43801)).toEqual({ ok: true, value: 43801, fromText: false });
    expect(parseThaiDate(43801.5)).toEqual({ ok: true, value: 43801, fromText: false });
    expect(parseThaiDate(new Date(Date.UTC(2019, 11, 2)))).toEqual({
      ok: true,
      value: 43801,
      fromText: false,
    });
  });

  it("rejects impossible days and implausible serials", () => {
    expect(parseThaiDate("31/02/2563")).toEqual({ ok: false, empty: false, text: "31/02/2563" });
    expect(parseThaiDate("29/2/2562")).toMatchObject({ ok: false });
    expect(parseThaiDate("29/2/2563")).toMatchObject({
      ok: true,
      value: toExcelSerial(2020, 2, 29),
    });
    expect(parseThaiDate("12/25/2019")).toMatchObject({ ok: false });
    expect(parseThaiDate("2 Smarch 2019")).toMatchObject({ ok: false });
    expect(parseThaiDate(30)).toEqual({ ok: false, empty: false, text: "30" });
    expect(parseThaiDate(2563)).toMatchObject({ ok: false });
    expect(parseThaiDate(new Date(Number.NaN))).toMatchObject({ ok: false, empty: false });
  });

  it("rejects non-dates and keeps blanks blank", () => {
    for (const value of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      true,
      "#N/A",
      "ไม่ระบุ",
      "10.00 %",
      { year: 2019 },
    ]) {
      expect(parseThaiDate(value)).toMatchObject({ ok: false, empty: false });
    }
    for (const blank of [null, undefined, "", "  ", "-"])
      expect(parseThaiDate(blank)).toEqual({ ok: false, empty: true });
  });

  it("reads back every date it formats", () => {
    fc.assert(
      fc.property(
        // 1957–2056: the span in which a two-digit BE year (25yy) is unambiguous.
        fc.integer({ min: toExcelSerial(1957, 1, 1), max: toExcelSerial(2056, 12, 31) }),
        fc.constantFrom("long", "short", "numeric" as const),
        fc.boolean(),
        fc.constantFrom("th", "en" as const),
        (serial, style, thaiDigits, lang) => {
          // Two-digit years are BE by rule, so short CE text is left out.
          const text = formatThaiDate(serial, style, {
            thaiDigits,
            lang,
            era: lang === "en" && style === "short" ? "CE" : "BE",
          });
          expect(parseThaiDate(text)).toEqual({ ok: true, value: serial, fromText: true });
        }
      )
    );
  });

  it("never throws, and every success is a plausible whole serial", () => {
    const values = fc.oneof(
      fc.anything({ withBoxedValues: true, withNullPrototype: true, maxDepth: 2 }),
      fc.string({ unit: "grapheme" }),
      fc.double(),
      fc.date(),
      fc.constantFrom("#N/A", "1".repeat(100_000), "2/12/".repeat(20_000), "<p>2/12/2562</p>")
    );
    fc.assert(
      fc.property(values, (value) => {
        const parsed = parseThaiDate(value);
        if (parsed.ok) {
          expect(Number.isInteger(parsed.value)).toBe(true);
          expect(fromExcelSerial(parsed.value)).toBeDefined();
        }
      })
    );
  });
});

describe("fiscal year", () => {
  it("runs from 1 October to 30 September, BE", () => {
    expect(fiscalYearOf(43739)).toBe(2563);
    expect(fiscalYearOf(toExcelSerial(2019, 9, 30))).toBe(2562);
    expect(fiscalYearOf(toExcelSerial(2020, 9, 29))).toBe(2563);
    expect(fiscalYearOf(toExcelSerial(2022, 11, 1))).toBe(2566);
    expect(fiscalYearRange(2563)).toEqual({ start: 43739, end: toExcelSerial(2020, 9, 30) });
    expect(fiscalYearRange(2563.5)).toBeUndefined();
    expect(fiscalYearOf(Number.NaN)).toBeUndefined();
  });

  it("puts quarter 1 in October–December", () => {
    expect(fiscalQuarterOf(toExcelSerial(2019, 10, 1))).toBe(1);
    expect(fiscalQuarterOf(toExcelSerial(2019, 12, 31))).toBe(1);
    expect(fiscalQuarterOf(toExcelSerial(2020, 1, 23))).toBe(2);
    expect(fiscalQuarterOf(toExcelSerial(2020, 4, 24))).toBe(3);
    expect(fiscalQuarterOf(toExcelSerial(2020, 9, 30))).toBe(4);
    expect(fiscalQuarterOf(-1)).toBeUndefined();
  });

  it("contains every day of its range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2450, max: 3000 }),
        fc.integer({ min: 0, max: 365 }),
        (year, offset) => {
          const range = fiscalYearRange(year);
          expect(range).toBeDefined();
          if (!range) return;
          const serial = Math.min(range.start + offset, range.end);
          expect(fiscalYearOf(serial)).toBe(year);
          expect(fiscalYearOf(range.start - 1)).toBe(year - 1);
          expect(fiscalYearOf(range.end + 1)).toBe(year + 1);
        }
      )
    );
  });
});

describe("formatThaiDate", () => {
  it("writes the three styles", () => {
    expect(formatThaiDate(43801, "long")).toBe("2 ธันวาคม 2562");
    expect(formatThaiDate(43801, "short")).toBe("2 ธ.ค. 62");
    expect(formatThaiDate(43801, "numeric")).toBe("2/12/2562");
    expect(formatThaiDate(toExcelSerial(2000, 1, 5), "short")).toBe("5 ม.ค. 43");
  });

  it("writes Thai digits, the CE year and English on request", () => {
    expect(formatThaiDate(43801, "long", { thaiDigits: true })).toBe("๒ ธันวาคม ๒๕๖๒");
    expect(formatThaiDate(43801, "long", { era: "CE" })).toBe("2 ธันวาคม 2019");
    expect(formatThaiDate(43801, "long", { lang: "en" })).toBe("2 December 2019");
    expect(formatThaiDate(43801, "short", { lang: "en" })).toBe("2 Dec 2019");
    expect(formatThaiDate(43801, "numeric", { lang: "en", era: "BE" })).toBe("2/12/2562");
  });

  it("gives empty text for an invalid serial", () => {
    expect(formatThaiDate(Number.NaN, "long")).toBe("");
    expect(formatThaiDate(0, "short")).toBe("");
  });

  it("exports the BE number formats that Excel and LibreOffice both show", () => {
    expect(BE_DATE_LONG_FORMAT).toBe("[$-107041E]d mmmm yyyy");
    expect(BE_DATE_NUMERIC_FORMAT).toBe("[$-1070000]d/mm/yyyy");
  });
});
