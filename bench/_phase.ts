import { parseTable } from "../src/domain/records";
import { validateRecords } from "../src/domain/validate";
import { rawTableFromRows } from "../src/domain/sample";
const N = 100000;
const rows = [];
for (let i = 0; i < N; i++) rows.push({ projectCode: `2100${String(Math.floor(i/11)).padStart(4,"0")}-0001`, round: (i%11)+1, date: 43801 + (i%11)*30, narrative: "หน่วยงานหลัก 18 หน่วยงาน ดำเนินการจัดเก็บข้อมูลผลการดำเนินงานตามเกณฑ์ชี้วัด " + i, progress: (i%11)*9, disbursed: 0, planStatus: "เป็นไปตามแผน", targetStatus: "เป็นไปตามเป้าหมาย" });
const table = rawTableFromRows("rounds", rows);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let k = 0; k < 5; k++) {
  const c0 = cpu();
  const p = parseTable("rounds", table);
  const c1 = cpu();
  const v = validateRecords({ rounds: p.records }, { contexts: { rounds: p.context } });
  const c2 = cpu();
  console.log("cpu parse", (c1 - c0).toFixed(0), "validate", (c2 - c1).toFixed(0), v.length);
}
const fields = ["projectCode","round","date","narrative","progress","plannedProgress","disbursed","planStatus","targetStatus"];
for (let k = 0; k < 2; k++) for (const [i, f] of fields.entries()) {
  const c0 = cpu();
  parseTable("rounds", table, { columns: { [f]: i } });
  console.log(f, (cpu() - c0).toFixed(0));
}
const c0 = cpu(); parseTable("rounds", table, { columns: {} }); console.log("none", (cpu() - c0).toFixed(0));
