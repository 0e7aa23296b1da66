/**
 * What Excel makes of a string entered into a cell (through range.values or range.formulas), as
 * en-US Excel does in a General cell. The double applies it so that tests see what real Excel would
 * keep: a name such as "2030" or "1/2" written through formulas becomes a number or a date.
 *
 * The subset, kept simple on purpose (anything else stays text):
 * - a leading apostrophe is dropped and the rest is text ("'x" → "x", "'2030" → the text "2030");
 * - TRUE / FALSE (any case) → booleans;
 * - Excel's error literals (#N/A, #VALUE!, #DIV/0!, …, any case) → errors;
 * - numbers with a point as the decimal sign and commas only as thousands separators in groups of
 *   three ("2030", "-1.5", "1,000", "1e3", surrounding spaces ignored): "1.5" → 1.5, while "1,5" is
 *   not an en-US number and stays the text "1,5";
 * - a number followed by "%" → a hundredth of it, the cell formatted "0%" (or "0.00%" with decimals);
 * - dates m/d (this year), m/d/yy and m/d/yyyy (yy < 30 → 20yy), and yyyy-mm-dd → the date serial
 *   (days since 1899-12-30), formatted "d-mmm", "m/d/yyyy" and "m/d/yyyy" respectively.
 * Not modelled: currencies, times, fractions ("1 1/2"), month names, negative numbers in parentheses.
 */
import type { CellValue } from "./state";

export interface Entry {
  value: CellValue;
  /** The value is one of Excel's error literals (value holds its text, e.g. "#N/A"). */
  error: boolean;
  /** The number format Excel gives a General cell for this entry (percent, date), if any. */
  numberFormat?: string;
}

const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BUSY!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"];

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:e[+-]?\d+)?$/i;

/** The en-US number in `text`, or null: commas only as thousands separators, a point as the decimal sign. */
function parseNumber(text: string): number | null {
  if (!NUMBER.test(text) || !/\d/.test(text.replace(/e.*$/i, ""))) return null;
  const n = Number(text.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

const DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Excel's date serial for a calendar date, or null when the date does not exist (2/30). */
function dateSerial(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return Math.round((time - EPOCH) / DAY);
}

function parseDate(text: string, today: Date): { serial: number; numberFormat: string } | null {
  const us = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(text);
  if (us) {
    const [month, day] = [Number(us[1]), Number(us[2])];
    const yearText = us[3];
    let year = today.getUTCFullYear();
    if (yearText !== undefined) year = yearText.length === 4 ? Number(yearText) : Number(yearText) + (Number(yearText) < 30 ? 2000 : 1900);
    const serial = year >= 1900 ? dateSerial(year, month, day) : null;
    return serial === null ? null : { serial, numberFormat: yearText === undefined ? "d-mmm" : "m/d/yyyy" };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    const serial = Number(iso[1]) >= 1900 ? dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
    return serial === null ? null : { serial, numberFormat: "m/d/yyyy" };
  }
  return null;
}

/** What a General cell holds after `text` (not a formula) is entered into it; `today` dates "1/2". */
export function enterText(text: string, today: Date): Entry {
  if (text.startsWith("'")) return { value: text.slice(1), error: false };
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE", error: false };
  if (ERRORS.includes(upper)) return { value: upper, error: true };
  const number = parseNumber(trimmed);
  if (number !== null) return { value: number, error: false };
  const percent = /^(.*\d)\s*%$/.exec(trimmed);
  const share = percent ? parseNumber(percent[1]) : null;
  if (share !== null) return { value: share / 100, error: false, numberFormat: /\.\d*[1-9]/.test(percent![1]) ? "0.00%" : "0%" };
  const date = parseDate(trimmed, today);
  if (date) return { value: date.serial, error: false, numberFormat: date.numberFormat };
  return { value: text, error: false };
}

/** True when `text` entered into a General cell would not stay this very text (HyperFormula needs a "'" for it). */
export function changesOnEntry(text: string, today: Date): boolean {
  const entry = enterText(text, today);
  return entry.error || entry.value !== text;
}
