/**
 * Every function × every class of bad input returns an Excel error value (never a thrown exception,
 * never NaN, never a wrong number) with the right code and a message that names the argument.
 * Classes: text, logical value, non-finite number, wrong shape, out of range, empty, missing, too
 * large (> MAX_CELLS), plus a 1×1 where a series is expected (which must work, as year 0).
 */
import "../support/customFunctions";
import { MAX_CELLS } from "../../src/engine/limits";
import * as functions from "../../src/functions/functions";
import { guard } from "../../src/functions/adapters";
import { setDisplayLanguage } from "../support/customFunctions";
import { expectExcelError } from "./support";

type Kind = "series" | "matrix" | "rate" | "scalar" | "fraction" | "whole" | "timing" | "weights" | "key";
interface ArgumentSpec {
  name: string;
  kind: Kind;
  required: boolean;
}
interface FunctionSpec {
  call: (...args: unknown[]) => unknown;
  good: unknown[];
  args: ArgumentSpec[];
}

const req = (name: string, kind: Kind): ArgumentSpec => ({ name, kind, required: true });
const opt = (name: string, kind: Kind): ArgumentSpec => ({ name, kind, required: false });

// Good arguments for each function, which the cases below spoil one argument at a time.
const specs: Record<string, FunctionSpec> = {
  DISCOUNT: {
    call: functions.discount as never,
    good: [[[0.1]], [[100, 110]], 0],
    args: [req("rate", "rate"), req("values", "matrix"), opt("timing", "timing")],
  },
  LIFECYCLE: {
    call: functions.lifecycle as never,
    good: [[[100, 110]], [[50, 55]], [[0.1]], 0],
    args: [req("baseline", "matrix"), req("intervention", "matrix"), req("rate", "rate"), opt("timing", "timing")],
  },
  NETEFFECT: {
    call: functions.netEffect as never,
    good: [[[0, 100, 100]], 0.1, 0.9, 0.1, 0.2],
    args: [
      req("gross", "matrix"),
      opt("deadweight", "fraction"),
      opt("attribution", "fraction"),
      opt("displacement", "fraction"),
      opt("dropoff", "fraction"),
    ],
  },
  NETBENEFIT: {
    call: functions.netBenefit as never,
    good: [[[100, 0]], [[0, 110]], [[0.1]], 0],
    args: [req("investment", "series"), req("savings", "matrix"), req("rate", "rate"), opt("timing", "timing")],
  },
  BCR: {
    call: functions.bcr as never,
    good: [[[100, 0]], [[0, 110]], [[0.1]], 0],
    args: [req("investment", "series"), req("savings", "matrix"), req("rate", "rate"), opt("timing", "timing")],
  },
  PAYBACK: {
    call: functions.payback as never,
    good: [[[100, 0, 0]], [[0, 60, 60]], [[0]], 0],
    args: [req("investment", "series"), req("savings", "matrix"), opt("rate", "rate"), opt("timing", "timing")],
  },
  REPAYMENT: {
    call: functions.repayment as never,
    good: [[[100, 0]], [[30, 40]], 1, 100, 0, 0],
    args: [
      req("disbursements", "series"),
      req("savings", "matrix"),
      opt("share", "fraction"),
      opt("cap", "scalar"),
      opt("lag", "whole"),
      opt("decimals", "whole"),
    ],
  },
  REPAYMENTPLAN: {
    call: functions.repaymentPlan as never,
    good: [1000, [[3, 1]], 2, 0, 0],
    args: [req("amount", "scalar"), req("key", "key"), req("years", "whole"), opt("rate", "scalar"), opt("decimals", "whole")],
  },
  ALLOCATE: {
    call: functions.allocate as never,
    good: [100, [[1, 1, 1]], 0],
    args: [req("amount", "scalar"), req("weights", "weights"), opt("decimals", "whole")],
  },
  FUNDBALANCE: {
    call: functions.fundBalance as never,
    good: [10, [[1, 2]], [[3, 4]], [[0, 2]], [[0.1, 0.2]]],
    args: [
      req("opening", "scalar"),
      req("contributions", "series"),
      req("disbursements", "matrix"),
      req("repayments", "matrix"),
      opt("other", "series"),
    ],
  },
};

