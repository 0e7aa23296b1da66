import type { Language } from "../../i18n/language";
import { livingTexts } from "../../i18n/living";
import { answerMessages } from "../../i18n/model";
import { excelText } from "../../i18n/ui";
import { contains, parseArea, areaAddress, qualified, type Area } from "../model/a1";
import { validateAnswers, type ModelAnswers } from "../model/answers";
import { SHEET_ORDER } from "../model/keys";
import { followRenames, type Renames } from "../model/change";
import { buildPlan, type ModelPlan } from "../model/plan";
import { formulaAreas, inputLayout, layoutAreas, readBack, type InputArea } from "../model/readBack";
import { cellMeanings, relink } from "../model/relink";
import { sheetMentions } from "../model/sheetReferences";
import { excel, freeLayout, inBoth, messageOf, ModelBuildError, readWorkbook, recordedAnswers, SentWrites, type WorkbookState } from "./buildModel";
import { isChangeable, MODEL_RECORD_PREFIX, newBuildId, RECORD_VERSION, type ModelLayout, type RecordedModel } from "./records";
import { retiredSheetName } from "./leftovers";
import { buildMarkerKey, queueCreatedSheets, sheetsOfThisBuild, type CreatedSheet } from "./rollback";
import { unsafeNameProblems } from "./unsafeText";
import { sheetSteps } from "./writeSheet";

/**
 * Change a model in place (issue 10 item 2), the Excel side. Round trips: (1) the workbook's sheets,
 * tables, names, settings and protection; (2) the model's input tables, its sheets' used ranges and the
 * other sheets' formulas (the reads that learn the sheets' state); (3) one write request (more only for
 * a model above Excel on the web's request size): the old sheets and tables renamed aside and hidden,
 * the new ones created under the old names and written, the user's links into the model rewritten to
 * the same meaning, then the record (the commit), then the old sheets deleted. Only the model's own
 * sheets and the cells that link to them are touched. A failure before the commit restores the
 * workbook exactly; a failure after it leaves the finished change (see undoUpdate).
 */

export interface UpdateReport {
  sheets: string[];
  /** Round trips of the whole update, reads included. */
  syncs: number;
  /** Round trips that wrote (the target: at most 3). */
  writeSyncs: number;
  answers: ModelAnswers;
  /** The user's cells (and defined names) whose link pointed at a model cell that the change removed (they now read #REF!), e.g. 'Mitt blad'!A1. */
  lostLinks: string[];
}

export interface UpdateOptions {
  now?: () => Date;
  requestBudgetBytes?: number;
  updateId?: string;
  /** Projects and actors renamed in the form (see followRenames). */
  renames?: Renames;
}

type Changeable = RecordedModel & Required<Pick<RecordedModel, "answers" | "layout" | "id">>;

/** The model's record among the settings, or a refusal. */
function findRecord(state: WorkbookState, id: string, refuse: (t: (l: Language) => string) => ModelBuildError): { key: string; raw: Record<string, unknown>; record: Changeable } {
  const key = `${MODEL_RECORD_PREFIX}${id}`;
  const raw = state.settings.find((s) => s.key === key)?.value as Record<string, unknown> | undefined;
  if (!raw || typeof raw !== "object") throw refuse((l) => livingTexts[l].modelGone);
  if (typeof raw.version === "number" && raw.version > RECORD_VERSION) throw refuse((l) => livingTexts[l].newerRecord);
  if (!isChangeable(raw as Partial<RecordedModel>)) throw refuse((l) => livingTexts[l].notChangeable);
  const record = raw as unknown as Changeable;
  const present = new Set(state.sheetNames.map((n) => n.toLowerCase()));
  const missing = SHEET_ORDER.map((k) => record.layout.sheets[k]).find((n) => !present.has(n.toLowerCase()));
  if (missing) throw refuse((l) => livingTexts[l].sheetMissing(missing));
  return { key, raw, record };
}

/** Every cell a plan writes, spills into or covers with a table, per sheet name. */
function footprint(plan: ModelPlan): Map<string, Area[]> {
  return new Map(
    plan.sheets.map((s) => [
      s.name.toLowerCase(),
      [
        ...s.writes.map((w) => parseArea(w.address)),
        ...s.spills.map((x) => ({ ...parseArea(x.anchor), rows: x.rows, columns: x.columns })),
        ...s.tables.map((t) => parseArea(t.address)),
      ],
    ]),
  );
}

