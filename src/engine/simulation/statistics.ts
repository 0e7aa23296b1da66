/**
 * Statistics of a Monte Carlo run, each with its Monte Carlo standard error (what rerunning with
 * another seed would move it by), so a reader can tell a real difference from sampling noise.
 */

export interface Estimate {
  value: number;
  standardError: number;
}

/** The share of iterations where `event` holds, with SE √(p(1 − p)/n). */
export function probability(samples: ArrayLike<number>, event: (x: number) => boolean): Estimate {
  const n = samples.length;
  if (n === 0) return { value: NaN, standardError: NaN };
  let hits = 0;
  for (let i = 0; i < n; i++) if (event(samples[i])) hits++;
  const p = hits / n;
  return { value: p, standardError: Math.sqrt((p * (1 - p)) / n) };
}

/** The share of 1s in a 0/1 array (e.g. "refilled"). */
export const share = (flags: ArrayLike<number>): Estimate => probability(flags, (x) => x === 1);

/** The values in increasing order, NaN left out (a ratio with no denominator); ±Infinity kept (no payback). */
export function sorted(samples: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(Array.prototype.filter.call(samples, (x: number) => !Number.isNaN(x)) as number[]);
  return out.sort();
}

/** Excel's PERCENTILE.INC on sorted values: rank h = (n − 1)q, interpolated between its neighbours. */
function interpolated(values: Float64Array, q: number): number {
  const h = (values.length - 1) * q;
  const below = Math.floor(h);
  const above = Math.min(values.length - 1, below + 1);
  const x = values[below];
  const y = values[above];
  if (x === y || h === below) return x; // also keeps Infinity from becoming NaN
  return x + (h - below) * (y - x);
}

export interface PercentileEstimate extends Estimate {
  q: number;
  /** A ~95 % confidence interval for the true percentile (order statistics, distribution-free). */
  low: number;
  high: number;
}

/**
 * The q-percentile with its standard error by the order-statistic (binomial) method: the number of
 * samples below the true q-quantile is Binomial(n, q), so the order statistics at ranks
 * nq ± z·√(nq(1 − q)) bracket it with the normal coverage of z; SE ≈ half the z = 1 bracket.
 */
export function percentile(sortedValues: Float64Array, q: number): PercentileEstimate {
  const n = sortedValues.length;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`percentile: q must be in [0, 1], got ${q}`);
  if (n === 0) return { q, value: NaN, standardError: NaN, low: NaN, high: NaN };
  const spread = Math.sqrt(n * q * (1 - q));
  const at = (rank: number) => sortedValues[Math.min(n - 1, Math.max(0, rank))];
  const bracket = (z: number) => [at(Math.floor(n * q - z * spread) - 1), at(Math.ceil(n * q + z * spread) - 1)];
  const [oneLow, oneHigh] = bracket(1);
  const [low, high] = bracket(1.96);
  const standardError = oneHigh === oneLow ? 0 : (oneHigh - oneLow) / 2;
  return { q, value: interpolated(sortedValues, q), standardError, low, high };
}

export const REPORTED_PERCENTILES = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

export interface Summary {
  count: number;
  mean: Estimate;
  standardDeviation: number;
  percentiles: PercentileEstimate[];
}

/** Mean (SE = s/√n), standard deviation and P5/P10/P50/P90/P95 of the finite samples; NaN left out. */
export function summarise(samples: ArrayLike<number>, qs: readonly number[] = REPORTED_PERCENTILES): Summary {
  const values = sorted(samples);
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (finite[i] - mean) / (i + 1); // running mean: no overflow of the sum
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (finite[i] - mean) * (finite[i] - mean);
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  return {
    count: values.length,
    mean: { value: n > 0 ? mean : NaN, standardError: n > 0 ? sd / Math.sqrt(n) : NaN },
    standardDeviation: sd,
    percentiles: qs.map((q) => percentile(values, q)),
  };
}

/** The S-curve: the value below which a share p of the iterations fall, at `points` evenly spaced p in [0, 1]. */
export function sCurve(samples: ArrayLike<number>, points = 101): { probability: number; value: number }[] {
  const values = sorted(samples);
  if (values.length === 0) return [];
  return Array.from({ length: points }, (_, k) => {
    const p = points === 1 ? 0.5 : k / (points - 1);
    return { probability: p, value: interpolated(values, p) };
  });
}

/**
 * Percentiles per column of a row-major matrix (rows = iterations): e.g. the fund's closing balance
 * per year as a median and a P10–P90 band. Returns out[k][t] for qs[k].
 */
export function columnPercentiles(matrix: Float64Array, columns: number, qs: readonly number[]): number[][] {
  const rows = matrix.length / columns;
  const column = new Float64Array(rows);
  const out = qs.map(() => new Array<number>(columns).fill(NaN));
  for (let t = 0; t < columns; t++) {
    for (let i = 0; i < rows; i++) column[i] = matrix[i * columns + t];
    const values = sorted(column);
    qs.forEach((q, k) => (out[k][t] = values.length > 0 ? interpolated(values, q) : NaN));
  }
  return out;
}

/**
 * The mean of a − b over paired iterations, with the standard error of the paired differences: on
 * common random numbers (both from the same draws) it is far smaller than the two means' own errors
 * would suggest, which is why the repayment models are compared on the same draws.
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>): Estimate {
  if (a.length !== b.length) throw new RangeError(`pairedDifference: ${a.length} and ${b.length} iterations`);
  return summarise(Float64Array.from({ length: a.length }, (_, i) => a[i] - b[i]), []).mean;
}
