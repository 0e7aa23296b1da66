/**
 * Property: over random calls, the sheets the pane writes agree with the engine once recalculated in
 * HyperFormula: each application's check is "OK" exactly when the engine finds no broken rule, the
 * sheet's rank is the engine's, and the fund's projection with the stamped selection (the chosen
 * applications' expected repayments included) is the engine's, year by year, exactly. 40 runs, not 1,000: each run builds the workbook and recalculates it (~0.2 s);
 * the engine's own invariants have their 1,000-run properties in test/engine/selection/.
 * Integer scores 0–5 and weights 1–5 keep distinct weighted scores more than 1/625 apart, so the
 * sheet's 6-decimal rounding never makes a tie the engine does not have.
 */
import fc from "fast-check";
import type { HyperFormula } from "hyperformula";
import { installOfficeStandIn } from "../../../src/preview/workbookDouble";
import { buildCall, selectProjects } from "../../../src/taskpane/excel/call";
import { parseArea, range } from "../../../src/taskpane/model/a1";
import { defaultCallAnswers } from "../../../src/taskpane/model/call/answers";
import { callLayout } from "../../../src/taskpane/model/call/layout";
import { createSocinvWorkbook } from "../../support/hyperformula";

const read = (hf: HyperFormula, sheet: string, address: string): unknown[] => {
  const area = parseArea(address);
  const id = hf.getSheetId(sheet)!;
  return Array.from({ length: area.rows * area.columns }, (_, i) =>
    hf.getCellValue({ sheet: id, row: area.row + Math.floor(i / area.columns), col: area.column + (i % area.columns) }));
};

const N = 4;
const C = 3;
const SECTORS = ["Skola", "Vård", "skola", "Polis", ""];
const application = fc.record({
  sectors: fc.array(fc.constantFrom(...SECTORS), { minLength: 3, maxLength: 3 }),
  organisations: fc.array(fc.constantFrom("Kommunen", "Regionen", ""), { minLength: 3, maxLength: 3 }),
  cofinancing: fc.constantFrom(0.3, 0.49, 0.5, 0.7),
  requested: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 700 }).map((x) => x * 1000)), { minLength: N, maxLength: N }),
  repaid: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300_000 })), { minLength: N, maxLength: N }),
  scores: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: C, maxLength: C }),
});

test("the recalculated sheets agree with the engine: checks, ranks and the fund with the selection", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(application, { minLength: 1, maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: C, maxLength: C }),
      fc.integer({ min: 0, max: 2_000_000 }),
      async (applications, weights, opening) => {
        const standIn = installOfficeStandIn({ displayLanguage: "sv-SE" });
        const A = applications.length;
        await buildCall({
          ...defaultCallAnswers("sv", 2026), years: N, applications: A, opening, contribution: 300_000,
          criteria: weights.map((weight, c) => ({ name: `K${c + 1}`, weight })),
        }, "sv");
        const layout = callLayout({ A, C, N });
        await Excel.run(async (context) => {
          const rows = applications.map((a, i) => [`P${i + 1}`, "", "kommun", ...a.sectors, ...a.organisations, a.cofinancing, ...a.requested, ...a.scores, ...a.repaid]);
          context.workbook.worksheets.getItem("Ansökningar").getRange(range(layout.applications.row0, 0, A, rows[0].length)).values = rows;
          await context.sync();
        });
        const { decision } = await selectProjects("sv");
        const hf = createSocinvWorkbook(Object.fromEntries(standIn.workbook.sheets.map((s) => [s.name, s.contents()])));
        const k = layout.applications.columns;
        const column = (c: number) => read(hf, "Ansökningar", range(layout.applications.row0, c, A, 1));
        expect(column(k.check).map((x) => x === "OK")).toEqual(decision.failures.map((f) => f.length === 0));
        expect(column(k.rank)).toEqual(decision.rank);
        const projection = decision.selection.projection;
        const row = (key: Parameters<typeof layout.selection.projectionYears>[0]) => read(hf, "Urval", layout.selection.projectionYears(key)) as number[];
        expect(row("closing")).toEqual(projection.closing);
        // The sheet splits the repayments (already decided, from the chosen); together they are the engine's.
        expect(row("repayments").map((x, t) => x + row("selectedRepayments")[t])).toEqual(projection.repayments);
        expect(row("selected").map((x, t) => x + row("committed")[t])).toEqual(projection.disbursements);
        // The fund identity, on the sheet's own figures, every year.
        row("closing").forEach((closing, t) =>
          expect(row("opening")[t] + row("contributions")[t] - row("committed")[t] - row("selected")[t] + row("repayments")[t] + row("selectedRepayments")[t]).toBe(closing));
        expect(read(hf, "Urval", layout.selection.projectionYears("free")).every((x) => (x as number) >= 0)).toBe(decision.selection.feasible);
      },
    ),
    { numRuns: 40 },
  );
});
