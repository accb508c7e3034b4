/**
 * The domain modules the session loads on first use, each in its webpack chunk: the pane's
 * first paint waits for none of them.
 */
export const loadCheck = () =>
  import(/* webpackChunkName: "domain-check" */ "../../usecases/checkTables");
export const loadCompute = () =>
  import(/* webpackChunkName: "domain-check" */ "../../domain/compute");
export const loadImport = () =>
  import(/* webpackChunkName: "domain-import" */ "../../domain/import");
export const loadMapping = () =>
  import(/* webpackChunkName: "domain-check" */ "../../domain/mapping");
export const loadSample = () => import(/* webpackChunkName: "sample" */ "../../domain/sample");
export const loadSchema = () =>
  import(/* webpackChunkName: "domain-check" */ "../../domain/schema");
