import { PRINCIPALS, type Principal } from "../../engine/vocabulary";
import type { Language } from "../../i18n/language";
import { modelTexts, principalLabel } from "../../i18n/model";
import { livingTexts } from "../../i18n/living";
import { areaAddress, parseArea, type Area } from "./a1";
import type { ActorAnswer, ModelAnswers, ProjectAnswer } from "./answers";
import type { EffectAnswer } from "./effects";
import type { UnitCostTable } from "./unitCosts";
import type { SheetKey } from "./keys";
import { modelSheets } from "./plan";
import { planContext, type PlanNames } from "./sheets/context";
import type { ParameterKey } from "./sheets/parameters";

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

/** The entry tables of Kostnader: one row per effect of their kind. */
export type EntryBlock = "savingInput" | "baseline" | "intervention" | "volume";
const ENTRY_BLOCKS: readonly EntryBlock[] = ["savingInput", "baseline", "volume", "intervention"];

/** Where a model's inputs are, for the answers it was built from. */
export interface InputLayout {
  parameters: Record<EditableParameter, InputArea>;
  /** A × 4: name, principal, cashable share, frame; actors in model order (förvaltningar first). */
  actors: InputArea;
  /** P × (3 + N): name, owner, co-financing share, disbursements. */
  projects: InputArea;
  /** The effect rows in sheet order: the recorded effect (its kind and unit-cost link) and its project and actor row. */
  effects: readonly { effect: EffectAnswer; project: number; actor: number }[];
  /** S × 1 transfer marks and S × 4 adjustments (deadweight, attribution, displacement, dropoff). */
  transfers: InputArea;
  adjustments: InputArea;
  /** Per entry table with rows: the effect indices of its rows and its rows × N. */
  entries: Partial<Record<EntryBlock, { members: readonly number[]; where: InputArea }>>;
  /** The volume table's unit costs (a link to Enhetskostnader or a typed value), one per volume row. */
  unitCost: InputArea | null;
  /** S × N: realised cashable savings (the plan's formulas until typed over). */
  outcome: InputArea;
  /** P × 1. */
  optimismBias: InputArea;
  /** Enhetskostnader: the model's price year (1×1); per row label, value, unit, price year (U×4) and source, remark (U×2); the index (I×2: year, value). */
  unitCostTable: { priceYear: InputArea; items: InputArea; sources: InputArea; index: InputArea };
}

const inSheet = (sheet: SheetKey, reference: string): InputArea => ({ sheet, area: parseArea(reference.slice(reference.lastIndexOf("!") + 1)) });

export function inputLayout(answers: ModelAnswers, language: Language, names: PlanNames = {}): InputLayout {
  const c = planContext(answers, language, names);
  const { parameters, actors, projects, costs, unitCosts } = modelSheets(c);
  const inUnitCosts = (address: string): InputArea => ({ sheet: "unitCosts", area: parseArea(address) });
  const name = inSheet("actors", actors.column("name")).area;
  const projectName = inSheet("projects", projects.name(0)).area;
  const inCosts = (address: string): InputArea => ({ sheet: "costs", area: parseArea(address) });
  const entries: InputLayout["entries"] = {};
  for (const block of ENTRY_BLOCKS) {
    const members = costs.members(block);
    if (members.length > 0) entries[block] = { members, where: inCosts(costs.area(block)) };
  }
  return {
    parameters: Object.fromEntries(EDITABLE_PARAMETERS.map((key) => [key, inSheet("parameters", parameters.param(key))])) as InputLayout["parameters"],
    actors: { sheet: "actors", area: { ...name, columns: 4 } },
    projects: { sheet: "projects", area: { row: projectName.row, column: projectName.column, rows: c.P, columns: 3 + c.N } },
    effects: costs.effects.map((effect) => ({
      effect,
      project: c.projects.findIndex((p) => p.name === effect.project),
      actor: c.actors.findIndex((a) => a.name === effect.actor),
    })),
    transfers: inCosts(costs.inputs.transfers),
    adjustments: inCosts(costs.inputs.adjustments),
    entries,
    unitCost: costs.inputs.unitCost ? inCosts(costs.inputs.unitCost) : null,
    outcome: inCosts(costs.area("outcome")),
    optimismBias: inCosts(costs.inputs.optimismBias),
    unitCostTable: {
      priceYear: inUnitCosts(unitCosts.inputs.priceYear),
      items: inUnitCosts(unitCosts.inputs.items),
      sources: inUnitCosts(unitCosts.inputs.sources),
      index: inUnitCosts(unitCosts.inputs.index),
    },
  };
}

/** The areas of a layout in reading order, each once. */
export function layoutAreas(layout: InputLayout): InputArea[] {
  return [
    ...Object.values(layout.parameters),
    layout.actors,
    layout.projects,
    layout.transfers,
    layout.adjustments,
    ...ENTRY_BLOCKS.flatMap((b) => (layout.entries[b] ? [layout.entries[b].where] : [])),
    ...(layout.unitCost ? [layout.unitCost] : []),
    layout.outcome,
    layout.optimismBias,
    ...Object.values(layout.unitCostTable),
  ];
}

