import { PRINCIPALS, type Principal } from "../../engine/vocabulary";
import type { Language } from "../../i18n/language";
import { modelTexts, principalLabel } from "../../i18n/model";
import { livingTexts } from "../../i18n/living";
import { areaAddress, parseArea, type Area } from "./a1";
import type { ActorAnswer, CostAnswer, ModelAnswers, ProjectAnswer } from "./answers";
import type { SheetKey } from "./keys";
import { actorsSheet } from "./sheets/actors";
import { planContext, type PlanNames } from "./sheets/context";
import { costsSheet } from "./sheets/costs";
import { parametersSheet, type ParameterKey } from "./sheets/parameters";
import { projectsSheet } from "./sheets/projects";

/**
 * Reading a model back from its sheets (issue 10 item 1): what the user typed into the input tables is
 * the truth, not the answers of the first build. The record's answers give the structure (how many
 * projects, actors and years, where each table is); the values come from the cells.
 */

/** The parameters a user edits in Parametrar (the others are structure, set by the pane). */
export const EDITABLE_PARAMETERS = [
  "discountRate",
  "timing",
  "repaymentShare",
  "lag",
  "decimals",
  "cofinancingRequirement",
  "openingBalance",
  "yearlyContribution",
  "fundSource",
] as const satisfies readonly ParameterKey[];
type EditableParameter = (typeof EDITABLE_PARAMETERS)[number];

export interface InputArea {
  sheet: SheetKey;
  area: Area;
}

/** Where a model's inputs are, for the answers it was built from. */
export interface InputLayout {
  parameters: Record<EditableParameter, InputArea>;
  /** A × 4: name, principal, cashable share, frame; actors in model order (förvaltningar first). */
  actors: InputArea;
  /** P × (3 + N): name, owner, co-financing share, disbursements. */
  projects: InputArea;
  /** M × N each (M = projects × actors, project-major); transfers M × 1. */
  baseline: InputArea;
  intervention: InputArea;
  outcome: InputArea;
  transfers: InputArea;
}

const inSheet = (sheet: SheetKey, reference: string): InputArea => ({ sheet, area: parseArea(reference.slice(reference.lastIndexOf("!") + 1)) });

export function inputLayout(answers: ModelAnswers, language: Language, names: PlanNames = {}): InputLayout {
  const c = planContext(answers, language, names);
  const parameters = parametersSheet(c);
  const actors = actorsSheet(c);
  const projects = projectsSheet(c, parameters, actors);
  const costs = costsSheet(c, actors, projects);
  const name = inSheet("actors", actors.column("name")).area;
  const projectName = inSheet("projects", projects.name(0)).area;
  return {
    parameters: Object.fromEntries(EDITABLE_PARAMETERS.map((key) => [key, inSheet("parameters", parameters.param(key))])) as InputLayout["parameters"],
    actors: { sheet: "actors", area: { ...name, columns: 4 } },
    projects: { sheet: "projects", area: { row: projectName.row, column: projectName.column, rows: c.P, columns: 3 + c.N } },
    baseline: { sheet: "costs", area: parseArea(costs.area("baseline")) },
    intervention: { sheet: "costs", area: parseArea(costs.area("intervention")) },
    outcome: { sheet: "costs", area: parseArea(costs.area("outcome")) },
    transfers: inSheet("costs", costs.transfers),
  };
}

/** The areas of a layout in reading order, each once. */
export function layoutAreas(layout: InputLayout): InputArea[] {
  return [...Object.values(layout.parameters), layout.actors, layout.projects, layout.baseline, layout.intervention, layout.outcome, layout.transfers];
}

/** The values (and, for the outcome table, the formulas) the sheets hold in each area of the layout. */
export interface SheetReads {
  values(where: InputArea): unknown[][];
  /** The outcome table's formulas as read, and as the plan wrote them: a cell that still holds the plan's formula is not a typed value. */
  outcomeFormulas: unknown[][];
  plannedOutcomeFormulas: unknown[][];
}

export interface ReadProblem {
  /** 'Kostnader'!E12 */
  where: string;
  message: string;
}

