/**
 * @jest-environment jsdom
 *
 * The help pages: the user guide (docs/guide/) rendered into help.html and help-en.html, every
 * function's helpUrl pointing at its section there, moved to $ADDIN_URL in a production build, pages
 * that load nothing but their own pictures, and a build that fails on a missing picture.
 *
 * The rewrite and the renderer are unit-tested; one production build with ADDIN_URL set, into a
 * temporary directory (dist/ belongs to built-output.test.ts), checks them end to end.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CONTENT_SECURITY_POLICY, elementIds, headingSlug, HelpPagePlugin, helpUrlProblems, renderGuide, renderHelpPage, rewriteHelpUrls } from "../../scripts/help-page";
import type { FunctionsMetadata } from "../../scripts/sv-metadata";

const { productionUrl, DEV_URL } = require("../../webpack.config.js") as { productionUrl: (value?: string) => string; DEV_URL: string };

const ROOT = path.resolve(__dirname, "../..");
const ADDIN_URL = "https://addin.example.se/socinv";
const IDS = ["discount", "lifecycle", "neteffect", "netbenefit", "bcr", "payback", "repayment", "repaymentplan", "allocate", "fundbalance"];

function metadata(helpUrls: (string | undefined)[]): string {
  const functions = helpUrls.map((helpUrl, i) => ({ id: `F${i}`, name: `F${i}`, description: "d", ...(helpUrl ? { helpUrl } : {}) }));
  return JSON.stringify({ allowCustomDataForDataTypeAny: true, functions }, null, 4);
}

/**
 * What the page would fetch by itself: anything but an <a href> (a link the user may follow) and,
 * when allowed, a picture of its own (a relative images/… address). Scripts are counted even
 * inline: the page needs none.
 */
function loadedResources(html: string, { ownImages = false } = {}): string[] {
  const page = new DOMParser().parseFromString(html, "text/html");
  const found: string[] = [];
  for (const element of page.querySelectorAll("script, iframe, frame, object, embed, base, link, img, video, audio, source, track, input[type=image]")) {
    if (ownImages && element.localName === "img") continue; // judged by its src below
    found.push(element.outerHTML.slice(0, 80));
  }
  for (const element of page.querySelectorAll("[src], [srcset], [poster], [data], [background], [action], [formaction]")) {
    if (ownImages && element.localName === "img" && /^images\/[\w.-]+\.png$/.test(element.getAttribute("src")!) && element.attributes.length <= 2) continue;
    found.push(element.outerHTML.slice(0, 80));
  }
  for (const element of page.querySelectorAll("[href]")) if (element.localName !== "a") found.push(element.outerHTML.slice(0, 80));
  for (const element of page.querySelectorAll("[style]")) if (/url\(|@import/i.test(element.getAttribute("style")!)) found.push(element.outerHTML.slice(0, 80));
  for (const style of page.querySelectorAll("style")) for (const m of style.textContent!.matchAll(/url\([^)]*\)|@import[^;]*/gi)) found.push(m[0]);
  for (const meta of page.querySelectorAll("meta[http-equiv]")) if (/refresh/i.test(meta.getAttribute("http-equiv")!)) found.push(meta.outerHTML);
  for (const element of page.querySelectorAll("*")) {
    for (const attribute of element.attributes) if (/^on/i.test(attribute.name)) found.push(`${element.localName} ${attribute.name}`);
  }
  return [...new Set(found)];
}

