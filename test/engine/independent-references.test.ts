/**
 * An independent numeric bug hunt: the engine and the SOCINV custom functions against reference
 * implementations written here from the words of docs/FUNCTIONS.md and docs/DOMAIN.md only (not from
 * the engine's code). Money is referenced in exact rational arithmetic on BigInt (never decimal.js),
 * and the expected double is the correctly rounded value of the exact rational. Discounting is
 * referenced with @formulajs/formulajs NPV (timing 1) and direct Math.pow / log1p loops.
 *
 * Every generated decimal is built from integers (k, d) as x = k / 10^d with |k| < 10^15, so the
 * double's shortest round-trip string is exactly k·10^−d: the decimal the user sees is the rational
 * the reference uses.
 */
import "../support/customFunctions";
import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import { allocate } from "../../src/engine/allocate";
import { payback } from "../../src/engine/appraisal";
import { netEffect } from "../../src/engine/effects";
import { fundProjection } from "../../src/engine/fund";
import { lifecycleTable } from "../../src/engine/lifecycle";
import { repayment } from "../../src/engine/repayment";
import { repaymentPlan } from "../../src/engine/repaymentPlan";
import * as SOCINV from "../../src/functions/functions";
import { FakeCustomFunctionError } from "../support/customFunctions";

const RUNS = { numRuns: 1000 };

// ---------------------------------------------------------------------------------------------------
// Exact rationals on BigInt
// ---------------------------------------------------------------------------------------------------

/** n / d with d > 0, in lowest terms. */
interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
const babs = (x: bigint): bigint => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = babs(a);
  b = babs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
function q(n: bigint, d: bigint = 1n): Q {
  if (d === 0n) throw new Error("reference: zero denominator");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}
const Q0 = q(0n);
const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
const cmp = (a: Q, b: Q): number => {
  const x = a.n * b.d - b.n * a.d;
  return x > 0n ? 1 : x < 0n ? -1 : 0;
};
const qmin = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);
const qmax = (a: Q, b: Q): Q => (cmp(a, b) >= 0 ? a : b);
const sumQ = (xs: readonly Q[]): Q => xs.reduce(add, Q0);
const pow10 = (p: number): bigint => 10n ** BigInt(p);
/** ⌊a⌋ */
function floorQ(a: Q): bigint {
  const f = a.n / a.d; // truncates toward zero
  return a.n < 0n && f * a.d !== a.n ? f - 1n : f;
}
/** Rounded to an integer, half away from zero (the spreadsheet rule). */
function roundHalfAway(a: Q): bigint {
  const m = q(babs(a.n), a.d);
  const r = floorQ(add(m, q(1n, 2n)));
  return a.n < 0n ? -r : r;
}
/** The double nearest to a rational (ties to even, through Number(BigInt) with a sticky bit). */
function toDouble(a: Q): number {
  if (a.n === 0n) return 0;
  const negative = a.n < 0n;
  const n = babs(a.n);
  const bits = (x: bigint) => x.toString(2).length;
  const s = 70 - (bits(n) - bits(a.d)); // a quotient of ~70 bits: the rounding bit and a sticky bit below it
  let num = n;
  let den = a.d;
  if (s >= 0) num <<= BigInt(s);
  else den <<= BigInt(-s);
  let quotient = num / den;
  if (quotient * den !== num) quotient |= 1n;
  const value = Number(quotient) * 2 ** -s; // power-of-two scaling: exact in the normal range
  return negative ? -value : value;
}
/** +0 for −0: an Excel cell shows both as 0, so they are not told apart here. */
const z = (x: unknown) => (x === 0 ? 0 : x);
const zs = (m: readonly (readonly unknown[])[]) => m.map((row) => row.map(z));

/**
 * The largest-remainder rule of FUNCTIONS.md: parts (exact, in units, ≥ 0) start at their floors; the
 * units missing to `target` go to the largest remainders; ties: the larger exact part, then the
 * earlier row. Throws when the target cannot be reached that way (then the reference is wrong).
 */
function largestRemainder(parts: readonly Q[], target: bigint): bigint[] {
  const floors = parts.map(floorQ);
  const remainders = parts.map((p, i) => sub(p, q(floors[i])));
  let missing = target - floors.reduce((s, f) => s + f, 0n);
  const candidates = parts.map((_, i) => i).filter((i) => remainders[i].n !== 0n);
  if (missing < 0n || missing > BigInt(candidates.length)) {
    throw new Error(`reference: target ${target} unreachable from floors (missing ${missing})`);
  }
  candidates.sort((i, j) => cmp(remainders[j], remainders[i]) || cmp(parts[j], parts[i]) || i - j);
  for (const i of candidates) {
    if (missing === 0n) break;
    floors[i] += 1n;
    missing -= 1n;
  }
  return floors;
}

/**
 * FUNCTIONS.md "Rounding", the running-total rule: each row keeps its exact and its rounded running
 * total (in units); this year's parts are rounded down, and the units missing to `target` go to the
 * rows (with a non-zero remainder) whose rounded total, so far plus this year's floor, falls furthest
 * below their exact total through this year; ties: the larger exact part this year, then the earlier
 * row. In the first year (all totals 0) this is `largestRemainder`.
 */
interface RunningTotals {
  exact: Q[];
  rounded: bigint[];
}
const runningTotals = (rows: number): RunningTotals => ({ exact: new Array<Q>(rows).fill(Q0), rounded: new Array<bigint>(rows).fill(0n) });
function runningTotalSplit(parts: readonly Q[], target: bigint, totals: RunningTotals): bigint[] {
  const floors = parts.map(floorQ);
  const exactThrough = parts.map((p, i) => add(totals.exact[i], p));
  const gaps = parts.map((_, i) => sub(exactThrough[i], q(totals.rounded[i] + floors[i])));
  let missing = target - floors.reduce((s, f) => s + f, 0n);
  const candidates = parts.map((_, i) => i).filter((i) => cmp(parts[i], q(floors[i])) !== 0);
  if (missing < 0n || missing > BigInt(candidates.length)) {
    throw new Error(`reference: target ${target} unreachable from floors (missing ${missing})`);
  }
  candidates.sort((i, j) => cmp(gaps[j], gaps[i]) || cmp(parts[j], parts[i]) || i - j);
  for (const i of candidates) {
    if (missing === 0n) break;
    floors[i] += 1n;
    missing -= 1n;
  }
  floors.forEach((f, i) => {
    totals.exact[i] = exactThrough[i];
    totals.rounded[i] += f;
  });
  return floors;
}

// ---------------------------------------------------------------------------------------------------
// Generators: decimals built from integers
// ---------------------------------------------------------------------------------------------------

interface Dec {
  x: number;
  q: Q;
}
const decOf = (k: bigint, d: number): Dec => ({ x: Number(k) / 10 ** d, q: q(k, pow10(d)) });
const LARGE = 10n ** 15n - 1n;
/** A decimal with 0..maxD places: small, medium (up to 10^9 units) and large (up to 10^15 units) integers. */
function decimal(maxD = 4, nonNegative = false, large = true): fc.Arbitrary<Dec> {
  const k = (max: bigint) => fc.bigInt({ min: nonNegative ? 0n : -max, max });
  const ks = large
    ? fc.oneof({ arbitrary: k(1000n), weight: 4 }, { arbitrary: k(10n ** 9n), weight: 4 }, { arbitrary: k(LARGE), weight: 1 })
    : fc.oneof(k(1000n), k(10n ** 9n));
  return fc.tuple(ks, fc.integer({ min: 0, max: maxD })).map(([kk, d]) => decOf(kk, d));
}
/** A share in [0, 1] with up to 4 places. */
const fraction = fc
  .integer({ min: 0, max: 4 })
  .chain((d) => fc.tuple(fc.bigInt({ min: 0n, max: pow10(d) }), fc.constant(d)))
  .map(([k, d]) => decOf(k, d));