/** The areas whose formulas are read too: a cell that still holds the plan's formula (outcome = the plan; a linked unit cost) is not a typed value. */
export function formulaAreas(layout: InputLayout): InputArea[] {
  return [layout.outcome, ...(layout.unitCost ? [layout.unitCost] : [])];
}

/** The values the sheets hold in each area of the layout, and the formulas of the formula areas as read and as the plan wrote them. */
export interface SheetReads {
  values(where: InputArea): unknown[][];
  formulas(where: InputArea): unknown[][];
  plannedFormulas(where: InputArea): unknown[][];
}

/** A cell still holds the plan's formula (a value the plan wrote, typed before, is a typed value still). */
const isPlanned = (read: unknown, planned: unknown) => typeof planned === "string" && planned.startsWith("=") && read === planned;

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

  const transfers = reads.values(layout.transfers);
  const adjustments = reads.values(layout.adjustments);
  const outcome = reads.values(layout.outcome);
  const outcomeFormulas = reads.formulas(layout.outcome);
  const plannedOutcome = reads.plannedFormulas(layout.outcome);
  const entryValues = Object.fromEntries(ENTRY_BLOCKS.flatMap((b) => (layout.entries[b] ? [[b, reads.values(layout.entries[b].where)]] : []))) as Partial<Record<EntryBlock, unknown[][]>>;
  /** Effect i's series in an entry table (its row there). */
  const series = (block: EntryBlock, i: number) => {
    const entry = layout.entries[block]!;
    const r = entry.members.indexOf(i);
    return Array.from({ length: N }, (_, t) => numberAt(entry.where, entryValues[block]!, r, t) ?? 0);
  };
  const volumeRows = layout.entries.volume?.members ?? [];
  const unitCostValues = layout.unitCost ? reads.values(layout.unitCost) : [];
  const unitCostFormulas = layout.unitCost ? reads.formulas(layout.unitCost) : [];
  const plannedUnitCost = layout.unitCost ? reads.plannedFormulas(layout.unitCost) : [];
  const effects: EffectAnswer[] = layout.effects.map(({ effect, project, actor }, i): EffectAnswer => {
    // An outcome cell that still holds the plan's formula is the plan; anything else was typed.
    const typed = Array.from({ length: N }, (_, t) =>
      isPlanned(outcomeFormulas[i]?.[t], plannedOutcome[i]?.[t]) ? null : (numberAt(layout.outcome, outcome, i, t) ?? 0),
    );
    const common = {
      project: projects[project]?.name ?? effect.project,
      actor: actors[actor]?.name ?? effect.actor,
      ...(textAt(transfers, i, 0).toLowerCase() === tx.yes.toLowerCase() ? { transfer: true } : {}),
      deadweight: numberAt(layout.adjustments, adjustments, i, 0) ?? 0,
      attribution: numberAt(layout.adjustments, adjustments, i, 1, 1) ?? 1,
      displacement: numberAt(layout.adjustments, adjustments, i, 2) ?? 0,
      dropoff: numberAt(layout.adjustments, adjustments, i, 3) ?? 0,
      ...(typed.some((x) => x !== null) ? { outcome: typed } : {}),
    };
    switch (effect.kind) {
      case "saving":
        return { ...common, kind: "saving", saving: series("savingInput", i) };
      case "costs":
        return { ...common, kind: "costs", baseline: series("baseline", i), intervention: series("intervention", i) };
      case "volume": {
        const r = volumeRows.indexOf(i);
        // A unit cost still linked to Enhetskostnader stays linked; a value typed over it is the effect's own.
        const linked = typeof effect.unitCost === "string" && isPlanned(unitCostFormulas[r]?.[0], plannedUnitCost[r]?.[0]);
        const unitCost = linked ? effect.unitCost : (numberAt(layout.unitCost!, unitCostValues, r, 0) ?? 0);
        return { ...common, kind: "volume", volume: series("volume", i), unitCost };
      }
    }
  });
  const biasGrid = reads.values(layout.optimismBias);
  const optimismBias = projects.map((p, i) => ({ project: p.name, uplift: numberAt(layout.optimismBias, biasGrid, i, 0) ?? 0 }));
  const table = layout.unitCostTable;
  const [priceYearGrid, items, sources, index] = [table.priceYear, table.items, table.sources, table.index].map((where) => reads.values(where));
  const unitCostTable: UnitCostTable = {
    priceYear: numberAt(table.priceYear, priceYearGrid, 0, 0) ?? 0,
    rows: Array.from({ length: table.items.area.rows }, (_, r) => ({
      label: textAt(items, r, 0),
      value: numberAt(table.items, items, r, 1) ?? 0,
      unit: textAt(items, r, 2),
      priceYear: numberAt(table.items, items, r, 3) ?? 0,
      source: textAt(sources, r, 0),
      remark: textAt(sources, r, 1),
    })),
    index: Array.from({ length: table.index.area.rows }, (_, r) => ({ year: numberAt(table.index, index, r, 0) ?? 0, value: numberAt(table.index, index, r, 1) ?? 0 })),
  };
  // The effects replace the older cost rows (effectRows read them into effects when the model was built).
  const { costs: _legacy, ...structure } = recorded;
  void _legacy;

  return {
    answers: {
      ...structure,
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
      effects,
      optimismBias,
      unitCostTable,
    },
    problems,
  };
}
