import fc from "fast-check";
import { hostileValue } from "../../test/fixtures/hostile";
import { FUNCTION_CATALOG } from "./catalog";
import { isExcelErrorLike } from "./errors";
import { latestProgress, progressAsOf, progressAtRound, projectCodeKey } from "../domain/compute";
import { parseThaiDate } from "../domain/dates";
import { parseNumberWithUnit } from "../domain/numbers";
import type { Round } from "../domain/types";
import * as KPI from "./functions";
import { column, excelErrorOf } from "./testing";

const SEED_000 = "21000000-3165";
const SEED_001 = "21000000-6549";

/** Seed 000's rounds as the printout types them (mixed date formats, one "10.00 %"),
 * then seed 001's eight rounds with progress only in rounds 1, 2 and 8, then a blank row. */
const table: [string, number | string, number | string, number | string][] = [
  [SEED_000, 1, "2/12/2562", "10.00 %"],
  [SEED_000, 2, "26/12/2562", 25],
  [SEED_000, 3, "6/1/2563", 25],
  [SEED_000, 4, "2020-1-23", 25],
  [SEED_000, 5, "24/3/2563", 30],
  [SEED_000, 6, "24/04/2563", 30],
  [SEED_000, 7, 43971, 40], // 20/05/2563 as Excel stores it
  [SEED_000, 8, "18/06/2563", 60],
  [SEED_000, 9, "2020-6-19", 75],
  [SEED_000, 10, "23/07/2563", 85],
  [SEED_000, 11, "18/08/2563", 100],
  [SEED_001, 1, "22/12/2565", 30],
  [SEED_001, 2, "23/01/2566", 40],
  [SEED_001, 3, "", ""],
  [SEED_001, 4, "20/02/2566", ""],
  [SEED_001, 5, "23/03/2566", ""],
  [SEED_001, 6, "21/04/2566", ""],
  [SEED_001, 7, "24/05/2566", ""],
  [SEED_001, 8, "20/06/2566", "100.00 %"],
  ["", "", "", ""],
];
const codes = column(table.map((row) => row[0]));
const rounds = column(table.map((row) => row[1]));
const dates = column(table.map((row) => row[2]));
const progress = column(table.map((row) => row[3]));

/** Seed 000's published tally, as typed cells, with blanks between. */
const outcomeCells = [
  ...Array<string>(409).fill("ผ่านค่าเป้าหมายขั้นต่ำ"),
  ...Array<string>(6).fill("ต่ำกว่าค่าเป้าหมาย"),
  ...Array<string>(3).fill("ไม่มีความจำเป็นต้องดำเนินการในปี 2562"),
  ...Array<string>(3).fill("ไม่มีบริการสาธารณะ"),
  ...Array<string>(10).fill("ขอไม่ประเมิน"),
  "",
  null,
];
const outcomeColumn = column(outcomeCells);

describe("KPI.PROGRESS", () => {
  it("gives seed 000's latest progress, 100, and 30 at round 5", () => {
    expect(KPI.progress(codes, rounds, progress, SEED_000)).toBe(100);
    expect(KPI.progress(codes, rounds, progress, SEED_000, 5)).toBe(30);
    expect(KPI.progress(codes, rounds, progress, SEED_000, 1)).toBe(10);
  });

  it("treats an omitted round (null, as Excel passes it) as the latest", () => {
    expect(KPI.progress(codes, rounds, progress, SEED_000, null as unknown as number)).toBe(100);
  });

  it("reads a row range the same as a column", () => {
    const asRow = (range: unknown[][]) => [range.map((cell) => cell[0])];
    expect(KPI.progress(asRow(codes), asRow(rounds), asRow(progress), SEED_000, 8)).toBe(60);
  });

  it("matches codes despite spaces and Thai digits", () => {
    expect(KPI.progress(codes, rounds, progress, " 21000000 - 3165 ")).toBe(100);
    expect(KPI.progress(codes, rounds, progress, "๒๑๐๐๐๐๐๐-๖๕๔๙")).toBe(100);
  });

  it("gives #N/A saying so for an unknown project or a round without progress", () => {
    const unknown = excelErrorOf(() => KPI.progress(codes, rounds, progress, "99999999-0000"));
    expect(unknown.code).toBe("#N/A");
    expect(unknown.message).toContain("ไม่พบโครงการ 99999999-0000");
    expect(unknown.message).toContain("Project 99999999-0000 is not in the codes range");
    const hole = excelErrorOf(() => KPI.progress(codes, rounds, progress, SEED_001, 5));
    expect(hole).toMatchObject({
      code: "#N/A",
      message: expect.stringContaining("no progress for round 5"),
    });
  });

  it("gives #VALUE! for mismatched ranges, a missing code, or progress that is not a number", () => {
    expect(
      excelErrorOf(() => KPI.progress(codes, rounds.slice(1), progress, SEED_000))
    ).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("differ in size"),
    });
    expect(excelErrorOf(() => KPI.progress(codes, rounds, progress, ""))).toMatchObject({
      code: "#VALUE!",
    });
    const typo = column(table.map((row, index) => (index === 4 ? "สามสิบ" : row[3])));
    expect(excelErrorOf(() => KPI.progress(codes, rounds, typo, SEED_000))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining('row 5 of the range, "สามสิบ", is not a number'),
    });
  });
});

