/**
 * The request context: calls on proxies only queue operations; context.sync() sends them as one
 * request and applies them in order, filling the properties that were load()ed. A batch that fails
 * keeps what ran before the failing operation (Excel batches are not transactions) and drops the rest.
 *
 * Each Excel.run gets its own context and queue; all contexts share one workbook, so two batches that
 * interleave (two co-authors) see each other's changes at their next sync. For tests, every sync is
 * counted and measured (an estimate of the request's payload), a hook can run while a request is in
 * flight (another co-author's work), and a failure can be injected at the Nth operation or the Nth
 * sync (before or after the request is applied: a lost request or a lost answer).
 */
import { OfficeErrorDouble } from "./errors";
import { WorkbookProtectionProxy } from "./protection";
import type { Conforms } from "./proxy";
import { NamedItemCollectionProxy, SettingCollectionProxy } from "./settings";
import type { WorkbookDouble } from "./state";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

/** What the hook run while a request is in flight learns about it. */
export interface SyncInFlight {
  /** Which Excel.run sent it (1 for the first since the stand-in was installed). */
  run: number;
  /** Which sync it is, counted over all runs from 1. */
  sync: number;
  operations: number;
  /** The request's estimated payload in bytes (see requestBytes). */
  bytes: number;
}

export interface SyncFailure {
  /** The sync (counted over all runs from 1) that fails. */
  sync: number;
  /** True: the request is applied but its answer is lost (the caller sees an error all the same). */
  afterApplying: boolean;
}

/** The state every context of one installed stand-in shares. */
export interface Engine {
  workbook: WorkbookDouble;
  runs: number;
  syncs: number;
  operations: number;
  failAt: number | null;
  syncFailure: SyncFailure | null;
  /** Runs while each request is in flight, before it is applied; awaited. */
  inFlight: ((sync: SyncInFlight) => void | Promise<void>) | null;
  /** Estimated payload of every sync so far, in bytes. */
  requestSizes: number[];
  /** A request above this many bytes fails as in Excel on the web (RequestPayloadSizeLimitExceeded); null: no limit. */
  requestLimitBytes: number | null;
  /** The date Excel would call today: "1/2" entered as text becomes 2 January of its year. */
  today: Date;
  /** The highest ExcelApi requirement set the host supports ("1.8"), or null for every one. */
  excelApi: string | null;
}

/** Does the host support ExcelApi `version` (Office.context.requirements.isSetSupported)? "1.10" is above "1.9". */
export function supportsExcelApi(engine: Pick<Engine, "excelApi">, version: string): boolean {
  if (engine.excelApi === null) return true;
  const [major, minor] = version.split(".").map(Number);
  const [hostMajor, hostMinor] = engine.excelApi.split(".").map(Number);
  return major < hostMajor || (major === hostMajor && (minor || 0) <= hostMinor);
}

/**
 * Per operation, on top of its data: the JSON of an Office.js action and its object path (ids, type,
 * name) takes on the order of a hundred bytes.
 */
export const OPERATION_OVERHEAD_BYTES = 100;

type Operation = { location: string; run: () => void; bytes: number };

const injected = (location?: string) =>
  new OfficeErrorDouble("GeneralException", "An internal error has occurred (injected by the workbook double).", location);

export class RequestContextDouble {
  readonly workbook: WorkbookProxy;
  private queue: Operation[] = [];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(
    readonly engine: Engine,
    /** Which Excel.run this context belongs to (1-based). */
    readonly runNumber: number = 0,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Queues an operation; `data` is what it sends (values, names, rules), measured for the request size. */
  enqueue(location: string, run: () => void, data?: unknown): void {
    const bytes = OPERATION_OVERHEAD_BYTES + location.length + (data === undefined ? 0 : JSON.stringify(data).length);
    this.queue.push({ location, run, bytes });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Sends the queued operations as one request and applies them in order; the first failure stops the batch and rejects. */
  async sync(): Promise<void> {
    const engine = this.engine;
    const sync = ++engine.syncs;
    const batch = this.queue;
    this.queue = [];
    const bytes = batch.reduce((sum, op) => sum + op.bytes, 0);
    engine.requestSizes.push(bytes);
    await Promise.resolve();
    if (engine.inFlight) await engine.inFlight({ run: this.runNumber, sync, operations: batch.length, bytes });
    if (engine.requestLimitBytes !== null && bytes > engine.requestLimitBytes) {
      throw new OfficeErrorDouble(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} > ${engine.requestLimitBytes} bytes).`,
      );
    }
    const failure = engine.syncFailure?.sync === sync ? engine.syncFailure : null;
    if (failure) engine.syncFailure = null; // one-shot, so a rollback can run
    if (failure && !failure.afterApplying) throw injected();
    for (const op of batch) {
      engine.operations++;
      if (engine.failAt !== null && engine.operations === engine.failAt) {
        engine.failAt = null;
        throw injected(op.location);
      }
      op.run();
    }
    if (failure) throw injected();
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly protection: WorkbookProtectionProxy;

  constructor(ctx: RequestContextDouble) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, null);
    this.protection = new WorkbookProtectionProxy(ctx);
  }
}

// Compile-time ties to Office.js: a member the real Excel lacks does not compile (see Conforms).
const contextConforms: Conforms<RequestContextDouble, Excel.RequestContext, "engine" | "enqueue" | "pending" | "runNumber"> = true;
const workbookConforms: Conforms<WorkbookProxy, Excel.Workbook> = true;
void [contextConforms, workbookConforms];
