import { createSampleWorkbook } from "../../workbook/memory/sampleWorkbook";
import { MemoryWorkbook } from "../../workbook/memory/MemoryWorkbook";
import type { Workbook } from "../../workbook/port";
import type { SelfTestProbe, SelfTestReadBack } from "../../workbook/selfTestProbe";
import { expectedBeTexts, rowsOfAddress } from "./checks";
import { runSelfTest, reportText, type SelfTestItem, type SelfTestReport } from "./index";
import { MERGE_CAP, PROBE_DATE_SERIAL, REQUIREMENT_SETS, buildProbe } from "./probe";
import fs from "node:fs";
import path from "node:path";

const NOW = () => new Date("2026-12-01T10:00:00Z");

function statusOf(report: SelfTestReport, id: SelfTestItem["id"]): string | undefined {
  return report.items.find((i) => i.id === id)?.status;
}

/** A workbook whose self-test read-back is changed by `tamper` (a host that differs). */
function tampered(
  inner: MemoryWorkbook,
  tamper: (back: SelfTestReadBack, probe: SelfTestProbe) => void
): Workbook {
  return Object.assign(Object.create(inner) as MemoryWorkbook, {
    runSelfTest: async (probe: SelfTestProbe) => {
      const back = await inner.runSelfTest(probe);
      tamper(back, probe);
      return back;
    },
  });
}

/** The self-test of the sample workbook whose read-back `tamper` changes. */
function runTampered(
  tamper: (back: SelfTestReadBack, probe: SelfTestProbe) => void
): Promise<SelfTestReport> {
  return runSelfTest(tampered(createSampleWorkbook(), tamper), { now: NOW });
}

function failedIds(report: SelfTestReport): SelfTestItem["id"][] {
  return report.items.filter((i) => i.status === "fail").map((i) => i.id);
}

const WORDS = {
  title: "Kaona self-test",
  host: "Host",
  ranAt: "Ran at",
  syncs: "Syncs: 1",
  summary: "summary",
  status: { pass: "PASS", fail: "FAIL", na: "N/A" },
  expected: "expected",
  actual: "got",
  itemTitle: (i: SelfTestItem) => i.label ?? i.id,
  naReason: (i: SelfTestItem) => i.naReason ?? "",
};

describe("the self-test on the memory workbook", () => {
  test("every item the preview models passes, the rest say why, and the workbook is as before", async () => {
    const workbook = createSampleWorkbook();
    const before = JSON.stringify(workbook.snapshot());
    const report = await runSelfTest(workbook, { now: NOW });
    const failed = report.items.filter((i) => i.status === "fail");
    expect(failed).toEqual([]);
    // Only what memory cannot do is "not available": calculation and the host's sets.
    const na = report.items.filter((i) => i.status === "na");
    expect(na.map((i) => i.id)).toEqual(["calculation", ...Array(11).fill("requirementSet")]);
    expect(na.every((i) => i.naReason === "preview")).toBe(true);
    expect(report.counts.pass).toBe(22);
    expect(report.sheet).toBe("Kaona self-test");
    expect(JSON.stringify(workbook.snapshot())).toBe(before);
  });

  test("the scratch sheet's name never collides: a taken name is skipped", async () => {
    const workbook = createSampleWorkbook();
    // A sheet without a table is invisible to listTables: the refusal teaches the name.
    await workbook.writeSheet({
      name: "Kaona self-test",
      columnWidths: [],
      rowHeights: {},
      cells: [{ row: 0, col: 0, value: "mine" }],
      merges: [],
      styles: {},
    });
    const report = await runSelfTest(workbook, { now: NOW });
    expect(report.sheet).toBe("Kaona self-test (2)");
    expect(statusOf(report, "sheet")).toBe("pass");
    expect(workbook.snapshot().sheets.map((s) => s.name)).toContain("Kaona self-test");
  });

  test("the expected BE texts come from the domain's date code", () => {
    expect(expectedBeTexts(PROBE_DATE_SERIAL)).toEqual([
      "18 สิงหาคม 2563",
      "18/08/2563",
      "๑๘ สิงหาคม ๒๕๖๓",
    ]);
  });

  test("the probe writes at Kaona's limits", () => {
    const probe = buildProbe("S", "T", "x");
    expect(probe.merges.areas).toHaveLength(MERGE_CAP);
    expect(probe.validation.prompt.title).toHaveLength(32);
    expect(probe.validation.prompt.message).toHaveLength(255);
    expect(probe.validation.errorAlert.message).toHaveLength(255);
    expect(probe.validation.source).toHaveLength(255);
  });

  test("frozen rows are read from either address form", () => {
    expect(rowsOfAddress("'Kaona self-test'!$1:$2")).toEqual([1, 2]);
    expect(rowsOfAddress("Sheet1!A1:XFD2")).toEqual([1, 2]);
    expect(rowsOfAddress(null)).toBeUndefined();
  });
});

