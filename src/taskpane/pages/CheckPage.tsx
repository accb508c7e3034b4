import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Switch,
  Text,
  ToggleButton,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise16Regular, DocumentBulletList16Regular } from "@fluentui/react-icons";
import { useMemo, useState, type ReactElement } from "react";
import type { CheckRun, PendingWrite } from "../../app/session";
import { TABLE_KINDS } from "../../domain/tableKinds";
import type { Issue, Severity, TableKind } from "../../domain/types";
import { useApp } from "../appContext";
import { SeverityIcon } from "../components/badges";
import { ConflictDialog } from "../components/ConflictDialog";
import { CheckCounts } from "../components/CheckCounts";
import { PageHeader } from "../components/PageHeader";
import { PageSection } from "../components/PageSection";
import { NeedTablesNotice } from "../components/NeedTablesNotice";
import { formatCount } from "../format";
import { useDelayedFlag } from "../hooks/useDelayedFlag";
import { spacedSection, stackedList } from "../styles";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
/** Rows drawn per group before "show more": a long list stays quick to render. */
const PAGE_SIZE = 100;

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalS },
  tableFilter: { width: "100%" },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "end",
    margin: `${tokens.spacingVerticalM} 0`,
  },
  dropdown: { minWidth: "0", width: "100%" },
  group: { marginBottom: tokens.spacingVerticalL },
  list: stackedList(tokens.spacingVerticalXS),
  issue: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  where: {
    gridColumn: "2",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  message: { wordBreak: "break-word" },
  section: spacedSection,
});

function issueKey(issue: Issue, index: number): string {
  return `${issue.code}-${issue.table}-${issue.row}-${issue.field ?? ""}-${index}`;
}

type IssueGroupRows = { severity: Severity; issues: { issue: Issue; key: string }[] };

