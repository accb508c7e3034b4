import {
  boundSample,
  checkedLiveSample,
  disposeSessionsAfterEach,
} from "../../test/fixtures/session";
import { SEED_000_CODE, SEED_001_CODE } from "../domain/sample";
import { MemoryWorkbook } from "../workbook/memory/MemoryWorkbook";
import { createSampleWorkbook } from "../workbook/memory/sampleWorkbook";
import { KaonaSession, uniqueTableName } from "./session";
import { memoryPreferences, storedPreferences } from "./preferences";
import { PreviewWorkbook } from "./previewWorkbook";

const ROUNDS_SHEET = "รายงานความก้าวหน้า";

// Every session a test loads is disposed after it.
disposeSessionsAfterEach();

function cellText(memory: MemoryWorkbook, sheet: string): string[] {
  const found = memory.snapshot().sheets.find((s) => s.name === sheet);
  return found ? found.cells.map((c) => String(c.value)) : [];
}

afterEach(() => {
  jest.useRealTimers();
});

describe("loading and binding", () => {
  test("the sample workbook loads with three tables and no binding", async () => {
    const session = new KaonaSession(createSampleWorkbook());
    await session.load();
    const state = session.getState();
    expect(state.status).toBe("ready");
    expect(state.tables.map((t) => [t.name, t.sheet, t.rowCount])).toEqual([
      ["KaonaProjects", "โครงการ", 2],
      ["KaonaRounds", ROUNDS_SHEET, 19],
      ["KaonaIndicators", "เกณฑ์ชี้วัด", 431],
    ]);
    expect(state.bound).toEqual({});
    expect(state.error).toBeNull();
  });

  test("binding maps every column of the sample tables by its Thai header", async () => {
    const { session } = await boundSample();
    const rounds = session.getState().bound.rounds!;
    expect(rounds.status).toBe("ok");
    expect(rounds.unmappedRequired).toEqual([]);
    expect(rounds.binding.columns).toMatchObject({
      projectCode: "รหัสโครงการ",
      round: "รายงานครั้งที่",
      progress: "ความก้าวหน้าของงาน (%)",
    });
    expect(Object.keys(session.getState().bound.projects!.binding.columns)).toHaveLength(18);
  });

  test("a table is bound to one kind at a time, and a kind to one table", async () => {
    const { session } = await boundSample();
    const roundsId = session.getState().bound.rounds!.table!.id;
    await session.bindTable(roundsId, "indicators");
    const state = session.getState();
    expect(state.bound.rounds).toBeUndefined();
    expect(state.bound.indicators!.table!.id).toBe(roundsId);
    expect(state.bound.indicators!.unmappedRequired).toEqual([]);
    expect(state.bindings.tables).toHaveLength(2);
  });

  test("bindings survive renaming, and a deleted table shows as missing", async () => {
    const { memory, session } = await boundSample();
    const rounds = session.getState().bound.rounds!.table!;
    memory.renameTable(rounds.id, "ProgressLog");
    memory.renameSheet(ROUNDS_SHEET, "ความก้าวหน้า 2566");
    await session.load();
    expect(session.getState().bound.rounds).toMatchObject({
      status: "renamed",
      table: { name: "ProgressLog", sheet: "ความก้าวหน้า 2566" },
    });
    memory.deleteTable(session.getState().bound.indicators!.table!.id);
    await session.load();
    expect(session.getState().bound.indicators).toMatchObject({
      status: "missing",
      table: undefined,
    });
    // A fresh session on the same workbook reads the same bindings back.
    const again = new KaonaSession(memory);
    await again.load();
    expect(again.getState().bound.rounds!.binding.tableName).toBe("ProgressLog");
  });

  test("binding automatically gives each sample table the kind its headers fit", async () => {
    const session = new KaonaSession(createSampleWorkbook());
    await session.load();
    expect(await session.autoBind()).toEqual(["projects", "rounds", "indicators"]);
    const bound = session.getState().bound;
    expect([
      bound.projects!.table!.name,
      bound.rounds!.table!.name,
      bound.indicators!.table!.name,
    ]).toEqual(["KaonaProjects", "KaonaRounds", "KaonaIndicators"]);
    // Nothing left to bind: a second run changes nothing.
    expect(await session.autoBind()).toEqual([]);
  });

  test("correcting a field's column frees it from the field that held it", async () => {
    const { session } = await boundSample();
    await session.setColumn("rounds", "plannedProgress", "ความก้าวหน้าของงาน (%)");
    const columns = session.getState().bound.rounds!.binding.columns;
    expect(columns.plannedProgress).toBe("ความก้าวหน้าของงาน (%)");
    expect(columns.progress).toBeUndefined();
    await session.setColumn("rounds", "round", null);
    expect(session.getState().bound.rounds!.unmappedRequired).toEqual(["round"]);
    const run = await session.runCheck();
    expect(
      run!.result.issues.filter((i) => i.code === "MAP_REQUIRED_UNMAPPED").map((i) => i.table)
    ).toEqual(["rounds"]);
  });
});

