import type { Language } from "./language";
import { modelTextsEn } from "./modelTexts.en";
import { modelTextsSv } from "./modelTexts.sv";

/**
 * The texts a model writes into the workbook (headers, labels, notes, warnings), in Swedish and English.
 * Sheet and table names, principal and repayment-model labels and the form's messages are in ./model.ts.
 */

/** Workbook texts. Functions take the values they interpolate. */
export const modelTexts = {
  sv: modelTextsSv,
  en: modelTextsEn,
} satisfies Record<Language, Record<string, string | Record<string, string> | ((...args: never[]) => string)>>;

export type ModelTexts = (typeof modelTexts)["sv"];
