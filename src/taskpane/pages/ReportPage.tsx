import {
  Button,
  Combobox,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentAdd16Regular, DocumentMultiple16Regular } from "@fluentui/react-icons";
import { useEffect, useMemo, useRef, useState, type ReactElement } from "react";
import type { PendingWrite, ProjectChoice, ReportRequest } from "../../app/session";
import { TABLE_KINDS } from "../../domain/tableKinds";
import type { Lang } from "../../domain/types";
import { layoutToHtml } from "../../render/html";
import { useApp } from "../appContext";
import { ConflictDialog } from "../components/ConflictDialog";
import { PageHeader } from "../components/PageHeader";
import { PageSection } from "../components/PageSection";
import { NeedTablesNotice } from "../components/NeedTablesNotice";
import { formatPaneDate } from "../format";
import { useElementWidth } from "../hooks/useElementWidth";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  combobox: { minWidth: "0", width: "100%" },
  option: { display: "flex", flexDirection: "column" },
  optionName: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  previewBox: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    maxHeight: "520px",
    overflow: "auto",
  },
  paper: { display: "inline-block", boxShadow: tokens.shadow4 },
});

/** Points to CSS pixels. */
const PX_PER_PT = 4 / 3;

function matches(project: ProjectChoice, query: string): boolean {
  const q = query.trim().toLowerCase();
  return (
    q === "" || project.code.toLowerCase().includes(q) || project.name.toLowerCase().includes(q)
  );
}

type ReportPreview = { html: string; widthPt: number };

