import { createRoot } from "react-dom/client";
import { detectHost } from "../workbook/excel/officeHost";
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
  const { createSampleWorkbook } = await import(
    /* webpackChunkName: "preview" */ "../workbook/memory/sampleWorkbook"
  );
  return createSampleWorkbook();
}

async function main(): Promise<void> {
  const host = await detectHost();
  const workbook = await openWorkbook(host.kind);
  const container = document.getElementById("root");
  if (!container) throw new Error("#root is missing from taskpane.html");
  createRoot(container).render(<App host={host} workbook={workbook} />);
}

void main();
