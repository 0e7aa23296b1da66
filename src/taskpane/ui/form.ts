import type { Language } from "../../i18n/language";
import { livingTexts } from "../../i18n/living";
import type { UiText } from "../../i18n/ui";
import type { ModelAnswers, RepaymentModel, Timing, Unit, ActorAnswer, ProjectAnswer } from "../model/answers";
import type { Renames } from "../model/change";
import { PRINCIPALS, REPAYMENT_MODELS, type Principal } from "../../engine/vocabulary";
import { h, fieldId, type Child } from "./dom";
import { groupError, radioGroup, section, selectField, wrapField } from "./fields";
import { readNumber, parseAmountList, formatNumber, formatAmountList, formatPercent, withoutTrailingZeros } from "./numbers";
import { effectsSection, normalizedEffects } from "./effects";
import { MODEL_MAX_YEARS, MODEL_MIN_YEARS } from "../../engine/limits";

const UNITS: Unit[] = ["kr", "tkr", "Mkr"];
const TIMINGS: Timing[] = [0, 0.5, 1];

/** What the form tells the pane: an answer changed (so problems can be re-checked live). */
export interface FormEvents {
  onEdit(): void;
}

/**
 * The "new model" form. It edits a ModelAnswers object in place; text that does not parse is kept as
 * typed (so the user sees and fixes it) and reported as a problem of that field.
 */
export class ModelForm {
  readonly element: HTMLFormElement;
  /** Text typed into numeric fields, by field path, so a re-render never loses what was typed. */
  private readonly typed = new Map<string, string>();
  /** Problems found while parsing typed text, by field path (localized). */
  readonly parseProblems = new Map<string, string>();
  private readonly onEdit = (): void => this.events.onEdit();
  /** Each actor's and project's name when the form was filled: a row keeps its identity when renamed (see renames). */
  private origin = new WeakMap<object, string>();

  constructor(
    public answers: ModelAnswers,
    private language: Language,
    private text: UiText,
    private readonly events: FormEvents,
  ) {
    this.element = h("form", { class: "model-form", novalidate: true, "aria-labelledby": "new-model-heading" });
    this.element.addEventListener("submit", (event) => event.preventDefault());
    this.remember();
    this.render();
  }

  private remember(): void {
    this.origin = new WeakMap();
    for (const row of [...this.answers.actors, ...this.answers.projects]) this.origin.set(row, row.name);
  }

  /** The actors and projects renamed since the form was filled, as [name then, name now]: a rename, not a removal and an addition. */
  renames(): Renames {
    const renamed = (rows: readonly { name: string }[]) =>
      rows.flatMap((row) => {
        const was = this.origin.get(row);
        return was !== undefined && was !== row.name ? [[was, row.name] as const] : [];
      });
    return { actors: renamed(this.answers.actors), projects: renamed(this.answers.projects) };
  }

  /** Replaces the answers (e.g. the defaults in another language) and forgets typed text. */
  reset(answers: ModelAnswers, language: Language, text: UiText): void {
    this.answers = answers;
    this.language = language;
    this.text = text;
    this.typed.clear();
    this.parseProblems.clear();
    this.remember();
    this.render();
  }

  /**
   * Re-renders in another language, keeping the answers. Text that was read shows again in the new
   * language's notation ("3,5" becomes "3.5"); text that was not is kept as typed and read again by the
   * new language's rules, so its problem is reported in the new language.
   */
  relabel(language: Language, text: UiText): void {
    this.language = language;
    this.text = text;
    for (const field of [...this.typed.keys()]) {
      if (!this.parseProblems.has(field)) this.typed.delete(field);
    }
    this.render();
    for (const input of this.element.querySelectorAll<HTMLInputElement>("input[data-field]")) {
      if (this.parseProblems.has(input.dataset.field ?? "")) input.dispatchEvent(new Event("input"));
    }
  }

  /**
   * The answers as the model wants them: a disbursement list shorter than the horizon (e.g. one
   * first-year amount) is padded with zeros; a longer one is left for validation to report. Only a
   * horizon within the model's limits is padded to: a typed 1 000 000 000 years must not allocate
   * anything before validation refuses it (issue 9 item 1).
   */
  normalizedAnswers(): ModelAnswers {
    const years = this.answers.years;
    const padTo = Number.isInteger(years) && years >= MODEL_MIN_YEARS && years <= MODEL_MAX_YEARS ? years : 0;
    return {
      ...this.answers,
      actors: this.answers.actors.map((actor) => ({ ...actor })),
      projects: this.answers.projects.map((project) => ({
        ...project,
        disbursements: project.disbursements.length < padTo
          ? [...project.disbursements, ...new Array<number>(padTo - project.disbursements.length).fill(0)]
          : [...project.disbursements],
      })),
      effects: normalizedEffects(this.answers, padTo),
    };
  }

