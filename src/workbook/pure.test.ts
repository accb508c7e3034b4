/** The pure helpers under both workbooks (A1 addresses are tested in src/domain): areas, cell content, the store codec,
 * binding resolution, validation rules, layout planning, error mapping. */
import { tableNameProblem } from "../domain/a1";
import { addressLists, cellsToRects } from "./areas";
import { resolveBindings } from "./bindings";
import {
  decodeBindings,
  decodeGenerated,
  encodeBindings,
  encodeGenerated,
  findMark,
  matchMark,
  withLearnedIds,
  withMark,
  type GeneratedSheetMark,
} from "./bindingsStore";
import {
  ContentFingerprint,
  canonicalContent,
  canonicalFormula,
  isReinterpretedText,
  toCellContent,
} from "./cellContent";
import { CellGrid } from "./cellGrid";
import { jsonBytes, utf8Length } from "./payload";
import { reasonForCode, toWorkbookError } from "./excel/errors";
import { SyncWatch } from "./excel/excelRun";
import { REQUIRED_EXCEL_API } from "../app/host";
import { EXCEL_API_USAGE } from "./excel/requirements";
import { WorkbookError, type Bindings, type TableInfo } from "./port";
import { planSheet } from "./sheetPlan";
import { planValidation } from "./validationRules";

test("table names Excel would refuse are named as such", () => {
  for (const ok of ["KaonaRounds", "ตารางรอบรายงาน", "_t", "\\x", "Rounds.2563", "RC1x", "ABCD1"])
    expect(tableNameProblem(ok)).toBeNull();
  for (const bad of [
    "",
    "Kaona Rounds",
    "2563Rounds",
    ".x",
    "A1",
    "KPI2020",
    "R1C1",
    "RC",
    "c",
    "a-b",
    "x".repeat(256),
  ])
    expect(tableNameProblem(bad)).not.toBeNull();
});

describe("areas", () => {
  test("cells become few rectangles", () => {
    const cells = [];
    for (let r = 1; r <= 4; r++) for (let c = 0; c < 3; c++) cells.push({ row: r, col: c });
    cells.push({ row: 9, col: 5 });
    expect(cellsToRects(cells)).toEqual([
      { row: 1, col: 0, rows: 4, cols: 3 },
      { row: 9, col: 5, rows: 1, cols: 1 },
    ]);
    expect(
      cellsToRects([
        { row: 2, col: 1 },
        { row: 0, col: 1 },
        { row: 1, col: 1 },
        { row: 1, col: 1 },
      ])
    ).toEqual([{ row: 0, col: 1, rows: 3, cols: 1 }]);
  });

  test("address lists stay under the length getRanges accepts", () => {
    const rects = Array.from({ length: 1000 }, (_, i) => ({
      row: i * 2,
      col: 0,
      rows: 1,
      cols: 2,
    }));
    const lists = addressLists(rects, 2000);
    expect(lists.length).toBeGreaterThan(5);
    expect(lists.every((l) => l.length <= 2000)).toBe(true);
    expect(lists.join(",").split(",")).toHaveLength(1000);
    expect(lists[0].startsWith("A1:B1,A3:B3")).toBe(true);
  });
});

