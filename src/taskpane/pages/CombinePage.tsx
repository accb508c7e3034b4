import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  Dismiss16Regular,
  DocumentMultiple16Regular,
  TableAdd16Regular,
} from "@fluentui/react-icons";
import { useEffect, useRef, useState, type ChangeEvent, type ReactElement } from "react";
import type {
  ChosenFile,
  CombineConflict,
  CombineFile,
  CombineOutcome,
  CombinePreview,
} from "../../app/session";
import type { RowSource } from "../../domain/merge";
import { tableLabel } from "../../domain/schema";
import type { TableKind } from "../../domain/types";
import type { Translate } from "../../i18n";
import { useApp } from "../appContext";
import { FileChooserButton } from "../components/FileChooserButton";
import { PageHeader } from "../components/PageHeader";
import { PageSection } from "../components/PageSection";
import { formatCount } from "../format";
import { reviewListStyles } from "../styles";

const KINDS: readonly TableKind[] = ["projects", "rounds", "indicators"];
/** Rows listed per kind in the preview; the rest are counted. */
const LISTED_ROWS = 30;

const useStyles = makeStyles({
  ...reviewListStyles,
  fileTable: { display: "flex", flexDirection: "column" },
  section: { marginTop: tokens.spacingVerticalL },
  bar: { marginTop: tokens.spacingVerticalS },
});

function place(source: RowSource, t: Translate): string {
  const params = { file: source.file, sheet: source.sheet, row: source.row };
  return source.file === "" ? t("combine.place.workbook", params) : t("combine.place.file", params);
}

const STATUS_COLOR: Record<CombineFile["status"], "success" | "danger" | "warning"> = {
  read: "success",
  unreadable: "danger",
  "no-tables": "warning",
};
const STATUS_TEXT = {
  read: "combine.file.read",
  unreadable: "combine.file.unreadable",
  "no-tables": "combine.file.noTables",
} as const;

function FileItem({ file }: { file: CombineFile }): ReactElement {
  const { t, lang } = useApp();
  const styles = useStyles();
  const count = (n: number) => formatCount(n, lang);
  return (
    <li className={styles.item} data-file={file.name}>
      <div className={styles.line}>
        <Text weight="semibold">{file.name}</Text>
        <Badge appearance="tint" color={STATUS_COLOR[file.status]}>
          {t(STATUS_TEXT[file.status])}
        </Badge>
      </div>
      {file.status === "unreadable" && file.message && <Text size={200}>{file.message[lang]}</Text>}
      {file.status === "no-tables" && <Text size={200}>{t("combine.file.noTablesBody")}</Text>}
      {file.tables.map((table) => {
        const { add, same, conflicts } = file.counts[table.kind];
        return (
          <div key={`${table.kind}-${table.sheet}-${table.name}`} className={styles.fileTable}>
            <Text size={200}>
              {t("combine.file.counts", {
                kind: tableLabel(table.kind, lang),
                add: count(add),
                same: count(same),
                conflicts: count(conflicts),
              })}
            </Text>
            <Text size={200} className={styles.muted}>
              {t("combine.file.table", {
                table: table.name,
                sheet: table.sheet,
                rows: count(table.rows),
              })}
            </Text>
          </div>
        );
      })}
    </li>
  );
}

function ConflictItem({ conflict }: { conflict: CombineConflict }): ReactElement {
  const { t, lang } = useApp();
  const styles = useStyles();
  return (
    <li className={styles.item} data-conflict={conflict.key}>
      <Text weight="semibold">
        {tableLabel(conflict.kind, lang)} {conflict.key}
      </Text>
      <Text size={200}>
        {t("combine.conflict.places", {
          first: place(conflict.first, t),
          second: place(conflict.second, t),
        })}
      </Text>
      <Text size={200} className={styles.muted}>
        {t("combine.conflict.columns", { columns: conflict.columns.join(", ") })}
      </Text>
      <Text size={200} weight="semibold">
        {t(conflict.added ? "combine.conflict.added" : "combine.conflict.skipped")}
      </Text>
    </li>
  );
}

