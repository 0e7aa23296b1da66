/**
 * The SOCINV functions in HyperFormula for tests: the plugin lives in src/preview/socinvHyperFormula.ts
 * (shared with the preview grid); this helper installs the fake CustomFunctions runtime first, so the
 * functions build their errors exactly as in Excel. createSocinvWorkbook here is the bulk loader of
 * src/preview/calculate.ts (same cells, same order of entry, not quadratic in the formulas).
 */
import "./customFunctions";

export { loadSocinvWorkbook as createSocinvWorkbook } from "../../src/preview/calculate";
export { address, socinvFunctionNames, valueAt } from "../../src/preview/socinvHyperFormula";
