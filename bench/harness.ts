/**
 * A small benchmark harness: each case is timed against a reference (a plain loop doing the same
 * arithmetic), and the RATIO is the result, not absolute times, which depend on the machine and on
 * whoever else is using it. Run and reference are interleaved sample by sample (and their order
 * alternated) so that machine noise hits both alike. Not a test: a ratio over its target is printed
 * as OVER, and the process still exits 0.
 */
import { performance } from "perf_hooks";

export interface BenchCase {
  name: string;
  /** The table's grouping; the built-in groups are "discounting", "exact money", "adapter", "simulation" and "selection". */
  group: "discounting" | "exact money" | "adapter" | "simulation" | "selection" | (string & {});
  /** The largest acceptable ratio run/reference. */
  target: number;
  run: () => unknown;
  reference: () => unknown;
  /** Optional: throws when the first call's result shows the case measures nothing (an error value); not timed. */
  check?: (result: unknown) => void;
}

export interface BenchResult {
  name: string;
  group: BenchCase["group"];
  /** Median ms per call of `run`. */
  medianMs: number;
  /** Median ms per call of `reference`. */
  referenceMedianMs: number;
  ratio: number;
  target: number;
  ok: boolean;
  /** Calls per sample (batched so one sample lasts at least minSampleMs). */
  callsPerSample: number;
  /** The very first call of `run` and of `reference` in this process (cold: before any JIT warm-up), ms. */
  firstCallMs: number;
  firstReferenceMs: number;
  error?: string;
}

export interface BenchOptions {
  /** Samples of each function, interleaved. */
  samples?: number;
  /** Warm-up time per function before sampling, so both are optimised by the JIT. */
  warmupMs?: number;
  /** A sample is a batch of calls lasting at least this long, so timer resolution does not matter. */
  minSampleMs?: number;
  /** Where the table goes (console.log by default). */
  log?: (line: string) => void;
}

/** Results are kept here so the JIT cannot drop a call whose result is never used. */
let sink: unknown;
export const lastSink = (): unknown => sink;

function timeBatch(fn: () => unknown, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) sink = fn();
  return performance.now() - start;
}

function warmUp(fn: () => unknown, ms: number): number {
  // returns the mean ms per call seen while warming up, used to size the batches
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    sink = fn();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < ms || calls < 3);
  return elapsed / calls;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Times one case: warm-up, then `samples` interleaved samples of run and reference. */
export function measure(benchCase: BenchCase, options: BenchOptions = {}): BenchResult {
  const samples = options.samples ?? 21;
  const warmupMs = options.warmupMs ?? 150;
  const minSampleMs = options.minSampleMs ?? 5;
  // Cold: each case's first call, before its warm-up (earlier cases may have warmed shared code).
  const firstCallMs = timeBatch(benchCase.run, 1);
  benchCase.check?.(sink);
  const firstReferenceMs = timeBatch(benchCase.reference, 1);
  const perCallRun = warmUp(benchCase.run, warmupMs);
  const perCallReference = warmUp(benchCase.reference, warmupMs);
  // The same number of calls for both, sized on the faster one, so a sample of either is ≥ minSampleMs.
  const callsPerSample = Math.max(1, Math.ceil(minSampleMs / Math.max(1e-6, Math.min(perCallRun, perCallReference))));
  const runTimes: number[] = [];
  const referenceTimes: number[] = [];
  for (let s = 0; s < samples; s++) {
    if (s % 2 === 0) {
      runTimes.push(timeBatch(benchCase.run, callsPerSample) / callsPerSample);
      referenceTimes.push(timeBatch(benchCase.reference, callsPerSample) / callsPerSample);
    } else {
      referenceTimes.push(timeBatch(benchCase.reference, callsPerSample) / callsPerSample);
      runTimes.push(timeBatch(benchCase.run, callsPerSample) / callsPerSample);
    }
  }
  const medianMs = median(runTimes);
  const referenceMedianMs = median(referenceTimes);
  const ratio = medianMs / referenceMedianMs;
  return {
    name: benchCase.name,
    group: benchCase.group,
    medianMs,
    referenceMedianMs,
    ratio,
    target: benchCase.target,
    ok: ratio <= benchCase.target,
    callsPerSample,
    firstCallMs,
    firstReferenceMs,
  };
}

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));

