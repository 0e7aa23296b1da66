import { socinv } from "../../../functions/formulas";
import { effectSheetTexts } from "../../../i18n/effects";
import { cell, range } from "../a1";
import { effectRows, optimismBiasOf, type EffectAnswer, type EffectKind } from "../effects";
import type { TableKey } from "../keys";
import type { CellInput, SheetPlan } from "../planTypes";
import { TABLE_STYLE } from "../planTypes";
import type { ActorsSheet } from "./actors";
import { RowCursor } from "./builder";
import { PERCENT_FORMAT, YEAR_FORMAT, type PlanContext } from "./context";
import type { ProjectsSheet } from "./projects";
import type { UnitCostsSheet } from "./unitCosts";

/**
 * The blocks of Kostnader. The entry tables (savingInput, baseline, intervention, volume) have a row per
 * effect of their kind; gross, saving (net), cashable and outcome one row per effect (only the actors a
 * project affects); repayablePlan and repayableOutcome one row per (project, actor) pair, project-major,
 * because REPAYMENT reads every actor of a project.
 */
export type CostBlock =
  | "baseline" | "intervention" | "saving" | "cashable" | "outcome" | "repayablePlan" | "repayableOutcome"
  | "savingInput" | "volume" | "gross";

export interface CostsSheet {
  plan: SheetPlan;
  /** Sheet-qualified, relative: the cell of project p, actor a, year t in a block; "0" when the project does not affect the actor there. */
  at(block: CostBlock, p: number, a: number, t: number): string;
  /** Sheet-qualified: the A×N block of project p's actors; only repayablePlan and repayableOutcome have one. */
  ofProject(block: CostBlock, p: number): string;
  /** The whole block in the sheet (rows of the block × N). */
  area(block: CostBlock): string;
  /** Sheet-qualified: year t of a block, one cell per row of the block. */
  column(block: CostBlock, t: number): string;
  /** Absolute, sheet-qualified: each effect's transfer mark (Ja/Nej), one per effect row. */
  transfers: string;
  /** Effect rows (the rows of saving, cashable, outcome and transfers). */
  rowCount: number;
  /** In the sheet: the first entry table's numbers (what a user types first). */
  firstInputArea: string;
  /** The numeric inputs per table, for the Kontroller block. */
  inputAreas: { table: string; cells: number; address: string }[];
  /** Year t's project costs with the optimism-bias uplift, P×1: the fund's part and the applicant's part. */
  upliftedColumn(part: "fund" | "applicant", t: number): string;
  /** The effect rows in sheet order, and per entry table the indices of its rows (for reading the model back). */
  effects: readonly EffectAnswer[];
  members(block: CostBlock): readonly number[];
  /** In the sheet (unqualified): the effects table's transfer column (S×1) and adjustments (S×4), the volume table's unit costs, the optimism biases (P×1). */
  inputs: { transfers: string; adjustments: string; unitCost: string | null; optimismBias: string };
}

const Y = 2; // first year column
/** The entry tables in the order they appear. */
const ENTRY_BLOCKS: readonly CostBlock[] = ["savingInput", "baseline", "volume"];

/**
 * Kostnader: the effects and their adjustments (one row per project and affected actor), the entry
 * tables of each kind, the gross saving, the net saving through SOCINV.NETEFFECT, the planned cashable
 * saving, the outcome table (formulas = the plan until overwritten), what repayment reads, and the
 * optimism-bias uplift of each project's costs.
 */
