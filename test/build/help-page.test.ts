/**
 * @jest-environment jsdom
 *
 * The help page: README.md rendered into help.html, every function's helpUrl pointing at its
 * section there, moved to $ADDIN_URL in a production build, and a page that loads nothing.
 *
 * The rewrite and the renderer are unit-tested; one production build with ADDIN_URL set, into a
 * temporary directory (dist/ belongs to built-output.test.ts), checks them end to end.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CONTENT_SECURITY_POLICY, elementIds, helpUrlProblems, renderHelpPage, rewriteHelpUrls } from "../../scripts/help-page";
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
 * What the page would fetch by itself: anything but an <a href> (a link the user may follow).
 * Scripts are counted even inline: the page needs none.
 */
function loadedResources(html: string): string[] {
  const page = new DOMParser().parseFromString(html, "text/html");
  const found: string[] = [];
  for (const element of page.querySelectorAll("script, iframe, frame, object, embed, base, link, img, video, audio, source, track, input[type=image]")) {
    found.push(element.outerHTML.slice(0, 80));
  }
  for (const element of page.querySelectorAll("[src], [srcset], [poster], [data], [background], [action], [formaction]")) {
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
      'F1: help.html has no anchor id="socinvnope" (README.md)',
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
    expect(anchor.parentElement!.nextElementSibling!.outerHTML).toBe("<h3>SOCINV.X · SOCINV.IKS</h3>");
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
      expect([heading.localName, heading.textContent!.split(" · ")[0]]).toEqual(["h3", `SOCINV.${id.toUpperCase()}`]);
    }
    expect(loadedResources(html)).toEqual([]);
    expect(elementIds(html).size).toBeGreaterThanOrEqual(IDS.length);
  });

  it("the manifest's SupportUrl and LearnMoreUrl point at the help page there", () => {
    const manifest = read("manifest.xml");
    expect(/<SupportUrl DefaultValue="([^"]*)"/.exec(manifest)![1]).toBe(`${ADDIN_URL}/help.html`);
    expect(/<bt:Url id="GetStarted\.LearnMoreUrl" DefaultValue="([^"]*)"/.exec(manifest)![1]).toBe(`${ADDIN_URL}/help.html`);
  });
});
