#!/usr/bin/env node
/**
 * `npm start`: run the add-in for development.
 *
 * office-addin-debugging sideloads into desktop Excel on Windows and macOS only; elsewhere it
 * throws "Platform not supported". So:
 *   win32, darwin             office-addin-debugging start manifest.xml desktop (it starts the dev server)
 *   other, EXCEL_DOCUMENT_URL office-addin-debugging start manifest.xml web --document <url>
 *   other                     the https dev server, plus how to upload manifest.xml to Excel on the web
 * Usage data of the office-addin tools is turned off first.
 */
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { usageDataOff } = require("./usage-data-off");

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = "manifest.xml";
const PORT = Number(process.env.npm_package_config_dev_server_port || 3000);
const DESKTOP_PLATFORMS = ["win32", "darwin"];

/** The dev server's process id when `npm start` runs it itself, for `npm stop`. */
const PID_FILE = path.join(os.tmpdir(), `socinv-excel-dev-server-${PORT}.pid`);

/** Absolute path of a tool's command-line script, run with this Node (no shell, any platform). */
const TOOL_SCRIPTS = {
  "office-addin-debugging": "office-addin-debugging/cli.js",
  webpack: "webpack-cli/bin/cli.js",
};

/**
 * Decides how to start on a platform.
 * @param {NodeJS.Platform | string} platform process.platform
 * @param {{ documentUrl?: string }} [options] a workbook in Excel on the web to sideload into
 * @returns {{ target: "desktop" | "web-document" | "web", tool: "office-addin-debugging" | "webpack", args: string[] }}
 */
function planStart(platform, options = {}) {
  if (DESKTOP_PLATFORMS.includes(platform)) {
    return { target: "desktop", tool: "office-addin-debugging", args: ["start", MANIFEST, "desktop", "--app", "excel"] };
  }
  if (options.documentUrl) {
    return {
      target: "web-document",
      tool: "office-addin-debugging",
      args: ["start", MANIFEST, "web", "--app", "excel", "--document", options.documentUrl],
    };
  }
  return { target: "web", tool: "webpack", args: ["serve", "--mode", "development"] };
}

/** What to do by hand to load the add-in into Excel on the web. */
function webInstructions(platform, port = PORT, manifestPath = path.join(ROOT, MANIFEST)) {
  const pane = `https://localhost:${port}/taskpane.html`;
  return [
    "",
    "Sociala investeringar för Excel: development server",
    `  ${pane}`,
    "",
    `Desktop Excel sideloading (office-addin-debugging) works on Windows and macOS only; on ${platform}, use Excel on the web:`,
    `  1. Once the server is up, open ${pane} in the browser you use for Excel. If it warns about the`,
    "     certificate, trust the development CA (see the dev server's message) or accept the warning.",
    "  2. Open a workbook in Excel on the web (https://www.office.com > Excel).",
    "  3. Insert > Add-ins (in some versions Home > Add-ins) > More Add-ins > Upload My Add-in,",
    `     and choose ${manifestPath}`,
    '  4. The "Social investments" / "Sociala investeringar" button appears on the Home tab, and the functions',
    "     are available as =SOCINV.DISCOUNT(…) (in Swedish Excel: =SOCINV.DISKONTERA(…)).",
    "",
    "To have a workbook opened with the add-in sideloaded automatically, run:",
    "  EXCEL_DOCUMENT_URL=<the workbook's URL in OneDrive/SharePoint> npm start",
    "Stop with Ctrl+C or `npm stop`.",
    "",
  ].join("\n");
}

function toolScript(tool) {
  return require.resolve(TOOL_SCRIPTS[tool], { paths: [ROOT] });
}

/** Runs a tool with this Node in the project folder; resolves with its exit code. */
function runTool(tool, args, onSpawn) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [toolScript(tool), ...args], { cwd: ROOT, stdio: "inherit" });
    if (onSpawn) onSpawn(child);
    child.on("error", (error) => {
      console.error(`${tool}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal === "SIGTERM" || signal === "SIGINT" ? 0 : 1)));
  });
}

async function main() {
  const problems = usageDataOff();
  for (const problem of problems) console.warn(`office-addin usage data: could not turn off (${problem})`);

  const documentUrl = process.env.EXCEL_DOCUMENT_URL || process.env.npm_package_config_document;
  const plan = planStart(process.platform, { documentUrl });
  if (plan.target !== "web") return runTool(plan.tool, plan.args);

  console.log(webInstructions(process.platform));
  return runTool(plan.tool, plan.args, (child) => {
    fs.writeFileSync(PID_FILE, String(child.pid));
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", () => fs.rmSync(PID_FILE, { force: true }));
  });
}

module.exports = { planStart, webInstructions, PID_FILE, MANIFEST, DESKTOP_PLATFORMS, runTool };

if (require.main === module) {
  main().then((code) => {
    process.exitCode = code;
  });
}
