import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  SearchBox,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Copy16Regular, TextboxAlignTopLeft16Regular } from "@fluentui/react-icons";
import { useMemo, useState, type ReactElement } from "react";
import { FUNCTION_CATALOG, type FunctionEntry } from "../../functions/catalog";
import { exampleFormula, formatExampleResult } from "../../functions/examples";
import { useApp } from "../appContext";
import { PageHeader } from "../components/PageHeader";

const useStyles = makeStyles({
  search: { width: "100%", maxWidth: "100%", boxSizing: "border-box" },
  searchField: { marginBottom: tokens.spacingVerticalM },
  header: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    textAlign: "start",
  },
  name: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  note: { color: tokens.colorNeutralForeground3, marginBottom: tokens.spacingVerticalM },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
  other: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  code: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  params: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  example: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

function syntaxOf(entry: FunctionEntry): string {
  const params = entry.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=KPI.${entry.name}(${params.join(", ")})`;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export default function FunctionsPage(): ReactElement {
  const { t, lang, session, workbook, state } = useApp();
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const other = lang === "th" ? "en" : "th";
  const canInsert = typeof workbook.insertIntoSelectedCell === "function";
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (q === "") return FUNCTION_CATALOG;
    return FUNCTION_CATALOG.filter((entry) =>
      [entry.name, entry.th, entry.en].some((text) => text.toLowerCase().includes(q))
    );
  }, [query]);

  const insert = async (formula: string) => {
    setDone(null);
    const at = await session.insertFormula(formula);
    if (at) setDone(t("functions.inserted", { cell: `${at.sheet}!${at.cell}` }));
  };
  const copy = async (formula: string) =>
    setDone((await copyText(formula)) ? t("functions.copied") : t("functions.copyFailed"));

  return (
    <>
      <PageHeader
        page="functions"
        title={t("page.functions.title")}
        intro={t("page.functions.intro")}
      />
      <Field label={t("functions.search")} className={styles.searchField}>
        <SearchBox
          className={styles.search}
          value={query}
          onChange={(_, data) => setQuery(data.value)}
        />
      </Field>
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <Text as="p" size={200} className={styles.note}>
        {t(canInsert ? "functions.insertNote" : "functions.copyNote")}
      </Text>
      <Accordion collapsible multiple>
        {visible.map((entry) => (
          <AccordionItem key={entry.name} value={entry.name}>
            <AccordionHeader expandIconPosition="end">
              <span className={styles.header}>
                <span className={styles.name}>KPI.{entry.name}</span>
                <span className={styles.summary}>{entry[lang]}</span>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <div className={styles.body}>
                <Text size={200} className={styles.other} lang={other}>
                  {entry[other]}
                </Text>
                <Text weight="semibold">{t("functions.syntax")}</Text>
                <code className={styles.code}>{syntaxOf(entry)}</code>
                <ul className={styles.params}>
                  {entry.parameters.map((p) => (
                    <li key={p.name}>
                      <Text size={200}>
                        <code>{p.name}</code>
                        {p.optional ? ` (${t("functions.optional")})` : ""}: {p[lang]}
                      </Text>
                    </li>
                  ))}
                </ul>
                <Text size={200}>
                  {t("functions.returns")}: {entry.returns[lang]}
                </Text>
                {entry.examples.map((example, index) => {
                  const formula = exampleFormula(entry, example);
                  return (
                    <div key={index} className={styles.example}>
                      <Text weight="semibold">{t("functions.example", { n: index + 1 })}</Text>
                      <code className={styles.code}>{formula}</code>
                      <Text size={200}>
                        {t("functions.result")}:{" "}
                        <strong>{formatExampleResult(example.result)}</strong>
                        {example.note ? ` · ${example.note[lang]}` : ""}
                      </Text>
                      <div className={styles.actions}>
                        {canInsert && (
                          <Button
                            size="small"
                            icon={<TextboxAlignTopLeft16Regular />}
                            disabled={state.busy !== null}
                            onClick={() => void insert(formula)}
                          >
                            {t("functions.insert")}
                          </Button>
                        )}
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<Copy16Regular />}
                          onClick={() => void copy(formula)}
                        >
                          {t("functions.copy")}
                        </Button>
                      </div>
                    </div>
                  );
                })}
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {visible.length === 0 && <Text>{t("functions.none")}</Text>}
    </>
  );
}
