import { expectSocinv } from "../support/expectSocinv";
import fc from "fast-check";
import { NPV } from "@formulajs/formulajs";
import { discountFactors, presentValue, presentValues } from "../../src/engine/discount";
import { SocinvError } from "../../src/engine/errors";

/** Asserts fn throws the SocinvError described (and not, say, a TypeError). */

const closeRel = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe("discountFactors: DF(t) = (1+r)^-(t+timing) for a scalar rate", () => {
  test("timing 0: year 0 undiscounted; 5 %: 1, 1/1.05 = 0.952380952…, 1/1.1025 = 0.907029478…", () => {
    const df = discountFactors(0.05, 3);
    expect(df).toHaveLength(3);
    expect(df[0]).toBe(1);
    expect(df[1]).toBeCloseTo(0.9523809523809523, 15);
    expect(df[2]).toBeCloseTo(0.9070294784580499, 15);
  });

  test("timing 0.5 (mid-year): 1.05^-0.5 = 1/√1.05 = 0.97590007…, 1.05^-1.5 = 0.97590007…/1.05 = 0.92942864…", () => {
    const df = discountFactors(0.05, 2, 0.5);
    expect(df[0]).toBeCloseTo(0.9759000729485332, 14);
    expect(df[1]).toBeCloseTo(0.9294286409033649, 14);
  });

  test("timing 1 (Excel's NPV): 10 %: 1/1.1, 1/1.21", () => {
    const df = discountFactors(0.1, 2, 1);
    expect(df[0]).toBeCloseTo(0.9090909090909091, 15);
    expect(df[1]).toBeCloseTo(0.8264462809917354, 15);
  });

  test("rate 0 gives factors of exactly 1, whatever the timing", () => {
    expect(Array.from(discountFactors(0, 4, 0.5))).toEqual([1, 1, 1, 1]);
  });

  test("a negative rate above −100 % is allowed: −50 % doubles each year: 1, 2, 4", () => {
    expect(Array.from(discountFactors(-0.5, 3))).toEqual([1, 2, 4]);
  });

  test("zero years gives an empty array", () => {
    expect(discountFactors(0.03, 0).length).toBe(0);
  });
});

