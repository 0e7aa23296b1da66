import { MODEL_MAX_COST_CELLS, MODEL_MAX_YEARS, MODEL_MIN_YEARS } from "../../engine/limits";
import { effectMessages } from "../../i18n/effects";
import type { Language } from "../../i18n/language";
import { unitCostOf, type UnitCostKey, type UnitCostTable } from "./unitCosts";

/**
 * Effects the way a controller states them: per project, only the actors it affects, each effect as a
 * yearly saving, as baseline and intervention costs, or as volume × unit cost (placement days avoided ×
 * cost per day), with the net-effect adjustments (DOMAIN.md §2) whose defaults change nothing; and per
 * project an optimism-bias uplift on its costs. Series hold one value per model year, in the model's unit.
 */

export type EffectKind = "saving" | "costs" | "volume";
export const EFFECT_KINDS: readonly EffectKind[] = ["saving", "costs", "volume"];

interface EffectBase {
  project: string;
  actor: string;
  /** A transfer between actors (a benefit paid to the individual): cancelled in the whole-society view. */
  transfer?: boolean;
  /** Share that would have happened anyway; default 0. */
  deadweight?: number;
  /** Share caused by this project; default 1. */
  attribution?: number;
  /** Share that only moved elsewhere; default 0. */
  displacement?: number;
  /** Yearly decline after the first year with an effect; default 0. */
  dropoff?: number;
  /**
   * Realised cashable savings the user typed into the outcome table, per model year; null (or a missing
   * year) keeps the table's formula (= the plan). Read back from the sheet when a model is changed in place.
   */
  outcome?: (number | null)[];
}

export interface SavingEffect extends EffectBase {
  kind: "saving";
  saving: number[];
}

export interface CostsEffect extends EffectBase {
  kind: "costs";
  baseline: number[];
  intervention: number[];
}

export interface VolumeEffect extends EffectBase {
  kind: "volume";
  /** Units avoided per year (days, placements, households). */
  volume: number[];
  /** A row of the unit-cost table (linked in the sheet), or the cost of one unit in the model's unit. */
  unitCost: UnitCostKey | number;
}

export type EffectAnswer = SavingEffect | CostsEffect | VolumeEffect;

export interface OptimismBiasAnswer {
  project: string;
  /** ≥ 0: the project's costs are raised by this share in the appraisal (Green Book). */
  uplift: number;
}

/** The answers' effect fields; ModelAnswers extends this. */
export interface EffectsAnswers {
  effects?: EffectAnswer[];
  optimismBias?: OptimismBiasAnswer[];
  /** Enhetskostnader as edited in the workbook; absent: the built-in table. */
  unitCostTable?: UnitCostTable;
}

/** The older cost rows (baseline/intervention for a pair), kept so stored answers and the example still build. */
interface LegacyCost {
  project: string;
  actor: string;
  baseline: number[];
  intervention: number[];
  transfer?: boolean;
}

export const MAX_OPTIMISM_BIAS = 10;

/**
 * The effect rows of the model, in project order then actor order (`actorOrder`): the effects, then the
 * legacy cost rows for pairs without one. A model with no effects at all gets one zero saving row per
 * project at its owner, so Kostnader always has a row to fill in.
 */
export function effectRows(
  answers: EffectsAnswers & { costs?: LegacyCost[]; projects: { name: string; owner: string }[]; years: number },
  actorOrder: readonly string[],
): EffectAnswer[] {
  const rows: EffectAnswer[] = [...(answers.effects ?? [])];
  const has = (project: string, actor: string) => rows.some((e) => e.project === project && e.actor === actor);
  for (const c of answers.costs ?? []) {
    if (!has(c.project, c.actor)) rows.push({ kind: "costs", ...c });
  }
  if (rows.length === 0) {
    for (const p of answers.projects) rows.push({ kind: "saving", project: p.name, actor: p.owner, saving: new Array<number>(answers.years).fill(0) });
  }
  const projectIndex = (name: string) => answers.projects.findIndex((p) => p.name === name);
  return rows
    .map((e, i) => ({ e, i }))
    .sort((x, y) => projectIndex(x.e.project) - projectIndex(y.e.project) || actorOrder.indexOf(x.e.actor) - actorOrder.indexOf(y.e.actor) || x.i - y.i)
    .map((x) => x.e);
}

/**
 * A new model's effect, a placeholder the user overwrites: SiS treatment days avoided at social services
 * (30 in the second year, 90 a year after), priced from the unit-cost table.
 */
