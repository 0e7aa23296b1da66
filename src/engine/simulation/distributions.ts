import { exp, log } from "../elementary";
import { SocinvError } from "../errors";
import { incompleteBetaInverse, logBeta, normalCdf, normalDensity, normalQuantile } from "./special";

/**
 * Distributions a controller can state as low / most likely / high. Every one is sampled by its
 * quantile function from one uniform u in [0, 1), so Latin hypercube sampling, "moving together"
 * (one u shared) and common random numbers all work the same way for each, and every draw lies in
 * [low, high] (clamped after the arithmetic, so rounding can never step outside).
 *  - uniform on [low, high] (mode ignored);
 *  - triangular (low, mode, high);
 *  - PERT: low + (high − low)·Beta(α, β), α = 1 + 4(mode − low)/(high − low), β = 1 + 4(high − mode)/(high − low);
 *  - normal with mean mode and σ = (high − low)/6, truncated to [low, high];
 *  - lognormal whose density peaks at mode (μ = ln mode + σ², σ = ln(high/low)/6), truncated; low > 0.
 * "Six standard deviations across the range" is the usual reading of a three-point estimate.
 * low = mode = high is a constant: no uncertainty.
 */
export type DistributionKind = "uniform" | "triangular" | "pert" | "normal" | "lognormal";
export const DISTRIBUTION_KINDS: readonly DistributionKind[] = ["uniform", "triangular", "pert", "normal", "lognormal"];

export interface ThreePoint {
  low: number;
  mode: number;
  high: number;
  /** Default "pert". */
  kind?: DistributionKind;
}

/** A checked three-point estimate with what its quantile function needs precomputed. */
export interface Distribution {
  readonly kind: DistributionKind;
  readonly low: number;
  readonly mode: number;
  readonly high: number;
  /** u ∈ [0, 1) → a value in [low, high], increasing in u. */
  readonly quantile: (u: number) => number;
}

/** Where a value must lie: a share in [0, 1], or anything finite. */
export type Domain = "share" | "real";

const clamp = (x: number, low: number, high: number): number => (x < low ? low : x > high ? high : x);

/** Checks low ≤ mode ≤ high (finite; shares within 0–100 %; lognormal above 0) and builds the quantile. */
export function distribution(spec: ThreePoint, argument: string, domain: Domain = "real", row?: number): Distribution {
  const { low, mode, high } = spec;
  const kind = spec.kind ?? "pert";
  for (const x of [low, mode, high]) {
    if (typeof x !== "number" || !Number.isFinite(x)) throw new SocinvError("num", argument, "notFinite", { row });
  }
  if (!DISTRIBUTION_KINDS.includes(kind)) throw new SocinvError("value", argument, "unknownDistribution", { text: String(kind) });
  if (!(low <= mode && mode <= high)) throw new SocinvError("num", argument, "threePointOrder", { row });
  if (domain === "share" && (low < 0 || high > 1)) throw new SocinvError("num", argument, "fractionRange", { row });
  if (kind === "lognormal" && !(low > 0)) throw new SocinvError("num", argument, "lognormalPositive", { row });
  const base = { kind, low, mode, high };
  if (low === high) return { ...base, quantile: () => mode };
  const width = high - low;
  const inRange = (x: number) => clamp(x, low, high);
  switch (kind) {
    case "uniform":
      return { ...base, quantile: (u) => inRange(low + width * u) };
    case "triangular": {
      const split = (mode - low) / width; // F(mode)
      return {
        ...base,
        quantile: (u) =>
          inRange(u < split ? low + Math.sqrt(u * width * (mode - low)) : high - Math.sqrt((1 - u) * width * (high - mode))),
      };
    }
    case "pert": {
      const { alpha, beta } = pertShape(low, mode, high);
      const lnB = logBeta(alpha, beta);
      return { ...base, quantile: (u) => inRange(low + width * incompleteBetaInverse(u, alpha, beta, lnB)) };
    }
    case "normal":
    case "lognormal": {
      const t = truncatedNormalOf(base as Distribution);
      // A range so narrow that σ underflows (or ln(high/low) rounds to 0) is a constant to doubles.
      if (!(t.sigma > 0)) return { ...base, quantile: () => mode };
      const from = normalCdf(t.alpha);
      const span = normalCdf(t.beta) - from;
      const z = (u: number) => t.mu + t.sigma * normalQuantile(from + u * span);
      return { ...base, quantile: kind === "normal" ? (u) => inRange(z(u)) : (u) => inRange(exp(z(u))) };
    }
  }
}

