import { analyse, type Analysis, type AnalysisRequest } from "../model/uncertainty/analysis";

/** What the worker posts back. */
export type WorkerReply = { type: "progress"; done: number; total: number } | { type: "done"; analysis: Analysis } | { type: "error"; message: string };

/** The worker bundle next to taskpane.js (webpack.config.js, entry uncertaintyWorker). */
export const WORKER_URL = "uncertaintyWorker.js";

export class SimulationCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "SimulationCancelled";
  }
}

export interface RunningSimulation {
  result: Promise<Analysis>;
  /** Stops the run: the worker is terminated and `result` rejects with SimulationCancelled. */
  cancel(): void;
}

/**
 * Runs an analysis in a Web Worker, so Excel and the pane stay responsive; without Worker (a test
 * runtime) it runs in place, still reporting progress. The same request gives the same Analysis
 * either way: the worker runs the same code on the same seed.
 */
export function runSimulationInWorker(request: AnalysisRequest, onProgress: (done: number, total: number) => void, createWorker: () => Worker = () => new Worker(WORKER_URL)): RunningSimulation {
  if (typeof Worker === "undefined") {
    let cancelled = false;
    const result = Promise.resolve().then(() => {
      const analysis = analyse(request, (done) => {
        onProgress(done, request.iterations);
        return !cancelled;
      });
      if (cancelled) throw new SimulationCancelled();
      return analysis;
    });
    return { result, cancel: () => (cancelled = true) };
  }
  const worker = createWorker();
  let reject: (reason: unknown) => void = () => undefined;
  const result = new Promise<Analysis>((resolve, fail) => {
    reject = fail;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === "progress") onProgress(reply.done, reply.total);
      else {
        worker.terminate();
        if (reply.type === "done") resolve(reply.analysis);
        else fail(new Error(reply.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      fail(new Error(event.message || "worker error"));
    };
  });
  worker.postMessage(request);
  return {
    result,
    cancel: () => {
      worker.terminate();
      reject(new SimulationCancelled());
    },
  };
}
