/**
 * Builds the add-in into dist/:
 *   taskpane.html   the shared-runtime page: Office.js (CDN) + functions.js + taskpane.js
 *   functions.js    the SOCINV custom functions, with CustomFunctions.associate calls appended
 *   functions.json  English metadata generated from the JSDoc in src/functions/functions.ts
 *   functions.sv-SE.json  Swedish metadata (scripts/sv-metadata.js; the build fails if untranslated)
 *   help.html, help-en.html, images/  the user guide (docs/guide/) as the add-in's help pages, which every
 *                   function's helpUrl points at (scripts/help-page.js); the build fails on a missing picture
 *   manifest.xml, assets/
 *
 * `webpack --mode production`: minified; manifest and helpUrl URLs rewritten to $ADDIN_URL when it is set.
 * `webpack serve --mode development`: https dev server on port 3000 with office-addin-dev-certs.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { SwedishMetadataPlugin } = require("./scripts/sv-metadata");
const { HelpPagePlugin } = require("./scripts/help-page");

const DEV_URL = "https://localhost:3000/";
const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const FUNCTIONS_SOURCE = path.resolve(__dirname, "src/functions/functions.ts");

/** Where the production build is served from: $ADDIN_URL (https, with a trailing slash) or the dev URL. */
function productionUrl(value = process.env.ADDIN_URL) {
  if (!value) return DEV_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL "${value}" is not a URL`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL "${value}" must use https (Office loads add-ins over https only)`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * The dev server's certificate. office-addin-dev-certs generates a localhost certificate and
 * installs its CA in the system trust store; on Linux that install needs sudo and often fails.
 * The generated files are still usable then, so serve with them and say how to trust the CA.
 */
async function devServerHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (error) {
    const directory = path.join(os.homedir(), ".office-addin-dev-certs");
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(directory, f)]));
    if (!Object.values(paths).every((p) => fs.existsSync(p))) {
      throw new Error(`Could not create the https certificate for the dev server: ${error.message}`);
    }
    console.warn(
      [
        "",
        `WARNING: the development CA could not be installed in the system trust store (${error.message.split("\n")[0]}).`,
        "The dev server still runs over https with the generated certificate. To make the browser trust it,",
        `import ${paths.ca} as a certificate authority (Chrome/Edge: Settings > Privacy and security >`,
        "Security > Manage certificates > Authorities > Import), or open https://localhost:" + DEV_SERVER_PORT + "/taskpane.html",
        "once and accept the warning before loading the add-in in Excel on the web.",
        "",
      ].join("\n"),
    );
    return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
  }
}

/** TypeScript through ts-loader; shared with webpack.preview.config.js. */
function typescriptRule(development) {
  return {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      // Type errors are `npm run typecheck`'s job; ES modules let webpack hoist and minify.
      options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: development } },
    },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const development = mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const addinUrl = development ? DEV_URL : productionUrl();

  return {
    mode,
    context: __dirname,
    target: ["web", "es2020"],
    devtool: development ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      // The uncertainty simulation's Web Worker (src/taskpane/uncertainty/runner.ts loads it by this name).
      uncertaintyWorker: "./src/taskpane/uncertainty/worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: the manifest refers to functions.js and taskpane.html by URL.
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: {
      rules: [typescriptRule(development)],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new SwedishMetadataPlugin({
        translations: path.resolve(__dirname, "src/i18n/functions.sv.json"),
        input: "functions.json",
        output: "functions.sv-SE.json",
      }),
      // After the Swedish metadata exists: rewrites both files' helpUrls to addinUrl, like the manifest.
      new HelpPagePlugin({
        guide: path.resolve(__dirname, "docs/guide"),
        metadataFiles: ["functions.json", "functions.sv-SE.json"],
        devUrl: DEV_URL,
        addinUrl,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime runs the functions in this page, so it must load and register them,
        // before the task pane code.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Plain stylesheets the task pane page links to (<link href="taskpane.css">).
          { from: "src/taskpane/*.css", to: "[name][ext]", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().replaceAll(DEV_URL, addinUrl),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          host: "localhost",
          port: DEV_SERVER_PORT,
          // Custom functions are associated once per page load, so reload the page rather than hot-swap.
          hot: false,
          liveReload: true,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await devServerHttpsOptions() },
          static: false,
          client: { overlay: { warnings: false } },
        }
      : undefined,
  };
};

module.exports.productionUrl = productionUrl;
module.exports.typescriptRule = typescriptRule;
module.exports.DEV_URL = DEV_URL;
