import { createContext, useContext } from "react";
import type { KaonaSession, SessionState } from "../app/session";
import type { Lang } from "../domain/types";
import type { LanguageChoice, Translate } from "../i18n";
import type { HostInfo } from "../app/host";
import type { Workbook } from "../workbook/port";

export type PageId =
  | "home"
  | "tables"
  | "check"
  | "report"
  | "import"
  | "combine"
  | "functions"
  | "settings"
  /** Reached from Settings, not a tab of its own. */
  | "diagnostics";

/** The pages with a tab, in order (Diagnostics opens from Settings). */
export const PAGE_IDS: readonly PageId[] = [
  "home",
  "tables",
  "check",
  "report",
  "import",
  "combine",
  "functions",
  "settings",
];

export interface AppContextValue {
  host: HostInfo;
  workbook: Workbook;
  /** What the person can do: bind, check, generate, … (see src/app/session.ts). */
  session: KaonaSession;
  /** The session's state as of this render. */
  state: SessionState;
  lang: Lang;
  languageChoice: LanguageChoice;
  setLanguageChoice(choice: LanguageChoice): void;
  t: Translate;
  page: PageId;
  navigate(page: PageId): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

/** The task pane's services and language, for any component below <App>. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp() outside <App>");
  return value;
}
