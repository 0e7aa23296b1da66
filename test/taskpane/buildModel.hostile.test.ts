/**
 * Issue 9, the Excel side of the pane: builds interleaved with another build or a colleague (item 3),
 * records of a newer version (item 10), a protected workbook (item 12), requests split by size (item
 * 13), names written as text (item 9) and unsafe characters refused before any work.
 */
import { installOfficeStandIn, type StandIn, WorkbookDouble } from "../../src/preview/workbookDouble";
import { EXCEL_REQUEST_SAFE_BYTES, EXCEL_WEB_REQUEST_BYTES, MODEL_MAX_COST_CELLS } from "../../src/engine/limits";
import { buildModel, findExistingModel, MODEL_RECORD_PREFIX, MODEL_SETTING_KEY, ModelBuildError } from "../../src/taskpane/excel/buildModel";
import { sheetsOfThisBuild } from "../../src/taskpane/excel/rollback";
import { groupSteps, queueSheet, sheetSteps } from "../../src/taskpane/excel/writeSheet";
import { defaultAnswers, type ModelAnswers } from "../../src/taskpane/model/answers";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { buildPlan, type SheetPlan } from "../../src/taskpane/model/plan";

const SWEDISH_SHEETS = ["Parametrar", "Aktörer", "Projekt", "Kostnader", "Återföring", "Fond", "Resultat", "Enhetskostnader"];

type Turn = string | (() => void);

/**
 * Interleaves Excel.run batches: the runs are labelled A, B … in the order they start, and each
 * context.sync of a run waits until the schedule names that run; a function in the schedule is done
 * (e.g. a colleague adds a sheet) when it is reached. After the schedule every sync runs freely.
 */
