import {
  Button,
  Card,
  CardHeader,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowRight16Regular, Lightbulb24Regular } from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { nextStep, type NextStep } from "../../app/nextStep";
import { TABLE_KIND_ORDER } from "../../app/session";
import { useApp, type AppContextValue } from "../appContext";
import { BindingBadge } from "../components/badges";
import { CheckCounts } from "../components/CheckCounts";
import { PageHeader } from "../components/PageHeader";
import { PageSection } from "../components/PageSection";
import { formatCount } from "../format";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  next: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
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

function NextStepCard({
  step,
  app,
}: {
  step: NextStep;
  app: AppContextValue;
}): ReactElement | null {
  const styles = useStyles();
  const { t, navigate, session, state } = app;
  if (step.step === "loading") return <Spinner size="tiny" label={t("app.loading")} />;
  const go = (label: string, action: () => void, primary = true) => (
    <Button
      appearance={primary ? "primary" : "secondary"}
      icon={primary ? <ArrowRight16Regular /> : undefined}
      iconPosition="after"
      onClick={action}
      disabled={state.busy !== null}
    >
      {label}
    </Button>
  );
  let title: string;
  let body: string;
  let actions: ReactElement;
  switch (step.step) {
    case "createOrSample":
      title = t("home.next.createOrSample.title");
      body = t("home.next.createOrSample.body");
      actions = (
        <>
          {go(t("home.next.sample"), () => void session.insertSampleData())}
          {go(t("home.next.toTables"), () => navigate("tables"), false)}
        </>
      );
      break;
    case "bind":
      title = t("home.next.bind.title");
      body = t("home.next.bind.body", { kinds: step.kinds.map((k) => t(`kind.${k}`)).join(", ") });
      actions = go(t("home.next.toTables"), () => navigate("tables"));
      break;
    case "fixBinding":
      title = t("home.next.fixBinding.title", { kind: t(`kind.${step.kind}`) });
      body = t("home.next.fixBinding.body");
      actions = go(t("home.next.toTables"), () => navigate("tables"));
      break;
    case "check":
      title = t("home.next.check.title");
      body = t("home.next.check.body");
      actions = go(t("home.next.runCheck"), () => {
        navigate("check");
        void session.runCheck();
      });
      break;
    case "fixErrors":
      title = t("home.next.fixErrors.title", { count: step.errors });
      body = t("home.next.fixErrors.body");
      actions = go(t("home.next.toCheck"), () => navigate("check"));
      break;
    default:
      title = t("home.next.report.title");
      body =
        step.warnings > 0
          ? t("home.next.report.bodyWarnings", { count: step.warnings })
          : t("home.next.report.body");
      actions = go(t("home.next.toReport"), () => navigate("report"));
  }
  return (
    <Card className={styles.next} aria-labelledby="next-step-title">
      <CardHeader
        image={<Lightbulb24Regular aria-hidden />}
        header={
          <Text as="h2" id="next-step-title" weight="semibold" size={400}>
            {title}
          </Text>
        }
        description={<Text size={200}>{body}</Text>}
      />
      <div className={styles.actions}>{actions}</div>
    </Card>
  );
}

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
          {TABLE_KIND_ORDER.map((kind) => {
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
