import { CALL_MAX_SEARCH_NODES } from "../limits";
import { CallInputError } from "./errors";

/**
 * The selection problem in its bare form (a multidimensional knapsack): choose a set S of items
 * maximising Σ_{i∈S} value_i such that in every year t
 *   Σ_{i∈S} draw_i[t] ≤ capacity[t],
 * where draw_i[t] is item i's cumulative net draw on the fund up to the end of year t (its
 * disbursements minus its repayments, summed over years ≤ t) and capacity[t] the fund's closing
 * balance in year t without the items, less the floor. Values are positive whole numbers (objective
 * units), draws and capacities whole numbers (the smallest money unit); every sum stays below 2^53,
 * so all the arithmetic on them is exact.
 *
 * Ties: among sets with the same objective, the one that includes the earliest item (in the items'
 * order) where the two sets differ wins. The caller orders the items by priority (the ranking).
 */
export interface KnapsackProblem {
  values: readonly number[];
  draws: readonly (readonly number[])[];
  capacity: readonly number[];
}

export interface KnapsackSolution {
  /** False when no set, not even the empty one, keeps every year within capacity. */
  feasible: boolean;
  /** Indices of the chosen items, ascending. */
  chosen: number[];
  objective: number;
  /** Search nodes visited (branch and bound) or subsets enumerated (exhaustive). */
  nodes: number;
  /**
   * True when the search finished, so `chosen` is the optimum. False only when the node budget ran
   * out first: then `chosen` is the best set found so far (still within every year), not proven best.
   */
  optimal: boolean;
}

const SAFE = Number.MAX_SAFE_INTEGER;

/** Shapes, whole numbers and the 2^53 bound on every sum. */
export function checkKnapsack(problem: KnapsackProblem): void {
  const { values, draws, capacity } = problem;
  const years = capacity.length;
  let valueTotal = 0;
  let magnitude = 0;
  values.forEach((v, i) => {
    if (!Number.isSafeInteger(v) || v <= 0) throw new CallInputError(`values[${i}]`, "notWholeAmount");
    valueTotal += v;
  });
  if (draws.length !== values.length) throw new CallInputError("draws", "notList");
  draws.forEach((row, i) => {
    if (row.length !== years) throw new CallInputError(`draws[${i}]`, "beyondHorizon", { length: row.length, years });
    for (const w of row) {
      if (!Number.isSafeInteger(w)) throw new CallInputError(`draws[${i}]`, "notWholeAmount");
      magnitude += Math.abs(w);
    }
  });
  for (const c of capacity) {
    if (!Number.isSafeInteger(c)) throw new CallInputError("capacity", "notWholeAmount");
    magnitude += Math.abs(c);
  }
  // Doubles round monotonically, so a computed total below 2^53 means the true one is too.
  if (!(valueTotal < SAFE)) throw new CallInputError("values", "tooLarge");
  if (!(magnitude < SAFE)) throw new CallInputError("draws", "tooLarge");
}

/** a beats b on the tie rule: the first item where they differ is in a. */
export function winsTie(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] === 1;
  return false;
}

/** Relative margin on the bound, far above the rounding error of the ~n double operations in it. */
const BOUND_MARGIN = 1e-12;

/**
 * Exact optimum by depth-first branch and bound (include before exclude).
 *
 * The bound at a node (some items decided, the rest open) is the current value plus the least, over
 * every single year t and over the sum of all years, of the LP relaxation of that one constraint:
 *   max Σ v_j x_j over the open items, 0 ≤ x_j ≤ 1, Σ w_j x_j ≤ remaining capacity.
 * Why it is valid: every set in the subtree satisfies every year's constraint, hence each single one
 * (and their sum, a sum of valid inequalities); its value is at most the optimum of the problem with
 * only that constraint, which is at most that problem's LP relaxation. So every single-constraint LP
 * value bounds the subtree, and so does their minimum. Each LP is solved exactly by Dantzig's rule:
 * with all values > 0, an open item with w ≤ 0 is taken whole (it adds value and capacity); the rest
 * are taken in decreasing v/w until the capacity runs out, the last one fractionally. If the capacity
 * is negative even with every w ≤ 0 item taken, no set in the subtree is feasible.
 * The bound is computed in doubles and raised by a relative 1e−12 plus one unit, so it is never below
 * the exact LP value; a node is pruned only when its bound is below the best value found (not equal,
 * so that a tied set that wins the tie rule is still found). The first incumbent is a greedy set;
 * past `maxNodes` the search stops and says so (`optimal: false`).
 */
