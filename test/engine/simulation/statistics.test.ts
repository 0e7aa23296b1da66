import fc from "fast-check";
import { SeededRandom } from "../../../src/engine/simulation/random";
import { columnPercentiles, pairedDifference, percentile, probability, sCurve, share, sorted, summarise } from "../../../src/engine/simulation/statistics";

const draws = (seed: number, n: number) => {
  const random = SeededRandom.fromSeed(seed);
  return Float64Array.from({ length: n }, () => random.next());
};

describe("Monte Carlo statistics with their standard errors", () => {
  test("a probability and its standard error √(p(1 − p)/n)", () => {
    const p = probability([1, 2, 3, 4], (x) => x > 2);
    expect(p).toEqual({ value: 0.5, standardError: 0.25 }); // √(0.25/4)
    expect(share(Uint8Array.from([1, 0, 0, 0, 1]))).toEqual({ value: 0.4, standardError: Math.sqrt((0.4 * 0.6) / 5) });
    expect(probability([], () => true).value).toBeNaN();
  });

  test("percentiles are Excel's PERCENTILE.INC; NaN is left out, Infinity (no payback) kept", () => {
    const values = sorted([5, 3, NaN, 1, 4, 2]);
    expect(Array.from(values)).toEqual([1, 2, 3, 4, 5]);
    expect(percentile(values, 0.1).value).toBeCloseTo(1.4, 14); // rank (5 − 1)·0.1 = 0.4: 1 + 0.4·(2 − 1)
    expect(percentile(values, 0.5).value).toBe(3);
    expect(percentile(values, 1).value).toBe(5);
    expect(percentile(sorted([1, 2, Infinity, Infinity]), 0.9).value).toBe(Infinity);
    expect(() => percentile(values, 1.5)).toThrow(RangeError);
  });

  test("a percentile's standard error matches the asymptotic √(q(1 − q)/n)/f (uniform: f = 1)", () => {
    const n = 10_000;
    const p90 = percentile(sorted(draws(3, n)), 0.9);
    const asymptotic = Math.sqrt((0.9 * 0.1) / n); // 0.003
    expect(p90.standardError).toBeGreaterThan(0.8 * asymptotic);
    expect(p90.standardError).toBeLessThan(1.25 * asymptotic);
    expect(p90.low).toBeLessThan(0.9);
    expect(p90.high).toBeGreaterThan(0.9);
  });

  test("the 95 % interval covers the true percentile in about 95 % of 400 runs", () => {
    let covered = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const p = percentile(sorted(draws(seed, 500)), 0.05);
      if (p.low <= 0.05 && 0.05 <= p.high) covered++;
    }
    // Binomial(400, 0.95): sd √(400·0.95·0.05) = 4.4; the order-statistic interval is slightly conservative
    expect(covered).toBeGreaterThanOrEqual(400 * 0.95 - 4 * 4.4);
    expect(covered).toBeLessThanOrEqual(400);
  });

  test("summary: mean with SE s/√n, and P5/P10/P50/P90/P95 in order", () => {
    const x = draws(5, 20_000);
    const s = summarise(x);
    expect(Math.abs(s.mean.value - 0.5)).toBeLessThan(3 * s.mean.standardError);
    expect(s.mean.standardError).toBeCloseTo(Math.sqrt(1 / 12 / 20_000), 4);
    expect(s.percentiles.map((p) => p.q)).toEqual([0.05, 0.1, 0.5, 0.9, 0.95]);
    for (let k = 1; k < 5; k++) expect(s.percentiles[k].value).toBeGreaterThan(s.percentiles[k - 1].value);
    expect(summarise([2, 4, NaN]).mean.value).toBe(3);
  });

  test("the S-curve rises from the smallest to the largest value", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }), (xs) => {
        const curve = sCurve(xs, 21);
        const ys = curve.map((c) => c.value);
        return (
          curve.length === 21 &&
          ys[0] === Math.min(...xs) &&
          ys[20] === Math.max(...xs) &&
          ys.every((y, k) => k === 0 || y >= ys[k - 1]) &&
          curve[10].probability === 0.5
        );
      }),
      { numRuns: 1000 },
    );
  });

  test("percentiles per column: the fund's balance band per year", () => {
    // 5 iterations × 2 years: year 0 holds 1..5, year 1 holds 10, 20, …, 50
    const matrix = Float64Array.from([1, 10, 2, 20, 3, 30, 4, 40, 5, 50]);
    expect(columnPercentiles(matrix, 2, [0.5, 0.1])).toEqual([
      [3, 30],
      [1.4, 14],
    ]);
  });

  test("a paired difference: on common random numbers its error is that of the differences, not of the two means", () => {
    const x = draws(8, 10_000);
    const a = x.map((u) => 100 * u + 1); // two outcomes of the same draws, differing by 1 + 0.01·u
    const b = x.map((u) => 99.99 * u);
    const d = pairedDifference(a, b);
    expect(Math.abs(d.value - 1.005)).toBeLessThan(3 * d.standardError); // E[1 + u/100] = 1.005
    expect(d.standardError).toBeCloseTo(0.01 * Math.sqrt(1 / 12 / 10_000), 6);
    expect(d.standardError).toBeLessThan(summarise(a).mean.standardError / 50);
    expect(() => pairedDifference([1], [1, 2])).toThrow(RangeError);
  });
});
