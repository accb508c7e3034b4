/**
 * `kaona merge <file|folder>... -o <combined.xlsx>`: every unit's Projects, Rounds and
 * Indicators tables (found as `kaona check` finds them) appended into one workbook, each row
 * with its source (file, sheet, row); identical rows from another file kept once, the same
 * key with other values an error naming both places; a summary sheet across all projects.
 * Exit 0 without errors, 1 with errors (conflicts, unreadable files among readable ones),
 * 2 when nothing could be read or the arguments are wrong. The rules live in
 * src/domain/merge.ts (the task pane uses them too).
 */
import {
  mergedRow,
  mergeSummary,
  SOURCE_FORMATS,
  SOURCE_HEADERS,
  TableMerger,
  type MergedTable,
  type MergeResult,
} from "../domain/merge";
import { TABLE_KINDS, tableLabel, templateFor } from "../domain/schema";
import { SAMPLE_TABLE_NAMES } from "../domain/sample";
import type { CellValue, Issue, Lang } from "../domain/types";
import { readXlsxTables, XlsxReadError } from "../workbook/xlsx/readXlsx";
import { unreadableMessage } from "../workbook/xlsx/unreadable";
import { writeTableSheetsXlsx, type StreamedTableSheet } from "../workbook/xlsx/streamXlsx";
import { chooseTables } from "../usecases/chooseTables";
import { LANG_OPTION, optionsOrExit, parseOptions, type OptionSpec } from "./args";
import { expandInputs } from "./inputs";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, type CliCommand, type CliIO } from "./io";
import { Progress } from "./progress";

const USAGE = "usage: kaona merge <book.xlsx|folder>... -o <combined.xlsx> [--lang th|en]";

interface MergeOptions {
  inputs: string[];
  out: string;
  lang: Lang;
}

const MERGE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  out: { type: "string", short: "o", takes: "-o takes the path of the combined .xlsx" },
  lang: LANG_OPTION,
};

function parseMergeArgs(args: readonly string[]): MergeOptions | string {
  const parsed = parseOptions(args, MERGE_OPTIONS);
  if (typeof parsed === "string") return parsed;
  const { values, positionals, lang } = parsed;
  if (positionals.length === 0) return "which workbooks? give .xlsx files or folders";
  if (typeof values.out !== "string") return "where to? give -o <combined.xlsx>";
  return { inputs: positionals, out: values.out, lang };
}

const SEVERITY: Record<Issue["severity"], Record<Lang, string>> = {
  error: { th: "ข้อผิดพลาด", en: "error" },
  warning: { th: "คำเตือน", en: "warning" },
  info: { th: "ข้อมูล", en: "info" },
};

function report(result: MergeResult, out: string, unreadable: number, lang: Lang): string {
  const lines = [
    lang === "th"
      ? `รวม ${result.files.length} ไฟล์ → ${out}`
      : `Combined ${result.files.length} file${result.files.length === 1 ? "" : "s"} → ${out}`,
  ];
  for (const kind of TABLE_KINDS) {
    const { added, identical, conflicting } = result.counts[kind];
    lines.push(
      lang === "th"
        ? `  ${tableLabel(kind, "th")}: เพิ่ม ${added} แถว · ซ้ำทุกค่า (ไม่เพิ่ม) ${identical} · รหัสซ้ำแต่ค่าต่างกัน ${conflicting}`
        : `  ${tableLabel(kind, "en")}: ${added} rows added · ${identical} identical (not added) · ${conflicting} same key, other values`
    );
  }
  if (result.issues.length > 0) lines.push("");
  for (const issue of result.issues)
    lines.push(`${SEVERITY[issue.severity][lang]}  ${issue.code}  ${issue.message[lang]}`);
  const errors = result.issues.filter((issue) => issue.severity === "error").length + unreadable;
  lines.push(
    "",
    lang === "th" ? `สรุป: ข้อผิดพลาด ${errors}` : `Summary: ${errors} error${errors === 1 ? "" : "s"}`
  );
  return `${lines.join("\n")}\n`;
}

