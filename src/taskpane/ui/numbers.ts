import type { Language } from "../../i18n/language";

/**
 * Numbers as people type them in a Swedish or English pane: "3,5" and "3.5" both mean 3.5, spaces
 * (also non-breaking) are ignored inside one number, "−" is a minus. Anything else is not a number.
 */
export function parseNumber(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (s === "") return null;
  const commas = (s.match(/,/g) ?? []).length;
  if (s.includes(".")) s = s.replace(/,/g, ""); // "1,000.5": commas group thousands
  else if (commas === 1) s = s.replace(",", "."); // "3,5": decimal comma
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  return Number(s);
}

/**
 * A list of yearly amounts. Swedish separates with spaces or semicolons (the comma is the decimal
 * sign); English also with commas. Returns null when a token is not a number.
 */
export function parseAmountList(text: string, language: Language): number[] | null {
  const separators = language === "sv" ? /[\s\u00a0;]+/ : /[\s\u00a0;,]+/;
  const tokens = text.trim().split(separators).filter((token) => token !== "");
  const values = tokens.map(parseNumber);
  return values.every((value): value is number => value !== null) ? values : null;
}

/** Shows a number the way the language writes it, without grouping so it parses back unchanged. */
export function formatNumber(value: number, language: Language): string {
  if (!Number.isFinite(value)) return "";
  const text = String(Number(value.toPrecision(12)));
  return language === "sv" ? text.replace(".", ",") : text;
}

export const formatAmountList = (values: readonly number[], language: Language): string =>
  values.map((value) => formatNumber(value, language)).join(language === "sv" ? " " : ", ");

/** A share 0..1 shown as a percentage: 0.035 → "3,5". */
export const formatPercent = (share: number, language: Language): string => formatNumber(share * 100, language);
