import { SAMPLE_TABLES } from "../../domain/sample";
import { workbookContract, issuesLayout } from "../../../test/workbook/contract";
import { parseCell } from "../../domain/a1";
import { resolveBindings } from "../bindings";
import { MemoryWorkbook } from "./MemoryWorkbook";
import { createSampleWorkbook } from "./sampleWorkbook";
import { plainTable } from "../../../test/fixtures/tables";

function harness() {
  const workbook = new MemoryWorkbook();
  const at = (sheet: string, address: string) =>
    workbook
      .snapshot()
      .sheets.find((s) => s.name === sheet)
      ?.cells.find((c) => c.address === address);
  return {
    workbook,
    addUserTable: (
      sheet: string,
      name: string,
      topLeft: string,
      headers: string[],
      rows: (string | number | boolean)[][]
    ) => {
      const origin = parseCell(topLeft) ?? { row: 0, col: 0 };
      return workbook.addTable({
        name,
        sheet,
        origin,
        headers,
        rows: rows.map((r) => r.map((v) => (v === "" ? null : v))),
      }).id;
    },
    typeCells: (sheet: string, topLeft: string, rows: (string | number | boolean)[][]) => {
      const origin = parseCell(topLeft) ?? { row: 0, col: 0 };
      workbook.select(sheet, topLeft);
      rows.forEach((line, i) =>
        line.forEach((v, j) =>
          workbook.setCell(
            sheet,
            `${String.fromCharCode(65 + origin.col + j)}${origin.row + i + 1}`,
            v
          )
        )
      );
    },
    userEdit: (sheet: string, address: string, value: string | number | boolean) =>
      workbook.setCell(sheet, address, value),
    cell: (sheet: string, address: string) => at(sheet, address)?.value,
    numberFormat: (sheet: string, address: string) => at(sheet, address)?.numberFormat,
    select: (sheet: string, address: string) => workbook.select(sheet, address),
    selection: () => workbook.snapshot().selection,
    protect: (sheet: string) => workbook.protectSheet(sheet),
    deleteTable: (id: string) => workbook.deleteTable(id),
    renameTable: (id: string, name: string) => workbook.renameTable(id, name),
    renameSheet: (from: string, to: string) => workbook.renameSheet(from, to),
    sheetNames: () => workbook.snapshot().sheets.map((s) => s.name),
  };
}

workbookContract("MemoryWorkbook", harness);

describe("MemoryWorkbook for the preview", () => {
  test("the sample workbook holds the seed tables, readable and bindable", async () => {
    const workbook = createSampleWorkbook();
    const tables = await workbook.listTables();
    expect(tables.map((t) => t.name)).toEqual(["KaonaProjects", "KaonaRounds", "KaonaIndicators"]);
    expect(tables.map((t) => t.rowCount)).toEqual([
      SAMPLE_TABLES.projects.rows.length,
      SAMPLE_TABLES.rounds.rows.length,
      SAMPLE_TABLES.indicators.rows.length,
    ]);
    const [projects] = await workbook.readTables([tables[0].id]);
    expect(projects.rows.map((r) => r[0])).toEqual(["21000000-3165", "21000000-6549"]);
    expect(projects.headers).toEqual(SAMPLE_TABLES.projects.headers);
    const bindings = {
      version: 1 as const,
      tables: tables.map((t, i) => ({
        kind: (["projects", "rounds", "indicators"] as const)[i],
        tableId: t.id,
        tableName: t.name,
        columns: {},
      })),
    };
    await workbook.saveBindings(bindings);
    expect(
      resolveBindings(await workbook.loadBindings(), await workbook.listTables()).map(
        (r) => r.status
      )
    ).toEqual(["ok", "ok", "ok"]);
  });

  test("a user's edit in a bound table reaches the check: the handler fires and the read shows it", async () => {
    const workbook = createSampleWorkbook();
    const rounds = (await workbook.listTables()).find((t) => t.name === "KaonaRounds");
    if (!rounds) throw new Error("no rounds table");
    const changed: string[] = [];
    await workbook.onTablesChanged([rounds.id], (id) => changed.push(id));
    const progressCol = rounds.headers.findIndex((h) => h.includes("ความก้าวหน้า"));
    expect(progressCol).toBeGreaterThanOrEqual(0);
    const address = `${String.fromCharCode(65 + progressCol)}3`;
    workbook.setCell(rounds.sheet, address, 5);
    expect(changed).toEqual([rounds.id]);
    const [raw] = await workbook.readTables([rounds.id]);
    expect(raw.rows[1][progressCol]).toBe(5);
  });

  test("snapshot draws a generated sheet: merges, widths, styles, links and its mark", async () => {
    const workbook = new MemoryWorkbook();
    const layout = issuesLayout(2);
    layout.merges = [{ row: 4, col: 0, rows: 1, cols: 4 }];
    layout.cells.push({ row: 4, col: 0, value: "รวม 2 รายการ", style: "head" });
    await workbook.writeSheet(layout, { activate: true });
    const snap = workbook.snapshot();
    const sheet = snap.sheets[0];
    expect(snap.activeSheet).toBe("ปัญหา Kaona");
    expect(sheet.generated).toBe(true);
    expect(sheet.merges).toEqual([{ row: 4, col: 0, rows: 1, cols: 4 }]);
    expect(sheet.columnWidths).toEqual([60, 40, 300, 50]);
    expect(sheet.freezeRows).toBe(1);
    // The merged area's cells carry its anchor's style (so its borders close).
    expect(sheet.cells.find((c) => c.address === "D5")?.style?.bold).toBe(true);
    expect(sheet.cells.find((c) => c.address === "D2")).toMatchObject({
      value: '=HYPERLINK("#\'รายงาน\'!E2","E2")',
      shown: "E2",
    });
  });

  test("hostile cell content is data: huge text is clipped to Excel's limit, NaN is blank", async () => {
    const workbook = new MemoryWorkbook();
    const info = workbook.addTable(
      plainTable(["a", "b", "c"], [["x".repeat(100_000), Number.NaN, "#N/A"]])
    );
    const [raw] = await workbook.readTables([info.id]);
    expect(String(raw.rows[0][0]).length).toBe(32_767);
    expect(raw.rows[0][1]).toBeNull();
    expect(raw.rows[0][2]).toBe("#N/A");
  });
});

