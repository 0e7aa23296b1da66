/**
 * A real spreadsheet engine with the SOCINV functions registered, for the tests that recalculate whole
 * workbooks (through test/support/hyperformula.ts) and for `npm run preview`'s grid, which shows the
 * calculated values. HyperFormula (GPL v3 licence key) is a devDependency: this module may be bundled
 * into the preview only, never into the add-in (dist/taskpane.js, functions.js). A function plugin whose
 * functions call the REAL exports of src/functions/functions.ts, exactly as Excel would:
 * - ranges arrive as rows of cells (any[][]); blanks as null; a single cell or literal bare;
 * - an error value in any argument cell is passed through (Excel does not call a custom function
 *   whose argument holds an error, it shows that error);
 * - CustomFunctions.Error results become HyperFormula CellErrors with the same code and message;
 * - array results spill. HyperFormula must know an array's size when it parses the formula, so each
 *   function has a size method computed from its arguments' shapes (the same rules as the adapters).
 *
 * Names: every function is registered under its Excel name, `SOCINV.DISCOUNT` etc. (HyperFormula
 * accepts dots and å/ä/ö in names), and under its Swedish name, `SOCINV.DISKONTERA` etc., so
 * formulas read as a user in Swedish Excel types them (HyperFormula's separator stays the comma).
 *
 * Limitation: REPAYMENTPLAN's result width is its `years` argument, which HyperFormula needs at
 * parse time. A literal number, a constant cell, or a cell holding a formula already calculated
 * works; anything else is sized 1 year wide and shows #VALUE! (Excel, which sizes spills after
 * calculating, has no such limit).
 *
 * The functions build their errors with the CustomFunctions runtime global (Error, ErrorCode): install
 * one before calculating (test/support/customFunctions.ts in jest, customFunctionsRuntime.ts in the preview).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
} from "hyperformula";
import * as socinv from "../functions/functions";
import { MAX_HORIZON_YEARS } from "../engine/limits";
import { SHAPE_RULES } from "../functions/shapes";
import { FUNCTION_IDS, SIGNATURES, type FunctionId } from "../functions/signatures";
import svTranslations from "../i18n/functions.sv.json";

type Adapter = (...args: unknown[]) => unknown;
type Shape = { width: number; height: number };

/** The AST and interpreter state HyperFormula hands to plugin methods (its types are internal). */
interface ProcedureAst {
  args: AstNode[];
  procedureName: string;
}
interface AstNode {
  type: string;
  value?: unknown;
  reference?: { toSimpleCellAddress(base: unknown): unknown };
}
interface InterpreterState {
  formulaAddress: unknown;
}

interface SocinvFunction {
  /** The formula id (the English Excel name) and the Swedish name. */
  id: FunctionId;
  swedish: string;
  adapter: Adapter;
  /** Arguments the function takes at most. */
  arity: number;
  /** Whether the result is an array (sized by the registry's shape rule) rather than one number. */
  array: boolean;
}

/** Every function of the registry, with the export of functions.ts that Excel calls. */
const FUNCTIONS: SocinvFunction[] = FUNCTION_IDS.map((id) => {
  const signature = SIGNATURES[id];
  return {
    id,
    swedish: signature.swedish,
    adapter: socinv[signature.exportName] as Adapter,
    arity: signature.parameters.length,
    array: SHAPE_RULES[id](signature.parameters.map(() => ({ rows: 1, columns: 1 }))).result !== null,
  };
});

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#N/A": ErrorType.NA,
  "#NULL!": ErrorType.ERROR,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

/** Thrown inside argument conversion when a cell holds an error: Excel shows that error instead. */
class ArgumentError {
  constructor(readonly error: CellError) {}
}

/** A HyperFormula cell value as Excel hands it to a custom function. */
function excelCell(value: unknown): unknown {
  if (value === EmptyValue) return null;
  if (value instanceof CellError) throw new ArgumentError(value);
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: unknown }).val; // dates, percentages, currency
  return value;
}

function excelArgument(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(excelCell));
  return excelCell(value);
}

