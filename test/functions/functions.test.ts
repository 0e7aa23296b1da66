/**
 * The SOCINV custom functions as Excel calls them: Excel-shaped values in (rows of cells, blanks as
 * null, undefined or ""), the shapes FUNCTIONS.md promises out, in both orientations. Every number
 * is worked by hand in the comment next to it.
 */
import "../support/customFunctions";
import * as formulajs from "@formulajs/formulajs";
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
import { expectExcelError, expectMatrix, expectNumber } from "./support";

describe("SOCINV.DISCOUNT", () => {
  it("discounts a row at 10 %: 100 + 110/1.1 + 121/1.21 = 300", () => {
    expectMatrix(discount([[0.1]], [[100, 110, 121]]), [[300]]);
  });

  it("discounts a column the same way (years down)", () => {
    expectMatrix(discount([[0.1]], [[100], [110], [121]]), [[300]]);
  });

  it("counts null, undefined and '' as 0: 100 + 146.41/1.1^4 = 200", () => {
    expectMatrix(discount([[0.1]], [[100, null, undefined, "", 146.41]]), [[200]]);
  });

  it("accepts the rate as a bare number or a 1×1 range alike", () => {
    expectMatrix(discount(0.1 as unknown as unknown[][], [[100, 110]]), [[200]]);
  });

  it("treats a single value as all in year 0 (not discounted)", () => {
    expectMatrix(discount([[0.1]], 5 as unknown as unknown[][]), [[5]]);
    expectMatrix(discount([[0.1]], [[5]]), [[5]]);
  });

  it("timing 1 equals Excel's NPV: 110/1.1 + 121/1.21 = 200", () => {
    const values = [3, -1.5, 250, 99.99, 1234.5, 0, 17];
    const result = discount([[0.035]], [values], 1) as number[][];
    const npv = formulajs.NPV(0.035, ...values) as number;
    expect(Math.abs(result[0][0] - npv) / Math.abs(npv)).toBeLessThan(1e-12);
    expectMatrix(discount([[0.1]], [[110, 121]], 1), [[200]]);
  });

  it("timing 0.5 discounts half a year more: 121·1.21^−0.5 = 110", () => {
    expectMatrix(discount([[0.21]], [[121]], 0.5), [[110]]);
  });

  it("takes a rate per year: DF = 1, 1/1.1, 1/(1.1·1.2): 100 + 110/1.1 + 132/1.32 = 300", () => {
    expectMatrix(discount([[0.1, 0.2, 0.5]], [[100, 110, 132]]), [[300]]);
    expectMatrix(discount([[0.1], [0.2], [0.5]], [[100], [110], [132]]), [[300]]);
  });

  it("gives one PV per row of an R×N table, as a column: [100+110/1.1, 200+220/1.1]", () => {
    expectMatrix(
      discount([[0.1]], [
        [100, 110],
        [200, 220],
        [null, ""],
      ]),
      [[200], [400], [0]],
    );
  });

  it("treats omitted timing (null, undefined, '') as 0", () => {
    for (const omitted of [null, undefined, "", [[null]]]) expectMatrix(discount([[0.1]], [[100, 110]], omitted), [[200]]);
  });
});

describe("SOCINV.LIFECYCLE", () => {
  // At 10 %: actor 1 B = [100, 110] → 200, I = [100, 0] → 100, S → 100;
  //          actor 2 B = [0, 220] → 200, I = [50, 110] → 150, S → 50. Total 400, 250, 150; shares 2/3, 1/3.
  const baseline = [
    [100, 110],
    [null, 220],
  ];
  const intervention = [
    [100, ""],
    [50, 110],
  ];

  it("gives (R+1)×4: PV baseline, PV intervention, PV saving, share; then the totals", () => {
    expectMatrix(lifecycle(baseline, intervention, [[0.1]]), [
      [200, 100, 100, 2 / 3],
      [200, 150, 50, 1 / 3],
      [400, 250, 150, 1],
    ]);
  });

  it("reads a single column as one actor with years down, and still answers (1+1)×4", () => {
    // B = [100, 110] → 200; I = [100, 0] → 100; S = 100, share 1.
    expectMatrix(lifecycle([[100], [110]], [[100], [0]], [[0.1]]), [
      [200, 100, 100, 1],
      [200, 100, 100, 1],
    ]);
  });

  it("pads a shorter intervention with zeros: B = [10, 11] vs I = [5] at 10 % → 20, 5, 15", () => {
    expectMatrix(lifecycle([[10, 11]], [[5]], [[0.1]]), [
      [20, 5, 15, 1],
      [20, 5, 15, 1],
    ]);
  });

  it('leaves the share "" when the total saving is 0', () => {
    // B = I = [10, 11] → PV 20 each, saving 0: no share exists.
    expectMatrix(lifecycle([[10, 11]], [[10, 11]], [[0.1]]), [
      [20, 20, 0, ""],
      [20, 20, 0, ""],
    ]);
  });

  it("takes a rate per year and timing 1: B = [110, 132] at [0.1, 0.2], τ = 1 → 100 + 100", () => {
    // DF(0) = 1.1^−1; DF(1) = 1.1^−1 · 1.2^−1 → 110/1.1 + 132/1.32 = 200.
    expectMatrix(lifecycle([[110, 132]], [[0, 0]], [[0.1, 0.2]], 1), [
      [200, 0, 200, 1],
      [200, 0, 200, 1],
    ]);
  });
});

