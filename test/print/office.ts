/**
 * Runs the LibreOffice print checks (test/print/lo_check.py, through its UNO API with
 * Debian's /usr/bin/python3 and python3-uno) with the fonts of test/print/fonts.conf:
 * stand-ins for TH Sarabun New / TH SarabunPSK built from Laksaman (make_fonts.py) and
 * Carlito for Calibri.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const HERE = __dirname;
const ROOT = join(HERE, "..", "..");
export const FONTS_DIR = join(ROOT, "test-output", "fonts");

function env(): NodeJS.ProcessEnv {
  return { ...process.env, FONTCONFIG_FILE: join(HERE, "fonts.conf"), PYTHONPATH: "" };
}

/** Builds the stand-in fonts once (python3-fonttools). */
export function makeFonts(): void {
  execFileSync("/usr/bin/python3", [join(HERE, "make_fonts.py"), FONTS_DIR], { env: env() });
}

function python(args: string[]): string {
  return execFileSync("/usr/bin/python3", [join(HERE, "lo_check.py"), ...args], {
    env: env(),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: 15 * 60 * 1000,
  });
}

export interface ClippedRow {
  row: number;
  storedPt: number;
  optimalPt: number;
  text: string;
}

export interface ClipResult {
  fonts: Record<string, string>;
  files: {
    file: string;
    pages: number;
    hashes: { page: number; line: string }[];
    sheets: {
      name: string;
      rows: number;
      clipped: ClippedRow[];
      /** Each visible row's stored and optimal height in points. */
      heights: [number, number][];
    }[];
  }[];
}

/** Rows shorter than LibreOffice's optimal height, and "###" in the printed PDF, per file. */
export function clipCheck(files: string[]): ClipResult {
  return JSON.parse(python(["clip", ...files])) as ClipResult;
}

export type LoValue = number | string | null | { error: number };

export interface RecalcResult {
  file: string;
  sheets: {
    name: string;
    formulas: { row: number; col: number; formula: string; cached: LoValue; value: LoValue }[];
  }[];
}

/** Every formula's cached value and its value after LibreOffice recalculates the workbook. */
export function recalc(files: string[]): RecalcResult[] {
  return JSON.parse(python(["recalc", ...files])) as RecalcResult[];
}

/** Exports each file to PDF in outDir. */
export function toPdf(outDir: string, files: string[]): { file: string; pdf: string }[] {
  return JSON.parse(python(["pdf", outDir, ...files])) as { file: string; pdf: string }[];
}

export interface LoChart {
  name: string;
  title: string;
  /** The cells under the chart shape's top-left and bottom-right corners (zero-based). */
  place: {
    from: { row: number; col: number; dx: number; dy: number };
    to: { row: number; col: number; dx: number; dy: number };
    widthMm: number;
    heightMm: number;
  } | null;
  categories: { range: string; values: (number | string)[] } | null;
  series: {
    type: string;
    sequences: Record<string, { range: string; values: (number | string | null)[] }>;
  }[];
}

/** The charts LibreOffice finds on each sheet, with their places and data. */
export function loCharts(
  files: string[]
): { file: string; sheets: { name: string; charts: LoChart[] }[] }[] {
  return JSON.parse(python(["charts", ...files])) as {
    file: string;
    sheets: { name: string; charts: LoChart[] }[];
  }[];
}