describe("a workbook that differs from the documented behaviour fails the right items", () => {
  test("a scalar number format that reaches the first cell only", async () => {
    const report = await runTampered((back) => {
      const grid = back.scalarFormat!.numberFormat;
      back.scalarFormat!.numberFormat = grid.map((row, i) =>
        row.map((f, j) => (i === 0 && j === 0 ? f : "General"))
      );
    });
    expect(failedIds(report)).toEqual(["scalarFormat"]);
    const item = report.items.find((i) => i.id === "scalarFormat")!;
    expect(item.actual).toContain("General");
  });

  test("a host that drops the BE locale of date formats fails the three BE items", async () => {
    const report = await runTampered((back) => {
      back.dateFormats = back.dateFormats!.map((d) => ({
        ...d,
        numberFormat: "d mmmm yyyy",
        text: "18 August 2020",
      }));
    });
    expect(failedIds(report)).toEqual(["beLong", "beNumeric", "beThaiDigits"]);
  });

  test("zoom read back as a scale, fewer merges, clipped messages, a sheet left behind", async () => {
    const report = await runTampered((back) => {
      back.zoom = { scale: 100 };
      back.merges = { areaCount: 511, cellCount: 1022 };
      back.validation!.prompt.message = String(back.validation!.prompt.message).slice(0, 254);
      back.sheet.removed = false;
    });
    expect(failedIds(report)).toEqual(["sheet", "merges", "validation", "zoom"]);
  });

  test("a step that threw fails its items with Office's code", async () => {
    const report = await runTampered((back) => {
      back.failures.push({ step: "chart", code: "InvalidArgument", message: "no chart" });
      delete back.chart;
    });
    const chart = report.items.find((i) => i.id === "chart")!;
    expect(chart).toMatchObject({ status: "fail", actual: "InvalidArgument: no chart" });
    expect(report.counts.fail).toBe(1);
  });

  test("the memory workbook refuses what Excel refuses: a hidden last sheet, a long message", async () => {
    const lonely = new MemoryWorkbook();
    const report = await runSelfTest(lonely, { now: NOW });
    expect(statusOf(report, "visibility")).toBe("fail");
    const inner = createSampleWorkbook();
    const probe = buildProbe("X", "T", "x");
    probe.validation.prompt.message += "ก";
    const back = await inner.runSelfTest(probe);
    expect(back.failures.map((f) => f.step)).toEqual(["validation"]);
    expect(back.validation).toBeUndefined();
  });

  test("a workbook without a self-test is refused plainly", async () => {
    const workbook = createSampleWorkbook();
    const bare = Object.assign(Object.create(workbook) as MemoryWorkbook, {
      runSelfTest: undefined,
    });
    await expect(runSelfTest(bare)).rejects.toMatchObject({ reason: "not-supported" });
  });
});

test("the report text lists each item, with expected and actual for failures", async () => {
  const report = await runTampered((back) => {
    back.values![0][0] = "changed";
  });
  const text = reportText(report, WORDS);
  for (const line of [
    "[FAIL] values",
    'got: [["changed"',
    "[PASS] beLong",
    "[N/A] calculation (preview)",
    "Host: preview",
    "Syncs: 1",
  ])
    expect(text).toContain(line);
  expect(text.split("\n").filter((l) => l.startsWith("["))).toHaveLength(report.items.length);
});

test("the sets the self-test asks about are the ones docs/requirement-sets.md lists", () => {
  const doc = fs.readFileSync(path.join(__dirname, "../../../docs/requirement-sets.md"), "utf8");
  const listed = [
    ...doc.matchAll(/^\| `?(ExcelApi|SharedRuntime|CustomFunctionsRuntime) (\d+\.\d+)`?\s*\|/gm),
  ]
    .map((m) => `${m[1]} ${m[2]}`)
    .sort();
  const asked = REQUIREMENT_SETS.map((s) => `${s.name} ${s.version}`).sort();
  expect(asked).toEqual([...new Set(listed)].sort());
});