export function branchAndBound(problem: KnapsackProblem, maxNodes = CALL_MAX_SEARCH_NODES): KnapsackSolution {
  checkKnapsack(problem);
  const { values: v } = problem;
  const n = v.length;
  const years = problem.capacity.length;
  const rows = years + 1; // the years, then their sum
  const draw = new Float64Array(n * rows);
  const remaining = new Float64Array(rows);
  problem.capacity.forEach((c, t) => {
    remaining[t] = c;
    remaining[years] += c;
  });
  problem.draws.forEach((row, i) => {
    row.forEach((w, t) => {
      draw[i * rows + t] = w;
      draw[i * rows + years] += w;
    });
  });

  // Branch on the items that use the least of the scarcest capacity per unit of value first.
  const use = (i: number) => {
    let worst = 0;
    for (let t = 0; t < years; t++) worst = Math.max(worst, Math.max(0, draw[i * rows + t]) / Math.max(1, problem.capacity[t]));
    return worst;
  };
  const efficiency = v.map((value, i) => value / (use(i) + 1e-9));
  const order = v.map((_, i) => i).sort((a, b) => efficiency[b] - efficiency[a] || a - b);
  const position = new Int32Array(n);
  order.forEach((item, p) => (position[item] = p));

  // Per row, the items with w > 0 by decreasing v/w (compared as cross products), all rows in one
  // array: row r's items are byRatio[rowStart[r] .. rowStart[r + 1]).
  const byRatio = new Int32Array(n * rows);
  const rowStart = new Int32Array(rows + 1);
  for (let r = 0; r < rows; r++) {
    const items = order.filter((i) => draw[i * rows + r] > 0);
    items.sort((a, b) => v[b] * draw[a * rows + r] - v[a] * draw[b * rows + r] || position[a] - position[b]);
    byRatio.set(items, rowStart[r]);
    rowStart[r + 1] = rowStart[r] + items.length;
  }
  // Suffix sums over the open items order[depth..]: Σ w (all), and Σ w, Σ v over the items with w ≤ 0.
  const allDraw = new Float64Array((n + 1) * rows);
  const freeDraw = new Float64Array((n + 1) * rows);
  const freeValue = new Float64Array((n + 1) * rows);
  for (let d = n - 1; d >= 0; d--) {
    const i = order[d];
    for (let r = 0; r < rows; r++) {
      const w = draw[i * rows + r];
      allDraw[d * rows + r] = allDraw[(d + 1) * rows + r] + w;
      freeDraw[d * rows + r] = freeDraw[(d + 1) * rows + r] + (w <= 0 ? w : 0);
      freeValue[d * rows + r] = freeValue[(d + 1) * rows + r] + (w <= 0 ? v[i] : 0);
    }
  }

  const chosen = new Uint8Array(n);
  let best: Uint8Array | null = null;
  let bestValue = -1;
  let nodes = 0;

  /** The bound on what the open items can still add, or −1 when no completion is feasible. */
  const bound = (depth: number): number => {
    let least = Infinity;
    for (let r = 0; r < rows; r++) {
      let capacity = remaining[r] - freeDraw[depth * rows + r];
      if (capacity < 0) return -1;
      let total = freeValue[depth * rows + r];
      for (let k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
        const j = byRatio[k];
        if (position[j] < depth) continue;
        const w = draw[j * rows + r];
        if (w <= capacity) {
          capacity -= w;
          total += v[j];
        } else {
          total += (v[j] * capacity) / w;
          break;
        }
      }
      if (total < least) least = total;
    }
    return Math.ceil(least * (1 + BOUND_MARGIN)) + 1;
  };

  const offer = (value: number) => {
    if (best === null || value > bestValue || (value === bestValue && winsTie(chosen, best))) {
      best = chosen.slice();
      bestValue = value;
    }
  };

  const search = (depth: number, value: number): void => {
    if (nodes >= maxNodes) return; // budget spent: unwind, keeping the best set found
    nodes++;
    const open = bound(depth);
    if (open < 0 || (best !== null && value + open < bestValue)) return;
    let allFit = true;
    for (let r = 0; r < rows && allFit; r++) allFit = remaining[r] - allDraw[depth * rows + r] >= 0;
    if (allFit) {
      // Every open item fits at once: with all values > 0, taking them all beats every other completion.
      let total = value;
      for (let d = depth; d < n; d++) {
        chosen[order[d]] = 1;
        total += v[order[d]];
      }
      offer(total);
      for (let d = depth; d < n; d++) chosen[order[d]] = 0;
      return;
    }
    if (depth === n) return; // not all fit with none open: this set breaks a year
    const item = order[depth];
    const at = item * rows;
    for (let r = 0; r < rows; r++) remaining[r] -= draw[at + r];
    chosen[item] = 1;
    search(depth + 1, value + v[item]);
    chosen[item] = 0;
    for (let r = 0; r < rows; r++) remaining[r] += draw[at + r];
    search(depth + 1, value);
  };

  // A first incumbent, so that even a search cut short by its budget returns a set: the items taken
  // greedily in branch order while every year still fits (none when a year is over already).
  if (problem.capacity.every((c) => c >= 0)) {
    let value = 0;
    for (const i of order) {
      let fits = true;
      for (let r = 0; r < rows && fits; r++) fits = remaining[r] - draw[i * rows + r] >= 0;
      if (!fits) continue;
      for (let r = 0; r < rows; r++) remaining[r] -= draw[i * rows + r];
      chosen[i] = 1;
      value += v[i];
    }
    offer(value);
    for (const i of order) {
      if (chosen[i] === 0) continue;
      for (let r = 0; r < rows; r++) remaining[r] += draw[i * rows + r];
      chosen[i] = 0;
    }
  }
  search(0, 0);
  const optimal = nodes < maxNodes;
  if (best === null) return { feasible: false, chosen: [], objective: 0, nodes, optimal };
  const indices: number[] = [];
  (best as Uint8Array).forEach((bit, i) => bit === 1 && indices.push(i));
  return { feasible: true, chosen: indices, objective: bestValue, nodes, optimal };
}

