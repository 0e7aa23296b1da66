import type { ModelAnswers, ProjectAnswer } from "./answers";
import { effectRows, type EffectAnswer } from "./effects";

type Carry = <T>(series: readonly T[] | undefined, blank: T) => T[];

/** Every series of an effect, mapped (the kind decides which it has). */
function mapSeries(e: EffectAnswer, f: (series: readonly number[]) => number[]): EffectAnswer {
  switch (e.kind) {
    case "saving":
      return { ...e, saving: f(e.saving) };
    case "costs":
      return { ...e, baseline: f(e.baseline), intervention: f(e.intervention) };
    case "volume":
      return { ...e, volume: f(e.volume) };
  }
}

/**
 * The effects of the changed model, matched by project and actor name: the form's effects decide which
 * there are, their kind and their adjustments; an effect the sheets already hold keeps its series
 * (carried by calendar year when the years change; the form's when they stay) and always its typed
 * outcomes, which the form does not show. A new effect is the form's, year for year.
 */
function carriedEffects(current: ModelAnswers, next: ModelAnswers, sameYears: boolean, carry: Carry): EffectAnswer[] {
  const before = effectRows(current, current.actors.map((a) => a.name));
  const wanted = next.effects ?? before;
  return wanted.map((e) => {
    const old = before.find((x) => x.project === e.project && x.actor === e.actor && x.kind === e.kind);
    const { outcome: _formOutcome, ...fields } = e;
    void _formOutcome;
    const pad = (series: readonly number[]) => Array.from({ length: next.years }, (_, t) => series[t] ?? 0);
    if (!old) return mapSeries(fields as EffectAnswer, pad);
    const outcome = old.outcome ? carry<number | null>(old.outcome, null) : undefined;
    // An outcome row with no typed year left is the plan's formulas: no outcome field.
    const typed = outcome?.some((x) => x !== null) ? { outcome } : {};
    const series = sameYears ? mapSeries(fields as EffectAnswer, pad) : mapSeries({ ...fields, ...seriesOf(old) } as EffectAnswer, (s) => carry(s, 0));
    return { ...series, ...typed };
  });
}

/** Only the series fields of an effect (to put the sheet's series over the form's). */
function seriesOf(e: EffectAnswer): Partial<EffectAnswer> {
  switch (e.kind) {
    case "saving":
      return { saving: e.saving };
    case "costs":
      return { baseline: e.baseline, intervention: e.intervention };
    case "volume":
      return { volume: e.volume };
  }
}

/**
 * Change in place (issue 10 item 2), pure: the model's current state as read from its sheets and the
 * new answers of the form → the answers the new plan is built from, every typed value carried to its new
 * place.
 *
 * The new answers decide the structure: which projects and actors (by name), the first year, the number
 * of years, the repayment model, and every single-valued input (the form shows them filled from the
 * sheets, so they are the sheets' values unless the user edited them in the form). Series are carried
 * by calendar year: a cost of 2027 stays a cost of 2027 when the first year moves, a year added gets
 * zeros (costs, disbursements) or the plan's formula (outcome), a year that leaves the model leaves with
 * its values. A project's disbursements typed in the form apply when the years stay the same; when they
 * change, the sheet's series is carried. Effects follow the same rule (see carriedEffects); typed
 * outcomes and Enhetskostnader (which the form does not show) always come from the sheets.
 */
