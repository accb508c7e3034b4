import { MemoryWorkbook } from "../workbook/memory/MemoryWorkbook";
import { createSampleWorkbook } from "../workbook/memory/sampleWorkbook";
import { nextStep } from "./nextStep";
import { KaonaSession } from "./session";

const ROUNDS_SHEET = "รายงานความก้าวหน้า";

test("from an empty workbook to the report, the next step follows the person's progress", async () => {
  const empty = new KaonaSession(new MemoryWorkbook());
  expect(nextStep(empty.getState())).toEqual({ step: "loading" });
  await empty.load();
  expect(nextStep(empty.getState())).toEqual({ step: "createOrSample" });

  const memory = createSampleWorkbook();
  const session = new KaonaSession(memory);
  await session.load();
  expect(nextStep(session.getState())).toEqual({ step: "bind", kinds: ["projects", "rounds"] });
  const [projects, rounds] = session.getState().tables;
  await session.bindTable(projects.id, "projects");
  expect(nextStep(session.getState())).toEqual({ step: "bind", kinds: ["rounds"] });
  await session.bindTable(rounds.id, "rounds");
  expect(nextStep(session.getState())).toEqual({ step: "check" });
  await session.runCheck();
  // The typed sample holds the seeds' real gaps (seed 001's holes) as warnings, no error.
  expect(nextStep(session.getState())).toEqual({ step: "report", warnings: 6 });

  memory.setCell(ROUNDS_SHEET, "E3", "ยี่สิบห้า");
  await session.runCheck();
  expect(nextStep(session.getState())).toEqual({ step: "fixErrors", errors: 1 });

  await session.setColumn("rounds", "projectCode", null);
  expect(nextStep(session.getState())).toEqual({ step: "fixBinding", kind: "rounds" });
  await session.dispose();
});