const pertShape = (low: number, mode: number, high: number) => ({
  alpha: 1 + (4 * (mode - low)) / (high - low),
  beta: 1 + (4 * (high - mode)) / (high - low),
});

/** The underlying normal (of the value, or of its logarithm) and the truncation points in σ units. */
function truncatedNormalOf(d: Pick<Distribution, "kind" | "low" | "mode" | "high">) {
  const logarithmic = d.kind === "lognormal";
  const low = logarithmic ? log(d.low) : d.low;
  const high = logarithmic ? log(d.high) : d.high;
  const sigma = (high - low) / 6;
  const mu = logarithmic ? log(d.mode) + sigma * sigma : d.mode;
  return { mu, sigma, alpha: (low - mu) / sigma, beta: (high - mu) / sigma };
}

/** The analytic mean of a distribution as sampled (truncation included). */
export function distributionMean(d: Pick<Distribution, "kind" | "low" | "mode" | "high">): number {
  const { low, mode, high } = d;
  if (low === high) return mode;
  switch (d.kind) {
    case "uniform":
      return (low + high) / 2;
    case "triangular":
      return (low + mode + high) / 3;
    case "pert":
      return (low + 4 * mode + high) / 6;
    case "normal": {
      const t = truncatedNormalOf(d);
      if (!(t.sigma > 0)) return mode;
      const z = normalCdf(t.beta) - normalCdf(t.alpha);
      return t.mu + (t.sigma * (normalDensity(t.alpha) - normalDensity(t.beta))) / z;
    }
    case "lognormal":
      return truncatedNormalOf(d).sigma > 0 ? lognormalMoment(d, 1) : mode;
  }
}

/** The analytic variance (truncation included). */
export function distributionVariance(d: Pick<Distribution, "kind" | "low" | "mode" | "high">): number {
  const { low, mode, high } = d;
  if (low === high) return 0;
  switch (d.kind) {
    case "uniform":
      return ((high - low) * (high - low)) / 12;
    case "triangular":
      return (low * low + mode * mode + high * high - low * mode - low * high - mode * high) / 18;
    case "pert": {
      const mean = (low + 4 * mode + high) / 6;
      return ((mean - low) * (high - mean)) / 7;
    }
    case "normal": {
      const t = truncatedNormalOf(d);
      if (!(t.sigma > 0)) return 0;
      const z = normalCdf(t.beta) - normalCdf(t.alpha);
      const pa = normalDensity(t.alpha);
      const pb = normalDensity(t.beta);
      const shift = (pa - pb) / z;
      return t.sigma * t.sigma * (1 + (t.alpha * pa - t.beta * pb) / z - shift * shift);
    }
    case "lognormal":
      return truncatedNormalOf(d).sigma > 0 ? lognormalMoment(d, 2) - lognormalMoment(d, 1) * lognormalMoment(d, 1) : 0;
  }
}

/** E[X^k] of the truncated lognormal: e^(kμ + k²σ²/2)·[Φ(β − kσ) − Φ(α − kσ)] / [Φ(β) − Φ(α)]. */
function lognormalMoment(d: Pick<Distribution, "kind" | "low" | "mode" | "high">, k: number): number {
  const t = truncatedNormalOf(d);
  const z = normalCdf(t.beta) - normalCdf(t.alpha);
  const ks = k * t.sigma;
  return (exp(k * t.mu + (ks * ks) / 2) * (normalCdf(t.beta - ks) - normalCdf(t.alpha - ks))) / z;
}
