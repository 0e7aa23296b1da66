/**
 * The pure core of a change in place (issue 10 items 2, 3): carryValues and nextBudgetYear, by hand and
 * as properties over random models and random structural changes.
 */
import fc from "fast-check";
import { carryValues, nextBudgetYear } from "../../src/taskpane/model/change";
import { validateAnswers, type CostAnswer, type ModelAnswers } from "../../src/taskpane/model/answers";
import { smallModel } from "../support/modelWorkbook";

const amount = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((x) => x / 1000);

/** A model with P projects, A actors and N years, every series random; some outcomes typed. */
const model = fc
  .record({ P: fc.integer({ min: 1, max: 4 }), A: fc.integer({ min: 1, max: 4 }), N: fc.integer({ min: 1, max: 8 }), firstYear: fc.integer({ min: 2000, max: 2040 }) })
  .chain(({ P, A, N, firstYear }) =>
    fc.record({
      firstYear: fc.constant(firstYear),
      disbursements: fc.array(fc.array(amount, { minLength: N, maxLength: N }), { minLength: P, maxLength: P }),
      costs: fc.array(
        fc.record({
          baseline: fc.array(amount, { minLength: N, maxLength: N }),
          intervention: fc.array(amount, { minLength: N, maxLength: N }),
          outcome: fc.option(fc.array(fc.option(amount, { nil: null }), { minLength: N, maxLength: N }), { nil: undefined }),
          transfer: fc.boolean(),
        }),
        { minLength: P * A, maxLength: P * A },
      ),
      A: fc.constant(A),
    }),
  )
  .map(({ firstYear, disbursements, costs, A }): ModelAnswers => {
    const actors = Array.from({ length: A }, (_, a) => ({ name: `A${a}`, principal: "kommun" as const, cashableShare: 1 }));
    const projects = disbursements.map((d, p) => ({ name: `P${p}`, owner: "A0", disbursements: d, cofinancingShare: 0 }));
    return {
      ...smallModel({ actors, projects }),
      firstYear,
      years: disbursements[0].length,
      costs: costs.map((c, i): CostAnswer => ({
        project: `P${Math.floor(i / A)}`,
        actor: `A${i % A}`,
        baseline: c.baseline,
        intervention: c.intervention,
        ...(c.transfer ? { transfer: true } : {}),
        ...(c.outcome ? { outcome: c.outcome } : {}),
      })),
    };
  });

/** A structural change: projects and actors kept or dropped, new ones added, the years moved at either end. */
const change = fc.record({
  keepProject: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  keepActor: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  newProjects: fc.integer({ min: 0, max: 2 }),
  newActors: fc.integer({ min: 0, max: 2 }),
  startShift: fc.integer({ min: -3, max: 3 }),
  endShift: fc.integer({ min: -3, max: 3 }),
  discountRate: fc.double({ min: 0, max: 0.1, noNaN: true }),
});

function applied(current: ModelAnswers, c: ChangeShape): ModelAnswers {
  const firstYear = current.firstYear + c.startShift;
  const years = Math.max(1, current.years - c.startShift + c.endShift);
  const actors = [...current.actors.filter((_, i) => c.keepActor[i] || i === 0), ...Array.from({ length: c.newActors }, (_, i) => ({ name: `New actor ${i}`, principal: "region" as const, cashableShare: 1 }))];
  const projects = [
    ...current.projects.filter((_, i) => c.keepProject[i]),
    ...Array.from({ length: c.newProjects }, (_, i) => ({ name: `New project ${i}`, owner: "A0", disbursements: new Array<number>(years).fill(7), cofinancingShare: 0 })),
  ];
  return { ...current, firstYear, years, actors, projects, discountRate: c.discountRate, costs: undefined };
}
type ChangeShape = { keepProject: boolean[]; keepActor: boolean[]; newProjects: number; newActors: number; startShift: number; endShift: number; discountRate: number };

