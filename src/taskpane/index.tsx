import { createRoot } from "react-dom/client";
import { KaonaSession } from "../app/session";
import { detectHost, paneVisibleNow, watchPaneVisibility } from "../workbook/excel/officeHost";
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

async function main(): Promise<void> {
  const host = await detectHost();
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
  const workbook = await openWorkbook(host.kind);
  const session = new KaonaSession(workbook);
  // Hidden, live checking pauses; shown again, it catches up with one check.
  onVisibility = (visible) => void session.setPaneVisible(visible);
  // Settings (the language among them) come with the bindings: read them before the first
  // render, so the pane does not switch language under the person's eyes.
  await session.load();
  const container = document.getElementById("root");
  if (!container) throw new Error("#root is missing from taskpane.html");
  createRoot(container).render(<App host={host} session={session} />);
  window.addEventListener("pagehide", () => void session.dispose());
}

void main();
