/**
 * Behaviour pinned: building a model through the Excel API (against the in-memory double): the sheets,
 * tables and charts it creates, at most 3 round trips, nothing of the user's overwritten, a clean
 * rollback when Excel fails midway, and a second build recognised through the workbook settings.
 */
import { installOfficeStandIn, type StandIn, WorkbookDouble } from "../../src/preview/workbookDouble";
import { buildModel, findExistingModel, MODEL_RECORD_PREFIX, MODEL_SETTING_KEY, ModelBuildError } from "../../src/taskpane/excel/buildModel";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { defaultAnswers } from "../../src/taskpane/model/answers";
import { createSocinvWorkbook } from "../support/hyperformula";
import { EXCEL_REQUEST_SAFE_BYTES, EXCEL_WEB_REQUEST_BYTES } from "../../src/engine/limits";

const NOW = () => new Date("2025-03-01T10:00:00Z");

function userWorkbook(): WorkbookDouble {
  const workbook = new WorkbookDouble();
  workbook.addSheet("Budget 2025", [["Förvaltning", "Ram"], ["Socialförvaltningen", 300000], ["Total", "=SUM(B2:B2)"]]);
  workbook.addSheet("Fond", [["Min egen fondanteckning"], [null, 42]]);
  workbook.addSheet("Parametrar", [["Ränta", 0.04]]);
  return workbook;
}

