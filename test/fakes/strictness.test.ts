/**
 * The fake is at least as strict as Excel (issue 14, point 10): each test below fails on a
 * lenient fake (one that returns undefined for an unloaded property, keeps proxies alive
 * across Excel.run calls, or takes any format, enum string or validation rule).
 */
import { ExcelWorkbook } from "../../src/workbook/excel/ExcelWorkbook";
import { issuesLayout } from "../workbook/contract";
import { FakeExcel, FakeOfficeError } from "./fakeExcel";

async function codeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    return error instanceof FakeOfficeError ? error.code : `not an Office error: ${String(error)}`;
  }
  return "no error";
}

function sheetWithTable(): FakeExcel {
  const fake = new FakeExcel();
  fake.addTable("รายงาน", "Rounds", "A1", ["รหัสโครงการ", "ร้อยละ"], [["21000000-3165", 40]]);
  return fake;
}

test("reading a property that was not loaded throws PropertyNotLoaded", async () => {
  const fake = sheetWithTable();
  const code = await codeOf(() =>
    fake.runner.run(async (context) => {
      const range = context.workbook.worksheets.getItem("รายงาน").getRange("A1:B2");
      range.load("address");
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- the point: Excel throws here
      return range.values;
    })
  );
  expect(code).toBe("PropertyNotLoaded");
});

test("a proxy from one Excel.run is not valid in the next (InvalidObjectPath)", async () => {
  const fake = sheetWithTable();
  const kept = await fake.runner.run(async (context) =>
    context.workbook.worksheets.getItem("รายงาน")
  );
  const code = await codeOf(() =>
    fake.runner.run(async (context) => {
      kept.getRange("A1").values = [["x"]];
      await context.sync();
    })
  );
  expect(code).toBe("InvalidObjectPath");
  expect(fake.cell("รายงาน", "A1")?.value).toBe("รหัสโครงการ");
});

test("number formats are parsed: Buddhist-era codes pass, broken ones are refused", async () => {
  const fake = sheetWithTable();
  const write = (format: string) =>
    codeOf(() =>
      fake.runner.run(async (context) => {
        // A single format for a multi-cell range, as Kaona writes it.
        const range = context.workbook.worksheets.getItem("รายงาน").getRange("B2:B3");
        range.numberFormat = format as unknown as string[][];
        await context.sync();
      })
    );
  for (const ok of [
    "[$-107041E]d mmm yyyy",
    "[$-1070000]d/m/yyyy",
    "[$-D07041E]d mmmm bbbb",
    "0.00%",
    "@",
  ])
    expect(await write(ok)).toBe("no error");
  expect(await write('0.0 "บาท')).toBe("InvalidArgument");
  expect(await write("[$-107041E d/m/yyyy")).toBe("InvalidArgument");
  expect(await write("0;0;0;@;0")).toBe("InvalidArgument");
});

test("enum strings are Office.js's own, in its casing", async () => {
  const fake = sheetWithTable();
  const border = (weight: string) =>
    codeOf(() =>
      fake.runner.run(async (context) => {
        const side = context.workbook.worksheets
          .getItem("รายงาน")
          .getRange("A1")
          .format.borders.getItem("EdgeTop");
        side.weight = weight as Excel.BorderWeight;
        await context.sync();
      })
    );
  expect(await border("Thin")).toBe("no error");
  expect(await border("thin")).toBe("InvalidArgument");
});

test("data validation: one rule kind, titles ≤ 32 and messages ≤ 255 characters", async () => {
  const fake = sheetWithTable();
  const set = (apply: (dv: Excel.DataValidation) => void) =>
    codeOf(() =>
      fake.runner.run(async (context) => {
        apply(context.workbook.worksheets.getItem("รายงาน").getRange("B2").dataValidation);
        await context.sync();
      })
    );
  const decimal = { formula1: 0, formula2: 100, operator: "Between" } as Excel.BasicDataValidation;
  expect(await set((dv) => (dv.rule = { decimal }))).toBe("no error");
  expect(await set((dv) => (dv.rule = { decimal, wholeNumber: decimal }))).toBe("InvalidArgument");
  expect(
    await set((dv) => (dv.rule = { list: { inCellDropDown: true, source: "ก".repeat(256) } }))
  ).toBe("InvalidArgument");
  expect(
    await set((dv) => (dv.prompt = { showPrompt: true, title: "ร".repeat(33), message: "x" }))
  ).toBe("InvalidArgument");
  expect(
    await set(
      (dv) =>
        (dv.errorAlert = { showAlert: true, style: "Stop", title: "t", message: "ข".repeat(256) })
    )
  ).toBe("InvalidArgument");
});

test("on ExcelApi 1.9 (no worksheet custom properties) a sheet is written without them", async () => {
  const fake = new FakeExcel();
  fake.customPropertiesApi = false;
  const onNineOnly = new ExcelWorkbook({
    runner: fake.runner,
    supports: (v) => Number(v.split(".")[1]) <= 9,
  });
  const result = await onNineOnly.writeSheet(issuesLayout(3));
  expect(result.replaced).toBe(false);
  expect(fake.requests.filter((r) => r.target.includes("customProperties"))).toEqual([]);
  // The fake does refuse them: a workbook that wrongly believed 1.12 was there fails.
  const believing = new ExcelWorkbook({ runner: fake.runner, supports: () => true });
  await expect(believing.writeSheet(issuesLayout(3, "อีกแผ่น"))).rejects.toMatchObject({
    reason: "not-supported",
  });
});

test("page breaks: an address Excel cannot parse is refused, a protected sheet refuses them", async () => {
  const fake = sheetWithTable();
  const add = (address: string) =>
    codeOf(() =>
      fake.runner.run(async (context) => {
        context.workbook.worksheets.getItem("รายงาน").horizontalPageBreaks.add(address);
        await context.sync();
      })
    );
  expect(await add("A12")).toBe("no error");
  expect(fake.sheetByName("รายงาน")?.rowBreaks).toEqual(new Set([11]));
  expect(await add("not a cell")).toBe("InvalidArgument");
  fake.sheetByName("รายงาน")!.protected = true;
  expect(await add("A20")).toBe("AccessDenied");
  const reset = await codeOf(() =>
    fake.runner.run(async (context) => {
      context.workbook.worksheets.getItem("รายงาน").horizontalPageBreaks.removePageBreaks();
      await context.sync();
    })
  );
  expect(reset).toBe("AccessDenied");
  expect(fake.sheetByName("รายงาน")?.rowBreaks).toEqual(new Set([11]));
});

test("autofitRows on a protected sheet is refused; elsewhere it drops the rows' set heights", async () => {
  const fake = sheetWithTable();
  const fit = () =>
    codeOf(() =>
      fake.runner.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("รายงาน");
        sheet.getRange("1:2").format.rowHeight = 40;
        sheet.getRange("2:2").format.autofitRows();
        await context.sync();
      })
    );
  expect(await fit()).toBe("no error");
  const sheet = fake.sheetByName("รายงาน")!;
  expect([...sheet.rowHeights]).toEqual([[0, 40]]);
  expect([...sheet.autofitRows]).toEqual([1]);
  sheet.protected = true;
  expect(await fit()).toBe("AccessDenied");
});
