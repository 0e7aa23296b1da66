import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { SeededRandom } from "../../../src/engine/simulation/random";
import { uniforms } from "../../../src/engine/simulation/sampling";

const take = (random: SeededRandom, n: number) => Array.from({ length: n }, () => random.next());

describe("SeededRandom: pure-rand's xoroshiro128+ as uniform doubles", () => {
  test("the same doubles as pure-rand's uniformFloat64 on the same seed", () => {
    const ours = SeededRandom.fromSeed(42);
    const theirs = xoroshiro128plus(42);
    for (let i = 0; i < 1000; i++) expect(ours.next()).toBe(uniformFloat64(theirs));
  });

  test("the same seed gives the same numbers; another seed others", () => {
    expect(take(SeededRandom.fromSeed(7), 100)).toEqual(take(SeededRandom.fromSeed(7), 100));
    expect(take(SeededRandom.fromSeed(7), 100)).not.toEqual(take(SeededRandom.fromSeed(8), 100));
  });

  test("a saved state resumes exactly; a clone does not move its original", () => {
    const random = SeededRandom.fromSeed(2026);
    take(random, 37);
    const saved = random.state();
    const clone = random.clone();
    const next = take(random, 50);
    expect(take(SeededRandom.fromState(saved), 50)).toEqual(next);
    expect(take(clone, 50)).toEqual(next);
  });

  test("substreams: k jumps ahead, independent of the original and of each other", () => {
    const random = SeededRandom.fromSeed(1);
    const before = random.state();
    const one = random.substream(1);
    const two = random.substream(2);
    expect(random.state()).toEqual(before); // the original did not move
    expect(take(random.substream(1).substream(1), 20)).toEqual(take(two.clone(), 20));
    const a = take(random, 1000);
    const b = take(one, 1000);
    const c = take(two, 1000);
    expect(new Set([...a, ...b, ...c]).size).toBe(3000); // 53-bit doubles: no collision by chance
    expect(() => random.substream(0)).toThrow(RangeError);
  });

  test("doubles lie in [0, 1) with mean ½ and variance 1/12 (within 3 standard errors, n = 100 000)", () => {
    const random = SeededRandom.fromSeed(5);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    // SE of the mean: √(1/12/n) = 9.13e-4; of the second moment E[U²] = 1/3: √((1/5 − 1/9)/n) = 9.43e-4.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(3 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(squares / n - 1 / 3)).toBeLessThan(3 * Math.sqrt((1 / 5 - 1 / 9) / n));
  });

  test("nextBelow: every value of 0..n−1, each about n⁻¹ of the time", () => {
    const random = SeededRandom.fromSeed(9);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[random.nextBelow(6)]++;
    // each count is Binomial(60 000, 1/6): mean 10 000, sd √(60 000·(1/6)(5/6)) = 91.3
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(4 * 91.3);
    expect(() => random.nextBelow(0)).toThrow(RangeError);
  });

  test("a non-integer seed is refused", () => {
    expect(() => SeededRandom.fromSeed(1.5)).toThrow(RangeError);
  });
});

describe("uniforms: Monte Carlo and Latin hypercube rows", () => {
  test("Monte Carlo: the first rows of a longer run equal a shorter run", () => {
    const long = uniforms(SeededRandom.fromSeed(3), 100, 4);
    const short = uniforms(SeededRandom.fromSeed(3), 10, 4);
    expect(Array.from(long.subarray(0, 40))).toEqual(Array.from(short));
  });

  test("Latin hypercube: each input has exactly one value in each of the n strata", () => {
    const n = 1000;
    const inputs = 5;
    const u = uniforms(SeededRandom.fromSeed(11), n, inputs, "latinHypercube");
    expect(u.every((x) => x >= 0 && x < 1)).toBe(true);
    for (let k = 0; k < inputs; k++) {
      const strata = new Set<number>();
      for (let i = 0; i < n; i++) strata.add(Math.floor(u[i * inputs + k] * n));
      expect(strata.size).toBe(n);
    }
    // the strata orders differ between inputs (a shared order would correlate them perfectly)
    const order = (k: number) => Array.from({ length: 20 }, (_, i) => Math.floor(u[i * inputs + k] * n));
    expect(order(0)).not.toEqual(order(1));
  });

  test("Latin hypercube with one iteration is a plain uniform; bad arguments are refused", () => {
    const u = uniforms(SeededRandom.fromSeed(1), 1, 3, "latinHypercube");
    expect(u.length).toBe(3);
    expect(() => uniforms(SeededRandom.fromSeed(1), 0, 3)).toThrow(RangeError);
    expect(() => uniforms(SeededRandom.fromSeed(1), 5, 3, "sobol" as never)).toThrow(RangeError);
  });
});