describe("SOCINV.NETEFFECT", () => {
  it("adjusts by (1−0.2)·0.5·(1−0.1) = 0.36 and drops off 50 % a year from the first non-zero year", () => {
    // [0, 100, 100, 100] → [0, 36, 18, 9]
    expectMatrix(netEffect([[0, 100, 100, 100]], 0.2, 0.5, 0.1, 0.5), [[0, 36, 18, 9]]);
  });

  it("returns a column for a column", () => {
    expectMatrix(netEffect([[0], [100], [100]], 0.2, 0.5, 0.1, 0.5), [[0], [36], [18]]);
  });

  it("counts drop-off from each row's own first non-zero year", () => {
    // row 1 starts in year 0: 100, 50, 25; row 2 starts in year 2: 0, 0, 100.
    expectMatrix(
      netEffect(
        [
          [100, 100, 100],
          [0, "", 100],
        ],
        null,
        undefined,
        "",
        0.5,
      ),
      [
        [100, 50, 25],
        [0, 0, 100],
      ],
    );
  });

  it("defaults to no adjustment and keeps blanks as 0 (t₁ = 1: [0, 100, 0·0.5, 100·0.25])", () => {
    expectMatrix(netEffect([[10, 20]]), [[10, 20]]);
    expectMatrix(netEffect([[null, 100, "", 100]], undefined, undefined, undefined, 0.5), [[0, 100, 0, 25]]);
  });

  it("keeps the shape of a single cell", () => {
    expectMatrix(netEffect([[50]], 0.5), [[25]]);
  });
});

describe("SOCINV.NETBENEFIT and SOCINV.BCR", () => {
  // Investment 100 in year 0; savings 110 and 121 in years 1 and 2 at 10 % → PV 200. Net 100, ratio 2.
  it("row inputs", () => {
    expectNumber(netBenefit([[100]], [[0, 110, 121]], [[0.1]]), 100);
    expectNumber(bcr([[100]], [[0, 110, 121]], [[0.1]]), 2);
  });

  it("column inputs, padded: investment [100] meets savings of three years", () => {
    expectNumber(netBenefit([[100]], [[0], [110], [121]], [[0.1]]), 100);
    expectNumber(bcr([[100], [null], [""]], [[0], [110], [121]], [[0.1]]), 2);
  });

  it("sums savings over the rows of a matrix: [0, 55, 60.5] twice = [0, 110, 121]", () => {
    const savings = [
      [0, 55, 60.5],
      [null, 55, 60.5],
    ];
    expectNumber(netBenefit([[100, 0, 0]], savings, [[0.1]]), 100);
    expectNumber(bcr([[100, 0, 0]], savings, [[0.1]]), 2);
  });

  it("a scalar investment is all in year 0", () => {
    expectNumber(netBenefit(100 as unknown as unknown[][], [[0, 110, 121]], 0.1 as unknown as unknown[][]), 100);
  });

  it("timing 1 discounts year 0 too: net = (100 + 100)/1.1 − 100/1.1 = 90.909…", () => {
    expectNumber(netBenefit([[100]], [[0, 110, 121]], [[0.1]], 1), 100 / 1.1);
  });

  it("BCR of an investment worth 0 today is #DIV/0!", () => {
    expectExcelError(bcr([[0, null]], [[0, 110]], [[0.1]]), "#DIV/0!", "investment");
  });
});

