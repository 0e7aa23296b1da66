import { expectSocinv } from "../support/expectSocinv";
import Decimal from "decimal.js";
import fc from "fast-check";
import { PMT } from "@formulajs/formulajs";
import { SocinvError } from "../../src/engine/errors";
import { checkPlanInputs, repaymentPlan, repaymentPlanFast, repaymentPlanReference } from "../../src/engine/repaymentPlan";
import { fewDecimals, money, nonNegative, RUNS } from "./moneyArbitraries";

const Big = Decimal.clone({ precision: 2000 });
const yearTotals = (rows: number[][]) => rows[0].map((_, t) => rows.reduce((s, r) => s.plus(new Big(r[t])), new Big(0)).toNumber());

describe("repaymentPlan: worked cases", () => {
  test("straight-line 100 over 3 years: cumulative 33.3, 66.7, 100 rounds to 33, 67, 100 → 33, 34, 33", () => {
    expect(repaymentPlan(100, [1], 3)).toEqual([[33, 34, 33]]);
  });

  test("annuity 1000 at 3.5 % over 5 years, key 1:2:3 → −PMT = 221.4814… a year", () => {
    // Cumulative 221.48, 442.96, 664.44, 885.93, 1107.41 → rounded 221, 443, 664, 886, 1107:
    // year totals 221, 222, 221, 222, 221. Parts 36.914, 73.827, 110.741 → floors 36 + 73 + 110 = 219.
    // Year 0 (2 units): gaps .914, .827, .741 → rows 0 and 1: 37, 74, 110 (drifts −.086, −.173, +.741).
    // Year 1 (3 units): all: 37, 74, 111 (drifts −.173, −.346, +.482).
    // Year 2 (2 units): gaps −.173+.914 = .741, −.346+.827 = .481, .482+.741 = 1.223 → rows 2 and 0.
    // … each row's 5-year total is its exact total rounded: 184.57 → 184, 369.14 → 369, 553.70 → 554.
    const plan = repaymentPlan(1000, [1, 2, 3], 5, 0.035);
    expect(plan).toEqual([
      [37, 37, 37, 37, 36],
      [74, 74, 73, 74, 74],
      [110, 111, 111, 111, 111],
    ]);
    const pmt = -PMT(0.035, 5, 1000) as number;
    expect(pmt).toBeCloseTo(221.4814, 4);
    const paid = yearTotals(plan).reduce((s, x) => s + x, 0);
    expect(paid).toBe(Math.round(5 * pmt)); // 1107
  });

  test("decimals = 2 and a negative amount: mirrored", () => {
    const plan = repaymentPlan(-1000, [1, 1], 3, 0, 2);
    // 333.333… a year, cumulative 333.33, 666.67, 1000 → 333.33, 333.34, 333.33; split 1:1: 166.665 each
    // (the öre to row 0, the earlier of equal gaps), 166.67 each, 166.665 each (the öre to row 1, ½ öre behind).
    expect(plan).toEqual([
      [-166.67, -166.67, -166.66],
      [-166.66, -166.67, -166.67],
    ]);
  });

  test("the annuity matches Excel's PMT for 30 years at 2 %: every year total within one unit of −PMT", () => {
    const plan = repaymentPlan(5_000_000, [3, 2, 1], 30, 0.02);
    const pmt = -PMT(0.02, 30, 5_000_000) as number;
    yearTotals(plan).forEach((total) => expect(Math.abs(total - pmt)).toBeLessThan(1));
  });

  test("a negative rate is rejected (#NUM!): the plan is straight-line, or an annuity when rate > 0", () => {
    expectSocinv(() => repaymentPlan(1000, [1], 4, -0.1), "num", "rate", "notNegative");
    expectSocinv(() => repaymentPlan(1000, [1], 4, -1), "num", "rate", "notNegative");
  });

  test("invalid inputs are SocinvErrors", () => {
    const problem = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(SocinvError);
        return `${(e as SocinvError).argument}:${(e as SocinvError).problem}`;
      }
      return "none";
    };
    expect(problem(() => repaymentPlan(100, [1], 0))).toBe("years:wholeNumber");
    expect(problem(() => repaymentPlan(100, [1], 1001))).toBe("years:wholeNumber");
    expect(problem(() => repaymentPlan(100, [1], 2.5))).toBe("years:wholeNumber");
    expect(problem(() => repaymentPlan(100, [-1, 2], 2))).toBe("key:notNegative");
    expect(problem(() => repaymentPlan(100, [0], 2))).toBe("key:weightsSum");
    expect(problem(() => repaymentPlan(100, [1], 2, NaN))).toBe("rate:notFinite");
    expect(problem(() => repaymentPlan(100, [1], 2, 0, 11))).toBe("decimals:wholeNumber");
    expect(problem(() => repaymentPlan(Infinity, [1], 2))).toBe("amount:notFinite");
  });
});

/** The exact cumulative total after t years, rounded half up to d decimals, with BigInt (öre amount, rate in ‰). */
function roundedCumulative(amountOre: bigint, ratePermille: bigint, years: number, t: number, d: number): bigint {
  const scale = 10n ** BigInt(d);
  let num: bigint;
  let den: bigint;
  if (ratePermille === 0n) {
    num = amountOre * BigInt(t) * scale;
    den = 100n * BigInt(years);
  } else {
    const g = (1000n + ratePermille) ** BigInt(years);
    const h = 1000n ** BigInt(years);
    num = amountOre * ratePermille * g * BigInt(t) * scale;
    den = 100n * 1000n * (g - h);
    if (den < 0n) [num, den] = [-num, -den];
  }
  const q = num / den;
  return 2n * (num - q * den) >= den ? q + 1n : q;
}

describe("repaymentPlan: properties (fast-check)", () => {
  const key = fc.array(nonNegative(false), { minLength: 1, maxLength: 6 }).filter((k) => k.some((x) => x > 0));
  const rate = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2000 }).map((k) => k / 10000), fc.double({ min: 1e-9, max: 0.5, noNaN: true }));

  test("property: the fast path and the decimal.js path give identical results", () => {
    let fast = 0;
    fc.assert(
      fc.property(money(), fc.oneof(key, fc.array(nonNegative(true), { minLength: 1, maxLength: 4 }).filter((k) => k.some((x) => x > 0))), fc.integer({ min: 1, max: 25 }), rate, fewDecimals, (a, k, n, r, d) => {
        const inputs = checkPlanInputs(a, k, n, r, d);
        const quick = repaymentPlanFast(inputs);
        if (quick === null) return;
        fast++;
        expect(quick).toEqual(repaymentPlanReference(inputs));
      }),
      RUNS,
    );
    expect(fast).toBeGreaterThan(100); // annuities (a^n beyond 2^53) run in BigInt
  });

  test("property: cumulative totals equal the rounded exact cumulative annuity/straight-line totals; parts never change sign", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }),
        key,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 300 }),
        fewDecimals,
        (ore, k, n, permille, d) => {
          const plan = repaymentPlan(ore / 100, k, n, permille / 1000, d);
          const totals = yearTotals(plan);
          let paid = new Big(0);
          const magnitude = BigInt(Math.abs(ore));
          totals.forEach((total, t) => {
            paid = paid.plus(total);
            const expected = new Big(roundedCumulative(magnitude, BigInt(permille), n, t + 1, d).toString()).div(new Big(10).pow(d));
            expect(paid.abs().equals(expected)).toBe(true);
          });
          plan.flat().forEach((x) => expect(ore >= 0 ? x >= 0 : x <= 0).toBe(true));
        },
      ),
      RUNS,
    );
  });
});
