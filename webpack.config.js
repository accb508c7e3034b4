/* Kaona's build: the task pane page (which also loads the custom functions into the shared
 * runtime), functions.json and its Thai twin, the manifest, the icons and the help page.
 * See docs/toolchain.md for why each choice was made. */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const tsx = require("tsx/cjs/api");

const DEV_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL_OFFICE_JS = "/office-js/office.js";
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** The dev server's HTTPS options. office-addin-dev-certs cannot install its CA on Linux
 * without sudo and then throws, even though the certificate files are in place: read them. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    const missing = Object.values(files).some((name) => !fs.existsSync(path.join(dir, name)));
    if (missing) {
      await require("office-addin-dev-certs/lib/generate").generateCertificates();
    }
    console.warn(
      `[kaona] Using the dev certificates in ${dir} without installing their CA (${
        error instanceof Error ? error.message.split("\n")[0] : error
      }). Browsers will warn; see README "Certificates on Linux".`,
    );
    return Object.fromEntries(Object.entries(files).map(([k, name]) => [k, fs.readFileSync(path.join(dir, name))]));
  }
}

/** Emits functions.json and functions.th-TH.json from the function catalog
 * (src/functions/metadata.ts), the one source of the functions' names and text. */
class FunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const metadataModule = path.resolve(__dirname, "src/functions/metadata.ts");
          const { functionsMetadata } = tsx.require(metadataModule, __filename);
          for (const [file, lang] of [["functions.json", "en"], ["functions.th-TH.json", "th"]]) {
            const json = JSON.stringify(functionsMetadata(lang), null, 2);
            compilation.emitAsset(file, new webpack.sources.RawSource(json));
          }
        },
      );
    });
  }
}

/** The manifest points at the dev server; a deployment sets KAONA_PUBLIC_URL. */
function manifestForDeployment(content) {
  const publicUrl = process.env.KAONA_PUBLIC_URL;
  if (!publicUrl) return content;
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  return content.toString().replaceAll(DEV_URL, base).replaceAll(DEV_URL.slice(0, -1), base.slice(0, -1));
}

/** What the page shows before its script runs, from the dictionaries, in both languages
 * (Office's display language is not known until office.js has started). */
function startingText() {
  const { th } = tsx.require("./src/i18n/th.ts", __filename);
  const { en } = tsx.require("./src/i18n/en.ts", __filename);
  return { th: th["app.starting"], en: en["app.starting"] };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  // Production pages load office.js from Microsoft's CDN, as add-ins must; the dev server,
  // the browser preview and the tests use the copy from @microsoft/office-js.
  const officeJs = dev || env.localOfficeJs ? LOCAL_OFFICE_JS : CDN_OFFICE_JS;
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/entry.ts",
    },
    output: {
      path: path.resolve(__dirname, env.outDir || "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `npm run typecheck`; the bundle only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new FunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
        templateParameters: { officeJs, starting: startingText() },
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: manifestForDeployment },
        ],
      }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      // Only `webpack serve` needs certificates; a build must not touch them.
      server: { type: "https", options: process.env.WEBPACK_SERVE ? await httpsOptions() : {} },
      static: [{ directory: OFFICE_JS_DIST, publicPath: "/office-js" }],
      client: { overlay: { warnings: false } },
      hot: false,
    },
  };
};
