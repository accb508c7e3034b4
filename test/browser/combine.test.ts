/**
 * The Combine page in the browser preview on the sample workbook: choose two units'
 * workbooks (made with openpyxl, test/fixtures/units) and a CSV renamed .xlsx, see what
 * would be added per kind and per file, the conflict with both places and the unreadable
 * file's own message; cancel (nothing changes), choose again, add, and find the rows in
 * the bound tables. Then the same with the keyboard only at a task pane's width (360 px).
 * axe-core in every state.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { axeViolations } from "./axe";
import { useBrowser, openPage, screenshot } from "./browser";
import { BASE_URL } from "./config";
import { isolatePage } from "./offline";

jest.setTimeout(180_000);

const UNITS = path.resolve(__dirname, "../fixtures/units");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const unitFile = (name: string) => ({
  name,
  mimeType: XLSX_TYPE,
  buffer: fs.readFileSync(path.join(UNITS, name)),
});
const FILES = [
  unitFile("unit-a.xlsx"),
  unitFile("unit-b.xlsx"),
  {
    name: "เขตค.xlsx",
    mimeType: XLSX_TYPE,
    buffer: Buffer.from("รหัสโครงการ,รายงานครั้งที่\n43000000-0003,1\n", "utf8"),
  },
];

const browser = useBrowser();

/** How far anything on the page sticks out past the pane's right edge, in pixels. */
async function overflow(page: Page): Promise<number> {
  return page.getByTestId("task-pane").evaluate((pane) => {
    const right = pane.getBoundingClientRect().right;
    let most = 0;
    for (const el of Array.from(pane.querySelectorAll("*"))) {
      const box = el.getBoundingClientRect();
      if (box.width > 0) most = Math.max(most, box.right - right);
    }
    return Math.round(most);
  });
}

async function openBound(page: Page): Promise<Locator> {
  await page.emulateMedia({ reducedMotion: "reduce" });
  // The first page load of a run waits for the dev server on a loaded machine.
  await page.goto(`${BASE_URL}/taskpane.html`, { waitUntil: "load", timeout: 90_000 });
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("heading", { name: "ภาพรวม" }).waitFor({ timeout: 60_000 });
  await pane.getByRole("tab", { name: "ตาราง" }).click();
  await pane.getByRole("button", { name: "ผูกตารางอัตโนมัติตามหัวคอลัมน์" }).click();
  await pane.getByText("ผูกแล้ว").nth(2).waitFor();
  return pane;
}

/** What the preview of the three files says, in Thai. */
async function expectPreview(pane: Locator): Promise<void> {
  await pane.getByRole("heading", { name: "สิ่งที่จะเพิ่ม" }).waitFor({ timeout: 30_000 });
  const summary = pane.getByRole("region", { name: "สิ่งที่จะเพิ่ม" });
  const kinds = summary.getByRole("listitem");
  expect(await kinds.evaluateAll((items) => items.map((item) => item.textContent))).toEqual([
    "โครงการ: เพิ่ม 2 แถวมีอยู่แล้ว (เก็บไว้แถวเดียว) 0 · ค่าไม่ตรงกัน 0ต่อท้ายตาราง KaonaProjects",
    "รายงานความก้าวหน้า: เพิ่ม 6 แถวมีอยู่แล้ว (เก็บไว้แถวเดียว) 1 · ค่าไม่ตรงกัน 1ต่อท้ายตาราง KaonaRounds",
    "เกณฑ์ชี้วัด: เพิ่ม 2 แถวมีอยู่แล้ว (เก็บไว้แถวเดียว) 0 · ค่าไม่ตรงกัน 0ต่อท้ายตาราง KaonaIndicators",
  ]);
  expect(await summary.getByText(/ที่มาของแต่ละแถวดูได้ในรายการด้านล่างนี้เท่านั้น/).count()).toBe(1);
  expect(await summary.getByText(/Excel เลิกทำ \(Ctrl\+Z\)/).count()).toBe(1);

  const files = pane.getByRole("region", { name: "ไฟล์ที่เลือก (3)" });
  await files.locator('li[data-file="unit-a.xlsx"]').getByText("อ่านได้").waitFor();
  const csv = files.locator('li[data-file="เขตค.xlsx"]');
  await csv.getByText("อ่านไม่ได้").waitFor();
  await csv.getByText(/เขตค\.xlsx เป็นไฟล์ข้อความ CSV ไม่ใช่เวิร์กบุ๊ก \.xlsx/).waitFor();

  const conflicts = pane.getByRole("region", { name: "ค่าไม่ตรงกัน (1)" });
  const conflict = conflicts.locator('li[data-conflict="41000000-0001 / 2"]');
  await conflict
    .getByText("ใน unit-a.xlsx (ชีต รายงานความก้าวหน้า แถว 3) และ unit-b.xlsx (ชีต รายงาน แถว 6)")
    .waitFor();
  await conflict.getByText("ค่าที่ต่างกัน: ความก้าวหน้าของงาน (%)").waitFor();
  // The rows to add, each with its source.
  await pane.getByText("unit-b.xlsx (ชีต โครงการ แถว 4)").waitFor();
}