/** A custom function's result as a HyperFormula value. */
function hyperFormulaValue(result: unknown, functionName: string): unknown {
  if (result instanceof Error && typeof (result as { code?: unknown }).code === "string") {
    const { code, message } = result as Error & { code: string };
    return new CellError(ERROR_TYPES[code] ?? ErrorType.VALUE, message);
  }
  if (Array.isArray(result)) {
    if (result.length === 0 || !Array.isArray(result[0])) return new CellError(ErrorType.VALUE, `${functionName}: not a 2-D result`);
    return SimpleRangeValue.onlyValues(result as never);
  }
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean") return result;
  return new CellError(ErrorType.VALUE, `${functionName}: unexpected result ${String(result)}`);
}

class SocinvPlugin extends FunctionPlugin {
  static override implementedFunctions: Record<string, { method: string; sizeOfResultArrayMethod?: string; vectorizationForbidden?: boolean }> = {};
  static override aliases: Record<string, string> = {};

  /** Evaluates the arguments, calls the custom function, converts the result. */
  callSocinv(fn: SocinvFunction, ast: ProcedureAst, state: InterpreterState): unknown {
    if (ast.args.length > fn.arity) return new CellError(ErrorType.NA, `SOCINV.${fn.id}: at most ${fn.arity} arguments`);
    const self = this as unknown as { evaluateAst(a: AstNode, s: InterpreterState): unknown };
    const args: unknown[] = [];
    try {
      for (const arg of ast.args) args.push(arg.type === "EMPTY" ? undefined : excelArgument(self.evaluateAst(arg, state)));
    } catch (e) {
      if (e instanceof ArgumentError) return e.error;
      throw e;
    }
    return hyperFormulaValue(fn.adapter(...args), `SOCINV.${fn.id}`);
  }

  shapeOf(ast: AstNode | undefined, state: InterpreterState): Shape | undefined {
    if (ast === undefined || ast.type === "EMPTY") return undefined;
    const self = this as unknown as { arraySizeForAst(a: AstNode, s: InterpreterState): ArraySize };
    const size = self.arraySizeForAst(ast, state);
    return { width: size.width, height: size.height };
  }

  /** A whole number known when the formula is parsed: a literal, or the value a referenced cell holds now. */
  literalWholeNumber(ast: AstNode | undefined, state: InterpreterState): number | undefined {
    if (ast === undefined) return undefined;
    let value: unknown;
    if (ast.type === "NUMBER") value = ast.value;
    else if (ast.type === "CELL_REFERENCE" && ast.reference) {
      const graph = (this as unknown as { dependencyGraph: { getCellValue(address: unknown): unknown } }).dependencyGraph;
      try {
        value = excelCell(graph.getCellValue(ast.reference.toSimpleCellAddress(state.formulaAddress)));
      } catch {
        return undefined;
      }
    }
    return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_HORIZON_YEARS ? value : undefined;
  }

  /** The registry's shape rule on the arguments' shapes (REPAYMENTPLAN's years read as a literal). */
  sizeOf(fn: SocinvFunction, ast: ProcedureAst, state: InterpreterState): ArraySize {
    if (!fn.array || ast.args.length > fn.arity) return ArraySize.scalar();
    const shapes = Array.from({ length: fn.arity }, (_, i) => {
      const shape = this.shapeOf(ast.args[i], state);
      return shape && { rows: shape.height, columns: shape.width };
    });
    const years = fn.id === "REPAYMENTPLAN" ? (this.literalWholeNumber(ast.args[2], state) ?? 1) : undefined;
    const result = SHAPE_RULES[fn.id](shapes, years).result;
    return result && result.columns >= 1 && result.rows >= 1 ? new ArraySize(result.columns, result.rows) : ArraySize.scalar();
  }
}

