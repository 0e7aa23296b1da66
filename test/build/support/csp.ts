/** Reading a page's Content-Security-Policy meta element (csp.test.ts and built-output.test.ts). */

/** The directives of the page's CSP meta element, as name → sources. */
export function contentSecurityPolicy(html: string): Map<string, string[]> {
  const meta = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]).find((m) => /http-equiv\s*=\s*["']?Content-Security-Policy\b/i.test(m));
  if (!meta) throw new Error("no Content-Security-Policy meta element");
  // Minified pages drop the quotes of attribute values without spaces; the policy has spaces.
  const content = /content\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(meta)!.slice(1).find((x) => x !== undefined)!;
  return new Map(content.split(";").map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name, sources] as [string, string[]];
  }));
}

/** Whether a script URL is allowed by script-src ('self' = a relative URL of the add-in). */
export function allowedScript(url: string, sources: string[]): boolean {
  if (!/^[a-z]+:/i.test(url)) return sources.includes("'self'");
  const origin = new URL(url).origin;
  return sources.includes(origin);
}

