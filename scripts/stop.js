#!/usr/bin/env node
/**
 * `npm stop`: the counterpart of `npm start` (scripts/start.js).
 *   win32, darwin             office-addin-debugging stop manifest.xml desktop
 *   other, EXCEL_DOCUMENT_URL office-addin-debugging stop manifest.xml web
 *   other                     stops the dev server that `npm start` started (its id is in a pid file)
 */
"use strict";

const fs = require("fs");
const { usageDataOff } = require("./usage-data-off");
const { planStart, PID_FILE, MANIFEST, runTool } = require("./start");

/**
 * @param {NodeJS.Platform | string} platform
 * @param {{ documentUrl?: string }} [options]
 * @returns {{ target: "desktop" | "web-document", tool: "office-addin-debugging", args: string[] } | { target: "web", pidFile: string }}
 */
function planStop(platform, options = {}) {
  const started = planStart(platform, options);
  if (started.target === "desktop") return { target: "desktop", tool: "office-addin-debugging", args: ["stop", MANIFEST, "desktop"] };
  if (started.target === "web-document") return { target: "web-document", tool: "office-addin-debugging", args: ["stop", MANIFEST, "web"] };
  return { target: "web", pidFile: PID_FILE };
}

/** Stops the dev server recorded in the pid file; returns a message saying what happened. */
function stopDevServer(pidFile = PID_FILE) {
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").trim());
  } catch {
    return "No development server started by `npm start` is running.";
  }
  fs.rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0) return `Ignored a corrupt pid file (${pidFile}).`;
  // A stale pid may have been reused by another program: only stop it if it is our webpack.
  const commandLine = `/proc/${pid}/cmdline`;
  if (fs.existsSync("/proc") && (!fs.existsSync(commandLine) || !fs.readFileSync(commandLine, "utf8").includes("webpack"))) {
    return `The development server (process ${pid}) had already stopped.`;
  }
  try {
    process.kill(pid, "SIGTERM");
    return `Stopped the development server (process ${pid}).`;
  } catch (error) {
    if (error.code === "ESRCH") return `The development server (process ${pid}) had already stopped.`;
    throw error;
  }
}

async function main() {
  for (const problem of usageDataOff()) console.warn(`office-addin usage data: could not turn off (${problem})`);
  const documentUrl = process.env.EXCEL_DOCUMENT_URL || process.env.npm_package_config_document;
  const plan = planStop(process.platform, { documentUrl });
  if (plan.target === "web") {
    console.log(stopDevServer(plan.pidFile));
    return 0;
  }
  return runTool(plan.tool, plan.args);
}

module.exports = { planStop, stopDevServer };

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