  /** Re-renders everything and puts the focus back where it was (or on `focusId`). */
  render(focusId?: string): void {
    const active = focusId ?? (document.activeElement as HTMLElement | null)?.id;
    const t = this.text;
    const a = this.answers;
    this.element.replaceChildren(
      section("section-model", t.sectionModel, [
        wrapField("name", livingTexts[this.language].modelName, h("input", {
          type: "text", autocomplete: "off", maxlength: 20, value: a.name ?? "",
          oninput: (event: Event) => {
            a.name = (event.target as HTMLInputElement).value;
            this.events.onEdit();
          },
        })),
        h("div", { class: "row" }, this.numberField("firstYear", t.firstYear, { integer: true }), this.numberField("years", t.years, { integer: true })),
        selectField(this.onEdit, "unit", t.unit, UNITS.map((unit) => [unit, unit]), a.unit, (value) => {
          a.unit = value as Unit;
          this.render();
        }),
        this.numberField("discountRate", t.discountRate, { percent: true, hint: t.discountRateHint }),
        radioGroup(this.onEdit, "timing", t.timing, TIMINGS.map((timing) => ({ value: String(timing), label: t.timingOptions[String(timing) as "0" | "0.5" | "1"] })), String(a.timing), (value) => {
          a.timing = Number(value) as Timing;
        }),
      ]),
      section("section-fund", t.sectionFund, [
        h("div", { class: "row" },
          this.numberField("openingBalance", t.openingBalance(a.unit)),
          this.numberField("yearlyContribution", t.yearlyContribution(a.unit)),
        ),
        radioGroup(this.onEdit, "fundFromEquity", t.fundSource, [
          { value: "true", label: t.fundFromEquity },
          { value: "false", label: t.fundFromOperating },
        ], String(a.fundFromEquity), (value) => {
          a.fundFromEquity = value === "true";
        }),
        this.numberField("cofinancingRequirement", t.cofinancingRequirement, { percent: true, hint: t.cofinancingRequirementHint }),
      ]),
      section("section-repayment", t.sectionRepayment, [
        radioGroup(this.onEdit, "repaymentModel", t.repaymentModel, REPAYMENT_MODELS.map((model) => ({
          value: model,
          label: t.repaymentModels[model].label,
          explanation: t.repaymentModels[model].explanation,
        })), a.repaymentModel, (value) => {
          a.repaymentModel = value as RepaymentModel;
          this.render();
        }),
        ...this.repaymentParameters(),
      ]),
      section("section-actors", t.sectionActors, [
        groupError("actors"),
        ...a.actors.map((actor, index) => this.actorFields(actor, index)),
        h("button", { type: "button", class: "button secondary", id: "add-actor", onclick: () => this.addActor() }, "+ " + t.addActor),
      ]),
      section("section-projects", t.sectionProjects, [
        groupError("projects"),
        ...a.projects.map((project, index) => this.projectFields(project, index)),
        h("button", { type: "button", class: "button secondary", id: "add-project", onclick: () => this.addProject() }, "+ " + t.addProject),
      ]),
      effectsSection({ answers: a, language: this.language, text: t, problems: this.parseProblems, onEdit: this.onEdit, rerender: (id) => this.render(id) }),
    );
    if (active) (this.element.querySelector<HTMLElement>(`#${CSS.escape(active)}`) ?? document.getElementById(active))?.focus();
  }

  private repaymentParameters(): Child[] {
    const t = this.text;
    switch (this.answers.repaymentModel) {
      case "fundBearsRisk":
      case "administrationBearsRisk":
        return [h("div", { class: "row" },
          this.numberField("repaymentShare", t.repaymentShare, { percent: true }),
          this.numberField("lag", t.lag, { integer: true }),
        )];
      case "key":
        return [this.numberField("keyYears", t.keyYears, { integer: true })];
      default:
        return [];
    }
  }

