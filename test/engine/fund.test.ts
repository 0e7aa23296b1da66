import Decimal from "decimal.js";
import fc from "fast-check";
import { SocinvError } from "../../src/engine/errors";
import { bigints, DOES_NOT_FIT, doubles } from "../../src/engine/exact/calculator";
import { checkFundInputs, freeCapacity, fundProjection, fundProjectionFast, fundProjectionReference } from "../../src/engine/fund";
import { matrix, money, ore, RUNS, wholeKronor } from "./moneyArbitraries";

const Big = Decimal.clone({ precision: 2000 });

describe("fundProjection: the ledger year by year", () => {
  test("exact decimals: opening 0.1, contribution 0.2, disbursement 0.3 closes at exactly 0", () => {
    const p = fundProjection(0.1, [0.2], [0.3], [0]);
    expect(p.closing).toEqual([0]);
    expect(0.1 + 0.2 - 0.3).not.toBe(0); // what doubles would have said
  });

  test("issue 9.15: a computed cell is read as Excel shows it: =0.1+0.2 as contribution closes at 0.3, not 0.30000000000000004", () => {
    const p = fundProjection(0, [0.1 + 0.2, 1000 / 3], [[0]], [[0]]);
    expect(p.contributions).toEqual([0.3, 333.333333333333]);
    expect(p.closing).toEqual([0.3, 333.633333333333]);
  });

  test("Ale-like fund: 10 Mkr, two projects, repayments from year 2; lowest balance and first negative year", () => {
    // closing: 10 − 4 − 3 = 3; 3 + 0 − 4 − 2 = −3; −3 + 1 + 2.5 = 0.5; 0.5 + 1 + 2.5 = 4 (Mkr)
    const p = fundProjection(10, [0, 0, 1, 1], [[4, 4], [3, 2]], [[0, 0, 1.5, 1.5], [0, 0, 1, 1]]);
    expect(p.opening).toEqual([10, 3, -3, 0.5]);
    expect(p.disbursements).toEqual([7, 6, 0, 0]);
    expect(p.repayments).toEqual([0, 0, 2.5, 2.5]);
    expect(p.closing).toEqual([3, -3, 0.5, 4]);
    expect(p.lowest).toEqual({ balance: -3, year: 1 });
    expect(p.firstNegativeYear).toBe(1);
  });

  test("other outflows, padding to the longest input, first of equal lowest balances", () => {
    const p = fundProjection(5, [1], [[1]], [0, 0, 0], [1, 0, 0]);
    expect(p.closing).toEqual([4, 4, 4]);
    expect(p.lowest).toEqual({ balance: 4, year: 0 });
    expect(p.firstNegativeYear).toBeNull();
  });

  test("the scale widens while the rows are summed: whole kronor, halves, quarters mid-row, then thousandths in the repayments", () => {
    // disbursements: 1 + 0.5 = 1.5, 2 + 0.25 = 2.25; repayments 0.125, 0
    // closing: 0 − 1.5 + 0.125 = −1.375; −1.375 − 2.25 = −3.625
    const p = fundProjection(0, [0], [[1, 2], [0.5, 0.25]], [[0.125, 0]]);
    expect(p.disbursements).toEqual([1.5, 2.25]);
    expect(p.repayments).toEqual([0.125, 0]);
    expect(p.closing).toEqual([-1.375, -3.625]);
    expect(p.lowest).toEqual({ balance: -3.625, year: 1 });
  });

  test("accumulate, both calculators: sums so far are multiplied up when a value needs more places", () => {
    for (const c of [doubles, bigints] as const) {
      const acc = c.vector(3);
      // [1, 2, 3] at scale 0; then 0.5 (1 place) and 0.25 (2 places): units of 0.01 kr 150, 225, 300
      expect(c.accumulate([1, 2, 3], 0, acc as never, 3)).toBe(0);
      expect(c.accumulate([0.5, 0.25], 0, acc as never, 3)).toBe(2);
      expect(Array.from(acc as ArrayLike<number | bigint>, Number)).toEqual([150, 225, 300]);
    }
    // In doubles, a sum that would pass 2^53 when multiplied up gives up (BigInt reruns) rather than round.
    // 900 719 925 474 100 · 10 > 2^53 = 9 007 199 254 740 992.
    const acc = doubles.vector(1);
    doubles.accumulate([900_719_925_474_100], 0, acc, 1);
    expect(() => doubles.accumulate([0.5], 0, acc, 1)).toThrow(DOES_NOT_FIT);
    const big = fundProjection(0, [0], [[900_719_925_474_100], [0.5]], [[0]]);
    // Exact: 900 719 925 474 100.5, a double itself (below 2^52 every half is one)
    expect(big.disbursements).toEqual([900_719_925_474_100.5]);
  });

  test("whole kronor whose column sum passes 2^53 leave the doubles and stay exact (addWhole's check)", () => {
    // Eleven rows of 900 000 000 000 001 kr: 9 900 000 000 000 011 > 2^53, which no double holds (odd above 2^53).
    const rows = Array.from({ length: 11 }, () => [900_000_000_000_001]);
    expect(() => doubles.sumRows(rows, 0, doubles.vector(1), 1)).toThrow(DOES_NOT_FIT);
    const acc = bigints.vector(1);
    expect(bigints.sumRows(rows, 0, acc, 1)).toBe(0);
    expect(acc).toEqual([9_900_000_000_000_011n]);
    // The ledger shows the sum Excel would: the nearest double, 9 900 000 000 000 012.
    expect(fundProjection(0, [0], rows, [[0]]).disbursements).toEqual([9_900_000_000_000_012]);
  });

  test("a first row on course past 2^53 leaves the doubles at once, and a matrix whose later rows are small is still exact", () => {
    // 10^13 kr in the first of 1,000 rows: 1,000 such rows would pass 2^53, so the doubles give up after row one…
    const rows = [[10_000_000_000_000, 1], ...Array.from({ length: 999 }, () => [0.25, 2])];
    expect(() => doubles.sumRows(rows, 0, doubles.vector(2), 2)).toThrow(DOES_NOT_FIT);
    // …though the sums would have fitted (at 2 places: 10^15 + 24 975 and 199 900): the BigInt path gives them exactly.
    expect(fundProjection(0, [0], rows, [[0]]).disbursements).toEqual([10_000_000_000_249.75, 1999]);
    // One row, or a first row far below the bound, stays in doubles.
    expect(doubles.sumRows([[10_000_000_000_000, 1]], 0, doubles.vector(2), 2)).toBe(0);
    expect(doubles.sumRows(rows.slice(1), 0, doubles.vector(2), 2)).toBe(2);
  });

  test("free capacity: closing minus disbursements already decided for later years", () => {
    const p = fundProjection(100, [0, 0, 0], [0], [0]);
    // committed 10, 20, 30 (year 0..2) and 5 beyond the horizon (year 3): year 0: 100 − (20 + 30 + 5) = 45
    expect(freeCapacity(p, [10, 20, 30, 5])).toEqual([45, 65, 95]);
    expect(freeCapacity(fundProjection(0.3, [], [0], [0]), [0, 0.1])).toEqual([0.2]);
  });

  test("invalid inputs are SocinvErrors", () => {
    expect(() => fundProjection(NaN, [], [], [])).toThrow(SocinvError);
    expect(() => fundProjection(0, [1, Infinity], [], [])).toThrow(SocinvError);
    expect(() => fundProjection(0, [1], [["x" as unknown as number]], [])).toThrow(SocinvError);
    expect(() => freeCapacity(fundProjection(0, [1], [0], [0]), [NaN])).toThrow(SocinvError);
  });
});

