import fc from "fast-check";
import { checkRepaymentInputs, repayment, repaymentReference } from "../../src/engine/repayment";
import { repaymentInUnits } from "../../src/engine/repaymentInUnits";
import { computedCell, matrix, nearHalf, ore, RUNS, wholeKronor } from "./moneyArbitraries";

/**
 * REPAYMENT's (whole, rest) path for computed cells against the BigInt path (repaymentReference),
 * which shares no arithmetic with it but the rules: identical results, cell for cell, wherever the
 * new path answers; and it must answer on the computed cells it was made for.
 */

/** Savings a sheet computes: =x/7, =x/3, kronor with öre, halves of a unit, next to a half at the 15th digit. */
const computedSaving = fc.oneof(
  fc.integer({ min: -2e8, max: 2e9 }).map((k) => k / 7),
  fc.integer({ min: 1, max: 2e9 }).map((k) => k / 3),
  fc.integer({ min: 0, max: 2e7 }).map((k) => (k + 0.5) / 100), // exact halves of an öre
  fc.integer({ min: 0, max: 2e7 }).map((k) => k + 0.5),
  nearHalf.map(Math.abs),
  computedCell,
  ore,
  wholeKronor,
);
const percent = fc.integer({ min: 0, max: 100 }).map((k) => k / 100);
const shareArb = fc.oneof(fc.constantFrom(1, 0.5, 0.25, 0.35), percent);

/** A cap near what the savings would repay over the first m years (so that it binds mid-year, or just not). */
function capNear(savings: number[][], share: number, years: number, offsetUnits: number, decimals: number): number {
  let total = 0;
  for (const row of savings) for (let t = 0; t < Math.min(years, row.length); t++) total += Math.max(0, row[t]) * share;
  return Math.max(0, Math.round(total * 10 ** decimals + offsetUnits) / 10 ** decimals);
}

describe("repaymentInUnits: REPAYMENT on computed cells in (whole, rest) doubles", () => {
  test("a worked case: savings 100/7 and 200/7 kr a year, share 0.5, öre", () => {
    // Shown: 14.2857142857143 and 28.5714285714286; eligible 7.14285714285715 and 14.2857142857143 kr.
    // Year 0: cumulative 21.42857142857145 → 21.43 kr; floors 7.14 + 14.28 = 21.42, one öre to the larger
    // remainder (0.2857… öre vs 0.5714… öre): row 1 → 7.14, 14.29.
    // Year 1: cumulative 42.8571428571429 → 42.86: 21.43 this year. Drifts (exact − rounded, in öre): row 0
    // +0.2857…, row 1 0.5714… − 1 = −0.4285…; keys: row 0 0.2857… + 0.2857… = 0.5714…, row 1 −0.4285… + 0.5714… = 0.1428…;
    // floors 7.14 + 14.28 = 21.42, one öre to row 0 → 7.15, 14.28.
    const savings = [
      [100 / 7, 100 / 7],
      [200 / 7, 200 / 7],
    ];
    const inputs = checkRepaymentInputs([1000], savings, { share: 0.5, decimals: 2 });
    const got = repaymentInUnits(inputs);
    expect(got).toEqual([
      [7.14, 7.15],
      [14.29, 14.28],
    ]);
    expect(got).toEqual(repaymentReference(inputs));
  });

  test("the cap binds in a computed year: the year is split in BigInt from the exact eligible amounts", () => {
    // Eligible per year 100/7 + 200/7 = 42.8571428571429 kr; cap 50: year 0 pays 42.86 (rounded), year 1
    // the remaining 7.14 split 1:2 → 2.38 and 4.76; nothing after.
    const savings = [
      [100 / 7, 100 / 7, 100 / 7],
      [200 / 7, 200 / 7, 200 / 7],
    ];
    const inputs = checkRepaymentInputs([50], savings, { decimals: 2 });
    const got = repaymentInUnits(inputs);
    expect(got).toEqual(repaymentReference(inputs));
    expect(got!.map((row) => row[2])).toEqual([0, 0]);
    expect(Math.round((got![0][0] + got![1][0]) * 100)).toBe(4286);
    expect(Math.round((got![0][1] + got![1][1]) * 100)).toBe(714);
  });

  test("property: identical to the BigInt path, near halves and near the cap; answers on =x/7 savings", () => {
    let answered = 0;
    fc.assert(
      fc.property(
        matrix(computedSaving, 8, 8),
        shareArb,
        fc.array(percent, { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: -2, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        (savings, share, cashable, useCashable, decimals, capYears, capOffset, lag) => {
          const cap = capNear(savings, share, capYears, capOffset, decimals);
          const options = { share, cap, decimals, lag, cashableShares: useCashable ? cashable.slice(0, savings.length) : undefined };
          const inputs = checkRepaymentInputs([cap + 1], savings, options);
          const got = repaymentInUnits(inputs);
          if (got === null) return;
          answered++;
          expect(got).toEqual(repaymentReference(inputs));
          expect(repayment([cap + 1], savings, options)).toEqual(got);
        },
      ),
      { numRuns: Math.max(RUNS.numRuns, 2000) },
    );
    expect(answered).toBeGreaterThan(500); // the rest: a share or saving with too many places for K ≤ 15
  });

  test("property: =x/7 savings of 10 kr and more at 0–2 decimals with percent shares always answer (and match): 13 places + 2 − 0 ≤ 15", () => {
    fc.assert(
      fc.property(
        matrix(fc.integer({ min: 70, max: 7e7 }).map((k) => k / 7), 10, 10),
        percent,
        fc.integer({ min: 0, max: 2 }),
        (savings, share, decimals) => {
          const inputs = checkRepaymentInputs([1e6], savings, { share, decimals });
          const got = repaymentInUnits(inputs);
          expect(got).not.toBeNull();
          expect(got).toEqual(repaymentReference(inputs));
        },
      ),
      RUNS,
    );
  });
});
