import { checkFraction } from "./money";
import { SocinvError } from "./errors";
import { nonFiniteError } from "./discount";

/**
 * From gross to net effect (SROI, Green Book, GMCA): what would have happened anyway (deadweight),
 * what others caused (attribution), what only moved elsewhere (displacement) and how the effect
 * fades year by year after it first appears (drop-off).
 */

export interface EffectAdjustments {
  /** Share that would have happened anyway; default 0. */
  deadweight?: number;
  /** Share caused by this intervention; default 1. */
  attribution?: number;
  /** Share that only moved elsewhere; default 0. */
  displacement?: number;
  /** Yearly decline after the first year with an effect; default 0. */
  dropoff?: number;
}

/**
 * The adjustments checked and folded into two factors: net[t] = gross[t]·scale·keep^(t − t₁), with
 * scale = (1−deadweight)·attribution·(1−displacement) and keep = 1 − dropoff.
 */
export function effectFactors(adjustments: EffectAdjustments = {}): { scale: number; keep: number } {
  const deadweight = checkFraction("deadweight", adjustments.deadweight, 0);
  const attribution = checkFraction("attribution", adjustments.attribution, 1);
  const displacement = checkFraction("displacement", adjustments.displacement, 0);
  const dropoff = checkFraction("dropoff", adjustments.dropoff, 0);
  return { scale: (1 - deadweight) * attribution * (1 - displacement), keep: 1 - dropoff };
}

/**
 * net[t] = gross[t]·(1−deadweight)·attribution·(1−displacement)·(1−dropoff)^max(0, t−t₁),
 * t₁ = the row's own first non-zero year (each actor's effect fades from when it starts).
 */
export function netEffect(gross: number[][], adjustments: EffectAdjustments = {}): number[][] {
  const { scale, keep } = effectFactors(adjustments);

  const out: number[][] = new Array(gross.length);
  for (let r = 0; r < gross.length; r++) {
    const net = netEffectOfRow(gross[r], scale, keep);
    if (net === null) throw nonFiniteError("gross", gross[r], r + 1);
    out[r] = net;
  }
  return out;
}

/**
 * One row of netEffect, with the factors already checked (effectFactors); null when a cell is not
 * finite. Shared with the custom functions' one-pass reader, which gives it rows of plain numbers.
 */
export function netEffectOfRow(row: readonly number[], scale: number, keep: number): number[] | null {
  const n = row.length;
  const net = new Array<number>(n);
  let t = 0;
  // Before t₁ the gross effect is 0, and so is the net one (+0, never −0).
  while (t < n && row[t] === 0) net[t++] = 0;
  // A running product of (1−dropoff) instead of Math.pow per cell: same value to ~1e-15·t, much faster.
  let remaining = scale;
  let probe = 0;
  for (; t < n; t++) {
    const x = row[t];
    probe += x * 0; // NaN iff some cell is non-finite: one check per row instead of per cell
    net[t] = x * remaining + 0;
    remaining *= keep;
  }
  return probe === 0 ? net : null;
}

/** Costs raised by an optimism-bias uplift (Green Book): cost·(1 + bias), bias ≥ 0. */
export function withOptimismBias(costs: readonly number[], optimismBias: number): number[] {
  if (typeof optimismBias !== "number" || Number.isNaN(optimismBias) || optimismBias < 0) {
    throw new SocinvError("num", "optimismBias", "notNegative");
  }
  if (!Number.isFinite(optimismBias)) throw new SocinvError("num", "optimismBias", "notFinite");
  const uplift = 1 + optimismBias;
  const out = new Array<number>(costs.length);
  for (let t = 0; t < costs.length; t++) {
    const x = costs[t] * uplift;
    if (!Number.isFinite(x)) {
      if (!Number.isFinite(costs[t])) throw new SocinvError("num", "costs", "notFinite", { row: 1, column: t + 1 });
      throw new SocinvError("num", "costs", "resultOverflow");
    }
    out[t] = x + 0;
  }
  return out;
}
