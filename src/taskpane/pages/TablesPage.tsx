import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Card,
  Dropdown,
  Field,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  DataBarVertical16Regular,
  LinkDismiss16Regular,
  ShieldCheckmark16Regular,
  SparkleRegular,
  TableAdd16Regular,
  TableSimple16Regular,
} from "@fluentui/react-icons";
import { useMemo, useState, type ReactElement, type ReactNode } from "react";
import { nextStep } from "../../app/nextStep";
import type { BoundTable } from "../../app/session";
import { guessKind } from "../../domain/mapping";
import { fieldsOf, TABLE_KINDS } from "../../domain/schema";
import type { SampleVariant } from "../../domain/sample";
import type { TableKind } from "../../domain/types";
import type { MessageKey, Translate } from "../../i18n";
import type { ColumnValidation } from "../../workbook/port";
import { useApp } from "../appContext";
import { BindingBadge } from "../components/badges";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { NextStepCard } from "../components/NextStepCard";
import { PageHeader } from "../components/PageHeader";
import { PageSection } from "../components/PageSection";
import { formatCount } from "../format";
import { spacedSection } from "../styles";
import { FoundTables } from "./FoundTables";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  cardHead: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  meta: { color: tokens.colorNeutralForeground3, wordBreak: "break-word" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  mapping: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: "0", width: "100%" },
  section: spacedSection,
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
  note: { color: tokens.colorNeutralForeground3 },
});

const NONE = "";

/** A data-validation rule as a person reads it. */
export function describeRule(rule: ColumnValidation, t: Translate): string {
  switch (rule.type) {
    case "list":
      return t("validation.list", { items: rule.source.join(", ") });
    case "decimal":
      return t("validation.decimal", { min: rule.min, max: rule.max.toLocaleString("en-US") });
    case "wholeNumber":
      return rule.max === undefined
        ? t("validation.wholeFrom", { min: rule.min })
        : t("validation.whole", { min: rule.min, max: rule.max });
    default:
      return t("validation.date");
  }
}

function MappingEditor({ bound }: { bound: BoundTable }): ReactElement {
  const { t, lang, session, state } = useApp();
  const styles = useStyles();
  const headers = bound.table?.headers ?? [];
  return (
    <div className={styles.mapping}>
      {fieldsOf(bound.kind).map((field) => {
        const header = bound.binding.columns[field.key];
        const gone = header !== undefined && bound.missingColumns.includes(field.key);
        const unmapped = field.required && (header === undefined || gone);
        const id = `map-${bound.kind}-${field.key}`;
        return (
          <Field
            key={field.key}
            label={field.label[lang]}
            required={field.required}
            validationState={unmapped ? "error" : gone ? "warning" : "none"}
            validationMessage={
              unmapped
                ? t("tables.mapping.required")
                : gone
                  ? t("tables.mapping.gone", { header: header ?? "" })
                  : undefined
            }
            hint={field.hint[lang]}
          >
            <Dropdown
              id={id}
              className={styles.dropdown}
              value={header ?? t("tables.mapping.none")}
              selectedOptions={[header ?? NONE]}
              disabled={state.busy !== null}
              onOptionSelect={(_, data) =>
                void session.setColumn(
                  bound.kind,
                  field.key,
                  data.optionValue ? data.optionValue : null
                )
              }
            >
              <Option value={NONE}>{t("tables.mapping.none")}</Option>
              {headers
                .filter((h) => h.trim() !== "")
                .map((h) => (
                  <Option key={h} value={h}>
                    {h}
                  </Option>
                ))}
            </Dropdown>
          </Field>
        );
      })}
    </div>
  );
}

