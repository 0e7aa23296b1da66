import { callTexts, callUiTexts } from "../../i18n/call";
import type { Language } from "../../i18n/language";
import { uiText } from "../../i18n/ui";
import { buildCall, CallError, findCall, findLinkableModels, selectProjects, type CallRecord } from "../excel/call";
import { CALL_MAX_CRITERIA, defaultCallAnswers, validateCallAnswers, type CallAnswers, type LinkedModel } from "../model/call/answers";
import { RULE_KEYS, type RuleKey } from "../model/call/layout";
import { fill, h, type Child } from "./dom";
import { section, selectField, wrapField } from "./fields";
import { formatNumber, readNumber } from "./numbers";

type Status = { kind: "info" | "success" | "error"; text: (language: Language) => Child | Child[] };

/**
 * The pane's yearly call (issue 13 item 5): a form for the call's rules, criteria and weights, sizes
 * and fund, with the models already in the workbook as linked applications; "Skapa utlysningens blad"
 * writes the three sheets, "Välj projekt" reads them, runs the engine's selection and stamps the result.
 * The pane mounts it with `render(language)`; every text is drawn from the language at display time.
 */
export class CallPanel {
  /**
   * Folded until opened: the call is a yearly task beside the model, and it reads the workbook (its
   * models, a call already there) only when the user opens it, not on every start of the pane.
   */
  readonly element: HTMLDetailsElement = h("details", {
    class: "card call", id: "call",
    ontoggle: () => {
      if (this.element.open && !this.refreshed) void this.refresh();
    },
  });
  private refreshed = false;
  private answers: CallAnswers;
  private pristine = true;
  /** What the user typed, per field, so a re-render keeps it (also when it is not a number). */
  private readonly typed = new Map<string, string>();
  private readonly problems = new Map<string, string>();
  private models: LinkedModel[] = [];
  private linkModels = true;
  private record: CallRecord | null = null;
  private status: Status | null = null;
  private busy = false;
  /** The problems shown next to their fields since the last refused build. */
  private problemsShown = new Map<string, string>();

  constructor(private language: Language) {
    this.answers = defaultCallAnswers(language);
  }

  /** Reads what the workbook holds (its models, a call already there) and redraws. */
  async refresh(): Promise<void> {
    this.refreshed = true;
    this.models = await findLinkableModels(this.language);
    this.record = await findCall();
    this.render(this.language);
  }

  render(language: Language): HTMLElement {
    if (language !== this.language) {
      this.language = language;
      if (this.pristine) this.answers = defaultCallAnswers(language, this.answers.firstYear);
      this.typed.clear();
      this.problems.clear();
    }
    const t = callUiTexts[language];
    const rules = callTexts[language].rules;
    const ruleField = (key: RuleKey) =>
      key === "minCofinancingShare"
        ? this.numberField(`rules.${key}`, t.cofinancingPercent, () => this.answers.rules[key], (v) => (this.answers.rules[key] = v), { percent: true, optional: true })
        : this.numberField(`rules.${key}`, rules[key], () => this.answers.rules[key], (v) => (this.answers.rules[key] = v), { optional: true, group: key === "maxAmountPerYear" });
    const top = (key: "applications" | "years" | "firstYear" | "opening" | "contribution", label: string) =>
      this.numberField(key, label, () => this.answers[key], (v) => (this.answers[key] = v ?? Number.NaN), { group: key === "opening" || key === "contribution" });
    const objectives = callTexts[language].objectives;
    fill(this.element,
      h("summary", {}, h("h2", { id: "call-heading" }, t.heading)),
      h("p", {}, t.intro),
      this.record ? h("p", { class: "muted", id: "call-existing" }, t.callExists(Object.values(this.record.sheets))) : null,
      this.record ? null : [
        h("div", { class: "row" }, top("applications", t.applications), top("years", t.years)),
        h("div", { class: "row" }, top("firstYear", t.firstYear)),
        h("div", { class: "row" }, top("opening", t.opening), top("contribution", t.contribution)),
        section("call-rules", t.rulesLegend, [h("div", { class: "row" }, RULE_KEYS.map(ruleField))]),
        section("call-criteria", t.criteriaLegend, [
          ...this.answers.criteria.map((criterion, i) => h("div", { class: "row criterion" },
            wrapField(`call.criteria[${i}].name`, t.criterion(i + 1), h("input", {
              type: "text", autocomplete: "off", value: criterion.name,
              oninput: (event: Event) => {
                criterion.name = (event.target as HTMLInputElement).value;
                this.edited();
              },
            })),
            this.numberField(`criteria[${i}].weight`, t.weight, () => criterion.weight, (v) => (criterion.weight = v ?? Number.NaN)),
            this.answers.criteria.length > 1
              ? h("button", { type: "button", class: "button subtle", id: `call-remove-criterion-${i}`, "aria-label": t.removeCriterion(criterion.name || t.criterion(i + 1)), onclick: () => this.removeCriterion(i) }, "×")
              : null,
          )),
          this.answers.criteria.length < CALL_MAX_CRITERIA
            ? h("button", { type: "button", class: "button secondary", id: "call-add-criterion", onclick: () => this.addCriterion() }, t.addCriterion)
            : null,
        ]),
        selectField(() => this.edited(), "call.objective", t.objective, [["weightedScore", objectives.weightedScore], ["netBenefit", objectives.netBenefit]],
          this.answers.objective, (value) => (this.answers.objective = value as CallAnswers["objective"])),
        this.models.length > 0
          ? h("div", { class: "checkbox" },
            h("input", { type: "checkbox", id: "call-link-models", checked: this.linkModels, onchange: (event: Event) => (this.linkModels = (event.target as HTMLInputElement).checked) }),
            h("label", { for: "call-link-models" }, t.linkModels(this.models.length)))
          : null,
        h("button", { type: "button", class: "button primary", id: "call-build", onclick: () => void this.build() }, t.build),
      ],
      h("button", { type: "button", class: this.record ? "button primary" : "button secondary", id: "call-select", onclick: () => void this.select() }, t.select),
      h("div", { id: "call-status", role: "status", "aria-live": "polite" },
        this.status ? h("div", { class: `message ${this.status.kind}`, "data-kind": this.status.kind }, this.status.text(language)) : null),
    );
    this.showProblems();
    for (const id of ["call-build", "call-select"]) {
      const button = this.element.querySelector<HTMLButtonElement>(`#${id}`);
      if (button) button.disabled = this.busy;
    }
    return this.element;
  }

