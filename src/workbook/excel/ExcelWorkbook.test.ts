import { columnRef, countSpellings } from "../../domain/report/live";
import type { SheetLayout } from "../../domain/types";
import {
  FakeExcel,
  FakeOfficeError,
  excelFormulaForm,
  type FakeSheet,
} from "../../../test/fakes/fakeExcel";
import { issuesLayout, workbookContract, type Harness } from "../../../test/workbook/contract";
import { parseCell, parseRange, rangeAddress } from "../../domain/a1";
import { GENERATED_NAMESPACE, decodeGenerated } from "../bindingsStore";
import { utf8Length } from "../payload";
import { WorkbookError, type NewTableSpec, type TableChange } from "../port";
import { packBatches, requestCost } from "./batches";
import { ExcelWorkbook, type ExcelWorkbookOptions } from "./ExcelWorkbook";
import { ROUND_HEADERS, SEED_NARRATIVES, roundRows } from "../../../test/fixtures/rounds";
import { checkTables } from "../../domain/check";
import { buildProjectReport } from "../../domain/report";
import { SAMPLE_TABLES } from "../../domain/sample";
import { planSheet } from "../sheetPlan";

/** An ExcelWorkbook on the fake, every requirement set supported. */
function workbookOn(fake: FakeExcel, options: ExcelWorkbookOptions = {}): ExcelWorkbook {
  return new ExcelWorkbook({ runner: fake.runner, supports: () => true, ...options });
}

function excelHarness(
  fake = new FakeExcel()
): Harness & { fake: FakeExcel; workbook: ExcelWorkbook } {
  const workbook = workbookOn(fake, { now: () => new Date("2024-05-01T00:00:00Z") });
  const sheet = (name: string): FakeSheet => fake.sheetByName(name) ?? fake.addSheet(name);
  return {
    fake,
    workbook,
    addUserTable: (s, name, topLeft, headers, rows) =>
      fake.addTable(s, name, topLeft, headers, rows).id,
    typeCells: (s, topLeft, rows) => {
      const origin = parseCell(topLeft) ?? { row: 0, col: 0 };
      rows.forEach((line, i) =>
        line.forEach((v, j) => fake.put(sheet(s), origin.row + i, origin.col + j, v))
      );
    },
    userEdit: (s, address, value) => fake.userEdit(s, address, value),
    cell: (s, address) => fake.cell(s, address)?.value,
    numberFormat: (s, address) => fake.cell(s, address)?.numberFormat,
    select: (s, address) => {
      const rect = parseRange(address);
      if (rect) fake.selection = { sheetId: sheet(s).id, rect };
    },
    selection: () => {
      const sel = fake.selection;
      const s = sel ? fake.sheetById(sel.sheetId) : undefined;
      return sel && s ? { sheet: s.name, address: rangeAddress(sel.rect) } : null;
    },
    protect: (s) => {
      sheet(s).protected = true;
    },
    deleteTable: (id) => {
      fake.tables = fake.tables.filter((t) => t.id !== id);
    },
    renameTable: (id, name) => {
      const t = fake.tables.find((x) => x.id === id);
      if (t) t.name = name;
    },
    renameSheet: (from, to) => {
      const s = fake.sheetByName(from);
      if (s) s.name = to;
    },
    sheetNames: () => fake.sheets.map((s) => s.name),
  };
}

function marksOf(fake: FakeExcel) {
  return decodeGenerated(fake.parts.find((p) => p.namespace === GENERATED_NAMESPACE)?.xml);
}

workbookContract("ExcelWorkbook on the recording fake", () => excelHarness());

async function failure(promise: Promise<unknown>): Promise<WorkbookError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookError);
    return error as WorkbookError;
  }
  throw new Error("expected a failure");
}