describe("checking", () => {
  test("the seeds check with no errors, and seed 001's missing progress as warnings at their cells", async () => {
    const { session } = await boundSample();
    const run = (await session.runCheck())!;
    expect(run.result.summary.errors).toBe(0);
    const missing = run.result.issues.filter((i) => i.code === "ROUND_PROGRESS_MISSING");
    expect(missing.map((i) => [i.severity, i.sheet, i.cell])).toEqual(
      ["E15", "E16", "E17", "E18", "E19"].map((cell) => ["warning", ROUNDS_SHEET, cell])
    );
    expect(missing[0].message.th).toContain(SEED_001_CODE);
    expect(run.tables.map((t) => [t.kind, t.rows])).toEqual([
      ["projects", 2],
      ["rounds", 19],
      ["indicators", 431],
    ]);
    const seed000 = run.result.issues.filter(
      (i) => i.severity === "error" && i.message.th.includes(SEED_000_CODE)
    );
    expect(seed000).toEqual([]);
  });

  test("checking reads every bound table in one request", async () => {
    const { memory, session } = await boundSample();
    const read = jest.spyOn(memory, "readTables");
    await session.runCheck();
    expect(read).toHaveBeenCalledTimes(1);
    expect(read.mock.calls[0][0]).toHaveLength(3);
  });

  test("a broken value is found at its cell by the live check, after a pause in typing", async () => {
    jest.useFakeTimers();
    const { memory, session } = await boundSample({ debounceMs: 600 });
    await session.runCheck();
    expect(session.getState().check!.result.summary.errors).toBe(0);
    // Seed 000 round 2 (row 3): 25 % → 5 %, below round 1's 10 %.
    memory.setCell(ROUNDS_SHEET, "E3", 5);
    memory.setCell(ROUNDS_SHEET, "E3", 4);
    await jest.advanceTimersByTimeAsync(599);
    expect(session.getState().check!.result.summary.errors).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    await jest.advanceTimersByTimeAsync(0);
    const run = session.getState().check!;
    expect(run.trigger).toBe("live");
    const falls = run.result.issues.find((i) => i.code === "ROUND_PROGRESS_FALLS");
    expect(falls).toMatchObject({ severity: "error", sheet: ROUNDS_SHEET, cell: "E3" });
    await session.goToIssue(falls!);
    expect(memory.snapshot().selection).toEqual({ sheet: ROUNDS_SHEET, address: "E3" });
  });

  test("unbinding removes the change handlers; live off stops re-checking", async () => {
    const { memory, session } = await checkedLiveSample();
    const first = session.getState().check;
    await session.unbind("rounds");
    memory.setCell(ROUNDS_SHEET, "E3", 5);
    await jest.advanceTimersByTimeAsync(50);
    expect(session.getState().check).toBe(first);
    await session.setLive(false);
    memory.setCell("โครงการ", "C2", 2570);
    await jest.advanceTimersByTimeAsync(50);
    expect(session.getState().check).toBe(first);
    await session.setLive(true);
    memory.setCell("โครงการ", "C2", 2563);
    await jest.advanceTimersByTimeAsync(50);
    expect(session.getState().check).not.toBe(first);
    await session.dispose();
  });

  test("a live edit reads only the edited row and gives what a full check gives", async () => {
    const { memory, session } = await checkedLiveSample();
    const readTables = jest.spyOn(memory, "readTables");
    const readRows = jest.spyOn(memory, "readTableRows");
    memory.setCell(ROUNDS_SHEET, "E3", 5);
    await jest.advanceTimersByTimeAsync(20);
    expect(readTables).not.toHaveBeenCalled();
    expect(readRows).toHaveBeenCalledTimes(1);
    expect(readRows.mock.calls[0].slice(1)).toEqual([1, 1]);
    const live = session.getState().check!;
    expect(live.trigger).toBe("live");
    expect(live.remote).toBeUndefined();
    readTables.mockRestore();
    const full = await session.runCheck();
    expect(live.result).toEqual(full!.result);
    expect(live.result.issues.some((i) => i.code === "ROUND_PROGRESS_FALLS")).toBe(true);
    await session.dispose();
  });

  test("a co-author's edit updates the check the same way, and says so", async () => {
    const { memory, session } = await checkedLiveSample();
    const readRows = jest.spyOn(memory, "readTableRows");
    memory.setCell(ROUNDS_SHEET, "E3", 5, "remote");
    await jest.advanceTimersByTimeAsync(20);
    expect(readRows).toHaveBeenCalledTimes(1);
    const run = session.getState().check!;
    expect(run.remote).toBe(true);
    expect(run.result.issues.find((i) => i.code === "ROUND_PROGRESS_FALLS")?.cell).toBe("E3");
    await session.dispose();
  });

  test("a sort re-reads the table; rows appended are read alone", async () => {
    const { memory, session } = await checkedLiveSample();
    const rounds = session.getState().bound.rounds!.table!.id;
    const readTables = jest.spyOn(memory, "readTables");
    const readRows = jest.spyOn(memory, "readTableRows");
    memory.sortRows(rounds, 4, true);
    await jest.advanceTimersByTimeAsync(20);
    expect(readTables).toHaveBeenCalledWith([rounds]);
    memory.insertRows(rounds, 19, [[SEED_000_CODE, 12, 44150, "งานเพิ่ม", 100]]);
    await jest.advanceTimersByTimeAsync(20);
    expect(readRows).toHaveBeenLastCalledWith(rounds, 19, 1);
    const live = session.getState().check!.result;
    readTables.mockRestore();
    expect(live).toEqual((await session.runCheck())!.result);
    await session.dispose();
  });

  test("hidden, the pane stops watching; shown again, it catches up with one check", async () => {
    const { memory, session } = await checkedLiveSample();
    const first = session.getState().check;
    await session.setPaneVisible(false);
    memory.setCell(ROUNDS_SHEET, "E3", 5);
    await jest.advanceTimersByTimeAsync(50);
    expect(session.getState().check).toBe(first);
    const readTables = jest.spyOn(memory, "readTables");
    await session.setPaneVisible(true);
    expect(readTables).toHaveBeenCalledTimes(1);
    const caughtUp = session.getState().check!;
    expect(caughtUp.result.issues.some((i) => i.code === "ROUND_PROGRESS_FALLS")).toBe(true);
    // Watching again.
    memory.setCell(ROUNDS_SHEET, "E3", 25);
    await jest.advanceTimersByTimeAsync(20);
    expect(
      session.getState().check!.result.issues.some((i) => i.code === "ROUND_PROGRESS_FALLS")
    ).toBe(false);
    await session.dispose();
  });

  test("a handler that cannot be removed does not keep the pane from binding again", async () => {
    const { memory, session } = await boundSample();
    const original = memory.onTablesChanged.bind(memory);
    jest.spyOn(memory, "onTablesChanged").mockImplementation(async (ids, handler) => {
      await original(ids, handler);
      return async () => {
        throw new Error("ItemNotFound: the table was deleted");
      };
    });
    const rounds = session.getState().bound.rounds!.table!.id;
    await session.unbind("rounds");
    await session.bindTable(rounds, "rounds");
    await session.unbind("rounds");
    expect(session.getState().error).toBeNull();
    await session.bindTable(rounds, "rounds");
    expect(session.getState().bound.rounds?.table?.id).toBe(rounds);
    expect(session.getState().error).toBeNull();
    await session.dispose();
  });

  test("after Kaona's own write, the watched tables are read again", async () => {
    const { memory, session } = await checkedLiveSample();
    const readTables = jest.spyOn(memory, "readTables");
    await session.writeIssuesSheet("th");
    await jest.advanceTimersByTimeAsync(20);
    expect(readTables.mock.calls.map((call) => call[0].length)).toEqual([1, 1, 1]);
    await session.dispose();
  });

  test("workbook settings change the check at once and reach the workbook only on Save", async () => {
    const { memory, session } = await boundSample();
    const saves = jest.spyOn(memory, "saveBindings");
    const outcome = session
      .getState()
      .settings.vocabularies.outcome.map((e) =>
        e.key === "notNeeded" ? { ...e, counts: "passed" as const } : e
      );
    await session.runCheck();
    const before = session.getState().check;
    await session.updateSettings({ planTolerance: 12.5, dateEra: "CE" });
    await session.updateSettings({
      vocabularies: { ...session.getState().settings.vocabularies, outcome },
    });
    // In effect here (the check ran again), not written: each write clears Excel's undo.
    expect(session.getState().check).not.toBe(before);
    expect(session.getState()).toMatchObject({
      settingsUnsaved: true,
      settings: { planTolerance: 12.5, dateEra: "CE" },
    });
    expect(saves).not.toHaveBeenCalled();
    const unsavedElsewhere = new KaonaSession(memory);
    await unsavedElsewhere.load();
    expect(unsavedElsewhere.getState().settings.planTolerance).not.toBe(12.5);

    expect(await session.saveSettings()).toBe(true);
    expect(saves).toHaveBeenCalledTimes(1);
    expect(session.getState().settingsUnsaved).toBe(false);
    const again = new KaonaSession(memory);
    await again.load();
    const settings = again.getState().settings;
    expect(settings).toMatchObject({ planTolerance: 12.5, dateEra: "CE" });
    expect(settings.vocabularies.outcome.find((e) => e.key === "notNeeded")!.counts).toBe("passed");
    // Bindings are kept alongside.
    expect(Object.keys(again.getState().bound).sort()).toEqual([
      "indicators",
      "projects",
      "rounds",
    ]);
  });

  test("discarding unsaved settings goes back to the workbook's and checks again", async () => {
    const { session } = await boundSample();
    await session.runCheck();
    const tolerance = session.getState().settings.planTolerance;
    await session.updateSettings({ planTolerance: tolerance + 20 });
    const changed = session.getState().check;
    await session.discardSettings();
    expect(session.getState()).toMatchObject({
      settingsUnsaved: false,
      settings: { planTolerance: tolerance },
    });
    expect(session.getState().check).not.toBe(changed);
  });

  test("the language is each person's own: kept in their preferences, never in the workbook", async () => {
    const memory = createSampleWorkbook();
    const storage = new Map<string, string>();
    const mine = storedPreferences({
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
    });
    const me = new KaonaSession(memory, { preferences: mine });
    await me.load();
    const saves = jest.spyOn(memory, "saveBindings");
    await me.updateSettings({ language: "en" });
    expect(me.getState().settings.language).toBe("en");
    expect(me.getState().settingsUnsaved).toBe(false);
    expect(saves).not.toHaveBeenCalled();
    // A co-author on the same workbook keeps their language; I keep mine next time.
    const coauthor = new KaonaSession(memory, {
      preferences: memoryPreferences({ language: "th" }),
    });
    await coauthor.load();
    expect(coauthor.getState().settings.language).toBe("th");
    const meAgain = new KaonaSession(memory, { preferences: mine });
    await meAgain.load();
    expect(meAgain.getState().settings.language).toBe("en");
    // Saving workbook settings does not carry anyone's language into the workbook.
    await coauthor.updateSettings({ dateEra: "CE" });
    await coauthor.saveSettings();
    expect((await memory.loadBindings()).settings).not.toHaveProperty("language");
    await meAgain.load();
    expect(meAgain.getState().settings).toMatchObject({ language: "en", dateEra: "CE" });
  });
});

