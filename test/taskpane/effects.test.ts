/**
 * Behaviour pinned: effects entered per project for the affected actors only, in three kinds (saving,
 * baseline and intervention, volume × unit cost), adjusted in the sheet by SOCINV.NETEFFECT, with an
 * optimism-bias uplift on the appraisal's project costs and a KPI uplift of the unit costs — checked
 * against numbers worked out by hand after HyperFormula recalculates the built workbook.
 */
import fc from "fast-check";
import type { HyperFormula } from "hyperformula";
import type { Language } from "../../src/i18n/language";
import { parseArea, range } from "../../src/taskpane/model/a1";
import { validateAnswers, type ModelAnswers } from "../../src/taskpane/model/answers";
import { effectRows, validateEffects, type EffectAnswer } from "../../src/taskpane/model/effects";
import { buildPlan, orderedActors, type Located } from "../../src/taskpane/model/plan";
import type { TableKey } from "../../src/taskpane/model/keys";
import { defaultPriceYear, KPI, UNIT_COSTS } from "../../src/taskpane/model/unitCosts";
import { buildAndRecalculate, close, errorsIn, read, smallModel } from "../support/modelWorkbook";

const actors: ModelAnswers["actors"] = [
  { name: "Soc", principal: "kommun", cashableShare: 1 },
  { name: "Utb", principal: "kommun", cashableShare: 0.5 },
  { name: "Region", principal: "region", cashableShare: 1 },
];
const project = (name: string, owner = "Soc"): ModelAnswers["projects"][number] => ({ name, owner, disbursements: [400, 0, 0, 0], cofinancingShare: 0 });

/** The data area (header excluded) of a Kostnader table in the plan. */
function tableData(answers: ModelAnswers, language: Language, key: TableKey): Located {
  const table = buildPlan(answers, language).sheets.find((s) => s.key === "costs")!.tables.find((t) => t.key === key)!;
  const area = parseArea(table.address);
  return { sheet: "costs", address: range(area.row + 1, area.column, area.rows - 1, area.columns) };
}

describe("effect answers: kinds, rows and validation", () => {
  const base = smallModel({ actors, projects: [project("A"), project("B", "Utb")] });

  test("rows only for the affected pairs, project-major in model order; legacy cost rows fill pairs without an effect", () => {
    const effects: EffectAnswer[] = [
      { kind: "saving", project: "B", actor: "Region", saving: [0, 1, 1, 1] },
      { kind: "volume", project: "A", actor: "Utb", volume: [0, 2, 2, 2], unitCost: 5 },
      { kind: "saving", project: "A", actor: "Soc", saving: [0, 3, 3, 3] },
    ];
    const costs = [
      { project: "A", actor: "Soc", baseline: [9, 9, 9, 9], intervention: [0, 0, 0, 0] }, // shadowed by the effect
      { project: "B", actor: "Soc", baseline: [1, 1, 1, 1], intervention: [0, 0, 0, 0] },
    ];
    const rows = effectRows({ ...base, effects, costs }, orderedActors(base).map((a) => a.name));
    expect(rows.map((e) => [e.project, e.actor, e.kind])).toEqual([
      ["A", "Soc", "saving"], ["A", "Utb", "volume"], ["B", "Soc", "costs"], ["B", "Region", "saving"],
    ]);
    // Four effect rows, not 2 projects × 3 actors = 6: the effects table and the outcome table have 4 data rows.
    const answers = { ...base, effects, costs };
    expect(parseArea(tableData(answers, "sv", "effects").address).rows).toBe(4);
    expect(parseArea(tableData(answers, "sv", "outcome").address).rows).toBe(4);
    expect(parseArea(tableData(answers, "sv", "savingInput").address).rows).toBe(2);
    expect(parseArea(tableData(answers, "sv", "volume").address).rows).toBe(1);
  });

  test("a model without any effect gets one zero saving row per project at its owner, to fill in", () => {
    expect(effectRows(base, ["Soc", "Utb", "Region"]).map((e) => [e.project, e.actor, e.kind])).toEqual([["A", "Soc", "saving"], ["B", "Utb", "saving"]]);
  });

  test("validation names the field and the problem, in Swedish and English", () => {
    const answers: ModelAnswers = {
      ...base,
      effects: [
        { kind: "saving", project: "A", actor: "Soc", saving: [0, 1, 1], deadweight: 1.5 },
        { kind: "saving", project: "A", actor: "Soc", saving: [0, 1, 1, Number.NaN] },
        { kind: "volume", project: "X", actor: "Nobody", volume: [0, 1, 1, 1], unitCost: "noSuchCost" as never },
        { kind: "volume", project: "B", actor: "Soc", volume: [0, 1, 1, 1], unitCost: -2 },
        { kind: "other", project: "B", actor: "Utb" } as never,
      ],
      optimismBias: [{ project: "A", uplift: -0.1 }, { project: "Q", uplift: 0.2 }],
    };
    expect(validateEffects(answers, "sv")).toEqual([
      { field: "effects[0].deadweight", message: "Måste vara mellan 0 % och 100 %." },
      { field: "effects[0].saving", message: "Serien måste ha ett värde per år (4 värden)." },
      { field: "effects[1].actor", message: "Projektet har redan en effekt för den aktören; lägg ihop dem eller välj en annan aktör." },
      { field: "effects[1].saving[3]", message: "Måste vara ett tal." },
      { field: "effects[2].project", message: "Effekten hör inte till något projekt i modellen." },
      { field: "effects[2].actor", message: "Effekten gäller en aktör som inte finns i modellen." },
      { field: "effects[2].unitCost", message: "Okänd enhetskostnad (inte i tabellen Enhetskostnader)." },
      { field: "effects[3].unitCost", message: "Får inte vara negativt." },
      { field: "effects[4].kind", message: "Okänt slag av effekt (besparing, kostnader eller volym × enhetskostnad)." },
      { field: "optimismBias[0].uplift", message: "Optimismjusteringen måste vara ett tal från 0 % till 1000 %." },
      { field: "optimismBias[1].project", message: "Optimismjusteringen gäller ett projekt som inte finns i modellen." },
    ]);
    expect(validateEffects(answers, "en")[0]).toEqual({ field: "effects[0].deadweight", message: "Must be between 0 % and 100 %." });
    // validateAnswers reports them too, after the model's own fields.
    expect(validateAnswers(answers, "en").map((p) => p.field)).toContain("effects[3].unitCost");
    expect(validateEffects({ ...base, effects: [{ kind: "saving", project: "A", actor: "Soc", saving: [0, 1, 1, 1], attribution: 0.4 }] }, "en")).toEqual([]);
  });
});