function interleave(schedule: Turn[]): { syncsOf: (label: string) => number } {
  const excel = (globalThis as unknown as { Excel: { run: (batch: (context: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> } }).Excel;
  const run = excel.run;
  let started = 0;
  let position = 0;
  const syncs = new Map<string, number>();
  const turn = async (label: string) => {
    for (;;) {
      while (typeof schedule[position] === "function") (schedule[position++] as () => void)();
      if (position >= schedule.length) return;
      if (schedule[position] === label) {
        position++;
        return;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  excel.run = (batch) => {
    const label = String.fromCharCode(65 + started++);
    return run(async (context) => {
      const sync = context.sync.bind(context);
      context.sync = (async () => {
        await turn(label);
        syncs.set(label, (syncs.get(label) ?? 0) + 1);
        return sync();
      }) as typeof context.sync;
      return batch(context);
    });
  };
  return { syncsOf: (label) => syncs.get(label) ?? 0 };
}

const modelKeys = (workbook: WorkbookDouble) => [...workbook.settings.keys()].filter((k) => k.startsWith(MODEL_RECORD_PREFIX));
const sheetNames = (workbook: WorkbookDouble) => workbook.sheets.map((s) => s.name);

describe("two builds at once (two people co-authoring the workbook)", () => {
  test("the same names: B fails and removes only its own sheet; A's eight sheets and record stay", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    // A reads, B reads, A writes (succeeds), B writes (its rename to "Parametrar" fails), B rolls back.
    interleave(["A", "B", "A", "B", "B", "B"]);
    const [a, b] = await Promise.allSettled([buildModel(exampleAnswers("sv"), "sv"), buildModel(exampleAnswers("sv"), "sv")]);
    expect(a.status).toBe("fulfilled");
    expect(b.status).toBe("rejected");
    const error = (b as PromiseRejectedResult).reason as ModelBuildError;
    expect(error.rolledBack).toBe(true);
    // The old rollback deleted every sheet named in B's plan that was not there at B's first read: A's eight.
    expect(sheetNames(standIn.workbook)).toEqual(["Blad1", ...SWEDISH_SHEETS]);
    expect(standIn.workbook.sheet("Fond")!.get("A1")!.value).toEqual(expect.any(String));
    expect(modelKeys(standIn.workbook)).toHaveLength(1);
    await expect(findExistingModel()).resolves.toMatchObject({ sheets: SWEDISH_SHEETS, count: 1 });
  });

  test("different names (a Swedish and an English model): both succeed and both are recorded", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    interleave(["A", "B", "A", "B"]);
    const reports = await Promise.all([
      buildModel(exampleAnswers("sv"), "sv", { now: () => new Date("2025-01-01T00:00:00Z") }),
      buildModel(exampleAnswers("en"), "en", { now: () => new Date("2025-01-02T00:00:00Z") }),
    ]);
    expect(reports.map((r) => r.syncs)).toEqual([2, 2]);
    // With one shared key, B wrote its list (read before A's record existed) over A's: A's model was lost.
    expect(modelKeys(standIn.workbook)).toHaveLength(2);
    const found = await findExistingModel();
    expect(found).toMatchObject({ count: 2, sheets: reports[1].sheets });
    expect(found!.models.map((m) => m.sheets)).toEqual([reports[0].sheets, reports[1].sheets]);
  });

  test("B writes first and A fails: A removes only its own, and the record left is B's", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    interleave(["A", "B", "B", "A", "A", "A"]);
    const [a, b] = await Promise.allSettled([buildModel(exampleAnswers("sv"), "sv"), buildModel(defaultAnswers("sv", new Date(2025, 0, 1)), "sv")]);
    expect([a.status, b.status]).toEqual(["rejected", "fulfilled"]);
    expect(sheetNames(standIn.workbook)).toEqual(["Blad1", ...SWEDISH_SHEETS]);
    const keys = modelKeys(standIn.workbook);
    expect(keys).toHaveLength(1);
    expect(standIn.workbook.settings.get(keys[0])).toMatchObject({ firstYear: 2025 });
  });
});

describe("a colleague's sheet created between the two round trips", () => {
  function workbookWithFond(): WorkbookDouble {
    const workbook = new WorkbookDouble();
    workbook.addSheet("Fond", [["Min egen fondanteckning"]]);
    return workbook;
  }

  test("under the next free name ('Fond (2)'): kept with its content, only this build's sheets removed", async () => {
    const workbook = workbookWithFond();
    installOfficeStandIn({ displayLanguage: "sv-SE", workbook });
    interleave(["A", () => workbook.addSheet("Fond (2)", [["Kollegans blad"]]), "A", "A", "A"]);
    const error = (await buildModel(exampleAnswers("sv"), "sv").catch((e: unknown) => e)) as ModelBuildError;
    expect(error).toBeInstanceOf(ModelBuildError);
    expect(error.rolledBack).toBe(true);
    // Before: the rollback deleted "Fond (2)" by name, while the message said the user's sheets were untouched.
    expect(sheetNames(workbook)).toEqual(["Fond", "Fond (2)"]);
    expect(workbook.sheet("Fond (2)")!.get("A1")!.value).toBe("Kollegans blad");
    expect(modelKeys(workbook)).toEqual([]);
  });

  test("failing at every operation of the creation, with the colleague's sheet there: only ours go", async () => {
    // The creation: the marker (operation 1), eight adds (2–9), eight renames (10–17). The rename to
    // "Resultat" (16) fails by itself, the colleague has the name; fail at every operation before it.
    for (let failAt = 0; failAt < 15; failAt++) {
      const workbook = workbookWithFond();
      const standIn = installOfficeStandIn({ displayLanguage: "sv-SE", workbook });
      interleave(["A", () => {
        workbook.addSheet("Resultat", [["Kollegans resultat"]]);
        standIn.failAfter(failAt);
      }]);
      await expect(buildModel(exampleAnswers("sv"), "sv")).rejects.toBeInstanceOf(ModelBuildError);
      expect({ failAt, sheets: sheetNames(workbook) }).toEqual({ failAt, sheets: ["Fond", "Resultat"] });
      expect(workbook.sheet("Resultat")!.get("A1")!.value).toBe("Kollegans resultat");
    }
  });
});

describe("which sheets are this build's (rollback.ts)", () => {
  const created = ["P", "A", "F"].map((planned, i) => ({ planned, temporary: `~t ${i + 1}` }));
  test.each([
    ["all renamed, a later write failed", [{ name: "P", id: "1" }, { name: "A", id: "2" }, { name: "F", id: "3" }], ["P", "A", "F"]],
    ["the second rename failed: its name was taken", [{ name: "P", id: "1" }, { name: "~t 2", id: "2" }, { name: "~t 3", id: "3" }, { name: "A", id: "x" }], ["P", "~t 2", "~t 3"]],
    ["the third add failed", [{ name: "~t 1", id: "1" }, { name: "~t 2", id: "2" }, { name: "P", id: "y" }], ["~t 1", "~t 2"]],
    ["no add ran; a colleague made F meanwhile", [{ name: "F", id: "y" }], []],
    ["a planned name is an old sheet: not all renames ran", [{ name: "P", id: "old" }, { name: "A", id: "2" }, { name: "F", id: "3" }], []],
  ])("%s", (_, now, ours) => {
    expect(sheetsOfThisBuild(now, created, new Set(["old"]), null).map((s) => s.name)).toEqual(ours);
  });

  test("once the ids are known they alone decide", () => {
    expect(sheetsOfThisBuild([{ name: "P", id: "1" }, { name: "A", id: "9" }], created, new Set(), new Set(["9"])).map((s) => s.name)).toEqual(["A"]);
  });
});

describe("records of a newer version of the add-in (item 10)", () => {
  test("{version: 3, future: …} under the old key keeps `future`: it is never written over", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    const newer = { version: 3, future: { scenarios: [1, 2] }, models: [{ sheets: ["Blad1"], createdAt: "2030-01-01T00:00:00.000Z", language: "sv", extra: true }] };
    standIn.workbook.settings.set(MODEL_SETTING_KEY, newer);
    await expect(buildModel(exampleAnswers("sv"), "sv")).rejects.toThrow(/redan en modell/);
    await buildModel(exampleAnswers("sv"), "sv", { allowAnotherModel: true });
    // Before: the next build wrote {version: 2, models} over it and `future` was gone.
    expect(standIn.workbook.settings.get(MODEL_SETTING_KEY)).toEqual(newer);
    await expect(findExistingModel()).resolves.toMatchObject({ count: 2 });
  });

  test("a record this version cannot read at all refuses the build, says why, and stays as it is", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    const unknown = { version: 9, layout: { sheetIds: ["{1}"] } };
    standIn.workbook.settings.set(`${MODEL_RECORD_PREFIX}abc`, unknown);
    const before = standIn.workbook.snapshot();
    const error = (await buildModel(exampleAnswers("sv"), "sv").catch((e: unknown) => e)) as ModelBuildError;
    expect(error.messageIn("sv")).toMatch(/nyare version av tillägget/);
    expect(error.messageIn("en")).toMatch(/newer version of the add-in/);
    expect(standIn.workbook.snapshot()).toEqual(before);
    expect(standIn.syncCount()).toBe(1);
  });
});

