/**
 * The behaviour every Workbook implementation owes the task pane, run against the
 * Office.js workbook (on the recording fake) and the in-memory workbook alike.
 */
import { resolveBindings } from "../../src/workbook/bindings";
import type { CellContent } from "../../src/workbook/cellContent";
import { WorkbookError, type Bindings, type Workbook } from "../../src/workbook/port";
import type { SheetLayout } from "../../src/domain/types";

export interface Harness {
  workbook: Workbook;
  /** A table a person made; returns its id. */
  addUserTable(
    sheet: string,
    name: string,
    topLeft: string,
    headers: string[],
    rows: CellContent[][]
  ): string;
  /** Plain cells a person typed (no table). */
  typeCells(sheet: string, topLeft: string, rows: CellContent[][]): void;
  userEdit(sheet: string, address: string, value: CellContent): void;
  cell(sheet: string, address: string): CellContent | undefined;
  numberFormat(sheet: string, address: string): string | undefined;
  select(sheet: string, address: string): void;
  selection(): { sheet: string; address: string } | null;
  protect(sheet: string): void;
  deleteTable(id: string): void;
  renameTable(id: string, name: string): void;
  renameSheet(from: string, to: string): void;
  sheetNames(): string[];
}

/** Seed 000's first rounds as staff type them (code, round, date serial, progress, status). */
const ROUND_HEADERS = [
  "รหัสโครงการ",
  "รายงานครั้งที่",
  "วันที่รายงาน",
  "ความก้าวหน้าของงาน (%)",
  "เป็นไปตามแผน",
];
const ROUND_ROWS: CellContent[][] = [
  ["21000000-3165", 1, 43801, 10, "เป็นไปตามแผน"],
  ["21000000-3165", 2, 43825, 25, "เป็นไปตามแผน"],
  ["21000000-3165", 3, "", "10.00 %", "ล่าช้ากว่าแผน"],
];

export function issuesLayout(rows: number, name = "ปัญหา Kaona"): SheetLayout {
  const cells: SheetLayout["cells"] = [
    { row: 0, col: 0, value: "ตาราง", style: "head" },
    { row: 0, col: 1, value: "แถว", style: "head" },
    { row: 0, col: 2, value: "ข้อความ", style: "head" },
    { row: 0, col: 3, value: "เซลล์", style: "head" },
  ];
  for (let i = 1; i <= rows; i++) {
    cells.push({ row: i, col: 0, value: "rounds" });
    cells.push({ row: i, col: 1, value: i });
    cells.push({ row: i, col: 2, value: `ความก้าวหน้าลดลงจากครั้งก่อน (${i})`, style: "wrap" });
    cells.push({
      row: i,
      col: 3,
      value: `E${i + 1}`,
      link: { sheet: "รายงาน", cell: `E${i + 1}` },
      style: "link",
    });
  }
  return {
    name,
    columnWidths: [60, 40, 300, 50],
    rowHeights: { 0: 24 },
    cells,
    merges: [],
    styles: {
      head: {
        bold: true,
        fill: "#DDEBF7",
        border: { top: true, bottom: true, left: true, right: true },
      },
      wrap: { wrap: true, vAlign: "top" },
      link: { color: "#0563C1", underline: true },
    },
    freezeRows: 1,
  };
}

