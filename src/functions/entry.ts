/**
 * The custom functions' entry in the shared runtime: binds each catalog entry's Excel name
 * (the id in functions.json) to its implementation in functions.ts. Outside Excel (the
 * browser preview) there is no `CustomFunctions` global, so the functions module is
 * evaluated only inside Excel. `webpackMode: "eager"` keeps it in this bundle, with no
 * extra request.
 */
import { FUNCTION_CATALOG } from "./catalog";

if (typeof CustomFunctions !== "undefined") {
  void import(/* webpackMode: "eager" */ "./functions").then((implementations) => {
    const byName = implementations as unknown as Record<string, (...args: never[]) => unknown>;
    for (const entry of FUNCTION_CATALOG)
      CustomFunctions.associate(entry.name, byName[entry.implementation]);
  });
}
