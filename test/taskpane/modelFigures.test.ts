/**
 * Issue 8's wrong figures and the accountant's reading of the model, recalculated in HyperFormula and
 * compared with numbers worked out by hand (the working is in the comments).
 */
import type { HyperFormula } from "hyperformula";
import type { Language } from "../../src/i18n/language";
import type { ModelAnswers } from "../../src/taskpane/model/answers";
import { parseArea } from "../../src/taskpane/model/a1";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { repayment } from "../../src/engine/repayment";
import { buildPlan } from "../../src/taskpane/model/plan";
import { buildAndRecalculate, close, errorsIn, read, smallModel, write } from "../support/modelWorkbook";

/** PV at 3.5 %, timing 0 (year 0 undiscounted), written out rather than taken from the engine. */
const pv = (series: number[]) => series.reduce((sum, x, t) => sum + x / 1.035 ** t, 0);

/** Issue 8.3's case: a kommun project at 50 % co-financing and a region-owned one at 60 %, pooled. */
const regionCase: ModelAnswers = smallModel({
  repaymentModel: "pooled", cofinancingRequirement: 0.5, openingBalance: 5000,
  actors: [
    { name: "Soc", principal: "kommun", cashableShare: 1 },
    { name: "Region", principal: "region", cashableShare: 1 },
  ],
  projects: [
    { name: "Kommunprojekt", owner: "Soc", disbursements: [600, 600, 400, 0], cofinancingShare: 0.5 },
    { name: "Regionprojekt", owner: "Region", disbursements: [0, 500, 700, 700], cofinancingShare: 0.6 },
  ],
  costs: [
    { project: "Kommunprojekt", actor: "Soc", baseline: [0, 0, 1000, 2000], intervention: [0, 0, 0, 0] },
    { project: "Regionprojekt", actor: "Region", baseline: [0, 300, 300, 300], intervention: [0, 0, 0, 0] },
  ],
});

describe("issue 8.3: a region-owned project's co-financing is not the kommun's investment", () => {
  // Kommunprojekt (owner: Soc, a kommun förvaltning), 50 % co-financing, fund's part [600, 600, 400, 0]:
  //   total cost = D / (1 − 0.5) = [1200, 1200, 800, 0], all of it the kommun's.
  // Regionprojekt (owner: the region), 60 % co-financing, fund's part [0, 500, 700, 700]:
  //   the region's own part = D · 0.6 / 0.4 = [0, 750, 1050, 1050]; total [0, 1250, 1750, 1750].
  // Municipal investment = [1200, 1700, 1500, 700] (the fund's part is the kommun's; the region's part is not);
  // before the fix it was the total [1200, 2450, 2550, 1750].
  const answers = regionCase;
  const language: Language = "sv";
  const plan = buildPlan(answers, language);
  let hf: HyperFormula;
  beforeAll(async () => {
    ({ hf } = await buildAndRecalculate(answers, language));
  });
  afterAll(() => hf.destroy());

  test("investment: kommun [1200, 1700, 1500, 700], whole cost [1200, 2450, 2550, 1750]", () => {
    expect(errorsIn(hf)).toEqual([]);
    read(hf, language, plan.anchors.municipalInvestment)[0].forEach((x, t) => close(x, [1200, 1700, 1500, 700][t], 9));
    read(hf, language, plan.anchors.investment)[0].forEach((x, t) => close(x, [1200, 2450, 2550, 1750][t], 9));
  });

  test("municipal net benefit −2,136.74 (PV of Soc's saving 2,737.40 − PV of the kommun's investment 4,874.14)", () => {
    // 1000/1.035² + 2000/1.035³ = 933.51 + 1803.88 = 2737.40; 1200 + 1700/1.035 + 1500/1.035² + 700/1.035³ = 4874.14.
    // Counting the region's co-financing too (the old figure) would give 2737.40 − 7526.00 = −4788.61.
    const [municipal] = read(hf, language, plan.anchors.netBenefit)[0];
    close(municipal, pv([0, 0, 1000, 2000]) - pv([1200, 1700, 1500, 700]));
    close(municipal, -2136.74, 2);
  });
});

