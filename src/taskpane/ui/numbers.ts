import type { Language } from "../../i18n/language";

/**
 * Numbers as people type them, read by the pane's language (issue 9 item 2):
 * - Swedish: the comma is the decimal sign; a space (also no-break or narrow no-break) groups thousands.
 * - English: the point is the decimal sign; a comma (or a space) groups thousands.
 * A "−" is a minus; a trailing "%" is accepted only where a percentage is asked. A text that a reader of
 * the other language would read as another number ("1.500" in Swedish, "2,5" in English) is refused as
 * ambiguous rather than guessed.
 */

/** Why a text is not one number. */
export type NumberProblem = "notANumber" | "ambiguousNumber";
/** Why a list of amounts was not read: not numbers, or a text that could be one amount or several. */
export type AmountListProblem = "notAList" | "ambiguousList" | "ambiguousNumber";

export interface NumberOptions {
  /** A percentage field: a trailing "%" is allowed (the number is returned as typed: "3,5 %" → 3.5). */
  percent?: boolean;
}

const SPACE = "[ \\u00a0\\u202f]";
const SPACE_RUN = new RegExp(`${SPACE}+`, "g");
const MINUS = /^[-+\u2212]/;

/** An unsigned number in the language's own notation, with or without thousands grouping. */
const OWN: Record<Language, RegExp[]> = {
  sv: [/^\d+(,\d+)?$/, /^,\d+$/, new RegExp(`^\\d{1,3}(${SPACE}\\d{3})+(,\\d+)?$`)],
  en: [/^\d+(\.\d+)?$/, /^\.\d+$/, /^\d{1,3}(,\d{3})+(\.\d+)?$/, new RegExp(`^\\d{1,3}(${SPACE}\\d{3})+(\\.\\d+)?$`)],
};
/** Texts the other language reads differently: Swedish "1.500" (1 500 or 1,5?), English "2,5" (25 or 2.5?). */
const FOREIGN: Record<Language, RegExp[]> = {
  sv: [/^\d{1,3}(\.\d{3})+(,\d+)?$/, /^\d{1,3}(,\d{3})+\.\d+$/],
  en: [/^\d+,\d+$/, /^\d{1,3}(\.\d{3})+(,\d+)?$/],
};
/** An unambiguous decimal in the other notation: Swedish "3.5" (a point can group only 3 digits). */
const FOREIGN_DECIMAL: Record<Language, RegExp | null> = { sv: /^\d*\.\d+$/, en: null };

/** One number, or why the text is not one. */
export function readNumber(text: string, language: Language, options: NumberOptions = {}): number | NumberProblem {
  let s = text.trim();
  if (options.percent) s = s.replace(new RegExp(`${SPACE}*%$`), "");
  const negative = /^[-\u2212]/.test(s);
  s = s.replace(MINUS, "");
  if (s === "" || MINUS.test(s)) return "notANumber";
  let value: number;
  if (OWN[language].some((pattern) => pattern.test(s))) {
    const digits = s.replace(SPACE_RUN, "");
    value = Number(language === "sv" ? digits.replace(",", ".") : digits.replace(/,/g, ""));
  }
  else if (FOREIGN[language].some((pattern) => pattern.test(s))) return "ambiguousNumber";
  else if (FOREIGN_DECIMAL[language]?.test(s) && !/^\d{1,3}\.\d{3}$/.test(s)) value = Number(s);
  else return "notANumber";
  return negative ? -value : value;
}

/** One number, or null when the text is not one (for callers that need no reason). */
export function parseNumber(text: string, language: Language, options: NumberOptions = {}): number | null {
  const value = readNumber(text, language, options);
  return typeof value === "number" ? value : null;
}

/** Two numbers side by side that could also be one grouped amount: "1 500" (sv, en), "1,500" (en). */
const GROUPED_PAIR: Record<Language, RegExp> = {
  sv: new RegExp(`(^|${SPACE})[-\\u2212]?\\d{1,3}${SPACE}+\\d{3}(?!\\d)`),
  en: new RegExp(`(^|[ \\u00a0\\u202f,])[-\\u2212]?\\d{1,3}(${SPACE}+|,)\\d{3}(?![\\d])`),
};

/**
 * A list of yearly amounts. A semicolon (or a new line) separates years in both languages, and then
 * each item is one number of the language (spaces may group thousands, and commas do in English).
 * Without a semicolon, spaces separate (and commas in English) — unless two neighbours could also be
 * one grouped amount ("1 500", "1,500"): that is refused, so a typed amount never silently becomes two.
 */
export function parseAmountList(text: string, language: Language): number[] | AmountListProblem {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  let items: string[];
  if (/[;\n]/.test(trimmed)) items = trimmed.split(/[;\n]+/);
  else if (GROUPED_PAIR[language].test(trimmed)) return "ambiguousList";
  else items = trimmed.split(language === "sv" ? SPACE_RUN : new RegExp(`(?:${SPACE}|,)+`));
  items = items.map((item) => item.trim()).filter((item) => item !== "");
  const values: number[] = [];
  for (const item of items) {
    const value = readNumber(item, language);
    if (value === "ambiguousNumber") return value;
    if (typeof value !== "number") return "notAList";
    values.push(value);
  }
  return values;
}

/**
 * Shows a number the way the language writes it (at most 12 significant digits), so that it parses back
 * unchanged; `group` adds the language's thousands separator (a no-break space in Swedish, a comma in English).
 */
export function formatNumber(value: number, language: Language, options: { group?: boolean } = {}): string {
  if (!Number.isFinite(value)) return "";
  const rounded = Number(value.toPrecision(12));
  if (Math.abs(rounded) >= 1e21) return String(rounded);
  const [whole, fraction] = Math.abs(rounded).toFixed(Math.min(20, decimalsOf(rounded))).split(".");
  const grouped = options.group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === "sv" ? "\u00a0" : ",") : whole;
  const sign = rounded < 0 ? "-" : "";
  return sign + grouped + (fraction ? (language === "sv" ? "," : ".") + fraction : "");
}

/** The decimals a double needs to show all of its (≤ 12 significant) digits. */
function decimalsOf(value: number): number {
  const [mantissa, exponent] = Math.abs(value).toExponential().split("e");
  const digits = mantissa.replace(".", "").replace(/0+$/, "").length;
  return Math.max(0, digits - 1 - Number(exponent));
}

/** Years separated by "; " in both languages, the one separator that is never part of a number. */
export const formatAmountList = (values: readonly number[], language: Language): string =>
  values.map((value) => formatNumber(value, language)).join("; ");

/** A share 0..1 shown as a percentage: 0.035 → "3,5". */
export const formatPercent = (share: number, language: Language): string => formatNumber(share * 100, language);

/** "500 500 0 0 0" reads better as "500 500": missing years count as zero. */
export function withoutTrailingZeros(values: readonly number[]): number[] {
  let end = values.length;
  while (end > 1 && values[end - 1] === 0) end--;
  return values.slice(0, end);
}