/** A blank as Excel may hand it over. */
const blank = fc.constantFrom(null, undefined, "");
type Cell = number | null | undefined | "";
/** A cell: a value, or (sometimes) a blank that counts as 0. */
const cellOf = (value: fc.Arbitrary<Dec>): fc.Arbitrary<{ cell: Cell; q: Q }> =>
  fc.oneof(
    { arbitrary: value.map((v) => ({ cell: v.x as Cell, q: v.q })), weight: 5 },
    { arbitrary: blank.map((b) => ({ cell: b as Cell, q: Q0 })), weight: 1 },
  );
const zeroDec: Dec = { x: 0, q: Q0 };

// ---------------------------------------------------------------------------------------------------
// FUNDBALANCE
// ---------------------------------------------------------------------------------------------------

interface FundReference {
  opening: Q[];
  contributions: Q[];
  disbursements: Q[];
  repayments: Q[];
  other: Q[];
  closing: Q[];
}
/** DOMAIN.md §4: opening[t] = closing[t−1]; closing = opening + contributions − disbursements + repayments − other. */
function fundReference(opening: Q, c: Q[], d: Q[][], r: Q[][], o: Q[]): FundReference {
  const n = Math.max(1, c.length, o.length, ...d.map((x) => x.length), ...r.map((x) => x.length));
  const at = (xs: Q[], t: number) => xs[t] ?? Q0;
  const summed = (m: Q[][]) => Array.from({ length: n }, (_, t) => sumQ(m.map((row) => at(row, t))));
  const out: FundReference = {
    opening: [],
    contributions: Array.from({ length: n }, (_, t) => at(c, t)),
    disbursements: summed(d),
    repayments: summed(r),
    other: Array.from({ length: n }, (_, t) => at(o, t)),
    closing: [],
  };
  let balance = opening;
  for (let t = 0; t < n; t++) {
    out.opening.push(balance);
    balance = sub(add(sub(add(balance, out.contributions[t]), out.disbursements[t]), out.repayments[t]), out.other[t]);
    out.closing.push(balance);
  }
  return out;
}
const fundRows = (f: FundReference) => [f.opening, f.contributions, f.disbursements, f.repayments, f.other, f.closing];

