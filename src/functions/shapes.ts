import type { Orientation, Shape } from "./range";
import type { FunctionId } from "./signatures";

/**
 * The result-shape rules (FUNCTIONS.md "Shapes and orientation"), once, from the shapes of the
 * arguments alone (no cell is read): the runner uses them to apply the size rule before any work
 * and to orient results; the HyperFormula plugin uses them to size spills at parse time.
 */

/** Argument shapes in parameter order; undefined where an argument is left out. */
export type ArgumentShapes = readonly (Shape | undefined)[];

/**
 * What a function will return and over how many years, decided from the shapes. `result` is null
 * for a single number. `horizon` names the argument that sets it (the longest series), for the
 * size rule's message.
 */
export interface ShapePrediction {
  readonly result: Shape | null;
  /** The argument whose size sets the result's (named when the result would be too large). */
  readonly resultArgument?: string;
  readonly horizon: { readonly years: number; readonly argument: string } | null;
}

const isColumn = (s: Shape | undefined): boolean => !!s && s.columns === 1 && s.rows > 1;
const seriesLength = (s: Shape | undefined): number => (s ? Math.max(s.rows, s.columns) : 0);
/** Rows and years of a matrix argument: a single column is one series with years down. */
const matrixOf = (s: Shape | undefined) => (!s ? { rows: 0, years: 0 } : isColumn(s) ? { rows: 1, years: s.rows } : { rows: s.rows, years: s.columns });

/** The orientation of a matrix input (a single N×1 column runs years down). */
export const matrixOrientation = (s: Shape | undefined): Orientation => (isColumn(s) ? "column" : "row");

/**
 * The orientation of a result that mirrors a matrix input (REPAYMENT's savings); a single cell has
 * none of its own, so it follows the series it meets (a column of disbursements makes a column of repayments).
 */
export function followOrientation(matrix: Shape | undefined, series: Shape | undefined): Orientation {
  if (isColumn(matrix)) return "column";
  return matrix && matrix.rows === 1 && matrix.columns === 1 ? matrixOrientation(series) : "row";
}

/**
 * FUNDBALANCE runs years down only when every input is a single column (a single cell fits either
 * way) and at least one of them spans more than one year; otherwise years run across.
 */
export function fundOrientation(shapes: ArgumentShapes): Orientation {
  let anyColumn = false;
  for (const s of shapes) {
    if (s === undefined) continue;
    if (s.columns > 1) return "row";
    if (s.rows > 1) anyColumn = true;
  }
  return anyColumn ? "column" : "row";
}

/**
 * The longer of two (argument, years) pairs, the first on a tie: the horizon where inputs meet.
 * Two plain pairs, no arrays: the size rule runs on every call, also of a 5×10 model.
 */
function longer(first: string, firstYears: number, second: string, secondYears: number): { readonly years: number; readonly argument: string } {
  return secondYears > firstYears ? { argument: second, years: secondYears } : { argument: first, years: firstYears };
}

const cell = (rows: number, columns: number): Shape => ({ rows, columns });

/** The years and result shape of an appraisal (NETBENEFIT, BCR, PAYBACK): one number. */
const appraisal = ([investment, savings]: ArgumentShapes): ShapePrediction => ({
  result: null,
  horizon: longer("investment", seriesLength(investment), "savings", matrixOf(savings).years),
});

/**
 * Per function: the prediction from the argument shapes. `years` is REPAYMENTPLAN's years when it is
 * already known (the runner reads it; the plugin reads a literal), else undefined.
 */
export const SHAPE_RULES: Record<FunctionId, (shapes: ArgumentShapes, years?: number) => ShapePrediction> = {
  DISCOUNT: ([, values]) =>
    values && values.rows > 1 && values.columns > 1
      ? { result: cell(values.rows, 1), resultArgument: "values", horizon: { argument: "values", years: values.columns } }
      : { result: cell(1, 1), horizon: { argument: "values", years: seriesLength(values) } },
  LIFECYCLE: ([baseline, intervention]) => ({
    result: cell(matrixOf(baseline).rows + 1, 4),
    horizon: longer("baseline", matrixOf(baseline).years, "intervention", matrixOf(intervention).years),
  }),
  NETEFFECT: ([gross]) => ({ result: gross ?? cell(1, 1), horizon: { argument: "gross", years: matrixOf(gross).years } }),
  NETBENEFIT: appraisal,
  BCR: appraisal,
  PAYBACK: appraisal,
  REPAYMENT: ([disbursements, savings]) => {
    const saved = matrixOf(savings);
    const horizon = longer("disbursements", seriesLength(disbursements), "savings", saved.years);
    const years = horizon.years;
    const result = followOrientation(savings, disbursements) === "column" ? cell(years, 1) : cell(saved.rows, years);
    return { result, resultArgument: "savings", horizon };
  },
  REPAYMENTPLAN: ([, key], years = 1) => ({ result: cell(seriesLength(key), years), resultArgument: "key", horizon: { argument: "years", years } }),
  ALLOCATE: ([, weights]) => ({ result: weights ?? cell(1, 1), horizon: null }),
  FUNDBALANCE: ([, contributions, disbursements, repayments, other]) => {
    const orientation = fundOrientation([contributions, disbursements, repayments, other]);
    // Years across: an R×1 range is R projects (or förvaltningar) in year 0.
    const yearsOf = (s: Shape | undefined) => (orientation === "column" ? seriesLength(s) : s ? s.columns : 0);
    const flows = longer("contributions", seriesLength(contributions), "disbursements", yearsOf(disbursements));
    const withRepayments = longer(flows.argument, flows.years, "repayments", yearsOf(repayments));
    const horizon = longer(withRepayments.argument, withRepayments.years, "other", seriesLength(other));
    const years = horizon.years;
    return { result: orientation === "column" ? cell(years, 6) : cell(6, years), horizon };
  },
};
