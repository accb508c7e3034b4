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
  /** Known gap 1: a number or date typed as text in the table ("10.00 %", "2/12/2562",
   * "0 บาท") is read by Kaona's parsers for the snapshot, but a formula passes the text on. */
  const typedAsText = (f: Formula) =>
    (typeof f.cached === "number" && typeof f.value === "string") ||
    (typeof f.cached === "string" && f.formula.includes("TEXT(INDEX("));
  /** Known gap 2: in English, the snapshot shows a status's English label; the formula shows
   * the table's Thai text. */
  const untranslated = (i: number) => (f: Formula) =>
    i === 1 && /^=IF\(\$H\$\d+=0;"";""&INDEX\(/.test(f.formula);
  const differing = (i: number) => reportFormulas(i).filter((f) => !same(f.cached, f.value));

  it.each([0, 1])(
    "file %i (th, en): every formula evaluates to its cached value, known gaps aside",
    (i) => {
      const reportSheets = results[i].sheets.filter((s) => /^\d{8}-\d{4}$/.test(s.name));
      expect(reportSheets).toHaveLength(2);
      const formulas = reportFormulas(i);
      // Title lines, each round's cells, the tally and rates: far more than a handful.
      expect(formulas.length).toBeGreaterThan(80);
      expect(formulas.filter((f) => f.formula.includes("COUNTIFS")).length).toBeGreaterThanOrEqual(
        5
      );
      expect(formulas.filter((f) => f.value !== null && typeof f.value === "object")).toEqual([]);
      expect(differing(i).filter((f) => !typedAsText(f) && !untranslated(i)(f))).toEqual([]);
    }
  );

  // Known gaps, pinned: these fail today and will pass (and must lose `.failing`) when fixed.
  it.failing("text typed in number and date columns recalculates as the snapshot shows it", () => {
    expect([...differing(0), ...differing(1)].filter(typedAsText)).toEqual([]);
  });
  it.failing("English statuses recalculate to their English labels", () => {
    expect(differing(1).filter(untranslated(1))).toEqual([]);
  });
});