describe("ExcelWorkbook requests", () => {
  test("createTable writes headers once, formats whole columns, and the exact validation rules", async () => {
    const h = excelHarness();
    const spec: NewTableSpec = {
      sheet: "รายงานครั้งที่",
      tableName: "KaonaRounds",
      headers: ROUND_HEADERS.slice(0, 5),
      columnWidths: [90, 50, 80, 200, 70],
      numberFormats: ["@", "0", "[$-1070000]d/mm/yyyy", undefined, "0.00"],
      validation: [
        { column: 1, type: "wholeNumber", min: 1, prompt: "ครั้งที่ 1, 2, 3…" },
        { column: 4, type: "decimal", min: 0, max: 100 },
        { column: 3, type: "list", source: ["เป็นไปตามแผน", "ล่าช้ากว่าแผน"] },
      ],
    };
    await h.workbook.createTable(spec);
    const writes = h.fake.writes();
    const values = writes.filter((w) => w.member === "values");
    expect(values).toHaveLength(1);
    expect(values[0].target).toBe('worksheets.getItem("รายงานครั้งที่").getRange("A1:E2")');
    expect(values[0].value).toEqual([ROUND_HEADERS.slice(0, 5), ["", "", "", "", ""]]);
    const formats = writes
      .filter((w) => w.member === "numberFormat")
      .map((w) => [w.target.replace(/.*getRange\("(.*)"\)/, "$1"), w.value]);
    expect(formats).toEqual([
      ["A2", "@"],
      ["B2", "0"],
      ["C2", "[$-1070000]d/mm/yyyy"],
      ["E2", "0.00"],
    ]);
    const widths = writes.filter((w) => w.member === "columnWidth").map((w) => w.value);
    expect(widths).toEqual([90, 50, 80, 200, 70]);
    const rules = writes.filter((w) => w.member === "rule").map((w) => [w.target, w.value]);
    expect(rules).toEqual([
      [
        'worksheets.getItem("รายงานครั้งที่").tables.add("A1:E2").columns.getItemAt(1).getDataBodyRange().dataValidation',
        { wholeNumber: { formula1: 1, operator: "GreaterThanOrEqualTo" } },
      ],
      [
        'worksheets.getItem("รายงานครั้งที่").tables.add("A1:E2").columns.getItemAt(4).getDataBodyRange().dataValidation',
        { decimal: { formula1: 0, formula2: 100, operator: "Between" } },
      ],
      [
        'worksheets.getItem("รายงานครั้งที่").tables.add("A1:E2").columns.getItemAt(3).getDataBodyRange().dataValidation',
        { list: { inCellDropDown: true, source: "เป็นไปตามแผน,ล่าช้ากว่าแผน" } },
      ],
    ]);
    const sheet = h.fake.sheetByName("รายงานครั้งที่");
    expect(sheet?.validations.filter((v) => v.member === "prompt").map((v) => v.value)).toEqual([
      { showPrompt: true, title: "Kaona", message: "ครั้งที่ 1, 2, 3…" },
    ]);
    expect(h.fake.tables.find((t) => t.name === "KaonaRounds")?.style).toBe("TableStyleMedium2");
  });

  test("events are off during Kaona's writes and restored in the same batch", async () => {
    const h = excelHarness();
    await h.workbook.writeSheet(issuesLayout(5));
    const eventSets = h.fake.requests.filter(
      (r) => r.member === "enableEvents" && r.kind === "set"
    );
    expect(eventSets.map((r) => r.value)).toEqual([false, true]);
    const lastSync = h.fake.syncs;
    expect(eventSets.every((r) => r.sync === lastSync)).toBe(true);
    const firstWrite = h.fake.requests.findIndex((r) => r.write);
    const off = h.fake.requests.findIndex((r) => r.member === "enableEvents" && r.value === false);
    expect(off).toBeLessThan(firstWrite);
    expect(h.fake.enableEvents).toBe(true);
  });

  test("events are restored even when a write fails", async () => {
    const h = excelHarness();
    h.fake.failOnSync = { sync: 2, error: new FakeOfficeError("GeneralException", "boom") };
    const e = await failure(h.workbook.writeSheet(issuesLayout(5)));
    expect(e.reason).toBe("unknown");
    expect(e.detail?.original).toBe("boom");
    expect(h.fake.enableEvents).toBe(true);
    expect(h.fake.requests.filter((r) => r.member === "enableEvents").map((r) => r.value)).toEqual([
      undefined,
      true,
    ]);
  });

  test("writeSheet sends each block of content as one formulas array and styles as multi-area requests", async () => {
    const h = excelHarness();
    const layout = issuesLayout(4);
    layout.cells.push({ row: 10, col: 1, value: "หมายเหตุ", style: "head" });
    layout.merges = [{ row: 10, col: 1, rows: 1, cols: 3 }];
    layout.page = {
      orientation: "portrait",
      paper: "A4",
      margins: { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
      fitToPagesWide: 1,
      printTitleRows: [0, 0],
      centerFooter: "หน้า &P / &N",
      printArea: "A1:D11",
    };
    layout.charts = [
      {
        type: "line",
        title: "ความก้าวหน้า",
        categories: "B2:B5",
        series: [
          { name: "ผล", values: "C2:C5" },
          { name: "แผน", values: "D2:D5" },
        ],
        topLeft: "F2",
        bottomRight: "M20",
        valueAxis: { min: 0, max: 100 },
      },
    ];
    await h.workbook.writeSheet(layout);
    const formulas = h.fake.writes().filter((w) => w.member === "formulas");
    expect(formulas.map((w) => w.target.replace(/.*getRange\("(.*)"\)/, "$1"))).toEqual([
      "A1:D5",
      "B11",
    ]);
    expect((formulas[0].value as unknown[][])[2]).toEqual([
      "rounds",
      2,
      "ความก้าวหน้าลดลงจากครั้งก่อน (2)",
      '=HYPERLINK("#\'รายงาน\'!E3","E3")',
    ]);
    const headFills = h.fake
      .writes()
      .filter((w) => w.member === "color" && w.target.includes("fill"));
    expect(headFills).toHaveLength(1);
    expect(headFills[0].target).toBe(
      'worksheets.getItem("ปัญหา Kaona").getRanges("A1:D1,B11:D11").format.fill'
    );
    const borders = h.fake
      .writes()
      .filter((w) => w.target.includes("borders") && w.member === "style")
      .map((w) => /getItem\("(\w+)"\)/.exec(w.target)?.[1]);
    expect(borders).toEqual([
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideHorizontal",
      "InsideVertical",
    ]);
    const sheet = h.fake.sheetByName("ปัญหา Kaona");
    expect(sheet?.merges).toEqual([{ row: 10, col: 1, rows: 1, cols: 3 }]);
    expect(sheet?.page).toEqual([
      { member: "orientation", value: "Portrait" },
      { member: "paperSize", value: "A4" },
      {
        member: "setPrintMargins",
        value: [
          "Inches",
          { top: 0.75, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
        ],
      },
      { member: "zoom", value: { horizontalFitToPages: 1, verticalFitToPages: 0 } },
      { member: "setPrintTitleRows", value: ["$1:$1"] },
      { member: "setPrintArea", value: ["A1:D11"] },
      { member: "centerFooter", value: "หน้า &P / &N" },
    ]);
    expect(sheet?.freezeRows).toBe(1);
    expect(sheet?.charts[0].calls.map((c) => c.member)).toEqual([
      "title.text",
      "setPosition",
      "series[0].name",
      "series[0].setXAxisValues",
      "series.add",
      "series[แผน].setValues",
      "series[แผน].setXAxisValues",
      "valueAxis.minimum",
      "valueAxis.maximum",
    ]);
    expect([...(sheet?.columnWidths.entries() ?? [])]).toEqual([
      [0, 60],
      [1, 40],
      [2, 300],
      [3, 50],
    ]);
    expect(sheet?.customProperties.get("KaonaGenerated")).toBe('{"generator":"kaona"}');
  });

  test("nothing is written outside generated sheets, confirmed tables and Kaona's parts", async () => {
    const h = excelHarness();
    const userTable = h.addUserTable("ข้อมูลของฉัน", "Rounds", "A1", ROUND_HEADERS, roundRows(20));
    h.typeCells("สรุปของฉัน", "A1", [["งานของฉัน"]]);
    await h.workbook.listTables();
    await h.workbook.saveBindings({
      version: 1,
      tables: [{ kind: "rounds", tableId: userTable, tableName: "Rounds", columns: {} }],
    });
    await h.workbook.readTables([userTable]);
    await h.workbook.writeSheet(issuesLayout(20));
    await h.workbook.writeSheet(issuesLayout(10));
    await h.workbook.createTable({
      sheet: "โครงการ",
      tableName: "KaonaProjects",
      headers: ["รหัสโครงการ", "ชื่อโครงการ"],
      rows: [["21000000-3165", "กิจกรรม"]],
    });
    await h.workbook.applyValidation(userTable, [{ column: 4, type: "decimal", min: 0, max: 100 }]);
    await h.workbook.selectCell("ข้อมูลของฉัน", "E3");
    await failure(h.workbook.writeSheet({ ...issuesLayout(1), name: "สรุปของฉัน" }));
    const writes = h.fake.writes();
    const sheetsWritten = new Set(writes.map((w) => w.sheet).filter(Boolean));
    expect([...sheetsWritten].sort()).toEqual(["ข้อมูลของฉัน", "ปัญหา Kaona", "โครงการ"].sort());
    // On the user's sheet only the confirmed table's validation was touched.
    const onUserSheet = writes.filter((w) => w.sheet === "ข้อมูลของฉัน");
    expect(onUserSheet.length).toBeGreaterThan(0);
    expect(
      onUserSheet.every((w) => w.table === "Rounds" && w.target.includes("dataValidation"))
    ).toBe(true);
    expect(h.cell("สรุปของฉัน", "A1")).toBe("งานของฉัน");
    const partWrites = writes.filter((w) => w.target.startsWith("customXmlParts"));
    expect(
      partWrites.every(
        (w) => typeof w.value === "string" && /urn:kaona:(bindings|generated):1/.test(w.value)
      )
    ).toBe(true);
  });

  test("Office errors become reasons with the original message kept", async () => {
    const h = excelHarness();
    const id = h.addUserTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, roundRows(3));
    h.fake.failNextSync = new FakeOfficeError(
      "InvalidOperationInCellEditMode",
      "The operation isn't available while Excel is in Edit cell mode."
    );
    const editing = await failure(h.workbook.readTables([id]));
    expect(editing.reason).toBe("timeout");
    expect(editing.detail).toMatchObject({
      code: "InvalidOperationInCellEditMode",
      hint: "cell-edit-mode",
      original: "The operation isn't available while Excel is in Edit cell mode.",
    });
    h.fake.failNextSync = new FakeOfficeError("AccessDenied", "ป้องกันแผ่นงานไว้");
    expect((await failure(h.workbook.selectCell("รายงาน", "A1"))).reason).toBe("sheet-protected");
    h.fake.failNextSync = new FakeOfficeError(
      "ApiNotFound",
      "The API you are trying to use could not be found."
    );
    expect((await failure(h.workbook.listTables())).reason).toBe("not-supported");
  });

  test("a sync that never returns is reported slow and still awaited, never failed", async () => {
    const fake = new FakeExcel();
    fake.hang = true;
    const events: { what: string; slow: boolean }[] = [];
    const workbook = new ExcelWorkbook({
      runner: fake.runner,
      timeoutMs: 30,
      supports: () => true,
      onSlow: (e) => events.push(e),
    });
    let settled = false;
    void workbook.listTables().finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(events).toEqual([{ what: "listTables", slow: true }]);
    expect(settled).toBe(false);
  });

  test("writes a person asked for wait out cell-edit mode; reads do not", async () => {
    const h = excelHarness();
    const id = h.addUserTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, roundRows(3));
    await h.workbook.readTables([id]);
    await h.workbook.listTables();
    expect(h.fake.runOptions).toEqual([{}, {}]);
    h.fake.runOptions = [];
    await h.workbook.writeSheet(issuesLayout(3));
    await h.workbook.applyValidation(id, []);
    await h.workbook.selectCell("รายงาน", "A1");
    expect(h.fake.runOptions).toEqual([
      { delayForCellEdit: true },
      { delayForCellEdit: true },
      { delayForCellEdit: true },
    ]);
  });

  test("handlers are registered in one sync and removed in the context they were added in", async () => {
    const h = excelHarness();
    const a = h.addUserTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, roundRows(3));
    const b = h.addUserTable("โครงการ", "Projects", "A1", ["รหัสโครงการ"], [["21000000-3165"]]);
    const before = h.fake.syncs;
    const remove = await h.workbook.onTablesChanged([a, b, a], () => undefined);
    expect(h.fake.syncs - before).toBe(1);
    expect(h.fake.handlers.map((x) => x.tableId).sort()).toEqual([a, b].sort());
    await remove();
    expect(h.fake.handlers).toHaveLength(0);
    await remove();
    expect(h.fake.syncs - before).toBe(2);
  });

  test("events raised while Kaona writes are not delivered (events off)", async () => {
    const h = excelHarness();
    const id = h.addUserTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, roundRows(3));
    const seen: string[] = [];
    await h.workbook.onTablesChanged([id], (t) => seen.push(t));
    h.fake.enableEvents = false;
    h.fake.userEdit("รายงาน", "E2", 50);
    h.fake.enableEvents = true;
    h.fake.userEdit("รายงาน", "E3", 60);
    expect(seen).toEqual([id]);
  });
});

