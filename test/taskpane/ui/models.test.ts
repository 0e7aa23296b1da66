/**
 * @jest-environment jsdom
 */
/** Issue 10 items 1–4 in the pane: the models listed, reopened into the form, changed, rolled over, removed. */
import { installOfficeStandIn } from "../../../src/preview/workbookDouble";
import { Pane } from "../../../src/taskpane/ui/pane";
import { buildModel, findExistingModel } from "../../../src/taskpane/excel/buildModel";
import { readModel } from "../../../src/taskpane/excel/updateModel";
import { defaultAnswers } from "../../../src/taskpane/model/answers";

const scope = globalThis as unknown as { CSS?: { escape?: (s: string) => string } };
scope.CSS ??= {};
scope.CSS.escape ??= (s: string) => s.replace(/([^\w-])/g, "\\$1");

const click = (id: string) => (document.getElementById(id) as HTMLButtonElement).click();
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 4000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  if (!condition()) throw new Error("condition not reached");
}

test("two named models listed; next budget year, change from the form, remove after confirmation", async () => {
  const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
  const today = new Date(2026, 0, 1);
  await buildModel({ ...defaultAnswers("sv", today), name: "Budget" }, "sv");
  await buildModel({ ...defaultAnswers("sv", today), name: "Plan B" }, "sv", { allowAnotherModel: true });
  const [first, second] = (await findExistingModel())!.models;
  document.body.innerHTML = "<main></main>";
  await new Pane(document.querySelector("main")!, "sv").start();
  expect([...document.querySelectorAll(".model-name strong")].map((e) => e.textContent)).toEqual(["Budget", "Plan B"]);
  // Opened on the newest model: its form, filled from its sheets.
  expect(document.getElementById("update-model")).not.toBeNull();
  expect((document.querySelector('[data-field="name"]') as HTMLInputElement).value).toBe("Plan B");

  click(`next-year-${first.id}`);
  await until(() => document.querySelector("#messages .message.success") !== null);
  expect((await readModel(first.id!, "sv")).years).toBe(11);

  // Reopened: the form shows what the sheets hold (11 years now); add a project and change.
  click(`change-${first.id}`);
  await until(() => document.getElementById("update-model") !== null);
  expect((document.querySelector("[data-field=years]") as HTMLInputElement).value).toBe("11");
  click("add-project");
  const name = document.querySelector<HTMLInputElement>('[data-field="projects[1].name"]')!;
  name.value = "Nytt projekt";
  name.dispatchEvent(new Event("input", { bubbles: true }));
  click("update-model");
  await until(() => document.getElementById("update-model") === null || document.querySelector("#messages .message.error") !== null);
  expect(document.querySelector("#messages .message.error")?.textContent ?? "").toBe("");
  expect((await readModel(first.id!, "sv")).projects).toHaveLength(2);

  click(`remove-${second.id}`);
  expect(document.querySelector(".confirm [role=alert]")!.textContent).toContain("Plan B");
  click(`confirm-remove-${second.id}`);
  await until(() => document.querySelectorAll(".model").length === 1);
  expect(standIn.workbook.sheets.some((s) => s.name.includes("Plan B"))).toBe(false);
  expect(standIn.workbook.sheets.filter((s) => s.name.includes("Budget"))).toHaveLength(8);
});

test("opening the pane deletes a change's hidden leftovers; a change that removes a linked project says which cell now reads #REF!", async () => {
  const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
  await buildModel({ ...defaultAnswers("sv", new Date(2026, 0, 1)), name: "Budget" }, "sv");
  // What a change leaves when its final deletions fail: an old sheet, hidden, its marker gone.
  standIn.workbook.addSheet("socinvOld_ab12_3").visibility = "Hidden";
  // A link to the only project's first-year disbursement (Projekt row 7, column D).
  standIn.workbook.addSheet("Mitt blad", [["='Projekt Budget'!D7"]]);
  document.body.innerHTML = "<main></main>";
  await new Pane(document.querySelector("main")!, "sv").start();
  expect(standIn.workbook.sheet("socinvOld_ab12_3")).toBeUndefined();
  // A new project, then the linked one removed.
  click("add-project");
  const name = document.querySelector<HTMLInputElement>('[data-field="projects[1].name"]')!;
  name.value = "Nytt projekt";
  name.dispatchEvent(new Event("input", { bubbles: true }));
  click("projects-0-remove");
  click("update-model");
  await until(() => document.querySelector("#messages .message") !== null);
  expect(document.querySelector("#messages .message.success")!.textContent).toContain("#REF!: 'Mitt blad'!A1");
  expect(standIn.workbook.sheet("Mitt blad")!.content("A1")).toBe("=#REF!");
});

test("a project renamed in the form keeps the values typed in its sheet, and a link to it follows", async () => {
  const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
  await buildModel({ ...defaultAnswers("sv", new Date(2026, 0, 1)), name: "Budget" }, "sv");
  const [model] = (await findExistingModel())!.models;
  // Typed in the sheet, not in the form: the first year's disbursement of the first project.
  const cell = standIn.workbook.sheet("Projekt Budget")!.ensure(6, 3);
  cell.formula = null;
  cell.value = 1234;
  standIn.workbook.addSheet("Mitt blad", [["='Projekt Budget'!D7"]]);
  document.body.innerHTML = "<main></main>";
  await new Pane(document.querySelector("main")!, "sv").start();
  const name = document.querySelector<HTMLInputElement>('[data-field="projects[0].name"]')!;
  name.value = "Omdöpt";
  name.dispatchEvent(new Event("input", { bubbles: true }));
  // And the first year moved back, so the values come from the sheet (the form's would stay in place).
  const first = document.querySelector<HTMLInputElement>("[data-field=firstYear]")!;
  first.value = String(Number(first.value) - 1);
  first.dispatchEvent(new Event("input", { bubbles: true }));
  const years = document.querySelector<HTMLInputElement>("[data-field=years]")!;
  years.value = String(Number(years.value) + 1);
  years.dispatchEvent(new Event("input", { bubbles: true }));
  click("update-model");
  await until(() => document.querySelector("#messages .message") !== null);
  expect(document.querySelector("#messages .message.error")?.textContent ?? "").toBe("");
  const after = await readModel(model.id!, "sv");
  expect(after.projects.map((p) => p.name)).toEqual(["Omdöpt"]);
  expect(after.projects[0].disbursements.slice(0, 2)).toEqual([0, 1234]);
  // The link follows the project's first-year cell, one column right now that a year comes before it.
  expect(standIn.workbook.sheet("Mitt blad")!.content("A1")).toBe("='Projekt Budget'!E7");
});