describe("co-authors saving bindings and settings", () => {
  async function twoPanes() {
    const memory = createSampleWorkbook();
    const mine = new KaonaSession(memory);
    const theirs = new KaonaSession(memory);
    await mine.load();
    await theirs.load();
    const idOf = (name: string) => mine.getState().tables.find((t) => t.name === name)!.id;
    return { memory, mine, theirs, idOf };
  }

  test("a binding a co-author saved meanwhile is kept, and this pane is told", async () => {
    const { memory, mine, theirs, idOf } = await twoPanes();
    await theirs.bindTable(idOf("KaonaRounds"), "rounds");
    await mine.bindTable(idOf("KaonaProjects"), "projects");
    const stored = await memory.loadBindings();
    expect(stored.tables.map((b) => b.kind).sort()).toEqual(["projects", "rounds"]);
    expect(Object.keys(mine.getState().bound).sort()).toEqual(["projects", "rounds"]);
    expect(mine.getState().coauthorChange).toEqual({
      kinds: ["rounds"],
      overridden: [],
      settings: [],
      settingsOverridden: [],
    });
    mine.dismissCoauthorChange();
    expect(mine.getState().coauthorChange).toBeNull();
    // Nothing changed behind their back: no note for them.
    await theirs.bindTable(idOf("KaonaIndicators"), "indicators");
    expect(theirs.getState().coauthorChange).toMatchObject({ kinds: ["projects"] });
    expect((await memory.loadBindings()).tables).toHaveLength(3);
  });

  test("both bind one kind: this pane's action stands and says it replaced theirs", async () => {
    const { memory, mine, theirs, idOf } = await twoPanes();
    await theirs.bindTable(idOf("KaonaRounds"), "rounds");
    await theirs.setColumn("rounds", "progress", null);
    await mine.bindTable(idOf("KaonaRounds"), "rounds");
    const stored = (await memory.loadBindings()).tables.find((b) => b.kind === "rounds")!;
    expect(stored.columns.progress).toBe("ความก้าวหน้าของงาน (%)");
    expect(mine.getState().coauthorChange).toMatchObject({
      kinds: ["rounds"],
      overridden: ["rounds"],
    });
  });

  test("settings: each key from whoever changed it; a co-author's unbinding is not undone", async () => {
    const { memory, mine, theirs, idOf } = await twoPanes();
    await mine.bindTable(idOf("KaonaProjects"), "projects");
    await mine.bindTable(idOf("KaonaRounds"), "rounds");
    await theirs.load();
    await theirs.unbind("rounds");
    await theirs.updateSettings({ dateEra: "CE" });
    await theirs.saveSettings();
    await mine.updateSettings({ planTolerance: 7.5 });
    await mine.saveSettings();
    const stored = await memory.loadBindings();
    expect(stored.settings).toMatchObject({ planTolerance: 7.5, dateEra: "CE" });
    expect(stored.tables.map((b) => b.kind)).toEqual(["projects"]);
    expect(mine.getState().settings).toMatchObject({ planTolerance: 7.5, dateEra: "CE" });
    expect(mine.getState().bound.rounds).toBeUndefined();
    expect(mine.getState().coauthorChange).toMatchObject({
      kinds: ["rounds"],
      overridden: [],
      settings: ["dateEra"],
    });
  });
});