describe("ExcelWorkbook change events and changed rows", () => {
  async function watched(rows = 20) {
    const h = excelHarness();
    const id = h.addUserTable("รายงาน", "Rounds", "B3", ROUND_HEADERS, roundRows(rows));
    await h.workbook.readTables([id]);
    const seen: TableChange[] = [];
    const remove = await h.workbook.onTablesChanged([id], (_, change) => seen.push(change));
    return { ...h, id, seen, remove };
  }

  test("an edit is placed within the table; a co-author's says so", async () => {
    const h = await watched();
    h.fake.userEdit("รายงาน", "F9", 50);
    h.fake.userEdit("รายงาน", "C4", "21000000-9999", "Remote");
    h.fake.userEdit("รายงาน", "D3", "ครั้ง");
    expect(h.seen).toEqual([
      {
        tableId: h.id,
        type: "valueEdit",
        source: "local",
        address: "F9",
        rows: { first: 5, count: 1 },
      },
      {
        tableId: h.id,
        type: "valueEdit",
        source: "remote",
        address: "C4",
        rows: { first: 0, count: 1 },
      },
      { tableId: h.id, type: "valueEdit", source: "local", address: "D3", headers: true },
    ]);
  });

  test("rows inserted and deleted come as such, at their rows", async () => {
    const h = await watched(5);
    h.fake.userInsertRows(h.id, 5, roundRows(2));
    h.fake.userDeleteRows(h.id, 1, 2, "Remote");
    expect(h.seen.map((c) => [c.type, c.source, c.rows])).toEqual([
      ["rowsInserted", "local", { first: 5, count: 2 }],
      ["rowsDeleted", "remote", { first: 1, count: 2 }],
    ]);
    expect((await h.workbook.readTables([h.id]))[0].rows).toHaveLength(5);
  });

  test("Kaona's own writes raise events unless it turned them off", async () => {
    const h = await watched();
    await h.workbook.applyValidation(h.id, [{ column: 4, type: "decimal", min: 0, max: 100 }]);
    await h.workbook.insertIntoSelectedCell?.("=1").catch(() => undefined);
    h.fake.selection = { sheetId: h.fake.sheetByName("รายงาน")!.id, rect: parseRange("F5")! };
    h.fake.activeSheetId = h.fake.selection.sheetId;
    await h.workbook.insertIntoSelectedCell("=KPI.PROGRESS()");
    expect(h.seen.map((c) => [c.type, c.rows])).toEqual([["valueEdit", { first: 1, count: 1 }]]);
  });

  test("the changed rows come in one sync with the table's place and size", async () => {
    const h = await watched(30);
    const before = h.fake.syncs;
    const bytes = h.fake.responseBytes.length;
    const read = await h.workbook.readTableRows(h.id, 6, 2);
    expect(h.fake.syncs - before).toBe(1);
    expect(read).toMatchObject({
      sheet: "รายงาน",
      origin: { row: 2, col: 1 },
      rowCount: 30,
      firstRow: 6,
    });
    expect(read.headers).toEqual(ROUND_HEADERS);
    expect(read.rows).toEqual(roundRows(30).slice(6, 8));
    expect(h.fake.responseBytes.slice(bytes).reduce((a, b) => a + b, 0)).toBeLessThan(8_000);
    // Past the end: nothing but the size.
    expect((await h.workbook.readTableRows(h.id, 40, 3)).rows).toEqual([]);
  });

  test("removing the handlers of a deleted table fails in Excel, and never in Kaona", async () => {
    const h = await watched();
    h.fake.userDeleteTable(h.id);
    await expect(h.remove()).resolves.toBeUndefined();
  });
});

