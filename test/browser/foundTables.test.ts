/**
 * The Tables page finds the tables in the sheets, as `kaona check` does on a file: in the
 * preview's sample plus a plain range under title rows (`?sheets=plain`), at a task pane's
 * width. It lists the Excel tables of each kind and the range with the header row it
 * found, binds every table found, converts the range, and the Rounds are then two tables
 * checked as one.
 */
import { useBrowser, openPage, screenshot } from "./browser";
import { BASE_URL } from "./config";
import { isolatePage } from "./offline";

jest.setTimeout(120_000);

const browser = useBrowser();

test("finds the tables in the sheets, binds them and converts the range below the titles", async () => {
  const { context, page, problems } = await openPage(browser(), {
    locale: "th-TH",
    width: 360,
    height: 720,
  });
  await isolatePage(context);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${BASE_URL}/taskpane.html?sheets=plain`, { waitUntil: "load" });
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("heading", { name: "ภาพรวม" }).waitFor({ timeout: 60_000 });
  await pane.getByRole("tab", { name: "ตาราง" }).click();

  await pane.getByRole("button", { name: "ค้นหาตารางในแผ่นงาน" }).click();
  const found = pane.getByRole("list", { name: "ตารางที่พบในแผ่นงาน" });
  await found.waitFor();
  // The range under the title, the note and the blank row: its header is row 4.
  await found.getByText(/ช่วง รายงานหน่วยงาน!A4:\S+ หัวคอลัมน์อยู่แถว 4/).waitFor();
  await expect(found.getByText("KaonaRounds ในแผ่นงาน", { exact: false }).count()).resolves.toBe(1);
  const convert = found.getByRole("button", { name: /^แปลง A4:/ });
  await convert.scrollIntoViewIfNeeded();
  await screenshot(page, "tables-found-360");

  await pane.getByRole("button", { name: "ผูกทุกตารางที่พบ" }).click();
  await pane.getByText("ผูกแล้ว").nth(2).waitFor();
  await convert.click();
  await convert.waitFor({ state: "detached" });
  // Found again: the range is now a second table of Rounds, bound with the first.
  await pane.getByRole("button", { name: "ค้นหาอีกครั้ง" }).click();
  await found.getByText(/มีตารางประเภทนี้ 2 ตาราง/).waitFor();
  await expect(found.getByRole("button", { name: /^แปลง A4:/ }).count()).resolves.toBe(0);
  await found.getByText(/มีตารางประเภทนี้ 2 ตาราง/).scrollIntoViewIfNeeded();
  await screenshot(page, "tables-found-360-converted");

  // Checked as one: the check reads three kinds, the Rounds from two sheets.
  await pane.getByRole("tab", { name: "ตรวจสอบ" }).click();
  await pane.getByRole("button", { name: "ตรวจสอบตอนนี้" }).click();
  await pane.locator('button[data-code^="ROUND_"]').first().waitFor();
  await screenshot(page, "tables-found-360-checked");
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
});
