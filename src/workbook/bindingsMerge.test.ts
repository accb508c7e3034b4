import { mergeBindings } from "./bindingsMerge";
import type { Bindings, TableBinding } from "./port";

const projects: TableBinding = {
  kind: "projects",
  tableId: "{P}",
  tableName: "KaonaProjects",
  columns: { code: "รหัสโครงการ", name: "ชื่อโครงการ" },
};
const rounds: TableBinding = {
  kind: "rounds",
  tableId: "{R}",
  tableName: "KaonaRounds",
  columns: { projectCode: "รหัสโครงการ", round: "ครั้งที่" },
};
const otherRounds: TableBinding = { ...rounds, tableId: "{R2}", tableName: "Rounds2025" };
const of = (tables: TableBinding[], settings?: Record<string, unknown>): Bindings =>
  settings ? { version: 1, tables, settings } : { version: 1, tables };

describe("mergeBindings", () => {
  test("nobody else wrote: this pane's bindings as they are", () => {
    const base = of([projects]);
    const mine = of([projects, rounds], { planTolerance: 5 });
    const merge = mergeBindings(base, mine, base);
    expect(merge.merged).toEqual(mine);
    expect([merge.theirs, merge.overridden, merge.settingsTheirs]).toEqual([[], [], []]);
  });

  test("a co-author bound another kind meanwhile: both bindings are kept", () => {
    const base = of([]);
    const merge = mergeBindings(base, of([projects]), of([rounds]));
    expect(merge.merged.tables).toEqual([projects, rounds]);
    expect(merge.theirs).toEqual(["rounds"]);
    expect(merge.overridden).toEqual([]);
  });

  test("a co-author unbound a kind this pane did not touch: it stays unbound", () => {
    const base = of([projects, rounds]);
    const mine = of([{ ...projects, columns: { ...projects.columns, unit: "หน่วยงาน" } }, rounds]);
    const merge = mergeBindings(base, mine, of([projects]));
    expect(merge.merged.tables.map((b) => b.kind)).toEqual(["projects"]);
    expect(merge.merged.tables[0].columns.unit).toBe("หน่วยงาน");
    expect(merge.theirs).toEqual(["rounds"]);
  });

  test("both changed one kind differently: this pane's stands and the merge says so", () => {
    const base = of([rounds]);
    const mine = of([{ ...rounds, columns: { ...rounds.columns, progress: "ร้อยละ" } }]);
    const merge = mergeBindings(base, mine, of([otherRounds]));
    expect(merge.merged.tables).toEqual(mine.tables);
    expect(merge.overridden).toEqual(["rounds"]);
  });

  test("both made the same change: no conflict", () => {
    const merge = mergeBindings(of([]), of([rounds]), of([{ ...rounds, tableName: "Renamed" }]));
    expect(merge.overridden).toEqual([]);
    expect(merge.theirs).toEqual(["rounds"]);
  });

  test("a renamed table re-linked by this pane is not a change of its own", () => {
    const base = of([rounds]);
    const mine = of([{ ...rounds, tableName: "RoundsNow" }]);
    const merge = mergeBindings(base, mine, of([otherRounds]));
    expect(merge.merged.tables).toEqual([otherRounds]);
    expect(merge.overridden).toEqual([]);
  });

  test("one table, two kinds: the kind this pane just bound it as wins", () => {
    const asProjects: TableBinding = { ...rounds, kind: "projects" };
    const merge = mergeBindings(of([]), of([asProjects]), of([rounds]));
    expect(merge.merged.tables).toEqual([asProjects]);
  });

  test("settings merge key by key; the same key changed both ways is this pane's", () => {
    const base = of([], { planTolerance: 5, dateEra: "BE", language: "th" });
    const mine = of([], { planTolerance: 10, dateEra: "BE" });
    const theirs = of([], { planTolerance: 7, dateEra: "CE", language: "th" });
    const merge = mergeBindings(base, mine, theirs);
    expect(merge.merged.settings).toEqual({ planTolerance: 10, dateEra: "CE" });
    expect(merge.settingsTheirs).toEqual(["dateEra", "planTolerance"]);
    expect(merge.settingsOverridden).toEqual(["planTolerance"]);
  });

  test("vocabularies compare by content, not by key order", () => {
    const vocab = { outcome: [{ key: "a", th: "ผ่าน", en: "Passed" }] };
    const reordered = { outcome: [{ en: "Passed", th: "ผ่าน", key: "a" }] };
    const merge = mergeBindings(
      of([], { vocabularies: vocab }),
      of([], { vocabularies: vocab }),
      of([], { vocabularies: reordered })
    );
    expect(merge.settingsTheirs).toEqual([]);
  });
});
