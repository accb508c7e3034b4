import fc from "fast-check";
import {
  printReport,
  printReportHtml,
  sampleProject,
  type PrintedProjectSpec,
} from "../../../test/fixtures/printouts";
import { SEED_000_PRINTOUT, SEED_001_PRINTOUT } from "../../../test/fixtures/seedPrintouts";
import { checkTables } from "../check";
import { parseThaiDate } from "../dates";
import { SAMPLE_TABLES, SEED_000_CODE, SEED_001_CODE } from "../sample";
import type { Project, Round } from "../types";
import { importedTables, importProgressReports, type ImportedReport } from ".";

const SEED_000 = SEED_000_PRINTOUT;
const SEED_001 = SEED_001_PRINTOUT;

const sample = checkTables(SAMPLE_TABLES).records;
const withoutRow = <T extends { row: number }>(record: T): Omit<T, "row"> => {
  const { row: _row, ...rest } = record;
  return rest;
};
const sampleProjectOf = (code: string): Omit<Project, "row"> =>
  withoutRow(sample.projects.find((project) => project.code === code) as Project);
const sampleRoundsOf = (code: string): Omit<Round, "row">[] =>
  sample.rounds.filter((round) => round.projectCode === code).map(withoutRow);

function onlyReport(text: string): ImportedReport {
  const result = importProgressReports(text);
  expect(result.reports).toHaveLength(1);
  return result.reports[0];
}

const codesOf = (report: ImportedReport, code: string) =>
  report.issues.filter((issue) => issue.code === code).map((issue) => issue.row);

