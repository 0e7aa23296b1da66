/**
 * The installer: defines globalThis.Office and globalThis.Excel backed by an in-memory workbook, so
 * the task pane's code runs unchanged in jest, the browser tests and the preview page.
 */
import { RequestContextDouble, supportsExcelApi, type Engine, type SyncInFlight } from "./context";
import { OfficeErrorDouble } from "./errors";
import { WorkbookDouble } from "./state";

export interface StandInOptions {
  displayLanguage?: string;
  failAfterOperations?: number;
  /** Start from this workbook (e.g. one seeded with the user's sheets); a new empty one with "Blad1" otherwise. */
  workbook?: WorkbookDouble;
  /** The date Excel would call today (dates such as "1/2" entered as text fall in its year); now by default. */
  today?: Date;
  /** Requests above this many bytes fail like Excel on the web's (EXCEL_WEB_REQUEST_BYTES); no limit by default. */
  requestLimitBytes?: number;
  /** The highest ExcelApi requirement set the host supports, e.g. "1.8" (newer calls then fail); every set by default. */
  excelApi?: string;
}

export interface StandIn {
  workbook: WorkbookDouble;
  syncCount(): number;
  /** Operations executed so far (across runs): to pick a failure point. */
  operationCount(): number;
  /** Arms a one-shot failure at the Nth operation from now. */
  failAfter(operations: number): void;
  /**
   * Arms a one-shot failure of the Nth sync from now (1: the next), over all runs: before the request
   * is applied (nothing of it lands), or with `afterApplying` after it (it lands, the caller sees an error).
   */
  failAtSync(syncs: number, options?: { afterApplying?: boolean }): void;
  /** Runs `hook` while each request is in flight, before it is applied (null: none): to interleave another run. */
  whileInFlight(hook: ((sync: SyncInFlight) => void | Promise<void>) | null): void;
  /** The estimated payload of every sync so far, in bytes (OPERATION_OVERHEAD_BYTES per operation plus its data as JSON). */
  requestSizes(): number[];
}

type Batch<T> = (context: RequestContextDouble) => Promise<T>;

/**
 * Defines globalThis.Office and globalThis.Excel backed by a fresh (or the given) in-memory workbook.
 * failAfterOperations = n: operations 1..n succeed, the (n+1)-th fails once (a GeneralException).
 */
export function installOfficeStandIn(options: StandInOptions = {}): StandIn {
  const workbook = options.workbook ?? new WorkbookDouble();
  if (!options.workbook && workbook.sheets.length === 0) workbook.addSheet(languageIsSwedish(options.displayLanguage) ? "Blad1" : "Sheet1");
  const engine: Engine = {
    workbook,
    runs: 0,
    syncs: 0,
    operations: 0,
    syncFailure: null,
    inFlight: null,
    requestSizes: [],
    requestLimitBytes: options.requestLimitBytes ?? null,
    failAt: options.failAfterOperations === undefined ? null : options.failAfterOperations + 1,
    today: options.today ?? new Date(),
    excelApi: options.excelApi ?? null,
  };

  async function run<T>(first: Batch<T> | unknown, second?: Batch<T>): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as Batch<T> | undefined;
    if (typeof batch !== "function") throw new OfficeErrorDouble("InvalidArgument", "Excel.run needs a batch function.");
    const context = new RequestContextDouble(engine, ++engine.runs);
    const result = await batch(context);
    // Like Excel.run: commands still queued when the batch returns are sent in a final sync.
    if (context.pending > 0) await context.sync();
    return result;
  }

  const documentSettings = {
    get: (name: string) => (workbook.settings.has(name) ? workbook.settings.get(name) : null),
    set: (name: string, value: unknown) => {
      workbook.settings.set(name, JSON.parse(JSON.stringify(value ?? null)));
    },
    remove: (name: string) => {
      workbook.settings.delete(name);
    },
    saveAsync: (callback?: (result: { status: string }) => void) => {
      callback?.({ status: "succeeded" });
    },
  };

  const scope = globalThis as unknown as Record<string, unknown>;
  scope.Office = {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage ?? "en-US",
      contentLanguage: options.displayLanguage ?? "en-US",
      document: { settings: documentSettings },
      officeTheme: {
        bodyBackgroundColor: "#FFFFFF",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#FFFFFF",
        controlForegroundColor: "#000000",
      },
      requirements: { isSetSupported: (name: string, version?: string) => name !== "ExcelApi" || supportsExcelApi(engine, version ?? "1.1") },
    },
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  scope.Excel = {
    run,
    ChartType: {
      line: "Line",
      columnStacked: "ColumnStacked",
      columnClustered: "ColumnClustered",
      lineMarkers: "LineMarkers",
    },
    ChartSeriesBy: { auto: "Auto", rows: "Rows", columns: "Columns" },
    ChartLegendPosition: { top: "Top", bottom: "Bottom", right: "Right", left: "Left" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    ErrorCodes: {
      generalException: "GeneralException",
      itemNotFound: "ItemNotFound",
      itemAlreadyExists: "ItemAlreadyExists",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      accessDenied: "AccessDenied",
    },
    ConditionalFormatType: { custom: "Custom" },
    DataValidationType: { none: "None", list: "List", inconsistent: "Inconsistent" },
    DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  };

  return {
    workbook,
    syncCount: () => engine.syncs,
    operationCount: () => engine.operations,
    failAfter: (operations: number) => {
      engine.failAt = engine.operations + operations + 1;
    },
    failAtSync: (syncs: number, failure: { afterApplying?: boolean } = {}) => {
      engine.syncFailure = { sync: engine.syncs + syncs, afterApplying: failure.afterApplying ?? false };
    },
    whileInFlight: (hook) => {
      engine.inFlight = hook;
    },
    requestSizes: () => [...engine.requestSizes],
  };
}

function languageIsSwedish(locale: string | undefined): boolean {
  return typeof locale === "string" && /^sv/i.test(locale);
}

