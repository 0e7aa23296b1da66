/**
 * Every size limit of the add-in, in one place. The functions' limits are FUNCTIONS.md's contract;
 * the model limits keep a model the pane writes within what Excel (and Excel on the web's request
 * size) handles comfortably.
 */

/** Functions: the most years a horizon, a delay (lag) or a repayment plan may span (FUNCTIONS.md "Size"). */
export const MAX_HORIZON_YEARS = 1000;
/** Functions: the most cells one argument may hold or one result may return (FUNCTIONS.md "Size"). */
export const MAX_CELLS = 1_000_000;
/** Functions: rounding to at most ten decimals (öre and far below), within what doubles show exactly. */
export const MAX_DECIMALS = 10;

/** Model: the first year a model may start in (a plausible calendar year, not a typo). */
export const MODEL_FIRST_YEAR_MIN = 1900;
export const MODEL_FIRST_YEAR_MAX = 2200;
/** Model (task pane): the most years a model may span. */
export const MODEL_MAX_YEARS = 60;
/**
 * Model: at least two years. With one year every K×1 block (K förvaltningar, 1 year) would be read as
 * a column series by the SOCINV functions' orientation rule (FUNCTIONS.md), not as K rows of one year.
 */
export const MODEL_MIN_YEARS = 2;
/** Model: the most actors (förvaltningar and others). */
export const MODEL_MAX_ACTORS = 60;
/** Model: the most projects. */
export const MODEL_MAX_PROJECTS = 60;
/** Model: the longest actor or project name. */
export const MODEL_MAX_NAME_LENGTH = 60;
/**
 * Model: projects × actors × years. The cost blocks hold five cells per (project, actor, year); 12 000
 * keeps a whole model (about 80 000 cells, ~2 MB of formulas and formats) inside one request of Excel
 * on the web, whose payload limit is 5 MB.
 */
export const MODEL_MAX_COST_CELLS = 12_000;

/**
 * Excel on the web: the largest payload of one request (one context.sync) and of its answer, 5 MB
 * (Microsoft's "Resource limits and performance optimization for Office Add-ins"). Above it the sync
 * fails with RequestPayloadSizeLimitExceeded; the workbook double can enforce it (requestLimitBytes).
 */
export const EXCEL_WEB_REQUEST_BYTES = 5 * 1024 * 1024;

/**
 * Task pane: the estimated size of one request to Excel above which a build splits its writes over more
 * round trips. 4 MB leaves a fifth of EXCEL_WEB_REQUEST_BYTES for what the estimate
 * (src/taskpane/excel/writeSheet.ts) does not count.
 */
export const EXCEL_REQUEST_SAFE_BYTES = 4_000_000;

/** Call (utlysning): the most applications one call compares (the exact selection is exponential at worst). */
export const CALL_MAX_APPLICATIONS = 60;
/** Call: the most years the call's fund projection spans. */
export const CALL_MAX_YEARS = 60;
/** Call: the most decimals a selection value (weighted score, net benefit) is rounded to before summing. */
export const CALL_MAX_OBJECTIVE_DECIMALS = 9;
/**
 * Call: the most branch-and-bound nodes one selection may visit (1–3 µs a node here: a few seconds at
 * most). Calls of tens of applications need thousands; past the budget the best set found is
 * returned, marked not proven.
 */
export const CALL_MAX_SEARCH_NODES = 2_000_000;
