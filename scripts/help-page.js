/**
 * The add-in's help page: README.md rendered into dist/help.html, one self-contained page (inline
 * Fluent 2 styles, light and dark, no scripts, no external requests) that every function's helpUrl
 * points at (`help.html#socinv<id>`, the anchors written in the README).
 *
 * The functions' JSDoc says `@helpurl https://localhost:3000/help.html#…`; for a production build the
 * plugin rewrites those URLs in functions.json and functions.sv-SE.json to $ADDIN_URL, exactly as the
 * manifest's URLs are rewritten.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { Marked } = require("marked");

const HELP_FILE = "help.html";
const DEFAULT_README = path.resolve(__dirname, "../README.md");
const DEFAULT_METADATA_FILES = ["functions.json", "functions.sv-SE.json"];

// Fluent 2 web tokens as in src/taskpane/taskpane.css; the page follows the system's light/dark setting.
const STYLE = `
:root {
  --font: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: Consolas, "Cascadia Mono", Menlo, "Courier New", monospace;
  --radius: 4px;
  --radius-large: 8px;
  --bg1: #ffffff;
  --bg2: #fafafa;
  --bg3: #f5f5f5;
  --fg1: #242424;
  --fg2: #424242;
  --fg3: #616161;
  --stroke1: #d1d1d1;
  --stroke2: #e0e0e0;
  --brand-fg: #0f6cbd;
  --brand-fg-link: #115ea3;
  --brand-tint: #ebf3fc;
  --focus: #000000;
  --shadow: 0 0 2px rgba(0, 0, 0, 0.12), 0 2px 4px rgba(0, 0, 0, 0.14);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg1: #292929;
    --bg2: #1f1f1f;
    --bg3: #141414;
    --fg1: #ffffff;
    --fg2: #d6d6d6;
    --fg3: #adadad;
    --stroke1: #666666;
    --stroke2: #525252;
    --brand-fg: #479ef5;
    --brand-fg-link: #479ef5;
    --brand-tint: #082338;
    --focus: #ffffff;
    --shadow: 0 0 2px rgba(0, 0, 0, 0.24), 0 2px 4px rgba(0, 0, 0, 0.28);
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { background: var(--bg2); color: var(--fg1); font-family: var(--font); font-size: 14px; line-height: 20px; }
body { margin: 0; padding: 12px; }
main {
  max-width: 860px; margin: 0 auto; padding: 16px 24px 24px;
  background: var(--bg1); border-radius: var(--radius-large); box-shadow: var(--shadow);
}
h1 { font-size: 24px; line-height: 32px; font-weight: 600; margin: 0 0 12px; }
h2 { font-size: 20px; line-height: 28px; font-weight: 600; margin: 28px 0 8px; padding-top: 12px; border-top: 1px solid var(--stroke2); }
h3 { font-size: 16px; line-height: 22px; font-weight: 600; margin: 24px 0 6px; color: var(--brand-fg); }
h4 { font-size: 14px; line-height: 20px; font-weight: 600; margin: 16px 0 4px; }
p, ul, ol, pre, table { margin: 0 0 10px; }
ul, ol { padding-left: 24px; }
li { margin: 2px 0; }
a { color: var(--brand-fg-link); }
a:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; border-radius: 2px; }
/* The README's section anchors sit in an otherwise empty paragraph just before their heading. */
p:has(> a[id]:only-child:empty) { margin: 0; }
a[id] { scroll-margin-top: 12px; }
p:has(> a[id]:target) + h3 { background: var(--brand-tint); border-radius: var(--radius); padding: 2px 6px; margin-left: -6px; }
code { font-family: var(--mono); font-size: 13px; background: var(--bg3); border-radius: var(--radius); padding: 1px 4px; overflow-wrap: anywhere; }
pre { background: var(--bg3); border: 1px solid var(--stroke2); border-radius: var(--radius); padding: 8px 12px; overflow-x: auto; }
pre code { background: none; padding: 0; overflow-wrap: normal; }
table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; }
th, td { border: 1px solid var(--stroke2); padding: 4px 8px; vertical-align: top; }
th { background: var(--bg3); font-weight: 600; text-align: left; }
td[align="right"], th[align="right"] { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: var(--bg2); }
@media (max-width: 480px) { body { padding: 0; } main { border-radius: 0; box-shadow: none; padding: 12px; } }
@media print { html, main { background: none; box-shadow: none; } a { color: inherit; } }
`;

// No script, no external style, font, image or frame: the page loads nothing but itself.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

/**
 * The whole help page for a README.
 * @param {string} markdown
 * @param {{ title?: string, lang?: string }} [options] title defaults to the README's first level-1 heading
 * @returns {string} HTML
 */
function renderHelpPage(markdown, options = {}) {
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(markdown);
  const title = options.title ?? (heading ? `${heading[1]} – hjälp / help` : "Help");
  // A fresh instance: no global options leak in or out; GFM for the README's tables and autolinks.
  const body = new Marked({ gfm: true, async: false }).parse(markdown);
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(options.lang ?? "en")}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    body.trim(),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Every id in a page, quoted or not (the production build minifies help.html like any HTML asset). */
function elementIds(html) {
  return new Set([...html.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]));
}

/**
 * Rewrites each function's helpUrl that starts with `fromBase` to start with `toBase` instead.
 * Returns the text unchanged when there is nothing to rewrite; otherwise re-serialised with the
 * input's indentation.
 * @param {string} metadataText functions.json or functions.sv-SE.json
 * @param {string} fromBase e.g. "https://localhost:3000/"
 * @param {string} toBase e.g. "https://addin.example.se/socinv/"
 * @returns {string}
 */
function rewriteHelpUrls(metadataText, fromBase, toBase) {
  if (fromBase === toBase) return metadataText;
  const metadata = JSON.parse(metadataText);
  if (!metadata || !Array.isArray(metadata.functions)) throw new Error("function metadata has no \"functions\" array");
  let changed = false;
  const functions = metadata.functions.map((fn) => {
    if (typeof fn.helpUrl !== "string" || !fn.helpUrl.startsWith(fromBase)) return fn;
    changed = true;
    return { ...fn, helpUrl: toBase + fn.helpUrl.slice(fromBase.length) };
  });
  if (!changed) return metadataText;
  const indent = /^[{[]\r?\n([ \t]+)/.exec(metadataText)?.[1] ?? 2;
  return JSON.stringify({ ...metadata, functions }, null, indent);
}

/**
 * Problems with the help URLs in a metadata file: a function without one, one not on this add-in's
 * help page, or an anchor the page lacks.
 * @param {string} metadataText
 * @param {string} helpPageUrl e.g. "https://localhost:3000/help.html"
 * @param {Set<string>} ids the ids the page defines
 * @returns {string[]}
 */
function helpUrlProblems(metadataText, helpPageUrl, ids) {
  const problems = [];
  for (const fn of JSON.parse(metadataText).functions ?? []) {
    const url = fn.helpUrl;
    if (typeof url !== "string") problems.push(`${fn.id}: no @helpurl`);
    else if (!url.startsWith(`${helpPageUrl}#`)) problems.push(`${fn.id}: helpUrl ${url} is not on ${helpPageUrl}`);
    else if (!ids.has(url.slice(helpPageUrl.length + 1))) problems.push(`${fn.id}: ${HELP_FILE} has no anchor id="${url.slice(helpPageUrl.length + 1)}" (README.md)`);
  }
  return problems;
}

