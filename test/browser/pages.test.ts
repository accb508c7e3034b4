/**
 * Every page of the task pane at a task pane's width (360 px), in Thai: reachable by
 * keyboard, no serious or critical axe-core violation, nothing wider than the pane, and a
 * screenshot of each to look at. One page load.
 */
import { axeViolations } from "./axe";
import { useBrowser, openPage, overflow, screenshot } from "./browser";
import { BASE_URL } from "./config";
import { isolatePage } from "./offline";

jest.setTimeout(120_000);

const browser = useBrowser();

test("each page at 360 px: keyboard, axe-core, no overflow", async () => {
  const { context, page, problems } = await openPage(browser(), {
    locale: "th-TH",
    width: 360,
    height: 720,
  });
  await isolatePage(context);
  // Fluent's motions fade content in; axe would measure contrast mid-fade.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${BASE_URL}/taskpane.html`, { waitUntil: "load" });
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("heading", { name: "ภาพรวม" }).waitFor({ timeout: 60_000 });

  // The eight tabs fit as icons, each named for assistive technology.
  const tabs = pane.getByRole("tab");
  expect(
    await tabs.evaluateAll((list) =>
      list.map((tab) => tab.getAttribute("aria-label") ?? tab.textContent)
    )
  ).toEqual(["หน้าแรก", "ตาราง", "ตรวจสอบ", "รายงาน", "นำเข้า", "รวมเวิร์กบุ๊ก", "ฟังก์ชัน", "ตั้งค่า"]);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "pane-1-home");

  // Keyboard: from the selected tab, arrow right and Enter open the Tables page.
  await pane.getByRole("tab", { selected: true }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await pane.getByRole("heading", { name: "ตารางข้อมูล" }).waitFor();
  await pane.getByRole("button", { name: "ผูกตารางอัตโนมัติตามหัวคอลัมน์" }).focus();
  await page.keyboard.press("Enter");
  await pane.getByText("ผูกแล้ว").nth(2).waitFor();
  await pane.getByRole("button", { name: /การจับคู่คอลัมน์ \(9\/9\)/ }).click();
  await pane.getByRole("combobox", { name: "ความก้าวหน้าของงาน (%)" }).waitFor();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "pane-2-tables");

  await pane.getByRole("tab", { name: "ตรวจสอบ" }).click();
  await pane.getByRole("button", { name: "ตรวจสอบตอนนี้" }).click();
  await pane.getByRole("heading", { name: "คำเตือน (6)" }).waitFor();
  // An issue opened with the keyboard selects its cell.
  await pane.locator('button[data-cell="E16"]').focus();
  await page.keyboard.press("Enter");
  await page
    .locator('[data-testid="sheet-viewer"] td[data-address="E16"][aria-selected="true"]')
    .waitFor();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "pane-3-check");

  await pane.getByRole("tab", { name: "รายงาน" }).click();
  await pane.getByTestId("report-preview").waitFor({ timeout: 30_000 });
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  // The preview as printed: no line box shorter than its text (Thai lines overlapped when the
  // report inherited a 20 px line height), and no date or number broken over two lines.
  const preview = await pane.getByTestId("report-preview").evaluate((root) => {
    let cramped = 0;
    let broken: string[] = [];
    for (const cell of root.querySelectorAll("td, th, div, span, p")) {
      const text = cell.textContent?.trim() ?? "";
      if (text === "" || cell.children.length > 0) continue;
      const style = getComputedStyle(cell);
      const lineHeight = parseFloat(style.lineHeight);
      if (Number.isFinite(lineHeight) && lineHeight < parseFloat(style.fontSize) * 1.1)
        cramped += 1;
      if (/^[\d,./%]+$/.test(text)) {
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) broken = [...broken, text];
      }
    }
    return { cramped, broken };
  });
  expect(preview).toEqual({ cramped: 0, broken: [] });
  await screenshot(page, "pane-4-report");

  await pane.getByRole("tab", { name: "ฟังก์ชัน" }).click();
  await pane.getByRole("heading", { name: "ฟังก์ชัน KPI" }).waitFor();
  await pane
    .getByRole("button", { name: /KPI\.PROGRESS\b/ })
    .first()
    .click();
  await pane.getByText("=KPI.PROGRESS(codes, rounds, progress, code, [round])").waitFor();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "pane-5-functions");

  await pane.getByRole("tab", { name: "ตั้งค่า" }).click();
  await pane.getByRole("heading", { name: "ตั้งค่า" }).waitFor();
  await pane.getByRole("button", { name: /ผลการประเมิน/ }).click();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "pane-6-settings");
  // A workbook setting takes effect at once and is written only on Save.
  await pane.getByRole("radio", { name: /คริสต์ศักราช/ }).check();
  await pane.getByText("ยังไม่ได้บันทึกการตั้งค่า").waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "pane-6-settings-unsaved");
  await pane.getByRole("button", { name: "บันทึก", exact: true }).click();
  await pane.getByText("บันทึกในสมุดงานแล้ว").waitFor();
  expect(await pane.getByText("ยังไม่ได้บันทึกการตั้งค่า").count()).toBe(0);

  expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  await context.close();
});

test("each page at 360 px in English: axe-core, no overflow, a screenshot to look at", async () => {
  const { context, page, problems } = await openPage(browser(), {
    locale: "en-US",
    width: 360,
    height: 720,
  });
  await isolatePage(context);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${BASE_URL}/taskpane.html`, { waitUntil: "load", timeout: 90_000 });
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("heading", { name: "Overview" }).waitFor({ timeout: 60_000 });
  const pages: [tab: string, heading: string][] = [
    ["Home", "Overview"],
    ["Tables", "Tables"],
    ["Check", "Check entries"],
    ["Report", "Report sheet"],
    ["Combine", "Combine workbooks"],
    ["Functions", "KPI functions"],
    ["Settings", "Settings"],
  ];
  for (const [index, [tab, heading]] of pages.entries()) {
    await pane.getByRole("tab", { name: tab }).click();
    await pane.getByRole("heading", { name: heading, exact: true }).first().waitFor();
    if (tab === "Tables") {
      await pane.getByRole("button", { name: /Bind tables automatically/ }).click();
      await pane.getByText("Bound", { exact: true }).nth(2).waitFor();
    }
    if (tab === "Check") {
      await pane.getByRole("button", { name: "Check now" }).first().click();
      await pane.getByRole("heading", { name: "Warnings (6)" }).waitFor();
    }
    if (tab === "Report") await pane.getByTestId("report-preview").waitFor({ timeout: 30_000 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `pane-en-${index + 1}-${tab.toLowerCase()}`);
  }
  expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  await context.close();
});