describe("importProgressReports: seed 000 (11 rounds, second page out of step)", () => {
  const report = onlyReport(SEED_000);

  it("reads the project exactly as the sample workbook transcribes it", () => {
    expect(withoutRow(report.project)).toEqual(sampleProjectOf(SEED_000_CODE));
  });

  it("reads every round exactly as the sample workbook transcribes it", () => {
    expect(report.rounds.map(withoutRow)).toEqual(sampleRoundsOf(SEED_000_CODE));
  });

  it("reports rounds 5–11 as out of step and rounds 1–4 as aligned, with the reading", () => {
    expect(report.readings.map((reading) => reading.aligned)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(codesOf(report, "IMPORT_ROUND_OUT_OF_STEP")).toEqual([4, 5, 6, 7, 8, 9, 10]);
    const round6 = report.issues.find(
      (issue) => issue.code === "IMPORT_ROUND_OUT_OF_STEP" && issue.row === 5
    );
    // Round 6's progress comes from the "(ครั้งที่ 6)" line printed under label 7.
    expect(round6?.message.th).toContain("30.00 % (บรรทัด 123, ใต้ป้ายครั้งที่ 7)");
    expect(round6?.message.en).toContain("24/04/2563 (line 122, under the label of round 6)");
    expect(report.readings[5].sources.progress).toMatchObject({ line: 123, under: [7] });
    expect(report.readings[5].holdsValuesOf).toEqual([5]);
  });

  it("says the ? characters were read as quotes and dashes", () => {
    expect(
      report.issues.find((issue) => issue.code === "IMPORT_CHARACTERS_RESTORED")?.message.en
    ).toContain("10 character(s)");
  });
});

describe("importProgressReports: seed 001 (8 rounds with holes)", () => {
  const report = onlyReport(SEED_001);

  it("reads the project and rounds exactly as the sample workbook transcribes them", () => {
    expect(withoutRow(report.project)).toEqual(sampleProjectOf(SEED_001_CODE));
    expect(report.rounds.map(withoutRow)).toEqual(sampleRoundsOf(SEED_001_CODE));
  });

  it("reports rounds 1–3 as out of step, round 3 as holding round 2's values, 3–7 as incomplete", () => {
    expect(report.readings.filter((r) => !r.aligned).map((r) => r.round)).toEqual([1, 2, 3]);
    expect(report.readings[2].holdsValuesOf).toEqual([2]);
    expect(report.readings[2].sources).toEqual({});
    expect(codesOf(report, "IMPORT_ROUND_INCOMPLETE")).toEqual([2, 3, 4, 5, 6]);
    // Round 1's progress line is split from its "(ครั้งที่ 1)" line by a page break.
    expect(report.readings[0].sources.progress).toMatchObject({ line: 117, under: [1] });
    expect(report.readings[0].sources.targetStatus).toMatchObject({ line: 141, under: [2] });
  });
});

describe("importProgressReports: both seeds pasted one after the other", () => {
  it("returns both reports with their own rounds", () => {
    const result = importProgressReports(`${SEED_000}\n${SEED_001}`);
    expect(result.reports.map((report) => report.project.code)).toEqual([
      SEED_000_CODE,
      SEED_001_CODE,
    ]);
    expect(result.reports.map((report) => report.rounds.length)).toEqual([11, 8]);
    expect(result.reports[1].rounds.map(withoutRow)).toEqual(sampleRoundsOf(SEED_001_CODE));
    const tables = importedTables(result.reports);
    expect(tables.projects.rows).toHaveLength(2);
    expect(tables.rounds.rows).toHaveLength(19);
    const again = checkTables(tables).records;
    expect(again.rounds.map(withoutRow)).toEqual(sample.rounds.map(withoutRow));
  });

  it("flags the same project printed twice", () => {
    const result = importProgressReports(`${SEED_001}${SEED_001}`);
    expect(result.reports).toHaveLength(2);
    expect(result.issues.filter((issue) => issue.code === "IMPORT_PROJECT_REPEATED")).toHaveLength(
      1
    );
  });
});

/** What the printout of `spec` must import to. */
function expectImportedAs(report: ImportedReport, spec: PrintedProjectSpec): void {
  expect(report.project).toMatchObject({
    code: spec.code,
    name: spec.name,
    fiscalYear: spec.fiscalYear,
    unit: spec.unit,
    owner: spec.owner,
    coordinator: spec.coordinator,
    rationale: spec.rationale.join(" "),
    objectives: spec.objectives.join("\n"),
    target: spec.target,
    targetCount: Number(/จำนวน (\d+)/.exec(spec.target)?.[1]),
    kpi: spec.kpi,
  });
  expect(report.rounds).toHaveLength(spec.rounds.length);
  spec.rounds.forEach((round, index) => {
    const date = parseThaiDate(round.date);
    expect(date.ok).toBe(true);
    expect(report.rounds[index]).toMatchObject({
      projectCode: spec.code,
      round: index + 1,
      date: date.ok ? date.value : NaN,
      narrative: round.narrative.join("\n"),
      progress: round.progress,
      disbursed: round.disbursed,
      planStatus: { text: round.planStatus },
      targetStatus: { text: round.targetStatus },
    });
  });
}

describe("importProgressReports: other projects' printouts in the same form", () => {
  it.each([1, 2, 5, 12])("reads a clean printout of %i round(s)", (count) => {
    const spec = sampleProject(`10130000-${String(count).padStart(4, "0")}`, count);
    const report = onlyReport(printReport(spec, { pageBreaksBefore: [3, 9] }));
    expectImportedAs(report, spec);
    expect(report.readings.every((reading) => reading.aligned)).toBe(true);
    expect(report.issues).toEqual([]);
  });

  it("reads an out-of-step second page by the (ครั้งที่ N) lines and flags those rounds", () => {
    const spec = sampleProject("50080000-0042", 9);
    const report = onlyReport(printReport(spec, { shiftFrom: 6 }));
    expectImportedAs(report, spec);
    expect(report.readings.filter((r) => !r.aligned).map((r) => r.round)).toEqual([5, 6, 7, 8, 9]);
  });

  it("reads the browser's clipboard HTML the same as the text", () => {
    const spec = sampleProject("21000000-7001", 7);
    const report = onlyReport(printReportHtml(spec, { shiftFrom: 4 }));
    expectImportedAs(report, spec);
    expect(report.readings.filter((r) => !r.aligned).map((r) => r.round)).toEqual([3, 4, 5, 6, 7]);
  });

  it("reads three reports concatenated, each with its own rounds", () => {
    const specs = [
      sampleProject("11000000-0001", 3),
      sampleProject("11000000-0002", 12, 2566),
      sampleProject("11000000-0003", 1),
    ];
    const result = importProgressReports(
      printReport(specs[0]) + printReportHtml(specs[1], { shiftFrom: 10 }) + printReport(specs[2])
    );
    expect(result.reports).toHaveLength(3);
    result.reports.forEach((report, index) => expectImportedAs(report, specs[index]));
  });

  it("keeps an unreadable date as printed and says so", () => {
    const spec = sampleProject("21000000-0100", 2);
    spec.rounds[1].date = "31/02/2567";
    const report = onlyReport(printReport(spec));
    expect(report.roundRows[1].date).toBe("31/02/2567");
    expect(report.issues.map((issue) => issue.code)).toContain("IMPORT_VALUE_UNREADABLE");
  });

  it("flags a progress line that names no round, and a report without a project code", () => {
    const text = printReport(sampleProject("21000000-0200", 2)).replace(
      / งบประมาณที่เบิกใช้ \(ครั้งที่ 2\) = 25000 บาท/,
      ""
    );
    const report = onlyReport(text);
    expect(codesOf(report, "IMPORT_PROGRESS_WITHOUT_ROUND")).toEqual([1]);
    expect(report.rounds[1].progress).toBe(100);
    const noCode = importProgressReports(text.replace(/รหัสโครงการ\.\.\. : \S+/, ""));
    expect(noCode.issues.map((issue) => issue.code)).toContain("IMPORT_NO_PROJECT_CODE");
    expect(importedTables(noCode.reports).rounds.rows).toEqual([]);
  });

  it("finds nothing in text that is not the form", () => {
    for (const text of ["", "สวัสดีครับ", "<html><body><p>hello</p></body></html>"]) {
      const result = importProgressReports(text);
      expect(result.reports).toEqual([]);
      expect(result.issues.map((issue) => issue.code)).toEqual(["IMPORT_NOTHING_FOUND"]);
    }
  });
});

describe("importProgressReports: hostile input", () => {
  const pieces = [
    "รายงานครั้งที่",
    "รายงานครั้งที่3",
    ":: ",
    " : ",
    "::",
    "= 10.00 %",
    "(ครั้งที่ 2)",
    "งบประมาณที่เบิกใช้",
    ":: ความก้าวหน้าของงานฯ = ",
    ": เป็นไปตามแผน",
    "<p>",
    "</p>",
    "\t",
    "\n",
    "<",
    ">",
    "&#x0;",
    "&#99999999;",
    "&amp;",
    "<script>",
    "1.3 หลักการ",
    "รหัสโครงการ... : ",
    "2/12/2562",
    "?",
    " ?x? ",
    "**** แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ ****",
    "1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ",
    "๙๙๙๙",
    "\u200B",
    "\r",
    "<!--",
  ];
  it("never throws on fuzzed form-like text and always returns issues in both languages", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...pieces),
            fc.string(),
            fc.string({ unit: "binary", maxLength: 8 })
          ),
          {
            maxLength: 60,
          }
        ),
        (parts) => {
          const result = importProgressReports(parts.join(""));
          for (const issue of result.issues) {
            expect(issue.message.th.length).toBeGreaterThan(0);
            expect(issue.message.en.length).toBeGreaterThan(0);
          }
          for (const report of result.reports)
            expect(report.readings).toHaveLength(report.rounds.length);
        }
      ),
      { numRuns: 400 }
    );
  });

  it("never throws on a seed cut or spliced anywhere", () => {
    fc.assert(
      fc.property(fc.nat(SEED_000.length), fc.nat(SEED_001.length), (cut, splice) => {
        const text = SEED_000.slice(0, cut) + SEED_001.slice(splice);
        expect(() => importProgressReports(text)).not.toThrow();
      }),
      { numRuns: 150 }
    );
  });

  it("treats non-strings as empty input", () => {
    expect(importProgressReports(undefined as unknown as string).reports).toEqual([]);
  });
});
