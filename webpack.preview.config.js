/**
 * The preview and test bundles, built into dist/preview/ AFTER the main build (which cleans dist/):
 *   office-standin.js  the in-memory Office/Excel stand-in, served instead of Microsoft's Office.js
 *   preview.js + index.html  the preview page: the task pane in a frame, the workbook as a grid,
 *                            calculated by HyperFormula (bundled here only, never in the add-in)
 * `npm run preview` builds both configs; the browser tests build them when dist/ is missing or stale.
 */
"use strict";

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { typescriptRule } = require("./webpack.config");

module.exports = (_env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  return {
    mode,
    context: __dirname,
    target: ["web", "es2020"],
    devtool: mode === "development" ? "source-map" : false,
    entry: {
      "office-standin": "./src/preview/standin-entry.ts",
      preview: "./src/preview/preview-entry.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/preview"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: {
      rules: [typescriptRule(mode === "development")],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview-page.html", chunks: ["preview"] }),
    ],
    performance: { hints: false },
  };
};