function callWith(spec: FunctionSpec, index: number, value: unknown): unknown {
  const args = spec.good.slice();
  args[index] = value;
  let result: unknown;
  expect(() => {
    result = spec.call(...args);
  }).not.toThrow();
  return result;
}

const blankMeansZero = (kind: Kind) => ["scalar", "rate", "whole"].includes(kind);
const isRange = (kind: Kind) => ["series", "matrix", "rate", "weights", "key"].includes(kind);

/** The bad-input classes that apply to an argument: [label, value, code, message fragment]. */
function badInputs(arg: ArgumentSpec): [string, unknown, string, RegExp][] {
  const cases: [string, unknown, string, RegExp][] = [];
  if (isRange(arg.kind)) {
    cases.push(["text", [[1, "abc"]], "#VALUE!", /cell \(1, 2\) is text \('abc'\)/]);
    cases.push(["logical value", [[true, 1]], "#VALUE!", /cell \(1, 1\) is a logical value \(TRUE\)/]);
    cases.push(["NaN", [[1], [NaN]], "#NUM!", /cell \(2, 1\) is not a finite number/]);
    cases.push(["Infinity", [[1, -Infinity]], "#NUM!", /cell \(1, 2\) is not a finite number/]);
    cases.push(["an empty range []", [], "#VALUE!", /is empty/]);
    cases.push(["an empty row [[]]", [[]], "#VALUE!", /is empty/]);
    cases.push(["an object", [[{ type: "Entity" }]], "#VALUE!", /not a number/]);
  } else {
    cases.push(["text", "abc", "#VALUE!", /is text \('abc'\)/]);
    cases.push(["logical value", false, "#VALUE!", /is a logical value \(FALSE\)/]);
    cases.push(["NaN", NaN, "#NUM!", /is not a finite number/]);
    cases.push(["Infinity", Infinity, "#NUM!", /is not a finite number/]);
    cases.push(["a 1×2 range", [[1, 2]], "#VALUE!", /is a 1×2 range; expected a single number/]);
    cases.push(["text in a 1×1 range", [["x"]], "#VALUE!", /is text/]);
  }
  if (arg.kind === "series" || arg.kind === "key") {
    cases.push(["a 2×2 range", [[1, 2], [3, 4]], "#VALUE!", /is a 2×2 range; expected a single row or column/]);
  }
  if (arg.kind === "rate") {
    cases.push(["a 2×2 range", [[0.1, 0.1], [0.1, 0.1]], "#VALUE!", /is a 2×2 range/]);
    cases.push(["a series of the wrong length", [[0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]], "#VALUE!", /has 7 values; expected one rate or exactly/]);
    cases.push(["−100 %", [[-1]], "#NUM!", /greater than −100 %/]);
  }
  if (arg.kind === "timing") cases.push(["2", 2, "#NUM!", /between 0 and 1/], ["−0.5", -0.5, "#NUM!", /between 0 and 1/]);
  if (arg.kind === "fraction") cases.push(["1.5", 1.5, "#NUM!", /between 0 and 1/], ["−0.1", -0.1, "#NUM!", /between 0 and 1/]);
  if (arg.kind === "whole") cases.push(["2.5", 2.5, "#NUM!", /whole number/], ["−1", -1, "#NUM!", /whole number/], ["1001", 1001, "#NUM!", /whole number/]);
  if (arg.kind === "weights" || arg.kind === "key") {
    cases.push(["a negative weight", [[1, -1]], "#NUM!", /must not be negative/]);
    cases.push(["all zero weights", [[0, null]], "#NUM!", /sum to more than zero/]);
  }
  // A required range left out is an error; a blank where a single number (or rate) is expected counts as 0 (FUNCTIONS.md),
  // as in Excel's own functions — pinned in "blank scalars count as 0" below.
  if (arg.required && !blankMeansZero(arg.kind)) {
    cases.push(["missing (undefined)", undefined, "#VALUE!", /is required/], ["missing (null)", null, "#VALUE!", /is required/]);
  }
  if (isRange(arg.kind)) {
    const row = new Array(1000).fill(1);
    const huge = new Array(Math.floor(MAX_CELLS / 1000) + 1).fill(row);
    cases.push(["larger than MAX_CELLS", huge, "#VALUE!", /cells; at most 1000000 are accepted/]);
  }
  return cases;
}

