import fc from "fast-check";
import {
  budgetSummary,
  DEFAULT_PLAN_TOLERANCE,
  disbursementRate,
  latestProgress,
  passRate,
  passRates,
  planStatusFor,
  progressAsOf,
  progressAtRound,
  projectCodeKey,
  projectCodeMatcher,
  ratio,
  roundsOfProject,
  tallyIndicatorOutcomes,
  tallyOutcomes,
} from "./compute";
import { parseThaiDate } from "./dates";
import { parseRounds } from "./records";
import { SAMPLE_TABLES } from "./sample";
import type { Indicator, Project, Round, VocabValue } from "./types";
import { DEFAULT_VOCABULARIES, matchVocabulary } from "./vocabularies";

const SEED_000 = "21000000-3165";
const SEED_001 = "21000000-6549";

function dateOf(text: string): number {
  const parsed = parseThaiDate(text);
  if (!parsed.ok) throw new Error(`fixture date ${text} does not parse`);
  return parsed.value;
}

/** The sample workbook's rounds (src/domain/sample.ts transcribes both seeds): seed 000's
 * eleven rounds, then seed 001's eight, where round 3 has no date and only rounds 1 (30),
 * 2 (40) and 8 (100) have progress. */
const rounds: Round[] = parseRounds(SAMPLE_TABLES.rounds).records;

describe("project codes", () => {
  it("compare without spaces, case or Thai digits", () => {
    expect(projectCodeKey(" 21000000 - 3165 ")).toBe("21000000-3165");
    expect(projectCodeKey("๒๑๐๐๐๐๐๐-๓๑๖๕")).toBe("21000000-3165");
    expect(projectCodeKey("ab-1")).toBe("AB-1");
    expect(projectCodeKey(null)).toBe("");
  });

  it("select one project's rounds in round order whatever the row order", () => {
    const shuffled = [...rounds].reverse();
    expect(roundsOfProject(shuffled, SEED_000).map((round) => round.round)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(roundsOfProject(shuffled, "21000000 -6549")).toHaveLength(8);
  });
});

describe("progress", () => {
  it("runs on seed 001 as transcribed: round 3 is the hole, rounds 4–8 are dated 20/02 … 20/06/2566", () => {
    const seed001 = roundsOfProject(rounds, SEED_001);
    expect(seed001.map((round) => [round.round, round.date, round.progress])).toEqual([
      [1, dateOf("22/12/2565"), 30],
      [2, dateOf("23/01/2566"), 40],
      [3, undefined, undefined],
      [4, dateOf("20/02/2566"), undefined],
      [5, dateOf("23/03/2566"), undefined],
      [6, dateOf("21/04/2566"), undefined],
      [7, dateOf("24/05/2566"), undefined],
      [8, dateOf("20/06/2566"), 100],
    ]);
  });

  it("is seed 000's 100 % at round 11, its latest", () => {
    expect(latestProgress(rounds, SEED_000)).toEqual({
      progress: 100,
      round: 11,
      date: dateOf("18/08/2563"),
      row: 10,
    });
  });

  it("passes over seed 001's rounds without progress", () => {
    expect(latestProgress(rounds, SEED_001)).toMatchObject({ progress: 100, round: 8 });
    const withoutLast = rounds.filter(
      (round) => !(round.projectCode === SEED_001 && round.round === 8)
    );
    expect(latestProgress(withoutLast, SEED_001)).toMatchObject({ progress: 40, round: 2 });
  });

  it("is 30 at seed 000's round 5, and a hole stays a hole", () => {
    expect(progressAtRound(rounds, SEED_000, 5)).toMatchObject({ progress: 30, round: 5 });
    expect(progressAtRound(rounds, SEED_001, 5)).toBeUndefined();
    expect(progressAtRound(rounds, SEED_000, 12)).toBeUndefined();
    expect(progressAtRound(rounds, SEED_000, Number.NaN)).toBeUndefined();
  });

  it.each([
    [SEED_000, "24/3/2563", 0, { progress: 30, round: 5 }],
    [SEED_000, "1/4/2563", 0, { progress: 30, round: 5 }],
    [SEED_000, "19/6/2563", 0.9, { progress: 75, round: 9 }],
    [SEED_000, "1/12/2562", 0, undefined],
    [SEED_001, "1/6/2566", 0, { progress: 40, round: 2 }],
    [SEED_001, "19/6/2566", 0, { progress: 40, round: 2 }],
    [SEED_001, "30/9/2566", 0, { progress: 100, round: 8 }],
  ])(
    "as of a date is the last reported on or before it: %s on %s (+%s day)",
    (code, date, time, expected) => {
      const found = progressAsOf(rounds, code, dateOf(date) + time);
      if (expected === undefined) expect(found).toBeUndefined();
      else expect(found).toMatchObject(expected);
    }
  );

  it("as of a date shared by two rounds is the higher round's, whatever the row order", () => {
    const round8 = rounds.find((round) => round.projectCode === SEED_001 && round.round === 8);
    const sameDay = rounds.map((round) =>
      round.projectCode === SEED_001 && round.round === 7
        ? { ...round, date: round8?.date, progress: 90 }
        : round
    );
    expect(progressAsOf(sameDay, SEED_001, dateOf("30/9/2566"))).toMatchObject({
      progress: 100,
      round: 8,
    });
    expect(progressAsOf([...sameDay].reverse(), SEED_001, dateOf("30/9/2566"))).toMatchObject({
      progress: 100,
      round: 8,
    });
  });

  it("is undefined for an unknown project", () => {
    expect(latestProgress(rounds, "99999999-0000")).toBeUndefined();
    expect(progressAsOf(rounds, "", 43801)).toBeUndefined();
  });
});

describe("planStatusFor", () => {
  it("uses a documented tolerance of 5 points", () => {
    expect(DEFAULT_PLAN_TOLERANCE).toBe(5);
    expect(planStatusFor(30, 30)).toBe("onPlan");
    expect(planStatusFor(25, 30)).toBe("onPlan");
    expect(planStatusFor(24.9, 30)).toBe("behind");
    expect(planStatusFor(35, 30)).toBe("onPlan");
    expect(planStatusFor(35.1, 30)).toBe("ahead");
    expect(planStatusFor(30.1, 25.1)).toBe("onPlan");
  });

  it("takes another tolerance, zero included", () => {
    expect(planStatusFor(29, 30, 0)).toBe("behind");
    expect(planStatusFor(30, 30, 0)).toBe("onPlan");
    expect(planStatusFor(20, 30, 10)).toBe("onPlan");
  });

  it("is undefined for non-numbers and a negative tolerance", () => {
    expect(planStatusFor(Number.NaN, 30)).toBeUndefined();
    expect(planStatusFor(30, Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(planStatusFor(30, 30, -1)).toBeUndefined();
  });

  it("is on plan exactly when the gap is within the tolerance", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 20 }),
        (actual, planned, tolerance) => {
          const status = planStatusFor(actual, planned, tolerance);
          if (Math.abs(actual - planned) <= tolerance) expect(status).toBe("onPlan");
          else expect(status).toBe(actual < planned ? "behind" : "ahead");
        }
      )
    );
  });
});

