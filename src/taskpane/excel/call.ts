import { CallInputError, decideCall, type CallDecision } from "../../engine/selection";
import { callUiTexts } from "../../i18n/call";
import type { Language } from "../../i18n/language";
import packageInfo from "../../../package.json";
import { validateCallAnswers, type CallAnswers } from "../model/call/answers";
import { callLayout, type CallLayout, type CallSize } from "../model/call/layout";
import { callReadArea, readCall } from "../model/call/read";
import { buildCallPlan, CALL_SHEET_ORDER, type CallSheetKey } from "../model/call/sheets";
import { stampSelection } from "../model/call/stamp";
import type { SheetPlan } from "../model/planTypes";
import { range } from "../model/a1";
import { callTexts } from "../../i18n/call";
import { SHEET_ORDER } from "../model/keys";
import { chanceCellIn, linkedRowPieces, repaymentLink, unitFactor, type LinkedModel } from "../model/call/linkedModel";
import { UNITS } from "../model/answers";
import { companionSheetName, excel, freeSheetName } from "./buildModel";
import { presentModels, recordsInSettings, type RecordedModel } from "./records";
import { sheetSteps } from "./writeSheet";

/**
 * The call's Excel work: create its three sheets from the pane's answers (one round trip after the
 * read), and "Välj projekt": read what the sheets hold, run the engine's selection, stamp the result
 * on Urval. The call is recorded under its own settings key, which no model build reads.
 */
export const CALL_RECORD_KEY = "socinv.call";

/** The product's version, stamped on the selection. */
const PRODUCT_VERSION: string = packageInfo.version;

export interface CallRecord {
  version: 1;
  sheets: Record<CallSheetKey, string>;
  size: CallSize;
  language: Language;
  createdAt: string;
  /** Per application row, the Resultat sheet of the model linked to it (null: none); absent in earlier records. */
  links?: (string | null)[];
}

/** A refusal or failure, in both languages so the pane shows it in its language at display time. */
export class CallError extends Error {
  constructor(readonly messages: Readonly<Record<Language, string>>) {
    super(messages.en);
    this.name = "CallError";
  }
}

const inBoth = (text: (language: Language) => string) => new CallError({ sv: text("sv"), en: text("en") });

const isRecord = (value: unknown): value is CallRecord =>
  value !== null && typeof value === "object" && (value as CallRecord).version === 1 && typeof (value as CallRecord).sheets === "object";

async function recordIn(context: Excel.RequestContext): Promise<{ record: CallRecord | null; sheetNames: string[] }> {
  const settings = context.workbook.settings;
  settings.load("items");
  context.workbook.worksheets.load("items/name");
  await context.sync();
  const sheetNames = context.workbook.worksheets.items.map((s) => s.name);
  const value = settings.items.find((s) => s.key === CALL_RECORD_KEY)?.value;
  const present = new Set(sheetNames.map((n) => n.toLowerCase()));
  const record = isRecord(value) && Object.values(value.sheets).some((n) => present.has(n.toLowerCase())) ? value : null;
  return { record, sheetNames };
}

/** The call recorded in the workbook whose sheets are still there, or null. */
export async function findCall(): Promise<CallRecord | null> {
  try {
    return await excel().run(async (context) => (await recordIn(context)).record);
  } catch {
    return null;
  }
}

export interface CallBuildReport {
  sheets: string[];
}

