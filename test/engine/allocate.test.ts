import Decimal from "decimal.js";
import fc from "fast-check";
import { allocate, allocateFast, allocateReference, allocateRows } from "../../src/engine/allocate";
import { SocinvError } from "../../src/engine/errors";
import { decimals, fewDecimals, money, nonNegative, ore, RUNS, wholeKronor } from "./moneyArbitraries";

const Big = Decimal.clone({ precision: 2000, rounding: Decimal.ROUND_HALF_UP });
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s.plus(new Big(x)), new Big(0));
const roundedAmount = (amount: number, d: number) => {
  const r = new Big(amount).abs().toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
  return amount < 0 ? r.neg() : r;
};

describe("allocate splits an amount by weights, rounded so the parts add up exactly", () => {
  test("100 over [1, 1, 1]: 33⅓ each, floors 99, the missing unit to the earliest of equal parts: [34, 33, 33]", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  test("−100 over [1, 1, 1]: |−100| split and negated: [−34, −33, −33]", () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
  });

  test("100 over [1, 2, 2]: exact 20, 40, 40, no remainder", () => {
    expect(allocate(100, [1, 2, 2])).toEqual([20, 40, 40]);
  });

  test("10 over [1, 1, 1, 1, 2]: 5/3 each and 10/3; floors 1+1+1+1+3 = 7; remainders ⅔ ×4 and ⅓: first three ⅔ get a unit", () => {
    // Exact parts 1.666…, 1.666…, 1.666…, 1.666…, 3.333…; 3 units missing; largest remainder ⅔ (four rows tie, equal parts) → rows 0, 1, 2.
    expect(allocate(10, [1, 1, 1, 1, 2])).toEqual([2, 2, 2, 1, 3]);
  });

  test("tie on the remainder goes to the larger exact part: 3 over [1, 3] at 0 decimals", () => {
    // exact 0.75 and 2.25; floors 0 + 2 = 2; remainders 0.75 and 0.25 → the first: [1, 2]
    expect(allocate(3, [1, 3])).toEqual([1, 2]);
    // 5 over [1, 1, 2, 2] → 0.833.., 0.833.., 1.666.., 1.666..: floors 0+0+1+1 = 2, 3 missing,
    // remainders ⅚, ⅚, ⅔, ⅔ → rows 0, 1 and then row 2 (ties ⅔: equal parts, earlier index)
    expect(allocate(5, [1, 1, 2, 2])).toEqual([1, 1, 2, 1]);
    // 1 over [1, 1, 2]·… with equal remainders but different parts: 2.5 over [1, 3] → 0.625, 1.875 at 1 decimal
    // → floors 0.6 + 1.8 = 2.4, round(2.5) = 2.5: one tenth missing, remainders .025 and .075 → the second: [0.6, 1.9]
    expect(allocate(2.5, [1, 3], 1)).toEqual([0.6, 1.9]);
  });

  test("equal remainders, unequal parts: 1 over [1, 1, 4, 4] … 0.1, 0.1, 0.4, 0.4 → units go to the larger parts", () => {
    // 3 over [1, 1, 4, 4] = 0.3, 0.3, 1.2, 1.2: floors 0+0+1+1 = 2; one missing; remainders .3, .3, .2, .2 → row 0
    expect(allocate(3, [1, 1, 4, 4])).toEqual([1, 0, 1, 1]);
    // 5 over [1, 3, 1] = 1, 3, 1 exactly → nothing to distribute
    expect(allocate(5, [1, 3, 1])).toEqual([1, 3, 1]);
    // 1.5 over [1, 2] = 0.5 and 1: floors 0 + 1 = 1, round(1.5) = 2: row 0 gets it → [1, 1]
    expect(allocate(1.5, [1, 2])).toEqual([1, 1]);
    // 7 over [1, 1, 5] ·(1/7) = 1, 1, 5 exactly
    expect(allocate(7, [1, 1, 5])).toEqual([1, 1, 5]);
    // 2 over [3, 1, 3, 1]: 0.75, 0.25, 0.75, 0.25: floors 0; 2 missing → rows 0 and 2 (remainder .75)
    expect(allocate(2, [3, 1, 3, 1])).toEqual([1, 0, 1, 0]);
    // equal remainder .5, different parts: 3 over [1, 5] = 0.5, 2.5: round(3) = 3, floors 0 + 2 = 2 → the larger part (2.5) → [0, 3]
    expect(allocate(3, [1, 5])).toEqual([0, 3]);
  });

  test("decimals = 2: 1000 kr over [1, 1, 1] → 333.34, 333.33, 333.33", () => {
    expect(allocate(1000, [1, 1, 1], 2)).toEqual([333.34, 333.33, 333.33]);
  });

  test("0.1 + 0.2 style inputs are read as decimals: 0.3 over [0.1, 0.2] at 1 decimal → [0.1, 0.2]", () => {
    expect(allocate(0.3, [0.1, 0.2], 1)).toEqual([0.1, 0.2]);
  });

  test("issue 9.15: money is read as Excel shows it (15 significant digits): =0.1+0.2 weighs as much as 0.3", () => {
    // 0.1 + 0.2 is the double 0.30000000000000004; Excel shows 0.3. Read exactly, it outweighed 0.3 and
    // took the unit of 1 split in two: [0, 1]. As shown, the weights are equal: the earlier row, [1, 0].
    expect(allocate(1, [0.3, 0.1 + 0.2])).toEqual([1, 0]);
    // =1000/3 is 333.333333333333 (15 digits): split 1:2 at 12 decimals → 111.111111111111, 222.222222222222.
    expect(allocate(1000 / 3, [1, 2], 10)).toEqual([111.1111111111, 222.2222222222]);
  });

  test("the amount is rounded half away from zero: 2.5 over [1] → 3; −2.5 → −3", () => {
    expect(allocate(2.5, [1])).toEqual([3]);
    expect(allocate(-2.5, [1])).toEqual([-3]);
  });

  test("zero weights get zero, never −0: −10 over [0, 1] → [0, −10]", () => {
    const parts = allocate(-10, [0, 1]);
    expect(parts).toEqual([0, -10]);
    expect(Object.is(parts[0], 0)).toBe(true);
  });

  test("frames in kronor as weights, amount with öre (products beyond 2^53): 12 345 678.90 over [345 000 000, 123 000 001, 7]", () => {
    // W = 468 000 008. Exact parts 9 100 981.0848…, 3 244 697.6305…, 0.1847…: floors 9 100 981 + 3 244 697 + 0
    // = 12 345 678, round(12 345 678.9) = 12 345 679: one unit to the largest remainder (row 1, .6305…)
    expect(allocate(12345678.9, [345000000, 123000001, 7])).toEqual([9100981, 3244698, 0]);
    expect(allocateFast(12345678.9, [345000000, 123000001, 7], 0)).toEqual([9100981, 3244698, 0]);
  });

  test("huge values take the decimal path and still add up: 1e300 over [1, 2]", () => {
    expect(allocateFast(1e300, [1, 2], 0)).toBeNull();
    const parts = allocate(1e300, [1, 2]);
    expect(sum(parts).minus(new Big("1e300")).abs().lessThan(new Big("1e285"))).toBe(true); // doubles of exact parts
  });

  test("invalid inputs are SocinvErrors naming the argument", () => {
    const fails = (f: () => unknown, argument: string, problem: string) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(SocinvError);
        expect((e as SocinvError).argument).toBe(argument);
        expect((e as SocinvError).problem).toBe(problem);
        return;
      }
      throw new Error("did not throw");
    };
    fails(() => allocate(10, [1, -1]), "weights", "notNegative");
    fails(() => allocate(10, [0, 0]), "weights", "weightsSum");
    fails(() => allocate(10, []), "weights", "weightsSum");
    fails(() => allocate(10, [1], 11), "decimals", "wholeNumber");
    fails(() => allocate(10, [1], 1.5), "decimals", "wholeNumber");
    fails(() => allocate(NaN, [1]), "amount", "notFinite");
    fails(() => allocate(Infinity, [1]), "amount", "notFinite");
    fails(() => allocate(10, [1, NaN]), "weights", "notFinite");
    fails(() => allocate("10" as unknown as number, [1]), "amount", "unsupportedValue");
    fails(() => allocate(10, null as unknown as number[]), "weights", "notSeries");
  });
});

