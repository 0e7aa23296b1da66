/**
 * The form's effects section: per effect the project, the actor it saves for, and the saving either per
 * year or as volume × unit cost (from the unit-cost table or an own value), with the four net-effect
 * adjustments. It edits answers.effects in place; text that does not parse stays as typed and is a
 * problem of its field, like the rest of the form.
 */
import { effectFormTexts } from "../../i18n/effects";
import type { Language } from "../../i18n/language";
import type { UiText } from "../../i18n/ui";
import type { ModelAnswers } from "../model/answers";
import type { EffectAnswer, SavingEffect, VolumeEffect } from "../model/effects";
import { UNIT_COSTS, type UnitCostKey } from "../model/unitCosts";
import { fieldId, h } from "./dom";
import { groupError, section, selectField, wrapField } from "./fields";
import { formatAmountList, formatNumber, formatPercent, parseAmountList, readNumber, withoutTrailingZeros } from "./numbers";

export interface EffectsHost {
  answers: ModelAnswers;
  language: Language;
  text: UiText;
  /** The form's parse problems by field path: the pane reports them and refuses to build. */
  problems: Map<string, string>;
  onEdit(): void;
  rerender(focusId?: string): void;
}

/** Typed text per answers object, so a re-render keeps what was typed and a reset forgets it. */
const typedByAnswers = new WeakMap<ModelAnswers, Map<string, string>>();
const OWN = "own";
const ADJUSTMENTS = [
  ["deadweight", 0],
  ["attribution", 1],
  ["displacement", 0],
  ["dropoff", 0],
] as const;

/** The effects as the model wants them: series shorter than a valid horizon padded with zeros (as the form pads disbursements). */
export function normalizedEffects(answers: ModelAnswers, padTo: number): EffectAnswer[] | undefined {
  const pad = (xs: number[]) => (xs.length < padTo ? [...xs, ...new Array<number>(padTo - xs.length).fill(0)] : [...xs]);
  return answers.effects?.map((e) => {
    switch (e.kind) {
      case "saving":
        return { ...e, saving: pad(e.saving) };
      case "volume":
        return { ...e, volume: pad(e.volume) };
      case "costs":
        return { ...e, baseline: pad(e.baseline), intervention: pad(e.intervention) };
    }
  });
}

