/**
 * @jest-environment jsdom
 *
 * The form's effects section (issue 10 item 5): a new model has an effect, so a model built from the
 * form computes a positive net benefit; effects are edited in the form, in the pane's language; a built
 * model's success message says what to fill in next.
 */
import { installOfficeStandIn } from "../../../src/preview/workbookDouble";
import { defaultAnswers } from "../../../src/taskpane/model/answers";
import { Pane } from "../../../src/taskpane/ui/pane";
import { ModelForm } from "../../../src/taskpane/ui/form";
import { uiText } from "../../../src/i18n/ui";
import { buildPlan } from "../../../src/taskpane/model/plan";
import { byId, choose, type } from "../../support/dom";
import { buildAndRecalculate, close, errorsIn, read } from "../../support/modelWorkbook";

describe("a model built from the default answers computes something", () => {
  test("net benefit positive: 90 SiS days a year avoided at social services against 1 000 tkr", async () => {
    // 2026, 10 years, tkr, 3.5 %, timing 0. Unit cost 3 528 kr (2020) × KPI 403.70 / 335.92 (to 2023, the
    // latest KPI year) = 4.239866 tkr a day; volume 0, 30, then 90 a year → saving 0, 127.196, 381.588 × 8.
    // Investment 500 + 500. NB = Σ saving_t / 1.035^t − (500 + 500 / 1.035).
    const answers = defaultAnswers("sv", new Date(2026, 0, 1));
    const day = (3528 * 403.7) / 335.92 / 1000;
    const saving = answers.effects![0].kind === "volume" ? answers.effects![0].volume.map((v) => v * day) : [];
    const expected = saving.reduce((sum, s, t) => sum + s / 1.035 ** t, 0) - (500 + 500 / 1.035);
    const plan = buildPlan(answers, "sv");
    const { hf } = await buildAndRecalculate(answers, "sv");
    expect(errorsIn(hf)).toEqual([]);
    close(read(hf, "sv", plan.anchors.netBenefit)[0][0], expected, 6);
    expect(expected).toBeGreaterThan(1500); // ≈ 1 674 tkr
    expect(read(hf, "sv", plan.anchors.benefitCostRatio)[0][0] as number).toBeGreaterThan(2);
    hf.destroy();
  });
});

describe("the effects section of the form", () => {
  test("shows the default effect; switching it to a saving and typing the years updates the answers (sv)", () => {
    const answers = defaultAnswers("sv", new Date(2026, 0, 1));
    const form = new ModelForm(answers, "sv", uiText("sv"), { onEdit: () => undefined });
    document.body.replaceChildren(form.element);
    expect(byId("section-effects").querySelector("legend")!.textContent).toBe("Effekter");
    expect(byId<HTMLSelectElement>("effects-0-unitCostChoice").value).toBe("sisTreatmentOpen");
    choose("effects-0-kind", "saving");
    type("effects-0-saving", "0; 150; 200,5");
    type("effects-0-deadweight", "20 %");
    const effect = form.normalizedAnswers().effects![0];
    expect(effect).toMatchObject({ kind: "saving", saving: [0, 150, 200.5, 0, 0, 0, 0, 0, 0, 0], deadweight: 0.2 });
    type("effects-0-saving", "1.500");
    expect(form.parseProblems.get("effects[0].saving")).toBeTruthy();
  });

  test("effects follow a renamed project or actor, and go with a removed one (found by the browser test)", () => {
    const answers = defaultAnswers("en", new Date(2026, 0, 1));
    const form = new ModelForm(answers, "en", uiText("en"), { onEdit: () => undefined });
    document.body.replaceChildren(form.element);
    const effect = form.answers.effects![0];
    const actorIndex = form.answers.actors.findIndex((a) => a.name === effect.actor);
    type("projects-0-name", "Homework club");
    type(`actors-${actorIndex}-name`, "Social services");
    expect(form.answers.effects![0]).toMatchObject({ project: "Homework club", actor: "Social services" });
    expect(form.normalizedAnswers().effects).toHaveLength(1);
    byId("projects-0-remove").click();
    expect(form.answers.effects).toEqual([]);
  });

  test("an own unit cost, a second effect and removing one (en)", () => {
    const answers = defaultAnswers("en", new Date(2026, 0, 1));
    const form = new ModelForm(answers, "en", uiText("en"), { onEdit: () => undefined });
    document.body.replaceChildren(form.element);
    choose("effects-0-unitCostChoice", "own");
    type("effects-0-unitCost", "2.5");
    expect(form.answers.effects![0]).toMatchObject({ kind: "volume", unitCost: 2.5 });
    byId("add-effect").click();
    expect(form.answers.effects).toHaveLength(2);
    expect(form.answers.effects![1]).toMatchObject({ kind: "saving", project: "Early intervention" });
    byId("effects-0-remove").click();
    expect(form.answers.effects!.map((e) => e.kind)).toEqual(["saving"]);
  });
});

describe("the success message says what to fill in next", () => {
  test("Swedish: Kostnader and Enhetskostnader are named", async () => {
    installOfficeStandIn({ displayLanguage: "sv-SE" });
    document.body.innerHTML = "";
    const root = document.createElement("main");
    document.body.appendChild(root);
    await new Pane(root, "sv").start();
    byId("build-model").click();
    for (let i = 0; i < 2000 && document.querySelector<HTMLElement>("#messages .message")?.dataset.kind !== "success"; i++) await new Promise((r) => setTimeout(r, 0));
    const text = document.querySelector<HTMLElement>("#messages .message")!.textContent!;
    expect(text).toMatch(/Fyll i härnäst: Kostnader – effekternas värden/);
    expect(text).toMatch(/Enhetskostnader/);
  });
});
