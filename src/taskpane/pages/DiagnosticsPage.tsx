import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowLeft16Regular, Copy16Regular, Play16Regular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, type ReactElement } from "react";
import { describeError } from "../../app/errors";
import {
  reportText,
  runSelfTest,
  type ReportWords,
  type SelfTestItem,
  type SelfTestReport,
} from "../../app/selfTest";
import type { Translate } from "../../i18n";
import { useApp } from "../appContext";
import { PageHeader } from "../components/PageHeader";
import { PageSection } from "../components/PageSection";
import { TitledMessageBar } from "../components/TitledMessageBar";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  facts: {
    display: "grid",
    gridTemplateColumns: "minmax(0, auto) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // One badge column for every row (subgrid), so the titles line up.
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
  },
  item: {
    gridColumn: "1 / -1",
    display: "grid",
    gridTemplateColumns: "subgrid",
    alignItems: "start",
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  badge: { marginTop: "2px", justifySelf: "start" },
  title: { overflowWrap: "anywhere" },
  note: {
    display: "block",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  data: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground2,
  },
  report: { width: "100%", minHeight: "12em" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const BADGE = {
  pass: { color: "success", appearance: "tint" },
  fail: { color: "danger", appearance: "filled" },
  na: { color: "informative", appearance: "outline" },
} as const;

function itemTitle(t: Translate, item: SelfTestItem): string {
  return item.id === "requirementSet"
    ? t("diag.item.requirementSet", { set: item.label ?? "" })
    : t(`diag.item.${item.id}`);
}

function wordsOf(t: Translate, report: SelfTestReport): ReportWords {
  return {
    title: t("diag.report.title"),
    host: t("diag.report.host"),
    ranAt: t("diag.ranAt"),
    syncs: t("diag.syncs", { syncs: report.syncs }),
    summary: t("diag.summary", { ...report.counts }),
    status: { pass: t("diag.status.pass"), fail: t("diag.status.fail"), na: t("diag.status.na") },
    expected: t("diag.expected"),
    actual: t("diag.actual"),
    itemTitle: (item) => itemTitle(t, item),
    naReason: (item) => t(`diag.na.${item.naReason ?? "host"}`),
  };
}

/** Copies through the Clipboard API, else the older copy command on a selected text area. */
async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    try {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const copied = document.execCommand("copy");
      area.remove();
      return copied;
    } catch {
      return false;
    }
  }
}

function ItemRow({ item }: { item: SelfTestItem }): ReactElement {
  const { t } = useApp();
  const styles = useStyles();
  const badge = BADGE[item.status];
  return (
    <li className={styles.item} data-testid="diag-item" data-status={item.status}>
      <Badge className={styles.badge} color={badge.color} appearance={badge.appearance}>
        {t(`diag.status.${item.status}`)}
      </Badge>
      <div>
        <Text className={styles.title}>{itemTitle(t, item)}</Text>
        {item.status === "na" && (
          <Text className={styles.note}>{t(`diag.na.${item.naReason ?? "host"}`)}</Text>
        )}
        {item.status === "fail" && item.expected !== undefined && (
          <Text className={styles.data}>
            {t("diag.expected")}: {item.expected}
          </Text>
        )}
        {item.status === "fail" && item.actual !== undefined && (
          <Text className={styles.data}>
            {t("diag.actual")}: {item.actual}
          </Text>
        )}
      </div>
    </li>
  );
}

function HostFacts(): ReactElement {
  const { t, host } = useApp();
  const styles = useStyles();
  // In the preview there is no Office to ask.
  const unknown = host.kind === "preview" ? t("diag.na.preview") : t("diag.host.unknown");
  const facts: [string, string][] = [
    [
      t("diag.host.kind"),
      host.kind === "excel"
        ? [t("diag.host.kind.excel"), host.office?.application].filter(Boolean).join(" · ")
        : t("diag.host.kind.preview"),
    ],
    [t("diag.host.platform"), host.office?.platform ?? unknown],
    [t("diag.host.version"), host.office?.version ?? unknown],
    [t("diag.host.language"), host.displayLanguage ?? unknown],
  ];
  return (
    <PageSection id="diag-host" title={t("diag.host.title")}>
      <dl className={styles.facts} data-testid="diag-host">
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: "contents" }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </PageSection>
  );
}

