/**
 * Kaona's storage in the workbook's custom XML parts (ExcelApi 1.5): the bindings, and the
 * marks of the sheets Kaona generated. One part per namespace; duplicates (two writers at
 * once) are dropped when the part is next written. The codecs are in ../bindingsStore.ts.
 */
import { BINDINGS_NAMESPACE, decodeBindings, encodeBindings } from "../bindingsStore";
import type { Bindings } from "../port";

/** The ids of the parts of `namespace` (queue, then sync, then read `.items`). */
export function queuePartsOf(
  context: Excel.RequestContext,
  namespace: string
): Excel.CustomXmlPartScopedCollection {
  const parts = context.workbook.customXmlParts.getByNamespace(namespace);
  // eslint-disable-next-line office-addins/no-navigational-load -- items hold only id and namespaceUri; the XML comes from getXml
  parts.load("items");
  return parts;
}

/** Queues the writing of a part: the first of `ids` replaced (or a new part), duplicates deleted. */
export function queuePartWrite(
  context: Excel.RequestContext,
  ids: readonly string[],
  xml: string
): void {
  const [first, ...duplicates] = ids;
  if (first) context.workbook.customXmlParts.getItem(first).setXml(xml);
  else context.workbook.customXmlParts.add(xml);
  for (const id of duplicates) context.workbook.customXmlParts.getItem(id).delete();
}

/** The bindings stored in the workbook (two syncs; none stored: empty bindings). */
export async function loadBindings(context: Excel.RequestContext): Promise<Bindings> {
  const parts = queuePartsOf(context, BINDINGS_NAMESPACE);
  await context.sync();
  const first = parts.items[0];
  if (!first) return decodeBindings(null);
  const xml = context.workbook.customXmlParts.getItem(first.id).getXml();
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult is filled by sync, not load
  return decodeBindings(xml.value);
}

/** Writes the bindings: finds the part (sync 1), replaces it and drops duplicates (sync 2). */
export async function saveBindings(
  context: Excel.RequestContext,
  bindings: Bindings
): Promise<void> {
  const parts = queuePartsOf(context, BINDINGS_NAMESPACE);
  await context.sync();
  queuePartWrite(
    context,
    parts.items.map((p) => p.id),
    encodeBindings(bindings)
  );
  await context.sync();
}
