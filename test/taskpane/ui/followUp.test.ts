/**
 * @jest-environment jsdom
 *
 * "Följ upp år …" in the pane (issue 12 item 5): after a model is built, the card adds the follow-up
 * sheets to it; the year and the threshold are checked first, in the pane's language.
 */
import { installOfficeStandIn } from "../../../src/preview/workbookDouble";
import { Pane } from "../../../src/taskpane/ui/pane";
import type { Language } from "../../../src/i18n/language";

const scope = globalThis as unknown as { CSS?: { escape?: (s: string) => string } };
scope.CSS ??= {};
scope.CSS.escape ??= (s: string) => s.replace(/([^\w-])/g, "\\$1");

const byId = <T extends HTMLElement = HTMLElement>(id: string) => {
  const element = document.getElementById(id) as T | null;
  if (!element) throw new Error(`no #${id}`);
  return element;
};
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 4000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  if (!condition()) throw new Error("condition not reached");
}

async function paneWithExample(language: Language) {
  const standIn = installOfficeStandIn({ displayLanguage: language === "sv" ? "sv-SE" : "en-US" });
  document.body.innerHTML = "";
  const root = document.createElement("main");
  document.body.appendChild(root);
  await new Pane(root, language).start();
  expect(document.getElementById("followup")).toBeNull(); // no model, no follow-up
  byId("build-example").click();
  await until(() => document.getElementById("followup-add") !== null);
  return standIn;
}

test.each([
  ["sv", "Verksamhetslogik", "Rapport 2013 MiniMili"],
  ["en", "Logic model", "Report 2013 MiniMili"],
] as const)("%s: the example model, followed up to 2013, gets the four kinds of follow-up sheets", async (language, logicName, reportName) => {
  const standIn = await paneWithExample(language);
  const year = byId<HTMLInputElement>("followup-year");
  year.value = "2031";
  byId("followup-add").click();
  expect(byId("followup-year-error").hidden).toBe(false);
  expect(byId("followup-year-error").textContent).toContain(language === "sv" ? "från 2011 till 2021" : "from 2011 to 2021");
  year.value = "2013";
  byId<HTMLInputElement>("followup-threshold").value = "12,5";
  if (language === "en") byId<HTMLInputElement>("followup-threshold").value = "12.5";
  byId("followup-add").click();
  await until(() => document.querySelector("#followup-status .message")?.getAttribute("data-kind") === "success");
  const names = standIn.workbook.sheets.map((s) => s.name);
  expect(names).toEqual(expect.arrayContaining([logicName, reportName]));
  // 3 sheets + one report per project.
  expect(document.querySelector("#followup-status .message-title")!.textContent).toContain("6");
  const followUp = standIn.workbook.sheet(language === "sv" ? "Uppföljning" : "Follow-up")!;
  expect(followUp.content("C5")).toBe(2013);
  expect(followUp.content("C6")).toBe(0.125);
});
