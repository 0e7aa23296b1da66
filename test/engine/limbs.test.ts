import fc from "fast-check";
import DecimalJs from "decimal.js";
import { bigints, doubles } from "../../src/engine/exact/calculator";
import { sumShownColumns } from "../../src/engine/exact/limbs";
import { shown, shownPlacesOf } from "../../src/engine/exact/scaled";
import { anyDouble, computedCell, matrix, nearHalf, RUNS } from "./moneyArbitraries";

// Wide enough for any sum here (decimal.js rounds to 20 significant digits by default).
const Decimal = DecimalJs.clone({ precision: 1000 });
type Decimal = InstanceType<typeof Decimal>;

/** As Excel shows x: 15 significant digits, the double itself where that rounding would overflow. */
const excel = (x: number): number => (Number.isFinite(Number(x.toPrecision(15))) ? Number(x.toPrecision(15)) : x);

/** The decimal.js reference: each cell as Excel shows it, summed per column. */
function columnSums(rows: readonly (readonly number[])[], count: number): Decimal[] {
  const sums = Array.from({ length: count }, () => new Decimal(0));
  for (const row of rows) for (let t = 0; t < Math.min(row.length, count); t++) sums[t] = sums[t].plus(new Decimal(excel(row[t])));
  return sums;
}

const fewestPlaces = (rows: readonly (readonly number[])[], from: number): number =>
  Math.max(from, ...rows.flat().map((x) => Math.max(0, new Decimal(excel(x)).decimalPlaces())));

describe("limb sums: computed cells summed exactly without a BigInt per cell", () => {
  test("=x/7 cells: 1/7 + 2/7 + 4/7 shows as 0.142857142857143 + 0.285714285714286 + 0.571428571428571 = 1.000000000000000 (15 places)", () => {
    const got = sumShownColumns([[1 / 7], [2 / 7], [4 / 7]], 1, 0);
    expect(got).not.toBeNull();
    // 142857142857143 + 285714285714286 + 571428571428571 = 1 000 000 000 000 000 at 10^−15
    expect(got!.sums).toEqual([10n ** 15n]);
    expect(got!.places).toBe(15);
  });

  test("property: equals the decimal.js column sums of the shown values, at the fewest places", () => {
    fc.assert(
      fc.property(matrix(computedCell, 6, 5), fc.integer({ min: 0, max: 4 }), (rows, from) => {
        const count = rows[0].length;
        const got = sumShownColumns(rows, count, from);
        if (got === null) return; // outside the limb form: the cell-by-cell path (checked below)
        expect(got.places).toBe(fewestPlaces(rows, from));
        expect(got.sums.map((s) => new Decimal(s.toString()).div(new Decimal(10).pow(got.places)).toString())).toEqual(columnSums(rows, count).map((d) => d.toString()));
      }),
      RUNS,
    );
  });

  test("property: cells on either side of a power of ten, read one after another (the remembered decade), sum as decimal.js sums them", () => {
    // 10^k moved a few ulps, and the cells of a decade just inside and outside it: the decade remembered
    // from one cell must not be applied to a neighbour across the edge.
    const nearPowerOfTen = fc
      .tuple(fc.integer({ min: -8, max: 15 }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(1, 3, 7, 9.5), fc.boolean())
      .map(([k, ulps, scale, negative]) => {
        const edge = Number(`1e${k}`) * (1 + ulps * Number.EPSILON);
        const x = ulps === 0 ? edge / scale : edge;
        return negative ? -x : x;
      });
    fc.assert(
      fc.property(matrix(fc.oneof(nearPowerOfTen, computedCell), 6, 4), (rows) => {
        const count = rows[0].length;
        const got = sumShownColumns(rows, count, 0);
        if (got === null) return;
        expect(got.places).toBe(fewestPlaces(rows, 0));
        expect(got.sums.map((s) => new Decimal(s.toString()).div(new Decimal(10).pow(got.places)).toString())).toEqual(columnSums(rows, count).map((d) => d.toString()));
      }),
      RUNS,
    );
  });

  test("property: the BigInt calculator's row sums (limbs or cell by cell) equal decimal.js, and the doubles' ones when they fit", () => {
    fc.assert(
      fc.property(matrix(fc.oneof(computedCell, anyDouble), 5, 4), (rows) => {
        const count = rows[0].length;
        const acc = bigints.vector(count);
        const p = bigints.sumRows(rows, 0, acc, count);
        const want = columnSums(rows, count);
        for (let t = 0; t < count; t++) expect(new Decimal(acc[t].toString()).div(new Decimal(10).pow(p)).eq(want[t])).toBe(true);
        const small = doubles.vector(count);
        try {
          const q = doubles.sumRows(rows, 0, small, count);
          for (let t = 0; t < count; t++) expect(new Decimal(small[t]).div(new Decimal(10).pow(q)).eq(want[t])).toBe(true);
        } catch {
          // did not fit in doubles
        }
      }),
      RUNS,
    );
  });

  test("sums past 2^53 stay exact (TwoSum's error term): 20,000 rows of 15-digit cells", () => {
    // Σ digits ≈ 20,000 · 8.6·10^14 ≈ 1.7·10^19 > 2^53 ≈ 9·10^15, so the pair's hi alone would round.
    const rows = Array.from({ length: 20_000 }, (_, r) => [(6_000_000_000 + r) / 7, -(r + 1) / 3]);
    const got = sumShownColumns(rows, 2, 0);
    expect(got).not.toBeNull();
    const want = columnSums(rows, 2);
    expect(got!.sums.map((s) => new Decimal(s.toString()).div(new Decimal(10).pow(got!.places)).toString())).toEqual(want.map((d) => d.toString()));
  });

  test("property: the places of 15 significant digits from the binary exponent equal the decimal exponent's (normal doubles)", () => {
    const decade = (m: number) => Number(m.toExponential().split("e")[1]); // exact, unlike Math.log10 next to powers of ten
    const nearPowers = fc.tuple(fc.integer({ min: -300, max: 300 }), fc.integer({ min: -3, max: 3 })).map(([e, ulps]) => {
      const x = Number(`1e${e}`);
      return x + ulps * x * 2 ** -52;
    });
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 2 ** -1022, max: 1.7e308, noNaN: true }), nearPowers), (m) => {
        expect(shownPlacesOf(m)).toBe(14 - decade(m));
      }),
      RUNS,
    );
  });

  test("property: next to a half at the 15th digit, shown equals the string rounding", () => {
    fc.assert(
      fc.property(nearHalf, (x) => {
        expect(shown(x)).toBe(Number(x.toPrecision(15)));
      }),
      { numRuns: 20000 },
    );
  });
});
