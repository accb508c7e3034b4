/**
 * Serves the task pane for the browser tests exactly as `npm start` does on Linux: the
 * project's webpack config in development mode under webpack-dev-server, over HTTPS with
 * the dev certificates, office.js from @microsoft/office-js at /office-js.
 */
import path from "node:path";
import webpack from "webpack";
import WebpackDevServer from "webpack-dev-server";

const ROOT = path.resolve(__dirname, "..", "..");

export async function startDevServer(port: number): Promise<WebpackDevServer> {
  process.env.WEBPACK_SERVE = "true";
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFactory = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    argv: { mode: string }
  ) => Promise<webpack.Configuration & { devServer: WebpackDevServer.Configuration }>;
  const config = await configFactory({}, { mode: "development" });
  // Source maps inline in eval() make the bundle several times larger; the tests don't need them.
  config.devtool = false;
  config.infrastructureLogging = { level: "warn" };
  config.stats = "errors-warnings";
  const compiler = webpack({ ...config, context: ROOT });
  if (!compiler) throw new Error("webpack did not create a compiler");
  const compiled = new Promise<void>((resolve, reject) => {
    compiler.hooks.done.tap("kaona-tests", (stats) => {
      if (stats.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    });
  });
  // No live reload: a file saved in the checkout during a run must not reload the page
  // (and wipe the in-memory workbook) mid-test.
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      port,
      open: false,
      hot: false,
      liveReload: false,
      client: false,
      webSocketServer: false,
    },
    compiler
  );
  await server.start();
  await compiled;
  return server;
}