describe("creating tables", () => {
  test("a blank table gets a free sheet and table name, Thai headers and BE dates, and is bound", async () => {
    const { memory, session } = await boundSample();
    const table = (await session.createBlankTable("rounds", "th"))!;
    expect([table.sheet, table.name, table.rowCount]).toEqual([
      `${ROUNDS_SHEET} (2)`,
      "KaonaRounds2",
      0,
    ]);
    expect(session.getState().bound.rounds!.table!.id).toBe(table.id);
    const sheet = memory.snapshot().sheets.find((s) => s.name === table.sheet)!;
    expect(sheet.cells.filter((c) => c.row === 0).map((c) => c.value)).toContain("วันที่รายงาน");
    expect(sheet.cells.find((c) => c.address === "C2")!.numberFormat).toBe("[$-1070000]d/mm/yyyy");
    expect(sheet.validations.map((v) => Object.keys(v.rule)[0])).toEqual(
      expect.arrayContaining(["list", "decimal", "wholeNumber", "date"])
    );
  });

  test("sample data goes into an empty workbook as three bound tables that check like the seeds", async () => {
    const memory = new MemoryWorkbook();
    const session = new KaonaSession(memory);
    await session.load();
    const created = (await session.insertSampleData())!;
    expect(created.map((t) => [t.name, t.rowCount])).toEqual([
      ["KaonaProjects", 2],
      ["KaonaRounds", 19],
      ["KaonaIndicators", 431],
    ]);
    const run = (await session.runCheck())!;
    expect(run.result.summary.errors).toBe(0);
    expect(run.result.issues.filter((i) => i.code === "ROUND_PROGRESS_MISSING")).toHaveLength(5);
    // The default sample is the typed one: no warning about its own text-typed values.
    expect(run.result.issues.filter((i) => /_AS_TEXT$/.test(i.code))).toEqual([]);
  });

  test("the sample as printed keeps the printouts' text values, and the check says so", async () => {
    const session = new KaonaSession(new MemoryWorkbook());
    await session.load();
    await session.insertSampleData("asPrinted");
    const run = (await session.runCheck())!;
    const asText = run.result.issues.filter((i) => /_AS_TEXT$/.test(i.code));
    expect(asText.map((i) => i.cell)).toEqual(["D3", "F3", "C2", "E2", "C5", "C10"]);
  });

  test("data validation goes only to the bound table's own columns, after a protected sheet is unprotected", async () => {
    const { memory, session } = await boundSample();
    const plan = await session.validationPlan("rounds");
    expect(plan.find((p) => p.header === "ความก้าวหน้าของงาน (%)")!.rule).toMatchObject({
      type: "decimal",
      min: 0,
      max: 100,
      column: 4,
    });
    expect(plan.find((p) => p.header === "สถานะตามแผน")!.rule).toMatchObject({
      type: "list",
      source: ["เป็นไปตามแผน", "ล่าช้ากว่าแผน", "เร็วกว่าแผน"],
    });
    memory.protectSheet(ROUNDS_SHEET);
    expect(await session.applyValidation("rounds")).toBeUndefined();
    expect(session.getState().error).toMatchObject({
      reason: "sheet-protected",
      way: "retry",
      params: { sheet: ROUNDS_SHEET },
    });
    memory.protectSheet(ROUNDS_SHEET, false);
    await session.retry();
    expect(session.getState().error).toBeNull();
    const sheet = memory.snapshot().sheets.find((s) => s.name === ROUNDS_SHEET)!;
    expect(sheet.validations.find((v) => v.address === "E2:E20")!.rule).toEqual({
      decimal: { formula1: 0, formula2: 100, operator: "Between" },
    });
  });

  test("the selected range becomes a table bound as the kind asked for", async () => {
    const memory = new MemoryWorkbook();
    memory.select("Sheet1", "A1");
    memory.setCell("Sheet1", "A1", "รหัสโครงการ");
    memory.setCell("Sheet1", "B1", "ครั้งที่");
    memory.setCell("Sheet1", "C1", "ความก้าวหน้า (%)");
    memory.setCell("Sheet1", "A2", SEED_000_CODE);
    memory.setCell("Sheet1", "B2", 1);
    memory.setCell("Sheet1", "C2", 10);
    memory.select("Sheet1", "A1:C2");
    const session = new KaonaSession(memory);
    await session.load();
    const table = (await session.convertSelection("rounds"))!;
    expect(table).toMatchObject({ name: "KaonaRounds", address: "A1:C2", rowCount: 1 });
    expect(session.getState().bound.rounds!.binding.columns).toEqual({
      projectCode: "รหัสโครงการ",
      round: "ครั้งที่",
      progress: "ความก้าวหน้า (%)",
    });
  });
});

