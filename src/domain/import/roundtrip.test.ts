/**
 * Round trip: a seed printout imported and printed again as the report form gives back
 * every field of the printout. The expected values are read from the printout's own lines
 * here (simple patterns, not the importer), and compared with what the report sheet shows.
 */
import { SEED_000_PRINTOUT, SEED_001_PRINTOUT } from "../../../test/fixtures/seedPrintouts";
import { formatThaiDate, parseThaiDate } from "../dates";
import { parseNumber } from "../numbers";
import { buildProjectReport } from "../report";
import { normalizeForMatch } from "../text";
import type { SheetLayout } from "../types";
import { importProgressReports } from ".";

const LABELS = [
  "ชื่อโครงการ/กิจกรรม",
  "รหัสโครงการ",
  "ปีงบประมาณ พ.ศ.",
  "เริ่มต้นโครงการ",
  "สิ้นสุดโครงการ",
  "งบประมาณที่ได้รับ",
  "งบประมาณที่ใช้ไป",
  "หน่วยงานที่รับผิดชอบ",
  "ชื่อผู้รับผิดชอบ",
  "ผู้ประสานงาน สยป",
  "ประเด็นยุทธศาสตร์ย่อย",
  "ประเด็นยุทธศาสตร์",
  "เป้าหมายที่",
  "ตัวชี้วัด",
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const LABELLED = new RegExp(`^(${LABELS.map(escape).join("|")})[.\\s]*:\\s*(.+)$`);

/** The printout's lines, tags and tabs as breaks, title lines dropped. */
function printedLines(text: string): string[] {
  return text
    .split(/\n|\t|<\/?p>/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "" && !line.includes("แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"));
}

function reportOf(text: string): SheetLayout {
  const [report] = importProgressReports(text).reports;
  return buildProjectReport({
    project: report.project,
    rounds: report.rounds,
    options: { mode: "values", lang: "th", chart: false },
  });
}

describe.each([
  ["seed 000", SEED_000_PRINTOUT],
  ["seed 001", SEED_001_PRINTOUT],
])("import then print: %s", (_name, printout) => {
  const layout = reportOf(printout);
  const text = (cell: { value?: unknown }) => (typeof cell.value === "string" ? cell.value : "");
  // Long narratives run on over several sheet rows: read the narrative column on its own.
  const isNarrative = (cell: { col: number; style?: string }) =>
    cell.col === 2 && (cell.style ?? "").startsWith("round.");
  const everything = normalizeForMatch(
    [...layout.cells.filter((cell) => !isNarrative(cell)), ...layout.cells.filter(isNarrative)]
      .map(text)
      .join(" ")
  );
  const lines = printedLines(printout);
  const section2 = lines.findIndex((line) => line.startsWith("2. รายงานความก้าวหน้า"));
  const footer = lines.findIndex((line) => line.startsWith("ขอรับรองว่า"));
  const roundRows = new Map<number, unknown[]>();
  for (const cell of layout.cells) {
    if (!(cell.style ?? "").startsWith("round.")) continue;
    const row = roundRows.get(cell.row) ?? [];
    row[cell.col] = cell.value;
    roundRows.set(cell.row, row);
  }
  const rounds = new Map([...roundRows.values()].map((row) => [row[0] as number, row]));

  it("gives back every labelled field of section 1 (dates in BE, amounts in baht)", () => {
    const labelled = lines
      .slice(0, section2)
      .map((line) => LABELLED.exec(line))
      .filter((m) => m !== null);
    expect(labelled.length).toBeGreaterThanOrEqual(13);
    for (const [, label, value] of labelled as RegExpExecArray[]) {
      const date = /^\d{4}-\d{2}-\d{2}/.test(value) ? parseThaiDate(value) : undefined;
      const amount = value.endsWith("บาท") ? parseNumber(value) : undefined;
      const shown = date?.ok
        ? formatThaiDate(date.value, "long")
        : amount?.ok
          ? `${amount.value.toFixed(2)} บาท`
          : value;
      expect([label, everything.includes(normalizeForMatch(shown))]).toEqual([label, true]);
    }
  });

  it("gives back every line of the free text of 1.3–1.5 and of the round narratives", () => {
    const free = lines
      .slice(0, footer)
      .filter(
        (line) =>
          !LABELLED.test(line) &&
          !/^(1\.[1-6] |1\. ชื่อ|2\. รายงาน|รายงานครั้งที่\d+$|:: ความก้าวหน้า|: งบประมาณ|: เป็นไปตาม)/.test(
            line
          )
      );
    for (const line of free) {
      const body = line.replace(/^(รายงานครั้งที่\d+ )?:: [^ ]+ :\s*/, "");
      if (body === "") continue;
      expect([line.slice(0, 30), everything.includes(normalizeForMatch(body))]).toEqual([
        line.slice(0, 30),
        true,
      ]);
    }
  });

  it("gives back every round's date, progress, disbursement and statuses", () => {
    const dates = [...printout.matchAll(/:: (\d[\d/-]+) :/g)].map((m) => parseThaiDate(m[1]));
    const printedDates = [...rounds.values()].map((row) => row[1]);
    for (const date of dates) expect(printedDates).toContain(date.ok ? date.value : NaN);
    const progress = [...printout.matchAll(/= ([\d.]+) %(?:[^(]|\n)*?\(ครั้งที่ (\d+)\) = (\d+) บาท/g)];
    expect(progress.length).toBeGreaterThan(0);
    for (const [, percent, round, baht] of progress) {
      expect(rounds.get(Number(round))?.slice(3, 5)).toEqual([Number(percent), Number(baht)]);
    }
    const onPlan = printout.match(/: เป็นไปตามแผน/g)?.length ?? 0;
    expect([...rounds.values()].filter((row) => row[5] === "เป็นไปตามแผน")).toHaveLength(onPlan);
    const onTarget = printout.match(/: เป็นไปตามเป้าหมาย/g)?.length ?? 0;
    expect([...rounds.values()].filter((row) => row[6] === "เป็นไปตามเป้าหมาย")).toHaveLength(
      onTarget
    );
  });
});
