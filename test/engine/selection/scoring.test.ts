import fc from "fast-check";
import { scoreApplications, weightSensitivity, type Criterion } from "../../../src/engine/selection/scoring";

/** Weighted scores, the ranking and how far each weight can move before the ranking changes. */

describe("scoreApplications", () => {
  it("weighs, ranks and breaks ties by position in the list", () => {
    // weights 2, 1 (sum 3): A = (2·4 + 1·2)/3 = 10/3, B = (2·2 + 1·5)/3 = 3, C = (2·3 + 1·3)/3 = 3 (ties B, B first)
    const scoring = scoreApplications(
      [
        { key: "relevans", weight: 2 },
        { key: "genomförbarhet", weight: 1 },
      ],
      [
        [4, 2],
        [2, 5],
        [3, 3],
      ],
    );
    expect(scoring.weighted).toEqual([10 / 3, 3, 3]);
    expect(scoring.order).toEqual([0, 1, 2]);
    expect(scoring.rank).toEqual([1, 2, 3]);
  });

  it("ties exactly in decimals: 0.1·3 + 0.2·0 equals 0.1·0 + 0.2·1.5 (in floats 0.30000000000000004 ≠ 0.3)", () => {
    const scoring = scoreApplications(
      [
        { key: "a", weight: 0.1 },
        { key: "b", weight: 0.2 },
      ],
      [
        [0, 1.5],
        [3, 0],
      ],
    );
    expect(scoring.order).toEqual([0, 1]);
    expect(scoring.weighted[0]).toBe(scoring.weighted[1]);
  });
});

describe("weightSensitivity", () => {
  /*
   * Hand-worked case. Weights w1 = 2 (relevans), w2 = 1 (potential); scores
   *   A = (4, 2): 2·4 + 1·2 = 10    B = (2, 5): 2·2 + 1·5 = 9    C = (3, 1): 2·3 + 1·1 = 7
   * Ranking A, B, C. Moving w1 = x (w2 = 1 fixed), D = K + x·δ for each pair:
   *   A−B: K = 1·(2−5) = −3, δ = 4−2 = 2  → D = −3 + 2x ≥ 0 while x ≥ 1.5   (lower bound 1.5)
   *   A−C: K = 1·(2−1) = 1,  δ = 4−3 = 1  → D = 1 + x, crosses at −1 < 0   (no bound)
   *   B−C: K = 1·(5−1) = 4,  δ = 2−3 = −1 → D = 4 − x ≥ 0 while x ≤ 4      (upper bound 4)
   *   so w1 ∈ (1.5, 4): check x = 4: B = 8 + 5 = 13, C = 12 + 1 = 13, a tie.
   * Moving w2 = y (w1 = 2 fixed):
   *   A−B: K = 2·(4−2) = 4,  δ = 2−5 = −3 → D = 4 − 3y, upper bound 4/3
   *   A−C: K = 2·(4−3) = 2,  δ = 2−1 = 1  → crosses at −2 (no bound)
   *   B−C: K = 2·(2−3) = −2, δ = 5−1 = 4  → D = −2 + 4y, lower bound 0.5
   *   so w2 ∈ (0.5, 4/3): check y = 0.5: B = 4 + 2.5 = 6.5, C = 6 + 0.5 = 6.5; y = 4/3: A = B = 32/3.
   */
  const criteria: Criterion[] = [
    { key: "relevans", weight: 2 },
    { key: "potential", weight: 1 },
  ];
  const scores = [
    [4, 2],
    [2, 5],
    [3, 1],
  ];

  it("reproduces the hand-worked ranges and the pairs that swap", () => {
    const [w1, w2] = weightSensitivity(criteria, scores);
    expect(w1).toEqual({ key: "relevans", weight: 2, low: 1.5, high: 4, lowSwap: { above: 0, below: 1 }, highSwap: { above: 1, below: 2 } });
    expect(w2.low).toBe(0.5);
    expect(w2.high).toBeCloseTo(4 / 3, 15);
    expect(w2.lowSwap).toEqual({ above: 1, below: 2 });
    expect(w2.highSwap).toEqual({ above: 0, below: 1 });
  });

  it("reports no upper bound and a floor of 0 when no weight changes the ranking", () => {
    // A dominates B on both criteria: no weight ≥ 0 puts B first.
    const [w1, w2] = weightSensitivity(criteria, [
      [5, 5],
      [1, 1],
    ]);
    expect([w1.low, w1.high, w1.lowSwap, w2.low, w2.high]).toEqual([0, null, null, 0, null]);
  });

  const instance = fc
    .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 4 }))
    .chain(([n, k]) =>
      fc.record({
        weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: k, maxLength: k }),
        scores: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
        c: fc.integer({ min: 0, max: k - 1 }),
        t: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      }),
    );

  it("keeps the ranking strictly inside the range and changes it just beyond a bound (property)", () => {
    fc.assert(
      fc.property(instance, ({ weights, scores, c, t }) => {
        const criteria = weights.map((weight, i) => ({ key: `k${i}`, weight }));
        const order = scoreApplications(criteria, scores).order;
        const range = weightSensitivity(criteria, scores)[c];
        const orderAt = (x: number) => scoreApplications(criteria.map((cr, i) => (i === c ? { ...cr, weight: x } : cr)), scores).order;
        const high = range.high ?? range.weight * 4 + 10;
        const inside = range.low + t * (high - range.low);
        if (inside > 0) expect(orderAt(inside)).toEqual(order);
        if (range.high !== null) expect(orderAt(range.high * 1.0001 + 1e-9)).not.toEqual(order);
        if (range.lowSwap !== null && range.low > 1e-6) expect(orderAt(range.low * 0.9999 - 1e-9)).not.toEqual(order);
        expect(range.low).toBeLessThanOrEqual(range.weight);
        if (range.high !== null) expect(range.high).toBeGreaterThanOrEqual(range.weight);
      }),
      { numRuns: 1000 },
    );
  });
});