function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "-";
  return ms >= 100 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(3) : ms.toFixed(4);
}

/** The table: name, group, median ms, reference median ms, ratio, target, ok/OVER. */
export function formatTable(results: readonly BenchResult[]): string[] {
  const header = ["case", "group", "median ms", "ref median ms", "ratio", "target", "status"];
  const rows = results.map((r) => [
    r.name,
    r.group,
    formatMs(r.medianMs),
    formatMs(r.referenceMedianMs),
    r.error ? "-" : `${r.ratio.toFixed(2)}×`,
    `${r.target}×`,
    r.error ? `ERROR: ${r.error}` : r.ok ? "ok" : "OVER",
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (c === 6 ? 0 : row[c].length))));
  const numeric = [false, false, true, true, true, true, false];
  const line = (cells: string[]) => cells.map((cell, c) => (c === 6 ? cell : pad(cell, widths[c], numeric[c]))).join("  ");
  return [line(header), widths.map((w, c) => (c === 6 ? "------" : "-".repeat(w))).join("  "), ...rows.map(line)];
}

/**
 * Runs every case and prints the table. A case that throws is reported as ERROR and the others still
 * run. Returns the results; never fails the process over a ratio.
 */
export function runBenchmarks(cases: readonly BenchCase[], options: BenchOptions = {}): BenchResult[] {
  const log = options.log ?? ((line: string) => console.log(line));
  const results: BenchResult[] = [];
  for (const benchCase of cases) {
    try {
      results.push(measure(benchCase, options));
    } catch (e) {
      results.push({
        name: benchCase.name,
        group: benchCase.group,
        medianMs: NaN,
        referenceMedianMs: NaN,
        ratio: NaN,
        target: benchCase.target,
        ok: false,
        callsPerSample: 0,
        firstCallMs: NaN,
        firstReferenceMs: NaN,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
  for (const line of formatTable(results)) log(line);
  const over = results.filter((r) => !r.ok);
  log("");
  log(
    over.length === 0
      ? `All ${results.length} cases within their targets (ratio = median run / median reference, lower is better).`
      : `${over.length} of ${results.length} cases OVER their target or failed (ratio = median run / median reference): ${over.map((r) => r.name).join(", ")}.`,
  );
  return results;
}

/** A small deterministic generator (mulberry32), so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every case measured in this process, as JSON for a parent process (one line, prefixed). */
export const CHILD_PREFIX = "bench-results:";
export function runChild(cases: readonly BenchCase[], options: BenchOptions = {}): void {
  const results = runBenchmarks(cases, { ...options, log: () => undefined });
  console.log(CHILD_PREFIX + JSON.stringify(results));
}

/**
 * One row per case over several processes: the median ratio, its spread (min–max over the
 * processes), the target judged on the median, and the first (cold) call of the run in ms with
 * its ratio to the reference's first call.
 */
export function formatSpread(runs: readonly (readonly BenchResult[])[]): string[] {
  const header = ["case", "group", "ratio (median)", "min–max", "target", "status", "first call ms", "first-call ratio"];
  const rows = runs[0].map((first, i) => {
    const results = runs.map((run) => run[i]).filter((r) => r !== undefined && r.name === first.name && !r.error);
    if (results.length === 0) return [first.name, first.group, "-", "-", `${first.target}×`, `ERROR: ${first.error ?? "?"}`, "-", "-"];
    const ratios = results.map((r) => r.ratio);
    const ratio = median(ratios);
    const low = Math.min(...ratios);
    const high = Math.max(...ratios);
    const status = high <= first.target ? "ok" : ratio <= first.target ? "ok (spread over)" : "OVER";
    const cold = median(results.map((r) => r.firstCallMs));
    const coldRatio = median(results.map((r) => r.firstCallMs / r.firstReferenceMs));
    return [first.name, first.group, `${ratio.toFixed(2)}×`, `${low.toFixed(2)}–${high.toFixed(2)}×`, `${first.target}×`, status, formatMs(cold), `${coldRatio.toFixed(2)}×`];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const numeric = [false, false, true, true, true, false, true, true];
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c], numeric[c])).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}
