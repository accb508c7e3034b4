import { SEED_000_PRINTOUT, SEED_001_PRINTOUT } from "../../../test/fixtures/seedPrintouts";
import { printReport, sampleProject } from "../../../test/fixtures/printouts";
import { fieldsOf } from "../schema";
import { sampleWorkbookTables, SEED_000_CODE } from "../sample";
import { importProgressReports, planImport } from ".";

const both = importProgressReports(`${SEED_000_PRINTOUT}${SEED_001_PRINTOUT}`).reports;
const column = (key: string) => fieldsOf("rounds").findIndex((field) => field.key === key);

describe("planImport", () => {
  it("finds both seeds already in the sample workbook: nothing new, nothing in conflict", () => {
    const tables = sampleWorkbookTables();
    const plan = planImport(both, tables);
    expect(plan.counts).toEqual({ new: 0, same: 2 + 19, fill: 0, conflict: 0 });
    expect(plan.issues).toEqual([]);
  });

  it("shows a round with another progress as a conflict, a missing round as new, a blank cell as fill", () => {
    const tables = sampleWorkbookTables();
    const rows = tables.rounds.rows;
    const at = (round: number) =>
      rows.findIndex(
        (row) => row[column("projectCode")] === SEED_000_CODE && row[column("round")] === round
      );
    rows[at(11)][column("progress")] = 90;
    rows[at(7)][column("narrative")] = null;
    rows.splice(at(10), 1);
    const plan = planImport(both, tables);
    const status = (round: number) =>
      plan.rounds.find((item) => item.projectCode === SEED_000_CODE && item.round === round);
    expect(status(11)).toMatchObject({
      status: "conflict",
      changes: [{ field: "progress", existing: "90", imported: "100" }],
    });
    expect(status(10)?.status).toBe("new");
    expect(status(7)?.status).toBe("fill");
    expect(status(7)?.changes.map((change) => change.field)).toEqual(["narrative"]);
    expect(plan.counts).toEqual({ new: 1, same: 18, fill: 1, conflict: 1 });
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({
      code: "IMPORT_CONFLICT",
      table: "rounds",
      field: "progress",
    });
    expect(plan.issues[0].message.th).toContain("จะไม่เขียนทับ");
  });

  it("plans every row of a project not in the tables as new, and works without tables", () => {
    const reports = importProgressReports(printReport(sampleProject("60000000-0001", 4))).reports;
    expect(planImport(reports, sampleWorkbookTables()).counts).toEqual({
      new: 5,
      same: 0,
      fill: 0,
      conflict: 0,
    });
    expect(planImport(reports).counts.new).toBe(5);
  });
});