describe("budget", () => {
  const project: Project = {
    row: 0,
    code: SEED_000,
    name: "กิจกรรมติดตามและประเมินผลเกณฑ์ชี้วัด",
    budgetReceived: 0,
    budgetUsed: 0,
  };

  it("sums seed 000's disbursements and has no rate for a zero budget", () => {
    expect(budgetSummary(project, rounds)).toEqual({
      received: 0,
      used: 0,
      disbursed: 0,
      roundsReporting: 11,
    });
  });

  it("gives the disbursement rate", () => {
    const funded: Project = { ...project, budgetReceived: 200_000 };
    const paid = rounds.map((round) =>
      round.projectCode === SEED_000 && round.round && round.round <= 3
        ? { ...round, disbursed: 25_000 }
        : round
    );
    expect(budgetSummary(funded, paid)).toMatchObject({
      received: 200_000,
      disbursed: 75_000,
      rate: 0.375,
    });
    expect(disbursementRate(200_000, 250_000)).toBe(1.25);
    expect(disbursementRate(0, 10)).toBeUndefined();
    expect(disbursementRate(-5, 10)).toBeUndefined();
    expect(ratio(1, 0)).toBeUndefined();
    expect(ratio(Number.NaN, 2)).toBeUndefined();
    expect(ratio(Number.MAX_VALUE, Number.MIN_VALUE)).toBeUndefined();
  });
});

/** Seed 000's published tally: 409 met, 6 below, 3 not needed, 3 no service, 10 excluded. */
function seed000Outcomes(): VocabValue[] {
  const typed: [string, number][] = [
    ["ผ่านค่าเป้าหมายขั้นต่ำ", 409],
    ["ต่ำกว่าค่าเป้าหมาย", 6],
    ["ไม่มีความจำเป็นต้องดำเนินการในปี 2562", 3],
    ["ไม่มีบริการสาธารณะ", 3],
    ["ขอไม่ประเมิน", 10],
  ];
  return typed.flatMap(([text, count]) =>
    Array.from(
      { length: count },
      () => matchVocabulary(text, DEFAULT_VOCABULARIES.outcome) as VocabValue
    )
  );
}