describe("the unit-cost table", () => {
  test("every value has a source, a unit and a price year KPI knows; the default price year is one KPI has", () => {
    for (const u of UNIT_COSTS) {
      expect(u.source.length).toBeGreaterThan(10);
      expect(KPI[u.priceYear]).toBeGreaterThan(0);
      expect(u.value).toBeGreaterThan(0);
    }
    expect([defaultPriceYear(2030), defaultPriceYear(2015), defaultPriceYear(1990)]).toEqual([2023, 2015, 2006]);
  });
});

describe("each kind of effect recalculates to the hand-worked numbers (HyperFormula)", () => {
  // 2025–2028, tkr, 3.5 %, timing 0, the fund bears the risk (share 1, lag 0). One project, 400 tkr in 2025.
  // Soc (kommun, cashable 1): a SAVING of 100 a year from 2026, deadweight 20 %, drop-off 10 %:
  //   net = 100·0.8·0.9^(t−1) = 0, 80, 72, 64.8.
  // Utb (kommun, cashable 0.5): BASELINE 50 a year, INTERVENTION 50, 30, 20, 20 → gross 0, 20, 30, 30;
  //   displacement 25 % → net 0, 15, 22.5, 22.5; cashable ×0.5 → 0, 7.5, 11.25, 11.25.
  // Region: VOLUME 10 SiS days a year from 2026 × 3,528 kr (2020) uplifted to 2023 by KPI 403.70/335.92
  //   = 4,239.86 kr = 4.23986 tkr; gross 42.3986; attribution 50 % → net 21.1993 a year.
  // Optimism bias 50 % on the project: the appraisal's investment is 600 in 2025; the fund still pays 400.
  const language: Language = "sv";
  const answers = smallModel({
    actors,
    projects: [project("Tidigt")],
    effects: [
      { kind: "saving", project: "Tidigt", actor: "Soc", saving: [0, 100, 100, 100], deadweight: 0.2, dropoff: 0.1 },
      { kind: "costs", project: "Tidigt", actor: "Utb", baseline: [50, 50, 50, 50], intervention: [50, 30, 20, 20], displacement: 0.25 },
      { kind: "volume", project: "Tidigt", actor: "Region", volume: [0, 10, 10, 10], unitCost: "sisTreatmentOpen", attribution: 0.5 },
    ],
    optimismBias: [{ project: "Tidigt", uplift: 0.5 }],
  });
  const plan = buildPlan(answers, language);
  const sisTkr = (3528 * 403.7) / 335.92 / 1000; // 4.239866…
  let hf: HyperFormula;
  beforeAll(async () => {
    ({ hf } = await buildAndRecalculate(answers, language));
  });
  afterAll(() => hf.destroy());

  test("no error anywhere; the answers are valid", () => {
    expect(validateAnswers(answers, language)).toEqual([]);
    expect(errorsIn(hf)).toEqual([]);
  });

  test("the net cashable saving per effect (the outcome table, = the plan until overwritten)", () => {
    const outcome = read(hf, language, plan.anchors.outcomeSavings);
    [[0, 80, 72, 64.8], [0, 7.5, 11.25, 11.25], [0, 10 * sisTkr * 0.5, 10 * sisTkr * 0.5, 10 * sisTkr * 0.5]].forEach((row, r) =>
      row.forEach((x, t) => close(outcome[r][t], x, 9)),
    );
    close(sisTkr, 4.23986, 5);
  });

  test("savings per view, repayment per förvaltning, the optimism-biased investment and the net benefit", () => {
    // Kommunen's saving (not cashable): Soc + Utb net = 0, 95, 94.5, 87.3.
    read(hf, language, plan.anchors.municipalSavings)[0].forEach((x, t) => close(x, [0, 95, 94.5, 87.3][t], 9));
    // Repayment: eligible 87.5, 83.25, 76.05 in total, below the cap of 400, so all of it; split as eligible.
    const repaid = read(hf, language, plan.anchors.repaymentByAdministration);
    [[0, 80, 72, 64.8], [0, 7.5, 11.25, 11.25], [0, 0, 0, 0]].forEach((row, r) => row.forEach((x, t) => close(repaid[r][t], x, 9)));
    read(hf, language, plan.anchors.municipalInvestment)[0].forEach((x, t) => close(x, [600, 0, 0, 0][t], 9));
    const fund = read(hf, language, plan.anchors.fundProjection);
    expect(fund[2]).toEqual([400, 0, 0, 0]);
    // Net benefit (kommunen): 95/1.035 + 94.5/1.035² + 87.3/1.035³ − 600 = 91.787 + 88.217 + 78.740 − 600 = −341.256.
    const municipal = 95 / 1.035 + 94.5 / 1.035 ** 2 + 87.3 / 1.035 ** 3 - 600;
    close(read(hf, language, plan.anchors.netBenefit)[0][0], municipal, 6);
    close(municipal, -341.256, 3);
    // Samhällsekonomiskt: the region's 21.1993 a year counts too.
    const region = 10 * sisTkr * 0.5;
    const socio = (95 + region) / 1.035 + (94.5 + region) / 1.035 ** 2 + (87.3 + region) / 1.035 ** 3 - 600;
    close(read(hf, language, plan.anchors.netBenefit)[0][3], socio, 6);
  });

  test("editing the unit cost's price year in Enhetskostnader re-uplifts the volume effect", () => {
    const sheet = hf.getSheetId("Enhetskostnader")!;
    const row = 8 + UNIT_COSTS.findIndex((u) => u.key === "sisTreatmentOpen");
    hf.setCellContents({ sheet, row, col: 3 }, 2023); // the value is now in 2023 prices: no uplift
    close(read(hf, language, plan.anchors.outcomeSavings)[2][1], 10 * 3.528 * 0.5, 9);
    hf.setCellContents({ sheet, row, col: 3 }, 2020);
  });
});

