import { ExcelSlowness } from "./excelSlowness";

test("slow while any sync is slow, back to normal when every slow sync came back", () => {
  const slowness = new ExcelSlowness();
  const seen: boolean[] = [];
  const stop = slowness.subscribe(() => seen.push(slowness.isSlow()));
  slowness.report({ what: "writeSheet", slow: true });
  slowness.report({ what: "readTables", slow: true });
  slowness.report({ what: "writeSheet", slow: false });
  expect(slowness.isSlow()).toBe(true);
  slowness.report({ what: "readTables", slow: false });
  expect(seen).toEqual([true, true, true, false]);
  stop();
  slowness.report({ what: "writeSheet", slow: true });
  expect(seen).toHaveLength(4);
});
