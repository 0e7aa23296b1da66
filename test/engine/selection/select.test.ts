import fc from "fast-check";
import { selectCandidates, type Candidate, type FundInputs, type Selection } from "../../../src/engine/selection/select";
import { cumulativeDraw, whatItWouldNeed } from "../../../src/engine/selection/needs";
import { exhaustiveSearch } from "../../../src/engine/selection/knapsack";

/** The selection against the fund: the projection with it, its reconciliation, and the next best's needs. */

/*
 * Hand-worked call over three years. Fund: opening 100, contributions 50 a year, committed 80, 40, 0,
 * expected repayments 0, 0, 10, floor 0.
 *   baseline closing: 100 + 50 − 80 = 70; 70 + 50 − 40 = 80; 80 + 50 + 10 = 140 → capacity 70, 80, 140
 * Candidates (cumulative draws): A 40, 0, 0 → 40, 40, 40 (value 5); B 0, 30, 0 → 0, 30, 30 (value 4);
 *   C 20, 20, 20 → 20, 40, 60 (value 3).
 *   A+B: 40, 70, 70 fits (9); A+C: 60, 80, 100 fits (8); B+C: 20, 70, 90 fits (7); A+B+C: 60, 110 > 80.
 *   → A+B, objective 9. Projection: disbursements 120, 70, 0; closing 30, 10, 70.
 * Next best: C. Used by A+B 40, 70, 70; with C 60, 110, 130 against 70, 80, 140 → shortfall 0, 30, 0;
 *   extra contributions 0, 30, 0. Reductions of C's 20, 20, 20 as late as possible:
 *   R0 = max(0, 0, 30 − 20, 0 − 40) = 10; R1 = max(10, 30, 0 − 20) = 30; R2 = 30 → 10, 20, 0.
 *   Check: C at 10, 0, 20 draws 10, 10, 30 → 50, 80, 100 ≤ 70, 80, 140.
 */
const fund: FundInputs = { opening: 100, contributions: [50, 50, 50], committedDisbursements: [80, 40], expectedRepayments: [0, 0, 10] };
const candidate = (requested: number[], value: number, expectedRepayments: number[] = []): Candidate => ({ requested, value, expectedRepayments });
const threeCandidates = [candidate([40], 5), candidate([0, 30], 4), candidate([20, 20, 20], 3)];

/** opening[0] = initial, opening[t] = closing[t−1], and opening + contributions − disbursements + repayments = closing. */
function expectReconciled(selection: Selection, opening: number) {
  const p = selection.projection;
  const broken = p.closing.findIndex(
    (closing, t) =>
      p.opening[t] !== (t === 0 ? opening : p.closing[t - 1]) ||
      p.opening[t] + p.contributions[t] - p.disbursements[t] + p.repayments[t] !== closing ||
      !Number.isSafeInteger(closing),
  );
  expect(broken).toBe(-1);
}

