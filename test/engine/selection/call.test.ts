import { decideCall, type Call } from "../../../src/engine/selection/call";
import type { Application } from "../../../src/engine/selection/application";
import { CallInputError } from "../../../src/engine/selection/errors";
import { seededRandom } from "../../../bench/harness";

/** A whole call: rules, scoring, and the selection among the applications that pass. */

const application = (name: string, requested: number[], overrides: Partial<Application> = {}): Application => ({
  name,
  owner: "Socialförvaltningen",
  principal: "kommun",
  sectors: ["socialtjänst", "skola"],
  organisations: ["Kommunen", "Regionen"],
  requested,
  cofinancingShare: 0.5,
  ...overrides,
});

const rules = { minCofinancingShare: 0.5, minSectors: 2, maxAmountPerYear: 500_000, maxDurationYears: 3 };
const criteria = [
  { key: "relevans", weight: 3 },
  { key: "genomförbarhet", weight: 2 },
];

describe("decideCall", () => {
  /*
   * Four applications, fund capacity 1 000 000 in 2026 and 1 500 000 from 2027:
   *   0 "Bryggan"   400 000, 400 000   scores 4, 4 → (12 + 8)/5 = 4.0
   *   1 "Breaker"   600 000 (> 500 000), one sector, 49 % → fails three rules (scores 5, 5 → 5.0, rank 1)
   *   2 "Familjen"  500 000, 500 000   scores 3, 4 → (9 + 8)/5 = 3.4
   *   3 "Skolstart" 300 000            scores 2, 2 → 2.0
   * Eligible in ranking order: 0, 2, 3. Draws: 0 → 400 000, 800 000; 2 → 500 000, 1 000 000;
   * 3 → 300 000, 300 000. All three: 1 200 000 > 1 000 000 in 2026. 0+2: 900 000, 1 800 000 > 1 500 000.
   * 0+3: 700 000, 1 100 000 fits (6.0); 2+3: 800 000, 1 300 000 fits (5.4). → 0 and 3; next best 2:
   * with 0+3, 2 would make 1 200 000 and 2 100 000 → shortfall 200 000 and 600 000.
   */
  const call: Call = {
    firstYear: 2026,
    years: 2,
    rules,
    criteria,
    applications: [
      application("Bryggan", [400_000, 400_000]),
      application("Breaker", [600_000], { sectors: ["skola"], cofinancingShare: 0.49 }),
      application("Familjen", [500_000, 500_000]),
      application("Skolstart", [300_000]),
    ],
    scores: [
      [4, 4],
      [5, 5],
      [3, 4],
      [2, 2],
    ],
    fund: { opening: 0, contributions: [1_000_000, 500_000] },
    objective: "weightedScore",
  };

  it("checks, ranks and chooses the best set the fund carries among those that pass", () => {
    const decision = decideCall(call);
    expect(decision.failures[1].map((r) => r.code)).toEqual(["cofinancingBelowMinimum", "tooFewSectors", "amountAboveMaximum"]);
    expect(decision.weighted).toEqual([4, 5, 3.4, 2]);
    expect(decision.ranking).toEqual([1, 0, 2, 3]);
    expect(decision.eligible).toEqual([0, 2, 3]);
    expect(decision.selection.chosen).toEqual([0, 3]);
    expect(decision.selection.objective).toBe(6);
    expect(decision.selection.projection.closing).toEqual([300_000, 400_000]);
    expect(decision.selection.nextBest).toMatchObject({ candidate: 2, shortfall: [200_000, 600_000], total: 600_000 });
  });

  it("chooses by net benefit when asked, and names an application without one", () => {
    const byBenefit: Call = {
      ...call,
      objective: "netBenefit",
      applications: call.applications.map((a, i) => ({ ...a, netBenefit: [1_000_000, 0, 3_000_000, 500_000][i] })),
    };
    // 2+3: 3 500 000 beats 0+3: 1 500 000.
    expect(decideCall(byBenefit).selection.chosen).toEqual([2, 3]);
    expect(() => decideCall({ ...call, objective: "netBenefit" })).toThrow(CallInputError);
    expect(() => decideCall({ ...call, objective: "netBenefit" })).toThrow("applications[0].netBenefit");
  });

  it("decides a call of 30 applications over 10 years within every year, reconciled exactly", () => {
    const random = seededRandom(13);
    const applications: Application[] = [];
    const scores: number[][] = [];
    for (let i = 0; i < 30; i++) {
      const start = Math.floor(random() * 4);
      const length = 1 + Math.floor(random() * 3);
      const amount = 1000 * (300 + Math.floor(random() * 250)); // ≤ 549 000: some break the 500 000 rule
      const requested = Array.from({ length: 10 }, (_, t) => (t >= start && t < start + length ? amount : 0));
      const expectedRepayments = requested.map((_, t) => (i % 2 === 0 && t >= start + length && t < start + length + 3 ? amount / 4 : 0));
      applications.push(application(`Ansökan ${i + 1}`, requested, { expectedRepayments }));
      scores.push([1 + Math.floor(random() * 5), 1 + Math.floor(random() * 5)]);
    }
    const fund = { opening: 2_000_000, contributions: new Array(10).fill(3_000_000), committedDisbursements: [2_000_000, 1_500_000, 1_000_000] };
    const decision = decideCall({ ...call, years: 10, applications, scores, fund });
    const { projection, chosen } = decision.selection;
    expect(decision.selection.feasible).toBe(true);
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.every((a) => decision.failures[a].length === 0)).toBe(true);
    expect(Math.min(...projection.closing)).toBeGreaterThanOrEqual(0);
    projection.closing.forEach((closing, t) => {
      expect(projection.opening[t] + projection.contributions[t] - projection.disbursements[t] + projection.repayments[t]).toBe(closing);
      if (t > 0) expect(projection.opening[t]).toBe(projection.closing[t - 1]);
    });
    // The disbursements are exactly the committed plus the chosen applications' amounts.
    const disbursed = projection.disbursements.reduce((a, b) => a + b, 0);
    const asked = chosen.reduce((s, a) => s + applications[a].requested.reduce((x, y) => x + y, 0), 0);
    expect(disbursed).toBe(4_500_000 + asked);
  });

  it("rejects a rule that is not a share, a count or a whole amount, naming it", () => {
    expect(() => decideCall({ ...call, rules: { minCofinancingShare: 50 } })).toThrow("rules.minCofinancingShare");
    expect(() => decideCall({ ...call, rules: { minSectors: 1.5 } })).toThrow("rules.minSectors");
    expect(() => decideCall({ ...call, rules: { maxAmountPerYear: -1 } })).toThrow("rules.maxAmountPerYear");
  });
});
