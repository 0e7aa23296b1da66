/**
 * The built add-in in dist/: the files the manifest points at exist, the shared-runtime page
 * loads Office.js from the CDN plus the functions and task pane bundles, and the functions bundle,
 * run as Excel runs it, registers every id in functions.json (and sv-SE has the same ids).
 *
 * Builds dist/ first (`webpack --mode production`) when it is missing or older than its sources.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { validateManifest } from "../../scripts/validate-manifest";
import { FunctionMetadata, FunctionsMetadata, NAME_PATTERN } from "../../scripts/sv-metadata";
import { ICON_SIZES } from "../../scripts/make-icons";
import { elementIds } from "../../scripts/help-page";
import { createCustomFunctionsRuntime, StandInFunctionError } from "../../src/preview/customFunctionsRuntime";
import { allowedScript, contentSecurityPolicy } from "./support/csp";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OUTPUTS = ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "functions.sv-SE.json", "manifest.xml", "help.html"];
const SOURCES = ["src", "assets", "manifest.xml", "webpack.config.js", "scripts/sv-metadata.js", "scripts/help-page.js", "docs/guide/README.md", "docs/guide/en.md", "package.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function distIsFresh(): boolean {
  const outputs = OUTPUTS.map((file) => path.join(DIST, file));
  if (!outputs.every((file) => fs.existsSync(file))) return false;
  const oldestOutput = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  const newestSource = Math.max(...SOURCES.map((entry) => path.join(ROOT, entry)).filter(fs.existsSync).map(newestMtime));
  return oldestOutput >= newestSource;
}

function ensureBuilt(): void {
  if (distIsFresh()) return;
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  try {
    execFileSync(process.execPath, [webpackCli, "--mode", "production"], { cwd: ROOT, stdio: "pipe", encoding: "utf8", timeout: 300_000 });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(`webpack --mode production failed:\n${output.stdout ?? ""}\n${output.stderr ?? ""}`);
  }
}

const read = (file: string) => fs.readFileSync(path.join(DIST, file), "utf8");
const readJson = (file: string) => JSON.parse(read(file)) as FunctionsMetadata;

/** The page's <script src> values in document order, with their attributes. */
function scripts(html: string): { src: string; attributes: string }[] {
  const found: { src: string; attributes: string }[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>/gi)) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[1]);
    if (src) found.push({ src: src[1] ?? src[2] ?? src[3], attributes: match[1] });
  }
  return found;
}

/** The project's CustomFunctions stand-in, recording each registration. */
function customFunctionsStandIn() {
  const associations = new Map<string, unknown>();
  const CustomFunctions = createCustomFunctionsRuntime((id, fn) => associations.set(id, fn));
  return { CustomFunctions, CustomFunctionsError: StandInFunctionError, associations };
}

/** Runs the functions bundle the way the shared runtime does: a page with the CustomFunctions global. */
function loadFunctionsBundle() {
  const standIn = customFunctionsStandIn();
  const context = vm.createContext({ CustomFunctions: standIn.CustomFunctions, console });
  vm.runInContext(read("functions.js"), context, { filename: "functions.js" });
  return standIn;
}

/** Arguments shaped as Excel passes them: matrix parameters as 2-D arrays. */
function argumentsFor(fn: FunctionMetadata, values: unknown[]): unknown[] {
  return values.map((value, i) => {
    const matrix = fn.parameters?.[i]?.dimensionality === "matrix";
    if (!matrix || Array.isArray(value)) return value;
    return [[value]];
  });
}

beforeAll(ensureBuilt, 300_000);

describe("dist/ holds everything the manifest points at", () => {
  it.each(OUTPUTS)("contains %s", (file) => {
    expect(fs.statSync(path.join(DIST, file)).size).toBeGreaterThan(0);
  });

  it.each(ICON_SIZES)("contains assets/icon-%i.png, a PNG of that size", (size) => {
    const png = fs.readFileSync(path.join(DIST, "assets", `icon-${size}.png`));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString("ascii", 12, 16)).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });

  it("every asset URL in the built manifest names a file in dist/", () => {
    const manifest = read("manifest.xml");
    const base = /<bt:Url id="Taskpane\.Url" DefaultValue="([^"]*)taskpane\.html"/.exec(manifest)![1];
    const referenced = [...manifest.matchAll(/(?:DefaultValue|Value)="([^"]+)"/g)].map((m) => m[1]).filter((url) => url.startsWith(base));
    expect(referenced.length).toBeGreaterThan(5);
    for (const url of referenced) expect(fs.existsSync(path.join(DIST, url.slice(base.length).split("?")[0]))).toBe(true);
  });

  it("the built manifest passes the offline validation", () => {
    expect(validateManifest(read("manifest.xml"))).toEqual([]);
  });
});

