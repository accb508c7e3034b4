/**
 * The flows a staff member goes through, in the browser preview on the sample workbook:
 * bind the tables, check (seed 001's holes are warnings), go to an issue's cell, break a
 * value and see the live check catch it, generate a report, switch the language. One page
 * load for the whole story, as a person would use it.
 */
import type { Browser, Locator } from "playwright-core";
import { useBrowser, openPage, screenshot } from "./browser";
import { BASE_URL } from "./config";
import { isolatePage } from "./offline";

jest.setTimeout(120_000);

const ROUNDS_SHEET = "รายงานความก้าวหน้า";
const SEED_000 = "21000000-3165";

const browser = useBrowser();

async function texts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) => elements.map((e) => e.getAttribute("data-cell") ?? ""));
}

test("bind, check, go to a cell, break a value, generate a report, switch to English", async () => {
  const { context, page, problems } = await openPage(browser(), {
    locale: "th-TH",
    width: 1280,
    height: 800,
  });
  await isolatePage(context);
  await page.goto(`${BASE_URL}/taskpane.html`, { waitUntil: "load" });
  const pane = page.getByTestId("task-pane");
  const viewer = page.getByTestId("sheet-viewer");
  await pane.getByRole("heading", { name: "ภาพรวม" }).waitFor({ timeout: 60_000 });
  await pane.getByRole("heading", { name: "ผูกตารางของคุณ" }).waitFor();

  // Bind: the sample tables are not bound yet; Kaona finds their kinds from the headers.
  await pane.getByRole("tab", { name: "ตาราง" }).click();
  await pane.getByRole("button", { name: "ผูกตารางอัตโนมัติตามหัวคอลัมน์" }).click();
  await pane.getByText("ผูกแล้ว").nth(2).waitFor();
  expect(await pane.getByText("ผูกแล้ว").count()).toBe(3);
  await expect(
    pane.getByRole("combobox", { name: "ตาราง Excel ที่ใช้เป็นตารางรายงานความก้าวหน้า" }).textContent()
  ).resolves.toContain("KaonaRounds");
  await screenshot(page, "flow-1-bound");

  // Check: seed 001's rounds 3–7 have no progress: five warnings at E15…E19.
  await pane.getByRole("tab", { name: "ตรวจสอบ" }).click();
  await pane.getByRole("button", { name: "ตรวจสอบตอนนี้" }).click();
  await pane.getByRole("heading", { name: "คำเตือน (6)" }).waitFor();
  expect(await pane.getByRole("heading", { name: /^ข้อผิดพลาด/ }).count()).toBe(0);
  const missing = pane.locator('button[data-code="ROUND_PROGRESS_MISSING"]');
  expect(await texts(missing)).toEqual(["E15", "E16", "E17", "E18", "E19"]);
  await screenshot(page, "flow-2-checked");

  // Go to the cell: the viewer shows the rounds sheet with E15 selected.
  await missing.first().click();
  await viewer.locator('td[data-address="E15"][aria-selected="true"]').waitFor();
  expect(await viewer.getAttribute("data-sheet")).toBe(ROUNDS_SHEET);
  await screenshot(page, "flow-3-cell");

  // Break a value as a person would: seed 000 round 2 from 25 % to 5 %, below round 1.
  await viewer.locator('td[data-address="E3"]').dblclick();
  await page.getByRole("textbox", { name: "แก้ไขเซลล์ E3" }).fill("5");
  await page.keyboard.press("Enter");
  const falls = pane.locator('button[data-code="ROUND_PROGRESS_FALLS"]');
  await falls.waitFor({ timeout: 10_000 });
  expect(await texts(falls)).toEqual(["E3"]);
  await pane.getByRole("heading", { name: "ข้อผิดพลาด (1)" }).waitFor();
  await screenshot(page, "flow-4-broken");
  // Put it back: the error goes away again.
  await viewer.locator('td[data-address="E3"]').dblclick();
  await page.getByRole("textbox", { name: "แก้ไขเซลล์ E3" }).fill("25");
  await page.keyboard.press("Enter");
  await falls.waitFor({ state: "detached", timeout: 10_000 });

  // Report: seed 000's form with its title and 11 rounds, written and shown in the viewer.
  await pane.getByRole("tab", { name: "รายงาน" }).click();
  await pane.getByTestId("report-preview").waitFor({ timeout: 30_000 });
  await pane.getByRole("button", { name: "สร้างรายงานโครงการนี้" }).click();
  await pane.getByText(`เขียนแผ่นงานแล้ว: ${SEED_000}`).waitFor();
  await page.locator(`[data-testid="sheet-viewer"][data-sheet="${SEED_000}"]`).waitFor();
  const report = (await viewer.textContent()) ?? "";
  expect(report).toContain("แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ");
  expect(report).toContain("กิจกรรมติดตามและประเมินผลเกณฑ์ชี้วัดมาตรฐานการจัดบริการสาธารณะของกรุงเทพมหานคร");
  const cells = await viewer.locator("td").allTextContents();
  const roundDates = cells.filter((text) => /^\d{1,2}\/\d{2}\/25\d\d$/.test(text.trim()));
  expect(roundDates).toEqual([
    "2/12/2562",
    "26/12/2562",
    "6/01/2563",
    "23/01/2563",
    "24/03/2563",
    "24/04/2563",
    "20/05/2563",
    "18/06/2563",
    "19/06/2563",
    "23/07/2563",
    "18/08/2563",
  ]);
  await screenshot(page, "flow-5-report");

  // Language: English everywhere at once; the person's own, kept in this browser, not the workbook.
  await pane.getByRole("tab", { name: "ตั้งค่า" }).click();
  await pane.getByRole("radio", { name: "English" }).check();
  await pane.getByRole("heading", { name: "Settings" }).waitFor();
  await pane.getByRole("tab", { name: "Check" }).click();
  await pane.getByRole("heading", { name: "Check entries" }).waitFor();
  await pane.getByRole("heading", { name: "Warnings (6)" }).waitFor();
  expect(
    await pane.locator('button[data-code="ROUND_PROGRESS_MISSING"]').first().textContent()
  ).toContain("round 3: no progress figure");
  await screenshot(page, "flow-6-english");
  // Opened again (a fresh sample workbook in the preview), the pane keeps the person's language.
  await page.reload({ waitUntil: "load" });
  await pane.getByRole("heading", { name: "Overview" }).waitFor({ timeout: 60_000 });

  expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  await context.close();
});