function RowList({ preview, kind }: { preview: CombinePreview; kind: TableKind }): ReactElement {
  const { t, lang } = useApp();
  const styles = useStyles();
  const rows = preview.plan.rows[kind];
  const id = `combine-rows-${kind}`;
  return (
    <PageSection
      id={id}
      className={styles.section}
      title={t("combine.rows", {
        kind: tableLabel(kind, lang),
        count: formatCount(rows.length, lang),
      })}
    >
      <ul className={styles.list}>
        {rows.slice(0, LISTED_ROWS).map((row, index) => (
          <li key={index} className={styles.item}>
            <Text size={200}>
              {t(`combine.row.${kind}`, {
                a: String(row.values[0] ?? ""),
                b: String(row.values[1] ?? ""),
              })}
            </Text>
            <Text size={200} className={styles.muted}>
              {place(row.source, t)}
            </Text>
          </li>
        ))}
      </ul>
      {rows.length > LISTED_ROWS && (
        <Text size={200} className={styles.muted}>
          {t("combine.rows.more", { count: formatCount(rows.length - LISTED_ROWS, lang) })}
        </Text>
      )}
    </PageSection>
  );
}

function Summary({
  preview,
  onApply,
  onCancel,
}: {
  preview: CombinePreview;
  onApply(): void;
  onCancel(): void;
}): ReactElement {
  const { t, lang, state } = useApp();
  const styles = useStyles();
  const count = (n: number) => formatCount(n, lang);
  const total = KINDS.reduce((sum, kind) => sum + preview.plan.rows[kind].length, 0);
  const totals = (kind: TableKind) =>
    preview.plan.files.reduce(
      (sum, file) => ({
        same: sum.same + file.counts[kind].same,
        conflicts: sum.conflicts + file.counts[kind].conflicts,
      }),
      { same: 0, conflicts: 0 }
    );
  return (
    <PageSection id="combine-summary" title={t("combine.summary")}>
      <ul className={styles.list}>
        {KINDS.map((kind) => (
          <li key={kind} className={styles.item} data-kind={kind}>
            <Text weight="semibold">
              {t("combine.kind.add", {
                kind: tableLabel(kind, lang),
                add: count(preview.plan.rows[kind].length),
              })}
            </Text>
            <Text size={200}>
              {t("combine.kind.others", {
                same: count(totals(kind).same),
                conflicts: count(totals(kind).conflicts),
              })}
            </Text>
            {preview.plan.rows[kind].length > 0 && (
              <Text size={200} className={styles.muted}>
                {preview.targets[kind]
                  ? t("combine.target", { table: preview.targets[kind].name })
                  : t("combine.target.new")}
              </Text>
            )}
            {preview.dropped[kind] && (
              <Text size={200}>
                {t("combine.dropped", {
                  kind: tableLabel(kind, lang),
                  columns: preview.dropped[kind].join(", "),
                })}
              </Text>
            )}
          </li>
        ))}
      </ul>
      {total === 0 ? (
        <MessageBar className={styles.bar} intent="info">
          <MessageBarBody>{t("combine.nothing")}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text as="p" size={200}>
            {preview.sources.length === 0
              ? t("combine.sources.none")
              : t("combine.sources.kept", {
                  tables: preview.sources.map((kind) => tableLabel(kind, lang)).join(", "),
                })}
          </Text>
          <MessageBar className={styles.bar} intent="warning">
            <MessageBarBody>{t("combine.undo")}</MessageBarBody>
          </MessageBar>
        </>
      )}
      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          icon={<TableAdd16Regular />}
          disabled={total === 0 || state.busy !== null}
          onClick={onApply}
        >
          {t("combine.apply", { count: count(total) })}
        </Button>
        <Button icon={<Dismiss16Regular />} disabled={state.busy !== null} onClick={onCancel}>
          {t("combine.cancel")}
        </Button>
      </div>
    </PageSection>
  );
}

