/* The `kaona` command-line tool (check, report) as one Node file, dist/cli/kaona.js, so it
 * runs without tsx: `node dist/cli/kaona.js check book.xlsx` runs the command (the entry,
 * src/cli/bin.ts, runs it when it is the started script, which it tells by __filename: kept
 * as Node's real one, not webpack's mock), and bin/kaona.js loads it for `main`. exceljs
 * stays an external dependency (it is in `dependencies`), loaded on first use: loading it
 * takes 0.6 s, and `kaona check` never needs it (see LAZY_EXCELJS). */
const path = require("node:path");

/* The external "exceljs" as a stand-in that requires the package when one of its exports is
 * first read (`new ExcelJS.Workbook()`); "__esModule" is answered without loading it, for
 * webpack's default-import helper. */
const LAZY_EXCELJS = `var new Proxy({}, { get: (_, key) => key === "__esModule" ? undefined : require("exceljs")[key] })`;

module.exports = (_env, argv) => ({
  mode: argv.mode === "development" ? "development" : "production",
  target: "node20",
  devtool: false,
  entry: { kaona: "./src/cli/bin.ts" },
  node: { __filename: false, __dirname: false },
  output: {
    path: path.resolve(__dirname, "dist", "cli"),
    filename: "[name].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  externals: { exceljs: LAZY_EXCELJS },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true } },
      },
    ],
  },
  optimization: { minimize: false },
  performance: { hints: false },
});