/** Creates the call's sheets on free names; all or nothing (the sheets created are deleted on failure). */
export async function buildCall(answers: CallAnswers, language: Language, now: () => Date = () => new Date()): Promise<CallBuildReport> {
  const problems = validateCallAnswers(answers, language);
  if (problems.length > 0) throw inBoth((l) => validateCallAnswers(answers, l).map((p) => `${p.field}: ${p.message}`).join(" "));
  return excel().run(async (context) => {
    const { record, sheetNames } = await recordIn(context);
    if (record) throw inBoth((l) => callUiTexts[l].callExists(Object.values(record.sheets)));
    const taken = new Set(sheetNames.map((n) => n.toLowerCase()));
    const names = {} as Record<CallSheetKey, string>;
    const plain = buildCallPlan(answers, language);
    CALL_SHEET_ORDER.forEach((key, i) => {
      names[key] = freeSheetName(plain.sheets[i].name, taken);
      taken.add(names[key].toLowerCase());
    });
    const plan = buildCallPlan(answers, language, names);
    const added = plan.sheets.map((sheet) => context.workbook.worksheets.add(sheet.name));
    plan.sheets.forEach((sheet, i) => {
      for (const step of sheetSteps(sheet as unknown as SheetPlan)) step.queue(added[i]);
    });
    const links = Array.from({ length: plan.size.A }, (_, a) => answers.linkedModels[a]?.resultsSheet ?? null);
    const created: CallRecord = { version: 1, sheets: names, size: plan.size, language, createdAt: now().toISOString(), links };
    context.workbook.settings.add(CALL_RECORD_KEY, created);
    added[1].activate();
    try {
      await context.sync();
    } catch (error) {
      // Only the sheets this build added, by their proxies; then the failure in words.
      context.workbook.worksheets.load("items/name");
      await context.sync().catch(() => undefined);
      for (const name of Object.values(names)) context.workbook.worksheets.getItemOrNullObject(name).delete();
      await context.sync().catch(() => undefined);
      const detail = error instanceof Error ? error.message : String(error);
      throw inBoth((l) => callUiTexts[l].failed(detail));
    }
    return { sheets: plan.sheets.map((s) => s.name) };
  });
}

export interface SelectReport {
  decision: CallDecision;
  /** The chosen applications' names, in the sheet's order. */
  chosen: string[];
  objective: number;
}

/** "Välj projekt": reads the call's sheets, runs the selection and stamps it on Urval. */
export async function selectProjects(language: Language, now: () => Date = () => new Date()): Promise<SelectReport> {
  return excel().run(async (context) => {
    const { record } = await recordIn(context);
    if (!record) throw inBoth((l) => callUiTexts[l].noCall);
    const layout = callLayout(record.size);
    const sheets = context.workbook.worksheets;
    const callRange = sheets.getItem(record.sheets.call).getRange(callReadArea(record.size, layout)).load("values");
    let applicationsRange = sheets.getItem(record.sheets.applications).getRange(layout.applications.area).load("values, formulas");
    await context.sync();
    const firstYear = callRange.values[layout.call.firstYearRow]?.[1];
    if (Number.isInteger(firstYear) && (record.links ?? []).some((l) => l !== null)) {
      const models = await linkableModelsIn(context, record.language);
      if (relink(record, layout, models, firstYear as number, applicationsRange.formulas, sheets.getItem(record.sheets.applications))) {
        await context.sync();
        applicationsRange = sheets.getItem(record.sheets.applications).getRange(layout.applications.area).load("values");
        await context.sync();
      }
    }
    const read = readCall(record.size, layout, record.language, callRange.values, applicationsRange.values);
    let decision: CallDecision;
    try {
      decision = decideCall(read.call);
    } catch (error) {
      if (error instanceof CallInputError) throw inBoth((l) => callUiTexts[l].failed(error.localized(l)));
      throw error;
    }
    const date = now().toISOString().slice(0, 10);
    const selection = sheets.getItem(record.sheets.selection);
    for (const write of stampSelection(record.size, layout, record.language, read, decision, { date, version: PRODUCT_VERSION })) {
      const target = selection.getRange(write.address);
      target.values = write.values as (string | number | boolean)[][];
      if (write.numberFormat) target.numberFormat = write.values.map((row) => row.map((x) => (typeof x === "string" && x !== "" ? "@" : write.numberFormat!)));
    }
    selection.activate();
    await context.sync();
    const chosen = decision.selection.chosen.map((a) => read.call.applications[a].name);
    return { decision, chosen, objective: decision.selection.objective };
  });
}

/**
 * Writes each linked row's formulas afresh from the models as they are now (a simulation run since the
 * call was built, a Simulering sheet replaced, a model's years changed), before the selection reads
 * the row. Only rows whose net benefit still reads the model's Resultat (a row the board typed over
 * is theirs), and only cells whose formula differs. True when anything was queued.
 */
