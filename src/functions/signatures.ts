import { MAX_DECIMALS, MAX_HORIZON_YEARS } from "../engine/limits";

/**
 * The declarative half of the function registry (after HyperFormula's `implementedFunctions`): for
 * each SOCINV function its id, Swedish name, export name in functions.ts and parameters, each with
 * the kind of value it takes. Pure data with no engine behind it, so the formula builder (bundled
 * into the task pane), the HyperFormula plugin and the Swedish metadata check can read it cheaply.
 * The parameter names are the JSDoc names of functions.ts (and so of functions.json); a test holds
 * them equal. The computations are in specs/, the runner in runner.ts.
 */

/** What a parameter takes, and how a blank or omitted value reads. */
export type ParameterKind =
  /** A 1×N row or N×1 column, one value per year (a single number: all in year 0). */
  | { readonly kind: "series" }
  /** R×N, one row per actor, years across; a single N×1 column is one series with years down. */
  | { readonly kind: "matrix" }
  /** A series, or a table with one row per item (DISCOUNT's values). */
  | { readonly kind: "seriesOrTable" }
  /** Any shape of cells, kept as it is (ALLOCATE's weights). */
  | { readonly kind: "cells" }
  /** FUNDBALANCE's per-year inputs: years down only when every input is a single column. */
  | { readonly kind: "perYear" }
  /** A discount rate: one number or one per year; `fallback` when blank (none: an empty cell is an error). */
  | { readonly kind: "rate"; readonly fallback?: number }
  /** One number; `fallback` when blank (none: required). */
  | { readonly kind: "number"; readonly fallback?: number }
  /** One number or left out (no fixed default, e.g. the cap). */
  | { readonly kind: "optionalNumber" }
  /** A share in [0, 1]. */
  | { readonly kind: "fraction"; readonly fallback: number }
  /** A whole number in [min, max]. */
  | { readonly kind: "whole"; readonly min: number; readonly max: number; readonly fallback: number };

export interface Parameter {
  readonly name: string;
  readonly optional: boolean;
  readonly type: ParameterKind;
}

const required = <Name extends string>(name: Name, type: ParameterKind) => ({ name, optional: false, type }) as const;
const optional = <Name extends string>(name: Name, type: ParameterKind) => ({ name, optional: true, type }) as const;

const SERIES = { kind: "series" } as const;
const MATRIX = { kind: "matrix" } as const;
const RATE = { kind: "rate" } as const;
const TIMING = { kind: "number", fallback: 0 } as const;
const AMOUNT = { kind: "number", fallback: 0 } as const;
const DECIMALS = { kind: "whole", min: 0, max: MAX_DECIMALS, fallback: 0 } as const;
const fraction = (fallback: number) => ({ kind: "fraction", fallback }) as const;

export const SIGNATURES = {
  DISCOUNT: {
    swedish: "DISKONTERA",
    exportName: "discount",
    parameters: [required("rate", RATE), required("values", { kind: "seriesOrTable" }), optional("timing", TIMING)],
  },
  LIFECYCLE: {
    swedish: "LIVSCYKEL",
    exportName: "lifecycle",
    parameters: [required("baseline", MATRIX), required("intervention", MATRIX), required("rate", RATE), optional("timing", TIMING)],
  },
  NETEFFECT: {
    swedish: "NETTOEFFEKT",
    exportName: "netEffect",
    parameters: [
      required("gross", MATRIX),
      optional("deadweight", fraction(0)),
      optional("attribution", fraction(1)),
      optional("displacement", fraction(0)),
      optional("dropoff", fraction(0)),
    ],
  },
  NETBENEFIT: {
    swedish: "NETTONYTTA",
    exportName: "netBenefit",
    parameters: [required("investment", SERIES), required("savings", MATRIX), required("rate", RATE), optional("timing", TIMING)],
  },
  BCR: {
    swedish: "NYTTOKVOT",
    exportName: "bcr",
    parameters: [required("investment", SERIES), required("savings", MATRIX), required("rate", RATE), optional("timing", TIMING)],
  },
  PAYBACK: {
    swedish: "ÅTERBETALNINGSTID",
    exportName: "payback",
    parameters: [required("investment", SERIES), required("savings", MATRIX), optional("rate", { kind: "rate", fallback: 0 }), optional("timing", TIMING)],
  },
  REPAYMENT: {
    swedish: "ÅTERFÖRING",
    exportName: "repayment",
    parameters: [
      required("disbursements", SERIES),
      required("savings", MATRIX),
      optional("share", fraction(1)),
      optional("cap", { kind: "optionalNumber" }),
      optional("lag", { kind: "whole", min: 0, max: MAX_HORIZON_YEARS, fallback: 0 }),
      optional("decimals", DECIMALS),
    ],
  },
  REPAYMENTPLAN: {
    swedish: "AVBETALNINGSPLAN",
    exportName: "repaymentPlan",
    parameters: [
      required("amount", AMOUNT),
      required("key", SERIES),
      required("years", { kind: "whole", min: 1, max: MAX_HORIZON_YEARS, fallback: 0 }),
      optional("rate", { kind: "number", fallback: 0 }),
      optional("decimals", DECIMALS),
    ],
  },
  ALLOCATE: {
    swedish: "FÖRDELA",
    exportName: "allocate",
    parameters: [required("amount", AMOUNT), required("weights", { kind: "cells" }), optional("decimals", DECIMALS)],
  },
  FUNDBALANCE: {
    swedish: "FONDSALDO",
    exportName: "fundBalance",
    parameters: [
      required("opening", AMOUNT),
      required("contributions", SERIES),
      required("disbursements", { kind: "perYear" }),
      required("repayments", { kind: "perYear" }),
      optional("other", SERIES),
    ],
  },
} as const satisfies Record<string, { swedish: string; exportName: string; parameters: readonly Parameter[] }>;

export type FunctionId = keyof typeof SIGNATURES;
export const FUNCTION_IDS = Object.keys(SIGNATURES) as FunctionId[];

/** The parameter names of one function, in order. */
export type ParameterName<Id extends FunctionId> = (typeof SIGNATURES)[Id]["parameters"][number]["name"];