describe("allocate: properties (fast-check)", () => {
  const weights = (fallback: boolean) => fc.array(nonNegative(fallback), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));

  test("allocateRows splits a range in reading order: 100 over [[1, 1], [1]] → [[34, 33], [33]], as over [1, 1, 1]", () => {
    expect(allocateRows(100, [[1, 1], [1]])).toEqual([[34, 33], [33]]);
    expect(allocateRows(-10, [[1], [1, 1, 1, 2]])).toEqual([[-2], [-2, -2, -1, -3]]);
  });

  test("allocateRows reports a bad weight as allocate does on the same cells as one list", () => {
    expect(() => allocateRows(100, [[1, 2], [-1]])).toThrow(expect.objectContaining({ problem: "notNegative" }));
    expect(() => allocateRows(100, [[0], [0, 0]])).toThrow(expect.objectContaining({ problem: "weightsSum" }));
  });

  test("property: allocateRows over any cut of the weights into rows equals allocate over the list, cut the same way", () => {
    fc.assert(
      fc.property(money(), fc.oneof(weights(false), weights(true)), decimals, fc.array(fc.nat(12), { maxLength: 4 }), (amount, w, d, cuts) => {
        const edges = [...new Set([0, ...cuts.map((k) => k % (w.length + 1)), w.length])].sort((x, y) => x - y);
        const rows = edges.slice(1).map((end, i) => w.slice(edges[i], end));
        const flat = allocate(amount, w, d);
        const cut = edges.slice(1).map((end, i) => flat.slice(edges[i], end));
        expect(allocateRows(amount, rows, d)).toEqual(cut);
      }),
      RUNS,
    );
  });

  test("property: the fast path and the decimal.js path give identical results", () => {
    let fast = 0;
    fc.assert(
      fc.property(money(), fc.oneof(weights(false), weights(true)), decimals, (amount, w, d) => {
        const quick = allocateFast(amount, w, d);
        if (quick === null) return true;
        fast++;
        expect(quick).toEqual(allocateReference(amount, w, d));
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(500); // decimals up to 10 and huge values push many cases to the decimal path
  });

  test("property: realistic kronor (up to 10^9 with öre, weights up to 10^9, 0–2 decimals) always take the fast path", () => {
    const kronor = fc.oneof(wholeKronor, ore.filter((x) => Math.abs(x) <= 1e9));
    fc.assert(
      fc.property(kronor, fc.array(kronor.map(Math.abs), { minLength: 1, maxLength: 50 }).filter((w) => w.some((x) => x > 0)), fc.integer({ min: 0, max: 2 }), (amount, w, d) => {
        expect(allocateFast(amount, w, d)).not.toBeNull();
      }),
      RUNS,
    );
  });

  test("property: the parts add up exactly (as decimals) to round(amount, decimals), each within one unit of its exact part", () => {
    fc.assert(
      fc.property(money(false), weights(false), fewDecimals, (amount, w, d) => {
        const parts = allocate(amount, w, d);
        expect(sum(parts).equals(roundedAmount(amount, d))).toBe(true);
        const unit = new Big(10).pow(-d);
        const total = sum(w);
        parts.forEach((p, i) => {
          const exactPart = new Big(amount).times(w[i]).div(total);
          expect(new Big(p).minus(exactPart).abs().lessThan(unit)).toBe(true);
          expect(Number.isFinite(p)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  test("property: a negative amount gives the mirrored parts", () => {
    fc.assert(
      fc.property(money(), weights(true), fewDecimals, (amount, w, d) => {
        expect(allocate(-amount, w, d)).toEqual(allocate(amount, w, d).map((x) => (x === 0 ? 0 : -x)));
      }),
      RUNS,
    );
  });

  test("property: any invalid input throws SocinvError, never TypeError, never NaN", () => {
    const junk = fc.oneof(fc.constant(NaN), fc.constant(Infinity), fc.constant(-1), fc.string(), fc.constant(null), fc.boolean());
    fc.assert(
      fc.property(fc.oneof(money(), junk), fc.array(fc.oneof(nonNegative(), junk), { maxLength: 5 }), fc.oneof(decimals, junk), (a, w, d) => {
        try {
          const parts = allocate(a as number, w as number[], d as number);
          parts.forEach((p) => expect(Number.isFinite(p)).toBe(true));
        } catch (e) {
          expect(e).toBeInstanceOf(SocinvError);
        }
      }),
      RUNS,
    );
  });
});