describe("cell content", () => {
  test("text Excel would reinterpret is recognised; ordinary Thai text is not", () => {
    const reinterpreted = [
      "=1+1",
      "+66",
      "-5",
      "@x",
      "'quoted",
      "0012",
      "10.00 %",
      "2/12/2562",
      "2020-1-23",
      "1,234.50",
      "TRUE",
      "๒๕๖๒",
      "2 ธ.ค. 2562",
      "2 ธันวาคม 2562",
      "Jan 2020",
      "21000000-3165",
    ];
    const kept = [
      "กิจกรรมติดตาม",
      "ความก้าวหน้าลดลงจากครั้งก่อน (2)",
      "จากครั้งที่ 3",
      "เกณฑ์ชี้วัด 431 เกณฑ์",
      "ROUND_PROGRESS_FALLS",
      "",
      "   ",
      "0 บาท",
      "ด้านที่ ๕",
    ];
    expect(reinterpreted.filter((t) => !isReinterpretedText(t))).toEqual([]);
    expect(kept.filter((t) => isReinterpretedText(t))).toEqual([]);
  });

  test("any value becomes cell content without throwing", () => {
    expect(
      [null, undefined, Number.NaN, Infinity, -Infinity, {}, [], () => 1].map(toCellContent)
    ).toEqual(["", "", "", "", "", "", "", ""]);
    expect(toCellContent("x".repeat(40_000))).toHaveLength(32_767);
    expect(toCellContent(false)).toBe(false);
  });

  test("structured references compare equal in Excel's spelling and in Kaona's", () => {
    const same = (a: string, b: string) => expect(canonicalFormula(a)).toBe(canonicalFormula(b));
    same("=COUNTIFS(KaonaRounds[[รหัสโครงการ]],$H$5)", "=countifs(kaonarounds[รหัสโครงการ], $H$5)");
    same("=SUM(T[[Total Amount]])", "=SUM(T[Total Amount])");
    same("=T[[a'[1']'#''b]]", "=T[a'[1']'#''b]");
    same("=T[[#Headers], [A b]]", "=T[[#Headers],[A b]]");
    same("=[@[x y]]", "=[@x y]");
    // What does matter: spaces inside a header, the text of a string literal, a range of columns.
    expect(canonicalFormula("=T[Total Amount]")).not.toBe(canonicalFormula("=T[TotalAmount]"));
    expect(canonicalFormula('=IF(A1="ผ่าน ",1,0)')).not.toBe(canonicalFormula('=IF(A1="ผ่าน",1,0)'));
    expect(canonicalFormula('="Abc"')).not.toBe(canonicalFormula('="ABC"'));
    expect(canonicalFormula("=T[[A]:[B]]")).not.toBe(canonicalFormula("=T[A]"));
    // Never throws on broken input.
    for (const broken of ["=T[[a", '="open', "='sheet", "=]]]", "=T[']"])
      expect(typeof canonicalFormula(broken)).toBe("string");
  });

  test("payload sizes are UTF-8 bytes: Thai 3 per character, emoji 4", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("ก้าวหน้า")).toBe(24);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("😀")).toBe(4);
    expect(utf8Length("\ud800x")).toBe(4);
    expect(jsonBytes([["ก", 1]])).toBe(Buffer.byteLength(JSON.stringify([["ก", 1]])));
    expect(jsonBytes(undefined)).toBe(0);
  });

  test("canonical content: formulas as Excel rewrites them, numbers at 15 digits", () => {
    expect(canonicalContent("=sum( a1 : a3 )")).toBe(canonicalContent("=SUM(A1:A3)"));
    expect(canonicalContent(0.1 + 0.2)).toBe(canonicalContent(0.3));
    expect(canonicalContent(1 / 3)).toBe(canonicalContent(0.333333333333333));
    expect(canonicalContent(1 / 3)).not.toBe(canonicalContent(0.33333333333333));
    expect(canonicalContent("1")).not.toBe(canonicalContent(1));
    expect(canonicalContent("")).toBeNull();
  });

  test("fingerprints ignore blanks and reading order but see every edit", () => {
    const a = new ContentFingerprint();
    a.addGrid(0, 0, [
      ["ก", 1, ""],
      ["ข", 2, "=A1"],
    ]);
    const b = new ContentFingerprint();
    b.add(1, 2, "=a1");
    b.add(1, 0, "ข");
    b.add(0, 1, 1);
    b.add(1, 1, 2);
    b.add(0, 0, "ก");
    b.add(5, 5, "");
    expect(b.digest()).toBe(a.digest());
    const edited = new ContentFingerprint();
    edited.addGrid(0, 0, [
      ["ก", 1, ""],
      ["ข", 3, "=A1"],
    ]);
    expect(edited.digest()).not.toBe(a.digest());
    const moved = new ContentFingerprint();
    moved.addGrid(0, 0, [
      [1, "ก", ""],
      ["ข", 2, "=A1"],
    ]);
    expect(moved.digest()).not.toBe(a.digest());
  });

  test("the cell grid keeps rows past 65,535 apart", () => {
    const grid = new CellGrid<number>();
    grid.set(100_000, 3, 1);
    grid.set(3, 100_000 % 16_384, 2);
    grid.delete(7, 7);
    expect(grid.get(100_000, 3)).toBe(1);
    expect([...grid.entries()]).toEqual([
      [100_000, 3, 1],
      [3, 1696, 2],
    ]);
  });
});