  private numberField(field: string, label: string, get: () => number | undefined, set: (value: number | undefined) => void, options: { percent?: boolean; optional?: boolean; group?: boolean } = {}): HTMLElement {
    const current = get();
    const shown = this.typed.get(field) ?? (current === undefined || Number.isNaN(current) ? "" : formatNumber(options.percent ? current * 100 : current, this.language, { group: options.group }));
    const input = h("input", {
      type: "text", inputmode: "decimal", autocomplete: "off", value: shown,
      oninput: (event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        this.typed.set(field, text);
        const value = readNumber(text, this.language, { percent: options.percent });
        if (text.trim() === "" && options.optional) {
          this.problems.delete(field);
          set(undefined);
        } else if (typeof value !== "number") this.problems.set(field, uiText(this.language)[value]);
        else {
          this.problems.delete(field);
          set(options.percent ? value / 100 : value);
        }
        this.edited();
      },
    });
    // Ids under "call-", apart from the model form's fields of the same name.
    return wrapField(`call.${field}`, label, input);
  }

  private edited(): void {
    this.pristine = false;
  }

  private addCriterion(): void {
    this.answers.criteria.push({ name: callUiTexts[this.language].criterion(this.answers.criteria.length + 1), weight: 1 });
    this.edited();
    this.render(this.language);
  }

  private removeCriterion(index: number): void {
    this.answers.criteria.splice(index, 1);
    // Typed texts follow their fields' new positions: simplest is to drop the criteria's.
    for (const key of [...this.typed.keys()]) if (key.startsWith("criteria[")) this.typed.delete(key);
    this.edited();
    this.render(this.language);
  }

  /** Every problem next to its field: what could not be read as a number first, then the answers' checks. */
  private currentProblems(): Map<string, string> {
    const found = new Map(this.problems);
    for (const p of validateCallAnswers({ ...this.answers, linkedModels: this.linkedModels() }, this.language)) if (!found.has(p.field)) found.set(p.field, p.message);
    return found;
  }

  private showProblems(problems: Map<string, string> = this.problemsShown): void {
    for (const slot of this.element.querySelectorAll<HTMLElement>(".field-error")) {
      slot.hidden = true;
      slot.textContent = "";
    }
    for (const [field, message] of problems) {
      const slot = this.element.querySelector<HTMLElement>(`#${CSS.escape(`call.${field}`.replace(/[[\].]+/g, "-").replace(/-+$/, ""))}-error`);
      if (!slot) continue;
      slot.hidden = false;
      slot.textContent = message;
    }
  }

  private linkedModels(): LinkedModel[] {
    return this.linkModels ? this.models : [];
  }

  private setStatus(status: Status | null): void {
    this.status = status;
    this.render(this.language);
  }

  private async build(): Promise<void> {
    if (this.busy) return;
    await this.refresh();
    const problems = this.currentProblems();
    this.problemsShown = problems;
    if (problems.size > 0) {
      this.setStatus({ kind: "error", text: (l) => callUiTexts[l].fixProblems(problems.size) });
      return;
    }
    this.busy = true;
    this.setStatus({ kind: "info", text: (l) => callUiTexts[l].building });
    try {
      const answers = { ...this.answers, linkedModels: this.linkedModels() };
      const report = await buildCall(answers, this.language);
      this.busy = false;
      this.record = await findCall();
      this.setStatus({ kind: "success", text: (l) => callUiTexts[l].built(report.sheets) });
    } catch (error) {
      this.busy = false;
      this.setStatus({ kind: "error", text: (l) => (error instanceof CallError ? error.messages[l] : callUiTexts[l].failed(String(error))) });
    }
  }

  private async select(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.setStatus({ kind: "info", text: (l) => callUiTexts[l].selecting });
    try {
      const report = await selectProjects(this.language);
      this.busy = false;
      const next = report.decision.selection.nextBest;
      const nextName = next ? report.decision.applications[next.candidate].name : null;
      this.setStatus({
        kind: "success",
        text: (l) => {
          const t = callUiTexts[l];
          return [
            h("p", { class: "message-title", id: "call-result" }, report.chosen.length ? t.selected(report.chosen.length, formatNumber(report.objective, l)) : t.noneChosen),
            report.chosen.length ? h("ul", { id: "call-chosen" }, report.chosen.map((name) => h("li", {}, name))) : null,
            next && nextName ? h("p", { id: "call-next-best" }, t.nextBest(nextName, formatNumber(next.total, l))) : null,
          ];
        },
      });
    } catch (error) {
      this.busy = false;
      this.setStatus({ kind: "error", text: (l) => (error instanceof CallError ? error.messages[l] : callUiTexts[l].failed(String(error))) });
    }
  }
}