describe("a protected workbook (item 12)", () => {
  test("a protected structure is found in the first round trip and reported in the pane's language; nothing is written", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    standIn.workbook.structureProtected = true;
    const before = standIn.workbook.snapshot();
    const error = (await buildModel(exampleAnswers("sv"), "sv").catch((e: unknown) => e)) as ModelBuildError;
    expect(error).toBeInstanceOf(ModelBuildError);
    // Before: the build failed midway with Excel's "You cannot perform the requested operation".
    expect(error.message).toMatch(/^Arbetsbokens struktur är skyddad/);
    expect(error.messageIn("en")).toMatch(/^The workbook's structure is protected/);
    expect(error.rolledBack).toBe(true);
    expect(standIn.syncCount()).toBe(1);
    expect(standIn.workbook.snapshot()).toEqual(before);
  });

  test("protected between the round trips (a co-author): the build fails, nothing of it is left", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    const before = standIn.workbook.snapshot();
    interleave(["A", () => { standIn.workbook.structureProtected = true; }]);
    const error = (await buildModel(exampleAnswers("sv"), "sv").catch((e: unknown) => e)) as ModelBuildError;
    expect(error.rolledBack).toBe(true);
    standIn.workbook.structureProtected = false;
    expect(standIn.workbook.snapshot()).toEqual({ ...(before as object), structureProtected: false });
  });

  test("a protected sheet of the user's does not matter: the pane never writes an existing sheet", async () => {
    const workbook = new WorkbookDouble();
    workbook.addSheet("Fond", [["Låst"]]).protection = { protected: true, options: {} };
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE", workbook });
    const report = await buildModel(exampleAnswers("sv"), "sv");
    expect(report.sheets).toContain("Fond (2)");
    expect(report.syncs).toBe(2);
    expect(standIn.workbook.sheet("Fond")!.get("A1")!.value).toBe("Låst");
  });
});

