/**
 * @jest-environment jsdom
 *
 * The call in the task pane, against the workbook double (issue 13 item 5): the form builds the call's
 * sheets with the workbook's model as a linked application, "Välj projekt" reads the sheets, runs
 * the selection and shows the chosen; a weight that is no number is refused next to its field.
 */
import type { Language } from "../../../src/i18n/language";
import { installOfficeStandIn, type StandIn } from "../../../src/preview/workbookDouble";
import { buildModel } from "../../../src/taskpane/excel/buildModel";
import { range } from "../../../src/taskpane/model/a1";
import { callLayout } from "../../../src/taskpane/model/call/layout";
import { exampleAnswers } from "../../../src/taskpane/model/example";
import { Pane } from "../../../src/taskpane/ui/pane";

const scope = globalThis as unknown as { CSS?: { escape?: (s: string) => string } };
scope.CSS ??= {};
scope.CSS.escape ??= (s: string) => s.replace(/([^\w-])/g, "\\$1");

const byId = <T extends HTMLElement = HTMLElement>(id: string) => {
  const element = document.getElementById(id) as T | null;
  if (!element) throw new Error(`no #${id}`);
  return element;
};
const type = (id: string, text: string) => {
  const input = byId<HTMLInputElement>(id);
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
};
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  if (!condition()) throw new Error("condition not reached");
}
const status = () => document.querySelector<HTMLElement>("#call-status .message");

async function startPane(language: Language, withModel: boolean): Promise<StandIn> {
  const standIn = installOfficeStandIn({ displayLanguage: language === "sv" ? "sv-SE" : "en-US" });
  if (withModel) await buildModel(exampleAnswers(language), language);
  document.body.innerHTML = "";
  const root = document.createElement("main");
  document.body.appendChild(root);
  await new Pane(root, language).start();
  // The call's section is folded; opening it reads the workbook.
  const call = byId<HTMLDetailsElement>("call");
  call.open = true;
  call.dispatchEvent(new Event("toggle"));
  await until(() => document.getElementById("call-build") !== null && (!withModel || document.getElementById("call-link-models") !== null));
  return standIn;
}

describe.each<[Language, string, string]>([
  ["sv", "Ansökningar", "Modell 1 (Resultat)"],
  ["en", "Applications", "Model 1 (Results)"],
])("the call's form in %s", (language, applicationsSheet, modelApplication) => {
  test("builds the sheets with the model linked, then Select shows the chosen", async () => {
    const standIn = await startPane(language, true);
    expect(byId<HTMLInputElement>("call-link-models").checked).toBe(true);
    type("call-applications", "3");
    type("call-years", "3");
    type("call-firstYear", "2026");
    type("call-opening", language === "sv" ? "1 000 000" : "1,000,000");
    type("call-contribution", "200000");
    type("call-rules-minOrganisations", "");
    byId("call-build").click();
    await until(() => status()?.dataset.kind === "success" || status()?.dataset.kind === "error");
    expect(status()?.dataset.kind).toBe("success");
    const sheet = standIn.workbook.sheet(applicationsSheet)!;
    const layout = callLayout({ A: 3, C: 5, N: 3 });
    const k = layout.applications.columns;
    expect(sheet.get(range(layout.applications.row0, 0, 1, 1))?.value).toBe(modelApplication);
    // In kr: the example model counts in tkr.
    expect(sheet.get(range(layout.applications.row0, k.netBenefit, 1, 1))?.formula).toMatch(/^=1000\*'?Result/);
    // The board fills in the three applications, sectors to scores (the model's expected repayments, after
    // the scores, stay its formulas: 0 in 2026–2028, after its years); the third asks for too much in
    // 2026 for the fund with the others.
    const rows = [
      ["", "", "", "Skola", "Vård", "", "", "", "", 0.5, 300_000, 200_000, 0, 4, 4, 4, 4, 4],
      [language === "sv" ? "Läxhjälp" : "Homework club", "", "", "Skola", "Fritid", "", "", "", "", 0.5, 400_000, 0, 0, 5, 5, 5, 5, 5],
      [language === "sv" ? "Familjecentral" : "Family centre", "", "", "Vård", "Skola", "", "", "", "", 0.6, 500_000, 400_000, 0, 3, 3, 3, 3, 3],
    ];
    await Excel.run(async (context) => {
      const target = context.workbook.worksheets.getItem(applicationsSheet);
      rows.forEach((row, a) => {
        target.getRange(range(layout.applications.row0 + a, 3, 1, row.length - 3)).values = [row.slice(3)] as never;
      });
      target.getRange(range(layout.applications.row0 + 1, 0, 2, 1)).values = [[rows[1][0]], [rows[2][0]]];
      await context.sync();
    });
    byId("call-select").click();
    await until(() => document.getElementById("call-result") !== null || status()?.dataset.kind === "error");
    // Capacity 1.2M, 1.4M, 1.6M; cumulative draws 300k/500k/500k, 400k/400k/400k, 500k/900k/900k.
    // All three: 1.2M, 1.8M > 1.4M. Best pair by score: the model (4) and Läxhjälp (5): 9 > 8 and 7.
    expect(Array.from(document.querySelectorAll("#call-chosen li"), (li) => li.textContent)).toEqual([modelApplication, rows[1][0]]);
    expect(byId("call-next-best").textContent).toContain(String(rows[2][0]));
  });

  test("a weight that is no number is refused at its field, and nothing is written", async () => {
    const standIn = await startPane(language, false);
    type("call-criteria-0-weight", "abc");
    byId("call-build").click();
    await until(() => status()?.dataset.kind === "error");
    expect(byId("call-criteria-0-weight-error").hidden).toBe(false);
    expect(standIn.workbook.sheets).toHaveLength(1);
  });
});
