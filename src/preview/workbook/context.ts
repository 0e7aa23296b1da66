/**
 * The request context: calls on proxies only queue operations; context.sync() applies them in order
 * and fills the properties that were load()ed. A batch that fails keeps what ran before the failing
 * operation (Excel batches are not transactions) and drops the rest. Every sync is counted, and a
 * failure can be injected at the Nth operation to test rollback.
 */
import type { Conforms } from "./proxy";
import { OfficeErrorDouble } from "./errors";
import { NamedItemCollectionProxy, SettingCollectionProxy } from "./settings";
import type { WorkbookDouble } from "./state";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

/** The state every context of one installed stand-in shares. */
export interface Engine {
  workbook: WorkbookDouble;
  syncs: number;
  operations: number;
  failAt: number | null;
  /** The date Excel would call today: "1/2" entered as text becomes 2 January of its year. */
  today: Date;
}

type Operation = { location: string; run: () => void };

export class RequestContextDouble {
  readonly workbook: WorkbookProxy;
  private queue: Operation[] = [];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly engine: Engine) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(location: string, run: () => void): void {
    this.queue.push({ location, run });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Applies the queued operations in order; the first failure stops the batch and rejects. */
  async sync(): Promise<void> {
    this.engine.syncs++;
    const batch = this.queue;
    this.queue = [];
    await Promise.resolve();
    for (const op of batch) {
      this.engine.operations++;
      if (this.engine.failAt !== null && this.engine.operations === this.engine.failAt) {
        this.engine.failAt = null; // one-shot, so a rollback can run
        throw new OfficeErrorDouble("GeneralException", "An internal error has occurred (injected by the workbook double).", op.location);
      }
      op.run();
    }
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly tables: TableCollectionProxy;

  constructor(ctx: RequestContextDouble) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, null);
  }
}

// Compile-time ties to Office.js: a member the real Excel lacks does not compile (see Conforms).
const contextConforms: Conforms<RequestContextDouble, Excel.RequestContext, "engine" | "enqueue" | "pending"> = true;
const workbookConforms: Conforms<WorkbookProxy, Excel.Workbook> = true;
void [contextConforms, workbookConforms];
