import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
} from "@fluentui/react-components";
import { ArrowImport16Regular, DocumentArrowUp16Regular } from "@fluentui/react-icons";
import { useMemo, useState, type ChangeEvent, type ReactElement } from "react";
import {
  roundKey,
  type AmbiguousRound,
  type ImportOutcome,
  type ImportPreview,
} from "../../app/session";
import type { MergeItem, MergeStatus } from "../../domain/import";
import { fieldLabel } from "../../domain/schema";
import { useApp } from "../appContext";
import { FileChooserButton } from "../components/FileChooserButton";
import { PageHeader } from "../components/PageHeader";
import { PageSection } from "../components/PageSection";
import { formatCount, formatPaneDate } from "../format";
import { reviewListStyles } from "../styles";

const useStyles = makeStyles({
  ...reviewListStyles,
  text: { width: "100%" },
});

const STATUS_COLOR: Record<MergeStatus, "brand" | "informative" | "warning" | "danger"> = {
  new: "brand",
  same: "informative",
  fill: "warning",
  conflict: "danger",
};

type Choice = "confirm" | "skip";

function RoundLine({
  item,
  ambiguous,
  choice,
  onChoice,
}: {
  item: MergeItem<"rounds">;
  ambiguous?: AmbiguousRound;
  choice?: Choice;
  onChoice(choice: Choice): void;
}): ReactElement {
  const { t, lang, state } = useApp();
  const styles = useStyles();
  const row = item.row;
  const date =
    typeof row.date === "number"
      ? formatPaneDate(row.date, lang, state.settings.dateEra)
      : String(row.date ?? "");
  return (
    <li className={styles.item} data-round={item.round}>
      <div className={styles.line}>
        <Text weight="semibold">{t("import.round", { round: item.round ?? "" })}</Text>
        <Text>{date}</Text>
        {typeof row.progress === "number" && (
          <Text>{t("import.progress", { value: row.progress })}</Text>
        )}
        <Badge appearance="tint" color={STATUS_COLOR[item.status]}>
          {t(`import.status.${item.status}`)}
        </Badge>
      </div>
      {item.status === "conflict" && (
        <Text size={200} className={styles.muted}>
          {item.changes
            .map((change) =>
              t("import.change", {
                field: fieldLabel("rounds", change.field, lang),
                existing: change.existing,
                imported: change.imported,
              })
            )
            .join(" · ")}
        </Text>
      )}
      {ambiguous && item.status === "new" && (
        <>
          {ambiguous.messages.map((message, index) => (
            <Text key={index} size={200}>
              {message[lang]}
            </Text>
          ))}
          <RadioGroup
            layout="horizontal"
            aria-label={t("import.ambiguous.choice", { round: item.round ?? "" })}
            value={choice ?? ""}
            onChange={(_e, data) => onChoice(data.value as Choice)}
          >
            <Radio value="confirm" label={t("import.ambiguous.confirm")} />
            <Radio value="skip" label={t("import.ambiguous.skip")} />
          </RadioGroup>
        </>
      )}
    </li>
  );
}

function Preview({
  preview,
  choices,
  setChoice,
}: {
  preview: ImportPreview;
  choices: Record<string, Choice>;
  setChoice(key: string, choice: Choice): void;
}): ReactElement {
  const { t, lang } = useApp();
  const styles = useStyles();
  const ambiguousByKey = new Map(preview.ambiguous.map((round) => [round.key, round]));
  return (
    <>
      {preview.plan.projects.map((project) => {
        const report = preview.reports[project.report];
        const rounds = preview.plan.rounds.filter((round) => round.report === project.report);
        return (
          <PageSection
            key={project.projectCode}
            id={`import-project-${project.report}`}
            title={`${project.projectCode} ${report.project.name}`}
            intro={t(`import.project.${project.status}`)}
          >
            <ul
              className={styles.list}
              aria-label={t("import.rounds", { code: project.projectCode })}
            >
              {rounds.map((round) => {
                const key = roundKey(round.projectCode, round.round);
                return (
                  <RoundLine
                    key={key}
                    item={round}
                    ambiguous={ambiguousByKey.get(key)}
                    choice={choices[key]}
                    onChoice={(choice) => setChoice(key, choice)}
                  />
                );
              })}
            </ul>
          </PageSection>
        );
      })}
      {preview.issues.length > 0 && (
        <PageSection
          id="import-issues"
          title={t("import.issues", { count: formatCount(preview.issues.length, lang) })}
        >
          <ul className={styles.list}>
            {preview.issues.map((issue, index) => (
              <li key={index} className={styles.item} data-code={issue.code}>
                <Text size={200}>{issue.message[lang]}</Text>
              </li>
            ))}
          </ul>
        </PageSection>
      )}
    </>
  );
}

