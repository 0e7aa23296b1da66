import Decimal from "decimal.js";
import fc from "fast-check";
import { SocinvError } from "../../src/engine/errors";
import {
  checkRepaymentInputs,
  compareRiskBearers,
  repayment,
  repaymentFast,
  repaymentReference,
  type RepaymentOptions,
} from "../../src/engine/repayment";
import { fewDecimals, matrix, money, nonNegative, ore, RUNS, share, wholeKronor } from "./moneyArbitraries";

const Big = Decimal.clone({ precision: 2000, rounding: Decimal.ROUND_HALF_UP });
const columnSum = (m: number[][], t: number) => m.reduce((s, row) => s.plus(new Big(row[t])), new Big(0));

describe("repayment: worked cases", () => {
  test("cap binding mid-year, split pro rata: disbursed 100; savings [30, 50, 40] and [10, 30, 60]", () => {
    // Year 0: eligible 30 + 10 = 40 ≤ 100: paid in full. Year 1: eligible 50 + 30 = 80 > 60 left: 60 split
    // 50:30 → 37.5 and 22.5; floors 37 + 22 = 59, one unit to the larger of two equal remainders (.5) → the
    // larger exact part 37.5: 38 and 22. Year 2: the cap is reached, nothing more.
    expect(repayment([100], [[30, 50, 40], [10, 30, 60]])).toEqual([
      [30, 38, 0],
      [10, 22, 0],
    ]);
  });

  test("Norrköping: education invests 100, the social administration saves 60 a year; savings beyond 100 stay", () => {
    // Rows: education (its own costs rise: negative savings repay nothing), social administration.
    // Social pays 60, then 40 (the cap), then nothing: the remaining 80 of savings stay with it.
    const savings = [
      [-20, -10, 0, 0],
      [60, 60, 60, 0],
    ];
    expect(repayment([100], savings)).toEqual([
      [0, 0, 0, 0],
      [60, 40, 0, 0],
    ]);
  });

  test("lag: first disbursement in year 1, lag 1 → repayments from year 2", () => {
    expect(repayment([0, 100], [[10, 10, 10, 10]], { lag: 1 })).toEqual([[0, 0, 10, 10]]);
  });

  test("share 0.5: half of each saving goes back: 40 a year → 20 a year", () => {
    expect(repayment([100], [[40, 40, 40]], { share: 0.5 })).toEqual([[20, 20, 20]]);
  });

  test("cashable shares: 50 % of row 0 is cashable, row 1 fully: savings 40 and 40 → 20 and 40", () => {
    expect(repayment([1000], [[40], [40]], { cashableShares: [0.5, 1] })).toEqual([[20], [40]]);
  });

  test("explicit cap below the disbursements: cap 50 with savings 30 a year → 30, 20, 0", () => {
    expect(repayment([100], [[30, 30, 30]], { cap: 50 })).toEqual([[30, 20, 0]]);
  });

  test("the cumulative rule: 0.5 a year at 0 decimals → cumulative 0.5, 1, 1.5 rounds to 1, 1, 2 → years 1, 0, 1", () => {
    expect(repayment([10], [[0.5, 0.5, 0.5]])).toEqual([[1, 0, 1]]);
  });

  test("share 0.5 with öre at 1 decimal; the cap binds in year 2", () => {
    // Year 0: eligible 15.25 and 5 (C = 20.25 → 20.3): floors 15.2 + 5.0, one tenth to 15.25 → 15.3, 5.
    // Year 1: 25.125 and 15 (C = 60.375 → 60.4, year total 40.1): 25.1 and 15.0 exactly fill it.
    // Year 2: 39.625 left < 50 eligible: split 20:30 → 15.85 and 23.775; C = 100 → year total 39.6;
    // floors 15.8 + 23.7 = 39.5, one tenth to the larger remainder (.075 > .05): 15.8 and 23.8.
    expect(repayment([100, 0, 0], [[30.5, 50.25, 40], [10, 30, 60]], { share: 0.5, decimals: 1 })).toEqual([
      [15.3, 25.1, 15.8],
      [5, 15, 23.8],
    ]);
  });

  test("issue 8.2: the cap is rounded down first: 100 000.50 disbursed at 0 decimals repays 100 000, not 100 001", () => {
    // Default cap Σ disbursements = 100 000.50 → 100 000 at 0 decimals; savings 200 000 reach it in year 0.
    expect(repayment([100000.5], [[200000, 200000]])).toEqual([[100000, 0]]);
    // An explicit cap of 10.5 → 10 (it repaid 11 before); at 1 decimal it stays 10.5.
    expect(repayment([100], [[20, 20]], { cap: 10.5 })).toEqual([[10, 0]]);
    expect(repayment([100], [[20, 20]], { cap: 10.5, decimals: 1 })).toEqual([[10.5, 0]]);
  });

  test("issue 8.5: two förvaltningar each saving 1 000.50 kr a year for ten years repay identical totals", () => {
    // Each year 1 000.5 + 1 000.5 = 2 001: one krona is left to round up. The largest-remainder rule gave
    // it to the earlier row every year (10 010 against 10 000); by running totals the rows alternate:
    // row 0 in year 0, then row 1 (½ krona behind), and so on: 10 005 each, each total its exact one.
    const out = repayment([1e6], [new Array(10).fill(1000.5), new Array(10).fill(1000.5)]);
    const totals = out.map((row) => row.reduce((s, x) => s + x, 0));
    expect(totals).toEqual([10005, 10005]);
    expect(out[0].slice(0, 2)).toEqual([1001, 1000]);
    expect(out[1].slice(0, 2)).toEqual([1000, 1001]);
  });

  test("a capped year whose eligible total exceeds 2^51 is split in BigInt, identically to the BigInt path", () => {
    // Eligible 9e14 + 9e14 + 5.4e14 = 2.34e15 > 2^51 ≈ 2.25e15 against a cap of 9e14 + 3 (15 digits: read as
    // it is): split 9:9:5.4. (9e14 + 3)·9/23.4 = 346 153 846 153 847.3077…, twice; ·5.4/23.4 =
    // 207 692 307 692 308.3846…; floors sum to 9e14 + 2: one unit to the largest remainder (row 2, .3846…).
    const inputs = checkRepaymentInputs([9e14 + 3], [[9e14], [9e14], [5.4e14]], { decimals: 0 });
    const quick = repaymentFast(inputs);
    expect(quick).toEqual(repaymentReference(inputs));
    expect(quick).toEqual([[346153846153847], [346153846153847], [207692307692309]]);
  });

  test("no disbursement > 0: nothing is repaid", () => {
    expect(repayment([0, 0], [[10, 10]])).toEqual([[0, 0]]);
  });

  test("the horizon is the longest input: a short disbursement series is padded", () => {
    expect(repayment([5], [[1, 1, 1, 1, 1, 1]])).toEqual([[1, 1, 1, 1, 1, 0]]);
  });

  test("invalid options are SocinvErrors naming the argument", () => {
    const fails = (options: RepaymentOptions, argument: string, problem: string, d = [100], s = [[1]]) => {
      try {
        repayment(d, s, options);
      } catch (e) {
        expect(e).toBeInstanceOf(SocinvError);
        expect([(e as SocinvError).argument, (e as SocinvError).problem]).toEqual([argument, problem]);
        return;
      }
      throw new Error("did not throw");
    };
    fails({ cap: -1 }, "cap", "notNegative");
    fails({ share: 1.5 }, "share", "fractionRange");
    fails({ share: -0.1 }, "share", "fractionRange");
    fails({ cashableShares: [2] }, "cashableShare", "fractionRange");
    fails({ cashableShares: [1, 1] }, "cashableShare", "lengthMismatch");
    fails({ lag: 1.5 }, "lag", "wholeNumber");
    fails({ lag: 1001 }, "lag", "wholeNumber");
    fails({ decimals: -1 }, "decimals", "wholeNumber");
    fails({}, "disbursements", "notNegative", [-1]);
    fails({}, "savings", "notFinite", [1], [[NaN]]);
    fails({}, "savings", "empty", [1], []);
  });
});

