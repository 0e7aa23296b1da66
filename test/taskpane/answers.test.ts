/** Behaviour pinned: the answers' defaults, the example and the validation messages (field + localized text). */
import { defaultAnswers, validateAnswers, type ModelAnswers } from "../../src/taskpane/model/answers";
import { exampleAnswers } from "../../src/taskpane/model/example";

const day = new Date(2025, 5, 1);

describe("defaults and the example are valid models", () => {
  test.each(["sv", "en"] as const)("defaultAnswers(%s): this year, 10 years, tkr, 3.5 %%, the fund bears the risk", (language) => {
    const a = defaultAnswers(language, day);
    expect(validateAnswers(a, language)).toEqual([]);
    expect([a.firstYear, a.years, a.unit, a.discountRate, a.timing, a.repaymentModel]).toEqual([2025, 10, "tkr", 0.035, 0, "fundBearsRisk"]);
    expect(a.actors.map((x) => x.principal)).toEqual(["kommun", "kommun", "region"]);
  });

  test.each(["sv", "en"] as const)("exampleAnswers(%s): Ale's 10 Mkr of equity, three projects, the dual model", (language) => {
    const a = exampleAnswers(language);
    expect(validateAnswers(a, language)).toEqual([]);
    expect(a.projects.map((p) => p.name)).toEqual(["MiniMili", "Fotosyntes", "Star for Life"]);
    // 4 500 + 3 500 + 2 000 tkr = the 10 Mkr set aside in 2012.
    expect(a.projects.flatMap((p) => p.disbursements).reduce((x, y) => x + y, 0)).toBe(a.openingBalance);
    expect([a.openingBalance, a.fundFromEquity, a.repaymentModel, a.illustrative]).toEqual([10000, true, "key", true]);
    // MiniMili's municipal savings over the 10 years: 15 200 (social services) + 2 100 (school), near the 18 Mkr expected.
    const municipal = (a.costs ?? []).filter((c) => c.project === "MiniMili" && a.actors.find((x) => x.name === c.actor)!.principal === "kommun");
    expect(municipal.flatMap((c) => c.baseline.map((b, t) => b - c.intervention[t])).reduce((x, y) => x + y, 0)).toBe(17300);
  });
});