describe("outcome tally", () => {
  it("reproduces seed 000's published counts in vocabulary order", () => {
    const tally = tallyOutcomes(seed000Outcomes());
    expect(tally.categories.map((category) => [category.key, category.count])).toEqual([
      ["met", 409],
      ["below", 6],
      ["notNeeded", 3],
      ["noService", 3],
      ["excluded", 10],
    ]);
    expect(tally.byClass).toEqual({ passed: 409, failed: 6, notApplicable: 6, excluded: 10 });
    expect(tally.total).toBe(431);
    expect(tally.unrecognised).toEqual([]);
  });

  it("keeps unrecognised values and counts blanks apart", () => {
    const values = [
      ...seed000Outcomes(),
      { key: null, text: "รอผล" },
      { key: null, text: "รอผล" },
      { key: "other", text: "x" },
      undefined,
    ];
    const tally = tallyOutcomes(values);
    expect(tally.unrecognised).toEqual([
      { text: "รอผล", count: 2 },
      { text: "x", count: 1 },
    ]);
    expect(tally.total).toBe(434);
    expect(tally.blank).toBe(1);
  });

  it("tallies one project's indicators", () => {
    const indicators: Indicator[] = seed000Outcomes().map((outcome, row) => ({
      row,
      projectCode: SEED_000,
      outcome,
    }));
    indicators.push({ row: 431, projectCode: SEED_001, outcome: { key: "met", text: "ผ่าน" } });
    expect(tallyIndicatorOutcomes(indicators, SEED_000).byClass.passed).toBe(409);
    expect(tallyIndicatorOutcomes(indicators).byClass.passed).toBe(410);
    expect(tallyIndicatorOutcomes(indicators, "nope").total).toBe(0);
  });
});

describe("pass rates", () => {
  const tally = tallyOutcomes(seed000Outcomes());

  it("are seed 000's 409/421, 409/415 and 409/431", () => {
    const rates = passRates(tally, 431);
    expect(rates.evaluated).toMatchObject({ passed: 409, denominator: 421 });
    expect(rates.applicable).toMatchObject({ passed: 409, denominator: 415 });
    expect(rates.planned).toMatchObject({ passed: 409, denominator: 431 });
    expect(rates.evaluated.rate).toBeCloseTo(0.9715, 4);
    expect(rates.applicable.rate).toBeCloseTo(0.98554, 5);
    expect(rates.planned.rate).toBeCloseTo(0.94896, 5);
  });

  it("falls back to evaluated + excluded when no planned count is given", () => {
    expect(passRate(tally, "planned").denominator).toBe(431);
    expect(passRate(tally, "planned", 500).rate).toBeCloseTo(0.818, 3);
  });

  it("is undefined, not NaN, over nothing", () => {
    const empty = tallyOutcomes([]);
    expect(passRate(empty)).toEqual({ basis: "evaluated", passed: 0, denominator: 0 });
    expect(passRate(empty, "planned", 0).rate).toBeUndefined();
  });
});

describe("hostile records", () => {
  it("never throw and never give NaN", () => {
    const anyNumber = fc.oneof(fc.double(), fc.constant(undefined));
    const round = fc.record({
      row: fc.nat(),
      projectCode: fc.oneof(fc.string(), fc.constant(SEED_000)),
      round: anyNumber,
      date: anyNumber,
      progress: anyNumber,
      disbursed: anyNumber,
    });
    fc.assert(
      fc.property(
        fc.array(round as fc.Arbitrary<Round>, { maxLength: 30 }),
        fc.double(),
        (hostile, date) => {
          const latest = latestProgress(hostile, SEED_000);
          if (latest) expect(Number.isFinite(latest.progress)).toBe(true);
          const asOf = progressAsOf(hostile, SEED_000, date);
          if (asOf) expect(Number.isFinite(asOf.progress)).toBe(true);
          const budget = budgetSummary(
            { row: 0, code: SEED_000, name: "x", budgetReceived: date },
            hostile
          );
          if (budget.rate !== undefined) expect(Number.isFinite(budget.rate)).toBe(true);
        }
      )
    );
  });
});

describe("projectCodeMatcher", () => {
  it("says what projectCodeKey equality says, on hostile cells", () => {
    const codeLike = fc.oneof(
      fc.constantFrom("21000000-3165", "21000000-316５", " 21000000 - 3165 ", "๒๑000000-3165"),
      fc.constantFrom("21000000-3165\u00A0", "<b>21000000-3165</b>", "21000000-3165a", "", "x"),
      fc.string({ unit: "grapheme", maxLength: 16 }),
      fc.anything({ maxDepth: 1 })
    );
    fc.assert(
      fc.property(codeLike, codeLike, (code, cell) => {
        expect(projectCodeMatcher(code)(cell)).toBe(projectCodeKey(cell) === projectCodeKey(code));
      }),
      { numRuns: 500 }
    );
  });
});

describe("progressAsOf ignores the time of day on both sides", () => {
  it("counts a round reported at noon on the day asked", () => {
    const rounds = [
      { row: 0, projectCode: "P", round: 1, date: 43800, progress: 10 },
      { row: 1, projectCode: "P", round: 2, date: 43801.5, progress: 20 },
    ];
    expect(progressAsOf(rounds, "P", 43801)?.progress).toBe(20);
    expect(progressAsOf(rounds, "P", 43800.9)?.progress).toBe(10);
  });
});
