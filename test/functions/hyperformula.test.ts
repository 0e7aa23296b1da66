/**
 * The SOCINV functions inside a real spreadsheet engine (HyperFormula with the plugin from
 * test/support/hyperformula.ts calling the real exports of functions.ts): spills, built-ins around
 * them, errors as error cells, Swedish names, and the worked example of the README.
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { createSocinvWorkbook, socinvFunctionNames, valueAt } from "../support/hyperformula";
import { repayment as repaymentEngine } from "../../src/engine/repayment";
import { fundProjection } from "../../src/engine/fund";
import { netBenefit as netBenefitEngine } from "../../src/engine/appraisal";

/** The worked example of the README, amounts in tkr. */
const example: unknown[][] = [
  ["År", 2025, 2026, 2027, 2028, 2029],
  ["Fondens ingående saldo", 10000],
  ["Avsättningar", null, null, null, null, null],
  ["Utbetalningar till projektet", 3000, 2000, 0, 0, 0],
  ["Besparing socialförvaltningen", 0, 500, 1500, 2000, 2000],
  ["Besparing utbildningsförvaltningen", 0, 500, 1000, 1000, 1000],
  [],
  ["Återföring socialförvaltningen", "=SOCINV.REPAYMENT(B4:F4,B5:F6,1,,1)"],
  ["Återföring utbildningsförvaltningen"],
  [],
  ["Ingående saldo", "=SOCINV.FUNDBALANCE(B2,B3:F3,B4:F4,B8:F9)"],
  ["Avsättningar"],
  ["Utbetalningar"],
  ["Återbetalningar"],
  ["Övriga uttag"],
  ["Utgående saldo"],
  [],
  ["Återfört totalt", "=SUM(SOCINV.REPAYMENT(B4:F4,B5:F6,1,,1))"],
  ["Saldo 2027", "=INDEX(SOCINV.FUNDBALANCE(B2,B3:F3,B4:F4,B8:F9),6,3)"],
  ["Återbetalningstid (år)", "=SOCINV.PAYBACK(B4:F4,B5:F6)"],
  ["Nettonytta vid 3,5 %", "=SOCINV.NETBENEFIT(B4:F4,B5:F6,0.035)"],
  ["Nyttokvot vid 3,5 %", "=SOCINV.BCR(B4:F4,B5:F6,0.035)"],
];

const range = (hf: HyperFormula, sheet: string, from: string, to: string): unknown[][] => {
  const start = /^([A-Z])(\d+)$/.exec(from)!;
  const end = /^([A-Z])(\d+)$/.exec(to)!;
  const id = hf.getSheetId(sheet)!;
  return hf.getRangeValues({
    start: { sheet: id, col: start[1].charCodeAt(0) - 65, row: Number(start[2]) - 1 },
    end: { sheet: id, col: end[1].charCodeAt(0) - 65, row: Number(end[2]) - 1 },
  });
};

describe("the README's worked example: a 10 Mkr fund, one project, savings at two förvaltningar", () => {
  let hf: HyperFormula;
  beforeAll(() => {
    hf = createSocinvWorkbook({ Fond: example });
  });
  afterAll(() => hf.destroy());

  it("REPAYMENT spills 2×5: from 2026 (lag 1), 1000 then 2500, then the last 1500 split 2000:1000", () => {
    // 2026: 500 + 500 (cum 1000); 2027: 1500 + 1000 (cum 3500); 2028: eligible 3000, cap left 1500 → 1000 + 500.
    expect(range(hf, "Fond", "B8", "F9")).toEqual([
      [0, 500, 1500, 1000, 0],
      [0, 500, 1000, 500, 0],
    ]);
    expect(range(hf, "Fond", "B8", "F9")).toEqual(
      repaymentEngine([3000, 2000, 0, 0, 0], [[0, 500, 1500, 2000, 2000], [0, 500, 1000, 1000, 1000]], { share: 1, lag: 1 }),
    );
  });

  it("FUNDBALANCE spills 6×5: 10000 − 3000 = 7000; − 2000 + 1000 = 6000; + 2500 = 8500; + 1500 = 10000; 10000", () => {
    expect(range(hf, "Fond", "B11", "F16")).toEqual([
      [10000, 7000, 6000, 8500, 10000],
      [0, 0, 0, 0, 0],
      [3000, 2000, 0, 0, 0],
      [0, 1000, 2500, 1500, 0],
      [0, 0, 0, 0, 0],
      [7000, 6000, 8500, 10000, 10000],
    ]);
    const projection = fundProjection(10000, [0, 0, 0, 0, 0], [[3000, 2000, 0, 0, 0]], [[0, 500, 1500, 1000, 0], [0, 500, 1000, 500, 0]]);
    expect(range(hf, "Fond", "B16", "F16")[0]).toEqual(projection.closing);
  });

  it("built-ins around them: SUM of the repayment = the 5000 disbursed; INDEX(…, 6, 3) = closing 2027 = 8500", () => {
    expect(valueAt(hf, "Fond", "B18")).toBe(5000);
    expect(valueAt(hf, "Fond", "B19")).toBe(8500);
  });

  it("PAYBACK: net −3000, −1000, +1500 (−1500 cum), +3000 → crosses half-way through 2028 → 3.5 years", () => {
    expect(valueAt(hf, "Fond", "B20")).toBe(3.5);
  });

  it("NETBENEFIT and BCR at 3.5 % agree with the engine", () => {
    const savings = [[0, 500, 1500, 2000, 2000], [0, 500, 1000, 1000, 1000]];
    const expected = netBenefitEngine([3000, 2000, 0, 0, 0], savings, 0.035);
    // PV(savings) = 1000/1.035 + 2500/1.035² + 3000/1.035³ + 3000/1.035⁴
    //             = 966.18 + 2333.78 + 2705.83 + 2614.33 = 8620.12; PV(investment) = 3000 + 2000/1.035 = 4932.37
    expect(valueAt(hf, "Fond", "B21")).toBeCloseTo(expected, 9);
    expect(valueAt(hf, "Fond", "B21")).toBeCloseTo(8620.115 - 4932.367, 2); // 3687.75
    expect(valueAt(hf, "Fond", "B22")).toBeCloseTo(8620.115 / 4932.367, 5); // 1.74766
  });

  it("recalculates when an input changes: no savings at utbildningsförvaltningen → soc repays 500, 1500, 2000, 1000", () => {
    const sheet = hf.getSheetId("Fond")!;
    hf.setCellContents({ sheet, row: 5, col: 1 }, [[0, 0, 0, 0, 0]]);
    expect(range(hf, "Fond", "B8", "F9")).toEqual([
      [0, 500, 1500, 2000, 1000],
      [0, 0, 0, 0, 0],
    ]);
    expect(valueAt(hf, "Fond", "B18")).toBe(5000);
    hf.setCellContents({ sheet, row: 5, col: 1 }, [[0, 500, 1000, 1000, 1000]]);
    expect(valueAt(hf, "Fond", "F9")).toBe(0);
    expect(valueAt(hf, "Fond", "E9")).toBe(500);
  });
});

