import { MAX_HORIZON_YEARS } from "./limits";
import { SocinvError } from "./errors";
import { bigints, type Calculator, type Scalar } from "./exact/calculator";
import { mulDivFits, mulDivFloor, mulDivRemainder } from "./exact/mulDiv";
import { roundDivide, YearSplit } from "./exact/split";
import { decimalScale, POW10, readScaled } from "./exact/scaled";
import { checkDecimals, checkFinite, checkWeights, checkWholeNumber } from "./money";

/**
 * REPAYMENTPLAN (Ale's dubbelmodell): an amount repaid over `years` years, straight-line (amount/years
 * a year) or, when rate > 0, as an annuity of amount·r / (1 − (1+r)^−years) a year (Excel's −PMT).
 * The cumulative total repaid is rounded by the cumulative rule (year total = round(C_t) − round(C_t−1)),
 * and each year's total is split by the key with the largest-remainder rule. Negative amount: mirrored.
 *
 * The annuity is exact: with r = ρ/b (b = 10^p), (1+r)^n = a^n / b^n for a = b + ρ, so the yearly
 * payment is the rational amount·ρ·a^n / (b·(a^n − b^n)).
 */
export function repaymentPlan(
  amount: number,
  key: readonly number[],
  years: number,
  rate?: number,
  decimals?: number,
): number[][] {
  const inputs = checkPlanInputs(amount, key, years, rate, decimals);
  return repaymentPlanFast(inputs) ?? repaymentPlanReference(inputs);
}

export interface PlanInputs {
  amount: number;
  key: readonly number[];
  years: number;
  rate: number;
  decimals: number;
}

export function checkPlanInputs(amount: number, key: readonly number[], years: number, rate?: number, decimals?: number): PlanInputs {
  checkFinite("amount", amount);
  const k = checkWeights("key", key);
  if (years === undefined || years === null) throw new SocinvError("value", "years", "missing");
  const n = checkWholeNumber("years", years, 1, 1, MAX_HORIZON_YEARS);
  const r = rate === undefined || rate === null ? 0 : checkFinite("rate", rate);
  // FUNCTIONS.md: straight-line, or an annuity when rate > 0. A negative interest rate on money lent
  // from the fund is not a repayment plan anyone agrees to: say so rather than guess.
  if (r < 0) throw new SocinvError("num", "rate", "notNegative");
  return { amount, key: k, years: n, rate: r, decimals: checkDecimals(decimals) };
}

/** Exact in any case: every cell from the exact rational yearly payment, over BigInt. */
export const repaymentPlanReference = (inputs: PlanInputs): number[][] => repaymentPlanWith(bigints, inputs);

/**
 * With amount α·10^−pa and rate ρ·10^−pr (b = 10^pr), the yearly payment in units of 10^−decimals is
 * X = Num/Den: straight-line α·10^d / (10^pa·n); annuity α·ρ·a^n·10^d / (10^pa·b·(a^n − b^n)), a = b + ρ.
 * Year t's total is round((t+1)·X) − round(t·X); part b is X·κ_b/K.
 */
function repaymentPlanWith<T extends Scalar>(c: Calculator<T>, inputs: PlanInputs): number[][] {
  const { years: n, decimals } = inputs;
  const pa = c.placesOf([inputs.amount]);
  let alpha = c.scaled(inputs.amount, pa);
  if (alpha < c.zero) alpha = c.subtract(c.zero, alpha);
  let num = c.multiply(alpha, c.power10(decimals));
  let den = c.multiply(c.power10(pa), c.integer(n));
  if (inputs.rate !== 0) {
    const pr = c.placesOf([inputs.rate]);
    const rho = c.scaled(inputs.rate, pr);
    const base = c.power10(pr);
    const an = power(c, c.add(base, rho), n);
    num = c.multiply(c.multiply(num, rho), an);
    den = c.multiply(c.multiply(c.power10(pa), base), c.subtract(an, power(c, base, n)));
  }
  const rows = inputs.key.length;
  const key = c.vector(rows);
  c.readInto(inputs.key, 0, c.placesOf(inputs.key), c.one, key, 0, 1, rows, false);
  const partDen = c.multiply(den, c.sum(key, 0, rows, 1));
  const out: number[][] = Array.from({ length: rows }, () => new Array<number>(n));
  const split = new YearSplit(c, rows);
  const negative = inputs.amount < 0;
  let cumulative = c.zero; // (t + 1)·Num
  let previous = c.zero;
  for (let t = 0; t < n; t++) {
    cumulative = c.add(cumulative, num);
    const rounded = roundDivide(c, cumulative, den);
    split.year(num, key, 0, partDen, c.one, c.subtract(rounded, previous));
    previous = rounded;
    c.writeNumbers(split.units, rows, decimals, negative, out, t);
  }
  return out;
}