  /** A numeric field bound to a path of the answers (top level or inside a list). */
  private numberField(
    field: string,
    label: string,
    options: { percent?: boolean; integer?: boolean; optional?: boolean; hint?: string; get?: () => number | undefined; set?: (value: number | undefined) => void } = {},
  ): HTMLElement {
    const record = this.answers as unknown as Record<string, number | undefined>;
    const get = options.get ?? (() => record[field]);
    const set = options.set ?? ((value: number | undefined) => { record[field] = value; });
    const current = get();
    const shown = this.typed.get(field) ??
      (current === undefined || current === null ? "" : options.percent ? formatPercent(current, this.language) : formatNumber(current, this.language));
    const input = h("input", {
      type: "text",
      inputmode: options.integer ? "numeric" : "decimal",
      autocomplete: "off",
      value: shown,
      oninput: (event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        this.typed.set(field, text);
        const value = readNumber(text, this.language, { percent: options.percent });
        // An optional field (a frame) may be left empty; other empty fields are a problem.
        if (text.trim() === "" && options.optional) {
          this.parseProblems.delete(field);
          set(undefined);
        } else if (typeof value !== "number") this.parseProblems.set(field, this.text[value]);
        else {
          this.parseProblems.delete(field);
          set(options.percent ? value / 100 : value);
        }
        this.events.onEdit();
      },
    });
    return wrapField(field, label, input, options.hint);
  }

  private actorFields(actor: ActorAnswer, index: number): HTMLElement {
    const t = this.text;
    const path = `actors[${index}]`;
    const name = h("input", {
      type: "text",
      autocomplete: "off",
      value: actor.name,
      oninput: (event: Event) => {
        const previous = actor.name;
        actor.name = (event.target as HTMLInputElement).value;
        // Projects follow their owner, and effects the actor they save for, when it is renamed.
        for (const project of this.answers.projects) if (project.owner === previous) project.owner = actor.name;
        for (const effect of this.answers.effects ?? []) if (effect.actor === previous) effect.actor = actor.name;
        this.refreshOwnerOptions();
        this.events.onEdit();
      },
    });
    return h("fieldset", { class: "item", id: `${fieldId(path)}-item` },
      h("legend", {}, t.actor(index + 1)),
      wrapField(`${path}.name`, t.actorName, name),
      selectField(this.onEdit, `${path}.principal`, t.principal, PRINCIPALS.map((p) => [p, t.principals[p]]), actor.principal, (value) => {
        actor.principal = value as Principal;
      }),
      h("div", { class: "row" },
        this.numberField(`${path}.cashableShare`, t.cashableShare, {
          percent: true,
          hint: index === 0 ? t.cashableShareHint : undefined,
          get: () => actor.cashableShare,
          set: (value) => { actor.cashableShare = value ?? 1; },
        }),
        this.numberField(`${path}.frame`, t.frame(this.answers.unit), {
          hint: index === 0 ? t.frameHint : undefined,
          optional: true,
          get: () => actor.frame,
          set: (value) => { actor.frame = value; },
        }),
      ),
      h("p", { class: "field-error", id: `${fieldId(path)}-error`, hidden: true }),
      h("button", {
        type: "button",
        class: "button subtle remove",
        id: `${fieldId(path)}-remove`,
        "aria-label": t.removeActor(actor.name || String(index + 1)),
        onclick: () => this.removeActor(index),
      }, t.remove),
    );
  }

  private projectFields(project: ProjectAnswer, index: number): HTMLElement {
    const t = this.text;
    const path = `projects[${index}]`;
    const name = h("input", {
      type: "text",
      autocomplete: "off",
      value: project.name,
      oninput: (event: Event) => {
        const previous = project.name;
        project.name = (event.target as HTMLInputElement).value;
        // The project's effects follow it when it is renamed.
        for (const effect of this.answers.effects ?? []) if (effect.project === previous) effect.project = project.name;
        this.events.onEdit();
      },
    });
    const disbursementField = `${path}.disbursements`;
    const disbursements = h("input", {
      type: "text",
      autocomplete: "off",
      inputmode: "decimal",
      value: this.typed.get(disbursementField) ?? formatAmountList(withoutTrailingZeros(project.disbursements), this.language),
      oninput: (event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        this.typed.set(disbursementField, text);
        const values = parseAmountList(text, this.language);
        if (typeof values === "string") this.parseProblems.set(disbursementField, this.text[values]);
        else {
          this.parseProblems.delete(disbursementField);
          project.disbursements = values;
        }
        this.events.onEdit();
      },
    });
    return h("fieldset", { class: "item", id: `${fieldId(path)}-item` },
      h("legend", {}, t.project(index + 1)),
      wrapField(`${path}.name`, t.projectName, name),
      wrapField(`${path}.owner`, t.owner, this.ownerSelect(project)),
      this.numberField(`${path}.cofinancingShare`, t.cofinancingShare, {
        percent: true,
        get: () => project.cofinancingShare,
        set: (value) => { project.cofinancingShare = value ?? 0; },
      }),
      wrapField(disbursementField, t.disbursements(this.answers.unit), disbursements, t.disbursementsHint),
      h("p", { class: "field-error", id: `${fieldId(path)}-error`, hidden: true }),
      h("button", {
        type: "button",
        class: "button subtle remove",
        id: `${fieldId(path)}-remove`,
        "aria-label": t.removeProject(project.name || String(index + 1)),
        onclick: () => this.removeProject(index),
      }, t.remove),
    );
  }

