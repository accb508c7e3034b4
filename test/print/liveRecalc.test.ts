/**
 * Live formulas proven in a real engine: a workbook holding the sample's three tables as
 * Excel tables and each seed project's live report sheet (formulas over structured
 * references, each with its cached value from the values-mode snapshot), recalculated by
 * LibreOffice headless: every formula evaluates, without error, to the value it carries.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkTables } from "../../src/domain/check";
import { autoMap } from "../../src/domain/mapping";
import { buildProjectReport, type LiveSource } from "../../src/domain/report";
import { dateExpr, labelAt, numberExpr } from "../../src/domain/report/live";
import { parseThaiDate } from "../../src/domain/dates";
import { parseNumber } from "../../src/domain/numbers";
import {
  DEFAULT_VOCABULARIES,
  matchVocabulary,
  vocabularyLabel,
} from "../../src/domain/vocabularies";
import ExcelJS from "exceljs";
import { sampleWorkbookTables } from "../../src/domain/sample";
import type { Lang, RawTable, TableKind } from "../../src/domain/types";
import { layoutsToWorkbook } from "../../src/render/xlsx";
import { addTableSheet } from "../../src/workbook/xlsx/writeXlsx";
import { tempDir } from "../fixtures/xlsx";
import { recalc, type LoValue, type RecalcResult } from "./office";

/** The bound tables as the task pane passes them: table names, field → header text. */
function liveSource(tables: Record<TableKind, RawTable>): LiveSource {
  const columns: Record<string, Record<string, string>> = {};
  for (const kind of ["projects", "rounds", "indicators"] as const) {
    const { headers } = tables[kind];
    const mapped = autoMap(kind, headers).columns as Record<string, number>;
    columns[kind] = Object.fromEntries(
      Object.entries(mapped).map(([field, col]) => [field, String(headers[col])])
    );
  }
  return {
    tables: {
      projects: tables.projects.name,
      rounds: tables.rounds.name,
      indicators: tables.indicators.name,
    },
    columns,
  } as LiveSource;
}

/** What staff type in date, number and status columns, beyond the sample's. */
const TYPED = {
  date: [
    "2/12/2562",
    "02/12/2562",
    " 24/04/2563 ",
    "2020-1-23",
    "2019-10-01 00:00:00",
    "2/12/62",
    "2/12/19",
    "1/1/2020",
    43801,
    "ไม่ระบุ",
  ],
  number: ["10.00 %", "1,500.50 บาท", "0 บาท", "฿2,000", "1,234 baht", " 12.5 ", 25, "ไม่มี"],
  status: ["เป็นไปตามแผน", " ล่าช้า ", "ON TRACK", "ahead", "onPlan", "อื่น ๆ", "Behind plan"],
};

/** A sheet of typed cells (column A) and the live readings of them (column B), each
 * carrying what Kaona's parsers make of the cell as its cached value. */
function typedCellsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("typed");
  let row = 1;
  const put = (typed: string | number, formula: string, expected: string | number) => {
    sheet.getCell(row, 1).value = typed;
    sheet.getCell(row, 2).value = { formula, result: expected, date1904: false };
    row++;
  };
  for (const typed of TYPED.date) {
    const parsed = parseThaiDate(typed);
    put(typed, dateExpr(`A${row}`), parsed.ok ? parsed.value : typed);
  }
  for (const typed of TYPED.number) {
    const parsed = parseNumber(typed);
    put(typed, numberExpr(`A${row}`), parsed.ok ? parsed.value : typed);
  }
  const entries = DEFAULT_VOCABULARIES.planStatus;
  // labelAt reads a table column at an index; a one-column range and its row do the same.
  for (const typed of TYPED.status) {
    const match = matchVocabulary(typed, entries);
    const label = match?.key ? vocabularyLabel(entries, match.key, "en") : undefined;
    put(typed, labelAt("$A:$A", String(row), entries, "en").slice(1), label ?? String(typed));
  }
}

function same(cached: LoValue, value: LoValue): boolean {
  if (typeof cached === "number" && typeof value === "number")
    return Math.abs(cached - value) < 1e-9 * Math.max(1, Math.abs(cached));
  return cached === value;
}