describe.each(Object.entries(specs))("SOCINV.%s rejects bad input with an Excel error naming the argument", (_name, spec) => {
  it("the good arguments work (so every case below fails for its own reason)", () => {
    const result = callWith(spec, 0, spec.good[0]);
    expect(result).not.toBeInstanceOf(Error);
  });

  const cases = spec.args.flatMap((arg, index) => badInputs(arg).map(([label, value, code, fragment]) => ({ arg, index, label, value, code, fragment })));
  it.each(cases.map((c) => [`${c.arg.name}: ${c.label} → ${c.code}`, c]))("%s", (_label, c) => {
    expectExcelError(callWith(spec, c.index, c.value), c.code as never, c.arg.name, c.fragment);
  });
});

describe("function-specific rejections", () => {
  it("LIFECYCLE: intervention with another number of actors than baseline is #VALUE!", () => {
    expectExcelError(functions.lifecycle([[1, 2], [3, 4]], [[1, 2]], [[0]]), "#VALUE!", "intervention", /has 1 rows; expected 2/);
  });

  it("REPAYMENT: a negative cap is #NUM!", () => {
    expectExcelError(functions.repayment([[100]], [[50]], 1, -1), "#NUM!", "cap");
  });

  it("REPAYMENTPLAN: years 0 is #NUM!, and a rate of −100 % is #NUM!", () => {
    expectExcelError(functions.repaymentPlan(100, [[1]], 0), "#NUM!", "years", /whole number from 1 to 1000/);
    expectExcelError(functions.repaymentPlan(100, [[1]], 2, -1), "#NUM!", "rate");
  });

  it("DISCOUNT: an overflow to infinity is #NUM!, never Infinity", () => {
    expectExcelError(functions.discount([[0]], [[1e308, 1e308]]), "#NUM!", "values");
  });

  it("FUNDBALANCE: an overflow is an error, not Infinity", () => {
    const result = functions.fundBalance(1e308, [[1e308]], [[0]], [[0]]);
    expect(result).toBeInstanceOf(Error);
  });

  it("a long table below MAX_CELLS works (300,000 rows: no call-stack overflow while reading it)", () => {
    // 300,000 rows of [1, 2] at rate 0: one PV of 3 per row.
    const table = Array.from({ length: 300_000 }, () => [1, 2]);
    const pvs = functions.discount([[0]], table) as number[][];
    expect(pvs).toHaveLength(300_000);
    expect(pvs[299_999]).toEqual([3]);
    // The same 300,000 rows as one column are 300,000 years: beyond FUNCTIONS.md's horizon of 1,000 (issue 9 item 4).
    const column = Array.from({ length: 300_000 }, () => [1]);
    expectExcelError(functions.discount([[0]], column), "#NUM!", "values", "values: spans 300000 years; at most 1000 are accepted");
  });

  it("an unexpected exception becomes #VALUE! with a generic message naming the function", () => {
    const result = guard("ALLOCATE", () => {
      throw new TypeError("boom");
    }) as Error & { code: string };
    expect({ code: result.code, message: result.message }).toEqual({
      code: "#VALUE!",
      message: "SOCINV.ALLOCATE: could not be computed because of an unexpected error (boom); please report it",
    });
  });

  it("an object in a cell (e.g. a linked data type) is #VALUE!, not a crash", () => {
    const cell = { valueOf: () => { throw new TypeError("boom"); } };
    expectExcelError(functions.allocate(100, [[cell]]), "#VALUE!", "weights", /not a number/);
  });
});

