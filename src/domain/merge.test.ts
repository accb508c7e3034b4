import { fieldsOf } from "./schema";
import { mergedRawTable, mergeSummary, mergeWorkbooks, SOURCE_HEADERS } from "./merge";
import { rawTableFromRows, sampleWorkbookTables, SEED_000_CODE } from "./sample";
import type { RawTable, TableKind } from "./types";

function tablesOf(sample: Record<TableKind, RawTable>) {
  return (["projects", "rounds", "indicators"] as const).map((kind) => ({
    kind,
    table: sample[kind],
  }));
}

/** Another unit's workbook: the sample's rows under other project codes, columns shuffled. */
function otherUnit(): Record<TableKind, RawTable> {
  const sample = sampleWorkbookTables();
  const recode = (table: RawTable, codeColumn: number): RawTable => {
    // Reverse the column order: the merge must match columns by header, not position.
    const order = table.headers.map((_, index) => table.headers.length - 1 - index);
    return {
      ...table,
      sheet: "หน่วย 2",
      origin: { row: 2, col: 1 },
      headers: order.map((index) => table.headers[index]),
      rows: table.rows.map((row) =>
        order.map((index) =>
          index === codeColumn ? String(row[index]).replace("21000000", "31000000") : row[index]
        )
      ),
    };
  };
  return {
    projects: recode(sample.projects, 0),
    rounds: recode(sample.rounds, 0),
    indicators: recode(sample.indicators, 0),
  };
}

