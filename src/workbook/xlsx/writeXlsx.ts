/**
 * Writes RawTables into an .xlsx as a staff workbook holds them: each on its sheet as an
 * Excel table at its origin (or as a plain header + rows range), with the blank template's
 * column widths, BE date formats and dropdowns where the table is one of Kaona's kinds.
 * Used by `kaona sample` (the workbook `npm start` opens) and by the tests' fixtures.
 * Node-only (ExcelJS).
 */
import ExcelJS from "exceljs";
import { cellAddress } from "../../domain/a1";
import { templateFor, type ColumnValidation } from "../../domain/schema";
import type { Lang, RawTable, TableKind } from "../../domain/types";
import { pointsToCharWidth } from "../../render/xlsx";

export interface TableSheetSpec {
  table: RawTable;
  /** The kind, for the template's widths, formats and validation. */
  kind?: TableKind;
  /** Write a plain range instead of an Excel table. */
  plain?: boolean;
  /** Number format per column; defaults to the template's when `kind` is given. */
  numberFormats?: (string | undefined)[];
  lang?: Lang;
}

function validationOf(rule: ColumnValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    error: rule.error,
    prompt: rule.prompt,
    showInputMessage: !!rule.prompt,
  };
  switch (rule.type) {
    case "list":
      return {
        ...common,
        type: "list",
        formulae: [`"${rule.source.map((s) => s.replace(/"/g, '""')).join(",")}"`],
      };
    case "decimal":
      return { ...common, type: "decimal", operator: "between", formulae: [rule.min, rule.max] };
    case "wholeNumber":
      return rule.max === undefined
        ? { ...common, type: "whole", operator: "greaterThanOrEqual", formulae: [rule.min] }
        : { ...common, type: "whole", operator: "between", formulae: [rule.min, rule.max] };
    case "date":
      return {
        ...common,
        type: "date",
        operator: "greaterThan",
        formulae: [new Date(Date.UTC(1950, 0, 1))],
      };
  }
}

export function addTableSheet(workbook: ExcelJS.Workbook, spec: TableSheetSpec): ExcelJS.Worksheet {
  const { table } = spec;
  const template = spec.kind ? templateFor(spec.kind, spec.lang ?? "th") : undefined;
  const sheet = workbook.getWorksheet(table.sheet) ?? workbook.addWorksheet(table.sheet);
  const rows = table.rows.map((row) => table.headers.map((_, c) => row[c] ?? null));
  const { row: top, col: left } = table.origin;
  if (spec.plain) {
    table.headers.forEach((header, c) => (sheet.getCell(top + 1, left + c + 1).value = header));
    rows.forEach((row, r) =>
      row.forEach((value, c) => (sheet.getCell(top + r + 2, left + c + 1).value = value))
    );
  } else {
    sheet.addTable({
      name: table.name,
      ref: cellAddress(top, left),
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  const formats = spec.numberFormats ?? template?.numberFormats ?? [];
  formats.forEach((format, c) => {
    if (!format) return;
    for (let r = 0; r < rows.length; r++) sheet.getCell(top + r + 2, left + c + 1).numFmt = format;
  });
  template?.columnWidths.forEach((points, c) => {
    sheet.getColumn(left + c + 1).width = pointsToCharWidth(points);
  });
  if (template) {
    for (const rule of template.validation) {
      const validation = validationOf(rule);
      for (let r = 0; r < rows.length; r++)
        sheet.getCell(top + r + 2, left + rule.column + 1).dataValidation = validation;
    }
  }
  return sheet;
}

export function tablesToWorkbook(specs: readonly TableSheetSpec[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kaona";
  for (const spec of specs) addTableSheet(workbook, spec);
  return workbook;
}

export async function writeTablesXlsx(
  path: string,
  specs: readonly TableSheetSpec[]
): Promise<void> {
  await tablesToWorkbook(specs).xlsx.writeFile(path);
}