describe("the request size (item 13)", () => {
  function largestAnswers(): ModelAnswers {
    // projects × actors × years at the limit: 10 × 20 × 60 = 12 000 cost cells.
    const years = 60;
    const answers = { ...defaultAnswers("sv", new Date(2025, 0, 1)), years };
    answers.actors = Array.from({ length: 20 }, (_, i) => ({ name: `Förvaltning ${i + 1}`, principal: "kommun" as const, cashableShare: 1, frame: 1000 }));
    answers.projects = Array.from({ length: 10 }, (_, i) => ({ name: `Projekt ${i + 1}`, owner: "Förvaltning 1", disbursements: new Array<number>(years).fill(10), cofinancingShare: 0 }));
    expect(answers.projects.length * answers.actors.length * years).toBe(MODEL_MAX_COST_CELLS);
    return answers;
  }

  test("the estimate agrees with the double's measure, and the largest model needs at most two write requests", async () => {
    const plan = buildPlan(largestAnswers(), "sv");
    const bytes = plan.sheets.flatMap(sheetSteps).reduce((sum, step) => sum + step.bytes, 0);
    // The formulas alone are a lower bound of the request.
    const formulas = JSON.stringify(plan.sheets.map((s) => s.writes.map((w) => w.formulas))).length;
    expect(bytes).toBeGreaterThan(formulas);
    expect(bytes).toBeLessThan(EXCEL_WEB_REQUEST_BYTES);
    expect(groupSteps(plan.sheets.flatMap(sheetSteps), EXCEL_REQUEST_SAFE_BYTES).length).toBeLessThanOrEqual(2);
    // The example: the estimate errs on the safe side, by at most 60 % of what the double measures.
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    await buildModel(exampleAnswers("sv"), "sv");
    const measured = standIn.requestSizes()[1];
    const estimated = buildPlan(exampleAnswers("sv"), "sv").sheets.flatMap(sheetSteps).reduce((sum, step) => sum + step.bytes, 0);
    expect(estimated / measured).toBeGreaterThan(1);
    expect(estimated / measured).toBeLessThan(1.6);
  });

  test("a request Excel on the web would refuse is split before it is sent", async () => {
    // A double whose request limit is 100 kB, below the example's ~180 kB: in one request the build fails …
    const limited = installOfficeStandIn({ displayLanguage: "sv-SE", requestLimitBytes: 100_000 });
    const before = limited.workbook.snapshot();
    await expect(buildModel(exampleAnswers("sv"), "sv")).rejects.toThrow(/payload size has exceeded/);
    expect(limited.workbook.snapshot()).toEqual(before);
    // … and with the safe bound below the limit every request fits and the model is built.
    const split = installOfficeStandIn({ displayLanguage: "sv-SE", requestLimitBytes: 100_000 });
    const report = await buildModel(exampleAnswers("sv"), "sv", { requestBudgetBytes: 80_000 });
    expect(report.syncs).toBe(split.syncCount());
    expect(report.syncs).toBeGreaterThanOrEqual(4);
    expect(Math.max(...split.requestSizes())).toBeLessThan(100_000);
  });

  test("above the bound the writes go over more round trips, with the same result", async () => {
    const one = installOfficeStandIn({ displayLanguage: "sv-SE" });
    const options = { now: () => new Date("2025-01-01T00:00:00Z"), buildId: "000000000001" };
    expect((await buildModel(exampleAnswers("sv"), "sv", options)).syncs).toBe(2);
    const split = installOfficeStandIn({ displayLanguage: "sv-SE" });
    const report = await buildModel(exampleAnswers("sv"), "sv", { ...options, requestBudgetBytes: 20_000 });
    const bytes = buildPlan(exampleAnswers("sv"), "sv").sheets.flatMap(sheetSteps).reduce((sum, step) => sum + step.bytes, 0);
    expect(report.syncs).toBeGreaterThanOrEqual(1 + Math.ceil(bytes / 20_000));
    expect(split.syncCount()).toBe(report.syncs);
    expect(split.workbook.snapshot()).toEqual(one.workbook.snapshot());
  });

  test("a failure in a later request of a split build still removes everything it created", async () => {
    const probe = installOfficeStandIn({ displayLanguage: "sv-SE" });
    await buildModel(exampleAnswers("sv"), "sv", { requestBudgetBytes: 20_000 });
    const total = probe.operationCount();
    for (const fraction of [0.5, 0.9, 0.999]) {
      const standIn: StandIn = installOfficeStandIn({ displayLanguage: "sv-SE", failAfterOperations: Math.floor(total * fraction) });
      const before = standIn.workbook.snapshot();
      const error = (await buildModel(exampleAnswers("sv"), "sv", { requestBudgetBytes: 20_000 }).catch((e: unknown) => e)) as ModelBuildError;
      expect(error.rolledBack).toBe(true);
      expect(standIn.syncCount()).toBeGreaterThan(4);
      expect(standIn.workbook.snapshot()).toEqual(before);
    }
  });
});

