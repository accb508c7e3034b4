#!/usr/bin/env node
// Renders assets/icon.svg to the PNG sizes the manifest and Office ask for (16, 32, 64, 80,
// 128 px) with Debian's Chromium. Run after editing the SVG: `node scripts/render-icons.js`.
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");
const { chromiumLaunchOptions } = require("./chromium");

(async () => {
  const read = (name) => fs.readFileSync(path.join(__dirname, "..", "assets", name), "utf8");
  const svg = read("icon.svg");
  // 16 px has its own drawing on the pixel grid; scaling the large one down blurs it.
  const svg16 = read("icon-16.svg");
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (const size of [16, 32, 64, 80, 128]) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${(size === 16 ? svg16 : svg).replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      const out = path.join(__dirname, "..", "assets", `icon-${size}.png`);
      await page.screenshot({ path: out, omitBackground: true });
      await page.close();
      console.log(`wrote ${path.relative(process.cwd(), out)}`);
    }
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