describe("the bindings store", () => {
  const bindings: Bindings = {
    version: 1,
    tables: [
      {
        kind: "rounds",
        tableId: "{7}",
        tableName: 'Rounds <&> "63"',
        columns: { progress: "ความก้าวหน้าของงาน (%)" },
      },
    ],
    settings: { lang: "th" },
  };

  test("round trips through XML, escapes included", () => {
    const xml = encodeBindings(bindings);
    expect(xml).toMatch(/^<kaona xmlns="urn:kaona:bindings:1"/);
    expect(xml).not.toContain("<&>");
    expect(decodeBindings(xml)).toEqual(bindings);
    const cdata = `<?xml version="1.0"?><k:kaona xmlns:k="urn:kaona:bindings:1"><k:json><![CDATA[${JSON.stringify(bindings)}]]></k:json></k:kaona>`;
    expect(decodeBindings(cdata)).toEqual(bindings);
  });

  test("a damaged part reads as empty, and bad entries are dropped", () => {
    for (const bad of [
      null,
      42,
      "",
      "<kaona/>",
      "<json>{</json>",
      `<json>${JSON.stringify({ version: 2, tables: [] })}</json>`,
    ]) {
      expect(decodeBindings(bad)).toEqual({ version: 1, tables: [] });
    }
    const mixed = `<json>${JSON.stringify({
      version: 1,
      tables: [
        { kind: "budget", tableId: "1", tableName: "x", columns: {} },
        { kind: "projects", tableId: "2", tableName: "P", columns: { code: 5, name: "ชื่อ" } },
      ],
    })}</json>`;
    expect(decodeBindings(mixed).tables).toEqual([
      { kind: "projects", tableId: "2", tableName: "P", columns: { name: "ชื่อ" } },
    ]);
    expect(decodeGenerated("<json>[]</json>")).toEqual({ version: 1, sheets: [] });
  });

  test("marks are found by id, else by name, and replaced per sheet", () => {
    const mark = (sheetId: string, sheetName: string, fingerprint: string): GeneratedSheetMark => ({
      sheetId,
      sheetName,
      fingerprint,
      address: "A1:D9",
      generatedAt: "2024-05-01T00:00:00.000Z",
    });
    let generated = withMark({ version: 1, sheets: [] }, mark("{1}", "ปัญหา Kaona", "f1"));
    generated = withMark(generated, mark("{2}", "รายงาน 000", "f2"));
    expect(findMark(generated, "{1}", "renamed")?.fingerprint).toBe("f1");
    expect(findMark(generated, "{99}", "รายงาน 000")?.fingerprint).toBe("f2");
    expect(findMark(generated, "{99}", "other")).toBeUndefined();
    const previous = findMark(generated, "{1}", "ปัญหา Kaona");
    generated = withMark(generated, mark("{1}", "ปัญหา Kaona", "f3"), previous);
    expect(
      decodeGenerated(encodeGenerated(generated))
        .sheets.map((m) => m.fingerprint)
        .sort()
    ).toEqual(["f2", "f3"]);
  });

  test("a mark without an id is not 'the same sheet' as another without one", () => {
    const mark = (sheetId: string, sheetName: string): GeneratedSheetMark => ({
      sheetId,
      sheetName,
      fingerprint: sheetName,
      address: "A1:D9",
      generatedAt: "",
    });
    let generated = withMark({ version: 1, sheets: [] }, mark("", "ปัญหา A"));
    generated = withMark(generated, mark("", "ปัญหา B"));
    expect(generated.sheets.map((m) => m.sheetName)).toEqual(["ปัญหา A", "ปัญหา B"]);
    expect(findMark(generated, "", "ปัญหา A")?.fingerprint).toBe("ปัญหา A");
    // An id learned later fills in the mark, and only that mark.
    const learned = withLearnedIds(generated, new Map([["ปัญหา a", "{7}"]]));
    expect(learned.sheets.map((m) => m.sheetId)).toEqual(["{7}", ""]);
    expect(withLearnedIds(learned, new Map())).toBe(learned);
  });

  test("a match by name is trusted by content only once the marked sheet is gone", () => {
    const generated = {
      version: 1 as const,
      sheets: [
        { sheetId: "{1}", sheetName: "ปัญหา A", fingerprint: "f", address: "", generatedAt: "" },
        { sheetId: "", sheetName: "ปัญหา B", fingerprint: "g", address: "", generatedAt: "" },
      ],
    };
    expect(matchMark(generated, "{1}", "ชื่อใหม่", new Set(["{1}"]))?.trust).toBe("id");
    expect(matchMark(generated, "{9}", "ปัญหา B", new Set(["{9}"]))?.trust).toBe("name");
    // {1} still exists under another name: this same-named sheet is someone else's.
    expect(matchMark(generated, "{9}", "ปัญหา A", new Set(["{1}", "{9}"]))).toBeUndefined();
    // {1} is gone: Kaona's sheet reopened under a new id, or the person's own.
    expect(matchMark(generated, "{9}", "ปัญหา A", new Set(["{9}"]))?.trust).toBe("content");
  });
});

