import { createRoot } from "react-dom/client";
import { storedPreferences, type KeyValueStorage } from "../app/preferences";
import { ExcelSlowness } from "../app/excelSlowness";
import { KaonaSession } from "../app/session";
import {
  detectHost,
  openedByOffice,
  paneVisibleNow,
  watchPaneVisibility,
} from "../workbook/excel/officeHost";
import { storagePartitionKey } from "../workbook/excel/storagePartition";
import type { Workbook } from "../workbook/port";
import { App, loadHomePage } from "./App";
import { SlowStart } from "./components/SlowStart";

const loadPreviewModules = () =>
  Promise.all([
    import(/* webpackChunkName: "preview" */ "../workbook/memory/sampleWorkbook"),
    import(/* webpackChunkName: "preview" */ "../app/previewWorkbook"),
  ]);

/** Inside Excel the task pane works on the open workbook; anywhere else on the sample. */
async function openWorkbook(kind: "excel" | "preview", slowness: ExcelSlowness): Promise<Workbook> {
  if (kind === "excel") {
    const { ExcelWorkbook } = await import(
      /* webpackChunkName: "excel" */ "../workbook/excel/ExcelWorkbook"
    );
    return new ExcelWorkbook({ onSlow: slowness.report });
  }
  const [{ createSampleWorkbook, createSampleWithPlainRange }, { PreviewWorkbook }] =
    await loadPreviewModules();
  // `?sheets=plain`: the sample plus a plain range under title rows, for table discovery.
  const plain = new URLSearchParams(window.location.search).get("sheets") === "plain";
  return new PreviewWorkbook(plain ? createSampleWithPlainRange() : createSampleWorkbook());
}

/**
 * Code the first render needs, fetched while office.js starts instead of after it. Office
 * opens a task pane with `_host_Info` in the page's query: without it this is almost
 * surely the browser preview, so its workbook's code is fetched too. A hint only: what
 * runs is still decided by `detectHost`.
 */
function prefetchFirstRender(): void {
  void loadHomePage();
  if (!openedByOffice(window.location.search)) void loadPreviewModules();
}

/** The browser's local storage, unless it is blocked (reading the property may throw). */
function localStorageOrNone(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  prefetchFirstRender();
  const container = document.getElementById("root");
  if (!container) throw new Error("#root is missing from taskpane.html");
  const root = createRoot(container);
  // Inside Excel a slow office.js is waited for, and said so, never replaced by the sample.
  const host = await detectHost(10_000, { onSlow: () => root.render(<SlowStart />) });
  // In the shared runtime this page also starts when a =KPI.* formula calculates, with no
  // pane shown: the session (and its change handlers) wait until the pane is shown.
  let onVisibility: (visible: boolean) => void = () => undefined;
  void watchPaneVisibility((visible) => onVisibility(visible));
  if (!paneVisibleNow())
    await new Promise<void>((resolve) => {
      onVisibility = (visible) => {
        if (visible) resolve();
      };
    });
  const slowness = new ExcelSlowness();
  const workbook = await openWorkbook(host.kind, slowness);
  // The language is the person's own (this computer's storage); the workbook's settings
  // come with the bindings: both are read before the first render, so the pane does not
  // switch language under the person's eyes.
  const preferences = storedPreferences(
    localStorageOrNone(),
    host.kind === "excel" ? storagePartitionKey() : undefined
  );
  const session = new KaonaSession(workbook, { preferences });
  // Hidden, live checking pauses; shown again, it catches up with one check.
  onVisibility = (visible) => void session.setPaneVisible(visible);
  await session.load();
  root.render(<App host={host} session={session} slowness={slowness} />);
  window.addEventListener("pagehide", () => void session.dispose());
}

void main();