/** The most items the exhaustive reference takes (2^20 subsets). */
export const EXHAUSTIVE_MAX_ITEMS = 20;

/**
 * The reference: every subset in Gray-code order (each step adds or removes one item, so the year
 * sums are kept in one running array, no table), the same feasibility, objective and tie rule. For
 * tests and the benchmark.
 */
export function exhaustiveSearch(problem: KnapsackProblem): KnapsackSolution {
  checkKnapsack(problem);
  const n = problem.values.length;
  if (n > EXHAUSTIVE_MAX_ITEMS) throw new CallInputError("values", "tooMany", { maximum: EXHAUSTIVE_MAX_ITEMS });
  const years = problem.capacity.length;
  const subsets = 2 ** n;
  const sums = new Float64Array(years);
  let value = 0;
  let mask = 0;
  let best = -1;
  let bestValue = -1;
  for (let step = 0; step < subsets; step++) {
    if (step > 0) {
      const item = 31 - Math.clz32(step & -step); // the bit that changes between Gray codes step−1 and step
      const sign = mask & (1 << item) ? -1 : 1;
      mask ^= 1 << item;
      value += sign * problem.values[item];
      const row = problem.draws[item];
      for (let t = 0; t < years; t++) sums[t] += sign * row[t];
    }
    let fits = true;
    for (let t = 0; t < years && fits; t++) fits = sums[t] <= problem.capacity[t];
    if (!fits) continue;
    // Tie: the lowest item where the masks differ decides, and it must be in the winner.
    const differ = mask ^ best;
    if (best < 0 || value > bestValue || (value === bestValue && (mask & differ & -differ) !== 0)) {
      best = mask;
      bestValue = value;
    }
  }
  if (best < 0) return { feasible: false, chosen: [], objective: 0, nodes: subsets, optimal: true };
  const chosen: number[] = [];
  for (let i = 0; i < n; i++) if (best & (1 << i)) chosen.push(i);
  return { feasible: true, chosen, objective: bestValue, nodes: subsets, optimal: true };
}
