/**
 * The registry (src/functions/signatures.ts, shapes.ts): its parameters are the JSDoc's, its Swedish
 * names the translation map's, and its shape rule predicts the shape every result really has.
 */
import "../support/customFunctions";
import fc from "fast-check";
import * as functions from "../../src/functions/functions";
import { SHAPE_RULES } from "../../src/functions/shapes";
import { shapeOf } from "../../src/functions/range";
import { FUNCTION_IDS, SIGNATURES, type FunctionId } from "../../src/functions/signatures";
import svMap from "../../src/i18n/functions.sv.json";
import { FakeCustomFunctionError } from "../support/customFunctions";

type Call = (...args: unknown[]) => unknown;

/** A range of small numbers and blanks, r × c, sometimes with a shorter (jagged) row. */
const cells = (rows: fc.Arbitrary<number>, columns: fc.Arbitrary<number>) =>
  fc.tuple(rows, columns, fc.boolean()).chain(([r, c, jagged]) =>
    fc
      .array(fc.array(fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constant(null), fc.constant("")), { minLength: c, maxLength: c }), {
        minLength: r,
        maxLength: r,
      })
      .map((grid) => (jagged && r > 1 && c > 1 ? [grid[0].slice(0, c - 1), ...grid.slice(1)] : grid)),
  );
const size = fc.integer({ min: 1, max: 6 });
const one = fc.constant(1);
const series = fc.oneof(cells(one, size), cells(size, one));
const matrix = cells(size, size);
const rate = fc.constantFrom([[0]], [[0.035]], 0.1);

/** Arguments for each function that are valid often enough for the shape to be seen. */
const ARGUMENTS: Record<FunctionId, fc.Arbitrary<unknown[]>> = {
  DISCOUNT: fc.tuple(rate, fc.oneof(series, matrix)),
  LIFECYCLE: fc.tuple(size, size, size).chain(([r, c1, c2]) => fc.tuple(cells(fc.constant(r), fc.constant(c1)), cells(fc.constant(r), fc.constant(c2)), rate)),
  NETEFFECT: fc.tuple(fc.oneof(series, matrix), fc.constantFrom(undefined, 0.1), fc.constant(undefined), fc.constant(undefined), fc.constantFrom(undefined, 0.2)),
  NETBENEFIT: fc.tuple(series, fc.oneof(series, matrix), rate),
  BCR: fc.tuple(fc.constant([[100]]), fc.oneof(series, matrix), rate),
  PAYBACK: fc.tuple(fc.constant([[100]]), fc.oneof(series, matrix)),
  REPAYMENT: fc.tuple(series, fc.oneof(series, matrix, fc.constant([[5]])), fc.constantFrom(undefined, 0.5), fc.constant(undefined), fc.constantFrom(undefined, 1)),
  REPAYMENTPLAN: fc.tuple(fc.integer({ min: 0, max: 10_000 }), series, size),
  ALLOCATE: fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.oneof(series, matrix).map((g) => [[1], ...g])),
  FUNDBALANCE: fc.tuple(fc.integer({ min: 0, max: 1000 }), series, fc.oneof(series, matrix), fc.oneof(series, matrix), fc.option(series, { nil: undefined })),
};

describe("the registry", () => {
  it("has every export of functions.ts under its export name, with the JSDoc's parameter count", () => {
    const exports = functions as unknown as Record<string, Call>;
    expect(FUNCTION_IDS.map((id) => SIGNATURES[id].exportName).sort()).toEqual(Object.keys(functions).sort());
    for (const id of FUNCTION_IDS) expect(exports[SIGNATURES[id].exportName].length).toBe(SIGNATURES[id].parameters.length);
  });

  it("names each function and parameter as the Swedish translation map does (the map holds the Swedish texts)", () => {
    const map = svMap as Record<string, { name: string; parameters: Record<string, unknown> }>;
    expect(Object.keys(map).sort()).toEqual([...FUNCTION_IDS].sort());
    for (const id of FUNCTION_IDS) {
      expect(map[id].name).toBe(SIGNATURES[id].swedish);
      expect(Object.keys(map[id].parameters)).toEqual(SIGNATURES[id].parameters.map((p) => p.name));
    }
  });

  it.each(FUNCTION_IDS)("%s: the shape rule predicts the shape of every result (property)", (id) => {
    const call = (functions as unknown as Record<string, Call>)[SIGNATURES[id].exportName];
    let computed = 0;
    fc.assert(
      fc.property(ARGUMENTS[id], (args) => {
        const result = call(...args);
        if (result instanceof FakeCustomFunctionError) return true; // a rejection: no shape to compare
        computed++;
        const shapes = SIGNATURES[id].parameters.map((_, i) => (args[i] === undefined || args[i] === null ? undefined : shapeOf(args[i])));
        const predicted = SHAPE_RULES[id](shapes, id === "REPAYMENTPLAN" ? (args[2] as number) : undefined).result;
        if (predicted === null) return typeof result === "number";
        const rows = result as unknown[][];
        return rows.length === predicted.rows && rows.every((row) => row.length === predicted.columns);
      }),
      { numRuns: 1000 },
    );
    expect(computed).toBeGreaterThan(500); // most calls compute, so the property is about real results
  });
});
