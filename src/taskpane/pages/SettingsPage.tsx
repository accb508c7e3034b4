import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  SpinButton,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Add16Regular, Delete16Regular, StethoscopeRegular } from "@fluentui/react-icons";
import { useEffect, useState, type ReactElement } from "react";
import {
  MAX_PLAN_TOLERANCE,
  newEntryKey,
  vocabularyProblem,
  type DateEra,
} from "../../app/settings";
import { DEFAULT_VOCABULARIES } from "../../domain/vocabularies";
import type { OutcomeClass, Vocabularies, VocabularyEntry } from "../../domain/types";
import type { LanguageChoice } from "../../i18n";
import { useApp } from "../appContext";
import { PageHeader } from "../components/PageHeader";
import { PageSection } from "../components/PageSection";
import { TitledMessageBar } from "../components/TitledMessageBar";
import { formatPaneDate } from "../format";

const VOCABULARIES: readonly (keyof Vocabularies)[] = ["planStatus", "targetStatus", "outcome"];
const OUTCOME_CLASSES: readonly OutcomeClass[] = ["passed", "failed", "notApplicable", "excluded"];
/** 18 August 2020, seed 000's last round: the example of the date display. */
const EXAMPLE_DATE = 44061;

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  entry: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    marginBottom: tokens.spacingVerticalS,
  },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  input: { width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

function VocabularyEditor({
  name,
  entries,
  onChange,
}: {
  name: keyof Vocabularies;
  entries: VocabularyEntry[];
  onChange(entries: VocabularyEntry[]): void;
}): ReactElement {
  const { t } = useApp();
  const styles = useStyles();
  const update = (index: number, patch: Partial<VocabularyEntry>) =>
    onChange(entries.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  return (
    <div>
      {entries.map((entry, index) => (
        <div key={entry.key} className={styles.entry}>
          <div className={styles.fields}>
            {(["th", "en"] as const).map((lang) => (
              <Field key={lang} label={t(`settings.vocab.${lang}`, { n: index + 1 })}>
                <Input
                  className={styles.input}
                  value={entry[lang]}
                  onChange={(_, data) => update(index, { [lang]: data.value })}
                />
              </Field>
            ))}
            {name === "outcome" && (
              <Field label={t("settings.vocab.counts", { n: index + 1 })}>
                <Dropdown
                  value={t(`settings.counts.${entry.counts ?? "failed"}`)}
                  selectedOptions={[entry.counts ?? "failed"]}
                  onOptionSelect={(_, data) =>
                    update(index, { counts: data.optionValue as OutcomeClass })
                  }
                >
                  {OUTCOME_CLASSES.map((c) => (
                    <Option key={c} value={c}>
                      {t(`settings.counts.${c}`)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            )}
          </div>
          <Button
            appearance="subtle"
            icon={<Delete16Regular />}
            aria-label={t("settings.vocab.remove", { entry: entry.th || entry.en })}
            disabled={entries.length <= 1}
            onClick={() => onChange(entries.filter((_, i) => i !== index))}
          />
        </div>
      ))}
      <Button
        size="small"
        icon={<Add16Regular />}
        onClick={() =>
          onChange([
            ...entries,
            {
              key: newEntryKey(entries),
              th: "",
              en: "",
              ...(name === "outcome" ? { counts: "failed" as const } : {}),
            },
          ])
        }
      >
        {t("settings.vocab.add")}
      </Button>
    </div>
  );
}

/** The date era and the plan tolerance, changed in the session until saved. */
function CheckSettingFields({ onEdited }: { onEdited(): void }): ReactElement {
  const { t, session, state } = useApp();
  const settings = state.settings;
  return (
    <>
      <Field label={t("settings.dates.label")} hint={t("settings.dates.hint")}>
        <RadioGroup
          value={settings.dateEra}
          onChange={(_, data) => {
            onEdited();
            void session.updateSettings({ dateEra: data.value as DateEra });
          }}
        >
          <Radio
            value="BE"
            label={t("settings.dates.be", { example: formatPaneDate(EXAMPLE_DATE, "th", "BE") })}
          />
          <Radio
            value="CE"
            label={t("settings.dates.ce", { example: formatPaneDate(EXAMPLE_DATE, "th", "CE") })}
          />
        </RadioGroup>
      </Field>

      <Field
        label={t("settings.tolerance.label")}
        hint={t("settings.tolerance.hint", { max: MAX_PLAN_TOLERANCE })}
      >
        <SpinButton
          value={settings.planTolerance}
          min={0}
          max={MAX_PLAN_TOLERANCE}
          step={0.5}
          onChange={(_, data) => {
            const value = data.value ?? Number(data.displayValue);
            if (
              typeof value === "number" &&
              Number.isFinite(value) &&
              value >= 0 &&
              value <= MAX_PLAN_TOLERANCE
            ) {
              onEdited();
              void session.updateSettings({ planTolerance: value });
            }
          }}
        />
      </Field>
    </>
  );
}

/** Each vocabulary with something wrong in the draft, and what. */
function draftProblems(draft: Vocabularies) {
  return VOCABULARIES.map((name) => [name, vocabularyProblem(draft[name])] as const).filter(
    ([, p]) => p !== undefined
  );
}

type VocabularyProblems = ReturnType<typeof draftProblems>;

/** The editable vocabularies (a draft until saved), what is wrong with them, and the defaults. */
function VocabulariesSection({
  draft,
  problems,
  onDraftChange,
}: {
  draft: Vocabularies;
  problems: VocabularyProblems;
  onDraftChange(draft: Vocabularies): void;
}): ReactElement {
  const { t } = useApp();
  const styles = useStyles();
  return (
    <PageSection
      id="settings-vocab"
      title={t("settings.vocab.title")}
      intro={t("settings.vocab.intro")}
    >
      <Accordion collapsible multiple>
        {VOCABULARIES.map((name) => (
          <AccordionItem key={name} value={name}>
            <AccordionHeader>
              {t(`settings.vocab.${name}`, { count: draft[name].length })}
            </AccordionHeader>
            <AccordionPanel>
              <VocabularyEditor
                name={name}
                entries={draft[name]}
                onChange={(entries) => onDraftChange({ ...draft, [name]: entries })}
              />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {problems
              .map(([name, problem]) =>
                t(`settings.vocab.problem.${problem!}`, {
                  list: t(`settings.vocab.${name}`, { count: draft[name].length }),
                })
              )
              .join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="subtle" onClick={() => onDraftChange(DEFAULT_VOCABULARIES)}>
          {t("settings.defaults")}
        </Button>
      </div>
    </PageSection>
  );
}

export default function SettingsPage(): ReactElement {
  const { t, session, state, languageChoice, setLanguageChoice, navigate } = useApp();
  const styles = useStyles();
  const settings = state.settings;
  const [draft, setDraft] = useState<Vocabularies>(settings.vocabularies);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(settings.vocabularies), [settings.vocabularies]);
  const problems = draftProblems(draft);
  const vocabDirty = JSON.stringify(draft) !== JSON.stringify(settings.vocabularies);
  const unsaved = state.settingsUnsaved || vocabDirty;
  // The workbook's settings are written on Save only (each write clears Excel's undo).
  const save = async () => {
    if (vocabDirty) await session.updateSettings({ vocabularies: draft });
    if (await session.saveSettings()) setSaved(true);
  };
  const discard = async () => {
    setDraft(settings.vocabularies);
    await session.discardSettings();
  };

  return (
    <>
      <PageHeader page="settings" title={t("page.settings.title")} intro={t("settings.intro")} />
      <div className={styles.stack}>
        <Field label={t("lang.label")} hint={t("lang.hint")}>
          <RadioGroup
            value={languageChoice}
            onChange={(_, data) => setLanguageChoice(data.value as LanguageChoice)}
          >
            <Radio value="auto" label={t("lang.auto")} />
            <Radio value="th" label={t("lang.th")} />
            <Radio value="en" label={t("lang.en")} />
          </RadioGroup>
        </Field>

        <CheckSettingFields onEdited={() => setSaved(false)} />

        <VocabulariesSection
          draft={draft}
          problems={problems}
          onDraftChange={(next) => {
            setSaved(false);
            setDraft(next);
          }}
        />

        {unsaved && (
          <TitledMessageBar intent="warning" role="status" title={t("settings.unsaved.title")}>
            {t("settings.unsaved.body")}
          </TitledMessageBar>
        )}
        {saved && !unsaved && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{t("settings.saved")}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={!unsaved || problems.length > 0 || state.busy !== null}
            onClick={() => void save()}
          >
            {t("settings.save")}
          </Button>
          <Button disabled={!unsaved} onClick={() => void discard()}>
            {t("settings.discard")}
          </Button>
        </div>
        <Text size={200} className={styles.muted}>
          {t("settings.stored")}
        </Text>

        <PageSection
          id="settings-diagnostics"
          title={t("settings.diagnostics.title")}
          intro={t("settings.diagnostics.body")}
        >
          <div className={styles.actions}>
            <Button icon={<StethoscopeRegular />} onClick={() => navigate("diagnostics")}>
              {t("settings.diagnostics.open")}
            </Button>
          </div>
        </PageSection>
      </div>
    </>
  );
}
