import fc from "fast-check";
import { sumRows } from "../../src/engine/appraisal";
import {
  columnSumsOfCells,
  isBlankCell,
  lifecycleTableOfCells,
  netEffectOfCells,
  plainRange,
  presentValueOfColumnSums,
  presentValuesOfCells,
  wholeColumnSumsOfCells,
} from "../../src/functions/kernels";
import { discountFactors, presentValueOf, presentValues } from "../../src/engine/discount";
import { netEffect } from "../../src/engine/effects";
import { MAX_CELLS } from "../../src/engine/limits";
import { isBlank, readGrid } from "../../src/functions/range";
import { lifecycleTable } from "../../src/engine/lifecycle";

/**
 * The one-pass kernels must give bit-for-bit what the ordinary path (readGrid, then the engine) gives,
 * and decline (null) exactly when the ordinary path throws, so the adapter can fall back to it.
 */

/** The ordinary path's result, or "throws". */
function ordinary<T>(compute: () => T): T | "throws" {
  try {
    return compute();
  } catch {
    return "throws";
  }
}

/** Mostly numbers and blanks, sometimes what grid.ts rejects (text, logical values, non-finite numbers, objects). */
const goodCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 4, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, null, undefined, "") },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308) }, // finite cells whose sums may overflow
);
const badCell = fc.constantFrom<unknown>("abc", "12", true, false, NaN, Infinity, -Infinity, {}, [5]);
const cell = fc.oneof({ weight: 40, arbitrary: goodCell }, { weight: 1, arbitrary: badCell });
const row = fc.array(cell, { minLength: 1, maxLength: 8 });
const table = fc.array(row, { minLength: 1, maxLength: 6 });
const rate = fc.double({ min: -0.5, max: 0.5, noNaN: true });
const timing = fc.constantFrom(0, 0.5, 1);
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const widest = (rows: unknown[][]) => Math.max(...rows.map((r) => r.length));

