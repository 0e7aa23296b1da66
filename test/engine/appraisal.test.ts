import { expectSocinv } from "../support/expectSocinv";
import fc from "fast-check";
import { benefitCostRatio, netBenefit, payback, sumRows } from "../../src/engine/appraisal";
import { discountFactors, presentValue } from "../../src/engine/discount";
import { SocinvError } from "../../src/engine/errors";


const years = (n: number, value: number) => new Array<number>(n).fill(value);

describe("sumRows", () => {
  test("column sums padded to the longest row: [1,2] + [10,20,30] = [11,22,30]", () => {
    expect(sumRows([[1, 2], [10, 20, 30]])).toEqual([11, 22, 30]);
  });
  test("no rows, or only empty rows, give an empty series", () => {
    expect(sumRows([])).toEqual([]);
    expect(sumRows([[], []])).toEqual([]);
  });
});

/*
 * WSIPP worked case (DOMAIN.md): cost 3,000, benefit 500/yr for 20 years at 3 %, end-of-period flows:
 * NPV 4,526, BCR 2.55. End-of-period for every flow = timing 1 (Excel's NPV), cost in year 0:
 *   PV(benefits) = 500·(1 − 1.03^-20)/0.03 = 7,438.74;  PV(cost) = 3,000/1.03 = 2,912.62
 *   NPV = 4,526.12;  BCR = 2.5540
 * (timing 0 would give 4,661.90, a BCR that rounds to 2.55 too, but the wrong NPV.)
 */
describe("netBenefit and benefitCostRatio: the WSIPP worked case", () => {
  test("NPV 4,526 at timing 1", () => {
    const npv = netBenefit([3000], years(20, 500), 0.03, 1);
    expect(npv).toBeCloseTo(4526.12, 2);
    expect(Math.round(npv)).toBe(4526);
  });
  test("BCR 2.55 at timing 1 (7,438.74 / 2,912.62 = 2.55397)", () => {
    const bcr = benefitCostRatio([3000], years(20, 500), 0.03, 1);
    expect(bcr).toBeCloseTo(2.55397, 5);
    expect(bcr.toFixed(2)).toBe("2.55");
  });
  test("the default timing 0 (year 0 undiscounted) gives 4,661.90 instead", () => {
    expect(netBenefit([3000], years(20, 500), 0.03)).toBeCloseTo(4661.9, 2);
  });
});

describe("netBenefit and benefitCostRatio: conventions", () => {
  test("savings as a matrix are summed over rows: [[300,200],[200,300,500]] = 500/yr for 3 years", () => {
    // 10 %, timing 0: PV(savings) = 500 + 454.545… + 413.223… = 1367.768…; investment 1000 in year 0
    const matrix = netBenefit([1000], [[300, 200], [200, 300, 500]], 0.1);
    const series = netBenefit([1000], [500, 500, 500], 0.1);
    expect(matrix).toBeCloseTo(367.7685950413223, 9);
    expect(matrix).toBeCloseTo(series, 12);
    expect(benefitCostRatio([1000], [[300, 200], [200, 300, 500]], 0.1)).toBeCloseTo(1.3677685950413223, 12);
  });

  test("the shorter series is padded with zeros: investment in years 0–2, savings only in year 0", () => {
    // investment 100, 110, 121 at 10 % = 300; savings 50 in year 0
    expect(netBenefit([100, 110, 121], [50], 0.1)).toBeCloseTo(-250, 10);
  });

  test("a rate series must be as long as the longer of the two series", () => {
    expect(netBenefit([100], [0, 110], [0.1, 0.2])).toBeCloseTo(0, 10);
    expectSocinv(() => netBenefit([100], [0, 110], [0.1]), "value", "rate", "rateLength", { count: 1, expected: 2 });
  });

  test("BCR with an investment worth 0 today is #DIV/0! zeroPresentValue", () => {
    expectSocinv(() => benefitCostRatio([0, 0], [10, 10], 0.03), "div0", "investment", "zeroPresentValue");
    expectSocinv(() => benefitCostRatio([], [10], 0.03), "div0", "investment", "zeroPresentValue");
  });

  test("BCR and net benefit share the validation: rate, timing, cells", () => {
    expectSocinv(() => benefitCostRatio([1], [1], -1), "num", "rate", "rateTooLow");
    expectSocinv(() => netBenefit([1], [1], 0.03, -0.5), "num", "timing", "timingRange");
    expectSocinv(() => netBenefit([1, NaN], [1], 0.03), "num", "investment", "notFinite", { column: 2 });
    expectSocinv(() => netBenefit([1], [[1], [2, Infinity]], 0.03), "num", "savings", "notFinite", { column: 2 });
  });

  test("net benefit = PV(S) − PV(K); BCR·PV(K) = PV(S); swapping the two negates the net (property)", () => {
    const series = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 50 });
    fc.assert(
      fc.property(series, series, fc.double({ min: -0.5, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (k, s, rate, timing) => {
        const n = Math.max(k.length, s.length);
        const df = discountFactors(rate, n, timing);
        const pvK = presentValue(k, df);
        const pvS = presentValue(s, df);
        const net = netBenefit(k, s, rate, timing);
        if (!Number.isFinite(net) || net !== pvS - pvK) return false;
        if (netBenefit(s, k, rate, timing) !== -net) return false;
        if (pvK === 0) return true;
        if (!Number.isFinite(pvS / pvK)) {
          // e.g. PV(K) = 5e-324: the ratio exceeds doubles and is an error, not Infinity
          expectSocinv(() => benefitCostRatio(k, s, rate, timing), "num", "savings", "resultOverflow");
          return true;
        }
        const bcr = benefitCostRatio(k, s, rate, timing);
        return Number.isFinite(bcr) && bcr === pvS / pvK;
      }),
      { numRuns: 1000 },
    );
  });
});