/** base^n by squaring. */
function power<T extends Scalar>(c: Calculator<T>, base: T, n: number): T {
  let result = c.one;
  let square = base;
  for (let k = n; k > 0; k >>= 1) {
    if (k & 1) result = c.multiply(result, square);
    if (k > 1) square = c.multiply(square, square);
  }
  return result;
}

/**
 * The fast path, or null. The yearly payment in units, X = Num/Den, is an exact BigInt rational
 * (computed once); X = Q + Rm/Den. Row b's exact part X·κ_b/K is the same every year, so its floor and
 * its place in the largest-remainder order are computed once; each year then only decides how many of
 * the first rows in that order get one more unit.
 *
 * Row b: Q·κ_b = m_b·K + s_b (exact, in doubles), so part_b = m_b + (s_b + φ·κ_b)/K with φ = Rm/Den ∈ [0,1).
 * The order by remainder is found on double approximations key_b ≈ s_b + φ·κ_b whose error is below
 * δ = K·2^−49 (φ to 2^−52, one product and one sum rounded: < 3.1·K·2^−52); rows whose approximate keys
 * lie within 2δ of a neighbour, or within δ of K (is there a carry?), are decided exactly with BigInt
 * (G_b = s_b·Den + Rm·κ_b against K·Den). Two rows the approximation orders wrongly are within 2δ of each
 * other, and so is every row between them, so they always land in one exactly sorted cluster.
 */
