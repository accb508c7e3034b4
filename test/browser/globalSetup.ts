import fs from "node:fs";
import path from "node:path";
import { startDevServer } from "./server";
import { BROWSER_TEST_PORT, STATE_FILE } from "./config";

/** Builds and serves the task pane once for every browser test. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const server = await startDevServer(BROWSER_TEST_PORT);
  (globalThis as { __KAONA_DEV_SERVER__?: unknown }).__KAONA_DEV_SERVER__ = server;
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify({ buildMs: Date.now() - started }));
}
