import type { Compiler } from "webpack";

/** The file the build writes the Swedish guide to, next to taskpane.html: every helpUrl's page. */
export const HELP_FILE: "help.html";
/** The page's own Content-Security-Policy: inline styles and same-origin images only, nothing else. */
export const CONTENT_SECURITY_POLICY: string;
/** The guide's pages: Markdown in docs/guide/ → page in dist/. */
export const GUIDE_PAGES: { source: string; output: string; lang: string }[];

/** The whole self-contained help page for a Markdown text (title defaults to its first level-1 heading). */
export function renderHelpPage(
  markdown: string,
  options?: { title?: string; lang?: string; link?: (href: string, kind: "link" | "image") => string },
): string;
/** Every page of the guide in dir, the pictures they use, and what is missing (a picture, a page, an anchor). */
export function renderGuide(
  dir: string,
  options?: { pages?: { source: string; output: string; lang: string }[]; exists?: (file: string) => boolean; read?: (file: string) => string },
): { pages: { output: string; lang: string; html: string }[]; images: string[]; problems: string[] };
/** A heading's id as GitHub makes it. */
export function headingSlug(text: string): string;
/** Every id="…" in a page. */
export function elementIds(html: string): Set<string>;
/** Each function's helpUrl starting with fromBase, moved to toBase; the text itself when nothing changes. */
export function rewriteHelpUrls(metadataText: string, fromBase: string, toBase: string): string;
/** Functions whose helpUrl is missing, not on helpPageUrl, or names an anchor not in ids. */
export function helpUrlProblems(metadataText: string, helpPageUrl: string, ids: Set<string>): string[];

export class HelpPagePlugin {
  constructor(options: { guide?: string; metadataFiles?: string[]; devUrl: string; addinUrl: string });
  apply(compiler: Compiler): void;
}