export function costsSheet(c: PlanContext, actors: ActorsSheet, projects: ProjectsSheet, unitCosts: UnitCostsSheet): CostsSheet {
  const { tx, answers, A, N, P, yearNumbers, money, language } = c;
  const ex = effectSheetTexts[language];
  const sheet = c.sheet("costs", 2);
  sheet.text(3, 0, ex.note, "note");
  const effects = effectRows(answers, c.actors.map((a) => a.name));
  const pairs = effects.map((e) => ({ e, pi: c.projects.findIndex((p) => p.name === e.project), ai: c.actors.findIndex((a) => a.name === e.actor) }));
  const S = pairs.length;
  const indexOf = (p: number, a: number) => pairs.findIndex((x) => x.pi === p && x.ai === a);
  /** Per block: its first row and the effect indices of its rows, in order. */
  const blocks: Partial<Record<CostBlock, { row0: number; members: number[] }>> = {};
  const rows = new RowCursor(5);
  const absolute = { row: true, column: true };

  const labels = (row0: number, members: number[]) =>
    sheet.put(row0, 0, members.map((i) => [`=${projects.name(pairs[i].pi)}`, `=${actors.actor(pairs[i].ai, "name")}`]), "formula");
  /** Title, header and `count` rows (the rows of `members` unless given); returns the first data row. */
  const frame = (block: CostBlock | null, title: string, header: readonly CellInput[], members: number[], count = members.length): number => {
    sheet.put(rows.next(), 0, [[title]], "title");
    sheet.put(rows.next(), 0, [[tx.project, tx.actor, ...header]], "header");
    const row0 = rows.take(count);
    rows.skip();
    if (block) blocks[block] = { row0, members };
    return row0;
  };
  const inputAreas: CostsSheet["inputAreas"] = [];
  const table = (block: CostBlock & TableKey, title: string, members: number[], values: (e: EffectAnswer, i: number) => CellInput[], extra: CellInput[] = []) => {
    if (members.length === 0) return;
    const row0 = frame(block, title, [...c.yearTexts, ...extra], members);
    labels(row0, members);
    sheet.put(row0, Y, members.map((i) => values(pairs[i].e, i)), "input", money);
    sheet.numbersOnly(row0, Y, members.length, N);
    if (block !== "outcome") for (const t of c.assumedColumns) sheet.assumption(row0, Y + t, members.length);
    sheet.tables.push({ key: block, name: c.tableNameOf(block), address: range(row0 - 1, 0, members.length + 1, Y + N + extra.length), style: TABLE_STYLE });
    inputAreas.push({ table: c.tableNameOf(block), cells: members.length * N, address: c.ref("costs", range(row0, Y, members.length, N)) });
  };
  const all = pairs.map((_, i) => i);
  const formulas = (block: CostBlock, title: string, formula: (i: number, t: number) => string) => {
    const row0 = frame(block, title, yearNumbers, all);
    sheet.format(range(row0 - 1, Y, 1, N), YEAR_FORMAT);
    labels(row0, all);
    sheet.put(row0, Y, all.map((i) => yearNumbers.map((_, t) => formula(i, t))), "formula", money);
  };
  /** The cell of effect i in year t of a block (the block must hold effect i). */
  const local = (block: CostBlock, i: number, t: number) => cell(blocks[block]!.row0 + blocks[block]!.members.indexOf(i), Y + t);
  const ofKind = (kind: EffectKind) => all.filter((i) => pairs[i].e.kind === kind);
  const series = (e: EffectAnswer, pick: (e: EffectAnswer) => number[] | undefined) => yearNumbers.map((_, t) => pick(e)?.[t] ?? 0);

  // The effects and their adjustments. A transfer (Försäkringskassan's sjukpenning, the kommun's
  // försörjningsstöd) counts for its payer in the budget views and cancels in the whole-society view.
  const KIND = 2, TRANSFER = 3, ADJUST = 4;
  const effects0 = frame(null, ex.effects, [ex.kind, tx.transfer, ex.deadweight, ex.attribution, ex.displacement, ex.dropoff], all);
  labels(effects0, all);
  const kindLabel: Record<EffectKind, string> = { saving: ex.kindSaving, costs: ex.kindCosts, volume: ex.kindVolume };
  sheet.put(effects0, KIND, pairs.map((x) => [kindLabel[x.e.kind]]), "label");
  sheet.put(effects0, TRANSFER, pairs.map((x) => [x.e.transfer ? tx.yes : tx.no]), "input");
  if (S > 0) sheet.list(range(effects0, TRANSFER, S, 1), [tx.yes, tx.no]);
  sheet.put(effects0, ADJUST, pairs.map(({ e }) => [e.deadweight ?? 0, e.attribution ?? 1, e.displacement ?? 0, e.dropoff ?? 0]), "input", PERCENT_FORMAT);
  sheet.numbersOnly(effects0, ADJUST, S, 4);
  // (No effect rows only when the model has no projects, which validation refuses: the plan still builds.)
  if (S > 0) sheet.tables.push({ key: "effects", name: c.tableNameOf("effects"), address: range(effects0 - 1, 0, S + 1, ADJUST + 4), style: TABLE_STYLE });
  const adjustment = (i: number, k: number) => cell(effects0 + i, ADJUST + k, { column: true });

  table("savingInput", ex.savingInput, ofKind("saving"), (e) => series(e, (x) => (x.kind === "saving" ? x.saving : undefined)));
  table("baseline", tx.baseline, ofKind("costs"), (e) => series(e, (x) => (x.kind === "costs" ? x.baseline : undefined)));
  table("intervention", tx.intervention, ofKind("costs"), (e) => series(e, (x) => (x.kind === "costs" ? x.intervention : undefined)));
  const volumes = ofKind("volume");
  table("volume", ex.volume, volumes, (e) => series(e, (x) => (x.kind === "volume" ? x.volume : undefined)), [ex.unitCost, ex.unitCostName]);
  const UNIT_COST = Y + N;
  if (volumes.length > 0) {
    const row0 = blocks.volume!.row0;
    // A unit cost from the table is linked (and follows its uplift); an own value is typed in.
    const unitCostCells = volumes.map((i) => {
      const e = pairs[i].e as Extract<EffectAnswer, { kind: "volume" }>;
      return typeof e.unitCost === "string" ? [`=${unitCosts.inModelUnit(e.unitCost)}`, `=${unitCosts.label(e.unitCost)}`] : [e.unitCost, ex.ownUnitCost];
    });
    sheet.put(row0, UNIT_COST, unitCostCells.map((r) => [r[0]]), "input", answers.unit === "kr" ? money : "#,##0.000");
    sheet.put(row0, UNIT_COST + 1, unitCostCells.map((r) => [r[1]]), "formula");
    sheet.numbersOnly(row0, UNIT_COST, volumes.length, 1);
    inputAreas.push({ table: c.tableNameOf("volume"), cells: volumes.length, address: c.ref("costs", range(row0, UNIT_COST, volumes.length, 1)) });
  }
  const grossOf = (i: number, t: number): string => {
    switch (pairs[i].e.kind) {
      case "saving":
        return `=${local("savingInput", i, t)}`;
      case "costs":
        return `=${local("baseline", i, t)}-${local("intervention", i, t)}`;
      case "volume":
        return `=${local("volume", i, t)}*${cell(blocks.volume!.row0 + blocks.volume!.members.indexOf(i), UNIT_COST, { column: true })}`;
    }
  };
  formulas("gross", ex.gross, grossOf);
  // The net saving: one NETEFFECT per effect, its own adjustments (defaults 0, 100 %, 0, 0 change nothing).
  const net0 = frame("saving", ex.net, yearNumbers, all);
  sheet.format(range(net0 - 1, Y, 1, N), YEAR_FORMAT);
  labels(net0, all);
  all.forEach((i) =>
    sheet.spill(
      net0 + i,
      Y,
      socinv.NETEFFECT({
        gross: range(blocks.gross!.row0 + i, Y, 1, N),
        deadweight: adjustment(i, 0),
        attribution: adjustment(i, 1),
        displacement: adjustment(i, 2),
        dropoff: adjustment(i, 3),
      }),
      1,
      N,
      money,
    ),
  );
  formulas("cashable", tx.cashableSaving, (i, t) => `=${local("saving", i, t)}*${actors.actor(pairs[i].ai, "cashableShare")}`);
  // A realised saving the user typed is kept when the model is changed in place (issue 10 item 2).
  table("outcome", tx.outcome, all, (e, i) => yearNumbers.map((_, t) => e.outcome?.[t] ?? `=${local("cashable", i, t)}`));

  // What repayment reads: per project every actor, the cashable saving of the actors that repay
  // (Aktörer's principal decides), 0 for the others and for actors the project does not affect.
  const dense = (block: "repayablePlan" | "repayableOutcome", title: string, from: CostBlock) => {
    const row0 = frame(block, title, yearNumbers, [], P * A);
    sheet.format(range(row0 - 1, Y, 1, N), YEAR_FORMAT);
    const grid = c.projects.flatMap((_, p) => c.actors.map((__, a) => ({ p, a, i: indexOf(p, a) })));
    sheet.put(row0, 0, grid.map(({ p, a }) => [`=${projects.name(p)}`, `=${actors.actor(a, "name")}`]), "formula");
    sheet.put(row0, Y, grid.map(({ a, i }) => yearNumbers.map((_, t) => (i < 0 ? 0 : `=${local(from, i, t)}*${actors.repays(a)}`))), "formula", money);
  };
  dense("repayablePlan", tx.repayablePlan, "cashable");
  dense("repayableOutcome", tx.repayableOutcome, "outcome");
  const denseRow = (block: CostBlock, p: number, a: number) => blocks[block]!.row0 + p * A + a;

  // Optimism bias (Green Book): the appraisal's project costs raised by the project's uplift.
  sheet.put(rows.next(), 0, [[ex.optimism]], "title");
  sheet.text(rows.next(), 0, ex.optimismNote, "note");
  const biasHeader = rows.next();
  sheet.put(biasHeader, 0, [[tx.project, ex.optimismBias]], "header");
  const bias0 = rows.take(P);
  rows.skip();
  sheet.put(bias0, 0, c.projects.map((_, p) => [`=${projects.name(p)}`]), "formula");
  sheet.put(bias0, 1, c.projects.map((p) => [optimismBiasOf(answers, p.name)]), "input", PERCENT_FORMAT);
  sheet.numbersOnly(bias0, 1, P, 1);
  sheet.tables.push({ key: "optimismBias", name: c.tableNameOf("optimismBias"), address: range(biasHeader, 0, P + 1, 2), style: TABLE_STYLE });
  inputAreas.push({ table: c.tableNameOf("optimismBias"), cells: P, address: c.ref("costs", range(bias0, 1, P, 1)) });
  const uplifted = (title: string, part: (p: number, t: number) => string) => {
    sheet.put(rows.next(), 0, [[title]], "header");
    const row0 = rows.take(P);
    rows.skip();
    sheet.put(row0 - 1, Y, [yearNumbers], "header", YEAR_FORMAT);
    sheet.put(row0, 0, c.projects.map((_, p) => [`=${projects.name(p)}`]), "formula");
    sheet.put(row0, Y, c.projects.map((_, p) => yearNumbers.map((__, t) => `=${part(p, t)}*(1+${cell(bias0 + p, 1, { column: true })})`)), "formula", money);
    return row0;
  };
  const fund0 = uplifted(ex.upliftedFundPart, (p, t) => `INDEX(${projects.disbursements(p)},1,${t + 1})`);
  const applicant0 = uplifted(ex.upliftedApplicantPart, (p, t) => `INDEX(${projects.applicantColumn(t)},${p + 1},1)`);

  sheet.freeze = { rows: 0, columns: Y };
  sheet.columnWidths = [160, 260];

  const isDense = (block: CostBlock) => block === "repayablePlan" || block === "repayableOutcome";
  const rowCount = (block: CostBlock) => (isDense(block) ? P * A : (blocks[block]?.members.length ?? 0));
  const first = ENTRY_BLOCKS.find((b) => blocks[b]);
  // A block without rows (a kind nobody entered; or no effects at all in a model without projects) points at the effects table.
  const row0Of = (block: CostBlock) => blocks[block]?.row0 ?? effects0;
  return {
    plan: sheet.build(),
    at: (block, p, a, t) => {
      if (isDense(block)) return c.ref("costs", cell(denseRow(block, p, a), Y + t));
      const i = indexOf(p, a);
      const b = blocks[block];
      return i < 0 || !b || !b.members.includes(i) ? "0" : c.ref("costs", local(block, i, t));
    },
    ofProject: (block, p) => c.ref("costs", range(denseRow(block, p, 0), Y, A, N)),
    area: (block) => range(row0Of(block), Y, Math.max(1, rowCount(block)), N),
    column: (block, t) => c.ref("costs", range(row0Of(block), Y + t, Math.max(1, rowCount(block)), 1)),
    transfers: c.ref("costs", range(effects0, TRANSFER, S, 1, absolute)),
    rowCount: S,
    firstInputArea: first ? range(row0Of(first), Y, rowCount(first), N) : cell(effects0, ADJUST),
    inputAreas: [
      { table: c.tableNameOf("effects"), cells: 4 * S, address: c.ref("costs", range(effects0, ADJUST, S, 4)) },
      ...inputAreas,
    ],
    upliftedColumn: (part, t) => c.ref("costs", range(part === "fund" ? fund0 : applicant0, Y + t, P, 1)),
    effects: pairs.map((x) => x.e),
    members: (block) => blocks[block]?.members ?? [],
    inputs: {
      transfers: range(effects0, TRANSFER, Math.max(1, S), 1),
      adjustments: range(effects0, ADJUST, Math.max(1, S), 4),
      unitCost: volumes.length > 0 ? range(blocks.volume!.row0, UNIT_COST, volumes.length, 1) : null,
      optimismBias: range(bias0, 1, Math.max(1, P), 1),
    },
  };
}
