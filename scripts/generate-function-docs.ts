/**
 * Writes docs/functions.md, the KPI.* function reference, from src/functions/catalog.ts.
 * Run: npx tsx scripts/generate-function-docs.ts   (add --check to fail when it is stale)
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderFunctionReference } from "../src/functions/reference";

const target = path.join(__dirname, "..", "docs", "functions.md");
const content = renderFunctionReference();

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    current = "";
  }
  if (current !== content) {
    console.error(`${path.relative(process.cwd(), target)} is out of date: run npx tsx scripts/generate-function-docs.ts`);
    process.exit(1);
  }
  console.log(`${path.relative(process.cwd(), target)} is up to date`);
} else {
  writeFileSync(target, content, "utf8");
  console.log(`Wrote ${path.relative(process.cwd(), target)}`);
}