/** The exact cumulative payment, computed independently: C_t = min(cap, C_{t−1} + Σ eligible). */
function exactCumulative(disbursements: number[], savings: number[][], options: RepaymentOptions): Decimal[] {
  const horizon = Math.max(disbursements.length, ...savings.map((r) => r.length));
  // FUNCTIONS.md: the cap is first rounded down to `decimals`.
  // FUNCTIONS.md: every amount and share is read as Excel shows it, rounded to 15 significant digits.
  const shown = (x: number) => new Big(x.toPrecision(15));
  const cap = (options.cap !== undefined ? shown(options.cap) : disbursements.reduce((s, x) => s.plus(shown(x)), new Big(0))).toDecimalPlaces(options.decimals ?? 0, Decimal.ROUND_DOWN);
  const first = disbursements.findIndex((x) => x > 0);
  const out: Decimal[] = [];
  let c = new Big(0);
  for (let t = 0; t < horizon; t++) {
    if (first >= 0 && t >= first + (options.lag ?? 0)) {
      let e = new Big(0);
      savings.forEach((row, b) => {
        const cash = options.cashableShares?.[b] ?? 1;
        e = e.plus(shown(options.share ?? 1).times(shown(cash)).times(shown(Math.max(row[t] ?? 0, 0))));
      });
      c = Big.min(new Big(cap), c.plus(e)); // Big.min: the base Decimal.min would round to 20 digits
    }
    out.push(c);
  }
  return out;
}

