/**
 * An independent audit of the SOCINV custom functions against docs/FUNCTIONS.md, clause by clause.
 * Every expected number is worked out by hand (the working is in the comment or the test name) or by a
 * second method: @formulajs/formulajs for NPV/PMT, and plain BigInt rational arithmetic for the
 * rounding rules of REPAYMENT, REPAYMENTPLAN and ALLOCATE (reference models below, written from the
 * contract's words only, not from the engine).
 */
import "../support/customFunctions";
import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import {
  allocate,
  bcr,
  discount,
  fundBalance,
  lifecycle,
  netBenefit,
  netEffect,
  payback,
  repayment,
  repaymentPlan,
} from "../../src/functions/functions";
import { FakeCustomFunctionError, setDisplayLanguage } from "../support/customFunctions";
import { expectExcelError, expectMatrix, expectNumber } from "./support";

/** Bare values as Excel may hand them to a parameter typed as a range. */
const cell = (x: unknown) => x as unknown as unknown[][];
const column = (xs: unknown[]) => xs.map((x) => [x]);

/** An Excel error whose message names one of `arguments_` ("argument: …"). */
function expectErrorNaming(result: unknown, code: string, arguments_: string[]): void {
  expect(result).toBeInstanceOf(FakeCustomFunctionError);
  const error = result as FakeCustomFunctionError;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(new RegExp(`^(${arguments_.join("|")}): `));
}

// ---------------------------------------------------------------------------------------------------
// Shapes and orientation
// ---------------------------------------------------------------------------------------------------
describe("DISCOUNT: shapes", () => {
  it("R×N matrix → R×1 column, one PV per row: rows [100,110,121] and [0,11,0] at 10 % → 300 and 10", () => {
    expectMatrix(
      discount([[0.1]], [
        [100, 110, 121],
        [0, 11, 0],
      ]),
      [[300], [10]],
    );
  });

  it("a column series gives one PV (1×1): 100 + 110/1.1 + 121/1.21 = 300", () => {
    expectMatrix(discount([[0.1]], column([100, 110, 121])), [[300]]);
  });

  it("a scalar is all in year 0, never discounted, even at timing 0: 7 → 7", () => {
    expectMatrix(discount(cell(0.5), cell(7)), [[7]]);
  });

  it("timing 1 equals formulajs NPV to 1e-12 relative (row and column alike)", () => {
    const values = [-1000, 250, 300.5, 0, 410, 17.25, 99];
    const npv = formulajs.NPV(0.042, ...values) as number;
    for (const shaped of [[values], column(values)]) {
      const got = (discount([[0.042]], shaped, 1) as number[][])[0][0];
      expect(Math.abs(got - npv) / Math.abs(npv)).toBeLessThan(1e-12);
    }
  });

  it("timing 0.5 on a rate series: DF(1) = 1/1.1 · 1.21^−0.5 = 1/1.21, so 0·… + 121 → 100", () => {
    // DF(t) = Π_{k<t}(1+r[k])^−1 · (1+r[t])^−τ: DF(1) = (1/1.1)·(1.21)^−0.5 = (1/1.1)·(1/1.1)
    expectMatrix(discount([[0.1, 0.21]], [[0, 121]], 0.5), [[100]]);
  });
});

describe("rate: a scalar or a series exactly as long as the horizon", () => {
  it("DISCOUNT: a 3-rate series on a 2-year row is #VALUE! naming rate", () => {
    expectExcelError(discount([[0.1, 0.1, 0.1]], [[1, 2]]), "#VALUE!", "rate");
  });

  it("DISCOUNT: a 2-rate series on a 3-year column is #VALUE! naming rate", () => {
    expectExcelError(discount(column([0.1, 0.1]), column([1, 2, 3])), "#VALUE!", "rate");
  });

  it("DISCOUNT: a matrix (2×3) with a 2-rate series is #VALUE! (the horizon is 3 years)", () => {
    expectExcelError(discount([[0.1, 0.1]], [[1, 2, 3], [4, 5, 6]]), "#VALUE!", "rate");
  });

  it("DISCOUNT: a 2-D rate range is #VALUE! naming rate", () => {
    expectExcelError(discount([[0.1, 0.1], [0.1, 0.1]], [[1, 2]]), "#VALUE!", "rate");
  });

  it("NETBENEFIT: the horizon is the longer input: investment [100], savings [0,110,121] → rates must be 3", () => {
    // 110/1.1 + 121/1.21 − 100 = 100
    expectNumber(netBenefit([[100]], [[0, 110, 121]], [[0.1, 0.1, 0.1]]), 100);
    expectExcelError(netBenefit([[100]], [[0, 110, 121]], column([0.1, 0.1])), "#VALUE!", "rate");
    expectExcelError(netBenefit([[100, 0, 0, 0]], [[0, 110, 121]], [[0.1, 0.1, 0.1]]), "#VALUE!", "rate");
  });

  it("LIFECYCLE: baseline 3 years, intervention 2 → horizon 3; a 2-rate series is #VALUE!", () => {
    expectExcelError(lifecycle([[1, 2, 3]], [[1, 1]], [[0.1, 0.1]]), "#VALUE!", "rate");
  });

  it("PAYBACK: a rate series of the wrong length is #VALUE!", () => {
    expectExcelError(payback([[100]], [[0, 60, 60]], [[0.1, 0.1]]), "#VALUE!", "rate");
  });

  it.each([-1, -1.5, -100])("rate %p (≤ −100 %) is #NUM! naming rate, in every discounting function", (r) => {
    expectExcelError(discount([[r]], [[1, 2]]), "#NUM!", "rate");
    expectExcelError(lifecycle([[1, 2]], [[0, 1]], [[r]]), "#NUM!", "rate");
    expectExcelError(netBenefit([[1]], [[0, 2]], [[r]]), "#NUM!", "rate");
    expectExcelError(bcr([[1]], [[0, 2]], [[r]]), "#NUM!", "rate");
    expectExcelError(payback([[1]], [[0, 2]], [[r]]), "#NUM!", "rate");
  });

  it("a rate series with one rate ≤ −100 % is #NUM!", () => {
    expectExcelError(discount([[0.1, -1, 0.1]], [[1, 2, 3]]), "#NUM!", "rate");
  });

  it("REPAYMENTPLAN: rate ≤ −100 % is #NUM! naming rate", () => {
    expectExcelError(repaymentPlan(100, [[1]], 3, -1), "#NUM!", "rate");
  });

  it("a rate just above −100 % is accepted: DISCOUNT(−0.5, [1, 1]) = 1 + 2 = 3", () => {
    expectMatrix(discount([[-0.5]], [[1, 1]]), [[3]]);
  });
});