/** Equal as results: the same numbers bit for bit (Object.is tells +0 from −0), the same nulls. */
function expectSame(actual: unknown, expected: unknown): void {
  if (typeof expected === "number") {
    expect(Object.is(actual, expected)).toBe(true);
    return;
  }
  if (expected === null || typeof expected !== "object") {
    expect(actual).toBe(expected);
    return;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  expect(Object.keys(a).sort()).toEqual(Object.keys(e).sort());
  for (const key of Object.keys(e)) expectSame(a[key], e[key]);
}

describe("plainRange", () => {
  it("gives the rows and the widest row of a ragged range", () => {
    const rows = [[1, 2], [3], [4, 5, 6]];
    expect(plainRange(rows)).toEqual({ rows, columns: 3 });
  });
  it("declines what the ordinary readers must judge: bare values, empty ranges, bare cells as rows, too many cells", () => {
    expect(plainRange(5)).toBeNull();
    expect(plainRange([])).toBeNull();
    expect(plainRange([[]])).toBeNull();
    expect(plainRange([[1], 2])).toBeNull();
    expect(plainRange([new Array(MAX_CELLS + 1).fill(1)])).toBeNull();
  });
});

describe("presentValuesOfCells", () => {
  it("discounts each row, blanks as 0: at 10 %, [100, blank, 121] → 100 + 0 + 121/1.21 = 200; [\"\", 110] → 110/1.1 = 100", () => {
    const pvs = presentValuesOfCells([[100, null, 121], ["", 110]], discountFactors(0.1, 3));
    expect(pvs).not.toBeNull();
    expect(pvs![0]).toBeCloseTo(200, 10);
    expect(pvs![1]).toBeCloseTo(100, 10);
  });
  it("declines text, logical values and non-finite numbers", () => {
    const factors = discountFactors(0.1, 2);
    for (const bad of ["5", true, NaN, Infinity]) expect(presentValuesOfCells([[1, 2], [3, bad]], factors)).toBeNull();
  });
  it("equals presentValues on the read grid, and declines exactly when that throws (property)", () => {
    fc.assert(
      fc.property(table, rate, timing, (cells, r, tau) => {
        const factors = discountFactors(r, widest(cells), tau);
        const expected = ordinary(() => presentValues(readGrid("values", cells), factors));
        const actual = presentValuesOfCells(cells, factors);
        if (expected === "throws") expect(actual).toBeNull();
        else expectSame(actual, expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("lifecycleTableOfCells", () => {
  it("at 0 %: baseline [100, 50], intervention [60, blank] → saving 90; one actor has share 1", () => {
    expect(lifecycleTableOfCells([[100, 50]], [[60, null]], discountFactors(0, 2))).toEqual([
      [150, 60, 90, 1],
      [150, 60, 90, 1],
    ]);
  });
  it("a total saving of 0 has no shares (blank)", () => {
    expect(lifecycleTableOfCells([[10], [5]], [[5], [10]], discountFactors(0, 1))).toEqual([
      [10, 5, 5, ""],
      [5, 10, -5, ""],
      [15, 15, 0, ""],
    ]);
  });
  it("equals lifecycleTable's rows and total on the padded grids as the function shows them, and declines exactly when that throws (property)", () => {
    const pair = fc.integer({ min: 1, max: 5 }).chain((count) =>
      fc.tuple(fc.array(row, { minLength: count, maxLength: count }), fc.array(row, { minLength: count, maxLength: count })),
    );
    fc.assert(
      fc.property(pair, rate, timing, ([baseline, intervention], r, tau) => {
        const years = Math.max(widest(baseline), widest(intervention));
        const factors = discountFactors(r, years, tau);
        const pad = (grid: number[][]) => grid.map((g) => [...g, ...new Array<number>(years - g.length).fill(0)]);
        const expected = ordinary(() => {
          const full = lifecycleTable(pad(readGrid("baseline", baseline)), pad(readGrid("intervention", intervention)), r, tau);
          return [...full.rows, full.total].map((x) => {
            if (x.share !== null && !Number.isFinite(x.share)) throw new Error("share overflow");
            return [x.pvBaseline, x.pvIntervention, x.pvSaving, x.share === null ? "" : x.share];
          });
        });
        const actual = lifecycleTableOfCells(baseline, intervention, factors);
        if (expected === "throws") expect(actual).toBeNull();
        else expectSame(actual, expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("netEffectOfCells", () => {
  it("scale 0.5, keep 0.9, from each row's first non-zero year: [blank, 100, 100] → [0, 50, 45]", () => {
    expect(netEffectOfCells([[null, 100, 100]], 3, 0.5, 0.9)).toEqual([[0, 50, 45]]);
  });
  it("pads short rows with zeros and declines a non-finite cell; dropoff 1 (keep 0) leaves only the first year", () => {
    expect(netEffectOfCells([[10, 20], [5]], 2, 1, 0)).toEqual([[10, 0], [5, 0]]);
    expect(netEffectOfCells([[10, 20], [5]], 2, 1, 1)).toEqual([[10, 20], [5, 0]]);
    expect(netEffectOfCells([[0, Infinity]], 2, 1, 1)).toBeNull();
  });
  it("equals netEffect on the read grid, and declines exactly when that throws (property)", () => {
    fc.assert(
      fc.property(table, fraction, fraction, fraction, fraction, (cells, deadweight, attribution, displacement, dropoff) => {
        const expected = ordinary(() => netEffect(readGrid("gross", cells), { deadweight, attribution, displacement, dropoff }));
        const scale = (1 - deadweight) * attribution * (1 - displacement);
        const actual = netEffectOfCells(cells, widest(cells), scale, 1 - dropoff);
        if (expected === "throws") expect(actual).toBeNull();
        else expectSame(actual, expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("columnSumsOfCells", () => {
  it("sums columns, blanks and missing cells as 0, padded to the length asked: [[1, blank], [2, 3, 4]] to 5 → [3, 3, 4, 0, 0]", () => {
    expect(columnSumsOfCells([[1, ""], [2, 3, 4]], 5)).toEqual([3, 3, 4, 0, 0]);
  });
  it("declines an overflowing sum of finite cells (the ordinary path reports it)", () => {
    expect(columnSumsOfCells([[1e308], [1e308]], 1)).toBeNull();
  });
  it("equals sumRows on the read grid, and declines exactly when reading throws or a sum is not finite (property)", () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 0, max: 3 }), (cells, extra) => {
        const length = widest(cells) + extra;
        const expected = ordinary(() => {
          const sums = sumRows(readGrid("savings", cells));
          if (!sums.every(Number.isFinite)) throw new Error("overflow");
          return [...sums, ...new Array<number>(extra).fill(0)];
        });
        const actual = columnSumsOfCells(cells, length);
        if (expected === "throws") expect(actual).toBeNull();
        else expectSame(actual, expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("presentValueOfColumnSums", () => {
  // The engine's PV of the savings summed over actors: the column sums (sumRows), then presentValueOf.
  const expectedPV = (cells: unknown[][], factors: number[]) =>
    ordinary(() => {
      const sums = sumRows(readGrid("savings", cells));
      if (!sums.every(Number.isFinite)) throw new Error("overflow");
      const padded = [...sums, ...new Array<number>(Math.max(0, factors.length - sums.length)).fill(0)];
      return presentValueOf("savings", padded, factors);
    });
  it("column by column on a small range: [[blank, 100], [50, 200]] at 10 % from year 0 is 50 + 300/1.1", () => {
    expect(presentValueOfColumnSums([[null, 100], [50, 200]], discountFactors(0.1, 2))).toBe(50 + 300 / 1.1);
  });
  it("NaN for a text or logical cell, a non-finite cell or an overflowing sum (the caller declines)", () => {
    for (const bad of ["12", true, Infinity, NaN]) expect(presentValueOfColumnSums([[1, bad]], [1, 1])).toBeNaN();
    expect(presentValueOfColumnSums([[1e308], [1e308]], [1])).toBeNaN();
  });
  it("equals presentValueOf of the column sums bit for bit, small ranges column by column and large ones row by row (property)", () => {
    const large = fc.array(fc.array(goodCell, { minLength: 60, maxLength: 90 }), { minLength: 50, maxLength: 80 });
    fc.assert(
      fc.property(fc.oneof(table, large), rate, timing, fc.integer({ min: 0, max: 3 }), (cells, r, tau, extra) => {
        const factors = discountFactors(r, widest(cells) + extra, tau);
        const expected = expectedPV(cells, factors);
        const actual = presentValueOfColumnSums(cells, factors);
        // Where the ordinary path throws (a bad cell, an overflow), the kernel's result is not finite: the caller declines.
        if (expected === "throws") expect(Number.isFinite(actual)).toBe(false);
        else expectSame(actual, expected);
      }),
      { numRuns: 600 },
    );
  });
});

describe("wholeColumnSumsOfCells", () => {
  it("adds whole kronor per year, blanks and missing cells as 0: [[1, blank], [2, 3, blank]] to 4 → [3, 3, 0, 0]", () => {
    expect(wholeColumnSumsOfCells([[1, ""], [2, 3, null]], 4)).toEqual([3, 3, 0, 0]);
  });
  it("declines öre, non-finite numbers, text and logical values: the engine and the ordinary readers judge those", () => {
    for (const bad of [0.5, -1.25, NaN, Infinity, -Infinity, "12", true, {}]) expect(wholeColumnSumsOfCells([[1, bad]], 2)).toBeNull();
  });
  it("declines a cell or a yearly total of 10^15 kr or more (the engine reads those as Excel shows them, 15 digits)", () => {
    expect(wholeColumnSumsOfCells([[1e15]], 1)).toBeNull();
    expect(wholeColumnSumsOfCells([[999_999_999_999_999]], 1)).toEqual([999_999_999_999_999]);
    expect(wholeColumnSumsOfCells([[600_000_000_000_000], [400_000_000_000_000]], 1)).toBeNull();
    expect(wholeColumnSumsOfCells([[600_000_000_000_000], [-400_000_000_000_000]], 1)).toEqual([200_000_000_000_000]);
  });
  it("declines a cell that could carry a partial sum past 2^53 although the total would fit: 11 rows of 9·10^14 and one of −9·10^15", () => {
    // 11 × 9·10^14 = 9.9·10^15 passes 2^53 ≈ 9.007·10^15 on the way; each cell is above 2^53 / 12 ≈ 7.5·10^14.
    const rows = [...Array.from({ length: 11 }, () => [900_000_000_000_000]), [-9_000_000_000_000_000 / 10]];
    expect(wholeColumnSumsOfCells(rows, 1)).toBeNull();
  });
  it("gives, when it accepts, the exact column sums of the read grid (BigInt), and accepts every grid of whole kronor below 2^53 / rows (property)", () => {
    const wholeCell = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
      { weight: 2, arbitrary: fc.maxSafeInteger().map((k) => Math.trunc(k / 128)) }, // up to 7·10^13: beyond 2^53 summed, when many
      { weight: 2, arbitrary: fc.constantFrom(0, -0, null, undefined, "") },
      { weight: 1, arbitrary: fc.constantFrom(0.5, 1e15, "x", NaN) },
    );
    fc.assert(
      fc.property(fc.array(fc.array(wholeCell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 2 }), (cells, extra) => {
        const length = widest(cells) + extra;
        const actual = wholeColumnSumsOfCells(cells, length);
        const grid = ordinary(() => readGrid("disbursements", cells));
        const whole = grid !== "throws" && grid.every((r) => r.every((x) => Number.isInteger(x) && Math.abs(x) < Math.min(1e15, 2 ** 53 / cells.length)));
        if (!whole) {
          expect(actual).toBeNull();
          return;
        }
        const exact = Array.from({ length }, (_, t) => grid.reduce((sum, r) => sum + BigInt(r[t] ?? 0), 0n));
        const fits = exact.every((x) => x < 10n ** 15n && x > -(10n ** 15n));
        if (!fits) expect(actual).toBeNull();
        else expect(actual?.map((x) => BigInt(x))).toEqual(exact);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the kernels' blank test", () => {
  it("is range.ts's isBlank (restated for the hot loops)", () => {
    const cells: unknown[] = [null, undefined, "", " ", 0, -0, "0", false, NaN, [], {}, [[null]]];
    for (const cell of cells) expect(isBlankCell(cell)).toBe(isBlank(cell));
  });
});
