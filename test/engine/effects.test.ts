import { expectSocinv } from "../support/expectSocinv";
import fc from "fast-check";
import { netEffect, withOptimismBias } from "../../src/engine/effects";
import { SocinvError } from "../../src/engine/errors";


describe("netEffect: gross·(1−dw)·attr·(1−disp)·(1−dropoff)^max(0, t−t1)", () => {
  /*
   * deadweight 20 %, attribution 75 %, displacement 10 %: 0.8·0.75·0.9 = 0.54 of the gross remains.
   * drop-off 50 % from the row's first non-zero year t1 = 2:
   *   t: 0  1  2          3              4                5  6
   *      0  0  100·0.54   100·0.54·0.5   100·0.54·0.25    0  100·0.54·0.5^4
   *      0  0  54         27             13.5             0  3.375
   * (a zero year after t1 does not restart the drop-off clock)
   */
  test("worked example: 0, 0, 54, 27, 13.5, 0, 3.375", () => {
    const net = netEffect([[0, 0, 100, 100, 100, 0, 100]], {
      deadweight: 0.2,
      attribution: 0.75,
      displacement: 0.1,
      dropoff: 0.5,
    });
    expect(net).toHaveLength(1);
    const expected = [0, 0, 54, 27, 13.5, 0, 3.375];
    net[0].forEach((x, t) => expect(x).toBeCloseTo(expected[t], 12));
  });

  test("t1 is each row's own first non-zero year: a row starting in year 0 and one starting in year 2", () => {
    // drop-off 10 %: row 1: 100, 90, 81; row 2: 0, 0, 200 (its first year, undiminished)
    const net = netEffect(
      [
        [100, 100, 100],
        [0, 0, 200],
      ],
      { dropoff: 0.1 },
    );
    expect(net[0][0]).toBe(100);
    expect(net[0][1]).toBeCloseTo(90, 12);
    expect(net[0][2]).toBeCloseTo(81, 12);
    expect(net[1]).toEqual([0, 0, 200]);
  });

  test("defaults (deadweight 0, attribution 1, displacement 0, drop-off 0) return the gross unchanged, as a new matrix", () => {
    const gross = [
      [1, -2, 3.5],
      [0, 0, 0],
    ];
    const net = netEffect(gross);
    expect(net).toEqual(gross);
    expect(net).not.toBe(gross);
    expect(net[0]).not.toBe(gross[0]);
    expect(netEffect(gross, {})).toEqual(gross);
  });

  test("negative effects (costs) keep their sign; a zero result is +0, never −0", () => {
    const net = netEffect([[-100, -100]], { attribution: 0.5, dropoff: 0.5 });
    expect(net[0]).toEqual([-50, -25]);
    const zero = netEffect([[-100]], { attribution: 0 });
    expect(Object.is(zero[0][0], 0)).toBe(true);
  });

  test("drop-off 100 %: only the first year counts", () => {
    expect(netEffect([[0, 80, 80, 80]], { dropoff: 1 })).toEqual([[0, 80, 0, 0]]);
  });

  test("rows of different lengths keep their lengths; no rows gives no rows", () => {
    const net = netEffect([[10], [10, 10, 10]], { deadweight: 0.5 });
    expect(net).toEqual([[5], [5, 5, 5]]);
    expect(netEffect([])).toEqual([]);
  });

  test("matches the formula with Math.pow to 1e-12 relative on random inputs (property)", () => {
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.constant(0), fc.double({ min: -1e9, max: 1e9, noNaN: true })), { maxLength: 60 }), { maxLength: 5 }),
        fraction,
        fraction,
        fraction,
        fraction,
        (gross, deadweight, attribution, displacement, dropoff) => {
          const net = netEffect(gross, { deadweight, attribution, displacement, dropoff });
          return gross.every((row, r) => {
            const t1 = row.findIndex((x) => x !== 0);
            return row.every((x, t) => {
              const expected =
                x * (1 - deadweight) * attribution * (1 - displacement) * Math.pow(1 - dropoff, Math.max(0, t - (t1 < 0 ? 0 : t1)));
              const got = net[r][t];
              return Number.isFinite(got) && Math.abs(got) <= Math.abs(x) && Math.abs(got - expected) <= 1e-12 * Math.abs(x) * (t + 1);
            });
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("netEffect: validation", () => {
  test.each([
    ["deadweight", { deadweight: 1.5 }, "fractionRange"],
    ["deadweight", { deadweight: -0.01 }, "fractionRange"],
    ["attribution", { attribution: 1.01 }, "fractionRange"],
    ["attribution", { attribution: -1 }, "fractionRange"],
    ["displacement", { displacement: NaN }, "notFinite"],
    ["dropoff", { dropoff: 2 }, "fractionRange"],
    ["dropoff", { dropoff: Infinity }, "notFinite"],
  ])("%s out of [0, 1] (%o) is #NUM! %s", (argument, adjustments, problem) => {
    expectSocinv(() => netEffect([[1, 2]], adjustments), "num", argument, problem);
  });

  test("the bounds 0 and 1 are accepted", () => {
    expect(netEffect([[4]], { deadweight: 1, attribution: 0, displacement: 1, dropoff: 1 })).toEqual([[0]]);
    expect(netEffect([[4]], { deadweight: 0, attribution: 1, displacement: 0, dropoff: 0 })).toEqual([[4]]);
  });

  test("a non-finite gross cell is #NUM! notFinite with its row and column", () => {
    expectSocinv(() => netEffect([[1, 2], [0, 3, NaN]]), "num", "gross", "notFinite", { row: 2, column: 3 });
    expectSocinv(() => netEffect([[Infinity]]), "num", "gross", "notFinite", { row: 1, column: 1 });
  });

  test("any doubles give a finite matrix or a SocinvError, never a TypeError (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double(), { maxLength: 6 }), { maxLength: 3 }),
        fc.record({ deadweight: fc.double(), attribution: fc.double(), displacement: fc.double(), dropoff: fc.double() }, { requiredKeys: [] }),
        (gross, adjustments) => {
          try {
            return netEffect(gross, adjustments).every((row) => row.every(Number.isFinite));
          } catch (e) {
            return e instanceof SocinvError;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("withOptimismBias: cost·(1 + bias)", () => {
  test("a 50 % uplift: 100, 200, 0 → 150, 300, 0; bias 0 leaves costs as they are", () => {
    expect(withOptimismBias([100, 200, 0], 0.5)).toEqual([150, 300, 0]);
    expect(withOptimismBias([100, -20], 0)).toEqual([100, -20]);
  });

  test("Green Book style uplift of 24 % on a standard building cost of 1,000 → 1,240", () => {
    expect(withOptimismBias([1000], 0.24)[0]).toBeCloseTo(1240, 10);
  });

  test("a negative or NaN bias is #NUM! notNegative; an infinite one #NUM! notFinite", () => {
    expectSocinv(() => withOptimismBias([1], -0.1), "num", "optimismBias", "notNegative");
    expectSocinv(() => withOptimismBias([1], NaN), "num", "optimismBias", "notNegative");
    expectSocinv(() => withOptimismBias([1], Infinity), "num", "optimismBias", "notFinite");
  });

  test("a non-finite cost is named; an overflowing uplift is resultOverflow", () => {
    expectSocinv(() => withOptimismBias([1, NaN], 0.1), "num", "costs", "notFinite", { column: 2 });
    expectSocinv(() => withOptimismBias([1e308], 1), "num", "costs", "resultOverflow");
  });

  test("any doubles give finite costs or a SocinvError (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 10 }), fc.double(), (costs, bias) => {
        try {
          return withOptimismBias(costs, bias).every(Number.isFinite);
        } catch (e) {
          return e instanceof SocinvError;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
