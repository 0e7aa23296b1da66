import { EXCEL_REQUEST_SAFE_BYTES } from "../../engine/limits";
import type { Language } from "../../i18n/language";
import { answerMessages, sheetName, tableName } from "../../i18n/model";
import { excelText } from "../../i18n/ui";
import { validateAnswers, type ModelAnswers } from "../model/answers";
import { SHEET_ORDER, TABLE_KEYS, type SheetKey, type TableKey } from "../model/keys";
import { buildPlan } from "../model/plan";
import {
  MODEL_RECORD_PREFIX,
  newBuildId,
  presentModels,
  RECORD_VERSION,
  recordsInSettings,
  summary,
  type ExistingModel,
  type ModelLayout,
  type RecordedModel,
} from "./records";
import { buildMarkerKey, queueCreatedSheets, rollback, type CreatedSheet } from "./rollback";
import { unsafeNameProblems } from "./unsafeText";
import { groupSteps, sheetSteps, type WriteStep } from "./writeSheet";

export * from "./records";
export { queueSheet } from "./writeSheet";

/**
 * The only code that talks to Excel.run: executes a model plan in the user's workbook.
 *
 * Round trips: (1) load the sheets (names, ids), table and defined names, the settings and the
 * workbook's protection; (2) add the sheets and write everything, the model's record last. Two syncs
 * for an ordinary model. A model whose estimated request exceeds EXCEL_REQUEST_SAFE_BYTES is split over
 * more requests (the sheets are created in the first), still all or nothing. Only new sheets are
 * written, so no cell of the user's can be overwritten (and no protected sheet of the user's is
 * touched: only the workbook's structure protection can stop a build, and it is checked first). If
 * Excel rejects a request, the sheets this build created are deleted (rollback.ts) and a localized
 * ModelBuildError is thrown.
 */

export interface BuildReport {
  sheets: string[];
  tables: string[];
  /** Chart titles, in the UI language. */
  charts: string[];
  syncs: number;
}

export class ModelBuildError extends Error {
  constructor(
    /** The message in each language, so the pane shows it in its language at display time (issue 9 item 8). */
    readonly messages: Readonly<Record<Language, string>>,
    language: Language,
    /** True when nothing of the failed build is left in the workbook. */
    readonly rolledBack: boolean,
    readonly cause?: unknown,
  ) {
    super(messages[language]);
    this.name = "ModelBuildError";
  }

  messageIn(language: Language): string {
    return this.messages[language];
  }
}

/**
 * Sends write steps grouped into requests below the size budget; remembers how many requests went and,
 * once a request succeeded, the new sheets' ids (what a rollback deletes).
 */
export class SentWrites {
  syncs = 0;
  knownIds: ReadonlySet<string> | null = null;

  async send(context: Excel.RequestContext, steps: { bytes: number; queue(): void }[], worksheets: Excel.Worksheet[], budget = EXCEL_REQUEST_SAFE_BYTES): Promise<void> {
    for (const group of groupSteps(steps, budget)) {
      for (const step of group) step.queue();
      this.syncs++;
      await context.sync();
      const ids = worksheets.map((w) => w.id);
      if (this.knownIds === null && ids.every((x) => typeof x === "string")) this.knownIds = new Set(ids);
    }
  }
}

/** A message in both languages. */
export const inBoth = (text: (language: Language) => string): Record<Language, string> => ({ sv: text("sv"), en: text("en") });

export interface BuildOptions {
  /** Build even though the workbook already holds a model (a second one, on free sheet names). */
  allowAnotherModel?: boolean;
  /** Clock for createdAt (tests). */
  now?: () => Date;
  /** The estimated request size above which writes are split (tests); EXCEL_REQUEST_SAFE_BYTES by default. */
  requestBudgetBytes?: number;
  /** The build's id (tests); a random one by default. */
  buildId?: string;
}