describe("a 1×1 where a series is expected means all in year 0", () => {
  it.each([
    ["DISCOUNT values", () => functions.discount([[0.1]], [[7]]), [[7]]],
    ["LIFECYCLE baseline and intervention", () => functions.lifecycle([[7]], [[2]], [[0.1]]), [[7, 2, 5, 1], [7, 2, 5, 1]]],
    ["NETEFFECT gross", () => functions.netEffect([[7]]), [[7]]],
    ["NETBENEFIT investment", () => functions.netBenefit([[100]], [[0, 110]], [[0.1]]), 0],
    ["PAYBACK investment and savings", () => functions.payback([[-5]], [[0]]), 0],
    ["REPAYMENT disbursements and savings", () => functions.repayment([[10]], [[7]]), [[7]]],
    ["REPAYMENTPLAN key", () => functions.repaymentPlan(10, [[1]], 2), [[5, 5]]],
    ["ALLOCATE weights", () => functions.allocate(10, [[3]]), [[10]]],
    ["FUNDBALANCE series", () => functions.fundBalance(1, [[2]], [[3]], [[4]], [[5]]), [[1], [2], [3], [4], [5], [-1]]],
  ])("%s", (_label, run, expected) => {
    expect(run()).toEqual(expected);
  });
});

describe("messages in Excel's display language", () => {
  afterEach(() => setDisplayLanguage(undefined));

  it("Swedish when Excel runs in sv-SE: argument and problem in Swedish", () => {
    setDisplayLanguage("sv-SE");
    expectExcelError(functions.netBenefit([[1]], [[1, "abc"]], [[0.1]]), "#VALUE!", "besparingar", /cellen på rad 1, kolumn 2 är text \('abc'\); ett tal förväntas/);
    expectExcelError(functions.discount([[-2]], [[1]]), "#NUM!", "ränta", /måste vara större än −100 %/);
    expectExcelError(functions.payback([[100]], [[0, 10]]), "#N/A", "besparingar", /når aldrig 0 inom de 2 åren/);
    expectExcelError(functions.repaymentPlan(100, [[1]], 2.5), "#NUM!", "år", /heltal från 1 till 1000/);
  });

  it("English for en-US, for other languages and when Office is absent", () => {
    for (const locale of ["en-US", "de-DE", undefined]) {
      setDisplayLanguage(locale);
      expectExcelError(functions.discount([[-2]], [[1]]), "#NUM!", "rate", /must be greater than −100 %/);
    }
  });

  it("a broken Office object means English, not a crash", () => {
    (globalThis as Record<string, unknown>).Office = {
      get context(): never {
        throw new Error("not ready");
      },
    };
    expectExcelError(functions.discount([[-2]], [[1]]), "#NUM!", "rate");
  });
});

describe("blank scalars count as 0 (FUNCTIONS.md: blank cells count as 0), as in Excel's own functions", () => {
  const blanks: unknown[] = [null, undefined, "", [[null]], [[""]]];
  test.each(blanks.map((b) => [JSON.stringify(b) ?? "undefined", b]))("blank %s", (_label, blank) => {
    // a required rate left blank is an error (FUNCTIONS.md, issue 9 item 7); PAYBACK's optional rate blank = 0 %
    expectExcelError(functions.discount(blank as never, [[100, 110]]), "#VALUE!", "rate", /the cell is empty; enter 0 for no discounting/);
    expect(functions.payback([[100]], [[0, 50, 50]], blank as never)).toBe(3);
    // opening blank = 0: closing = 0 + 5 − 3 + 1 = 3
    expect((functions.fundBalance(blank, [[5]], [[3]], [[1]]) as number[][])[5]).toEqual([3]);
    // amount blank = 0: every part 0
    expect(functions.allocate(blank, [[1, 1]])).toEqual([[0, 0]]);
    // years blank = 0: out of range, named
    const years = functions.repaymentPlan(100, [[1]], blank) as unknown as { code: string; message: string };
    expect(years.code).toBe("#NUM!");
    expect(years.message).toMatch(/^years: must be a whole number from 1 to/);
  });
});
