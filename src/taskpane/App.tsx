import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import {
  CheckmarkCircle24Regular,
  DocumentTable24Regular,
  Home24Regular,
  MathFormula24Regular,
  Settings24Regular,
  Table24Regular,
} from "@fluentui/react-icons";
import { Suspense, lazy, useCallback, useMemo, useState, type ReactElement } from "react";
import { resolveLanguage, translate, type LanguageChoice, type MessageKey } from "../i18n";
import type { HostInfo } from "../workbook/excel/officeHost";
import type { Workbook } from "../workbook/port";
import { AppContext, PAGE_IDS, type AppContextValue, type PageId } from "./appContext";

// Pages load on first visit, so the first render ships only the shell and the home page.
const pages: Record<PageId, React.LazyExoticComponent<() => ReactElement>> = {
  home: lazy(() => import("./pages/HomePage")),
  tables: lazy(() => import("./pages/TablesPage")),
  check: lazy(() => import("./pages/CheckPage")),
  report: lazy(() => import("./pages/ReportPage")),
  functions: lazy(() => import("./pages/FunctionsPage")),
  settings: lazy(() => import("./pages/SettingsPage")),
};

const pageIcons: Record<PageId, ReactElement> = {
  home: <Home24Regular />,
  tables: <Table24Regular />,
  check: <CheckmarkCircle24Regular />,
  report: <DocumentTable24Regular />,
  functions: <MathFormula24Regular />,
  settings: <Settings24Regular />,
};

/** Thai text needs a font that has it: Office's UI font first, then Thai system fonts. */
const THAI_FONT_STACK = `"Segoe UI", "Leelawadee UI", "Sarabun", "Noto Sans Thai", "Loma", "Tahoma", sans-serif`;

function withThaiFonts(theme: Theme): Theme {
  return { ...theme, fontFamilyBase: THAI_FONT_STACK };
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  logo: { width: "24px", height: "24px" },
  title: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  tagline: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  nav: {
    overflowX: "auto",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
  },
  main: { flexGrow: 1, overflowY: "auto", padding: tokens.spacingHorizontalM },
  banner: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
});

export interface AppProps {
  host: HostInfo;
  workbook: Workbook;
  /** The language chosen in Settings, read from the workbook before the first render. */
  initialLanguageChoice?: LanguageChoice;
  onLanguageChoiceChange?(choice: LanguageChoice): void;
}

export function App({
  host,
  workbook,
  initialLanguageChoice = "auto",
  onLanguageChoiceChange,
}: AppProps): ReactElement {
  const styles = useStyles();
  const [languageChoice, setChoice] = useState<LanguageChoice>(initialLanguageChoice);
  const [page, setPage] = useState<PageId>("home");
  const lang = resolveLanguage(languageChoice, host.displayLanguage);
  const setLanguageChoice = useCallback(
    (choice: LanguageChoice) => {
      setChoice(choice);
      onLanguageChoiceChange?.(choice);
    },
    [onLanguageChoiceChange]
  );
  const context = useMemo<AppContextValue>(
    () => ({
      host,
      workbook,
      lang,
      languageChoice,
      setLanguageChoice,
      t: (key: MessageKey, params?: Record<string, string | number>) =>
        translate(lang, key, params),
      page,
      navigate: setPage,
    }),
    [host, workbook, lang, languageChoice, setLanguageChoice, page]
  );
  const { t } = context;
  const Page = pages[page];
  return (
    <FluentProvider
      theme={withThaiFonts(host.darkTheme ? webDarkTheme : webLightTheme)}
      lang={lang}
    >
      <AppContext.Provider value={context}>
        <div className={styles.root}>
          <header className={styles.header}>
            <img className={styles.logo} src="assets/icon-32.png" alt="" />
            <div>
              <div className={styles.title}>{t("app.name")}</div>
              <div className={styles.tagline}>{t("app.tagline")}</div>
            </div>
          </header>
          {host.kind === "preview" && (
            <MessageBar className={styles.banner} intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("app.previewBanner.title")}</MessageBarTitle>
                {t("app.previewBanner.body")}
              </MessageBarBody>
            </MessageBar>
          )}
          {!host.excelApiSupported && (
            <MessageBar className={styles.banner} intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("app.unsupported.title")}</MessageBarTitle>
                {t("app.unsupported.body", { version: "1.9" })}
              </MessageBarBody>
            </MessageBar>
          )}
          <nav className={styles.nav} aria-label={t("nav.label")}>
            <TabList
              size="small"
              selectedValue={page}
              onTabSelect={(_, data) => setPage(data.value as PageId)}
            >
              {PAGE_IDS.map((id) => (
                <Tab key={id} value={id} icon={pageIcons[id]}>
                  {t(`nav.${id}`)}
                </Tab>
              ))}
            </TabList>
          </nav>
          <main className={styles.main} aria-labelledby={`page-title-${page}`}>
            <Suspense fallback={<Spinner size="small" label={t("app.loading")} />}>
              <Page />
            </Suspense>
          </main>
        </div>
      </AppContext.Provider>
    </FluentProvider>
  );
}
