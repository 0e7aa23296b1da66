import fc from "fast-check";
import type { Language } from "../../../src/i18n/language";
import { parseNumber, readNumber, parseAmountList, formatNumber, formatAmountList, formatPercent } from "../../../src/taskpane/ui/numbers";
import { isDark } from "../../../src/taskpane/ui/theme";
import { fieldId } from "../../../src/taskpane/ui/dom";

describe("numbers as typed in the pane, read by its language (issue 9 item 2)", () => {
  test.each([
    ["3,5", "sv", 3.5], // Swedish decimal comma
    ["3.5", "sv", 3.5], // a point that cannot group thousands is a decimal point
    ["10 000", "sv", 10000], // space groups thousands
    ["10\u00a0000,25", "sv", 10000.25], // no-break space, as Swedish Excel copies it
    ["1\u202f234\u202f567", "sv", 1234567], // narrow no-break space (Intl's sv-SE grouping)
    ["2,500", "sv", 2.5], // Swedish: the comma is the decimal sign
    ["\u22122,5", "sv", -2.5], // typographic minus
    ["-0", "sv", -0],
    [",5", "sv", 0.5],
    ["1,000", "en", 1000], // English: the comma groups thousands (was 1)
    ["2,500", "en", 2500], // (was 2.5)
    ["1,000.5", "en", 1000.5],
    ["1.000", "en", 1], // the English pane's own notation
    ["12,345,678.25", "en", 12345678.25],
    ["10 000", "en", 10000],
    [".5", "en", 0.5],
    ["-3.25", "en", -3.25],
  ] as const)("readNumber(%j, %s) = %p", (text, language, expected) => {
    expect(readNumber(text, language)).toBe(expected);
    expect(parseNumber(text, language)).toBe(expected);
  });

  test.each([
    ["1.500", "sv"], // 1 500 to some Swedes, 1.5 to an English reader (was read as 1.5)
    ["1.000.000", "sv"],
    ["1.000,5", "sv"],
    ["1,000.5", "sv"],
    ["2,5", "en"], // 25 or 2.5? (a Swedish decimal in the English pane)
    ["1,5", "en"],
    ["1.000,5", "en"],
  ] as const)("readNumber(%j, %s) is refused as ambiguous", (text, language) => {
    expect(readNumber(text, language)).toBe("ambiguousNumber");
    expect(parseNumber(text, language)).toBeNull();
  });

  test.each(["", "   ", "abc", "1,2,3", "3,5%", "1e3", "--1", "12a", "1 50", "1,5,", "- 1", "%"])("readNumber(%j) is not a number in either language", (text) => {
    expect(readNumber(text, "sv")).not.toEqual(expect.any(Number));
    expect(readNumber(text, "en")).not.toEqual(expect.any(Number));
  });

  test("a trailing % is accepted where a percentage is asked, and only there", () => {
    expect(readNumber("3,5 %", "sv", { percent: true })).toBe(3.5); // was refused in a field labelled (%)
    expect(readNumber("3,5%", "sv", { percent: true })).toBe(3.5);
    expect(readNumber("3,5\u00a0%", "sv", { percent: true })).toBe(3.5);
    expect(readNumber("3.5 %", "en", { percent: true })).toBe(3.5);
    expect(readNumber("50", "en", { percent: true })).toBe(50);
    expect(readNumber("3,5 %", "sv")).toBe("notANumber");
    expect(readNumber("%3", "sv", { percent: true })).toBe("notANumber");
  });

  test("a Swedish list: semicolons separate years, then spaces group thousands; the comma is a decimal sign", () => {
    expect(parseAmountList("1 500; 300,5;200", "sv")).toEqual([1500, 300.5, 200]);
    expect(parseAmountList("12\u00a0000\n300", "sv")).toEqual([12000, 300]);
    // no semicolon: spaces separate, as long as no two neighbours can also be one amount
    expect(parseAmountList("500 30 0,25", "sv")).toEqual([500, 30, 0.25]);
    expect(parseAmountList("1500 300", "sv")).toEqual([1500, 300]);
  });

  test("an English list: semicolons separate years, then commas group thousands; else commas or spaces separate", () => {
    expect(parseAmountList("1,500; 300.5;200", "en")).toEqual([1500, 300.5, 200]);
    expect(parseAmountList("500, 30.5, 20", "en")).toEqual([500, 30.5, 20]);
    expect(parseAmountList("1500 300", "en")).toEqual([1500, 300]);
  });

  test("a text that reads as one grouped amount or as several is refused, never guessed", () => {
    // "1 500" is 1 500 kr to a Swede and [1, 500] to a list parser (it became two years); "1,500" likewise in English
    expect(parseAmountList("1 500", "sv")).toBe("ambiguousList");
    expect(parseAmountList("500 300 200", "sv")).toBe("ambiguousList");
    expect(parseAmountList("12 500 3", "sv")).toBe("ambiguousList");
    expect(parseAmountList("1,500", "en")).toBe("ambiguousList");
    expect(parseAmountList("1 500", "en")).toBe("ambiguousList");
    expect(parseAmountList("1,500, 300", "en")).toBe("ambiguousList");
    expect(parseAmountList("1 500;", "sv")).toEqual([1500]);
    expect(parseAmountList("1.500; 300", "sv")).toBe("ambiguousNumber");
    expect(parseAmountList("2,5; 3", "en")).toBe("ambiguousNumber");
  });

  test("an empty list is empty, a bad token makes the whole list invalid", () => {
    expect(parseAmountList("  ", "sv")).toEqual([]);
    expect(parseAmountList("500 x 200", "en")).toBe("notAList");
  });

  test("numbers are shown so they parse back unchanged", () => {
    expect(formatNumber(3.5, "sv")).toBe("3,5");
    expect(formatNumber(3.5, "en")).toBe("3.5");
    expect(formatNumber(1234567.5, "sv", { group: true })).toBe("1\u00a0234\u00a0567,5");
    expect(formatNumber(1234567.5, "en", { group: true })).toBe("1,234,567.5");
    expect(formatNumber(1e-7, "en")).toBe("0.0000001");
    expect(formatNumber(-0, "sv")).toBe("0");
    expect(formatAmountList([500, 300, 0.25], "sv")).toBe("500; 300; 0,25");
    expect(formatAmountList([500, 300, 0.25], "en")).toBe("500; 300; 0.25");
    // 0.035 · 100 is 3.5000000000000004 in binary floating point; the pane shows 3,5.
    expect(formatPercent(0.035, "sv")).toBe("3,5");
    expect(parseNumber(formatPercent(0.035, "sv"), "sv")! / 100).toBe(0.035);
  });
});

