import path from "node:path";

/** A port of its own, so the tests never meet a dev server started by `npm start` (3000). */
export const BROWSER_TEST_PORT = Number(process.env.KAONA_TEST_PORT || 3311);
export const BASE_URL = `https://localhost:${BROWSER_TEST_PORT}`;
export const OUTPUT_DIR = path.resolve(__dirname, "..", "..", "test-output");
export const SCREENSHOT_DIR = path.join(OUTPUT_DIR, "screenshots");
export const STATE_FILE = path.join(OUTPUT_DIR, "browser-state.json");
