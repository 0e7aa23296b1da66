import type { SeededRandom } from "./random";

/**
 * The uniforms behind every draw: `iterations` rows of `inputs` numbers in [0, 1), row i at i·inputs.
 *  - "monteCarlo": row by row from the generator, so the first m rows of a run of n equal a run of m;
 *  - "latinHypercube": each input's n values fall one in each stratum [k/n, (k+1)/n), strata in a random
 *    order per input (McKay, Beckman & Conover 1979), so every input covers its whole range evenly.
 */
export type Sampling = "monteCarlo" | "latinHypercube";
export const SAMPLINGS: readonly Sampling[] = ["monteCarlo", "latinHypercube"];

export function uniforms(random: SeededRandom, iterations: number, inputs: number, sampling: Sampling = "monteCarlo"): Float64Array {
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError(`iterations: expected a whole number ≥ 1, got ${iterations}`);
  if (!SAMPLINGS.includes(sampling)) throw new RangeError(`sampling: expected monteCarlo or latinHypercube, got ${String(sampling)}`);
  const out = new Float64Array(iterations * inputs);
  if (sampling === "monteCarlo") {
    for (let i = 0; i < out.length; i++) out[i] = random.next();
    return out;
  }
  const strata = new Uint32Array(iterations);
  for (let k = 0; k < inputs; k++) {
    for (let i = 0; i < iterations; i++) strata[i] = i;
    for (let i = iterations - 1; i > 0; i--) {
      const j = random.nextBelow(i + 1); // Fisher–Yates
      const swap = strata[i];
      strata[i] = strata[j];
      strata[j] = swap;
    }
    for (let i = 0; i < iterations; i++) {
      // In the last stratum the division may round up to 1: then the largest double below 1.
      const u = (strata[i] + random.next()) / iterations;
      out[i * inputs + k] = u < 1 ? u : 1 - Number.EPSILON / 2;
    }
  }
  return out;
}
