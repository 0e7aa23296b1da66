/**
 * repaymentFastInto with buffers kept between calls (the simulation's fonden bär risken, once per
 * project and iteration) gives exactly what repayment() gives with fresh buffers: the kept year split
 * starts again without drift, the kept rows and eligible amounts again at zero, whatever came before.
 */
import fc from "fast-check";
import { checkRepaymentInputs, repayment, RepaymentBuffers, repaymentFastInto, repaymentReference } from "../../../src/engine/repayment";

const amount = fc.integer({ min: -5_000, max: 50_000 }).map((x) => x / 100);
const call = (rows: number, years: number) =>
  fc.record({
    disbursements: fc.array(fc.integer({ min: 0, max: 100_000 }).map((x) => x / 10), { minLength: years, maxLength: years }),
    savings: fc.array(fc.array(amount, { minLength: years, maxLength: years }), { minLength: rows, maxLength: rows }),
    cashableShares: fc.array(fc.integer({ min: 0, max: 10_000 }).map((x) => x / 10_000), { minLength: rows, maxLength: rows }),
    share: fc.constantFrom(1, 0.5, 0.75),
    lag: fc.integer({ min: 0, max: 3 }),
    decimals: fc.integer({ min: 0, max: 2 }),
  });

describe("repaymentFastInto: buffers kept between calls", () => {
  test("a run of calls on the same buffers equals repayment() call by call, shapes changing or not (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((rows) => fc.integer({ min: 1, max: 8 }).chain((years) => fc.array(fc.oneof(call(rows, years), call(rows + 1, years)), { minLength: 1, maxLength: 5 }))),
        (calls) => {
          const buffers = new RepaymentBuffers();
          return calls.every((c) => {
            const options = { share: c.share, lag: c.lag, decimals: c.decimals, cashableShares: c.cashableShares };
            const expected = repayment(c.disbursements, c.savings, options);
            const inputs = checkRepaymentInputs(c.disbursements, c.savings, options);
            const got = repaymentFastInto(inputs, buffers) ?? repaymentReference(inputs);
            return JSON.stringify(got) === JSON.stringify(expected);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("worked case: the second call's rows are its own (100 disbursed, savings 30, 50, 40 at 50 %, then 80, 80)", () => {
    // First: payments 15, 25, 20 (Σ 60 < 100). Second, lag 0, share 1: 80, then min(80, 100 − 80) = 20.
    const buffers = new RepaymentBuffers();
    const first = checkRepaymentInputs([100, 0, 0], [[30, 50, 40]], { share: 0.5 });
    expect(repaymentFastInto(first, buffers)).toEqual([[15, 25, 20]]);
    const second = checkRepaymentInputs([100, 0, 0], [[80, 80, 0]], { share: 1 });
    expect(repaymentFastInto(second, buffers)).toEqual([[80, 20, 0]]);
  });
});