/** The user's cells in the model's sheets that the old plan did not write: they would be lost. */
function userContent(plan: ModelPlan, used: Map<string, { address: string; formulas: unknown[][] }>): string[] {
  const areas = footprint(plan);
  const found: string[] = [];
  for (const sheet of plan.sheets) {
    const u = used.get(sheet.name.toLowerCase());
    if (!u) continue;
    const origin = parseArea(u.address.slice(u.address.lastIndexOf("!") + 1));
    u.formulas.forEach((row, r) =>
      row.forEach((x, c) => {
        if (x === "" || x === null) return;
        const at = { row: origin.row + r, column: origin.column + c };
        if (!(areas.get(sheet.name.toLowerCase()) ?? []).some((a) => contains(a, at.row, at.column))) {
          found.push(`'${sheet.name}'!${areaAddress({ ...at, rows: 1, columns: 1 })}`);
        }
      }),
    );
  }
  return found;
}

/** True for a formula that refers to one of `sheets`. */
const mentionsSheets = (sheets: readonly string[]) => {
  const names = new Set(sheets.map((n) => n.toLowerCase()));
  return (formula: string) => sheetMentions(formula).some((m) => names.has(m.sheet.toLowerCase()));
};

/**
 * The user's formulas elsewhere in the workbook that refer to one of the model's sheets. Excel would
 * make them #REF! when the old sheet is deleted, so the update writes each again, relinked, once the new
 * sheets carry the names.
 */
function referencesToModel(others: { sheet: string; address: string; formulas: unknown[][] }[], modelSheets: readonly string[]): { sheet: string; address: string; formula: string }[] {
  const mentions = mentionsSheets(modelSheets);
  return others.flatMap(({ sheet, address, formulas }) => {
    const origin = parseArea(address.slice(address.lastIndexOf("!") + 1));
    return formulas.flatMap((row, r) =>
      row.flatMap((x, c) =>
        typeof x === "string" && x.startsWith("=") && mentions(x)
          ? [{ sheet, address: areaAddress({ row: origin.row + r, column: origin.column + c, rows: 1, columns: 1 }), formula: x }]
          : [],
      ),
    );
  });
}

/** Round trip 2: the model's inputs as the sheets hold them now, the user's own content in its sheets, the links into it. */
async function readState(context: Excel.RequestContext, record: Changeable, language: Language, sheetNames: readonly string[]) {
  const layout = inputLayout(record.answers, language, record.layout);
  const oldPlan = buildPlan(record.answers, language, record.layout);
  const sheetOf = (where: InputArea) => context.workbook.worksheets.getItem(record.layout.sheets[where.sheet]);
  const ranges = new Map(layoutAreas(layout).map((where) => [where, sheetOf(where).getRange(areaAddress(where.area)).load("values")]));
  const formulaRanges = new Map(formulaAreas(layout).map((where) => [where, sheetOf(where).getRange(areaAddress(where.area)).load("formulas")]));
  const used = SHEET_ORDER.map((k) => context.workbook.worksheets.getItem(record.layout.sheets[k]).getUsedRangeOrNullObject(true).load("address,formulas"));
  const modelSheets = SHEET_ORDER.map((k) => record.layout.sheets[k]);
  const ownNames = new Set(modelSheets.map((n) => n.toLowerCase()));
  const others = sheetNames
    .filter((name) => !ownNames.has(name.toLowerCase()))
    .map((name) => ({ sheet: name, range: context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true).load("address,formulas") }));
  await context.sync();
  const costs = oldPlan.sheets.find((s) => s.key === "costs")!;
  const current = readBack(record.answers, layout, record.layout.sheets, {
    values: (where) => ranges.get(where)!.values,
    formulas: (where) => formulaRanges.get(where)?.formulas ?? [],
    plannedFormulas: (where) => costs.writes.find((w) => w.address === areaAddress(where.area))?.formulas ?? [],
  }, language);
  const usedBySheet = new Map(
    used.flatMap((u, i) => (u.isNullObject ? [] : [[record.layout.sheets[SHEET_ORDER[i]].toLowerCase(), { address: u.address, formulas: u.formulas }] as const])),
  );
  const links = referencesToModel(others.filter((o) => !o.range.isNullObject).map((o) => ({ sheet: o.sheet, address: o.range.address, formulas: o.range.formulas })), modelSheets);
  return { current, foreign: userContent(oldPlan, usedBySheet), links };
}

