import { prepareModel, type BaseModel, type Uncertainty } from "../../../src/engine/simulation/model";
import { switchingValue, tornado } from "../../../src/engine/simulation/sensitivity";

/**
 * A linear model worked out by hand. One project, 4 years, rate 4 %, τ = 0: DF = 1, 1.04⁻¹, 1.04⁻², 1.04⁻³.
 * Disbursed 100 in year 0 (the kommun's fund); a kommun förvaltning A saves 60 a year in years 1–3,
 * the region B 10 a year. PV_A = 60·(DF1 + DF2 + DF3), PV_B = 10·(DF1 + DF2 + DF3), PV_K = 100.
 * Varying: A's scale sA ~ triangular(0.5, 1, 1.5), B's scale sB ~ uniform on [0, 2] (plan: its mode 1),
 * A's deadweight w ~ triangular(0, 0.1, 0.3), the overrun o ~ uniform on [0, 0.5] (plan 0.2).
 * net_kommun = sA(1 − w)·PV_A − (1 + o)·PV_K;  net_public = net_kommun + sB·PV_B (the region counts).
 */
const df = [1, 1 / 1.04, 1 / 1.04 ** 2, 1 / 1.04 ** 3];
const annuity = df[1] + df[2] + df[3];
const PV_A = 60 * annuity;
const PV_B = 10 * annuity;
const PV_K = 100;