/** Of name, "name (2)", "name (3)" …: the ones in `taken` (lower-case names) before the first free one, and that one. */
export function sheetNameSequence(name: string, taken: ReadonlySet<string>): { before: string[]; free: string } {
  const before: string[] = [];
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    before.push(candidate);
    candidate = `${name} (${n})`;
  }
  return { before, free: candidate };
}

/** The first of name, "name (2)", "name (3)" … not in `taken` (lower-case names). */
export const freeSheetName = (name: string, taken: ReadonlySet<string>): string => sheetNameSequence(name, taken).free;

/** The first of name, name2, name3 … not in `taken` (table and defined names share one namespace). */
export function freeTableName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name}${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Excel's API, or null outside Excel (the pane opened in a plain browser). */
export function excelIfPresent(): typeof Excel | null {
  const scope = globalThis as unknown as { Excel?: typeof Excel };
  return scope.Excel && typeof scope.Excel.run === "function" ? scope.Excel : null;
}

export function excel(): typeof Excel {
  const api = excelIfPresent();
  if (api === null) throw new Error("Excel is not available");
  return api;
}

/** What the first round trip learns. */
export interface WorkbookState {
  sheetNames: string[];
  sheetIds: Set<string>;
  /** The sheets' ids in the order of sheetNames (undefined where the host has none). */
  sheetIdList: (string | undefined)[];
  /** The sheets' visibility in the order of sheetNames ("Visible", "Hidden", "VeryHidden"). */
  sheetVisibility: string[];
  /** The active sheet's id (its name where the host has no ids). */
  activeSheet: string | undefined;
  tableAndDefinedNames: string[];
  /** The workbook's defined names and their formulas. */
  names: { name: string; formula: string }[];
  settings: { key: string; value: unknown }[];
  structureProtected: boolean;
}

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookState> {
  const workbook = context.workbook;
  workbook.worksheets.load("items/name,items/id,items/visibility");
  const active = workbook.worksheets.getActiveWorksheet();
  active.load("name,id");
  workbook.tables.load("items/name");
  workbook.names.load("items/name,items/formula");
  workbook.settings.load("items");
  // ExcelApi 1.7; read in the same round trip. Hosts without it (older doubles) count as unprotected.
  const protection = (workbook as Partial<Excel.Workbook>).protection;
  protection?.load("protected");
  await context.sync();
  return {
    sheetNames: workbook.worksheets.items.map((s) => s.name),
    sheetIds: new Set(workbook.worksheets.items.map((s) => s.id).filter((id): id is string => typeof id === "string")),
    sheetIdList: workbook.worksheets.items.map((s) => (typeof s.id === "string" ? s.id : undefined)),
    sheetVisibility: workbook.worksheets.items.map((s) => String(s.visibility ?? "Visible")),
    activeSheet: typeof active.id === "string" ? active.id : active.name,
    tableAndDefinedNames: [...workbook.tables.items.map((t) => t.name), ...workbook.names.items.map((n) => n.name)],
    names: workbook.names.items.map((n) => ({ name: n.name, formula: String(n.formula ?? "") })),
    settings: workbook.settings.items.map((s) => ({ key: s.key, value: s.value })),
    structureProtected: protection?.protected === true,
  };
}

/** Excel's limit on a sheet name. */
const SHEET_NAME_MAX = 31;

/** A sheet's name in a named model: "Parametrar Budget 2026", shortened to Excel's 31 characters. */
export function modelSheetName(key: SheetKey, language: Language, modelName: string | undefined): string {
  const base = sheetName(key, language);
  const name = (modelName ?? "").replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "");
  if (name === "") return base;
  return `${base} ${name}`.slice(0, SHEET_NAME_MAX).trim();
}

/**
 * A sheet the pane adds beside a model later (Osäkerhet, Simulering), named as the model's own sheets
 * are: its name and the free-name suffix its Resultat sheet got ("Resultat Budget (2)" → "Simulering
 * Budget (2)"), so that each model has its own and a call can find the one of its linked model.
 */