test("a 21-digit exact total rounds from its exact value, not a 20-digit approximation (found by fast-check)", () => {
  // eligible: 0.25·0.99999999998·1 = 0.249999999995 and 0.25·0.57·837 225 027 = 119 304 566.3475;
  // total 119 304 566.597499999995 → 119 304 566.597 at 3 decimals (a 20-digit rounding would give .598).
  // Units of 0.001: floors 249 + 119 304 566 347 = 119 304 566 596, one unit missing → the larger remainder
  // (0.999999995 vs 0.5) → row 0: 0.250 and 119 304 566.347.
  const out = repayment([119304567], [[1, 0], [0, 0], [837225027, 0]], { share: 0.25, decimals: 3, cashableShares: [0.99999999998, 0, 0.57] });
  expect(out).toEqual([[0.25, 0], [0, 0], [119304566.347, 0]]);
});

test("a cashable share computed as 0.9999999999999996 is read as the 1 Excel shows (found by fast-check)", () => {
  // FUNCTIONS.md 15-digit rule: 0.9999999999999996 → 1.00000000000000. Eligible 0.25 · 0.45 · 1 = 0.1125,
  // half up at 3 decimals → 0.113 (the unrounded double would give 0.11249999999999996 → 0.112).
  const out = repayment([1], [[0, 0, 0, 0, 0, 0.25, 0]], { share: 0.45, decimals: 3, cashableShares: [0.9999999999999996] });
  expect(out).toEqual([[0, 0, 0, 0, 0, 0.113, 0]]);
});

test("300 000 förvaltningar are read without overflowing the call stack (no Math.max spread over rows)", () => {
  // cap 100 = Σ disbursements; year 0 eligible 300 000 · 1 → the cap is split pro rata, 100 of 300 000
  // rows get one unit each by the earlier-row tie rule; the total is exactly 100.
  const out = repayment([100, 0], Array.from({ length: 300_000 }, () => [1, 2]));
  expect(out).toHaveLength(300_000);
  expect(out.reduce((sum, row) => sum + row[0] + row[1], 0)).toBe(100);
});

