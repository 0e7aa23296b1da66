import { expectSocinv } from "../support/expectSocinv";
const expectSocinvExact = (fn: () => unknown, kind: string, argument: string, problem: string, params?: object) =>
  expectSocinv(fn, kind, argument, problem, params, true);
import fc from "fast-check";
import {
  cellNumber,
  isBlank,
  orient,
  padTo,
  readFraction,
  readGrid,
  readMatrix,
  readScalar,
  readSeries,
  readWholeNumber,
  requirePresent,
  transpose,
} from "../../src/functions/range";
import { MAX_CELLS } from "../../src/engine/limits";
import { SocinvError } from "../../src/engine/errors";
import { errorMessage } from "../../src/i18n/errors";


describe("blanks count as 0", () => {
  test("null, undefined and \"\" are blank; 0, \" \" and false are not", () => {
    expect([null, undefined, ""].every(isBlank)).toBe(true);
    expect([0, " ", false, "0"].some(isBlank)).toBe(false);
  });

  test("a row with blanks in all three forms reads as zeros", () => {
    expect(readSeries("values", [[1, null, undefined, "", 5]]).values).toEqual([1, 0, 0, 0, 5]);
  });

  test("ragged rows are padded with blanks, i.e. zeros", () => {
    expect(readGrid("savings", [[1, 2, 3], [4]])).toEqual([
      [1, 2, 3],
      [4, 0, 0],
    ]);
  });

  test("property: reading leaves the user's cells as they were, and rows with blanks or short rows come back as copies", () => {
    const cell = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(null, undefined, ""));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 9 }), (cells) => {
        const before = cells.map((row) => row.slice());
        const grid = readGrid("savings", cells);
        expect(cells).toEqual(before);
        const width = Math.max(...cells.map((row) => row.length));
        grid.forEach((row, r) => {
          expect(row).toHaveLength(width);
          row.forEach((x, c) => expect(x).toBe(typeof cells[r][c] === "number" ? cells[r][c] : 0));
          if (cells[r].length < width || cells[r].some((x) => typeof x !== "number")) expect(row).not.toBe(cells[r]);
        });
      }),
      { numRuns: 1000 },
    );
  });

  test("a blank scalar takes the fallback, or is 'missing' without one", () => {
    expect(readScalar("timing", null, 0)).toBe(0);
    expect(readScalar("timing", [[""]], 0.5)).toBe(0.5);
    expect(readScalar("timing", undefined, 1)).toBe(1);
    expectSocinvExact(() => readScalar("rate", [[null]]), "value", "rate", "missing");
  });
});

describe("orientation", () => {
  test("a 1×N row is a series with years across", () => {
    expect(readSeries("values", [[1, 2, 3]])).toEqual({ values: [1, 2, 3], orientation: "row" });
  });

  test("an N×1 column is a series with years down", () => {
    expect(readSeries("values", [[1], [2], [3]])).toEqual({ values: [1, 2, 3], orientation: "column" });
  });

  test("a bare number is a one-year series (all in year 0)", () => {
    expect(readSeries("values", 7)).toEqual({ values: [7], orientation: "row" });
    expect(readSeries("values", [[7]])).toEqual({ values: [7], orientation: "row" });
  });

  test("a 2×2 range is not a series: #VALUE! notSeries with its size", () => {
    expectSocinvExact(() => readSeries("values", [[1, 2], [3, 4]]), "value", "values", "notSeries", { rows: 2, columns: 2 });
  });

  test("a matrix keeps rows as actors and columns as years", () => {
    expect(readMatrix("baseline", [[1, 2, 3], [4, 5, 6]])).toEqual({
      rows: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      orientation: "row",
    });
  });

  test("a single N×1 column given as a matrix is one series with years down", () => {
    expect(readMatrix("gross", [[1], [2], [3]])).toEqual({ rows: [[1, 2, 3]], orientation: "column" });
  });

  test("orient turns rows back into the user's orientation; transpose swaps rows and columns", () => {
    expect(orient([[1, 2, 3]], "column")).toEqual([[1], [2], [3]]);
    const rows = [[1, 2]];
    const same = orient(rows, "row");
    expect(same).toEqual([[1, 2]]);
    expect(same[0]).not.toBe(rows[0]); // a copy, so callers may change it freely
    expect(transpose([[1, 2, 3], [4, 5, 6]])).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(transpose([])).toEqual([]);
  });

  test("transpose twice is the identity on rectangular grids (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((columns) => fc.array(fc.array(fc.integer(), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 6 })),
        (grid) => JSON.stringify(transpose(transpose(grid))) === JSON.stringify(grid),
      ),
      { numRuns: 1000 },
    );
  });
});

