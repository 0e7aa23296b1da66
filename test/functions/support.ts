import { FakeCustomFunctionError, type FakeErrorCode } from "../support/customFunctions";

/** Asserts an Excel error value (not a thrown exception) with its code and a message naming the argument. */
export function expectExcelError(result: unknown, code: `${FakeErrorCode}`, argument: string, fragment?: string | RegExp): void {
  expect(result).toBeInstanceOf(FakeCustomFunctionError);
  const error = result as FakeCustomFunctionError;
  expect({ code: error.code, message: error.message }).toEqual({
    code,
    message: expect.stringMatching(new RegExp(`^${escape(argument)}: `)),
  });
  if (fragment !== undefined) expect(error.message).toMatch(fragment);
}

/** Asserts a numeric result (no error value, no NaN) close to the expected matrix. */
export function expectMatrix(result: unknown, expected: (number | string)[][], digits = 9): void {
  expect(result).not.toBeInstanceOf(FakeCustomFunctionError);
  const rows = result as (number | string)[][];
  expect(rows.map((r) => r.length)).toEqual(expected.map((r) => r.length));
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const want = expected[r][c];
      if (typeof want === "string") expect(cell).toBe(want);
      else expect(cell).toBeCloseTo(want, digits);
    }),
  );
}

export function expectNumber(result: unknown, expected: number, digits = 9): void {
  expect(result).not.toBeInstanceOf(FakeCustomFunctionError);
  expect(typeof result).toBe("number");
  expect(result as number).toBeCloseTo(expected, digits);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