describe("issue 8.3: the audit's correction −4,365.66 → −1,726.18 tkr is the region's co-financing, 2,639.48 tkr in present value", () => {
  // The issue gives the audit model's two municipal net benefits but not its savings. Their difference,
  // −1,726.18 − (−4,365.66) = 2,639.48, is what the fix removes from the kommun's investment: the region's
  // co-financing [0, 750, 1050, 1050] in present value. That fits 3.0 % with mid-year timing exactly:
  // 750/1.03^1.5 + 1050/1.03^2.5 + 1050/1.03^3.5 = 717.47 + 975.21 + 946.80 = 2,639.48
  // (3.5 % at year end gives 2,651.86; no other round rate and convention gives 2,639.48 to the öre).
  const answers: ModelAnswers = { ...regionCase, discountRate: 0.03, timing: 0.5 };
  const language: Language = "sv";
  const plan = buildPlan(answers, language);
  let hf: HyperFormula;
  beforeAll(async () => {
    ({ hf } = await buildAndRecalculate(answers, language));
  });
  afterAll(() => hf.destroy());

  test("the kommun's present value of investment is the whole cost's less 2,639.48", () => {
    expect(errorsIn(hf)).toEqual([]);
    // columns: kommunen, its cashable part, offentlig sektor, samhällsekonomiskt (whole cost)
    const [municipal, , , wholeCost] = read(hf, language, plan.anchors.presentValueInvestment)[0] as number[];
    close(wholeCost - municipal, -1726.18 - -4365.66, 2);
    const [netMunicipal] = read(hf, language, plan.anchors.netBenefit)[0];
    const [savingsMunicipal] = read(hf, language, plan.anchors.presentValueSavings)[0] as number[];
    close(netMunicipal, savingsMunicipal - municipal, 9);
  });
});

describe("issue 8.4: a repayment that comes late is a timing gap, not a loss", () => {
  // One förvaltning, share 100 %, the fund bears the risk.
  // Sen (late): 1000 disbursed in 2025; planned cashable saving 500 a year from 2026 → plan repays 500, 500, 0
  //   (cap 1000). Realised 200, 400, 800 → outcome repays 200, 400, 400: the whole cap, one year late.
  //   Behind the plan at each year end: 0, 300, 1000 − 600 = 400, 1000 − 1000 = 0; lost at the horizon 0;
  //   timing gap = behind − lost = 0, 300, 400, 0. (The old yearly rule showed 300 + 100 = 400 "lost".)
  // Kort (short): 600 disbursed in 2026; plan 300, 300 in 2027–28, realised 100, 100 → behind 0, 0, 200, 400;
  //   lost 400; timing 0 (the gap only grows).
  const answers = smallModel({
    actors: [{ name: "Soc", principal: "kommun", cashableShare: 1 }],
    projects: [
      { name: "Sen", owner: "Soc", disbursements: [1000, 0, 0, 0], cofinancingShare: 0 },
      { name: "Kort", owner: "Soc", disbursements: [0, 600, 0, 0], cofinancingShare: 0 },
    ],
    costs: [
      { project: "Sen", actor: "Soc", baseline: [0, 500, 500, 500], intervention: [0, 0, 0, 0] },
      { project: "Kort", actor: "Soc", baseline: [0, 0, 300, 300], intervention: [0, 0, 0, 0] },
    ],
  });
  const language: Language = "en";
  const plan = buildPlan(answers, language);
  let hf: HyperFormula;
  beforeAll(async () => {
    ({ hf } = await buildAndRecalculate(answers, language));
    write(hf, language, plan.anchors.outcomeSavings, [[0, 200, 400, 800], [0, 0, 100, 100]]);
  });
  afterAll(() => hf.destroy());

  test("behind [0, 300, 400, 0] and [0, 0, 200, 400]; lost 0 and 400; timing [0, 300, 400, 0] and zeros", () => {
    expect(errorsIn(hf)).toEqual([]);
    expect(read(hf, language, plan.anchors.repaymentOutcome[0])).toEqual([[0, 200, 400, 400]]);
    expect(read(hf, language, plan.anchors.fundShortfall)).toEqual([[0, 300, 400, 0], [0, 0, 200, 400]]);
    expect(read(hf, language, plan.anchors.fundLostAtHorizon)).toEqual([[0], [400]]);
    expect(read(hf, language, plan.anchors.fundTimingGap)).toEqual([[0, 300, 400, 0], [0, 0, 0, 0]]);
  });
});