describe("resolveBindings", () => {
  const table = (id: string, name: string, headers: string[]): TableInfo => ({
    id,
    name,
    sheet: "S",
    address: "A1:B2",
    headers,
    rowCount: 1,
  });
  test("ok, renamed, relinked by name, missing, and columns whose header is gone", () => {
    const bindings: Bindings = {
      version: 1,
      tables: [
        { kind: "projects", tableId: "1", tableName: "Projects", columns: { code: "รหัสโครงการ" } },
        {
          kind: "rounds",
          tableId: "2",
          tableName: "Rounds",
          columns: { round: "รายงานครั้งที่", progress: "ความก้าวหน้า" },
        },
        { kind: "indicators", tableId: "3", tableName: "Indicators", columns: {} },
      ],
    };
    const resolved = resolveBindings(bindings, [
      table("1", "Projects", ["รหัสโครงการ"]),
      table("2", "Rounds63", [" รายงานครั้งที่ "]),
      table("9", "indicators", []),
    ]);
    expect(resolved.map((r) => r.status)).toEqual(["ok", "renamed", "relinked"]);
    expect(resolved[1].missingColumns).toEqual(["progress"]);
    expect(resolved[2].updated.tableId).toBe("9");
    expect(resolveBindings(bindings, [])[0]).toMatchObject({
      status: "missing",
      missingColumns: ["code"],
    });
  });
});

