/**
 * What to do next, as a card with its action: on Home first, and on the Tables page once
 * the tables are bound, so the person is never left without a way on.
 */
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
import { useEffect, useRef, type ReactElement } from "react";
import type { NextStep } from "../../app/nextStep";
import type { AppContextValue } from "../appContext";

const useStyles = makeStyles({
  next: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorBrandStroke1}`,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function NextStepCard({
  step,
  app,
  autoFocus = false,
}: {
  step: NextStep;
  app: AppContextValue;
  /** Focus the card's first action when it appears (after the control that led here went away). */
  autoFocus?: boolean;
}): ReactElement | null {
  const styles = useStyles();
  const { t, navigate, session, state } = app;
  const actionsRef = useRef<HTMLDivElement>(null);
  const idle = state.busy === null;
  useEffect(() => {
    // Actions are disabled while Kaona is busy, and a disabled button takes no focus.
    if (autoFocus && idle) actionsRef.current?.querySelector("button")?.focus();
  }, [autoFocus, idle]);
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
      <div className={styles.actions} ref={actionsRef}>
        {actions}
      </div>
    </Card>
  );
}