/** The severity toggles and the table filter above the list of issues. */
function IssueFilters({
  shown,
  onShownChange,
  table,
  onTableChange,
}: {
  shown: Record<Severity, boolean>;
  onShownChange: (shown: Record<Severity, boolean>) => void;
  table: TableKind | "all";
  onTableChange: (table: TableKind | "all") => void;
}): ReactElement {
  const { t, state } = useApp();
  const styles = useStyles();
  return (
    <div className={styles.filters} role="group" aria-label={t("check.filter.label")}>
      {SEVERITIES.map((severity) => (
        <ToggleButton
          key={severity}
          size="small"
          checked={shown[severity]}
          icon={<SeverityIcon severity={severity} />}
          onClick={() => onShownChange({ ...shown, [severity]: !shown[severity] })}
        >
          {t(`severity.${severity}.plural`)}
        </ToggleButton>
      ))}
      <Field label={t("check.filter.table")} className={styles.tableFilter}>
        <Dropdown
          className={styles.dropdown}
          value={table === "all" ? t("check.filter.allTables") : t(`kind.${table}`)}
          selectedOptions={[table]}
          onOptionSelect={(_, data) =>
            onTableChange((data.optionValue as TableKind | "all") ?? "all")
          }
        >
          <Option value="all">{t("check.filter.allTables")}</Option>
          {TABLE_KINDS.filter((kind) => state.bound[kind]?.table).map((kind) => (
            <Option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </div>
  );
}

/** One severity's issues, drawn a page at a time; a click selects the issue's cell. */
function IssueGroup({
  group,
  limit,
  onShowMore,
  current,
  onCurrent,
}: {
  group: IssueGroupRows;
  limit: number;
  onShowMore: () => void;
  current: string | null;
  onCurrent: (key: string) => void;
}): ReactElement {
  const { t, lang, session } = useApp();
  const styles = useStyles();
  return (
    <section className={styles.group} aria-labelledby={`issues-${group.severity}`}>
      <Text as="h2" id={`issues-${group.severity}`} size={400} weight="semibold" block>
        {t(`severity.${group.severity}.plural`)} ({formatCount(group.issues.length, lang)})
      </Text>
      <ul className={styles.list}>
        {group.issues.slice(0, limit).map(({ issue, key }) => {
          const where =
            issue.sheet && issue.cell ? `${issue.sheet}!${issue.cell}` : t("check.noCell");
          return (
            <li key={key}>
              <button
                type="button"
                className={mergeClasses(styles.issue, current === key && styles.current)}
                aria-current={current === key ? "true" : undefined}
                disabled={!issue.cell}
                data-cell={issue.cell}
                data-code={issue.code}
                onClick={() => {
                  onCurrent(key);
                  void session.goToIssue(issue);
                }}
              >
                <span className={styles[issue.severity]}>
                  <SeverityIcon severity={issue.severity} />
                </span>
                <span className={styles.message}>{issue.message[lang]}</span>
                <span className={styles.where}>{where}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {group.issues.length > limit && (
        <Button appearance="subtle" size="small" onClick={onShowMore}>
          {t("check.showMore", { count: formatCount(group.issues.length - limit, lang) })}
        </Button>
      )}
    </section>
  );
}

/** Writing the issues to their own sheet, with the conflict dialog when that sheet exists. */
function IssuesSheetSection(): ReactElement {
  const { t, lang, session, state } = useApp();
  const styles = useStyles();
  const [pending, setPending] = useState<PendingWrite[]>([]);
  const [written, setWritten] = useState<string | null>(null);

  const writeIssuesSheet = async () => {
    setWritten(null);
    const outcome = await session.writeIssuesSheet(lang);
    if (!outcome) return;
    if (outcome.written[0]) setWritten(outcome.written[0].sheet);
    setPending(outcome.pending);
  };

  return (
    <>
      <PageSection
        className={styles.section}
        id="issues-sheet"
        title={t("check.sheet.title")}
        intro={t("check.sheet.body")}
      >
        <div>
          <Button
            icon={<DocumentBulletList16Regular />}
            disabled={state.busy !== null}
            onClick={() => void writeIssuesSheet()}
          >
            {t("check.sheet.button")}
          </Button>
        </div>
        {written && (
          <MessageBar intent="success">
            <MessageBarBody>{t("common.written", { sheet: written })}</MessageBarBody>
          </MessageBar>
        )}
      </PageSection>
      <ConflictDialog pending={pending} onDone={setPending} onWritten={setWritten} />
    </>
  );
}

/** The last check's issues, filtered by severity and table, with the issues sheet below. */
function CheckResults({ check }: { check: CheckRun }): ReactElement {
  const { t } = useApp();
  const [shown, setShown] = useState<Record<Severity, boolean>>({
    error: true,
    warning: true,
    info: true,
  });
  const [table, setTable] = useState<TableKind | "all">("all");
  const [limit, setLimit] = useState<Record<Severity, number>>({
    error: PAGE_SIZE,
    warning: PAGE_SIZE,
    info: PAGE_SIZE,
  });
  const [current, setCurrent] = useState<string | null>(null);

  const groups = useMemo((): IssueGroupRows[] => {
    const issues = check.result.issues;
    return SEVERITIES.map((severity) => ({
      severity,
      issues: issues
        .map((issue, index) => ({ issue, key: issueKey(issue, index) }))
        .filter(
          ({ issue }) => issue.severity === severity && (table === "all" || issue.table === table)
        ),
    }));
  }, [check, table]);

  return (
    <>
      <CheckCounts check={check} live />
      <IssueFilters shown={shown} onShownChange={setShown} table={table} onTableChange={setTable} />

      {check.result.issues.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>{t("check.clean")}</MessageBarBody>
        </MessageBar>
      )}

      {groups
        .filter((group) => shown[group.severity] && group.issues.length > 0)
        .map((group) => (
          <IssueGroup
            key={group.severity}
            group={group}
            limit={limit[group.severity]}
            onShowMore={() =>
              setLimit({ ...limit, [group.severity]: limit[group.severity] + PAGE_SIZE })
            }
            current={current}
            onCurrent={setCurrent}
          />
        ))}

      <IssuesSheetSection />
    </>
  );
}

export default function CheckPage(): ReactElement {
  const { t, session, state } = useApp();
  const styles = useStyles();
  const slow = useDelayedFlag(state.checking);
  const check = state.check;
  const anyBound = TABLE_KINDS.some((kind) => state.bound[kind]?.table);

  if (!anyBound && state.status !== "loading") {
    return (
      <>
        <PageHeader page="check" title={t("page.check.title")} intro={t("page.check.intro")} />
        <NeedTablesNotice message={t("check.nothingBound")} />
      </>
    );
  }

  return (
    <>
      <PageHeader page="check" title={t("page.check.title")} intro={t("page.check.intro")} />
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<ArrowClockwise16Regular />}
          disabled={state.checking}
          onClick={() => void session.runCheck()}
        >
          {t("check.run")}
        </Button>
        <Switch
          checked={state.live}
          label={t("check.live")}
          onChange={(_, data) => void session.setLive(data.checked)}
        />
      </div>
      {slow && <ProgressBar thickness="large" aria-label={t("check.running")} />}
      {state.live && (
        <Text as="p" size={200} className={styles.note}>
          {t("check.liveNote")}
        </Text>
      )}

      {check ? (
        <CheckResults check={check} />
      ) : (
        <Text as="p" className={styles.muted}>
          {state.checking ? t("check.running") : t("check.notYet")}
        </Text>
      )}
    </>
  );
}