describe("errors name the argument and the 1-based cell", () => {
  test("text in row 2, column 5 of savings: #VALUE! text, cell (2, 5), the text quoted", () => {
    const e = expectSocinvExact(
      () => readGrid("savings", [[1, 2, 3, 4, 5], [1, 2, 3, 4, "abc"]]),
      "value",
      "savings",
      "text",
      { row: 2, column: 5, text: "abc" },
    );
    expect(errorMessage(e, "en")).toBe("savings: cell (2, 5) is text ('abc'); expected a number");
    expect(errorMessage(e, "sv")).toContain("besparingar");
    expect(errorMessage(e, "sv")).toContain("rad 2, kolumn 5");
  });

  test("a logical value is #VALUE! boolean, shown as TRUE/FALSE", () => {
    expectSocinvExact(() => readSeries("values", [[1, true]]), "value", "values", "boolean", { row: 1, column: 2, text: "TRUE" });
    expectSocinvExact(() => readSeries("values", [[false], [1]]), "value", "values", "boolean", { row: 1, column: 1, text: "FALSE" });
  });

  test("a non-finite number is #NUM! notFinite with its cell", () => {
    expectSocinvExact(() => readGrid("baseline", [[1, 2], [3, NaN]]), "num", "baseline", "notFinite", { row: 2, column: 2 });
    expectSocinvExact(() => readGrid("baseline", [[-Infinity]]), "num", "baseline", "notFinite", { row: 1, column: 1 });
  });

  test("an object or an error value is #VALUE! unsupportedValue, described", () => {
    expectSocinvExact(() => readGrid("values", [[{ a: 1 }]]), "value", "values", "unsupportedValue", { row: 1, column: 1, text: '{"a":1}' });
    expectSocinvExact(() => readGrid("values", [[new Error("#DIV/0!")]]), "value", "values", "unsupportedValue", {
      row: 1,
      column: 1,
      text: "#DIV/0!",
    });
  });

  test("long text is clipped to 40 characters with an ellipsis", () => {
    const e = expectSocinvExact(() => readGrid("values", [["x".repeat(100)]]), "value", "values", "text");
    expect(e.params.text).toHaveLength(38);
    expect(e.params.text).toBe(`${"x".repeat(37)}…`);
  });

  test("a cell read on its own names no cell", () => {
    expect(cellNumber("rate", 0.03)).toBe(0.03);
    const e = expectSocinvExact(() => cellNumber("rate", "3 %"), "value", "rate", "text");
    expect(e.params.row).toBeUndefined();
    expect(errorMessage(e, "en")).toBe("rate: is text ('3 %'); expected a number");
  });

  test("an empty range is #VALUE! empty; a missing required argument is #VALUE! missing", () => {
    expectSocinvExact(() => readGrid("values", []), "value", "values", "empty");
    expectSocinvExact(() => readGrid("values", [[]]), "value", "values", "empty");
    expectSocinvExact(() => readSeries("values", null), "value", "values", "missing");
    expectSocinvExact(() => readMatrix("baseline", undefined), "value", "baseline", "missing");
    expectSocinvExact(() => requirePresent("rate", null), "value", "rate", "missing");
    expect(() => requirePresent("rate", 0)).not.toThrow();
  });

  test("more than MAX_CELLS cells is #VALUE! tooLarge with the count", () => {
    const rows = 1001;
    const wide = Array.from({ length: rows }, () => new Array(1000).fill(0));
    expectSocinvExact(() => readGrid("values", wide), "value", "values", "tooLarge", { count: rows * 1000, max: MAX_CELLS });
  });

  test("a 200,000-row column is read (no stack overflow from spreading rows into Math.max)", () => {
    const column = Array.from({ length: 200_000 }, (_, i) => [i]);
    const series = readSeries("values", column);
    expect(series.orientation).toBe("column");
    expect(series.values).toHaveLength(200_000);
    expect(series.values[199_999]).toBe(199_999);
  });

  test("a 2,000,000-row column is tooLarge, not a RangeError", () => {
    const column = Array.from({ length: 2_000_000 }, () => [1]);
    expectSocinvExact(() => readSeries("values", column), "value", "values", "tooLarge", { count: 2_000_000, max: MAX_CELLS });
  });

  test("a range where one number is expected is #VALUE! notScalar with its size", () => {
    expectSocinvExact(() => readScalar("rate", [[0.03, 0.04]]), "value", "rate", "notScalar", { rows: 1, columns: 2 });
    expect(readScalar("rate", [[0.03]])).toBe(0.03);
  });

  test("any cell is a finite number or a SocinvError, never another exception (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.anything(), { maxLength: 4 }), { maxLength: 4 }), (value) => {
        try {
          return readGrid("values", value).every((row) => row.every(Number.isFinite));
        } catch (e) {
          return e instanceof SocinvError;
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("fractions and whole numbers", () => {
  test("readFraction accepts 0..1, rejects outside with #NUM! fractionRange, blank takes the fallback", () => {
    expect(readFraction("share", 0)).toBe(0);
    expect(readFraction("share", [[1]])).toBe(1);
    expect(readFraction("share", null, 1)).toBe(1);
    expectSocinvExact(() => readFraction("share", 1.5), "num", "share", "fractionRange");
    expectSocinvExact(() => readFraction("deadweight", -0.2), "num", "deadweight", "fractionRange");
  });

  test("readWholeNumber accepts integers in [min, max], else #NUM! wholeNumber with the bounds", () => {
    expect(readWholeNumber("decimals", 2, 0, 10)).toBe(2);
    expect(readWholeNumber("decimals", "", 0, 10, 0)).toBe(0);
    expectSocinvExact(() => readWholeNumber("decimals", 2.5, 0, 10), "num", "decimals", "wholeNumber", { min: 0, max: 10 });
    expectSocinvExact(() => readWholeNumber("lag", -1, 0, 100), "num", "lag", "wholeNumber", { min: 0, max: 100 });
    expectSocinvExact(() => readWholeNumber("years", 1001, 1, 1000), "num", "years", "wholeNumber", { min: 1, max: 1000 });
  });
});

describe("padTo", () => {
  test("pads with zeros to the length, never truncates, never changes its input", () => {
    const values = [1, 2];
    expect(padTo(values, 4)).toEqual([1, 2, 0, 0]);
    expect(padTo([1, 2, 3], 2)).toEqual([1, 2, 3]);
    expect(values).toEqual([1, 2]);
  });
});