type PendingNew = { projects: number; rounds: number; unresolved: number };

/** The pasted or chosen report text, and the buttons that read it. */
function ImportSource({
  text,
  onTextChange,
  onRead,
}: {
  text: string;
  onTextChange(text: string): void;
  onRead(text: string): Promise<void>;
}): ReactElement {
  const { t, state } = useApp();
  const styles = useStyles();
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    const content = await chosen.text();
    onTextChange(content);
    await onRead(content);
  };
  return (
    <>
      <Field label={t("import.paste.label")} hint={t("import.paste.hint")}>
        <Textarea
          className={styles.text}
          resize="vertical"
          rows={6}
          value={text}
          onChange={(_e, data) => onTextChange(data.value)}
        />
      </Field>
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<ArrowImport16Regular />}
          disabled={text.trim() === "" || state.busy !== null}
          onClick={() => void onRead(text)}
        >
          {t("import.read")}
        </Button>
        <FileChooserButton
          label={t("import.file")}
          icon={<DocumentArrowUp16Regular />}
          accept=".txt,.html,.htm,text/plain,text/html"
          onChoose={onFile}
        />
      </div>
    </>
  );
}

/** What the import would add, where it goes, and the button that adds it. */
function ImportSummary({
  preview,
  pendingNew,
  onApply,
}: {
  preview: ImportPreview;
  pendingNew: PendingNew;
  onApply(): void;
}): ReactElement {
  const { t, state, lang } = useApp();
  const styles = useStyles();
  const target = (kind: "projects" | "rounds") =>
    preview.targets[kind]?.name ?? t("import.target.new");
  return (
    <PageSection id="import-summary" title={t("import.summary")}>
      <Text as="p">
        {t("import.counts", {
          projects: formatCount(pendingNew.projects, lang),
          rounds: formatCount(pendingNew.rounds, lang),
          same: formatCount(preview.plan.counts.same, lang),
          conflicts: formatCount(preview.plan.counts.conflict, lang),
        })}
      </Text>
      <Text as="p" size={200} className={styles.muted}>
        {t("import.targets", { projects: target("projects"), rounds: target("rounds") })}
      </Text>
      {pendingNew.unresolved > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t("import.unresolved", { count: formatCount(pendingNew.unresolved, lang) })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          disabled={
            pendingNew.unresolved > 0 ||
            pendingNew.projects + pendingNew.rounds === 0 ||
            state.busy !== null
          }
          onClick={onApply}
        >
          {t("import.apply")}
        </Button>
      </div>
    </PageSection>
  );
}

export default function ImportPage(): ReactElement {
  const { t, session, lang } = useApp();
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const read = async (input: string) => {
    setOutcome(null);
    setChoices({});
    const next = await session.previewImport(input);
    setPreview(next ?? null);
  };
  const pendingNew = useMemo((): PendingNew => {
    if (!preview) return { projects: 0, rounds: 0, unresolved: 0 };
    const newRounds = preview.plan.rounds.filter((round) => round.status === "new");
    const ambiguous = new Set(preview.ambiguous.map((round) => round.key));
    const keys = newRounds.map((round) => roundKey(round.projectCode, round.round));
    return {
      projects: preview.plan.projects.filter((project) => project.status === "new").length,
      rounds: keys.filter((key) => !ambiguous.has(key) || choices[key] === "confirm").length,
      unresolved: keys.filter((key) => ambiguous.has(key) && choices[key] === undefined).length,
    };
  }, [preview, choices]);
  const apply = async () => {
    if (!preview) return;
    const entries = Object.entries(choices);
    const done = await session.applyImport(preview, {
      confirmed: entries.filter(([, choice]) => choice === "confirm").map(([key]) => key),
      skipped: entries.filter(([, choice]) => choice === "skip").map(([key]) => key),
    });
    if (done) {
      setOutcome(done);
      setPreview(null);
    }
  };

  return (
    <>
      <PageHeader page="import" title={t("import.title")} intro={t("import.intro")} />
      <ImportSource text={text} onTextChange={setText} onRead={read} />
      {outcome && (
        <MessageBar intent="success">
          <MessageBarBody>
            {t("import.done", {
              projects: formatCount(outcome.projects, lang),
              rounds: formatCount(outcome.rounds, lang),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && preview.reports.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("import.nothing")}</MessageBarBody>
        </MessageBar>
      )}
      {preview && preview.reports.length > 0 && (
        <>
          <ImportSummary preview={preview} pendingNew={pendingNew} onApply={() => void apply()} />
          <Preview
            preview={preview}
            choices={choices}
            setChoice={(key, choice) => setChoices((current) => ({ ...current, [key]: choice }))}
          />
        </>
      )}
    </>
  );
}
