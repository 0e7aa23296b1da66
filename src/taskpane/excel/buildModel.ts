import type { Language } from "../../i18n/language";
import { answerMessages, sheetName, tableName } from "../../i18n/model";
import { parseArea } from "../model/a1";
import { validateAnswers, type ModelAnswers } from "../model/answers";
import { SHEET_ORDER, type SheetKey, type TableKey } from "../model/keys";
import { buildPlan, ROLE_STYLE, type ChartKind, type ModelPlan, type SheetPlan } from "../model/plan";

/**
 * The only code that talks to Excel.run: executes a model plan in the user's workbook.
 *
 * Round trips: (1) load sheet names, table names, defined names and the model setting; (2) add the
 * sheets and write everything, the setting last. Two syncs for a whole model, whatever its size.
 * Only new sheets are written, so no cell of the user's can be overwritten; a name already taken gets
 * a free one ("Fond (2)", "Aktorer2"). If Excel rejects the batch midway, the sheets that were created
 * are deleted (two more syncs, on the failure path only) and a localized ModelBuildError is thrown.
 */

export const MODEL_SETTING_KEY = "socinv.model";

export interface BuildReport {
  sheets: string[];
  tables: string[];
  /** Chart titles, in the UI language. */
  charts: string[];
  syncs: number;
}

export interface ModelSummary {
  sheets: string[];
  createdAt: string;
  language: Language;
}

/** The newest model still in the workbook, with every model still there (oldest first) and their count. */
export interface ExistingModel extends ModelSummary {
  count: number;
  models: ModelSummary[];
}

/** One model as recorded in workbook settings. */
export interface RecordedModel extends ModelSummary {
  version: 1;
  tables: string[];
  charts: string[];
  repaymentModel: ModelAnswers["repaymentModel"];
  firstYear: number;
  years: number;
}

/** What is stored under MODEL_SETTING_KEY: every model built, oldest first. (Version 1 stored one RecordedModel.) */
export interface RecordedModels {
  version: 2;
  models: RecordedModel[];
}

/** The recorded models in a setting's value, of either format; anything unreadable is skipped. */
export function recordedModels(value: unknown): RecordedModel[] {
  if (value === null || typeof value !== "object") return [];
  const candidates: unknown[] = Array.isArray((value as Partial<RecordedModels>).models)
    ? ((value as RecordedModels).models as unknown[])
    : [value];
  return candidates.filter(
    (m): m is RecordedModel => m !== null && typeof m === "object" && Array.isArray((m as Partial<RecordedModel>).sheets),
  );
}

/** The recorded models with the sheets still in the workbook; models none of whose sheets is left are dropped. */
function presentModels(models: readonly RecordedModel[], present: ReadonlySet<string>): RecordedModel[] {
  return models
    .map((m) => ({ ...m, sheets: m.sheets.filter((n) => typeof n === "string" && present.has(n.toLowerCase())) }))
    .filter((m) => m.sheets.length > 0);
}

function summary(m: Partial<RecordedModel>): ModelSummary {
  return {
    sheets: m.sheets ?? [],
    createdAt: typeof m.createdAt === "string" ? m.createdAt : "",
    language: m.language === "sv" ? "sv" : "en",
  };
}

export class ModelBuildError extends Error {
  constructor(
    message: string,
    /** True when nothing of the failed build is left in the workbook. */
    readonly rolledBack: boolean,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "ModelBuildError";
  }

  /** The message in the pane's language at display time. */
  messageIn(language: Language): string {
    void language;
    return this.message;
  }
}

export interface BuildOptions {
  /** Build even though the workbook already holds a model (a second one, on free sheet names). */
  allowAnotherModel?: boolean;
  /** Clock for createdAt (tests). */
  now?: () => Date;
}

const CHART_TYPES: Record<ChartKind, string> = {
  line: "Line",
  columnStacked: "ColumnStacked",
  columnClustered: "ColumnClustered",
};

