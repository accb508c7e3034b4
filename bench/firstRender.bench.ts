/**
 * Benchmark: time to the task pane's first page heading in Chromium, from a cold start
 * (fresh browser context, empty cache), median of 5. Serves the production build (built
 * into test-output/dist-bench when missing; `bench/bundle.bench.ts` builds the same) with a
 * plain static server; office.js comes from @microsoft/office-js in place of Microsoft's
 * CDN, so the page runs as the browser preview on the sample workbook, as it does outside
 * Excel. Run: `npx tsx bench/firstRender.bench.ts`.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium } from "playwright-core";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, "test-output", "dist-bench");
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const RUNS = 5;

const { chromiumLaunchOptions } = require("../scripts/chromium") as {
  chromiumLaunchOptions(): Parameters<typeof chromium.launch>[0];
};

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

async function buildIfMissing(): Promise<void> {
  if (fs.existsSync(path.join(OUT_DIR, "taskpane.html"))) return;

  const factory = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: { mode: string }
  ) => Promise<webpack.Configuration>;
  const config = await factory({ outDir: path.relative(ROOT, OUT_DIR) }, { mode: "production" });
  await new Promise<void>((resolve, reject) => {
    const compiler = webpack({ ...config, context: ROOT });
    compiler.run((error, stats) =>
      error || stats?.hasErrors()
        ? reject(error ?? new Error(stats?.toString("errors-only")))
        : compiler.close(() => resolve())
    );
  });
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const file = path.join(
      dir,
      decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)
    );
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  await buildIfMissing();
  const server = await serve(OUT_DIR);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch(chromiumLaunchOptions());
  const rows: string[] = [];
  try {
    for (const [label, viewport, locale] of [
      ["task pane 360 px, Thai", { width: 360, height: 720 }, "th-TH"],
      ["preview 1280 px, Thai", { width: 1280, height: 800 }, "th-TH"],
    ] as const) {
      const heading: number[] = [];
      const content: number[] = [];
      const scripts: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport, locale });
        await context.route("https://appsforoffice.microsoft.com/lib/1/hosted/**", (route) => {
          const name = new URL(route.request().url()).pathname.split("/hosted/")[1];
          const file = path.join(OFFICE_JS_DIST, name);
          return fs.existsSync(file)
            ? route.fulfill({ path: file })
            : route.fulfill({ status: 404 });
        });
        await context.route(/telemetryservice|oaspapps/, (route) =>
          route.fulfill({ status: 200, body: "" })
        );
        const page = await context.newPage();
        await page.goto(`${base}/taskpane.html`, { waitUntil: "commit" });
        const at = await page.waitForFunction(
          () => {
            const h1 = document.querySelector("main h1");
            return h1 && h1.textContent ? performance.now() : false;
          },
          undefined,
          { polling: "raf", timeout: 60_000 }
        );
        heading.push(Number(await at.jsonValue()));
        const card = await page.waitForFunction(
          () => (document.querySelector("#next-step-title") ? performance.now() : false),
          undefined,
          { polling: "raf", timeout: 60_000 }
        );
        content.push(Number(await card.jsonValue()));
        scripts.push(
          await page.evaluate(
            () =>
              performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".js")).length
          )
        );
        await context.close();
      }
      rows.push(
        `| ${label} | ${Math.round(median(heading))} | ${Math.round(Math.min(...heading))}–${Math.round(Math.max(...heading))} | ${Math.round(median(content))} | ${median(scripts)} |`
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    `Production build, cold cache, median of ${RUNS} runs (milliseconds from navigation start).\n`
  );
  console.log(
    "| page | first heading (median) | range | Home's next step shown | scripts loaded |"
  );
  console.log("|---|---:|---:|---:|---:|");
  console.log(rows.join("\n"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
