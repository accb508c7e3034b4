/**
 * Settings. The language is the person's own: kept in their preferences (on their
 * computer), never in the workbook, so co-authors do not switch each other's pane. The
 * workbook's settings (era, tolerance, vocabularies) take effect in this pane at once and
 * are written to the workbook only when the person saves them: a custom XML part write
 * clears Excel's undo stack (office-js#4484), so it must not follow every keystroke.
 * Also here, as it goes with no other part: entering a formula.
 */
import { canonicalJson } from "../../workbook/bindingsMerge";
import { WorkbookError } from "../../workbook/port";
import { parseSettings, settingsToStored, type KaonaSettings } from "../settings";
import type { BindingActions } from "./bindings";
import type { CheckActions } from "./checking";
import type { SessionContext } from "./store";

/**
 * The workbook's settings as stored, with what this pane changed: a setting left as the
 * workbook had it (or at its default, never stored) stays as stored, so saving does not
 * undo a co-author's change of it. A stored language (from earlier versions) is dropped.
 */
function changedSettings(
  settings: KaonaSettings,
  stored: Record<string, unknown> | undefined
): Record<string, unknown> {
  const wanted = settingsToStored(settings);
  const asRead = settingsToStored(parseSettings(stored));
  const result: Record<string, unknown> = { ...stored };
  delete result.language;
  for (const [key, value] of Object.entries(wanted))
    if (canonicalJson(value) !== canonicalJson(asRead[key])) result[key] = value;
  return result;
}

export class SettingsActions {
  constructor(
    private readonly ctx: SessionContext,
    private readonly bindings: BindingActions,
    private readonly checks: CheckActions
  ) {}

  /** Applies a change in this pane; the language is remembered for the person at once, the
   * rest waits for `saveSettings`. */
  async updateSettings(patch: Partial<KaonaSettings>): Promise<void> {
    const { store } = this.ctx;
    const { language, ...workbookPatch } = patch;
    if (language !== undefined) {
      this.ctx.preferences.save({ language });
      store.set({ settings: { ...store.get().settings, language } });
    }
    if (Object.keys(workbookPatch).length > 0)
      store.set({ settings: { ...store.get().settings, ...workbookPatch }, settingsUnsaved: true });
    await this.recheckIfNeeded(patch);
  }

  /** Writes the workbook's settings (merged with a co-author's meanwhile). */
  async saveSettings(): Promise<boolean | undefined> {
    const { store } = this.ctx;
    return store.act("settings", async () => {
      const settings = changedSettings(store.get().settings, store.get().bindings.settings);
      // Saved settings are re-read with the merged bindings, a co-author's among them.
      store.set({ settingsUnsaved: false });
      try {
        await this.bindings.save({ ...store.get().bindings, settings });
      } catch (error) {
        store.set({ settingsUnsaved: true });
        throw error;
      }
      return true;
    });
  }

  /** Back to the workbook's settings (the language stays). */
  async discardSettings(): Promise<void> {
    const { store } = this.ctx;
    const before = store.get().settings;
    const stored = parseSettings(store.get().bindings.settings);
    store.set({ settings: { ...stored, language: before.language }, settingsUnsaved: false });
    await this.recheckIfNeeded({
      vocabularies: stored.vocabularies === before.vocabularies ? undefined : stored.vocabularies,
      planTolerance:
        stored.planTolerance === before.planTolerance ? undefined : stored.planTolerance,
    });
  }

  private async recheckIfNeeded(patch: Partial<KaonaSettings>): Promise<void> {
    const checksDependOnIt = patch.vocabularies !== undefined || patch.planTolerance !== undefined;
    if (checksDependOnIt && this.ctx.store.get().check) await this.checks.runCheck("manual");
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