describe("selectCandidates", () => {
  it("reproduces the hand-worked call: A and B, the projection, and what C would need", () => {
    const selection = selectCandidates(fund, threeCandidates, 3, 0);
    expect(selection.chosen).toEqual([0, 1]);
    expect(selection.objective).toBe(9);
    expect(selection.baseline.freeCapacity).toEqual([70, 80, 140]);
    expect(selection.projection.disbursements).toEqual([120, 70, 0]);
    expect(selection.projection.closing).toEqual([30, 10, 70]);
    expect(selection.projection.freeCapacity).toEqual([30, 10, 70]);
    expect(selection.nextBest).toEqual({ candidate: 2, shortfall: [0, 30, 0], extraContributions: [0, 30, 0], reductions: [10, 20, 0], total: 30 });
    expectReconciled(selection, 100);
  });

  it("keeps a floor: with 15 kept in every year, A+B (free 10 in year 1) no longer fits", () => {
    // capacity 55, 65, 125: A+B 40, 70 ✗; A+C 60 ✗; B+C 20, 70 ✗; A alone 5 is best.
    const selection = selectCandidates({ ...fund, floor: 15 }, threeCandidates, 3, 0);
    expect(selection.chosen).toEqual([0]);
    expect(Math.min(...selection.projection.freeCapacity)).toBeGreaterThanOrEqual(0);
  });

  it("leaves out values that round to 0 or below, and reports an over-committed fund", () => {
    const selection = selectCandidates(fund, [candidate([1], 0.4), candidate([1], -2), candidate([1], 1)], 3, 0);
    expect(selection.notCandidates).toEqual([0, 1]);
    expect(selection.chosen).toEqual([2]);
    const over = selectCandidates({ opening: 0, committedDisbursements: [10] }, [candidate([1], 1)], 2, 0);
    expect(over).toMatchObject({ feasible: false, chosen: [], nextBest: null });
    expect(over.baseline.firstNegativeYear).toBe(0);
  });

  it("rejects amounts that are not whole, and sums beyond 2^53, naming the argument", () => {
    expect(() => selectCandidates({ opening: 0.5 }, [], 2, 0)).toThrow("fund.opening");
    expect(() => selectCandidates(fund, [candidate([1, 2.5], 1)], 3, 0)).toThrow("candidates[0].requested[1]");
    expect(() => selectCandidates({ opening: 2 ** 52, contributions: [2 ** 52] }, [], 1, 0)).toThrow("exact integer");
  });

  const instance = fc
    .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 12 }))
    .chain(([years, n]) => {
      const amounts = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 0, maxLength: years });
      return fc.record({
        years: fc.constant(years),
        fund: fc.record({
          opening: fc.integer({ min: -200, max: 5000 }),
          contributions: amounts(3000),
          committedDisbursements: amounts(1500),
          expectedRepayments: amounts(500),
          floor: fc.integer({ min: -100, max: 1000 }),
        }),
        candidates: fc.array(
          fc.record({ requested: amounts(2000), expectedRepayments: amounts(800), value: fc.integer({ min: -5, max: 500 }).map((v) => v / 7) }),
          { minLength: n, maxLength: n },
        ),
      });
    });

  it("never breaks the floor, reconciles exactly, is optimal, and lets the next best in with what it needs (property)", () => {
    fc.assert(
      fc.property(instance, ({ years, fund, candidates }) => {
        const selection = selectCandidates(fund, candidates, years, 3);
        expectReconciled(selection, fund.opening);
        if (!selection.feasible) {
          expect(selection.baseline.freeCapacity.some((c) => c < 0)).toBe(true);
          return;
        }
        expect(Math.min(...selection.projection.freeCapacity)).toBeGreaterThanOrEqual(0);
        // Optimal: the same as exhaustive search over the candidates with a positive rounded value.
        const units = candidates.map((c) => Math.round(c.value * 1000));
        const open = units.flatMap((u, i) => (u > 0 ? [i] : []));
        const draws = candidates.map((c) => cumulativeDraw(pad(c.requested, years), pad(c.expectedRepayments, years)));
        const exact = exhaustiveSearch({ values: open.map((i) => units[i]), draws: open.map((i) => draws[i]), capacity: selection.baseline.freeCapacity });
        expect(selection.chosen).toEqual(exact.chosen.map((k) => open[k]));
        const next = selection.nextBest;
        if (next === null) return;
        const requested = pad(candidates[next.candidate].requested, years);
        const used = (t: number) => selection.chosen.reduce((s, i) => s + draws[i][t], 0);
        const fitsWith = (draw: number[], extra: number[]) =>
          selection.baseline.freeCapacity.every((c, t) => used(t) + draw[t] <= c + extra.slice(0, t + 1).reduce((a, b) => a + b, 0));
        const none = new Array<number>(years).fill(0);
        expect(fitsWith(draws[next.candidate], none)).toBe(false);
        expect(fitsWith(draws[next.candidate], next.extraContributions)).toBe(true);
        const reduced = requested.map((r, t) => r - next.reductions[t]);
        expect(Math.min(...reduced)).toBeGreaterThanOrEqual(0);
        expect(fitsWith(cumulativeDraw(reduced, pad(candidates[next.candidate].expectedRepayments, years)), none)).toBe(true);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        expect(sum(next.extraContributions)).toBe(next.total);
        expect(sum(next.reductions)).toBe(next.total);
        // Least: any extra (or reduction) must reach the largest shortfall by its year, and the total equals it.
        expect(next.total).toBe(Math.max(...next.shortfall));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("whatItWouldNeed", () => {
  it("places reductions as late as the application's own amounts allow", () => {
    // shortfall 0, 0, 50 with amounts 100, 20, 10: R = 20, 40, 50 → reductions 20, 20, 10.
    expect(whatItWouldNeed([0, 0, 0], [0, 0, 50], [0, 0, 0], [100, 20, 10]).reductions).toEqual([20, 20, 10]);
  });
});

const pad = (xs: readonly number[], years: number) => Array.from({ length: years }, (_, t) => xs[t] ?? 0);
