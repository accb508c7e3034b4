import { rawTableFromRows } from "../domain/sample";
import { chooseTables, chosenTables } from "./chooseTables";

describe("chooseTables", () => {
  it("takes the best-fitting table of each kind and says why others are left out", () => {
    const rounds = rawTableFromRows("rounds", []);
    const partial = {
      ...rawTableFromRows("rounds", []),
      name: "Old",
      headers: ["รหัสโครงการ", "ครั้งที่", "หมายเหตุ"],
    };
    const notes = { ...rounds, name: "Notes", headers: ["ลำดับ", "หมายเหตุ"] };
    const choices = chooseTables([partial, rounds, notes]);
    expect(choices.map((choice) => [choice.table.name, choice.kind, choice.skipped])).toEqual([
      ["Old", "rounds", "another-table-fits-better"],
      ["KaonaRounds", "rounds", undefined],
      ["Notes", undefined, "unrecognised"],
    ]);
  });
});

describe("chosenTables", () => {
  it("gives each kind its chosen table and leaves out tables that fit no kind", () => {
    const projects = rawTableFromRows("projects", []);
    const rounds = rawTableFromRows("rounds", []);
    const notes = { ...rounds, name: "Notes", headers: ["ลำดับ", "หมายเหตุ", 42, null] };
    const chosen = chosenTables(chooseTables([notes, rounds, projects]));
    expect(Object.keys(chosen).sort()).toEqual(["projects", "rounds"]);
    expect(chosen.rounds).toBe(rounds);
    expect(chosen.projects).toBe(projects);
  });

  it("takes the first of two tables that fit a kind equally", () => {
    const first = { ...rawTableFromRows("rounds", []), name: "First" };
    const second = { ...rawTableFromRows("rounds", []), name: "Second" };
    expect(chosenTables(chooseTables([first, second])).rounds?.name).toBe("First");
  });
});
