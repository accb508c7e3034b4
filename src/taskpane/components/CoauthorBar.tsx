import type { ReactElement } from "react";
import type { CoauthorChange } from "../../app/session";
import type { Translate } from "../../i18n";
import { useApp } from "../appContext";
import { PaneBar } from "./PaneBar";

const SETTING_LABELS = {
  planTolerance: "settings.tolerance.label",
  dateEra: "settings.dates.label",
  vocabularies: "settings.vocab.title",
} as const;

function describe(
  t: Translate,
  kinds: CoauthorChange["kinds"],
  settings: readonly string[]
): string {
  const tables = kinds.map((kind) => t("coauthor.table", { kind: t(`kind.${kind}`) }));
  const named = settings.map((key) =>
    key in SETTING_LABELS
      ? t(SETTING_LABELS[key as keyof typeof SETTING_LABELS])
      : t("coauthor.settings")
  );
  return [...new Set([...tables, ...named])].join(", ");
}

/** A co-author changed the bindings or settings while this pane had them open: what was kept
 * of theirs, and what this pane's save replaced. */
export function CoauthorBar(): ReactElement | null {
  const { state, session, t } = useApp();
  const change = state.coauthorChange;
  if (!change) return null;
  const keptKinds = change.kinds.filter((k) => !change.overridden.includes(k));
  const keptSettings = change.settings.filter((k) => !change.settingsOverridden.includes(k));
  const kept = describe(t, keptKinds, keptSettings);
  const replaced = describe(t, change.overridden, change.settingsOverridden);
  return (
    <PaneBar
      intent="warning"
      role="status"
      title={t("coauthor.title")}
      onDismiss={() => session.dismissCoauthorChange()}
    >
      {kept && t("coauthor.kept", { what: kept })}{" "}
      {replaced && t("coauthor.overridden", { what: replaced })}
    </PaneBar>
  );
}
