/**
 * The layer rules of ARCHITECTURE.md are lint rules (eslint.config.mjs); these tests show
 * that the rules bite, by linting probe sources through ESLint's stdin as if they were
 * files of each layer. `npm run lint` holds the real tree to them.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

function lintAs(fileName: string, source: string): { rule: string; message: string }[] {
  const result = spawnSync(
    process.execPath,
    [
      ESLINT,
      "-c",
      "eslint.config.mjs",
      "--format",
      "json",
      "--stdin",
      "--stdin-filename",
      fileName,
    ],
    { cwd: ROOT, input: source, encoding: "utf8" }
  );
  const [report] = JSON.parse(result.stdout) as {
    messages: { ruleId: string; message: string }[];
  }[];
  return report.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

jest.setTimeout(60_000);

test("src/domain may not import React, Office, exceljs, Node or the other layers", () => {
  const found = lintAs(
    "src/domain/probe.ts",
    [
      'import { useState } from "react";',
      'import ExcelJS from "exceljs";',
      'import fs from "node:fs";',
      'import type { Workbook } from "../workbook/port";',
      'import { translate } from "../i18n";',
      "export const probe = (w: Workbook): unknown[] => [useState, ExcelJS, fs, w, translate];",
      "",
    ].join("\n")
  ).filter((m) => m.rule === "no-restricted-imports");
  expect(found).toHaveLength(5);
});

test("src/domain may not use the DOM or Office globals", () => {
  const found = lintAs(
    "src/domain/probe.ts",
    "export const probe = (): unknown[] => [document.title, window.location, Excel.run, Office.context];\n"
  ).filter((m) => m.rule === "no-restricted-globals");
  expect(found.map((m) => m.message)).toEqual([
    expect.stringContaining("no DOM"),
    expect.stringContaining("no DOM"),
    expect.stringContaining("src/workbook/excel"),
    expect.stringContaining("src/workbook/excel"),
  ]);
});

test("the task pane may not call Office.js directly, the Excel side of the port may", () => {
  const source = "export const probe = (): unknown => Excel.run(async () => undefined);\n";
  expect(lintAs("src/taskpane/probe.ts", source).map((m) => m.rule)).toContain(
    "no-restricted-globals"
  );
  expect(lintAs("src/workbook/excel/probe.ts", source).map((m) => m.rule)).not.toContain(
    "no-restricted-globals"
  );
});

test("the task pane imports Excel code only in its composition root", () => {
  const source =
    'import { detectHost } from "../workbook/excel/officeHost";\nexport const probe = detectHost;\n';
  const inPage = lintAs("src/taskpane/pages/Probe.tsx", source.replace('"../', '"../../'));
  expect(inPage.filter((m) => m.rule === "no-restricted-imports").map((m) => m.message)).toEqual([
    expect.stringContaining("only in src/taskpane/index.tsx"),
  ]);
  expect(lintAs("src/taskpane/probe.ts", source).map((m) => m.rule)).toContain(
    "no-restricted-imports"
  );
  expect(lintAs("src/taskpane/index.tsx", source).map((m) => m.rule)).not.toContain(
    "no-restricted-imports"
  );
});

test("src/usecases may use the domain only: no React, Office, exceljs, Node, DOM or other layers", () => {
  const found = lintAs(
    "src/usecases/probe.ts",
    [
      'import { useState } from "react";',
      'import ExcelJS from "exceljs";',
      'import fs from "node:fs";',
      'import type { Workbook } from "../workbook/port";',
      'import { KaonaSession } from "../app/session";',
      'import { projectCodeKey } from "../domain/compute";',
      "export const probe = (w: Workbook): unknown[] => [useState, ExcelJS, fs, w, KaonaSession, projectCodeKey, document.title, Excel.run];",
      "",
    ].join("\n"),
  );
  expect(found.filter((m) => m.rule === "no-restricted-imports")).toHaveLength(5);
  expect(found.filter((m) => m.rule === "no-restricted-globals").map((m) => m.message)).toEqual([
    expect.stringContaining("no DOM"),
    expect.stringContaining("src/workbook/excel"),
  ]);
});
