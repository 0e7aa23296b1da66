/**
 * `npm run bench` (node -r ts-node/register/transpile-only bench/run.ts [filter…]).
 * Runs every benchmark group and prints one table of ratios against plain-loop references.
 * Optional filters keep only the cases whose name or group contains one of them.
 * Exits 0 whatever the ratios: a benchmark informs, it does not gate.
 */
import { runBenchmarks, type BenchCase } from "./harness";
import { discountBenchmarks } from "./discount";

/**
 * Cases from a module that may not exist yet (each group is written by another engineer): a missing
 * module is skipped with a note; a module that exists but fails to load is an error worth seeing.
 */
function optionalCases(modulePath: string, exportName: string): BenchCase[] {
  let loaded: Record<string, unknown>;
  try {
    loaded = require(modulePath) as Record<string, unknown>;
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    if (error.code === "MODULE_NOT_FOUND" && error.message.includes(`'${modulePath}'`)) {
      console.log(`note: ${modulePath} not found; its benchmarks (${exportName}) are skipped.`);
      return [];
    }
    throw e;
  }
  const cases = loaded[exportName];
  if (!Array.isArray(cases)) {
    console.log(`note: ${modulePath} does not export ${exportName} as an array; skipped.`);
    return [];
  }
  return cases as BenchCase[];
}

const moneyBenchmarks = optionalCases("./money", "moneyBenchmarks");
const adapterBenchmarks = optionalCases("./adapter", "adapterBenchmarks");
const simulationBenchmarks = optionalCases("./simulation", "simulationBenchmarks");

const filters = process.argv.slice(2).map((f) => f.toLowerCase());
const all: BenchCase[] = [...discountBenchmarks, ...moneyBenchmarks, ...adapterBenchmarks, ...simulationBenchmarks];
const selected = filters.length === 0 ? all : all.filter((c) => filters.some((f) => c.name.toLowerCase().includes(f) || c.group.includes(f)));

console.log(`Node ${process.version}, ${selected.length} cases; ratio = median run ms / median reference ms.`);
runBenchmarks(selected);
