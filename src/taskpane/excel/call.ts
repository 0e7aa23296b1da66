import { CallInputError, decideCall, type CallDecision } from "../../engine/selection";
import { callUiTexts } from "../../i18n/call";
import type { Language } from "../../i18n/language";
import packageInfo from "../../../package.json";
import { validateCallAnswers, type CallAnswers } from "../model/call/answers";
import { callLayout, type CallSize } from "../model/call/layout";
import { callReadArea, readCall } from "../model/call/read";
import { buildCallPlan, CALL_SHEET_ORDER, type CallSheetKey } from "../model/call/sheets";
import { stampSelection } from "../model/call/stamp";
import type { SheetPlan } from "../model/planTypes";
import { freeSheetName } from "./buildModel";
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
}

/** A refusal or failure, in both languages so the pane shows it in its language at display time. */
export class CallError extends Error {
  constructor(readonly messages: Readonly<Record<Language, string>>) {
    super(messages.en);
    this.name = "CallError";
  }
}

const inBoth = (text: (language: Language) => string) => new CallError({ sv: text("sv"), en: text("en") });

function excel(): typeof Excel {
  const scope = globalThis as unknown as { Excel?: typeof Excel };
  if (!scope.Excel || typeof scope.Excel.run !== "function") throw new Error("Excel is not available");
  return scope.Excel;
}

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
    const created: CallRecord = { version: 1, sheets: names, size: plan.size, language, createdAt: now().toISOString() };
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
    const applicationsRange = sheets.getItem(record.sheets.applications).getRange(layout.applications.area).load("values");
    await context.sync();
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
