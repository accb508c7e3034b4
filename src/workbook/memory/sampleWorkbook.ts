/**
 * The browser preview's workbook: the seed sample tables on their sheets, formatted as the
 * blank templates format them (BE dates, money, text codes, widths), not yet bound.
 */
import { sampleWorkbookTables, type SampleVariant } from "../../domain/sample";
import { autoMap } from "../../domain/mapping";
import { templateFor } from "../../domain/schema";
import type { CellValue, RawTable, TableKind } from "../../domain/types";
import { MemoryWorkbook, type MemoryTableSeed } from "./MemoryWorkbook";

function seedOf(kind: TableKind, table: RawTable): MemoryTableSeed {
  const template = templateFor(kind, "th");
  return {
    ...table,
    numberFormats: table.rows.map((row) =>
      row.map((_, j) => template.numberFormats[j] ?? "General")
    ),
    columnWidths: template.columnWidths,
  };
}

/** The preview opens on the typed sample: a newcomer's first check shows the seeds' real
 * gaps, not warnings about the sample's own text-typed values. */
export function createSampleWorkbook(variant: SampleVariant = "typed"): MemoryWorkbook {
  const tables = sampleWorkbookTables(variant);
  return new MemoryWorkbook([
    seedOf("projects", tables.projects),
    seedOf("rounds", tables.rounds),
    seedOf("indicators", tables.indicators),
  ]);
}

/**
 * The sample plus a sheet as staff often keep one: a project's rounds as a plain range
 * under a merged title, an "ณ วันที่" note and a blank row (the preview's `?sheets=plain`,
 * to see the Tables page find and convert it).
 */
export function createSampleWithPlainRange(): MemoryWorkbook {
  const workbook = createSampleWorkbook();
  const rounds = sampleWorkbookTables("typed").rounds;
  const codeColumn = autoMap("rounds", rounds.headers).columns.projectCode ?? 0;
  const code = rounds.rows[rounds.rows.length - 1][codeColumn];
  const rows = rounds.rows.filter((row) => row[codeColumn] === code);
  const values: CellValue[][] = [
    ["รายงานผลการดำเนินงานโครงการ (สำเนาจากหน่วยงาน)"],
    ["ณ วันที่ 30 กันยายน 2567"],
    [],
    [...rounds.headers],
    ...rows.map((row) => row.map((cell) => (cell === undefined ? null : cell))),
  ];
  workbook.openGrids([
    {
      name: "รายงานหน่วยงาน",
      index: 0,
      visibility: "visible",
      values,
      numberFormats: values.map(() => []),
      uncalculated: [],
      merges: [{ top: 0, left: 0, bottom: 0, right: rounds.headers.length - 1 }],
      hiddenRows: new Set(),
      hiddenColumns: new Set(),
      tables: [],
    },
  ]);
  return workbook;
}
