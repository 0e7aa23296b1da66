import { columnName, parseAddress, cellText } from "../../src/preview/grid";

describe("the preview grid's addressing", () => {
  test("column letters run A..Z, AA.., like Excel", () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });

  test("addresses parse to 0-based positions, with or without sheet and $", () => {
    expect(parseAddress("A1")).toEqual({ row: 0, column: 0 });
    expect(parseAddress("Fond!$C$12")).toEqual({ row: 11, column: 2 });
    expect(parseAddress("'Fond (2)'!AA3")).toEqual({ row: 2, column: 26 });
    expect(parseAddress("A1:B2")).toBeNull();
  });

  test("a formula cell shows its formula; a value cell its value", () => {
    expect(cellText({ row: 0, column: 0, value: null, formula: "=SOCINV.DISCOUNT(B2,C5:L5)" }, false)).toBe("=SOCINV.DISCOUNT(B2,C5:L5)");
    expect(cellText({ row: 0, column: 0, value: 12, formula: "=A1*2" }, false)).toBe("12");
    expect(cellText({ row: 0, column: 0, value: 12, formula: "=A1*2" }, true)).toBe("=A1*2");
    expect(cellText({ row: 0, column: 0, value: 0.035, numberFormat: "0.0%" }, false)).toBe("3.5 %");
    expect(cellText({ row: 0, column: 0, value: "Fond" }, false)).toBe("Fond");
  });
});