describe("generated sheets", () => {
  test("the issues sheet is written, rewritten in place, and replaced only after asking when edited", async () => {
    const { memory, session } = await boundSample();
    await session.runCheck();
    const first = (await session.writeIssuesSheet("th"))!;
    expect(first.pending).toEqual([]);
    const sheetName = first.written[0].sheet;
    expect(cellText(memory, sheetName).join(" ")).toContain("E15");
    expect((await session.writeIssuesSheet("th"))!.written[0].replaced).toBe(true);
    memory.setCell(sheetName, "A1", "my note");
    const refused = (await session.writeIssuesSheet("th"))!;
    expect(refused.pending.map((p) => [p.sheet, p.conflict])).toEqual([[sheetName, "edited"]]);
    expect(memory.getCell(sheetName, "A1")).toBe("my note");
    const replaced = (await session.resolveConflict(refused.pending[0], "replace"))!;
    expect(replaced).toMatchObject({ sheet: sheetName, replaced: true });
    expect(memory.getCell(sheetName, "A1")).not.toBe("my note");
  });

  test("a project's report lists its 11 rounds ending at 100 %; a sheet not Kaona's is never replaced", async () => {
    const { memory, session } = await boundSample();
    memory.select(SEED_000_CODE, "A1");
    memory.setCell(SEED_000_CODE, "A1", "someone else's sheet");
    const outcome = (await session.generateReports({
      projectCode: SEED_000_CODE,
      mode: "values",
      lang: "th",
      chart: true,
    }))!;
    expect(outcome.written).toEqual([]);
    expect(outcome.pending.map((p) => [p.sheet, p.conflict])).toEqual([
      [SEED_000_CODE, "not-generated"],
    ]);
    const result = (await session.resolveConflict(outcome.pending[0], "rename"))!;
    expect(result.sheet).toBe(`${SEED_000_CODE} (2)`);
    expect(memory.getCell(SEED_000_CODE, "A1")).toBe("someone else's sheet");
    const text = cellText(memory, result.sheet).join("\n");
    expect(text).toContain("แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ");
    expect(text).toContain("กิจกรรมติดตามและประเมินผลเกณฑ์ชี้วัดมาตรฐานการจัดบริการสาธารณะของกรุงเทพมหานคร");
    expect(session.getState().error).toBeNull();
    const snapshot = memory.snapshot();
    expect(snapshot.activeSheet).toBe(result.sheet);
    expect(snapshot.sheets.find((s) => s.name === result.sheet)!.charts).toHaveLength(1);
  });

  test("all projects: one report sheet each and the summary; live mode writes formulas over the bound tables", async () => {
    const { memory, session } = await boundSample();
    const outcome = (await session.generateReports({
      projectCode: null,
      mode: "live",
      lang: "en",
      chart: false,
    }))!;
    expect(outcome.pending).toEqual([]);
    expect(outcome.written.map((w) => w.sheet)).toEqual(["Summary", SEED_000_CODE, SEED_001_CODE]);
    const formulas = memory
      .snapshot()
      .sheets.find((s) => s.name === SEED_000_CODE)!
      .cells.filter((c) => String(c.value).startsWith("="));
    expect(formulas.some((c) => String(c.value).includes("KaonaRounds[["))).toBe(true);
  });

  test("the preview layout of seed 001 shows its missing progress as blanks", async () => {
    const { session } = await boundSample();
    const layout = (await session.previewReport({
      projectCode: SEED_001_CODE,
      mode: "values",
      lang: "th",
      chart: false,
    }))!;
    expect(layout.name).toBe(SEED_001_CODE);
    const values = layout.cells.map((c) => c.value);
    expect(values).toContain(100);
    expect(values).not.toContain("0.00");
    const projects = await session.projects();
    expect(projects.map((p) => [p.code, p.rounds, p.latestProgress])).toEqual([
      [SEED_000_CODE, 11, 100],
      [SEED_001_CODE, 8, 100],
    ]);
  });
});