const base: BaseModel = {
  years: 4,
  rate: 0.04,
  actors: [{ principal: "kommun" }, { principal: "region" }],
  projects: [
    {
      owner: 0,
      disbursements: [100, 0, 0, 0],
      savings: [
        { actor: 0, values: [0, 60, 60, 60] },
        { actor: 1, values: [0, 10, 10, 10] },
      ],
    },
  ],
  fund: { opening: 100 },
};
const uncertainty: Uncertainty = {
  projects: [
    {
      overrun: { low: 0, mode: 0.2, high: 0.5, kind: "uniform" },
      actors: [
        { actor: 0, scale: { low: 0.5, mode: 1, high: 1.5, kind: "triangular" }, deadweight: { low: 0, mode: 0.1, high: 0.3, kind: "triangular" } },
        { actor: 1, scale: { low: 0, mode: 1, high: 2, kind: "uniform" } },
      ],
    },
  ],
};
const kommun = (sA: number, w: number, o: number) => sA * (1 - w) * PV_A - (1 + o) * PV_K;
const publicSector = (sA: number, w: number, o: number, sB: number) => kommun(sA, w, o) + sB * PV_B;
// Triangular P10/P90: F(mode) = (mode − low)/(high − low); below it x = low + √(u(high − low)(mode − low)),
// above it x = high − √((1 − u)(high − low)(high − mode)).
const scaleP10 = 0.5 + Math.sqrt(0.1 * 1 * 0.5);
const scaleP90 = 1.5 - Math.sqrt(0.1 * 1 * 0.5);
const deadweightP10 = 0 + Math.sqrt(0.1 * 0.3 * 0.1); // F(mode) = 1/3 > 0.1
const deadweightP90 = 0.3 - Math.sqrt(0.1 * 0.3 * 0.2);
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe("tornado and switching values on a linear model, against the hand-worked formulas", () => {
  const model = prepareModel(base, uncertainty);

  test("the plan: every input at its most likely value", () => {
    const t = tornado(model);
    close(t.plan.municipality, kommun(1, 0.1, 0.2));
    close(t.plan.publicSector, publicSector(1, 0.1, 0.2, 1));
    close(t.plan.society, publicSector(1, 0.1, 0.2, 1));
  });

  test("each bar: its input at P10 and P90, the rest at the plan, to 1e-9", () => {
    const t = tornado(model, "publicSector");
    const bar = (quantity: string, actor?: number) => t.bars.find((b) => b.quantity === quantity && (actor === undefined || b.actors.includes(actor)))!;
    expect(t.bars).toHaveLength(4); // the rate, B's deadweight etc. do not vary: no bar
    const sA = bar("scale", 0);
    close(sA.inputLow, scaleP10);
    close(sA.inputHigh, scaleP90);
    close(sA.low.municipality, kommun(scaleP10, 0.1, 0.2));
    close(sA.high.publicSector, publicSector(scaleP90, 0.1, 0.2, 1));
    const sB = bar("scale", 1);
    close(sB.low.publicSector, publicSector(1, 0.1, 0.2, 0.2)); // uniform P10 = 0 + 0.1·2
    close(sB.high.publicSector, publicSector(1, 0.1, 0.2, 1.8));
    close(sB.low.municipality, kommun(1, 0.1, 0.2)); // the region's scale does not move the kommun's view
    const w = bar("deadweight");
    close(w.low.municipality, kommun(1, deadweightP10, 0.2));
    close(w.high.municipality, kommun(1, deadweightP90, 0.2));
    const o = bar("overrun");
    close(o.low.municipality, kommun(1, 0.1, 0.05)); // uniform on [0, 0.5]: P10 = 0.05, P90 = 0.45
    close(o.high.municipality, kommun(1, 0.1, 0.45));
    // ordered by swing in the public-sector view: |ΔsA|·0.9·PV_A, |ΔsB|·PV_B, 0.4·PV_K, |Δw|·PV_A
    const swing = (b: (typeof t.bars)[number]) => Math.abs(b.high.publicSector - b.low.publicSector);
    for (let i = 1; i < t.bars.length; i++) expect(swing(t.bars[i - 1])).toBeGreaterThanOrEqual(swing(t.bars[i]));
  });

  test("switching values: the scale, deadweight and overrun at which the net benefit is 0", () => {
    // kommun: sA* = 1.2·PV_K / (0.9·PV_A); public: sA* = (1.2·PV_K − PV_B)/(0.9·PV_A)
    const scaleSlot = model.parameters.find((p) => p.quantity === "scale" && p.actor === 0)!.slot;
    close(switchingValue(model, scaleSlot, "municipality")!, (1.2 * PV_K) / (0.9 * PV_A));
    close(switchingValue(model, scaleSlot, "publicSector")!, (1.2 * PV_K - PV_B) / (0.9 * PV_A));
    // every effect scaled by λ (both actors): λ* = 1.2·PV_K / (0.9·PV_A + PV_B) in the public view
    close(switchingValue(model, "scale", "publicSector")!, (1.2 * PV_K) / (0.9 * PV_A + PV_B));
    // overrun o* with net 0: (1 + o*)·PV_K = 0.9·PV_A (+ PV_B)
    close(switchingValue(model, "overrun", "municipality")!, (0.9 * PV_A) / PV_K - 1);
    close(switchingValue(model, "overrun", "publicSector")!, (0.9 * PV_A + PV_B) / PV_K - 1);
    // deadweight w*: (1 − w*)·PV_A = 1.2·PV_K in the kommun's view; in the public view both actors'
    // deadweights move: (1 − w*)(PV_A + PV_B) = 1.2·PV_K
    close(switchingValue(model, "deadweight", "municipality")!, 1 - (1.2 * PV_K) / PV_A);
    close(switchingValue(model, "deadweight", "publicSector")!, 1 - (1.2 * PV_K) / (PV_A + PV_B));
  });

  test("no switching value when the sign never changes within the domain; the rate's is the internal rate of return", () => {
    // disbursed 1000: the kommun's net 0.9·PV_A − 1000·(1 + o) < 0 for every overrun o ≥ 0
    const costly = prepareModel({ ...base, projects: [{ ...base.projects[0], disbursements: [1000, 0, 0, 0] }] }, uncertainty);
    expect(switchingValue(costly, "overrun", "municipality")).toBeNull();
    // the rate r* with 60·0.9·Σ_{t=1..3}(1 + r*)^−t = 120: checked by putting it back into the formula
    const withRate = prepareModel(base, { ...uncertainty, rate: { low: 0.02, mode: 0.04, high: 0.06, kind: "triangular" } });
    const r = switchingValue(withRate, "rate", "municipality")!;
    const pv = (rate: number) => 54 * ((1 + rate) ** -1 + (1 + rate) ** -2 + (1 + rate) ** -3);
    expect(r).toBeGreaterThan(0.1);
    expect(Math.abs(pv(r) - 120)).toBeLessThan(1e-9);
  });

  test("a delay's switching value is a whole number of years", () => {
    const late = prepareModel(base, { projects: [{ actors: [{ actor: 0, delay: { low: 0, mode: 0, high: 3, kind: "triangular" } }] }] });
    // no overrun or deadweight here. Delay 1: A saves in years 2–3, 60·(DF2 + DF3) = 108.8 > 100 disbursed;
    // delay 2: year 3 only, 60·DF3 = 53.3 < 100: the kommun's net benefit turns negative at 2 years.
    expect(switchingValue(late, "delay", "municipality")).toBe(2);
  });
});