const listed = (places: string[]) => places.slice(0, 5).join(", ") + (places.length > 5 ? ` … (+${places.length - 5})` : "");

/** The model's current answers, read back from its sheets (for the form: the sheets are the truth). */
export async function readModel(id: string, language: Language): Promise<ModelAnswers> {
  return excel().run(async (context) => {
    const refuse = (text: (l: Language) => string) => new ModelBuildError(inBoth(text), language, true);
    const state = await readWorkbook(context);
    const { record } = findRecord(state, id, refuse);
    const { current } = await readState(context, record, language, state.sheetNames);
    return current.answers;
  });
}

/** A user's formula that refers to the model: as it is, and as the update writes it (see relink). */
interface Link {
  sheet: string;
  address: string;
  formula: string;
  relinked: string;
  lost: boolean;
}

/** A defined name of the user's that refers to the model, likewise. */
interface NameLink {
  name: string;
  formula: string;
  relinked: string;
  lost: boolean;
}

/** Rewrites a formula's references from the old plan's cells to the new plan's (their meanings are worked out only when there is something to rewrite). */
function relinker(needed: boolean, oldPlan: () => ModelPlan, newPlan: ModelPlan, oldLayout: ModelLayout, newLayout: ModelLayout) {
  if (!needed) return (formula: string) => ({ relinked: formula, lost: false });
  const before = cellMeanings(oldPlan());
  const after = cellMeanings(newPlan);
  const renamed = new Map(SHEET_ORDER.map((k) => [oldLayout.sheets[k].toLowerCase(), newLayout.sheets[k]]));
  return (formula: string) => {
    const result = relink(formula, renamed, before, after);
    return { relinked: result.formula, lost: result.lost };
  };
}

