import {
  boundSample as boundSampleSession,
  disposeSessionsAfterEach,
} from "../../../test/fixtures/session";
import { printReport, sampleProject } from "../../../test/fixtures/printouts";
import { SEED_000_PRINTOUT, SEED_001_PRINTOUT } from "../../../test/fixtures/seedPrintouts";
import { SEED_000_CODE } from "../../domain/sample";
import { MemoryWorkbook } from "../../workbook/memory/MemoryWorkbook";
import { KaonaSession } from "../session";

const boundSample = () => boundSampleSession({ debounceMs: 0 });
const rowCounts = (session: KaonaSession) =>
  Object.fromEntries(session.getState().tables.map((table) => [table.name, table.rowCount]));

disposeSessionsAfterEach();

describe("importing printouts in the task pane", () => {
  it("previews both seeds against the sample workbook: nothing new, rounds out of step listed, nothing written", async () => {
    const { session } = await boundSample();
    const before = rowCounts(session);
    const preview = await session.previewImport(SEED_000_PRINTOUT + SEED_001_PRINTOUT);
    expect(preview?.plan.counts).toEqual({ new: 0, same: 21, fill: 0, conflict: 0 });
    expect(preview?.ambiguous.map((round) => round.key)).toEqual([
      ...[5, 6, 7, 8, 9, 10, 11].map((n) => `${SEED_000_CODE}#${n}`),
      ...[1, 2, 3].map((n) => `21000000-6549#${n}`),
    ]);
    expect(preview?.ambiguous[1].messages[0].th).toContain("ใต้ป้ายครั้งที่ 7");
    expect(rowCounts(session)).toEqual(before);
  });

  it("appends a new project's rows after the click, leaving unconfirmed out-of-step rounds out", async () => {
    const { session } = await boundSample();
    const spec = sampleProject("90000000-0009", 6);
    const preview = await session.previewImport(printReport(spec, { shiftFrom: 5 }));
    expect(preview?.plan.counts.new).toBe(7);
    const unconfirmed = preview!.ambiguous.map((round) => round.key);
    expect(unconfirmed).toEqual(["90000000-0009#4", "90000000-0009#5", "90000000-0009#6"]);
    const outcome = await session.applyImport(preview!, {
      confirmed: [unconfirmed[0]],
      skipped: [],
    });
    expect(outcome).toMatchObject({ projects: 1, rounds: 4, created: [] });
    expect(rowCounts(session)).toMatchObject({ KaonaProjects: 3, KaonaRounds: 19 + 4 });
    const run = await session.runCheck();
    const rounds = run?.result.records.rounds.filter(
      (round) => round.projectCode === "90000000-0009"
    );
    expect(rounds?.map((round) => [round.round, round.progress])).toEqual([
      [1, 17],
      [2, 33],
      [3, 50],
      [4, 67],
    ]);
  });

  it("makes and binds new tables when none is bound", async () => {
    const memory = new MemoryWorkbook();
    const session = new KaonaSession(memory, { debounceMs: 0 });
    await session.load();
    const preview = await session.previewImport(SEED_001_PRINTOUT);
    const keys = preview!.ambiguous.map((round) => round.key);
    const outcome = await session.applyImport(preview!, { confirmed: keys, skipped: [] });
    expect(outcome?.created.map((table) => table.rowCount)).toEqual([1, 8]);
    expect(Object.keys(session.getState().bound).sort()).toEqual(["projects", "rounds"]);
  });
});
