import type { BaseModel, Uncertainty } from "../../../engine/simulation/model";
import type { DistributionKind, ThreePoint } from "../../../engine/simulation/distributions";
import { decimalsForUnit, type ModelAnswers } from "../answers";
import { orderedActors } from "../sheets/context";

/**
 * What the Osäkerhet sheet holds, as data (issue 11 item 2): the confidence-grade table the defaults
 * come from, the discount rate, per project its grade and cost overrun, per project and actor the
 * effect's scale, delay, cashable share and deadweight, each as low / most likely / high and a
 * distribution. The sheet writes it (sheet.ts), reads it back (read.ts), and toSimulation() turns it,
 * with the answers, into the engine's BaseModel and Uncertainty.
 */
export interface Triple {
  low: number;
  mode: number;
  high: number;
}

export interface GradeRow {
  grade: number;
  /** Cost overrun (optimism bias), a share: 0.1 = +10 %. */
  overrun: Triple;
  /** Effect scale: 1 = as planned. */
  scale: Triple;
}

/**
 * The grade → range mapping of /work/wt/research/confidence-grades.md §4: the cost column anchored on
 * HM Treasury / Mott MacDonald (2002), Green Book supplementary guidance on optimism bias, class
 * "Outsourcing" (OPEX lower bound 0 %, upper bound 41 %); the grades between split that interval evenly
 * and the effect scale mirrors it (the Green Book asks to decrease benefits as well as raise costs).
 * Only 0 % and 41 % are published figures; the rest is our proposal, editable in the sheet.
 */
export const DEFAULT_GRADES: readonly GradeRow[] = [
  { grade: 1, overrun: { low: 0, mode: 0, high: 0.1 }, scale: { low: 0.9, mode: 1, high: 1 } },
  { grade: 2, overrun: { low: 0, mode: 0.1, high: 0.2 }, scale: { low: 0.8, mode: 0.9, high: 1 } },
  { grade: 3, overrun: { low: 0.1, mode: 0.2, high: 0.31 }, scale: { low: 0.69, mode: 0.8, high: 0.9 } },
  { grade: 4, overrun: { low: 0.2, mode: 0.31, high: 0.41 }, scale: { low: 0.59, mode: 0.69, high: 0.8 } },
];
/** Grade 0: no uncertainty entered (the plan only). */
export const NO_GRADE = 0;
export const DEFAULT_GRADE = 3;

export interface ProjectRow {
  grade: number;
  /** The project's effects move together (one draw for all its actors). */
  together: boolean;
  overrun: Triple;
  kind: DistributionKind;
}

export interface EffectRow {
  project: number;
  /** Index in model order (orderedActors). */
  actor: number;
  scale: Triple;
  delay: Triple;
  cashableShare: Triple;
  deadweight: Triple;
  kind: DistributionKind;
}

export interface UncertaintyTable {
  grades: GradeRow[];
  rate: Triple;
  rateKind: DistributionKind;
  projects: ProjectRow[];
  effects: EffectRow[];
}

export const point = (x: number): Triple => ({ low: x, mode: x, high: x });
const gradeOf = (grades: readonly GradeRow[], grade: number) => grades.find((g) => g.grade === grade);

/** The project × actor pairs that have a saving in the answers, in project then model-actor order. */
export function effectPairs(answers: ModelAnswers): { project: number; actor: number }[] {
  const actors = orderedActors(answers);
  return answers.projects.flatMap((project, p) =>
    actors.flatMap((actor, a) => ((answers.costs ?? []).some((c) => c.project === project.name && c.actor === actor.name) ? [{ project: p, actor: a }] : [])),
  );
}

/** The defaults: each project at `grades[p]` (DEFAULT_GRADE), its ranges from the grade table. */
export function defaultTable(answers: ModelAnswers, projectGrades: readonly number[] = [], grades: readonly GradeRow[] = DEFAULT_GRADES): UncertaintyTable {
  const actors = orderedActors(answers);
  const projects = answers.projects.map((_, p): ProjectRow => {
    const grade = projectGrades[p] ?? DEFAULT_GRADE;
    return { grade, together: true, overrun: gradeOf(grades, grade)?.overrun ?? point(0), kind: "pert" };
  });
  return {
    grades: grades.map((g) => ({ ...g })),
    rate: point(answers.discountRate),
    rateKind: "pert",
    projects,
    effects: effectPairs(answers).map(({ project, actor }) => ({
      project,
      actor,
      scale: gradeOf(grades, projects[project].grade)?.scale ?? point(1),
      delay: point(0),
      cashableShare: point(actors[actor].cashableShare),
      deadweight: point(0),
      kind: "pert",
    })),
  };
}

