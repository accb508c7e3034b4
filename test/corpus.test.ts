/**
 * The corpus of workbooks Kaona did not write (test/fixtures/corpus: openpyxl and
 * LibreOffice files, see make_corpus.py and manifest.json), each checked end to end through
 * `kaona check`: the tables it must find, the issues it must report at their cells, the
 * issues it must not report (a silent misread shows up as one of those, or as a missing
 * expected issue), and never a JavaScript error text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, type CliRun } from "./fixtures/cli";

interface Expected {
  file: string;
  writer: string;
  tests: string;
  tables: Record<"projects" | "rounds" | "indicators", number>;
  issues: { code: string; sheet?: string; cell?: string; message?: string }[];
  absent: string[];
}

interface JsonReport {
  tables: { sheet: string; kind: string | null; skipped?: string }[];
  issues: {
    code: string;
    sheet: string | null;
    cell: string | null;
    sheetRow: number | null;
    message: string;
  }[];
  summary: { errors: number; warnings: number; infos: number };
}

const CORPUS = join(__dirname, "fixtures", "corpus");
const MANIFEST = JSON.parse(readFileSync(join(CORPUS, "manifest.json"), "utf8")) as Expected[];

/** Text only a crash leaves: JavaScript error names and messages, stack frames. */
const CRASH_RE =
  /TypeError|ReferenceError|RangeError|Cannot read propert|undefined \(reading|is not a function|\n\s+at /;

/** `kaona check` on a corpus file, as JSON in English, "today" 1 January 2021. */
function check(file: string): Promise<CliRun> {
  return runCli(["check", join(CORPUS, file), "--format", "json", "--lang", "en"], {
    now: () => new Date(2021, 0, 1),
  });
}

describe("the corpus of workbooks written by other programs", () => {
  it("lists each file with its writer and what it tests", () => {
    expect(MANIFEST.length).toBeGreaterThanOrEqual(15);
    for (const entry of MANIFEST) {
      expect(entry.writer).toMatch(/openpyxl|LibreOffice/);
      expect(entry.tests.length).toBeGreaterThan(20);
    }
  });

  it.each(MANIFEST.map((entry) => [entry.file, entry] as const))(
    "%s: read right, or reported at the right cell",
    async (_file, expected) => {
      const result = await check(expected.file);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(CRASH_RE);
      expect(result.stderr).toBe("");
      const report = JSON.parse(result.stdout) as JsonReport;

      const used = { projects: 0, rounds: 0, indicators: 0 } as Record<string, number>;
      for (const table of report.tables) if (table.kind) used[table.kind] += 1;
      expect(used).toEqual(expected.tables);

      for (const want of expected.issues) {
        const match = report.issues.find(
          (issue) =>
            issue.code === want.code &&
            (want.sheet === undefined || issue.sheet === want.sheet) &&
            (want.cell === undefined || issue.cell === want.cell) &&
            (want.message === undefined || issue.message.includes(want.message))
        );
        expect({
          want,
          found: match ? "yes" : report.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`),
        }).toEqual({ want, found: "yes" });
      }
      const unwanted = report.issues.filter((issue) => expected.absent.includes(issue.code));
      expect(unwanted).toEqual([]);

      // Every issue at a cell says which sheet row it is on, as Excel numbers rows.
      for (const issue of report.issues)
        if (issue.cell !== null) expect(issue.cell.endsWith(String(issue.sheetRow))).toBe(true);
      expect(result.code).toBe(report.summary.errors > 0 ? 1 : 0);
    }
  );
});
