#!/usr/bin/env node
/**
 * `npm run preview`: the task pane against an in-memory workbook, in any browser, without Excel.
 *
 * Builds dist/ (the add-in) and dist/preview/ (the Office stand-in and the grid page), then serves
 * dist/ over plain http on 127.0.0.1. The preview page shows the real taskpane.html in a frame, with
 * Microsoft's Office.js replaced by the stand-in, and the workbook it writes as a grid beside it, its
 * formulas calculated by HyperFormula (a spreadsheet engine, in the preview bundle only) with the
 * real SOCINV functions. It is not Excel: charts are listed, not drawn.
 *
 *   npm run preview                 build, then serve on http://127.0.0.1:3100/
 *   npm run preview -- --no-build   serve what dist/ holds
 *   PORT=0 npm run preview          any free port
 *
 * Also exports startStaticServer, which the browser tests use to serve dist/.
 */
"use strict";

const fs = require("fs");
const http = require("http");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const STAND_IN_PATH = "/preview/office-standin.js";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves the files under `root` on 127.0.0.1 (never another interface). `transform(urlPath, body)`
 * may rewrite a text file on its way out. Resolves to { server, port, url, close() }.
 */
function startStaticServer({ root = DIST, port = 0, transform } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let urlPath;
    try {
      urlPath = decodeURIComponent(new URL(request.url, "http://127.0.0.1").pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (urlPath.endsWith("/")) urlPath += "index.html";
    const file = path.resolve(base, `.${urlPath}`);
    // Nothing outside the served folder, whatever the URL says.
    if (file !== base && !file.startsWith(base + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.stat(file, (statError, stat) => {
      if (!statError && stat.isDirectory()) {
        response.writeHead(301, { Location: `${urlPath}/` }).end();
        return;
      }
      fs.readFile(file, (error, data) => {
        if (error) {
          response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${urlPath}\n`);
          return;
        }
        const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
        let body = data;
        if (transform && type.startsWith("text/")) body = Buffer.from(transform(urlPath, data.toString("utf8")), "utf8");
        response.writeHead(200, { "Content-Type": type, "Content-Length": body.length, "Cache-Control": "no-store" });
        response.end(request.method === "HEAD" ? undefined : body);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const actualPort = server.address().port;
      resolve({
        server,
        port: actualPort,
        url: `http://127.0.0.1:${actualPort}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** In the preview, taskpane.html loads the stand-in instead of Microsoft's Office.js. */
function useStandIn(urlPath, body) {
  return urlPath.endsWith(".html") ? body.split(OFFICE_JS_URL).join(STAND_IN_PATH) : body;
}

function run(command, args) {
  console.log(`> ${command} ${args.join(" ")}`);
  execFileSync(command, args, { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
}

/** The main build (it cleans dist/), then the preview bundles into dist/preview/. */
function build() {
  const webpack = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
  run(process.execPath, [webpack, "--mode", "production"]);
  run(process.execPath, [webpack, "--config", "webpack.preview.config.js", "--mode", "production"]);
}

async function main() {
  const args = process.argv.slice(2);
  if (!args.includes("--no-build")) build();
  if (!fs.existsSync(path.join(DIST, "taskpane.html")) || !fs.existsSync(path.join(DIST, STAND_IN_PATH))) {
    console.error("dist/ is incomplete; run `npm run preview` without --no-build.");
    process.exit(1);
  }
  const port = process.env.PORT !== undefined ? Number(process.env.PORT) : 3100;
  const { url, close } = await startStaticServer({ root: DIST, port, transform: useStandIn });
  console.log("");
  console.log(`Preview (not Excel: an in-memory workbook calculated by HyperFormula; charts listed, not drawn):`);
  console.log(`  ${url}preview/`);
  console.log("Stop with Ctrl+C.");
  const stop = () => close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

module.exports = { startStaticServer, useStandIn, OFFICE_JS_URL, STAND_IN_PATH, DIST };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
