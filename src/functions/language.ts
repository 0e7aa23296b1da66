import { languageOf, type Language } from "../i18n/language";

/**
 * The language of Excel's user interface, read each time a message is needed (never at import,
 * so the functions load in Node and before Office is ready). Anything unexpected means English.
 */
export function displayLanguage(): Language {
  try {
    if (typeof Office === "undefined") return "en";
    return languageOf(Office.context?.displayLanguage);
  } catch {
    return "en";
  }
}