// One method and one size method per function, all delegating to the shared ones above.
const prototype = SocinvPlugin.prototype as unknown as Record<string, unknown>;
const translations: Record<string, string> = {};
for (const fn of FUNCTIONS) {
  const method = `socinv${fn.id}`;
  prototype[method] = function (this: SocinvPlugin, ast: ProcedureAst, state: InterpreterState) {
    return this.callSocinv(fn, ast, state);
  };
  const metadata: (typeof SocinvPlugin.implementedFunctions)[string] = { method, vectorizationForbidden: true };
  if (fn.array) {
    prototype[`${method}Size`] = function (this: SocinvPlugin, ast: ProcedureAst, state: InterpreterState) {
      return this.sizeOf(fn, ast, state);
    };
    metadata.sizeOfResultArrayMethod = `${method}Size`;
  }
  const id = `SOCINV.${fn.id}`;
  const swedish = `SOCINV.${fn.swedish}`;
  SocinvPlugin.implementedFunctions[id] = metadata;
  SocinvPlugin.aliases[swedish] = id;
  translations[id] = id;
  translations[swedish] = swedish;
}

/** The Swedish names must be those of the translation map (the product's own source of them). */
for (const fn of FUNCTIONS) {
  const name = (svTranslations as Record<string, { name: string }>)[fn.id]?.name;
  if (name !== fn.swedish) throw new Error(`socinvHyperFormula: Swedish name of ${fn.id} is ${name}, not ${fn.swedish}`);
}

let registered = false;
function registerOnce(): void {
  if (registered || HyperFormula.getRegisteredFunctionNames("enGB").includes("SOCINV.DISCOUNT")) {
    registered = true;
    return;
  }
  HyperFormula.registerFunctionPlugin(SocinvPlugin as never, { enGB: translations, enUS: translations } as never);
  registered = true;
}

/** The ids and Swedish names HyperFormula knows the functions by. */
export const socinvFunctionNames = FUNCTIONS.map((fn) => ({ id: `SOCINV.${fn.id}`, swedish: `SOCINV.${fn.swedish}` }));

/**
 * A HyperFormula workbook of the given sheets (rows of cells; strings starting with "=" are
 * formulas) with the SOCINV functions registered (config: HyperFormula's, e.g. { useArrayArithmetic: true }).
 * Constants are entered first and formulas after,
 * so that size predictions that need a constant (REPAYMENTPLAN's years) can see it.
 */
/**
 * A formula as HyperFormula can read it: Excel keeps the address after a deleted sheet's reference
 * (=#REF!C8), which HyperFormula cannot parse; it evaluates as the error alone (#REF!).
 */
export function asHyperFormulaReads(formula: string): string {
  return formula.includes("#REF!") ? formula.replace(/#REF!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/g, "#REF!") : formula;
}

export function createSocinvWorkbook(sheets: Record<string, unknown[][]>, config: Partial<ConfigParams> = {}): HyperFormula {
  registerOnce();
  const constants: Record<string, unknown[][]> = {};
  for (const [name, rows] of Object.entries(sheets)) {
    constants[name] = rows.map((row) => row.map((cell) => (isFormula(cell) ? null : cell)));
  }
  // precisionRounding 14 (HyperFormula's default is 10): results keep the digits Excel keeps.
  const hf = HyperFormula.buildFromSheets(constants as never, { licenseKey: "gpl-v3", precisionRounding: 14, ...config });
  hf.batch(() => {
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = hf.getSheetId(name)!;
      rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (isFormula(cell)) hf.setCellContents({ sheet, row: r, col: c }, asHyperFormulaReads(cell as string));
        }),
      );
    }
  });
  return hf;
}

const isFormula = (cell: unknown): boolean => typeof cell === "string" && cell.startsWith("=");

/** A1-style address in a named sheet, for reading results: cell(hf, "Fond", "B7"). */
export function address(hf: HyperFormula, sheet: string, a1: string): { sheet: number; row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(a1.toUpperCase());
  if (!match) throw new Error(`not an A1 address: ${a1}`);
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const id = hf.getSheetId(sheet);
  if (id === undefined) throw new Error(`no sheet ${sheet}`);
  return { sheet: id, row: Number(match[2]) - 1, col };
}

/** The value of one cell (A1 address) of a sheet. */
export function valueAt(hf: HyperFormula, sheet: string, a1: string): unknown {
  return hf.getCellValue(address(hf, sheet, a1));
}
