/**
 * The pure core of a change in place (issue 10 items 2, 3): carryValues and nextBudgetYear, by hand and
 * as properties over random models and random structural changes.
 */
import fc from "fast-check";
import { carryValues, nextBudgetYear } from "../../src/taskpane/model/change";
import { validateAnswers, type ModelAnswers } from "../../src/taskpane/model/answers";
import { effectRows, type EffectAnswer } from "../../src/taskpane/model/effects";
import { smallModel } from "../support/modelWorkbook";

const amount = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((x) => x / 1000);

const fraction = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);

/** A model with P projects, A actors and N years: effects of every kind on a random subset of the pairs, every series random; some outcomes typed. */
const model = fc
  .record({ P: fc.integer({ min: 1, max: 4 }), A: fc.integer({ min: 1, max: 4 }), N: fc.integer({ min: 1, max: 8 }), firstYear: fc.integer({ min: 2000, max: 2040 }) })
  .chain(({ P, A, N, firstYear }) => {
    const series = fc.array(amount, { minLength: N, maxLength: N });
    return fc.record({
      firstYear: fc.constant(firstYear),
      disbursements: fc.array(series, { minLength: P, maxLength: P }),
      effects: fc.array(
        fc.option(
          fc.record({
            kind: fc.constantFrom("saving" as const, "costs" as const, "volume" as const),
            a: series,
            b: series,
            unitCost: fc.oneof(fc.constant("sisTreatmentOpen" as const), amount),
            outcome: fc.option(fc.array(fc.option(amount, { nil: null }), { minLength: N, maxLength: N }), { nil: undefined }),
            transfer: fc.boolean(),
            deadweight: fraction,
            attribution: fraction,
          }),
          { nil: null },
        ),
        { minLength: P * A, maxLength: P * A },
      ),
      bias: fc.array(fraction, { minLength: P, maxLength: P }),
      A: fc.constant(A),
    });
  })
  .map(({ firstYear, disbursements, effects, bias, A }): ModelAnswers => {
    const actors = Array.from({ length: A }, (_, a) => ({ name: `A${a}`, principal: "kommun" as const, cashableShare: 1 }));
    const projects = disbursements.map((d, p) => ({ name: `P${p}`, owner: "A0", disbursements: d, cofinancingShare: 0 }));
    return {
      ...smallModel({ actors, projects }),
      firstYear,
      years: disbursements[0].length,
      effects: effects.flatMap((e, i): EffectAnswer[] => {
        if (!e) return [];
        const common = {
          project: `P${Math.floor(i / A)}`,
          actor: `A${i % A}`,
          deadweight: e.deadweight,
          attribution: e.attribution,
          ...(e.transfer ? { transfer: true } : {}),
          ...(e.outcome ? { outcome: e.outcome } : {}),
        };
        if (e.kind === "saving") return [{ ...common, kind: "saving", saving: e.a }];
        if (e.kind === "costs") return [{ ...common, kind: "costs", baseline: e.a, intervention: e.b }];
        return [{ ...common, kind: "volume", volume: e.a, unitCost: e.unitCost }];
      }),
      optimismBias: projects.map((p, i) => ({ project: p.name, uplift: bias[i] })),
    };
  });

/** The series of an effect by name (saving; baseline and intervention; volume). */
const seriesOf = (e: EffectAnswer): Record<string, readonly number[]> =>
  e.kind === "saving" ? { saving: e.saving } : e.kind === "costs" ? { baseline: e.baseline, intervention: e.intervention } : { volume: e.volume };

/** A structural change: projects and actors kept or dropped, new ones added (with an effect from the form), the years moved at either end. */
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
  const added = Array.from({ length: c.newProjects }, (_, i) => `New project ${i}`);
  const projects = [
    ...current.projects.filter((_, i) => c.keepProject[i]),
    ...added.map((name) => ({ name, owner: "A0", disbursements: new Array<number>(years).fill(7), cofinancingShare: 0 })),
  ];
  // The form holds the effects as read (the old years) plus one for each new project.
  const effects: EffectAnswer[] = [...(current.effects ?? []), ...added.map((project): EffectAnswer => ({ kind: "saving", project, actor: "A0", saving: new Array<number>(years).fill(7) }))];
  return { ...current, firstYear, years, actors, projects, discountRate: c.discountRate, effects };
}
type ChangeShape = { keepProject: boolean[]; keepActor: boolean[]; newProjects: number; newActors: number; startShift: number; endShift: number; discountRate: number };

