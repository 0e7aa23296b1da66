/**
 * `npm run bench [filter…] [--processes=N]` (node -r ts-node/register/transpile-only bench/run.ts).
 * Runs every benchmark group in N fresh processes one after another (default 3; the machine is
 * shared, so never in parallel) and prints one table: per case the median ratio against its
 * plain-loop reference, the spread of the ratio over the processes (min–max), and the first (cold)
 * call. `--processes=1` prints the single process's own table. Optional filters keep only the cases
 * whose name or group contains one of them. Exits 0 whatever the ratios: a benchmark informs, it
 * does not gate.
 */
import { spawnSync } from "child_process";
import { CHILD_PREFIX, formatSpread, runBenchmarks, runChild, type BenchCase, type BenchResult } from "./harness";
import { discountBenchmarks } from "./discount";

/**
 * Cases from a module that may not exist yet (each group is written by another engineer): a missing
 * module is skipped with a note; a module that exists but fails to load is an error worth seeing.
 */
function optionalCases(modulePath: string, exportName: string, quiet: boolean): BenchCase[] {
  let loaded: Record<string, unknown>;
  try {
    loaded = require(modulePath) as Record<string, unknown>;
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    if (error.code === "MODULE_NOT_FOUND" && error.message.includes(`'${modulePath}'`)) {
      if (!quiet) console.log(`note: ${modulePath} not found; its benchmarks (${exportName}) are skipped.`);
      return [];
    }
    throw e;
  }
  const cases = loaded[exportName];
  if (!Array.isArray(cases)) {
    if (!quiet) console.log(`note: ${modulePath} does not export ${exportName} as an array; skipped.`);
    return [];
  }
  return cases as BenchCase[];
}

const argv = process.argv.slice(2);
const isChild = argv.includes("--child");
const processesFlag = argv.find((a) => a.startsWith("--processes="));
const processes = Math.max(1, Number(processesFlag?.slice("--processes=".length) ?? 3) || 1);
const filters = argv.filter((a) => !a.startsWith("--")).map((f) => f.toLowerCase());

function selectedCases(quiet: boolean): BenchCase[] {
  const all: BenchCase[] = [
    ...discountBenchmarks,
    ...optionalCases("./money", "moneyBenchmarks", quiet),
    ...optionalCases("./adapter", "adapterBenchmarks", quiet),
    ...optionalCases("./simulation", "simulationBenchmarks", quiet),
    ...optionalCases("./selection", "selectionBenchmarks", quiet),
  ];
  return filters.length === 0 ? all : all.filter((c) => filters.some((f) => c.name.toLowerCase().includes(f) || c.group.includes(f)));
}

if (isChild) {
  runChild(selectedCases(true));
} else if (processes === 1) {
  const cases = selectedCases(false);
  console.log(`Node ${process.version}, ${cases.length} cases; ratio = median run ms / median reference ms.`);
  runBenchmarks(cases);
} else {
  const cases = selectedCases(false);
  console.log(`Node ${process.version}, ${cases.length} cases in ${processes} processes; ratio = median run ms / median reference ms.`);
  const runs: BenchResult[][] = [];
  for (let p = 0; p < processes; p++) {
    const loader = process.execArgv.includes("ts-node/register/transpile-only") ? [] : ["-r", "ts-node/register/transpile-only"];
    const child = spawnSync(process.execPath, [...process.execArgv, ...loader, __filename, "--child", ...filters], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = child.stdout.split("\n").find((l) => l.startsWith(CHILD_PREFIX));
    if (!line) {
      console.log(`process ${p + 1} failed: ${child.stderr.slice(0, 2000)}`);
      continue;
    }
    runs.push(JSON.parse(line.slice(CHILD_PREFIX.length)) as BenchResult[]);
    console.log(`process ${p + 1} of ${processes} done`);
  }
  if (runs.length > 0) for (const l of formatSpread(runs)) console.log(l);
  console.log("");
  console.log("status: ok when every process is within the target; 'ok (spread over)' when the median is but some process was not.");
}
