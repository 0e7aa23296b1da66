#!/usr/bin/env node
/**
 * Offline check of the add-in only manifest (`npm run validate`).
 *
 * `office-addin-manifest validate` posts the manifest to a Microsoft service and no npm package
 * ships the manifest XSDs, so this checks what breaks sideloading most often, without a network:
 * well-formed XML, the schema's element order, every resid defined (in the right resource
 * collection), https everywhere, the SOCINV namespace, the permission, the shared runtime wiring
 * and the sv-SE overrides. Each problem is reported; any problem exits 1.
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml]
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { DOMParser } = require("@xmldom/xmldom");

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  versionOverrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/**
 * OfficeApp's children in schema order: the OfficeApp base sequence followed by TaskPaneApp's
 * extension (OfficeAppManifestv1.1.xsd).
 */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];
/** Required by the schema, plus what this add-in needs (icons, support URL, hosts, requirements, commands). */
const OFFICE_APP_REQUIRED = OFFICE_APP_ORDER.filter((name) => !["AlternateId", "AppDomains", "Dictionary"].includes(name));

/** Child order inside VersionOverrides (taskpane 1.0 schema), by parent element. */
const NESTED_ORDER = {
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  ShowTaskpaneAction: ["TaskpaneId", "SourceLocation", "Title"],
  CustomFunctionsExtensionPoint: ["Script", "Page", "Metadata", "Namespace"],
};

/** Which resource collection a resid on a given element must come from. */
const RESID_COLLECTION = {
  Image: "Images",
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};
const MAX_RESOURCE_ID_LENGTH = 32;
const MAX_LENGTH = { ShortStrings: 125, LongStrings: 250, DisplayName: 125, Description: 250 };

const EXPECTED_NAMESPACE = "SOCINV";
/**
 * The Excel API requirement set the task pane needs: its newest members are the in-cell drop-down
 * lists of data validation (ExcelApi 1.8); test/build/validate-manifest.test.ts derives it from the
 * code in src/taskpane/excel/.
 */
const EXCEL_API_MIN_VERSION = "1.8";
const EXPECTED_PERMISSION = "ReadWriteDocument";
const SWEDISH = "sv-SE";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
const ANY_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi;

// ---- small DOM helpers ------------------------------------------------------------------------

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function childElements(element) {
  const children = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) children.push(node);
  }
  return children;
}