describe("ExcelWorkbook round trips (context.sync calls) per action", () => {
  // Seed-length Thai narratives: 30,000 rounds are ~50 MB of UTF-8, ten times 5 MB.
  const SIZES = [10, 3_000, 30_000];

  async function measure(rows: number) {
    const h = excelHarness();
    const id = h.addUserTable("รายงานครั้งที่", "Rounds", "A1", ROUND_HEADERS, roundRows(rows));
    /** The syncs `action` takes, and what it returns. */
    async function syncsOf<T>(action: () => Promise<T>): Promise<[number, T]> {
      const before = h.fake.syncs;
      const result = await action();
      return [h.fake.syncs - before, result];
    }
    const [bind] = await syncsOf(async () => {
      const tables = await h.workbook.listTables();
      await h.workbook.saveBindings({
        version: 1,
        tables: [{ kind: "rounds", tableId: tables[0].id, tableName: "Rounds", columns: {} }],
      });
    });
    const [create] = await syncsOf(() =>
      h.workbook.createTable({
        sheet: "โครงการ",
        tableName: "KaonaProjects",
        headers: ROUND_HEADERS,
        numberFormats: ["@"],
        validation: [{ column: 4, type: "decimal", min: 0, max: 100 }],
      })
    );
    const beforeSample = h.fake.syncs;
    const [sample] = await syncsOf(() =>
      h.workbook.createTable({
        sheet: "ตัวอย่าง",
        tableName: "KaonaSample",
        headers: ROUND_HEADERS,
        rows: roundRows(rows),
      })
    );
    const sampleWriteSyncs = new Set(
      h.fake.requests.filter((r) => r.sync > beforeSample && r.write).map((r) => r.sync)
    ).size;
    const r0 = h.fake.responseBytes.length;
    const [check, [raw]] = await syncsOf(() => h.workbook.readTables([id]));
    const checkBytes = h.fake.responseBytes.slice(r0).reduce((a, b) => a + b, 0);
    expect(raw.rows).toHaveLength(rows);
    expect(raw.rows[rows - 1][3]).toBe(SEED_NARRATIVES[(rows - 1) % SEED_NARRATIVES.length]);
    const layout = issuesLayout(rows);
    layout.cells.forEach((c) => {
      if (c.col === 2 && c.row > 0) c.value = SEED_NARRATIVES[c.row % SEED_NARRATIVES.length];
    });
    const [issues, first] = await syncsOf(() => h.workbook.writeSheet(layout));
    const [regenerate, again] = await syncsOf(() => h.workbook.writeSheet(layout));
    expect(first.syncs).toBe(issues);
    expect(again.syncs).toBe(regenerate);
    return {
      bind,
      create,
      sample,
      sampleWriteSyncs,
      check,
      checkBytes,
      issues,
      regenerate,
      issueChunks: first.chunks ?? 1,
      maxRequest: Math.max(...h.fake.requestBytes),
      maxResponse: Math.max(...h.fake.responseBytes),
      refused: h.fake.refusedResponses.length,
    };
  }

  test.each(SIZES)(
    "%i rows of seed-length narratives: at most 3 syncs, plus one per extra chunk of ≤ 4 MB",
    async (rows) => {
      const m = await measure(rows);
      expect(m.bind).toBe(4); // listTables 2 + saveBindings 2: two actions
      expect(m.create).toBe(2);
      // One sync checks names, then one per write batch.
      expect(m.sample).toBe(1 + m.sampleWriteSyncs);
      expect(m.issues - (m.issueChunks - 1)).toBe(2);
      // Whatever the size, no request or response crosses Excel on the web's 5 MB (UTF-8).
      expect(m.maxRequest).toBeLessThanOrEqual(5_000_000);
      expect(m.maxResponse).toBeLessThanOrEqual(5_000_000);
      // Sizes measured, not guessed: Excel never had to refuse an answer.
      expect(m.refused).toBe(0);
      // Reads: one sync when the table is of the usual size; else windows that are, on
      // average, at least half full.
      expect(m.check).toBeLessThanOrEqual(1 + Math.ceil(m.checkBytes / 2_000_000));
      if (rows <= 10) {
        expect(m.check).toBe(1);
        expect(m.regenerate).toBe(3);
        expect(m.issueChunks).toBe(1);
      } else {
        expect(m.regenerate).toBeLessThanOrEqual(
          2 + m.issueChunks + Math.ceil(m.checkBytes / 2_000_000)
        );
      }
      if (rows >= 30_000) {
        expect(m.checkBytes).toBeGreaterThan(10 * 5_000_000 * 0.8);
        expect(m.issueChunks).toBeGreaterThan(1);
      }
    },
    60_000
  );

  test("packBatches keeps order and budgets, and never returns no batch", () => {
    const op = (bytes: number, rows: number) => ({ bytes, rows, apply: () => undefined });
    const batches = packBatches([op(10, 0), op(60, 10), op(50, 15), op(10, 0)], 100, 20);
    expect(batches.map((b) => b.map((o) => o.bytes))).toEqual([
      [10, 60],
      [50, 10],
    ]);
    expect(packBatches([], 100, 20)).toEqual([[]]);
  });

  test("a generated sheet read back equals the fingerprint written (no false 'edited')", async () => {
    const h = excelHarness();
    const layout = issuesLayout(3);
    layout.cells.push(
      { row: 6, col: 0, value: 0.1 + 0.2 },
      { row: 6, col: 1, value: true },
      { row: 6, col: 2, value: "=1+1" }
    );
    await h.workbook.writeSheet(layout);
    const sheet = h.fake.sheetByName("ปัญหา Kaona");
    expect(sheet?.cells.get(6, 2)?.numberFormat).toBe("@");
    await expect(h.workbook.writeSheet(layout)).resolves.toMatchObject({
      replaced: true,
      syncs: 3,
    });
  });
});