export function companionSheetName(key: "uncertainty" | "simulation", language: Language, modelName: string | undefined, resultsSheet: string | null | undefined): string {
  const name = modelSheetName(key, language, modelName);
  if (!resultsSheet) return name;
  const base = (["sv", "en"] as const).map((l) => modelSheetName("results", l, modelName)).find((b) => resultsSheet.toLowerCase().startsWith(b.toLowerCase()));
  return base === undefined ? name : `${name}${resultsSheet.slice(base.length)}`;
}

/** Excel's limit on a table name. */
const TABLE_NAME_MAX = 255;

/**
 * A table's name in a named model: "Parametrar_Budget_2026". Excel's rules for a table name: letters,
 * digits, _ and . only (so spaces and other signs become _), a letter or _ first (the localized base
 * name gives it), not a cell address (the "_" after the base rules that out), at most 255 characters.
 */
export function modelTableName(key: TableKey, language: Language, modelName: string | undefined): string {
  const base = tableName(key, language);
  const name = (modelName ?? "").replace(/[^\p{L}\p{N}_.]+/gu, "_").replace(/^[_.]+|_+$/g, "");
  return name === "" ? base : `${base}_${name}`.slice(0, TABLE_NAME_MAX);
}

/** The model's sheet and table names: the model's names where free (its own names in `own` count as free), else the next free ones. */
export function freeLayout(answers: ModelAnswers, language: Language, state: WorkbookState, own: ReadonlySet<string> = new Set()): ModelLayout {
  const takenSheets = new Set(state.sheetNames.map((n) => n.toLowerCase()).filter((n) => !own.has(n)));
  const takenTables = new Set(state.tableAndDefinedNames.map((n) => n.toLowerCase()).filter((n) => !own.has(n)));
  const sheets: Partial<Record<SheetKey, string>> = {};
  for (const key of SHEET_ORDER) {
    const name = freeSheetName(modelSheetName(key, language, answers.name), takenSheets);
    takenSheets.add(name.toLowerCase());
    sheets[key] = name;
  }
  const tables: Partial<Record<TableKey, string>> = {};
  for (const key of TABLE_KEYS) {
    const name = freeTableName(modelTableName(key, language, answers.name), takenTables);
    takenTables.add(name.toLowerCase());
    tables[key] = name;
  }
  return { sheets, tables } as ModelLayout;
}

/** What the record keeps of the answers: the structure and the form's choices; the values are in the sheets. */
export function recordedAnswers(answers: ModelAnswers): ModelAnswers {
  const { costs: _costs, ...rest } = answers;
  void _costs;
  return rest;
}

