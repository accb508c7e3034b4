/**
 * Several tables of a kind in the task pane (one Rounds sheet per project): bound together,
 * checked as one with each issue at its own sheet and cell; bindings stored before several
 * tables existed still read.
 */
import { disposeSessionsAfterEach } from "../../../test/fixtures/session";
import { autoMap } from "../../domain/mapping";
import { sampleWorkbookTables } from "../../domain/sample";
import type { Issue, RawTable, TableKind } from "../../domain/types";
import { decodeBindings, encodeBindings } from "../../workbook/bindingsStore";
import { MemoryWorkbook } from "../../workbook/memory/MemoryWorkbook";
import { KaonaSession } from "../session";

disposeSessionsAfterEach();

const sample = sampleWorkbookTables("typed");
const codeColumn = autoMap("rounds", sample.rounds.headers).columns.projectCode as number;
const codes = [...new Set(sample.rounds.rows.map((row) => String(row[codeColumn])))];

/** The sample's Rounds split by project, one sheet each, starting below a title row. */
function roundsOf(code: string, sheet: string, name: string): RawTable {
  const rows = sample.rounds.rows.filter((row) => String(row[codeColumn]) === code);
  return {
    ...sample.rounds,
    name,
    sheet,
    origin: { row: 2, col: 1 },
    rows,
    numberFormats: rows.map((row) => row.map(() => "General")),
  };
}

function splitWorkbook(): MemoryWorkbook {
  return new MemoryWorkbook([
    { ...sample.projects, numberFormats: sample.projects.rows.map((r) => r.map(() => "General")) },
    roundsOf(codes[0], "RoundsA", "RoundsA"),
    roundsOf(codes[1], "RoundsB", "RoundsB"),
  ]);
}

async function loaded(workbook: MemoryWorkbook): Promise<KaonaSession> {
  const session = new KaonaSession(workbook, { debounceMs: 0 });
  await session.load();
  return session;
}

function idOf(session: KaonaSession, name: string): string {
  const table = session.getState().tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return table.id;
}

const codesOf = (issues: readonly Issue[]) => issues.map((i) => i.code).sort();

describe("several tables of a kind", () => {
  it("checks the Rounds of two sheets as one, each issue at its own sheet", async () => {
    expect(codes.length).toBeGreaterThanOrEqual(2);
    const session = await loaded(splitWorkbook());
    await session.bindTable(idOf(session, "KaonaProjects"), "projects");
    await session.bindTable(idOf(session, "RoundsA"), "rounds");
    await session.bindAnother(idOf(session, "RoundsB"), "rounds");
    const state = session.getState();
    expect(state.boundAll.rounds?.map((b) => b.table?.name)).toEqual(["RoundsA", "RoundsB"]);
    expect(state.bound.rounds?.table?.name).toBe("RoundsA");

    const run = await session.runCheck();
    expect(run?.tables.map((t) => [t.kind, t.sheet])).toEqual([
      ["projects", sample.projects.sheet],
      ["rounds", "RoundsA"],
      ["rounds", "RoundsB"],
    ]);
    expect(run?.result.records.rounds.length).toBe(sample.rounds.rows.length);
    // The same rounds in one table: the same issues.
    const wholeTable: RawTable = {
      ...roundsOf(codes[0], "R", "RoundsAll"),
      rows: [...roundsOf(codes[0], "", "").rows, ...roundsOf(codes[1], "", "").rows],
    };
    const one = new MemoryWorkbook([
      {
        ...sample.projects,
        numberFormats: sample.projects.rows.map((r) => r.map(() => "General")),
      },
      { ...wholeTable, numberFormats: wholeTable.rows.map((r) => r.map(() => "General")) },
    ]);
    const single = await loaded(one);
    await single.bindTable(idOf(single, "KaonaProjects"), "projects");
    await single.bindTable(idOf(single, "RoundsAll"), "rounds");
    const singleRun = await single.runCheck();
    const roundIssues = (issues: readonly Issue[]) => issues.filter((i) => i.table === "rounds");
    expect(codesOf(roundIssues(run!.result.issues))).toEqual(
      codesOf(roundIssues(singleRun!.result.issues))
    );
    // Each issue of project B's rounds points at RoundsB, within that table's rows.
    const bRows = roundsOf(codes[1], "", "").rows.length;
    const onB = roundIssues(run!.result.issues).filter((i) => i.sheet === "RoundsB");
    const aRows = roundsOf(codes[0], "", "").rows.length;
    const expectedOnB = roundIssues(singleRun!.result.issues).filter((i) => i.row >= aRows);
    expect(onB.length).toBe(expectedOnB.length);
    expect(onB.length).toBeGreaterThan(0);
    for (const issue of onB) {
      const row = Number(/\d+$/.exec(issue.cell ?? "")?.[0]);
      expect(row).toBeGreaterThanOrEqual(4);
      expect(row).toBeLessThanOrEqual(3 + bRows);
    }
  });

  it("remaps and unbinds one table of a kind without touching the other", async () => {
    const session = await loaded(splitWorkbook());
    const a = idOf(session, "RoundsA");
    const b = idOf(session, "RoundsB");
    await session.bindTable(a, "rounds");
    await session.bindAnother(b, "rounds");
    const narrative = session.getState().boundAll.rounds![1].binding.columns.narrative;
    expect(narrative).toBeDefined();
    await session.setColumn("rounds", "narrative", null, b);
    const [first, second] = session.getState().boundAll.rounds!;
    expect(first.binding.columns.narrative).toBe(narrative);
    expect(second.binding.columns.narrative).toBeUndefined();
    await session.unbind("rounds", a);
    expect(session.getState().boundAll.rounds?.map((x) => x.table?.id)).toEqual([b]);
    expect(session.getState().bound.rounds?.table?.id).toBe(b);
    await session.unbind("rounds");
    expect(session.getState().bound.rounds).toBeUndefined();
  });
});

