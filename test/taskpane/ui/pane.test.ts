/**
 * @jest-environment jsdom
 *
 * The task pane in a DOM, against the workbook double (issue 9): ranges checked before any work
 * (item 1), numbers read by the pane's language (item 2), one language in the result text even when
 * the language is switched during a build (item 8).
 */
import { installOfficeStandIn, type StandIn } from "../../../src/preview/workbookDouble";
import { Pane } from "../../../src/taskpane/ui/pane";
import { ModelForm } from "../../../src/taskpane/ui/form";
import { defaultAnswers } from "../../../src/taskpane/model/answers";
import { uiText } from "../../../src/i18n/ui";
import type { Language } from "../../../src/i18n/language";
import { byId, type } from "../../support/dom";

async function startPane(language: Language): Promise<{ standIn: StandIn; root: HTMLElement }> {
  const standIn = installOfficeStandIn({ displayLanguage: language === "sv" ? "sv-SE" : "en-US" });
  document.body.innerHTML = "";
  const root = document.createElement("main");
  document.body.appendChild(root);
  await new Pane(root, language).start();
  return { standIn, root };
}

const message = () => document.querySelector<HTMLElement>("#messages .message");
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  if (!condition()) throw new Error("condition not reached");
}

describe("item 1: a range is checked before any work", () => {
  test("the form does not pad the disbursements to a horizon outside the model's limits", () => {
    const answers = { ...defaultAnswers("en", new Date(2025, 0, 1)), years: 70 };
    answers.projects[0].disbursements = [500, 500];
    const form = new ModelForm(answers, "en", uiText("en"), { onEdit: () => undefined });
    // Before: padded to 70 (and to 1 000 000 000, freezing or killing the shared runtime).
    expect(form.normalizedAnswers().projects[0].disbursements).toEqual([500, 500]);
    form.answers.years = 1_000_000_000;
    expect(form.normalizedAnswers().projects[0].disbursements).toEqual([500, 500]);
    form.answers.years = 12;
    expect(form.normalizedAnswers().projects[0].disbursements).toHaveLength(12);
  });

  test("1 000 000 000 years and Build: a message at once, no round trip to Excel", async () => {
    const { standIn } = await startPane("sv");
    const syncs = standIn.syncCount();
    type("years", "1 000 000 000");
    byId("build-model").click();
    expect(message()?.dataset.kind).toBe("error");
    expect(message()?.textContent).toMatch(/Antal år: .*mellan 2 och 60/);
    expect(standIn.syncCount()).toBe(syncs);
  });
});

describe("item 2: numbers read by the pane's language", () => {
  test("English: 1,000 is a thousand and 2,500 two and a half thousand; 3.5 % a percentage", async () => {
    const { standIn } = await startPane("en");
    type("openingBalance", "1,000");
    type("yearlyContribution", "2,500");
    type("discountRate", "3.5 %");
    byId("build-model").click();
    await until(() => message()?.dataset.kind === "success");
    // Before: 1 and 2.5 (a comma read as a decimal sign), and "3.5 %" refused.
    const values = [...standIn.workbook.sheet("Parameters")!.cells.values()].map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining([1000, 2500, 0.035]));
  });

  test("Swedish: '3,5 %' is accepted in a (%) field, '1.500' refused as ambiguous with a message", async () => {
    const { standIn } = await startPane("sv");
    type("discountRate", "3,5 %");
    type("openingBalance", "1.500");
    byId("build-model").click();
    expect(message()?.dataset.kind).toBe("error");
    expect(message()?.textContent).toMatch(/Ingående saldo.*: Talet kan läsas på två sätt/);
    expect(message()?.textContent).not.toMatch(/Diskonteringsränta/);
    type("openingBalance", "1 500");
    byId("build-model").click();
    await until(() => message()?.dataset.kind === "success");
    const parameters = standIn.workbook.sheet("Parametrar")!;
    const values = [...parameters.cells.values()].map((c) => c.value);
    expect(values).toContain(0.035);
    expect(values).toContain(1500);
  });
});

describe("item 8: switching the language during a build", () => {
  test("the success text is wholly in the new language", async () => {
    await startPane("sv");
    byId("build-example").click();
    expect(message()?.textContent).toBe("Bygger modellen …");
    byId<HTMLInputElement>("language-en").click();
    // The message being shown follows at once …
    expect(message()?.textContent).toBe("Building the model …");
    await until(() => message()?.dataset.kind === "success");
    // … and the result too (before: "Modellen är byggd: 7 blad." over English headings).
    const text = message()!.textContent!;
    expect(text).toMatch(/^The model is built: 8 sheets\./);
    expect(text).toMatch(/Sheets.*Tables.*Charts/);
    expect(text).not.toMatch(/Modellen|Blad|Tabeller|Diagram|illustrativa/);
    // The sheet names stay those of the workbook (Swedish: the model was built in Swedish).
    expect(text).toContain("Parametrar");
  });

  test("a failed build's message is in the new language too", async () => {
    const { standIn } = await startPane("sv");
    standIn.failAfter(3);
    byId("build-example").click();
    byId<HTMLInputElement>("language-en").click();
    await until(() => message()?.dataset.kind === "error");
    expect(message()!.textContent).toMatch(/^The model could not be built: .*untouched\./);
    expect(message()!.textContent).not.toMatch(/Modellen|kunde inte/);
  });
});