function descendants(element, localName) {
  const found = [];
  const visit = (node) => {
    for (const child of childElements(node)) {
      if (localName === undefined || child.localName === localName) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}

const child = (element, localName) => childElements(element).find((c) => c.localName === localName);
const xsiType = (element) => element.getAttributeNS(NS.xsi, "type") || "";
const text = (element) => (element ? element.textContent.trim() : "");
const where = (element) => (element && element.lineNumber ? ` (line ${element.lineNumber})` : "");

function overrides(element, locale) {
  return childElements(element).filter((c) => c.localName === "Override" && c.getAttribute("Locale") === locale);
}

// ---- the checks -------------------------------------------------------------------------------

/** xmldom accepts a bare '&' silently; XML does not (nor does Office). */
function findBareAmpersands(xml) {
  const withoutMarkup = xml.replace(/<!--[\s\S]*?-->/g, (m) => " ".repeat(m.length)).replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => " ".repeat(m.length));
  const problems = [];
  const bare = /&(?!(?:[A-Za-z_][\w.-]*|#[0-9]+|#x[0-9A-Fa-f]+);)/g;
  for (let match = bare.exec(withoutMarkup); match; match = bare.exec(withoutMarkup)) {
    const line = withoutMarkup.slice(0, match.index).split("\n").length;
    problems.push(`not well-formed XML: unescaped '&' on line ${line} (write &amp;)`);
  }
  return problems;
}

function parse(xml, problems) {
  const ampersands = findBareAmpersands(xml);
  if (ampersands.length > 0) {
    problems.push(...ampersands);
    return null;
  }
  let fatal = false;
  const parser = new DOMParser({
    onError(level, message) {
      problems.push(`not well-formed XML (${level}): ${String(message).trim()}`);
      if (level !== "warning") {
        fatal = true;
        throw new Error("stop parsing");
      }
    },
  });
  try {
    const document = parser.parseFromString(xml, "text/xml");
    return fatal ? null : document;
  } catch (error) {
    if (!fatal) problems.push(`not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Reports missing, unknown, repeated and out-of-order children against a schema sequence. */
function checkOrder(parent, order, required, label, problems) {
  const names = childElements(parent).map((c) => c.localName);
  for (const name of required) {
    if (!names.includes(name)) problems.push(`${label}: required element <${name}> is missing`);
  }
  let lastIndex = -1;
  let lastName = "";
  const seen = new Set();
  for (const element of childElements(parent)) {
    const name = element.localName;
    const index = order.indexOf(name);
    if (index < 0) {
      problems.push(`${label}: unexpected element <${name}>${where(element)}`);
      continue;
    }
    if (seen.has(name) && name !== "ExtensionPoint") problems.push(`${label}: <${name}> appears more than once${where(element)}`);
    if (index < lastIndex) problems.push(`${label}: <${name}> must come before <${lastName}>${where(element)}`);
    else {
      lastIndex = index;
      lastName = name;
    }
    seen.add(name);
  }
}

function checkOfficeAppRoot(root, problems) {
  if (root.localName !== "OfficeApp" || root.namespaceURI !== NS.officeApp) {
    problems.push(`root element must be <OfficeApp xmlns="${NS.officeApp}">, found <${root.tagName}>`);
    return false;
  }
  if (xsiType(root) !== "TaskPaneApp") problems.push(`OfficeApp: xsi:type must be "TaskPaneApp", found "${xsiType(root)}"`);
  checkOrder(root, OFFICE_APP_ORDER, OFFICE_APP_REQUIRED, "OfficeApp", problems);

  const id = text(child(root, "Id"));
  if (child(root, "Id") && !GUID.test(id)) problems.push(`Id: "${id}" is not a GUID`);
  const version = text(child(root, "Version"));
  if (child(root, "Version") && !VERSION.test(version)) problems.push(`Version: "${version}" is not of the form n.n.n.n`);
  const locale = text(child(root, "DefaultLocale"));
  if (child(root, "DefaultLocale") && locale !== "en-US") problems.push(`DefaultLocale: expected en-US, found "${locale}"`);

  for (const name of ["DisplayName", "Description"]) {
    const element = child(root, name);
    if (!element) continue;
    const value = element.getAttribute("DefaultValue");
    if (!value) problems.push(`${name}: DefaultValue is empty`);
    if (overrides(element, SWEDISH).length === 0) problems.push(`${name}: no <Override Locale="${SWEDISH}"> (Swedish text)`);
    for (const v of [value, ...overrides(element, SWEDISH).map((o) => o.getAttribute("Value"))]) {
      if (v && v.length > MAX_LENGTH[name]) problems.push(`${name}: "${v.slice(0, 30)}…" is longer than ${MAX_LENGTH[name]} characters`);
    }
  }

  const permissions = text(child(root, "Permissions"));
  if (child(root, "Permissions") && permissions !== EXPECTED_PERMISSION) {
    problems.push(`Permissions: expected exactly ${EXPECTED_PERMISSION}, found "${permissions}"`);
  }

  const hosts = child(root, "Hosts");
  if (hosts && !childElements(hosts).some((h) => h.getAttribute("Name") === "Workbook")) {
    problems.push(`Hosts: <Host Name="Workbook"/> (Excel) is missing`);
  }

  const requirements = child(root, "Requirements");
  const sets = requirements ? descendants(requirements, "Set") : [];
  for (const name of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    if (!sets.some((s) => s.getAttribute("Name") === name)) problems.push(`Requirements: <Set Name="${name}"/> is missing`);
  }
  const sharedRuntime = sets.find((s) => s.getAttribute("Name") === "SharedRuntime");
  if (sharedRuntime && sharedRuntime.getAttribute("MinVersion") !== "1.1") {
    problems.push(`Requirements: SharedRuntime MinVersion must be 1.1`);
  }
  const excelApi = sets.find((s) => s.getAttribute("Name") === "ExcelApi");
  if (!excelApi) problems.push(`Requirements: <Set Name="ExcelApi" MinVersion="${EXCEL_API_MIN_VERSION}"/> is missing`);
  else if (excelApi.getAttribute("MinVersion") !== EXCEL_API_MIN_VERSION) {
    problems.push(`Requirements: ExcelApi MinVersion must be ${EXCEL_API_MIN_VERSION} (what the task pane uses), found ${excelApi.getAttribute("MinVersion")}`);
  }
  return true;
}

/** Collects Resources by collection (Images, Urls, ShortStrings, LongStrings) and id. */
function readResources(versionOverrides, problems) {
  const resources = new Map();
  const resourcesElement = child(versionOverrides, "Resources");
  if (!resourcesElement) {
    problems.push("VersionOverrides: <Resources> is missing");
    return resources;
  }
  const allIds = new Set();
  for (const collection of childElements(resourcesElement)) {
    if (collection.namespaceURI !== NS.basicTypes) problems.push(`Resources: <${collection.tagName}> must be in the bt: namespace`);
    const byId = new Map();
    resources.set(collection.localName, byId);
    for (const resource of childElements(collection)) {
      const id = resource.getAttribute("id");
      if (!id) {
        problems.push(`Resources/${collection.localName}: a <${resource.tagName}> has no id${where(resource)}`);
        continue;
      }
      if (allIds.has(id)) problems.push(`Resources: id "${id}" is defined more than once`);
      if (id.length > MAX_RESOURCE_ID_LENGTH) problems.push(`Resources: id "${id}" is longer than ${MAX_RESOURCE_ID_LENGTH} characters`);
      allIds.add(id);
      byId.set(id, resource);
      const limit = MAX_LENGTH[collection.localName];
      const values = [resource.getAttribute("DefaultValue"), ...childElements(resource).map((o) => o.getAttribute("Value"))];
      if (!resource.getAttribute("DefaultValue")) problems.push(`Resources: "${id}" has no DefaultValue`);
      for (const value of values) {
        if (limit && value && value.length > limit) problems.push(`Resources: "${id}" text is longer than ${limit} characters`);
      }
    }
  }
  return resources;
}

function checkResids(versionOverrides, resources, problems) {
  const resourcesElement = child(versionOverrides, "Resources");
  for (const element of descendants(versionOverrides)) {
    if (!element.hasAttribute("resid")) continue;
    if (resourcesElement && descendants(resourcesElement).includes(element)) continue;
    const resid = element.getAttribute("resid");
    const definedIn = [...resources.entries()].find(([, byId]) => byId.has(resid));
    if (!definedIn) {
      problems.push(`resid "${resid}" on <${element.localName}>${where(element)} is not defined in <Resources>`);
      continue;
    }
    const expected = RESID_COLLECTION[element.localName];
    if (expected && definedIn[0] !== expected) {
      problems.push(`resid "${resid}" on <${element.localName}> must refer to bt:${expected}, but is defined in bt:${definedIn[0]}`);
    }
  }
}

/** Resolves a resid to its resource element, or undefined. */
function resolve(resources, resid) {
  for (const byId of resources.values()) if (byId.has(resid)) return byId.get(resid);
  return undefined;
}

function checkCustomFunctions(host, resources, problems) {
  const extensionPoints = descendants(host, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");
  if (extensionPoints.length !== 1) {
    problems.push(`Host: expected one <ExtensionPoint xsi:type="CustomFunctions">, found ${extensionPoints.length}`);
    return;
  }
  const point = extensionPoints[0];
  checkOrder(point, NESTED_ORDER.CustomFunctionsExtensionPoint, NESTED_ORDER.CustomFunctionsExtensionPoint, "CustomFunctions", problems);

  const namespace = child(point, "Namespace");
  const namespaceResource = namespace && resolve(resources, namespace.getAttribute("resid"));
  if (namespaceResource) {
    const values = [namespaceResource.getAttribute("DefaultValue"), ...childElements(namespaceResource).map((o) => o.getAttribute("Value"))];
    if (values.some((v) => v !== EXPECTED_NAMESPACE)) problems.push(`CustomFunctions: the namespace must be ${EXPECTED_NAMESPACE} in every language, found ${values.join(", ")}`);
  }

  const metadata = child(point, "Metadata");
  const metadataSource = metadata && child(metadata, "SourceLocation");
  const metadataUrl = metadataSource && resolve(resources, metadataSource.getAttribute("resid"));
  if (metadataUrl) {
    const swedish = overrides(metadataUrl, SWEDISH);
    if (swedish.length !== 1) {
      problems.push(`CustomFunctions: the metadata URL "${metadataUrl.getAttribute("id")}" needs one <bt:Override Locale="${SWEDISH}"> (the Swedish function names)`);
    } else {
      const value = swedish[0].getAttribute("Value") || "";
      if (!/\.json$/.test(value) || value === metadataUrl.getAttribute("DefaultValue")) {
        problems.push(`CustomFunctions: the ${SWEDISH} metadata URL must be a different .json file, found "${value}"`);
      }
    }
  }

  // The shared runtime: functions and task pane run in the one page named by the long-lived runtime.
  const runtimes = child(host, "Runtimes");
  const runtime = runtimes && childElements(runtimes).find((r) => r.localName === "Runtime");
  if (!runtime) {
    problems.push(`Host: <Runtimes><Runtime resid="…" lifetime="long"/></Runtimes> is missing (shared runtime)`);
    return;
  }
  if (runtime.getAttribute("lifetime") !== "long") problems.push(`Runtime: lifetime must be "long"`);
  const runtimeResid = runtime.getAttribute("resid");
  const page = child(point, "Page");
  const pageSource = page && child(page, "SourceLocation");
  if (pageSource && pageSource.getAttribute("resid") !== runtimeResid) {
    problems.push(`CustomFunctions: <Page> must use the runtime's page "${runtimeResid}", found "${pageSource.getAttribute("resid")}"`);
  }
  for (const action of descendants(host, "Action").filter((a) => xsiType(a) === "ShowTaskpane")) {
    checkOrder(action, NESTED_ORDER.ShowTaskpaneAction, ["SourceLocation"], "ShowTaskpane", problems);
    if (child(action, "TaskpaneId")) problems.push(`ShowTaskpane${where(action)}: no <TaskpaneId> under a long-lived shared runtime`);
    const source = child(action, "SourceLocation");
    if (source && source.getAttribute("resid") !== runtimeResid) {
      problems.push(`ShowTaskpane: <SourceLocation> must be the runtime's page "${runtimeResid}"`);
    }
  }
  const functionFile = descendants(host, "FunctionFile")[0];
  if (functionFile && functionFile.getAttribute("resid") !== runtimeResid) {
    problems.push(`FunctionFile must be the runtime's page "${runtimeResid}"`);
  }
}

function checkVersionOverrides(root, problems) {
  const versionOverrides = child(root, "VersionOverrides");
  if (!versionOverrides) return;
  if (versionOverrides.namespaceURI !== NS.versionOverrides) problems.push(`VersionOverrides: namespace must be ${NS.versionOverrides}`);
  if (xsiType(versionOverrides) !== "VersionOverridesV1_0") problems.push(`VersionOverrides: xsi:type must be VersionOverridesV1_0`);
  checkOrder(versionOverrides, NESTED_ORDER.VersionOverrides, ["Hosts", "Resources"], "VersionOverrides", problems);

  const resources = readResources(versionOverrides, problems);
  const resourcesElement = child(versionOverrides, "Resources");
  if (resourcesElement) checkOrder(resourcesElement, NESTED_ORDER.Resources, [], "Resources", problems);
  checkResids(versionOverrides, resources, problems);

  const hostsElement = child(versionOverrides, "Hosts");
  const host = hostsElement && childElements(hostsElement).find((h) => xsiType(h) === "Workbook");
  if (!host) {
    problems.push(`VersionOverrides: <Host xsi:type="Workbook"> is missing`);
  } else {
    checkOrder(host, NESTED_ORDER.Host, ["AllFormFactors", "DesktopFormFactor"], "Host", problems);
    const desktop = child(host, "DesktopFormFactor");
    if (desktop) {
      checkOrder(desktop, NESTED_ORDER.DesktopFormFactor, ["FunctionFile"], "DesktopFormFactor", problems);
      const getStarted = child(desktop, "GetStarted");
      if (getStarted) checkOrder(getStarted, NESTED_ORDER.GetStarted, ["Title", "Description"], "GetStarted", problems);
    }
    checkCustomFunctions(host, resources, problems);
  }

  // Swedish for everything a user reads (the namespace is the same word in every language).
  const namespaceIds = descendants(versionOverrides, "Namespace").map((n) => n.getAttribute("resid"));
  for (const collection of ["ShortStrings", "LongStrings"]) {
    for (const [id, resource] of resources.get(collection) || []) {
      if (!namespaceIds.includes(id) && overrides(resource, SWEDISH).length === 0) {
        problems.push(`Resources: "${id}" has no <bt:Override Locale="${SWEDISH}"> (Swedish text)`);
      }
    }
  }
}

/** Every URL in an attribute or text must be https (namespace declarations excepted). */
function checkUrls(root, problems) {
  const reported = new Set();
  const report = (url, element) => {
    if (reported.has(url)) return;
    reported.add(url);
    problems.push(`URL "${url}"${where(element)} must use https`);
  };
  for (const element of [root, ...descendants(root)]) {
    for (let i = 0; i < element.attributes.length; i++) {
      const attribute = element.attributes[i];
      if (attribute.name === "xmlns" || attribute.name.startsWith("xmlns:")) continue;
      for (const url of attribute.value.match(ANY_URL) || []) if (!/^https:\/\//i.test(url)) report(url, element);
      const urlValued = ["DefaultValue", "Value"].includes(attribute.name) && isUrlSetting(element);
      if (urlValued) {
        let parsed = null;
        try {
          parsed = new URL(attribute.value);
        } catch {
          parsed = null;
        }
        if (!parsed || parsed.protocol !== "https:") report(attribute.value, element);
      }
    }
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== TEXT_NODE) continue;
      for (const url of node.data.match(ANY_URL) || []) if (!/^https:\/\//i.test(url)) report(url, element);
    }
  }
}

function isUrlSetting(element) {
  const owner = element.localName === "Override" ? element.parentNode : element;
  if (!owner) return false;
  if (["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(owner.localName)) return true;
  const collection = owner.parentNode;
  return !!collection && ["Images", "Urls"].includes(collection.localName) && collection.namespaceURI === NS.basicTypes;
}

/**
 * Checks a manifest's text. Returns the problems found, one sentence each; an empty list means
 * the manifest passed.
 * @param {string} xml
 * @returns {string[]}
 */
function validateManifest(xml) {
  const problems = [];
  const document = parse(xml, problems);
  if (!document || !document.documentElement) {
    if (problems.length === 0) problems.push("not well-formed XML: no root element");
    return problems;
  }
  const root = document.documentElement;
  if (!checkOfficeAppRoot(root, problems)) return problems;
  checkVersionOverrides(root, problems);
  checkUrls(root, problems);
  return problems;
}

function main(argv) {
  const file = argv[0] || path.join(__dirname, "..", "manifest.xml");
  let xml;
  try {
    xml = fs.readFileSync(file, "utf8");
  } catch (error) {
    console.error(`${file}: cannot read: ${error.message}`);
    return 1;
  }
  const problems = validateManifest(xml);
  if (problems.length === 0) {
    console.log(`${file}: manifest OK (offline checks; run "npm run validate:online" for Microsoft's validator)`);
    return 0;
  }
  for (const problem of problems) console.error(`${file}: ${problem}`);
  console.error(`${file}: ${problems.length} problem(s)`);
  return 1;
}

module.exports = { validateManifest, OFFICE_APP_ORDER, EXCEL_API_MIN_VERSION };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
