/**
 * Tables to check, of any size, generated from the seed patterns (seed 000's steady
 * monthly rounds, seed 001's holes, a few typed-text dates and percents, a planted fall now
 * and then): shared by the validation and live-check benchmarks.
 */
import type { CheckInput } from "../src/domain/check";
import {
  rawTableFromRows,
  SAMPLE_MAIN_UNITS,
  SAMPLE_OUTCOME_TEXT,
  type RowOf,
} from "../src/domain/sample";
import type { CellValue, RawTable } from "../src/domain/types";

const SEED_000_PROGRESS = [10, 25, 25, 25, 30, 30, 40, 60, 75, 85, 100];
const SEED_000_DATES = [
  43801, 43825, 43836, 43853, 43914, 43945, 43971, 44000, 44001, 44035, 44061,
];
const SEED_001_PROGRESS: CellValue[] = [30, 40, null, null, null, null, null, 100];
const NARRATIVE =
  "หน่วยงานหลัก 18 หน่วยงาน ดำเนินการจัดเก็บข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัดมาตรฐานการให้บริการสาธารณะของกรุงเทพมหานครที่รับผิดชอบ";
const OUTCOMES = [
  ...Array<string>(409).fill(SAMPLE_OUTCOME_TEXT.met),
  ...Array<string>(6).fill(SAMPLE_OUTCOME_TEXT.below),
  ...Array<string>(3).fill(SAMPLE_OUTCOME_TEXT.notNeeded),
  ...Array<string>(3).fill(SAMPLE_OUTCOME_TEXT.noService),
  ...Array<string>(10).fill(SAMPLE_OUTCOME_TEXT.excluded),
];

function code(index: number): string {
  return `2100${String(index).padStart(4, "0")}-${String(index % 10_000).padStart(4, "0")}`;
}

/** `roundCount` rounds (and half as many indicators) over as many projects as it takes, alternating the two seeds' shapes. */
export function generate(
  roundCount: number
): CheckInput & Record<"projects" | "rounds" | "indicators", RawTable> {
  const projects: RowOf<"projects">[] = [];
  const rounds: RowOf<"rounds">[] = [];
  const indicators: RowOf<"indicators">[] = [];
  let project = 0;
  while (rounds.length < roundCount) {
    const projectCode = code(project);
    const likeSeed001 = project % 4 === 3;
    projects.push({
      code: projectCode,
      name: `โครงการตัวอย่างที่ ${project + 1}`,
      fiscalYear: 2563,
      start: 43739,
      end: 44103,
      budgetReceived: 1_000_000,
      budgetUsed: 0,
      unit: SAMPLE_MAIN_UNITS[project % SAMPLE_MAIN_UNITS.length],
      targetCount: 431,
    });
    const progress = likeSeed001 ? SEED_001_PROGRESS : SEED_000_PROGRESS;
    for (let index = 0; index < progress.length && rounds.length < roundCount; index++) {
      const date = SEED_000_DATES[Math.min(index, SEED_000_DATES.length - 1)];
      rounds.push({
        projectCode,
        round: index + 1,
        // Staff type some dates and percents as text.
        date: index === 3 ? "2020-1-23" : date,
        narrative: index === 5 ? null : NARRATIVE,
        progress:
          project % 50 === 7 && index === 4
            ? 20
            : index === 0 && !likeSeed001
              ? "10.00 %"
              : progress[index],
        disbursed: 5_000,
        planStatus: "เป็นไปตามแผน",
        targetStatus: "เป็นไปตามเป้าหมาย",
      });
    }
    project += 1;
  }
  const indicatorCount = Math.floor(roundCount / 2);
  for (let index = 0; index < indicatorCount; index++) {
    const projectIndex = Math.floor(index / OUTCOMES.length);
    indicators.push({
      projectCode: code(projectIndex),
      id: `ตัวอย่าง-${index % OUTCOMES.length}`,
      name: `เกณฑ์ชี้วัดตัวอย่างที่ ${index + 1}`,
      unit: SAMPLE_MAIN_UNITS[index % SAMPLE_MAIN_UNITS.length],
      target: 80,
      actual: 85,
      outcome: OUTCOMES[index % OUTCOMES.length],
    });
  }
  return {
    projects: rawTableFromRows("projects", projects),
    rounds: rawTableFromRows("rounds", rounds),
    indicators: rawTableFromRows("indicators", indicators),
  };
}
