/**
 * Round trips and payload per workbook action, on the recording fake of Excel's object
 * model, at 1k, 30k and 100k rounds whose narratives are the seeds' (hundreds of Thai
 * characters, ~1.3 kB of UTF-8 each). Payload bytes are the UTF-8 size of the JSON the
 * fake records per sync (a stand-in for Office.js's request body, which carries the same
 * values). Run: npx tsx bench/workbook.bench.ts
 */
import { FakeExcel } from "../test/fakes/fakeExcel";
import type { SheetLayout } from "../src/domain/types";
import type { CellContent } from "../src/workbook/cellContent";
import { ExcelWorkbook } from "../src/workbook/excel/ExcelWorkbook";
import { ROUND_HEADERS, SEED_NARRATIVES, roundRows } from "../test/fixtures/rounds";

const SIZES = [1_000, 30_000, 100_000];

function issues(n: number): SheetLayout {
  const cells: SheetLayout["cells"] = ["ตาราง", "แถว", "รหัส", "ข้อความ", "เซลล์"].map(
    (value, col) => ({ row: 0, col, value, style: "head" })
  );
  for (let i = 1; i <= n; i++) {
    cells.push(
      { row: i, col: 0, value: "rounds" },
      { row: i, col: 1, value: i },
      { row: i, col: 2, value: "ROUND_PROGRESS_FALLS" }
    );
    cells.push({ row: i, col: 3, value: SEED_NARRATIVES[i % SEED_NARRATIVES.length], style: "wrap" });
    cells.push({
      row: i,
      col: 4,
      value: `E${i + 1}`,
      link: { sheet: "รายงานครั้งที่", cell: `E${i + 1}` },
      style: "link",
    });
  }
  return {
    name: "ปัญหา Kaona",
    columnWidths: [60, 40, 140, 320, 50],
    rowHeights: {},
    cells,
    merges: [],
    styles: {
      head: { bold: true, fill: "#DDEBF7" },
      wrap: { wrap: true },
      link: { color: "#0563C1", underline: true },
    },
    freezeRows: 1,
  };
}

interface Row {
  rows: number;
  action: string;
  syncs: number;
  requestBytes: number;
  maxRequest: number;
  responseBytes: number;
  maxResponse: number;
  /** Responses Excel refused as over 5 MB (each costs a retry in smaller windows). */
  refused: number;
  ms: number;
}

async function measure(rows: number): Promise<Row[]> {
  const fake = new FakeExcel();
  const workbook = new ExcelWorkbook({ runner: fake.runner, supports: () => true });
  const table = fake.addTable("รายงานครั้งที่", "Rounds", "A1", ROUND_HEADERS, roundRows(rows));
  const out: Row[] = [];
  let refusedBefore = 0;
  const step = async (action: string, work: () => Promise<unknown>) => {
    const s0 = fake.syncs;
    const r0 = fake.requestBytes.length;
    const t0 = performance.now();
    await work();
    const ms = performance.now() - t0;
    const req = fake.requestBytes.slice(r0);
    const res = fake.responseBytes.slice(r0);
    const refused0 = refusedBefore;
    refusedBefore = fake.refusedResponses.length;
    out.push({
      rows,
      action,
      syncs: fake.syncs - s0,
      requestBytes: req.reduce((a, b) => a + b, 0),
      maxRequest: Math.max(0, ...req),
      responseBytes: res.reduce((a, b) => a + b, 0),
      maxResponse: Math.max(0, ...res),
      refused: fake.refusedResponses.length - refused0,
      ms,
    });
  };
  await step("check, cold (readTables, sizes unknown)", () => workbook.readTables([table.id]));
  await step("bind (listTables + saveBindings)", async () => {
    const tables = await workbook.listTables();
    await workbook.saveBindings({
      version: 1,
      tables: [{ kind: "rounds", tableId: tables[0].id, tableName: tables[0].name, columns: {} }],
    });
  });
  await step("check (readTables after listTables)", () => workbook.readTables([table.id]));
  await step("check again (sizes measured)", () => workbook.readTables([table.id]));
  await step("create (empty table + validation)", () =>
    workbook.createTable({
      sheet: "โครงการ",
      tableName: "KaonaProjects",
      headers: ROUND_HEADERS,
      numberFormats: ["@", "0", "[$-1070000]d/mm/yyyy"],
      validation: [
        { column: 4, type: "decimal", min: 0, max: 100 },
        { column: 6, type: "list", source: ["เป็นไปตามแผน", "ล่าช้ากว่าแผน", "เร็วกว่าแผน"] },
      ],
    })
  );
  await step("sample (createTable with rows)", () =>
    workbook.createTable({
      sheet: "ตัวอย่าง",
      tableName: "KaonaSample",
      headers: ROUND_HEADERS,
      rows: roundRows(rows),
    })
  );
  const layout = issues(rows);
  await step("issues sheet (writeSheet, new)", () => workbook.writeSheet(layout));
  await step("issues sheet (regenerate in place)", () => workbook.writeSheet(layout));
  return out;
}

function mb(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(2)} MB`
    : `${(bytes / 1000).toFixed(1)} kB`;
}

async function main(): Promise<void> {
  const all: Row[] = [];
  for (const rows of SIZES) all.push(...(await measure(rows)));
  console.log("## Workbook actions on the recording Excel fake\n");
  console.log(
    "Budget per sync: 4 MB (UTF-8) and 20,000 rows of content (Excel on the web refuses 5 MB).\n"
  );
  console.log(
    "| rows | action | context.sync | request bytes (total) | largest request | response bytes (total) | largest response | refused | time (fake) |"
  );
  console.log("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of all) {
    console.log(
      `| ${r.rows.toLocaleString("en")} | ${r.action} | ${r.syncs} | ${mb(r.requestBytes)} | ${mb(r.maxRequest)} | ${mb(r.responseBytes)} | ${mb(r.maxResponse)} | ${r.refused} | ${r.ms.toFixed(0)} ms |`
    );
  }
}

void main();
