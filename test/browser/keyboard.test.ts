/**
 * The task pane and the preview grid with the keyboard only, as a staff member who does not
 * use the mouse: insert a formula with nothing selected (a clear message that goes away with
 * the page), the grid from a fresh load (arrows, Enter, Escape), bind and land on the next
 * step, check, go to a cell, type a date into a date cell, find a project by typing part of
 * its code, generate its report and scroll it. axe-core runs in every state, the generated
 * sheet shown included.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { axeViolationIds, axeViolations } from "./axe";
import { useBrowser, openPage, screenshot } from "./browser";
import { BASE_URL } from "./config";
import { isolatePage } from "./offline";

jest.setTimeout(180_000);

const SEED_001 = "21000000-6549";

const browser = useBrowser();

/** What has the keyboard focus: its accessible name or text, trimmed. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "<body>";
    return (el.getAttribute("aria-label") ?? el.textContent ?? el.tagName).trim();
  });
}

async function selectedAddresses(viewer: Locator): Promise<string[]> {
  return viewer
    .locator('td[aria-selected="true"]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute("data-address") ?? ""));
}

/** Axe with nothing serious, and none of the landmark rules the pane once broke. */
async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  const ids = await axeViolationIds(page);
  for (const rule of ["landmark-unique", "scrollable-region-focusable", "region"])
    expect(ids).not.toContain(rule);
}