/** The first of name, "name (2)", "name (3)" … not in `taken` (lower-case names). */
export function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** The first of name, name2, name3 … not in `taken` (table and defined names share one namespace). */
export function freeTableName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name}${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function excel(): typeof Excel {
  const scope = globalThis as unknown as { Excel?: typeof Excel };
  if (!scope.Excel || typeof scope.Excel.run !== "function") throw new Error("Excel is not available");
  return scope.Excel;
}

/** Builds the model the answers describe in new sheets of the open workbook. */
export async function buildModel(answers: ModelAnswers, language: Language, options: BuildOptions = {}): Promise<BuildReport> {
  const m = answerMessages[language];
  const problems = validateAnswers(answers, language);
  if (problems.length > 0) {
    throw new ModelBuildError(`${m.invalidAnswers} ${problems.map((p) => `${p.field}: ${p.message}`).join(" ")}`, true);
  }
  let api: typeof Excel;
  try {
    api = excel();
  } catch (error) {
    throw new ModelBuildError(m.noExcel, true, error);
  }

  return api.run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };

    // ---- round trip 1: what the workbook already holds
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    const names = context.workbook.names;
    names.load("items/name");
    const setting = context.workbook.settings.getItemOrNullObject(MODEL_SETTING_KEY);
    setting.load("value");
    try {
      await sync();
    } catch (error) {
      throw new ModelBuildError(m.buildFailed(messageOf(error)), true, error);
    }
    const sheetNames = worksheets.items.map((s) => s.name);
    const takenSheets = new Set(sheetNames.map((n) => n.toLowerCase()));
    const earlier = setting.isNullObject ? [] : presentModels(recordedModels(setting.value), takenSheets);
    if (earlier.length > 0 && !options.allowAnotherModel) {
      throw new ModelBuildError(m.modelExists(earlier.flatMap((x) => x.sheets).join(", ")), true);
    }
    const takenTables = new Set([...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)].map((n) => n.toLowerCase()));

    const planSheets: Partial<Record<SheetKey, string>> = {};
    for (const key of SHEET_ORDER) {
      const name = freeSheetName(sheetName(key, language), takenSheets);
      takenSheets.add(name.toLowerCase());
      planSheets[key] = name;
    }
    const planTables: Partial<Record<TableKey, string>> = {};
    for (const key of ["parameters", "actors", "projects", "baseline", "intervention", "outcome"] as TableKey[]) {
      const name = freeTableName(tableName(key, language), takenTables);
      takenTables.add(name.toLowerCase());
      planTables[key] = name;
    }
    const plan = buildPlan(answers, language, { sheets: planSheets, tables: planTables });
    const report: BuildReport = {
      sheets: plan.sheets.map((s) => s.name),
      tables: plan.sheets.flatMap((s) => s.tables.map((t) => t.name)),
      charts: plan.sheets.flatMap((s) => s.charts.map((c) => c.title)),
      syncs: 0,
    };
    const recorded: RecordedModel = {
      version: 1,
      sheets: report.sheets,
      tables: report.tables,
      charts: report.charts,
      createdAt: (options.now ?? (() => new Date()))().toISOString(),
      language,
      repaymentModel: answers.repaymentModel,
      firstYear: answers.firstYear,
      years: answers.years,
    };

    // ---- round trip 2: everything, the setting last (so it exists only if all else succeeded)
    try {
      queuePlan(context, plan);
      const stored: RecordedModels = { version: 2, models: [...earlier, recorded] };
      context.workbook.settings.add(MODEL_SETTING_KEY, stored);
      await sync();
    } catch (error) {
      const rolledBack = await rollback(context, new Set(report.sheets.map((n) => n.toLowerCase())), sheetNames);
      throw new ModelBuildError(
        rolledBack ? m.buildFailed(messageOf(error)) : m.buildFailedNotRolledBack(messageOf(error), report.sheets.join(", ")),
        rolledBack,
        error,
      );
    }
    report.syncs = syncs;
    return report;
  });
}

