/**
 * The add-in's help pages: the user guide in docs/guide/ (Markdown, readable from the repository)
 * rendered into dist/help.html (Swedish, README.md there) and dist/help-en.html (English, en.md),
 * self-contained pages (inline Fluent 2 styles, light and dark, no scripts, nothing from outside;
 * the guide's screenshots are copied to dist/images/) that every function's helpUrl points at
 * (`help.html#socinv<id>`, the anchors written in the guide's function reference).
 *
 * Links are written so that they work in the repository and are rewritten for dist/: `en.md#x` →
 * `help-en.html#x`, `../../dist/<file>` (a file the build writes, e.g. the example workbook) →
 * `<file>`, `images/<picture>` stays. A page that refers to a picture or a page that does not exist
 * fails the build.
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
const DEFAULT_GUIDE = path.resolve(__dirname, "../docs/guide");
/** Each guide page: its Markdown file in docs/guide/ and the page it becomes in dist/. Swedish first. */
const GUIDE_PAGES = [
  { source: "README.md", output: HELP_FILE, lang: "sv" },
  { source: "en.md", output: "help-en.html", lang: "en" },
];
/** A link to a file the build writes into dist/, spelled so that it also works from docs/guide/ after a build. */
const DIST_PREFIX = "../../dist/";
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
img { max-width: 100%; height: auto; border: 1px solid var(--stroke2); border-radius: var(--radius); }
figure, p:has(> img) { margin: 8px 0 14px; }
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
 * A heading's id as GitHub makes it, so that `#…` links work in the repository and in dist/ alike:
 * lower case, punctuation dropped (letters such as å, ä, ö kept), spaces to hyphens.
 */
function headingSlug(text) {
  return text
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/**
 * The whole help page for a Markdown text.
 * @param {string} markdown
 * @param {{ title?: string, lang?: string, link?: (href: string, kind: "link" | "image") => string }} [options]
 *   title defaults to the first level-1 heading; link rewrites each link's and picture's address
 *   (and may throw to refuse one)
 * @returns {string} HTML
 */
function renderHelpPage(markdown, options = {}) {
  const heading = /^#\s+(.+?)\s*#*\s*$/m.exec(markdown);
  const title = options.title ?? (heading ? `${heading[1]} – hjälp / help` : "Help");
  // A fresh instance: no global options leak in or out; GFM for the tables and autolinks.
  const marked = new Marked({ gfm: true, async: false });
  const slugs = new Map();
  marked.use({
    walkTokens(token) {
      if (options.link && (token.type === "link" || token.type === "image")) token.href = options.link(token.href, token.type);
    },
    renderer: {
      heading({ tokens, depth, text }) {
        const base = headingSlug(text);
        const count = slugs.get(base) ?? 0;
        slugs.set(base, count + 1);
        const id = count === 0 ? base : `${base}-${count}`;
        return `<h${depth} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(markdown);
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

/**
 * Renders every page of the guide in `dir`. Problems (a missing picture, a link to a page the guide
 * does not have) are collected, not thrown, so the build can name them all at once.
 * @param {string} dir docs/guide
 * @param {{ pages?: typeof GUIDE_PAGES, exists?: (file: string) => boolean, read?: (file: string) => string }} [options]
 * @returns {{ pages: { output: string, lang: string, html: string }[], images: string[], problems: string[] }}
 *   images: the pictures the pages use, relative to dir ("images/x.png"), each once
 */
function renderGuide(dir, options = {}) {
  const pages = options.pages ?? GUIDE_PAGES;
  const exists = options.exists ?? ((file) => fs.existsSync(file));
  const read = options.read ?? ((file) => fs.readFileSync(file, "utf8"));
  const outputs = new Map(pages.map((p) => [p.source, p.output]));
  const images = new Set();
  const problems = [];
  /** Links to a place in a page: checked once every page's ids are known. */
  const fragments = [];
  const rendered = pages.map((page) => {
    const link = (href, kind) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href; // https:, mailto:
      if (href.startsWith("#")) {
        fragments.push({ from: page.source, page: page.output, id: href.slice(1) });
        return href;
      }
      if (href.startsWith(DIST_PREFIX)) return href.slice(DIST_PREFIX.length);
      const [file, fragment] = href.split("#", 2);
      const target = path.posix.normalize(file);
      if (kind === "image" || /\.(png|jpe?g|gif|svg|webp)$/i.test(target)) {
        if (target.startsWith("..") || !exists(path.join(dir, target))) problems.push(`${page.source}: refers to a missing picture ${href}`);
        else images.add(target);
        return target;
      }
      if (outputs.has(target)) {
        if (fragment !== undefined) fragments.push({ from: page.source, page: outputs.get(target), id: fragment });
        return outputs.get(target) + (fragment === undefined ? "" : `#${fragment}`);
      }
      problems.push(`${page.source}: links to ${href}, which is not a page of the guide nor a file in dist/ (${DIST_PREFIX}…)`);
      return href;
    };
    const html = renderHelpPage(read(path.join(dir, page.source)), { lang: page.lang, link });
    return { output: page.output, lang: page.lang, html };
  });
  const ids = new Map(rendered.map((page) => [page.output, elementIds(page.html)]));
  for (const { from, page, id } of fragments) {
    if (!ids.get(page).has(decodeURIComponent(id))) problems.push(`${from}: links to ${page}#${id}, which has no such heading or anchor`);
  }
  return { pages: rendered, images: [...images].sort(), problems };
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
    else if (!ids.has(url.slice(helpPageUrl.length + 1))) problems.push(`${fn.id}: ${HELP_FILE} has no anchor id="${url.slice(helpPageUrl.length + 1)}" (docs/guide/README.md)`);
  }
  return problems;
}

/**
 * Webpack plugin: emits the guide's pages and pictures, rewrites helpUrls from the dev URL to the
 * add-in URL in the metadata files, and fails the build when a page refers to a missing picture or
 * page, or a helpUrl names an anchor help.html lacks.
 */
class HelpPagePlugin {
  /** @param {{ guide?: string, metadataFiles?: string[], devUrl: string, addinUrl: string }} options */
  constructor(options) {
    this.guide = path.resolve(options.guide || DEFAULT_GUIDE);
    this.output = HELP_FILE;
    this.metadataFiles = options.metadataFiles || DEFAULT_METADATA_FILES;
    this.devUrl = options.devUrl;
    this.addinUrl = options.addinUrl;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    const fail = (compilation, message) => compilation.errors.push(new WebpackError(`${this.output}: ${message}`));
    compiler.hooks.thisCompilation.tap(HelpPagePlugin.name, (compilation) => {
      compilation.contextDependencies.add(this.guide);
      for (const page of GUIDE_PAGES) compilation.fileDependencies.add(path.join(this.guide, page.source));
      let ids = new Set();
      compilation.hooks.processAssets.tap({ name: HelpPagePlugin.name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        try {
          const guide = renderGuide(this.guide);
          for (const problem of guide.problems) fail(compilation, problem);
          for (const page of guide.pages) {
            if (page.output === this.output) ids = elementIds(page.html);
            compilation.emitAsset(page.output, new sources.RawSource(page.html));
          }
          for (const image of guide.images) {
            const file = path.join(this.guide, image);
            compilation.fileDependencies.add(file);
            compilation.emitAsset(image, new sources.RawSource(fs.readFileSync(file)));
          }
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

module.exports = { renderHelpPage, renderGuide, headingSlug, GUIDE_PAGES, rewriteHelpUrls, helpUrlProblems, elementIds, HelpPagePlugin, HELP_FILE, CONTENT_SECURITY_POLICY };
