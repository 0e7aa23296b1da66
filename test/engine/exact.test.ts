import Decimal from "decimal.js";
import fc from "fast-check";
import { mulDivFits, mulDivFloor, mulDivRemainder } from "../../src/engine/exact/mulDiv";
import { decimalScale, POW10, readScaled, ScaledBuffer, floorDiv, roundDivHalfUp, shown } from "../../src/engine/exact/scaled";
import { bigints, doubles, type Calculator, type Scalar } from "../../src/engine/exact/calculator";
import { YearSplit } from "../../src/engine/exact/split";
import { anyDouble, manyPlaces, money, nearBound, ore, RUNS } from "./moneyArbitraries";

const Big = Decimal.clone({ precision: 1000 });

describe("scaled integers read a cell as the decimal the user sees", () => {
  test("0.1, 0.29, 1e-7, 123456.78 and -0.05 have the scales 1, 2, 7, 2, 2", () => {
    expect([0.1, 0.29, 1e-7, 123456.78, -0.05].map(decimalScale)).toEqual([1, 2, 7, 2, 2]);
  });

  test("values beyond 2^50 at their scale, or with more than 15 places, have none", () => {
    expect(decimalScale(2 ** 51)).toBe(-1);
    expect(decimalScale(1e300)).toBe(-1);
    expect(decimalScale(5e-324)).toBe(-1);
    expect(decimalScale(0.1 + 0.2)).toBe(-1); // 0.30000000000000004: 17 places
  });

  test("property: when a scale exists, k·10^-p equals new Decimal(x), exactly", () => {
    fc.assert(
      fc.property(fc.oneof(anyDouble, manyPlaces, ore, nearBound), (x) => {
        const p = decimalScale(x);
        if (p < 0) return true;
        const k = Math.round(x * POW10[p]);
        return new Big(k).div(new Big(10).pow(p)).equals(new Big(x));
      }),
      { numRuns: 20000 },
    );
  });

  test("property: a value with at most 15 places and |k| ≤ 2^50 always gets a scale (no needless fallback)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), fc.integer({ min: 0, max: 15 }), (k, p) => {
        const x = k / 10 ** p;
        const q = decimalScale(x);
        return q >= 0 && q <= p;
      }),
      RUNS,
    );
  });

  test("property: ScaledBuffer brings several arrays to one scale, exactly, rescaling what it read before", () => {
    fc.assert(
      fc.property(fc.array(fc.array(money(), { maxLength: 8 }), { maxLength: 4 }), (rows) => {
        const buffer = new ScaledBuffer(rows.reduce((n, r) => n + r.length + 1, 0));
        const offsets = rows.map((r) => buffer.append(r, r.length + 1)); // one zero of padding each
        if (!buffer.ok) return true;
        const scale = new Big(10).pow(buffer.scale);
        return rows.every(
          (r, j) =>
            r.every((x, i) => new Big(buffer.data[offsets[j] + i]).div(scale).equals(new Big(x))) &&
            buffer.data[offsets[j] + r.length] === 0,
        );
      }),
      { numRuns: 5000 },
    );
  });

  test("non-numbers and non-finite values never pass as scaled integers", () => {
    for (const junk of [NaN, Infinity, -Infinity, "5", "", null, undefined, true, false, {}, [3]]) {
      expect(readScaled([1, junk as unknown as number, 2])).toBeNull();
    }
    expect(readScaled([1, 0.5, 2])).toEqual({ values: new Float64Array([10, 5, 20]), scale: 1 });
  });

  test("floorDiv and roundDivHalfUp: 7/2 → 3 and 4 (half away from zero), 2^53−1 over 3", () => {
    expect(floorDiv(7, 2)).toBe(3);
    expect(roundDivHalfUp(7, 2)).toBe(4);
    expect(roundDivHalfUp(5, 10)).toBe(1);
    expect(roundDivHalfUp(4, 10)).toBe(0);
    expect(floorDiv(2 ** 52 - 1, 3)).toBe(Number((2n ** 52n - 1n) / 3n));
  });
});