  private ownerSelect(project: ProjectAnswer): HTMLSelectElement {
    const select = h("select", {
      class: "owner-select",
      onchange: (event: Event) => {
        project.owner = (event.target as HTMLSelectElement).value;
        this.events.onEdit();
      },
    });
    this.fillOwnerOptions(select, project);
    return select;
  }

  private fillOwnerOptions(select: HTMLSelectElement, project: ProjectAnswer): void {
    const names = this.answers.actors.map((actor) => actor.name);
    const options = names.map((name) => h("option", { value: name, selected: name === project.owner }, name || "–"));
    // An owner that is no actor (anymore) stays visible, so validation can point at it.
    if (!names.includes(project.owner)) {
      options.unshift(h("option", { value: project.owner, selected: true }, project.owner || this.text.noActors));
    }
    select.replaceChildren(...options);
  }

  private refreshOwnerOptions(): void {
    this.answers.projects.forEach((project, index) => {
      const select = this.element.querySelector<HTMLSelectElement>(`#${fieldId(`projects[${index}].owner`)}`);
      if (select) this.fillOwnerOptions(select, project);
    });
  }

  private addActor(): void {
    const index = this.answers.actors.length;
    this.answers.actors.push({ name: "", principal: "kommun", cashableShare: 1 });
    this.events.onEdit();
    this.render(fieldId(`actors[${index}].name`));
  }

  private removeActor(index: number): void {
    const [removed] = this.answers.actors.splice(index, 1);
    this.shiftTyped("actors", index);
    this.dropEffects((effect) => effect.actor === removed.name);
    this.events.onEdit();
    this.render(this.answers.actors.length > 0 ? fieldId(`actors[${Math.min(index, this.answers.actors.length - 1)}].name`) : "add-actor");
  }

  private addProject(): void {
    const index = this.answers.projects.length;
    const owner = this.answers.actors.find((actor) => actor.principal === "kommun")?.name ?? this.answers.actors[0]?.name ?? "";
    this.answers.projects.push({ name: "", owner, disbursements: [], cofinancingShare: this.answers.cofinancingRequirement });
    this.events.onEdit();
    this.render(fieldId(`projects[${index}].name`));
  }

  private removeProject(index: number): void {
    const [removed] = this.answers.projects.splice(index, 1);
    this.shiftTyped("projects", index);
    this.dropEffects((effect) => effect.project === removed.name);
    this.events.onEdit();
    this.render(this.answers.projects.length > 0 ? fieldId(`projects[${Math.min(index, this.answers.projects.length - 1)}].name`) : "add-project");
  }

  /** The effects of a removed project or actor go with it (they would otherwise point at nothing). */
  private dropEffects(belongsToRemoved: (effect: NonNullable<ModelAnswers["effects"]>[number]) => boolean): void {
    const effects = this.answers.effects ?? [];
    for (let i = effects.length - 1; i >= 0; i--) {
      if (!belongsToRemoved(effects[i])) continue;
      effects.splice(i, 1);
      this.shiftTyped("effects", i);
    }
  }

  /** After removing item `removed` of a list, typed text and parse problems of later items move up one place. */
  private shiftTyped(list: string, removed: number): void {
    const pattern = new RegExp(`^${list}\\[(\\d+)\\](.*)$`);
    for (const map of [this.typed, this.parseProblems] as Map<string, string>[]) {
      const entries = [...map.entries()];
      for (const [key] of entries) if (pattern.test(key)) map.delete(key);
      for (const [key, value] of entries) {
        const match = pattern.exec(key);
        if (!match) continue;
        const index = Number(match[1]);
        if (index === removed) continue;
        map.set(`${list}[${index > removed ? index - 1 : index}]${match[2]}`, value);
      }
    }
  }
}
