import { checkApplication, durationYears, type Application } from "../../../src/engine/selection/application";
import { CallInputError } from "../../../src/engine/selection/errors";
import { ruleFailures, type CallRules } from "../../../src/engine/selection/rules";
import { formatCallMessage, messageCodes } from "../../../src/engine/selection/texts";

/** The call's rules per application: each broken rule is one coded reason with its parameters. */

const gavleborgLike: CallRules = { minCofinancingShare: 0.5, minSectors: 2, maxAmountPerYear: 500_000 };

const application = (overrides: Partial<Application> = {}): Application => ({
  name: "Tidiga insatser",
  owner: "Socialförvaltningen",
  principal: "kommun",
  sectors: ["socialtjänst", "skola"],
  organisations: ["Kommunen", "Regionen"],
  requested: [400_000, 450_000, 300_000],
  cofinancingShare: 0.5,
  ...overrides,
});

describe("ruleFailures", () => {
  it("flags 49 % co-financing, one sector and 600 000 kr a year with each of the three reasons", () => {
    const breaking = checkApplication(
      application({ cofinancingShare: 0.49, sectors: ["socialtjänst"], requested: [600_000, 600_000, 600_000] }),
      0,
      10,
    );
    expect(ruleFailures(breaking, gavleborgLike, 2026)).toEqual([
      { code: "cofinancingBelowMinimum", params: { share: 0.49, minimum: 0.5 } },
      { code: "tooFewSectors", params: { count: 1, minimum: 2 } },
      { code: "amountAboveMaximum", params: { largest: 600_000, maximum: 500_000, years: "2026, 2027, 2028" } },
    ]);
  });

  it("passes an application exactly at every limit (50 %, 2 sectors, 500 000 kr)", () => {
    const atLimits = checkApplication(application({ requested: [500_000, 500_000] }), 0, 10);
    expect(ruleFailures(atLimits, gavleborgLike, 2026)).toEqual([]);
  });

  it("counts distinct sectors and organisations, ignoring case, spaces and blanks", () => {
    const same = checkApplication(application({ sectors: ["Skola", " skola", ""], organisations: ["Kommunen"] }), 0, 5);
    expect(ruleFailures(same, { minSectors: 2, minOrganisations: 2 }, 2026)).toEqual([
      { code: "tooFewSectors", params: { count: 1, minimum: 2 } },
      { code: "tooFewOrganisations", params: { count: 1, minimum: 2 } },
    ]);
  });

  it("measures duration from the first to the last year with money (a gap counts): 0, 1, 0, 2, 0 → 3 years", () => {
    expect(durationYears([0, 1, 0, 2, 0])).toBe(3);
    expect(durationYears([0, 0])).toBe(0);
    const long = checkApplication(application({ requested: [0, 1, 0, 2, 0, 0, 3] }), 0, 10);
    // years 1..6 → 6 years > 3
    expect(ruleFailures(long, { maxDurationYears: 3 }, 2026)).toEqual([
      { code: "durationAboveMaximum", params: { years: 6, maximum: 3 } },
    ]);
  });

  it("renders each reason in Swedish and English", () => {
    const params = { share: 0.49, minimum: 0.5 };
    expect(formatCallMessage("cofinancingBelowMinimum", params, "sv")).toBe("Medfinansieringen är 49 %, utlysningen kräver minst 50 %.");
    expect(formatCallMessage("cofinancingBelowMinimum", params, "en")).toBe("Co-financing is 49%; the call requires at least 50%.");
    const amount = { largest: 600_000, maximum: 500_000, years: "2026" };
    expect(formatCallMessage("amountAboveMaximum", amount, "sv")).toBe(
      "Sökt belopp 600\u00a0000 per år (2026) är mer än högsta beloppet 500\u00a0000 per år.",
    );
    expect(formatCallMessage("amountAboveMaximum", amount, "en")).toContain("600,000 a year");
    expect(messageCodes("sv").sort()).toEqual(messageCodes("en").sort());
  });
});

describe("checkApplication", () => {
  it("pads the amounts to the call's years", () => {
    expect(checkApplication(application({ requested: [1, 2] }), 0, 4).requested).toEqual([1, 2, 0, 0]);
  });

  it.each([
    [{ requested: [1.5] }, "applications[3].requested[0]", "notWholeAmount"],
    [{ requested: [-1] }, "applications[3].requested[0]", "negativeAmount"],
    [{ requested: [1, 2, 3, 4, 5, 6] }, "applications[3].requested", "beyondHorizon"],
    [{ cofinancingShare: 1.2 }, "applications[3].cofinancingShare", "shareRange"],
    [{ principal: "Kommunen" as never }, "applications[3].principal", "principal"],
    [{ sectors: [3 as never] }, "applications[3].sectors[0]", "notText"],
  ])("rejects %j naming %s", (overrides, argument, problem) => {
    try {
      checkApplication(application(overrides), 3, 5);
      throw new Error("not rejected");
    } catch (e) {
      expect(e).toBeInstanceOf(CallInputError);
      expect((e as CallInputError).argument).toBe(argument);
      expect((e as CallInputError).problem).toBe(problem);
      expect((e as CallInputError).localized("sv")).toContain(argument);
    }
  });
});