const sameTriple = (a: Triple, b: Triple) => a.low === b.low && a.mode === b.mode && a.high === b.high;

/**
 * The sheet written again over what it holds now: every value the user typed is kept, and a project
 * whose ranges are still the defaults of one of the grade table's grades (its overrun and every effect
 * scale) takes the ranges of the grade it has now — the way to apply a changed grade or grade table
 * without losing a range someone typed.
 */
export function followGrades(current: UncertaintyTable): UncertaintyTable {
  const fresh = (grade: number) => {
    const row = gradeOf(current.grades, grade);
    return { overrun: row?.overrun ?? point(0), scale: row?.scale ?? point(1) };
  };
  const defaults = [...current.grades, { overrun: point(0), scale: point(1) }];
  const untouched = current.projects.map((project, p) => {
    const effects = current.effects.filter((e) => e.project === p);
    return defaults.some((g) => sameTriple(project.overrun, g.overrun) && effects.every((e) => sameTriple(e.scale, g.scale)));
  });
  return {
    ...current,
    projects: current.projects.map((project, p) => (untouched[p] ? { ...project, overrun: fresh(project.grade).overrun } : project)),
    effects: current.effects.map((e) => (untouched[e.project] ? { ...e, scale: fresh(current.projects[e.project].grade).scale } : e)),
  };
}

/** The engine's inputs: the plan from the answers (as the model sheets compute it), what varies from the table. */
export function toSimulation(answers: ModelAnswers, table: UncertaintyTable): { base: BaseModel; uncertainty: Uncertainty } {
  const actors = orderedActors(answers);
  const actorIndex = (name: string) => actors.findIndex((a) => a.name === name);
  const base: BaseModel = {
    years: answers.years,
    rate: table.rate.mode,
    timing: answers.timing,
    actors: actors.map((a) => ({ principal: a.principal, cashableShare: a.cashableShare, frame: a.frame })),
    projects: answers.projects.map((project) => ({
      owner: actorIndex(project.owner),
      disbursements: project.disbursements,
      // The applicant's own part: disbursement · m / (1 − m) (answers.ts, ProjectAnswer).
      cofinancing: project.cofinancingShare > 0 && project.cofinancingShare < 1 ? project.disbursements.map((d) => (d * project.cofinancingShare) / (1 - project.cofinancingShare)) : undefined,
      savings: (answers.costs ?? [])
        .filter((c) => c.project === project.name && actorIndex(c.actor) >= 0)
        .map((c) => ({ actor: actorIndex(c.actor), values: c.baseline.map((b, t) => b - (c.intervention[t] ?? 0)), transfer: c.transfer })),
    })),
    fund: { opening: answers.openingBalance, contributions: new Array<number>(answers.years).fill(answers.yearlyContribution) },
    repayment: { share: answers.repaymentShare, lag: answers.lag, decimals: decimalsForUnit(answers.unit), keyYears: answers.keyYears },
  };
  const three = (t: Triple, kind: DistributionKind): ThreePoint => ({ ...t, kind });
  const uncertainty: Uncertainty = {
    rate: three(table.rate, table.rateKind),
    projects: table.projects.map((row, p) => ({
      together: row.together,
      overrun: three(row.overrun, row.kind),
      actors: table.effects
        .filter((e) => e.project === p)
        .map((e) => ({
          actor: e.actor,
          scale: three(e.scale, e.kind),
          delay: three(e.delay, e.kind),
          cashableShare: three(e.cashableShare, e.kind),
          deadweight: three(e.deadweight, e.kind),
        })),
    })),
  };
  return { base, uncertainty };
}

/** True when nothing varies: the run is the plan (the applicant's deterministic view). */
export function isPlanOnly(table: UncertaintyTable): boolean {
  const fixed = (t: Triple) => t.low === t.high;
  return fixed(table.rate) && table.projects.every((p) => fixed(p.overrun)) && table.effects.every((e) => [e.scale, e.delay, e.cashableShare, e.deadweight].every(fixed));
}