/** Below the summary: the files, the conflicts, and the rows to add with their sources. */
function PreviewDetails({ preview }: { preview: CombinePreview }): ReactElement {
  const { t, lang } = useApp();
  const styles = useStyles();
  return (
    <>
      <PageSection
        id="combine-files"
        className={styles.section}
        title={t("combine.files", { count: formatCount(preview.plan.files.length, lang) })}
      >
        <ul className={styles.list}>
          {preview.plan.files.map((file) => (
            <FileItem key={file.name} file={file} />
          ))}
        </ul>
      </PageSection>
      {preview.plan.conflicts.length > 0 && (
        <PageSection
          id="combine-conflicts"
          className={styles.section}
          title={t("combine.conflicts", {
            count: formatCount(preview.plan.conflicts.length, lang),
          })}
          intro={t("combine.conflicts.intro")}
        >
          <ul className={styles.list}>
            {preview.plan.conflicts.map((conflict, index) => (
              <ConflictItem key={index} conflict={conflict} />
            ))}
          </ul>
        </PageSection>
      )}
      {KINDS.filter((kind) => preview.plan.rows[kind].length > 0).map((kind) => (
        <RowList key={kind} preview={preview} kind={kind} />
      ))}
    </>
  );
}

export default function CombinePage(): ReactElement {
  const { t, session, state, lang } = useApp();
  const styles = useStyles();
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [reading, setReading] = useState(0);
  const [preview, setPreview] = useState<CombinePreview | null>(null);
  const [outcome, setOutcome] = useState<CombineOutcome | null>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const done = useRef<HTMLDivElement>(null);
  // The buttons that were pressed go with the preview: keep the keyboard focus on the page.
  useEffect(() => {
    if (outcome) done.current?.focus();
  }, [outcome]);

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const list = Array.from(event.target.files ?? []);
    // The same files can be chosen again after a cancel.
    event.target.value = "";
    if (list.length === 0) return;
    setOutcome(null);
    setPreview(null);
    setReading(list.length);
    try {
      const chosen = await Promise.all(
        list.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() }))
      );
      setFiles(chosen);
      setPreview((await session.previewCombine(chosen)) ?? null);
    } finally {
      setReading(0);
    }
  };
  const cancel = () => {
    setPreview(null);
    setFiles([]);
    chooseButton.current?.focus();
  };
  const apply = async () => {
    if (!preview) return;
    const done = await session.applyCombine(preview);
    if (done) {
      setOutcome(done);
      setPreview(null);
      setFiles([]);
    } else {
      // Refused part-way (a protected sheet): show what is still to add.
      setPreview((await session.previewCombine(files)) ?? null);
    }
  };

  return (
    <>
      <PageHeader page="combine" title={t("combine.title")} intro={t("combine.intro")} />
      <div className={styles.toolbar}>
        <FileChooserButton
          buttonRef={chooseButton}
          label={t("combine.choose")}
          appearance={preview ? "secondary" : "primary"}
          icon={<DocumentMultiple16Regular />}
          disabled={state.busy !== null || reading > 0}
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChoose={onFiles}
        />
      </div>
      {reading > 0 && (
        <Spinner size="tiny" label={t("combine.reading", { count: formatCount(reading, lang) })} />
      )}
      {outcome && (
        <MessageBar intent="success" ref={done} tabIndex={-1}>
          <MessageBarBody>
            <div>
              {t("combine.done", {
                projects: formatCount(outcome.added.projects, lang),
                rounds: formatCount(outcome.added.rounds, lang),
                indicators: formatCount(outcome.added.indicators, lang),
              })}
            </div>
            <div>{t("combine.undo")}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <>
          <Summary preview={preview} onApply={() => void apply()} onCancel={cancel} />
          <PreviewDetails preview={preview} />
        </>
      )}
    </>
  );
}
