/**
 * What an excluded application would need to get in beside the chosen ones (all amounts whole
 * numbers in the smallest unit; the chosen set is kept as it is).
 */
export interface Needs {
  /** Per year, how far the fund's closing balance would fall below the floor with it: max(0, …). */
  shortfall: number[];
  /**
   * The least extra contributions (tillskott) that would carry it, placed as late as possible: a
   * contribution in year k raises every closing balance from k on, so the cumulative extra must reach
   * each year's shortfall; the smallest such cumulative series is the running maximum of the
   * shortfalls, and these are its yearly increments. Their total is the largest shortfall.
   */
  extraContributions: number[];
  /**
   * The least reduction of its own yearly disbursements (its expected repayments unchanged) that would
   * let it in, placed as late as possible and never more than it asks in a year. Total = the largest
   * shortfall as well. If its repayments follow its disbursements, it would need somewhat more.
   */
  reductions: number[];
  /** max shortfall = Σ extraContributions = Σ reductions. */
  total: number;
}

/** Cumulative net draw on the fund to the end of each year: Σ_{k≤t} (disbursed[k] − repaid[k]). */
export function cumulativeDraw(disbursed: readonly number[], repaid: readonly number[]): number[] {
  let sum = 0;
  return disbursed.map((d, t) => (sum += d - repaid[t]));
}

/**
 * `capacity`: free capacity per year without any application; `used`: what the chosen set draws
 * cumulatively; `draw`: the application's cumulative draw; `requested`: its yearly disbursements.
 *
 * Reductions r[k] ≤ requested[k] lower its cumulative draw from year k on, so they must satisfy
 * R[t] = Σ_{k≤t} r[k] ≥ shortfall[t]. The pointwise least such R that can still grow fast enough for
 * the later shortfalls (R[s] ≤ R[t] + Σ_{t<k≤s} requested[k]) is
 *   R[t] = max(R[t−1], max_{s≥t} (shortfall[s] − Σ_{k=t+1..s} requested[k])),  R[−1] = 0,
 * and r[t] = R[t] − R[t−1]. A shortfall never exceeds the application's own cumulative disbursements
 * (the chosen set fits alone), so R[−1] = 0 is always possible.
 */
export function whatItWouldNeed(
  capacity: readonly number[],
  used: readonly number[],
  draw: readonly number[],
  requested: readonly number[],
): Needs {
  const years = capacity.length;
  const shortfall = capacity.map((c, t) => Math.max(0, used[t] + draw[t] - c));
  const extraContributions: number[] = [];
  let peak = 0;
  for (const s of shortfall) {
    extraContributions.push(Math.max(0, s - peak));
    peak = Math.max(peak, s);
  }
  const reductions: number[] = [];
  let reduced = 0;
  for (let t = 0; t < years; t++) {
    let needed = reduced;
    let later = 0; // Σ requested[k] for t < k ≤ s
    for (let s = t; s < years; s++) {
      if (s > t) later += requested[s];
      needed = Math.max(needed, shortfall[s] - later);
    }
    reductions.push(needed - reduced);
    reduced = needed;
  }
  return { shortfall, extraContributions, reductions, total: peak };
}
