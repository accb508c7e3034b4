import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { SCREENSHOT_DIR } from "./config";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromiumLaunchOptions } = require("../../scripts/chromium") as {
  chromiumLaunchOptions(): Parameters<typeof chromium.launch>[0];
};

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/** Everything on a page that a person would call broken: console errors, failed requests. */
/** One browser for a test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser did not start (see beforeAll's error)");
    return browser;
  };
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

export async function openPage(
  browser: Browser,
  options: { locale?: string; width?: number; height?: number } = {}
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true, // the dev CA cannot be installed on Linux (see TOOLCHAIN.md)
    locale: options.locale ?? "th-TH",
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
  });
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) =>
    problems.failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ""}`)
  );
  page.on("response", (response) => {
    if (response.status() >= 400)
      problems.failedRequests.push(`${response.url()} HTTP ${response.status()}`);
  });
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** How far anything on the page sticks out past the pane's right edge, in pixels. */
export async function overflow(page: Page): Promise<number> {
  return page.getByTestId("task-pane").evaluate((pane) => {
    const right = pane.getBoundingClientRect().right;
    let worst = 0;
    for (const element of pane.querySelectorAll("main *")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === "hidden")
        continue;
      // What an ancestor clips (overflow other than visible) cannot be seen sticking out.
      let visibleRight = box.right;
      // (<main> scrolls, so it would clip everything: stop below it.)
      for (let a = element.parentElement; a && a.tagName !== "MAIN"; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible")
          visibleRight = Math.min(visibleRight, a.getBoundingClientRect().right);
      }
      worst = Math.max(worst, visibleRight - right);
    }
    return Math.round(worst);
  });
}