describe("issue 8.8: an actor's principal cell decides whom the views count and who repays", () => {
  // Project P: 1000 disbursed in 2025, the fund bears the risk, share 100 %. Planned cashable savings:
  // Soc (kommun) 200 a year from 2026, Region 300 a year.
  const answers = smallModel({
    actors: [
      { name: "Soc", principal: "kommun", cashableShare: 1 },
      { name: "Region", principal: "region", cashableShare: 1 },
    ],
    projects: [{ name: "P", owner: "Soc", disbursements: [1000, 0, 0, 0], cofinancingShare: 0 }],
    costs: [
      { project: "P", actor: "Soc", baseline: [0, 200, 200, 200], intervention: [0, 0, 0, 0] },
      { project: "P", actor: "Region", baseline: [0, 300, 300, 300], intervention: [0, 0, 0, 0] },
    ],
  });
  const language: Language = "sv";
  const plan = buildPlan(answers, language);
  let hf: HyperFormula;
  beforeAll(async () => {
    ({ hf } = await buildAndRecalculate(answers, language));
  });
  afterAll(() => hf.destroy());
  // Aktörer: header on row 6, Soc on row 7, Region on row 8; the principal in column B.
  const setPrincipal = (row: number, principal: string) => hf.setCellContents({ sheet: hf.getSheetId("Aktörer")!, row, col: 1 }, principal);

  test("as built: only Soc repays (200 a year, 600 of the 1000 cap); the kommun's savings are Soc's", () => {
    expect(errorsIn(hf)).toEqual([]);
    expect(read(hf, language, plan.anchors.repaymentByAdministration)).toEqual([[0, 200, 200, 200], [0, 0, 0, 0]]);
    expect(read(hf, language, plan.anchors.municipalSavings)).toEqual([[0, 200, 200, 200]]);
  });

  test("Region's principal set to kommun: both repay, 500 a year until the cap (200 + 300, 200 + 300, then 0)", () => {
    setPrincipal(7, "kommun");
    expect(read(hf, language, plan.anchors.repaymentByAdministration)).toEqual([[0, 200, 200, 0], [0, 300, 300, 0]]);
    expect(read(hf, language, plan.anchors.municipalSavings)).toEqual([[0, 500, 500, 500]]);
    expect(read(hf, language, plan.anchors.fundProjection)[3]).toEqual([0, 500, 500, 0]);
  });

  test("Soc's principal set to region as well: nobody repays, the kommun saves nothing", () => {
    setPrincipal(6, "region");
    setPrincipal(7, "region");
    expect(read(hf, language, plan.anchors.repaymentByAdministration)).toEqual([[0, 0, 0, 0], [0, 0, 0, 0]]);
    expect(read(hf, language, plan.anchors.municipalSavings)).toEqual([[0, 0, 0, 0]]);
    expect(errorsIn(hf)).toEqual([]);
  });
});

