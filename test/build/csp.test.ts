/**
 * The task pane page's Content-Security-Policy (issue 9 item 11): strict, Office.js from its CDN and
 * the add-in's own files, nothing inline. Checks the page template (what webpack copies into
 * dist/taskpane.html, where built-output.test.ts checks it again) and the pane's code, which must never
 * need an inline style or script.
 */
import * as fs from "fs";
import * as path from "path";
import { allowedScript, contentSecurityPolicy } from "./support/csp";

const ROOT = path.resolve(__dirname, "../..");
const TEMPLATE = path.join(ROOT, "src/taskpane/taskpane.html");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

describe("taskpane.html's Content-Security-Policy", () => {
  const html = fs.readFileSync(TEMPLATE, "utf8");
  const csp = contentSecurityPolicy(html);

  test("denies by default and allows nothing inline, no eval, no wildcard, no plug-ins, no base or form targets", () => {
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'none'"]);
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect({ name, source }).not.toEqual({ name, source: expect.stringMatching(/unsafe-|^\*$|^https?:$|^https:\/\/\*|^'nonce-|^'sha|^blob:$/) });
      }
    }
    expect(csp.get("style-src")).toEqual(["'self'"]);
  });

  test("scripts: the add-in's own files and Microsoft's Office.js CDN only (https)", () => {
    expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"]);
  });

  test("every script and stylesheet of the page is allowed, and the page has nothing inline", () => {
    const scriptSources = csp.get("script-src")!;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.map((s) => /src="([^"]+)"/.exec(s[1])?.[1])).toEqual([OFFICE_JS]);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe("");
      expect(allowedScript(/src="([^"]+)"/.exec(attributes)![1], scriptSources)).toBe(true);
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    const sheets = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/gi)].map((l) => /href="([^"]+)"/.exec(l[0])![1]);
    expect(sheets).toEqual(["taskpane.css"]);
  });

  test("the pane's code never needs what the policy forbids (inline styles, HTML strings, eval)", () => {
    const folder = path.join(ROOT, "src/taskpane");
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []);
    for (const file of files(folder)) {
      const code = fs.readFileSync(file, "utf8");
      const where = path.relative(ROOT, file);
      expect({ where, found: code.match(/\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|\beval\(|new Function\(|setAttribute\("style"|["']style["']\s*:/g) }).toEqual({ where, found: null });
    }
  });
});