/** Changes the model `id` in place: `change` maps its current answers (read from its sheets) to the new ones. */
export async function updateModel(
  id: string,
  change: (current: ModelAnswers) => ModelAnswers,
  language: Language,
  options: UpdateOptions = {},
): Promise<UpdateReport> {
  const refuse = (text: (l: Language) => string, cause?: unknown) => new ModelBuildError(inBoth(text), language, true, cause);
  return excel().run(async (context) => {
    const syncs = 2;
    const state = await readWorkbook(context).catch((error) => {
      throw refuse((l) => livingTexts[l].updateFailed(messageOf(error)), error);
    });
    if (state.structureProtected) throw refuse((l) => excelText(l).protectedStructure);
    const { key, raw, record } = findRecord(state, id, refuse);
    const { current, foreign, links: found } = await readState(context, record, language, state.sheetNames).catch((error) => {
      throw refuse((l) => livingTexts[l].updateFailed(messageOf(error)), error);
    });
    if (current.problems.length > 0) {
      throw refuse((l) => livingTexts[l].unreadableInputs(current.problems.map((p) => `${p.where}: ${p.message}`).join(" ")));
    }
    if (foreign.length > 0) throw refuse((l) => livingTexts[l].userContent(listed(foreign)));
    // Rows renamed in the form are the same rows: their values and the links to them follow the new name.
    const following = followRenames(current.answers, options.renames);
    const next = change(following);
    if (next.unit !== current.answers.unit) throw refuse((l) => livingTexts[l].unitChanged);
    const problemsIn = (l: Language) => [...validateAnswers(next, l), ...unsafeNameProblems(next, l)];
    if (problemsIn(language).length > 0) {
      throw refuse((l) => `${answerMessages[l].invalidAnswers} ${problemsIn(l).map((p) => `${p.field}: ${p.message}`).join(" ")}`);
    }

    const oldSheets = SHEET_ORDER.map((k) => record.layout.sheets[k]);
    // Only the tables the model wrote: an entry table of a kind no effect has (Utgångsläge without a costs effect) is not in the workbook.
    const written = new Set(record.tables.map((n) => n.toLowerCase()));
    const oldTables = Object.values(record.layout.tables).filter((n) => written.has(n.toLowerCase()));
    const own = new Set([...oldSheets, ...oldTables].map((n) => n.toLowerCase()));
    const layout: ModelLayout = (next.name ?? "") === (record.name ?? "") ? record.layout : freeLayout(next, language, state, own);
    const plan = buildPlan(next, language, layout);
    // The user's links and defined names, each to the cell of the same meaning in the new layout (or #REF! and reported).
    const userNames = state.names.filter((n) => mentionsSheets(oldSheets)(n.formula));
    const moved = relinker(found.length + userNames.length > 0, () => buildPlan(following, language, record.layout), plan, record.layout, layout);
    const links: Link[] = found.map((link) => ({ ...link, ...moved(link.formula) }));
    const names: NameLink[] = userNames.map((n) => ({ ...n, ...moved(n.formula) }));
    const changeId = options.updateId ?? newBuildId();
    const backupTable = (i: number) => `socinvOld_${changeId}_${i + 1}`;
    const created: CreatedSheet[] = plan.sheets.map((s, i) => ({ planned: s.name, temporary: `~socinv ${changeId} ${i + 1}` }));
    const indexOf = new Map(state.sheetNames.map((n, i) => [n.toLowerCase(), i]));
    const old = oldSheets.map((name) => {
      const i = indexOf.get(name.toLowerCase())!;
      return { name, id: state.sheetIdList[i], visibility: state.sheetVisibility[i] };
    });
    const firstPosition = Math.min(...oldSheets.map((name) => indexOf.get(name.toLowerCase())!));
    const recordValue = {
      ...raw,
      version: RECORD_VERSION,
      name: next.name ?? "",
      sheets: plan.sheets.map((s) => s.name),
      tables: plan.sheets.flatMap((s) => s.tables.map((t) => t.name)),
      charts: plan.sheets.flatMap((s) => s.charts.map((c) => c.title)),
      repaymentModel: next.repaymentModel,
      firstYear: next.firstYear,
      years: next.years,
      answers: recordedAnswers(next),
      layout,
      updatedAt: (options.now ?? (() => new Date()))().toISOString(),
      changeId,
    };
    const marker = buildMarkerKey(changeId);
    const sheet = (where: { id?: string; name: string }) => context.workbook.worksheets.getItem(where.id ?? where.name);
    const worksheets: Excel.Worksheet[] = [];
    // Up to the record, every step can be undone: the old sheets and tables are only renamed aside and
    // hidden, the new ones added, the links rewritten. Writing the record is the commit; only after it
    // are the old sheets deleted (a failure there leaves them hidden, for the next open: leftovers.ts).
    const steps: { bytes: number; queue(): void }[] = [
      {
        bytes: 0,
        queue: () => {
          context.workbook.settings.add(marker, true);
          oldTables.forEach((name, i) => {
            context.workbook.tables.getItem(name).name = backupTable(i);
          });
          old.forEach((o, i) => {
            sheet(o).name = retiredSheetName(changeId, i);
          });
          worksheets.push(...queueCreatedSheets(context, created));
          // The new sheets where the model's tabs were (before the old ones, which go): the model keeps its place among the user's sheets.
          worksheets.forEach((w, i) => {
            w.position = firstPosition + i;
          });
          for (const o of old) if (o.visibility === "Visible") sheet(o).visibility = "Hidden" as Excel.SheetVisibility;
        },
      },
      ...plan.sheets.flatMap((planned, i) => sheetSteps(planned).map((step) => ({ bytes: step.bytes, queue: () => step.queue(worksheets[i]) }))),
      {
        bytes: 0,
        queue: () => {
          for (const link of links) context.workbook.worksheets.getItem(link.sheet).getRange(link.address).formulas = [[link.relinked]];
          for (const n of names) context.workbook.names.getItem(n.name).formula = n.relinked;
          worksheets[0]?.activate();
          context.workbook.settings.add(key, recordValue);
          context.workbook.settings.getItem(marker).delete();
          for (const o of old) sheet(o).delete();
        },
      },
    ];
    const lostLinks = [...links.filter((l) => l.lost).map((l) => qualified(l.sheet, l.address)), ...names.filter((n) => n.lost).map((n) => n.name)];
    const report = (writeSyncs: number): UpdateReport => ({ sheets: recordValue.sheets, syncs: syncs + writeSyncs, writeSyncs, answers: next, lostLinks });
    const sent = new SentWrites();
    try {
      await sent.send(context, steps, worksheets, options.requestBudgetBytes);
    } catch (error) {
      const outcome = await undoUpdate(context, { changeId, key, created, old, oldTables, backupTable, links, names, activeSheet: state.activeSheet }, state.sheetIds, sent.knownIds);
      const detail = messageOf(error);
      if (outcome === "completed") return report(sent.syncs);
      throw new ModelBuildError(
        inBoth((l) => (outcome === "restored" ? livingTexts[l].updateFailed(detail) : answerMessages[l].buildFailedNotRolledBack(detail, oldSheets.join(", ")))),
        language,
        outcome === "restored",
        error,
      );
    }
    return report(sent.syncs);
  });
}