describe("issue 8.8: a key plan longer than the horizon shows what is still owed after it, with a warning", () => {
  // 900 disbursed in 2025; key model over 3 years, lag 2 → instalments 2027, 2028, 2029; frames 100 : 200
  // → 300 a year split 100 and 200. The model ends in 2028: Soc still owes 100 and Utb 200 after it.
  const answers = smallModel({
    repaymentModel: "key", keyYears: 3, lag: 2,
    actors: [
      { name: "Soc", principal: "kommun", cashableShare: 1, frame: 100 },
      { name: "Utb", principal: "kommun", cashableShare: 1, frame: 200 },
      { name: "Region", principal: "region", cashableShare: 1 },
    ],
    projects: [{ name: "P", owner: "Soc", disbursements: [900, 0, 0, 0], cofinancingShare: 0 }],
  });
  let hf: HyperFormula;
  afterEach(() => hf.destroy());

  test.each<Language>(["sv", "en"])("owed after 2028: Soc 100, Utb 200, Region 0; the fund gets 300 in 2027 and 2028 (%s)", async (language) => {
    const plan = buildPlan(answers, language);
    ({ hf } = await buildAndRecalculate(answers, language));
    expect(errorsIn(hf)).toEqual([]);
    expect(read(hf, language, plan.anchors.keyOwedAfterHorizon[0])).toEqual([[100], [200], [0]]);
    expect(read(hf, language, plan.anchors.repaymentByAdministration)).toEqual([[0, 0, 100, 100], [0, 0, 200, 200], [0, 0, 0, 0]]);
    const values = hf.getSheetValues(hf.getSheetId(plan.sheets.find((s) => s.key === "repayment")!.name)!).flat();
    expect(values.filter((x) => typeof x === "string" && /^(Varning|Warning): .*2028/.test(x))).toHaveLength(1);
    // The Kontroller block says it too: two förvaltningar still owe after 2028.
    expect(read(hf, language, plan.anchors.checks).flat().filter((x) => x !== "OK")).toEqual([
      language === "sv" ? "2 förvaltningar har belopp kvar efter modellens sista år: se Återföring" : "2 administrations still owe amounts after the model's last year: see Repayment",
    ]);
  });

  test("with lag 1 the plan ends in 2028: nothing owed, no warning", async () => {
    const plan = buildPlan({ ...answers, lag: 1 }, "sv");
    ({ hf } = await buildAndRecalculate({ ...answers, lag: 1 }, "sv"));
    expect(read(hf, "sv", plan.anchors.keyOwedAfterHorizon[0])).toEqual([[0], [0], [0]]);
    const values = hf.getSheetValues(hf.getSheetId("Återföring")!).flat();
    expect(values.some((x) => typeof x === "string" && x.startsWith("Varning"))).toBe(false);
  });
});

describe("issue 8.8: a parameter the chosen repayment model does not read is shown as not used", () => {
  const valueCell = (model: ModelAnswers["repaymentModel"], label: string) => {
    const sheet = buildPlan({ ...smallModel({ actors: [], projects: [] }), repaymentModel: model }, "sv").sheets[0];
    const row = sheet.writes.findIndex((w) => w.formulas[0][0] === label);
    return { value: sheet.writes[row + 1], note: sheet.writes[row + 2].formulas[0][0] };
  };
  test.each<[ModelAnswers["repaymentModel"], string, boolean]>([
    ["key", "Återföringsandel", false],
    ["fundBearsRisk", "Återföringsandel", true],
    ["pooled", "Fördröjning (år)", false],
    ["administrationBearsRisk", "Fördröjning (år)", true],
    ["key", "Fördröjning (år)", true],
  ])("%s: %s is an input: %s", (model, label, used) => {
    const { value, note } = valueCell(model, label);
    expect(value.role).toBe(used ? "input" : "label");
    expect(String(note).startsWith("Används inte")).toBe(!used);
  });
});

