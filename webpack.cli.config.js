/* The `kaona` command-line tool (check, report) as one Node file, dist/cli/kaona.js, so it
 * runs without tsx. bin/kaona.js loads it when present. exceljs stays an external
 * dependency (it is in `dependencies`). */
const path = require("node:path");

module.exports = (_env, argv) => ({
  mode: argv.mode === "development" ? "development" : "production",
  target: "node20",
  devtool: false,
  entry: { kaona: "./src/cli/main.ts" },
  output: {
    path: path.resolve(__dirname, "dist", "cli"),
    filename: "[name].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  externals: { exceljs: "commonjs exceljs" },
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
