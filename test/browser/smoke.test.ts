import fs from "node:fs";
import { useBrowser, openPage, screenshot } from "./browser";
import { BASE_URL } from "./config";
import { isolatePage } from "./offline";

jest.setTimeout(120_000);

const browser = useBrowser();

test("the task pane opens as the browser preview, in Thai, with no console error or failed request", async () => {
  const { context, page, problems } = await openPage(browser(), { locale: "th-TH" });
  await isolatePage(context);
  await page.goto(`${BASE_URL}/taskpane.html`, { waitUntil: "load" });
  await page.getByRole("heading", { name: "ภาพรวม" }).waitFor({ timeout: 60_000 });
  expect(await page.getByText("โหมดทดลองในเบราว์เซอร์").isVisible()).toBe(true);
  const file = await screenshot(page, "smoke-taskpane-th");
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  await context.close();
});

test("English follows the browser's language outside Office", async () => {
  const { context, page, problems } = await openPage(browser(), {
    locale: "en-US",
    width: 360,
    height: 720,
  });
  await isolatePage(context);
  await page.goto(`${BASE_URL}/taskpane.html`, { waitUntil: "load" });
  await page.getByRole("heading", { name: "Overview" }).waitFor({ timeout: 60_000 });
  await screenshot(page, "smoke-taskpane-en-narrow");
  expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
  await context.close();
});

test("every URL in the manifest is served by the build", async () => {
  const manifest = fs.readFileSync("manifest.xml", "utf8");
  const urls = [
    ...new Set([...manifest.matchAll(/https:\/\/localhost:3000(\/[^"<\s]*)/g)].map((m) => m[1])),
  ];
  expect(urls).toEqual(
    expect.arrayContaining([
      "/taskpane.html",
      "/functions.js",
      "/functions.json",
      "/functions.th-TH.json",
    ])
  );
  const { context, page } = await openPage(browser());
  for (const urlPath of urls) {
    const response = await page.request.get(`${BASE_URL}${urlPath}`);
    expect({ urlPath, status: response.status() }).toEqual({ urlPath, status: 200 });
  }
  await context.close();
});