/** Queues every write of the plan; nothing reaches Excel before the next sync. */
export function queuePlan(context: Excel.RequestContext, plan: ModelPlan): void {
  const created = plan.sheets.map((sheet) => ({ sheet, worksheet: context.workbook.worksheets.add(sheet.name) }));
  for (const { sheet, worksheet } of created) queueSheet(worksheet, sheet);
  created[0]?.worksheet.activate();
}

const grid = <T>(rows: number, columns: number, value: T): T[][] =>
  Array.from({ length: rows }, () => new Array<T>(columns).fill(value));

function queueSheet(worksheet: Excel.Worksheet, sheet: SheetPlan): void {
  for (const write of sheet.writes) {
    const target = worksheet.getRange(write.address);
    const rows = write.formulas.length;
    const columns = write.formulas[0].length;
    target.formulas = write.formulas;
    if (write.numberFormat) target.numberFormat = grid(rows, columns, write.numberFormat);
    const style = ROLE_STYLE[write.role];
    if (style.fill) target.format.fill.color = style.fill;
    if (style.bold) target.format.font.bold = true;
    if (style.italic) target.format.font.italic = true;
    if (style.fontColor) target.format.font.color = style.fontColor;
  }
  for (const format of sheet.formats) {
    const area = parseArea(format.address);
    worksheet.getRange(format.address).numberFormat = grid(area.rows, area.columns, format.numberFormat);
  }
  sheet.columnWidths.forEach((width, column) => {
    worksheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = width;
  });
  for (const table of sheet.tables) {
    const added = worksheet.tables.add(worksheet.getRange(table.address), true);
    added.name = table.name;
    added.style = table.style;
  }
  for (const chart of sheet.charts) {
    const [first, ...rest] = chart.series;
    const area = parseArea(first.values);
    const seriesBy = area.columns === 1 && area.rows > 1 ? "Columns" : "Rows";
    const added = worksheet.charts.add(CHART_TYPES[chart.kind] as Excel.ChartType, worksheet.getRange(first.values), seriesBy as Excel.ChartSeriesBy);
    added.name = chart.name;
    added.title.text = chart.title;
    const firstSeries = added.series.getItemAt(0);
    firstSeries.name = first.name;
    firstSeries.setXAxisValues(worksheet.getRange(chart.categories));
    for (const s of rest) {
      const series = added.series.add(s.name);
      series.setValues(worksheet.getRange(s.values));
      series.setXAxisValues(worksheet.getRange(chart.categories));
    }
    added.setPosition(chart.topLeft, chart.bottomRight);
  }
  const { rows, columns } = sheet.freeze;
  if (rows > 0 && columns > 0) worksheet.freezePanes.freezeAt(worksheet.getRangeByIndexes(0, 0, rows, columns));
  else if (rows > 0) worksheet.freezePanes.freezeRows(rows);
  else if (columns > 0) worksheet.freezePanes.freezeColumns(columns);
}

/** Deletes the sheets of a failed build that exist now; true when none of them is left. */
async function rollback(context: Excel.RequestContext, ours: ReadonlySet<string>, before: readonly string[]): Promise<boolean> {
  const existedBefore = new Set(before.map((n) => n.toLowerCase()));
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const leftovers = worksheets.items.map((s) => s.name).filter((n) => ours.has(n.toLowerCase()) && !existedBefore.has(n.toLowerCase()));
    if (leftovers.length === 0) return true;
    for (const name of leftovers) context.workbook.worksheets.getItem(name).delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/**
 * The newest model this workbook holds (recorded in its settings) whose sheets are not all deleted, with
 * the count and list of all such models; null when there is none.
 */
export async function findExistingModel(): Promise<ExistingModel | null> {
  let api: typeof Excel;
  try {
    api = excel();
  } catch {
    return null;
  }
  return api.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(MODEL_SETTING_KEY);
    setting.load("value");
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    if (setting.isNullObject) return null;
    const present = new Set(worksheets.items.map((s) => s.name.toLowerCase()));
    const models = presentModels(recordedModels(setting.value), present).map(summary);
    if (models.length === 0) return null;
    return { ...models[models.length - 1], count: models.length, models };
  });
}
