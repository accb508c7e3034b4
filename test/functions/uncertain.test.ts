/**
 * The KPI functions follow the domain's reading of outcome cells: an entry with a question
 * mark is not settled and no count takes it; "-" is blank (docs/reading-workbooks.md).
 */
import { outcomeCount, outcomes, passRate } from "../../src/functions/functions";

const column = (...values: unknown[]): unknown[][] => values.map((value) => [value]);

describe("KPI functions on uncertain and dash entries", () => {
  it("KPI.OUTCOMECOUNT does not count 'ผ่าน?' as met, nor '-' as anything", () => {
    const cells = column("ผ่าน", "ผ่าน?", "ไม่ผ่าน", "-", "ผ่าน");
    expect(outcomeCount(cells, "met")).toBe(2);
    expect(outcomeCount(cells, "below")).toBe(1);
  });

  it("KPI.PASSRATE over evaluated items leaves 'ผ่าน?' out of the passed items", () => {
    expect(passRate(column("ผ่าน", "ผ่าน?", "ไม่ผ่าน"))).toBeLessThan(
      passRate(column("ผ่าน", "ผ่าน", "ไม่ผ่าน"))
    );
  });

  it("KPI.OUTCOMES lists 'ผ่าน?' as typed, apart from the met category", () => {
    const spilled = outcomes(column("ผ่าน", "ผ่าน?")).map((row) => row.map(String));
    const met = spilled.find((row) => row[0] === "ผ่านค่าเป้าหมายขั้นต่ำ");
    expect(met?.[1]).toBe("1");
    expect(spilled.some((row) => row[0] === "ผ่าน?" && row[1] === "1")).toBe(true);
  });
});
