import { FakeExcel, FakeOfficeError } from "../../../test/fakes/fakeExcel";
import { runSelfTest, type SelfTestReport } from "../../app/selfTest";
import { SELF_TEST_NAMESPACE } from "../../app/selfTest/probe";
import { ExcelWorkbook } from "./ExcelWorkbook";
import type { SelfTestHost } from "./selfTest";

const NOW = () => new Date("2026-12-01T10:00:00Z");

const DIAGNOSTICS = { application: "Excel", platform: "OfficeOnline", version: "16.0.18000.10000" };

function setup(host: SelfTestHost = { isSetSupported: () => true, diagnostics: DIAGNOSTICS }) {
  const fake = new FakeExcel();
  fake.addTable("โครงการ", "Projects", "A1", ["รหัส", "ชื่อ"], [["P-1", "หนึ่ง"]]);
  const workbook = new ExcelWorkbook({
    runner: fake.runner,
    supports: () => true,
    selfTestHost: () => host,
  });
  return { fake, workbook };
}

/** The failed items but "calculation": the fake has no calculation engine (a formula's
 * value reads back as its text), which that item rightly fails (see the first test). */
function failed(report: SelfTestReport): string[] {
  return report.items
    .filter((i) => i.status === "fail" && i.id !== "calculation")
    .map((i) => i.label ?? i.id);
}

test("in Excel (the fake) every item passes in five syncs, and nothing is left behind", async () => {
  const { fake, workbook } = setup();
  let mark = fake.syncs;
  await workbook.listTables();
  const listing = fake.syncsSince(mark);
  mark = fake.syncs;
  const report = await runSelfTest(workbook, { now: NOW });
  expect(failed(report)).toEqual([]);
  expect(report.items.find((i) => i.id === "calculation")).toMatchObject({
    status: "fail",
    actual: '[["=C1*2"],["=SUM(C1:C2)"]]',
  });
  // The use case's listTables, then the self-test's own five.
  expect(report.syncs).toBe(5);
  expect(fake.syncsSince(mark)).toBe(listing + 5);
  expect(report.items.filter((i) => i.status === "na")).toEqual([]);
  expect(report.host).toEqual({ kind: "excel", ...DIAGNOSTICS });
  expect(fake.sheets.map((s) => s.name)).toEqual(["โครงการ"]);
  expect(fake.tables.map((t) => t.name)).toEqual(["Projects"]);
  expect(fake.parts.filter((p) => p.namespace === SELF_TEST_NAMESPACE)).toEqual([]);
  // The scalar assignment went as one request for the nine cells, not a grid.
  const scalar = fake.requests.find((r) => r.member === "numberFormat" && r.value === "#,##0.00");
  expect(scalar?.target).toContain('getRange("B4:D6")');
});

test("a host without ExcelApi 1.13 cannot read merges back: the item says so, not pass", async () => {
  const { workbook } = setup({
    isSetSupported: (name, version) => !(name === "ExcelApi" && version === "1.13"),
  });
  const report = await runSelfTest(workbook, { now: NOW });
  expect(report.items.find((i) => i.id === "merges")).toMatchObject({
    status: "na",
    naReason: "host",
  });
  const optional = report.items.find((i) => i.label === "ExcelApi 1.13");
  expect(optional).toMatchObject({ status: "na", naReason: "optional" });
  expect(failed(report)).toEqual([]);
});

test("a host missing a required set fails that set", async () => {
  const { workbook } = setup({
    isSetSupported: (name, version) => !(name === "ExcelApi" && version === "1.9"),
  });
  const report = await runSelfTest(workbook, { now: NOW });
  expect(failed(report)).toEqual(["ExcelApi 1.9"]);
});

test("a step Excel refuses fails alone: the rest run step by step and the sheet is removed", async () => {
  const { fake, workbook } = setup();
  // A host that refuses every chart (failAt is single-use: kept armed here).
  const refusal = {
    when: (r: { target: string; member: string }) =>
      r.target.includes(".charts") && r.member === "add",
    error: new FakeOfficeError("InvalidArgument", "The chart source is invalid."),
  };
  Object.defineProperty(fake, "failAt", { get: () => refusal, set: () => {} });
  const report = await runSelfTest(workbook, { now: NOW });
  expect(failed(report)).toEqual(["chart"]);
  expect(report.items.find((i) => i.id === "chart")?.actual).toBe(
    "InvalidArgument: The chart source is invalid."
  );
  expect(fake.sheets.map((s) => s.name)).toEqual(["โครงการ"]);
  expect(fake.parts.filter((p) => p.namespace === SELF_TEST_NAMESPACE)).toEqual([]);
  // Bounded: the failed batch, a fresh sheet, two syncs a step, the clean-up.
  expect(report.syncs).toBeLessThanOrEqual(5 + 1 + 2 * 18 + 2);
});

test("a taken name writes nothing and the use case moves to the next free one", async () => {
  const { fake, workbook } = setup();
  fake.addSheet("Kaona self-test");
  const report = await runSelfTest(workbook, { now: NOW });
  expect(report.sheet).toBe("Kaona self-test (2)");
  expect(failed(report)).toEqual([]);
  expect(fake.sheets.map((s) => s.name)).toEqual(["โครงการ", "Kaona self-test"]);
});
