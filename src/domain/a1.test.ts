import {
  cellAddress,
  cornersOf,
  columnIndex,
  columnLetters,
  parseCell,
  rangeCorners,
  rangeOfCorners,
  quoteSheetName,
  parseRange,
  rangeAddress,
  safeSheetName,
  sheetNameProblem,
  sheetOf,
} from "./a1";

describe("A1 addresses", () => {
  it("converts columns and cells both ways", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(cellAddress(6, 2)).toBe("C7");
    expect(cellAddress(6, 2, true)).toBe("$C$7");
    expect(rangeAddress({ row: 0, col: 0, rows: 60, cols: 7 })).toBe("A1:G60");
    expect(rangeAddress({ row: 4, col: 1, rows: 1, cols: 1 })).toBe("B5");
    expect(parseCell("$C$7")).toEqual({ row: 6, col: 2 });
    expect(parseCell("A0")).toBeNull();
    expect(parseCell("7C")).toBeNull();
    expect(rangeCorners("C9:A1")).toEqual({ top: 0, left: 0, bottom: 8, right: 2 });
    expect(rangeCorners("B2")).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(rangeCorners("A1:B2:C3")).toBeNull();
    const range = { row: 4, col: 2, rows: 3, cols: 1 };
    expect(cornersOf(range)).toEqual({ top: 4, left: 2, bottom: 6, right: 2 });
    expect(rangeOfCorners(cornersOf(range))).toEqual(range);
  });

  it.each([
    ["21000000-3165", "21000000-3165"],
    ["a/b\\c?d*e[f]g:h", "a-b-c-d-e-f-g-h"],
    ["'quoted'", "quoted"],
    ["", "Sheet"],
    ["History", "History-1"],
  ])("makes a valid sheet name of %j: %j", (name, safe) => {
    expect(safeSheetName(name)).toBe(safe);
  });

  it("makes unique sheet names of at most 31 characters", () => {
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
    expect(safeSheetName("Summary", ["summary"])).toBe("Summary (2)");
    expect(safeSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
  });
});

describe("A1 addresses at Excel's edges", () => {
  test("column letters back to indexes, to the last column XFD", () => {
    expect(["A", "z", "AA", "XFD", "", "A1", "ABCD"].map(columnIndex)).toEqual([
      0, 25, 26, 16383, -1, -1, -1,
    ]);
    expect(parseCell("XFE1")).toBeNull();
    expect(parseCell("A1048577")).toBeNull();
  });

  test("ranges with and without sheets; hostile text is null", () => {
    expect(parseRange("'รายงาน ''63'!C9:A1")).toEqual({ row: 0, col: 0, rows: 9, cols: 3 });
    expect(sheetOf("'รายงาน ''63'!A1")).toBe("รายงาน '63");
    expect(sheetOf("A1")).toBeNull();
    for (const bad of ["", "A1:B2:C3", "=A1", "x".repeat(100_000), "A:B"])
      expect(parseRange(bad)).toBeNull();
  });

  test("sheet names Excel refuses", () => {
    expect(sheetNameProblem("ปัญหา Kaona")).toBeNull();
    expect(sheetNameProblem("a".repeat(32))).toMatch(/31/);
    expect(sheetNameProblem("a/b")).toMatch(/contains/);
    expect(sheetNameProblem("History")).toMatch(/reserved/);
    expect(sheetNameProblem("")).toBe("empty");
  });
});
