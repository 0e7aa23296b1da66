import { expectSocinv } from "../support/expectSocinv";
import fc from "fast-check";
import { lifecycleTable, PRINCIPALS, type Principal } from "../../src/engine/lifecycle";
import { SocinvError } from "../../src/engine/errors";


/*
 * A typfall in the shape of seed 001 (a boy with ADHD): the better process costs more early, the worse
 * far more later, and the savings land with several actors and principals. Rate 10 %, timing 0, so
 * DF = 1, 1/1.1, 1/1.21, 1/1.331 and the amounts are chosen to discount to round numbers
 * (110 → 100, 121 → 100, 133.1 → 100):
 *
 *                         baseline (worse)          intervention (better)     PV(B)  PV(I)  PV(S)  share
 *  socialtjänst (kommun)  0, 110, 242, 399.3        200, 55, 60.5, 66.55       600    350    250   0.25
 *  skola (kommun)         100, 110, 121, 133.1      300, 55, 0, 0              400    350     50   0.05
 *  hälso-/sjukvård (region) 0, 0, 242, 266.2        100, 0, 0, 0               400    100    300   0.30
 *  Försäkringskassan (stat) 0, 0, 0, 665.5          0, 0, 0, 133.1             500    100    400   0.40
 *  total                                                                      1900    900   1000   1
 * Year 0's saving is −200 − 200 − 100 + 0 = −500: the municipality pays early, others gain later.
 * municipal (kommun rows): 1000, 700, 300, share 0.3.
 */
const baseline = [
  [0, 110, 242, 399.3],
  [100, 110, 121, 133.1],
  [0, 0, 242, 266.2],
  [0, 0, 0, 665.5],
];
const intervention = [
  [200, 55, 60.5, 66.55],
  [300, 55, 0, 0],
  [100, 0, 0, 0],
  [0, 0, 0, 133.1],
];
const principals: Principal[] = ["kommun", "kommun", "region", "stat"];

function expectRow(row: { pvBaseline: number; pvIntervention: number; pvSaving: number; share: number | null }, b: number, i: number, s: number, share: number | null) {
  expect(row.pvBaseline).toBeCloseTo(b, 9);
  expect(row.pvIntervention).toBeCloseTo(i, 9);
  expect(row.pvSaving).toBeCloseTo(s, 9);
  if (share === null) expect(row.share).toBeNull();
  else expect(row.share).toBeCloseTo(share, 12);
}

describe("lifecycleTable: the ADHD-typfall shape, worked by hand", () => {
  const table = lifecycleTable(baseline, intervention, 0.1, 0, principals);

  test("per actor: PV(baseline), PV(intervention), PV(saving) and share of the total saving", () => {
    expect(table.rows).toHaveLength(4);
    expectRow(table.rows[0], 600, 350, 250, 0.25);
    expectRow(table.rows[1], 400, 350, 50, 0.05);
    expectRow(table.rows[2], 400, 100, 300, 0.3);
    expectRow(table.rows[3], 500, 100, 400, 0.4);
  });

  test("total row: 1900, 900, 1000, share 1; the socio-economic view is the same", () => {
    expectRow(table.total, 1900, 900, 1000, 1);
    expect(table.total.share).toBe(1);
    expect(table.socioEconomic).toEqual(table.total);
  });

  test("per principal, from the same call: kommun 1000/700/300 (0.3), region 300 (0.3), stat 400 (0.4), others 0", () => {
    expectRow(table.byPrincipal.kommun, 1000, 700, 300, 0.3);
    expectRow(table.byPrincipal.region, 400, 100, 300, 0.3);
    expectRow(table.byPrincipal.stat, 500, 100, 400, 0.4);
    expectRow(table.byPrincipal.individ, 0, 0, 0, 0);
    expectRow(table.byPrincipal.annan, 0, 0, 0, 0);
    expect(table.municipal).toEqual(table.byPrincipal.kommun);
  });

  test("the municipal view is not the whole: 300 of 1000 lands in the kommun's own budget", () => {
    expect(table.municipal.pvSaving).toBeCloseTo(300, 9);
    expect(table.socioEconomic.pvSaving - table.municipal.pvSaving).toBeCloseTo(700, 9);
  });

  test("at 0 % the PVs are plain sums: kommun saving = (751.3 + 464.1) − (382.05 + 355) = 1215.4 − 737.05 = 478.35", () => {
    const undiscounted = lifecycleTable(baseline, intervention, 0, 0, principals);
    expect(undiscounted.municipal.pvBaseline).toBeCloseTo(1215.4, 9);
    expect(undiscounted.municipal.pvSaving).toBeCloseTo(478.35, 9);
    // region 508.2 − 100 = 408.2; stat 665.5 − 133.1 = 532.4; total 478.35 + 408.2 + 532.4 = 1418.95
    expect(undiscounted.total.pvSaving).toBeCloseTo(1418.95, 9);
  });
});

