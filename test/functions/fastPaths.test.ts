import "../support/customFunctions";
import fc from "fast-check";
import * as functions from "../../src/functions/functions";
import { benefitCostRatio, netBenefit, payback } from "../../src/engine/appraisal";
import { discountFactors, presentValues } from "../../src/engine/discount";
import { netEffect } from "../../src/engine/effects";
import { fundProjection } from "../../src/engine/fund";
import { readGrid } from "../../src/functions/range";
import { expectExcelError } from "./support";

/**
 * Large ranges take one-pass fast paths (src/engine/cells.ts); a bad cell sends them back to the
 * ordinary path. The results must be the engine's to the last bit, and the errors the ordinary ones,
 * in the ordinary order (a bad cell is reported before a bad rate or timing).
 */

const cells = fc.array(
  fc.array(fc.oneof(fc.integer({ min: -500, max: 500 }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.constantFrom(null, "")), {
    minLength: 2,
    maxLength: 6,
  }),
  { minLength: 2, maxLength: 5 },
);
const numbers = (table: unknown[][]) => readGrid("x", table);

describe("fast paths give the engine's results bit for bit", () => {
  it("DISCOUNT of a table: one present value per row (property)", () => {
    fc.assert(
      fc.property(cells, fc.double({ min: -0.5, max: 0.5, noNaN: true }), (table, rate) => {
        const grid = numbers(table);
        const expected = presentValues(grid, discountFactors(rate, grid[0].length)).map((pv) => [pv]);
        expect(functions.discount([[rate]], table)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
  it("NETEFFECT of a table (property)", () => {
    fc.assert(
      fc.property(cells, (table) => {
        const adjustments = { deadweight: 0.1, attribution: 0.9, displacement: 0.05, dropoff: 0.2 };
        expect(functions.netEffect(table, 0.1, 0.9, 0.05, 0.2)).toEqual(netEffect(numbers(table), adjustments));
      }),
      { numRuns: 1000 },
    );
  });
  it("NETBENEFIT, BCR and PAYBACK with savings summed while read (property)", () => {
    fc.assert(
      fc.property(cells, fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }), (table, investment) => {
        const grid = numbers(table);
        expect(functions.netBenefit([investment], table, [[0.03]])).toBe(netBenefit(investment, grid, 0.03));
        // BCR shows no −0 (specs/discounting.ts adds 0): savings of −5e-324 give −0 in the engine, 0 in the cell.
        expect(functions.bcr([investment], table, [[0.03]])).toBe(benefitCostRatio(investment, grid, 0.03) + 0);
        const years = payback(investment, grid, 0.03);
        if (years.reached) expect(functions.payback([investment], table, [[0.03]])).toBe(years.years);
      }),
      { numRuns: 1000 },
    );
  });
  it("FUNDBALANCE with whole-kronor matrices totalled while read: the ledger of the read grids (property)", () => {
    const whole = fc.oneof(fc.integer({ min: -500_000, max: 500_000 }), fc.constantFrom(null, ""), fc.double({ min: -1e4, max: 1e4, noNaN: true }));
    // Two years or more: a single column of projects would run years down, a layout the kernel leaves alone.
    const matrix = fc.array(fc.array(whole, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.array(fc.integer({ min: 0, max: 1e5 }), { minLength: 1, maxLength: 6 }), matrix, matrix, (opening, contributions, paid, repaid) => {
        const p = fundProjection(opening, contributions, numbers(paid), numbers(repaid));
        const expected = [p.opening, p.contributions, p.disbursements, p.repayments, p.other, p.closing];
        expect(functions.fundBalance(opening, [contributions], paid, repaid)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

/** A result, or an Excel error as its code and message with a cell's position left out (a row and a column name the same cell differently). */
const outcomeAnyCell = (result: unknown) =>
  result instanceof Error ? { code: (result as { code?: string }).code, message: result.message.replace(/\(\d+, \d+\)/, "(cell)") } : result;

describe("NETBENEFIT, BCR and PAYBACK read plain inputs directly (specs/discounting.ts plainAppraisal)", () => {
  // The direct path takes an investment row only; the same numbers as a column go the ordinary way
  // (Arguments, size rule, readers), so the two spellings must give the same value or the same error.
  const cell = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: -500, max: 500 }) },
    { weight: 3, arbitrary: fc.double({ min: -1e4, max: 1e4, noNaN: true }) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, "") },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(1e308, -1e308, Infinity, NaN, "12", "x", true, false, -0, 5e-324) },
  );
  const small = fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { minLength: 1, maxLength: 4 });
  // Above 4,096 cells the present value is formed row by row (kernels.ts), below it column by column.
  const large = fc.array(fc.array(cell, { minLength: 50, maxLength: 80 }), { minLength: 60, maxLength: 90 });
  const savings = fc.oneof({ weight: 30, arbitrary: small }, { weight: 1, arbitrary: large });
  const investmentCell = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: -1000, max: 2000 }) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, "", 0, 1e308) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>("x", true, Infinity, NaN, undefined) },
  );
  const investment = fc.array(investmentCell, { minLength: 2, maxLength: 9 });
  const rate = fc.oneof(
    fc.constantFrom<unknown>(undefined, null, [[null]], [[""]], "", -1, -2, [[-0.999]], [[Infinity]], [["3 %"]], [[0.03, 0.04]], [[true]]),
    fc.double({ min: -0.5, max: 0.5, noNaN: true }).map((r) => [[r]]),
    fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  );
  const timing = fc.constantFrom<unknown>(undefined, null, 0, 0.5, 1, [[1]], 2, -0.1, [[""]], "x", NaN);
  const calls = [functions.netBenefit, functions.bcr, functions.payback] as const;

  it("the same value or error as the ordinary path (property)", () => {
    fc.assert(
      fc.property(investment, savings, rate, timing, (invested, saved, r, tau) => {
        for (const call of calls) {
          const direct = call([invested], saved, r as unknown[][], tau);
          const ordinary = call(invested.map((x) => [x]), saved, r as unknown[][], tau);
          expect(outcomeAnyCell(direct)).toEqual(outcomeAnyCell(ordinary));
        }
      }),
      { numRuns: 3000 },
    );
  });
  it("the size rule still applies: more than 1,000 years is #NUM! naming the longer argument", () => {
    const long = Array.from({ length: 1001 }, () => 1);
    expectExcelError(functions.netBenefit([long], [[1, 2]], [[0.03]]), "#NUM!", "investment");
    expectExcelError(functions.payback([[1]], [long, [1]], [[0.03]]), "#NUM!", "savings");
  });
  it("a bad cell is reported before a rate whose factors overflow: −99.99 % over 1,000 years, a text cell in the last year", () => {
    const saved = [[...new Array<number>(999).fill(1), "x"]];
    expectExcelError(functions.netBenefit([[1]], saved, [[-0.9999]]), "#VALUE!", "savings", "(1, 1000)");
    expectExcelError(functions.netBenefit([[1]], [saved[0].slice(0, 999)], [[-0.9999]]), "#NUM!", "rate");
  });
  it("an omitted rate: an error for NETBENEFIT and BCR, undiscounted for PAYBACK", () => {
    expectExcelError(functions.netBenefit([[100, 0]], [[0, 60], [0, 60]], undefined as unknown as unknown[][]), "#VALUE!", "rate");
    expectExcelError(functions.bcr([[100, 0]], [[0, 60], [0, 60]], null as unknown as unknown[][]), "#VALUE!", "rate");
    // 100 invested in year 0, 120 saved in year 1: cumulative −100 after year 0, +20 after year 1 → 1 + 100/120.
    expect(functions.payback([[100, 0]], [[0, 60], [0, 60]])).toBeCloseTo(1 + 100 / 120, 12);
  });
});

describe("a bad cell in a large range is still reported first, by cell", () => {
  const table = [
    [1, 2, 3],
    [4, "abc", 6],
  ];
  it("DISCOUNT: the cell before a rate of −100 % and a timing of 2", () => {
    expectExcelError(functions.discount([[-1]], table, 2), "#VALUE!", "values", "(2, 2)");
  });
  it("LIFECYCLE: the intervention's cell before a rate of −100 %", () => {
    expectExcelError(functions.lifecycle([[1, 2], [3, 4]], table, [[-1]]), "#VALUE!", "intervention", "(2, 2)");
  });
  it("NETEFFECT: the cell before a deadweight of 2", () => {
    expectExcelError(functions.netEffect(table, 2), "#VALUE!", "gross", "(2, 2)");
  });
  it("NETBENEFIT: an infinite saving by its cell, not as an overflow", () => {
    expectExcelError(functions.netBenefit([[1]], [[1, 2], [Infinity, 3]], [[0]]), "#NUM!", "savings", "(2, 1)");
  });
  it("ALLOCATE: a logical weight by its cell", () => {
    expectExcelError(functions.allocate(100, [[1, 2], [true, 3]]), "#VALUE!", "weights", "(2, 1)");
  });
});
