import { createRoot } from "react-dom/client";
import { storedPreferences, type KeyValueStorage } from "../app/preferences";
import { KaonaSession } from "../app/session";
import { detectHost } from "../workbook/excel/officeHost";
import { storagePartitionKey } from "../workbook/excel/storagePartition";
import type { Workbook } from "../workbook/port";
import { App } from "./App";

/** Inside Excel the task pane works on the open workbook; anywhere else on the sample. */
async function openWorkbook(kind: "excel" | "preview"): Promise<Workbook> {
  if (kind === "excel") {
    const { ExcelWorkbook } = await import(
      /* webpackChunkName: "excel" */ "../workbook/excel/ExcelWorkbook"
    );
    return new ExcelWorkbook();
  }
  const [{ createSampleWorkbook }, { PreviewWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "preview" */ "../workbook/memory/sampleWorkbook"),
    import(/* webpackChunkName: "preview" */ "../app/previewWorkbook"),
  ]);
  return new PreviewWorkbook(createSampleWorkbook());
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
  const host = await detectHost();
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
  const container = document.getElementById("root");
  if (!container) throw new Error("#root is missing from taskpane.html");
  createRoot(container).render(<App host={host} session={session} />);
  window.addEventListener("pagehide", () => void session.dispose());
}

void main();