export function effectsSection(host: EffectsHost): HTMLElement {
  const { answers, language } = host;
  const t = effectFormTexts[language];
  let typed = typedByAnswers.get(answers);
  if (!typed) typedByAnswers.set(answers, (typed = new Map()));
  const effects = (answers.effects ??= []);

  const add = () => {
    const project = answers.projects[0];
    const actor = answers.actors.find((a) => a.name !== project?.owner && a.principal === "kommun") ?? answers.actors[0];
    effects.push({ kind: "saving", project: project?.name ?? "", actor: actor?.name ?? "", saving: [] });
    host.onEdit();
    host.rerender(fieldId(`effects[${effects.length - 1}].project`));
  };
  const remove = (index: number) => {
    effects.splice(index, 1);
    // Typed text and problems of this and later effects no longer match their places.
    for (const map of [typed!, host.problems]) for (const key of [...map.keys()]) if (key.startsWith("effects[")) map.delete(key);
    host.onEdit();
    host.rerender(effects.length > 0 ? fieldId(`effects[${Math.min(index, effects.length - 1)}].project`) : "add-effect");
  };

  /** A text field whose value is parsed on input; `read` returns the value or a problem text. */
  const parsed = <T>(field: string, label: string, shown: string, read: (text: string) => T | string, set: (value: T) => void, hint?: string) => {
    const input = h("input", {
      type: "text",
      autocomplete: "off",
      inputmode: "decimal",
      value: typed!.get(field) ?? shown,
      oninput: (event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        typed!.set(field, text);
        const value = read(text);
        if (typeof value === "string") host.problems.set(field, value);
        else {
          host.problems.delete(field);
          set(value);
        }
        host.onEdit();
      },
    });
    return wrapField(field, label, input, hint);
  };
  const list = (field: string, label: string, values: number[], set: (values: number[]) => void) =>
    parsed(field, label, formatAmountList(withoutTrailingZeros(values), language), (text) => {
      const values = parseAmountList(text, language);
      return typeof values === "string" ? host.text[values] : values;
    }, set, t.seriesHint);
  const number = (field: string, label: string, value: number, set: (value: number) => void, percent = false) =>
    parsed(field, label, percent ? formatPercent(value, language) : formatNumber(value, language), (text) => {
      const x = readNumber(text, language, { percent });
      return typeof x === "string" ? host.text[x] : percent ? x / 100 : x;
    }, set);

  const effectFields = (effect: EffectAnswer, index: number) => {
    const path = `effects[${index}]`;
    const names = (items: { name: string }[]) => items.map((x): [string, string] => [x.name, x.name || "–"]);
    const withCurrent = (options: [string, string][], current: string) => (options.some(([v]) => v === current) ? options : [[current, current || "–"] as [string, string], ...options]);
    const fields: (HTMLElement | null)[] = [
      selectField(host.onEdit, `${path}.project`, t.project, withCurrent(names(answers.projects), effect.project), effect.project, (v) => { effect.project = v; }),
      selectField(host.onEdit, `${path}.actor`, t.actor, withCurrent(names(answers.actors), effect.actor), effect.actor, (v) => { effect.actor = v; }),
    ];
    if (effect.kind !== "costs") {
      fields.push(selectField(host.onEdit, `${path}.kind`, t.kind, [["saving", t.kindSaving], ["volume", t.kindVolume]], effect.kind, (v) => {
        const common = { project: effect.project, actor: effect.actor, ...Object.fromEntries(ADJUSTMENTS.map(([k]) => [k, effect[k]])) };
        effects[index] = v === "volume"
          ? { ...common, kind: "volume", volume: effect.kind === "saving" ? effect.saving : [], unitCost: UNIT_COSTS[0].key }
          : { ...common, kind: "saving", saving: [] };
        host.rerender(fieldId(`${path}.kind`));
      }));
    }
    if (effect.kind === "saving") {
      fields.push(list(`${path}.saving`, t.saving(answers.unit), effect.saving, (v) => { (effect as SavingEffect).saving = v; }));
    } else if (effect.kind === "volume") {
      const volume = effect as VolumeEffect;
      fields.push(list(`${path}.volume`, t.volume, volume.volume, (v) => { volume.volume = v; }));
      const choice = typeof volume.unitCost === "string" ? volume.unitCost : OWN;
      const options: [string, string][] = [...UNIT_COSTS.map((u): [string, string] => [u.key, `${u.label[language]} (${formatNumber(u.value, language, { group: true })} ${u.unit[language]}, ${u.priceYear})`]), [OWN, t.ownUnitCost(answers.unit)]];
      fields.push(selectField(host.onEdit, `${path}.unitCostChoice`, t.unitCost, options, choice, (v) => {
        volume.unitCost = v === OWN ? 0 : (v as UnitCostKey);
        host.rerender(fieldId(`${path}.unitCostChoice`));
      }));
      if (typeof volume.unitCost === "number") fields.push(number(`${path}.unitCost`, t.ownValue(answers.unit), volume.unitCost, (v) => { volume.unitCost = v; }));
    }
    const labels = { deadweight: t.deadweight, attribution: t.attribution, displacement: t.displacement, dropoff: t.dropoff };
    const adjustment = ([key, fallback]: (typeof ADJUSTMENTS)[number]) =>
      number(`${path}.${key}`, labels[key], effect[key] ?? fallback, (v) => { effect[key] = v; }, true);
    fields.push(
      h("div", { class: "row" }, adjustment(ADJUSTMENTS[0]), adjustment(ADJUSTMENTS[1])),
      h("div", { class: "row" }, adjustment(ADJUSTMENTS[2]), adjustment(ADJUSTMENTS[3])),
      h("p", { class: "hint" }, t.adjustmentsHint),
      h("p", { class: "field-error", id: `${fieldId(path)}-error`, hidden: true }),
      h("button", { type: "button", class: "button subtle remove", id: `${fieldId(path)}-remove`, "aria-label": t.removeEffect(index + 1), onclick: () => remove(index) }, t.remove),
    );
    return h("fieldset", { class: "item", id: `${fieldId(path)}-item` }, h("legend", {}, t.effect(index + 1)), ...fields);
  };

  return section("section-effects", t.section, [
    h("p", { class: "hint" }, t.intro),
    groupError("effects"),
    ...effects.map(effectFields),
    h("button", { type: "button", class: "button secondary", id: "add-effect", onclick: add }, "+ " + t.add),
  ]);
}
