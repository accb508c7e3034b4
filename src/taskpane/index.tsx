import { createRoot } from "react-dom/client";
import { storedPreferences, type KeyValueStorage } from "../app/preferences";
import { KaonaSession } from "../app/session";
import { detectHost, openedByOffice } from "../workbook/excel/officeHost";
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
async function openWorkbook(kind: "excel" | "preview"): Promise<Workbook> {
  if (kind === "excel") {
    const { ExcelWorkbook } = await import(
      /* webpackChunkName: "excel" */ "../workbook/excel/ExcelWorkbook"
    );
    return new ExcelWorkbook();
  }
  const [{ createSampleWorkbook }, { PreviewWorkbook }] = await loadPreviewModules();
  return new PreviewWorkbook(createSampleWorkbook());
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
  const workbook = await openWorkbook(host.kind);
  // The language is the person's own (this computer's storage); the workbook's settings
  // come with the bindings: both are read before the first render, so the pane does not
  // switch language under the person's eyes.
  const preferences = storedPreferences(
    localStorageOrNone(),
    host.kind === "excel" ? storagePartitionKey() : undefined
  );
  const session = new KaonaSession(workbook, { preferences });
  await session.load();
  root.render(<App host={host} session={session} />);
  window.addEventListener("pagehide", () => void session.dispose());
}

void main();
