/**
 * The Swedish function metadata (functions.sv-SE.json): same ids, translated names, descriptions
 * and parameter names, everything else copied; the build refuses anything untranslated.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  buildSwedishMetadata,
  FunctionsMetadata,
  ID_PATTERN,
  NAME_PATTERN,
  SwedishMetadataError,
  TranslationMap,
} from "../../scripts/sv-metadata";
import { FUNCTION_IDS, SIGNATURES, type FunctionId } from "../../src/functions/signatures";

const ROOT = path.resolve(__dirname, "../..");

const english: FunctionsMetadata = {
  allowCustomDataForDataTypeAny: true,
  functions: [
    {
      id: "DISCOUNT",
      name: "DISCOUNT",
      description: "Present value of a series.",
      parameters: [
        { name: "rate", description: "Discount rate per year.", type: "any", dimensionality: "matrix" },
        { name: "values", description: "Values per year.", type: "any", dimensionality: "matrix" },
        { name: "timing", description: "0, 0.5 or 1.", type: "any", optional: true },
      ],
      result: { dimensionality: "matrix" },
    },
    {
      id: "REPAYMENT",
      name: "REPAYMENT",
      description: "Repayment per förvaltning and year.",
      parameters: [{ name: "share", description: "Share of the saving.", type: "number" }],
      result: { type: "number" },
      options: { requiresAddress: false },
    },
  ],
};

const translations: TranslationMap = {
  DISCOUNT: {
    name: "DISKONTERA",
    description: "Nuvärdet av en serie.",
    parameters: {
      rate: { name: "ränta", description: "Diskonteringsränta per år." },
      values: { name: "värden", description: "Belopp per år." },
      timing: { name: "tidpunkt", description: "0, 0,5 eller 1." },
    },
  },
  REPAYMENT: {
    name: "ÅTERFÖRING",
    description: "Återföring per förvaltning och år.",
    parameters: { share: { name: "andel", description: "Andel av besparingen." } },
  },
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function problemsOf(build: () => unknown): string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof SwedishMetadataError) return error.problems;
    throw error;
  }
  throw new Error("expected the build to fail");
}

describe("buildSwedishMetadata", () => {
  const swedish = buildSwedishMetadata(english, translations);

  it("keeps every id and its order", () => {
    expect(swedish.functions.map((f) => f.id)).toEqual(["DISCOUNT", "REPAYMENT"]);
  });

  it("translates names and descriptions, å/ä/ö included", () => {
    expect(swedish.functions.map((f) => f.name)).toEqual(["DISKONTERA", "ÅTERFÖRING"]);
    expect(swedish.functions[1].description).toBe("Återföring per förvaltning och år.");
  });

  it("translates parameter names and descriptions in the English order", () => {
    expect(swedish.functions[0].parameters!.map((p) => p.name)).toEqual(["ränta", "värden", "tidpunkt"]);
    expect(swedish.functions[0].parameters![2].description).toBe("0, 0,5 eller 1.");
  });

  it("copies types, dimensionality, optionality, results, options and top-level flags unchanged", () => {
    expect(swedish.allowCustomDataForDataTypeAny).toBe(true);
    expect(swedish.functions[0].parameters![1]).toMatchObject({ type: "any", dimensionality: "matrix" });
    expect(swedish.functions[0].parameters![2].optional).toBe(true);
    expect(swedish.functions[0].result).toEqual({ dimensionality: "matrix" });
    expect(swedish.functions[1].options).toEqual({ requiresAddress: false });
  });

  it("does not modify its inputs", () => {
    expect(english.functions[0].name).toBe("DISCOUNT");
    expect(english.functions[0].parameters![0].name).toBe("rate");
  });

  it("accepts the generated JSON text as well as objects", () => {
    expect(buildSwedishMetadata(JSON.stringify(english), JSON.stringify(translations))).toEqual(swedish);
  });
});

describe("untranslated or invalid metadata fails the build", () => {
  it("names a function id that has no translation", () => {
    const map = clone(translations);
    delete (map as Partial<TranslationMap>).REPAYMENT;
    expect(problemsOf(() => buildSwedishMetadata(english, map))).toEqual([
      'function REPAYMENT: no translation (add "REPAYMENT" to src/i18n/functions.sv.json)',
    ]);
  });

  it("names a parameter that has no translation", () => {
    const map = clone(translations);
    delete map.DISCOUNT.parameters!.timing;
    expect(problemsOf(() => buildSwedishMetadata(english, map))).toEqual(["function DISCOUNT, parameter timing: no translation"]);
  });

  it("rejects a missing Swedish description", () => {
    const map = clone(translations);
    delete map.DISCOUNT.description;
    expect(problemsOf(() => buildSwedishMetadata(english, map))).toEqual(["function DISCOUNT: the Swedish description is missing"]);
  });

  it("rejects names with characters Excel does not allow (space, hyphen)", () => {
    const map = clone(translations);
    map.DISCOUNT.name = "DIS KONTERA";
    map.REPAYMENT.name = "ÅTER-FÖRING";
    expect(problemsOf(() => buildSwedishMetadata(english, map))).toHaveLength(2);
  });

  it("rejects a name that does not start with a letter or is shorter than three characters", () => {
    const map = clone(translations);
    map.DISCOUNT.name = "1DISK";
    map.REPAYMENT.name = "ÅT";
    expect(problemsOf(() => buildSwedishMetadata(english, map))).toEqual([
      'function DISCOUNT: Swedish name "1DISK" must start with a letter and have at least 3 characters',
      'function REPAYMENT: Swedish name "ÅT" must start with a letter and have at least 3 characters',
    ]);
  });

  it("rejects two functions with the same Swedish name (case-insensitively)", () => {
    const map = clone(translations);
    map.REPAYMENT.name = "diskontera";
    expect(problemsOf(() => buildSwedishMetadata(english, map))).toEqual([
      'function REPAYMENT: Swedish name "diskontera" is also used by DISCOUNT',
    ]);
  });

  it("rejects translations for ids and parameters that do not exist (stale entries)", () => {
    const map = clone(translations);
    map.OLDFUNCTION = { name: "GAMMAL", description: "x" };
    map.REPAYMENT.parameters!.lag = { name: "fördröjning", description: "x" };
    expect(problemsOf(() => buildSwedishMetadata(english, map))).toEqual([
      'function REPAYMENT: translation for unknown parameter "lag"',
      'translation for unknown function id "OLDFUNCTION" (not in functions.json)',
    ]);
  });

  it("rejects an id with non-ASCII letters", () => {
    const metadata = clone(english);
    metadata.functions[1].id = "ÅTERFÖRING";
    const map = { DISCOUNT: translations.DISCOUNT, ÅTERFÖRING: translations.REPAYMENT };
    expect(problemsOf(() => buildSwedishMetadata(metadata, map))).toEqual([
      "function ÅTERFÖRING: id may only contain ASCII letters, digits, '.' and '_'",
    ]);
  });

  it("reports every problem at once", () => {
    const map = clone(translations);
    delete map.DISCOUNT.parameters!.rate;
    delete map.DISCOUNT.parameters!.values;
    delete (map as Partial<TranslationMap>).REPAYMENT;
    expect(problemsOf(() => buildSwedishMetadata(english, map))).toHaveLength(3);
  });

  it("rejects text that is not JSON", () => {
    expect(problemsOf(() => buildSwedishMetadata("{not json", translations))[0]).toMatch(/not valid JSON/);
  });

  it("puts every problem in the error message the build prints", () => {
    const map = clone(translations);
    delete map.DISCOUNT.parameters!.timing;
    expect(() => buildSwedishMetadata(english, map)).toThrow(/functions\.sv-SE\.json[\s\S]*parameter timing: no translation/);
  });
});

describe("the name rules", () => {
  it.each(["DISKONTERA", "ÅTERFÖRING", "ÅTERBETALNINGSTID", "NYTTOKVOT", "FONDSALDO", "A.B_C1"])("accepts the name %s", (name) => {
    expect(NAME_PATTERN.test(name)).toBe(true);
  });
  it.each(["DIS KONTERA", "NETTO-NYTTA", "SUMMA(", ""])("rejects the name %j", (name) => {
    expect(NAME_PATTERN.test(name)).toBe(false);
  });
  it.each(["DISCOUNT", "REPAYMENTPLAN", "A.B_1"])("accepts the id %s", (id) => expect(ID_PATTERN.test(id)).toBe(true));
  it.each(["ÅTERFÖRING", "NET BENEFIT", "X-Y"])("rejects the id %j", (id) => expect(ID_PATTERN.test(id)).toBe(false));
});

describe("the project's translation map covers the project's functions", () => {
  const source = path.join(ROOT, "src/functions/functions.ts");
  const translationFile = path.join(ROOT, "src/i18n/functions.sv.json");
  it("builds sv-SE metadata for every function generated from the JSDoc", async () => {
    const generated = await generateCustomFunctionsMetadata([source], false);
    expect(generated.errors).toEqual([]);
    const englishMetadata = JSON.parse(generated.metadataJson) as FunctionsMetadata;
    const swedish = buildSwedishMetadata(englishMetadata, fs.readFileSync(translationFile, "utf8"));
    expect(swedish.functions.map((f) => f.id)).toEqual(englishMetadata.functions.map((f) => f.id));
    for (const fn of englishMetadata.functions) expect(fn.id).toBe(fn.name); // ids are the English names
    // The Swedish names Excel shows are the registry's (src/functions/signatures.ts), which the
    // formula builder and the HyperFormula plugin use too, with the registry's parameters in order.
    expect(Object.fromEntries(swedish.functions.map((f) => [f.id, f.name]))).toEqual(
      Object.fromEntries(FUNCTION_IDS.map((id) => [id, SIGNATURES[id].swedish])),
    );
    for (const fn of englishMetadata.functions) {
      expect(fn.parameters!.map((p) => [p.name, p.optional === true])).toEqual(
        SIGNATURES[fn.id as FunctionId].parameters.map((p) => [p.name, p.optional]),
      );
    }
  });
});
