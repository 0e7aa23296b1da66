import fc from "fast-check";
import type { KnapsackProblem } from "../../../src/engine/selection/knapsack";

/**
 * Random selection problems shaped like a call: each item disburses in a few consecutive years and
 * may repay later; its draws are cumulative net draws. The fund's capacity per year is a share of
 * what all items together would draw (so some years bind), sometimes with repayments making a draw
 * fall, and now and then a year already over-committed (negative capacity).
 */
export const cumulative = (xs: readonly number[]): number[] => {
  let sum = 0;
  return xs.map((x) => (sum += x));
};

const item = (years: number) =>
  fc
    .record({
      start: fc.integer({ min: 0, max: years - 1 }),
      length: fc.integer({ min: 1, max: 4 }),
      amount: fc.integer({ min: 1, max: 1000 }),
      jitter: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: years, maxLength: years }),
      repays: fc.boolean(),
      repayShare: fc.integer({ min: 0, max: 120 }),
      value: fc.integer({ min: 1, max: 1000 }),
    })
    .map(({ start, length, amount, jitter, repays, repayShare, value }) => {
      const flows = Array.from({ length: years }, (_, t) => {
        const disbursed = t >= start && t < start + length ? amount + jitter[t] : 0;
        const repaid = repays && t >= start + length ? Math.floor((amount * repayShare) / 100 / 2) : 0;
        return disbursed - repaid;
      });
      return { value, draw: cumulative(flows) };
    });

export const knapsackProblem = (maxItems: number, maxYears = 10): fc.Arbitrary<KnapsackProblem> =>
  fc
    .tuple(fc.integer({ min: 1, max: maxYears }), fc.integer({ min: 0, max: maxItems }))
    .chain(([years, n]) =>
      fc.record({
        items: fc.array(item(years), { minLength: n, maxLength: n }),
        tightness: fc.integer({ min: 5, max: 90 }),
        // One instance in eight has a year already over-committed from some year on.
        shock: fc.oneof(
          { arbitrary: fc.constant(null), weight: 7 },
          { arbitrary: fc.record({ year: fc.integer({ min: 0, max: years - 1 }), amount: fc.integer({ min: 1, max: 200 }) }), weight: 1 },
        ),
        slack: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: years, maxLength: years }),
      }),
    )
    .map(({ items, tightness, shock, slack }) => {
      const years = slack.length;
      const capacity = slack.map((s, t) => {
        const total = items.reduce((sum, it) => sum + Math.max(0, it.draw[t]), 0);
        return Math.floor((total * tightness) / 100) + s - (shock && t >= shock.year ? shock.amount * 10 : 0);
      });
      return { values: items.map((it) => it.value), draws: items.map((it) => it.draw), capacity: capacity.slice(0, years) };
    });

/**
 * A call of 30 applications over 10 years (the test's and the benchmark's instance, from a seed):
 * each asks 300 000–900 000 kr a year for one to three years starting in the first four years, and
 * half of them repay 10–30 % of their total a year after they end (capped at what they received).
 * The fund opens with 5 Mkr, gets 4 Mkr a year and has 2 Mkr a year committed in years 0–2, so the
 * early years bind. Values are weighted scores 1–5 at six decimals (1 000 000–5 000 000 units).
 */
export function callOf30(random: () => number, applications = 30, years = 10): KnapsackProblem {
  const draws: number[][] = [];
  const values: number[] = [];
  for (let i = 0; i < applications; i++) {
    const start = Math.floor(random() * 4);
    const length = 1 + Math.floor(random() * 3);
    const amount = 300_000 + Math.floor(random() * 600_000);
    const total = amount * length;
    const repayment = random() < 0.5 ? Math.floor(total * (0.1 + 0.2 * random())) : 0;
    let repaid = 0;
    const flows = Array.from({ length: years }, (_, t) => {
      if (t >= start && t < start + length) return amount;
      if (t < start + length || repaid >= total) return 0;
      const now = Math.min(repayment, total - repaid);
      repaid += now;
      return -now;
    });
    draws.push(cumulative(flows));
    values.push(1_000_000 + Math.floor(random() * 4_000_000));
  }
  let balance = 5_000_000;
  const capacity = Array.from({ length: years }, (_, t) => (balance += 4_000_000 - (t < 3 ? 2_000_000 : 0)));
  return { values, draws, capacity };
}