test("choose two units' workbooks and a CSV, see the preview, cancel, then add the rows", async () => {
  const { context, page, problems } = await openPage(browser(), {
    locale: "th-TH",
    width: 1280,
    height: 900,
  });
  await isolatePage(context);
  const pane = await openBound(page);

  await pane.getByRole("tab", { name: "รวมเวิร์กบุ๊ก" }).click();
  await pane.getByRole("heading", { name: "รวมเวิร์กบุ๊ก", exact: true }).waitFor();
  const chooser = pane
    .getByLabel("เลือกเวิร์กบุ๊ก (.xlsx)…", { exact: true })
    .and(pane.locator("input"));
  await chooser.setInputFiles(FILES);
  await expectPreview(pane);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "combine-1-preview-wide");

  // Cancel: the preview goes, nothing was added.
  await pane.getByRole("button", { name: "ยกเลิก" }).click();
  expect(await pane.getByRole("heading", { name: "สิ่งที่จะเพิ่ม" }).count()).toBe(0);
  expect(
    await pane
      .getByRole("button", { name: "เลือกเวิร์กบุ๊ก (.xlsx)…" })
      .evaluate((button) => button === document.activeElement)
  ).toBe(true);
  await pane.getByRole("tab", { name: "ตาราง" }).click();
  await pane
    .getByText(/19 แถว/)
    .first()
    .waitFor();

  await pane.getByRole("tab", { name: "รวมเวิร์กบุ๊ก" }).click();
  await chooser.setInputFiles(FILES);
  await expectPreview(pane);
  await pane.getByRole("button", { name: "เพิ่มลงในตาราง (10 แถว)" }).click();
  await pane.getByText(/^เพิ่มแล้ว: โครงการ 2 · รายงานความก้าวหน้า 6 · เกณฑ์ชี้วัด 2 แถว/).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "combine-2-added-wide");

  // The rows are in the bound tables.
  await pane.getByRole("tab", { name: "ตาราง" }).click();
  await pane
    .getByText(/25 แถว/)
    .first()
    .waitFor();
  await pane
    .getByText(/433 แถว/)
    .first()
    .waitFor();
  expect(problems.consoleErrors).toEqual([]);
});

test("keyboard only at 360 px: open Combine, choose the files, add", async () => {
  const { context, page, problems } = await openPage(browser(), {
    locale: "th-TH",
    width: 360,
    height: 720,
  });
  await isolatePage(context);
  const pane = await openBound(page);

  await pane.getByRole("tab", { name: "ตาราง" }).focus();
  for (let step = 0; step < 4; step++) await page.keyboard.press("ArrowRight");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
    "รวมเวิร์กบุ๊ก"
  );
  await page.keyboard.press("Enter");
  await pane.getByRole("heading", { name: "รวมเวิร์กบุ๊ก", exact: true }).waitFor();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "combine-3-page-360");

  // Tab to the button and press Enter: the system's file dialog opens.
  const choose = pane.getByRole("button", { name: "เลือกเวิร์กบุ๊ก (.xlsx)…" });
  for (
    let step = 0;
    step < 10 && !(await choose.evaluate((b) => b === document.activeElement));
    step++
  )
    await page.keyboard.press("Tab");
  const [dialog] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.keyboard.press("Enter"),
  ]);
  expect(dialog.isMultiple()).toBe(true);
  await dialog.setFiles(FILES);
  await expectPreview(pane);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "combine-4-preview-360");
  await pane.getByRole("region", { name: "ไฟล์ที่เลือก (3)" }).scrollIntoViewIfNeeded();
  await screenshot(page, "combine-4b-files-360");
  await pane.getByRole("region", { name: "ค่าไม่ตรงกัน (1)" }).scrollIntoViewIfNeeded();
  await screenshot(page, "combine-4c-conflicts-360");
  await pane
    .getByRole("region", { name: /^แถวที่จะเพิ่มและที่มา: รายงานความก้าวหน้า/ })
    .scrollIntoViewIfNeeded();
  await screenshot(page, "combine-4d-rows-360");

  const add = pane.getByRole("button", { name: "เพิ่มลงในตาราง (10 แถว)" });
  for (
    let step = 0;
    step < 10 && !(await add.evaluate((b) => b === document.activeElement));
    step++
  )
    await page.keyboard.press("Tab");
  expect(await add.evaluate((b) => b === document.activeElement)).toBe(true);
  await page.keyboard.press("Enter");
  await pane.getByText(/^เพิ่มแล้ว: โครงการ 2/).waitFor();
  // The button pressed went with the preview: the focus is on the message saying what was added.
  expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(
    /^เพิ่มแล้ว: โครงการ 2 · รายงานความก้าวหน้า 6 · เกณฑ์ชี้วัด 2 แถว/
  );
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "combine-5-added-360");
  expect(problems.consoleErrors).toEqual([]);
});