describe("lifecycleTable: conventions", () => {
  test("principals default to all kommun: municipal equals socio-economic", () => {
    const table = lifecycleTable(baseline, intervention, 0.1);
    expect(table.municipal).toEqual(table.socioEconomic);
    expectRow(table.byPrincipal.region, 0, 0, 0, 0);
  });

  test("timing 1 discounts every year once more: the total saving 1000 becomes 1000/1.1", () => {
    const table = lifecycleTable(baseline, intervention, 0.1, 1, principals);
    expect(table.total.pvSaving).toBeCloseTo(1000 / 1.1, 9);
    expect(table.rows[3].share).toBeCloseTo(0.4, 12); // shares do not change with a uniform shift
  });

  test("a rate series of the horizon's length: 0 % then 10 %: DF = 1, 1, 1/1.1, 1/1.21", () => {
    // saving of one actor: 100 in each year → 100 + 100 + 90.909… + 82.644… = 373.5537…
    const table = lifecycleTable([[100, 100, 100, 100]], [[0, 0, 0, 0]], [0, 0.1, 0.1, 0.1]);
    expect(table.total.pvSaving).toBeCloseTo(100 + 100 + 100 / 1.1 + 100 / 1.21, 10);
  });

  test("shorter rows count as zeros to the longest row (the horizon)", () => {
    // baseline 100, 110 (PV 200 at 10 %); intervention only year 0: 50 → saving 150
    const table = lifecycleTable([[100, 110], [0, 0, 121]], [[50], []], 0.1);
    expectRow(table.rows[0], 200, 50, 150, 0.6);
    expectRow(table.rows[1], 100, 0, 100, 0.4);
  });

  test("share is null when the total PV saving is 0 (same costs with and without)", () => {
    const table = lifecycleTable([[10, 20]], [[10, 20]], 0.03);
    expect(table.rows[0].share).toBeNull();
    expect(table.total.share).toBeNull();
    expect(table.total.pvSaving).toBe(0);
    expect(table.municipal.share).toBeNull();
  });

  test("share is null when savings cancel between actors; each actor keeps its own PV", () => {
    // actor 1 saves 0.1 + 0.2 (sum 0.30000000000000004 in doubles), actor 2 loses 0.3: zero up to rounding
    const table = lifecycleTable([[0.1, 0.2], [0, 0]], [[0, 0], [0.3, 0]], 0, 0, ["kommun", "region"]);
    expect(table.total.pvSaving).toBe(0);
    expect(table.total.share).toBeNull();
    expect(table.rows[0].share).toBeNull();
    expect(table.rows[0].pvSaving).toBeCloseTo(0.3, 15);
    expect(table.rows[1].pvSaving).toBeCloseTo(-0.3, 15);
    expect(table.byPrincipal.region.share).toBeNull();
  });

  test("a small real saving on a large base keeps its share; only rounding noise counts as zero", () => {
    // 0.01 kr saved on 10 Mdr kr: far above the sums' rounding error (≈ 7e-5), so share 1, not "".
    const small = lifecycleTable([[1e10]], [[1e10 - 0.01]], 0);
    expect(small.total.share).toBe(1);
    expect(small.total.pvSaving).toBeCloseTo(0.01, 4);
    // 0.1 + 0.2 against 0.3 differs by 5.6e-17 in doubles: noise, so the total is 0 and there are no shares.
    const noise = lifecycleTable([[0.1, 0.2]], [[0.3, 0]], 0);
    expect(noise.total.pvSaving).toBe(0);
    expect(noise.total.share).toBeNull();
  });

  test("negative shares are kept: an actor that pays more than it saves has a negative share", () => {
    const table = lifecycleTable([[0, 0], [300, 0]], [[100, 0], [0, 0]], 0);
    expectRow(table.rows[0], 0, 100, -100, -0.5);
    expectRow(table.rows[1], 300, 0, 300, 1.5);
  });

  test("no actors gives zero totals and no shares", () => {
    const table = lifecycleTable([], [], 0.03);
    expect(table.rows).toEqual([]);
    expect(table.total).toEqual({ pvBaseline: 0, pvIntervention: 0, pvSaving: 0, share: null });
  });
});

