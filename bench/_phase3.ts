import { generate } from "./_gen";
import { parseTable } from "../src/domain/records";
import { validateRecords } from "../src/domain/validate";
import type { RawTable } from "../src/domain/types";
const input = generate(100000);
const p = parseTable("projects", input.projects as RawTable);
const r = parseTable("rounds", input.rounds as RawTable);
const i = parseTable("indicators", input.indicators as RawTable);
for (let k = 0; k < 6; k++) validateRecords({ projects: p.records, rounds: r.records, indicators: i.records }, { contexts: { projects: p.context, rounds: r.context, indicators: i.context } });
