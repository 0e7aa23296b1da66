/**
 * Hostile input (issue 9 "Done when"): every function given jagged and nested arrays, blanks in
 * every spelling, ±0, ±1e308, 5e-324, numbers near 2^53, NaN, ±Infinity, text that looks like a
 * number, logical values, objects, large ranges and parameters just outside their ranges. Whatever
 * comes in: nothing is thrown; a result is finite numbers (or "" where FUNCTIONS.md says so) in the
 * shape the registry predicts; a rejection is an Excel error value whose message names one of the
 * function's arguments.
 */
import "../support/customFunctions";
import fc from "fast-check";
import * as functions from "../../src/functions/functions";
import { readScalar, shapeOf } from "../../src/functions/range";
import { SHAPE_RULES } from "../../src/functions/shapes";
import { FUNCTION_IDS, SIGNATURES, type FunctionId } from "../../src/functions/signatures";
import { FakeCustomFunctionError } from "../support/customFunctions";

type Call = (...args: unknown[]) => unknown;

const hostileCell = fc.oneof(
  fc.constantFrom(null, undefined, "", " ", "0", "1e3", "1,5", "3 %", "TRUE", "#N/A", true, false),
  fc.constantFrom(0, -0, 1, -1, 1e308, -1e308, 5e-324, -5e-324, 2 ** 53 - 1, 2 ** 53 + 2, -(2 ** 53), 0.1, 1000.5),
  fc.constantFrom(NaN, Infinity, -Infinity),
  fc.constantFrom({}, { type: "Entity" }, [], [1], [[1]], new Error("#DIV/0!"), Symbol.iterator),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
);
/** Mostly ordinary numbers (so that calls get past the first cell), with a hostile one now and then. */
const cell = fc.oneof({ arbitrary: fc.integer({ min: -1000, max: 1000 }), weight: 3 }, { arbitrary: hostileCell, weight: 1 });
/** A range: rows of cells of any lengths (jagged), bare values, empty arrays, rows that are not arrays. */
const hostileRange = fc.oneof(
  { arbitrary: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }), weight: 4 },
  { arbitrary: fc.array(cell, { maxLength: 4 }), weight: 1 },
  { arbitrary: cell, weight: 1 },
);
/** Parameters at and just outside their documented ranges. */
const edgeScalar = fc.oneof(
  cell,
  fc.constantFrom(-1, -0.0000001, 1.0000001, 1.5, 2, 0.5, 10, 11, 1000, 1001, -1e-300, 1e-300, 5.55e-17),
  fc.constantFrom([[0.5]], [[null]], [[""]], [[1, 2]], [[0.035], [0.04]]),
);
const anyArgument = fc.oneof(hostileRange, edgeScalar);

const KNOWN_CODES = new Set(["#VALUE!", "#NUM!", "#DIV/0!", "#N/A"]);

function check(id: FunctionId, args: readonly unknown[]): boolean {
  const signature = SIGNATURES[id];
  const call = (functions as unknown as Record<string, Call>)[signature.exportName];
  const result = call(...args); // a thrown exception fails the property
  if (result instanceof FakeCustomFunctionError) {
    const names = signature.parameters.map((p) => p.name);
    return KNOWN_CODES.has(result.code) && names.some((name) => result.message.startsWith(`${name}: `));
  }
  const shapes = signature.parameters.map((_, i) => (args[i] === undefined || args[i] === null ? undefined : shapeOf(args[i])));
  const years = id === "REPAYMENTPLAN" ? readScalar("years", args[2], 0) : undefined; // it computed, so years is a number
  const predicted = SHAPE_RULES[id](shapes, years).result;
  if (predicted === null) return typeof result === "number" && Number.isFinite(result) && !Object.is(result, -0);
  if (!Array.isArray(result) || result.length !== predicted.rows) return false;
  return result.every(
    (row) =>
      Array.isArray(row) &&
      row.length === predicted.columns &&
      row.every((x) => (typeof x === "number" && Number.isFinite(x)) || (id === "LIFECYCLE" && x === "")),
  );
}

describe.each(FUNCTION_IDS)("SOCINV.%s under hostile input", (id) => {
  const arity = SIGNATURES[id].parameters.length;

  it("any arguments: a finite result of the predicted shape, or an Excel error naming an argument (property)", () => {
    fc.assert(
      fc.property(fc.array(anyArgument, { minLength: arity, maxLength: arity }), (args) => check(id, args)),
      { numRuns: 1000 },
    );
  });

  it("fewer arguments than parameters (optional and required ones left out)", () => {
    for (let n = 0; n <= arity; n++) expect(check(id, new Array(n).fill([[1]]))).toBe(true);
  });

  it("large ranges of 100,000 and 1,000,000 cells, with one bad cell at the end or none", () => {
    const wide = Array.from({ length: 1000 }, () => new Array<unknown>(100).fill(1)); // 1e5 cells
    const tall = Array.from({ length: 1_000_000 }, () => [1] as unknown[]); // 1e6 cells
    const bad = wide.map((row) => row.slice());
    bad[999][99] = "x";
    for (const big of [wide, bad, tall]) {
      for (let i = 0; i < (big === bad ? 2 : arity); i++) {
        const args: unknown[] = SIGNATURES[id].parameters.map((p) => (p.optional ? undefined : [[1]]));
        args[i] = big;
        expect(check(id, args)).toBe(true);
      }
    }
  });
});
