import { analyse, type AnalysisRequest } from "../model/uncertainty/analysis";
import type { WorkerReply } from "./runner";

/**
 * The Web Worker entry (webpack entry "uncertaintyWorker"): runs one analysis off Excel's thread and
 * posts its progress and its result. Cancelling terminates the worker (runner.ts), so the loop needs
 * no cancel flag of its own.
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null; postMessage(reply: WorkerReply): void };

scope.onmessage = (event) => {
  const request = event.data;
  try {
    const analysis = analyse(request, (done) => scope.postMessage({ type: "progress", done, total: request.iterations }));
    scope.postMessage({ type: "done", analysis });
  } catch (error) {
    scope.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
