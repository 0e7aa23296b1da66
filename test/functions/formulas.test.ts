/**
 * The typed formula builder (BRIEF interface 1): named arguments in, formula text out, with the
 * parameter order and optional flags of functions.json (generated from the JSDoc, as Excel reads it).
 */
import * as path from "path";
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from "custom-functions-metadata";
import { socinv } from "../../src/functions/formulas";
import { SIGNATURES, type FunctionId } from "../../src/functions/signatures";

let metadata: ICustomFunctionsMetadata;
beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"));
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson);
}, 60000);

describe("socinv formula builder", () => {
  it("has the parameters (names, order, optional flags) of functions.json for every function", () => {
    expect(Object.keys(SIGNATURES).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const f of metadata.functions) {
      const built = SIGNATURES[f.id as FunctionId].parameters.map((p) => ({ name: p.name, optional: p.optional }));
      expect(built).toEqual(f.parameters.map((p) => ({ name: p.name, optional: p.optional === true })));
    }
  });

  it("writes the arguments in parameter order, whatever order they are named in", () => {
    expect(socinv.NETBENEFIT({ rate: "$B$2", savings: "C8:L9", investment: "C5:L5", timing: 0.5 })).toBe("SOCINV.NETBENEFIT(C5:L5,C8:L9,$B$2,0.5)");
    expect(socinv.DISCOUNT({ rate: 0.035, values: "Projekt!$C$5:$L$5" })).toBe("SOCINV.DISCOUNT(0.035,Projekt!$C$5:$L$5)");
  });

  it("leaves an omitted optional argument in the middle empty and drops trailing ones", () => {
    expect(
      socinv.REPAYMENT({ disbursements: "Projekt!$C$5:$L$5", savings: "C7:L9", share: "$B$3", lag: "$B$4", decimals: 0 }),
    ).toBe("SOCINV.REPAYMENT(Projekt!$C$5:$L$5,C7:L9,$B$3,,$B$4,0)");
    expect(socinv.NETEFFECT({ gross: "A1:J1", dropoff: 0.1 })).toBe("SOCINV.NETEFFECT(A1:J1,,,,0.1)");
    expect(socinv.REPAYMENT({ disbursements: "A1:J1", savings: "A2:J3" })).toBe("SOCINV.REPAYMENT(A1:J1,A2:J3)");
    expect(socinv.FUNDBALANCE({ opening: 0, contributions: "A1:J1", disbursements: "A2:J2", repayments: "SUM(A3:J3)" })).toBe(
      "SOCINV.FUNDBALANCE(0,A1:J1,A2:J2,SUM(A3:J3))",
    );
  });

  it("refuses to write a call without a required argument (a type error, and at run time too)", () => {
    // @ts-expect-error savings is required
    expect(() => socinv.BCR({ investment: "A1:J1", rate: 0 })).toThrow(/savings/);
  });
});
