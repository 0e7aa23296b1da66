/**
 * Issue 10 item 2: a user's links into a model keep their meaning across a change in place. A formula
 * in the user's own sheet that points at a project's saving in 2027, an actor's repayment in 2026 or the
 * kommun's net benefit still points at that project, actor and year after a project, an actor and a
 * year are added and the first year moved (rows and columns shift); a link to a removed project reads
 * #REF! and is reported, never pointed at another project.
 *
 * The expected addresses come from the plan's own anchors and input layout (where the plan says each
 * project's row and each year's column is), not from the relinking's labels.
 */
import { installOfficeStandIn, type WorkbookDouble } from "../../src/preview/workbookDouble";
import { buildModel, MODEL_RECORD_PREFIX } from "../../src/taskpane/excel/buildModel";
import { readModel, updateModel } from "../../src/taskpane/excel/updateModel";
import { areaAddress, parseArea, type Area } from "../../src/taskpane/model/a1";
import type { ModelAnswers } from "../../src/taskpane/model/answers";
import { carryValues, nextBudgetYear } from "../../src/taskpane/model/change";
import { buildPlan, orderedActors } from "../../src/taskpane/model/plan";
import { inputLayout } from "../../src/taskpane/model/readBack";
import { createSocinvWorkbook } from "../support/hyperformula";
import { livingModel as base } from "../support/livingModel";

/** One cell of an area: row `r` of it, the column of calendar year `year` (years start at the area's first column). */
const yearCell = (area: Area, r: number, year: number, firstYear: number) => areaAddress({ row: area.row + r, column: area.column + year - firstYear, rows: 1, columns: 1 });
const corner = (area: Area, r: number, c: number) => areaAddress({ row: area.row + r, column: area.column + c, rows: 1, columns: 1 });

/** The user's links, as the plan of `answers` places their targets. */
function links(a: ModelAnswers): string[] {
  const plan = buildPlan(a, "sv");
  const layout = inputLayout(a, "sv");
  const effect = (project: string, actor: string) => layout.effects.findIndex((e) => e.effect.project === project && e.effect.actor === actor);
  const saving = layout.entries.savingInput!;
  const savingRow = saving.members.indexOf(effect("P2", "Utb"));
  const baseline = layout.entries.baseline!;
  const byActor = parseArea(plan.anchors.repaymentByAdministration.address);
  const shortfall = parseArea(plan.anchors.fundShortfall.address);
  const netBenefit = parseArea(plan.anchors.netBenefit.address);
  const utb = orderedActors(a).findIndex((x) => x.name === "Utb");
  const p2 = a.projects.findIndex((p) => p.name === "P2");
  return [
    `=Kostnader!${yearCell(saving.where.area, savingRow, 2027, a.firstYear)}*1000`,
    `=SUM(Kostnader!${yearCell(saving.where.area, savingRow, 2025, a.firstYear)}:${yearCell(saving.where.area, savingRow, 2028, a.firstYear)})`,
    `='Kostnader'!$${yearCell(baseline.where.area, baseline.members.indexOf(effect("P1", "Soc")), 2028, a.firstYear).replace(/(\d+)$/, "$$$1")}`,
    `=Kostnader!${yearCell(layout.outcome.area, effect("P1", "Region"), 2026, a.firstYear)}`,
    `=Återföring!${yearCell(byActor, utb, 2026, a.firstYear)}`,
    `=Återföring!${yearCell(shortfall, p2, 2025, a.firstYear)}`,
    `=Resultat!${corner(netBenefit, 0, 0)}`,
    // A cell a REPAYMENT formula spills into (P2's plan, Utb, 2027) and a yearly key-figure row (the kommun's savings, 2026).
    p2 < 0 ? "(P2 removed)" : `=Återföring!${yearCell(parseArea(plan.anchors.repaymentPlan[p2].address), utb, 2027, a.firstYear)}`,
    `=Resultat!${yearCell(parseArea(plan.anchors.viewSavings.address), 0, 2026, a.firstYear)}`,
  ];
}

