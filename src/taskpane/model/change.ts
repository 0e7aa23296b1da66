import type { CostAnswer, ModelAnswers, ProjectAnswer } from "./answers";

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
 * change, the sheet's series is carried. Costs, transfers and outcomes (which the form does not show)
 * always come from the sheets, for every project × actor pair that stays.
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
  const costs: CostAnswer[] = (current.costs ?? [])
    .filter((cost) => projectNames.has(cost.project) && actorNames.has(cost.actor))
    .map((cost) => {
      const outcome = cost.outcome ? carry<number | null>(cost.outcome, null) : undefined;
      const { outcome: _typed, ...rest } = cost;
      void _typed;
      // An outcome row with no typed year left is the plan's formulas: no outcome field.
      return { ...rest, baseline: carry(cost.baseline, 0), intervention: carry(cost.intervention, 0), ...(outcome?.some((x) => x !== null) ? { outcome } : {}) };
    });
  const lastYear = next.firstYear + next.years - 1;
  const assumedYears = (current.assumedYears ?? []).filter((y) => y >= next.firstYear && y <= lastYear);
  const { assumedYears: _, ...rest } = next;
  void _;
  return { ...rest, projects, costs, ...(assumedYears.length > 0 ? { assumedYears } : {}) };
}

/**
 * Next budget year (issue 10 item 3): the model one year longer, the new last year's inputs carried
 * forward from the year before (disbursements, baseline and intervention costs; a typed outcome is not
 * carried: the new year's outcome is the plan until it is known), marked as an assumption.
 */
export function nextBudgetYear(current: ModelAnswers): ModelAnswers {
  const extend = (series: readonly number[]) => [...series, series.length > 0 ? series[series.length - 1] : 0];
  const newYear = current.firstYear + current.years;
  return {
    ...current,
    years: current.years + 1,
    projects: current.projects.map((p) => ({ ...p, disbursements: extend(p.disbursements) })),
    costs: (current.costs ?? []).map((cost) => ({
      ...cost,
      baseline: extend(cost.baseline),
      intervention: extend(cost.intervention),
      ...(cost.outcome ? { outcome: [...cost.outcome, null] } : {}),
    })),
    assumedYears: [...(current.assumedYears ?? []), newYear],
  };
}