/** A layout whose formulas are what a live report writes: structured references to bound
 * columns, as the report builder spells them (`Table[[Header]]`), lower-case names too. */
function liveLayout(): SheetLayout {
  const code = columnRef("KaonaRounds", "รหัสโครงการ");
  const status = columnRef("KaonaRounds", "เป็นไปตามแผน");
  return {
    name: "รายงาน 21000000-3165",
    columnWidths: [120, 60],
    rowHeights: {},
    cells: [
      { row: 0, col: 0, value: "21000000-3165" },
      { row: 1, col: 0, value: 2, formula: countSpellings(code, "$A$1", status, ["เป็นไปตามแผน"]) },
      { row: 2, col: 0, value: 1, formula: `=iferror(match($A$1,${code},0),0)` },
      {
        row: 3,
        col: 0,
        value: "",
        formula: `=IF(A3=0,"",INDEX(${columnRef("KaonaRounds", "ความก้าวหน้าของงาน (%)")},A3))`,
      },
    ],
    merges: [],
    styles: {},
  };
}

describe("ExcelWorkbook: defects found in review", () => {
  test("B1: a new sheet's id is learned and recorded; a second sheet does not drop the first's mark", async () => {
    const h = excelHarness();
    const a = await h.workbook.writeSheet(issuesLayout(2, "ปัญหา A"));
    const sheetA = h.fake.sheetByName("ปัญหา A");
    expect(a.sheetId).toBe(sheetA?.id);
    await h.workbook.writeSheet(issuesLayout(2, "ปัญหา B"));
    const marks = marksOf(h.fake).sheets;
    expect(marks.map((m) => m.sheetName).sort()).toEqual(["ปัญหา A", "ปัญหา B"]);
    // A's id came back with its batch and went into the marks with B's write.
    expect(marks.find((m) => m.sheetName === "ปัญหา A")?.sheetId).toBe(sheetA?.id);
    await expect(h.workbook.writeSheet(issuesLayout(3, "ปัญหา A"))).resolves.toMatchObject({
      replaced: true,
    });
  });

  test("B1: a chunked new sheet records its own id at once", async () => {
    const fake = new FakeExcel();
    const workbook = workbookOn(fake, { maxBatchBytes: 20_000 });
    const result = await workbook.writeSheet(issuesLayout(400, "ใหญ่"));
    expect(result.chunks).toBeGreaterThan(1);
    expect(marksOf(fake).sheets[0].sheetId).toBe(fake.sheetByName("ใหญ่")?.id);
  });

  test("H18: a sheet named like a deleted Kaona sheet is the person's, edited or not asked", async () => {
    const h = excelHarness();
    await h.workbook.writeSheet(issuesLayout(2, "ปัญหา A"));
    await h.workbook.writeSheet(issuesLayout(2, "ปัญหา A")); // the mark now holds A's id
    // The person deletes Kaona's sheet and makes their own of the same name.
    h.fake.sheets = h.fake.sheets.filter((x) => x.name !== "ปัญหา A");
    h.typeCells("ปัญหา A", "A1", [["งานของฉัน"]]);
    const e = await failure(
      h.workbook.writeSheet(issuesLayout(2, "ปัญหา A"), { overwriteEdited: true })
    );
    expect(e.detail?.conflict).toBe("not-generated");
    expect(h.cell("ปัญหา A", "A1")).toBe("งานของฉัน");
  });

  test("H18: Kaona's sheet under a new id (file reopened), content unchanged, is regenerated", async () => {
    const h = excelHarness();
    await h.workbook.writeSheet(issuesLayout(2, "ปัญหา A"));
    await h.workbook.writeSheet(issuesLayout(2, "ปัญหา B"));
    const sheet = h.fake.sheetByName("ปัญหา A");
    if (sheet) sheet.id = "{reopened}";
    await expect(h.workbook.writeSheet(issuesLayout(3, "ปัญหา A"))).resolves.toMatchObject({
      replaced: true,
    });
    expect(marksOf(h.fake).sheets.find((m) => m.sheetName === "ปัญหา A")?.sheetId).toBe(
      "{reopened}"
    );
  });

  test("B2: a table that grew past 5 MB since listTables is still read (fails before the fix)", async () => {
    const h = excelHarness();
    const table = h.fake.addTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, roundRows(5));
    await h.workbook.listTables();
    await h.workbook.readTables([table.id]);
    // The person pastes 8,000 more rounds (about 13 MB of Thai text).
    const sheet = h.fake.sheetByName("รายงาน");
    roundRows(8_005).forEach((line, i) =>
      line.forEach((v, j) => sheet && h.fake.put(sheet, 1 + i, j, v))
    );
    table.rect.rows = 8_006;
    const [raw] = await h.workbook.readTables([table.id]);
    expect(raw.rows).toHaveLength(8_005);
    expect(raw.rows[8_004][3]).toBe(SEED_NARRATIVES[8_004 % SEED_NARRATIVES.length]);
    expect(Math.max(...h.fake.responseBytes)).toBeLessThanOrEqual(5_000_000);
  }, 30_000);

  test("B2/B3: rows far larger than measured are halved and read again, never lost", async () => {
    const h = excelHarness();
    // 2,000 short rows, then 1,500 rows of ~30 kB each (a pasted report per cell).
    const short = roundRows(2_000).map((r) => [...r.slice(0, 3), "สั้น", ...r.slice(4)]);
    const long = roundRows(1_500).map((r) => [
      ...r.slice(0, 3),
      SEED_NARRATIVES.join(" ").repeat(3).slice(0, 10_000),
      ...r.slice(4),
    ]);
    const table = h.fake.addTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, [...short, ...long]);
    const [raw] = await h.workbook.readTables([table.id]);
    expect(raw.rows).toHaveLength(3_500);
    expect(raw.rows[3_499][3]).toBe(long[1_499][3]);
    expect(h.fake.refusedResponses.length).toBeGreaterThan(0);
    expect(Math.max(...h.fake.responseBytes)).toBeLessThanOrEqual(5_000_000);
  }, 30_000);

  test("B4: payloads are counted in UTF-8 bytes, by the code and by the fake", async () => {
    const narrative = SEED_NARRATIVES[0];
    expect(utf8Length(narrative)).toBe(Buffer.byteLength(narrative, "utf8"));
    expect(utf8Length(narrative)).toBeGreaterThan(2.5 * narrative.length);
    const fake = new FakeExcel();
    const context = fake.context();
    const sheet = fake.addSheet("S");
    const range = context.workbook.worksheets.getItem(sheet.id).getRange("A1");
    range.values = [[narrative]];
    await context.sync();
    expect(fake.requestBytes[0]).toBeGreaterThan(Buffer.byteLength(narrative, "utf8"));
    // 4,000 seed rounds: about 2 M characters, but about 5.6 MB of UTF-8: two chunks, not one.
    const h = excelHarness();
    const rows = roundRows(4_000);
    expect(JSON.stringify(rows).length).toBeLessThan(4_000_000);
    await h.workbook.createTable({
      sheet: "ตัวอย่าง",
      tableName: "KaonaSample",
      headers: ROUND_HEADERS,
      rows,
    });
    expect(Math.max(...h.fake.requestBytes)).toBeLessThanOrEqual(5_000_000);
    expect(h.fake.cell("ตัวอย่าง", "D4001")?.value).toBe(rows[3_999][3]);
  });

  test("B5: a live report regenerates without a false 'edited' though Excel rewrites its formulas", async () => {
    const h = excelHarness();
    await h.workbook.writeSheet(liveLayout());
    const stored = h.fake.cell("รายงาน 21000000-3165", "A3")?.value;
    // What Excel gives back differs from what was written…
    const context = h.fake.context();
    const range = context.workbook.worksheets.getItem("รายงาน 21000000-3165").getRange("A2:A3");
    range.load("formulas");
    await context.sync();
    expect(range.formulas[0][0]).toBe(
      '=COUNTIFS(KaonaRounds[รหัสโครงการ],$A$1,KaonaRounds[เป็นไปตามแผน],"เป็นไปตามแผน")'
    );
    expect(range.formulas[1][0]).toBe("=IFERROR(MATCH($A$1,KaonaRounds[รหัสโครงการ],0),0)");
    expect(stored).toBe("=iferror(match($A$1,KaonaRounds[[รหัสโครงการ]],0),0)");
    // …and is still recognised as Kaona's unchanged content.
    await expect(h.workbook.writeSheet(liveLayout())).resolves.toMatchObject({ replaced: true });
    // A real edit still counts.
    h.userEdit("รายงาน 21000000-3165", "A3", "=1");
    expect((await failure(h.workbook.writeSheet(liveLayout()))).detail?.conflict).toBe("edited");
  });

  test("B5: the fake rewrites structured references only where Excel does", () => {
    expect(excelFormulaForm("=SUM(T[[รหัสโครงการ]])")).toBe("=SUM(T[รหัสโครงการ])");
    expect(excelFormulaForm("=SUM(T[[Total Amount]])")).toBe("=SUM(T[Total Amount])");
    expect(excelFormulaForm("=SUM(T[[Total$Amount]])")).toBe("=SUM(T[[Total$Amount]])");
    expect(excelFormulaForm("=T[[#Headers],[A]]")).toBe("=T[[#Headers],[A]]");
    expect(excelFormulaForm('=if(A1="[[x]]",1,0)')).toBe('=IF(A1="[[x]]",1,0)');
  });

  test("R6: each sync has its own time; a long chunked write is not cut off", async () => {
    const fake = new FakeExcel();
    fake.latency = () => 15;
    const workbook = workbookOn(fake, {
      timeoutMs: 60,
      maxBatchBytes: 20_000,
    });
    const result = await workbook.writeSheet(issuesLayout(400));
    // Many syncs of 15 ms each: far longer in all than the 60 ms any one may take.
    expect(result.syncs * 15).toBeGreaterThan(60);
  });

  test("R6: a slow sync is waited for, not abandoned: the write completes and the person is told", async () => {
    const fake = new FakeExcel();
    fake.latency = (sync) => (sync === 3 ? 200 : 0);
    const events: boolean[] = [];
    const workbook = workbookOn(fake, {
      timeoutMs: 50,
      maxBatchBytes: 20_000,
      onSlow: (e) => events.push(e.slow),
    });
    const result = await workbook.writeSheet(issuesLayout(400));
    expect(events).toEqual([true, false]);
    expect(result.chunks).toBeGreaterThan(2);
    // Every chunk landed, the mark among them, and events are back on.
    const marks = decodeGenerated(fake.parts.find((p) => p.namespace === GENERATED_NAMESPACE)?.xml);
    expect(marks.sheets.map((m) => m.sheetName)).toEqual([issuesLayout(400).name]);
    expect(fake.enableEvents).toBe(true);
  });

  test("R7: a table that cannot be made leaves no half-made sheet behind", async () => {
    const h = excelHarness();
    h.fake.failAt = {
      when: (r) => r.member === "add" && r.target.endsWith(".tables"),
      error: new FakeOfficeError("InvalidOperation", "A table can't overlap another table."),
    };
    const e = await failure(
      h.workbook.createTable({
        sheet: "รอบรายงาน",
        tableName: "KaonaRounds",
        headers: ROUND_HEADERS,
      })
    );
    expect(e.detail?.code).toBe("InvalidOperation");
    expect(h.sheetNames()).not.toContain("รอบรายงาน");
    expect(h.fake.enableEvents).toBe(true);
  });

  test("R8: regenerating over an old sheet far larger than the new layout reads it in windows", async () => {
    const h = excelHarness();
    const big = issuesLayout(4_000);
    big.cells.forEach((c) => {
      if (c.col === 2 && c.row > 0) c.value = SEED_NARRATIVES[c.row % SEED_NARRATIVES.length];
    });
    await h.workbook.writeSheet(big);
    const before = h.fake.responseBytes.length;
    await expect(h.workbook.writeSheet(issuesLayout(3))).resolves.toMatchObject({
      replaced: true,
    });
    const read = h.fake.responseBytes.slice(before);
    expect(read.reduce((a, b) => a + b, 0)).toBeGreaterThan(5_000_000);
    expect(Math.max(...read)).toBeLessThanOrEqual(5_000_000);
    expect(h.cell("ปัญหา Kaona", "C5") ?? "").toBe("");
  }, 30_000);

  test("R10: whole columns selected become a table of the rows that hold data", async () => {
    const h = excelHarness();
    h.typeCells("ข้อมูล", "B3", [
      ["รหัส", "ชื่อ"],
      ["21000000-3165", "กิจกรรมติดตาม"],
      ["21000000-6549", "กิจกรรมการติดตาม"],
    ]);
    h.typeCells("ข้อมูล", "F1", [["หมายเหตุ"]]);
    const sheet = h.fake.sheetByName("ข้อมูล");
    if (sheet)
      h.fake.selection = { sheetId: sheet.id, rect: { row: 0, col: 1, rows: 1_048_576, cols: 2 } };
    const info = await h.workbook.convertSelectionToTable("Projects");
    expect(info).toMatchObject({ address: "B3:C5", rowCount: 2, headers: ["รหัส", "ชื่อ"] });
    expect(h.fake.tables.find((t) => t.name === "Projects")?.rect).toEqual({
      row: 2,
      col: 1,
      rows: 3,
      cols: 2,
    });
  });

  test("M11: validation puts the events switch back as it was, not on", async () => {
    const h = excelHarness();
    const id = h.addUserTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, roundRows(3));
    h.fake.enableEvents = false;
    await h.workbook.applyValidation(id, [{ column: 4, type: "decimal", min: 0, max: 100 }]);
    expect(h.fake.enableEvents).toBe(false);
    const sets = h.fake.requests.filter((r) => r.member === "enableEvents" && r.kind === "set");
    expect(sets.map((r) => r.value)).toEqual([false, false]);
  });

  test("M12: a sync failing part-way keeps what came before; bad table names are refused", async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet("S");
    const context = fake.context();
    const ws = context.workbook.worksheets.getItem(sheet.id);
    ws.getRange("A1").values = [["ก่อน"]];
    ws.getRange("A2").values = [["จุดที่ล้ม"]];
    ws.getRange("A3").values = [["หลัง"]];
    fake.failAt = {
      when: (r) => r.target.endsWith('getRange("A2")'),
      error: new FakeOfficeError("GeneralException", "boom"),
    };
    await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.cell("S", "A1")?.value).toBe("ก่อน");
    expect(fake.cell("S", "A2")).toBeUndefined();
    expect(fake.cell("S", "A3")).toBeUndefined();
    for (const name of ["Kaona Rounds", "2563Rounds", "KPI2020", "R1C1", "r"]) {
      const t = fake.addTable("S", "Tmp", "H1", ["a"], [[1]]);
      const ctx = fake.context();
      ctx.workbook.tables.getItem(t.id).name = name;
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      fake.tables = fake.tables.filter((x) => x !== t);
    }
  });
});

