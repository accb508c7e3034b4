import { parseCheckArgs } from "./check";
import { parseReportArgs } from "./report";

describe("command options through util.parseArgs", () => {
  const today = new Date(2024, 0, 1);

  it("names the option whose value is missing or refused", () => {
    expect(parseReportArgs(["b.xlsx", "--all", "-o"])).toBe(
      "-o takes the path of the .xlsx to write"
    );
    expect(parseReportArgs(["b.xlsx", "--all", "--output"])).toBe(
      "--output takes the path of the .xlsx to write"
    );
    expect(parseReportArgs(["b.xlsx", "-o", "x.xlsx", "-p"])).toBe(
      "--project takes a project code, e.g. 21000000-3165"
    );
    expect(parseReportArgs(["b.xlsx", "-o", "x.xlsx", "--project", "  "])).toBe(
      "--project takes a project code, e.g. 21000000-3165"
    );
    expect(parseReportArgs(["b.xlsx", "--all", "-o", "x", "--font", "toString"])).toBe(
      "--font takes th-sarabun or laksaman"
    );
    expect(parseCheckArgs(["b.xlsx", "--tolerance", ""], today)).toBe(
      "--tolerance takes a number of points ≥ 0"
    );
    expect(parseCheckArgs(["b.xlsx", "--tolerance=abc"], today)).toBe(
      "--tolerance takes a number of points ≥ 0"
    );
  });

  it("refuses unknown options, long and short, and flags given a value", () => {
    expect(parseReportArgs(["b.xlsx", "--all", "-o", "x", "-x"])).toBe("unknown option -x");
    expect(parseCheckArgs(["b.xlsx", "--as-off", "1/1/2567"], today)).toBe(
      "unknown option --as-off"
    );
    expect(parseReportArgs(["b.xlsx", "--all=yes", "-o", "x"])).toMatch(/--all/);
  });

  it("takes short options, --output and a path after --", () => {
    expect(parseReportArgs(["-p", " 21000000-3165 ", "--output", "r.xlsx", "b.xlsx"])).toEqual({
      file: "b.xlsx",
      files: ["b.xlsx"],
      out: "r.xlsx",
      project: "21000000-3165",
      all: false,
      lang: "th",
      chart: false,
      issues: false,
      font: undefined,
    });
    expect(parseCheckArgs(["--json", "--", "-odd name.xlsx"], today)).toMatchObject({
      file: "-odd name.xlsx",
      format: "json",
    });
  });
});
