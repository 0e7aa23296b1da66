import type { ReforecastMethod } from "../../engine/followUp";
import { followUpUiText } from "../../i18n/followUp";
import type { Language } from "../../i18n/language";
import { addFollowUp } from "../excel/followUp";
import type { ModelAnswers } from "../model/answers";
import { SHEET_ORDER } from "../model/keys";
import type { FollowUpAnswers } from "../model/followUp/answers";
import { exampleFollowUp } from "../model/followUp/example";
import { h } from "./dom";
import { parseNumber } from "./numbers";

export interface FollowUpCardOptions {
  language: Language;
  /** The answers of the model to follow up; null when the pane does not know them (no model built here yet). */
  model: () => ModelAnswers | null;
  /** The model's sheet names in the workbook, in SHEET_ORDER (its record's), so formulas find "Fond (2)". */
  sheets: () => readonly string[] | null;
}

/** The starting follow-up for a model: the example's illustrative logic model for the example, an empty one otherwise. */
export function startingFollowUp(answers: ModelAnswers, language: Language, year: number, method: ReforecastMethod, threshold: number): FollowUpAnswers {
  const base: FollowUpAnswers = answers.illustrative ? exampleFollowUp(language) : { year, method, threshold };
  return { ...base, year, method, threshold };
}

/**
 * "Följ upp år …": the year followed up to, how the remaining years are re-forecast and the threshold
 * of "on plan", and a button that adds the follow-up sheets to the model (src/taskpane/excel/followUp.ts).
 * The pane mounts it with one line; it keeps its own message.
 */
export function followUpCard(options: FollowUpCardOptions): HTMLElement {
  const t = followUpUiText[options.language];
  const answers = options.model();
  const status = h("div", { id: "followup-status", class: "followup-status", role: "status", "aria-live": "polite" });
  if (!answers) {
    return h("section", { class: "card followup", id: "followup", "aria-labelledby": "followup-heading" },
      h("h2", { id: "followup-heading" }, t.heading),
      h("p", { class: "muted" }, t.noModel),
    );
  }
  const first = answers.firstYear;
  const last = answers.firstYear + answers.years - 1;
  const yearInput = h("input", { id: "followup-year", type: "text", inputmode: "numeric", value: String(first), "aria-describedby": "followup-year-error" });
  const thresholdInput = h("input", { id: "followup-threshold", type: "text", inputmode: "decimal", value: "10", "aria-describedby": "followup-threshold-error" });
  const method = h("select", { id: "followup-method" },
    h("option", { value: "plan" }, t.methodPlan),
    h("option", { value: "scaled" }, t.methodScaled),
  );
  const error = (id: string) => h("p", { id, class: "field-error", hidden: true });
  const field = (id: string, label: string, control: HTMLElement) =>
    h("div", { class: "field" }, h("label", { for: id }, label), control, error(`${id}-error`));
  const card = h("section", { class: "card followup", id: "followup", "aria-labelledby": "followup-heading" },
    h("h2", { id: "followup-heading" }, t.heading),
    h("p", {}, t.intro),
    field("followup-year", t.year, yearInput),
    field("followup-method", t.method, method),
    field("followup-threshold", t.threshold, thresholdInput),
    h("button", { type: "button", class: "button secondary", id: "followup-add", onclick: () => void add() }, t.button),
    status,
  );
  const show = (id: string, message: string | null) => {
    const slot = card.querySelector<HTMLElement>(`#${id}-error`)!;
    slot.textContent = message ?? "";
    slot.hidden = message === null;
    card.querySelector(`#${id}`)?.toggleAttribute("aria-invalid", message !== null);
  };
  const say = (kind: "info" | "success" | "error", title: string, detail?: string) =>
    status.replaceChildren(h("div", { class: `message ${kind}`, "data-kind": kind, tabindex: -1 }, h("p", { class: "message-title" }, title), detail ? h("p", {}, detail) : null));

  async function add(): Promise<void> {
    const year = parseNumber(yearInput.value, options.language);
    const percent = parseNumber(thresholdInput.value, options.language, { percent: true });
    // A year before the first means "nothing realised yet": the re-forecast is then the plan.
    const yearOk = year !== null && Number.isInteger(year) && year >= first - 1 && year <= last;
    const thresholdOk = percent !== null && percent >= 0 && percent <= 100;
    show("followup-year", yearOk ? null : t.yearRange(first - 1, last));
    show("followup-threshold", thresholdOk ? null : t.thresholdRange);
    if (!yearOk || !thresholdOk || !answers) return;
    const button = card.querySelector<HTMLButtonElement>("#followup-add")!;
    button.disabled = true;
    say("info", t.adding);
    try {
      const recorded = options.sheets();
      const sheets = recorded && recorded.length === SHEET_ORDER.length ? Object.fromEntries(SHEET_ORDER.map((key, i) => [key, recorded[i]])) : undefined;
      const f = startingFollowUp(answers, options.language, year, method.value as ReforecastMethod, percent / 100);
      const plan = await addFollowUp(answers, options.language, f, { sheets });
      say("success", t.added(plan.sheets.length), t.nextStep);
    } catch (e) {
      say("error", t.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      button.disabled = false;
    }
  }
  return card;
}
