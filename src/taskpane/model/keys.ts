/**
 * The model's structure in the domain's own words: which sheets a model has, in which order, and which
 * tables they hold. src/i18n/model.ts maps these keys to Swedish and English text.
 */

export type SheetKey = "parameters" | "actors" | "projects" | "costs" | "repayment" | "fund" | "results"
  | "unitCosts";

/** The order sheets are created in, and the order they appear in the report. */
export const SHEET_ORDER: readonly SheetKey[] = ["parameters", "actors", "projects", "costs", "repayment", "fund", "results",
  "unitCosts"];

export type TableKey = "parameters" | "actors" | "projects" | "baseline" | "intervention" | "outcome"
  | "effects" | "savingInput" | "volume" | "optimismBias" | "unitCosts" | "priceIndex";

/** Every table key, for finding free table names. */
export const TABLE_KEYS: readonly TableKey[] = ["parameters", "actors", "projects", "baseline", "intervention", "outcome",
  "effects", "savingInput", "volume", "optimismBias", "unitCosts", "priceIndex"];
