import type { Compiler } from "webpack";

/** The file the build writes the help page to, next to taskpane.html. */
export const HELP_FILE: "help.html";
/** The page's own Content-Security-Policy: inline styles and same-origin images only, nothing else. */
export const CONTENT_SECURITY_POLICY: string;

/** The whole self-contained help page for a README (title defaults to its first level-1 heading). */
export function renderHelpPage(markdown: string, options?: { title?: string; lang?: string }): string;
/** Every id="…" in a page. */
export function elementIds(html: string): Set<string>;
/** Each function's helpUrl starting with fromBase, moved to toBase; the text itself when nothing changes. */
export function rewriteHelpUrls(metadataText: string, fromBase: string, toBase: string): string;
/** Functions whose helpUrl is missing, not on helpPageUrl, or names an anchor not in ids. */
export function helpUrlProblems(metadataText: string, helpPageUrl: string, ids: Set<string>): string[];

export class HelpPagePlugin {
  constructor(options: { readme?: string; output?: string; metadataFiles?: string[]; devUrl: string; addinUrl: string });
  apply(compiler: Compiler): void;
}