describe("repayment: properties (fast-check)", () => {
  const caseArb = (fallback: boolean) =>
    fc.record({
      disbursements: fc.array(nonNegative(fallback), { minLength: 1, maxLength: 6 }),
      savings: matrix(money(fallback), 5, 8),
      share,
      cap: fc.option(nonNegative(fallback), { nil: undefined }),
      lag: fc.integer({ min: 0, max: 3 }),
      decimals: fewDecimals,
      cashable: fc.array(share, { minLength: 5, maxLength: 5 }),
      useCashable: fc.boolean(),
    });
  const optionsOf = (c: { share: number; cap?: number; lag: number; decimals: number; cashable: number[]; useCashable: boolean }, rows: number): RepaymentOptions => ({
    share: c.share,
    cap: c.cap,
    lag: c.lag,
    decimals: c.decimals,
    cashableShares: c.useCashable ? c.cashable.slice(0, rows) : undefined,
  });

  test("property: the fast path and the decimal.js path give identical results", () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.oneof(caseArb(false), caseArb(true)), (c) => {
        const inputs = checkRepaymentInputs(c.disbursements, c.savings, optionsOf(c, c.savings.length));
        const quick = repaymentFast(inputs);
        if (quick === null) return;
        fast++;
        expect(quick).toEqual(repaymentReference(inputs));
      }),
      { numRuns: 2000 },
    );
    expect(fast).toBeGreaterThan(150); // arbitrary doubles as shares and 12-place savings go to the decimal path
  });

  // Bound: cap·10^P < 2^51 with P = 2 (öre) + 2 + 2 (percent shares) = 6: a cap up to ~2.2·10^9 kr.
  test("property: realistic inputs (savings with öre up to 10^9, cap up to 10^9, shares in whole percent, 0–2 decimals) always take the fast path", () => {
    const kronor = fc.oneof(wholeKronor, ore.filter((x) => Math.abs(x) <= 1e9));
    const percent = fc.integer({ min: 0, max: 100 }).map((k) => k / 100);
    fc.assert(
      fc.property(
        fc.array(kronor.filter((x) => Math.abs(x) <= 2e8).map(Math.abs), { minLength: 1, maxLength: 5 }),
        matrix(kronor, 20, 10),
        percent,
        fc.array(percent, { minLength: 20, maxLength: 20 }),
        fc.integer({ min: 0, max: 2 }),
        (d, s, sh, cash, dec) => {
          const inputs = checkRepaymentInputs(d, s, { share: sh, cashableShares: cash.slice(0, s.length), decimals: dec });
          expect(repaymentFast(inputs)).not.toBeNull();
        },
      ),
      RUNS,
    );
  });

  test("property: never negative, cumulative totals equal the rounded exact cumulative totals, total ≤ the cap rounded down", () => {
    fc.assert(
      fc.property(caseArb(false), (c) => {
        const options = optionsOf(c, c.savings.length);
        const out = repayment(c.disbursements, c.savings, options);
        const cumulative = exactCumulative(c.disbursements, c.savings, options);
        const cap = options.cap !== undefined ? new Big(options.cap.toPrecision(15)) : c.disbursements.reduce((s, x) => s.plus(new Big(x)), new Big(0));
        let paid = new Big(0);
        cumulative.forEach((exact, t) => {
          out.forEach((row) => {
            expect(row[t] >= 0 && Number.isFinite(row[t])).toBe(true);
          });
          const yearTotal = columnSum(out, t);
          const previous = t === 0 ? new Big(0) : cumulative[t - 1].toDecimalPlaces(c.decimals);
          // the year's parts add up to the year's rounded total, and the running sum is the rounded exact one
          expect(yearTotal.equals(exact.toDecimalPlaces(c.decimals).minus(previous))).toBe(true);
          paid = paid.plus(yearTotal);
          expect(paid.equals(exact.toDecimalPlaces(c.decimals))).toBe(true);
          expect(exact.lessThanOrEqualTo(new Big(cap))).toBe(true);
        });
        expect(paid.lessThanOrEqualTo(new Big(cap).toDecimalPlaces(c.decimals, Decimal.ROUND_DOWN))).toBe(true);
      }),
      RUNS,
    );
  });

  test("property: each part is within one unit of its exact pro-rata part", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(wholeKronor, ore).map(Math.abs), { minLength: 1, maxLength: 3 }),
        matrix(fc.oneof(wholeKronor, ore), 4, 5),
        share,
        fewDecimals,
        (d, s, sh, dec) => {
          const out = repayment(d, s, { share: sh, decimals: dec });
          const cumulative = exactCumulative(d, s, { share: sh, decimals: dec });
          const unit = new Big(10).pow(-dec);
          cumulative.forEach((c, t) => {
            const payment = c.minus(t === 0 ? 0 : cumulative[t - 1]);
            const eligible = s.map((row) => new Big(sh).times(Math.max(row[t] ?? 0, 0)));
            const total = eligible.reduce((x, y) => x.plus(y), new Big(0));
            s.forEach((_, b) => {
              const exactPart = total.isZero() ? new Big(0) : payment.times(eligible[b]).div(total);
              expect(new Big(out[b][t]).minus(exactPart).abs().lessThan(unit)).toBe(true);
            });
          });
        },
      ),
      RUNS,
    );
  });

  test("property: invalid inputs throw SocinvError, never TypeError", () => {
    const junk = fc.oneof(fc.constant(NaN), fc.constant(-Infinity), fc.constant(-1), fc.constant(2), fc.constant(1.5), fc.string(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(nonNegative(), junk), { maxLength: 3 }),
        fc.array(fc.array(fc.oneof(money(), junk), { maxLength: 3 }), { maxLength: 3 }),
        fc.record({ share: fc.oneof(share, junk), cap: fc.oneof(nonNegative(), junk), lag: fc.oneof(fc.nat(5), junk), decimals: fc.oneof(fewDecimals, junk) }),
        (d, s, o) => {
          try {
            const out = repayment(d as number[], s as number[][], o as RepaymentOptions);
            out.flat().forEach((x) => expect(Number.isFinite(x) && x >= 0).toBe(true));
          } catch (e) {
            expect(e).toBeInstanceOf(SocinvError);
          }
        },
      ),
      RUNS,
    );
  });
});

describe("compareRiskBearers: planned against realised savings", () => {
  test("planned 60 a year, realised 30 then 60: the fund is short 30 in year 0; the förvaltning paid 30 beyond its saving", () => {
    // Planned: 60, 40 (cap 100). Realised: 30, 60 → 30, 60 (cap 100 reached: 30 + 60 = 90 ≤ 100), then 10 in year 2.
    const result = compareRiskBearers([100], [[60, 60, 60]], [[30, 60, 60]]);
    expect(result.plannedRepayment).toEqual([[60, 40, 0]]);
    expect(result.realisedRepayment).toEqual([[30, 60, 10]]);
    expect(result.fundShortfall).toEqual([30, 0, 0]);
    expect(result.paidBeyondRealisedSavings).toEqual([[30, 0, 0]]);
  });

  test("row counts must match", () => {
    expect(() => compareRiskBearers([100], [[1], [2]], [[1]])).toThrow(SocinvError);
  });
});