/** A merged table's rows with their sources, made one at a time as they are written. */
function* rowsOf(merged: MergedTable): Generator<CellValue[]> {
  for (let index = 0; index < merged.rows.length; index++) yield mergedRow(merged, index);
}

function sheetSpecs(result: MergeResult, lang: Lang): StreamedTableSheet[] {
  const summary = mergeSummary(result, lang);
  const specs: StreamedTableSheet[] = [
    {
      sheet: summary.sheet,
      name: summary.name,
      headers: summary.headers,
      rowCount: summary.rows.length,
      rows: summary.rows,
      numberFormats: summary.numberFormats?.[0],
    },
  ];
  for (const kind of TABLE_KINDS) {
    const merged = result.tables[kind];
    const template = templateFor(kind, lang).numberFormats;
    // The template's number formats for its columns, none for columns it does not know,
    // then the source columns'. (Not its per-cell dropdowns: the units' files keep them.)
    const extra = merged.headers.length - template.length;
    specs.push({
      sheet: tableLabel(kind, lang),
      name: SAMPLE_TABLE_NAMES[kind],
      headers: [...merged.headers, ...SOURCE_HEADERS[lang]],
      rowCount: merged.rows.length,
      rows: rowsOf(merged),
      numberFormats: [...template, ...Array<undefined>(Math.max(extra, 0)), ...SOURCE_FORMATS],
    });
  }
  return specs;
}

async function runMerge(args: readonly string[], io: CliIO): Promise<number> {
  const options = optionsOrExit("merge", USAGE, args, io, parseMergeArgs);
  if (typeof options === "number") return options;
  const { lang } = options;
  const files = await expandInputs(options.inputs, [options.out]);
  const merger = new TableMerger(lang);
  const progress = new Progress(io, files.length, {
    lang,
    what: { th: "รวมไฟล์", en: "merging files" },
    offTerminal: "quiet",
  });
  let unreadable = 0;
  let read = 0;
  for (const [index, file] of files.entries()) {
    progress.step(index, files.length, file);
    try {
      const choices = chooseTables(await readXlsxTables(file));
      read += 1;
      let used = 0;
      for (const choice of choices) {
        if (!choice.kind || choice.skipped) continue;
        merger.add(file, choice.kind, choice.table);
        used += 1;
      }
      if (used === 0) {
        progress.pause();
        io.stderr(
          lang === "th"
            ? `kaona merge: ไม่พบตารางโครงการ รายงานความก้าวหน้า หรือเกณฑ์ชี้วัดใน ${file}\n`
            : `kaona merge: no Projects, Rounds or Indicators table found in ${file}\n`
        );
      }
    } catch (error) {
      unreadable += 1;
      progress.pause();
      const reason =
        error instanceof XlsxReadError
          ? error.text(lang)
          : unreadableMessage("damaged", file)[lang];
      io.stderr(`kaona merge: ${reason}\n`);
    }
  }
  progress.step(files.length, files.length, options.out);
  if (read === 0) {
    progress.end();
    if (files.length === 0)
      io.stderr(
        lang === "th"
          ? `kaona merge: ไม่พบไฟล์ .xlsx ใน ${options.inputs.join(", ")}\n`
          : `kaona merge: no .xlsx files in ${options.inputs.join(", ")}\n`
      );
    return EXIT_UNUSABLE;
  }
  const result = merger.result();
  try {
    await writeTableSheetsXlsx(options.out, sheetSpecs(result, lang));
  } catch (error) {
    progress.end();
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    io.stderr(
      lang === "th"
        ? `kaona merge: บันทึก ${options.out} ไม่ได้ (${reason})\n`
        : `kaona merge: cannot write ${options.out} (${reason})\n`
    );
    return EXIT_UNUSABLE;
  }
  progress.end();
  io.stdout(report(result, options.out, unreadable, lang));
  const errors = result.issues.some((issue) => issue.severity === "error");
  return errors || unreadable > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export const mergeCommand: CliCommand = {
  name: "merge",
  summary: "combine many units' workbooks (files or folders) into one, with sources and duplicates",
  usage: USAGE,
  run: runMerge,
};
