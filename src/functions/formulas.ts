/**
 * The typed formula builder: SOCINV formulas with named arguments, so the model plan writes
 * `socinv.REPAYMENT({ disbursements, savings, share })` instead of counting commas. Derived from the
 * registry's signatures (signatures.ts), whose names are those of functions.json; an optional
 * argument left out in the middle becomes an empty argument, trailing ones are dropped. The result
 * is the formula text without the leading "=".
 */

import { FUNCTION_IDS, SIGNATURES, type FunctionId } from "./signatures";

export type { FunctionId };

/** One parameter: its JSDoc name and whether Excel may omit it. */
interface ParameterName {
  readonly name: string;
  readonly optional: boolean;
}

/** An argument: an A1 reference or expression (e.g. "Projekt!$C$5:$L$5", "SUM(C5:L5)") or a number. */
export type FormulaArgument = string | number;

type Parameters_<Id extends FunctionId> = (typeof SIGNATURES)[Id]["parameters"][number];
/** The named arguments of one function: the required ones required, the optional ones optional. */
export type FormulaArguments<Id extends FunctionId> = {
  [P in Parameters_<Id> as P["optional"] extends false ? P["name"] : never]: FormulaArgument;
} & {
  [P in Parameters_<Id> as P["optional"] extends true ? P["name"] : never]?: FormulaArgument;
};

/** The formula text of one call, without "=": `SOCINV.ID(a,b,,d)`. */
export function formulaText(id: FunctionId, parameters: readonly ParameterName[], args: Readonly<Record<string, FormulaArgument | undefined>>): string {
  const texts = parameters.map(({ name, optional: isOptional }) => {
    const value = args[name];
    if (value === undefined) {
      if (!isOptional) throw new Error(`SOCINV.${id}: the required argument ${name} is missing`);
      return "";
    }
    return typeof value === "number" ? String(value) : value;
  });
  while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop();
  return `SOCINV.${id}(${texts.join(",")})`;
}

type Builder = { readonly [Id in FunctionId]: (args: FormulaArguments<Id>) => string };

/** One method per function id: `socinv.NETBENEFIT({ investment: "C5:L5", savings: "C8:L9", rate: "$B$2" })`. */
export const socinv: Builder = Object.fromEntries(
  FUNCTION_IDS.map((id) => [id, (args: Readonly<Record<string, FormulaArgument | undefined>>) => formulaText(id, SIGNATURES[id].parameters, args)]),
) as unknown as Builder;