describe("KPI.PROGRESSASOF", () => {
  it("gives the progress last reported on or before the date", () => {
    expect(KPI.progressAsOf(codes, dates, progress, SEED_000, "31/3/2563")).toBe(30);
    expect(KPI.progressAsOf(codes, dates, progress, SEED_000, "20 พ.ค. 2563")).toBe(40);
    expect(KPI.progressAsOf(codes, dates, progress, SEED_000, 44100)).toBe(100);
    expect(KPI.progressAsOf(codes, dates, progress, SEED_001, "2023-06-01")).toBe(40);
  });

  it("gives #N/A before the first report and #VALUE! for a date that is not one", () => {
    expect(
      excelErrorOf(() => KPI.progressAsOf(codes, dates, progress, SEED_000, "1/12/2562"))
    ).toMatchObject({
      code: "#N/A",
      message: expect.stringContaining("1 ธันวาคม 2562"),
    });
    expect(
      excelErrorOf(() => KPI.progressAsOf(codes, dates, progress, SEED_000, "31/02/2563")).code
    ).toBe("#VALUE!");
  });
});

describe("KPI.LATESTROUND", () => {
  it("passes over rounds without progress", () => {
    expect(KPI.latestRound(codes, rounds, progress, SEED_000)).toBe(11);
    expect(KPI.latestRound(codes, rounds, progress, SEED_001)).toBe(8);
  });
});

