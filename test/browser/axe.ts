import type { Page } from "playwright-core";

interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: { target: unknown[] }[];
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Contrast measured mid-transition (a card fading in, a button leaving its busy state) is
  // not what a person sees: let running animations and transitions end first.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // A spinner turns forever: wait only for what ends.
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined))
    )
  );
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  const violations = await page.evaluate(async () => {
    type Context = { exclude: string[][] };
    const axe = (
      window as unknown as {
        axe: { run(context: Context): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    // Fluent's focus manager (Tabster) puts hidden focus sentinels around some groups;
    // they pass focus on at once and are not content (a known axe false positive).
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.join(" | ")}`);
}

/** Every axe-core violation id, whatever its impact (landmark and region rules are moderate). */
export async function axeViolationIds(page: Page): Promise<string[]> {
  await axeViolations(page); // injects axe when missing
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: { exclude: string[][] }): Promise<{ violations: { id: string }[] }>;
        };
      }
    ).axe;
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return result.violations.map((v) => v.id);
  });
}