describe("issue 8.7: views named for what they sum; a transfer cancels in the whole-society view", () => {
  // 1000 disbursed in 2025 (project owned by Soc, no co-financing). Savings a year from 2026:
  // Soc (kommun, 50 % cashable) 400, Region 100, Försäkringskassan (stat) 200 in sjukpenning — a transfer
  // to the individual —, the individual 50. Per view, from 2026:
  //   kommunen 400; its cashable part 200; offentlig sektor 400 + 100 + 200 = 700;
  //   samhällsekonomiskt 400 + 100 + 200 + 50 − 200 (the transfer cancels) = 550.
  // PV of s a year in 2026–28 at 3.5 % = s · (1/1.035 + 1/1.035² + 1/1.035³) = s · 2.801637…
  //   net benefit = PV − 1000: 120.65, −439.67, 961.15, 540.90; ratio PV/1000: 1.1207, 0.5603, 1.9611, 1.5409.
  // Payback (discounted, years from 2025): kommunen 3 + 240.13/360.78 = 3.666 → reached in 2028;
  //   offentlig sektor 2 + 323.67/653.46 = 2.495 → 2027; samhällsekonomiskt 2 + 468.60/513.43 = 2.913 → 2027;
  //   the cashable part not within the horizon.
  const answers = smallModel({
    actors: [
      { name: "Soc", principal: "kommun", cashableShare: 0.5 },
      { name: "Region", principal: "region", cashableShare: 1 },
      { name: "Försäkringskassan", principal: "stat", cashableShare: 1 },
      { name: "Individen", principal: "individ", cashableShare: 1 },
    ],
    projects: [{ name: "P", owner: "Soc", disbursements: [1000, 0, 0, 0], cofinancingShare: 0 }],
    costs: [
      { project: "P", actor: "Soc", baseline: [0, 400, 400, 400], intervention: [0, 0, 0, 0] },
      { project: "P", actor: "Region", baseline: [0, 100, 100, 100], intervention: [0, 0, 0, 0] },
      { project: "P", actor: "Försäkringskassan", baseline: [0, 200, 200, 200], intervention: [0, 0, 0, 0], transfer: true },
      { project: "P", actor: "Individen", baseline: [0, 50, 50, 50], intervention: [0, 0, 0, 0] },
    ],
  });
  let hf: HyperFormula;
  afterEach(() => hf.destroy());

  test.each<Language>(["sv", "en"])("savings, net benefit, ratio, PV and payback per view (%s)", async (language) => {
    const plan = buildPlan(answers, language);
    ({ hf } = await buildAndRecalculate(answers, language));
    expect(errorsIn(hf)).toEqual([]);
    expect(read(hf, language, plan.anchors.viewSavings)).toEqual([400, 200, 700, 550].map((s) => [0, s, s, s]));
    const factor = 1 / 1.035 + 1 / 1.035 ** 2 + 1 / 1.035 ** 3;
    read(hf, language, plan.anchors.netBenefit)[0].forEach((x, v) => close(x, [400, 200, 700, 550][v] * factor - 1000));
    read(hf, language, plan.anchors.netBenefit)[0].forEach((x, v) => close(x, [120.65, -439.67, 961.15, 540.90][v], 2));
    read(hf, language, plan.anchors.benefitCostRatio)[0].forEach((x, v) => close(x, [1.1207, 0.5603, 1.9611, 1.5409][v], 4));
    read(hf, language, plan.anchors.presentValueInvestment)[0].forEach((x) => close(x, 1000, 9));
    read(hf, language, plan.anchors.presentValueSavings)[0].forEach((x, v) => close(x, [400, 200, 700, 550][v] * factor));
    const [municipal, cashable, publicSector, society] = read(hf, language, plan.anchors.payback)[0];
    close(society, 2.912682);
    close(municipal, 3 + (1000 - 400 / 1.035 - 400 / 1.035 ** 2) / (400 / 1.035 ** 3));
    close(publicSector, 3 - 1 + (1000 - 700 / 1.035) / (700 / 1.035 ** 2));
    expect(cashable).toBe(language === "sv" ? "ej inom perioden" : "not within the horizon");
    expect(read(hf, language, plan.anchors.paybackYear)[0]).toEqual([2028, cashable, 2027, 2027]);
  });

  test("unmarking the transfer in Kostnader puts Försäkringskassan's 200 back into the whole-society view (750)", async () => {
    const plan = buildPlan(answers, "sv");
    ({ hf } = await buildAndRecalculate(answers, "sv"));
    const costs = hf.getSheetId("Kostnader")!;
    const marks = hf.getSheetValues(costs).flatMap((row, r) => row.map((x, col) => ({ x, r, col }))).filter((m) => m.x === "Ja");
    expect(marks).toHaveLength(1);
    hf.setCellContents({ sheet: costs, row: marks[0].r, col: marks[0].col }, "Nej");
    expect(read(hf, "sv", plan.anchors.socioEconomicSavings)).toEqual([[0, 750, 750, 750]]);
  });
});