export function readBack(
  recorded: ModelAnswers,
  layout: InputLayout,
  sheetNames: Record<SheetKey, string>,
  reads: SheetReads,
  language: Language,
): { answers: ModelAnswers; problems: ReadProblem[] } {
  const m = livingTexts[language];
  const tx = modelTexts[language];
  const problems: ReadProblem[] = [];
  const at = (where: InputArea, r: number, c: number) =>
    `'${sheetNames[where.sheet]}'!${areaAddress({ row: where.area.row + r, column: where.area.column + c, rows: 1, columns: 1 })}`;
  const numberAt = (where: InputArea, grid: unknown[][], r: number, c: number, blank: number | undefined = 0): number | undefined => {
    const x = grid[r]?.[c];
    if (x === "" || x === null || x === undefined) return blank;
    if (typeof x === "number" && Number.isFinite(x)) return x;
    problems.push({ where: at(where, r, c), message: m.notANumber(String(x)) });
    return blank ?? 0;
  };
  const textAt = (grid: unknown[][], r: number, c: number) => String(grid[r]?.[c] ?? "").trim();

  const parameter = (key: EditableParameter) => {
    const where = layout.parameters[key];
    return { where, grid: reads.values(where) };
  };
  const num = (key: Exclude<EditableParameter, "fundSource">) => {
    const { where, grid } = parameter(key);
    return numberAt(where, grid, 0, 0) ?? 0;
  };
  const fundSource = (() => {
    const { where, grid } = parameter("fundSource");
    const text = textAt(grid, 0, 0).toLowerCase();
    if (text === tx.equity.toLowerCase()) return true;
    if (text === tx.operatingBudget.toLowerCase()) return false;
    problems.push({ where: at(where, 0, 0), message: m.notAChoice(textAt(grid, 0, 0), [tx.equity, tx.operatingBudget]) });
    return recorded.fundFromEquity;
  })();

  const actorGrid = reads.values(layout.actors);
  const actors: ActorAnswer[] = Array.from({ length: layout.actors.area.rows }, (_, a) => {
    const label = textAt(actorGrid, a, 1).toLowerCase();
    const principal = PRINCIPALS.find((p) => principalLabel(p, language).toLowerCase() === label) as Principal | undefined;
    if (!principal) problems.push({ where: at(layout.actors, a, 1), message: m.notAChoice(textAt(actorGrid, a, 1), PRINCIPALS.map((p) => principalLabel(p, language))) });
    const frame = numberAt(layout.actors, actorGrid, a, 3, undefined);
    return {
      name: textAt(actorGrid, a, 0),
      principal: principal ?? "annan",
      cashableShare: numberAt(layout.actors, actorGrid, a, 2) ?? 0,
      ...(frame === undefined ? {} : { frame }),
    };
  });

  const N = recorded.years;
  const projectGrid = reads.values(layout.projects);
  const projects: ProjectAnswer[] = Array.from({ length: layout.projects.area.rows }, (_, p) => ({
    name: textAt(projectGrid, p, 0),
    owner: textAt(projectGrid, p, 1),
    cofinancingShare: numberAt(layout.projects, projectGrid, p, 2) ?? 0,
    disbursements: Array.from({ length: N }, (__, t) => numberAt(layout.projects, projectGrid, p, 3 + t) ?? 0),
  }));

  const baseline = reads.values(layout.baseline);
  const intervention = reads.values(layout.intervention);
  const outcome = reads.values(layout.outcome);
  const transfers = reads.values(layout.transfers);
  const A = actors.length;
  const costs: CostAnswer[] = projects.flatMap((project, p) =>
    actors.map((actor, a): CostAnswer => {
      const i = p * A + a;
      const series = (where: InputArea, grid: unknown[][]) => Array.from({ length: N }, (_, t) => numberAt(where, grid, i, t) ?? 0);
      // An outcome cell that still holds the plan's formula is the plan; anything else was typed.
      const typed = Array.from({ length: N }, (_, t) =>
        reads.outcomeFormulas[i]?.[t] === reads.plannedOutcomeFormulas[i]?.[t] ? null : (numberAt(layout.outcome, outcome, i, t) ?? 0),
      );
      return {
        project: project.name,
        actor: actor.name,
        baseline: series(layout.baseline, baseline),
        intervention: series(layout.intervention, intervention),
        ...(textAt(transfers, i, 0).toLowerCase() === tx.yes.toLowerCase() ? { transfer: true } : {}),
        ...(typed.some((x) => x !== null) ? { outcome: typed } : {}),
      };
    }),
  );

  return {
    answers: {
      ...recorded,
      discountRate: num("discountRate"),
      timing: num("timing") as ModelAnswers["timing"],
      repaymentShare: num("repaymentShare"),
      lag: num("lag"),
      decimals: num("decimals"),
      cofinancingRequirement: num("cofinancingRequirement"),
      openingBalance: num("openingBalance"),
      yearlyContribution: num("yearlyContribution"),
      fundFromEquity: fundSource,
      actors,
      projects,
      costs,
    },
    problems,
  };
}
