/**
 * The function metadata Excel reads (functions.json), generated from the JSDoc of
 * src/functions/functions.ts with the same package the webpack plugin uses, and the Swedish
 * translation map that scripts/sv-metadata.js turns into functions.sv-SE.json.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from "custom-functions-metadata";
import svMap from "../../src/i18n/functions.sv.json";
import { argumentNames } from "../../src/i18n/errors";
import "../support/customFunctions";
import * as functions from "../../src/functions/functions";

const source = path.join(__dirname, "../../src/functions/functions.ts");

// The public contract (FUNCTIONS.md): id = English name, Swedish name, argument order, optional ones.
const contract: Record<string, { swedish: string; params: string[]; optional: string[]; matrixResult: boolean; exportName: string }> = {
  DISCOUNT: { swedish: "DISKONTERA", params: ["rate", "values", "timing"], optional: ["timing"], matrixResult: true, exportName: "discount" },
  LIFECYCLE: { swedish: "LIVSCYKEL", params: ["baseline", "intervention", "rate", "timing"], optional: ["timing"], matrixResult: true, exportName: "lifecycle" },
  NETEFFECT: {
    swedish: "NETTOEFFEKT",
    params: ["gross", "deadweight", "attribution", "displacement", "dropoff"],
    optional: ["deadweight", "attribution", "displacement", "dropoff"],
    matrixResult: true,
    exportName: "netEffect",
  },
  NETBENEFIT: { swedish: "NETTONYTTA", params: ["investment", "savings", "rate", "timing"], optional: ["timing"], matrixResult: false, exportName: "netBenefit" },
  BCR: { swedish: "NYTTOKVOT", params: ["investment", "savings", "rate", "timing"], optional: ["timing"], matrixResult: false, exportName: "bcr" },
  PAYBACK: { swedish: "ÅTERBETALNINGSTID", params: ["investment", "savings", "rate", "timing"], optional: ["rate", "timing"], matrixResult: false, exportName: "payback" },
  REPAYMENT: {
    swedish: "ÅTERFÖRING",
    params: ["disbursements", "savings", "share", "cap", "lag", "decimals"],
    optional: ["share", "cap", "lag", "decimals"],
    matrixResult: true,
    exportName: "repayment",
  },
  REPAYMENTPLAN: { swedish: "AVBETALNINGSPLAN", params: ["amount", "key", "years", "rate", "decimals"], optional: ["rate", "decimals"], matrixResult: true, exportName: "repaymentPlan" },
  ALLOCATE: { swedish: "FÖRDELA", params: ["amount", "weights", "decimals"], optional: ["decimals"], matrixResult: true, exportName: "allocate" },
  FUNDBALANCE: {
    swedish: "FONDSALDO",
    params: ["opening", "contributions", "disbursements", "repayments", "other"],
    optional: ["other"],
    matrixResult: true,
    exportName: "fundBalance",
  },
};

// Arguments that take ranges (dimensionality matrix, so a range is never array-lifted cell by cell).
const rangeParams = new Set(["values", "baseline", "intervention", "gross", "investment", "savings", "disbursements", "key", "weights", "contributions", "repayments", "other"]);

let metadata: ICustomFunctionsMetadata;
beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(source);
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson);
}, 60000);

describe("functions.json generated from the JSDoc", () => {
  it("has exactly the ten ids, each equal to its English name", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(contract).sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it.each(Object.keys(contract))("%s: parameters, optional flags, descriptions, result and help URL as specified", (id) => {
    const f = metadata.functions.find((x) => x.id === id)!;
    const spec = contract[id];
    expect(f.parameters.map((p) => p.name)).toEqual(spec.params);
    expect(f.parameters.filter((p) => p.optional).map((p) => p.name)).toEqual(spec.optional);
    for (const p of f.parameters) {
      expect(p.description && p.description.length).toBeGreaterThan(20);
      expect(p.type).toBe("any"); // Excel converts nothing: our messages explain text, TRUE and blanks
      const isRange = rangeParams.has(p.name) || (p.name === "rate" && id !== "REPAYMENTPLAN");
      expect(p.dimensionality === "matrix").toBe(isRange);
    }
    expect(f.description && f.description.length).toBeGreaterThan(20);
    expect(f.result?.dimensionality === "matrix").toBe(spec.matrixResult);
    expect(f.helpUrl).toBe(`https://localhost:3000/help.html#socinv${id.toLowerCase()}`);
  });

  it("optional parameters come after the required ones (Excel requires it)", () => {
    for (const f of metadata.functions) {
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });

  it("every id is exported from functions.ts under its camelCase name", () => {
    for (const spec of Object.values(contract)) expect(typeof (functions as Record<string, unknown>)[spec.exportName]).toBe("function");
    expect(Object.keys(functions).sort()).toEqual(Object.values(contract).map((s) => s.exportName).sort());
  });

  it("matches dist/functions.json when a build exists", () => {
    const built = path.join(__dirname, "../../dist/functions.json");
    if (!fs.existsSync(built)) return; // no build in this checkout: the generated metadata above is the check
    const dist = JSON.parse(fs.readFileSync(built, "utf8")) as ICustomFunctionsMetadata;
    expect(dist.functions.map((f) => f.id).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  });
});

describe("the Swedish translation map (src/i18n/functions.sv.json)", () => {
  const map = svMap as Record<string, { name: string; description: string; parameters: Record<string, { name: string; description: string }> }>;

  it("covers every id with the Swedish name FUNCTIONS.md gives", () => {
    expect(Object.keys(map).sort()).toEqual(Object.keys(contract).sort());
    for (const [id, spec] of Object.entries(contract)) expect(map[id].name).toBe(spec.swedish);
  });

  it("translates every parameter of the generated metadata, with a description", () => {
    for (const f of metadata.functions) {
      expect(Object.keys(map[f.id].parameters).sort()).toEqual(f.parameters.map((p) => p.name).sort());
      expect(map[f.id].description.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(map[f.id].parameters[p.name].description.length).toBeGreaterThan(15);
    }
  });

  it("Swedish names are valid Excel names: letters (å, ä, ö too), digits, '.' and '_', no spaces", () => {
    for (const entry of Object.values(map)) {
      expect(entry.name).toMatch(/^[A-ZÅÄÖ][A-ZÅÄÖ0-9._]*$/);
      for (const p of Object.values(entry.parameters)) expect(p.name).toMatch(/^[a-zåäö][a-zåäö0-9_]*$/);
    }
  });

  it("parameter names are the ones the error messages use, so a message names what the user sees", () => {
    for (const entry of Object.values(map)) {
      for (const [english, p] of Object.entries(entry.parameters)) expect(argumentNames[english]?.sv).toBe(p.name);
    }
  });
});