describe("stored bindings", () => {
  /** A part as earlier versions wrote it: one binding per kind. */
  function oldPart(ids: Record<string, string>): string {
    const binding = (kind: TableKind, name: string) => ({
      kind,
      tableId: ids[name],
      tableName: name,
      columns: { projectCode: sample.rounds.headers[codeColumn] },
    });
    return encodeBindings({
      version: 1,
      tables: [binding("projects", "KaonaProjects"), binding("rounds", "RoundsA")],
      settings: { planTolerance: 7 },
    });
  }

  it("reads the one-table-per-kind format of earlier versions", async () => {
    const workbook = splitWorkbook();
    const tables = await workbook.listTables();
    const ids = Object.fromEntries(tables.map((t) => [t.name, t.id]));
    // The part exactly as an earlier version stored it, through the codec.
    await workbook.saveBindings(decodeBindings(oldPart(ids)));
    const session = await loaded(workbook);
    const state = session.getState();
    expect(state.bound.rounds?.table?.name).toBe("RoundsA");
    expect(state.boundAll.rounds).toHaveLength(1);
    expect(state.boundAll.projects).toHaveLength(1);
    expect(state.settings.planTolerance).toBe(7);
    // A table added later joins the kind; the first stays first.
    await session.bindAnother(ids.RoundsB, "rounds");
    const stored = await workbook.loadBindings();
    expect(stored.tables.map((t) => [t.kind, t.tableName])).toEqual([
      ["projects", "KaonaProjects"],
      ["rounds", "RoundsA"],
      ["rounds", "RoundsB"],
    ]);
  });

  it("keeps a co-author's second table of a kind when this pane changes another kind", async () => {
    const workbook = splitWorkbook();
    const session = await loaded(workbook);
    await session.bindTable(idOf(session, "RoundsA"), "rounds");
    // A co-author adds RoundsB meanwhile.
    const theirs = await workbook.loadBindings();
    await workbook.saveBindings({
      ...theirs,
      tables: [
        ...theirs.tables,
        { kind: "rounds", tableId: idOf(session, "RoundsB"), tableName: "RoundsB", columns: {} },
      ],
    });
    await session.bindTable(idOf(session, "KaonaProjects"), "projects");
    const stored = await workbook.loadBindings();
    expect(stored.tables.filter((t) => t.kind === "rounds").map((t) => t.tableName)).toEqual([
      "RoundsA",
      "RoundsB",
    ]);
    expect(session.getState().coauthorChange?.kinds).toEqual(["rounds"]);
  });
});
