/**
 * Writes the seed projects' report sheets for a visual check (scripts/render-report-png.sh):
 * .xlsx files (TH Sarabun New as shipped, and set in Laksaman, TH Sarabun's TLWG twin,
 * which is what LibreOffice on Linux can show faithfully), the HTML preview, and a PNG of
 * the preview taken with Debian's Chromium. Usage: npx tsx scripts/render-report-samples.ts <outDir>
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { checkTables } from "../src/domain/check";
import { SAMPLE_TABLES } from "../src/domain/sample";
import { FONT_PROFILES, buildIssuesSheet, buildProjectReport, buildSummaryReport, type FontProfile } from "../src/domain/report";
import type { SheetLayout } from "../src/domain/types";
import { layoutsToHtmlDocument } from "../src/render/html";
import { layoutsToXlsx } from "../src/render/xlsx";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromiumLaunchOptions } = require("./chromium.js") as { chromiumLaunchOptions: () => Parameters<typeof chromium.launch>[0] };

async function main(): Promise<void> {
  const out = process.argv[2] ?? "test-output/report";
  mkdirSync(out, { recursive: true });
  const { records, issues } = checkTables(SAMPLE_TABLES);
  const { projects, rounds, indicators } = records;
  const reports = (font: FontProfile | undefined, chart: boolean, lang: "th" | "en" = "th"): SheetLayout[] =>
    projects.map((project) => buildProjectReport({ project, rounds, indicators, options: { mode: "values", lang, chart, font } }));

  const files: [string, SheetLayout[]][] = [];
  reports(undefined, false).forEach((layout, i) => files.push([`seed-00${i}.xlsx`, [layout]]));
  reports(FONT_PROFILES.laksaman, true).forEach((layout, i) => files.push([`seed-00${i}-laksaman.xlsx`, [layout]]));
  reports(FONT_PROFILES.laksaman, false, "en").forEach((layout, i) => files.push([`seed-00${i}-en-laksaman.xlsx`, [layout]]));
  const summary = buildSummaryReport(projects, rounds, indicators, { lang: "th", font: FONT_PROFILES.laksaman });
  files.push(["summary-laksaman.xlsx", [summary, buildIssuesSheet(issues, "th", { font: FONT_PROFILES.laksaman })]]);
  for (const [name, layouts] of files) writeFileSync(join(out, name), await layoutsToXlsx(layouts, { created: new Date(0) }));

  const html = layoutsToHtmlDocument([...reports(undefined, true), summary], "Kaona report preview");
  const htmlPath = join(out, "preview.html");
  writeFileSync(htmlPath, html);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await page.setContent(html, { waitUntil: "load" });
    await page.screenshot({ path: join(out, "preview.png"), fullPage: true });
    // Page-sized views to look at: the top of the first form, its rounds, and its chart.
    const shot = async (name: string, y: number, height: number) =>
      page.screenshot({ path: join(out, name), clip: { x: 0, y: Math.max(0, y), width: 900, height }, fullPage: true });
    await shot("preview-top.png", 0, 1300);
    const table = await page.locator("table").first().boundingBox();
    if (table) await shot("preview-rounds.png", table.y + 1250, 1300);
    const chart = await page.locator("svg").first().boundingBox();
    if (chart) await shot("preview-chart.png", chart.y - 40, chart.height + 500);
  } finally {
    await browser.close();
  }
  console.log(`wrote ${files.length} workbooks, preview.html and preview.png to ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