describe("lifecycleTable: validation", () => {
  test("row counts must match: #VALUE! rowsMismatch naming intervention and baseline", () => {
    expectSocinv(() => lifecycleTable([[1], [2]], [[1]], 0.03), "value", "intervention", "rowsMismatch", {
      rows: 1,
      expected: 2,
      other: "baseline",
    });
  });

  test("one principal per row: #VALUE! lengthMismatch", () => {
    expectSocinv(() => lifecycleTable([[1], [2]], [[1], [2]], 0.03, 0, ["kommun"]), "value", "principals", "lengthMismatch", {
      count: 1,
      expected: 2,
    });
  });

  test("an unknown principal is #VALUE! unknownPrincipal quoting it", () => {
    expectSocinv(
      () => lifecycleTable([[1]], [[1]], 0.03, 0, ["landsting" as Principal]),
      "value",
      "principals",
      "unknownPrincipal",
      { text: "landsting" },
    );
  });

  test("rate and timing are checked as in discountFactors", () => {
    expectSocinv(() => lifecycleTable([[1, 2]], [[1, 2]], -1), "num", "rate", "rateTooLow");
    expectSocinv(() => lifecycleTable([[1, 2]], [[1, 2]], [0.03], 0), "value", "rate", "rateLength", { count: 1, expected: 2 });
    expectSocinv(() => lifecycleTable([[1, 2]], [[1, 2]], 0.03, 2), "num", "timing", "timingRange");
  });

  test("a non-finite cell is #NUM! notFinite naming the argument, row and column", () => {
    expectSocinv(() => lifecycleTable([[1, 2], [3, NaN]], [[0, 0], [0, 0]], 0.03), "num", "baseline", "notFinite", { row: 2, column: 2 });
    expectSocinv(() => lifecycleTable([[1, 2]], [[Infinity]], 0.03), "num", "intervention", "notFinite", { row: 1, column: 1 });
  });
});

const amount = fc.double({ min: -1e9, max: 1e9, noNaN: true });
const matrixPair = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 30 }))
  .chain(([rows, years]) =>
    fc.tuple(
      fc.array(fc.array(amount, { minLength: years, maxLength: years }), { minLength: rows, maxLength: rows }),
      fc.array(fc.array(amount, { minLength: years, maxLength: years }), { minLength: rows, maxLength: rows }),
      fc.array(fc.constantFrom(...PRINCIPALS), { minLength: rows, maxLength: rows }),
    ),
  );

describe("lifecycleTable: properties", () => {
  test("totals add up: Σ rows = total = Σ principals; PV(S) = PV(B) − PV(I); finite, shares sum to 1 (property)", () => {
    fc.assert(
      fc.property(matrixPair, fc.double({ min: -0.5, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ([b, i, p], rate, timing) => {
        const table = lifecycleTable(b, i, rate, timing, p);
        // the conditioning of the sums: Σ |cell · DF| over both matrices (DF ≤ max(1, (1+rate)^-(N+1)))
        const dfMax = Math.max(1, Math.pow(1 + rate, -(b[0].length + 1)));
        const scale = [...b, ...i].reduce((s, row) => s + row.reduce((u, x) => u + Math.abs(x), 0), 0) * dfMax + 1e-300;
        const tol = 1e-12 * scale;
        const all = [...table.rows, table.total, ...Object.values(table.byPrincipal), table.municipal];
        if (!all.every((r) => Number.isFinite(r.pvBaseline) && Number.isFinite(r.pvIntervention) && Number.isFinite(r.pvSaving))) return false;
        if (!all.every((r) => r.share === null || Number.isFinite(r.share))) return false;
        for (const r of table.rows) if (Math.abs(r.pvSaving - (r.pvBaseline - r.pvIntervention)) > tol) return false;
        const byP = Object.values(table.byPrincipal).reduce((s, r) => s + r.pvSaving, 0);
        if (Math.abs(byP - table.total.pvSaving) > tol) return false;
        if (table.total.share !== null) {
          const shares = table.rows.reduce((s, r) => s + (r.share as number), 0);
          // shares are relative to the total, which may be small against the rows: scale the tolerance accordingly
          if (Math.abs(shares - 1) > tol / Math.abs(table.total.pvSaving) + 1e-12) return false;
        }
        return table.total.share === null ? table.rows.every((r) => r.share === null) : table.total.share === 1;
      }),
      { numRuns: 1000 },
    );
  });

  test("any input is a table or a SocinvError, never a TypeError or NaN (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double(), { maxLength: 5 }), { maxLength: 3 }),
        fc.array(fc.array(fc.double(), { maxLength: 5 }), { maxLength: 3 }),
        fc.oneof(fc.double(), fc.array(fc.double(), { maxLength: 5 })),
        fc.double(),
        (b, i, rate, timing) => {
          try {
            const t = lifecycleTable(b, i, rate, timing);
            return [...t.rows, t.total].every((r) => Number.isFinite(r.pvSaving) && (r.share === null || Number.isFinite(r.share)));
          } catch (e) {
            return e instanceof SocinvError;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
