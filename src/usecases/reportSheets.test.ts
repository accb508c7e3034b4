import { checkTables } from "../domain/check";
import { SEED_000_CODE, SEED_001_CODE } from "../domain/sample";
import {
  NO_CODE_NAME,
  SEED_000_THAI_CODE,
  tablesWithAwkwardProjects,
} from "../../test/fixtures/awkwardProjects";
import { planReportSheets, projectsToReport } from "./reportSheets";

const records = () => checkTables(tablesWithAwkwardProjects()).records;

describe("projectsToReport", () => {
  it("every project with a code, once per code, in table order; the others counted", () => {
    const { reported, withoutCode, repeated } = projectsToReport(records().projects, null);
    expect(reported.map((p) => p.code)).toEqual([SEED_000_CODE, SEED_001_CODE, "a/1", "A-1"]);
    expect(withoutCode).toBe(1);
    expect(repeated).toBe(1);
  });

  it("one project: codes compared as rounds are linked (Thai digits, spaces, case)", () => {
    const { projects } = records();
    expect(projectsToReport(projects, SEED_000_THAI_CODE).reported.map((p) => p.name)).toEqual([
      projects[0].name,
    ]);
    expect(projectsToReport(projects, " a/1 ").reported.map((p) => p.code)).toEqual(["a/1"]);
    expect(projectsToReport(projects, "").reported).toEqual([]);
    expect(projectsToReport(projects, "99999999-0000").reported).toEqual([]);
  });
});

describe("planReportSheets", () => {
  it("all projects: the summary first, then one sheet per code under names unique ignoring case", () => {
    const plan = planReportSheets(records(), {
      projectCode: null,
      mode: "values",
      lang: "th",
      chart: false,
      issues: [],
    });
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.layouts.map((l) => l.name)).toEqual([
      "สรุปทุกโครงการ",
      SEED_000_CODE,
      SEED_001_CODE,
      "a-1",
      "A-1 (2)",
      "ปัญหาข้อมูล",
    ]);
    const summary = plan.layouts[0].cells.map((c) => c.value);
    expect(summary).toContain(NO_CODE_NAME);
    const links = plan.layouts[0].cells.flatMap((c) => (c.link ? [[c.value, c.link.sheet]] : []));
    expect(links).toEqual([
      [SEED_000_CODE, SEED_000_CODE],
      [SEED_001_CODE, SEED_001_CODE],
      [SEED_000_THAI_CODE, SEED_000_CODE],
      ["a/1", "a-1"],
      ["A-1", "A-1 (2)"],
    ]);
  });

  it("names no sheet after a project that is not there", () => {
    const plan = planReportSheets(records(), {
      projectCode: "99999999-0000",
      mode: "values",
      lang: "en",
      chart: false,
    });
    expect(plan).toEqual({ ok: false, reason: "no-such-project" });
    const empty = planReportSheets(
      { projects: records().projects.filter((p) => p.code === ""), rounds: [], indicators: [] },
      { projectCode: null, mode: "values", lang: "en", chart: false }
    );
    expect(empty).toEqual({ ok: false, reason: "no-projects" });
  });
});