describe("shown: a cell value as Excel shows it (15 significant digits)", () => {
  test("=1000/3, =0.1+0.2, 999 999 999 999.9979 (log10 rounds up to 12), ±1.8e308 (kept: the rounding would overflow)", () => {
    expect(shown(1000 / 3)).toBe(333.333333333333);
    expect(shown(0.1 + 0.2)).toBe(0.3);
    expect(shown(999999999999.9979)).toBe(999999999999.998);
    expect(shown(1.7976931348623151e308)).toBe(1.7976931348623151e308);
    expect(shown(Number.NaN)).toBeNaN();
  });

  test("property: equals Number(x.toPrecision(15)) (the fast path never differs from the string rounding)", () => {
    const computed = fc.integer({ min: 1, max: 1e9 }).chain((k) => fc.constantFrom(k / 7, k / 3, -k / 11, k / 1e6));
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), computed, fc.double({ min: 1e-8, max: 1e12, noNaN: true })), (x) => {
        const want = Number(x.toPrecision(15));
        const got = shown(x);
        expect(got === 0 ? 0 : got).toBe(Number.isFinite(want) ? (want === 0 ? 0 : want) : x); // ±0 alike
      }),
      { numRuns: 20000 },
    );
  });
});

describe("the BigInt calculator turns wide units back into the correctly rounded double", () => {
  // The reference: the decimal text units·10^−decimals, which JavaScript parses correctly rounded (ties to even).
  const viaText = (units: bigint, decimals: number) => Number(`${units}e-${decimals}`);
  const wide = fc.bigInt({ min: 2n ** 53n, max: 2n ** 110n });
  test("property: any units from 2^53 to 2^110 at 0 to 22 decimals, either sign", () => {
    fc.assert(
      fc.property(wide, fc.integer({ min: 0, max: 22 }), fc.boolean(), (units, decimals, negative) => {
        const u = negative ? -units : units;
        expect(bigints.toNumber(u, decimals)).toBe(viaText(u, decimals));
      }),
      { numRuns: 20000 },
    );
  });
  test("property: a balance of a computed model, 10^7 to 10^12 kr at 14 places", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e7, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 999_999 }), (kronor, tail) => {
        const units = BigInt(Math.round(kronor)) * 10n ** 14n + BigInt(tail) * 10n ** 8n + BigInt(tail % 977);
        expect(bigints.toNumber(units, 14)).toBe(viaText(units, 14));
      }),
      { numRuns: 20000 },
    );
  });
  test("property: values a hair (2^-s·10^-15) off a midpoint, where the rounded fraction is the midpoint itself", () => {
    // With V in [2^(38−s), 2^(39−s)) the doubles are 2^−(14+s) apart and the midpoints' fractions are
    // odd·2^−(15+s). One whose odd·5^15 ≡ ±1 (mod 2^s) lies 2^−s·10^−15 from a 15-place decimal; that
    // decimal's fraction, divided in doubles, rounds onto the midpoint, and only the bracket notices.
    const inverse = (a: bigint, modulus: bigint) => {
      let x = 1n;
      for (let k = 0; k < 200 && (a * x) % modulus !== 1n; k++) x = (x * (2n - a * x)) % modulus; // Newton for odd a
      return ((x % modulus) + modulus) % modulus;
    };
    const five15 = 5n ** 15n;
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 20 }), fc.integer({ min: 0, max: 2 ** 20 }), fc.integer({ min: 0, max: 2 ** 14 }), fc.boolean(), fc.constantFrom(1n, 3n), (shift, offset, t, above, c) => {
        const modulus = 2n ** BigInt(shift);
        // odd·5^15 ≡ −c puts the decimal c·2^−s·10^−15 above the midpoint, ≡ c below; c = 1 and 3 give
        // both parities of the neighbours (5^15 ≡ 1 mod 4), so a tie to even would be wrong half the time.
        const target = above ? modulus - c : c;
        const odd = (inverse(five15, modulus) * target) % modulus + modulus * BigInt(t);
        if (odd >= 2n ** BigInt(15 + shift)) return; // the fraction must stay below 1
        const whole = 2n ** BigInt(38 - shift) + BigInt(offset);
        const scaledFraction = odd * five15; // m·10^15·2^s
        const units = whole * 10n ** 15n + (above ? scaledFraction / modulus + 1n : scaledFraction / modulus);
        expect(scaledFraction % modulus).toBe(target);
        expect(bigints.toNumber(units, 15)).toBe(viaText(units, 15));
      }),
      { numRuns: 5000 },
    );
  });
  test("property: exact midpoints between two doubles round to even, as the text does", () => {
    // c in [2^38, 2^53) has a spacing ≥ 2^-14, so c + spacing/2 is a decimal with at most 15 places.
    fc.assert(
      fc.property(fc.integer({ min: 2 ** 38, max: 2 ** 52 }), fc.integer({ min: 0, max: 2 ** 20 }), fc.integer({ min: 15, max: 15 }), (whole, bits, decimals) => {
        const exponent = Math.floor(Math.log2(whole)) - 52; // spacing 2^exponent
        const c = whole + bits * 2 ** exponent;
        // (c + 2^(exponent−1))·10^decimals, exactly: c·2^(1−exponent) + 1 is an odd integer N, the midpoint N·2^(exponent−1).
        const n = BigInt(c * 2 ** (1 - exponent)) + 1n;
        const units = (n * 10n ** BigInt(decimals)) / 2n ** BigInt(1 - exponent);
        expect((n * 10n ** BigInt(decimals)) % 2n ** BigInt(1 - exponent)).toBe(0n);
        expect(bigints.toNumber(units, decimals)).toBe(viaText(units, decimals));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("mulDivFloor computes floor(a·b/c) exactly for products up to 2^106", () => {
  test("(2^52−1)·(2^50−3)/(2^51−1): quotient and remainder as BigInt gives them (product ~2^102)", () => {
    const a = 2 ** 53 - 1;
    const b = 2 ** 50 - 3;
    const c = 2 ** 51 - 1;
    expect(mulDivFits(a, b, c)).toBe(false); // quotient ~2^52: outside the domain
    const q = mulDivFloor(2 ** 52 - 1, 2 ** 50 - 3, 2 ** 51 - 1);
    const exact = (2n ** 52n - 1n) * (2n ** 50n - 3n);
    expect(BigInt(q)).toBe(exact / (2n ** 51n - 1n));
    expect(BigInt(mulDivRemainder(2 ** 52 - 1, 2 ** 50 - 3, 2 ** 51 - 1, q))).toBe(exact % (2n ** 51n - 1n));
  });

  const operand = fc.oneof(
    fc.integer({ min: 0, max: 2 ** 31 }),
    fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }).map(Number),
    fc.integer({ min: 0, max: 1000 }).map((k) => 2 ** 53 - 1 - k),
  );
  const divisor = fc.oneof(
    fc.integer({ min: 1, max: 1000 }),
    fc.bigInt({ min: 1n, max: 2n ** 51n }).map(Number),
    fc.integer({ min: 0, max: 1000 }).map((k) => 2 ** 51 - k),
  );

  test("property: equals BigInt when the product is far beyond 2^53 (a·b ≈ q·c up to 2^100)", () => {
    const wide = fc
      .tuple(
        fc.bigInt({ min: 1n, max: 2n ** 53n - 1n }),
        fc.bigInt({ min: 0n, max: 2n ** 49n }),
        fc.bigInt({ min: 1n, max: 2n ** 51n }),
      )
      .map(([a, q, c]) => {
        let b = (q * c) / a;
        if (b >= 2n ** 53n) b = 2n ** 53n - 1n;
        return [Number(a), Number(b), Number(c)] as const;
      });
    let beyond = 0;
    fc.assert(
      fc.property(wide, ([a, b, c]) => {
        fc.pre(mulDivFits(a, b, c));
        const p = BigInt(a) * BigInt(b);
        if (p > 2n ** 60n) beyond++;
        const q = mulDivFloor(a, b, c);
        return BigInt(q) === p / BigInt(c) && BigInt(mulDivRemainder(a, b, c, q)) === p % BigInt(c);
      }),
      { numRuns: 20000 },
    );
    expect(beyond).toBeGreaterThan(10000); // the test really exercises two-double products
  });

  test("property: equals BigInt on random operands near the bounds", () => {
    fc.assert(
      fc.property(operand, operand, divisor, (a, b, c) => {
        fc.pre(mulDivFits(a, b, c));
        const q = mulDivFloor(a, b, c);
        const r = mulDivRemainder(a, b, c, q);
        const p = BigInt(a) * BigInt(b);
        return BigInt(q) === p / BigInt(c) && BigInt(r) === p % BigInt(c);
      }),
      { numRuns: 20000 },
    );
  });
});

/**
 * The largest-remainder rule through YearSplit: parts given as floor·den + remainder over den, so
 * each case reads as floors and remainders; `target` = Σ floors + the units still missing.
 */
function distributeRemaining<T extends Scalar>(c: Calculator<T>, floors: number[], remainders: number[], remaining: number, den: number): number[] {
  const y = c.vector(floors.length);
  floors.forEach((f, i) => (y[i] = c.integer(f * den + remainders[i])));
  const target = c.integer(floors.reduce((s, f) => s + f, 0) + remaining);
  const split = new YearSplit(c, floors.length);
  split.year(c.one, y, 0, c.integer(den), c.one, target);
  return c.toNumbers(split.units, floors.length, 0, false);
}

describe("the largest-remainder rule", () => {
  test("remainders 0.5, 0.75, 0.5 over one missing unit: the largest remainder wins", () => {
    expect(distributeRemaining(doubles, [1, 1, 1], [50, 75, 50], 1, 100)).toEqual([1, 2, 1]);
  });

  test("equal remainders: the larger exact part (larger floor) wins, then the earlier index", () => {
    expect(distributeRemaining(doubles, [3, 5, 5, 2], [1, 1, 1, 1], 2, 2)).toEqual([3, 6, 6, 2]);
    expect(distributeRemaining(doubles, [3, 3, 3], [1, 1, 1], 1, 2)).toEqual([4, 3, 3]);
  });

  test("a remaining count outside [0, parts with a non-zero remainder] is a defect, reported by the invariant's name", () => {
    expect(() => distributeRemaining(doubles, [1, 1], [0, 1], 2, 2)).toThrow(/a year's parts add up to its rounded total/);
  });

  test("property: the selection equals a full sort by (remainder, floor, index) descending, in doubles and in BigInt", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        fc.constantFrom(7, 8, 1000, 2 ** 40),
        (parts, pick, denominator) => {
          const floors = parts.map(([f]) => f);
          const rems = parts.map(([, r]) => r);
          const nonZero = parts.filter(([, r]) => r !== 0).length;
          const remaining = nonZero === 0 ? 0 : pick % (nonZero + 1);
          const expected = [...floors];
          const order = [...expected.keys()].filter((i) => rems[i] !== 0);
          order.sort((a, b) => rems[b] - rems[a] || floors[b] - floors[a] || a - b);
          order.slice(0, remaining).forEach((i) => (expected[i] += 1));
          expect(distributeRemaining(doubles, floors, rems, remaining, denominator)).toEqual(expected);
          expect(distributeRemaining(bigints, floors, rems, remaining, denominator)).toEqual(expected);
        },
      ),
      RUNS,
    );
  });

  test("the BigInt split: 100 over thirds is [34, 33, 33]", () => {
    const split = new YearSplit(bigints, 3);
    split.year(1n, [100n, 100n, 100n], 0, 3n, 1n, 100n);
    expect(split.units).toEqual([34n, 33n, 33n]);
  });
});