describe("the user's side raises the change events Excel would", () => {
  function rounds() {
    const workbook = new MemoryWorkbook();
    const id = workbook.addTable({
      name: "Rounds",
      sheet: "ครั้ง",
      origin: { row: 1, col: 1 },
      headers: ["รหัส", "ครั้งที่", "ร้อยละ"],
      rows: [
        ["P-1", 1, 10],
        ["P-1", 2, 30],
        ["P-2", 1, 5],
      ],
    }).id;
    const events: unknown[] = [];
    void workbook.onTablesChanged([id], (_, change) => events.push(change));
    return { workbook, id, events };
  }

  /** The event of values edited in `address`, on the table's data rows `rows`. */
  const valueEdit = (
    tableId: string,
    address: string,
    rows: { first: number; count: number },
    source: "local" | "remote" = "local"
  ) => ({ tableId, source, type: "valueEdit", address, rows });

  test("a typed cell: a value edit of its row, local or remote; a header edit says so", () => {
    const { workbook, id, events } = rounds();
    workbook.setCell("ครั้ง", "D4", 35);
    workbook.setCell("ครั้ง", "B5", "P-3", "remote");
    workbook.setCell("ครั้ง", "C2", "รอบ");
    workbook.setCell("ครั้ง", "H9", 1);
    expect(events).toEqual([
      valueEdit(id, "D4", { first: 1, count: 1 }),
      valueEdit(id, "B5", { first: 2, count: 1 }, "remote"),
      { tableId: id, source: "local", type: "valueEdit", address: "C2", headers: true },
    ]);
  });

  test("a paste over the table and below it: one event for the rows inside", () => {
    const { workbook, id, events } = rounds();
    workbook.paste("ครั้ง", "B4", [
      ["P-9", 3, 40],
      ["P-9", 4, 50],
      ["P-9", 5, 60],
    ]);
    expect(events).toEqual([valueEdit(id, "B4:D5", { first: 1, count: 2 })]);
  });

  test("rows inserted, deleted and sorted move the cells and the table", async () => {
    const { workbook, id, events } = rounds();
    workbook.insertRows(id, 1, [["P-1", 9, 99]]);
    workbook.deleteRows(id, 0, 1);
    workbook.sortRows(id, 2, true, "remote");
    expect(events).toEqual([
      { tableId: id, source: "local", type: "rowsInserted", rows: { first: 1, count: 1 } },
      { tableId: id, source: "local", type: "rowsDeleted", rows: { first: 0, count: 1 } },
      { tableId: id, source: "remote", type: "sort", rows: { first: 0, count: 3 } },
    ]);
    const [table] = await workbook.readTables([id]);
    expect(table.rows).toEqual([
      ["P-1", 9, 99],
      ["P-1", 2, 30],
      ["P-2", 1, 5],
    ]);
    expect((await workbook.listTables())[0].address).toBe("B2:D5");
  });

  test("deleting every row leaves one blank row, and nothing below moves into it", async () => {
    const { workbook, id } = rounds();
    workbook.setCell("ครั้ง", "B7", "below");
    workbook.deleteRows(id, 0, 3);
    expect((await workbook.readTables([id]))[0].rows).toEqual([]);
    expect(workbook.getCell("ครั้ง", "B3")).toBe("");
    expect(workbook.getCell("ครั้ง", "B5")).toBe("below");
  });

  test("readTableRows reads only the rows asked, clipped to the table, with its place", async () => {
    const { workbook, id } = rounds();
    const read = await workbook.readTableRows(id, 1, 5);
    expect(read).toMatchObject({
      name: "Rounds",
      sheet: "ครั้ง",
      origin: { row: 1, col: 1 },
      headers: ["รหัส", "ครั้งที่", "ร้อยละ"],
      rowCount: 3,
      firstRow: 1,
      rows: [
        ["P-1", 2, 30],
        ["P-2", 1, 5],
      ],
    });
    expect((await workbook.readTableRows(id, 7, 2)).rows).toEqual([]);
  });
});
