import type { BrowserContext } from "playwright-core";

/**
 * office.js opens Microsoft's telemetry frame after a while; the test machine has no
 * network, so the tests answer it with an empty page instead of a failed request.
 * (The test server has no live-reload socket: see server.ts.)
 */
export async function isolatePage(context: BrowserContext): Promise<void> {
  await context.route("https://telemetryservice.firstpartyapps.oaspapps.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "" })
  );
}