/** Builds the model the answers describe in new sheets of the open workbook. */
export async function buildModel(answers: ModelAnswers, language: Language, options: BuildOptions = {}): Promise<BuildReport> {
  const refuse = (text: (l: Language) => string, cause?: unknown) => new ModelBuildError(inBoth(text), language, true, cause);
  // Every check of the answers before any work (issue 9 item 1).
  const problemsIn = (l: Language) => [...validateAnswers(answers, l), ...unsafeNameProblems(answers, l)];
  if (problemsIn(language).length > 0) {
    throw refuse((l) => `${answerMessages[l].invalidAnswers} ${problemsIn(l).map((p) => `${p.field}: ${p.message}`).join(" ")}`);
  }
  let api: typeof Excel;
  try {
    api = excel();
  } catch (error) {
    throw refuse((l) => answerMessages[l].noExcel, error);
  }

  return api.run(async (context) => {
    let syncs = 1;
    // ---- round trip 1: what the workbook already holds
    let state: WorkbookState;
    try {
      state = await readWorkbook(context);
    } catch (error) {
      throw refuse((l) => answerMessages[l].buildFailed(messageOf(error)), error);
    }
    if (state.structureProtected) throw refuse((l) => excelText(l).protectedStructure);
    const records = recordsInSettings(state.settings);
    const earlier = presentModels(records.models, new Set(state.sheetNames.map((n) => n.toLowerCase())));
    if (!options.allowAnotherModel) {
      if (records.unreadable.length > 0) throw refuse((l) => excelText(l).newerRecord);
      if (earlier.length > 0) throw refuse((l) => answerMessages[l].modelExists(earlier.flatMap((x) => x.sheets).join(", ")));
    }

    const layout = freeLayout(answers, language, state);
    const plan = buildPlan(answers, language, layout);
    const report: BuildReport = {
      sheets: plan.sheets.map((s) => s.name),
      tables: plan.sheets.flatMap((s) => s.tables.map((t) => t.name)),
      charts: plan.sheets.flatMap((s) => s.charts.map((c) => c.title)),
      syncs: 0,
    };
    const id = options.buildId ?? newBuildId();
    const recorded: RecordedModel = {
      version: RECORD_VERSION,
      id,
      sheets: report.sheets,
      tables: report.tables,
      charts: report.charts,
      createdAt: (options.now ?? (() => new Date()))().toISOString(),
      language,
      repaymentModel: answers.repaymentModel,
      firstYear: answers.firstYear,
      years: answers.years,
      name: answers.name ?? "",
      answers: recordedAnswers(answers),
      layout,
    };
    const created: CreatedSheet[] = report.sheets.map((planned, i) => ({ planned, temporary: `~socinv ${id} ${i + 1}` }));

    // ---- round trip 2 (and more for a very large model): create, write, record last
    const recordKey = `${MODEL_RECORD_PREFIX}${id}`;
    const marker = buildMarkerKey(id);
    const worksheets: Excel.Worksheet[] = [];
    const steps: { bytes: number; queue(): void }[] = [
      {
        bytes: 0,
        queue: () => {
          // First the marker, then every sheet under its temporary name, then the renames (rollback.ts).
          context.workbook.settings.add(marker, true);
          worksheets.push(...queueCreatedSheets(context, created));
        },
      },
      ...plan.sheets.flatMap((sheet, i) => sheetSteps(sheet).map((step: WriteStep) => ({ bytes: step.bytes, queue: () => step.queue(worksheets[i]) }))),
      {
        bytes: 0,
        queue: () => {
          worksheets[0]?.activate();
          // The record under the build's own key, then the marker removed: the record exists only if all
          // else succeeded, and never writes over another build's record or a newer version's (items 3, 10).
          context.workbook.settings.add(recordKey, recorded);
          context.workbook.settings.getItem(marker).delete();
        },
      },
    ];
    const sent = new SentWrites();
    try {
      await sent.send(context, steps, worksheets, options.requestBudgetBytes);
      syncs += sent.syncs;
    } catch (error) {
      const rolledBack = await rollback(context, { id, recordKey, created }, state.sheetIds, sent.knownIds);
      const detail = messageOf(error);
      throw new ModelBuildError(
        inBoth((l) => (rolledBack ? answerMessages[l].buildFailed(detail) : answerMessages[l].buildFailedNotRolledBack(detail, report.sheets.join(", ")))),
        language,
        rolledBack,
        error,
      );
    }
    report.syncs = syncs;
    return report;
  });
}

/**
 * The newest model this workbook holds (recorded in its settings) whose sheets are not all deleted, with
 * the count and list of all such models; null when there is none.
 */
export async function findExistingModel(): Promise<ExistingModel | null> {
  const api = excelIfPresent();
  if (api === null) return null;
  return api.run(async (context) => {
    const settings = context.workbook.settings;
    settings.load("items");
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const present = new Set(worksheets.items.map((s) => s.name.toLowerCase()));
    const { models: recorded } = recordsInSettings(settings.items.map((s) => ({ key: s.key, value: s.value })));
    const models = presentModels(recorded, present).map(summary);
    if (models.length === 0) return null;
    return { ...models[models.length - 1], count: models.length, models };
  });
}