describe("issues 8.9–8.10: drop-down lists for coded inputs, text marked in place, and the Kontroller block", () => {
  const language: Language = "sv";
  const answers = exampleAnswers(language);
  const plan = buildPlan(answers, language);
  const sheet = (key: string) => plan.sheets.find((s) => s.key === key)!;
  let hf: HyperFormula;
  beforeEach(async () => {
    ({ hf } = await buildAndRecalculate(answers, language));
  });
  afterEach(() => hf.destroy());
  const results = () => read(hf, language, plan.anchors.checks).map((row) => row[0]);
  const status = () => read(hf, language, plan.anchors.checkStatus)[0][0];

  test("lists in the workbook's language: principal, fund source, transfer, timing; no typed list holds a comma", () => {
    expect(sheet("actors").validations).toEqual([{ address: "B7:B11", list: ["kommun", "region", "stat", "individ", "annan"] }]);
    // Timing's list is the cells below the table (0; 0,5; 1 in Swedish Excel), not a typed list.
    const parameters = sheet("parameters").validations!;
    expect(parameters[0]).toEqual({ address: "B19", list: ["eget kapital", "driftbudget"] });
    expect(parameters[1].list).toEqual(["0", "0.5", "1"]);
    expect(parameters[1].source).toMatch(/^=\$B\$\d+:\$B\$\d+$/);
    const [from] = parameters[1].source!.slice(1).split(":");
    const firstValueRow = Number(from.replace(/\D/g, ""));
    const values = sheet("parameters").writes.find((w) => w.address.startsWith(`A${firstValueRow}:`))!;
    expect(values.formulas.map((r) => r[1])).toEqual([0, 0.5, 1]);
    expect(sheet("costs").validations![0].list).toEqual(["Ja", "Nej"]);
    const english = buildPlan(exampleAnswers("en"), "en").sheets;
    expect(english.find((s) => s.key === "actors")!.validations![0].list).toEqual(["municipality", "region", "state", "individual", "other"]);
    expect(english.find((s) => s.key === "parameters")!.validations![0].list).toEqual(["equity", "operating budget"]);
    expect(plan.sheets.flatMap((s) => (s.validations ?? []).filter((v) => v.source === undefined).flatMap((v) => v.list)).some((x) => x.includes(","))).toBe(false);
  });

  test("the cost tables are marked where a cell holds text or an error", () => {
    const baseline = plan.anchors.baselineCosts.address; // C7:L21 …
    expect(sheet("costs").conditionalFormats).toContainEqual({
      address: baseline,
      formula: `=OR(ISTEXT(${baseline.split(":")[0]}),ISERROR(${baseline.split(":")[0]}))`,
      fill: "#F8CBAD",
    });
  });

  test("as built every check is OK", () => {
    expect(results().length).toBeGreaterThanOrEqual(16);
    expect(results().filter((x) => x !== "OK")).toEqual([]);
    expect(status()).toBe("Kontroller: alla OK");
  });

  test("'3 000 tkr' in a baseline cell: the baseline check counts 1 cell, the sums cannot be computed, the status says how many fail", () => {
    write(hf, language, plan.anchors.baselineCosts, [["3 000 tkr"]]);
    const found = results();
    expect(found).toContain("1 celler med text eller fel (markerade i rött)");
    expect(found[0]).toBe("Kan inte beräknas: se kontrollerna av indata");
    const failing = found.filter((x) => x !== "OK").length;
    expect(status()).toBe(`${failing} av ${found.length} kontroller visar fel – se Kontroller nedan`);
  });

  test("'Kommunen' as a principal and 'driftsbudget' as the fund source are caught, each in words", () => {
    hf.setCellContents({ sheet: hf.getSheetId("Aktörer")!, row: 6, col: 1 }, "Kommunen");
    hf.setCellContents({ sheet: hf.getSheetId("Parametrar")!, row: 18, col: 1 }, "driftsbudget");
    const found = results();
    expect(found).toContain("Summerar inte: en aktör har en huvudman utanför listan");
    expect(found).toContain("1 aktörer har en annan huvudman och räknas i ingen vy");
    expect(found).toContain("Okänt värde i Parametrar: välj i listan");
  });
});