/** The run's verdict, its items, and the report to copy. */
function Results({ report }: { report: SelfTestReport }): ReactElement {
  const { t } = useApp();
  const styles = useStyles();
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);
  const text = reportText(report, wordsOf(t, report));
  const copy = async () => setCopied((await copyToClipboard(text)) ? "ok" : "failed");
  return (
    <PageSection
      id="diag-results"
      title={t("diag.results.title")}
      intro={t("diag.summary", { ...report.counts })}
    >
      <MessageBar
        intent={report.counts.fail === 0 ? "success" : "warning"}
        layout="multiline"
        role="status"
        data-testid="diag-verdict"
      >
        <MessageBarBody>
          {report.counts.fail === 0
            ? t("diag.allPassed")
            : t("diag.someFailed", { fail: report.counts.fail })}
        </MessageBarBody>
      </MessageBar>
      <ul className={styles.list} aria-labelledby="diag-results">
        {report.items.map((item) => (
          <ItemRow key={`${item.id}-${item.label ?? ""}`} item={item} />
        ))}
      </ul>
      {report.host.kind === "excel" && (
        <Text size={200} className={styles.muted} block>
          {t("diag.syncs", { syncs: report.syncs })}
        </Text>
      )}
      <div className={styles.actions}>
        <Button icon={<Copy16Regular />} onClick={() => void copy()}>
          {t("diag.copy")}
        </Button>
      </div>
      <div role="status">{copied === "ok" && <Text>{t("diag.copied")}</Text>}</div>
      {copied === "failed" && (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("diag.copyFailed")}</MessageBarBody>
          </MessageBar>
          <Textarea
            className={styles.report}
            readOnly
            value={text}
            aria-label={t("diag.reportLabel")}
            resize="vertical"
          />
        </>
      )}
    </PageSection>
  );
}

export default function DiagnosticsPage(): ReactElement {
  const { t, workbook, navigate, host } = useApp();
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<SelfTestReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const supported = typeof workbook.runSelfTest === "function";
  const back = useRef<HTMLButtonElement>(null);
  // Opened from the foot of Settings: start at the top, focus on the way back.
  useEffect(() => {
    document.getElementById("page-title-diagnostics")?.scrollIntoView({ block: "start" });
    back.current?.focus({ preventScroll: true });
  }, []);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const result = await runSelfTest(workbook);
      // The host as the pane knows it, where the run did not say (the preview).
      setReport({ ...result, host: { ...host.office, ...result.host } });
    } catch (caught) {
      const info = describeError(caught);
      setError(`${t(info.title)}: ${t(info.body, info.params)}`);
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <PageHeader page="diagnostics" title={t("page.diagnostics.title")} intro={t("diag.intro")} />
      <div className={styles.stack}>
        <Link as="button" ref={back} onClick={() => navigate("settings")}>
          <ArrowLeft16Regular aria-hidden /> {t("diag.back")}
        </Link>
        <HostFacts />
        {!supported && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t("diag.unsupported")}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={<Play16Regular />}
            disabled={!supported || running}
            onClick={() => void run()}
          >
            {report ? t("diag.runAgain") : t("diag.run")}
          </Button>
          {running && <Spinner size="tiny" label={t("diag.running")} />}
        </div>
        {error && (
          <TitledMessageBar intent="error" role="alert" title={t("diag.error.title")}>
            {error}
          </TitledMessageBar>
        )}
        {report && <Results key={report.ranAt} report={report} />}
      </div>
    </>
  );
}
