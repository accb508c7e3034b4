/**
 * The Diagnostics page in the preview: opened from Settings by keyboard, the self-test run
 * against the memory workbook (every item it models passes, the rest say "not in the
 * preview"), the report copied to the clipboard, and the fallback shown when copying fails;
 * axe-core and no overflow at 360 px, and a wide window in English. Screenshots to look at.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { axeViolations } from "./axe";
import { useBrowser, openPage, overflow, screenshot } from "./browser";
import { BASE_URL } from "./config";
import { isolatePage } from "./offline";

jest.setTimeout(180_000);

const SHEETS_LABEL = "แผ่นงาน";

const browser = useBrowser();

async function statuses(pane: Locator): Promise<Record<string, number>> {
  const all = await pane
    .getByTestId("diag-item")
    .evaluateAll((items) => items.map((i) => i.getAttribute("data-status") ?? ""));
  const counts: Record<string, number> = {};
  for (const status of all) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** The preview's sheet tabs (outside the pane: the workbook beside it). */
async function sheetNames(page: Page): Promise<string[]> {
  return page
    .getByRole("tablist", { name: SHEETS_LABEL })
    .getByRole("tab")
    .evaluateAll((tabs) => tabs.map((t) => t.textContent ?? ""));
}

test("Settings → Diagnostics at 360 px in Thai: all pass, report copied, fallback when not", async () => {
  const { context, page, problems } = await openPage(browser(), {
    locale: "th-TH",
    width: 360,
    height: 720,
  });
  await isolatePage(context);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${BASE_URL}/taskpane.html`, { waitUntil: "load", timeout: 90_000 });
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("heading", { name: "ภาพรวม" }).waitFor({ timeout: 60_000 });
  const sheetsBefore = await sheetNames(page);

  await pane.getByRole("tab", { name: "ตั้งค่า" }).click();
  await pane.getByRole("button", { name: "เปิดหน้าการวินิจฉัย" }).focus();
  await page.keyboard.press("Enter");
  await pane.getByRole("heading", { name: "การวินิจฉัย", level: 1 }).waitFor();
  // Keyboard focus goes on, to the way back; the page starts at its top.
  expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain(
    "กลับไปที่ตั้งค่า"
  );
  expect(await pane.getByRole("heading", { name: "การวินิจฉัย", level: 1 }).isVisible()).toBe(true);
  expect(
    await pane
      .getByRole("heading", { name: "การวินิจฉัย", level: 1 })
      .evaluate((h) => h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().top < 720)
  ).toBe(true);
  // Still under the Settings tab.
  expect(await pane.getByRole("tab", { selected: true }).getAttribute("aria-label")).toBe("ตั้งค่า");
  await pane
    .getByTestId("diag-host")
    .getByText(/โหมดทดลองในเบราว์เซอร์/)
    .waitFor();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "diagnostics-1-before");

  await pane.getByRole("button", { name: "เริ่มการทดสอบ" }).click();
  await pane.getByText("ทุกรายการที่ทดสอบได้ผ่านทั้งหมด").waitFor({ timeout: 30_000 });
  expect(await statuses(pane)).toEqual({ pass: 22, na: 12 });
  await pane.getByText("ผ่าน 22 · ไม่ผ่าน 0 · ทดสอบไม่ได้ที่นี่ 12").waitFor();
  // The scratch sheet is gone: the preview's sheets are as they were.
  expect(await sheetNames(page)).toEqual(sheetsBefore);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "diagnostics-2-results");
  await pane.getByRole("button", { name: "คัดลอกรายงาน" }).scrollIntoViewIfNeeded();
  await screenshot(page, "diagnostics-3-results-end");

  await pane.getByRole("button", { name: "คัดลอกรายงาน" }).click();
  await pane.getByText("คัดลอกรายงานไปยังคลิปบอร์ดแล้ว").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("รายงานการวินิจฉัยของก้าวหน้า");
  expect(copied).toContain("[ผ่าน] วันที่ พ.ศ. [$-107041E] (ชื่อเดือนไทย)");
  expect(copied).toContain("[ทดสอบไม่ได้] ผลการคำนวณสูตร (ไม่มีในโหมดทดลอง)");
  expect(copied.split("\n").filter((line) => line.startsWith("["))).toHaveLength(34);

  // A host whose clipboard refuses: the pane says so and shows the text to copy by hand.
  await page.evaluate(() => {
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new Error("denied")) },
    });
    document.execCommand = () => false;
  });
  await pane.getByRole("button", { name: "คัดลอกรายงาน" }).click();
  await pane.getByText(/คัดลอกไปยังคลิปบอร์ดไม่ได้/).waitFor();
  const shown = await pane.getByRole("textbox", { name: "ข้อความรายงาน" }).inputValue();
  expect(shown).toBe(copied);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "diagnostics-4-copy-failed");

  // Back to Settings by the link.
  await pane.getByRole("button", { name: "กลับไปที่ตั้งค่า" }).click();
  await pane.getByRole("heading", { name: "ตั้งค่า", level: 1 }).waitFor();
  expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  await context.close();
});

test("Diagnostics in a wide window, in English", async () => {
  const { context, page, problems } = await openPage(browser(), {
    locale: "en-US",
    width: 1280,
    height: 900,
  });
  await isolatePage(context);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${BASE_URL}/taskpane.html`, { waitUntil: "load", timeout: 90_000 });
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("heading", { name: "Overview" }).waitFor({ timeout: 60_000 });
  await pane.getByRole("tab", { name: "Settings" }).click();
  await pane.getByRole("button", { name: "Open Diagnostics" }).click();
  await pane.getByRole("button", { name: "Run the self-test" }).click();
  await pane.getByText("Every item that could be tested passed.").waitFor({ timeout: 30_000 });
  expect(await statuses(pane)).toEqual({ pass: 22, na: 12 });
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "diagnostics-en-wide");
  expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  await context.close();
});