function expectWorkbookError(error: unknown, reason: WorkbookError["reason"]): WorkbookError {
  expect(error).toBeInstanceOf(WorkbookError);
  const e = error as WorkbookError;
  expect(e.reason).toBe(reason);
  return e;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

export function workbookContract(name: string, make: () => Harness): void {
  describe(`${name}: the Workbook contract`, () => {
    let h: Harness;
    beforeEach(() => {
      h = make();
    });

    test("lists a person's tables with headers, address and row count", async () => {
      const id = h.addUserTable("รายงาน", "Rounds", "B2", ROUND_HEADERS, ROUND_ROWS);
      const tables = await h.workbook.listTables();
      expect(tables).toHaveLength(1);
      expect(tables[0]).toMatchObject({
        id,
        name: "Rounds",
        sheet: "รายงาน",
        address: "B2:F5",
        headers: ROUND_HEADERS,
        rowCount: 3,
      });
    });

    test("reads tables as values with their origin; blanks are null, text stays text", async () => {
      const id = h.addUserTable("รายงาน", "Rounds", "B2", ROUND_HEADERS, ROUND_ROWS);
      await h.workbook.listTables();
      const [raw] = await h.workbook.readTables([id]);
      expect(raw.name).toBe("Rounds");
      expect(raw.sheet).toBe("รายงาน");
      expect(raw.origin).toEqual({ row: 1, col: 1 });
      expect(raw.headers).toEqual(ROUND_HEADERS);
      expect(raw.rows[0]).toEqual(["21000000-3165", 1, 43801, 10, "เป็นไปตามแผน"]);
      expect(raw.rows[2]).toEqual(["21000000-3165", 3, null, "10.00 %", "ล่าช้ากว่าแผน"]);
      expect(raw.numberFormats).toHaveLength(3);
    });

    test("a deleted table is 'table-missing' when read, and 'missing' among the bindings", async () => {
      const id = h.addUserTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, ROUND_ROWS);
      const bindings: Bindings = {
        version: 1,
        tables: [
          { kind: "rounds", tableId: id, tableName: "Rounds", columns: { round: "รายงานครั้งที่" } },
        ],
      };
      await h.workbook.saveBindings(bindings);
      h.deleteTable(id);
      expectWorkbookError(await failure(h.workbook.readTables([id])), "table-missing");
      const resolved = resolveBindings(
        await h.workbook.loadBindings(),
        await h.workbook.listTables()
      );
      expect(resolved.map((r) => r.status)).toEqual(["missing"]);
    });

    test("bindings survive a round trip and follow renamed tables and sheets", async () => {
      expect(await h.workbook.loadBindings()).toEqual({ version: 1, tables: [] });
      const id = h.addUserTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, ROUND_ROWS);
      const bindings: Bindings = {
        version: 1,
        tables: [
          {
            kind: "rounds",
            tableId: id,
            tableName: "Rounds",
            columns: { projectCode: "รหัสโครงการ", round: "รายงานครั้งที่" },
          },
        ],
        settings: { lang: "th", tolerance: 0.5 },
      };
      await h.workbook.saveBindings(bindings);
      await h.workbook.saveBindings(bindings);
      expect(await h.workbook.loadBindings()).toEqual(bindings);
      h.renameTable(id, "RoundsFY63");
      h.renameSheet("รายงาน", "รายงาน 2563");
      const [resolved] = resolveBindings(
        await h.workbook.loadBindings(),
        await h.workbook.listTables()
      );
      expect(resolved.status).toBe("renamed");
      expect(resolved.updated).toMatchObject({ tableId: id, tableName: "RoundsFY63" });
      expect(resolved.table?.sheet).toBe("รายงาน 2563");
      expect(resolved.missingColumns).toEqual([]);
    });

    test("creates a table on a new sheet with headers, formats, widths and validation", async () => {
      const info = await h.workbook.createTable({
        sheet: "รายงานครั้งที่",
        tableName: "KaonaRounds",
        headers: ROUND_HEADERS,
        columnWidths: [90, 50, 80, 70, 110],
        numberFormats: ["@", "0", "[$-1070000]d/mm/yyyy", "0.00", undefined],
        validation: [
          { column: 1, type: "wholeNumber", min: 1 },
          { column: 3, type: "decimal", min: 0, max: 100 },
          { column: 4, type: "list", source: ["เป็นไปตามแผน", "ล่าช้ากว่าแผน", "เร็วกว่าแผน"] },
        ],
      });
      expect(info).toMatchObject({
        name: "KaonaRounds",
        sheet: "รายงานครั้งที่",
        address: "A1:E2",
        headers: ROUND_HEADERS,
        rowCount: 0,
      });
      expect(h.cell("รายงานครั้งที่", "A1")).toBe("รหัสโครงการ");
      expect(h.numberFormat("รายงานครั้งที่", "C2")).toBe("[$-1070000]d/mm/yyyy");
      const tables = await h.workbook.listTables();
      expect(tables.map((t) => t.name)).toContain("KaonaRounds");
      const [raw] = await h.workbook.readTables([info.id]);
      expect(raw.rows).toEqual([]);
    });

    test("sample rows keep codes and typed text exactly as given", async () => {
      const info = await h.workbook.createTable({
        sheet: "ตัวอย่าง",
        tableName: "Sample",
        headers: ROUND_HEADERS,
        rows: ROUND_ROWS,
      });
      expect(info.rowCount).toBe(3);
      const [raw] = await h.workbook.readTables([info.id]);
      expect(raw.rows.map((r) => r[0])).toEqual([
        "21000000-3165",
        "21000000-3165",
        "21000000-3165",
      ]);
      expect(raw.rows[2][3]).toBe("10.00 %");
      expect(h.numberFormat("ตัวอย่าง", "A2")).toBe("@");
    });

    test("refuses to create over an existing sheet or table name, and a rule Excel cannot hold", async () => {
      h.addUserTable("ข้อมูลของฉัน", "Mine", "A1", ["a"], [[1]]);
      expectWorkbookError(
        await failure(
          h.workbook.createTable({ sheet: "ข้อมูลของฉัน", tableName: "X", headers: ["a"] })
        ),
        "sheet-conflict"
      );
      expectWorkbookError(
        await failure(h.workbook.createTable({ sheet: "ใหม่", tableName: "Mine", headers: ["a"] })),
        "sheet-conflict"
      );
      const bad = await failure(
        h.workbook.createTable({
          sheet: "ใหม่",
          tableName: "T",
          headers: ["a"],
          validation: [{ column: 0, type: "list", source: ["ก, ข", "ค"] }],
        })
      );
      expectWorkbookError(bad, "not-supported");
      expect(h.sheetNames()).not.toContain("ใหม่");
      expectWorkbookError(
        await failure(h.workbook.createTable({ sheet: "a/b", tableName: "T", headers: ["a"] })),
        "not-supported"
      );
    });

    test("turns the selected plain range into a table, and refuses what is not one", async () => {
      h.typeCells("ข้อมูล", "B3", [
        ["รหัส", "ชื่อ"],
        ["21000000-3165", "กิจกรรมติดตาม"],
        ["21000000-6549", "กิจกรรมการติดตาม"],
      ]);
      h.select("ข้อมูล", "B3:C3");
      expectWorkbookError(
        await failure(h.workbook.convertSelectionToTable("Projects")),
        "not-supported"
      );
      h.select("ข้อมูล", "B3:C5");
      const info = await h.workbook.convertSelectionToTable("Projects");
      expect(info).toMatchObject({
        name: "Projects",
        sheet: "ข้อมูล",
        address: "B3:C5",
        headers: ["รหัส", "ชื่อ"],
        rowCount: 2,
      });
      expectWorkbookError(
        await failure(h.workbook.convertSelectionToTable("Projects2")),
        "not-supported"
      );
    });

    test("applies validation to a bound table, and reports a missing table or a protected sheet", async () => {
      const id = h.addUserTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, ROUND_ROWS);
      await h.workbook.applyValidation(id, [{ column: 3, type: "decimal", min: 0, max: 100 }]);
      expectWorkbookError(
        await failure(h.workbook.applyValidation("no-such-table", [{ column: 0, type: "date" }])),
        "table-missing"
      );
      h.protect("รายงาน");
      expectWorkbookError(
        await failure(
          h.workbook.applyValidation(id, [{ column: 3, type: "decimal", min: 0, max: 100 }])
        ),
        "sheet-protected"
      );
    });

    test("writes a generated sheet, regenerates it in place, and keeps text as text", async () => {
      const layout = issuesLayout(3);
      layout.cells.push(
        { row: 5, col: 0, value: "=1+1" },
        { row: 5, col: 1, value: "0012" },
        { row: 5, col: 2, formula: "=SUM(B2:B4)" }
      );
      const first = await h.workbook.writeSheet(layout);
      expect(first).toMatchObject({ sheet: "ปัญหา Kaona", replaced: false });
      expect(h.cell("ปัญหา Kaona", "A1")).toBe("ตาราง");
      expect(h.cell("ปัญหา Kaona", "C3")).toBe("ความก้าวหน้าลดลงจากครั้งก่อน (2)");
      expect(h.cell("ปัญหา Kaona", "A6")).toBe("=1+1");
      expect(h.numberFormat("ปัญหา Kaona", "A6")).toBe("@");
      expect(h.numberFormat("ปัญหา Kaona", "B6")).toBe("@");
      expect(h.cell("ปัญหา Kaona", "C6")).toBe("=SUM(B2:B4)");
      const again = await h.workbook.writeSheet(issuesLayout(2));
      expect(again.replaced).toBe(true);
      expect(h.cell("ปัญหา Kaona", "C3")).toBe("ความก้าวหน้าลดลงจากครั้งก่อน (2)");
      expect(h.cell("ปัญหา Kaona", "C4") ?? "").toBe("");
      expect(h.cell("ปัญหา Kaona", "A6") ?? "").toBe("");
      expect(h.sheetNames().filter((n) => n === "ปัญหา Kaona")).toHaveLength(1);
    });

    test("asks before replacing a generated sheet the user edited", async () => {
      await h.workbook.writeSheet(issuesLayout(3));
      h.userEdit("ปัญหา Kaona", "C2", "ฉันแก้ข้อความนี้");
      const e = expectWorkbookError(
        await failure(h.workbook.writeSheet(issuesLayout(3))),
        "sheet-conflict"
      );
      expect(e.detail?.conflict).toBe("edited");
      expect(h.cell("ปัญหา Kaona", "C2")).toBe("ฉันแก้ข้อความนี้");
      await h.workbook.writeSheet(issuesLayout(3), { overwriteEdited: true });
      expect(h.cell("ปัญหา Kaona", "C2")).toBe("ความก้าวหน้าลดลงจากครั้งก่อน (1)");
    });

    test("two generated sheets keep their marks: write A, write B, regenerate A", async () => {
      await h.workbook.writeSheet(issuesLayout(2, "ปัญหา A"));
      await h.workbook.writeSheet(issuesLayout(2, "ปัญหา B"));
      await expect(h.workbook.writeSheet(issuesLayout(3, "ปัญหา A"))).resolves.toMatchObject({
        sheet: "ปัญหา A",
        replaced: true,
      });
      await expect(h.workbook.writeSheet(issuesLayout(1, "ปัญหา B"))).resolves.toMatchObject({
        replaced: true,
      });
    });

    test("a sheet the person made under the name of a renamed Kaona sheet is theirs", async () => {
      await h.workbook.writeSheet(issuesLayout(2, "ปัญหา A"));
      await h.workbook.writeSheet(issuesLayout(2, "ปัญหา B"));
      h.renameSheet("ปัญหา A", "ปัญหา A (เก่า)");
      h.typeCells("ปัญหา A", "A1", [["งานของฉัน"]]);
      const e = expectWorkbookError(
        await failure(h.workbook.writeSheet(issuesLayout(2, "ปัญหา A"), { overwriteEdited: true })),
        "sheet-conflict"
      );
      expect(e.detail?.conflict).toBe("not-generated");
      expect(h.cell("ปัญหา A", "A1")).toBe("งานของฉัน");
    });

    test("refuses a table name Excel would refuse, before making anything", async () => {
      for (const tableName of ["Kaona Rounds", "2563Rounds", "KPI2020", "R1C1"]) {
        expectWorkbookError(
          await failure(h.workbook.createTable({ sheet: "ใหม่", tableName, headers: ["a"] })),
          "not-supported"
        );
      }
      expect(h.sheetNames()).not.toContain("ใหม่");
      h.typeCells("ข้อมูล", "A1", [["รหัส"], ["21000000-3165"]]);
      h.select("ข้อมูล", "A1:A2");
      expectWorkbookError(
        await failure(h.workbook.convertSelectionToTable("ตาราง โครงการ")),
        "not-supported"
      );
    });

    test("never touches a sheet Kaona did not generate", async () => {
      h.typeCells("ปัญหา Kaona", "A1", [["งานของฉัน"]]);
      const e = expectWorkbookError(
        await failure(h.workbook.writeSheet(issuesLayout(2))),
        "sheet-conflict"
      );
      expect(e.detail?.conflict).toBe("not-generated");
      expect(h.cell("ปัญหา Kaona", "A1")).toBe("งานของฉัน");
    });

    test("a protected generated sheet is 'sheet-protected'; 512 merged areas are refused", async () => {
      await h.workbook.writeSheet(issuesLayout(1));
      h.protect("ปัญหา Kaona");
      expectWorkbookError(await failure(h.workbook.writeSheet(issuesLayout(1))), "sheet-protected");
      const layout = issuesLayout(0, "Merges");
      layout.merges = Array.from({ length: 512 }, (_, i) => ({
        row: i * 2,
        col: 0,
        rows: 1,
        cols: 2,
      }));
      expectWorkbookError(await failure(h.workbook.writeSheet(layout)), "not-supported");
      expect(h.sheetNames()).not.toContain("Merges");
    });

    test("selects a cell, and reports a missing sheet", async () => {
      h.addUserTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, ROUND_ROWS);
      await h.workbook.selectCell("รายงาน", "D3");
      expect(h.selection()).toEqual({ sheet: "รายงาน", address: "D3" });
      expectWorkbookError(await failure(h.workbook.selectCell("ไม่มี", "A1")), "table-missing");
    });

    test("calls the handler when a watched table changes, until removed", async () => {
      const id = h.addUserTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, ROUND_ROWS);
      const seen: string[] = [];
      const remove = await h.workbook.onTablesChanged([id], (tableId) => seen.push(tableId));
      h.userEdit("รายงาน", "D2", 15);
      h.userEdit("รายงาน", "H20", "outside");
      expect(seen).toEqual([id]);
      await remove();
      h.userEdit("รายงาน", "D3", 30);
      expect(seen).toEqual([id]);
      expectWorkbookError(
        await failure(h.workbook.onTablesChanged(["gone"], () => undefined)),
        "table-missing"
      );
    });
  });
}