describe("the plugin in general", () => {
  it("registers every function under its id and its Swedish name", () => {
    const rows = socinvFunctionNames.map(({ id, swedish }) => [`=ISFORMULA(A1)`, id, swedish]);
    const hf = createSocinvWorkbook({ S: rows });
    expect(socinvFunctionNames).toHaveLength(10);
    const registered = hf.getRegisteredFunctionNames();
    for (const { id, swedish } of socinvFunctionNames) {
      expect(registered).toContain(id);
      expect(registered).toContain(swedish);
    }
    hf.destroy();
  });

  it("Swedish names compute the same: =SOCINV.ÅTERFÖRING(…) and =SOCINV.DISKONTERA(…)", () => {
    const hf = createSocinvWorkbook({
      S: [
        [100, 0],
        [30, 90],
        ["=SOCINV.ÅTERFÖRING(A1:B1,A2:B2)"],
        ["=SOCINV.DISKONTERA(0.1,{100,110})"],
        ["=SOCINV.FÖRDELA(100,{1,1,1})"],
        ["=SOCINV.AVBETALNINGSPLAN(90,{2;1},3)"],
      ],
    });
    expect(range(hf, "S", "A3", "B3")).toEqual([[30, 70]]);
    expect(valueAt(hf, "S", "A4")).toBeCloseTo(200, 10);
    expect(range(hf, "S", "A5", "C5")).toEqual([[34, 33, 33]]);
    expect(range(hf, "S", "A6", "C7")).toEqual([
      [20, 20, 20],
      [10, 10, 10],
    ]);
    hf.destroy();
  });

  it("spills follow the input's orientation: a column of values gives a column, a 2×2 table one PV per row", () => {
    const hf = createSocinvWorkbook({
      S: [
        [0, 100, 1, 2],
        [100, 100, 3, 4],
        [100, null],
        ["=SOCINV.NETEFFECT(A1:A3,,,,0.5)", "=SOCINV.DISCOUNT(0.1,C1:D2)", "=SOCINV.LIFECYCLE(A1:A3,B1:B3,0)"],
      ],
    });
    // NETEFFECT of the column [0, 100, 100] with 50 % drop-off → [0, 100, 50], down the column.
    expect(range(hf, "S", "A4", "A6")).toEqual([[0], [100], [50]]);
    // DISCOUNT of [[1, 2], [3, 4]] at 10 %: 1 + 2/1.1, 3 + 4/1.1 down a column.
    const pvs = range(hf, "S", "B4", "B5") as number[][];
    expect(pvs[0][0]).toBeCloseTo(1 + 2 / 1.1, 12);
    expect(pvs[1][0]).toBeCloseTo(3 + 4 / 1.1, 12);
    // LIFECYCLE of one actor (years down): B = 200, I = 200 → saving 0, share "".
    expect(range(hf, "S", "C4", "F5")).toEqual([
      [200, 200, 0, ""],
      [200, 200, 0, ""],
    ]);
    hf.destroy();
  });

  it("FUNDBALANCE of columns spills N×6; REPAYMENTPLAN takes years from a cell", () => {
    const hf = createSocinvWorkbook({
      S: [
        [0.1, 0, 3],
        [0.2, 0],
        ["=SOCINV.FUNDBALANCE(0,A1:A2,B1:B2,B1:B2)", null, null, null, null, null, "=SOCINV.REPAYMENTPLAN(30,{1,2},C1)"],
      ],
    });
    expect(range(hf, "S", "A3", "F4")).toEqual([
      [0, 0.1, 0, 0, 0, 0.1],
      [0.1, 0.2, 0, 0, 0, 0.3], // exact: 0.1 + 0.2 = 0.3
    ]);
    expect(range(hf, "S", "G3", "I4")).toEqual([
      [3, 4, 3], // 10 a year split 1:2 → 3.33 and 6.67; by running totals (FUNCTIONS.md): 3+4+3 = 10, 7+6+7 = 20
      [7, 6, 7],
    ]);
    hf.destroy();
  });

  it("errors are error cells with our message; an error in an argument cell passes through", () => {
    const hf = createSocinvWorkbook({
      S: [
        [100, "abc", "=1/0"],
        ["=SOCINV.DISCOUNT(0.1,A1:B1)", "=SOCINV.DISCOUNT(0.1,A1:C1)", "=SOCINV.PAYBACK(100,{0,10})", "=SOCINV.BCR(0,{1,2},0.1)"],
        ["=IFERROR(SOCINV.PAYBACK(100,{0,10}),\"never\")", "=SOCINV.REPAYMENTPLAN(1,{1},0)"],
        ["=SOCINV.ALLOCATE(100,A1:B1)"],
      ],
    });
    const value = valueAt(hf, "S", "A2") as DetailedCellError;
    expect(value).toBeInstanceOf(DetailedCellError);
    expect(value.value).toBe("#VALUE!");
    expect(value.message).toBe("values: cell (1, 2) is text ('abc'); expected a number");
    expect((valueAt(hf, "S", "B2") as DetailedCellError).value).toBe("#DIV/0!"); // from C1, not ours
    expect((valueAt(hf, "S", "C2") as DetailedCellError).value).toBe("#N/A");
    expect((valueAt(hf, "S", "D2") as DetailedCellError).value).toBe("#DIV/0!");
    expect(valueAt(hf, "S", "A3")).toBe("never");
    expect((valueAt(hf, "S", "B3") as DetailedCellError).value).toBe("#NUM!");
    // An array function's error shows in its top-left cell; the rest of the spill area stays empty.
    expect((valueAt(hf, "S", "A4") as DetailedCellError).message).toMatch(/^weights: cell \(1, 2\) is text/);
    hf.destroy();
  });

  it("the examples of the README give the results it states", () => {
    const hf = createSocinvWorkbook({
      S: [
        ["=SOCINV.DISCOUNT(0.1, {100, 110, 121})", "=SOCINV.DISCOUNT(0.1, {110, 121}, 1)", "=NPV(0.1, 110, 121)"],
        ["=SOCINV.NETBENEFIT(100, {0, 110, 121}, 0.1)", "=SOCINV.BCR(100, {0, 110, 121}, 0.1)", "=SOCINV.PAYBACK(100, {0, 50, 50})", "=SOCINV.PAYBACK(100, {0, 50, 100})"],
        ["=SOCINV.NETEFFECT({0, 100, 100, 100}, 0.2, 0.5, 0.1, 0.5)"],
        ["=SOCINV.REPAYMENT({100, 0, 0, 0}, {30, 40, 50, 60; 10, 20, 30, 40}, 0.5)"],
        [],
        ["=SOCINV.REPAYMENTPLAN(1000, 1, 2, 0.1, 2)", null, "=SOCINV.ALLOCATE(100, {1, 1, 1}, 2)"],
        ["=SOCINV.FUNDBALANCE(10, {0, 5}, {3, 4; 1, 0}, {0, 2}, {0.1, 0.2})"],
      ],
    });
    expect(valueAt(hf, "S", "A1")).toBeCloseTo(300, 10);
    expect(valueAt(hf, "S", "B1")).toBeCloseTo(valueAt(hf, "S", "C1") as number, 10);
    expect(range(hf, "S", "A2", "D2")).toEqual([[100, 2, 3, 2.5]]);
    expect(range(hf, "S", "A3", "D3")).toEqual([[0, 36, 18, 9]]);
    expect(range(hf, "S", "A4", "D5")).toEqual([
      [15, 20, 25, 6],
      [5, 10, 15, 4],
    ]);
    expect(range(hf, "S", "A6", "E6")).toEqual([[576.19, 576.19, 33.34, 33.33, 33.33]]);
    expect(range(hf, "S", "A12", "B12")).toEqual([[5.9, 8.7]]);
    hf.destroy();
  });

  it("too many arguments is #N/A, like a built-in", () => {
    const hf = createSocinvWorkbook({ S: [["=SOCINV.ALLOCATE(1,{1},0,5)"]] });
    expect((valueAt(hf, "S", "A1") as DetailedCellError).value).toBe("#N/A");
    hf.destroy();
  });
});