export function defaultEffects(project: string, actor: string, years: number): EffectAnswer[] {
  const volume = Array.from({ length: years }, (_, t) => (t === 0 ? 0 : t === 1 ? 30 : 90));
  return [{ kind: "volume", project, actor, volume, unitCost: "sisTreatmentOpen" }];
}

export function optimismBiasOf(answers: EffectsAnswers, project: string): number {
  return answers.optimismBias?.find((o) => o.project === project)?.uplift ?? 0;
}

export interface EffectProblem {
  field: string;
  message: string;
}

const isNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const isFraction = (x: unknown) => isNumber(x) && x >= 0 && x <= 1;

/** Every problem with the effects and optimism-bias answers (fields such as "effects[2].volume[3]"). */
export function validateEffects(
  answers: EffectsAnswers & { years: number; projects: { name: string }[]; actors: { name: string }[] },
  language: Language,
): EffectProblem[] {
  const m = effectMessages[language];
  const problems: EffectProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const effects = Array.isArray(answers.effects) ? answers.effects : [];
  const years = answers.years;
  const projects = Array.isArray(answers.projects) ? answers.projects : [];
  const actors = Array.isArray(answers.actors) ? answers.actors : [];
  if (effects.length * Math.max(1, isNumber(years) ? years : 1) > MODEL_MAX_COST_CELLS) {
    add("effects", m.tooMany(Math.floor(MODEL_MAX_COST_CELLS / Math.max(1, years))));
    return problems;
  }
  const series = (field: string, values: unknown, signed: boolean) => {
    if (!Array.isArray(values)) return add(field, m.length(years));
    // A horizon outside the limits is the years field's problem, not every series'.
    if (yearsOk && values.length !== years) add(field, m.length(years));
    values.forEach((x, t) => {
      if (!isNumber(x)) add(`${field}[${t}]`, m.number);
      else if (!signed && x < 0) add(`${field}[${t}]`, m.notNegative);
    });
  };
  const yearsOk = Number.isInteger(years) && years >= MODEL_MIN_YEARS && years <= MODEL_MAX_YEARS;
  const seen = new Set<string>();
  effects.forEach((e, i) => {
    const at = `effects[${i}]`;
    if (!projects.some((p) => p.name === e.project)) add(`${at}.project`, m.project);
    if (!actors.some((a) => a.name === e.actor)) add(`${at}.actor`, m.actor);
    const pair = `${e.project}\u0000${e.actor}`;
    if (seen.has(pair)) add(`${at}.actor`, m.duplicate);
    seen.add(pair);
    for (const share of ["deadweight", "attribution", "displacement", "dropoff"] as const) {
      if (e[share] !== undefined && !isFraction(e[share])) add(`${at}.${share}`, m.fraction);
    }
    switch (e.kind) {
      case "saving":
        return series(`${at}.saving`, e.saving, true);
      case "costs":
        series(`${at}.baseline`, e.baseline, true);
        return series(`${at}.intervention`, e.intervention, true);
      case "volume":
        series(`${at}.volume`, e.volume, true);
        if (typeof e.unitCost === "string") {
          if (!unitCostOf(e.unitCost)) add(`${at}.unitCost`, m.unitCostKey);
        } else if (!isNumber(e.unitCost)) add(`${at}.unitCost`, m.number);
        else if (e.unitCost < 0) add(`${at}.unitCost`, m.notNegative);
        return;
      default:
        add(`${at}.kind`, m.kind);
    }
  });
  (Array.isArray(answers.optimismBias) ? answers.optimismBias : []).forEach((o, i) => {
    if (!projects.some((p) => p.name === o.project)) add(`optimismBias[${i}].project`, m.optimismProject);
    if (!isNumber(o.uplift) || o.uplift < 0 || o.uplift > MAX_OPTIMISM_BIAS) add(`optimismBias[${i}].uplift`, m.optimismBias);
  });
  // Enhetskostnader read back from the workbook: its numbers must be numbers (texts are free).
  const table = answers.unitCostTable;
  if (table !== undefined) {
    if (!isNumber(table.priceYear)) add("unitCostTable.priceYear", m.number);
    (Array.isArray(table.rows) ? table.rows : []).forEach((r, i) => {
      if (!isNumber(r.value)) add(`unitCostTable.rows[${i}].value`, m.number);
      if (!isNumber(r.priceYear)) add(`unitCostTable.rows[${i}].priceYear`, m.number);
    });
    (Array.isArray(table.index) ? table.index : []).forEach((x, i) => {
      if (!isNumber(x.year) || !isNumber(x.value)) add(`unitCostTable.index[${i}]`, m.number);
    });
  }
  return problems;
}