describe("validation rules", () => {
  test("Excel's limits are checked before anything is written", () => {
    expect(
      planValidation([{ column: 0, type: "list", source: ["a".repeat(200), "b".repeat(60)] }])
    ).toMatchObject({ ok: false });
    expect(planValidation([{ column: 0, type: "list", source: [] }])).toMatchObject({ ok: false });
    expect(planValidation([{ column: 3, type: "decimal", min: 100, max: 0 }])).toMatchObject({
      ok: false,
    });
    expect(planValidation([{ column: 5, type: "date" }], 5)).toMatchObject({ ok: false });
    const ok = planValidation([
      { column: 0, type: "wholeNumber", min: 2500, max: 2700, error: "x".repeat(400) },
    ]);
    expect(ok.ok && ok.writes[0].rule).toEqual({
      wholeNumber: { formula1: 2500, formula2: 2700, operator: "Between" },
    });
    expect(ok.ok && ok.writes[0].errorAlert.message).toHaveLength(255);
  });
});

describe("planSheet", () => {
  test("content rows become blocks; styles become rectangles; the last duplicate wins", () => {
    const plan = planSheet({
      name: "R",
      columnWidths: [10, -5, Number.NaN],
      rowHeights: { 0: 30, 2: 1000 },
      cells: [
        { row: 0, col: 0, value: "a", style: "h" },
        { row: 0, col: 2, value: "c", style: "h" },
        { row: 1, col: 1, value: 2 },
        { row: 1, col: 1, value: 3 },
        { row: 4, col: 0, formula: "=A1", value: 7 },
        { row: 6, col: 0, style: "h" },
      ],
      merges: [{ row: 6, col: 0, rows: 1, cols: 3 }],
      styles: { h: { bold: true, numberFormat: "0.00" } },
    });
    if (!plan.ok) throw new Error(plan.problem);
    expect(plan.plan.blocks).toEqual([
      {
        row: 0,
        col: 0,
        grid: [
          ["a", "", "c"],
          ["", 3, ""],
        ],
      },
      { row: 4, col: 0, grid: [["=A1"]] },
    ]);
    expect(plan.plan.styles[0].rects).toEqual([
      { row: 0, col: 0, rows: 1, cols: 1 },
      { row: 0, col: 2, rows: 1, cols: 1 },
      { row: 6, col: 0, rows: 1, cols: 3 },
    ]);
    expect(plan.plan.numberFormats[0].format).toBe("0.00");
    expect(plan.plan.columnWidths).toEqual([10, 0, 0]);
    expect(plan.plan.rowHeights).toEqual([
      [0, 30],
      [2, 409],
    ]);
    expect(plan.plan.extent).toEqual({ row: 0, col: 0, rows: 7, cols: 3 });
  });

  test("refuses what Excel cannot take, as a problem", () => {
    const base = { columnWidths: [], rowHeights: {}, cells: [], styles: {} };
    expect(planSheet({ ...base, name: "a:b", merges: [] }).ok).toBe(false);
    expect(
      planSheet({
        ...base,
        name: "M",
        merges: [
          { row: 0, col: 0, rows: 2, cols: 2 },
          { row: 1, col: 1, rows: 1, cols: 1 },
        ],
      })
    ).toMatchObject({ ok: false, problem: expect.stringMatching(/overlap/) });
    expect(
      planSheet({ ...base, name: "M", merges: [], cells: [{ row: 2_000_000, col: 0, value: 1 }] })
        .ok
    ).toBe(false);
    expect(
      planSheet({
        ...base,
        name: "M",
        merges: Array.from({ length: 511 }, (_, i) => ({ row: i, col: 0, rows: 1, cols: 2 })),
      }).ok
    ).toBe(true);
  });

  test("a link too long for a HYPERLINK formula is kept as a hyperlink request", () => {
    const long = "ก".repeat(300);
    const plan = planSheet({
      name: "L",
      columnWidths: [],
      rowHeights: {},
      merges: [],
      styles: {},
      cells: [{ row: 0, col: 0, value: long, link: { sheet: "ข้อมูล", cell: "B2" } }],
    });
    if (!plan.ok) throw new Error(plan.problem);
    expect(plan.plan.links).toEqual([
      { row: 0, col: 0, documentReference: "'ข้อมูล'!B2", text: long },
    ]);
    expect(plan.plan.blocks[0].grid[0][0]).toBe(long);
  });
});