function relink(record: CallRecord, layout: CallLayout, models: LinkedModel[], firstYear: number, formulas: unknown[][], sheet: Excel.Worksheet): boolean {
  const k = layout.applications.columns;
  let queued = false;
  (record.links ?? []).forEach((resultsSheet, a) => {
    if (resultsSheet === null || a >= record.size.A) return;
    const model = models.find((m) => m.resultsSheet.toLowerCase() === resultsSheet.toLowerCase());
    const row = formulas[a] ?? [];
    if (!model || !plain(row[k.netBenefit]).includes(plain(`${resultsSheet}!`))) return;
    for (const piece of linkedRowPieces(model, k, callTexts[record.language], firstYear, record.size.N)) {
      if (piece.values.every((x, i) => plain(x) === plain(row[piece.column + i]))) continue;
      const target = sheet.getRange(range(layout.applications.row0 + a, piece.column, 1, piece.values.length));
      // The format first: a formula written into a text ("@") cell, as "ej simulerad" was, stays text.
      target.numberFormat = [piece.values.map(() => piece.format)];
      target.formulas = [piece.values] as (string | number)[][];
      queued = true;
    }
  });
  return queued;
}

/** A formula as compared here: Excel drops the quotes around a sheet name that needs none. */
const plain = (x: unknown): string => String(x ?? "").replace(/['$]/g, "").toLowerCase();

/** How far down a Simulering sheet the views block is looked for (it starts near row 12). */
const SIMULATION_ROWS_READ = 60;

/**
 * The models in the workbook as the call links them, oldest first: each one's Resultat, its Återföring
 * block (when its record holds its answers) and, when its Simulering sheet is there, the cell of the
 * kommun view's chance of a positive net benefit. The Simulering sheet of a model is named as the
 * model's other sheets are (the Resultat name with Simulering for Resultat), in either language.
 */
export async function linkableModelsIn(context: Excel.RequestContext, language: Language): Promise<LinkedModel[]> {
  const settings = context.workbook.settings;
  settings.load("items");
  context.workbook.worksheets.load("items/name");
  await context.sync();
  const byLower = new Map(context.workbook.worksheets.items.map((s) => [s.name.toLowerCase(), s.name]));
  const { models } = recordsInSettings(settings.items.map((s) => ({ key: s.key, value: s.value })));
  const present = presentModels(models, new Set(byLower.keys()));
  const found = present.flatMap((m) => {
    const results = sheetOf(m, "results", byLower);
    return results ? [{ m, results }] : [];
  });
  const simulations = found.map(({ m, results }) => {
    const name = simulationSheetOf(m, results, byLower);
    return name ? { name, values: context.workbook.worksheets.getItem(name).getRange(range(0, 0, SIMULATION_ROWS_READ, 1)).load("values") } : null;
  });
  if (simulations.some((x) => x !== null)) await context.sync();
  return found.map(({ m, results }, i): LinkedModel => {
    const model: LinkedModel = { name: callUiTexts[language].modelApplication(i + 1, results), resultsSheet: results };
    const repayment = sheetOf(m, "repayment", byLower);
    if (m.answers && UNITS.includes(m.answers.unit)) model.unitFactor = unitFactor(m.answers.unit);
    if (m.answers && repayment) {
      try {
        model.repayments = repaymentLink(m.answers, m.language, repayment);
      } catch {
        // Answers this version cannot plan: the row's repayments are typed.
      }
    }
    const simulation = simulations[i];
    const address = simulation && chanceCellIn(simulation.values.values);
    if (simulation && address) model.simulation = { sheet: simulation.name, address };
    return model;
  });
}

/** The name of one of the model's sheets as the workbook spells it, if it is there. */
function sheetOf(m: RecordedModel, key: "results" | "repayment", byLower: ReadonlyMap<string, string>): string | null {
  const name = m.layout?.sheets[key] ?? m.sheets[SHEET_ORDER.indexOf(key)];
  return typeof name === "string" ? byLower.get(name.toLowerCase()) ?? null : null;
}

function simulationSheetOf(m: RecordedModel, results: string, byLower: ReadonlyMap<string, string>): string | null {
  // The uncertainty section names the sheet in the pane's language, which may not be the model's.
  for (const language of [m.language, m.language === "sv" ? "en" : "sv"] as const) {
    const name = byLower.get(companionSheetName("simulation", language, m.name ?? m.answers?.name, results).toLowerCase());
    if (name) return name;
  }
  return null;
}

/** The models the pane offers as linked applications (none when Excel is not there). */
export async function findLinkableModels(language: Language): Promise<LinkedModel[]> {
  try {
    return await excel().run((context) => linkableModelsIn(context, language));
  } catch {
    return [];
  }
}
