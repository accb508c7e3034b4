/**
 * The browser preview's workbook: the seed sample tables on their sheets, formatted as the
 * blank templates format them (BE dates, money, text codes, widths), not yet bound.
 */
import { sampleWorkbookTables, type SampleVariant } from "../../domain/sample";
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
