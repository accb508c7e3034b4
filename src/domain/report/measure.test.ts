import { estimateLines, maxLinesPerRow, rowHeightFor, splitIntoRows, textWidthEm } from "./measure";

describe("text measure", () => {
  it("gives Thai combining marks no width", () => {
    // ก้าวหน้า: ก ้ า ว ห น ้ า → 6 base characters, 2 tone marks.
    expect(textWidthEm("ก้าวหน้า")).toBeCloseTo(textWidthEm("กาวหนา"), 10);
    expect(textWidthEm("ที่")).toBeCloseTo(textWidthEm("ท"), 10);
    expect(textWidthEm("")).toBe(0);
  });

  it("counts wrapped lines from the width, the font size and line breaks", () => {
    const narrative =
      "อยู่ระหว่างขั้นตอนการเตรียมความพร้อมในการเตรียมดำเนินการเพื่อจัดเก็บและรวบรวมข้อมูลตามกรอบการประเมินเกณฑ์ชี้วัด";
    expect(estimateLines("", 100, 16)).toBe(1);
    expect(estimateLines("ก", 100, 16)).toBe(1);
    const wide = estimateLines(narrative, 500, 14);
    const narrow = estimateLines(narrative, 190, 14);
    expect(wide).toBe(1);
    expect(narrow).toBeGreaterThanOrEqual(3);
    expect(estimateLines(narrative, 190, 20)).toBeGreaterThan(narrow);
    expect(estimateLines(`${narrative}\n${narrative}`, 190, 14)).toBe(2 * narrow);
    expect(estimateLines("a\n\nb", 190, 14)).toBe(3);
  });

  it("sizes rows in quarter points, never above Excel's 409 pt", () => {
    expect(rowHeightFor(1, 16)).toBe(26.25);
    expect(rowHeightFor(2, 14)).toBe(43.75); // 2 × 14 × 1.45 + 3 = 43.6, up to a quarter point
    expect(rowHeightFor(1000, 16)).toBe(409);
    expect(rowHeightFor(maxLinesPerRow(14), 14)).toBeLessThanOrEqual(409);
    expect(rowHeightFor(maxLinesPerRow(14) + 1, 14)).toBe(409);
  });

  it("splits long text into pieces of at most the given lines, keeping every character", () => {
    const text = Array.from(
      { length: 40 },
      (_, i) => `ข้อที่ ${i + 1} ดำเนินการจัดเก็บข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัดเรียบร้อยแล้ว`
    ).join(" ");
    const pieces = splitIntoRows(text, 190, 14, 5);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(estimateLines(piece, 190, 14)).toBeLessThanOrEqual(5);
    expect(pieces.join("").replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
    // No piece starts with a combining mark (it would be cut from its character).
    for (const piece of pieces) expect(piece).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/);
    expect(splitIntoRows("สั้น", 190, 14, 5)).toEqual(["สั้น"]);
  });

  it("cuts a run without breaks, keeping marks with their characters", () => {
    const run = "ก้".repeat(2000);
    const pieces = splitIntoRows(run, 100, 14, 2);
    expect(pieces.join("")).toBe(run);
    for (const piece of pieces) expect(piece.startsWith("ก")).toBe(true);
  });
});
