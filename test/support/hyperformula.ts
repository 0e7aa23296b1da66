/**
 * The SOCINV functions in HyperFormula for tests: the plugin lives in src/preview/socinvHyperFormula.ts
 * (shared with the preview grid); this helper installs the fake CustomFunctions runtime first, so the
 * functions build their errors exactly as in Excel.
 */
import "./customFunctions";

export { address, createSocinvWorkbook, socinvFunctionNames, valueAt } from "../../src/preview/socinvHyperFormula";