describe("a full build of the Swedish example", () => {
  let standIn: StandIn;
  beforeEach(() => {
    standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
  });

  test("creates eight sheets, ten tables and four charts in two round trips, and records the model", async () => {
    const report = await buildModel(exampleAnswers("sv"), "sv", { now: NOW });
    expect(report).toEqual({
      sheets: ["Parametrar", "Aktörer", "Projekt", "Kostnader", "Återföring", "Fond", "Resultat", "Enhetskostnader"],
      tables: ["Parametrar", "Aktörer", "Projekt", "Effekter", "Utgångsläge", "Insatskostnad", "Utfall", "Optimismjustering", "Enhetskostnader", "Prisindex"],
      charts: [
        "Återföring per förvaltning",
        "Fondens utgående saldo",
        "Ackumulerad nettonytta (korsar noll vid återbetalningstiden)",
        "Nuvärde av besparingen per aktör",
      ],
      syncs: 2,
    });
    expect(standIn.syncCount()).toBe(2);
    const wb = standIn.workbook;
    expect(wb.sheets.map((s) => s.name)).toEqual(["Blad1", ...report.sheets]);
    expect(wb.activeSheet).toBe("Parametrar");
    expect(wb.allTables().map((t) => [t.sheet, t.name, t.style])).toEqual([
      ["Parametrar", "Parametrar", "TableStyleLight1"],
      ["Aktörer", "Aktörer", "TableStyleLight1"],
      ["Projekt", "Projekt", "TableStyleLight1"],
      ["Kostnader", "Effekter", "TableStyleLight1"],
      ["Kostnader", "Utgångsläge", "TableStyleLight1"],
      ["Kostnader", "Insatskostnad", "TableStyleLight1"],
      ["Kostnader", "Utfall", "TableStyleLight1"],
      ["Kostnader", "Optimismjustering", "TableStyleLight1"],
      ["Enhetskostnader", "Enhetskostnader", "TableStyleLight1"],
      ["Enhetskostnader", "Prisindex", "TableStyleLight1"],
    ]);
    const fund = wb.sheet("Fond")!;
    expect(fund.charts).toHaveLength(1);
    expect(fund.charts[0]).toMatchObject({ type: "Line", title: "Fondens utgående saldo", series: [{ name: "Utgående saldo", values: "Fond!B15:K15", categories: "Fond!B5:K5" }] });
    const repayment = wb.sheet("Återföring")!;
    expect(repayment.charts[0].type).toBe("ColumnStacked");
    expect(repayment.charts[0].series.map((s) => s.name)).toEqual(["Sektor utbildning, kultur och fritid", "Sektor arbete, trygghet och omsorg"]);
    // Inputs are light yellow; headers bold; amounts formatted; the projection's header frozen.
    const actors = wb.sheet("Aktörer")!;
    expect(actors.get("C7")).toMatchObject({ value: 0.5, fill: "#FFF2CC", numberFormat: "0.0%" });
    expect(actors.get("A6")).toMatchObject({ value: "Aktör", bold: true });
    expect(fund.get("B15")).toMatchObject({ formula: null, numberFormat: "#,##0" });
    expect(fund.frozen).toEqual({ rows: 5, columns: 1 });
    // One settings key per model (the build's id), so that no build writes over another's record.
    const keys = [...wb.settings.keys()];
    expect(keys).toEqual([expect.stringMatching(/^socinv\.model\.[0-9a-f]{12}$/)]);
    expect(wb.settings.get(keys[0])).toMatchObject({
      version: 4, id: keys[0].slice(MODEL_RECORD_PREFIX.length), sheets: report.sheets, createdAt: "2025-03-01T10:00:00.000Z", language: "sv", repaymentModel: "key",
    });
  });

  test("the Excel table header cells are text, as Excel stores them", async () => {
    await buildModel(exampleAnswers("sv"), "sv");
    expect(standIn.workbook.sheet("Projekt")!.get("D6")!.value).toBe("2012");
  });

  test("a second build is refused while the first model's sheets exist; findExistingModel reports it", async () => {
    await buildModel(exampleAnswers("sv"), "sv", { now: NOW });
    const before = standIn.workbook.snapshot();
    await expect(buildModel(exampleAnswers("sv"), "sv")).rejects.toThrow(/Arbetsboken har redan en modell \(Parametrar, Aktörer/);
    expect(standIn.workbook.snapshot()).toEqual(before);
    const first = { sheets: ["Parametrar", "Aktörer", "Projekt", "Kostnader", "Återföring", "Fond", "Resultat", "Enhetskostnader"], createdAt: "2025-03-01T10:00:00.000Z", language: "sv" };
    await expect(findExistingModel()).resolves.toMatchObject({ ...first, count: 1, models: [first] });
  });

  test("a second model is recorded beside the first: findExistingModel returns the newest and both", async () => {
    await buildModel(exampleAnswers("sv"), "sv", { now: NOW });
    await buildModel(defaultAnswers("en", new Date(2025, 0, 1)), "en", { allowAnotherModel: true, now: () => new Date("2025-04-02T08:00:00Z") });
    const first = { sheets: ["Parametrar", "Aktörer", "Projekt", "Kostnader", "Återföring", "Fond", "Resultat", "Enhetskostnader"], createdAt: "2025-03-01T10:00:00.000Z", language: "sv" };
    const second = { sheets: ["Parameters", "Actors", "Projects", "Costs", "Repayment", "Fund", "Results", "Unit costs"], createdAt: "2025-04-02T08:00:00.000Z", language: "en" };
    await expect(findExistingModel()).resolves.toMatchObject({ ...second, count: 2, models: [first, second] });
    // Deleting the second model's sheets brings the first back as the newest one left.
    for (const name of second.sheets) standIn.workbook.sheets.splice(standIn.workbook.sheets.findIndex((s) => s.name === name), 1);
    await expect(findExistingModel()).resolves.toMatchObject({ ...first, count: 1, models: [first] });
  });

  test("the settings of earlier versions (one record; a list) are still read, and kept as they are when another model is added", async () => {
    await buildModel(exampleAnswers("sv"), "sv", { now: NOW });
    const [key] = [...standIn.workbook.settings.keys()];
    const record = { ...(standIn.workbook.settings.get(key) as object), version: 1, id: undefined };
    standIn.workbook.settings.delete(key);
    for (const legacy of [record, { version: 2, models: [record] }]) {
      standIn.workbook.settings.clear();
      standIn.workbook.settings.set(MODEL_SETTING_KEY, legacy);
      await expect(findExistingModel()).resolves.toMatchObject({ createdAt: "2025-03-01T10:00:00.000Z", count: 1 });
      await expect(buildModel(exampleAnswers("sv"), "sv")).rejects.toThrow(/Arbetsboken har redan en modell/);
      const second = await buildModel(exampleAnswers("sv"), "sv", { allowAnotherModel: true });
      await expect(findExistingModel()).resolves.toMatchObject({ count: 2, sheets: expect.arrayContaining(["Parametrar (2)"]) });
      expect(standIn.workbook.settings.get(MODEL_SETTING_KEY)).toEqual(JSON.parse(JSON.stringify(legacy)));
      for (const name of second.sheets) standIn.workbook.sheets.splice(standIn.workbook.sheets.findIndex((s) => s.name === name), 1);
    }
  });

  test("asked to, it builds another model beside the first on free names", async () => {
    await buildModel(exampleAnswers("sv"), "sv");
    const report = await buildModel(defaultAnswers("sv", new Date(2025, 0, 1)), "sv", { allowAnotherModel: true });
    expect(report.sheets).toEqual(["Parametrar (2)", "Aktörer (2)", "Projekt (2)", "Kostnader (2)", "Återföring (2)", "Fond (2)", "Resultat (2)", "Enhetskostnader (2)"]);
    // The default model's effect is entered as volume × unit cost: its Volym table is the workbook's first.
    expect(report.tables).toEqual(["Parametrar2", "Aktörer2", "Projekt2", "Effekter2", "Volym", "Utfall2", "Optimismjustering2", "Enhetskostnader2", "Prisindex2"]);
    expect(report.syncs).toBe(2);
  });

  test("findExistingModel is null in an empty workbook and once the model's sheets are gone", async () => {
    await expect(findExistingModel()).resolves.toBeNull();
    standIn.workbook.settings.set(MODEL_SETTING_KEY, { sheets: ["Borttaget blad"], createdAt: "x", language: "sv" });
    await expect(findExistingModel()).resolves.toBeNull();
  });
});

describe("the user's workbook already has sheets called Fond and Parametrar", () => {
  test("the model goes on free names, every reference follows, and not one user cell changes", async () => {
    const workbook = userWorkbook();
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE", workbook });
    const userSheets = () => workbook.sheets.filter((s) => ["Budget 2025", "Fond", "Parametrar"].includes(s.name)).map((s) => ({ name: s.name, cells: [...s.cells.entries()].map(([k, c]) => [k, { ...c }]) }));
    const before = JSON.stringify(userSheets());
    const report = await buildModel(exampleAnswers("sv"), "sv");
    expect(report.sheets).toEqual(["Parametrar (2)", "Aktörer", "Projekt", "Kostnader", "Återföring", "Fond (2)", "Resultat", "Enhetskostnader"]);
    expect(JSON.stringify(userSheets())).toBe(before);
    expect(standIn.syncCount()).toBeLessThanOrEqual(3);
    const formulas = workbook.sheets.flatMap((s) => [...s.cells.values()].map((c) => c.formula ?? "")).join("\n");
    expect(formulas).toContain("'Parametrar (2)'!$B$17");
    expect(formulas).not.toMatch(/'Parametrar'!|'Fond'!/);
    // …and the renamed model still calculates: the closing balance of the last year is 10 000 tkr.
    const hf = createSocinvWorkbook(Object.fromEntries(workbook.sheets.map((s) => [s.name, s.contents()])));
    expect(hf.getCellValue({ sheet: hf.getSheetId("Fond (2)")!, row: 14, col: 10 })).toBe(10000);
    hf.destroy();
  });
});

describe("Excel rejects the batch midway", () => {
  /** The operations a successful build runs, to place failures inside it. */
  async function operationsOfABuild(): Promise<number> {
    const probe = installOfficeStandIn({ displayLanguage: "sv-SE", workbook: userWorkbook() });
    await buildModel(exampleAnswers("sv"), "sv");
    return probe.operationCount();
  }

  test.each([0.02, 0.3, 0.6, 0.99])("failing at %p of the way: the created sheets are removed, user data intact, a localized error", async (fraction) => {
    const total = await operationsOfABuild();
    const workbook = userWorkbook();
    const before = workbook.snapshot();
    // The first round trip loads 4 objects; fail inside the second, at the given fraction of it.
    const failAfter = 4 + Math.floor((total - 4) * fraction);
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE", workbook, failAfterOperations: failAfter });
    const error = await buildModel(exampleAnswers("sv"), "sv").catch((e: unknown) => e);
    // The sheets are added first in the batch, so some existed: load + write + (list, delete) = 4 syncs.
    expect(standIn.syncCount()).toBe(4);
    expect(error).toBeInstanceOf(ModelBuildError);
    expect((error as ModelBuildError).rolledBack).toBe(true);
    expect((error as ModelBuildError).message).toMatch(/^Modellen kunde inte byggas: .*Det som hann skapas har tagits bort; dina egna blad är orörda\.$/);
    expect(workbook.snapshot()).toEqual(before);
  });

  test("failing at the very last operation (recording the setting): no setting, no sheets", async () => {
    const total = await operationsOfABuild();
    const workbook = userWorkbook();
    const before = workbook.snapshot();
    installOfficeStandIn({ workbook, failAfterOperations: total - 1 });
    await expect(buildModel(exampleAnswers("sv"), "sv")).rejects.toBeInstanceOf(ModelBuildError);
    expect([...workbook.settings.keys()].filter((k) => k.startsWith(MODEL_SETTING_KEY))).toEqual([]);
    expect(workbook.snapshot()).toEqual(before);
  });

  test("the English message is English", async () => {
    installOfficeStandIn({ displayLanguage: "en-US", failAfterOperations: 50 });
    await expect(buildModel(exampleAnswers("en"), "en")).rejects.toThrow(/^The model could not be built: .*your own sheets are untouched\.$/);
  });

  test("a failure in the first round trip leaves nothing to undo", async () => {
    const workbook = userWorkbook();
    const before = workbook.snapshot();
    installOfficeStandIn({ workbook, failAfterOperations: 1 });
    const error = (await buildModel(exampleAnswers("en"), "en").catch((e: unknown) => e)) as ModelBuildError;
    expect(error.rolledBack).toBe(true);
    expect(workbook.snapshot()).toEqual(before);
  });
});

describe("the largest model the validation allows", () => {
  test("20 projects × 20 actors × 30 years: every request within Excel on the web's 5 MB, at most three round trips", async () => {
    // About 4 MB of writes (the double measures 3.9 MB): above the safe bound of 4 MB estimated, so the
    // writes go in two requests (issue 9 item 13) — three round trips with the first read.
    const standIn = installOfficeStandIn({ requestLimitBytes: EXCEL_WEB_REQUEST_BYTES });
    const answers = { ...defaultAnswers("en", new Date(2025, 0, 1)), years: 30 };
    answers.actors = Array.from({ length: 20 }, (_, i) => ({ name: `Actor ${i}`, principal: i < 10 ? ("kommun" as const) : ("region" as const), cashableShare: 1, frame: 1000 }));
    answers.projects = Array.from({ length: 20 }, (_, i) => ({ name: `Project ${i}`, owner: "Actor 0", disbursements: new Array<number>(30).fill(10), cofinancingShare: 0 }));
    // Every project affects every actor: 400 effect rows.
    answers.effects = answers.projects.flatMap((p) => answers.actors.map((a) => ({ kind: "saving" as const, project: p.name, actor: a.name, saving: new Array<number>(30).fill(1) })));
    const report = await buildModel(answers, "en");
    expect(report.syncs).toBe(3);
    expect(standIn.syncCount()).toBe(3);
    expect(Math.max(...standIn.requestSizes())).toBeLessThan(EXCEL_REQUEST_SAFE_BYTES);
    // Costs: 400 rows in each of the eight blocks (effects, saving, gross, net, cashable, outcome, two repayable).
    expect(standIn.workbook.sheet("Costs")!.usedArea()!.rows).toBeGreaterThan(8 * 400);
  });
});

describe("invalid answers never reach Excel", () => {
  test("a ModelBuildError naming the fields, and no round trip", async () => {
    const standIn = installOfficeStandIn();
    const answers = { ...exampleAnswers("en"), years: 0 };
    await expect(buildModel(answers, "en")).rejects.toThrow(/years: The number of years must be a whole number between 2 and 60 \(with a single year/);
    expect(standIn.syncCount()).toBe(0);
  });
});
