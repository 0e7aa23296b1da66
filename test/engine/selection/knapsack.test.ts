import fc from "fast-check";
import { branchAndBound, exhaustiveSearch, type KnapsackProblem } from "../../../src/engine/selection/knapsack";
import { seededRandom } from "../../../bench/harness";
import { callOf30, knapsackProblem } from "./knapsackArbitraries";

/** The exact selection: never over a year's capacity, optimal, and the documented tie rule. */

const fits = (problem: KnapsackProblem, chosen: readonly number[]) =>
  problem.capacity.every((c, t) => chosen.reduce((sum, i) => sum + problem.draws[i][t], 0) <= c);

describe("branchAndBound", () => {
  it("takes the best pair when one large item would fill the year (hand-worked)", () => {
    // capacity 10 in one year; draws 6, 5, 5 and values 10, 7, 7: {0} = 10, {1, 2} = 14, {0, 1} breaks (11).
    const problem = { values: [10, 7, 7], draws: [[6], [5], [5]], capacity: [10] };
    expect(branchAndBound(problem)).toMatchObject({ feasible: true, chosen: [1, 2], objective: 14 });
  });

  it("uses a later repayment: a draw that falls lets another item in a later year", () => {
    // Year 0 capacity 5, year 1 capacity 5. Item 0 draws 5 then repays 5 (cumulative 5, 0); item 1 draws
    // 0 then 5 (cumulative 0, 5). Both fit: year 0 5 ≤ 5, year 1 0 + 5 ≤ 5.
    const problem = { values: [3, 3], draws: [[5, 0], [0, 5]], capacity: [5, 5] };
    expect(branchAndBound(problem).chosen).toEqual([0, 1]);
  });

  it("breaks ties by the items' order: the set with the earlier item wins", () => {
    // {0} and {1} both value 5 and do not fit together: {0} wins.
    expect(branchAndBound({ values: [5, 5], draws: [[3], [3]], capacity: [4] }).chosen).toEqual([0]);
    // {0, 1} = 2 + 3 and {2} = 5 tie; they first differ at item 0, which {0, 1} has.
    expect(branchAndBound({ values: [2, 3, 5], draws: [[2], [2], [3]], capacity: [4] }).chosen).toEqual([0, 1]);
    // {2} = 5 and {0, 1} = 2 + 3 with {2} listed first: now {2} (item 0 here) wins.
    expect(branchAndBound({ values: [5, 2, 3], draws: [[3], [2], [2]], capacity: [4] }).chosen).toEqual([0]);
  });

  it("reports an over-committed fund (negative capacity, nothing can help) as infeasible", () => {
    expect(branchAndBound({ values: [5], draws: [[3]], capacity: [-1] })).toMatchObject({ feasible: false, chosen: [] });
  });

  it("never breaks a year's capacity and equals exhaustive search on up to 15 items (property)", () => {
    fc.assert(
      fc.property(knapsackProblem(15), (problem) => {
        const exact = exhaustiveSearch(problem);
        const found = branchAndBound(problem);
        expect(found.feasible).toBe(exact.feasible);
        if (found.feasible) expect(fits(problem, found.chosen)).toBe(true);
        expect(found.objective).toBe(exact.objective);
        expect(found.chosen).toEqual(exact.chosen);
      }),
      { numRuns: 1000 },
    );
  });

  it("solves 30 applications over 10 years, within every year's capacity", () => {
    const problem = callOf30(seededRandom(2026));
    const found = branchAndBound(problem);
    expect(found.feasible).toBe(true);
    expect(fits(problem, found.chosen)).toBe(true);
    // Optimal: no chosen set plus one more item fits (values > 0), a necessary condition checked cheaply.
    for (let i = 0; i < 30; i++) if (!found.chosen.includes(i)) expect(fits(problem, [...found.chosen, i])).toBe(false);
  });

  it("stops at the node budget with the best set found so far, within capacity, marked not optimal", () => {
    const problem = callOf30(seededRandom(5));
    const full = branchAndBound(problem);
    expect(full.optimal).toBe(true);
    const cut = branchAndBound(problem, 40);
    expect(cut.nodes).toBe(40);
    expect(cut.optimal).toBe(false);
    expect(cut.feasible).toBe(true);
    expect(fits(problem, cut.chosen)).toBe(true);
    expect(cut.objective).toBeLessThanOrEqual(full.objective);
  });
});
