/**
 * The domain's coded words, in one place each (DOMAIN.md). Everything else — the engine, the model
 * plan, the form, the Swedish and English labels in src/i18n — takes its lists from here.
 */

/** Who carries a cost or receives a saving (huvudman). */
export type Principal = "kommun" | "region" | "stat" | "individ" | "annan";
export const PRINCIPALS: readonly Principal[] = ["kommun", "region", "stat", "individ", "annan"];

/**
 * How the fund is paid back (återföringsmodell): fonden bär risken (repay realised savings),
 * förvaltningen bär risken (repay planned savings), gemensam insatsbudget (pooled), fördelningsnyckel (key).
 */
export type RepaymentModel = "fundBearsRisk" | "administrationBearsRisk" | "pooled" | "key";
export const REPAYMENT_MODELS: readonly RepaymentModel[] = ["fundBearsRisk", "administrationBearsRisk", "pooled", "key"];
