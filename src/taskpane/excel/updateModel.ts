import type { Language } from "../../i18n/language";
import { livingTexts } from "../../i18n/living";
import { answerMessages } from "../../i18n/model";
import { excelText } from "../../i18n/ui";
import { contains, parseArea, areaAddress, type Area } from "../model/a1";
import { validateAnswers, type ModelAnswers } from "../model/answers";
import { SHEET_ORDER } from "../model/keys";
import { buildPlan, type ModelPlan } from "../model/plan";
import { formulaAreas, inputLayout, layoutAreas, readBack, type InputArea } from "../model/readBack";
import { excel, freeLayout, inBoth, messageOf, ModelBuildError, readWorkbook, recordedAnswers, SentWrites, type WorkbookState } from "./buildModel";
import { isChangeable, MODEL_RECORD_PREFIX, newBuildId, RECORD_VERSION, type ModelLayout, type RecordedModel } from "./records";
import { buildMarkerKey, queueCreatedSheets, sheetsOfThisBuild, type CreatedSheet } from "./rollback";
import { unsafeNameProblems } from "./unsafeText";
import { sheetSteps } from "./writeSheet";

/**
 * Change a model in place (issue 10 item 2), the Excel side. Round trips: (1) the workbook's sheets,
 * tables, names, settings and protection; (2) the model's input tables and its sheets' used ranges (the
 * reads that learn the sheets' state); (3) one write request (more only for a model above Excel on the
 * web's request size): the old sheets and tables are renamed aside, the new ones created under the old
 * names and written, the old ones deleted, the record rewritten. Only the model's own sheets are
 * touched. A failure before the first old sheet is deleted restores the workbook exactly (new sheets
 * deleted by identity, old sheets and tables renamed back); a failure after it completes the change.
 */

export interface UpdateReport {
  sheets: string[];
  /** Round trips of the whole update, reads included. */
  syncs: number;
  /** Round trips that wrote (the target: at most 3). */
  writeSyncs: number;
  answers: ModelAnswers;
}

export interface UpdateOptions {
  now?: () => Date;
  requestBudgetBytes?: number;
  updateId?: string;
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

/** Round trip 2: the model's inputs as the sheets hold them now, and the user's own content in its sheets. */
/**
 * The user's formulas elsewhere in the workbook that refer to one of the model's sheets. Excel would
 * make them #REF! when the old sheet is deleted, so the update writes each back, unchanged, once the
 * new sheets carry the names (what the formula meant keeps its meaning).
 */
function referencesToModel(others: { sheet: string; address: string; formulas: unknown[][] }[], modelSheets: readonly string[]): { sheet: string; address: string; formula: string }[] {
  const mentions = (formula: string) =>
    modelSheets.some((name) => formula.includes(`'${name.replace(/'/g, "''")}'!`) || new RegExp(`(^|[^A-Za-z0-9_.'])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!`).test(formula));
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
    const { current, foreign, links } = await readState(context, record, language, state.sheetNames).catch((error) => {
      throw refuse((l) => livingTexts[l].updateFailed(messageOf(error)), error);
    });
    if (current.problems.length > 0) {
      throw refuse((l) => livingTexts[l].unreadableInputs(current.problems.map((p) => `${p.where}: ${p.message}`).join(" ")));
    }
    if (foreign.length > 0) throw refuse((l) => livingTexts[l].userContent(listed(foreign)));
    const next = change(current.answers);
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
    const updateId = options.updateId ?? newBuildId();
    const backupSheet = (i: number) => `~socinv old ${updateId} ${i + 1}`;
    const backupTable = (i: number) => `socinvOld_${updateId}_${i + 1}`;
    const created: CreatedSheet[] = plan.sheets.map((s, i) => ({ planned: s.name, temporary: `~socinv ${updateId} ${i + 1}` }));
    const idOf = new Map(state.sheetNames.map((n, i) => [n.toLowerCase(), state.sheetIdList[i]]));
    const oldIds = oldSheets.map((n) => idOf.get(n.toLowerCase()));
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
    };
    const marker = buildMarkerKey(updateId);
    const worksheets: Excel.Worksheet[] = [];
    const steps: { bytes: number; queue(): void }[] = [
      {
        bytes: 0,
        queue: () => {
          context.workbook.settings.add(marker, true);
          oldTables.forEach((name, i) => {
            context.workbook.tables.getItem(name).name = backupTable(i);
          });
          oldSheets.forEach((name, i) => {
            context.workbook.worksheets.getItem(oldIds[i] ?? name).name = backupSheet(i);
          });
          worksheets.push(...queueCreatedSheets(context, created));
        },
      },
      ...plan.sheets.flatMap((sheet, i) => sheetSteps(sheet).map((step) => ({ bytes: step.bytes, queue: () => step.queue(worksheets[i]) }))),
      {
        bytes: 0,
        queue: () => {
          worksheets[0]?.activate();
          oldSheets.forEach((name, i) => context.workbook.worksheets.getItem(oldIds[i] ?? backupSheet(i)).delete());
          for (const link of links) context.workbook.worksheets.getItem(link.sheet).getRange(link.address).formulas = [[link.formula]];
          context.workbook.settings.add(key, recordValue);
          context.workbook.settings.getItem(marker).delete();
        },
      },
    ];
    const sent = new SentWrites();
    try {
      await sent.send(context, steps, worksheets, options.requestBudgetBytes);
    } catch (error) {
      const outcome = await undoUpdate(context, { marker, key, recordValue, created, oldSheets, oldIds, oldTables, backupTable, links }, state.sheetIds, sent.knownIds);
      const writeSyncs = sent.syncs;
      const detail = messageOf(error);
      if (outcome === "completed") return { sheets: recordValue.sheets, syncs: syncs + writeSyncs, writeSyncs, answers: next };
      throw new ModelBuildError(
        inBoth((l) => (outcome === "restored" ? livingTexts[l].updateFailed(detail) : answerMessages[l].buildFailedNotRolledBack(detail, oldSheets.join(", ")))),
        language,
        outcome === "restored",
        error,
      );
    }
    return { sheets: recordValue.sheets, syncs: syncs + sent.syncs, writeSyncs: sent.syncs, answers: next };
  });
}