describe("ExcelWorkbook.insertIntoSelectedCell", () => {
  it("enters the formula in the active cell (the selection's top-left) in one sync", async () => {
    const h = excelHarness();
    h.typeCells("ข้อมูลของฉัน", "A1", [["รหัสโครงการ"], ["21000000-3165"]]);
    h.select("ข้อมูลของฉัน", "C4:D6");
    const syncsBefore = h.fake.syncs;
    const where = await h.workbook.insertIntoSelectedCell('=KPI.THAIDATE(43801, "long")');
    expect(where).toEqual({ sheet: "ข้อมูลของฉัน", cell: "C4" });
    // The fake keeps a cell's formula as its content, as Range.formulas reads it back.
    expect(h.cell("ข้อมูลของฉัน", "C4")).toBe('=KPI.THAIDATE(43801, "long")');
    expect(h.cell("ข้อมูลของฉัน", "D4")).toBeUndefined();
    expect(h.fake.syncs - syncsBefore).toBe(1);
  });

  it("says there is no selection as an error the task pane can show, not a crash", async () => {
    const h = excelHarness();
    h.fake.selection = null;
    await expect(
      h.workbook.insertIntoSelectedCell("=KPI.FISCALYEAR(TODAY())")
    ).rejects.toMatchObject({
      name: "WorkbookError",
    });
  });
});