describe("carryValues", () => {
  test("by hand: the first year moved one earlier and a year added: 2025's values stay at 2025, 2024 and 2029 are new (older cost rows become effects)", () => {
    const current: ModelAnswers = {
      ...smallModel({ actors: [{ name: "Soc", principal: "kommun", cashableShare: 1 }], projects: [{ name: "P", owner: "Soc", disbursements: [1, 2, 3, 4], cofinancingShare: 0 }] }),
      costs: [{ project: "P", actor: "Soc", baseline: [10, 20, 30, 40], intervention: [5, 5, 5, 5], outcome: [null, 9, null, null] }],
    };
    const next = carryValues(current, { ...current, firstYear: 2024, years: 6, costs: undefined });
    // Year index 0 is now 2024 (new: zeros), 1..4 are 2025..2028 as before, 5 is 2029 (new).
    expect(next.projects[0].disbursements).toEqual([0, 1, 2, 3, 4, 0]);
    expect(next.costs).toBeUndefined();
    expect(next.effects).toEqual([{ kind: "costs", project: "P", actor: "Soc", baseline: [0, 10, 20, 30, 40, 0], intervention: [0, 5, 5, 5, 5, 0], outcome: [null, null, 9, null, null, null] }]);
  });

  test("by hand: the form's series apply when the years stay; a removed actor's effects leave; a linked unit cost stays linked", () => {
    const current: ModelAnswers = {
      ...smallModel({
        actors: [{ name: "Soc", principal: "kommun", cashableShare: 1 }, { name: "Reg", principal: "region", cashableShare: 1 }],
        projects: [{ name: "P", owner: "Soc", disbursements: [1, 2, 3, 4], cofinancingShare: 0 }],
      }),
      effects: [
        { kind: "volume", project: "P", actor: "Soc", volume: [1, 1, 1, 1], unitCost: "sisTreatmentOpen", deadweight: 0.2, outcome: [null, null, 4, null] },
        { kind: "saving", project: "P", actor: "Reg", saving: [2, 2, 2, 2] },
      ],
    };
    const form: ModelAnswers = {
      ...current,
      actors: [current.actors[0]],
      projects: [{ ...current.projects[0], disbursements: [9, 9, 9, 9] }],
      // The form does not show typed outcomes: what it holds is ignored, the sheets' are kept.
      effects: [{ kind: "volume", project: "P", actor: "Soc", volume: [3, 3, 3, 3], unitCost: "sisTreatmentOpen", deadweight: 0.3 }, current.effects![1]],
    };
    const next = carryValues(current, form);
    expect(next.projects[0].disbursements).toEqual([9, 9, 9, 9]);
    expect(next.effects).toEqual([{ kind: "volume", project: "P", actor: "Soc", volume: [3, 3, 3, 3], unitCost: "sisTreatmentOpen", deadweight: 0.3, outcome: [null, null, 4, null] }]);
  });

  test("property: every value of an effect and year in both models is carried unchanged; new places are blank; scalars follow the form", () => {
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
        for (const effect of next.effects ?? []) {
          expect(names.p.has(effect.project) && names.a.has(effect.actor)).toBe(true);
          const before = current.effects!.find((x) => x.project === effect.project && x.actor === effect.actor);
          if (!before) {
            expect(effect).toEqual({ kind: "saving", project: effect.project, actor: "A0", saving: new Array<number>(next.years).fill(7) });
            continue;
          }
          expect(effect.kind).toBe(before.kind);
          expect(effect.transfer ?? false).toBe(before.transfer ?? false);
          expect([effect.deadweight, effect.attribution]).toEqual([before.deadweight, before.attribution]);
          if (effect.kind === "volume" && before.kind === "volume") expect(effect.unitCost).toBe(before.unitCost);
          const old = seriesOf(before);
          for (const [part, values] of Object.entries(seriesOf(effect))) {
            expect(values).toHaveLength(next.years);
            values.forEach((x, t) => expect(x).toBe(inOld(yearOf(t)) ? old[part][oldIndex(yearOf(t))] : 0));
          }
          (effect.outcome ?? new Array<null>(next.years).fill(null)).forEach((x, t) =>
            expect(x).toBe(inOld(yearOf(t)) && before.outcome ? before.outcome[oldIndex(yearOf(t))] : null),
          );
        }
        // Every effect that stays keeps its row, each new project gets the form's; nothing else is invented.
        const kept = current.effects!.filter((x) => names.p.has(x.project) && names.a.has(x.actor));
        expect((next.effects ?? []).length).toBe(kept.length + c.newProjects);
        expect(next.optimismBias!.map((o) => o.project)).toEqual(current.optimismBias!.filter((o) => names.p.has(o.project)).map((o) => o.project));
        // Every number carried is finite (nothing NaN, nothing undefined in a series).
        const series = [...next.projects.map((p) => p.disbursements), ...(next.effects ?? []).flatMap((e) => Object.values(seriesOf(e)))];
        expect(series.every((s) => s.every((x) => Number.isFinite(x)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test("property: a change that changes nothing gives back the same values", () => {
    fc.assert(
      fc.property(model, (current) => {
        const next = carryValues(current, current);
        expect(next.projects).toEqual(current.projects);
        expect(next.optimismBias).toEqual(current.optimismBias);
        // An outcome row with no typed year is the plan's: no outcome field.
        const plain = (e: EffectAnswer) => (e.outcome && e.outcome.some((x) => x !== null) ? e : (({ outcome: _o, ...rest }) => rest)(e));
        expect(next.effects).toEqual(current.effects!.map(plain));
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
        const before = effectRows(current, current.actors.map((a) => a.name));
        expect(next.effects).toHaveLength(before.length);
        next.effects!.forEach((e, i) => {
          expect(e.kind).toBe(before[i].kind);
          const old = seriesOf(before[i]);
          for (const [part, values] of Object.entries(seriesOf(e))) expect(values).toEqual([...old[part], old[part][current.years - 1]]);
          if (before[i].outcome) expect(e.outcome).toEqual([...before[i].outcome!, null]);
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