describe("names written as text (item 9)", () => {
  const NAMES = ["2030", "1,5", "50%", "1/2", "TRUE", "#N/A", "'x", "=1+1"];
  const sheet = (text: boolean): SheetPlan => ({
    key: "actors", name: "Blad1", tables: [], spills: [], charts: [], freeze: { rows: 0, columns: 0 }, columnWidths: [], formats: [], validations: [], conditionalFormats: [],
    writes: [{ address: `A1:A${NAMES.length}`, formulas: NAMES.map((n) => [n]), role: "input", ...(text ? { text: true as const } : {}) }],
  });

  /** Through the writer (text: a write marked text; else a plain write of literal texts), or `raw` straight through range.formulas. */
  async function written(text: boolean, raw = false) {
    const standIn = installOfficeStandIn({ displayLanguage: "en-US" });
    await (globalThis as unknown as { Excel: typeof Excel }).Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem("Sheet1");
      if (raw) worksheet.getRange(`A1:A${NAMES.length}`).formulas = NAMES.map((n) => [n]);
      else queueSheet(worksheet, sheet(text));
      await context.sync();
    });
    return NAMES.map((_, i) => standIn.workbook.sheet("Sheet1")!.get(`A${i + 1}`)!);
  }

  test("a text write keeps every name exactly as typed, in a '@' cell", async () => {
    const cells = await written(true);
    expect(cells.map((c) => [c.value, c.formula, c.error, c.numberFormat])).toEqual(NAMES.map((n) => [n, null, false, "@"]));
  });

  test("in a write not marked text, the literal texts are written as text too (the plan's contract: a string is text)", async () => {
    const cells = await written(false);
    expect(cells.map((c) => [c.value, c.error, c.numberFormat])).toEqual(NAMES.map((n) => (n.startsWith("=") ? [null, false, "General"] : [n, false, "@"])));
    expect(cells[NAMES.length - 1].formula).toBe("=1+1");
  });

  test("(the same names straight through range.formulas become numbers, dates, booleans, errors or formulas)", async () => {
    const cells = await written(false, true);
    expect(cells.map((c) => (c.formula ?? (c.error ? `error ${c.value}` : c.value)))).toEqual([
      2030, "1,5", 0.5, expect.any(Number), true, "error #N/A", "x", "=1+1",
    ]);
  });
});

describe("unsafe characters in names are refused before any work (item 9)", () => {
  test.each(["Social\u0000tjänst", "Skola\u202Egnineerts", "A\u2066B\u2069", "Rad\nbrytning"])("%j", async (name) => {
    const standIn = installOfficeStandIn();
    const answers = exampleAnswers("sv");
    answers.actors[0] = { ...answers.actors[0], name };
    const error = (await buildModel(answers, "sv").catch((e: unknown) => e)) as ModelBuildError;
    expect(error.messageIn("sv")).toMatch(/actors\[0\]\.name: Namnet innehåller ett osynligt styrtecken/);
    expect(error.messageIn("en")).toMatch(/actors\[0\]\.name: The name holds an invisible control character/);
    expect(standIn.syncCount()).toBe(0);
  });
});