interface UpdateInFlight {
  changeId: string;
  key: string;
  created: readonly CreatedSheet[];
  old: readonly { name: string; id?: string; visibility: string }[];
  oldTables: readonly string[];
  backupTable: (i: number) => string;
  links: readonly Link[];
  names: readonly NameLink[];
  activeSheet: string | undefined;
}

/**
 * After a failed write. The record carries the id of the change that wrote it: if it is this change's,
 * the change is committed and its old sheets are deleted ("completed"; if that fails too they stay
 * hidden and the pane deletes them at its next open). Otherwise every step is undone: the new sheets
 * deleted by identity, the old sheets and tables given back their names and visibility, the links their
 * formulas, the active sheet its place ("restored"). "failed" when the undo itself failed.
 */
async function undoUpdate(
  context: Excel.RequestContext,
  u: UpdateInFlight,
  idsBefore: ReadonlySet<string>,
  knownIds: ReadonlySet<string> | null,
): Promise<"restored" | "completed" | "failed"> {
  const workbook = context.workbook;
  const sheet = (where: { id?: string; name: string }) => workbook.worksheets.getItem(where.id ?? where.name);
  let committed = false;
  try {
    workbook.worksheets.load("items/name,items/id,items/visibility");
    workbook.tables.load("items/name");
    const marker = workbook.settings.getItemOrNullObject(buildMarkerKey(u.changeId));
    marker.load("value");
    const record = workbook.settings.getItemOrNullObject(u.key);
    record.load("value");
    await context.sync();
    const now = workbook.worksheets.items.map((s) => ({ name: s.name, id: s.id as string | undefined, visibility: String(s.visibility) }));
    const byId = new Map(now.map((s) => [s.id ?? s.name, s]));
    const oldLeft = u.old.filter((o) => byId.has(o.id ?? o.name));
    committed = !record.isNullObject && (record.value as { changeId?: unknown } | null)?.changeId === u.changeId;
    if (committed) {
      if (!marker.isNullObject) marker.delete();
      for (const o of oldLeft) sheet(o).delete();
      await context.sync();
      return "completed";
    }
    // The marker is the change's first operation: without it nothing of the change ran.
    if (marker.isNullObject) return "restored";
    for (const s of sheetsOfThisBuild(now, u.created, idsBefore, knownIds)) workbook.worksheets.getItem(s.id ?? s.name).delete();
    for (const o of oldLeft) {
      const there = byId.get(o.id ?? o.name)!;
      if (there.name !== o.name) sheet(o).name = o.name;
      if (there.visibility !== o.visibility) sheet(o).visibility = o.visibility as Excel.SheetVisibility;
    }
    const tableNames = new Set(workbook.tables.items.map((t) => t.name.toLowerCase()));
    u.oldTables.forEach((name, i) => {
      if (tableNames.has(u.backupTable(i).toLowerCase())) workbook.tables.getItem(u.backupTable(i)).name = name;
    });
    for (const link of u.links) workbook.worksheets.getItem(link.sheet).getRange(link.address).formulas = [[link.formula]];
    for (const n of u.names) workbook.names.getItem(n.name).formula = n.formula;
    if (u.activeSheet !== undefined) workbook.worksheets.getItem(u.activeSheet).activate();
    marker.delete();
    await context.sync();
    return "restored";
  } catch {
    // Committed but the old sheets are still there: the model is complete; the pane deletes them at its next open.
    return committed ? "completed" : "failed";
  }
}