describe("rewriteHelpUrls", () => {
  const dev = metadata([`${DEV_URL}help.html#socinvdiscount`, `${DEV_URL}help.html#socinvbcr`]);

  it("moves every helpUrl from the dev server to the add-in URL, keeping the anchor and the other fields", () => {
    const rewritten = JSON.parse(rewriteHelpUrls(dev, DEV_URL, `${ADDIN_URL}/`)) as FunctionsMetadata;
    expect(rewritten.functions.map((f) => f.helpUrl)).toEqual([`${ADDIN_URL}/help.html#socinvdiscount`, `${ADDIN_URL}/help.html#socinvbcr`]);
    expect(rewritten.allowCustomDataForDataTypeAny).toBe(true);
    expect(rewritten.functions.map((f) => [f.id, f.name, f.description])).toEqual([
      ["F0", "F0", "d"],
      ["F1", "F1", "d"],
    ]);
  });

  it("with webpack's productionUrl: ADDIN_URL without a trailing slash still gives <ADDIN_URL>/help.html#…", () => {
    const rewritten = JSON.parse(rewriteHelpUrls(dev, DEV_URL, productionUrl(ADDIN_URL))) as FunctionsMetadata;
    expect(rewritten.functions[0].helpUrl).toBe("https://addin.example.se/socinv/help.html#socinvdiscount");
  });

  it("returns the text untouched when ADDIN_URL is unset (productionUrl() is the dev URL)", () => {
    expect(rewriteHelpUrls(dev, DEV_URL, productionUrl(""))).toBe(dev);
  });

  it("keeps the input's indentation (4 spaces in functions.json, 2 in functions.sv-SE.json)", () => {
    expect(rewriteHelpUrls(dev, DEV_URL, `${ADDIN_URL}/`)).toMatch(/^\{\n {4}"allowCustomDataForDataTypeAny"/);
    const twoSpaces = JSON.stringify(JSON.parse(dev), null, 2);
    expect(rewriteHelpUrls(twoSpaces, DEV_URL, `${ADDIN_URL}/`)).toMatch(/^\{\n {2}"allowCustomDataForDataTypeAny"/);
  });

  it("leaves alone URLs on other hosts, a look-alike host, and functions without a helpUrl", () => {
    const other = "https://example.org/help#x";
    const lookAlike = "https://localhost:30001/help.html#y";
    const text = metadata([other, lookAlike, undefined, `${DEV_URL}help.html#z`]);
    const urls = (JSON.parse(rewriteHelpUrls(text, DEV_URL, `${ADDIN_URL}/`)) as FunctionsMetadata).functions.map((f) => f.helpUrl);
    expect(urls).toEqual([other, lookAlike, undefined, `${ADDIN_URL}/help.html#z`]);
  });
});

describe("elementIds", () => {
  it("finds ids quoted, single-quoted and unquoted (as the production build minifies them), not data-id", () => {
    expect([...elementIds(`<a id="a"></a><p id='b'><a id=c></a><i data-id="d" id = e>`)]).toEqual(["a", "b", "c", "e"]);
  });
});

describe("helpUrlProblems", () => {
  const page = `${DEV_URL}help.html`;
  it("accepts anchors the page has and names each one it lacks, each off-page URL and each missing URL", () => {
    const text = metadata([`${page}#socinvbcr`, `${page}#socinvnope`, "https://github.com/x#socinvbcr", undefined]);
    expect(helpUrlProblems(text, page, new Set(["socinvbcr"]))).toEqual([
      'F1: help.html has no anchor id="socinvnope" (docs/guide/README.md)',
      `F2: helpUrl https://github.com/x#socinvbcr is not on ${page}`,
      "F3: no @helpurl",
    ]);
  });
});

describe("renderHelpPage", () => {
  const markdown = [
    "# Title",
    "",
    '<a id="socinvx"></a>',
    "### SOCINV.X · SOCINV.IKS",
    "",
    "| a | b |",
    "|---|---:|",
    "| `<script>` | 2 |",
    "",
    "```sh",
    "npm ci && npm test",
    "```",
    "",
    "- one",
    "- see https://localhost:3000 and [the docs](https://example.org/docs)",
  ].join("\n");
  const html = renderHelpPage(markdown);
  const page = new DOMParser().parseFromString(html, "text/html");

  it("keeps the inline anchor, just before its heading", () => {
    const anchor = page.getElementById("socinvx")!;
    expect(anchor.localName).toBe("a");
    expect(anchor.parentElement!.nextElementSibling!.outerHTML).toBe('<h3 id="socinvx--socinviks">SOCINV.X · SOCINV.IKS</h3>');
  });

  it("renders tables (with alignment), code blocks, escaped inline code and lists; the title from the first heading", () => {
    expect([...page.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["a", "b"]);
    expect(page.querySelector("td[align=right]")!.textContent).toBe("2");
    expect(page.querySelector("td code")!.textContent).toBe("<script>");
    expect(page.querySelectorAll("script")).toHaveLength(0);
    expect(page.querySelector("pre code")!.textContent).toBe("npm ci && npm test\n");
    expect(page.querySelectorAll("ul > li")).toHaveLength(2);
    expect(page.title).toBe("Title – hjälp / help");
  });

  it("links stay plain links, and the page loads nothing: no scripts, no external styles, fonts or images", () => {
    expect([...page.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"))).toEqual(["https://localhost:3000", "https://example.org/docs"]);
    expect(loadedResources(html)).toEqual([]);
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none';/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src|https?:/);
  });

  it("the no-requests check itself catches what would load: a script, a stylesheet, an image, a CSS url(), a handler", () => {
    const bad = renderHelpPage(
      [
        '<script src="https://cdn.example/x.js"></script>',
        '<link rel="stylesheet" href="https://cdn.example/x.css">',
        '<img src="https://cdn.example/x.png">',
        '<p style="background: url(https://cdn.example/y.png)" onclick="x()">p</p>',
      ].join("\n\n"),
    );
    expect(loadedResources(bad).length).toBeGreaterThanOrEqual(4);
  });

  it("styles light and dark (prefers-color-scheme) with Fluent 2 tokens", () => {
    const css = page.querySelector("style")!.textContent!;
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(css).toMatch(/--brand-fg-link: #115ea3/); // Fluent 2 web light, as in taskpane.css
    expect(css).toMatch(/--brand-fg-link: #479ef5/); // and dark
  });
});

describe("headingSlug", () => {
  it("makes GitHub's ids: lower case, punctuation gone, Swedish letters kept, spaces to hyphens", () => {
    expect(headingSlug("Vad är tillägget till för?")).toBe("vad-är-tillägget-till-för");
    expect(headingSlug("SOCINV.BCR · SOCINV.NYTTOKVOT")).toBe("socinvbcr--socinvnyttokvot");
    expect(headingSlug("#VALUE! och #SPILL!")).toBe("value-och-spill");
  });
});

describe("renderGuide", () => {
  const pages = [
    { source: "README.md", output: "help.html", lang: "sv" },
    { source: "en.md", output: "help-en.html", lang: "en" },
  ];
  /** A guide held in memory: file name → text; `pictures` the image files that exist. */
  function guide(files: Record<string, string>, pictures: string[] = []) {
    const dir = "/guide";
    return renderGuide(dir, {
      pages,
      read: (file) => files[path.relative(dir, file)],
      exists: (file) => pictures.includes(path.relative(dir, file)),
    });
  }
  const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");

  it("rewrites links for dist/: en.md#x → help-en.html#x, ../../dist/file → file; pictures stay under images/", () => {
    const result = guide(
      {
        "README.md": "# Guide\n\n[English](en.md#start) · [exempel](../../dist/Exempel.xlsx) · [ned](#del-två)\n\n![Fönstret](images/pane-sv-320.png)\n\n## Del två",
        "en.md": "# Guide\n\n## Start\n\n[Svenska](README.md)",
      },
      ["images/pane-sv-320.png"],
    );
    expect(result.problems).toEqual([]);
    expect(result.images).toEqual(["images/pane-sv-320.png"]);
    const sv = parse(result.pages[0].html);
    expect([...sv.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"))).toEqual(["help-en.html#start", "Exempel.xlsx", "#del-tv%C3%A5"]); // marked percent-encodes; the browser decodes to find the id
    expect(sv.querySelector("img")!.getAttribute("src")).toBe("images/pane-sv-320.png");
    expect(sv.documentElement.lang).toBe("sv");
    expect(parse(result.pages[1].html).querySelector("a")!.getAttribute("href")).toBe("help.html");
    expect(loadedResources(result.pages[0].html, { ownImages: true })).toEqual([]);
  });

  it("names every missing picture, page and anchor (the build fails on each)", () => {
    const result = guide({
      "README.md": "# G\n\n![a](images/missing.png) ![b](../secret.png) [c](other.md) [d](en.md#nowhere) [e](#här-inte)",
      "en.md": "# G",
    });
    expect(result.problems).toEqual([
      "README.md: refers to a missing picture images/missing.png",
      "README.md: refers to a missing picture ../secret.png",
      "README.md: links to other.md, which is not a page of the guide nor a file in dist/ (../../dist/…)",
      "README.md: links to help-en.html#nowhere, which has no such heading or anchor",
      "README.md: links to help.html#här-inte, which has no such heading or anchor",
    ]);
    expect(result.images).toEqual([]);
  });

  it("the real guide in docs/guide renders without a problem, each function's anchor in both languages", () => {
    const result = renderGuide(path.join(ROOT, "docs/guide"));
    expect(result.problems).toEqual([]);
    for (const page of result.pages) {
      const ids = elementIds(page.html);
      expect(IDS.filter((id) => !ids.has(`socinv${id}`))).toEqual([]);
      expect(loadedResources(page.html, { ownImages: true })).toEqual([]);
    }
    for (const image of result.images) expect(fs.existsSync(path.join(ROOT, "docs/guide", image))).toBe(true);
  });
});

describe("HelpPagePlugin", () => {
  /**
   * The plugin run by a stand-in for webpack's compiler (webpack's own Compilation stages, error
   * class and sources): what it emits and the errors that fail the build.
   */
  function runPlugin(guideDir: string): { assets: Map<string, Buffer>; errors: string[] } {
    const webpack = require("webpack") as typeof import("webpack");
    const assets = new Map<string, Buffer>();
    const errors: Error[] = [];
    const stages: { stage: number; fn: () => void }[] = [];
    const compilation = {
      errors,
      fileDependencies: new Set<string>(),
      contextDependencies: new Set<string>(),
      hooks: { processAssets: { tap: (options: { stage: number }, fn: () => void) => stages.push({ stage: options.stage, fn }) } },
      emitAsset: (name: string, source: { buffer(): Buffer }) => assets.set(name, source.buffer()),
      getAsset: () => undefined,
    };
    const compiler = { webpack, hooks: { thisCompilation: { tap: (_: string, fn: (c: typeof compilation) => void) => fn(compilation) } } };
    new HelpPagePlugin({ guide: guideDir, devUrl: "https://localhost:3000/", addinUrl: "https://localhost:3000/" }).apply(compiler as never);
    for (const { fn } of stages.sort((a, b) => a.stage - b.stage)) fn();
    return { assets, errors: errors.map((e) => e.message) };
  }

  function guideIn(files: Record<string, string | Buffer>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "socinv-guide-"));
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), content);
    }
    return dir;
  }
  const png = fs.readFileSync(path.join(ROOT, "assets", "icon-16.png"));

  it("emits both pages and the pictures they use, without an error", () => {
    const dir = guideIn({ "README.md": "# G\n\n![p](images/a.png)", "en.md": "# G", "images/a.png": png, "images/unused.png": png });
    const { assets, errors } = runPlugin(dir);
    expect(errors).toEqual([]);
    expect([...assets.keys()].sort()).toEqual(["help-en.html", "help.html", "images/a.png"]);
    expect(assets.get("images/a.png")!.equals(png)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("fails the build when a page refers to a missing picture", () => {
    const dir = guideIn({ "README.md": "# G\n\n![p](images/gone.png)", "en.md": "# G" });
    expect(runPlugin(dir).errors).toEqual(["help.html: README.md: refers to a missing picture images/gone.png"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe(`a production build with ADDIN_URL=${ADDIN_URL}`, () => {
  let out: string;
  const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");
  const helpUrls = (file: string) => (JSON.parse(read(file)) as FunctionsMetadata).functions.map((f) => [f.id, f.helpUrl]);

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "socinv-help-"));
    const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    try {
      execFileSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], {
        cwd: ROOT,
        env: { ...process.env, ADDIN_URL },
        stdio: "pipe",
        encoding: "utf8",
        timeout: 300_000,
      });
    } catch (error) {
      const output = error as { stdout?: string; stderr?: string };
      throw new Error(`webpack --mode production failed:\n${output.stdout ?? ""}\n${output.stderr ?? ""}`);
    }
  }, 300_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it.each(["functions.json", "functions.sv-SE.json"])("%s: each of the ten helpUrls is <ADDIN_URL>/help.html#socinv<id>", (file) => {
    expect(helpUrls(file)).toEqual(IDS.map((id) => [id.toUpperCase(), `${ADDIN_URL}/help.html#socinv${id}`]));
  });

  it("help.html has each of those anchors, right before its function's heading, and loads nothing", () => {
    const html = read("help.html");
    const page = new DOMParser().parseFromString(html, "text/html");
    for (const id of IDS) {
      const heading = page.getElementById(`socinv${id}`)!.parentElement!.nextElementSibling!;
      // The Swedish page names the Swedish function first: "SOCINV.DISKONTERA · SOCINV.DISCOUNT".
      expect([heading.localName, heading.textContent!.split(" · ").includes(`SOCINV.${id.toUpperCase()}`)]).toEqual(["h3", true]);
    }
    expect(loadedResources(html, { ownImages: true })).toEqual([]);
    expect(elementIds(html).size).toBeGreaterThanOrEqual(IDS.length);
  });

  it("the manifest's SupportUrl and LearnMoreUrl point at the help page there", () => {
    const manifest = read("manifest.xml");
    expect(/<SupportUrl DefaultValue="([^"]*)"/.exec(manifest)![1]).toBe(`${ADDIN_URL}/help.html`);
    expect(/<bt:Url id="GetStarted\.LearnMoreUrl" DefaultValue="([^"]*)"/.exec(manifest)![1]).toBe(`${ADDIN_URL}/help.html`);
  });
});
