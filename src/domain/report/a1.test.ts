import { cellAddress, columnLetters, parseCellAddress, parseRangeAddress, quoteSheetName, rangeAddress, safeSheetName } from "./a1";
import { columnRef, countSpellings, exactCriterion } from "./live";

describe("A1 addresses", () => {
  it("converts columns and cells both ways", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    expect(cellAddress(6, 2)).toBe("C7");
    expect(cellAddress(6, 2, true)).toBe("$C$7");
    expect(rangeAddress(0, 0, 59, 6)).toBe("A1:G60");
    expect(parseCellAddress("$C$7")).toEqual({ row: 6, col: 2 });
    expect(parseCellAddress("A0")).toBeNull();
    expect(parseCellAddress("7C")).toBeNull();
    expect(parseRangeAddress("C9:A1")).toEqual({ top: 0, left: 0, bottom: 8, right: 2 });
    expect(parseRangeAddress("B2")).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseRangeAddress("A1:B2:C3")).toBeNull();
  });

  it("makes valid, unique sheet names of at most 31 characters", () => {
    expect(safeSheetName("21000000-3165")).toBe("21000000-3165");
    expect(safeSheetName("a/b\\c?d*e[f]g:h")).toBe("a-b-c-d-e-f-g-h");
    expect(safeSheetName("'quoted'")).toBe("quoted");
    expect(safeSheetName("")).toBe("Sheet");
    expect(safeSheetName("History")).toBe("History-1");
    expect(safeSheetName("x".repeat(40))).toHaveLength(31);
    expect(safeSheetName("Summary", ["summary"])).toBe("Summary (2)");
    expect(safeSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
  });
});

describe("live formula pieces", () => {
  it("escapes structured references and criteria", () => {
    expect(columnRef("KaonaRounds", "ความก้าวหน้าของงาน (%)")).toBe("KaonaRounds[[ความก้าวหน้าของงาน (%)]]");
    expect(columnRef("T", "a[1]#'b")).toBe("T[[a'[1']'#''b]]");
    expect(exactCriterion('say "hi"*?')).toBe('"say ""hi""~*~?"');
    expect(countSpellings("T[[c]]", "$H$5", "T[[o]]", ["ผ่าน", "ผ่าน", " "])).toBe('=COUNTIFS(T[[c]],$H$5,T[[o]],"ผ่าน")');
    expect(countSpellings("T[[c]]", "$H$5", "T[[o]]", [])).toBe("=0");
  });
});
