/**
 * Issue 10 items 1–3: a model that remembers itself, is changed in place and rolled over a year.
 * The done-when test: every input cell filled with random values, then a project, an actor and a year
 * added and the first year moved; every value read back in its new place, and the recalculated model
 * equal, cell for cell, to a fresh model built from the same inputs.
 */
import fc from "fast-check";
import { installOfficeStandIn, type StandIn, type WorkbookDouble } from "../../src/preview/workbookDouble";
import { buildModel, findExistingModel, MODEL_RECORD_PREFIX, modelTableName } from "../../src/taskpane/excel/buildModel";
import { readModel, updateModel } from "../../src/taskpane/excel/updateModel";
import { goToModel, removeModel } from "../../src/taskpane/excel/models";
import { removeLeftovers } from "../../src/taskpane/excel/leftovers";
import { carryValues, nextBudgetYear } from "../../src/taskpane/model/change";
import { inputLayout, layoutAreas } from "../../src/taskpane/model/readBack";
import type { ModelAnswers } from "../../src/taskpane/model/answers";
import { PRINCIPALS } from "../../src/engine/vocabulary";
import { principalLabel } from "../../src/i18n/model";
import { KPI_YEARS } from "../../src/taskpane/model/unitCosts";
import { createSocinvWorkbook } from "../support/hyperformula";
import { livingModel as base } from "../support/livingModel";

const modelId = (workbook: WorkbookDouble) => [...workbook.settings.keys()].find((k) => k.startsWith(MODEL_RECORD_PREFIX))!.slice(MODEL_RECORD_PREFIX.length);

/** Writes a value into the double as a user types it (no request). */
function type(workbook: WorkbookDouble, sheet: string, row: number, column: number, value: number | string): void {
  const cell = workbook.sheet(sheet)!.ensure(row, column);
  cell.formula = null;
  cell.value = value;
}

/** Every sheet's recalculated values, by sheet name. */
function recalculated(workbook: WorkbookDouble): Record<string, unknown[][]> {
  const hf = createSocinvWorkbook(Object.fromEntries(workbook.sheets.map((s) => [s.name, s.contents()])));
  const out = Object.fromEntries(hf.getSheetNames().map((name) => [name, hf.getSheetValues(hf.getSheetId(name)!)]));
  hf.destroy();
  return out;
}

/** A random whole number of tkr with up to 3 decimals (kronor), exact in a double's 15 digits. */
const money = (rng: () => number) => Math.round(rng() * 1_000_000) / 1000;

describe("the model remembers itself (item 1)", () => {
  test("the record holds the answers and layout; reading back gives what the sheets hold, not the first build", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    await buildModel({ ...base(), name: "Budget" }, "sv");
    const id = modelId(standIn.workbook);
    const record = standIn.workbook.settings.get(MODEL_RECORD_PREFIX + id) as { version: number; name: string; layout: { sheets: Record<string, string> } };
    expect(record.version).toBe(4);
    expect(record.name).toBe("Budget");
    expect(record.layout.sheets.costs).toBe("Kostnader Budget");
    await expect(findExistingModel()).resolves.toMatchObject({ name: "Budget", id, changeable: true });
    // The user types a discount rate and a baseline cost in the sheets.
    const layout = inputLayout({ ...base(), name: "Budget" }, "sv", record.layout as never);
    type(standIn.workbook, "Parametrar Budget", layout.parameters.discountRate.area.row, layout.parameters.discountRate.area.column, 0.04);
    const baseline = layout.entries.baseline!.where.area;
    type(standIn.workbook, "Kostnader Budget", baseline.row, baseline.column + 2, 777.5);
    const read = await readModel(id, "sv");
    expect(read.discountRate).toBe(0.04);
    // The baseline table's one row = project P1 × Soc; year index 2 = 2027.
    expect(read.effects!.find((e) => e.project === "P1" && e.actor === "Soc")).toMatchObject({ kind: "costs", baseline: [10, 20, 777.5, 40] });
    expect(read.actors.map((a) => a.name)).toEqual(["Soc", "Utb", "Region"]);
  });
});