describe("drop-down lists and conditional formats (BRIEF interface 2, writer side)", () => {
  const plan: SheetPlan = {
    key: "actors", name: "Sheet1", tables: [], spills: [], charts: [], freeze: { rows: 0, columns: 0 }, columnWidths: [], formats: [],
    writes: [{ address: "B2:B3", formulas: [["kommun"], ["region"]], role: "input" }],
    validations: [{ address: "B2:B3", list: ["kommun", "region", "stat", "individ", "annan"] }],
    conditionalFormats: [{ address: "C5:L7", formula: "=ISTEXT(C5)", fill: "#F8CBAD" }],
  };

  test("each validation is an in-cell drop-down of its list; each format a custom rule relative to its top-left cell", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "en-US" });
    await (globalThis as unknown as { Excel: typeof Excel }).Excel.run(async (context) => {
      queueSheet(context.workbook.worksheets.getItem("Sheet1"), plan);
      await context.sync();
    });
    const sheet = standIn.workbook.sheet("Sheet1")!;
    for (const address of ["B2", "B3"]) expect(sheet.get(address)!.validation).toEqual({ inCellDropDown: true, source: "kommun,region,stat,individ,annan" });
    expect(sheet.get("B4")?.validation ?? null).toBeNull();
    expect(sheet.conditionalFormats).toEqual([expect.objectContaining({ address: "C5:L7", type: "Custom", formula: "=ISTEXT(C5)", fill: "#F8CBAD" })]);
  });

  test("a list item holding a comma is refused: Excel would read it as two items", () => {
    expect(() => sheetSteps({ ...plan, validations: [{ address: "B2", list: ["a,b", "c"] }] })).toThrow(/comma/);
  });
});

describe("a model whose actors and projects have names Excel would change (item 9)", () => {
  const NAMES = ["2030", "1,5", "50%", "1/2", "TRUE", "#N/A", "'x"];

  function renamed(): { answers: ModelAnswers; names: string[] } {
    const answers = exampleAnswers("en");
    const from = [...answers.actors.map((a) => a.name), ...answers.projects.map((p) => p.name)];
    const to = new Map(from.map((name, i) => [name, NAMES[i] ?? name]));
    const rename = (name: string) => to.get(name) ?? name;
    answers.actors = answers.actors.map((a) => ({ ...a, name: rename(a.name) }));
    answers.projects = answers.projects.map((p) => ({ ...p, name: rename(p.name), owner: rename(p.owner) }));
    answers.costs = answers.costs?.map((c) => ({ ...c, project: rename(c.project), actor: rename(c.actor) }));
    return { answers, names: from.map(rename).filter((n) => NAMES.includes(n)) };
  }

  test("every cell the plan gives a name holds it exactly, as text", async () => {
    const { answers, names } = renamed();
    expect(names.length).toBeGreaterThanOrEqual(5);
    const standIn = installOfficeStandIn({ displayLanguage: "en-US" });
    await buildModel(answers, "en");
    const plan = buildPlan(answers, "en");
    let checked = 0;
    for (const sheet of plan.sheets) {
      for (const write of sheet.writes) {
        const area = write.address.match(/^([A-Z]+)(\d+)/)!;
        write.formulas.forEach((row, r) => row.forEach((input, c) => {
          if (typeof input !== "string" || !names.includes(input)) return;
          const column = area[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) + c;
          const address = `${String.fromCharCode(64 + column)}${Number(area[2]) + r}`;
          const cell = standIn.workbook.sheet(sheet.name)!.get(address)!;
          // Before: 2030 a number, 50% 0.5, 1/2 a date, TRUE a boolean, #N/A an error, 'x became x.
          expect({ sheet: sheet.name, address, value: cell.value, error: cell.error }).toEqual({ sheet: sheet.name, address, value: input, error: false });
          checked++;
        }));
      }
    }
    expect(checked).toBeGreaterThanOrEqual(names.length);
  });
});
