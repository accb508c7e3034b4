import { createRoot } from "react-dom/client";
import { ExcelSlowness } from "../app/excelSlowness";
import { KaonaSession } from "../app/session";
import { detectHost } from "../workbook/excel/officeHost";
import type { Workbook } from "../workbook/port";
import { App } from "./App";

/** Inside Excel the task pane works on the open workbook; anywhere else on the sample. */
async function openWorkbook(kind: "excel" | "preview", slowness: ExcelSlowness): Promise<Workbook> {
  if (kind === "excel") {
    const { ExcelWorkbook } = await import(
      /* webpackChunkName: "excel" */ "../workbook/excel/ExcelWorkbook"
    );
    return new ExcelWorkbook({ onSlow: slowness.report });
  }
  const [{ createSampleWorkbook }, { PreviewWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "preview" */ "../workbook/memory/sampleWorkbook"),
    import(/* webpackChunkName: "preview" */ "../app/previewWorkbook"),
  ]);
  return new PreviewWorkbook(createSampleWorkbook());
}

async function main(): Promise<void> {
  const host = await detectHost();
  const slowness = new ExcelSlowness();
  const workbook = await openWorkbook(host.kind, slowness);
  const session = new KaonaSession(workbook);
  // Settings (the language among them) come with the bindings: read them before the first
  // render, so the pane does not switch language under the person's eyes.
  await session.load();
  const container = document.getElementById("root");
  if (!container) throw new Error("#root is missing from taskpane.html");
  createRoot(container).render(<App host={host} session={session} slowness={slowness} />);
  window.addEventListener("pagehide", () => void session.dispose());
}

void main();
