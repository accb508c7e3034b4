/** The workbook's Kaona settings (language, era, tolerance, vocabularies) and the smaller
 * actions that go with no other part: entering a formula. */
import { WorkbookError } from "../../workbook/port";
import { settingsToStored, type KaonaSettings } from "../settings";
import type { CheckActions } from "./checking";
import type { SessionContext } from "./store";

export class SettingsActions {
  constructor(
    private readonly ctx: SessionContext,
    private readonly checks: CheckActions
  ) {}

  async updateSettings(patch: Partial<KaonaSettings>): Promise<void> {
    const { store } = this.ctx;
    const settings = { ...store.get().settings, ...patch };
    // Shown at once (a language switch must not wait for the workbook), then stored.
    store.set({ settings });
    await store.act("settings", async () => {
      const bindings = { ...store.get().bindings, settings: settingsToStored(settings) };
      await this.ctx.workbook.saveBindings(bindings);
      store.set({ bindings });
    });
    const checksDependOnIt = patch.vocabularies !== undefined || patch.planTolerance !== undefined;
    if (checksDependOnIt && store.get().check) await this.checks.runCheck("manual");
  }

  /** Enters a formula in the active cell; "not-supported" where the workbook cannot. */
  async insertFormula(formula: string): Promise<{ sheet: string; cell: string } | undefined> {
    return this.ctx.store.act("insert", async () => {
      const { workbook } = this.ctx;
      if (!workbook.insertIntoSelectedCell)
        throw new WorkbookError(
          "not-supported",
          "this workbook cannot insert into the selected cell"
        );
      return workbook.insertIntoSelectedCell(formula);
    });
  }
}
