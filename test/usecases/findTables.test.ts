import { join } from "node:path";
import { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";
import { readXlsxGrids } from "../../src/workbook/xlsx/readXlsx";
import type { LayoutCell } from "../../src/domain/types";
import { findTables, suggestTables } from "../../src/usecases/findTables";
import { rangeOfCorners } from "../../src/domain/a1";

const CORPUS = join(__dirname, "..", "fixtures", "corpus");

/** The same cells in a memory workbook (the pane's side), sheet by sheet. */
async function asMemoryWorkbook(file: string): Promise<MemoryWorkbook> {
  const grids = await readXlsxGrids(join(CORPUS, file));
  const workbook = new MemoryWorkbook();
  for (const grid of grids) {
    const cells: LayoutCell[] = [];
    grid.values.forEach((line, row) =>
      line.forEach((value, col) => {
        if (value !== null && value !== undefined) cells.push({ row, col, value });
      })
    );
    await workbook.writeSheet({
      name: grid.name,
      columnWidths: [],
      rowHeights: {},
      cells,
      merges: grid.merges.map(rangeOfCorners),
      styles: {},
    });
  }
  return workbook;
}

describe("findTables and suggestTables: the command and the pane find the same tables", () => {
  it.each(["rounds-per-project.xlsx", "projects-split.xlsx", "title-rows-csv.xlsx"])(
    "%s",
    async (file) => {
      const fromFile = findTables(await readXlsxGrids(join(CORPUS, file)));
      const workbook = await asMemoryWorkbook(file);
      const sheets = fromFile.discovery.found.map((entry) => entry.table.sheet);
      const grids = await Promise.all(sheets.map((sheet) => workbook.readSheetGrid(sheet)));
      const inPane = findTables(grids);
      const shape = (found: typeof fromFile) =>
        Object.fromEntries(
          Object.entries(found.used).map(([kind, tables]) => [
            kind,
            tables?.map((table) => [table.sheet, table.origin, table.headers, table.rows.length]),
          ])
        );
      expect(shape(inPane)).toEqual(shape(fromFile));
      expect(shape(fromFile)).not.toEqual({});
      const suggestions = suggestTables(grids);
      expect(suggestions.map((s) => s.sheet)).toEqual(
        fromFile.discovery.found.filter((e) => e.kind).map((e) => e.table.sheet)
      );
    }
  );

  it("suggests the range below the title rows, header included", async () => {
    const workbook = await asMemoryWorkbook("title-rows-csv.xlsx");
    const [suggestion] = suggestTables([await workbook.readSheetGrid("title-rows-csv")]);
    expect(suggestion).toMatchObject({
      kind: "projects",
      sheet: "title-rows-csv",
      address: "A4:D6",
      headerRows: [4],
    });
  });
});
