import fc from "fast-check";

/**
 * Cell values for the exact-money property tests: whole kronor, öre, values with more places,
 * values near the fast path's bounds, and any finite double (which mostly forces the decimal.js path).
 */
export const wholeKronor = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
export const ore = fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map((k) => k / 100);
export const manyPlaces = fc
  .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 12 }))
  .map(([k, p]) => k / 10 ** p);
export const nearBound = fc
  .tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: -1000, max: 1000 }), fc.boolean())
  .map(([p, off, neg]) => ((2 ** 50 + off * 2 ** 40) / 10 ** p) * (neg ? -1 : 1));
export const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });

/** A money value of any sort; `fallback` includes the values meant to defeat the fast path. */
export const money = (fallback = true) =>
  fallback
    ? fc.oneof(
        { arbitrary: wholeKronor, weight: 4 },
        { arbitrary: ore, weight: 4 },
        { arbitrary: manyPlaces, weight: 2 },
        { arbitrary: nearBound, weight: 1 },
        { arbitrary: anyDouble, weight: 1 },
      )
    : fc.oneof(wholeKronor, ore, manyPlaces);

export const nonNegative = (fallback = true) => money(fallback).map(Math.abs);

/** Shares in [0, 1]: round ones, percentages, and arbitrary doubles in the range. */
export const share = fc.oneof(
  fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
  fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
  fc.integer({ min: 0, max: 10_000 }).map((k) => k / 10_000),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

export const decimals = fc.integer({ min: 0, max: 10 });
export const fewDecimals = fc.integer({ min: 0, max: 3 });

/** Same-length series (one row per entity), lengths 1..maxLength, rows 1..maxRows. */
export const matrix = (value: fc.Arbitrary<number>, maxRows: number, maxLength: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxLength }))
    .chain(([r, n]) => fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: r, maxLength: r }));

export const RUNS = { numRuns: Number(process.env.STRESS_RUNS ?? 1000) };

/**
 * Values a sheet computes (=x/7, =x/3, =A1−B1): 16–17 significant digits, read as Excel shows them
 * (15). `nearHalf` sits next to a half at the 15th digit, where the fast reading must decide exactly.
 */
export const nearHalf = fc
  .tuple(fc.integer({ min: 1e14, max: 1e15 - 1 }), fc.integer({ min: 0, max: 20 }), fc.boolean())
  .map(([k, p, neg]) => ((k + 0.5) / 10 ** p) * (neg ? -1 : 1));
export const computedCell = fc.oneof(
  fc.integer({ min: -2e9, max: 2e9 }).chain((k) => fc.constantFrom(k / 7, k / 3, -k / 11, k / 1e6, k / 700, (k / 7) * 1e-6)),
  nearHalf,
  wholeKronor,
  ore,
);
