import { buildIssuesSheet } from "../domain/report";
import { createSampleWorkbook } from "../workbook/memory/sampleWorkbook";
import { PreviewWorkbook } from "./previewWorkbook";

test("the snapshot stays the same object until the workbook changes, and every write is signalled", async () => {
  const preview = new PreviewWorkbook(createSampleWorkbook());
  const seen: number[] = [];
  const stop = preview.subscribe(() => seen.push(seen.length));
  const first = preview.snapshot();
  expect(preview.snapshot()).toBe(first);
  await preview.selectCell("รายงานความก้าวหน้า", "E15");
  const second = preview.snapshot();
  expect(second).not.toBe(first);
  expect(second.selection).toEqual({ sheet: "รายงานความก้าวหน้า", address: "E15" });
  await preview.saveBindings({ version: 1, tables: [] });
  preview.setCell("รายงานความก้าวหน้า", "E15", 55);
  expect(seen).toHaveLength(3);
  stop();
  preview.select("โครงการ", "A1");
  expect(seen).toHaveLength(3);
});

test("a generated sheet is drawn from its layout until a person edits it", async () => {
  const preview = new PreviewWorkbook(createSampleWorkbook());
  const layout = buildIssuesSheet([], "th");
  const written = await preview.writeSheet(layout, { activate: true });
  expect(preview.generatedLayout(written.sheet)?.cells).toEqual(layout.cells);
  expect(preview.snapshot().activeSheet).toBe(written.sheet);
  preview.setCell(written.sheet, "A1", "แก้เอง");
  expect(preview.generatedLayout(written.sheet)).toBeUndefined();
});
