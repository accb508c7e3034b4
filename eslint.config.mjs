// Lint rules: Office's own (office-addin-lint's recommended set with Prettier), React's for the
// task pane, and the layer boundaries: a pure src/domain, Office.js only in src/workbook/excel,
// and the task pane importing Excel code only in its composition root (src/taskpane/index.tsx).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import prettier from "eslint-plugin-prettier";
import globals from "globals";

const officeGlobals = { Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeExtension: "readonly" };

/** Office.js lives in src/workbook/excel (and the thin functions entry); the rest must not reach for it. */
const noOfficeGlobals = [
  { name: "Office", message: "Office.js belongs in src/workbook/excel." },
  { name: "Excel", message: "Office.js belongs in src/workbook/excel." },
  { name: "OfficeExtension", message: "Office.js belongs in src/workbook/excel." },
];

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node, ...officeGlobals },
    },
    settings: { react: { version: "19" } },
    rules: {
      // TypeScript checks these better than ESLint's core rules.
      "no-undef": "off",
      "no-redeclare": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    // Office's recommended block covers .ts; .tsx needs the same TypeScript and Prettier rules.
    files: ["**/*.tsx"],
    plugins: { "@typescript-eslint": tsPlugin, prettier },
  },
  {
    // The domain is pure: no Office, React, DOM, Node, nor the layers above it.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/workbook", "**/workbook/**", "**/taskpane", "**/taskpane/**", "**/functions", "**/functions/**", "**/render", "**/render/**", "**/cli", "**/cli/**", "**/i18n", "**/i18n/**", "**/app", "**/app/**"],
              message: "src/domain imports no other layer.",
            },
            { group: ["react", "react-dom", "react/*", "@fluentui/*", "@microsoft/office-js", "office-*", "exceljs"], message: "src/domain stays free of UI and Office libraries." },
            { group: ["node:*", "fs", "path", "os", "child_process"], message: "src/domain stays free of Node built-ins." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...noOfficeGlobals,
        { name: "window", message: "src/domain has no DOM." },
        { name: "document", message: "src/domain has no DOM." },
        { name: "navigator", message: "src/domain has no DOM." },
        { name: "localStorage", message: "src/domain has no DOM." },
        { name: "CustomFunctions", message: "src/domain knows nothing of Excel." },
      ],
    },
  },
  {
    // The use cases (the rules the task pane and the CLI share) are pure too: the domain only.
    files: ["src/usecases/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/workbook", "**/workbook/**", "**/taskpane", "**/taskpane/**", "**/functions", "**/functions/**", "**/render", "**/render/**", "**/cli", "**/cli/**", "**/i18n", "**/i18n/**", "**/app", "**/app/**"],
              message: "src/usecases imports the domain only.",
            },
            { group: ["react", "react-dom", "react/*", "@fluentui/*", "@microsoft/office-js", "office-*", "exceljs"], message: "src/usecases stays free of UI and Office libraries." },
            { group: ["node:*", "fs", "path", "os", "child_process"], message: "src/usecases stays free of Node built-ins." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...noOfficeGlobals,
        { name: "window", message: "src/usecases has no DOM." },
        { name: "document", message: "src/usecases has no DOM." },
        { name: "navigator", message: "src/usecases has no DOM." },
        { name: "localStorage", message: "src/usecases has no DOM." },
        { name: "CustomFunctions", message: "src/usecases knows nothing of Excel." },
      ],
    },
  },
  {
    // The task pane reaches Excel code only through its composition root (index.tsx), which
    // picks the workbook; pages and components see the port, the session and src/app.
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/workbook/excel", "**/workbook/excel/**"],
              message: "The task pane imports Excel code only in src/taskpane/index.tsx; use src/app and the workbook port.",
            },
          ],
        },
      ],
    },
  },
  {
    // Only the Excel side of the workbook port and the functions' entry touch Office.js.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/app/**/*.ts", "src/render/**/*.ts", "src/cli/**/*.ts", "src/i18n/**/*.ts", "src/workbook/memory/**/*.ts", "src/workbook/xlsx/**/*.ts"],
    rules: { "no-restricted-globals": ["error", ...noOfficeGlobals] },
  },
];