interface UpdateInFlight {
  marker: string;
  key: string;
  recordValue: unknown;
  created: readonly CreatedSheet[];
  oldSheets: readonly string[];
  oldIds: readonly (string | undefined)[];
  oldTables: readonly string[];
  backupTable: (i: number) => string;
  links: readonly { sheet: string; address: string; formula: string }[];
}

/**
 * After a failed write: "restored" when the workbook is as before (no old sheet was deleted yet: the
 * new sheets are deleted by identity, the old sheets and tables get their names back), "completed" when
 * old sheets were already deleted (then the change is finished: the rest deleted, the record written),
 * "failed" when the undo itself failed.
 */
async function undoUpdate(
  context: Excel.RequestContext,
  u: UpdateInFlight,
  idsBefore: ReadonlySet<string>,
  knownIds: ReadonlySet<string> | null,
): Promise<"restored" | "completed" | "failed"> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    const tables = context.workbook.tables;
    tables.load("items/name");
    const marker = context.workbook.settings.getItemOrNullObject(u.marker);
    marker.load("value");
    await context.sync();
    const now = worksheets.items.map((s) => ({ name: s.name, id: s.id as string | undefined }));
    const byId = new Map(now.map((s) => [s.id, s]));
    const oldLeft = u.oldIds.filter((id) => id !== undefined && byId.has(id));
    if (marker.isNullObject) return oldLeft.length === 0 ? "completed" : "restored";
    if (oldLeft.length < u.oldIds.length) {
      for (const id of oldLeft) context.workbook.worksheets.getItem(id!).delete();
      for (const link of u.links) context.workbook.worksheets.getItem(link.sheet).getRange(link.address).formulas = [[link.formula]];
      context.workbook.settings.add(u.key, u.recordValue);
      marker.delete();
      await context.sync();
      return "completed";
    }
    for (const sheet of sheetsOfThisBuild(now, u.created, idsBefore, knownIds)) context.workbook.worksheets.getItem(sheet.id ?? sheet.name).delete();
    u.oldIds.forEach((id, i) => {
      if (byId.get(id)!.name !== u.oldSheets[i]) context.workbook.worksheets.getItem(id!).name = u.oldSheets[i];
    });
    const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
    u.oldTables.forEach((name, i) => {
      if (tableNames.has(u.backupTable(i).toLowerCase())) context.workbook.tables.getItem(u.backupTable(i)).name = name;
    });
    marker.delete();
    await context.sync();
    return "restored";
  } catch {
    return "failed";
  }
}