export function repaymentPlanFast(inputs: PlanInputs): number[][] | null {
  const { years: n, decimals } = inputs;
  const magnitude = Math.abs(inputs.amount);
  const pa = decimalScale(magnitude);
  const scaledKey = readScaled(inputs.key);
  const pr = inputs.rate === 0 ? 0 : decimalScale(inputs.rate);
  if (pa < 0 || pr < 0 || scaledKey === null) return null;
  const kappa = scaledKey.values;
  const rows = kappa.length;
  let keyTotal = 0;
  for (let b = 0; b < rows; b++) keyTotal += kappa[b];
  if (!(keyTotal <= 2 ** 51)) return null;

  const alpha = BigInt(Math.round(magnitude * POW10[pa]));
  const unitScale = 10n ** BigInt(decimals);
  let num: bigint;
  let den: bigint;
  if (inputs.rate === 0) {
    num = alpha * unitScale;
    den = 10n ** BigInt(pa) * BigInt(n);
  } else {
    const rho = BigInt(Math.round(inputs.rate * POW10[pr]));
    const base = 10n ** BigInt(pr);
    const an = (base + rho) ** BigInt(n);
    const bn = base ** BigInt(n);
    num = alpha * rho * an * unitScale;
    den = 10n ** BigInt(pa) * base * (an - bn);
    if (den < 0n) {
      num = -num;
      den = -den;
    }
  }
  const quotientBig = num / den;
  const rest = num % den;
  const quotient = Number(quotientBig);
  if (!(quotient * n < 2 ** 51) || !mulDivFits(quotient, keyTotal, keyTotal)) return null;

  // Per row: floor f_b and the approximate remainder (over K), carry decided exactly where in doubt.
  const floors = new Float64Array(rows);
  const approx = new Float64Array(rows);
  const small = new Float64Array(rows); // s_b
  const phi = rest === 0n ? 0 : Number((rest << 64n) / den) / 2 ** 64;
  const delta = rest === 0n ? 0 : keyTotal * 2 ** -49;
  const keyDen = BigInt(keyTotal) * den;
  const exactRemainder = (b: number): bigint => {
    const g = BigInt(small[b]) * den + rest * BigInt(kappa[b]);
    return g >= keyDen ? g - keyDen : g;
  };
  for (let b = 0; b < rows; b++) {
    const m = mulDivFloor(quotient, kappa[b], keyTotal);
    const s = mulDivRemainder(quotient, kappa[b], keyTotal, m);
    small[b] = s;
    const key = s + phi * kappa[b];
    let carry: boolean;
    if (key >= keyTotal + delta) carry = true;
    else if (key < keyTotal - delta) carry = false;
    else carry = BigInt(s) * den + rest * BigInt(kappa[b]) >= keyDen;
    floors[b] = carry ? m + 1 : m;
    approx[b] = carry ? key - keyTotal : key;
  }
  const order = Array.from({ length: rows }, (_, b) => b);
  order.sort((x, y) => approx[y] - approx[x] || floors[y] - floors[x] || x - y);
  if (delta > 0) {
    for (let i = 0; i < rows - 1; ) {
      let j = i;
      while (j + 1 < rows && approx[order[j]] - approx[order[j + 1]] <= 2 * delta) j++;
      if (j > i) {
        const cluster = order.slice(i, j + 1);
        const exactOf = new Map(cluster.map((b) => [b, exactRemainder(b)]));
        cluster.sort((x, y) => {
          const rx = exactOf.get(x)!;
          const ry = exactOf.get(y)!;
          return ry > rx ? 1 : ry < rx ? -1 : floors[y] - floors[x] || x - y;
        });
        for (let k = 0; k < cluster.length; k++) order[i + k] = cluster[k];
      }
      i = j + 1;
    }
  }
  // Rows with a zero exact remainder never take a unit: count those that may.
  let nonZero = 0;
  for (let b = 0; b < rows; b++) {
    if (delta === 0 ? approx[b] !== 0 : approx[b] > delta || exactRemainder(b) !== 0n) nonZero++;
  }
  let sumFloors = 0;
  for (let b = 0; b < rows; b++) sumFloors += floors[b];

  const sign = inputs.amount < 0 ? -1 : 1;
  const scale = POW10[decimals];
  // remaining[t]: how many of the first rows in `order` get one more unit in year t.
  const remainingByYear = new Float64Array(n);
  let accumulated = 0n; // (t+1)·Rm mod Den
  let carries = 0;
  let previous = 0;
  for (let t = 0; t < n; t++) {
    accumulated += rest;
    if (accumulated >= den) {
      accumulated -= den;
      carries++;
    }
    const rounded = (t + 1) * quotient + carries + (2n * accumulated >= den ? 1 : 0);
    const remaining = rounded - previous - sumFloors;
    previous = rounded;
    if (!(remaining >= 0 && remaining <= nonZero)) throw new Error(`repayment plan: remaining ${remaining}`);
    remainingByYear[t] = remaining;
  }
  const rank = new Int32Array(rows);
  for (let i = 0; i < rows; i++) rank[order[i]] = i;
  // Every year's exact total is the same X, so a year's rounded total is ⌊X⌋ or ⌈X⌉ and `remaining`
  // takes at most two values: most rows get the same value every year (filled at once).
  let fewest = Infinity;
  let most = -Infinity;
  for (let t = 0; t < n; t++) {
    fewest = Math.min(fewest, remainingByYear[t]);
    most = Math.max(most, remainingByYear[t]);
  }
  const out: number[][] = new Array(rows);
  for (let b = 0; b < rows; b++) {
    const low = floors[b] === 0 ? 0 : (sign * floors[b]) / scale;
    const high = (sign * (floors[b] + 1)) / scale;
    const r = rank[b];
    if (r < fewest) out[b] = new Array<number>(n).fill(high);
    else if (r >= most) out[b] = new Array<number>(n).fill(low);
    else {
      const row = new Array<number>(n);
      for (let t = 0; t < n; t++) row[t] = r < remainingByYear[t] ? high : low;
      out[b] = row;
    }
  }
  return out;
}