describe("change in place (item 2), the done-when test", () => {
  test("random inputs survive adding a project, an actor, a year and moving the first year; results equal a fresh build", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    await buildModel(base(), "sv");
    const id = modelId(standIn.workbook);
    // Uniform values from fast-check's seeded 32-bit integers (fc.double leans to 0, 1 and tiny values).
    const rng = fc.sample(fc.noBias(fc.integer({ min: 0, max: 0xffffffff })), { numRuns: 2000, seed: 10 }).values();
    const next = () => (rng.next().value as number) / 0x100000000;
    const layout = inputLayout(base(), "sv");
    const names = { parameters: "Parametrar", actors: "Aktörer", projects: "Projekt", costs: "Kostnader", unitCosts: "Enhetskostnader" } as Record<string, string>;
    const kpiYear = () => KPI_YEARS[Math.floor(next() * KPI_YEARS.length)];
    const table = layout.unitCostTable;
    // Fill every input cell: numbers where numbers belong, a valid choice where a choice belongs.
    for (const where of layoutAreas(layout)) {
      for (let r = 0; r < where.area.rows; r++) {
        for (let c = 0; c < where.area.columns; c++) {
          const row = where.area.row + r;
          const column = where.area.column + c;
          let value: number | string = money(next);
          if (where === layout.parameters.timing) value = [0, 0.5, 1][Math.floor(next() * 3)];
          if (where === layout.parameters.lag) value = Math.floor(next() * 3);
          if (where === layout.parameters.decimals) value = 3;
          if ([layout.parameters.discountRate, layout.parameters.repaymentShare].includes(where)) value = Math.round(next() * 100) / 1000;
          if (where === layout.parameters.cofinancingRequirement) value = 0;
          if (where === layout.parameters.fundSource) value = next() < 0.5 ? "Eget kapital" : "Driftbudget";
          if (where === layout.actors) {
            if (c === 0) continue; // names stay (the pairs' labels link to them)
            if (c === 1) value = principalLabel(r < 2 ? "kommun" : PRINCIPALS[1 + Math.floor(next() * 4)], "sv");
            if (c === 2) value = Math.round(next() * 100) / 100;
          }
          if (where === layout.projects) {
            if (c < 2) continue;
            if (c === 2) value = Math.round(next() * 90) / 100;
          }
          if (where === layout.transfers) value = next() < 0.5 ? "Ja" : "Nej";
          // Adjustments within their ranges: deadweight, displacement and dropoff below a half, attribution above.
          if (where === layout.adjustments) value = c === 1 ? 0.5 + Math.round(next() * 500) / 1000 : Math.round(next() * 500) / 1000;
          if (where === layout.optimismBias) value = Math.round(next() * 1000) / 1000;
          // The first volume effect's unit cost stays linked to Enhetskostnader, so the table's values reach the results.
          if (where === layout.unitCost && r === 0) continue;
          if (where === table.priceYear) value = kpiYear();
          if (where === table.items) value = c === 1 ? Math.round(next() * 100_000) : c === 3 ? kpiYear() : `Text ${r}.${c} ${money(next)}`;
          if (where === table.sources) value = `Källa ${r}.${c}`;
          if (where === table.index) {
            if (c === 0) continue; // the years stay (the uplift looks them up)
            value = 250 + Math.round(next() * 20_000) / 100;
          }
          type(standIn.workbook, names[where.sheet], row, column, value);
        }
      }
    }
    const typed = await readModel(id, "sv");
    expect(typed.effects!.length).toBe(4);
    expect(typed.effects!.every((e) => e.outcome?.every((x) => typeof x === "number"))).toBe(true);
    // The unit cost typed over the link is the effect's own now; the one left linked stays linked.
    expect(typed.effects!.filter((e) => e.kind === "volume").map((e) => e.unitCost)).toEqual(["sisTreatmentOpen", expect.any(Number)]);
    expect(typed.unitCostTable!.rows[0]).toMatchObject({ label: expect.stringMatching(/^Text 0\.0 /), unit: expect.stringMatching(/^Text 0\.2 /), source: "Källa 0.0", remark: "Källa 0.1" });

    // The form adds the project with an effect of its own (zeros until the user fills it in).
    const addProject = (a: ModelAnswers): ModelAnswers =>
      carryValues(a, {
        ...a,
        projects: [...a.projects, { name: "P3", owner: "Region", disbursements: [10, 20, 30, 40], cofinancingShare: 0 }],
        effects: [...a.effects!, { kind: "saving", project: "P3", actor: "Region", saving: [0, 0, 0, 0] }],
      });
    const addActor = (a: ModelAnswers): ModelAnswers => carryValues(a, { ...a, actors: [...a.actors, { name: "Stat", principal: "stat", cashableShare: 1 }] });
    const moveFirstYear = (a: ModelAnswers): ModelAnswers => carryValues(a, { ...a, firstYear: a.firstYear - 1, years: a.years + 1 });
    const syncs: number[] = [];
    for (const change of [addProject, addActor, nextBudgetYear, moveFirstYear]) {
      const before = standIn.syncCount();
      const report = await updateModel(id, change, "sv");
      expect(standIn.syncCount() - before).toBe(report.syncs);
      // Two reads (the workbook; the model's input tables and used ranges), one write.
      expect(report.syncs).toBe(3);
      syncs.push(report.writeSyncs);
    }
    expect(syncs).toEqual([1, 1, 1, 1]);

    const after = await readModel(id, "sv");
    expect(after.firstYear).toBe(2024);
    expect(after.years).toBe(6);
    // Every typed value in its new place: scalars as typed, series shifted by the year moved (2024 is new).
    for (const key of ["discountRate", "timing", "repaymentShare", "lag", "openingBalance", "yearlyContribution", "fundFromEquity"] as const) {
      expect(after[key]).toBe(typed[key]);
    }
    for (const actor of typed.actors) expect(after.actors.find((a) => a.name === actor.name)).toEqual(actor);
    for (const project of typed.projects) {
      const now = after.projects.find((p) => p.name === project.name)!;
      expect(now.disbursements).toEqual([0, ...project.disbursements, project.disbursements[3]]);
      expect(now.cofinancingShare).toBe(project.cofinancingShare);
    }
    const shifted = (series: readonly number[]) => [0, ...series, series[3]];
    for (const effect of typed.effects!) {
      const now = after.effects!.find((e) => e.project === effect.project && e.actor === effect.actor)!;
      expect(now.kind).toBe(effect.kind);
      if (effect.kind === "saving" && now.kind === "saving") expect(now.saving).toEqual(shifted(effect.saving));
      if (effect.kind === "costs" && now.kind === "costs") {
        expect(now.baseline).toEqual(shifted(effect.baseline));
        expect(now.intervention).toEqual(shifted(effect.intervention));
      }
      if (effect.kind === "volume" && now.kind === "volume") {
        expect(now.volume).toEqual(shifted(effect.volume));
        expect(now.unitCost).toBe(effect.unitCost);
      }
      expect(now.outcome).toEqual([null, ...effect.outcome!, null]);
      expect(now.transfer ?? false).toBe(effect.transfer ?? false);
      for (const key of ["deadweight", "attribution", "displacement", "dropoff"] as const) expect(now[key]).toBe(effect[key]);
    }
    expect(after.unitCostTable).toEqual(typed.unitCostTable);
    for (const bias of typed.optimismBias!) expect(after.optimismBias!.find((o) => o.project === bias.project)).toEqual(bias);
    // The new project's effect starts with zeros; the new actor has none.
    expect(after.effects!.find((e) => e.project === "P3")).toMatchObject({ kind: "saving", saving: [0, 0, 0, 0, 0, 0] });
    expect(after.effects!.some((e) => e.actor === "Stat")).toBe(false);

    // A fresh model from the same inputs, recalculated: equal cell for cell.
    const fresh = installOfficeStandIn({ displayLanguage: "sv-SE" });
    await buildModel(after, "sv");
    const a = recalculated(standIn.workbook);
    const b = recalculated(fresh.workbook);
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a).toEqual(b);
    // …and a model that computes: no error value anywhere (a year the uplift cannot find would give #N/A).
    expect(JSON.stringify(a)).not.toMatch(/#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?)/);
  }, 120_000);

  test("next budget year marks the carried year as an assumption", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "en-US" });
    await buildModel(base(), "en");
    const id = modelId(standIn.workbook);
    await updateModel(id, nextBudgetYear, "en");
    const answers = await readModel(id, "en");
    expect(answers.years).toBe(5);
    expect(answers.assumedYears).toEqual([2029]);
    expect(answers.projects[0].disbursements).toEqual([100, 100, 0, 0, 0]);
    const costs = standIn.workbook.sheet("Costs")!;
    expect(costs.conditionalFormats.some((f) => JSON.stringify(f).includes("AND(ISNUMBER("))).toBe(true);
    expect(String(costs.get("A2")!.value)).toContain("Assumption: 2029");
  });
});

