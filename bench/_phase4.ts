import { generate } from "./_gen";
import { parseTable } from "../src/domain/records";
import { validateRecords } from "../src/domain/validate";
import { checkTables } from "../src/domain/check";
import type { RawTable } from "../src/domain/types";
const input = generate(100000);
const mins: Record<string, number> = {};
for (let k = 0; k < 12; k++) {
  let c = performance.now();
  const lap = (name: string) => { const n = performance.now(); mins[name] = Math.min(mins[name] ?? 1e9, n - c); c = n; };
  const p = parseTable("projects", input.projects as RawTable); lap("projects");
  const r = parseTable("rounds", input.rounds as RawTable); lap("rounds");
  const i = parseTable("indicators", input.indicators as RawTable); lap("indicators");
  validateRecords({ projects: p.records, rounds: r.records, indicators: i.records }, { contexts: { projects: p.context, rounds: r.context, indicators: i.context } }); lap("validate");
  checkTables(input); lap("checkTables");
}
console.log(Object.fromEntries(Object.entries(mins).map(([k, v]) => [k, Math.round(v)])));
