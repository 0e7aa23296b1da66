#!/usr/bin/env node
/**
 * Opts this machine out of the office-addin-* tools' usage data, without any network access.
 * Run before any office-addin tool (npm start/stop, validate:online, CI) so no command phones home
 * and CI never waits on a network that is not there.
 *
 * Two steps, because the tools in node_modules do not all share one version of
 * office-addin-usage-data:
 *  1. the installed package's own `off` command (what `office-addin-usage-data off` runs);
 *  2. the settings file every version reads, ~/office-addin-usage-data.json, written directly with
 *     usageDataLevel "off" for the tools' group, so older copies that still report also stay quiet.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

const GROUP = "office-addin-usage-data";

function settingsFile(home = os.homedir()) {
  return path.join(home, "office-addin-usage-data.json");
}

/** Returns the settings file's content with usage data turned off for the office-addin tools. */
function withUsageDataOff(existing) {
  const settings = existing && typeof existing === "object" && !Array.isArray(existing) ? { ...existing } : {};
  const instances = settings.usageDataInstances && typeof settings.usageDataInstances === "object" ? { ...settings.usageDataInstances } : {};
  instances[GROUP] = { ...(instances[GROUP] || {}), usageDataLevel: "off" };
  settings.usageDataInstances = instances;
  return settings;
}

function writeSettingsFile(file = settingsFile()) {
  let existing = {};
  try {
    existing = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    existing = {}; // missing or unreadable: start afresh
  }
  fs.writeFileSync(file, JSON.stringify(withUsageDataOff(existing), null, 2));
}

function turnOffWithPackage() {
  // Silence the package's own "Usage data has been turned off." line; this script prints one summary.
  const log = console.log;
  console.log = () => {};
  try {
    require("office-addin-usage-data/lib/command").turnUsageDataOff();
  } finally {
    console.log = log;
  }
}

function usageDataOff() {
  const problems = [];
  try {
    turnOffWithPackage();
  } catch (error) {
    problems.push(`office-addin-usage-data: ${error.message}`);
  }
  try {
    writeSettingsFile();
  } catch (error) {
    problems.push(`${settingsFile()}: ${error.message}`);
  }
  return problems;
}

module.exports = { usageDataOff, withUsageDataOff, settingsFile };

if (require.main === module) {
  const problems = usageDataOff();
  if (problems.length === 0) console.log("office-addin usage data: off");
  else {
    // Not fatal: the tools still work; say what could not be done.
    for (const problem of problems) console.warn(`office-addin usage data: could not turn off (${problem})`);
  }
}
