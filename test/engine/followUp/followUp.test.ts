import DecimalBase from "decimal.js";
import fc from "fast-check";
import { SocinvError } from "../../../src/engine/errors";
import { followUpStatus, reforecast, variance, volumePriceVariance } from "../../../src/engine/followUp";
import { fewDecimals, money, RUNS } from "../moneyArbitraries";

/** An independent exact reference (the default 20 digits could round a product). */
const Decimal = DecimalBase.clone({ precision: 2000 });
const D = (x: number) => new Decimal(Number(x.toPrecision(15)));
const round = (x: DecimalBase, d: number) => new Decimal(x).toDecimalPlaces(d, Decimal.ROUND_HALF_UP);

/**
 * Göteborg's Kompletterande arbetsmarknad (DOMAIN.md, seed 004): 50 jobs planned, 37 realised, the
 * wages reimbursed in full to the city districts (stadsdelarna). The unit figures are illustrative: a
 * wage of 300 000 kr per job and year planned, 306 000 kr realised; 110 000 kr of försörjningsstöd
 * avoided per job and year, planned and realised alike.
 */
describe("Göteborg, Kompletterande arbetsmarknad: 50 jobs planned, 37 realised", () => {
  test("wages reimbursed in full: the disbursement's variance and its volume and price parts", () => {
    // Planned 50 · 300 000 = 15 000 000; realised 37 · 306 000 = 11 322 000; variance −3 678 000.
    // Volume part at planned wage: (37 − 50) · 300 000 = −3 900 000.
    // Price part at realised volume: (306 000 − 300 000) · 37 = +222 000.   −3 900 000 + 222 000 = −3 678 000.
    const wages = volumePriceVariance({ plannedVolume: 50, plannedUnitCost: 300_000, realisedVolume: 37, realisedUnitCost: 306_000 });
    expect([wages.planned, wages.realised, wages.variance, wages.volumePart, wages.pricePart]).toEqual([15_000_000, 11_322_000, -3_678_000, -3_900_000, 222_000]);
    // −3 678 000 / 15 000 000 = −0.2452
    expect(variance(15_000_000, 11_322_000).share).toBeCloseTo(-0.2452, 15);
  });

  test("the saving: 37 · 110 000 = 4 070 000 against 5 500 000, −1 430 000 = −26 %, all of it volume; behind at ±10 %", () => {
    const saving = volumePriceVariance({ plannedVolume: 50, plannedUnitCost: 110_000, realisedVolume: 37, realisedUnitCost: 110_000 });
    expect([saving.planned, saving.realised, saving.variance, saving.volumePart, saving.pricePart]).toEqual([5_500_000, 4_070_000, -1_430_000, -1_430_000, 0]);
    expect(variance(5_500_000, 4_070_000)).toEqual({ planned: 5_500_000, realised: 4_070_000, amount: -1_430_000, share: -0.26 });
    expect(followUpStatus(5_500_000, 4_070_000, 0.1)).toBe("behind");
    // 26 % short is within a 30 % threshold.
    expect(followUpStatus(5_500_000, 4_070_000, 0.3)).toBe("onPlan");
  });

  test("re-forecast of three years 2014–2016 after the first: as planned, or scaled by 37/50 = 0.74", () => {
    const plan = [5_500_000, 5_500_000, 5_500_000];
    // As planned: 4 070 000 + 5 500 000 + 5 500 000 = 15 070 000, 1 430 000 below the plan's 16 500 000.
    expect(reforecast(plan, [4_070_000], 1, "plan")).toEqual({ values: [4_070_000, 5_500_000, 5_500_000], ratio: 0.74, change: -1_430_000 });
    // Scaled: 5 500 000 · 0.74 = 4 070 000 each year; 12 210 000 in all, 4 290 000 below the plan.
    expect(reforecast(plan, [4_070_000], 1, "scaled")).toEqual({ values: [4_070_000, 4_070_000, 4_070_000], ratio: 0.74, change: -4_290_000 });
    // The wages follow the jobs too: 15 000 000 planned a year, 11 322 000 realised; ratio 0.7548;
    // 15 000 000 · 0.7548 = 11 322 000 in each remaining year.
    expect(reforecast([15e6, 15e6, 15e6], [11_322_000], 1, "scaled").values).toEqual([11_322_000, 11_322_000, 11_322_000]);
  });
});

