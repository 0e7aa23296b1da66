/**
 * Behaviour pinned: answers → plan, without Office. Sheet and table names per language; every formula
 * refers to cells the plan fills (written or spilled) on sheets of the model; no write, table or other
 * spill lands in a spill area; only functions both Excel and HyperFormula know; inputs look like inputs.
 */
import fc from "fast-check";
import { PRINCIPALS, type Principal } from "../../src/engine/vocabulary";
import type { Language } from "../../src/i18n/language";
import { contains, overlaps, parseArea, type Area } from "../../src/taskpane/model/a1";
import { decimalsForUnit, defaultAnswers, type ModelAnswers, type RepaymentModel } from "../../src/taskpane/model/answers";
import { exampleAnswers } from "../../src/taskpane/model/example";
import { buildPlan, type ModelPlan } from "../../src/taskpane/model/plan";

const ALLOWED_FUNCTIONS = new Set([
  "SUM", "SUMIF", "COUNTIF", "COUNT", "MIN", "MAX", "INDEX", "MATCH", "IF", "AND", "IFNA",
  "SOCINV.REPAYMENT", "SOCINV.REPAYMENTPLAN", "SOCINV.FUNDBALANCE", "SOCINV.LIFECYCLE",
  "SOCINV.NETBENEFIT", "SOCINV.NETEFFECT", "SOCINV.BCR", "SOCINV.PAYBACK", "SOCINV.DISCOUNT", "ISNUMBER", "ROUNDUP", "ISERROR", "ABS", "OR", "COUNTBLANK", "ISTEXT",
]);

interface Reference { sheet: string; area: Area; text: string }

