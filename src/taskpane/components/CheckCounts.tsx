import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { CheckRun } from "../../app/session";
import { useApp } from "../appContext";
import { formatCount, formatMoment } from "../format";
import { CountBadge } from "./badges";

const useStyles = makeStyles({
  counts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The last check's errors, warnings and notes as badges, when it ran over how many rows,
 * and whether it follows a co-author's edit (the Home and Check pages show the same). */
export function CheckCounts({ check, live }: { check: CheckRun; live?: boolean }): ReactElement {
  const { t, lang, state } = useApp();
  const styles = useStyles();
  return (
    <>
      <div className={styles.counts} aria-live={live ? "polite" : undefined}>
        <CountBadge severity="error" count={check.result.summary.errors} t={t} />
        <CountBadge severity="warning" count={check.result.summary.warnings} t={t} />
        <CountBadge severity="info" count={check.result.summary.infos} t={t} />
      </div>
      <Text size={200} className={styles.muted}>
        {t("home.check.when", {
          time: formatMoment(check.checkedAt, lang, state.settings.dateEra),
          rows: formatCount(
            check.tables.reduce((sum, table) => sum + table.rows, 0),
            lang
          ),
        })}
        {check.remote ? ` · ${t("check.remote")}` : ""}
      </Text>
      {/* With live checking off, edits since this check are not looked at: say so, so a
          clean result is never taken for the current state of the data. */}
      {!state.live && (
        <Text as="p" size={200} className={styles.muted} data-testid="check-may-be-stale">
          {t("check.mayBeStale")}
        </Text>
      )}
    </>
  );
}
