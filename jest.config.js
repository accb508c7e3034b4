/**
 * Jest runs two projects: `unit` (domain, functions, workbook fakes, CLI, React components)
 * and `browser` (the task pane served by webpack-dev-server and driven in Debian's Chromium
 * with playwright-core). Types are checked by `npm run typecheck`, not here.
 */
const tsTransform = {
  "^.+\\.tsx?$": [
    "ts-jest",
    {
      tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", isolatedModules: true },
      diagnostics: false,
    },
  ],
};

const shared = {
  transform: tsTransform,
  testPathIgnorePatterns: ["/node_modules/", "/dist/", "/test-output/"],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/src", "<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, "<rootDir>/test/browser/"],
    },
    {
      ...shared,
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.test.ts"],
      globalSetup: "<rootDir>/test/browser/globalSetup.ts",
      globalTeardown: "<rootDir>/test/browser/globalTeardown.ts",
    },
  ],
};