describe("discountFactors: rate series, DF(t) = Π_{k<t}(1+r[k])^-1 · (1+r[t])^-timing", () => {
  test("r = 10 %, 20 %, 30 %, timing 0: 1, 1/1.1 = 0.90909…, 1/(1.1·1.2) = 1/1.32 = 0.757575…", () => {
    const df = discountFactors([0.1, 0.2, 0.3], 3);
    expect(df[0]).toBe(1);
    expect(df[1]).toBeCloseTo(1 / 1.1, 15);
    expect(df[2]).toBeCloseTo(1 / 1.32, 15);
  });

  test("timing 1: 1/1.1, 1/1.32, 1/(1.32·1.3) = 1/1.716 = 0.582750…", () => {
    const df = discountFactors([0.1, 0.2, 0.3], 3, 1);
    expect(df[0]).toBeCloseTo(1 / 1.1, 15);
    expect(df[1]).toBeCloseTo(1 / 1.32, 15);
    expect(df[2]).toBeCloseTo(1 / 1.716, 15);
  });

  test("timing 0.5: year t's own rate discounts the half year: 1.1^-0.5 = 0.953462…, 1.1^-1·1.2^-0.5 = 0.829882…", () => {
    const df = discountFactors([0.1, 0.2], 2, 0.5);
    expect(df[0]).toBeCloseTo(0.9534625892455922, 14);
    expect(df[1]).toBeCloseTo(0.8298826628866154, 14); // (1/1.1)·(1/√1.2) = 0.9090909…·0.9128709… (not 1.1^-1.5)
  });

  /*
   * HM Treasury Green Book: 3.5 % for years 0–30, then 3.0 % (years 31–75).
   * The Green Book quotes the rate of "year t" for the step from t−1 to t, and its factor of year 30 is
   * 1.035^-30 = 0.356278. In our series r[k] discounts year k+1 back to year k, so the schedule is
   * r[0..29] = 3.5 % (30 steps, reaching year 30) and r[30..] = 3.0 %, with timing 0:
   *   DF(40) = 1.035^-30 · 1.03^-10 = 0.356278 · 0.744094 = 0.265105  (the Green Book's 0.2651)
   *   flat:    1.035^-40            = 0.252572                        (0.2526)
   * Giving 3.5 % to 31 steps instead (r[0..30]) would give 1.035^-31·1.03^-9 = 0.2638: not the Green Book.
   */
  test("Green Book schedule: DF(40) = 0.2651 against 0.2526 at a flat 3.5 %", () => {
    const schedule = [...Array(30).fill(0.035), ...Array(11).fill(0.03)]; // 41 years: t = 0..40
    const declining = discountFactors(schedule, 41);
    const flat = discountFactors(0.035, 41);
    expect(declining[30]).toBeCloseTo(0.356278, 6);
    expect(declining[30]).toBeCloseTo(flat[30], 14); // identical up to year 30
    expect(declining[40]).toBeCloseTo(0.2651, 4);
    expect(declining[40]).toBeCloseTo(0.26510459733825, 12);
    expect(flat[40]).toBeCloseTo(0.2526, 4);
    expect(flat[40]).toBeCloseTo(0.25257246819459, 12);
  });

  test("a constant schedule equals the scalar rate (1e-13 relative), for every timing (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.9, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 120 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, years, timing) => {
          const scalar = discountFactors(r, years, timing);
          const series = discountFactors(new Array(years).fill(r), years, timing);
          for (let t = 0; t < years; t++) {
            if (!closeRel(scalar[t], series[t], 1e-13 * (t + 1))) return false;
          }
          return true;
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("discountFactors: validation", () => {
  test("a rate of −100 % or below is #NUM! rateTooLow", () => {
    expectSocinv(() => discountFactors(-1, 3), "num", "rate", "rateTooLow");
    expectSocinv(() => discountFactors(-2.5, 3), "num", "rate", "rateTooLow");
    expectSocinv(() => discountFactors(-Infinity, 3), "num", "rate", "rateTooLow");
    expectSocinv(() => discountFactors([0.03, -1, 0.03], 3), "num", "rate", "rateTooLow");
  });

  test("the argument name can be chosen by the caller", () => {
    expectSocinv(() => discountFactors(-1, 3, 0, "discountRate"), "num", "discountRate", "rateTooLow");
  });

  test("a rate series of another length than the horizon is #VALUE! rateLength with count and expected", () => {
    expectSocinv(() => discountFactors([0.03, 0.03], 3), "value", "rate", "rateLength", { count: 2, expected: 3 });
    expectSocinv(() => discountFactors([0.03, 0.03, 0.03, 0.03], 3), "value", "rate", "rateLength", {
      count: 4,
      expected: 3,
    });
  });

  test("timing outside [0, 1] (or NaN) is #NUM! timingRange", () => {
    expectSocinv(() => discountFactors(0.03, 3, -0.01), "num", "timing", "timingRange");
    expectSocinv(() => discountFactors(0.03, 3, 1.01), "num", "timing", "timingRange");
    expectSocinv(() => discountFactors(0.03, 3, NaN), "num", "timing", "timingRange");
  });

  test("a NaN or infinite rate is #NUM! notFinite; in a series the cell is named", () => {
    expectSocinv(() => discountFactors(NaN, 3), "num", "rate", "notFinite");
    expectSocinv(() => discountFactors(Infinity, 3), "num", "rate", "notFinite");
    expectSocinv(() => discountFactors([0.03, NaN], 2), "num", "rate", "notFinite", { row: 1, column: 2 });
  });

  test("factors that overflow doubles are #NUM! resultOverflow, not Infinity: 0.001^-200 = 1e600", () => {
    expectSocinv(() => discountFactors(-0.999, 201), "num", "rate", "resultOverflow");
    expectSocinv(() => discountFactors(new Array(201).fill(-0.999), 201), "num", "rate", "resultOverflow");
  });

  test("years must be a whole number from 0 to 1,000,000 (the most cells an argument may hold)", () => {
    expectSocinv(() => discountFactors(0.03, 2.5), "num", "years", "wholeNumber");
    expectSocinv(() => discountFactors(0.03, -1), "num", "years", "wholeNumber");
    expectSocinv(() => discountFactors(0.03, 1_000_001), "num", "years", "wholeNumber", { min: 0, max: 1_000_000 });
  });

  test("for any doubles as rate, timing and years, the result is finite factors or a SocinvError (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.array(fc.double(), { maxLength: 12 })),
        fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double()),
        fc.double(),
        (rate, years, timing) => {
          try {
            const df = discountFactors(rate, years as number, timing);
            return df.every((f) => Number.isFinite(f) && f >= 0);
          } catch (e) {
            return e instanceof SocinvError;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("presentValue", () => {
  test("Σ values·factors: 100, 100, 100 at 10 %, timing 0 = 100 + 90.909… + 82.644… = 273.5537…", () => {
    expect(presentValue([100, 100, 100], discountFactors(0.1, 3))).toBeCloseTo(273.55371900826447, 10);
  });

  test("values shorter than the factors count as zeros after their end", () => {
    const df = discountFactors(0.1, 5);
    expect(presentValue([100, 100], df)).toBeCloseTo(190.9090909090909, 10);
  });

  test("values longer than the factors are #VALUE! lengthMismatch (never truncated)", () => {
    expectSocinv(() => presentValue([1, 2, 3], discountFactors(0.1, 2)), "value", "values", "lengthMismatch", {
      count: 3,
      expected: 2,
    });
  });

  test("a non-finite value is #NUM! notFinite naming its cell, never NaN", () => {
    const df = discountFactors(0.1, 3);
    expectSocinv(() => presentValue([1, NaN, 3], df), "num", "values", "notFinite", { row: 1, column: 2 });
    expectSocinv(() => presentValues([[1], [2, Infinity]], df), "num", "values", "notFinite", { row: 2, column: 2 });
  });

  test("finite values whose sum overflows are #NUM! resultOverflow", () => {
    expectSocinv(() => presentValue([1e308, 1e308], [1, 1]), "num", "values", "resultOverflow");
  });

  test("presentValues: one PV per row with the same factors", () => {
    const df = discountFactors(0.1, 2);
    const pvs = presentValues([[110, 0], [0, 121], []], df);
    expect(pvs[0]).toBe(110);
    expect(pvs[1]).toBeCloseTo(110, 12); // 121 / 1.1
    expect(pvs[2]).toBe(0);
  });

  /*
   * Excel parity: NPV(r, v1..vn) = Σ v_j/(1+r)^j, j = 1..n, i.e. our timing 1 (value t=0 at j=1).
   * Relative tolerance 1e-12 of the conditioning scale Σ|v_j·DF_j|: where terms of mixed sign cancel, an
   * NPV near 0 has no meaningful relative digits in either implementation (both are double sums).
   */
  test("timing 1 equals @formulajs NPV to 1e-12 relative on random series (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.95, max: 1, noNaN: true }),
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 80 }),
        (r, values) => {
          const df = discountFactors(r, values.length, 1);
          const ours = presentValue(values, df);
          const excel = NPV(r, ...values) as number;
          let scale = 0;
          for (let t = 0; t < values.length; t++) scale += Math.abs(values[t] * df[t]);
          return Math.abs(ours - excel) <= 1e-12 * Math.max(scale, Math.abs(excel));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("timing 1 equals NPV for all-positive flows, where the relative error is plain (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.array(fc.double({ min: 0.01, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 100 }),
        (r, values) => {
          const ours = presentValue(values, discountFactors(r, values.length, 1));
          return closeRel(ours, NPV(r, ...values) as number, 1e-12);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("Excel spot check: NPV(10 %, −10000, 3000, 4200, 6800) = 1188.44 (Microsoft's NPV example)", () => {
    const pv = presentValue([-10000, 3000, 4200, 6800], discountFactors(0.1, 4, 1));
    expect(pv).toBeCloseTo(1188.4434123352207, 9);
  });

  test("PV of a sum = sum of PVs (linearity, to 1e-9 of the scale) (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), {
          maxLength: 100,
        }),
        (r, timing, pairs) => {
          const df = discountFactors(r, pairs.length, timing);
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const sum = pairs.map((p) => p[0] + p[1]);
          const scale = pairs.reduce((s, p, t) => s + (Math.abs(p[0]) + Math.abs(p[1])) * df[t], 0);
          return Math.abs(presentValue(sum, df) - (presentValue(a, df) + presentValue(b, df))) <= 1e-12 * scale + 1e-300;
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("finite values and in-range rate and timing give a finite PV (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: -0.9, max: 10, noNaN: true }), fc.array(fc.double({ min: -0.9, max: 10, noNaN: true }), { minLength: 100, maxLength: 100 })),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 100 }),
        (rate, timing, values) => {
          const df = discountFactors(rate, 100, timing);
          return Number.isFinite(presentValue(values, df));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

/*
 * WSIPP worked case (DOMAIN.md): cost 3,000, benefit 500 a year for 20 years at 3 %, "end-of-period
 * flows": NPV 4,526, BCR 2.55. The convention that reproduces both: every flow, the cost too, sits at
 * the end of its year, i.e. timing 1 (Excel's NPV) with the cost in year 0 and benefits in years 0–19:
 *   PV(benefits) = 500 · (1 − 1.03^-20) / 0.03 = 500 · 14.877475 = 7,438.74
 *   PV(cost)     = 3,000 / 1.03                                     = 2,912.62
 *   NPV = 4,526.12;  BCR = 7,438.74 / 2,912.62 = 2.554
 * (Cost undiscounted at timing 0 with benefits at the ends of years 1–20 would give 4,438.74 and 2.48;
 *  everything at timing 0 gives 4,661.90 and 2.55: only timing 1 matches both.)
 */
describe("WSIPP worked case through the discount primitives", () => {
  test("PV(benefits) = 7,438.74 and PV(cost) = 2,912.62 at 3 %, timing 1", () => {
    const df = discountFactors(0.03, 20, 1);
    const benefits = presentValue(new Array(20).fill(500), df);
    const cost = presentValue([3000], df);
    expect(benefits).toBeCloseTo(7438.74, 2);
    expect(cost).toBeCloseTo(2912.62, 2);
    expect(Math.round(benefits - cost)).toBe(4526);
    expect((benefits / cost).toFixed(2)).toBe("2.55");
  });
});