describe("fundProjection vs a BigInt running balance", () => {
  const series = (maxLength: number) => fc.array(decimal(), { minLength: 0, maxLength });
  const matrix = fc.array(fc.array(decimal(), { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 3 });

  test("every row, the lowest balance and the first negative year, exactly (ragged rows padded with zeros)", () => {
    fc.assert(
      fc.property(decimal(), series(6), matrix, matrix, fc.option(series(6), { nil: undefined }), (opening, c, d, r, o) => {
        const ref = fundReference(
          opening.q,
          c.map((v) => v.q),
          d.map((row) => row.map((v) => v.q)),
          r.map((row) => row.map((v) => v.q)),
          (o ?? []).map((v) => v.q),
        );
        const got = fundProjection(
          opening.x,
          c.map((v) => v.x),
          d.map((row) => row.map((v) => v.x)),
          r.map((row) => row.map((v) => v.x)),
          o?.map((v) => v.x),
        );
        const expected = fundRows(ref).map((row) => row.map(toDouble));
        expect(zs([got.opening, got.contributions, got.disbursements, got.repayments, got.other, got.closing])).toEqual(expected);
        let lowest = 0;
        for (let t = 1; t < ref.closing.length; t++) if (cmp(ref.closing[t], ref.closing[lowest]) < 0) lowest = t;
        expect(got.lowest.year).toBe(lowest);
        expect(z(got.lowest.balance)).toBe(toDouble(ref.closing[lowest]));
        const firstNegative = ref.closing.findIndex((x) => x.n < 0n);
        expect(got.firstNegativeYear).toBe(firstNegative < 0 ? null : firstNegative);
      }),
      RUNS,
    );
  });

  test("values with up to 10 places and up to 10^15 units (the decimal.js fallback), exactly", () => {
    const wide = fc.tuple(fc.oneof(fc.bigInt({ min: -LARGE, max: LARGE }), fc.bigInt({ min: -1000n, max: 1000n })), fc.integer({ min: 0, max: 10 })).map(([k, d]) => decOf(k, d));
    fc.assert(
      fc.property(wide, fc.array(wide, { maxLength: 5 }), fc.array(fc.array(wide, { maxLength: 5 }), { minLength: 1, maxLength: 3 }), fc.array(wide, { maxLength: 5 }), (opening, c, d, r) => {
        const ref = fundReference(opening.q, c.map((v) => v.q), d.map((row) => row.map((v) => v.q)), [r.map((v) => v.q)], []);
        const got = fundProjection(opening.x, c.map((v) => v.x), d.map((row) => row.map((v) => v.x)), r.map((v) => v.x));
        expect(zs([got.opening, got.closing])).toEqual([ref.opening.map(toDouble), ref.closing.map(toDouble)]);
      }),
      RUNS,
    );
  });

  test("a bare series of disbursements and repayments is one row", () => {
    fc.assert(
      fc.property(decimal(), series(5), series(5), series(5), (opening, c, d, r) => {
        const ref = fundReference(opening.q, c.map((v) => v.q), [d.map((v) => v.q)], [r.map((v) => v.q)], []);
        const got = fundProjection(opening.x, c.map((v) => v.x), d.map((v) => v.x), r.map((v) => v.x));
        expect(zs([got.closing])).toEqual([ref.closing.map(toDouble)]);
      }),
      RUNS,
    );
  });
});

describe("SOCINV.FUNDBALANCE with Excel-shaped ranges and blanks", () => {
  /** A rectangular R×N range of cells (blanks anywhere, including trailing ones that still set the width). */
  const range = (rows: fc.Arbitrary<number>, columns: fc.Arbitrary<number>) =>
    fc
      .tuple(rows, columns)
      .chain(([R, N]) => fc.array(fc.array(cellOf(decimal()), { minLength: N, maxLength: N }), { minLength: R, maxLength: R }));
  const cells = (m: { cell: Cell }[][]) => m.map((row) => row.map((c) => c.cell));
  const qs = (m: { q: Q }[][]) => m.map((row) => row.map((c) => c.q));

  test("years across: 6×N, matrices summed per year, shorter inputs padded to the widest (N ≥ 2 somewhere)", () => {
    fc.assert(
      fc.property(
        decimal(),
        fc.boolean(),
        range(fc.constant(1), fc.integer({ min: 2, max: 6 })),
        range(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 6 })),
        range(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 6 })),
        fc.option(range(fc.constant(1), fc.integer({ min: 1, max: 6 })), { nil: null }),
        fc.constantFrom(undefined, null),
        (opening, boxed, c, d, r, o, omitted) => {
          const ref = fundReference(opening.q, qs(c)[0], qs(d), qs(r), o === null ? [] : qs(o)[0]);
          const got = SOCINV.fundBalance(boxed ? [[opening.x]] : opening.x, cells(c), cells(d), cells(r), o === null ? (omitted as never) : cells(o));
          expect(got).not.toBeInstanceOf(FakeCustomFunctionError);
          expect(zs(got as number[][])).toEqual(fundRows(ref).map((row) => row.map(toDouble)));
        },
      ),
      RUNS,
    );
  });

  test("every input a single column: N×6, years down", () => {
    fc.assert(
      fc.property(
        decimal(),
        range(fc.integer({ min: 2, max: 6 }), fc.constant(1)),
        range(fc.integer({ min: 2, max: 6 }), fc.constant(1)),
        range(fc.integer({ min: 2, max: 6 }), fc.constant(1)),
        range(fc.integer({ min: 2, max: 6 }), fc.constant(1)),
        (opening, c, d, r, o) => {
          const col = (m: { q: Q }[][]) => m.map((row) => row[0].q);
          const ref = fundReference(opening.q, col(c), [col(d)], [col(r)], col(o));
          const got = SOCINV.fundBalance(opening.x, cells(c), cells(d), cells(r), cells(o));
          expect(got).not.toBeInstanceOf(FakeCustomFunctionError);
          const expected = fundRows(ref).map((row) => row.map(toDouble));
          const transposed = expected[0].map((_, t) => expected.map((row) => row[t]));
          expect(zs(got as number[][])).toEqual(transposed);
        },
      ),
      RUNS,
    );
  });

  test("0.1 + 0.2 gives 0.3 (FUNCTIONS.md): opening 0.1, contribution 0.2 → closing 0.3", () => {
    expect(SOCINV.fundBalance(0.1, [[0.2]], [[0]], [[0]])).toEqual([[0.1], [0.2], [0], [0], [0], [0.3]]);
  });

  // FUNCTIONS.md: "when every input is a single column (N×1) they are all read as series with years
  // down …; otherwise years run across and matrices have one row per project". Contributions 1×3 make
  // years run across, so a 2×1 disbursements range is two projects paying in year 0: 10 + 5 = 15.
  // Expected (years across, horizon 3): opening 100, 100−15 = 85, 85; closing 85, 85, 85.
  test("FUNDBALANCE: years across, a 2×1 disbursements range is two projects in year 0 (summed), not a 2-year series", () => {
    const got = SOCINV.fundBalance(100, [[0, 0, 0]], [[10], [5]], [[0, 0, 0]]);
    expect(got).toEqual([
      [100, 85, 85],
      [0, 0, 0],
      [15, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [85, 85, 85],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// ALLOCATE
// ---------------------------------------------------------------------------------------------------

/** FUNCTIONS.md rounding: |amount| split in proportion to the weights, target round(|amount|), largest remainder, negated back. */
function allocateReference(amount: Q, weights: readonly Q[], decimals: number): Q[] {
  const scale = q(pow10(decimals));
  const magnitude = q(babs(amount.n), amount.d);
  const total = sumQ(weights);
  const parts = weights.map((w) => div(mul(mul(magnitude, w), scale), total));
  const units = largestRemainder(parts, roundHalfAway(mul(magnitude, scale)));
  return units.map((u) => q(amount.n < 0n ? -u : u, pow10(decimals)));
}
const weightsArb = (max: number) =>
  fc
    .array(decimal(4, true, false), { minLength: 1, maxLength: max })
    .filter((ws) => ws.some((w) => w.q.n > 0n));
/** Weights with many equal values and equal remainders: the tie rules at work. */
const tiedWeightsArb = (max: number) =>
  fc
    .array(fc.constantFrom(0, 1, 1, 2, 3, 0.5, 1.5, 7), { minLength: 1, maxLength: max })
    .filter((ws) => ws.some((w) => w > 0))
    .map((ws) => ws.map((w) => ({ x: w, q: w === 0.5 ? q(1n, 2n) : w === 1.5 ? q(3n, 2n) : q(BigInt(w)) })));

describe("allocate vs BigInt largest remainder", () => {
  test("amount and weights with 0–4 decimals, decimals 0–4", () => {
    fc.assert(
      fc.property(decimal(), fc.oneof(weightsArb(8), tiedWeightsArb(8)), fc.integer({ min: 0, max: 4 }), (amount, ws, d) => {
        const expected = allocateReference(amount.q, ws.map((w) => w.q), d).map(toDouble);
        expect(allocate(amount.x, ws.map((w) => w.x), d).map(z)).toEqual(expected);
      }),
      RUNS,
    );
  });

  test("small amounts over many tied weights (every tie rule matters), decimals 0–10", () => {
    fc.assert(
      fc.property(decimal(4, false, false), tiedWeightsArb(12), fc.integer({ min: 0, max: 10 }), (amount, ws, d) => {
        const expected = allocateReference(amount.q, ws.map((w) => w.q), d).map(toDouble);
        expect(allocate(amount.x, ws.map((w) => w.x), d).map(z)).toEqual(expected);
      }),
      RUNS,
    );
  });

  test("large amounts and weights (up to 10^15 units, 0–4 places; the fast path's wide products and the fallback)", () => {
    fc.assert(
      fc.property(
        decimal(4, false, true),
        fc.array(decimal(4, true, true), { minLength: 1, maxLength: 6 }).filter((ws) => ws.some((w) => w.q.n > 0n)),
        fc.integer({ min: 0, max: 10 }),
        (amount, ws, d) => {
          const expected = allocateReference(amount.q, ws.map((w) => w.q), d).map(toDouble);
          expect(allocate(amount.x, ws.map((w) => w.x), d).map(z)).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  test("SOCINV.ALLOCATE keeps the weights' shape, reads cells row by row, blanks are 0", () => {
    fc.assert(
      fc.property(
        decimal(),
        fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 })).chain(([R, N]) =>
          fc.array(fc.array(cellOf(decimal(4, true, false)), { minLength: N, maxLength: N }), { minLength: R, maxLength: R }),
        ),
        fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        fc.boolean(),
        (amount, grid, d, boxed) => {
          const flat = grid.flat().map((c) => c.q);
          fc.pre(flat.some((w) => w.n > 0n));
          const parts = allocateReference(amount.q, flat, d ?? 0).map(toDouble);
          const N = grid[0].length;
          const expected = grid.map((_, r) => parts.slice(r * N, r * N + N));
          const got = SOCINV.allocate(boxed ? [[amount.x]] : amount.x, grid.map((row) => row.map((c) => c.cell)), d);
          expect(got).not.toBeInstanceOf(FakeCustomFunctionError);
          expect(zs(got as number[][])).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  test("worked: 100 over [1, 1, 1] → [34, 33, 33]; −100 → [−34, −33, −33]; 10 over [1, 2] → 3⅓, 6⅔ → [3, 7]", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(10, [1, 2])).toEqual([3, 7]);
  });
});

// ---------------------------------------------------------------------------------------------------
// REPAYMENTPLAN
// ---------------------------------------------------------------------------------------------------

/**
 * FUNCTIONS.md / DOMAIN.md: straight-line |A|/n a year, or an annuity A·r/(1 − (1+r)^−n) when r > 0,
 * as an exact rational; cumulative rule C_t = t·X rounded; each year split by the key by the
 * running-total rule. Negative amounts mirrored.
 */
function repaymentPlanReference(amount: Q, key: readonly Q[], years: number, rate: Q, decimals: number): Q[][] {
  const magnitude = q(babs(amount.n), amount.d);
  let yearly: Q;
  if (rate.n === 0n) yearly = div(magnitude, q(BigInt(years)));
  else {
    const growth = q((rate.d + rate.n) ** BigInt(years), rate.d ** BigInt(years)); // (1 + r)^n
    yearly = div(mul(magnitude, rate), sub(q(1n), div(q(1n), growth))); // A·r / (1 − (1+r)^−n)
  }
  const scale = q(pow10(decimals));
  const keyTotal = sumQ(key);
  const rows: Q[][] = key.map(() => []);
  let previous = 0n;
  const totals = runningTotals(key.length);
  for (let t = 1; t <= years; t++) {
    const rounded = roundHalfAway(mul(mul(yearly, q(BigInt(t))), scale));
    const parts = key.map((k) => div(mul(mul(yearly, k), scale), keyTotal));
    const units = runningTotalSplit(parts, rounded - previous, totals);
    previous = rounded;
    units.forEach((u, b) => rows[b].push(q(amount.n < 0n ? -u : u, pow10(decimals))));
  }
  return rows;
}
const rateArb = fc.oneof(
  { arbitrary: fc.constant(zeroDec), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 4 }).chain((p) => fc.integer({ min: 1, max: Math.max(1, 2 * 10 ** (p - 1)) }).map((k) => decOf(BigInt(k), p))), weight: 3 },
);

describe("repaymentPlan vs an exact rational reference", () => {
  test("straight-line and annuity, rates with 0–4 places, key weights with decimals, decimals 0–4", () => {
    fc.assert(
      fc.property(
        decimal(4, false, true),
        fc.oneof(weightsArb(5), tiedWeightsArb(5)),
        fc.integer({ min: 1, max: 12 }),
        rateArb,
        fc.integer({ min: 0, max: 4 }),
        (amount, key, years, rate, d) => {
          const expected = repaymentPlanReference(amount.q, key.map((k) => k.q), years, rate.q, d).map((row) => row.map(toDouble));
          const got = repaymentPlan(amount.x, key.map((k) => k.x), years, rate.x, d);
          expect(zs(got)).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  test("large amounts and keys (near-equal remainders between rows), up to 40 years", () => {
    fc.assert(
      fc.property(
        decimal(4, false, true),
        fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 4 })),
        fc.integer({ min: 1, max: 40 }),
        rateArb,
        fc.integer({ min: 0, max: 6 }),
        (amount, [base, offsets, p], years, rate, d) => {
          const key = offsets.map((o) => decOf(base + BigInt(o) > 0n ? base + BigInt(o) : 1n, p));
          const expected = repaymentPlanReference(amount.q, key.map((k) => k.q), years, rate.q, d).map((row) => row.map(toDouble));
          expect(zs(repaymentPlan(amount.x, key.map((k) => k.x), years, rate.x, d))).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  test("the annuity's yearly total matches Excel's −PMT (formulajs) to 1e-9 relative before rounding", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 10 ** 9 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 2000 }), (amount, years, bp) => {
        const rate = bp / 10_000;
        const plan = repaymentPlan(amount, [1], years, rate, 4);
        const total = plan[0].reduce((s, x) => s + x, 0);
        const pmt = -formulajs.PMT(rate, years, amount) as number;
        expect(Math.abs(total - pmt * years)).toBeLessThanOrEqual(1e-9 * pmt * years + 1e-4 * years);
      }),
      RUNS,
    );
  });

  test("SOCINV.REPAYMENTPLAN: one row per key entry whatever the key's orientation; blank key cells are 0", () => {
    fc.assert(
      fc.property(
        decimal(4, false, false),
        fc.array(cellOf(decimal(4, true, false)), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        rateArb,
        fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        (amount, key, asColumn, years, rate, d) => {
          fc.pre(key.some((k) => k.q.n > 0n));
          const expected = repaymentPlanReference(amount.q, key.map((k) => k.q), years, rate.q, d ?? 0).map((row) => row.map(toDouble));
          const cells = key.map((k) => k.cell);
          const got = SOCINV.repaymentPlan(amount.x, asColumn ? cells.map((c) => [c]) : [cells], years, rate.x === 0 ? undefined : rate.x, d);
          expect(got).not.toBeInstanceOf(FakeCustomFunctionError);
          expect(zs(got as number[][])).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  test("worked: 100 over 3 years by [1, 1] → cumulative 33⅓, 66⅔, 100 rounds to 33, 67, 100: years 33, 34, 33", () => {
    // Year totals 33, 34, 33, each split 50/50. Year 0: 16.5 + 16.5, the unit to the earlier row of two
    // equal gaps (½): 17, 16 (row 0 is now ½ ahead of its exact total, row 1 ½ behind). Year 1: 17 + 17.
    // Year 2: 16.5 + 16.5; row 1's gap is ½ + ½ = 1, row 0's −½ + ½ = 0: the unit goes to row 1.
    // Totals 50 and 50 (the largest-remainder rule alone gave row 0 both units: 51 and 49).
    expect(repaymentPlan(100, [1, 1], 3)).toEqual([
      [17, 17, 16],
      [16, 17, 17],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// REPAYMENT
// ---------------------------------------------------------------------------------------------------

interface RepaymentCase {
  disbursements: Dec[];
  savings: Dec[][];
  share: Dec | undefined;
  cap: Dec | undefined;
  lag: number | undefined;
  decimals: number | undefined;
  cashable: Dec[] | undefined;
}
/**
 * FUNCTIONS.md REPAYMENT: start = first year with a disbursement > 0, plus lag; eligible_b = share ·
 * cashable_b · max(saving, 0); payment = min(Σ eligible, cap not yet repaid), split in proportion to
 * eligible; the cap first rounded down to `decimals`; cumulative rounding, the running-total rule
 * within the year.
 */
/** A year's split: the running-total rule (FUNCTIONS.md) or, to measure what it replaced, largest remainder alone. */
type YearRule = (parts: readonly Q[], target: bigint, totals: RunningTotals) => bigint[];
const oldLargestRemainderRule: YearRule = (parts, target, totals) => {
  const units = largestRemainder(parts, target);
  units.forEach((u, i) => {
    totals.exact[i] = add(totals.exact[i], parts[i]);
    totals.rounded[i] += u;
  });
  return units;
};

/** Largest |rounded − exact| running total of any row in any year, in units, after a reference run. */
let lastLargestGap: Q = Q0;

function repaymentReference(c: RepaymentCase, rule: YearRule = runningTotalSplit): Q[][] {
  const rows = c.savings.length;
  const horizon = Math.max(c.disbursements.length, ...c.savings.map((r) => r.length));
  const decimals = c.decimals ?? 0;
  const out: Q[][] = Array.from({ length: rows }, () => new Array<Q>(horizon).fill(Q0));
  const first = c.disbursements.findIndex((d) => d.q.n > 0n);
  if (first < 0) return out;
  const share = c.share?.q ?? q(1n);
  const scale = q(pow10(decimals));
  const cap = q(floorQ(mul(c.cap?.q ?? sumQ(c.disbursements.map((d) => d.q)), scale)), pow10(decimals));
  let cumulative = Q0;
  let roundedCumulative = 0n;
  const totals = runningTotals(rows);
  lastLargestGap = Q0;
  for (let t = first + (c.lag ?? 0); t < horizon; t++) {
    const eligible = c.savings.map((row, b) => mul(mul(share, c.cashable?.[b].q ?? q(1n)), qmax(row[t]?.q ?? Q0, Q0)));
    const total = sumQ(eligible);
    const payment = qmin(total, sub(cap, cumulative));
    if (payment.n === 0n) continue;
    const parts = eligible.map((e) => mul(div(mul(payment, e), total), scale));
    cumulative = add(cumulative, payment);
    const rounded = roundHalfAway(mul(cumulative, scale));
    const units = rule(parts, rounded - roundedCumulative, totals);
    roundedCumulative = rounded;
    totals.exact.forEach((e, b) => {
      const gap = sub(q(totals.rounded[b]), e);
      const size = gap.n < 0n ? q(-gap.n, gap.d) : gap;
      if (cmp(size, lastLargestGap) > 0) lastLargestGap = size;
    });
    units.forEach((u, b) => (out[b][t] = q(u, pow10(decimals))));
  }
  return out;
}
const repaymentCase = (cashable: boolean): fc.Arbitrary<RepaymentCase> =>
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 6 }))
    .chain(([rows, years]) =>
      fc.record({
        disbursements: fc.array(fc.oneof(fc.constant(zeroDec), decimal(4, true)), { minLength: 1, maxLength: years }),
        savings: fc.array(fc.array(decimal(), { minLength: 0, maxLength: years }), { minLength: rows, maxLength: rows }),
        share: fc.option(fraction, { nil: undefined }),
        // Caps with up to 6 places: half-unit ties of the rounded cumulative at decimals 0–4.
        cap: fc.option(
          fc.oneof(decimal(4, true, false), fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 11n }), fc.integer({ min: 0, max: 6 })).map(([k, d]) => decOf(k, d))),
          { nil: undefined },
        ),
        lag: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        decimals: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        cashable: cashable ? fc.option(fc.array(fraction, { minLength: rows, maxLength: rows }), { nil: undefined }) : fc.constant(undefined),
      }),
    );

describe("repayment vs an exact rational reference", () => {
  test("share, cap, lag, cashable shares, decimals 0–4; ragged rows padded", () => {
    fc.assert(
      fc.property(repaymentCase(true), (c) => {
        const expected = repaymentReference(c);
        const got = repayment(
          c.disbursements.map((d) => d.x),
          c.savings.map((row) => row.map((v) => v.x)),
          { share: c.share?.x, cap: c.cap?.x, lag: c.lag, decimals: c.decimals, cashableShares: c.cashable?.map((v) => v.x) },
        );
        expect(zs(got)).toEqual(expected.map((row) => row.map(toDouble)));
        // Invariants of FUNCTIONS.md: nothing negative; the rounded total never exceeds the cap.
        const cap = c.cap?.q ?? sumQ(c.disbursements.map((d) => d.q));
        const totalUnits = expected.flat().reduce((s, x) => add(s, x), Q0);
        expect(cmp(totalUnits, cap)).toBeLessThanOrEqual(0);
        for (const x of got.flat()) expect(x).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  // Issue 8.5: the rule decides by each förvaltning's running total. Many rows with small shares of a
  // year's total over many years: the largest gap between a row's rounded and exact running total.
  test("property: a row's rounded running total stays within 3 units of its exact one (the largest-remainder rule alone drifts further)", () => {
    let largestNew = Q0;
    let largestOld = Q0;
    const many = fc
      .tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 5, max: 40 }))
      .chain(([rows, years]) =>
        fc.record({
          disbursements: fc.constant(null).map(() => [decOf(10n ** 12n, 0)]),
          savings: fc.array(fc.array(fc.oneof(decimal(2, true, false), fc.constantFrom(decOf(10005n, 1), decOf(3333n, 2), decOf(1n, 1))), { minLength: years, maxLength: years }), { minLength: rows, maxLength: rows }),
          share: fc.option(fraction, { nil: undefined }),
          cap: fc.constant(undefined),
          lag: fc.constant(undefined),
          decimals: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
          cashable: fc.constant(undefined),
        }),
      );
    fc.assert(
      fc.property(many, (c) => {
        const expected = repaymentReference(c);
        if (cmp(lastLargestGap, largestNew) > 0) largestNew = lastLargestGap;
        const got = repayment(c.disbursements.map((d) => d.x), c.savings.map((row) => row.map((v) => v.x)), { share: c.share?.x, decimals: c.decimals });
        expect(zs(got)).toEqual(expected.map((row) => row.map(toDouble)));
        // Below 3 for these inputs, not below 2 as issue 8 expected: the rule itself has no constant bound
        // (the counterexample below). fast-check finds rare inputs here (rows whose exact part is whole in
        // some years, so they cannot round up) where one row reaches 2 or a little more.
        expect(cmp(lastLargestGap, q(3n))).toBeLessThan(0);
        repaymentReference(c, oldLargestRemainderRule);
        if (cmp(lastLargestGap, largestOld) > 0) largestOld = lastLargestGap;
      }),
      // A fixed seed: the rule has no constant bound (below), so a bound on random inputs is a measurement;
      // fixed, it is repeatable, and a change to the rule that drifts further still fails it.
      { ...RUNS, seed: 20261201 },
    );
    console.log(`largest gap between a row's rounded and exact running total: ${toDouble(largestNew)} units (running-total rule), ${toDouble(largestOld)} units (largest remainder alone)`);
    expect(cmp(largestOld, largestNew)).toBeGreaterThan(0);
  });

  // The rule as FUNCTIONS.md states it, followed exactly, lets a row's gap pass 2 units (and grow without
  // bound): each part is its exact value rounded down or up, so a row whose exact part is whole cannot be
  // rounded up, and in a year whose rounded total grows by nothing beyond the floors no row is. Two rows
  // (one row's gap is C − round(C), at most ½), decimals 0, share 1, cap not reached; A = [0, 0.01, 0,
  // 0.01, 0], B = [0.49, 1, 0.99, 1, 0.99]; d = exact − rounded running total:
  //  t0: C = 0.49, round 0: target 0, floors 0 → nothing up.        d_A = 0,     d_B = 0.49
  //  t1: C = 1.50, round 2: target 2, floors 0 + 1 = 1, one unit; B is whole, so A (key 0.01) → 1.
  //                                                                d_A = −0.99, d_B = 0.49
  //  t2: C = 2.49, round 2: target 0 → nothing up.                 d_A = −0.99, d_B = 1.48
  //  t3: C = 3.50, round 4: target 2, floors 1; A again (key −0.98, the only candidate).
  //                                                                d_A = −1.98, d_B = 1.48
  //  t4: C = 4.49, round 4: target 0.                              d_A = −1.98, d_B = 2.47
  // B has repaid 2 of 4.47: a gap of 2.47 units after five years. Repeating years t1–t2 adds 0.99 each
  // time: after 21 years B repays 10 of 20.39. None in four years found: 40,000 random two- and three-row,
  // four-year cases on a grid of twentieths reached 1.9 at most (by the rule in Python, with fractions).
  test("the running-total rule has no constant bound: two rows, five years, a gap of 2.47 units", () => {
    const a = [0, 0.01, 0, 0.01, 0];
    const b = [0.49, 1, 0.99, 1, 0.99];
    const c: RepaymentCase = {
      disbursements: [decOf(10n ** 12n, 0)],
      savings: [a.map((x) => decOf(BigInt(Math.round(x * 100)), 2)), b.map((x) => decOf(BigInt(Math.round(x * 100)), 2))],
      share: undefined,
      cap: undefined,
      lag: undefined,
      decimals: undefined,
      cashable: undefined,
    };
    expect(repaymentReference(c).map((row) => row.map(toDouble))).toEqual([[0, 1, 0, 1, 0], [0, 1, 0, 1, 0]]);
    expect(toDouble(lastLargestGap)).toBe(2.47);
    expect(zs(repayment([1e12], [a, b]))).toEqual([[0, 1, 0, 1, 0], [0, 1, 0, 1, 0]]);
    const longA = [0, ...Array.from({ length: 10 }, () => [0.01, 0]).flat()];
    const longB = [0.49, ...Array.from({ length: 10 }, () => [1, 0.99]).flat()];
    const totals = repayment([1e12], [longA, longB]).map((row) => row.reduce((sum, x) => sum + x, 0));
    expect(totals).toEqual([10, 10]); // exact 0.10 and 20.39: B's gap is 10.39 units
  });

  test("tied savings (equal remainders in capped and uncapped years: the tie rules at work)", () => {
    const tied = fc.constantFrom(0, 1, 1, 2, 3, 0.5, 7, -1, 10).map((x) => ({ x, q: x === 0.5 ? q(1n, 2n) : q(BigInt(x)) }));
    const small = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
      .chain(([rows, years]) =>
        fc.record({
          disbursements: fc.array(fc.constantFrom(zeroDec, decOf(5n, 0), decOf(1n, 1), decOf(13n, 0)), { minLength: 1, maxLength: years }),
          savings: fc.array(fc.array(tied, { minLength: years, maxLength: years }), { minLength: rows, maxLength: rows }),
          share: fc.option(fc.constantFrom(decOf(1n, 1), decOf(1n, 0), decOf(3n, 1), decOf(25n, 2)), { nil: undefined }),
          cap: fc.option(fc.constantFrom(decOf(1n, 0), decOf(5n, 0), decOf(7n, 1), decOf(333n, 2), decOf(10n, 0)), { nil: undefined }),
          lag: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
          decimals: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
          cashable: fc.option(fc.array(fc.constantFrom(decOf(1n, 0), decOf(5n, 1), decOf(1n, 1)), { minLength: rows, maxLength: rows }), { nil: undefined }),
        }),
      );
    fc.assert(
      fc.property(small, (c) => {
        const expected = repaymentReference(c);
        const got = repayment(
          c.disbursements.map((d) => d.x),
          c.savings.map((row) => row.map((v) => v.x)),
          { share: c.share?.x, cap: c.cap?.x, lag: c.lag, decimals: c.decimals, cashableShares: c.cashable?.map((v) => v.x) },
        );
        expect(zs(got)).toEqual(expected.map((row) => row.map(toDouble)));
      }),
      RUNS,
    );
  });

  // Savings below 10^15 (15 significant digits, read as they are), 3–5 förvaltningar: totals up to 4·10^15.
  test("a capped year whose eligible total is ≥ 2^51 (whole kronor near 2^49 per förvaltning)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 2 ** 20 }).map((k) => 2 ** 49 + k * 2 ** 28 + (k % 7)), { minLength: 2, maxLength: 3 }), { minLength: 3, maxLength: 5 }),
        fc.integer({ min: 1, max: 2 ** 29 }).map((k) => k * 2 ** 20 + (k % 13)),
        (savings, cap) => {
          const c: RepaymentCase = {
            disbursements: [decOf(1n, 0)],
            savings: savings.map((row) => row.map((x) => decOf(BigInt(x), 0))),
            share: undefined,
            cap: decOf(BigInt(cap), 0),
            lag: undefined,
            decimals: undefined,
            cashable: undefined,
          };
          const expected = repaymentReference(c).map((row) => row.map(toDouble));
          expect(zs(repayment([1], savings, { cap }))).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  test("SOCINV.REPAYMENT with Excel-shaped cells and blanks", () => {
    fc.assert(
      fc.property(
        repaymentCase(false),
        fc.context(),
        (c, ctx) => {
          const years = Math.max(c.disbursements.length, ...c.savings.map((r) => r.length));
          // An R×1 savings range is one series with years down (FUNCTIONS.md): not this test's case.
          fc.pre(years >= 2 || c.savings.length === 1);
          // Rectangular ranges; missing cells become blanks (padding to the horizon is the function's job).
          const blanks: Cell[] = [null, undefined, ""];
          const savingsCells = c.savings.map((row, b) => Array.from({ length: years }, (_, t) => (t < row.length ? row[t].x : blanks[(b + t) % 3])));
          const disbursementCells = [c.disbursements.map((d) => (d.x === 0 ? blanks[0] : d.x))];
          ctx.log(JSON.stringify({ savingsCells, disbursementCells }));
          const expected = repaymentReference(c).map((row) => row.map(toDouble));
          const got = SOCINV.repayment(disbursementCells, savingsCells, c.share?.x, c.cap?.x, c.lag, c.decimals);
          expect(got).not.toBeInstanceOf(FakeCustomFunctionError);
          // A one-row, one-column savings range follows the disbursements (a row): still 1×years.
          expect(zs(got as number[][])).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  test("worked: disbursed 100 in year 0, savings [60, 60] and [20, 20] → year 0: 80 (60, 20); year 1: cap left 20 split 3:1 → 15, 5", () => {
    expect(repayment([100], [[60, 60], [20, 20]])).toEqual([
      [60, 15],
      [20, 5],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// LIFECYCLE
// ---------------------------------------------------------------------------------------------------

const closeTo = (got: number, expected: number, tolerance: number) => {
  if (!(Math.abs(got - expected) <= tolerance)) throw new Error(`got ${got}, expected ${expected} ± ${tolerance}`);
};
/** PV of one row by the spec's words: timing 1 through Excel's NPV (formulajs), 0 and 0.5 by a Math.pow loop. */
function pvScalar(values: readonly number[], rate: number, timing: number): number {
  if (timing === 1) return values.length === 0 ? 0 : (formulajs.NPV(rate, ...values) as number);
  let sum = 0;
  for (let t = 0; t < values.length; t++) sum += values[t] / Math.pow(1 + rate, t + timing);
  return sum;
}
/** DOMAIN.md's year-varying DF(t) = Π_{k<t}(1 + r[k])^−1 · (1 + r[t])^−τ, as exp of a sum of logs. */
function pvVarying(values: readonly number[], rates: readonly number[], timing: number): number {
  let sum = 0;
  let logs = 0;
  for (let t = 0; t < values.length; t++) {
    sum += values[t] * Math.exp(-(logs + timing * Math.log1p(rates[t])));
    logs += Math.log1p(rates[t]);
  }
  return sum;
}
const positiveCost = fc.oneof(fc.integer({ min: 1, max: 10 ** 7 }), fc.integer({ min: 1, max: 10 ** 8 }).map((k) => k / 100));

describe("lifecycleTable / SOCINV.LIFECYCLE vs NPV and a direct Math.pow loop", () => {
  // N ≥ 2: an R×1 range is one series with years down (FUNCTIONS.md), not R actors of one year.
  const tables = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 12 }))
    .chain(([R, N]) =>
      fc.tuple(
        fc.array(fc.array(positiveCost, { minLength: N, maxLength: N }), { minLength: R, maxLength: R }),
        fc.array(fc.array(positiveCost, { minLength: N, maxLength: N }), { minLength: R, maxLength: R }),
        fc.array(fc.integer({ min: -500, max: 2000 }).map((bp) => bp / 10_000), { minLength: N, maxLength: N }),
      ),
    );
  const timing = fc.constantFrom(0, 0.5, 1);

  function check(
    got: { pvBaseline: number; pvIntervention: number; pvSaving: number; share: number | null }[],
    base: number[][],
    withIntervention: number[][],
    pv: (row: number[]) => number,
  ) {
    const rows = base.map((b, a) => {
      const pb = pv(b);
      const pi = pv(withIntervention[a]);
      return { pb, pi, ps: pv(b.map((x, t) => x - withIntervention[a][t])) };
    });
    const magnitude = rows.reduce((s, r) => s + Math.abs(r.pb) + Math.abs(r.pi), 0);
    const total = rows.reduce((s, r) => s + r.ps, 0);
    rows.forEach((r, a) => {
      closeTo(got[a].pvBaseline, r.pb, 1e-12 * r.pb);
      closeTo(got[a].pvIntervention, r.pi, 1e-12 * r.pi);
      closeTo(got[a].pvSaving, r.ps, 1e-12 * (r.pb + r.pi));
    });
    const last = got[base.length];
    closeTo(last.pvBaseline, rows.reduce((s, r) => s + r.pb, 0), 1e-12 * magnitude);
    closeTo(last.pvIntervention, rows.reduce((s, r) => s + r.pi, 0), 1e-12 * magnitude);
    closeTo(last.pvSaving, total, 1e-12 * magnitude);
    if (Math.abs(total) > 1e-6 * magnitude) {
      rows.forEach((r, a) => closeTo(got[a].share as number, r.ps / total, (1e-11 * magnitude * (1 + Math.abs(r.ps / total))) / Math.abs(total)));
      expect(last.share).toBe(1);
    }
  }

  test("engine, scalar rate, timing 0 / 0.5 / 1", () => {
    fc.assert(
      fc.property(tables, timing, ([base, withIntervention, rates], tau) => {
        const table = lifecycleTable(base, withIntervention, rates[0], tau);
        check([...table.rows, table.total], base, withIntervention, (row) => pvScalar(row, rates[0], tau));
      }),
      RUNS,
    );
  });

  test("engine, year-varying rates vs the product formula; a constant series equals the scalar rate", () => {
    fc.assert(
      fc.property(tables, timing, ([base, withIntervention, rates], tau) => {
        const table = lifecycleTable(base, withIntervention, rates, tau);
        check([...table.rows, table.total], base, withIntervention, (row) => pvVarying(row, rates, tau));
        const constant = lifecycleTable(base, withIntervention, rates.map(() => rates[0]), tau);
        check([...constant.rows, constant.total], base, withIntervention, (row) => pvScalar(row, rates[0], tau));
      }),
      RUNS,
    );
  });

  test("SOCINV.LIFECYCLE: (R+1)×4 with blanks as 0 and a rate as a cell or a row of rates", () => {
    fc.assert(
      fc.property(tables, timing, fc.boolean(), fc.context(), ([base, withIntervention, rates], tau, varying, ctx) => {
        // Blank out some cells (they count as 0): every third cell of the intervention by position.
        const blanks: Cell[] = [null, undefined, ""];
        const interventionCells = withIntervention.map((row, a) => row.map((x, t) => ((a + t) % 3 === 2 ? blanks[t % 3] : x)));
        const interventionValues = withIntervention.map((row, a) => row.map((x, t) => ((a + t) % 3 === 2 ? 0 : x)));
        ctx.log(JSON.stringify({ base, interventionCells, rates, tau }));
        const got = SOCINV.lifecycle(base, interventionCells, varying ? [rates] : [[rates[0]]], tau);
        expect(got).not.toBeInstanceOf(FakeCustomFunctionError);
        const out = got as (number | string)[][];
        expect(out.length).toBe(base.length + 1);
        for (const row of out) expect(row.length).toBe(4);
        const asRows = out.map((r) => ({
          pvBaseline: r[0] as number,
          pvIntervention: r[1] as number,
          pvSaving: r[2] as number,
          share: r[3] === "" ? null : (r[3] as number),
        }));
        check(asRows, base, interventionValues, (row) => (varying ? pvVarying(row, rates, tau) : pvScalar(row, rates[0], tau)));
      }),
      RUNS,
    );
  });

  test("worked: the total saving 0 gives share \"\" (baseline = intervention = [100, 100])", () => {
    const got = SOCINV.lifecycle([[100, 100]], [[100, 100]], [[0.1]]) as (number | string)[][];
    expect(got[1][3]).toBe("");
    expect(got[0][3]).toBe("");
  });
});

// ---------------------------------------------------------------------------------------------------
// NETEFFECT
// ---------------------------------------------------------------------------------------------------

/** DOMAIN.md §2: net[t] = gross[t]·(1−dw)·attr·(1−disp)·(1−drop)^max(0, t − t₁), t₁ per row. */
function netEffectReference(gross: readonly number[], dw: number, attr: number, disp: number, drop: number): number[] {
  const first = gross.findIndex((x) => x !== 0);
  return gross.map((x, t) => x * (1 - dw) * attr * (1 - disp) * Math.pow(1 - drop, Math.max(0, t - (first < 0 ? 0 : first))));
}
const effectShare = fc.oneof(fc.constantFrom(0, 0.25, 0.5, 1), fc.integer({ min: 0, max: 100 }).map((k) => k / 100), fc.double({ min: 0, max: 1, noNaN: true }));
const grossRow = (N: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: N }), fc.array(fc.oneof(fc.integer({ min: -(10 ** 6), max: 10 ** 6 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), { minLength: N, maxLength: N }))
    .map(([lead, xs]) => xs.map((x, t) => (t < lead ? 0 : x)));

describe("netEffect vs the direct formula", () => {
  const case_ = fc.tuple(
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 20 })).chain(([R, N]) => fc.array(grossRow(N), { minLength: R, maxLength: R })),
    effectShare,
    effectShare,
    effectShare,
    effectShare,
  );
  const matches = (got: number[][], gross: number[][], dw: number, attr: number, disp: number, drop: number) => {
    gross.forEach((row, r) => {
      const expected = netEffectReference(row, dw, attr, disp, drop);
      expected.forEach((e, t) => {
        if (row[t] === 0) expect(got[r][t]).toBe(0);
        // The reference multiplies in another order: results in the subnormal range may round to 0 in one only.
        else if (e === 0) expect(Math.abs(got[r][t])).toBeLessThanOrEqual(1e-300);
        else closeTo(got[r][t], e, 1e-12 * Math.abs(e) + 1e-290);
      });
    });
  };

  test("engine: per-row t₁, leading zeros stay 0", () => {
    fc.assert(
      fc.property(case_, ([gross, dw, attr, disp, drop]) => {
        matches(netEffect(gross, { deadweight: dw, attribution: attr, displacement: disp, dropoff: drop }), gross, dw, attr, disp, drop);
      }),
      RUNS,
    );
  });

  test("SOCINV.NETEFFECT: blanks as 0 (also as leading zeros), omitted adjustments take their defaults", () => {
    fc.assert(
      fc.property(case_, fc.boolean(), ([gross, dw, attr, disp, drop], omit) => {
        const blanks: Cell[] = [null, undefined, ""];
        const cells = gross.map((row) => row.map((x, t) => (x === 0 ? blanks[t % 3] : x)));
        const args = omit ? [undefined, null, undefined, null] : [dw, attr, disp, drop];
        const got = SOCINV.netEffect(cells, ...args);
        expect(got).not.toBeInstanceOf(FakeCustomFunctionError);
        const [d0, a0, s0, p0] = omit ? [0, 1, 0, 0] : [dw, attr, disp, drop];
        const out = got as number[][];
        if (gross[0].length === 1 && gross.length > 1) {
          // An N×1 column is one series with years down: the result is a column too.
          matches([out.map((r) => r[0])], [gross.map((r) => r[0])], d0, a0, s0, p0);
        } else matches(out, gross, d0, a0, s0, p0);
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// PAYBACK
// ---------------------------------------------------------------------------------------------------

/**
 * A brute-force scan by FUNCTIONS.md: cumulative net at the end of year t is reached at time t + 1;
 * the first year-end at which the cumulative, having been negative, is ≥ 0 again, interpolated
 * linearly inside that year; 0 when it is never negative; null (#N/A) when it never recovers.
 * Exact for whole-krona flows at rate 0.
 */
function paybackExact(investment: readonly bigint[], savings: readonly bigint[]): Q | null {
  const n = Math.max(investment.length, savings.length);
  // FUNCTIONS.md: the first time the cumulative net, having been negative, reaches ≥ 0 again; 0 when
  // it is never negative; null (#N/A) when it is negative and never recovers.
  let cumulative = 0n;
  let wasNegative = false;
  for (let t = 0; t < n; t++) {
    const flow = (savings[t] ?? 0n) - (investment[t] ?? 0n);
    const before = cumulative;
    cumulative += flow;
    if (cumulative < 0n) wasNegative = true;
    else if (wasNegative) return add(q(BigInt(t)), q(-before, flow));
  }
  return wasNegative ? null : Q0;
}

describe("payback vs a brute-force scan of the cumulative", () => {
  const flows = (max: number) => fc.array(fc.integer({ min: -(10 ** 6), max: 10 ** 6 }), { minLength: 0, maxLength: max });
  const nonNegativeFlows = (max: number) => fc.array(fc.integer({ min: 0, max: 10 ** 6 }), { minLength: 0, maxLength: max });

  test("rate 0, whole kronor (exact): the year and the fraction inside it, or never", () => {
    fc.assert(
      fc.property(nonNegativeFlows(10), fc.array(flows(10), { minLength: 1, maxLength: 3 }), fc.boolean(), (investment, savingsRows, asMatrix) => {
        const width = Math.max(0, ...savingsRows.map((r) => r.length));
        const summed = Array.from({ length: width }, (_, t) => savingsRows.reduce((s, r) => s + BigInt(r[t] ?? 0), 0n));
        const savings = asMatrix ? savingsRows.map((r) => [...r, ...new Array<number>(width - r.length).fill(0)]) : savingsRows[0];
        const flat = asMatrix ? summed : savingsRows[0].map(BigInt);
        fc.pre(Math.max(investment.length, flat.length) > 0);
        const expected = paybackExact(investment.map(BigInt), flat);
        const got = payback(investment, savings);
        if (expected === null) expect(got.reached).toBe(false);
        else {
          expect(got.reached).toBe(true);
          const years = (got as { years: number }).years;
          closeTo(years, toDouble(expected), 4 * Number.EPSILON * Math.max(1, toDouble(expected)));
        }
      }),
      RUNS,
    );
  });

  test("discounted (scalar or year-varying rate, timing 0 / 0.5 / 1) vs a Math.pow scan", () => {
    fc.assert(
      fc.property(
        nonNegativeFlows(10),
        flows(10),
        fc.array(fc.integer({ min: 0, max: 1500 }).map((bp) => bp / 10_000), { minLength: 10, maxLength: 10 }),
        fc.boolean(),
        fc.constantFrom(0, 0.5, 1),
        (investment, savings, rates, varying, tau) => {
          const n = Math.max(investment.length, savings.length);
          fc.pre(n > 0);
          const rate = varying ? rates.slice(0, n) : rates[0];
          const factor = (t: number) =>
            varying ? Math.exp(-(rates.slice(0, t).reduce((s, r) => s + Math.log1p(r), 0) + tau * Math.log1p(rates[t]))) : Math.pow(1 + rates[0], -(t + tau));
          let cumulative = 0;
          let scale = 0;
          let expected: number | null = null;
          let ambiguous = false;
          let wasNegative = false;
          for (let t = 0; t < n; t++) {
            const flow = ((savings[t] ?? 0) - (investment[t] ?? 0)) * factor(t);
            const before = cumulative;
            cumulative += flow;
            scale += Math.abs(flow);
            if (Math.abs(cumulative) <= 1e-9 * scale) ambiguous = true; // too close to 0 to call in doubles
            if (cumulative < 0) wasNegative = true;
            else if (wasNegative) {
              expected = t + -before / flow;
              break;
            }
          }
          if (!wasNegative) expected = 0;
          fc.pre(!ambiguous);
          const got = payback(investment, savings, rate, tau);
          if (expected === null) expect(got.reached).toBe(false);
          else {
            expect(got.reached).toBe(true);
            closeTo((got as { years: number }).years, expected, 1e-9 * Math.max(1, expected));
          }
        },
      ),
      RUNS,
    );
  });

  test("SOCINV.PAYBACK: a number, or #N/A exactly when the exact scan never reaches 0", () => {
    fc.assert(
      fc.property(nonNegativeFlows(8), flows(8), (investment, savings) => {
        const n = Math.max(investment.length, savings.length);
        fc.pre(n > 0);
        const blanks: Cell[] = [null, undefined, ""];
        const cells = (xs: number[]) => [xs.length === 0 ? [null] : xs.map((x, t) => (x === 0 ? blanks[t % 3] : x))];
        const expected = paybackExact(investment.map(BigInt), savings.map(BigInt));
        const got = SOCINV.payback(cells(investment), cells(savings));
        if (expected === null) {
          expect(got).toBeInstanceOf(FakeCustomFunctionError);
          expect((got as unknown as FakeCustomFunctionError).code).toBe("#N/A");
        } else {
          expect(typeof got).toBe("number");
          closeTo(got as number, toDouble(expected), 4 * Number.EPSILON * Math.max(1, toDouble(expected)));
        }
      }),
      RUNS,
    );
  });

  // FUNCTIONS.md: "until the cumulative net first reaches ≥ 0 … #N/A when it never does". Investment
  // 10,000,000,000 in year 0, savings 9,999,999,999.99 in year 1. Exact cumulative: −1e10, then −0.01
  // (doubles give −0.0100002…, still clearly negative), so it never pays back: #N/A. (A tolerance of
  // 1e-12·Σ|flows|, −0.02 here, once reported this as paid back in 2 years.)
  test("PAYBACK: one öre short of the investment (10 Mdr kr) never pays back → #N/A, not 2", () => {
    expect(payback([1e10], [0, 9999999999.99]).reached).toBe(false);
  });
  test("PAYBACK: whole kronor, 1 kr short of 10^13 → #N/A, not 2 (cumulative exactly −1 in doubles)", () => {
    // −1e13 + (1e13 − 1) = −1 exactly in doubles; the rounding-noise bound (t+2)·4ε·Σ|flow| ≈ 0.05 keeps it negative.
    expect(payback([1e13], [0, 1e13 - 1]).reached).toBe(false);
  });

  test("worked (FUNCTIONS.md): investment 100 in year 0, savings 50 in years 1 and 2 → 3; never negative → 0; {0,100,0,0} vs {0,0,60,60} → 3.667", () => {
    expect(payback([100], [0, 50, 50])).toEqual({ reached: true, years: 3 });
    // Cumulative +10, then −90 for good: negative and never recovered within the horizon.
    expect(payback([0, 100], [10, 0])).toEqual({ reached: false, horizon: 2 });
    // Cumulative +10, +10: never negative → 0.
    expect(payback([0, 0], [10, 0])).toEqual({ reached: true, years: 0 });
    // 0, −100, −40, +20: negative from year 1, recovers inside year 3 at 3 + 40/60 = 3.667.
    const late = payback([0, 100, 0, 0], [0, 0, 60, 60]);
    expect(late.reached).toBe(true);
    closeTo((late as { years: number }).years, 11 / 3, 1e-12);
    expect(payback([0], [10, 0])).toEqual({ reached: true, years: 0 });
    // issue 8: +10, −90, +10: negative from year 1, back to 0 inside year 2 at 90/100 → 2.9 (was 0)
    expect(payback([0, 100], [10, 0, 100])).toEqual({ reached: true, years: 2.9 });
    // +10, −90 and never back: #N/A (was 0)
    expect(payback([0, 100], [10, 0]).reached).toBe(false);
  });
});
