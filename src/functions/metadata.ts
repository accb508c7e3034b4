/**
 * functions.json (English) and functions.th-TH.json (Thai, served to Thai Excel through
 * the manifest's override), built from the catalog at build time: same ids, names, types
 * and options in both (function names stay English in every language), descriptions in
 * the file's language. The shape is the one custom-functions-metadata generates from
 * JSDoc; a test generates that from the catalog and compares. Pure.
 */
import { FUNCTION_CATALOG, type FunctionEntry, type MetadataType } from "./catalog";

export type MetadataLanguage = "en" | "th";

interface TypeMetadata {
  type?: MetadataType;
  dimensionality?: "matrix";
}

export interface ParameterMetadata extends TypeMetadata {
  name: string;
  description: string;
  optional?: true;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: ParameterMetadata[];
  result: TypeMetadata;
}

export interface FunctionsMetadata {
  /** Lets error cells into `any` arguments, so a function can skip or explain them
   * (custom-functions-json: "All parameters with the type any or any[][] can accept
   * errors as input values"). Only hand-written metadata can carry it: the JSDoc
   * generator cannot, one reason this file is built from the catalog. Kaona leaves
   * `allowCustomDataForDataTypeAny` (CustomFunctionsRuntime 1.4) unset, so data-type
   * cells arrive as their plain values, which is what the functions read. */
  allowErrorForDataTypeAny: true;
  functions: FunctionMetadata[];
}

function typeOf(type: MetadataType, range: boolean | undefined): TypeMetadata {
  return range ? { type, dimensionality: "matrix" } : { type };
}

/** A result of any type is written without its type, as the generator does. */
function resultTypeOf(returns: FunctionEntry["returns"]): TypeMetadata {
  const { type, ...rest } = typeOf(returns.type, returns.range);
  return type === "any" ? rest : { type, ...rest };
}

function functionMetadata(entry: FunctionEntry, lang: MetadataLanguage): FunctionMetadata {
  return {
    id: entry.name,
    name: entry.name,
    description: entry[lang],
    parameters: entry.parameters.map((parameter) => ({
      name: parameter.name,
      description: parameter[lang],
      ...typeOf(parameter.type, parameter.range),
      ...(parameter.optional ? { optional: true } : {}),
    })),
    result: resultTypeOf(entry.returns),
  };
}

const VALID_NAME = /^[A-Za-z][A-Za-z0-9._]{0,127}$/;

/** What the metadata generator (and Excel) would refuse in the catalog: names that are not
 * a letter then letters, digits, "." or "_" (at most 128), a name or export used twice, a
 * parameter name used twice in one function. */
function catalogProblems(catalog: readonly FunctionEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const exports = new Set<string>();
  for (const entry of catalog) {
    if (!VALID_NAME.test(entry.name)) problems.push(`invalid function name "${entry.name}"`);
    if (seen.has(entry.name.toUpperCase())) problems.push(`duplicate function name ${entry.name}`);
    if (exports.has(entry.implementation))
      problems.push(`duplicate implementation ${entry.implementation}`);
    seen.add(entry.name.toUpperCase());
    exports.add(entry.implementation);
    const names = entry.parameters.map((parameter) => parameter.name);
    if (new Set(names).size !== names.length)
      problems.push(`duplicate parameter name in ${entry.name}`);
  }
  return problems;
}

/** The custom functions metadata in one language, from the catalog. Throws (failing the
 * build) on what the generator would refuse. */
export function functionsMetadata(
  lang: MetadataLanguage,
  catalog: readonly FunctionEntry[] = FUNCTION_CATALOG
): FunctionsMetadata {
  const problems = catalogProblems(catalog);
  if (problems.length > 0) throw new Error(`Custom functions catalog: ${problems.join("; ")}`);
  return {
    allowErrorForDataTypeAny: true,
    functions: catalog.map((entry) => functionMetadata(entry, lang)),
  };
}