describe("help.html, the functions' help page", () => {
  it.each(["functions.json", "functions.sv-SE.json"])("every helpUrl in %s is <add-in URL>help.html#socinv<id>, an anchor on the page", (file) => {
    const base = /<bt:Url id="Taskpane\.Url" DefaultValue="([^"]*)taskpane\.html"/.exec(read("manifest.xml"))![1];
    const ids = [...elementIds(read("help.html"))];
    const functions = readJson(file).functions;
    expect(functions).toHaveLength(10);
    for (const fn of functions) {
      expect(fn.helpUrl).toBe(`${base}help.html#socinv${fn.id.toLowerCase()}`);
      expect(ids).toContain(`socinv${fn.id.toLowerCase()}`);
    }
  });
});

describe("taskpane.html, the shared runtime's page", () => {
  const page = () => scripts(read("taskpane.html"));

  it("loads Office.js from Microsoft's CDN, before any bundle and without defer or async", () => {
    const office = page().findIndex((s) => s.src === OFFICE_JS_CDN);
    expect(office).toBeGreaterThanOrEqual(0);
    expect(page()[office].attributes).not.toMatch(/\b(defer|async)\b/i);
    const firstBundle = page().findIndex((s) => /(^|\/)(functions|taskpane)\.js$/.test(s.src));
    expect(office).toBeLessThan(firstBundle);
  });

  it("loads the functions bundle and then the task pane bundle", () => {
    const sources = page().map((s) => s.src.replace(/^.*\//, ""));
    expect(sources.filter((s) => s === "functions.js" || s === "taskpane.js")).toEqual(["functions.js", "taskpane.js"]);
  });

  it("keeps the template's Content-Security-Policy, which allows every script it loads and nothing inline (issue 9 item 11)", () => {
    const html = read("taskpane.html");
    const csp = contentSecurityPolicy(html);
    expect(csp).toEqual(contentSecurityPolicy(fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8")));
    for (const script of page()) expect({ src: script.src, allowed: allowedScript(script.src, csp.get("script-src")!) }).toEqual({ src: script.src, allowed: true });
    expect([...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1].trim()).filter(Boolean)).toEqual([]);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });
});

describe("the functions bundle registers every function", () => {
  it("associates exactly the ids listed in functions.json, each with a function", () => {
    const { associations } = loadFunctionsBundle();
    const ids = readJson("functions.json").functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    expect([...associations.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(typeof associations.get(id)).toBe("function");
  });

  it("functions.sv-SE.json has the same ids, each with a valid Swedish name", () => {
    const englishIds = readJson("functions.json").functions.map((f) => f.id);
    const swedish = readJson("functions.sv-SE.json").functions;
    expect(swedish.map((f) => f.id)).toEqual(englishIds);
    for (const fn of swedish) expect(NAME_PATTERN.test(fn.name)).toBe(true);
  });

  it("the registered DISCOUNT computes in the bundle: rate 10 %, 100 in year 0 and 110 in year 1 → 100 + 110/1.1 = 200", () => {
    const { associations } = loadFunctionsBundle();
    const metadata = readJson("functions.json").functions.find((f) => f.id === "DISCOUNT")!;
    const discount = associations.get("DISCOUNT") as (...args: unknown[]) => unknown;
    const result = discount(...argumentsFor(metadata, [0.1, [[100, 110]]]));
    const value = Array.isArray(result) ? (result as unknown[][])[0][0] : result;
    expect(value as number).toBeCloseTo(200, 10);
  });

  it("the registered DISCOUNT returns a #NUM! CustomFunctions.Error (not an exception) for a rate of −150 %", () => {
    const { associations, CustomFunctionsError } = loadFunctionsBundle();
    const metadata = readJson("functions.json").functions.find((f) => f.id === "DISCOUNT")!;
    const discount = associations.get("DISCOUNT") as (...args: unknown[]) => unknown;
    const result = discount(...argumentsFor(metadata, [-1.5, [[100, 110]]]));
    expect(result).toBeInstanceOf(CustomFunctionsError);
    expect((result as InstanceType<typeof CustomFunctionsError>).code).toBe("#NUM!");
  });
});
