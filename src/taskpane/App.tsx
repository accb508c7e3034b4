import {
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import {
  ArrowImport24Regular,
  CheckmarkCircle24Regular,
  DocumentTable24Regular,
  Home24Regular,
  MathFormula24Regular,
  Merge24Regular,
  Settings24Regular,
  Table24Regular,
} from "@fluentui/react-icons";
import {
  Suspense,
  lazy,
  useCallback,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactElement,
} from "react";
import type { KaonaSession } from "../app/session";
import { resolveLanguage, translate, type LanguageChoice, type MessageKey } from "../i18n";
import type { ExcelSlowness } from "../app/excelSlowness";
import { REQUIRED_EXCEL_API, type HostInfo } from "../app/host";
import { AppContext, PAGE_IDS, useApp, type AppContextValue, type PageId } from "./appContext";
import { CoauthorBar } from "./components/CoauthorBar";
import { ErrorBar } from "./components/ErrorBar";
import { PageErrorBoundary } from "./components/PageErrorBoundary";
import { TitledMessageBar } from "./components/TitledMessageBar";
import { useElementWidth } from "./hooks/useElementWidth";

/** The first page's code: `index.tsx` starts loading it while office.js starts. */
export const loadHomePage = () => import(/* webpackChunkName: "page-home" */ "./pages/HomePage");

// Pages load on first visit, so the first render ships only the shell and the home page.
const pages: Record<PageId, React.LazyExoticComponent<() => ReactElement>> = {
  home: lazy(loadHomePage),
  tables: lazy(() => import(/* webpackChunkName: "page-tables" */ "./pages/TablesPage")),
  check: lazy(() => import(/* webpackChunkName: "page-check" */ "./pages/CheckPage")),
  report: lazy(() => import(/* webpackChunkName: "page-report" */ "./pages/ReportPage")),
  import: lazy(() => import(/* webpackChunkName: "page-import" */ "./pages/ImportPage")),
  combine: lazy(() => import(/* webpackChunkName: "page-combine" */ "./pages/CombinePage")),
  functions: lazy(() => import(/* webpackChunkName: "page-functions" */ "./pages/FunctionsPage")),
  settings: lazy(() => import(/* webpackChunkName: "page-settings" */ "./pages/SettingsPage")),
  diagnostics: lazy(
    () => import(/* webpackChunkName: "page-diagnostics" */ "./pages/DiagnosticsPage")
  ),
};

// The preview's sheet viewer never loads inside Excel.
const SheetViewer = lazy(
  () => import(/* webpackChunkName: "preview-viewer" */ "./preview/SheetViewer")
);

const pageIcons: Record<PageId, ReactElement> = {
  home: <Home24Regular />,
  tables: <Table24Regular />,
  check: <CheckmarkCircle24Regular />,
  report: <DocumentTable24Regular />,
  import: <ArrowImport24Regular />,
  combine: <Merge24Regular />,
  functions: <MathFormula24Regular />,
  settings: <Settings24Regular />,
  diagnostics: <Settings24Regular />,
};

/** The tab a page belongs under (Diagnostics is part of Settings). */
const tabOf = (page: PageId): PageId => (page === "diagnostics" ? "settings" : page);

/** Below this pane width the tab labels do not fit (eight in Thai need 690 px): tabs show
 * icons, labels in tooltips. */
const LABELLED_TABS_MIN_WIDTH = 720;
/** From this window width the preview shows the sheets beside the pane. */
const SIDE_BY_SIDE_MIN_WIDTH = 900;

/** Thai text needs a font that has it: Office's UI font first, then Thai system fonts. */
const THAI_FONT_STACK = `"Segoe UI", "Leelawadee UI", "Sarabun", "Noto Sans Thai", "Loma", "Tahoma", sans-serif`;

function withThaiFonts(theme: Theme): Theme {
  return { ...theme, fontFamilyBase: THAI_FONT_STACK };
}

const useStyles = makeStyles({
  shell: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  shellWide: {
    flexDirection: "row-reverse",
    height: "100vh",
    overflow: "hidden",
  },
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  rootInPreview: {
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rootWide: {
    width: "360px",
    flexShrink: 0,
    height: "100vh",
    minHeight: "0",
    overflow: "hidden",
  },
  viewer: { flexGrow: 1, minWidth: 0, minHeight: "60vh" },
  viewerWide: { height: "100vh", minHeight: "0" },
  headerBlock: { flexShrink: 0 },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
  },
  logo: { width: "24px", height: "24px" },
  title: {
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  tagline: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  nav: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
  },
  tabs: { justifyContent: "space-between" },
  main: {
    flexGrow: 1,
    overflowY: "auto",
    padding: tokens.spacingHorizontalM,
    minHeight: 0,
  },
  banner: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`, flexShrink: 0 },
});

export interface AppProps {
  host: HostInfo;
  session: KaonaSession;
  /** Inside Excel: whether Excel is slow to answer (a banner says Kaona is waiting). */
  slowness?: ExcelSlowness;
}

const NEVER_SLOW = { subscribe: () => () => undefined, isSlow: () => false };

/** The logo and name, then the banners that stand on every page (preview, slow Excel, old Excel). */
function PaneHeader({ preview, slow }: { preview: boolean; slow: boolean }): ReactElement {
  const { t, host, page } = useApp();
  const styles = useStyles();
  return (
    // The banners sit in the header landmark too: no content outside a landmark.
    <header className={styles.headerBlock}>
      <div className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <div>
          <div className={styles.title}>{t("app.name")}</div>
          <div className={styles.tagline}>{t("app.tagline")}</div>
        </div>
      </div>
      {/* Sample data must never pass for the person's own: said on every page, in
          full on Home and in one line elsewhere. */}
      {preview && (
        <TitledMessageBar
          className={styles.banner}
          intent="info"
          title={t("app.previewBanner.title")}
          data-testid="preview-banner"
        >
          {page === "home" ? t("app.previewBanner.body") : t("app.previewBanner.short")}
        </TitledMessageBar>
      )}
      {slow && (
        <TitledMessageBar
          className={styles.banner}
          intent="warning"
          role="status"
          title={t("app.excelSlow.title")}
        >
          {t("app.excelSlow.body")}
        </TitledMessageBar>
      )}
      {!host.excelApiSupported && (
        <TitledMessageBar
          className={styles.banner}
          intent="error"
          title={t("app.unsupported.title")}
        >
          {t("app.unsupported.body", { version: REQUIRED_EXCEL_API })}
        </TitledMessageBar>
      )}
    </header>
  );
}

/** The page tabs: labelled when the pane is wide enough, icons with tooltips when not. */
function PageTabs({ compact }: { compact: boolean }): ReactElement {
  const { t, page, navigate } = useApp();
  const styles = useStyles();
  const [navElement, setNavElement] = useState<HTMLElement | null>(null);
  return (
    <nav className={styles.nav} aria-label={t("nav.label")} ref={setNavElement}>
      <TabList
        className={compact ? styles.tabs : undefined}
        size={compact ? "medium" : "small"}
        selectedValue={tabOf(page)}
        onTabSelect={(_, data) => navigate(data.value as PageId)}
      >
        {PAGE_IDS.map((id) =>
          compact ? (
            <Tooltip
              key={id}
              content={t(`nav.${id}`)}
              relationship="label"
              withArrow
              // Inside the nav landmark rather than at the end of <body>.
              mountNode={navElement}
            >
              <Tab value={id} icon={pageIcons[id]} />
            </Tooltip>
          ) : (
            <Tab key={id} value={id} icon={pageIcons[id]}>
              {t(`nav.${id}`)}
            </Tab>
          )
        )}
      </TabList>
    </nav>
  );
}

/** What every page reads through `useApp`: the session's state, the language, the page. */
function useAppContextValue(host: HostInfo, session: KaonaSession): AppContextValue {
  const subscribe = useCallback((listener: () => void) => session.subscribe(listener), [session]);
  const getState = useCallback(() => session.getState(), [session]);
  const state = useSyncExternalStore(subscribe, getState);
  const [page, setPage] = useState<PageId>("home");
  // An action's error belongs to the page it was started on: leaving the page closes it.
  const navigate = useCallback(
    (next: PageId) => {
      if (session.getState().error) session.dismissError();
      setPage(next);
    },
    [session]
  );
  const languageChoice = state.settings.language;
  const lang = resolveLanguage(languageChoice, host.displayLanguage);
  const setLanguageChoice = useCallback(
    (choice: LanguageChoice) => void session.updateSettings({ language: choice }),
    [session]
  );
  return useMemo<AppContextValue>(
    () => ({
      host,
      workbook: session.workbook,
      session,
      state,
      lang,
      languageChoice,
      setLanguageChoice,
      t: (key: MessageKey, params?: Record<string, string | number>) =>
        translate(lang, key, params),
      page,
      navigate,
    }),
    [host, session, state, lang, languageChoice, setLanguageChoice, page, navigate]
  );
}

export function App({ host, session, slowness }: AppProps): ReactElement {
  const styles = useStyles();
  const slow = useSyncExternalStore(
    (slowness ?? NEVER_SLOW).subscribe,
    (slowness ?? NEVER_SLOW).isSlow
  );
  const context = useAppContextValue(host, session);
  const { t, lang, page } = context;
  const paneRef = useRef<HTMLDivElement>(null);
  const paneWidth = useElementWidth(paneRef);
  const compactTabs = paneWidth > 0 && paneWidth < LABELLED_TABS_MIN_WIDTH;
  const windowWidth = useWindowWidth();
  const preview = host.kind === "preview";
  const wide = preview && windowWidth >= SIDE_BY_SIDE_MIN_WIDTH;
  const Page = pages[page];

  const pane = (
    <div
      ref={paneRef}
      className={mergeClasses(
        styles.root,
        preview && styles.rootInPreview,
        wide && styles.rootWide
      )}
      data-testid="task-pane"
    >
      <PaneHeader preview={preview} slow={slow} />
      <PageTabs compact={compactTabs} />
      <ErrorBar />
      <CoauthorBar />
      <main className={styles.main} aria-labelledby={`page-title-${page}`}>
        <PageErrorBoundary key={page} t={t}>
          <Suspense fallback={<Spinner size="small" label={t("app.loading")} />}>
            <Page />
          </Suspense>
        </PageErrorBoundary>
      </main>
    </div>
  );

  return (
    <FluentProvider
      theme={withThaiFonts(host.darkTheme ? webDarkTheme : webLightTheme)}
      lang={lang}
    >
      <AppContext.Provider value={context}>
        {preview ? (
          <div className={mergeClasses(styles.shell, wide && styles.shellWide)}>
            {pane}
            <div className={mergeClasses(styles.viewer, wide && styles.viewerWide)}>
              <Suspense fallback={<Spinner size="small" label={t("app.loading")} />}>
                <SheetViewer />
              </Suspense>
            </div>
          </div>
        ) : (
          pane
        )}
      </AppContext.Provider>
    </FluentProvider>
  );
}

function useWindowWidth(): number {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener("resize", listener);
      return () => window.removeEventListener("resize", listener);
    },
    () => window.innerWidth
  );
}