describe("fundProjection: properties (fast-check)", () => {
  const caseArb = fc.record({
    opening: money(),
    contributions: fc.array(money(), { maxLength: 8 }),
    disbursements: matrix(money(), 4, 8),
    repayments: matrix(money(), 4, 8),
    other: fc.array(money(), { maxLength: 8 }),
  });

  const kronor = fc.oneof(wholeKronor, ore);
  const realisticCase = fc.record({
    opening: kronor,
    contributions: fc.array(kronor, { maxLength: 8 }),
    disbursements: matrix(kronor, 4, 8),
    repayments: matrix(kronor, 4, 8),
    other: fc.array(kronor, { maxLength: 8 }),
  });

  test("property: the fast path and the decimal.js path give identical results", () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.oneof(caseArb, realisticCase), (c) => {
        const inputs = checkFundInputs(c.opening, c.contributions, c.disbursements, c.repayments, c.other);
        const quick = fundProjectionFast(inputs);
        if (quick === null) return;
        fast++;
        expect(quick).toEqual(fundProjectionReference(inputs));
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(1000);
  });

  // Kronor and öre: exact balances have few enough digits to come back as the same decimal from a double.
  test("property: the identity closing = opening + contributions − disbursements + repayments − other holds exactly every year", () => {
    fc.assert(
      fc.property(realisticCase, (c) => {
        const p = fundProjection(c.opening, c.contributions, c.disbursements, c.repayments, c.other);
        const b = (x: number) => new Big(x);
        p.closing.forEach((closing, t) => {
          const expectedOpening = t === 0 ? c.opening : p.closing[t - 1];
          expect(p.opening[t]).toBe(expectedOpening);
          const sum = (rows: number[][]) => rows.reduce((s, r) => s.plus(b(r[t] ?? 0)), b(0));
          const identity = b(p.opening[t])
            .plus(b(c.contributions[t] ?? 0))
            .minus(sum(c.disbursements))
            .plus(sum(c.repayments))
            .minus(b(c.other[t] ?? 0));
          expect(b(closing).equals(identity)).toBe(true);
          expect(Number.isFinite(closing)).toBe(true);
        });
        const lowest = Math.min(...p.closing);
        expect(p.lowest).toEqual({ balance: lowest, year: p.closing.indexOf(lowest) });
        const negative = p.closing.findIndex((x) => x < 0);
        expect(p.firstNegativeYear).toBe(negative < 0 ? null : negative);
      }),
      RUNS,
    );
  });

  test("computed-cell matrices: a bad cell is named in the arguments' order, though the sums met it first", () => {
    // The exact path sums the matrices before any cell check; the check then runs in order.
    const computed = [[1 / 7, 2 / 7], [1000 / 3, 5 / 11]];
    const named = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof SocinvError ? e.argument : "not a SocinvError";
      }
      return undefined;
    };
    expect(named(() => fundProjection(0, [1], computed, [[1 / 3, "x" as unknown as number]]))).toBe("repayments");
    expect(named(() => fundProjection(0, [1], [[1 / 7, NaN]], computed, [Infinity]))).toBe("disbursements");
    expect(named(() => fundProjection(0, [1, Infinity], [[1 / 7, NaN]], computed))).toBe("contributions");
    // a hole in a series (every() would skip it) and in a matrix row
    // eslint-disable-next-line no-sparse-arrays
    expect(named(() => fundProjection(0, [1, , 2] as number[], computed, computed))).toBe("contributions");
    // eslint-disable-next-line no-sparse-arrays
    expect(named(() => fundProjection(0, [1], computed, [[1 / 3, , 2 / 3] as number[]]))).toBe("repayments");
  });

  test("property: computed-cell matrices beside öre and whole kronor equal decimal.js on the shown values", () => {
    // Each matrix is summed its own cheapest way (doubles at its own scale, TwoSum pairs, cell by cell) and
    // brought to the common scale: the ledger must be the one decimal.js gives from the shown cells.
    const shown15 = (x: number) => new Big(Number(x.toPrecision(15)));
    const cell = fc.oneof(ore, wholeKronor, fc.integer({ min: -2e9, max: 2e9 }).map((k) => k / 7), fc.integer({ min: 0, max: 2e9 }).map((k) => k / 3e5));
    fc.assert(
      fc.property(fc.tuple(ore, fc.array(ore, { minLength: 1, maxLength: 4 }), matrix(cell, 6, 4), matrix(cell, 6, 4)), ([opening, contributions, d, r]) => {
        const p = fundProjection(opening, contributions, d, r);
        let balance = new Big(opening);
        for (let t = 0; t < p.closing.length; t++) {
          let sumD = new Big(0);
          let sumR = new Big(0);
          for (const row of d) sumD = sumD.plus(shown15(row[t] ?? 0));
          for (const row of r) sumR = sumR.plus(shown15(row[t] ?? 0));
          expect(p.disbursements[t]).toBe(sumD.toNumber());
          expect(p.repayments[t]).toBe(sumR.toNumber());
          balance = balance.plus(contributions[t] ?? 0).minus(sumD).plus(sumR);
          expect(p.closing[t]).toBe(balance.toNumber());
        }
      }),
      RUNS,
    );
  });

  test("property: invalid inputs throw SocinvError, never TypeError", () => {
    const junk = fc.oneof(fc.constant(NaN), fc.constant(Infinity), fc.string(), fc.constant(undefined), fc.boolean());
    fc.assert(
      fc.property(fc.oneof(money(), junk), fc.array(fc.oneof(money(), junk), { maxLength: 3 }), fc.array(fc.oneof(money(), junk), { maxLength: 3 }), (o, c, d) => {
        try {
          const p = fundProjection(o as number, c as number[], d as number[], [0]);
          p.closing.forEach((x) => expect(Number.isFinite(x)).toBe(true));
        } catch (e) {
          expect(e).toBeInstanceOf(SocinvError);
        }
      }),
      RUNS,
    );
  });
});
