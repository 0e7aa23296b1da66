import type Decimal from "decimal.js";
import { checkDecimals } from "../money";
import { amount, rounded, toAmount } from "./amounts";

/**
 * Variance of a realised amount against its plan: in kronor (realised − planned, so a saving above
 * plan or a disbursement above plan is positive) and as a share of the plan (null when the plan is 0:
 * a per cent of nothing is not a number a nämnd can read).
 */
export interface Variance {
  planned: number;
  realised: number;
  /** realised − planned, rounded to `decimals`. */
  amount: number;
  /** (realised − planned) / |planned|; null when planned = 0. */
  share: number | null;
}

export function variance(planned: number, realised: number, decimals?: number): Variance {
  const d = checkDecimals(decimals);
  const p = amount("planned", planned);
  const r = amount("realised", realised);
  return {
    planned: toAmount(rounded(p, d)),
    realised: toAmount(rounded(r, d)),
    amount: toAmount(rounded(r, d).minus(rounded(p, d))),
    share: shareOf(r.minus(p), p),
  };
}

/** difference / |base| as a double; null when base is 0. */
export function shareOf(difference: Decimal, base: Decimal): number | null {
  return base.isZero() ? null : toAmount(difference.div(base.abs()));
}

/**
 * An effect entered as volume × unit cost (placements avoided × cost per placement), planned and
 * realised, and its variance split into
 *  - a volume part at the planned unit cost: (realised volume − planned volume) · planned unit cost,
 *  - a price part at the realised volume: (realised unit cost − planned unit cost) · realised volume.
 * The convention (the textbook one for cost variances: quantity at standard price, price at actual
 * quantity) makes the two parts add up to the variance with no joint term:
 *   Vp·Pp + (Vr − Vp)·Pp + (Pr − Pp)·Vr = Vr·Pr.
 * Exactly, and in kronor too: planned and realised amounts are each rounded to `decimals`, the variance
 * is the difference of the rounded amounts, the volume part is rounded, and the price part is the
 * variance less the volume part, so the shown parts add up to the shown variance to the krona (the
 * price part then lies within 1.5 units of its exact value).
 */
export interface VolumePriceVariance {
  planned: number;
  realised: number;
  variance: number;
  volumePart: number;
  pricePart: number;
  /** The same four, unrounded: planned, realised, variance, volume part, price part (exact decimals). */
  exact: { planned: Decimal; realised: Decimal; variance: Decimal; volumePart: Decimal; pricePart: Decimal };
}

export interface VolumeAndUnitCost {
  plannedVolume: number;
  plannedUnitCost: number;
  realisedVolume: number;
  realisedUnitCost: number;
}

export function volumePriceVariance(input: VolumeAndUnitCost, decimals?: number): VolumePriceVariance {
  const d = checkDecimals(decimals);
  const vp = amount("plannedVolume", input.plannedVolume);
  const pp = amount("plannedUnitCost", input.plannedUnitCost);
  const vr = amount("realisedVolume", input.realisedVolume);
  const pr = amount("realisedUnitCost", input.realisedUnitCost);
  const planned = vp.times(pp);
  const realised = vr.times(pr);
  const volumePart = vr.minus(vp).times(pp);
  const pricePart = pr.minus(pp).times(vr);
  const shownVariance = rounded(realised, d).minus(rounded(planned, d));
  const shownVolume = rounded(volumePart, d);
  return {
    planned: toAmount(rounded(planned, d)),
    realised: toAmount(rounded(realised, d)),
    variance: toAmount(shownVariance),
    volumePart: toAmount(shownVolume),
    pricePart: toAmount(shownVariance.minus(shownVolume)),
    exact: { planned, realised, variance: realised.minus(planned), volumePart, pricePart },
  };
}