describe("issue 8.6: årets resultat and the balanskravsutredning", () => {
  const rowsOf = (plan: ReturnType<typeof buildPlan>) => plan.anchors.balanceRequirement;

  test("Malmö 2015 (Mkr): 563 − 23 = 540; − 185 to RUR = 355; − 193 restored from 2014 = 162", async () => {
    // Malmö stad, Årsredovisning 2015, Balanskravsutredning (research/balanskrav.md §1). No fund money: the
    // model's own rows are 0 and the kommun's figures are typed into the yellow rows of 2015.
    const answers = smallModel({
      firstYear: 2015, years: 2, unit: "Mkr", openingBalance: 0,
      actors: [{ name: "Stadskontoret", principal: "kommun", cashableShare: 1 }],
      projects: [{ name: "Inget", owner: "Stadskontoret", disbursements: [0, 0], cofinancingShare: 0 }],
    });
    const plan = buildPlan(answers, "sv");
    const { hf } = await buildAndRecalculate(answers, "sv");
    const rows = rowsOf(plan);
    write(hf, "sv", rows.ownResult, [[563]]);
    write(hf, "sv", rows.capitalGains, [[23]]);
    write(hf, "sv", rows.toReserve, [[185]]);
    write(hf, "sv", rows.priorDeficit, [[193]]);
    const first = (key: keyof typeof rows) => read(hf, "sv", rows[key])[0][0];
    expect(first("fundEffect")).toBe(0);
    expect(first("yearResult")).toBe(563);
    expect(first("afterAdjustments")).toBe(540);
    expect(first("balanceResult")).toBe(355);
    expect(first("afterRestoring")).toBe(162);
    expect([first("toRestoreEquity"), first("toRestoreOperating")]).toEqual([0, 0]);
    // (Without any investment only the benefit-cost ratio is an error, #DIV/0!, as it should be.)
    expect(errorsIn(hf).filter((e) => !e.startsWith("Resultat!R7"))).toEqual([]);
    hf.destroy();
  });

  describe("the fund's effect under reserved equity and under the operating budget", () => {
    // 1000 tkr of reserved equity paid to one project in 2025; Soc realises a cashable saving of 300 a year
    // from 2026, the fund bears the risk (repaid 300 a year 2026–28). The kommun's own result in 2025: +200.
    // 2025: årets resultat = 200 − 1000 = −800 = the balanskravsresultat; 2026–28: +300 a year.
    const answers = smallModel({
      openingBalance: 1000,
      actors: [{ name: "Soc", principal: "kommun", cashableShare: 1 }],
      projects: [{ name: "P", owner: "Soc", disbursements: [1000, 0, 0, 0], cofinancingShare: 0 }],
      costs: [{ project: "P", actor: "Soc", baseline: [0, 300, 300, 300], intervention: [0, 0, 0, 0] }],
    });
    const plan = buildPlan(answers, "sv");
    const rows = rowsOf(plan);
    let hf: HyperFormula;
    beforeEach(async () => {
      ({ hf } = await buildAndRecalculate(answers, "sv"));
      write(hf, "sv", rows.ownResult, [[200]]);
    });
    afterEach(() => hf.destroy());
    const row = (key: keyof typeof rows) => read(hf, "sv", rows[key])[0];
    const setChoice = (offset: number, value: string) => {
      // The two choices sit above the year header: claim (Ja/Nej), then repayments back (Ja/Nej).
      const area = parseArea(rows.ownResult.address);
      hf.setCellContents({ sheet: hf.getSheetId("Fond")!, row: area.row - 3 + offset, col: area.column }, value);
    };

    test("årets resultat [−800, 300, 300, 300]; to restore −800 under both forms while no synnerliga skäl are claimed", () => {
      expect(row("fundCosts")).toEqual([-1000, 0, 0, 0]);
      expect(row("realisedSavings")).toEqual([0, 300, 300, 300]);
      expect(row("yearResult")).toEqual([-800, 300, 300, 300]);
      expect(row("balanceResult")).toEqual([-800, 300, 300, 300]);
      expect(row("toRestoreEquity")).toEqual([-800, 0, 0, 0]);
      expect(row("toRestoreOperating")).toEqual([-800, 0, 0, 0]);
    });

    test("claimed as synnerliga skäl: the reserved equity used covers the 800 under reserved equity only", () => {
      setChoice(0, "Ja");
      expect(row("specialReasons")).toEqual([800, 0, 0, 0]);
      expect(row("toRestoreEquity")).toEqual([0, 0, 0, 0]);
      expect(row("toRestoreOperating")).toEqual([-800, 0, 0, 0]);
      // In the operating budget there is no reservation to point to.
      hf.setCellContents({ sheet: hf.getSheetId("Parametrar")!, row: 18, col: 1 }, "driftbudget");
      expect(row("specialReasons")).toEqual([0, 0, 0, 0]);
    });

    test("KL 11 kap. 14 §: with a tax base of 10 000, at most 300 − 1 % · 10 000 = 200 may go to the RUR in 2026", () => {
      const checks = () => read(hf, "sv", plan.anchors.checks).flat().filter((x) => x !== "OK");
      write(hf, "sv", rows.taxBase, [["", 10000]]);
      expect(row("reserveLimit")).toEqual(["", 200, "", ""]);
      write(hf, "sv", rows.toReserve, [["", 250]]);
      expect(checks()).toEqual(["1 år med mer till reserven än lagen tillåter"]);
      expect(row("balanceResult")).toEqual([-800, 50, 300, 300]);
      write(hf, "sv", rows.toReserve, [["", 200]]);
      expect(checks()).toEqual([]);
    });

    test("the reservation reconciles to the fund projection: 1000 − 1000, then + 300 a year; kept in the result, it differs by the repayments", () => {
      expect(row("reservedClosing")).toEqual([0, 300, 600, 900]);
      expect(row("reservedDifference")).toEqual([0, 0, 0, 0]);
      setChoice(1, "Nej");
      expect(row("reservedClosing")).toEqual([0, 0, 0, 0]);
      expect(row("reservedDifference")).toEqual([0, -300, -600, -900]);
    });
  });
});

