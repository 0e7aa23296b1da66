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

/** Why a list of amounts was not read: not numbers, or a text that could be one amount or several. */
export type AmountListProblem = "notAList" | "ambiguousList";

const SPACES = "[\\s\\u00a0\\u202f]";
/** "1 500" or "12 000 000,5": one Swedish amount with spaces between thousands. */
const SWEDISH_GROUPED = new RegExp(`^[-+\\u2212]?\\d{1,3}(${SPACES}\\d{3})+(,\\d+)?$`);
/** "1,500" or "12,000,000.5": one English amount with commas between thousands. */
const ENGLISH_GROUPED = /^[-+\u2212]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A list of yearly amounts. A semicolon (or a new line) always separates years; then spaces inside an
 * amount group thousands in Swedish ("1 500; 300") and commas do in English ("1,500; 300"). Without a
 * semicolon, Swedish separates with spaces and English with spaces or commas — except when the whole
 * text also reads as one grouped amount ("1 500", "1,500"): that is ambiguous, and refused rather than
 * guessed, so a typed amount never silently becomes another.
 */
export function parseAmountList(text: string, language: Language): number[] | AmountListProblem {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  const grouped = language === "sv" ? SWEDISH_GROUPED : ENGLISH_GROUPED;
  let items: string[];
  if (/[;\n]/.test(trimmed)) items = trimmed.split(/[;\n]+/).map((item) => item.trim()).filter((item) => item !== "");
  else if (grouped.test(trimmed)) return "ambiguousList";
  else items = trimmed.split(language === "sv" ? new RegExp(`${SPACES}+`) : new RegExp(`(?:${SPACES}|,)+`)).filter((item) => item !== "");
  const values = items.map((item) => parseNumber(language === "en" && ENGLISH_GROUPED.test(item) ? item.replace(/,/g, "") : item));
  return values.every((value): value is number => value !== null) ? values : "notAList";
}

/** Shows a number the way the language writes it, without grouping so it parses back unchanged. */
export function formatNumber(value: number, language: Language): string {
  if (!Number.isFinite(value)) return "";
  const text = String(Number(value.toPrecision(12)));
  return language === "sv" ? text.replace(".", ",") : text;
}

export const formatAmountList = (values: readonly number[], language: Language): string =>
  values.map((value) => formatNumber(value, language)).join(language === "sv" ? "; " : ", ");

/** A share 0..1 shown as a percentage: 0.035 → "3,5". */
export const formatPercent = (share: number, language: Language): string => formatNumber(share * 100, language);