describe("live report formulas, recalculated by LibreOffice, equal the snapshot", () => {
  let results: RecalcResult[];
  let remove: () => void;

  beforeAll(
    async () => {
      const made = tempDir();
      remove = made.remove;
      const tables = sampleWorkbookTables();
      const { records } = checkTables(tables);
      const source = liveSource(tables);
      const files: string[] = [];
      for (const lang of ["th", "en"] as Lang[]) {
        const layouts = records.projects.map((project) =>
          buildProjectReport({
            project,
            rounds: records.rounds,
            indicators: records.indicators,
            options: { mode: "live", lang, chart: true, source },
          })
        );
        const workbook = layoutsToWorkbook(layouts, { created: new Date(0) });
        for (const kind of ["projects", "rounds", "indicators"] as const)
          addTableSheet(workbook, { table: tables[kind], kind });
        const file = join(made.dir, `live-${lang}.xlsx`);
        writeFileSync(file, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
        files.push(file);
      }
      const typed = new ExcelJS.Workbook();
      typedCellsSheet(typed);
      const typedFile = join(made.dir, "typed.xlsx");
      await typed.xlsx.writeFile(typedFile);
      files.push(typedFile);
      results = recalc(files);
      // KAONA_PRINT_OUT=dir keeps what LibreOffice computed, to look at.
      if (process.env.KAONA_PRINT_OUT)
        writeFileSync(
          join(process.env.KAONA_PRINT_OUT, "recalc.json"),
          JSON.stringify(results, null, 1)
        );
    },
    10 * 60 * 1000
  );
  afterAll(() => remove?.());

  type Formula = RecalcResult["sheets"][number]["formulas"][number] & { sheet: string };
  const reportFormulas = (i: number): Formula[] =>
    results[i].sheets
      .filter((s) => /^\d{8}-\d{4}$/.test(s.name))
      .flatMap((s) => s.formulas.map((f) => ({ sheet: s.name, ...f })));
  const differing = (i: number) => reportFormulas(i).filter((f) => !same(f.cached, f.value));

  it.each([0, 1])("file %i (th, en): every formula evaluates to its cached value", (i) => {
    const reportSheets = results[i].sheets.filter((s) => /^\d{8}-\d{4}$/.test(s.name));
    expect(reportSheets).toHaveLength(2);
    const formulas = reportFormulas(i);
    // Title lines, each round's cells, the tally and rates: far more than a handful.
    expect(formulas.length).toBeGreaterThan(80);
    expect(formulas.filter((f) => f.formula.includes("COUNTIFS")).length).toBeGreaterThanOrEqual(5);
    expect(formulas.filter((f) => f.value !== null && typeof f.value === "object")).toEqual([]);
    expect(differing(i)).toEqual([]);
  });

  // The sample holds what used to differ: text typed in number and date columns (read by
  // Kaona's parsers for the snapshot, by the formulas' own reading now), and Thai statuses
  // shown by their English labels in the English report.
  it("covers dates and numbers typed as text, and statuses translated", () => {
    const { rounds, projects } = sampleWorkbookTables();
    const column = (table: RawTable, header: string) =>
      table.rows.map((row) => row[table.headers.indexOf(header)]);
    expect(column(rounds, "วันที่รายงาน").filter((v) => typeof v === "string").length).toBeGreaterThan(
      0
    );
    expect(
      column(rounds, "ความก้าวหน้าของงาน (%)").filter((v) => typeof v === "string").length
    ).toBeGreaterThan(0);
    expect(
      column(projects, "งบประมาณที่ได้รับ (บาท)").filter((v) => typeof v === "string").length
    ).toBeGreaterThan(0);
    const english = reportFormulas(1);
    const statuses = english.filter((f) => f.formula.includes("MATCH(TRIM("));
    expect(statuses.length).toBeGreaterThan(10);
    const shown = new Set(statuses.map((f) => f.value));
    expect(shown).toContain("On plan");
    expect(shown).toContain("On target");
    expect([...shown].filter((v) => !["", "On plan", "On target"].includes(String(v)))).toEqual([]);
    // The rounds' date cells (column B); the project's dates are lines of text by design.
    const dates = reportFormulas(0).filter((f) => f.col === 1 && f.formula.includes("LOOKUP("));
    expect(dates.filter((f) => typeof f.value === "number").length).toBeGreaterThan(5);
    expect(dates.filter((f) => typeof f.value === "string" && f.value !== "")).toEqual([]);
  });

  it("reads dates, numbers and statuses typed as text as Kaona's parsers do", () => {
    const formulas = results[2].sheets[0].formulas;
    expect(formulas).toHaveLength(TYPED.date.length + TYPED.number.length + TYPED.status.length);
    expect(formulas.filter((f) => !same(f.cached, f.value))).toEqual([]);
    // Not a tautology: the cached values are Kaona's readings, mostly numbers and labels.
    expect(formulas.filter((f) => typeof f.value === "number").length).toBeGreaterThan(12);
    expect(formulas.map((f) => f.value)).toContain("Behind plan");
  });
});