describe("the audit's other model kinds recalculate to an independent reference, with every check OK", () => {
  test("kr with öre: repayments rounded to whole kronor by the engine's rule; the fund closes at opening − disbursed + repaid", async () => {
    // 100 000.50 kr disbursed in 2025; the fund bears the risk; cashable savings with öre at two förvaltningar.
    const answers = smallModel({
      unit: "kr", years: 3, openingBalance: 250000.75,
      actors: [
        { name: "Soc", principal: "kommun", cashableShare: 1 },
        { name: "Utb", principal: "kommun", cashableShare: 0.5 },
      ],
      projects: [{ name: "P", owner: "Soc", disbursements: [100000.5, 0, 0], cofinancingShare: 0 }],
      costs: [
        { project: "P", actor: "Soc", baseline: [0, 50000.25, 60000.75], intervention: [0, 0, 0] },
        { project: "P", actor: "Utb", baseline: [0, 30000.4, 0], intervention: [0, 0, 0] },
      ],
    });
    const plan = buildPlan(answers, "sv");
    const { hf } = await buildAndRecalculate(answers, "sv");
    // The reference: the engine's REPAYMENT on the cashable savings (Utb at 50 %), 0 decimals.
    const want = repayment([100000.5, 0, 0], [[0, 50000.25, 60000.75], [0, 15000.2, 0]], { decimals: 0 });
    const repaid = [0, 1, 2].map((t) => want[0][t] + want[1][t]);
    expect(read(hf, "sv", plan.anchors.repaymentByAdministration)).toEqual(want);
    expect(want.flat().every((x) => Number.isInteger(x))).toBe(true);
    const closing = read(hf, "sv", plan.anchors.fundProjection)[5];
    closing.forEach((x, t) => close(x, 250000.75 - 100000.5 + repaid.slice(0, t + 1).reduce((a, b) => a + b, 0), 9));
    // The cap check guards issue 8.2: a total rounded above the 100 000.50 disbursed (100 001 under the old
    // rounding rule) is reported in words; with the cap rounded down first (100 000) it is OK.
    const total = repaid.reduce((a, b) => a + b, 0);
    const problems = read(hf, "sv", plan.anchors.checks).flat().filter((x) => x !== "OK");
    expect(problems).toEqual(total <= 100000.5 ? [] : ["1 projekt återför mer än fonden betalat ut"]);
    hf.destroy();
  });

  test("pooled, 50 % and 60 % co-financing, a region-owned project: no repayment, the fund depleted, the views' investments", async () => {
    // The case of issue 8.3 under the pooled model: the fund pays [600, 1100, 1100, 700] and gets nothing back.
    const answers = regionCase;
    const plan = buildPlan(answers, "en");
    const { hf } = await buildAndRecalculate(answers, "en");
    expect(read(hf, "en", plan.anchors.fundProjection)[5]).toEqual([4400, 3300, 2200, 1500]);
    expect(read(hf, "en", plan.anchors.repaymentByAdministration).flat().every((x) => x === 0)).toBe(true);
    // Public sector: the region's own 60 % counts too, so it equals the whole cost here.
    expect(read(hf, "en", plan.anchors.publicInvestment)).toEqual([[1200, 2450, 2550, 1750]]);
    expect(read(hf, "en", plan.anchors.municipalInvestment)).toEqual([[1200, 1700, 1500, 700]]);
    expect(read(hf, "en", plan.anchors.checks).flat().filter((x) => x !== "OK")).toEqual([]);
    hf.destroy();
  });
});
