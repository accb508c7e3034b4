import { generate } from "./_gen";
import { parseTable } from "../src/domain/records";
import { validateRecords } from "../src/domain/validate";
import { checkTables } from "../src/domain/check";
import type { RawTable } from "../src/domain/types";
const input = generate(100000);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let k = 0; k < 4; k++) {
  const t: Record<string, number> = {};
  let c = cpu();
  const lap = (name: string) => { const n = cpu(); t[name] = Math.round(n - c); c = n; };
  const p = parseTable("projects", input.projects as RawTable); lap("projects");
  const r = parseTable("rounds", input.rounds as RawTable); lap("rounds");
  const i = parseTable("indicators", input.indicators as RawTable); lap("indicators");
  const v = validateRecords({ projects: p.records, rounds: r.records, indicators: i.records }, { contexts: { projects: p.context, rounds: r.context, indicators: i.context } }); lap("validate");
  checkTables(input); lap("checkTables");
  console.log(JSON.stringify(t), r.issues.length, i.issues.length, v.length);
}
