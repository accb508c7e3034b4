import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactElement } from "react";
import { nextStep } from "../../app/nextStep";
import { TABLE_KINDS } from "../../domain/tableKinds";
import { useApp } from "../appContext";
import { BindingBadge } from "../components/badges";
import { CheckCounts } from "../components/CheckCounts";
import { NextStepCard } from "../components/NextStepCard";
import { PageHeader } from "../components/PageHeader";
import { PageSection } from "../components/PageSection";
import { formatCount } from "../format";
import { stackedList } from "../styles";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  list: stackedList(tokens.spacingVerticalS),
  item: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  meta: { color: tokens.colorNeutralForeground3, gridColumn: "1 / -1", wordBreak: "break-word" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export default function HomePage(): ReactElement {
  const app = useApp();
  const { t, state, lang } = app;
  const styles = useStyles();
  const check = state.check;
  return (
    <>
      <PageHeader page="home" title={t("page.home.title")} />
      <section className={styles.section} aria-label={t("home.next.label")}>
        <NextStepCard step={nextStep(state)} app={app} />
      </section>

      <PageSection className={styles.section} id="home-bound" title={t("home.bound.title")}>
        <ul className={styles.list}>
          {TABLE_KINDS.map((kind) => {
            const bound = state.bound[kind];
            return (
              <li key={kind} className={styles.item} data-kind={kind}>
                <Text weight="semibold">{t(`kind.${kind}`)}</Text>
                <BindingBadge bound={bound} t={t} />
                <Text size={200} className={styles.meta}>
                  {bound?.table
                    ? t("home.bound.where", {
                        table: bound.table.name,
                        sheet: bound.table.sheet,
                        rows: formatCount(bound.table.rowCount, lang),
                      })
                    : bound
                      ? t("home.bound.gone", { table: bound.binding.tableName })
                      : kind === "indicators"
                        ? t("home.bound.optional")
                        : t("home.bound.notBound")}
                </Text>
              </li>
            );
          })}
        </ul>
      </PageSection>

      <PageSection className={styles.section} id="home-check" title={t("home.check.title")}>
        {check ? (
          <>
            <CheckCounts check={check} />
          </>
        ) : (
          <Text size={200} className={styles.muted}>
            {state.checking ? t("check.running") : t("home.check.never")}
          </Text>
        )}
      </PageSection>
    </>
  );
}
