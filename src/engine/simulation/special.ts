/**
 * The special functions the distributions need, in doubles (estimation, not bookkeeping): the standard
 * normal's distribution function and its inverse, the log-gamma function, and the regularised
 * incomplete beta function and its inverse. Each is accurate to about 1e-14 on the ranges used here;
 * the tests check them against identities and published values. exp and log are elementary.ts's (not
 * Math's), so a seed gives the same bits in Node and in every browser.
 */
import { exp, log, log1p } from "../elementary";

const LN_SQRT_2PI = 0.9189385332046727; // ln √(2π)

/** The standard normal density φ(x). */
export const normalDensity = (x: number): number => exp(-0.5 * x * x - LN_SQRT_2PI);

/**
 * Φ(x). |x| < 3: Marsaglia's Taylor series (2004), all terms of one sign, so ~1e-16 absolute. Beyond:
 * the continued fraction of Mills' ratio φ/(1 − Φ), which keeps the tail's relative accuracy too.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < -3) return lowerTail(-x);
  if (x > 3) return 1 - lowerTail(x);
  let sum = x;
  let term = x;
  const q = x * x;
  for (let i = 1, previous = NaN; sum !== previous; ) {
    previous = sum;
    i += 2;
    term *= q / i;
    sum += term;
  }
  return 0.5 + sum * exp(-0.5 * q - LN_SQRT_2PI);
}

/** 1 − Φ(t) for t ≥ 3: φ(t) / (t + 1/(t + 2/(t + 3/(t + …)))), 60 levels (converged well before). */
function lowerTail(t: number): number {
  if (t > 38) return 0; // below the smallest double
  let fraction = t;
  for (let k = 60; k >= 1; k--) fraction = t + k / fraction;
  return normalDensity(t) / fraction;
}

// Acklam's rational approximation of Φ⁻¹ (relative error < 1.2e-9), refined by one Halley step.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Φ⁻¹(p) for p in (0, 1); ±Infinity at 0 and 1. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x: number;
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * log(p < P_LOW ? p : 1 - p));
    x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    if (p > 1 - P_LOW) x = -x;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  // Halley: e = Φ(x) − p, u = e/φ(x); x −= u / (1 + x·u/2). Above ½, e = (1 − p) − Φ(−x): 1 − p is exact
  // there and Φ(−x) keeps its relative accuracy in the tail.
  const e = p > 0.5 ? 1 - p - normalCdf(-x) : normalCdf(x) - p;
  const u = e / normalDensity(x);
  return x - u / (1 + (x * u) / 2);
}

// Lanczos (g = 7, n = 9): ln Γ(x) for x > 0 to ~1e-15.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x < 0.5) return logGamma(x + 1) - log(x); // Γ(x + 1) = x·Γ(x)
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return LN_SQRT_2PI + (z + 0.5) * log(t) - t + log(sum);
}

/** ln B(a, b). */
export const logBeta = (a: number, b: number): number => logGamma(a) + logGamma(b) - logGamma(a + b);

/** The continued fraction of I_x(a, b) (modified Lentz), for x < (a + 1)/(a + b + 2). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b), a, b > 0; lnB = ln B(a, b) when known. */
export function incompleteBeta(x: number, a: number, b: number, lnB = logBeta(a, b)): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return incompleteBetaAt(x, a, b, lnB, log(x), log1p(-x));
}

/** I_x(a, b) for 0 < x < 1 with ln x and ln(1 − x) given (the inverse needs them for the density too). */
function incompleteBetaAt(x: number, a: number, b: number, lnB: number, lnX: number, ln1mX: number): number {
  const front = exp(a * lnX + b * ln1mX - lnB);
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/**
 * x with I_x(a, b) = p, for a, b ≥ 1: Numerical Recipes' normal-based first guess (invbetai), then
 * Halley steps inside a bracket that every evaluation narrows; a step leaving the bracket (or a
 * density that underflows) becomes a bisection, so the result is always in [0, 1] and never NaN.
 */
export function incompleteBetaInverse(p: number, a: number, b: number, lnB = logBeta(a, b)): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const pp = p < 0.5 ? p : 1 - p;
  const t0 = Math.sqrt(-2 * log(pp));
  let z = (2.30753 + t0 * 0.27061) / (1 + t0 * (0.99229 + t0 * 0.04481)) - t0;
  if (p < 0.5) z = -z;
  const al = (z * z - 3) / 6;
  const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
  const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
  let low = 0;
  let high = 1;
  let x = a / (a + b * exp(2 * w));
  if (!(x > 0 && x < 1)) x = 0.5;
  for (let j = 0; j < 100; j++) {
    const lnX = log(x);
    const ln1mX = log1p(-x);
    const error = incompleteBetaAt(x, a, b, lnB, lnX, ln1mX) - p;
    if (error === 0) return x;
    if (error < 0) low = x;
    else high = x;
    const density = exp((a - 1) * lnX + (b - 1) * ln1mX - lnB);
    const u = error / density;
    let next = x - u / (1 - 0.5 * Math.min(1, u * ((a - 1) / x - (b - 1) / (1 - x))));
    if (Math.abs(next - x) <= 1e-15 * x) return next; // converged (checked first: x itself is a bracket end)
    if (!(next > low && next < high)) next = 0.5 * (low + high);
    if (next === low || next === high) return next; // the bracket is one double wide
    x = next;
  }
  return x;
}
