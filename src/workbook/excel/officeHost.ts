/**
 * Where the task pane runs: inside Excel (Office.onReady reports the Excel host) or in a
 * plain browser (office.js missing, or `host` null), where Kaona runs as a preview on the
 * in-memory sample workbook. The only place the task pane asks Office about its host.
 */

import { REQUIRED_EXCEL_API, type HostInfo } from "../../app/host";

function isDark(color: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

function browserLanguage(): string | null {
  return typeof navigator !== "undefined" ? navigator.language : null;
}

/**
 * Whether Office opened this page as a task pane: Office adds `_host_Info` to the query of
 * the page it opens (e.g. `?_host_Info=Excel$Win32$16.01$th-TH$…`). Used only to refuse a
 * silent fallback to the sample workbook when office.js is slow, never to pick the host.
 */
export function openedByOffice(search: string): boolean {
  return /[?&]_host_Info=/i.test(search);
}

/**
 * Waits for office.js and describes the host. After `timeoutMs` without an answer, a page
 * that Office did not open is taken for the browser preview; a page Office opened keeps
 * waiting (calling `onSlow` once, so the pane can say so) rather than showing sample data
 * inside Excel.
 */
export async function detectHost(
  timeoutMs = 10000,
  options: { search?: string; onSlow?: () => void } = {}
): Promise<HostInfo> {
  const preview: HostInfo = {
    kind: "preview",
    displayLanguage: browserLanguage(),
    darkTheme: false,
    excelApiSupported: true,
  };
  if (typeof Office === "undefined") return preview;
  const onReady = Office.onReady();
  let ready = await Promise.race([
    onReady,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  const search = options.search ?? (typeof window !== "undefined" ? window.location.search : "");
  if (!ready && openedByOffice(search)) {
    options.onSlow?.();
    ready = await onReady;
  }
  if (!ready || ready.host !== Office.HostType.Excel) return preview;
  const diagnostics = Office.context.diagnostics;
  return {
    kind: "excel",
    ...(diagnostics
      ? {
          office: {
            application: String(diagnostics.host),
            platform: String(diagnostics.platform),
            version: diagnostics.version,
          },
        }
      : {}),
    displayLanguage: Office.context.displayLanguage ?? null,
    darkTheme: isDark(Office.context.officeTheme?.bodyBackgroundColor),
    excelApiSupported: Office.context.requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API),
  };
}

/** Whether the page is shown, as far as the page itself can tell. */
export function paneVisibleNow(): boolean {
  return typeof document === "undefined" || document.visibilityState !== "hidden";
}

/**
 * Reports when the task pane is shown or hidden. In the shared runtime the page keeps
 * running while the pane is hidden, and starts hidden when a `=KPI.*` formula calculates:
 * Office tells through `Office.addin.onVisibilityModeChanged` (SharedRuntime 1.1); where
 * that is missing, the page's own visibility is the stand-in.
 */
export async function watchPaneVisibility(onChange: (visible: boolean) => void): Promise<void> {
  const fromPage = () => {
    if (typeof document !== "undefined")
      document.addEventListener("visibilitychange", () => onChange(paneVisibleNow()));
  };
  if (typeof Office === "undefined" || typeof Office.addin?.onVisibilityModeChanged !== "function")
    return fromPage();
  try {
    await Office.addin.onVisibilityModeChanged((message) =>
      onChange(message.visibilityMode === Office.VisibilityMode.taskpane)
    );
  } catch {
    fromPage();
  }
}
