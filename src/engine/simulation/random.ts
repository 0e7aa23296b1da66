import { xoroshiro128plus, xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

/**
 * The simulation's one source of randomness: pure-rand's xoroshiro128+ (period 2^128 − 1), seeded by
 * a 32-bit integer, never Math.random, so a seed gives the same numbers in Node and in every browser.
 * The state can be saved and restored (a run resumes exactly), and substreams are 2^64 steps apart
 * (pure-rand's jump), so separate runs or workers never overlap.
 */
const TWO_32 = 4294967296;

export class SeededRandom {
  private constructor(private readonly generator: JumpableRandomGenerator) {}

  /** A generator from a seed: any integer (taken modulo 2^32, as pure-rand does). */
  static fromSeed(seed: number): SeededRandom {
    if (!Number.isInteger(seed)) throw new RangeError(`seed: expected an integer, got ${seed}`);
    return new SeededRandom(xoroshiro128plus(seed | 0));
  }

  /** A generator continuing exactly where the one that gave `state` stood. */
  static fromState(state: readonly number[]): SeededRandom {
    return new SeededRandom(xoroshiro128plusFromState(state));
  }

  /** The internal state (four 32-bit integers), for fromState. */
  state(): number[] {
    return [...this.generator.getState()];
  }

  /** An independent copy at the same position. */
  clone(): SeededRandom {
    return new SeededRandom(this.generator.clone());
  }

  /**
   * Substream k (k ≥ 1): a copy jumped k·2^64 steps ahead; this generator does not move. Substreams
   * 1, 2, … of one seed are disjoint for any run shorter than 2^64 draws.
   */
  substream(k: number): SeededRandom {
    if (!Number.isInteger(k) || k < 1) throw new RangeError(`substream: expected a whole number ≥ 1, got ${k}`);
    const copy = this.generator.clone();
    for (let i = 0; i < k; i++) copy.jump();
    return new SeededRandom(copy);
  }

  /**
   * A uniform double in [0, 1): 53 random bits (26 + 27 from two 32-bit outputs), a multiple of 2^−53,
   * the same construction as pure-rand's uniformFloat64, inlined because it runs per draw.
   */
  next(): number {
    const high = this.generator.next() & 0x3ffffff; // 26 bits
    const low = this.generator.next() & 0x7ffffff; // 27 bits
    return (high * 134217728 + low) / 9007199254740992;
  }

  /** A uniform integer in [0, n) (n ≤ 2^32), by rejection so every value is equally likely. */
  nextBelow(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`nextBelow: expected 1..2^32, got ${n}`);
    const limit = TWO_32 - (TWO_32 % n); // largest multiple of n not above 2^32
    for (;;) {
      const x = this.generator.next() >>> 0;
      if (x < limit) return x % n;
    }
  }
}