describe("timing: only [0, 1]", () => {
  it.each([-0.1, 1.01, 2])("timing %p is #NUM! naming timing in DISCOUNT, LIFECYCLE, NETBENEFIT, BCR, PAYBACK", (tau) => {
    expectExcelError(discount([[0.1]], [[1, 2]], tau), "#NUM!", "timing");
    expectExcelError(lifecycle([[1, 2]], [[0, 1]], [[0.1]], tau), "#NUM!", "timing");
    expectExcelError(netBenefit([[1]], [[0, 2]], [[0.1]], tau), "#NUM!", "timing");
    expectExcelError(bcr([[1]], [[0, 2]], [[0.1]], tau), "#NUM!", "timing");
    expectExcelError(payback([[1]], [[0, 2]], [[0.1]], tau), "#NUM!", "timing");
  });

  it("timing 0 and 1 are both accepted (closed interval): 110 at t=1, 10 % → 100 and 90.909…", () => {
    expectMatrix(discount([[0.1]], [[0, 110]], 0), [[100]]);
    expectMatrix(discount([[0.1]], [[0, 110]], 1), [[110 / 1.21]]);
  });
});

// ---------------------------------------------------------------------------------------------------
// LIFECYCLE
// ---------------------------------------------------------------------------------------------------
describe("LIFECYCLE", () => {
  it("(R+1)×4 with the totals row; shares of the total saving", () => {
    // r = 10 %, τ = 0. Actor 1: B [100, 110] → 200; I [0, 0] → 0; S 200.
    // Actor 2: B [0, 0] → 0; I [50, 55] → 100; S −100. Total: 200, 100, 100; shares 2, −1, 1.
    expectMatrix(
      lifecycle(
        [
          [100, 110],
          [0, 0],
        ],
        [
          [0, 0],
          [50, 55],
        ],
        [[0.1]],
      ),
      [
        [200, 0, 200, 2],
        [0, 100, -100, -1],
        [200, 100, 100, 1],
      ],
    );
  });

  it('total saving exactly 0 → share "" on the totals row (and no error)', () => {
    // Savings 100 and −100 at 0 %: total PV saving 0.
    const result = lifecycle(
      [
        [100, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [100, 0],
      ],
      [[0]],
    ) as (number | string)[][];
    expect(result).not.toBeInstanceOf(FakeCustomFunctionError);
    expect(result.length).toBe(3);
    expect(result[2].slice(0, 3)).toEqual([100, 100, 0]);
    expect(result[2][3]).toBe("");
  });

  it('one actor, B [0.1, 0.2] vs I [0.3, 0] at 0 %: total saving 0 (2.8e-17 in doubles) → "" on the totals row', () => {
    // PV B = 0.1 + 0.2 = 0.3 = PV I: the saving is 0, so no share exists. (With TWO actors cancelling,
    // e.g. savings 0.1 + 0.2 and −0.3, the engine already gives "": the tolerance is relative to Σ|PV saving|.)
    const result = lifecycle([[0.1, 0.2]], [[0.3, 0]], [[0]]) as (number | string)[][];
    expect(result).not.toBeInstanceOf(FakeCustomFunctionError);
    expect(result[result.length - 1][3]).toBe("");
  });

  it("column inputs are one actor with years down: B [100,110], I [50,55] at 10 % → 2×4", () => {
    expectMatrix(lifecycle(column([100, 110]), column([50, 55]), [[0.1]]), [
      [200, 100, 100, 1],
      [200, 100, 100, 1],
    ]);
  });

  it("pads the shorter input: B [100,110,121], I [100] at 10 % → PV B 300, I 100, S 200", () => {
    expectMatrix(lifecycle([[100, 110, 121]], [[100]], [[0.1]]), [
      [300, 100, 200, 1],
      [300, 100, 200, 1],
    ]);
  });

  it("blanks null/undefined/'' are 0; omitted timing null/undefined is 0", () => {
    const expected = [
      [220, 0, 220, 1],
      [220, 0, 220, 1],
    ];
    // B [110, blank, blank, 146.41] at 10 %: 110 + 146.41/1.1^3 = 110 + 110 = 220; I all blank = 0.
    expectMatrix(lifecycle([[110, null, undefined, 146.41]], [["", null, undefined, ""]], [[0.1]], null), expected);
    expectMatrix(lifecycle([[110, null, undefined, 146.41]], [["", null, undefined, ""]], [[0.1]], undefined), expected);
  });
});

// ---------------------------------------------------------------------------------------------------
// NETEFFECT
// ---------------------------------------------------------------------------------------------------
describe("NETEFFECT", () => {
  it("drop-off counts from EACH ROW's first non-zero year", () => {
    // dropoff 50 %: row 1 starts in year 1 → [0, 100, 50, 25]; row 2 starts in year 0 → [100, 50, 25, 12.5]
    expectMatrix(
      netEffect(
        [
          [0, 100, 100, 100],
          [100, 100, 100, 100],
        ],
        null,
        null,
        null,
        0.5,
      ),
      [
        [0, 100, 50, 25],
        [100, 50, 25, 12.5],
      ],
    );
  });

  it("a zero after the first non-zero year still ages: [0, 100, 0, 100] at 50 % → [0, 100, 0, 25]", () => {
    expectMatrix(netEffect([[0, 100, 0, 100]], undefined, undefined, undefined, 0.5), [[0, 100, 0, 25]]);
  });

  it("all factors: 1000·(1−0.2)·0.5·(1−0.1) = 360, then ·0.9 per year: 324", () => {
    expectMatrix(netEffect([[1000, 1000]], 0.2, 0.5, 0.1, 0.1), [[360, 324]]);
  });

  it("a column gives a column: [[0],[100],[100]] at 50 % → [[0],[100],[50]]", () => {
    expectMatrix(netEffect(column([0, 100, 100]), 0, 1, 0, 0.5), [[0], [100], [50]]);
  });

  it("blanks as null/undefined/'' are 0 and the row still starts at its first non-zero year", () => {
    expectMatrix(netEffect([[null, "", 80, 80]], 0, 1, 0, 0.25), [[0, 0, 80, 60]]);
  });

  it.each([
    ["deadweight", [1.5, 1, 0, 0]],
    ["attribution", [0, -0.1, 0, 0]],
    ["displacement", [0, 1, 2, 0]],
    ["dropoff", [0, 1, 0, 1.1]],
  ] as const)("%s outside [0, 1] is #NUM! naming it", (name, args) => {
    expectExcelError(netEffect([[1, 2]], ...args), "#NUM!", name);
  });
});

// ---------------------------------------------------------------------------------------------------
// NETBENEFIT / BCR
// ---------------------------------------------------------------------------------------------------
describe("NETBENEFIT and BCR", () => {
  it("scalar investment is all in year 0; savings as a matrix summed over rows", () => {
    // savings rows [0, 55, 60.5] + [0, 55, 60.5] = [0, 110, 121] → PV 200 at 10 %; investment 100 → 100; ratio 2
    const savings = [
      [0, 55, 60.5],
      [0, 55, 60.5],
    ];
    expectNumber(netBenefit(cell(100), savings, cell(0.1)), 100);
    expectNumber(bcr(cell(100), savings, cell(0.1)), 2);
  });

  it("investment column vs savings row of different lengths: padded", () => {
    // investment [50, 50] (column) → 50 + 50/1.1; savings [0, 0, 121] → 100
    const expected = 100 - (50 + 50 / 1.1);
    expectNumber(netBenefit(column([50, 50]), [[0, 0, 121]], [[0.1]]), expected);
    expectNumber(bcr(column([50, 50]), [[0, 0, 121]], [[0.1]]), 100 / (50 + 50 / 1.1));
  });

  it("timing 1 equals NPV(savings) − NPV(investment) from formulajs", () => {
    const inv = [300, 200, 0, 0, 0];
    const sav = [0, 80, 150, 200, 250];
    const expected = (formulajs.NPV(0.035, ...sav) as number) - (formulajs.NPV(0.035, ...inv) as number);
    expectNumber(netBenefit([inv], [sav], [[0.035]], 1), expected, 9);
  });

  it("annuity check: cost 3,000 in year 0, benefit 500 in years 1..20 at 3 % → PV 500·(1 − 1.03^−20)/0.03", () => {
    // τ = 0, cost in year 0, benefits in years 1..20: PV(benefits) = 500·14.8775 = 7438.74; NPV 4438.74, BCR 2.4796
    const benefits = [0, ...new Array(20).fill(500)];
    const pv = 500 * ((1 - Math.pow(1.03, -20)) / 0.03);
    expectNumber(netBenefit([[3000]], [benefits], [[0.03]]), pv - 3000, 6);
    expectNumber(bcr([[3000]], [benefits], [[0.03]]), pv / 3000, 9);
  });

  it("BCR with an investment worth 0 today is #DIV/0! naming investment", () => {
    expectErrorNaming(bcr([[0, 0]], [[10, 10]], [[0.1]]), "#DIV/0!", ["investment"]);
  });

  it("omitted timing null/undefined is 0", () => {
    expectNumber(netBenefit([[100]], [[0, 110]], [[0.1]], null), 0);
    expectNumber(netBenefit([[100]], [[0, 110]], [[0.1]], undefined), 0);
  });
});

// ---------------------------------------------------------------------------------------------------
// PAYBACK
// ---------------------------------------------------------------------------------------------------
describe("PAYBACK", () => {
  it("FUNCTIONS.md example: investment 100 in year 0, savings 50 in years 1 and 2 → 3", () => {
    expectNumber(payback([[100]], [[0, 50, 50]]), 3);
    expectNumber(payback(column([100]), column([0, 50, 50])), 3);
    expectNumber(payback(cell(100), column([0, 50, 50]), cell(null), null), 3);
  });

  it("already non-negative in year 0 → 0", () => {
    expectNumber(payback([[100]], [[100, 50]]), 0);
    expectNumber(payback([[0]], [[10]]), 0);
  });

  it("issue 8: a model that starts before the money: {0,100,0,0} against {0,0,60,60} → 3.667, not 0", () => {
    // cumulative 0, −100, −40, +20: negative from year 1, back to 0 inside year 3 at 40/60 → 3 + 2/3 = 11/3
    expectNumber(payback([[0, 100, 0, 0]], [[0, 0, 60, 60]]), 11 / 3);
    expectNumber(payback(column([0, 100, 0, 0]), column([0, 0, 60, 60])), 11 / 3);
    // never negative (a saving before any cost) is still 0
    expectNumber(payback([[0, 0]], [[10, 0]]), 0);
  });

  it("interpolated inside the year: cumulative −100, −60, +20 → 2 + 60/80 = 2.75", () => {
    expectNumber(payback([[100]], [[0, 40, 80]]), 2.75);
  });

  it("discounted when rate > 0: −100, +55/1.1 = 50, +121/1.21 = 100 → −100, −50, +50 → 2.5", () => {
    expectNumber(payback([[100]], [[0, 55, 121]], [[0.1]]), 2.5);
  });

  it("discounted with timing 1: 110/1.1 = 100; 60.5/1.21 = 50, 133.1/1.331 = 100 → 2.5", () => {
    expectNumber(payback([[110]], [[0, 60.5, 133.1]], [[0.1]], 1), 2.5);
  });

  it("the same flows undiscounted pay back earlier: −100, −45, +76 → 2 + 45/121", () => {
    expectNumber(payback([[100]], [[0, 55, 121]]), 2 + 45 / 121);
    expectNumber(payback([[100]], [[0, 55, 121]], [[0]]), 2 + 45 / 121);
  });

  it("savings matrix summed over rows: [0,25,25] + [0,25,25] against 100 → 3", () => {
    expectNumber(
      payback(
        [[100]],
        [
          [0, 25, 25],
          [0, 25, 25],
        ],
      ),
      3,
    );
  });

  it("never within the horizon → #N/A (never 0, never a number)", () => {
    expectErrorNaming(payback([[100]], [[0, 40, 40]]), "#N/A", ["investment", "savings"]);
    // padded horizon: investment longer than savings
    expectErrorNaming(payback([[100, 100]], [[0, 150]]), "#N/A", ["investment", "savings"]);
  });

  it("investment spread over years, savings later: −50, −100, −10, +80 → 2 + 10/90", () => {
    // flows: y0 −50, y1 −50, y2 +90, y3 +90 → cumulative −50, −100, −10, +80; crossing in year 3 at 10/90
    expectNumber(payback([[50, 50]], [[0, 0, 90, 90]]), 3 + 10 / 90);
  });
});

// ---------------------------------------------------------------------------------------------------
// REPAYMENT
// ---------------------------------------------------------------------------------------------------
describe("REPAYMENT", () => {
  it("starts in the first year with a disbursement > 0 plus lag", () => {
    // D [0, 100, 0, 0], lag 1 → start year 2; savings 30 a year → [0, 0, 30, 30]
    expectMatrix(repayment([[0, 100, 0, 0]], [[30, 30, 30, 30]], null, null, 1), [[0, 0, 30, 30]]);
    // lag 0 → start year 1 → [0, 30, 30, 30] (Σ 90 ≤ cap 100)
    expectMatrix(repayment([[0, 100, 0, 0]], [[30, 30, 30, 30]]), [[0, 30, 30, 30]]);
  });

  it("a disbursement of 0 does not start the clock; no disbursement > 0 → nothing repaid", () => {
    expectMatrix(repayment([[0, 0]], [[30, 30]]), [[0, 0]]);
  });

  it("cap defaults to Σ disbursements: D [60, 40], savings 60 a year → [60, 40, 0]", () => {
    expectMatrix(repayment([[60, 40]], [[60, 60, 60]]), [[60, 40, 0]]);
  });

  it("share: 50 % of 40 = 20 a year until the cap 100: [20, 20, 20, 20, 20, 0]", () => {
    expectMatrix(repayment([[100]], [[40, 40, 40, 40, 40, 40]], 0.5), [[20, 20, 20, 20, 20, 0]]);
  });

  it("cap binding: split pro rata to eligible amounts", () => {
    // y0: eligible 30 + 50 = 80 ≤ 100 → 30, 50; y1: remaining 20 < 30 + 90 → 20·30/120 = 5, 20·90/120 = 15
    expectMatrix(
      repayment(
        [[100]],
        [
          [30, 30],
          [50, 90],
        ],
      ),
      [
        [30, 5],
        [50, 15],
      ],
    );
  });

  it("explicit cap below the disbursements: cap 45 → [30, 15]", () => {
    expectMatrix(repayment([[100]], [[30, 30, 30]], 1, 45), [[30, 15, 0]]);
  });

  it("negative savings repay nothing and never make a negative repayment", () => {
    expectMatrix(
      repayment(
        [[100]],
        [
          [-50, 30],
          [20, -10],
        ],
      ),
      [
        [0, 30],
        [20, 0],
      ],
    );
  });

  it("cumulative-consistent rounding: 40 % of 3 = 1.2 a year → cumulative 1.2, 2.4, 3.6, 4.8 → 1, 2, 4, 5 → [1, 1, 2, 1]", () => {
    expectMatrix(repayment([[100]], [[3, 3, 3, 3]], 0.4), [[1, 1, 2, 1]]);
  });

  it("largest remainder across förvaltningar (rows): 0.6, 0.6, 0.8 → [1], [0], [1]", () => {
    // (a second year of zeros keeps the 3×2 a matrix: a 3×1 would be one förvaltning with years down)
    expectMatrix(repayment([[100]], [[0.6, 0], [0.6, 0], [0.8, 0]]), [[1, 0], [0, 0], [1, 0]]);
  });

  it("tie in remainders goes to the LARGER exact part, not the earlier row: eligible 0.5, 1.5 → [0], [2]", () => {
    // total 2.0 → 2 units; floors 0, 1; remainders .5 and .5 tie → larger exact part (1.5) gets the unit
    expectMatrix(repayment([[100]], [[0.5, 0], [1.5, 0]]), [[0, 0], [2, 0]]);
  });

  it("equal parts tie → the earlier row, then the row behind: 0.4 + 0.4 a year → cumulative 0.8, 1.6, 2.4 → 1, 2, 2", () => {
    // year totals 1, 1, 0. Year 0: 0.4/0.4, equal gaps and parts → the earlier row. Year 1 (running
    // totals, FUNCTIONS.md): row 0's gap is 0.8 − 1 = −0.2, row 1's 0.8 → row 1.
    expectMatrix(
      repayment(
        [[100]],
        [
          [0.4, 0.4, 0.4],
          [0.4, 0.4, 0.4],
        ],
      ),
      [
        [1, 0, 0],
        [0, 1, 0],
      ],
    );
  });

  it("decimals: cap 10 split 10:20 → 3.33 and 6.67 (2 decimals), 3 and 7 (0 decimals)", () => {
    const savings = [[10, 0], [20, 0]];
    expectMatrix(repayment([[10]], savings, 1, null, 0, 2), [[3.33, 0], [6.67, 0]], 12);
    expectMatrix(repayment([[10]], savings, 1, null, 0, 0), [[3, 0], [7, 0]], 12);
  });

  it("column savings give a column: D [100] column, savings [[60],[60],[60]] → [[60],[40],[0]]", () => {
    expectMatrix(repayment(column([100]), column([60, 60, 60])), [[60], [40], [0]]);
    expectMatrix(repayment([[100]], column([60, 60, 60])), [[60], [40], [0]]);
  });

  it("disbursements as a column and savings as a matrix: rows out, padded to the longer", () => {
    // D [0, 100, 0] (column) → start year 1; savings rows padded to 3 years. Year 1: eligible 70 + 50 = 120 > cap 100
    // → 100·70/120 = 58.33, 100·50/120 = 41.67 → floors 58 + 41, one unit to the larger remainder (.67) → 58, 42
    expectMatrix(repayment(column([0, 100, 0]), [[70, 70], [50, 50]]), [
      [0, 58, 0],
      [0, 42, 0],
    ]);
  });

  it("blanks and omitted optionals: null/undefined/'' savings are 0; null/undefined share, cap, lag, decimals are the defaults", () => {
    const expected = [[0, 60, 40]];
    expectMatrix(repayment([[100, ""]], [[null, 60, 60]], null, null, null, null), expected);
    expectMatrix(repayment([[100, undefined]], [["", 60, 60]], undefined, undefined, undefined, undefined), expected);
  });

  it("errors: share > 1, negative lag, fractional decimals → #NUM!; text → #VALUE!", () => {
    expectExcelError(repayment([[100]], [[10]], 1.5), "#NUM!", "share");
    expectExcelError(repayment([[100]], [[10]], 1, null, -1), "#NUM!", "lag");
    expectExcelError(repayment([[100]], [[10]], 1, null, 0, 1.5), "#NUM!", "decimals");
    expectExcelError(repayment([[100]], [[10, "abc"]]), "#VALUE!", "savings", /abc/);
  });
});

/**
 * FUNCTIONS.md "Rounding": which parts of a year round up. Row b's exact part is num_b/den; its exact
 * running total so far is exact[b] = [n, d] and its rounded one rounded[b]. Rounded up: the rows (with a
 * remainder) whose rounded total plus this year's floor falls furthest below the exact total through
 * this year; ties: the larger exact part, then the earlier row. Updates exact and rounded.
 */
function runningTotalUnits(num: bigint[], den: bigint, yearTotal: bigint, exact: [bigint, bigint][], rounded: bigint[]): bigint[] {
  const floors = num.map((n) => n / den);
  const gap = num.map((n, b): [bigint, bigint] => {
    const [en, ed] = exact[b];
    return [en * den + n * ed - (rounded[b] + floors[b]) * ed * den, ed * den];
  });
  const order = num.map((_, b) => b).filter((b) => num[b] % den !== 0n);
  const cmpGap = (x: number, y: number) => {
    const l = gap[x][0] * gap[y][1];
    const r = gap[y][0] * gap[x][1];
    return l === r ? 0 : l > r ? -1 : 1;
  };
  order.sort((x, y) => cmpGap(x, y) || (num[x] === num[y] ? x - y : num[x] > num[y] ? -1 : 1));
  let missing = yearTotal - floors.reduce((a, b) => a + b, 0n);
  for (const b of order) {
    if (missing <= 0n) break;
    floors[b] += 1n;
    missing -= 1n;
  }
  if (missing !== 0n) throw new Error("reference: cannot reach the year total");
  num.forEach((n, b) => {
    exact[b] = [exact[b][0] * den + n * exact[b][1], exact[b][1] * den];
    rounded[b] += floors[b];
  });
  return floors;
}

/** The contract's REPAYMENT in BigInt rationals: integer D and savings, share = k/100, decimals 0. */
function referenceRepayment(d: number[], s: number[][], k: number, lag: number, cap: number | null): number[][] | "tie" {
  const years = Math.max(d.length, ...s.map((r) => r.length));
  const out = s.map(() => new Array<number>(years).fill(0));
  const first = d.findIndex((x) => x > 0);
  if (first < 0) return out;
  // Everything in hundredths (share = k/100): eligible_b = k·max(s, 0).
  const capH = BigInt(cap ?? d.reduce((a, b) => a + b, 0)) * 100n;
  let cum = 0n; // exact cumulative, hundredths
  let roundedPrev = 0n; // rounded cumulative, units
  const exact = s.map((): [bigint, bigint] => [0n, 1n]);
  const roundedRows = s.map(() => 0n);
  for (let t = first + lag; t < years; t++) {
    const rem = capH - cum;
    if (rem <= 0n) break;
    const e = s.map((row) => BigInt(k) * BigInt(Math.max(row[t] ?? 0, 0)));
    const total = e.reduce((a, b) => a + b, 0n);
    if (total === 0n) continue;
    const payment = total < rem ? total : rem;
    cum += payment;
    // round(cum/100): ties are not specified by the contract (half-up vs half-even) → skip such cases
    if (cum % 100n === 50n) return "tie";
    const rounded = cum / 100n + (cum % 100n > 50n ? 1n : 0n);
    const yearTotal = rounded - roundedPrev;
    roundedPrev = rounded;
    // exact part_b in units = payment·e_b / (total·100)
    const den = total * 100n;
    const num = e.map((x) => payment * x);
    const floors = runningTotalUnits(num, den, yearTotal, exact, roundedRows);
    floors.forEach((f, b) => (out[b][t] = Number(f)));
  }
  return out;
}

describe("REPAYMENT against a BigInt reference of the contract (property)", () => {
  it("matches, never negative, never above the cap", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }).chain((rows) =>
          // ≥ 2 years: an R×1 range is one förvaltning with years down, not R förvaltningar
          fc.integer({ min: 2, max: 6 }).chain((years) =>
            fc.array(fc.array(fc.integer({ min: -20, max: 40 }), { minLength: years, maxLength: years }), {
              minLength: rows,
              maxLength: rows,
            }),
          ),
        ),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 2 }),
        fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
        (d, s, k, lag, cap) => {
          const want = referenceRepayment(d, s, k, lag, cap);
          fc.pre(want !== "tie");
          const got = repayment([d], s, k / 100, cap, lag) as number[][];
          expect(got).not.toBeInstanceOf(FakeCustomFunctionError);
          expect(got).toEqual(want);
          const capValue = cap ?? d.reduce((a, b) => a + b, 0);
          let sum = 0;
          for (const row of got) for (const x of row) {
            expect(x).toBeGreaterThanOrEqual(0);
            sum += x;
          }
          expect(sum).toBeLessThanOrEqual(capValue);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// REPAYMENTPLAN
// ---------------------------------------------------------------------------------------------------
describe("REPAYMENTPLAN", () => {
  it("one row per key entry, key as a row: 1200 over 3 years by 1:1:2 → 100,100,200 each year", () => {
    const expected = [
      [100, 100, 100],
      [100, 100, 100],
      [200, 200, 200],
    ];
    expectMatrix(repaymentPlan(1200, [[1, 1, 2]], 3), expected, 12);
  });

  it("one row per key entry, key as a column: the same 3×3", () => {
    expectMatrix(
      repaymentPlan(1200, column([1, 1, 2]), 3),
      [
        [100, 100, 100],
        [100, 100, 100],
        [200, 200, 200],
      ],
      12,
    );
  });

  it("a 1-entry key over 4 years is 1×4, not 4×1", () => {
    expectMatrix(repaymentPlan(100, [[5]], 4), [[25, 25, 25, 25]], 12);
  });

  it("straight-line cumulative rounding: 100/3 → cumulative 33.3, 66.7, 100 → 33, 67, 100 → [33, 34, 33]", () => {
    expectMatrix(repaymentPlan(100, [[1]], 3), [[33, 34, 33]], 12);
  });

  it("annuity equals −PMT: 1000 over 3 years at 5 % → 367.2086 a year; cumulative 367.2, 734.4, 1101.6 → [367, 367, 368]", () => {
    const pmt = -(formulajs.PMT(0.05, 3, 1000) as number);
    expect(pmt).toBeCloseTo(367.2085646, 6);
    expectMatrix(repaymentPlan(1000, [[1]], 3, 0.05), [[367, 367, 368]], 12);
    // 2 decimals: cumulative 367.21, 734.42, 1101.63 → 367.21 each year
    expectMatrix(repaymentPlan(1000, [[1]], 3, 0.05, 2), [[367.21, 367.21, 367.21]], 12);
  });

  it("annuity with 4 decimals tracks −PMT per year and Σ = round(3·PMT, 4)", () => {
    const pmt = -(formulajs.PMT(0.03, 5, 250000) as number);
    const plan = repaymentPlan(250000, [[1]], 5, 0.03, 4) as number[][];
    for (const x of plan[0]) expect(Math.abs(x - pmt)).toBeLessThanOrEqual(0.0001 + 1e-9);
    const total = plan[0].reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(Math.round(5 * pmt * 1e4) / 1e4, 6);
  });

  it("a negative amount is split as |amount| and negated: −100/3 → [−33, −34, −33]", () => {
    expectMatrix(repaymentPlan(-100, [[1]], 3), [[-33, -34, -33]], 12);
  });

  it("key ties to the larger exact part: 2 a year by 1:3 → exact 0.5, 1.5 → [0, 2], then [1, 1] by running totals", () => {
    // Year 1: row 0 is ½ behind its exact total (0.5 + 0.5 − 0), row 1 ½ ahead: row 0 rounds up.
    expectMatrix(repaymentPlan(4, [[1, 3]], 2), [[0, 1], [2, 1]], 12);
  });

  it("key weights must be ≥ 0 with a sum > 0 (#NUM!/#DIV/0!, naming key)", () => {
    expectErrorNaming(repaymentPlan(100, [[1, -1]], 3), "#NUM!", ["key"]);
    const zero = repaymentPlan(100, [[0, 0]], 3) as unknown as FakeCustomFunctionError;
    expect(zero).toBeInstanceOf(FakeCustomFunctionError);
    expect(["#NUM!", "#DIV/0!"]).toContain(zero.code);
    expect(zero.message).toMatch(/^key: /);
  });

  it("years must be a whole number ≥ 1", () => {
    expectExcelError(repaymentPlan(100, [[1]], 0), "#NUM!", "years");
    expectExcelError(repaymentPlan(100, [[1]], 2.5), "#NUM!", "years");
  });

  it("omitted rate/decimals as null or undefined are the defaults (0, 0)", () => {
    expectMatrix(repaymentPlan(100, [[1]], 3, null, null), [[33, 34, 33]], 12);
    expectMatrix(repaymentPlan(100, [[1]], 3, undefined, undefined), [[33, 34, 33]], 12);
  });
});

/** The contract's straight-line REPAYMENTPLAN in BigInt rationals, decimals 0. */
function referencePlan(amount: number, key: number[], years: number): number[][] | "tie" {
  const a = BigInt(Math.abs(amount));
  const K = key.reduce((x, y) => x + y, 0);
  const out = key.map(() => new Array<number>(years).fill(0));
  let prev = 0n;
  const exact = key.map((): [bigint, bigint] => [0n, 1n]);
  const roundedRows = key.map(() => 0n);
  for (let t = 0; t < years; t++) {
    // cumulative C = a·(t+1)/years
    const n = a * BigInt(t + 1);
    const y = BigInt(years);
    const q = n / y;
    const r = n % y;
    if (2n * r === y) return "tie";
    const rounded = q + (2n * r > y ? 1n : 0n);
    const yearTotal = rounded - prev;
    prev = rounded;
    // part_b = a·κ_b / (years·K)
    const den = y * BigInt(K);
    const num = key.map((k) => a * BigInt(k));
    const floors = runningTotalUnits(num, den, yearTotal, exact, roundedRows);
    floors.forEach((f, b) => (out[b][t] = amount < 0 && f !== 0n ? -Number(f) : Number(f)));
  }
  return out;
}

describe("REPAYMENTPLAN straight-line against a BigInt reference (property)", () => {
  it("matches", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }).filter((k) => k.some((x) => x > 0)),
        fc.integer({ min: 1, max: 7 }),
        (amount, key, years) => {
          const want = referencePlan(amount, key, years);
          fc.pre(want !== "tie");
          const got = repaymentPlan(amount, [key], years) as number[][];
          expect(got).not.toBeInstanceOf(FakeCustomFunctionError);
          expect(got.map((r) => r.map((x) => x + 0))).toEqual(want);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// ALLOCATE
// ---------------------------------------------------------------------------------------------------
describe("ALLOCATE", () => {
  it("keeps the weights' shape: 2×2, a column, a row", () => {
    expectMatrix(allocate(100, [[1, 1], [1, 1]]), [[25, 25], [25, 25]], 12);
    expectMatrix(allocate(100, column([1, 1, 1])), [[34], [33], [33]], 12);
    expectMatrix(allocate(100, [[1, 1, 1]]), [[34, 33, 33]], 12);
  });

  it("a negative amount: split |amount| and negate → [[−34], [−33], [−33]]", () => {
    expectMatrix(allocate(-100, column([1, 1, 1])), [[-34], [-33], [-33]], 12);
  });

  it("ties go to the larger exact part: 2 by 1:3 → exact 0.5, 1.5 → [0, 2]", () => {
    expectMatrix(allocate(2, [[1, 3]]), [[0, 2]], 12);
  });

  it("decimals: 10 by 1:2 → 3.33, 6.67; and 0 decimals → 3, 7", () => {
    expectMatrix(allocate(10, [[1, 2]], 2), [[3.33, 6.67]], 12);
    expectMatrix(allocate(10, [[1, 2]]), [[3, 7]], 12);
  });

  it("blanks in the weights are 0 and keep their place", () => {
    expectMatrix(allocate(90, [[null, 1], ["", 2], [undefined, 0]]), [[0, 30], [0, 60], [0, 0]], 12);
  });

  it("weights must be ≥ 0 with a sum > 0", () => {
    expectErrorNaming(allocate(100, [[1, -1, 3]]), "#NUM!", ["weights"]);
    const zero = allocate(100, [[0, 0]]) as unknown as FakeCustomFunctionError;
    expect(zero).toBeInstanceOf(FakeCustomFunctionError);
    expect(["#NUM!", "#DIV/0!"]).toContain(zero.code);
    expect(zero.message).toMatch(/^weights: /);
  });

  it("text in the weights is #VALUE! naming weights", () => {
    expectExcelError(allocate(100, [[1, "x"]]), "#VALUE!", "weights", /x/);
  });

  it("parts equal a BigInt largest-remainder reference (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100000, max: 100000 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 }).filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 2 }),
        (amount, weights, decimals) => {
          // target = |amount|·10^d units (an integer: no rounding of the total); part_i = target·w_i/W
          const target = BigInt(Math.abs(amount)) * 10n ** BigInt(decimals);
          const W = BigInt(weights.reduce((a, b) => a + b, 0));
          const num = weights.map((w) => target * BigInt(w));
          const floors = num.map((n) => n / W);
          let missing = target - floors.reduce((a, b) => a + b, 0n);
          const order = num
            .map((n, i) => ({ i, r: n % W, n }))
            .sort((x, y) => (x.r === y.r ? (x.n === y.n ? x.i - y.i : x.n > y.n ? -1 : 1) : x.r > y.r ? -1 : 1));
          for (const { i } of order) {
            if (missing <= 0n) break;
            floors[i] += 1n;
            missing -= 1n;
          }
          const want = floors.map((f) => (amount < 0 ? -Number(f) : Number(f)) / 10 ** decimals + 0);
          const got = allocate(amount, [weights], decimals) as number[][];
          expect(got).not.toBeInstanceOf(FakeCustomFunctionError);
          expect(got[0].map((x) => x + 0)).toEqual(want);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// FUNDBALANCE
// ---------------------------------------------------------------------------------------------------
describe("FUNDBALANCE", () => {
  it("6×N, matrices summed per year, optional other", () => {
    // y0: 100 + 50 − (30+10) + 0 − 1 = 109; y1: 109 + 50 − (20+0) + 5 − 2 = 142
    expectMatrix(
      fundBalance(100, [[50, 50]], [[30, 20], [10, 0]], [[0, 5]], [[1, 2]]),
      [
        [100, 109],
        [50, 50],
        [40, 20],
        [0, 5],
        [1, 2],
        [109, 142],
      ],
      12,
    );
  });

  it("N×6 when every input is a single column", () => {
    expectMatrix(
      fundBalance(100, column([50, 50]), column([40, 20]), column([0, 5]), column([1, 2])),
      [
        [100, 50, 40, 0, 1, 109],
        [109, 50, 20, 5, 2, 142],
      ],
      12,
    );
  });

  it("not every input a column → years across (6×N); a 2×1 repayments range is then two förvaltningar in year 0", () => {
    // "otherwise years run across and matrices have one row per project or förvaltning": repayments
    // {0; 5} are two rows in year 0 → 5 in year 0. A series (contributions) is a series either way.
    // closing: 100 + 50 − 40 + 5 = 115; 115 + 50 − 20 = 145.
    expectMatrix(
      fundBalance(100, column([50, 50]), [[40, 20]], column([0, 5])),
      [
        [100, 115],
        [50, 50],
        [40, 20],
        [5, 0],
        [0, 0],
        [115, 145],
      ],
      12,
    );
  });

  it("0.1 + 0.2 = 0.3 exactly (and 0.3 − 0.1 = 0.2, not 0.19999999999999998)", () => {
    const result = fundBalance(0.1, [[0.2, 0]], [[0, 0.1]], [[0, 0]]) as number[][];
    expect(result[5][0]).toBe(0.3);
    expect(result[0][1]).toBe(0.3);
    expect(result[5][1]).toBe(0.2);
  });

  it("shorter inputs padded; a scalar contribution is all in year 0", () => {
    // contributions 10 (year 0), disbursements [1, 1, 1], repayments [2] → closing 109? opening 100:
    // y0: 100 + 10 − 1 + 2 = 111; y1: 111 − 1 = 110; y2: 110 − 1 = 109
    expectMatrix(
      fundBalance(100, cell(10), [[1, 1, 1]], [[2]]),
      [
        [100, 111, 110],
        [10, 0, 0],
        [1, 1, 1],
        [2, 0, 0],
        [0, 0, 0],
        [111, 110, 109],
      ],
      12,
    );
  });

  it("omitted other as null or undefined is none", () => {
    const expected = [[5], [1], [2], [3], [0], [7]];
    expectMatrix(fundBalance(5, [[1]], [[2]], [[3]], null as unknown as unknown[][]), expected, 12);
    expectMatrix(fundBalance(5, [[1]], [[2]], [[3]], undefined), expected, 12);
  });

  it("blanks are 0", () => {
    expectMatrix(
      fundBalance(0, [[10, ""]], [[null, 3]], [[undefined, 1]]),
      [
        [0, 10],
        [10, 0],
        [0, 3],
        [0, 1],
        [0, 0],
        [10, 8],
      ],
      12,
    );
  });

  it("text is #VALUE! naming the argument", () => {
    expectExcelError(fundBalance(0, [[10, "x"]], [[1]], [[1]]), "#VALUE!", "contributions");
    expectExcelError(fundBalance("abc", [[10]], [[1]], [[1]]), "#VALUE!", "opening");
  });
});

// ---------------------------------------------------------------------------------------------------
// Errors: typed Excel errors with a message naming the argument, never exceptions or NaN
// ---------------------------------------------------------------------------------------------------
describe("errors name the argument", () => {
  it("text and booleans are #VALUE!", () => {
    expectExcelError(discount([[0.1]], [[1, "abc"]]), "#VALUE!", "values", /abc/);
    expectExcelError(discount([[0.1]], [[1, 2], [3, "abc"]]), "#VALUE!", "values", /abc/);
    expectExcelError(netBenefit([[1]], [[true, 2]], [[0.1]]), "#VALUE!", "savings");
    expectExcelError(lifecycle([[1, 2]], [[1, "x"]], [[0.1]]), "#VALUE!", "intervention");
    expectExcelError(netEffect([["x", 1]]), "#VALUE!", "gross");
    expectExcelError(payback([["x"]], [[1]]), "#VALUE!", "investment");
    expectExcelError(discount([["x"]], [[1]]), "#VALUE!", "rate");
  });

  it("a required range left out is #VALUE! naming it; a blank single number counts as 0", () => {
    expectExcelError(discount([[0.1]], null as unknown as unknown[][]), "#VALUE!", "values");
    // "Blank cells count as 0": a blank amount splits 0; a blank years is 0, out of range (#NUM!)
    expect(allocate(null, [[1]])).toEqual([[0]]);
    expectExcelError(repaymentPlan(100, [[1]], null), "#NUM!", "years");
  });

  it("issue 9 item 7: an empty required rate is #VALUE! (never a silent 0), in English and Swedish", () => {
    // Excel hands an empty cell over as a 1×1 blank (null or ""); before the fix each was read as 0 %.
    for (const blank of [[[null]], [[""]], null, undefined]) {
      const rate = blank as unknown as unknown[][];
      expectExcelError(discount(rate, [[1, 2]]), "#VALUE!", "rate", "rate: the cell is empty; enter 0 for no discounting");
      expectExcelError(lifecycle([[1, 2]], [[0, 1]], rate), "#VALUE!", "rate", /enter 0 for no discounting/);
      expectExcelError(netBenefit([[1]], [[0, 2]], rate), "#VALUE!", "rate", /enter 0 for no discounting/);
      expectExcelError(bcr([[1]], [[0, 2]], rate), "#VALUE!", "rate", /enter 0 for no discounting/);
      expectExcelError(discount(rate, [[1, 2], [3, 4]]), "#VALUE!", "rate", /enter 0 for no discounting/);
      expectExcelError(lifecycle([[1, 2], [3, 4]], [[0, 1], [0, 1]], rate), "#VALUE!", "rate", /enter 0 for no discounting/);
    }
    setDisplayLanguage("sv-SE");
    try {
      expectExcelError(netBenefit([[1]], [[0, 2]], [[null]]), "#VALUE!", "ränta", "ränta: cellen är tom; ange 0 för ingen diskontering");
    } finally {
      setDisplayLanguage(undefined);
    }
    // PAYBACK's rate is optional: blank means 0 (−100, −50, 0 → 3)
    expectNumber(payback([[100]], [[0, 50, 50]], [[null]]), 3);
    expectNumber(payback([[100]], [[0, 50, 50]], [[""]]), 3);
  });

  it("messages are Swedish when Excel's display language is Swedish, English otherwise", () => {
    const english = discount([[-1]], [[1, 2]]) as unknown as FakeCustomFunctionError;
    setDisplayLanguage("sv-SE");
    try {
      const swedish = discount([[-1]], [[1, 2]]) as unknown as FakeCustomFunctionError;
      expect(swedish).toBeInstanceOf(FakeCustomFunctionError);
      expect(swedish.code).toBe("#NUM!");
      expect(swedish.message).not.toBe(english.message);
      expect(swedish.message).toMatch(/^\S+: .*100 %/);
    } finally {
      setDisplayLanguage(undefined);
    }
    expect(english.message).toMatch(/^rate: .*100 %/);
  });

  it("non-finite numbers are errors, not NaN results", () => {
    const r = discount([[0.1]], [[1, NaN]]);
    expect(r).toBeInstanceOf(FakeCustomFunctionError);
  });
});