describe("property: a volume × unit-cost row gives what the same saving entered directly gives", () => {
  // One project, Soc's effect as volume × unit cost, Utb's as a direct saving; the same random volume and
  // unit cost typed into both (the saving as their product) must give equal net rows under the same
  // adjustments, and the kommun's saving must be the sum of its parts.
  const language: Language = "en";
  const answers = smallModel({
    actors: [{ name: "Soc", principal: "kommun", cashableShare: 1 }, { name: "Utb", principal: "kommun", cashableShare: 1 }],
    projects: [project("P")],
    effects: [
      { kind: "volume", project: "P", actor: "Soc", volume: [0, 0, 0, 0], unitCost: 1 },
      { kind: "saving", project: "P", actor: "Utb", saving: [0, 0, 0, 0] },
    ],
  });
  const plan = buildPlan(answers, language);
  const volume = parseArea(tableData(answers, language, "volume").address);
  const saving = parseArea(tableData(answers, language, "savingInput").address);
  const effects = parseArea(tableData(answers, language, "effects").address);
  let hf: HyperFormula;
  beforeAll(async () => {
    ({ hf } = await buildAndRecalculate(answers, language));
  });
  afterAll(() => hf.destroy());

  test("equal net rows, and parts add up to the kommun's saving (1,000 runs)", () => {
    const costs = hf.getSheetId("Costs")!;
    // Volumes are counts (negative: more placements), unit costs in öre-exact tkr, shares to 0.1 %; (HyperFormula
    // itself rounds values below 1e-14 to 0, so subnormal doubles would test HyperFormula, not the model).
    const volumeOf = fc.integer({ min: -100000, max: 100000 });
    const unitOf = fc.integer({ min: 0, max: 10_000_000 }).map((ore) => ore / 100000);
    const share = fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000);
    fc.assert(
      fc.property(fc.array(volumeOf, { minLength: 4, maxLength: 4 }), unitOf, fc.array(share, { minLength: 4, maxLength: 4 }), (volumes, unit, adjustments) => {
        hf.batch(() => {
          hf.setCellContents({ sheet: costs, row: volume.row, col: 2 }, [[...volumes, unit]]);
          hf.setCellContents({ sheet: costs, row: saving.row, col: 2 }, [volumes.map((v) => v * unit)]);
          hf.setCellContents({ sheet: costs, row: effects.row, col: 4 }, [adjustments, adjustments]);
        });
        const outcome = read(hf, language, plan.anchors.outcomeSavings);
        const municipal = read(hf, language, plan.anchors.municipalSavings)[0];
        const near = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
        outcome[0].forEach((x, t) => {
          expect(near(x, outcome[1][t] as number)).toBe(true);
          expect(near(municipal[t], (x as number) + (outcome[1][t] as number))).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
