/**
 * Regression tests for defects of issue 9 (items 4 and 14), each with the numbers of the issue.
 */
import "../support/customFunctions";
import * as range from "../../src/functions/range";
import { bcr, discount, fundBalance, repayment, repaymentPlan } from "../../src/functions/functions";
import { FakeCustomFunctionError } from "../support/customFunctions";
import { expectExcelError, expectMatrix } from "./support";

/** A1:A<n> as Excel hands it over: n rows of one cell; the last cell text, so that reading it would say so. */
const longColumn = (n: number): unknown[][] => {
  const rows: unknown[][] = Array.from({ length: n }, () => [1]);
  rows[n - 1] = ["not read"];
  return rows;
};
const block = (rows: number, columns: number): number[][] => Array.from({ length: rows }, () => new Array<number>(columns).fill(1));

describe("issue 9 item 4: FUNCTIONS.md's size rule, decided from the shapes before any cell is read", () => {
  const million = longColumn(1_000_000);

  it("REPAYMENTPLAN(1E9, A1:A1000000, 1000): 1,000,000 förvaltningar × 1,000 years is #NUM! naming key", () => {
    // Before: 34 s, then the runtime aborted out of memory. 1e6 × 1000 = 1e9 cells > 1e6.
    expectExcelError(repaymentPlan(1e9, million, 1000), "#NUM!", "key", "key: would give a result of 1000000000 cells; at most 1000000 are accepted");
  });

  it("REPAYMENT(A1:A1000000, B1:CV100): a 1,000,000-year horizon is #NUM! naming disbursements", () => {
    // Before: 40 s and 3.7 GB. The text in the last cell is never reached: the shape decides.
    expectExcelError(repayment(million, block(100, 100)), "#NUM!", "disbursements", "disbursements: spans 1000000 years; at most 1000 are accepted");
  });

  it("FUNDBALANCE(0, A1:A1000000, B1:C500, 0): a 1,000,000-year horizon is #NUM! naming contributions", () => {
    // Before: 32 s and 4.2 GB.
    expectExcelError(fundBalance(0, million, block(500, 2), 0 as unknown as unknown[][]), "#NUM!", "contributions", /spans 1000000 years/);
  });

  it("1,000 years is within the rule, 1,001 is not; 1,000,000 result cells are, 1,000,001 are not", () => {
    expect(discount([[0]], [new Array(1000).fill(1)])).toEqual([[1000]]);
    expectExcelError(discount([[0]], [new Array(1001).fill(1)]), "#NUM!", "values", /spans 1001 years/);
    // REPAYMENTPLAN: 1,001 förvaltningar × 1,000 years = 1,001,000 cells
    expectExcelError(repaymentPlan(100, [new Array(1001).fill(1)], 1000), "#NUM!", "key", /1001000 cells/);
    const plan = repaymentPlan(1000, [new Array(1000).fill(1)], 1) as number[][];
    expect(plan).toHaveLength(1000);
    expect(plan[999]).toEqual([1]);
  });

  it("the size rule is the same in Swedish", () => {
    const { setDisplayLanguage } = jest.requireActual("../support/customFunctions") as typeof import("../support/customFunctions");
    setDisplayLanguage("sv-SE");
    try {
      expectExcelError(repayment(million, block(2, 2)), "#NUM!", "utbetalningar", "utbetalningar: omfattar 1000000 år; högst 1000 godtas");
    } finally {
      setDisplayLanguage(undefined);
    }
  });
});

describe("issue 9 item 14: small ones", () => {
  it("BCR never returns −0: no savings against a negative investment is +0", () => {
    // PV(savings) = 0, PV(investment) = −100 → 0 / −100 = −0 before the fix
    const ratio = bcr([[-100]], [[0]], [[0]]);
    expect(Object.is(ratio, 0)).toBe(true);
    expect(Object.is(bcr([[-100, 0]], [[0, 0]], [[0.035]]), 0)).toBe(true);
  });

  it("FUNDBALANCE's overflow names the argument that overflowed, not always opening", () => {
    // two projects of 1e308 in year 0: their sum overflows
    expectExcelError(fundBalance(0, [[0]], [[1e308], [1e308]], [[0]]), "#NUM!", "disbursements", /too large/);
    expectExcelError(fundBalance(0, [[0]], [[0]], [[1e308], [1e308]]), "#NUM!", "repayments", /too large/);
    // contributions 1e308 in each of two years: the closing balance overflows in year 1
    expectExcelError(fundBalance(0, [[1e308, 1e308]], [[0]], [[0]]), "#NUM!", "contributions", /too large/);
    // the opening itself plus a contribution: opening is the largest input
    expectExcelError(fundBalance(1.5e308, [[1e308]], [[0]], [[0]]), "#NUM!", "opening", /too large/);
  });

  it("REPAYMENT rejects a bad share before padding the inputs to their horizon", () => {
    const pad = jest.spyOn(range, "padRows");
    try {
      expectExcelError(repayment([new Array(1000).fill(1)], [[1]], 2), "#NUM!", "share", /between 0 and 1/);
      expectExcelError(repayment([new Array(1000).fill(1)], [[1]], 1, "x"), "#VALUE!", "cap");
      expect(pad).not.toHaveBeenCalled();
      // a good call pads as before: [1] against 3 years of 1 → 1 repaid in year 0 … the cap 3 reached
      expectMatrix(repayment([[1, 1, 1]], [[1]]), [[1, 0, 0]]);
      expect(pad).toHaveBeenCalled();
    } finally {
      pad.mockRestore();
    }
  });

  it("an error is an Excel error value, never a thrown exception", () => {
    expect(repayment([[1]], [[1]], 2)).toBeInstanceOf(FakeCustomFunctionError);
  });
});
