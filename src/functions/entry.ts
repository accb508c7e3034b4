/**
 * The custom functions' entry in the shared runtime. The metadata plugin appends
 * `CustomFunctions.associate(...)` calls to functions.ts; outside Excel (the browser
 * preview) there is no `CustomFunctions` global, so the module is evaluated only inside
 * Excel. `webpackMode: "eager"` keeps it in this bundle, with no extra request.
 */
if (typeof CustomFunctions !== "undefined") {
  void import(/* webpackMode: "eager" */ "./functions");
}
