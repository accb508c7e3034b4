/**
 * The built CLI's entry (src/cli/bin.ts, bundled as dist/cli/kaona.js) run as a program in
 * a child process, as a batch script would run it: exit codes and messages on stderr.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { useTempDir } from "../../test/fixtures/xlsx";

const ENTRY = join(__dirname, "bin.ts");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", ENTRY, ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run starts Node and compiles the TypeScript entry: seconds on a busy machine.
jest.setTimeout(120_000);

describe("the kaona entry run as a program", () => {
  const temp = useTempDir();

  it("exits 2 with one line in the chosen language for a missing file", () => {
    const missing = join(temp.dir, "missing.xlsx");
    const thai = run("check", missing);
    expect(thai).toEqual({ code: 2, stdout: "", stderr: `kaona check: ไม่พบไฟล์ ${missing}\n` });
    const english = run("check", "--lang", "en", missing);
    expect(english.code).toBe(2);
    expect(english.stderr).toBe(`kaona check: file not found: ${missing}\n`);
  });

  it("names the kind of file it cannot read, never a JavaScript error", () => {
    const csv = join(temp.dir, "rounds.xlsx");
    writeFileSync(csv, "รหัสโครงการ,ครั้งที่\n21000000-3165,1\n");
    const result = run("check", "--lang", "en", csv);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `kaona check: ${csv} is a CSV text file, not an .xlsx workbook: open it in Excel and save it as "Excel Workbook (*.xlsx)"\n`
    );
    const report = run("report", "--all", csv, "-o", join(temp.dir, "out.xlsx"));
    expect(report.code).toBe(2);
    expect(report.stderr).toContain("เป็นไฟล์ข้อความ CSV");
    expect(report.stderr).not.toMatch(/TypeError|undefined|at \S+ \(/);
  });
});