describe("Office errors", () => {
  test("codes map to reasons; the original is kept", () => {
    const reasons = {
      ItemNotFound: "table-missing",
      AccessDenied: "sheet-protected",
      ItemAlreadyExists: "sheet-conflict",
      ResponsePayloadSizeLimitExceeded: "payload-too-large",
      GeneralException: "unknown",
      // A bad reference is not a missing table (the person would be sent to bind again).
      InvalidReference: "unknown",
      // Excel busy: retryable, with a finer hint for the message.
      InvalidOperationInCellEditMode: "timeout",
      Conflict: "timeout",
      RequestAborted: "timeout",
    };
    for (const [code, reason] of Object.entries(reasons)) expect(reasonForCode(code)).toBe(reason);
    expect(
      toWorkbookError({ code: "InvalidOperationInCellEditMode", message: "…" }).detail?.hint
    ).toBe("cell-edit-mode");
    expect(toWorkbookError({ code: "Conflict", message: "…" }).detail?.hint).toBe("busy");
    // Codes, not messages: Thai Excel's message about a protected sheet is in Thai, and an
    // English message mentioning protection is no reason to guess either.
    expect(
      toWorkbookError({
        code: "InvalidOperation",
        message: "This operation is not allowed on a protected sheet.",
      }).reason
    ).toBe("unknown");
    expect(
      toWorkbookError({
        code: "AccessDenied",
        message: "เซลล์หรือแผนภูมิที่คุณพยายามเปลี่ยนแปลงอยู่บนแผ่นงานที่ได้รับการป้องกัน",
      }).reason
    ).toBe("sheet-protected");
    const e = toWorkbookError({ code: "ItemNotFound", message: "gone" }, { table: "Rounds" });
    expect(e).toBeInstanceOf(WorkbookError);
    expect(e.detail).toEqual({ table: "Rounds", code: "ItemNotFound", original: "gone" });
    expect(toWorkbookError("weird").reason).toBe("unknown");
    expect(toWorkbookError(null).message).toBe("null");
  });

  test("the watchdog reports a slow sync, waits for it, and says when it is back", async () => {
    const events: { what: string; slow: boolean }[] = [];
    const watch = new SyncWatch(10, "check", (e) => events.push(e));
    const slow = watch.around(() => new Promise((resolve) => setTimeout(() => resolve(5), 60)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Slow, not failed: the sync is still awaited.
    expect(events).toEqual([{ what: "check", slow: true }]);
    await expect(slow).resolves.toBe(5);
    expect(events).toEqual([
      { what: "check", slow: true },
      { what: "check", slow: false },
    ]);
    // A quick sync is never reported; a failing one keeps its error.
    await expect(watch.around(() => Promise.resolve(7))).resolves.toBe(7);
    await expect(watch.around(() => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(events).toHaveLength(2);
  });

  test("cell-edit mode is recognised by its code, and by Office's text on a plain InvalidOperation", () => {
    const byCode = toWorkbookError({ code: "InvalidOperationInCellEditMode", message: "x" });
    expect(byCode.detail?.hint).toBe("cell-edit-mode");
    const plain = toWorkbookError({
      code: "InvalidOperation",
      message: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB.",
    });
    expect(plain.reason).toBe("timeout");
    expect(plain.detail?.hint).toBe("cell-edit-mode");
    // Another InvalidOperation stays what it was.
    const other = toWorkbookError({
      code: "InvalidOperation",
      message: "A table can't overlap another table.",
    });
    expect(other.reason).toBe("unknown");
    expect(other.detail?.hint).toBeUndefined();
  });

  test("the required requirement set is the highest one any call needs", () => {
    const required = EXCEL_API_USAGE.filter((u) => !u.api.includes("optional")).map((u) =>
      Number(u.set.split(".")[1])
    );
    expect(`1.${Math.max(...required)}`).toBe(REQUIRED_EXCEL_API);
  });
});