describe("payback: cumulative net S − K back to ≥ 0, year t's flows accruing during [t, t+1]", () => {
  test("FUNCTIONS.md example: investment 100 in year 0, savings 50 in years 1 and 2 → 3", () => {
    // cumulative at the end of year 0, 1, 2 (times 1, 2, 3): −100, −50, 0 → reached at time 3
    expect(payback([100], [0, 50, 50])).toEqual({ reached: true, years: 3 });
  });

  test("interpolated inside the year: −100, −60, −20, +20 → 3 + 20/40 = 3.5", () => {
    expect(payback([100], [0, 40, 40, 40])).toEqual({ reached: true, years: 3.5 });
  });

  test("a cumulative that is never negative is 0 (FUNCTIONS.md)", () => {
    expect(payback([100], [100])).toEqual({ reached: true, years: 0 });
    expect(payback([100, 0], [150, 10])).toEqual({ reached: true, years: 0 });
    expect(payback([], [])).toEqual({ reached: true, years: 0 });
  });

  test("a saving before the cost is not a payback: +50, −50, +50 → recovers in year 2 at 50/100 → 2.5", () => {
    // issue 8: the first time the cumulative, having been negative, reaches ≥ 0 (was 0 before the fix)
    expect(payback([0, 100], [50, 0, 100])).toEqual({ reached: true, years: 2.5 });
  });

  test("investment and savings in the same year 0: net −60, then +30 and +30 → 3", () => {
    // K = 100, 0, 0; S = 40, 30, 30 → cumulative −60, −30, 0 → 3
    expect(payback([100], [40, 30, 30])).toEqual({ reached: true, years: 3 });
  });

  test("never within the horizon is an answer of its own, with the horizon", () => {
    expect(payback([100], [0, 10])).toEqual({ reached: false, horizon: 2 });
    expect(payback([100, 0, 0, 0], [0, 10])).toEqual({ reached: false, horizon: 4 });
  });

  test("discounted when a rate is given: 10 %, −100 then 110 in year 1 (worth 100) → 2", () => {
    const result = payback([100], [0, 110], 0.1);
    expect(result.reached).toBe(true);
    expect((result as { years: number }).years).toBeCloseTo(2, 12);
    // undiscounted it pays back earlier: −100, +10 → 1 + 100/110
    expect((payback([100], [0, 110]) as { years: number }).years).toBeCloseTo(1 + 100 / 110, 12);
  });

  test("discounting can push payback beyond the horizon: 100 back as 50+50 undiscounted is 3, at 5 % never", () => {
    expect(payback([100], [0, 50, 50], 0.05)).toEqual({ reached: false, horizon: 3 });
  });

  test("years before the money do not count as paid back (issue 8: was 0)", () => {
    // cumulative at times 1..4: 0, −100, −50, 0 → negative from year 1, back to 0 at the end of year 3 → 4
    expect(payback([0, 100], [0, 0, 50, 50])).toEqual({ reached: true, years: 4 });
    // FUNCTIONS.md: {0, 100, 0, 0} against {0, 0, 60, 60}: 0, −100, −40, +20 → 3 + 40/60 = 11/3
    expect(payback([0, 100, 0, 0], [0, 0, 60, 60])).toEqual({ reached: true, years: 3 + 40 / 60 });
    // the same flows from year 0: −100, −50, 0 → 3
    expect(payback([100], [0, 50, 50])).toEqual({ reached: true, years: 3 });
  });

  test("the first recovery counts, even if the cumulative dips again later", () => {
    // −100, 0 (reached at 2), −50, −50
    expect(payback([100, 0, 50], [0, 100])).toEqual({ reached: true, years: 2 });
  });

  test("savings may be a matrix, summed over rows: [[0,25,25],[0,25,25]] = 0, 50, 50 → 3", () => {
    expect(payback([100], [[0, 25, 25], [0, 25, 25]])).toEqual({ reached: true, years: 3 });
  });

  test("rounding of doubles does not miss the crossing: 0.9 back as 0.3 + 0.6 (sums to −1.1e-16) → 3", () => {
    expect(-0.9 + 0.3 + 0.6).toBeLessThan(0); // the double sum really is short of 0
    expect(payback([0.9], [0, 0.3, 0.6])).toEqual({ reached: true, years: 3 });
  });

  test("validation as for the other functions; rate defaults to 0, where timing has no effect", () => {
    expectSocinv(() => payback([100], [0, 50], -1), "num", "rate", "rateTooLow");
    expectSocinv(() => payback([100], [0, 50], 0, 3), "num", "timing", "timingRange");
    expectSocinv(() => payback([NaN], [0, 50]), "num", "investment", "notFinite", { column: 1 });
    expectSocinv(() => payback([1], [0, -Infinity]), "num", "savings", "notFinite", { column: 2 });
    expect(payback([100], [0, 50, 50], 0, 1)).toEqual({ reached: true, years: 3 });
  });

  test("payback is the first year-end with a cumulative ≥ 0 after a negative one, interpolated to the zero crossing (property)", () => {
    const amount = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), fc.array(amount, { maxLength: 30 }), (k, s) => {
        const result = payback(k, s);
        const n = Math.max(k.length, s.length);
        const cumulative: number[] = [];
        let c = 0;
        for (let t = 0; t < n; t++) cumulative.push((c += (s[t] ?? 0) - (k[t] ?? 0)));
        const firstNegative = cumulative.findIndex((x) => x < 0);
        const firstReached = firstNegative < 0 ? -1 : cumulative.findIndex((x, t) => t > firstNegative && x >= 0);
        if (!result.reached) return firstNegative >= 0 && firstReached < 0 && result.horizon === n;
        if (firstNegative < 0) return result.years === 0;
        const T = result.years;
        const year = Math.ceil(T) - 1; // the crossing lies in year `year`, i.e. in [year, year+1]
        const before = cumulative[year - 1];
        const at = before + (cumulative[year] - before) * (T - year);
        return year === firstReached && before < 0 && Math.abs(at) < 1e-9;
      }),
      { numRuns: 1000 },
    );
  });

  test("any doubles give a finite answer or a SocinvError, never a TypeError (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double(), { maxLength: 8 }),
        fc.oneof(fc.array(fc.double(), { maxLength: 8 }), fc.array(fc.array(fc.double(), { maxLength: 8 }), { minLength: 1, maxLength: 3 })),
        fc.oneof(fc.double(), fc.array(fc.double(), { maxLength: 8 })),
        fc.double(),
        (k, s, rate, timing) => {
          try {
            const p = payback(k, s, rate, timing);
            const n = netBenefit(k, s, rate, timing);
            return (p.reached ? Number.isFinite(p.years) && p.years >= 0 : Number.isInteger(p.horizon)) && Number.isFinite(n);
          } catch (e) {
            return e instanceof SocinvError;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
