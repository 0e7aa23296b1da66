import { SocinvError } from "../../src/engine/errors";

/**
 * Runs `fn` and asserts it threw a SocinvError of this kind, argument and problem (never a TypeError).
 * `params` are matched partially, or exactly with `exactParams`.
 */
export function expectSocinv(
  fn: () => unknown,
  kind: string,
  argument: string,
  problem: string,
  params?: object,
  exactParams = false,
): SocinvError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(SocinvError);
  const e = thrown as SocinvError;
  expect({ kind: e.kind, argument: e.argument, problem: e.problem }).toEqual({ kind, argument, problem });
  if (params) {
    if (exactParams) expect(e.params).toEqual(params);
    else expect(e.params).toMatchObject(params);
  }
  return e;
}
