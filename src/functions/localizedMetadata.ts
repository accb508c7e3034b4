/**
 * The Thai functions metadata (functions.th-TH.json, served to Thai Excel through the
 * manifest's override) from the English functions.json the metadata plugin generates:
 * same ids and names (function names stay English in every language), Thai descriptions
 * and parameter help from the catalog. Pure; the build calls it.
 */
import { FUNCTION_CATALOG } from "./catalog";

export type MetadataLanguage = "th";

interface ParameterMetadata {
  name: string;
  description?: string;
  [other: string]: unknown;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  [other: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFunctionMetadata(value: unknown): value is FunctionMetadata {
  return (
    isRecord(value) &&
    typeof value.id === "string" &&
    typeof value.name === "string" &&
    Array.isArray(value.parameters) &&
    value.parameters.every((parameter) => isRecord(parameter) && typeof parameter.name === "string")
  );
}

/**
 * Turns the generated English metadata into the Thai one. Throws (failing the build) when
 * the input is not functions metadata or a function or parameter has no Thai text, so a
 * half-translated file is never shipped.
 */
export function localizeFunctionsMetadata(metadata: unknown, lang: MetadataLanguage): unknown {
  if (!isRecord(metadata) || !Array.isArray(metadata.functions)) {
    throw new Error("Not custom functions metadata: expected an object with a functions array");
  }
  const missing: string[] = [];
  const functions = metadata.functions.map((item: unknown) => {
    if (!isFunctionMetadata(item))
      throw new Error(`Not a custom function's metadata: ${JSON.stringify(item)}`);
    const entry = FUNCTION_CATALOG.find((candidate) => candidate.name === item.id);
    if (!entry) {
      missing.push(item.id);
      return item;
    }
    const parameters = item.parameters.map((parameter) => {
      const text = entry.parameters.find((candidate) => candidate.name === parameter.name);
      if (!text) missing.push(`${item.id}(${parameter.name})`);
      return text ? { ...parameter, description: text[lang] } : { ...parameter };
    });
    return { ...item, description: entry[lang], parameters };
  });
  if (missing.length > 0)
    throw new Error(`No ${lang} text in src/functions/catalog.ts for: ${missing.join(", ")}`);
  return { ...metadata, functions };
}
