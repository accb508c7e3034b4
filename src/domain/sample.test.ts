import { checkTables } from "./check";
import { tallyIndicatorOutcomes } from "./compute";
import { parseThaiDate } from "./dates";
import { parseIndicators, parseProjects, parseRounds } from "./records";
import {
  rawTableFromRows,
  SAMPLE_MAIN_UNITS,
  SAMPLE_TABLES,
  SEED_000_CODE,
  SEED_001_CODE,
  sampleWorkbookTables,
} from "./sample";
import { fieldsOf } from "./schema";

const serial = (text: string): number => {
  const parsed = parseThaiDate(text);
  if (!parsed.ok) throw new Error(`test date ${text} did not parse`);
  return parsed.value;
};

describe("sample tables", () => {
  const { projects, rounds, indicators } = sampleWorkbookTables();

  it("have the Thai headers of the blank templates, in schema order", () => {
    expect(projects.headers).toEqual(fieldsOf("projects").map((field) => field.label.th));
    expect(rounds.headers[0]).toBe("รหัสโครงการ");
    expect(rounds.headers).toContain("ความก้าวหน้าของงาน (%)");
    expect(indicators.headers).toContain("ผลการประเมิน");
  });

  it("hold two projects, 11 + 8 rounds and 431 indicators", () => {
    expect(projects.rows).toHaveLength(2);
    expect(rounds.rows).toHaveLength(19);
    expect(indicators.rows).toHaveLength(431);
  });

  it("transcribe both seed projects", () => {
    const [seed000, seed001] = parseProjects(projects).records;
    expect(seed000).toMatchObject({
      code: "21000000-3165",
      fiscalYear: 2563,
      start: 43739,
      end: serial("2020-09-29"),
      budgetReceived: 0,
      budgetUsed: 0,
      owner: "นายกิตติศักดิ์ ภัคดี",
      coordinator: "นายบุญเยี่ยม เหลาสะอาด",
      target: "431 เกณฑ์ชี้วัด",
      targetCount: 431,
      subStrategy: "๕.๓ - การกระจายอำนาจสู่ประชาชน",
    });
    expect(seed000.rationale).toContain("กรุงเทพมหานครมีเกณฑ์ชี้วัดรวม 431 เกณฑ์ชี้วัด");
    expect(seed001).toMatchObject({
      code: "21000000-6549",
      fiscalYear: 2566,
      start: serial("2022-11-01"),
      end: serial("2023-09-30"),
      budgetReceived: 0,
      owner: "กลุ่มงานประสานการถ่ายโอนภารกิจ",
      coordinator: "นางสาวมลธิณี แจ่มสามสี",
      targetCount: 42,
    });
    expect(seed001.unit).toBe(seed000.unit);
  });

  it("give seed 000 its eleven rounds: dates, progress from the (ครั้งที่ N) lines, 0 baht, on plan", () => {
    const seed000 = parseRounds(rounds).records.filter(
      (round) => round.projectCode === SEED_000_CODE
    );
    const expected: [string, number][] = [
      ["2/12/2562", 10],
      ["26/12/2562", 25],
      ["6/1/2563", 25],
      ["2020-1-23", 25],
      ["24/3/2563", 30],
      ["24/04/2563", 30],
      ["20/05/2563", 40],
      ["18/06/2563", 60],
      ["2020-6-19", 75],
      ["23/07/2563", 85],
      ["18/08/2563", 100],
    ];
    expect(seed000.map((round) => [round.round, round.date, round.progress])).toEqual(
      expected.map(([date, progress], index) => [index + 1, serial(date), progress])
    );
    for (const round of seed000) {
      expect(round.disbursed).toBe(0);
      expect(round.planStatus?.key).toBe("onPlan");
      expect(round.targetStatus?.key).toBe("onTarget");
    }
    expect(seed000[0].date).toBe(43801);
  });

  it("keep seed 000's narratives whole and free of <p> tags", () => {
    const seed000 = parseRounds(rounds).records.filter(
      (round) => round.projectCode === SEED_000_CODE
    );
    expect(seed000[0].narrative).toBe("อยู่ระหว่างขั้นตอน...");
    expect(seed000[5].narrative).toBeUndefined();
    expect(seed000[10].narrative).toContain("ผ่านค่าเป้าหมายขั้นต่ำ จำนวน 409 เกณฑ์ชี้วัด");
    expect(seed000[8].narrative?.split("\n")).toHaveLength(3);
    for (const round of seed000) expect(round.narrative ?? "").not.toMatch(/<\/?p>/);
  });

  it("keep seed 001's holes: progress only in rounds 1, 2 and 8, no date for round 3", () => {
    const seed001 = parseRounds(rounds).records.filter(
      (round) => round.projectCode === SEED_001_CODE
    );
    expect(seed001.map((round) => round.round)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(seed001.map((round) => round.progress)).toEqual([
      30,
      40,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      100,
    ]);
    expect(seed001.map((round) => round.date)).toEqual([
      serial("22/12/2565"),
      serial("23/01/2566"),
      undefined,
      serial("20/02/2566"),
      serial("23/03/2566"),
      serial("21/04/2566"),
      serial("24/05/2566"),
      serial("20/06/2566"),
    ]);
    expect(seed001[7].narrative).toMatch(/^ดำเนินโครงการแล้วเสร็จ/);
    expect(seed001[7].narrative).toContain("จำนวน 11 ภารกิจ");
  });

  it("reproduce seed 000's published tally with sample-labelled rows over 18 main units", () => {
    const items = parseIndicators(indicators).records;
    const tally = tallyIndicatorOutcomes(items, SEED_000_CODE);
    const counts = Object.fromEntries(
      tally.categories.map((category) => [category.key, category.count])
    );
    expect(counts).toEqual({ met: 409, below: 6, notNeeded: 3, noService: 3, excluded: 10 });
    expect(tally.unrecognised).toEqual([]);
    expect(new Set(items.map((item) => item.unit)).size).toBe(18);
    expect(SAMPLE_MAIN_UNITS).toHaveLength(18);
    for (const item of items) {
      expect(item.id).toMatch(/^ตัวอย่าง-\d{3}$/);
      expect(item.name).toContain("ตัวอย่าง");
    }
    expect(new Set(items.map((item) => item.id)).size).toBe(431);
  });

  it("hand out fresh copies, while SAMPLE_TABLES stays one shared instance", () => {
    const first = sampleWorkbookTables();
    first.rounds.rows[0][0] = "changed";
    expect(sampleWorkbookTables().rounds.rows[0][0]).toBe(SEED_000_CODE);
    expect(SAMPLE_TABLES.rounds.rows[0][0]).toBe(SEED_000_CODE);
  });
});

describe("rawTableFromRows", () => {
  it("places values by field key and leaves the rest blank", () => {
    const table = rawTableFromRows("rounds", [{ projectCode: "X", progress: 5 }], {
      sheet: "S",
      origin: { row: 2, col: 1 },
      lang: "en",
    });
    expect(table.headers.slice(0, 2)).toEqual(["Project code", "Round"]);
    expect(table.rows[0][0]).toBe("X");
    expect(table.rows[0][4]).toBe(5);
    expect(table.rows[0][1]).toBeNull();
    expect(table.origin).toEqual({ row: 2, col: 1 });
  });
});

describe("the typed sample", () => {
  it("stores the printouts' text dates and numbers as Excel would, leaving only the seeds' real gaps", () => {
    const printed = checkTables(sampleWorkbookTables("asPrinted"));
    const typed = checkTables(sampleWorkbookTables("typed"));
    const asText = (codes: string[]) => codes.filter((c) => /_AS_TEXT$/.test(c));
    expect(asText(printed.issues.map((i) => i.code))).toHaveLength(6);
    expect(asText(typed.issues.map((i) => i.code))).toEqual([]);
    expect(typed.issues.filter((i) => i.severity === "warning").map((i) => i.cell)).toEqual([
      "C15",
      "E15",
      "E16",
      "E17",
      "E18",
      "E19",
    ]);
    // Same figures either way: 2/12/2562 is serial 43801, "10.00 %" is 10.
    const round1 = typed.records.rounds.find(
      (r) => r.projectCode === SEED_000_CODE && r.round === 1
    );
    expect(round1?.date).toBe(43801);
    expect(round1?.progress).toBe(10);
    expect(printed.records.rounds.find((r) => r.round === 1)?.progress).toBe(10);
  });
});
