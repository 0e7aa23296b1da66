import type Decimal from "decimal.js";
import { SocinvError } from "../errors";
import { checkDecimals, checkWholeNumber } from "../money";
import { amount, rounded, sum, toAmount } from "./amounts";

/**
 * How the years after the last realised one are re-forecast: as planned, or the plan scaled by the
 * realised-to-plan ratio of the realised years (Σ realised / Σ planned over those years, so one odd
 * year weighs as much as its money and not more).
 */
export type ReforecastMethod = "plan" | "scaled";
export const REFORECAST_METHODS: readonly ReforecastMethod[] = ["plan", "scaled"];

export interface Reforecast {
  /** Per year: realised for t < realisedYears, then the plan or the scaled plan (rounded to `decimals`). */
  values: number[];
  /** Σ realised / Σ planned over the realised years; null when there are none or their plan sums to 0 (the plan is then kept). */
  ratio: number | null;
  /** Σ values − Σ planned, exactly (the re-forecast's variance over the horizon). */
  change: number;
}

/**
 * The re-forecast of one series (a saving, a disbursement, a volume): realised years as realised,
 * remaining years as the plan or the plan × ratio, each year rounded half away from zero to `decimals`.
 * With no realised years it is the plan exactly, whatever the method.
 */
export function reforecast(planned: readonly number[], realised: readonly number[], realisedYears: number, method: ReforecastMethod, decimals?: number): Reforecast {
  if (!Array.isArray(planned)) throw new SocinvError("value", "planned", "notSeries");
  if (!Array.isArray(realised)) throw new SocinvError("value", "realised", "notSeries");
  if (!REFORECAST_METHODS.includes(method)) throw new SocinvError("value", "method", "unsupportedValue", { text: String(method) });
  const n = planned.length;
  const k = checkWholeNumber("realisedYears", realisedYears, 0, 0, n);
  if (realised.length < k) throw new SocinvError("value", "realised", "lengthMismatch", { expected: k, count: realised.length });
  const d = checkDecimals(decimals);
  const plan = planned.map((x, t) => amount("planned", x, t + 1));
  const actual = realised.slice(0, k).map((x, t) => amount("realised", x, t + 1));
  const planSoFar = sum(plan.slice(0, k));
  const ratio: Decimal | null = k > 0 && !planSoFar.isZero() ? sum(actual).div(planSoFar) : null;
  const scale = method === "scaled" && ratio !== null ? ratio : null;
  const values = plan.map((p, t) => (t < k ? actual[t] : scale === null ? p : rounded(p.times(scale), d)));
  return {
    values: values.map(toAmount),
    ratio: ratio === null ? null : toAmount(ratio),
    change: toAmount(sum(values).minus(sum(plan))),
  };
}
