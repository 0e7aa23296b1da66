import type Decimal from "decimal.js";
import { exact, Exact, toNumber, ZERO } from "../exact/decimal";
import { CallInputError, checkNumber } from "./errors";

/**
 * Scoring of the call's applications: the board's criteria with weights (relevans, potential,
 * genomförbarhet, …), a score per application and criterion, the weighted score and the ranking.
 *
 * weighted score = Σ_c w_c · s_c / Σ_c w_c, on the scores' own scale. Sums are exact decimals (the
 * numbers as the user sees them), so two applications tie only when their weighted scores are
 * exactly equal. Ties are broken by position in the list: the earlier application ranks first.
 */
export interface Criterion {
  key: string;
  weight: number;
}

export interface Scoring {
  weighted: number[];
  /** Application indices, best first. */
  order: number[];
  /** 1-based rank of each application. */
  rank: number[];
}

/**
 * A crossing weight is a quotient: computed to 40 significant digits (the engine's exact decimals
 * carry 2,000, which makes a division of a third cost a hundred times more for nothing shown).
 */
const Quotient = Exact.clone({ precision: 40 });

/** Weights: each finite and ≥ 0, at least one > 0. */
export function checkCriteria(criteria: readonly Criterion[]): number[] {
  if (!Array.isArray(criteria) || criteria.length === 0) throw new CallInputError("criteria", "weights");
  const weights = criteria.map((c, i) => checkNumber(`criteria[${i}].weight`, c.weight));
  if (weights.some((w) => w < 0) || !weights.some((w) => w > 0)) throw new CallInputError("criteria", "weights");
  return weights;
}

/** One finite score per criterion for each application. */
export function checkScores(scores: readonly (readonly number[])[], criteria: number, applications: number): void {
  if (!Array.isArray(scores) || scores.length !== applications) {
    throw new CallInputError("scores", "scoresShape", { criteria });
  }
  scores.forEach((row, a) => {
    if (!Array.isArray(row) || row.length !== criteria) throw new CallInputError(`scores[${a}]`, "scoresShape", { criteria });
    row.forEach((s, c) => checkNumber(`scores[${a}][${c}]`, s));
  });
}

/** Σ_c w_c · s_c, exactly. */
const weightedSum = (weights: readonly Decimal[], scores: readonly number[]): Decimal =>
  weights.reduce((sum, w, c) => sum.plus(w.times(exact(scores[c]))), ZERO);

/** The order of the applications by exact weighted sums, best first, ties by position. */
function rankBy(sums: readonly Decimal[]): number[] {
  return sums.map((_, a) => a).sort((a, b) => sums[b].comparedTo(sums[a]) || a - b);
}

export function scoreApplications(criteria: readonly Criterion[], scores: readonly (readonly number[])[]): Scoring {
  const weights = checkCriteria(criteria).map(exact);
  checkScores(scores, criteria.length, scores.length);
  const total = weights.reduce((s, w) => s.plus(w), ZERO);
  const sums = scores.map((row) => weightedSum(weights, row));
  const order = rankBy(sums);
  const rank = new Array<number>(scores.length);
  order.forEach((a, position) => (rank[a] = position + 1));
  return { weighted: sums.map((s) => toNumber(s.dividedBy(total))), order, rank };
}

/** The two applications that would change places at a bound: `above` ranks above `below` today. */
export interface Swap {
  above: number;
  below: number;
}

/**
 * How far one criterion's weight can move, the other weights fixed, before the ranking changes.
 * Because the weighted score divides by the sum of the weights, this is the same as moving the
 * criterion's share with the other criteria keeping their proportions to each other.
 * Strictly between `low` and `high` the ranking is today's; at a bound two applications tie (and the
 * tie rule decides, so the change takes effect at or just beyond it). `high` is null when no weight,
 * however large, changes the ranking; `low` is 0 (with no swap) when the weight can fall to zero.
 */
export interface WeightRange {
  key: string;
  weight: number;
  low: number;
  high: number | null;
  lowSwap: Swap | null;
  highSwap: Swap | null;
}

/**
 * For every pair a above b and criterion c, with x the criterion's weight:
 *   D(x) = Σ_{k≠c} w_k (s_ak − s_bk) + x (s_ac − s_bc) = K + x·δ,
 * the difference of the two weighted sums (the common divisor Σw does not change the sign). Today
 * D ≥ 0. D is linear in x, so it changes sign only at x* = −K/δ: a lower bound when δ > 0 (a gains
 * less as x falls), an upper bound when δ < 0. The ranking is unchanged while no pair changes sign,
 * so the range is (max of the lower x*, min of the upper x*). All pairs are looked at, not only
 * neighbours, which costs n² per criterion (900 for 30 applications) and needs no argument about
 * which pair changes first.
 */
export function weightSensitivity(criteria: readonly Criterion[], scores: readonly (readonly number[])[]): WeightRange[] {
  const weights = checkCriteria(criteria).map(exact);
  checkScores(scores, criteria.length, scores.length);
  const cells = scores.map((row) => row.map(exact));
  const sums = scores.map((row) => weightedSum(weights, row));
  const order = rankBy(sums);
  return criteria.map((criterion, c) => {
    let low = ZERO;
    let high: Decimal | null = null;
    let lowSwap: Swap | null = null;
    let highSwap: Swap | null = null;
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const [a, b] = [order[i], order[j]];
        const delta = cells[a][c].minus(cells[b][c]);
        if (delta.isZero()) continue;
        // K = D(w_c) − w_c·δ, so x* = −K/δ = w_c − D(w_c)/δ.
        const crossing = weights[c].minus(new Quotient(sums[a].minus(sums[b])).dividedBy(delta));
        if (delta.isPositive() && crossing.greaterThan(low)) [low, lowSwap] = [crossing, { above: a, below: b }];
        if (delta.isNegative() && (high === null || crossing.lessThan(high))) [high, highSwap] = [crossing, { above: a, below: b }];
      }
    }
    return { key: criterion.key, weight: criterion.weight, low: toNumber(low), high: high === null ? null : toNumber(high), lowSwap, highSwap };
  });
}
