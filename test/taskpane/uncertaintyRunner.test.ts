/**
 * Behaviour pinned: the simulation runs in a Web Worker (runner.ts + worker.ts) with progress and
 * cancel, and its result equals the same request analysed in Node.
 */
import { analyse, type AnalysisRequest } from "../../src/taskpane/model/uncertainty/analysis";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { defaultTable, toSimulation } from "../../src/taskpane/model/uncertainty/table";
import { runSimulationInWorker, SimulationCancelled, type WorkerReply } from "../../src/taskpane/uncertainty/runner";

const answers = exampleAnswers("sv");
const request: AnalysisRequest = { ...toSimulation(answers, defaultTable(answers)), seed: 7, iterations: 400, sampling: "monteCarlo" };

/** A worker in this process: worker.ts's handler behind Worker's interface, replies delivered asynchronously. */
class InProcessWorker {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private handler: ((event: { data: AnalysisRequest }) => void) | null = null;

  constructor() {
    const scope = { onmessage: null as ((event: { data: AnalysisRequest }) => void) | null, postMessage: (reply: WorkerReply) => this.deliver(reply) };
    (globalThis as unknown as { self: unknown }).self = scope;
    jest.isolateModules(() => require("../../src/taskpane/uncertainty/worker"));
    this.handler = scope.onmessage;
  }

  private deliver(reply: WorkerReply): void {
    // structured clone, as postMessage does
    const copy = structuredClone(reply);
    queueMicrotask(() => !this.terminated && this.onmessage?.({ data: copy } as MessageEvent<WorkerReply>));
  }

  postMessage(data: AnalysisRequest): void {
    setTimeout(() => this.handler!({ data: structuredClone(data) }), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe("runSimulationInWorker", () => {
  beforeAll(() => {
    (globalThis as unknown as { Worker: unknown }).Worker = InProcessWorker;
  });
  afterAll(() => {
    delete (globalThis as unknown as { Worker?: unknown }).Worker;
  });

  test("reports progress every 1 % and resolves to the analysis Node computes from the same request", async () => {
    const seen: number[] = [];
    let worker: InProcessWorker | null = null;
    const run = runSimulationInWorker(request, (done) => seen.push(done), () => (worker = new InProcessWorker()) as unknown as Worker);
    const analysis = await run.result;
    expect(seen).toEqual(Array.from({ length: 100 }, (_, k) => 4 * (k + 1)));
    expect(analysis).toEqual(analyse(request));
    expect(worker!.terminated).toBe(true);
  });

  test("cancel terminates the worker and rejects with SimulationCancelled", async () => {
    let worker: InProcessWorker | null = null;
    const run = runSimulationInWorker(request, () => undefined, () => (worker = new InProcessWorker()) as unknown as Worker);
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(SimulationCancelled);
    expect(worker!.terminated).toBe(true);
  });
});

describe("without Worker (in place)", () => {
  test("the same analysis, and cancel stops it at the next progress report", async () => {
    const inPlace = runSimulationInWorker(request, () => undefined);
    expect(await inPlace.result).toEqual(analyse(request));
    const cancelled = runSimulationInWorker(request, () => undefined);
    cancelled.cancel();
    await expect(cancelled.result).rejects.toBeInstanceOf(SimulationCancelled);
  });
});
