/**
 * The call's exact selection (src/engine/selection): branch and bound on a call of 30 applications
 * over 10 years, against exhaustive search over 15 applications (2^15 subsets, one addition per year
 * each) in the same run: the honest reference for "exact", since exhaustive search is what the
 * branch and bound must agree with, and it could not do 30 (2^30 subsets, ~30 000× the work).
 * Also the same 15-application instance both ways (results compared), and a whole call (checks,
 * scoring with exact decimals, weight sensitivity, selection, projection).
 * Targets: a problem 2^15 times larger than the reference's solved in at most 2× its time (10× when
 * the values follow the draws, the hard case for the bound); the whole call within 20× (its exact
 * decimal scoring and n² sensitivity pairs, not the search, dominate).
 * The group is "exact money" until the harness has a "selection" group (BenchCase["group"]).
 */
import { runBenchmarks, seededRandom, type BenchCase } from "./harness";
import { branchAndBound, exhaustiveSearch, type KnapsackProblem } from "../src/engine/selection/knapsack";
import { decideCall, type Call } from "../src/engine/selection/call";
import { callOf30 } from "../test/engine/selection/knapsackArbitraries";

const call30 = callOf30(seededRandom(2026));
const call15 = callOf30(seededRandom(2026), 15);
/** Values proportional to what an application draws (as net benefits often are): harder to bound. */
const correlated = (problem: KnapsackProblem): KnapsackProblem => ({
  ...problem,
  values: problem.draws.map((d) => Math.max(...d) + 100_000),
  capacity: problem.capacity.map((c) => Math.floor(c * 0.6)),
});
const correlated30 = correlated(call30);

function sameResult(a: ReturnType<typeof branchAndBound>, b: ReturnType<typeof branchAndBound>): void {
  if (a.objective !== b.objective || a.chosen.join() !== b.chosen.join()) {
    throw new Error(`branch and bound ${a.chosen.join()} (${a.objective}) ≠ exhaustive ${b.chosen.join()} (${b.objective})`);
  }
}

/** The 30 × 10 problem as a call: two criteria, scores 1–5, the fund of callOf30 (opening 5 Mkr, 4 Mkr a year, 2 Mkr committed in years 0–2). */
function wholeCall(): Call {
  const random = seededRandom(7);
  const applications = call30.draws.map((draw, i) => ({
    name: `Ansökan ${i + 1}`,
    owner: "Socialförvaltningen",
    principal: "kommun" as const,
    sectors: ["socialtjänst", "skola"],
    organisations: ["Kommunen", "Regionen"],
    requested: draw.map((x, t) => Math.max(0, x - (t > 0 ? draw[t - 1] : 0))),
    expectedRepayments: draw.map((x, t) => Math.max(0, (t > 0 ? draw[t - 1] : 0) - x)),
    cofinancingShare: 0.5,
  }));
  return {
    firstYear: 2026,
    years: 10,
    rules: { minCofinancingShare: 0.5, minSectors: 2 },
    criteria: [
      { key: "relevans", weight: 3 },
      { key: "potential", weight: 2 },
      { key: "genomförbarhet", weight: 1 },
    ],
    applications,
    scores: applications.map(() => [1, 2, 3].map(() => 1 + Math.floor(random() * 5))),
    fund: { opening: 5_000_000, contributions: new Array(10).fill(4_000_000), committedDisbursements: [2_000_000, 2_000_000, 2_000_000] },
    objective: "weightedScore",
  };
}
const call = wholeCall();

sameResult(branchAndBound(call15), exhaustiveSearch(call15));

export const selectionBenchmarks: BenchCase[] = [
  {
    name: "selection: branch and bound 30×10 / exhaustive 15×10",
    group: "exact money",
    target: 2,
    run: () => branchAndBound(call30),
    reference: () => exhaustiveSearch(call15),
  },
  {
    name: "selection: branch and bound 30×10, values ∝ draws / exhaustive 15×10",
    group: "exact money",
    target: 10,
    run: () => branchAndBound(correlated30),
    reference: () => exhaustiveSearch(call15),
  },
  {
    name: "selection: branch and bound 15×10 / exhaustive 15×10 (same instance)",
    group: "exact money",
    target: 1,
    run: () => branchAndBound(call15),
    reference: () => exhaustiveSearch(call15),
  },
  {
    name: "selection: whole call 30×10 (rules, scores, sensitivity, selection) / exhaustive 15×10",
    group: "exact money",
    target: 20,
    run: () => decideCall(call),
    reference: () => exhaustiveSearch(call15),
  },
];

if (require.main === module) runBenchmarks(selectionBenchmarks);