describe("property: a number formatted in the language parses back to itself", () => {
  /** Numbers as typed into the pane: up to 12 significant digits, 0 to 8 decimals, up to a billion billions. */
  const shown = fc
    .tuple(fc.integer({ min: -999_999_999_999, max: 999_999_999_999 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }))
    .map(([digits, decimals, zeros]) => Number((digits * 10 ** zeros / 10 ** decimals).toPrecision(12)) + 0);
  const language = fc.constantFrom<Language>("sv", "en");

  test("single numbers, grouped or not, and percentages with a trailing %", () => {
    fc.assert(
      fc.property(shown, language, fc.boolean(), (x, lang, group) => {
        const text = formatNumber(x, lang, { group });
        expect(readNumber(text, lang)).toBe(x);
        expect(readNumber(`${text} %`, lang, { percent: true })).toBe(x);
        // what Intl shows (sv-SE: no-break spaces and U+2212 minus) reads back as well
        const intl = new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", { maximumSignificantDigits: 12, useGrouping: group }).format(x);
        expect(readNumber(intl, lang)).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });

  test("lists of amounts", () => {
    fc.assert(
      fc.property(fc.array(shown, { maxLength: 12 }), language, (xs, lang) => {
        expect(parseAmountList(formatAmountList(xs, lang), lang)).toEqual(xs);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("theme and ids", () => {
  test("Office's dark themes are dark, its light ones light", () => {
    expect(isDark("#262626")).toBe(true); // Office "Black"
    expect(isDark("#444444")).toBe(true); // Office "Dark Gray"
    expect(isDark("#FFFFFF")).toBe(false); // Office "White"
    expect(isDark("#e6e6e6")).toBe(false); // Office "Colorful" background
    expect(isDark("not a colour")).toBe(false);
  });

  test("field paths become plain element ids", () => {
    expect(fieldId("actors[1].name")).toBe("actors-1-name");
    expect(fieldId("projects[0].disbursements[3]")).toBe("projects-0-disbursements-3");
    expect(fieldId("years")).toBe("years");
  });
});