test("keyboard only: formula without a selection, grid, bind, check, a date, find a project, report", async () => {
  // Before any script runs, the page says it is starting, in both languages.
  const { context, page, problems } = await openPage(browser(), { width: 1280, height: 800 });
  await isolatePage(context);
  const html = await (await context.request.get(`${BASE_URL}/taskpane.html`)).text();
  expect(html).toContain("กำลังเปิดก้าวหน้า…");
  expect(html).toContain("Starting Kaona…");

  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${BASE_URL}/taskpane.html`, { waitUntil: "load" });
  const pane = page.getByTestId("task-pane");
  const viewer = page.getByTestId("sheet-viewer");
  await pane.getByRole("heading", { name: "ภาพรวม" }).waitFor({ timeout: 60_000 });
  await expectAccessible(page);

  // Insert a formula with no cell selected: a Thai message with the way on, no English detail.
  await pane.getByRole("tab", { name: "ฟังก์ชัน" }).focus();
  await page.keyboard.press("Enter");
  await pane.getByRole("heading", { name: "ฟังก์ชัน KPI" }).waitFor();
  // Sample data is named as such on every page, not only on Home.
  expect(await pane.getByTestId("preview-banner").textContent()).toContain("ข้อมูลตัวอย่าง");
  await pane
    .getByRole("button", { name: /KPI\.PROGRESS\b/ })
    .first()
    .focus();
  await page.keyboard.press("Enter");
  await pane.getByRole("button", { name: "ใส่ในเซลล์ที่เลือก" }).first().focus();
  await page.keyboard.press("Enter");
  const alert = pane.getByRole("alert");
  await alert.getByText("ยังไม่ได้เลือกเซลล์").waitFor();
  expect(await alert.textContent()).not.toMatch(/no cell is selected/);
  await screenshot(page, "keyboard-1-no-selection");
  // The message belongs to that page: going Home closes it.
  await pane.getByRole("tab", { name: "หน้าแรก" }).focus();
  await page.keyboard.press("Enter");
  await pane.getByRole("heading", { name: "ภาพรวม" }).waitFor();
  expect(await pane.getByRole("alert").count()).toBe(0);

  // The grid on a fresh load: the first arrow selects A1, the next moves on.
  const grid = page.getByRole("grid");
  await grid.focus();
  await page.keyboard.press("ArrowDown");
  await viewer.locator('td[data-address="A1"][aria-selected="true"]').waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  expect(await selectedAddresses(viewer)).toEqual(["B2"]);
  // Enter edits, Escape cancels: the cell keeps its value and the grid keeps the focus.
  const before = (await viewer.locator('td[data-address="B2"]').textContent()) ?? "";
  expect(before).not.toBe("");
  await page.keyboard.press("Enter");
  const editor = page.getByRole("textbox", { name: "แก้ไขเซลล์ B2" });
  await editor.waitFor();
  await page.keyboard.type("พิมพ์ผิด");
  await page.keyboard.press("Escape");
  await editor.waitFor({ state: "detached" });
  expect(await viewer.locator('td[data-address="B2"]').textContent()).toBe(before);
  expect(await focused(page)).toMatch(/^แผ่นงาน /);

  // Bind with the keyboard: focus moves to the next step, not to the page's body.
  await pane.getByRole("tab", { name: "ตาราง" }).focus();
  await page.keyboard.press("Enter");
  await pane.getByRole("heading", { name: "ตารางข้อมูล" }).waitFor();
  await pane.getByRole("button", { name: "ผูกตารางอัตโนมัติตามหัวคอลัมน์" }).focus();
  await page.keyboard.press("Enter");
  await pane.getByText("ผูกแล้ว").nth(2).waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === "ตรวจสอบตอนนี้");
  await expectAccessible(page);
  await screenshot(page, "keyboard-2-bound");

  // Enter on it checks: seed 001's holes are the warnings.
  await page.keyboard.press("Enter");
  await pane.getByRole("heading", { name: "คำเตือน (6)" }).waitFor();
  await pane.locator('button[data-cell="E16"]').focus();
  await page.keyboard.press("Enter");
  await viewer.locator('td[data-address="E16"][aria-selected="true"]').waitFor();

  // A date typed into a date cell is stored as a date: the editor shows it as displayed,
  // and the check finds no date typed as text.
  await grid.focus();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  expect(await selectedAddresses(viewer)).toEqual(["C16"]);
  await page.keyboard.press("F2");
  const dateEditor = page.getByRole("textbox", { name: "แก้ไขเซลล์ C16" });
  expect(await dateEditor.inputValue()).toBe("20/02/2566");
  await dateEditor.fill("21/02/2566");
  await page.keyboard.press("Enter");
  await viewer.locator('td[data-address="C16"]', { hasText: "21/02/2566" }).waitFor();
  await pane.getByRole("heading", { name: "คำเตือน (6)" }).waitFor();
  expect(await pane.locator('button[data-code="CELL_DATE_AS_TEXT"][data-cell="C16"]').count()).toBe(
    0
  );
  await expectAccessible(page);
  await screenshot(page, "keyboard-3-date");

  // The report page: typing part of a code filters the projects; Enter chooses one.
  await pane.getByRole("tab", { name: "รายงาน" }).focus();
  await page.keyboard.press("Enter");
  await pane.getByTestId("report-preview").waitFor({ timeout: 30_000 });
  const box = pane.getByRole("combobox", { name: /โครงการ/ }).first();
  await box.focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("6549");
  expect(await box.inputValue()).toBe("6549");
  const options = page.getByRole("option");
  await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length === 1);
  expect(await options.first().textContent()).toContain(SEED_001);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await pane.getByTestId("report-preview").getByText("ฉบับที่ 1 และ ฉบับที่ 2").first().waitFor();
  await screenshot(page, "keyboard-4-project");

  await pane.getByRole("button", { name: "สร้างรายงานโครงการนี้" }).focus();
  await page.keyboard.press("Enter");
  await page.locator(`[data-testid="sheet-viewer"][data-sheet="${SEED_001}"]`).waitFor();
  // The generated sheet scrolls with the keyboard.
  const sheet = page.getByRole("region", { name: `แผ่นงาน ${SEED_001} ที่ก้าวหน้าสร้าง` });
  await sheet.focus();
  await page.keyboard.press("PageDown");
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="sheet-viewer"]')?.scrollTop ?? 0) > 0
  );
  await expectAccessible(page);
  await screenshot(page, "keyboard-5-report");

  // Live checking off: Home no longer lets a clean-looking result pass for the current data.
  await pane.getByRole("tab", { name: "ตรวจสอบ" }).focus();
  await page.keyboard.press("Enter");
  await pane.getByRole("switch", { name: "ตรวจอัตโนมัติเมื่อแก้ไข" }).focus();
  await page.keyboard.press("Space");
  await pane.getByRole("tab", { name: "หน้าแรก" }).focus();
  await page.keyboard.press("Enter");
  await pane
    .getByTestId("check-may-be-stale")
    .getByText("ตรวจอัตโนมัติปิดอยู่", { exact: false })
    .waitFor();
  await expectAccessible(page);

  expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  await context.close();
});