describe("an update is all or nothing (item 2)", () => {
  async function prepared(): Promise<{ standIn: StandIn; id: string }> {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    standIn.workbook.addSheet("Mitt blad", [["=Kostnader!C8", 1]]);
    await buildModel(base(), "sv", { buildId: "b1", now: () => new Date(0) });
    return { standIn, id: modelId(standIn.workbook) };
  }
  const addActor = (a: ModelAnswers) => carryValues(a, { ...a, actors: [...a.actors, { name: "Stat", principal: "stat", cashableShare: 1 }] });

  test("a failure at any operation before the commit restores the workbook exactly; after it, the change is finished", async () => {
    // One model built once; every run starts from a copy of it (same next sheet id, so the finished states compare).
    const { standIn: original, id } = await prepared();
    // Links that move with the added actor (Återföring's per-actor block starts lower), in a cell and a defined name.
    original.workbook.sheet("Mitt blad")!.ensure(0, 2).formula = "=Återföring!B41";
    original.workbook.names.set("Återföringen", "=Återföring!$B$41:$E$41");
    const probe = installOfficeStandIn({ displayLanguage: "sv-SE", workbook: original.workbook.clone() });
    const first = probe.operationCount();
    await updateModel(id, addActor, "sv", { updateId: "u1", now: () => new Date(0) });
    const total = probe.operationCount() - first;
    const finished = probe.workbook.snapshot();
    const before = original.workbook.snapshot();
    // The links moved: 3 actors → 4, so each project's block in Återföring's three sections above is a row longer (2 × 3 = 6 rows).
    expect(probe.workbook.sheet("Mitt blad")!.content("C1")).toBe("=Återföring!B47");
    expect(probe.workbook.names.get("Återföringen")).toBe("=Återföring!$B$47:$E$47");
    // Every operation of the first request step (marker, renames aside, new sheets, hiding) and of the last
    // (links, commit, deletions); every 7th of the sheet writes between, which are all of one kind.
    const structural = 60;
    const points = Array.from({ length: total }, (_, n) => n).filter((n) => n < structural || n >= total - structural || n % 7 === 0);
    const outcomes: string[] = [];
    for (const failAfter of points) {
      const standIn = installOfficeStandIn({ displayLanguage: "sv-SE", workbook: original.workbook.clone() });
      standIn.failAfter(failAfter);
      const result = await updateModel(id, addActor, "sv", { updateId: "u1", now: () => new Date(0) }).then(
        () => "completed",
        (e: { rolledBack: boolean }) => (e.rolledBack ? "restored" : "failed"),
      );
      expect(standIn.workbook.snapshot()).toEqual(result === "restored" ? before : finished);
      outcomes.push(result === "restored" ? "R" : result === "completed" ? "C" : "F");
    }
    // Restored up to the record, finished after it: the marker's removal and the eight deletions follow the commit.
    expect(outcomes.join("")).toMatch(/^R+C{9}$/);
    console.log(`update: ${total} operations, ${points.length} failure points (${outcomes.filter((o) => o === "R").length} restored, ${outcomes.filter((o) => o === "C").length} finished)`);
  }, 600_000);

  test("the final deletions failing twice leave a complete, recorded model and hidden old sheets, which the next open deletes", async () => {
    const { standIn: original, id } = await prepared();
    const done = installOfficeStandIn({ displayLanguage: "sv-SE", workbook: original.workbook.clone() });
    const first = done.operationCount();
    await updateModel(id, addActor, "sv", { updateId: "u1", now: () => new Date(0) });
    const total = done.operationCount() - first;
    const finished = done.workbook.snapshot();
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE", workbook: original.workbook.clone() });
    // The 4th of the 8 deletions fails, and so does the undo's own deletion request (reads 1–2, write 3, undo 4–5).
    standIn.failAfter(total - 5);
    standIn.failAtSync(5);
    const report = await updateModel(id, addActor, "sv", { updateId: "u1", now: () => new Date(0) });
    expect(report.answers.actors.map((a) => a.name)).toContain("Stat");
    const left = standIn.workbook.sheets.filter((s) => s.name.startsWith("socinvOld_"));
    expect(left.map((s) => [s.name, s.visibility])).toEqual([4, 5, 6, 7, 8].map((n) => [`socinvOld_u1_${n}`, "Hidden"]));
    expect((standIn.workbook.settings.get(`${MODEL_RECORD_PREFIX}${id}`) as { changeId: string }).changeId).toBe("u1");
    expect((await readModel(id, "sv")).actors.map((a) => a.name)).toContain("Stat");
    await expect(removeLeftovers()).resolves.toEqual([4, 5, 6, 7, 8].map((n) => `socinvOld_u1_${n}`));
    expect(standIn.workbook.snapshot()).toEqual(finished);
    await expect(removeLeftovers()).resolves.toEqual([]);
  });

  test("a co-author's change still in flight keeps its hidden sheets", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    standIn.workbook.addSheet("socinvOld_ab12_1").visibility = "Hidden";
    standIn.workbook.settings.set("socinv.building.ab12", true);
    await expect(removeLeftovers()).resolves.toEqual([]);
    standIn.workbook.settings.delete("socinv.building.ab12");
    await expect(removeLeftovers()).resolves.toEqual(["socinvOld_ab12_1"]);
  });

  test("a failing request (before or after it lands) leaves the workbook as before or finished", async () => {
    for (const afterApplying of [false, true]) {
      const { standIn, id } = await prepared();
      const before = standIn.workbook.snapshot();
      standIn.failAtSync(3, { afterApplying });
      const result = await updateModel(id, addActor, "sv").then(() => "completed", () => "restored");
      if (afterApplying) expect(result).toBe("completed");
      else {
        expect(result).toBe("restored");
        expect(standIn.workbook.snapshot()).toEqual(before);
      }
    }
  });

  test("content the user added inside a model sheet: refused, the message says where, nothing changes", async () => {
    const { standIn, id } = await prepared();
    type(standIn.workbook, "Fond", 60, 20, "min anteckning");
    const before = standIn.workbook.snapshot();
    await expect(updateModel(id, addActor, "sv")).rejects.toThrow(/'Fond'!U61/);
    expect(standIn.workbook.snapshot()).toEqual(before);
  });

  test("text in a cost cell: refused with its place", async () => {
    const { standIn, id } = await prepared();
    const layout = inputLayout(base(), "sv");
    const baseline = layout.entries.baseline!.where.area;
    type(standIn.workbook, "Kostnader", baseline.row, baseline.column, "3 000 tkr");
    await expect(updateModel(id, addActor, "sv")).rejects.toThrow(/'Kostnader'!C\d+: "3 000 tkr" är inte ett tal/);
  });

  test("the user's own sheet is untouched", async () => {
    const { standIn, id } = await prepared();
    const mine = JSON.stringify(standIn.workbook.sheet("Mitt blad")!.contents());
    // A sheet of the user's after the model's: the model keeps its place among the tabs.
    standIn.workbook.addSheet("Efter");
    const order = standIn.workbook.sheets.map((s) => s.name);
    expect(order.slice(-2)).toEqual(["Enhetskostnader", "Efter"]);
    await updateModel(id, addActor, "sv");
    expect(JSON.stringify(standIn.workbook.sheet("Mitt blad")!.contents())).toBe(mine);
    expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(order);
  });
});