describe("mergeWorkbooks", () => {
  it("compares values as their fields read them: the typed sample is the printed sample", () => {
    // The printed sample holds "2/12/2562", "10.00 %" and "0 บาท" as text; the typed one the
    // serial and the numbers. The same data from two units' files is the same row.
    const result = mergeWorkbooks([
      { file: "printed.xlsx", tables: tablesOf(sampleWorkbookTables("asPrinted")) },
      { file: "typed.xlsx", tables: tablesOf(sampleWorkbookTables("typed")) },
    ]);
    expect(result.conflicts).toEqual([]);
    expect(result.counts.rounds).toEqual({ added: 19, identical: 19, conflicting: 0 });
    expect(result.counts.projects).toEqual({ added: 2, identical: 2, conflicting: 0 });
  });

  it("still finds a date or a number typed as text that differs from the cell it meets", () => {
    const printed = sampleWorkbookTables("asPrinted");
    const typed = sampleWorkbookTables("typed");
    const rounds = typed.rounds;
    const dateColumn = rounds.headers.indexOf("วันที่รายงาน");
    const progressColumn = rounds.headers.indexOf("ความก้าวหน้าของงาน (%)");
    expect([dateColumn, progressColumn].every((column) => column >= 0)).toBe(true);
    const changed: RawTable = {
      ...rounds,
      rows: rounds.rows.map((row, index) =>
        index === 0
          ? row.map((value, column) =>
              column === dateColumn ? "3/12/2562" : column === progressColumn ? "11.00 %" : value
            )
          : row
      ),
    };
    const result = mergeWorkbooks([
      { file: "printed.xlsx", tables: tablesOf(printed) },
      { file: "typed.xlsx", tables: tablesOf({ ...typed, rounds: changed }) },
    ]);
    expect(result.conflicts.map((conflict) => [conflict.kind, conflict.columns])).toEqual([
      ["rounds", [dateColumn, progressColumn]],
    ]);
  });

  it("finds every row of the sample merged with itself a duplicate and adds nothing", () => {
    const sample = sampleWorkbookTables();
    const result = mergeWorkbooks([
      { file: "sample.xlsx", tables: tablesOf(sample) },
      { file: "copy/sample.xlsx", tables: tablesOf(sampleWorkbookTables()) },
    ]);
    expect(result.counts).toEqual({
      projects: { added: 2, identical: 2, conflicting: 0 },
      rounds: { added: 19, identical: 19, conflicting: 0 },
      indicators: { added: 431, identical: 431, conflicting: 0 },
    });
    expect(result.tables.rounds.rows).toEqual(sample.rounds.rows);
    expect(result.issues.map((issue) => [issue.code, issue.severity])).toEqual([
      ["MERGE_IDENTICAL", "info"],
      ["MERGE_IDENTICAL", "info"],
      ["MERGE_IDENTICAL", "info"],
    ]);
    expect(result.issues[2].message.en).toBe(
      "copy/sample.xlsx: 431 Indicators rows identical to rows already there, not added again"
    );
  });

  it("combines two units' files, matching columns by header, and keeps each row's source", () => {
    const sample = sampleWorkbookTables();
    const result = mergeWorkbooks([
      { file: "unit1.xlsx", tables: tablesOf(sample) },
      { file: "unit2.xlsx", tables: tablesOf(otherUnit()) },
    ]);
    expect(result.issues).toEqual([]);
    const rounds = result.tables.rounds;
    expect(rounds.rows).toHaveLength(38);
    expect(rounds.headers).toEqual(fieldsOf("rounds").map((field) => field.label.th));
    expect(rounds.rows[19]).toEqual([
      String(sample.rounds.rows[0][0]).replace("21000000", "31000000"),
      ...sample.rounds.rows[0].slice(1),
    ]);
    expect(rounds.sources[0]).toEqual({ file: "unit1.xlsx", sheet: sample.rounds.sheet, row: 2 });
    // Header on sheet row 3 (origin row 2), first data row on row 4.
    expect(rounds.sources[19]).toEqual({ file: "unit2.xlsx", sheet: "หน่วย 2", row: 4 });
    const written = mergedRawTable(rounds, { name: "KaonaRounds", sheet: "รวม" });
    expect(written.headers.slice(-3)).toEqual(SOURCE_HEADERS.th);
    expect(written.rows[37].slice(-3)).toEqual(["unit2.xlsx", "หน่วย 2", 22]);
    const summary = mergeSummary(result, "en");
    expect(summary.rows.map((row) => [row[0], row[3], row[4], row[7]])).toEqual([
      [SEED_000_CODE, "unit1.xlsx", 11, 431],
      ["21000000-6549", "unit1.xlsx", 8, 0],
      ["31000000-3165", "unit2.xlsx", 11, 431],
      ["31000000-6549", "unit2.xlsx", 8, 0],
    ]);
  });

  it("reports the same key with other values as an error naming both places, and keeps both rows", () => {
    const first = rawTableFromRows("rounds", [
      { projectCode: "A-1", round: 1, progress: 10 },
      { projectCode: "A-1", round: 2, progress: 20 },
    ]);
    const second = rawTableFromRows(
      "rounds",
      [
        { projectCode: " a-1 ", round: "1", progress: 10 },
        { projectCode: "A-1", round: 2, progress: 25, disbursed: 5 },
        { projectCode: "", round: 2, progress: 1 },
      ],
      { sheet: "ครั้งที่" }
    );
    const result = mergeWorkbooks([
      { file: "a.xlsx", tables: [{ kind: "rounds", table: first }] },
      { file: "b.xlsx", tables: [{ kind: "rounds", table: second }] },
    ]);
    expect(result.counts.rounds).toEqual({ added: 4, identical: 1, conflicting: 1 });
    const conflict = result.issues.find((issue) => issue.code === "MERGE_CONFLICT");
    expect(conflict).toMatchObject({
      severity: "error",
      table: "rounds",
      sheet: "ครั้งที่",
      cell: "A3",
      row: 2,
    });
    expect(conflict?.message.en).toBe(
      "A-1 / 2 is in both a.xlsx (sheet รายงานความก้าวหน้า, row 3) and b.xlsx (sheet ครั้งที่, row 3) with different values (Progress (%), Disbursed (baht)): both rows kept, check which is right"
    );
  });
});
