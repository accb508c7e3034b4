/**
 * The Tables page's "found in the sheets": the tables table discovery finds in every sheet
 * (as `kaona check` does on a file). Excel tables of each kind to bind together (several of
 * a kind are checked as one), plain ranges to convert with the header row found (title rows
 * above stay as they are), and what discovery assumed (hidden sheets or columns, totals
 * rows), each at its sheet and cell.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  DocumentSearch16Regular,
  Link16Regular,
  TableSimple16Regular,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { TABLE_KINDS } from "../../domain/schema";
import { useApp } from "../appContext";
import { PageSection } from "../components/PageSection";
import { formatCount } from "../format";
import { spacedSection } from "../styles";

const useStyles = makeStyles({
  section: spacedSection,
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalS, wordBreak: "break-word" },
  note: { color: tokens.colorNeutralForeground3, wordBreak: "break-word" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function FoundTables(): ReactElement | null {
  const { t, lang, session, state } = useApp();
  const styles = useStyles();
  const found = state.suggestions;
  const busy = state.busy !== null;
  const canRead = session.canDiscoverTables();
  if (!canRead) return null;
  const unboundKinds = TABLE_KINDS.filter(
    (kind) => !state.bound[kind] && found?.tables.some((s) => s.kind === kind)
  );

  return (
    <PageSection
      className={styles.section}
      id="tables-found"
      title={t("tables.found.title")}
      intro={t("tables.found.intro")}
    >
      <div className={styles.actions}>
        <Button
          icon={<DocumentSearch16Regular />}
          disabled={busy}
          onClick={() => void session.discoverTables()}
        >
          {found ? t("tables.found.again") : t("tables.found.button")}
        </Button>
        {unboundKinds.length > 0 && (
          <Button
            appearance="primary"
            icon={<Link16Regular />}
            disabled={busy}
            onClick={() => void session.bindFoundTables()}
          >
            {t("tables.found.bindAll")}
          </Button>
        )}
      </div>
      {found && (
        <>
          {found.tables.length + found.ranges.length === 0 && (
            <Text className={styles.note}>{t("tables.found.none")}</Text>
          )}
          <ul className={styles.list} aria-label={t("tables.found.title")}>
            {TABLE_KINDS.flatMap((kind) => {
              const ofKind = found.tables.filter((s) => s.kind === kind);
              if (ofKind.length === 0) return [];
              return [
                <li key={`t-${kind}`} className={styles.item}>
                  <Text weight="semibold">{t(`kind.${kind}`)}</Text>{" "}
                  <Text size={200}>
                    {ofKind
                      .map(
                        (s) =>
                          t("tables.found.table", { name: s.name, sheet: s.sheet }) +
                          (s.hiddenSheet ? ` (${t("tables.found.hiddenSheet")})` : "")
                      )
                      .join(", ")}
                  </Text>
                  {ofKind.length > 1 && (
                    <Text as="p" block size={200} className={styles.note}>
                      {t("tables.found.several", { count: ofKind.length })}
                    </Text>
                  )}
                </li>,
              ];
            })}
            {found.ranges.map((range) => (
              <li key={`r-${range.sheet}-${range.address}`} className={styles.item}>
                <Text weight="semibold">{t(`kind.${range.kind}`)}</Text>{" "}
                <Text size={200}>
                  {t("tables.found.range", {
                    sheet: range.sheet,
                    address: range.address,
                    header: range.headerRows.join("–"),
                    rows: formatCount(range.rows, lang),
                  })}
                  {range.hiddenSheet ? ` (${t("tables.found.hiddenSheet")})` : ""}
                </Text>
                {range.headerRows.length > 1 ? (
                  <Text as="p" block size={200} className={styles.note}>
                    {t("tables.found.twoRows", { rows: range.headerRows.join(", ") })}
                  </Text>
                ) : (
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      icon={<TableSimple16Regular />}
                      disabled={busy}
                      onClick={() => void session.convertFoundRange(range)}
                    >
                      {t("tables.found.convert", { address: range.address })}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {found.notices.length > 0 && (
            <ul className={styles.list} aria-label={t("tables.found.notices")}>
              {found.notices.map((issue, i) => (
                <li key={i} className={styles.note}>
                  <Text size={200}>
                    {issue.sheet}!{issue.cell}: {issue.message[lang]}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          {found.sheetsWithoutTables.length > 0 && (
            <Text size={200} className={styles.note}>
              {t("tables.found.noTable", { sheets: found.sheetsWithoutTables.join(", ") })}
            </Text>
          )}
        </>
      )}
    </PageSection>
  );
}
