import { translate } from "../i18n";
import { WorkbookError } from "../workbook/port";
import { describeError } from "./errors";

const REASONS = [
  "table-missing",
  "sheet-protected",
  "payload-too-large",
  "timeout",
  "sheet-conflict",
  "not-supported",
  "unknown",
] as const;

test.each(REASONS)("%s becomes a Thai and an English message with a way on", (reason) => {
  const info = describeError(
    new WorkbookError(reason, "Office said no", {
      sheet: "รายงานความก้าวหน้า",
      table: "KaonaRounds",
      code: "X",
    })
  );
  expect(info.reason).toBe(reason);
  for (const lang of ["th", "en"] as const) {
    const text = translate(lang, info.body, info.params);
    expect(text).not.toMatch(/\{\w+\}/);
    expect(translate(lang, info.title).length).toBeGreaterThan(3);
  }
  expect(["retry", "rebind", "dismiss"]).toContain(info.way);
});

test("the ways on fit the causes", () => {
  const way = (reason: (typeof REASONS)[number]) =>
    describeError(new WorkbookError(reason, "")).way;
  expect(way("table-missing")).toBe("rebind");
  expect(way("sheet-protected")).toBe("retry");
  expect(way("timeout")).toBe("retry");
  expect(way("not-supported")).toBe("dismiss");
});

test("a protected sheet is named in the message", () => {
  const info = describeError(new WorkbookError("sheet-protected", "", { sheet: "โครงการ" }));
  expect(translate("th", info.body, info.params)).toContain("โครงการ");
});

test.each([new TypeError("x is undefined"), "a string", 42, null, undefined])(
  "anything else thrown (%p) is an unknown error, never a crash",
  (thrown) => {
    const info = describeError(thrown);
    expect(info).toMatchObject({ reason: "unknown", way: "retry" });
    expect(translate("en", info.body, info.params)).toContain(
      String(thrown instanceof Error ? thrown.message : thrown)
    );
  }
);

test("a cell being edited gets its own message (Office's InvalidOperationInCellEditMode), still with retry", async () => {
  const { toWorkbookError } = await import("../workbook/excel/errors");
  const office = Object.assign(new Error("The operation isn't allowed in cell edit mode."), {
    code: "InvalidOperationInCellEditMode",
  });
  const info = describeError(toWorkbookError(office, { sheet: "โครงการ" }));
  expect(info.way).toBe("retry");
  expect(translate("th", info.title)).toBe("มีเซลล์ที่กำลังแก้ไขอยู่");
  expect(translate("en", info.body)).toContain("Press Enter or Esc");
});