describe("carryValues", () => {
  test("by hand: the first year moved one earlier and a year added: 2025's values stay at 2025, 2024 and 2029 are new", () => {
    const current: ModelAnswers = {
      ...smallModel({ actors: [{ name: "Soc", principal: "kommun", cashableShare: 1 }], projects: [{ name: "P", owner: "Soc", disbursements: [1, 2, 3, 4], cofinancingShare: 0 }] }),
      costs: [{ project: "P", actor: "Soc", baseline: [10, 20, 30, 40], intervention: [5, 5, 5, 5], outcome: [null, 9, null, null] }],
    };
    const next = carryValues(current, { ...current, firstYear: 2024, years: 6, costs: undefined });
    // Year index 0 is now 2024 (new: zeros), 1..4 are 2025..2028 as before, 5 is 2029 (new).
    expect(next.projects[0].disbursements).toEqual([0, 1, 2, 3, 4, 0]);
    expect(next.costs).toEqual([{ project: "P", actor: "Soc", baseline: [0, 10, 20, 30, 40, 0], intervention: [0, 5, 5, 5, 5, 0], outcome: [null, null, 9, null, null, null] }]);
  });

  test("by hand: the form's disbursements apply when the years stay; a removed actor's costs leave", () => {
    const current: ModelAnswers = {
      ...smallModel({
        actors: [{ name: "Soc", principal: "kommun", cashableShare: 1 }, { name: "Reg", principal: "region", cashableShare: 1 }],
        projects: [{ name: "P", owner: "Soc", disbursements: [1, 2, 3, 4], cofinancingShare: 0 }],
      }),
      costs: [
        { project: "P", actor: "Soc", baseline: [1, 1, 1, 1], intervention: [0, 0, 0, 0] },
        { project: "P", actor: "Reg", baseline: [2, 2, 2, 2], intervention: [0, 0, 0, 0] },
      ],
    };
    const next = carryValues(current, { ...current, actors: [current.actors[0]], projects: [{ ...current.projects[0], disbursements: [9, 9, 9, 9] }], costs: undefined });
    expect(next.projects[0].disbursements).toEqual([9, 9, 9, 9]);
    expect(next.costs!.map((c) => c.actor)).toEqual(["Soc"]);
  });

  test("property: every value of a pair and year in both models is carried unchanged; new places are blank; scalars follow the form", () => {
    fc.assert(
      fc.property(model, change, (current, c) => {
        const next = carryValues(current, applied(current, c));
        const yearOf = (t: number) => next.firstYear + t;
        const oldIndex = (year: number) => year - current.firstYear;
        const inOld = (year: number) => oldIndex(year) >= 0 && oldIndex(year) < current.years;
        expect(next.discountRate).toBe(c.discountRate);
        for (const project of next.projects) {
          expect(project.disbursements).toHaveLength(next.years);
          const before = current.projects.find((p) => p.name === project.name);
          project.disbursements.forEach((x, t) => {
            if (!before) return expect(x).toBe(7);
            expect(x).toBe(inOld(yearOf(t)) ? before.disbursements[oldIndex(yearOf(t))] : 0);
          });
        }
        const names = { p: new Set(next.projects.map((p) => p.name)), a: new Set(next.actors.map((a) => a.name)) };
        for (const cost of next.costs ?? []) {
          expect(names.p.has(cost.project) && names.a.has(cost.actor)).toBe(true);
          const before = current.costs!.find((x) => x.project === cost.project && x.actor === cost.actor)!;
          expect(cost.transfer ?? false).toBe(before.transfer ?? false);
          for (const part of ["baseline", "intervention"] as const) {
            expect(cost[part]).toHaveLength(next.years);
            cost[part].forEach((x, t) => expect(x).toBe(inOld(yearOf(t)) ? before[part][oldIndex(yearOf(t))] : 0));
          }
          (cost.outcome ?? new Array<null>(next.years).fill(null)).forEach((x, t) =>
            expect(x).toBe(inOld(yearOf(t)) && before.outcome ? before.outcome[oldIndex(yearOf(t))] : null),
          );
        }
        // Every pair that stays keeps its row; nothing is invented for new pairs (they start as zeros in the plan).
        const kept = current.costs!.filter((x) => names.p.has(x.project) && names.a.has(x.actor));
        expect((next.costs ?? []).length).toBe(kept.length);
        // Every number carried is finite (nothing NaN, nothing undefined in a series).
        const series = [...next.projects.map((p) => p.disbursements), ...(next.costs ?? []).flatMap((x) => [x.baseline, x.intervention])];
        expect(series.every((s) => s.every((x) => Number.isFinite(x)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test("property: a change that changes nothing gives back the same values", () => {
    fc.assert(
      fc.property(model, (current) => {
        const next = carryValues(current, { ...current, costs: undefined });
        expect(next.projects).toEqual(current.projects);
        expect(next.costs).toEqual(current.costs!.map((c) => (c.outcome && c.outcome.some((x) => x !== null) ? c : (({ outcome: _o, ...rest }) => rest)(c))));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("nextBudgetYear", () => {
  test("property: one year more, the new year equal to the year before, earlier years unchanged, the new year marked", () => {
    fc.assert(
      fc.property(model, (current) => {
        const next = nextBudgetYear(current);
        expect(next.years).toBe(current.years + 1);
        expect(next.assumedYears).toEqual([current.firstYear + current.years]);
        next.projects.forEach((p, i) => expect(p.disbursements).toEqual([...current.projects[i].disbursements, current.projects[i].disbursements[current.years - 1]]));
        next.costs!.forEach((c, i) => {
          const before = current.costs![i];
          expect(c.baseline).toEqual([...before.baseline, before.baseline[current.years - 1]]);
          expect(c.intervention).toEqual([...before.intervention, before.intervention[current.years - 1]]);
          if (before.outcome) expect(c.outcome).toEqual([...before.outcome, null]);
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the model's name (item 4)", () => {
  const answers = smallModel({ actors: [{ name: "Soc", principal: "kommun", cashableShare: 1 }], projects: [{ name: "P", owner: "Soc", disbursements: [1, 0, 0, 0], cofinancingShare: 0 }] });
  test.each([["Budget 2026", 0], ["a/b", 1], ["[x]", 1], ["'x", 1], ["x".repeat(21), 1], ["x".repeat(20), 0]])("%s: %d problems", (name, count) => {
    expect(validateAnswers({ ...answers, name }, "sv").filter((p) => p.field === "name")).toHaveLength(count);
  });
});