/** The report's projects, loaded again after each check; keeps a project selected. */
function useProjectChoices(canReport: boolean) {
  const { session, state } = useApp();
  const [projects, setProjects] = useState<ProjectChoice[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const checkedAt = state.check?.checkedAt;
  useEffect(() => {
    if (!canReport) return;
    let live = true;
    void session.projects().then((list) => {
      if (!live) return;
      setProjects(list);
      setSelected((current) => current ?? list[0]?.code ?? null);
    });
    return () => {
      live = false;
    };
  }, [session, canReport, checkedAt]);
  return { projects, selected, setSelected };
}

/** The HTML preview of the selected project's report, with its printed width in points. */
function useReportPreview(selected: string | null, options: ReportOptions) {
  const { session, state } = useApp();
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const checkedAt = state.check?.checkedAt;
  const { mode, lang: reportLang, chart } = options;
  useEffect(() => {
    if (!selected) return;
    let live = true;
    void session
      .previewReport({ projectCode: selected, mode, lang: reportLang, chart })
      .then((layout) => {
        if (!live || !layout) return;
        const hidden = new Set(layout.hiddenColumns ?? []);
        const widthPt = layout.columnWidths.reduce(
          (sum, w, i) => (hidden.has(i) ? sum : sum + w),
          0
        );
        setPreview({ html: layoutToHtml(layout), widthPt });
      });
    return () => {
      live = false;
    };
  }, [session, selected, mode, reportLang, chart, checkedAt]);
  return preview;
}

/** The searchable project picker, with the chosen project's year, rounds and latest progress. */
function ProjectField({
  projects,
  selected,
  onSelect,
}: {
  projects: ProjectChoice[] | null;
  selected: string | null;
  onSelect: (code: string) => void;
}): ReactElement {
  const { t, lang, state } = useApp();
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const chosen = projects?.find((p) => p.code === selected);
  const visible = useMemo(
    () => (projects ?? []).filter((p) => matches(p, query)),
    [projects, query]
  );
  return (
    <Field
      label={t("report.project.label")}
      hint={
        chosen
          ? t("report.project.hint", {
              year: chosen.fiscalYear ?? "–",
              rounds: chosen.rounds,
              date: formatPaneDate(chosen.latestDate, lang, state.settings.dateEra) || "–",
              progress: chosen.latestProgress ?? "–",
            })
          : undefined
      }
    >
      <Combobox
        className={styles.combobox}
        placeholder={projects === null ? t("app.loading") : t("report.project.placeholder")}
        value={query !== "" ? query : chosen ? `${chosen.code} ${chosen.name}` : ""}
        selectedOptions={selected ? [selected] : []}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_, data) => {
          // Fluent also calls this with no option when typing clears the selection:
          // keep what the person typed, so the list stays filtered.
          if (!data.optionValue) return;
          onSelect(data.optionValue);
          setQuery("");
        }}
        onBlur={() => setQuery("")}
      >
        {visible.map((p) => (
          <Option key={p.code} value={p.code} text={`${p.code} ${p.name}`}>
            <span className={styles.option}>
              <span>{p.code}</span>
              <span className={styles.optionName}>{p.name}</span>
            </span>
          </Option>
        ))}
        {projects !== null && visible.length === 0 && (
          <Option disabled value="">
            {t("report.project.none")}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}

type ReportOptions = Omit<ReportRequest, "projectCode">;

/** Values or live formulas, the report's language, and whether to draw the chart. */
function ReportOptionFields({
  options,
  onChange,
}: {
  options: ReportOptions;
  onChange: (options: ReportOptions) => void;
}): ReactElement {
  const { t } = useApp();
  return (
    <>
      <Field label={t("report.mode.label")}>
        <RadioGroup
          value={options.mode}
          onChange={(_, data) =>
            onChange({ ...options, mode: data.value as ReportRequest["mode"] })
          }
        >
          <Radio value="values" label={t("report.mode.values")} />
          <Radio value="live" label={t("report.mode.live")} />
        </RadioGroup>
      </Field>
      <Field label={t("report.lang.label")}>
        <RadioGroup
          layout="horizontal"
          value={options.lang}
          onChange={(_, data) => onChange({ ...options, lang: data.value as Lang })}
        >
          <Radio value="th" label={t("report.lang.th")} />
          <Radio value="en" label={t("report.lang.en")} />
        </RadioGroup>
      </Field>
      <Switch
        checked={options.chart}
        label={t("report.chart")}
        onChange={(_, data) => onChange({ ...options, chart: data.checked })}
      />
    </>
  );
}

/** The report as it will print, zoomed down to fit the pane's width. */
function ReportPreviewSection({ preview }: { preview: ReportPreview | null }): ReactElement {
  const { t } = useApp();
  const styles = useStyles();
  const previewRef = useRef<HTMLDivElement>(null);
  const previewWidth = useElementWidth(previewRef);
  const zoom =
    preview && previewWidth > 0
      ? Math.min(1, (previewWidth - 24) / (preview.widthPt * PX_PER_PT))
      : 1;
  return (
    <PageSection
      id="report-preview"
      title={t("report.preview.title")}
      intro={t("report.preview.note")}
    >
      <div
        ref={previewRef}
        className={styles.previewBox}
        role="region"
        // Named apart from the section around it: two landmarks, two names.
        aria-label={t("report.preview.paper")}
        tabIndex={0}
      >
        {preview ? (
          <div
            className={styles.paper}
            style={{ zoom }}
            data-testid="report-preview"
            dangerouslySetInnerHTML={{ __html: preview.html }}
          />
        ) : (
          <Spinner size="tiny" label={t("app.loading")} />
        )}
      </div>
    </PageSection>
  );
}

export default function ReportPage(): ReactElement {
  const { t, lang, session, state } = useApp();
  const styles = useStyles();
  const canReport = Boolean(state.bound.projects?.table && state.bound.rounds?.table);
  const { projects, selected, setSelected } = useProjectChoices(canReport);
  const [options, setOptions] = useState<ReportOptions>({ mode: "values", lang, chart: true });
  const preview = useReportPreview(selected, options);
  const [pending, setPending] = useState<PendingWrite[]>([]);
  const [written, setWritten] = useState<string[]>([]);

  const generate = async (projectCode: string | null) => {
    setWritten([]);
    const outcome = await session.generateReports({ projectCode, ...options });
    if (!outcome) return;
    setWritten(outcome.written.map((w) => w.sheet));
    setPending(outcome.pending);
  };

  if (!canReport && state.status !== "loading") {
    return (
      <>
        <PageHeader page="report" title={t("page.report.title")} intro={t("page.report.intro")} />
        <NeedTablesNotice
          message={t("report.needTables", {
            kinds: TABLE_KINDS.slice(0, 2)
              .map((k) => t(`kind.${k}`))
              .join(", "),
          })}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader page="report" title={t("page.report.title")} intro={t("page.report.intro")} />
      <div className={styles.stack}>
        <ProjectField projects={projects} selected={selected} onSelect={setSelected} />
        <ReportOptionFields options={options} onChange={setOptions} />

        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={<DocumentAdd16Regular />}
            disabled={!selected || state.busy !== null}
            onClick={() => void generate(selected)}
          >
            {t("report.generateOne")}
          </Button>
          <Button
            icon={<DocumentMultiple16Regular />}
            disabled={!projects?.length || state.busy !== null}
            onClick={() => void generate(null)}
          >
            {t("report.generateAll", { count: projects?.length ?? 0 })}
          </Button>
        </div>
        {state.busy === "report" && <Spinner size="tiny" label={t("report.generating")} />}
        {written.length > 0 && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t("common.written", { sheet: written.join(", ") })}</MessageBarBody>
          </MessageBar>
        )}

        <ReportPreviewSection preview={preview} />
      </div>
      <ConflictDialog
        pending={pending}
        onDone={setPending}
        onWritten={(sheet) => setWritten((w) => [...w, sheet])}
      />
    </>
  );
}
