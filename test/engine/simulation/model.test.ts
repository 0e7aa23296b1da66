import { SocinvError } from "../../../src/engine/errors";
import { drawParameters, planParameters, prepareModel, type BaseModel } from "../../../src/engine/simulation/model";
import { runSimulation } from "../../../src/engine/simulation/runner";

const base: BaseModel = {
  years: 3,
  rate: 0.03,
  actors: [{ principal: "kommun" }, { principal: "region", cashableShare: 1 }],
  projects: [{ owner: 1, disbursements: [100, 0, 0], cofinancing: [100, 0, 0], savings: [{ actor: 0, values: [0, 80, 80] }, { actor: 1, values: [0, 20, 20] }] }],
  fund: { opening: 100 },
};
const problem = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof SocinvError ? `${e.argument}:${e.problem}` : String(e);
  }
  return "accepted";
};

describe("prepareModel: what varies, checked", () => {
  test("bad inputs are refused with the argument named", () => {
    expect(problem(() => prepareModel({ ...base, actors: [{ principal: "kommunen" as never }] }))).toBe("principals:unknownPrincipal");
    expect(problem(() => prepareModel({ ...base, years: 0 }))).toBe("years:wholeNumber");
    expect(problem(() => prepareModel({ ...base, projects: [{ ...base.projects[0], owner: 5 }] }))).toBe("owner:wholeNumber");
    expect(problem(() => prepareModel({ ...base, projects: [{ ...base.projects[0], disbursements: [100, 0, 0, 0] }] }))).toBe("disbursements:lengthMismatch");
    expect(problem(() => prepareModel({ ...base, projects: [{ ...base.projects[0], disbursements: [-1, 0, 0] }] }))).toBe("disbursements:notNegative");
    expect(problem(() => prepareModel(base, { projects: [{ overrun: { low: -0.1, mode: 0, high: 0.2 } }] }))).toBe("optimismBias:notNegative");
    expect(problem(() => prepareModel(base, { projects: [{ actors: [{ actor: 0, cashableShare: { low: 0.5, mode: 1, high: 1.2 } }] }] }))).toBe("cashableShare:fractionRange");
    expect(problem(() => prepareModel(base, { projects: [{ actors: [{ actor: 0, deadweight: { low: 0.3, mode: 0.1, high: 0.5 } }] }] }))).toBe("deadweight:threePointOrder");
    expect(problem(() => prepareModel(base, { rate: { low: -1, mode: 0.03, high: 0.05 } }))).toBe("rate:rateTooLow");
  });

  test("moving together: one uniform per quantity and project, shared by its actors", () => {
    const spec = { low: 0.5, mode: 1, high: 1.5 };
    const actors = [0, 1].map((actor) => ({ actor, scale: spec }));
    const together = prepareModel(base, { projects: [{ together: true, actors }] });
    const apart = prepareModel(base, { projects: [{ actors }] });
    const scales = (m: typeof together) => m.parameters.filter((p) => p.quantity === "scale");
    expect(new Set(scales(together).map((p) => p.slot)).size).toBe(1);
    expect(new Set(scales(apart).map((p) => p.slot)).size).toBe(2);
    const theta = drawParameters(together, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95], 0, new Float64Array(together.parameters.length));
    const drawn = scales(together).map((p) => theta[together.parameters.indexOf(p)]);
    expect(drawn[0]).toBe(drawn[1]);
    expect(Array.from(planParameters(together)).every((x, j) => x === together.parameters[j].distribution.mode)).toBe(true);
  });

  test("an overrun on a region-owned project is the region's: it moves the public views, not the kommun's", () => {
    // PV at 3 %: fund 100 (the kommun's, every view), co-financing 100 (the region's); overrun 50 % of both falls on the region
    const plain = runSimulation(base, {}, { seed: 1, iterations: 1 }).plan.views;
    const over = runSimulation(base, { projects: [{ overrun: { low: 0.5, mode: 0.5, high: 0.5 } }] }, { seed: 1, iterations: 1 }).plan.views;
    expect(over.municipality.net).toBe(plain.municipality.net);
    expect(over.publicSector.net).toBeCloseTo(plain.publicSector.net - 100, 10);
    expect(over.society.net).toBeCloseTo(plain.society.net - 100, 10);
    // kommun view: 80·(1.03⁻¹ + 1.03⁻²) − 100 (the fund's part only; the region's co-financing is not the kommun's)
    expect(plain.municipality.net).toBeCloseTo(80 * (1 / 1.03 + 1 / 1.03 ** 2) - 100, 10);
  });

  test("a model without förvaltningar repays nothing under any model", () => {
    const regionOnly: BaseModel = { ...base, actors: [{ principal: "region" }, { principal: "stat" }] };
    const result = runSimulation(regionOnly, {}, { seed: 1, iterations: 1 });
    expect(result.administrations).toEqual([]);
    expect(result.plan.models.fundBearsRisk!.closing).toEqual([0, 0, 0]); // 100 opening − 100 disbursed, nothing back
    expect(result.plan.models.pooled!.closing).toEqual([0, 0, 0]);
  });
});
