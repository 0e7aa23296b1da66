/** The two languages the product speaks. Swedish when Office's display language is Swedish, else English. */
export type Language = "sv" | "en";

/** Maps an Office/BCP-47 locale (e.g. "sv-SE", "en-US", "sv") to the product's language. */
export function languageOf(locale: string | undefined | null): Language {
  return typeof locale === "string" && /^sv(\b|[-_])/i.test(locale) ? "sv" : "en";
}
