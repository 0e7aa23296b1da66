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