describe("KPI.PROGRESS, PROGRESSASOF and LATESTROUND choose as the domain does", () => {
  const projects = ["21000000-0001", "21000000-0002"];
  const row = fc.record({
    code: fc.constantFrom(...projects, " 21000000 - 0001 "),
    round: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom("", "3", "๔")),
    date: fc.oneof(
      fc.integer({ min: 43800, max: 43830 }),
      fc.constantFrom("", "2/12/2562", "2019-12-20")
    ),
    progress: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom("", "25.00 %", "๖๐")),
  });

  type RandomRow = { code: string; round: unknown; date: unknown; progress: unknown };

  /** The random rows' columns as Excel ranges, in the order asked. */
  const rangesOf = (rows: readonly RandomRow[], ...fields: (keyof RandomRow)[]) =>
    fields.map((field) => column(rows.map((cells) => cells[field])));

  /** The projects that have at least one of the random rows. */
  const projectsIn = (rows: readonly RandomRow[]) =>
    projects.filter((code) => rows.some((cells) => projectCodeKey(cells.code) === code));

  /** The rows of `code` as records, read the way the functions read cells. */
  function recordsOf(rows: readonly RandomRow[], code: string): Round[] {
    const key = projectCodeKey(code);
    const number = (cell: unknown): number | undefined => {
      const parsed = parseNumberWithUnit(cell);
      return parsed.ok ? parsed.value : undefined;
    };
    const records: Round[] = [];
    rows.forEach((cells, index) => {
      if (projectCodeKey(cells.code) !== key) return;
      const record: Round = { row: index, projectCode: key };
      const round = number(cells.round);
      const date = parseThaiDate(cells.date);
      const value = number(cells.progress);
      if (round !== undefined) record.round = round;
      if (date.ok) record.date = date.value;
      if (value !== undefined) record.progress = value;
      records.push(record);
    });
    return records;
  }

  /** The function's number, or undefined for its #N/A. */
  function valueOr(call: () => number): number | undefined {
    try {
      return call();
    } catch (thrown) {
      if (isExcelErrorLike(thrown) && thrown.code === "#N/A") return undefined;
      throw thrown;
    }
  }

  it("on random tables with duplicates, holes, blank rounds and text cells", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), (rows) => {
        const [codeRange, roundRange, progressRange] = rangesOf(rows, "code", "round", "progress");
        for (const code of projectsIn(rows)) {
          const withRounds = recordsOf(rows, code).map(({ date: _date, ...round }) => round);
          expect(valueOr(() => KPI.progress(codeRange, roundRange, progressRange, code))).toBe(
            latestProgress(withRounds, code)?.progress
          );
          expect(valueOr(() => KPI.latestRound(codeRange, roundRange, progressRange, code))).toBe(
            latestProgress(withRounds, code)?.round
          );
          for (const round of [1, 3, 4, 6]) {
            expect(
              valueOr(() => KPI.progress(codeRange, roundRange, progressRange, code, round))
            ).toBe(progressAtRound(withRounds, code, round)?.progress);
          }
        }
      }),
      { numRuns: 200 }
    );
  });

  it("as of a date, on random tables", () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 43795, max: 43835 }),
        (rows, day) => {
          const [codeRange, dateRange, progressRange] = rangesOf(rows, "code", "date", "progress");
          for (const code of projectsIn(rows)) {
            const withDates = recordsOf(rows, code).map(({ round: _round, ...round }) => round);
            expect(
              valueOr(() => KPI.progressAsOf(codeRange, dateRange, progressRange, code, day))
            ).toBe(progressAsOf(withDates, code, day)?.progress);
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("KPI.PLANSTATUS", () => {
  it("gives the Thai plan-status label with a 5-point default tolerance", () => {
    expect(KPI.planStatus(30, 40)).toBe("ล่าช้ากว่าแผน");
    expect(KPI.planStatus(36, 40)).toBe("เป็นไปตามแผน");
    expect(KPI.planStatus(50, 40)).toBe("เร็วกว่าแผน");
    expect(KPI.planStatus(30, 40, 10)).toBe("เป็นไปตามแผน");
    expect(KPI.planStatus("25.00 %", "๒๕")).toBe("เป็นไปตามแผน");
  });

  it("gives #VALUE! for text that is not a number or a negative tolerance", () => {
    expect(excelErrorOf(() => KPI.planStatus("#N/A", 40)).code).toBe("#VALUE!");
    expect(excelErrorOf(() => KPI.planStatus(30, 40, -1)).code).toBe("#VALUE!");
    expect(excelErrorOf(() => KPI.planStatus("", 40)).message).toContain("actual is missing");
  });
});

describe("KPI.OUTCOMES", () => {
  // Seed 000's tally in vocabulary order with the total is the catalog's example (catalog.test.ts).
  it("keeps values outside the vocabulary and labels in English on request", () => {
    const table = KPI.outcomes(column([...outcomeCells, "รอผล", " รอผล", 42]), "en");
    expect(table.slice(-4)).toEqual([
      ["Not evaluated", 10],
      ["รอผล", 2],
      ["42", 1],
      ["Total", 434],
    ]);
  });
});

describe("KPI.OUTCOMECOUNT", () => {
  it("counts a category by Thai label, key or alias", () => {
    expect(KPI.outcomeCount(outcomeColumn, "ผ่านค่าเป้าหมายขั้นต่ำ")).toBe(409);
    expect(KPI.outcomeCount(outcomeColumn, "below")).toBe(6);
    expect(KPI.outcomeCount(outcomeColumn, "notNeeded")).toBe(3);
    expect(KPI.outcomeCount(outcomeColumn, "ไม่มีบริการสาธารณะ")).toBe(3);
    expect(KPI.outcomeCount(outcomeColumn, "excluded")).toBe(10);
    expect(KPI.outcomeCount(column(["x"]), "met")).toBe(0);
  });

  it("counts an unrecognised value as typed, and gives #N/A for a category that is nowhere", () => {
    expect(KPI.outcomeCount(column(["รอผล", "รอผล ", "ผ่าน"]), "รอผล")).toBe(2);
    expect(excelErrorOf(() => KPI.outcomeCount(outcomeColumn, "passed-ish")).code).toBe("#N/A");
    expect(excelErrorOf(() => KPI.outcomeCount(outcomeColumn, "")).code).toBe("#VALUE!");
  });
});

describe("KPI.PASSRATE", () => {
  it("gives seed 000's rates on each basis", () => {
    expect(KPI.passRate(outcomeColumn)).toBeCloseTo(0.9715, 4);
    expect(KPI.passRate(outcomeColumn, "evaluated")).toBeCloseTo(0.9715, 4);
    expect(KPI.passRate(outcomeColumn, "applicable")).toBeCloseTo(0.9855, 4);
    expect(KPI.passRate(outcomeColumn, "planned", 431)).toBeCloseTo(0.949, 4);
    expect(KPI.passRate(outcomeColumn, "planned")).toBeCloseTo(0.949, 4);
    expect(KPI.passRate(outcomeColumn, "แผน", 431)).toBeCloseTo(0.949, 4);
  });

  it("gives #DIV/0! over nothing and #VALUE! for an unknown basis or a negative plan", () => {
    expect(excelErrorOf(() => KPI.passRate(column(["", null]))).code).toBe("#DIV/0!");
    expect(excelErrorOf(() => KPI.passRate(column(["ขอไม่ประเมิน"]), "applicable")).code).toBe(
      "#DIV/0!"
    );
    expect(excelErrorOf(() => KPI.passRate(outcomeColumn, "median"))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("evaluated, applicable, planned"),
    });
    expect(excelErrorOf(() => KPI.passRate(outcomeColumn, "planned", -1)).code).toBe("#VALUE!");
  });
});

describe("KPI.BUDGETRATE", () => {
  it("divides total disbursed by total received", () => {
    expect(KPI.budgetRate([[200000]], column([25000, "25,000 บาท", "", 25000]))).toBe(0.375);
    expect(KPI.budgetRate(column([100000, 100000]), [[50000]])).toBe(0.25);
  });

  it("gives #DIV/0! for seed 000's zero budget and #VALUE! for units mixed up", () => {
    expect(excelErrorOf(() => KPI.budgetRate([["0 บาท"]], column([0, 0]))).code).toBe("#DIV/0!");
    expect(excelErrorOf(() => KPI.budgetRate([["538800.0000 ล้านบาท"]], [[0]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("not in baht"),
    });
    expect(excelErrorOf(() => KPI.budgetRate([[100]], [["#N/A"]])).code).toBe("#VALUE!");
    // Explained, so #VALUE! with a message: Excel shows none on #NUM!.
    expect(excelErrorOf(() => KPI.budgetRate([[-100]], [[5]]))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("No rate from -100 received"),
    });
    expect(excelErrorOf(() => KPI.budgetRate([[1e-320]], [[1e300]])).code).toBe("#VALUE!");
  });

  it("says nothing on #DIV/0!, where Excel would not show it", () => {
    const error = excelErrorOf(() => KPI.budgetRate([[0]], [[5]]));
    expect(error.code).toBe("#DIV/0!");
    expect(error.message ?? "").toBe("");
    expect(excelErrorOf(() => KPI.passRate(column(["", ""]))).message ?? "").toBe("");
  });
});

describe("dates", () => {
  it("KPI.THAIDATEVALUE reads the seeds' date text", () => {
    expect(KPI.thaiDateValue("2/12/2562")).toBe(43801);
    expect(KPI.thaiDateValue("2 ธ.ค. 62")).toBe(43801);
    expect(KPI.thaiDateValue("๒ ธันวาคม ๒๕๖๒")).toBe(43801);
    expect(KPI.thaiDateValue("2019-10-01 00:00:00")).toBe(43739);
    expect(excelErrorOf(() => KPI.thaiDateValue("31/02/2563"))).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("is not a date"),
    });
  });

  it("KPI.THAIDATE writes the three styles, with Thai digits on request", () => {
    expect(KPI.thaiDate(43801)).toBe("2 ธันวาคม 2562");
    expect(KPI.thaiDate(43801, "short")).toBe("2 ธ.ค. 62");
    expect(KPI.thaiDate("2/12/2562", "numeric")).toBe("2/12/2562");
    expect(KPI.thaiDate(43801, "long", true)).toBe("๒ ธันวาคม ๒๕๖๒");
    expect(KPI.thaiDate(43801, "สั้น", false)).toBe("2 ธ.ค. 62");
    expect(excelErrorOf(() => KPI.thaiDate(43801, "medium")).code).toBe("#VALUE!");
  });

  it("KPI.FISCALYEAR and KPI.FISCALQUARTER follow the October fiscal year", () => {
    expect(KPI.fiscalYear(43739)).toBe(2563);
    expect(KPI.fiscalYear("2019-10-01")).toBe(2563);
    expect(KPI.fiscalYear("2019-09-30")).toBe(2562);
    expect(KPI.fiscalYear(43739, "CE")).toBe(2020);
    expect(KPI.fiscalYear(43739, "ค.ศ.")).toBe(2020);
    expect(KPI.fiscalQuarter("2/12/2562")).toBe(1);
    expect(KPI.fiscalQuarter("2020-1-23")).toBe(2);
    expect(KPI.fiscalQuarter("24/04/2563")).toBe(3);
    expect(KPI.fiscalQuarter("18/08/2563")).toBe(4);
  });

  it("KPI.FISCALYEARSTART and KPI.FISCALYEAREND take BE or CE years", () => {
    expect(KPI.fiscalYearStart(2563)).toBe(43739);
    expect(KPI.fiscalYearEnd(2563)).toBe(44104);
    expect(KPI.fiscalYearStart(2020)).toBe(43739);
    expect(excelErrorOf(() => KPI.fiscalYearEnd(2563.5)).code).toBe("#VALUE!");
  });
});

