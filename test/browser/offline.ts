import type { BrowserContext } from "playwright-core";

/** office.js opens Microsoft's telemetry frame after a while; the test machine has no
 * network, so it gets an empty page instead of a failed request. */
export async function answerOfficeTelemetry(context: BrowserContext): Promise<void> {
  await context.route("https://telemetryservice.firstpartyapps.oaspapps.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "" })
  );
}