describe("SOCINV.PAYBACK", () => {
  it("investment 100 in year 0, savings 50 in years 1 and 2 → 3 (FUNCTIONS.md)", () => {
    expectNumber(payback([[100]], [[0, 50, 50]]), 3);
  });

  it("interpolates inside the year: −100, −50, then +100 in year 2 → 2 + 50/100 = 2.5", () => {
    expectNumber(payback([[100], [0], [0]], [[0], [50], [100]]), 2.5);
  });

  it("discounts when given a rate: −100, +110/1.1 = +100 → paid back at the end of year 1 → 2", () => {
    expectNumber(payback([[100]], [[0, 110, 121]], [[0.1]]), 2);
  });

  it("is 0 when the net is never negative", () => {
    expectNumber(payback([[0]], [[10, 10]]), 0);
  });

  it("is #N/A when it never pays back within the horizon, naming the years", () => {
    expectExcelError(payback([[100]], [[0, 10, 10]]), "#N/A", "savings", /within the 3 years/);
  });
});

describe("SOCINV.REPAYMENT", () => {
  // Disbursed 100 in year 0; savings of two förvaltningar. Cap = 100.
  const disbursed = [[100, 0, 0, 0]];
  const savings = [
    [30, 40, 50, 60],
    [10, 20, 30, 40],
  ];

  it("repays all eligible savings until the cap: year 0 30+10, year 1 40+20 = 100 in all", () => {
    expectMatrix(repayment(disbursed, savings), [
      [30, 40, 0, 0],
      [10, 20, 0, 0],
    ]);
  });

  it("share 0.5: 20, 30, 40, then the last 10 split 30:20 → 6 and 4", () => {
    expectMatrix(repayment(disbursed, savings, 0.5), [
      [15, 20, 25, 6],
      [5, 10, 15, 4],
    ]);
  });

  it("lag 1: nothing in year 0; 60 in year 1; the last 40 split 50:30 → 25 and 15", () => {
    expectMatrix(repayment(disbursed, savings, null, undefined, 1), [
      [0, 40, 25, 0],
      [0, 20, 15, 0],
    ]);
  });

  it("cap 50: year 0 40, year 1 the last 10 split 40:20 → 6.67 and 3.33, rounded to 7 and 3", () => {
    expectMatrix(repayment(disbursed, savings, 1, 50), [
      [30, 7, 0, 0],
      [10, 3, 0, 0],
    ]);
  });

  it("rounds so the parts add up: 100 split equally by three → 34, 33, 33 (tie to the earlier row)", () => {
    expectMatrix(
      repayment(
        [[100]],
        [
          [50, 0],
          [50, ""],
          [50, null],
        ],
      ),
      [
        [34, 0],
        [33, 0],
        [33, 0],
      ],
    );
    expectMatrix(repayment([[100]], [[50], [50], [50]].map((r) => [r[0], 0]), 1, null, null, 2), [
      [33.34, 0],
      [33.33, 0],
      [33.33, 0],
    ]);
  });

  it("a negative saving repays nothing", () => {
    expectMatrix(repayment([[100, 0]], [[-20, 30]]), [[0, 30]]);
  });

  it("returns a column for column inputs: one förvaltning, years down: 30, 40, then the last 30", () => {
    expectMatrix(repayment([[100], [0], [0], [0]], [[30], [40], [50], [60]]), [[30], [40], [30], [0]]);
  });

  it("a single saving cell meeting a column of disbursements answers as a column", () => {
    expectMatrix(repayment([[100], [0]], [[30]]), [[30], [0]]);
  });
});

