import fs from "node:fs";
import path from "node:path";
import { printReport, printReportHtml, sampleProject } from "../../test/fixtures/printouts";
import { SEED_000_PRINTOUT, SEED_001_PRINTOUT } from "../../test/fixtures/seedPrintouts";
import { captureIO } from "../../test/fixtures/cli";
import { tempDir } from "../../test/fixtures/xlsx";
import { checkTables } from "../domain/check";
import { guessKind } from "../domain/mapping";
import { SAMPLE_TABLES, SEED_000_CODE } from "../domain/sample";
import { TABLE_KINDS } from "../domain/schema";
import type { RawTable, TableKind } from "../domain/types";
import { readXlsxTables } from "../workbook/xlsx/readXlsx";
import { writeTablesXlsx } from "../workbook/xlsx/writeXlsx";
import { decodePrintout } from "./import";
import { main } from "./main";

let dir: { dir: string; remove: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());
const at = (name: string) => path.join(dir.dir, name);
const write = (name: string, text: string | Buffer) => {
  fs.writeFileSync(at(name), text);
  return at(name);
};
async function tablesOf(file: string): Promise<Partial<Record<TableKind, RawTable>>> {
  const byKind: Partial<Record<TableKind, RawTable>> = {};
  for (const table of await readXlsxTables(file)) {
    const kind = guessKind(table.headers).kind;
    if (kind) byKind[kind] = table;
  }
  return byKind;
}
const withoutRow = <T extends { row: number }>({ row: _row, ...rest }: T) => rest;

describe("kaona import", () => {
  it("imports both seeds into a new workbook whose records are the sample workbook's; exit 1 for the ambiguities", async () => {
    const io = captureIO();
    const code = await main(
      [
        "import",
        write("000.txt", SEED_000_PRINTOUT),
        write("001.html", SEED_001_PRINTOUT),
        "-o",
        at("book.xlsx"),
      ],
      io
    );
    expect(code).toBe(1);
    const out = io.out.join("");
    expect(out).toContain("IMPORT_ROUND_OUT_OF_STEP");
    expect(out).toContain("โครงการใหม่ 2 · รายงานครั้งที่ใหม่ 19");
    const written = checkTables(await tablesOf(at("book.xlsx"))).records;
    const sample = checkTables(SAMPLE_TABLES).records;
    expect(written.projects.map(withoutRow)).toEqual(sample.projects.map(withoutRow));
    expect(written.rounds.map(withoutRow)).toEqual(sample.rounds.map(withoutRow));
  });

  it("exits 0 for clean printouts, as JSON when asked", async () => {
    const io = captureIO();
    const file = write(
      "two.txt",
      printReport(sampleProject("70000000-0001", 3)) +
        printReport(sampleProject("70000000-0002", 2))
    );
    expect(
      await main(["import", file, "-o", at("book.xlsx"), "--format", "json", "--lang", "en"], io)
    ).toBe(0);
    const json = JSON.parse(io.out.join(""));
    expect(json.files[0].reports.map((r: { projectCode: string }) => r.projectCode)).toEqual([
      "70000000-0001",
      "70000000-0002",
    ]);
    expect(json.plan.counts.new).toBe(2 + 5);
    expect((await tablesOf(at("book.xlsx"))).rounds?.rows).toHaveLength(5);
  });

  it("--into adds only new rows to a copy of the workbook, leaves the original and its other tables alone, reports conflicts", async () => {
    const book = at("existing.xlsx");
    const tables = {
      ...SAMPLE_TABLES,
      rounds: { ...SAMPLE_TABLES.rounds, rows: SAMPLE_TABLES.rounds.rows.map((row) => [...row]) },
    };
    // Round 11 of seed 000 typed with another progress: a conflict, not to be overwritten.
    const round11 = tables.rounds.rows.find(
      (row) => row[0] === SEED_000_CODE && row[1] === 11
    ) as unknown[];
    round11[4] = 90;
    await writeTablesXlsx(
      book,
      TABLE_KINDS.map((kind) => ({ kind, table: tables[kind] }))
    );
    const before = fs.readFileSync(book);
    const newcomer = write(
      "new.html",
      printReportHtml(sampleProject("80000000-0001", 4), { shiftFrom: 3 })
    );
    const io = captureIO();
    const code = await main(
      [
        "import",
        newcomer,
        write("000.txt", SEED_000_PRINTOUT),
        "--into",
        book,
        "-o",
        at("out.xlsx"),
      ],
      io
    );
    expect(code).toBe(1);
    expect(fs.readFileSync(book).equals(before)).toBe(true);
    expect(io.out.join("")).toContain("IMPORT_CONFLICT");
    const after = await tablesOf(at("out.xlsx"));
    expect(after.projects?.rows).toHaveLength(3);
    expect(after.rounds?.rows).toHaveLength(19 + 4);
    expect(after.indicators?.rows).toHaveLength(431);
    expect(after.projects?.name).toBe(SAMPLE_TABLES.projects.name);
    const records = checkTables(after).records;
    expect(
      records.rounds.find((r) => r.projectCode === SEED_000_CODE && r.round === 11)?.progress
    ).toBe(90);
    expect(
      records.rounds.filter((r) => r.projectCode === "80000000-0001").map((r) => r.progress)
    ).toEqual([25, 50, 75, 100]);
  });

  it("exits 2 and writes nothing when nothing can be imported", async () => {
    const cases: string[][] = [
      ["import", at("missing.txt"), "-o", at("a.xlsx")],
      ["import", write("empty.txt", "สวัสดี ไม่ใช่แบบรายงาน"), "-o", at("a.xlsx")],
      ["import", write("x.txt", SEED_001_PRINTOUT), "--into", at("a.xlsx"), "-o", at("a.xlsx")],
      ["import", write("y.txt", SEED_001_PRINTOUT)],
      ["import", write("z.txt", SEED_001_PRINTOUT), "-o", at("a.xlsx"), "--bogus"],
      [
        "import",
        write("w.txt", SEED_001_PRINTOUT),
        "--into",
        write("bad.xlsx", "not a zip"),
        "-o",
        at("a.xlsx"),
      ],
    ];
    for (const args of cases) {
      const io = captureIO();
      expect(await main(args, io)).toBe(2);
      expect(io.err.join("")).toMatch(/kaona import: \S/);
      expect(fs.existsSync(at("a.xlsx"))).toBe(false);
    }
  });

  it("reads a page saved as UTF-16 or in the Thai Windows code page", () => {
    const text = "รายงานครั้งที่1 :: 2/12/2562 : อยู่ระหว่างขั้นตอน";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodePrintout(utf16)).toBe(text);
    // Windows-874 puts Thai at 0xA1 + (code point − U+0E01).
    const cp874 = Buffer.from(
      [...text].map((ch) =>
        ch.charCodeAt(0) >= 0x0e01 ? ch.charCodeAt(0) - 0x0e01 + 0xa1 : ch.charCodeAt(0)
      )
    );
    expect(decodePrintout(cp874)).toBe(text);
  });
});
