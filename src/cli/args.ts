/**
 * Command-line options, parsed by Node's `util.parseArgs` (strict: unknown options and
 * missing values are refused). Each option says in words what it takes; that sentence is
 * the error when its value is missing or wrong.
 */
import { parseArgs } from "node:util";
import type { Lang } from "../domain/types";
import { EXIT_OK, EXIT_UNUSABLE, type CliIO } from "./io";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** "--lang takes th or en": shown when the value is missing or refused. */
  takes?: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

/** `--lang`, which every command takes. */
export const LANG_OPTION = { type: "string", takes: "--lang takes th or en" } as const;
/** `--format table|json` (and `--json`), for the commands that print findings. */
export const FORMAT_OPTIONS = {
  format: { type: "string", takes: "--format takes table or json" },
  json: { type: "boolean" },
} as const;

export interface ParsedOptions {
  values: OptionValues;
  positionals: string[];
  /** `--lang`, Thai unless told. */
  lang: Lang;
  /** `--format`, or json with `--json`; table unless told. */
  format: "table" | "json";
}

/** The options and the positional arguments, or the reason (one line) they are not usable. */
export function parseOptions(
  args: readonly string[],
  options: Readonly<Record<string, OptionSpec>>
): ParsedOptions | string {
  const parsed = parseStrictly(args, options);
  if (typeof parsed === "string") return parsed;
  const { values } = parsed;
  const lang = values.lang ?? "th";
  if (lang !== "th" && lang !== "en") return LANG_OPTION.takes;
  const format = values.json ? "json" : (values.format ?? "table");
  if (format !== "table" && format !== "json") return FORMAT_OPTIONS.format.takes;
  return { ...parsed, lang, format };
}

/**
 * The start of every command: `--help` prints the usage (exit 0); arguments `parse` refuses
 * are said on stderr with the usage (exit 2); otherwise the parsed options.
 */
export function optionsOrExit<T>(
  command: string,
  usage: string,
  args: readonly string[],
  io: CliIO,
  parse: (args: readonly string[]) => T | string
): T | number {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`${usage}\n`);
    return EXIT_OK;
  }
  const options = parse(args);
  if (typeof options !== "string") return options;
  io.stderr(`kaona ${command}: ${options}\n${usage}\n`);
  return EXIT_UNUSABLE;
}

function parseStrictly(
  args: readonly string[],
  options: Readonly<Record<string, OptionSpec>>
): { values: OptionValues; positionals: string[] } | string {
  const config: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const [name, spec] of Object.entries(options))
    config[name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: config,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(--?[^' <,]+)/.exec(message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${flag}`;
    const name = flag.replace(/^--?/, "");
    const spec =
      options[name] ?? Object.values(options).find((candidate) => candidate.short === name);
    if (spec?.takes) return spec.takes;
    return message.split("\n")[0];
  }
}

/** The one workbook path among the positional arguments, or why there is not one. */
export function onePath(positionals: readonly string[]): { file: string } | string {
  if (positionals.length === 0) return "which workbook? give the path of an .xlsx file";
  if (positionals.length > 1)
    return `one workbook at a time (got ${positionals[0]} and ${positionals[1]})`;
  return { file: positionals[0] };
}