describe("SOCINV.REPAYMENTPLAN", () => {
  it("straight-line: 1000 over 2 years by key 3:1 → 500 a year, 375 and 125", () => {
    expectMatrix(repaymentPlan(1000, [[3, 1]], 2), [
      [375, 375],
      [125, 125],
    ]);
  });

  it("one row per key entry whatever the key's orientation", () => {
    expectMatrix(repaymentPlan(1000, [[3], [1]], 2), [
      [375, 375],
      [125, 125],
    ]);
  });

  it("annuity at 10 %: 1000·0.1/(1−1.1^−2) = 576.190476… a year, to 2 decimals 576.19 and 576.19", () => {
    // cumulative: 576.190476 → 576.19; 1152.380952 → 1152.38, so year 1 = 576.19.
    expectMatrix(repaymentPlan([[1000]], [[1]], [[2]], 0.1, 2), [[576.19, 576.19]], 9);
  });

  it("rounded parts add up to the year and the years to the amount: 100 over 3 years by 1:1:1", () => {
    const plan = repaymentPlan(100, [[1, 1, 1]], 3) as number[][];
    expect(plan.length).toBe(3);
    const yearTotals = [0, 1, 2].map((t) => plan.reduce((sum, row) => sum + row[t], 0));
    // 33.33 a year; cumulative 33.33 → 33, 66.67 → 67, 100 → 100: years 33, 34, 33.
    expect(yearTotals).toEqual([33, 34, 33]);
    for (const row of plan) for (const x of row) expect(Number.isInteger(x)).toBe(true);
  });

  it("blank key entries are weight 0: 90 over 3 years by 2:0:1 → 20, 0, 10 a year", () => {
    expectMatrix(repaymentPlan(90, [[2, null, 1]], 3), [
      [20, 20, 20],
      [0, 0, 0],
      [10, 10, 10],
    ]);
  });
});

describe("SOCINV.ALLOCATE", () => {
  it("100 by 1:1:1 → 34, 33, 33 (the tie goes to the first)", () => {
    expectMatrix(allocate(100, [[1, 1, 1]]), [[34, 33, 33]]);
  });

  it("keeps the shape of the weights: a column, and a 2×2 table read row by row", () => {
    expectMatrix(allocate(100, [[1], [1], [1]]), [[34], [33], [33]]);
    expectMatrix(
      allocate(100, [
        [1, 2],
        [3, 4],
      ]),
      [
        [10, 20],
        [30, 40],
      ],
    );
  });

  it("decimals 2: 33.34, 33.33, 33.33; a negative amount gives negative parts", () => {
    expectMatrix(allocate(100, [[1, 1, 1]], 2), [[33.34, 33.33, 33.33]]);
    expectMatrix(allocate(-100, [[1, 1, 1]]), [[-34, -33, -33]]);
  });

  it("blank weights are 0 and a 1×1 amount range works", () => {
    expectMatrix(allocate([[100]], [[1, null, "", 1]]), [[50, 0, 0, 50]]);
  });
});

describe("SOCINV.FUNDBALANCE", () => {
  // Year 0: 10 + 0 − (3 + 1) + 0 − 0.1 = 5.9; year 1: 5.9 + 5 − 4 + 2 − 0.2 = 8.7 (exact decimals).
  const expectedRows = [
    [10, 5.9],
    [0, 5],
    [4, 4],
    [0, 2],
    [0.1, 0.2],
    [5.9, 8.7],
  ];

  it("6×N with years across; matrices of disbursements summed per year", () => {
    const result = fundBalance(
      10,
      [[null, 5]],
      [
        [3, 4],
        [1, ""],
      ],
      [[0, 2]],
      [[0.1, 0.2]],
    ) as number[][];
    expect(result).toEqual(expectedRows); // exact: 10 − 4 − 0.1 is 5.9, not 5.8999999999999995
  });

  it("N×6 when every input is a single column", () => {
    const result = fundBalance([[10]], [[0], [5]], [[4], [4]], [[0], [2]], [[0.1], [0.2]]);
    expect(result).toEqual([
      [10, 0, 4, 0, 0.1, 5.9],
      [5.9, 5, 4, 2, 0.2, 8.7],
    ]);
  });

  it("is exact: 0.1 + 0.2 = 0.3", () => {
    expect(fundBalance(0.1, [[0.2]], [[0]], [[0]])).toEqual([[0.1], [0.2], [0], [0], [0], [0.3]]);
  });

  it("pads shorter inputs with zeros; other omitted means none", () => {
    // 0 + 1 − 1 = 0; 0 + 2 = 2; 2 + 3 = 5
    for (const omitted of [undefined, null, "", [[null]]]) {
      expect(fundBalance(0, [[1, 2, 3]], [[1]], [[0]], omitted as unknown[][])).toEqual([
        [0, 0, 2],
        [1, 2, 3],
        [1, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
        [0, 2, 5],
      ]);
    }
  });

  it("years run across when any input spans columns, even if others are columns", () => {
    const result = fundBalance(0, [[1], [2]], [[1, 1]], [[0]]) as number[][];
    // contributions [1, 2] (a column read as a series), disbursements [1, 1]: closing 0, 1.
    expect(result).toEqual([
      [0, 0],
      [1, 2],
      [1, 1],
      [0, 0],
      [0, 0],
      [0, 1],
    ]);
  });
});