describe("validation names the field and says what is wrong, in the user's language", () => {
  const base = (): ModelAnswers => defaultAnswers("sv", day);

  test("years, rate, timing, shares", () => {
    const a = { ...base(), years: 0, discountRate: -1, timing: 0.3 as 0, repaymentShare: 1.5 };
    expect(validateAnswers(a, "sv")).toEqual(expect.arrayContaining([
      { field: "years", message: "Antal år måste vara ett heltal mellan 2 och 60 (med ett enda år kan återföringen inte räknas per förvaltning)." },
      { field: "discountRate", message: "Diskonteringsräntan måste vara ett tal mellan −99 % och 100 %." },
      { field: "timing", message: "Tidpunkten måste vara 0; 0,5 eller 1." },
      { field: "repaymentShare", message: "Måste vara mellan 0 % och 100 %." },
    ]));
    expect(validateAnswers(a, "en")).toContainEqual({ field: "timing", message: "The timing must be 0, 0.5 or 1." });
  });

  test("one year is refused (every K×1 block would be read as a column series); two years are accepted", () => {
    const oneYear = (years: number): ModelAnswers => {
      const a = base();
      a.years = years;
      a.projects = a.projects.map((p) => ({ ...p, disbursements: p.disbursements.slice(0, years) }));
      a.effects = a.effects?.map((e) => (e.kind === "volume" ? { ...e, volume: e.volume.slice(0, years) } : e));
      return a;
    };
    expect(validateAnswers(oneYear(1), "sv")).toEqual([{ field: "years", message: "Antal år måste vara ett heltal mellan 2 och 60 (med ett enda år kan återföringen inte räknas per förvaltning)." }]);
    expect(validateAnswers(oneYear(1), "en")).toEqual([{ field: "years", message: "The number of years must be a whole number between 2 and 60 (with a single year, repayments cannot be computed per administration)." }]);
    expect(validateAnswers(oneYear(2), "sv")).toEqual([]);
  });

  test("actors: empty and duplicate names, formula-like names, no förvaltning", () => {
    const a = base();
    a.actors = [
      { name: "Region", principal: "region", cashableShare: 1 },
      { name: "region ", principal: "region", cashableShare: 1 },
      { name: "=HYPERLINK()", principal: "stat", cashableShare: 1 },
      { name: " ", principal: "stat", cashableShare: 1 },
    ];
    const problems = validateAnswers(a, "en");
    expect(problems).toEqual(expect.arrayContaining([
      { field: "actors[1].name", message: "The name is already used." },
      { field: "actors[2].name", message: "The name must not start with = + - @ < > or contain * ? ~." },
      { field: "actors[3].name", message: "The name must not be empty." },
      { field: "actors", message: "At least one actor must have the principal kommun (an administration that can repay the fund)." },
      { field: "projects[0].owner", message: "The owner must be one of the actors." },
    ]));
  });

  test("projects: one amount per year, no negative disbursement, co-financing below the requirement", () => {
    const a = { ...base(), cofinancingRequirement: 0.5 };
    a.projects = [{ ...a.projects[0], disbursements: [100, -1], cofinancingShare: 0.4 }];
    expect(validateAnswers(a, "sv")).toEqual([
      { field: "projects[0].cofinancingShare", message: "Medfinansieringen är lägre än kravet (50 %)." },
      { field: "projects[0].disbursements", message: "Ange ett belopp per år (10 år)." },
      { field: "projects[0].disbursements[1]", message: "Får inte vara negativt." },
    ]);
  });

  test("a model too large for one request of Excel on the web is refused: 20 projects × 21 actors × 30 years > 12 000", () => {
    const a = { ...base(), years: 30 };
    a.actors = Array.from({ length: 21 }, (_, i) => ({ name: `A${i}`, principal: "kommun" as const, cashableShare: 1 }));
    a.projects = Array.from({ length: 20 }, (_, i) => ({ name: `P${i}`, owner: "A0", disbursements: new Array<number>(30).fill(0), cofinancingShare: 0 }));
    a.effects = []; // the default effect names the default project and actor
    expect(validateAnswers(a, "en")).toEqual([
      { field: "actors", message: "The model would be too large: at most 60 actors, 60 projects and 12,000 for projects × actors × years." },
    ]);
    a.actors.pop(); // 20 × 20 × 30 = 12 000: allowed
    expect(validateAnswers(a, "en")).toEqual([]);
  });

  test("the key model needs a frame for at least one förvaltning", () => {
    const a = { ...base(), repaymentModel: "key" as const };
    a.actors = a.actors.map((x) => ({ ...x, frame: undefined }));
    expect(validateAnswers(a, "sv")).toEqual([
      { field: "actors", message: "Fördelningsnyckeln kräver en ram större än 0 för minst en förvaltning." },
    ]);
  });

  test("the messages name the limits of src/engine/limits.ts, worded as before", () => {
    const a = { ...base(), years: 61, firstYear: 1899, keyYears: 61, repaymentModel: "key" as const };
    const messages = validateAnswers(a, "sv").map((p) => p.message);
    expect(messages).toContain("Första år måste vara ett heltal mellan 1900 och 2200.");
    expect(messages).toContain("Antal år måste vara ett heltal mellan 2 och 60 (med ett enda år kan återföringen inte räknas per förvaltning).");
    expect(messages).toContain("Antal avbetalningsår måste vara ett heltal mellan 1 och 60.");
    const tooLarge = { ...base(), actors: [...base().actors, ...Array.from({ length: 60 }, (_, i) => ({ name: `X${i}`, principal: "annan" as const, cashableShare: 1 }))] };
    expect(validateAnswers(tooLarge, "sv").map((p) => p.message)).toContain(
      "Modellen blir för stor: högst 60 aktörer och 60 projekt, och projekt × aktörer × år får vara högst 12 000.",
    );
  });
});