describe("several models, named (item 4)", () => {
  test("a table's name after its model: valid for Excel, unique, the plain name without a model name", async () => {
    expect(modelTableName("parameters", "sv", "Budget 2026")).toBe("Parametrar_Budget_2026");
    expect(modelTableName("actors", "en", "Öst-län 2.0")).toBe("Actors_Öst_län_2.0");
    expect(modelTableName("parameters", "sv", " !! ")).toBe("Parametrar");
    expect(modelTableName("parameters", "sv", undefined)).toBe("Parametrar");
    const excelTableName = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (name) => {
        const table = modelTableName("projects", "sv", name);
        expect(table).toMatch(excelTableName);
        expect(table.startsWith("Projekt")).toBe(true);
      }),
      { numRuns: 1000 },
    );
    // Two models of one name: the second's tables get the next free name.
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    await buildModel({ ...base(), name: "Budget" }, "sv");
    await buildModel({ ...base(), name: "Budget" }, "sv", { allowAnotherModel: true });
    expect(standIn.workbook.allTables().map((t) => t.name).filter((n) => n.startsWith("Parametrar"))).toEqual(["Parametrar_Budget", "Parametrar_Budget2"]);
  });

  test("a named second model gets named sheets; go to one; remove one removes only its sheets and record", async () => {
    const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
    standIn.workbook.addSheet("Mitt blad", [[1]]);
    await buildModel({ ...base(), name: "Budget 2026" }, "sv", { now: () => new Date("2025-01-01T00:00:00Z") });
    await buildModel({ ...base(), name: "Plan B" }, "sv", { allowAnotherModel: true, now: () => new Date("2025-02-01T00:00:00Z") });
    const names = standIn.workbook.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Parametrar Budget 2026", "Resultat Plan B", "Återföring Budget 2026"]));
    expect(names.some((n) => n.includes("(2)"))).toBe(false);
    // Tables named after their model too (Excel's rules: no spaces; the double refuses an invalid name).
    const tables = standIn.workbook.allTables().map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["Parametrar_Budget_2026", "Parametrar_Plan_B", "Effekter_Plan_B"]));
    expect(tables.some((n) => /\d$/.test(n) && !/_2026$/.test(n))).toBe(false);
    expect(String(standIn.workbook.sheet("Fond Plan B")!.get("A1")!.value)).toBe("Sociala investeringar – modell – Plan B – Fond");
    const listed = await findExistingModel();
    expect(listed!.models.map((m) => m.name)).toEqual(["Budget 2026", "Plan B"]);
    const [first, second] = listed!.models;
    await goToModel(first.id!);
    expect(standIn.workbook.activeSheet).toBe("Parametrar Budget 2026");
    const mine = JSON.stringify(standIn.workbook.sheet("Mitt blad")!.contents());
    await removeModel(second.id!, "sv");
    expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(["Blad1", "Mitt blad", ...first.sheets]);
    expect(JSON.stringify(standIn.workbook.sheet("Mitt blad")!.contents())).toBe(mine);
    await expect(findExistingModel()).resolves.toMatchObject({ name: "Budget 2026", count: 1 });
    // The remaining model still changes in place.
    await updateModel(first.id!, nextBudgetYear, "sv");
    expect((await readModel(first.id!, "sv")).years).toBe(5);
  });
});
