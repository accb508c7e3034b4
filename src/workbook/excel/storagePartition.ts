/**
 * The key Office gives an add-in to partition its web storage (`Office.context.partitionKey`,
 * Common API; "Persist add-in state and settings" on learn.microsoft.com). Undefined outside
 * Office and where the host does not partition storage (the browser controls of Windows).
 * Call after Office.onReady.
 */
export function storagePartitionKey(): string | undefined {
  if (typeof Office === "undefined") return undefined;
  const key: unknown = Office.context?.partitionKey;
  return typeof key === "string" && key !== "" ? key : undefined;
}