describe("ExcelWorkbook: large writes (issue 14, point 1)", () => {
  test("a batch Excel refuses as too large is split and sent again until it fits", async () => {
    const fake = new FakeExcel();
    // Excel counts more than Kaona's estimate: it refuses anything over 60 kB here,
    // while the budget would send up to 200 kB at once.
    fake.maxRequestBytes = 60_000;
    const workbook = workbookOn(fake, { maxBatchBytes: 200_000 });
    const layout = issuesLayout(600);
    const result = await workbook.writeSheet(layout);
    expect(fake.requestBytes.some((b) => b > 60_000)).toBe(true); // refused at least once
    expect(Math.max(...fake.requestBytes.filter((b) => b <= 60_000))).toBeLessThanOrEqual(60_000);
    expect(result.chunks).toBeGreaterThan(1);
    // Everything landed: the last row of content is there, and the sheet is Kaona's, unchanged.
    const again = await workbook.writeSheet(layout);
    expect(again.replaced).toBe(true);
  });

  test("the mark is written first: a write cut short leaves a sheet still known as Kaona's", async () => {
    const fake = new FakeExcel();
    const workbook = workbookOn(fake, { maxBatchBytes: 20_000 });
    const layout = issuesLayout(400);
    // Sync 1 and 2 inspect; sync 3 carries the mark and the first content; sync 5 fails.
    fake.failOnSync = {
      sync: 5,
      error: new FakeOfficeError("GeneralException", "The connection was lost."),
    };
    await failure(workbook.writeSheet(layout));
    const marks = decodeGenerated(fake.parts.find((p) => p.namespace === GENERATED_NAMESPACE)?.xml);
    expect(marks.sheets.map((m) => m.sheetName)).toEqual([layout.name]);
    // Asked again, Kaona sees its own half-written sheet (edited since), not a stranger's.
    const e = await failure(workbook.writeSheet(layout));
    expect(e.detail?.conflict).toBe("edited");
    const replaced = await workbook.writeSheet(layout, { overwriteEdited: true });
    expect(replaced.replaced).toBe(true);
  });

  test("appended rows go in batches within the budget, each halved when Excel refuses it", async () => {
    const fake = new FakeExcel();
    fake.maxRequestBytes = 60_000;
    const workbook = new ExcelWorkbook({
      runner: fake.runner,
      supports: () => true,
      maxBatchBytes: 200_000,
    });
    const [first, ...rest] = roundRows(801);
    const table = fake.addTable("รายงาน", "Rounds", "A1", ROUND_HEADERS, [first]);
    const syncsBefore = fake.syncs;
    await workbook.appendRows(table.id, rest);
    // 800 narratives of the seeds (about 1 kB each in UTF-8) cannot go in one request.
    expect(fake.syncs - syncsBefore).toBeGreaterThan(2);
    expect(fake.requestBytes.some((b) => b > 60_000)).toBe(true); // refused at least once
    // Every row landed once, in order, under the header and the first row.
    expect(table.rect.rows).toBe(1 + 801);
    expect(fake.cell("รายงาน", "A802")?.value).toBe(rest[799][0]);
    expect(fake.cell("รายงาน", "D802")?.value).toBe(rest[799][3]);
    expect(fake.cell("รายงาน", "C3")?.value).toBe(rest[0][2]);
  });

  test("the payload estimate counts calls and objects, not only values", () => {
    expect(requestCost({ calls: 1, objects: 2 })).toBeGreaterThan(0);
    expect(requestCost({ calls: 10, objects: 0 })).toBe(10 * requestCost({ calls: 1, objects: 0 }));
    expect(requestCost({ calls: 0, objects: 0, valueBytes: 123 })).toBe(123);
  });
});

