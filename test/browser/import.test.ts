/**
 * The Import page in the browser preview on the sample workbook: paste a printout of a
 * new project (its second page out of step) after seed 001's, see what would change and
 * the rounds to confirm, confirm them, add, and find the rows in the bound tables.
 */
import { printReport, sampleProject } from "../fixtures/printouts";
import { SEED_001_PRINTOUT } from "../fixtures/seedPrintouts";
import { useBrowser, openPage, screenshot } from "./browser";
import { BASE_URL } from "./config";
import { isolatePage } from "./offline";

jest.setTimeout(120_000);

const browser = useBrowser();

test("paste printouts, confirm the out-of-step rounds, add the new rows", async () => {
  const { context, page, problems } = await openPage(browser(), {
    locale: "th-TH",
    width: 1280,
    height: 800,
  });
  await isolatePage(context);
  // The first page load of a run waits for the dev server on a loaded machine.
  await page.goto(`${BASE_URL}/taskpane.html`, { waitUntil: "load", timeout: 90_000 });
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("heading", { name: "ภาพรวม" }).waitFor({ timeout: 60_000 });
  await pane.getByRole("tab", { name: "ตาราง" }).click();
  await pane.getByRole("button", { name: "ผูกตารางอัตโนมัติตามหัวคอลัมน์" }).click();
  await pane.getByText("ผูกแล้ว").nth(2).waitFor();

  await pane.getByRole("tab", { name: "นำเข้า" }).click();
  await pane.getByRole("heading", { name: "นำเข้ารายงานจากระบบ" }).waitFor();
  const printout = printReport(sampleProject("90000000-0001", 4), { shiftFrom: 3 });
  await pane.getByRole("textbox", { name: "ข้อความรายงาน" }).fill(SEED_001_PRINTOUT + printout);
  await pane.getByRole("button", { name: "อ่านข้อความ" }).click();
  await pane.getByRole("heading", { name: "สิ่งที่จะเปลี่ยน" }).waitFor({ timeout: 30_000 });

  // Seed 001 is already in the sample: 9 rows there. The new project: 1 + 4 rows, of which
  // rounds 2–4 are printed out of step and wait for confirmation.
  await pane.getByText("จะเพิ่มโครงการ 1 และรายงานครั้งที่ 1 · มีอยู่แล้ว 9 · ขัดแย้ง (ไม่เขียนทับ) 0").waitFor();
  const add = pane.getByRole("button", { name: "เพิ่มลงในตาราง" });
  expect(await add.isDisabled()).toBe(true);
  const groups = pane.getByRole("radiogroup");
  expect(await groups.count()).toBe(3);
  expect(await pane.getByText(/ใต้ป้ายครั้งที่ 4/).count()).toBeGreaterThan(0);
  await screenshot(page, "import-1-preview");

  for (let index = 0; index < 3; index++)
    await groups.nth(index).getByRole("radio", { name: "ยืนยันตามที่อ่าน" }).check();
  await pane.getByText("จะเพิ่มโครงการ 1 และรายงานครั้งที่ 4 · มีอยู่แล้ว 9 · ขัดแย้ง (ไม่เขียนทับ) 0").waitFor();
  expect(await add.isDisabled()).toBe(false);
  await add.click();
  await pane.getByText("เพิ่มโครงการ 1 และรายงานครั้งที่ 4 แล้ว").waitFor();
  await screenshot(page, "import-2-added");

  // The rows are in the bound tables: the check now sees the new project's rounds.
  await pane.getByRole("tab", { name: "ตาราง" }).click();
  await pane
    .getByText(/23 แถว/)
    .first()
    .waitFor();
  expect(problems.consoleErrors).toEqual([]);
});
