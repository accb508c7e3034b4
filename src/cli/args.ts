/**
 * Command-line options, parsed by Node's `util.parseArgs` (strict: unknown options and
 * missing values are refused). Each option says in words what it takes; that sentence is
 * the error when its value is missing or wrong.
 */
import { parseArgs } from "node:util";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** "--lang takes th or en": shown when the value is missing or refused. */
  takes?: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

/** The options and the positional arguments, or the reason (one line) they are not usable. */
export function parseOptions(
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
