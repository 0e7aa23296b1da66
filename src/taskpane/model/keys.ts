/**
 * The model's structure in the domain's own words: which sheets a model has, in which order, and which
 * tables they hold. src/i18n/model.ts maps these keys to Swedish and English text.
 */

export type ModelSheetKey = "parameters" | "actors" | "projects" | "costs" | "repayment" | "fund" | "results"
  | "unitCosts";
/** The model's sheets and those the pane's uncertainty section writes beside them (issue 11). */
export type SheetKey = ModelSheetKey | "uncertainty" | "simulation";

/** The order sheets are created in, and the order they appear in the report. */
export const SHEET_ORDER: readonly ModelSheetKey[] = ["parameters", "actors", "projects", "costs", "repayment", "fund", "results",
  "unitCosts"];

export type TableKey = "parameters" | "actors" | "projects" | "baseline" | "intervention" | "outcome"
  | "effects" | "savingInput" | "volume" | "optimismBias" | "unitCosts" | "priceIndex";

/** Every table key, for finding free table names. */
export const TABLE_KEYS: readonly TableKey[] = ["parameters", "actors", "projects", "baseline", "intervention", "outcome",
  "effects", "savingInput", "volume", "optimismBias", "unitCosts", "priceIndex"];

/** The follow-up's sheets (issue 12), added to an existing model: they reference its sheets by formula. */
export type FollowUpSheetKey = "logicModel" | "followUp" | "reforecast" | "report";