export function carryValues(current: ModelAnswers, next: ModelAnswers): ModelAnswers {
  const sameYears = current.firstYear === next.firstYear && current.years === next.years;
  const carry = <T>(series: readonly T[] | undefined, blank: T): T[] =>
    Array.from({ length: next.years }, (_, t) => {
      const old = next.firstYear + t - current.firstYear;
      return series && old >= 0 && old < current.years && old < series.length ? series[old] : blank;
    });
  const projects: ProjectAnswer[] = next.projects.map((project) => {
    const before = current.projects.find((p) => p.name === project.name);
    // A new project's series (and a series edited in the form while the years stay) is the form's, year for year.
    if (!before || sameYears) return { ...project, disbursements: Array.from({ length: next.years }, (_, t) => project.disbursements[t] ?? 0) };
    return { ...project, disbursements: carry(before.disbursements, 0) };
  });
  const actorNames = new Set(next.actors.map((a) => a.name));
  const projectNames = new Set(next.projects.map((p) => p.name));
  const effects = carriedEffects(current, next, sameYears, carry).filter((e) => projectNames.has(e.project) && actorNames.has(e.actor));
  const optimismBias = (next.optimismBias ?? current.optimismBias ?? []).filter((o) => projectNames.has(o.project));
  const lastYear = next.firstYear + next.years - 1;
  const assumedYears = (current.assumedYears ?? []).filter((y) => y >= next.firstYear && y <= lastYear);
  const { assumedYears: _, costs: _legacy, ...rest } = next;
  void _;
  void _legacy;
  // Enhetskostnader's rows are kept as the sheets hold them (the form does not show them).
  const unitCostTable = current.unitCostTable ?? next.unitCostTable;
  return { ...rest, projects, effects, optimismBias, ...(unitCostTable ? { unitCostTable } : {}), ...(assumedYears.length > 0 ? { assumedYears } : {}) };
}

/** Projects and actors renamed in the form: each pair is [the name in the sheets, the new name]. */
export interface Renames {
  actors?: readonly (readonly [string, string])[];
  projects?: readonly (readonly [string, string])[];
}

/**
 * The model as read from its sheets with the form's renames applied (issue 10, renames in the form): a
 * project or actor renamed in the form is the same row, so carryValues (which matches by name) carries
 * its typed values, and its effects and optimism bias go with it. A row whose name a rename takes over
 * (removed in the form, its name given to another) gets a name no answer has, so nothing of it carries;
 * the rows stay where they are, so the layout is the sheets' still.
 */
export function followRenames(current: ModelAnswers, renames: Renames = {}): ModelAnswers {
  const follow = (pairs: readonly (readonly [string, string])[] = []) => {
    const to = new Map(pairs.filter(([from, name]) => from !== name));
    const taken = new Set(to.values());
    return (name: string) => to.get(name) ?? (taken.has(name) ? `\u0000${name}` : name);
  };
  const actor = follow(renames.actors);
  const project = follow(renames.projects);
  return {
    ...current,
    actors: current.actors.map((a) => ({ ...a, name: actor(a.name) })),
    projects: current.projects.map((p) => ({ ...p, name: project(p.name), owner: actor(p.owner) })),
    ...(current.effects ? { effects: current.effects.map((e) => ({ ...e, project: project(e.project), actor: actor(e.actor) })) } : {}),
    ...(current.optimismBias ? { optimismBias: current.optimismBias.map((o) => ({ ...o, project: project(o.project) })) } : {}),
  };
}

/**
 * Next budget year (issue 10 item 3): the model one year longer, the new last year's inputs carried
 * forward from the year before (disbursements, every effect series; a typed outcome is not
 * carried: the new year's outcome is the plan until it is known), marked as an assumption.
 */
export function nextBudgetYear(current: ModelAnswers): ModelAnswers {
  const extend = (series: readonly number[]) => [...series, series.length > 0 ? series[series.length - 1] : 0];
  const newYear = current.firstYear + current.years;
  return {
    ...current,
    years: current.years + 1,
    projects: current.projects.map((p) => ({ ...p, disbursements: extend(p.disbursements) })),
    effects: effectRows(current, current.actors.map((a) => a.name)).map((e) => ({
      ...mapSeries(e, extend),
      ...(e.outcome ? { outcome: [...e.outcome, null] } : {}),
    })),
    assumedYears: [...(current.assumedYears ?? []), newYear],
  };
}