describe("failures and the preview workbook", () => {
  test("a deleted table ends in table-missing with the way back to binding", async () => {
    const { memory, session } = await boundSample();
    memory.deleteTable(session.getState().bound.rounds!.table!.id);
    await session.runCheck();
    expect(session.getState().error).toMatchObject({ reason: "table-missing", way: "rebind" });
  });

  test("inserting into the selected cell: not supported by a bare memory workbook, done by the preview's", async () => {
    const bare = new KaonaSession(new MemoryWorkbook());
    expect(await bare.insertFormula("=KPI.PROGRESS(1)")).toBeUndefined();
    expect(bare.getState().error).toMatchObject({ reason: "not-supported", way: "dismiss" });
    const preview = new PreviewWorkbook(createSampleWorkbook());
    let changes = 0;
    preview.subscribe(() => (changes += 1));
    preview.select("โครงการ", "T2:U3");
    const session = new KaonaSession(preview);
    const at = await session.insertFormula('=KPI.PROGRESS(KaonaRounds[รหัสโครงการ], "x")');
    expect(at).toEqual({ sheet: "โครงการ", cell: "T2" });
    expect(preview.memory.getCell("โครงการ", "T2")).toBe(
      '=KPI.PROGRESS(KaonaRounds[รหัสโครงการ], "x")'
    );
    expect(changes).toBe(2);
  });

  test("unique table names count case-insensitively", () => {
    expect(uniqueTableName("KaonaRounds", ["kaonarounds", "KaonaRounds2"])).toBe("KaonaRounds3");
    expect(uniqueTableName("KaonaRounds", [])).toBe("KaonaRounds");
  });
});
