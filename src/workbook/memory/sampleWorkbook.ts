/**
 * The browser preview's workbook: the seed sample tables on their sheets, formatted as the
 * blank templates format them (BE dates, money, text codes, widths), not yet bound.
 */
import { sampleWorkbookTables } from "../../domain/sample";
import { templateFor } from "../../domain/schema";
import type { RawTable, TableKind } from "../../domain/types";
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

export function createSampleWorkbook(): MemoryWorkbook {
  const tables = sampleWorkbookTables();
  return new MemoryWorkbook([
    seedOf("projects", tables.projects),
    seedOf("rounds", tables.rounds),
    seedOf("indicators", tables.indicators),
  ]);
}