describe("text", () => {
  it("KPI.TONUMBER reads the seeds' number text", () => {
    expect(KPI.toNumber("10.00 %")).toBe(10);
    expect(KPI.toNumber("1,234.50 บาท")).toBe(1234.5);
    expect(KPI.toNumber("๑๒")).toBe(12);
    expect(KPI.toNumber(7)).toBe(7);
    expect(excelErrorOf(() => KPI.toNumber("ten")).code).toBe("#VALUE!");
  });

  it("KPI.THAIDIGITS and KPI.CLEANTEXT", () => {
    expect(KPI.thaiDigits(2563)).toBe("๒๕๖๓");
    expect(KPI.thaiDigits("ด้านที่ 5")).toBe("ด้านที่ ๕");
    expect(KPI.cleanText("<p>อยู่ระหว่าง\u00A0\u00A0ขั้นตอน\u200B</p>")).toBe("อยู่ระหว่าง ขั้นตอน");
  });
});

describe("hostile input", () => {
  const hostile = hostileValue("x".repeat(100_000));
  const hostileRange = fc.oneof(
    fc.array(fc.array(hostile, { maxLength: 3 }), { maxLength: 6 }),
    hostile
  );

  /** Every function of the catalog, called with arbitrary arguments, returns or throws an
   * Excel error. */
  const calls = FUNCTION_CATALOG.map((entry) => {
    const implementation = (KPI as Record<string, unknown>)[entry.implementation];
    return [
      entry.implementation,
      implementation as (...args: unknown[]) => unknown,
      entry.parameters.length,
    ] as const;
  });

  it.each(calls)(
    "KPI %s returns a value or throws an Excel error, whatever it is given",
    (_name, call, arity) => {
      fc.assert(
        fc.property(
          fc.tuple(hostileRange, hostileRange, hostileRange, hostile, hostile),
          (args) => {
            try {
              const result = call(...args.slice(0, arity));
              if (typeof result === "number") expect(Number.isFinite(result)).toBe(true);
            } catch (thrown) {
              expect(isExcelErrorLike(thrown)).toBe(true);
            }
          }
        ),
        { numRuns: 60 }
      );
    }
  );

  it("hostile cells inside real ranges never break the seed figures for other projects", () => {
    const noisyCodes = column([
      ...table.map((row) => row[0]),
      "#N/A",
      Number.NaN,
      true,
      "<p>x</p>",
    ]);
    const noisyRounds = column([
      ...table.map((row) => row[1]),
      "#N/A",
      "",
      null,
      Number.POSITIVE_INFINITY,
    ]);
    const noisyProgress = column([
      ...table.map((row) => row[3]),
      "#N/A",
      "",
      "abc",
      "x".repeat(100_000),
    ]);
    expect(KPI.progress(noisyCodes, noisyRounds, noisyProgress, SEED_000)).toBe(100);
    expect(KPI.passRate(column([...outcomeCells, "#N/A", Number.NaN, false]))).toBeCloseTo(
      0.9715,
      4
    );
  });
});
