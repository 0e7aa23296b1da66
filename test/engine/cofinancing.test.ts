import DecimalBase from "decimal.js";

/** Exact at any size the arbitraries produce (the default 20 digits could round a sum). */
const Decimal = DecimalBase.clone({ precision: 2000 });
import fc from "fast-check";
import { cofinancingSplit } from "../../src/engine/cofinancing";
import { SocinvError } from "../../src/engine/errors";
import { fewDecimals, ore, RUNS, share, wholeKronor } from "./moneyArbitraries";

describe("cofinancingSplit: the fund's part (1 − m)·T and the applicant's part m·T", () => {
  test("VGR: 1 000 000 kr at 50 % co-financing meets a 50 % requirement: 500 000 each", () => {
    expect(cofinancingSplit(1_000_000, 0.5, 0.5)).toEqual({ fundPart: 500000, applicantPart: 500000, meetsRequirement: true });
  });

  test("1001 kr at 50 %: 500.5 each; one unit missing, equal remainders and parts: the fund's part (first) gets it", () => {
    expect(cofinancingSplit(1001, 0.5, 0.5)).toEqual({ fundPart: 501, applicantPart: 500, meetsRequirement: true });
  });

  test("1000.5 kr at 30 %: fund 700.35, applicant 300.15; round(T) = 1001, one unit to the larger remainder (.35)", () => {
    expect(cofinancingSplit(1000.5, 0.3, 0.5)).toEqual({ fundPart: 701, applicantPart: 300, meetsRequirement: false });
  });

  test("decimals = 2: 100 kr at 1/3-ish 0.333 → applicant 33.30, fund 66.70", () => {
    expect(cofinancingSplit(100, 0.333, 0, 2)).toEqual({ fundPart: 66.7, applicantPart: 33.3, meetsRequirement: true });
  });

  test("invalid inputs are SocinvErrors", () => {
    expect(() => cofinancingSplit(-1, 0.5)).toThrow(SocinvError);
    expect(() => cofinancingSplit(100, 1.5)).toThrow(SocinvError);
    expect(() => cofinancingSplit(100, 0.5, -0.1)).toThrow(SocinvError);
    expect(() => cofinancingSplit(100, 0.5, 0, 12)).toThrow(SocinvError);
    expect(() => cofinancingSplit(NaN, 0.5)).toThrow(SocinvError);
  });

  test("property: the parts add up exactly to round(T, decimals), each within one unit of its exact value", () => {
    fc.assert(
      fc.property(fc.oneof(wholeKronor, ore).map(Math.abs), share, share, fewDecimals, (total, m, required, d) => {
        const split = cofinancingSplit(total, m, required, d);
        const sum = new Decimal(split.fundPart).plus(split.applicantPart);
        expect(sum.equals(new Decimal(total).toDecimalPlaces(d, Decimal.ROUND_HALF_UP))).toBe(true);
        const unit = new Decimal(10).pow(-d);
        expect(new Decimal(split.applicantPart).minus(new Decimal(total).times(m)).abs().lessThan(unit)).toBe(true);
        expect(split.meetsRequirement).toBe(m >= required);
      }),
      RUNS,
    );
  });
});