/** The references of a formula, string literals removed; unqualified ones belong to `home`. */
function referencesOf(formula: string, home: string): Reference[] {
  const code = formula.replace(/"[^"]*"/g, '""');
  const pattern = /(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?(?<![A-Za-z0-9_.$])(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(])/g;
  const out: Reference[] = [];
  for (const m of code.matchAll(pattern)) {
    const sheet = m[1]?.replace(/''/g, "'") ?? m[2] ?? home;
    out.push({ sheet, area: parseArea(m[3]), text: m[0] });
  }
  return out;
}

function functionsOf(formula: string): string[] {
  const code = formula.replace(/"[^"]*"/g, '""');
  return [...code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
}

function filled(plan: ModelPlan): Map<string, Area[]> {
  return new Map(plan.sheets.map((s) => [s.name, [...s.writes.map((w) => parseArea(w.address)), ...s.spills.map((x) => ({ ...parseArea(x.anchor), rows: x.rows, columns: x.columns }))]]));
}

/** Every formula reference that leaves the model's sheets or includes a cell the plan does not fill. */
function referenceProblems(plan: ModelPlan, areas: Map<string, Area[]>): string[] {
  const problems: string[] = [];
  // Each checked reference once per sheet (the same ranges recur in every year's formula).
  const checked = new Set<string>();
  for (const sheet of plan.sheets) {
    for (const write of sheet.writes) {
      const origin = parseArea(write.address);
      write.formulas.forEach((row, r) =>
        row.forEach((x, c) => {
          if (typeof x !== "string" || !x.startsWith("=")) return;
          for (const ref of referencesOf(x, sheet.name)) {
            const target = areas.get(ref.sheet);
            const key = `${ref.sheet}!${ref.area.row},${ref.area.column},${ref.area.rows},${ref.area.columns}`;
            if (target && checked.has(key)) continue;
            checked.add(key);
            if (!target) {
              problems.push(`${sheet.name}!R${origin.row + r + 1}C${origin.column + c + 1}: unknown sheet in ${ref.text}`);
              continue;
            }
            for (let i = 0; i < ref.area.rows; i++)
              for (let j = 0; j < ref.area.columns; j++)
                if (!target.some((a) => contains(a, ref.area.row + i, ref.area.column + j))) {
                  problems.push(`${sheet.name}!R${origin.row + r + 1}C${origin.column + c + 1}: ${ref.text} includes an empty cell`);
                  i = ref.area.rows;
                  break;
                }
          }
        }),
      );
    }
  }
  return problems;
}

/** Writes that overlap each other, or any write but the anchor in a spill area. */
function overlapProblems(plan: ModelPlan): string[] {
  const problems: string[] = [];
  for (const sheet of plan.sheets) {
    const written = sheet.writes.map((w) => parseArea(w.address));
    written.forEach((x, i) => written.forEach((y, j) => {
      if (i < j && overlaps(x, y)) problems.push(`${sheet.name}: ${sheet.writes[i].address} overlaps ${sheet.writes[j].address}`);
    }));
    for (const spill of sheet.spills) {
      const area = { ...parseArea(spill.anchor), rows: spill.rows, columns: spill.columns };
      written.forEach((w, i) => {
        if (overlaps(w, area) && sheet.writes[i].address !== spill.anchor) problems.push(`${sheet.name}: ${sheet.writes[i].address} in the spill of ${spill.anchor}`);
      });
    }
  }
  return problems;
}

const models: RepaymentModel[] = ["fundBearsRisk", "administrationBearsRisk", "pooled", "key"];
const cases: [string, ModelAnswers, Language][] = [
  ...models.map((m): [string, ModelAnswers, Language] => [`example, ${m}, sv`, { ...exampleAnswers("sv"), repaymentModel: m }, "sv"]),
  ["default, en", defaultAnswers("en", new Date(2025, 0, 1)), "en"],
  ["default with key model, sv", { ...defaultAnswers("sv", new Date(2025, 0, 1)), repaymentModel: "key" }, "sv"],
];

describe.each(cases)("plan of %s", (_, answers, language) => {
  const plan = buildPlan(answers, language);
  const areas = filled(plan);

  test("every formula refers to filled cells of the model's own sheets", () => {
    expect(referenceProblems(plan, areas)).toEqual([]);
  });

  test("only functions that Excel and HyperFormula both know", () => {
    const used = new Set(plan.sheets.flatMap((s) => s.writes.flatMap((w) => w.formulas.flat().filter((x): x is string => typeof x === "string" && x.startsWith("=")).flatMap(functionsOf))));
    expect([...used].filter((f) => !ALLOWED_FUNCTIONS.has(f))).toEqual([]);
    expect(used.has("SOCINV.FUNDBALANCE")).toBe(true);
  });

  test("spill areas are free: no write but the anchor, no table, no other spill", () => {
    for (const sheet of plan.sheets) {
      sheet.spills.forEach((spill, i) => {
        const area = { ...parseArea(spill.anchor), rows: spill.rows, columns: spill.columns };
        const anchor = parseArea(spill.anchor);
        for (const w of sheet.writes) {
          const wa = parseArea(w.address);
          const isAnchor = wa.row === anchor.row && wa.column === anchor.column && wa.rows === 1 && wa.columns === 1;
          if (!isAnchor) expect({ sheet: sheet.name, write: w.address, overlaps: overlaps(wa, area) }).toEqual({ sheet: sheet.name, write: w.address, overlaps: false });
        }
        for (const t of sheet.tables) expect(overlaps(parseArea(t.address), area)).toBe(false);
        sheet.spills.forEach((other, j) => {
          if (j !== i) expect(overlaps({ ...parseArea(other.anchor), rows: other.rows, columns: other.columns }, area)).toBe(false);
        });
      });
    }
  });

  test("writes do not overlap each other and tables do not overlap", () => {
    for (const sheet of plan.sheets) {
      const written = sheet.writes.map((w) => parseArea(w.address));
      written.forEach((a, i) => written.forEach((b, j) => {
        if (i < j && overlaps(a, b)) throw new Error(`${sheet.name}: ${sheet.writes[i].address} overlaps ${sheet.writes[j].address}`);
      }));
      const tables = sheet.tables.map((t) => parseArea(t.address));
      tables.forEach((a, i) => tables.forEach((b, j) => expect(i < j && overlaps(a, b)).toBe(false)));
    }
  });

  test("every table's cells are written, with a header row and input-styled data (outcome: input formulas)", () => {
    for (const sheet of plan.sheets) {
      for (const table of sheet.tables) {
        const area = parseArea(table.address);
        const header = sheet.writes.find((w) => { const a = parseArea(w.address); return a.row === area.row && contains(a, area.row, area.column); });
        expect(header?.role).toBe("header");
        if (table.key === "parameters") continue; // labels and fixed values beside the inputs
        const dataWrites = sheet.writes.filter((w) => overlaps(parseArea(w.address), { ...area, row: area.row + 1, rows: area.rows - 1 }));
        expect(dataWrites.length).toBeGreaterThan(0);
        // Data is input; the label columns (project, actor) of the Kostnader tables are formulas on the names,
        // the effects table's kind is a label, the volume table names where its unit cost comes from, and the
        // unit-cost table computes its uplift (columns E:G).
        const costTables = ["baseline", "intervention", "outcome", "effects", "savingInput", "volume", "optimismBias"];
        const expectedRole = (column: number) => {
          if (column < (table.key === "optimismBias" ? 1 : 2) && costTables.includes(table.key)) return "formula";
          if (table.key === "effects" && column === 2) return "label";
          if (table.key === "volume" && column === area.column + area.columns - 1) return "formula";
          if (table.key === "unitCosts" && column >= 4 && column <= 6) return "formula";
          return "input";
        };
        for (const w of dataWrites) {
          expect({ table: table.key, at: w.address, role: w.role }).toEqual({ table: table.key, at: w.address, role: expectedRole(parseArea(w.address).column) });
        }
      }
    }
  });
});

describe("the reference reader used above", () => {
  test("finds qualified, quoted and local references and skips function names and strings", () => {
    const refs = referencesOf(`=SUMIF('Fond (2)'!$B$5:$B$9,A1,Fond!C5:C9)+IF(B2="X9",1,0)`, "Home");
    expect(refs.map((r) => [r.sheet, r.area.row, r.area.column, r.area.rows, r.area.columns])).toEqual([
      ["Fond (2)", 4, 1, 5, 1],
      ["Home", 0, 0, 1, 1],
      ["Fond", 4, 2, 5, 1],
      ["Home", 1, 1, 1, 1],
    ]);
  });
});

describe("sheet and table names follow the language", () => {
  test("Swedish", () => {
    const plan = buildPlan(exampleAnswers("sv"), "sv");
    expect(plan.sheets.map((s) => s.name)).toEqual(["Parametrar", "Aktörer", "Projekt", "Kostnader", "Återföring", "Fond", "Resultat", "Enhetskostnader"]);
    expect(plan.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual([
      "Parametrar", "Aktörer", "Projekt", "Effekter", "Utgångsläge", "Insatskostnad", "Utfall", "Optimismjustering", "Enhetskostnader", "Prisindex",
    ]);
  });
  test.each<Language>(["sv", "en"])("every table name is one Excel accepts (%s)", (language) => {
    // Microsoft's syntax rules for names: a letter, "_" or "\" first; then letters, digits, "." and "_";
    // no spaces; at most 255 characters; not a cell reference and not R or C. "Letter" is any Unicode letter.
    const names = buildPlan(exampleAnswers(language), language).sheets.flatMap((s) => s.tables.map((t) => t.name));
    for (const name of names) {
      expect(name).toMatch(/^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u);
      expect(name).not.toMatch(/^[A-Za-z]{1,3}\d+$|^[RrCc]$/);
    }
    // And a name the rule refuses is refused by the check above (so the check can fail).
    expect("Utgångs läge").not.toMatch(/^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u);
    expect("AB12").toMatch(/^[A-Za-z]{1,3}\d+$|^[RrCc]$/);
  });
  test("English", () => {
    const plan = buildPlan(exampleAnswers("en"), "en");
    expect(plan.sheets.map((s) => s.name)).toEqual(["Parameters", "Actors", "Projects", "Costs", "Repayment", "Fund", "Results", "Unit costs"]);
    expect(plan.sheets.flatMap((s) => s.charts.map((c) => c.kind))).toEqual(["columnStacked", "line", "line", "columnClustered"]);
  });
  test("free names given by the builder are used in every cross-sheet reference", () => {
    const plan = buildPlan(exampleAnswers("sv"), "sv", { sheets: { fund: "Fond (2)", parameters: "Parametrar (2)" } });
    const fund = plan.sheets.find((s) => s.key === "fund")!;
    expect(fund.name).toBe("Fond (2)");
    const all = plan.sheets.flatMap((s) => s.writes.flatMap((w) => w.formulas.flat())).filter((x): x is string => typeof x === "string");
    expect(all.some((x) => x.includes("'Parametrar (2)'!$B$"))).toBe(true);
    expect(all.some((x) => /'Parametrar'!/.test(x))).toBe(false);
  });
});

describe("rounding of repayments: whole kronor in the model's unit", () => {
  const decimalsCell = (plan: ModelPlan) => {
    const parameters = plan.sheets.find((s) => s.key === "parameters")!;
    const label = parameters.writes.find((w) => w.formulas[0][0] === "Avrundning (decimaler)")!;
    const at = parseArea(label.address);
    const value = parameters.writes.find((w) => { const a = parseArea(w.address); return a.row === at.row && a.column === 1; })!;
    return { value: value.formulas[0][0], role: value.role, absolute: `'Parametrar'!$B$${at.row + 1}` };
  };
  test.each([["kr", 0], ["tkr", 3], ["Mkr", 6]] as const)("%s → %p decimals, a visible input cell every REPAYMENT and REPAYMENTPLAN reads", (unit, decimals) => {
    expect(decimalsForUnit(unit)).toBe(decimals);
    const plan = buildPlan({ ...exampleAnswers("sv"), unit }, "sv");
    const cell = decimalsCell(plan);
    expect([cell.value, cell.role]).toEqual([decimals, "input"]);
    const formulas = plan.sheets.flatMap((s) => s.writes.flatMap((w) => w.formulas.flat())).filter((x): x is string => typeof x === "string" && /SOCINV\.REPAYMENT(PLAN)?\(/.test(x));
    // 3 projects × (plan + outcome) REPAYMENT + 3 key REPAYMENTPLAN; each ends with the decimals cell.
    expect(formulas).toHaveLength(9);
    for (const f of formulas) expect(f.endsWith(`,${cell.absolute})`)).toBe(true);
  });
});

describe("what the example workbook says", () => {
  const plan = buildPlan(exampleAnswers("sv"), "sv");
  const texts = plan.sheets.flatMap((s) => s.writes.flatMap((w) => w.formulas.flat())).filter((x): x is string => typeof x === "string");
  test("is labelled illustrative, not Ale's accounts, on every sheet", () => {
    for (const sheet of plan.sheets) expect(sheet.writes.some((w) => w.role === "warning" && w.formulas[0][0] === "Illustrativa siffror – inte Ale kommuns räkenskaper")).toBe(true);
  });
  test("names the chosen repayment model and shows payback as 'ej inom perioden' when not reached", () => {
    expect(texts).toContain("Vald modell: Fördelningsnyckel (dubbelmodell): avbetalning fördelad efter ram");
    // IFNA, not IFERROR: only #N/A (no payback) becomes the text; other errors stay visible.
    expect(texts.filter((x) => x.includes('IFNA(SOCINV.PAYBACK(') && x.endsWith(',"ej inom perioden")'))).toHaveLength(4);
    expect(texts.some((x) => x.includes("IFERROR"))).toBe(false);
  });
  test("the key model repays each project's disbursed total over 5 years split by the frames of the actors that repay", () => {
    // Aktörer G7:G11: the frame where the principal is kommun, else 0 (so the principal cell decides who repays).
    expect(texts.filter((x) => x.startsWith("=SOCINV.REPAYMENTPLAN(SUM('Projekt'!D") && x.includes(",'Aktörer'!$G$7:$G$11,5,0,"))).toHaveLength(3);
    expect(texts.filter((x) => x.startsWith("=IF(B") && x.endsWith('="kommun",1,0)'))).toHaveLength(5);
  });
  test("the fund projection is one FUNDBALANCE over the disbursement and repayment matrices", () => {
    // Parametrar: header row 5, opening balance is the 12th parameter → B17; contributions row 6 of Fond;
    // 3 projects in Projekt rows 7–9, years D:M; the 5 actors' repayment rows in Återföring (zeros for the three
    // that are not the kommun's).
    expect(texts.filter((x) => x.startsWith("=SOCINV.FUNDBALANCE("))).toEqual([
      "=SOCINV.FUNDBALANCE('Parametrar'!$B$17,B6:K6,'Projekt'!D7:M9,'Återföring'!B102:K106)",
    ]);
  });
  test("a model without the key model has no REPAYMENTPLAN; pooled writes zeros as the fund's income", () => {
    const pooled = buildPlan({ ...exampleAnswers("en"), repaymentModel: "pooled" }, "en");
    const all = pooled.sheets.flatMap((s) => s.writes.flatMap((w) => w.formulas.flat()));
    expect(all.some((x) => typeof x === "string" && x.includes("REPAYMENTPLAN"))).toBe(false);
    expect(all).toContain("Pooled budget: no repayment (zeros).");
  });
});

describe("property: any small model's plan is consistent (1,000 random models)", () => {
  const principal = fc.constantFrom<Principal>(...PRINCIPALS);
  const answers = fc
    .record({
      years: fc.integer({ min: 2, max: 5 }),
      others: fc.array(principal, { maxLength: 3 }),
      administrations: fc.integer({ min: 1, max: 3 }),
      projects: fc.integer({ min: 1, max: 3 }),
      model: fc.constantFrom<RepaymentModel>("fundBearsRisk", "administrationBearsRisk", "pooled", "key"),
      keyYears: fc.integer({ min: 1, max: 7 }),
      language: fc.constantFrom<Language>("sv", "en"),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .map((x): [ModelAnswers, Language] => {
      const actors = [
        ...Array.from({ length: x.administrations }, (_, i) => ({ name: `F${i}`, principal: "kommun" as Principal, cashableShare: 1, frame: 100 + i })),
        ...x.others.map((p, i) => ({ name: `A${i}`, principal: p, cashableShare: 0.5 })),
      ];
      const series = (k: number) => Array.from({ length: x.years }, (_, t) => ((x.seed + 7 * k + 3 * t) % 11) * 10);
      return [
        {
          ...defaultAnswers(x.language, new Date(2025, 0, 1)),
          years: x.years,
          repaymentModel: x.model,
          keyYears: x.keyYears,
          actors,
          projects: Array.from({ length: x.projects }, (_, p) => ({
            name: `P${p}`,
            owner: actors[(x.seed + p) % actors.length].name,
            disbursements: series(p),
            cofinancingShare: ((x.seed + p) % 3) * 0.25,
          })),
          costs: actors.map((a, i) => ({ project: "P0", actor: a.name, baseline: series(i + 5), intervention: series(i + 9), transfer: i % 2 === 1 })),
        },
        x.language,
      ];
    });

  test("formulas refer to filled cells, writes never overlap or land in a spill, tables and validations sit on written cells", () => {
    fc.assert(
      fc.property(answers, ([a, language]) => {
        const plan = buildPlan(a, language);
        const areas = filled(plan);
        expect(referenceProblems(plan, areas)).toEqual([]);
        expect(overlapProblems(plan)).toEqual([]);
        for (const sheet of plan.sheets) {
          const written = areas.get(sheet.name)!;
          for (const v of [...(sheet.validations ?? []), ...(sheet.conditionalFormats ?? [])]) {
            const area = parseArea(v.address);
            expect(written.some((w) => contains(w, area.row, area.column))).toBe(true);
          }
        }
        // The anchors the tests and the pane read lie on filled cells.
        for (const where of [plan.anchors.fundProjection, plan.anchors.netBenefit, plan.anchors.checks, plan.anchors.balanceRequirement.yearResult]) {
          const area = parseArea(where.address);
          const sheetName = plan.sheets.find((x) => x.key === where.sheet)!.name;
          expect(areas.get(sheetName)!.some((w) => contains(w, area.row, area.column))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
    // About 20 ms a plan; the machine this runs on may be shared.
  }, 300_000);
});