describe("ExcelWorkbook: the report's autofit rows and page breaks (issue 12)", () => {
  const { records } = checkTables(SAMPLE_TABLES);
  function report(code: string, lang: "th" | "en" = "th"): SheetLayout {
    const project = records.projects.find((p) => p.code === code)!;
    return buildProjectReport({
      project,
      rounds: records.rounds,
      indicators: records.indicators,
      options: { mode: "values", lang, chart: false },
    });
  }
  /** The same layout with nothing to autofit and no manual breaks: what Kaona wrote before. */
  function withoutAutofitOrBreaks(layout: SheetLayout): SheetLayout {
    const styles = Object.fromEntries(
      Object.entries(layout.styles).map(([name, style]) => [name, { ...style, wrap: false }])
    );
    const page = layout.page ? { ...layout.page, rowBreaks: undefined } : undefined;
    return { ...layout, styles, page };
  }
  const isBreakAdd = (r: { member: string; target: string }) =>
    r.member === "add" && r.target.endsWith(".horizontalPageBreaks");
  const rowsOf = (target: string) => /getRange\("(\d+):(\d+)"\)/.exec(target)?.slice(1, 3);

  test.each(["21000000-3165", "21000000-6549"])(
    "%s: wrapped rows are autofitted after their heights, breaks added, in the same syncs",
    async (code) => {
      const layout = report(code);
      const planned = planSheet(layout);
      if (!planned.ok) throw new Error(planned.problem);
      const { autofitRows } = planned.plan;
      const rowBreaks = layout.page?.rowBreaks ?? [];
      expect(autofitRows.length).toBeGreaterThan(0);
      expect(rowBreaks.length).toBeGreaterThan(0);

      const h = excelHarness();
      const written = await h.workbook.writeSheet(layout);
      const requests = h.fake.requests;
      const autofits = requests.filter((r) => r.member === "autofitRows");
      expect(autofits.map((r) => r.target)).toEqual(
        autofitRows.map(
          ([a, b]) =>
            `worksheets.getItem(${JSON.stringify(layout.name)}).getRange("${a + 1}:${b + 1}").format`
        )
      );
      // Each autofit comes after every height written on its rows, in the same sync.
      for (const fit of autofits) {
        const [first, last] = rowsOf(fit.target)!.map(Number);
        const heights = requests.filter((r) => {
          const rows = r.member === "rowHeight" ? rowsOf(r.target)?.map(Number) : undefined;
          return rows !== undefined && rows[0] <= last && rows[1] >= first;
        });
        expect(heights.length).toBeGreaterThan(0);
        for (const height of heights) {
          expect(requests.indexOf(height)).toBeLessThan(requests.indexOf(fit));
          expect(height.sync).toBe(fit.sync);
        }
      }
      const breaks = requests.filter(isBreakAdd);
      expect(breaks.map((r) => r.value)).toEqual(rowBreaks.map((r) => [`A${r + 1}`]));
      // A new sheet has no manual breaks to remove.
      expect(requests.filter((r) => r.member === "removePageBreaks")).toEqual([]);

      const sheet = h.fake.sheetByName(layout.name)!;
      expect([...sheet.rowBreaks].sort((a, b) => a - b)).toEqual(rowBreaks);
      for (const [a, b] of autofitRows)
        for (let r = a; r <= b; r++) {
          expect(sheet.autofitRows.has(r)).toBe(true);
          expect(sheet.rowHeights.has(r)).toBe(false);
        }

      // The same report without them takes exactly as many round trips.
      const before = excelHarness();
      const plain = await before.workbook.writeSheet(withoutAutofitOrBreaks(layout));
      expect(before.fake.requests.some((r) => r.member === "autofitRows" || isBreakAdd(r))).toBe(
        false
      );
      expect(written.syncs).toBe(plain.syncs);
      expect(h.fake.syncs).toBe(before.fake.syncs);
    }
  );

  test("regenerating a report resets the old manual breaks before adding the new ones", async () => {
    const h = excelHarness();
    const layout = report("21000000-3165");
    const old = layout.page!.rowBreaks!;
    await h.workbook.writeSheet(layout);
    const mark = h.fake.syncs;
    const fewer = { ...layout, page: { ...layout.page!, rowBreaks: [old[1]] } };
    const again = await h.workbook.writeSheet(fewer);
    const requests = h.fake.requests.filter((r) => r.sync > mark);
    const reset = requests.findIndex((r) => r.member === "removePageBreaks");
    const added = requests.findIndex(isBreakAdd);
    expect(reset).toBeGreaterThanOrEqual(0);
    expect(added).toBeGreaterThan(reset);
    expect([...h.fake.sheetByName(layout.name)!.rowBreaks]).toEqual([old[1]]);
    // Still the three round trips of a small regeneration.
    expect(again.syncs).toBe(3);
  });

  test("the English report's breaks and autofit rows reach Excel too", async () => {
    const layout = report("21000000-3165", "en");
    const h = excelHarness();
    await h.workbook.writeSheet(layout);
    const sheet = h.fake.sheetByName(layout.name)!;
    expect([...sheet.rowBreaks].sort((a, b) => a - b)).toEqual(layout.page!.rowBreaks);
    expect(sheet.autofitRows.size).toBeGreaterThan(0);
  });
});
