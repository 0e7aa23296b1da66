import { parseNumber, parseAmountList, formatNumber, formatAmountList, formatPercent } from "../../../src/taskpane/ui/numbers";
import { isDark } from "../../../src/taskpane/ui/theme";
import { fieldId } from "../../../src/taskpane/ui/dom";

describe("numbers as typed in the pane", () => {
  test.each([
    ["3,5", 3.5], // Swedish decimal comma
    ["3.5", 3.5],
    ["10 000", 10000], // space groups thousands
    ["10\u00a0000,25", 10000.25], // non-breaking space, as Swedish Excel copies it
    ["1,000.5", 1000.5], // English grouping with a decimal point
    ["\u22122,5", -2.5], // typographic minus
    ["-0", -0],
    [".5", 0.5],
  ])("parseNumber(%j) = %p", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  test.each(["", "   ", "abc", "1,2,3", "3,5%", "1e3", "--1", "12a"])("parseNumber(%j) is not a number", (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  test("a Swedish list: semicolons separate years, then spaces group thousands; the comma is a decimal sign", () => {
    expect(parseAmountList("1 500; 300,5;200", "sv")).toEqual([1500, 300.5, 200]);
    expect(parseAmountList("12\u00a0000\n300", "sv")).toEqual([12000, 300]);
    // no semicolon: spaces separate, as long as the text cannot also be one amount
    expect(parseAmountList("500 30 0,25", "sv")).toEqual([500, 30, 0.25]);
  });

  test("an English list: semicolons separate years, then commas group thousands; else commas or spaces separate", () => {
    expect(parseAmountList("1,500; 300.5;200", "en")).toEqual([1500, 300.5, 200]);
    expect(parseAmountList("500, 300.5,200", "en")).toEqual([500, 300.5, 200]);
  });

  test("a text that reads as one grouped amount or as several is refused, never guessed", () => {
    // "1 500" is 1 500 kr to a Swede and [1, 500] to a list parser; "1,500" likewise in English
    expect(parseAmountList("1 500", "sv")).toBe("ambiguousList");
    expect(parseAmountList("500 300 200", "sv")).toBe("ambiguousList");
    expect(parseAmountList("1,500", "en")).toBe("ambiguousList");
    expect(parseAmountList("1 500;", "sv")).toEqual([1500]);
  });

  test("an empty list is empty, a bad token makes the whole list invalid", () => {
    expect(parseAmountList("  ", "sv")).toEqual([]);
    expect(parseAmountList("500 x 200", "en")).toBe("notAList");
  });

  test("numbers are shown so they parse back unchanged", () => {
    expect(formatNumber(3.5, "sv")).toBe("3,5");
    expect(formatNumber(3.5, "en")).toBe("3.5");
    expect(formatAmountList([500, 300, 0.25], "sv")).toBe("500; 300; 0,25");
    expect(parseAmountList(formatAmountList([1500, 300, 200], "sv"), "sv")).toEqual([1500, 300, 200]);
    expect(parseAmountList(formatAmountList([1500, 300, 200], "en"), "en")).toEqual([1500, 300, 200]);
    expect(formatAmountList([500, 300, 0.25], "en")).toBe("500, 300, 0.25");
    // 0.035 · 100 is 3.5000000000000004 in binary floating point; the pane shows 3,5.
    expect(formatPercent(0.035, "sv")).toBe("3,5");
    expect(parseNumber(formatPercent(0.035, "sv"))! / 100).toBe(0.035);
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