function KindCard({
  kind,
  onValidate,
}: {
  kind: TableKind;
  onValidate(kind: TableKind): void;
}): ReactElement {
  const { t, lang, session, state } = useApp();
  const styles = useStyles();
  const bound = state.bound[kind];
  const suggestions = useMemo(
    () => new Map(state.tables.map((table) => [table.id, guessKind(table.headers).kind])),
    [state.tables]
  );
  const label = t(`kind.${kind}`);
  const busy = state.busy !== null;
  const mapped = bound ? Object.keys(bound.binding.columns).length : 0;
  const problem =
    bound !== undefined && (bound.unmappedRequired.length > 0 || bound.missingColumns.length > 0);
  return (
    <Card aria-labelledby={`kind-${kind}-title`} data-kind={kind}>
      <div className={styles.cardHead}>
        <Text as="h2" id={`kind-${kind}-title`} size={400} weight="semibold">
          {label}
        </Text>
        <BindingBadge bound={bound} t={t} />
      </div>
      <Field label={t("tables.table.label", { kind: label })}>
        <Dropdown
          className={styles.dropdown}
          placeholder={t("tables.table.placeholder")}
          value={
            bound?.table
              ? `${bound.table.name} (${bound.table.sheet})`
              : bound
                ? bound.binding.tableName
                : ""
          }
          selectedOptions={bound?.table ? [bound.table.id] : []}
          disabled={busy || state.tables.length === 0}
          onOptionSelect={(_, data) =>
            data.optionValue && void session.bindTable(data.optionValue, kind)
          }
        >
          {state.tables.map((table) => (
            <Option key={table.id} value={table.id} text={`${table.name} (${table.sheet})`}>
              {table.name} ({table.sheet})
              {suggestions.get(table.id) === kind ? ` · ${t("tables.table.suggested")}` : ""}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {bound?.table && (
        <Text size={200} className={styles.meta}>
          {t("tables.table.meta", {
            rows: formatCount(bound.table.rowCount, lang),
            sheet: bound.table.sheet,
            address: bound.table.address,
          })}
        </Text>
      )}
      {bound?.status === "missing" && (
        <Text size={200} className={styles.meta}>
          {t("tables.table.missing", { table: bound.binding.tableName })}
        </Text>
      )}
      {bound?.table && (
        <Accordion collapsible defaultOpenItems={problem ? ["mapping"] : []}>
          <AccordionItem value="mapping">
            <AccordionHeader size="small">
              {t("tables.mapping.title", { mapped, total: fieldsOf(kind).length })}
            </AccordionHeader>
            <AccordionPanel>
              <MappingEditor bound={bound} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
      <div className={styles.actions}>
        {bound?.table && (
          <Button
            size="small"
            icon={<ShieldCheckmark16Regular />}
            disabled={busy}
            onClick={() => onValidate(kind)}
          >
            {t("tables.validation.button")}
          </Button>
        )}
        {bound && (
          <Button
            size="small"
            icon={<LinkDismiss16Regular />}
            disabled={busy}
            onClick={() => void session.unbind(kind)}
          >
            {t("tables.unbind")}
          </Button>
        )}
        {!bound?.table && (
          <Button
            size="small"
            icon={<TableAdd16Regular />}
            disabled={busy}
            onClick={() => void session.createBlankTable(kind, lang)}
          >
            {t("tables.create")}
          </Button>
        )}
      </div>
    </Card>
  );
}

type Pending =
  | { what: "validation"; kind: TableKind; plan: { header: string; rule: ColumnValidation }[] }
  | { what: "sample"; variant: SampleVariant }
  | { what: "convert"; kind: TableKind | "" };

/** The section "more" offers: a sample workbook's tables, or a range made a table; each
 * asks first. */
const MORE_ACTIONS = [
  {
    label: "tables.sample.button",
    icon: <DataBarVertical16Regular />,
    pending: { what: "sample", variant: "typed" },
  },
  {
    label: "tables.convert.button",
    icon: <TableSimple16Regular />,
    pending: { what: "convert", kind: "" },
  },
] as const satisfies readonly { label: MessageKey; icon: ReactElement; pending: Pending }[];

/** Every table in the workbook, with the kind it is bound as or looks like. */
function AllTablesSection(): ReactElement | null {
  const { t, lang, state } = useApp();
  const styles = useStyles();
  if (state.tables.length === 0) return null;
  return (
    <PageSection
      className={styles.section}
      id="tables-all"
      title={t("tables.all.title", { count: state.tables.length })}
    >
      <ul className={styles.list}>
        {state.tables.map((table) => {
          const boundAs = TABLE_KINDS.find((kind) => state.bound[kind]?.table?.id === table.id);
          const guess = guessKind(table.headers).kind;
          return (
            <li key={table.id}>
              <Text weight="semibold">{table.name}</Text>{" "}
              <Text size={200} className={styles.meta}>
                {t("tables.all.where", {
                  sheet: table.sheet,
                  rows: formatCount(table.rowCount, lang),
                })}{" "}
                ·{" "}
                {boundAs
                  ? t("tables.all.boundAs", { kind: t(`kind.${boundAs}`) })
                  : guess
                    ? t("tables.all.looksLike", { kind: t(`kind.${guess}`) })
                    : t("tables.all.unknown")}
              </Text>
            </li>
          );
        })}
      </ul>
    </PageSection>
  );
}

/** The auto-bind button, what comes next, and one card per kind of table. */
function BindingCards({
  onValidate,
  bindClicked,
  onBindClicked,
}: {
  onValidate(kind: TableKind): void;
  /** Whether auto-bind was clicked (kept by the page, so it outlives a reload). */
  bindClicked: boolean;
  onBindClicked(): void;
}): ReactElement {
  const app = useApp();
  const { t, session, state } = app;
  const styles = useStyles();
  const next = nextStep(state);
  const unboundTables = state.tables.filter(
    (table) => !state.bindings.tables.some((b) => b.tableId === table.id)
  );
  const canAutoBind = unboundTables.length > 0 && TABLE_KINDS.some((kind) => !state.bound[kind]);
  return (
    <div className={styles.stack}>
      {canAutoBind && (
        <Button
          appearance="primary"
          icon={<SparkleRegular />}
          disabled={state.busy !== null}
          onClick={() => {
            onBindClicked();
            void session.autoBind();
          }}
        >
          {t("tables.autoBind")}
        </Button>
      )}
      {next.step !== "bind" && next.step !== "createOrSample" && next.step !== "loading" && (
        // Once bound, say what comes next (as Home does); focus moves there from the
        // auto-bind button, which has just gone.
        <NextStepCard step={next} app={app} autoFocus={bindClicked && !canAutoBind} />
      )}
      {state.busy === "bind" && <Spinner size="tiny" label={t("tables.binding")} />}
      {TABLE_KINDS.map((kind) => (
        <KindCard key={kind} kind={kind} onValidate={onValidate} />
      ))}
    </div>
  );
}

/** A confirmation of one of the page's actions: its title, button and first paragraph. */
function ActionDialog({
  action,
  pending,
  titleKind,
  confirmDisabled,
  onConfirm,
  onCancel,
  children,
}: {
  action: Pending["what"];
  /** The action waiting for confirmation: the dialog is open when it is this one. */
  pending: Pending | null;
  titleKind?: string;
  confirmDisabled?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children?: ReactNode;
}): ReactElement {
  const { t } = useApp();
  return (
    <ConfirmDialog
      open={pending?.what === action}
      title={t(`tables.${action}.title`, { kind: titleKind ?? "" })}
      confirmLabel={t(`tables.${action}.confirm`)}
      cancelLabel={t("common.cancel")}
      confirmDisabled={confirmDisabled}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <Text as="p">{t(`tables.${action}.body`)}</Text>
      {children}
    </ConfirmDialog>
  );
}

/** The confirmations for adding validation, inserting sample data and converting a range. */
function PendingDialogs({
  pending,
  onChange,
  onConfirm,
}: {
  pending: Pending | null;
  onChange(pending: Pending | null): void;
  onConfirm(): void;
}): ReactElement {
  const { t, state } = useApp();
  const styles = useStyles();
  const anyBound = TABLE_KINDS.some((kind) => state.bound[kind]);
  const dialog = { pending, onConfirm, onCancel: () => onChange(null) };
  return (
    <>
      <ActionDialog
        action="validation"
        {...dialog}
        titleKind={pending?.what === "validation" ? t(`kind.${pending.kind}`) : ""}
        confirmDisabled={pending?.what === "validation" && pending.plan.length === 0}
      >
        {pending?.what === "validation" && (
          <ul className={styles.list}>
            {pending.plan.map((p) => (
              <li key={p.header}>
                <Text weight="semibold">{p.header}</Text>: {describeRule(p.rule, t)}
              </li>
            ))}
          </ul>
        )}
        <Text as="p" size={200} className={styles.note}>
          {t("tables.validation.note")}
        </Text>
      </ActionDialog>

      <ActionDialog action="sample" {...dialog}>
        {pending?.what === "sample" && (
          <RadioGroup
            aria-label={t("tables.sample.variant")}
            value={pending.variant}
            onChange={(_, data) =>
              onChange({ what: "sample", variant: data.value as SampleVariant })
            }
          >
            <Radio value="typed" label={t("tables.sample.typed")} />
            <Radio value="asPrinted" label={t("tables.sample.asPrinted")} />
          </RadioGroup>
        )}
        {anyBound && (
          <Text as="p" weight="semibold">
            {t("tables.sample.rebind")}
          </Text>
        )}
      </ActionDialog>

      <ActionDialog action="convert" {...dialog}>
        <Field label={t("tables.convert.kind")}>
          <RadioGroup
            value={pending?.what === "convert" ? pending.kind : ""}
            onChange={(_, data) =>
              onChange({ what: "convert", kind: data.value as TableKind | "" })
            }
          >
            <Radio value="" label={t("tables.convert.noKind")} />
            {TABLE_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={t(`kind.${kind}`)} />
            ))}
          </RadioGroup>
        </Field>
      </ActionDialog>
    </>
  );
}

export default function TablesPage(): ReactElement {
  const { t, session, state } = useApp();
  const styles = useStyles();
  const [pending, setPending] = useState<Pending | null>(null);
  const [bindClicked, setBindClicked] = useState(false);
  const busy = state.busy !== null;

  const openValidation = async (kind: TableKind) =>
    setPending({ what: "validation", kind, plan: await session.validationPlan(kind) });
  const confirm = () => {
    if (!pending) return;
    setPending(null);
    if (pending.what === "validation") void session.applyValidation(pending.kind);
    else if (pending.what === "sample") void session.insertSampleData(pending.variant);
    else void session.convertSelection(pending.kind === "" ? undefined : pending.kind);
  };

  return (
    <>
      <PageHeader page="tables" title={t("page.tables.title")} intro={t("page.tables.intro")} />
      {state.status === "loading" ? (
        <Spinner size="small" label={t("app.loading")} />
      ) : (
        <BindingCards
          onValidate={(k) => void openValidation(k)}
          bindClicked={bindClicked}
          onBindClicked={() => setBindClicked(true)}
        />
      )}

      <AllTablesSection />

      {state.status !== "loading" && <FoundTables />}

      <PageSection className={styles.section} id="tables-more" title={t("tables.more.title")}>
        <div className={styles.actions}>
          {MORE_ACTIONS.map(({ label, icon, pending }) => (
            <Button key={label} icon={icon} disabled={busy} onClick={() => setPending(pending)}>
              {t(label)}
            </Button>
          ))}
        </div>
        <Text size={200} className={styles.note}>
          {t("tables.more.note")}
        </Text>
      </PageSection>

      <PendingDialogs pending={pending} onChange={setPending} onConfirm={confirm} />
    </>
  );
}