describe("variance", () => {
  test("in kronor and per cent; a plan of 0 has no per cent", () => {
    expect(variance(1000, 1100)).toEqual({ planned: 1000, realised: 1100, amount: 100, share: 0.1 });
    expect(variance(-200, -150).share).toBe(0.25); // a negative plan: the share is of its size
    expect(variance(0, 5).share).toBeNull();
    // 0.1 + 0.2 read as Excel shows it: 0.3 exactly, so no variance.
    expect(variance(0.3, 0.1 + 0.2, 2)).toEqual({ planned: 0.3, realised: 0.3, amount: 0, share: 0 });
  });

  test("rounded to decimals: 1000.4 against 1000.6 shows 1000 and 1001, a variance of 1", () => {
    expect(variance(1000.4, 1000.6)).toMatchObject({ planned: 1000, realised: 1001, amount: 1 });
  });

  test("bad input names the argument", () => {
    expect(() => variance(Number.NaN, 1)).toThrow(expect.objectContaining({ argument: "planned", problem: "notFinite" }));
    expect(() => variance(1, "3 000 tkr" as unknown as number)).toThrow(expect.objectContaining({ argument: "realised", problem: "unsupportedValue" }));
    expect(() => variance(1, 1, 11)).toThrow(SocinvError);
  });

  test("property: the amount is round(realised) − round(planned) exactly; never NaN", () => {
    fc.assert(
      fc.property(money(false), money(false), fewDecimals, (p, r, d) => {
        const v = variance(p, r, d);
        expect(new Decimal(v.amount).equals(round(D(r), d).minus(round(D(p), d)))).toBe(true);
        expect(Number.isNaN(v.share)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe("volumePriceVariance: volume part at planned unit cost, price part at realised volume", () => {
  test("öre: 12.5 placements avoided at 1 000.25 planned, 10 at 1 100.75 realised", () => {
    // planned 12.5 · 1 000.25 = 12 503.125 → 12 503; realised 10 · 1 100.75 = 11 007.5 → 11 008; variance −1 495.
    // volume (10 − 12.5) · 1 000.25 = −2 500.625 → −2 501; price (1 100.75 − 1 000.25) · 10 = 1 005 (exact);
    // shown price part −1 495 − (−2 501) = 1 006: within 1.5 of 1 005, and the parts add up to the krona.
    const v = volumePriceVariance({ plannedVolume: 12.5, plannedUnitCost: 1000.25, realisedVolume: 10, realisedUnitCost: 1100.75 });
    expect([v.planned, v.realised, v.variance, v.volumePart, v.pricePart]).toEqual([12503, 11008, -1495, -2501, 1006]);
    expect(v.exact.pricePart.toNumber()).toBe(1005);
    // At 3 decimals nothing is lost: −1 495.625 = −2 500.625 + 1 005.
    const three = volumePriceVariance({ plannedVolume: 12.5, plannedUnitCost: 1000.25, realisedVolume: 10, realisedUnitCost: 1100.75 }, 3);
    expect([three.variance, three.volumePart, three.pricePart]).toEqual([-1495.625, -2500.625, 1005]);
  });

  test("bad input names the argument", () => {
    expect(() => volumePriceVariance({ plannedVolume: 1, plannedUnitCost: Infinity, realisedVolume: 1, realisedUnitCost: 1 })).toThrow(
      expect.objectContaining({ argument: "plannedUnitCost" }),
    );
  });

  test("property: exact parts add up to the variance exactly; shown parts add up to the shown variance to the unit", () => {
    const volume = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 10_000_000 }).map((k) => k / 100));
    // Up to 10 Mkr per unit and 100 000 units: every shown amount fits Excel's 15 significant digits.
    const unitCost = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }).map((k) => k / 100));
    fc.assert(
      fc.property(volume, unitCost, volume, unitCost, fewDecimals, (vp, pp, vr, pr, d) => {
        const v = volumePriceVariance({ plannedVolume: vp, plannedUnitCost: pp, realisedVolume: vr, realisedUnitCost: pr }, d);
        // Independent: Vr·Pr − Vp·Pp.
        const exactVariance = D(vr).times(D(pr)).minus(D(vp).times(D(pp)));
        expect(v.exact.variance.equals(exactVariance)).toBe(true);
        expect(v.exact.volumePart.plus(v.exact.pricePart).equals(exactVariance)).toBe(true);
        expect(new Decimal(v.volumePart).plus(v.pricePart).equals(new Decimal(v.variance))).toBe(true);
        expect(new Decimal(v.variance).equals(round(D(vr).times(D(pr)), d).minus(round(D(vp).times(D(pp)), d)))).toBe(true);
        const unit = new Decimal(10).pow(-d);
        expect(new Decimal(v.volumePart).minus(v.exact.volumePart).abs().lte(unit.div(2))).toBe(true);
        expect(new Decimal(v.pricePart).minus(v.exact.pricePart).abs().lte(unit.times(1.5))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("reforecast", () => {
  test("no realised years: the plan exactly, whatever the method", () => {
    const plan = [1000.5, 0.1 + 0.2, -3, 0];
    for (const method of ["plan", "scaled"] as const) {
      expect(reforecast(plan, [], 0, method, 0)).toEqual({ values: [1000.5, 0.3, -3, 0], ratio: null, change: 0 });
    }
  });

  test("scaled and rounded per year: plan [1000, 1001], 333 realised → ratio 0.333, 1001 · 0.333 = 333.333", () => {
    expect(reforecast([1000, 1001], [333], 1, "scaled").values).toEqual([333, 333]);
    expect(reforecast([1000, 1001], [333], 1, "scaled", 2)).toEqual({ values: [333, 333.33], ratio: 0.333, change: -1334.67 });
  });

  test("a realised plan of 0 leaves no ratio: the plan is kept", () => {
    expect(reforecast([0, 500], [40], 1, "scaled")).toEqual({ values: [40, 500], ratio: null, change: 40 });
  });

  test("bad input names the argument", () => {
    expect(() => reforecast([1, 2], [1], 2, "plan")).toThrow(expect.objectContaining({ argument: "realised", problem: "lengthMismatch" }));
    expect(() => reforecast([1, 2], [1], 3, "plan")).toThrow(expect.objectContaining({ argument: "realisedYears" }));
    expect(() => reforecast([1, 2], [1], 1, "trend" as "plan")).toThrow(expect.objectContaining({ argument: "method" }));
    expect(() => reforecast([1, Number.NaN], [1], 1, "plan")).toThrow(expect.objectContaining({ argument: "planned", params: expect.objectContaining({ column: 2 }) }));
  });

  test("property: realised years as realised, the rest plan or round(plan · Σr/Σp); change = Σ values − Σ plan exactly", () => {
    const series = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.tuple(fc.array(money(false), { minLength: n, maxLength: n }), fc.array(money(false), { minLength: n, maxLength: n }), fc.integer({ min: 0, max: n })),
    );
    fc.assert(
      fc.property(series, fc.constantFrom("plan" as const, "scaled" as const), fewDecimals, ([plan, actual, k], method, d) => {
        const r = reforecast(plan, actual, k, method, d);
        const planSoFar = plan.slice(0, k).reduce((s, x) => s.plus(D(x)), new Decimal(0));
        const actualSoFar = actual.slice(0, k).reduce((s, x) => s.plus(D(x)), new Decimal(0));
        const ratio = k > 0 && !planSoFar.isZero() ? actualSoFar.div(planSoFar) : null;
        const expected = plan.map((x, t) => (t < k ? D(actual[t]) : method === "scaled" && ratio ? round(D(x).times(ratio), d) : D(x)));
        expect(r.values).toEqual(expected.map((x) => x.toNumber() || 0));
        const change = expected.reduce((s, x) => s.plus(x), new Decimal(0)).minus(plan.reduce((s, x) => s.plus(D(x)), new Decimal(0)));
        expect(r.change).toBe(change.toNumber() || 0);
        // Plan years kept as planned only when they need no rounding at d decimals (−0.001 at 0 decimals is 0).
        if (actual.slice(0, k).every((x, t) => D(x).equals(D(plan[t]))) && plan.every((x) => D(x).decimalPlaces() <= d)) expect(r.values).toEqual(plan.map((x) => D(x).toNumber() || 0));
      }),
      RUNS,
    );
  });
});

describe("followUpStatus", () => {
  test("a stated threshold decides on plan; direction by what is better", () => {
    expect(followUpStatus(1000, 1100, 0.1)).toBe("onPlan");
    expect(followUpStatus(1000, 1100.01, 0.1)).toBe("ahead");
    expect(followUpStatus(1000, 899.99, 0.1)).toBe("behind");
    expect(followUpStatus(1000, 1200, 0.1, false)).toBe("behind"); // a cost above plan
    expect(followUpStatus(0, 0, 0)).toBe("onPlan");
    expect(followUpStatus(0, 1, 0.5)).toBe("ahead");
    expect(() => followUpStatus(1, 1, 1.5)).toThrow(expect.objectContaining({ argument: "threshold", problem: "fractionRange" }));
  });

  test("property: on plan exactly when |r − p| ≤ threshold·|p|", () => {
    fc.assert(
      fc.property(money(false), money(false), fc.integer({ min: 0, max: 100 }).map((k) => k / 100), (p, r, s) => {
        const status = followUpStatus(p, r, s);
        const within = D(r).minus(D(p)).abs().lte(D(p).abs().times(D(s)));
        expect(status === "onPlan").toBe(within);
        if (!within) expect(status).toBe(D(r).gt(D(p)) ? "ahead" : "behind");
      }),
      RUNS,
    );
  });
});
