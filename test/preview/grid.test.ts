import { columnName, parseAddress, cellText, formatNumber } from "../../src/preview/grid";

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
});

describe("what a preview cell shows", () => {
  const formula = "=SOCINV.DISCOUNT(B2,C5:L5)";

  test("an uncalculated formula shows itself; a calculated one its value, unless formulas are shown", () => {
    expect(cellText({ row: 0, column: 0, value: null, formula }, false)).toBe(formula);
    expect(cellText({ row: 0, column: 0, value: 12, formula: "=A1*2" }, false)).toBe("12");
    expect(cellText({ row: 0, column: 0, value: 12, formula: "=A1*2" }, true)).toBe("=A1*2");
    // A calculated empty text ("" from IF) shows as empty, not as the formula.
    expect(cellText({ row: 0, column: 0, value: "", formula: '=IF(A1<0,A2,"")', calculated: true }, false)).toBe("");
    expect(cellText({ row: 0, column: 0, value: "Fond" }, false)).toBe("Fond");
  });

  test("errors show Excel's error text; spilled cells show their value, and nothing in formula mode", () => {
    expect(cellText({ row: 0, column: 0, value: null, formula, calculated: true, error: "#VALUE!", errorMessage: "rate…" }, false)).toBe("#VALUE!");
    expect(cellText({ row: 0, column: 0, value: null, formula, calculated: true, error: "#VALUE!" }, true)).toBe(formula);
    expect(cellText({ row: 1, column: 0, value: 1500, spilled: true, calculated: true, numberFormat: "#,##0" }, false)).toBe("1,500");
    expect(cellText({ row: 1, column: 0, value: 1500, spilled: true, calculated: true }, true)).toBe("");
  });

  test("booleans as Excel writes them in each language", () => {
    expect(cellText({ row: 0, column: 0, value: true }, false, "en-US")).toBe("TRUE");
    expect(cellText({ row: 0, column: 0, value: false }, false, "sv-SE")).toBe("FALSKT");
  });
});

describe("numbers in the cell's number format, roughly as Excel shows them", () => {
  const nbsp = "\u00a0";

  test("#,##0: thousands separated, no decimals (10 000 tkr; 1 142.857… rounds to 1 143)", () => {
    expect(formatNumber(10000, "#,##0", "en-US")).toBe("10,000");
    expect(formatNumber(10000, "#,##0", "sv-SE")).toBe(`10${nbsp}000`);
    expect(formatNumber(8000 / 7, "#,##0", "en-US")).toBe("1,143");
  });

  test("#,##0.00 and 0.0000: the zeros after the point are the decimals; 0.0# at most two", () => {
    expect(formatNumber(1234.5, "#,##0.00", "en-US")).toBe("1,234.50");
    expect(formatNumber(1234.5, "#,##0.00", "sv-SE")).toBe(`1${nbsp}234,50`);
    // 1/1.035^2 = 0.933511…
    expect(formatNumber(1 / 1.035 ** 2, "0.0000", "en-US")).toBe("0.9335");
    expect(formatNumber(2.5, "0.0#", "en-US")).toBe("2.5");
    expect(formatNumber(2.375, "0.0#", "en-US")).toBe("2.38"); // 2.375 is exact in binary: half away from zero, as Excel
  });

  test("0: a year without separator; 0.0%: percent with one decimal", () => {
    expect(formatNumber(2014, "0", "en-US")).toBe("2014");
    expect(formatNumber(2014, "0", "sv-SE")).toBe("2014");
    expect(formatNumber(0.035, "0.0%", "en-US")).toBe("3.5%");
    expect(formatNumber(0.035, "0.0%", "sv-SE")).toBe(`3,5${nbsp}%`);
  });

  test("General: up to 10 significant digits, no separators; quoted text and colours are ignored", () => {
    expect(formatNumber(1 / 3, "General", "en-US")).toBe("0.3333333333");
    expect(formatNumber(12345.5, undefined, "sv-SE")).toBe("12345,5");
    expect(formatNumber(-1500, '#,##0" tkr";[Red]-#,##0" tkr"', "en-US")).toBe("-1,500");
  });
});