const modelId = (workbook: WorkbookDouble) => [...workbook.settings.keys()].find((k) => k.startsWith(MODEL_RECORD_PREFIX))!.slice(MODEL_RECORD_PREFIX.length);

/** The user's sheet's values, recalculated with the model. */
function values(workbook: WorkbookDouble): unknown[] {
  const hf = createSocinvWorkbook(Object.fromEntries(workbook.sheets.map((s) => [s.name, s.contents()])));
  const row = hf.getSheetValues(hf.getSheetId("Mitt blad")!)[0];
  hf.destroy();
  return row;
}

test("links into Kostnader, Återföring and Resultat keep their project, actor and year through four changes; a removed project's link is reported", async () => {
  const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
  await buildModel(base(), "sv");
  const id = modelId(standIn.workbook);
  const mine = standIn.workbook.addSheet("Mitt blad", [links(base())]);
  // A defined name into the model follows like a cell's link (the same target as A1's, absolute).
  const named = (a: ModelAnswers) => links(a)[0].replace(/^=Kostnader!([A-Z]+)(\d+)\*1000$/, "=Kostnader!$$$1$$$2");
  expect(named(base())).toBe("=Kostnader!$E$15");
  standIn.workbook.names.set("Besparingen", named(base()));
  // By hand: P2 × Utb's saving in 2027 is 5 (× 1000 = 5000), its four years sum to 4 × 5 = 20.
  expect(values(standIn.workbook).slice(0, 2)).toEqual([5000, 20]);
  const addProject = (a: ModelAnswers) =>
    carryValues(a, {
      ...a,
      projects: [{ name: "P0", owner: "Soc", disbursements: [1, 1, 1, 1], cofinancingShare: 0 }, ...a.projects],
      effects: [{ kind: "saving", project: "P0", actor: "Soc", saving: [9, 9, 9, 9] }, ...a.effects!],
    });
  // An actor before the others (förvaltningar come first): every actor row moves down one.
  const addActor = (a: ModelAnswers) => carryValues(a, { ...a, actors: [{ name: "Ny", principal: "kommun", cashableShare: 1 }, ...a.actors] });
  const moveFirstYear = (a: ModelAnswers) => carryValues(a, { ...a, firstYear: a.firstYear - 1, years: a.years + 1 });
  for (const change of [addProject, addActor, nextBudgetYear, moveFirstYear]) {
    const before = mine.contents()[0];
    const report = await updateModel(id, change, "sv");
    expect(report.lostLinks).toEqual([]);
    const now = await readModel(id, "sv");
    expect(mine.contents()[0]).toEqual(links(now));
    expect(standIn.workbook.names.get("Besparingen")).toBe(named(now));
    // Each of them moves these cells, except the year added at the end.
    if (change !== nextBudgetYear) expect(mine.contents()[0]).not.toEqual(before);
  }
  // The same project, actor and year: the saving of P2 × Utb in 2027 and the sum of 2025–2028 are unchanged.
  expect(values(standIn.workbook).slice(0, 2)).toEqual([5000, 20]);
  // P2 removed: its links read #REF! and are reported; the others still point at their cells.
  const report = await updateModel(id, (a) => carryValues(a, { ...a, projects: a.projects.filter((p) => p.name !== "P2"), effects: a.effects!.filter((e) => e.project !== "P2") }), "sv");
  expect(report.lostLinks).toEqual(["'Mitt blad'!A1", "'Mitt blad'!B1", "'Mitt blad'!F1", "'Mitt blad'!H1", "Besparingen"]);
  expect(standIn.workbook.names.get("Besparingen")).toBe("=#REF!");
  const row = mine.contents()[0];
  expect([row[0], row[1], row[5], row[7]]).toEqual(["=#REF!*1000", "=SUM(#REF!)", "=#REF!", "=#REF!"]);
  const kept = links(await readModel(id, "sv"));
  for (const i of [2, 3, 4, 6, 8]) expect(row[i]).toBe(kept[i]);
});