/**
 * Webpack plugin: emits help.html from the README, rewrites helpUrls from the dev URL to the add-in
 * URL in the metadata files, and fails the build when a helpUrl names an anchor the page lacks.
 */
class HelpPagePlugin {
  /** @param {{ readme?: string, output?: string, metadataFiles?: string[], devUrl: string, addinUrl: string }} options */
  constructor(options) {
    this.readme = path.resolve(options.readme || DEFAULT_README);
    this.output = options.output || HELP_FILE;
    this.metadataFiles = options.metadataFiles || DEFAULT_METADATA_FILES;
    this.devUrl = options.devUrl;
    this.addinUrl = options.addinUrl;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const fail = (compilation, message) => compilation.errors.push(new WebpackError(`${this.output}: ${message}`));
    compiler.hooks.thisCompilation.tap(HelpPagePlugin.name, (compilation) => {
      compilation.fileDependencies.add(this.readme);
      let ids = new Set();
      compilation.hooks.processAssets.tap({ name: HelpPagePlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        try {
          const html = renderHelpPage(fs.readFileSync(this.readme, "utf8"));
          ids = elementIds(html);
          compilation.emitAsset(this.output, new sources.RawSource(html));
        } catch (error) {
          fail(compilation, error instanceof Error ? error.message : String(error));
        }
      });
      // After PROCESS_ASSETS_STAGE_ADDITIONAL, where functions.sv-SE.json is made from functions.json.
      compilation.hooks.processAssets.tap({ name: HelpPagePlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        for (const file of this.metadataFiles) {
          const asset = compilation.getAsset(file);
          if (!asset) continue; // the metadata plugins report their own failures
          try {
            const text = asset.source.source().toString();
            const rewritten = rewriteHelpUrls(text, this.devUrl, this.addinUrl);
            const problems = helpUrlProblems(rewritten, this.addinUrl + this.output, ids);
            if (problems.length > 0) fail(compilation, `${file}:\n  ${problems.join("\n  ")}`);
            if (rewritten !== text) compilation.updateAsset(file, new sources.RawSource(rewritten));
          } catch (error) {
            fail(compilation, `${file}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      });
    });
  }
}

module.exports = { renderHelpPage, rewriteHelpUrls, helpUrlProblems, elementIds, HelpPagePlugin, HELP_FILE, CONTENT_SECURITY_POLICY };
