/**
 * Issue 10, renames in the form: a project or actor renamed in the form (not in the sheet) is the same
 * row, so its typed values carry to the new name instead of being lost as "removed + added".
 */
import fc from "fast-check";
import type { ModelAnswers } from "../../src/taskpane/model/answers";
import { carryValues, followRenames, type Renames } from "../../src/taskpane/model/change";
import { livingModel } from "../support/livingModel";

/** The model as its sheets hold it: values the user typed there, which the form does not show. */
function sheets(): ModelAnswers {
  const a = livingModel();
  return {
    ...a,
    projects: a.projects.map((p, i) => ({ ...p, disbursements: [7 + i, 8, 9, 10] })),
    optimismBias: [{ project: "P1", uplift: 0.25 }, { project: "P2", uplift: 0.1 }],
  };
}

/** The same answers with names replaced (a plain renaming, no collisions: independent of followRenames). */
function renamed(a: ModelAnswers, actors: Map<string, string>, projects: Map<string, string>): ModelAnswers {
  const actor = (n: string) => actors.get(n) ?? n;
  const project = (n: string) => projects.get(n) ?? n;
  return {
    ...a,
    actors: a.actors.map((x) => ({ ...x, name: actor(x.name) })),
    projects: a.projects.map((p) => ({ ...p, name: project(p.name), owner: actor(p.owner) })),
    effects: a.effects?.map((e) => ({ ...e, project: project(e.project), actor: actor(e.actor) })),
    optimismBias: a.optimismBias?.map((o) => ({ ...o, project: project(o.project) })),
  };
}

test("a project and an actor renamed in the form keep the sheet's values; without the renames they were lost", () => {
  const current = sheets();
  // The form: P1 → "Projekt Ett", Soc → "Socialtjänsten", the first year moved back one (so the sheet's series are carried).
  const form = renamed({ ...livingModel(), firstYear: 2024, years: 5 }, new Map([["Soc", "Socialtjänsten"]]), new Map([["P1", "Projekt Ett"]]));
  const renames: Renames = { actors: [["Soc", "Socialtjänsten"]], projects: [["P1", "Projekt Ett"]] };
  const next = carryValues(followRenames(current, renames), form);
  const p1 = next.projects.find((p) => p.name === "Projekt Ett")!;
  // The sheet's 7, 8, 9, 10 for 2025–2028, and 0 for the new 2024.
  expect(p1).toMatchObject({ owner: "Socialtjänsten", disbursements: [0, 7, 8, 9, 10] });
  expect(next.optimismBias!.find((o) => o.project === "Projekt Ett")!.uplift).toBe(0.25);
  const effect = next.effects!.find((e) => e.project === "Projekt Ett" && e.actor === "Socialtjänsten")!;
  expect(effect).toMatchObject({ kind: "costs", baseline: [0, 10, 20, 30, 40], intervention: [0, 1, 2, 3, 4] });
  // Matched by name alone, the renamed project was a new one: the form's series (100, 100, 0, 0, padded), the sheet's lost.
  expect(carryValues(current, form).projects.find((p) => p.name === "Projekt Ett")!.disbursements).toEqual([100, 100, 0, 0, 0]);
});

test("a name taken over by a rename: the removed row's values do not carry to the renamed one", () => {
  const current = sheets();
  // The form removes P1 and renames P2 to "P1".
  const form = { ...livingModel(), projects: [{ ...livingModel().projects[1], name: "P1" }], effects: livingModel().effects!.filter((e) => e.project === "P2").map((e) => ({ ...e, project: "P1" })) };
  const next = carryValues(followRenames(current, { projects: [["P2", "P1"]] }), { ...form, firstYear: 2026, years: 3 });
  // P2's sheet values (8, 8, 9, 10 → 2026–2028: 8, 9, 10), not P1's (7, 8, 9, 10).
  expect(next.projects).toEqual([expect.objectContaining({ name: "P1", disbursements: [8, 9, 10] })]);
  expect(next.optimismBias).toEqual([{ project: "P1", uplift: 0.1 }]);
});

test("property: renaming in the form commutes with carrying the values (1,000 runs)", () => {
  const names = fc.string({ minLength: 1, maxLength: 6 }).map((s) => `x${s}`);
  fc.assert(
    fc.property(fc.subarray(["Soc", "Utb", "Region"]), fc.subarray(["P1", "P2"]), fc.array(names, { minLength: 5, maxLength: 5 }), fc.integer({ min: -2, max: 2 }), (actors, projects, fresh, shift) => {
      const unique = [...new Set(fresh)];
      fc.pre(unique.length >= actors.length + projects.length);
      const actorMap = new Map(actors.map((n, i) => [n, unique[i]]));
      const projectMap = new Map(projects.map((n, i) => [n, unique[actors.length + i]]));
      const form = { ...livingModel(), firstYear: 2025 + shift, years: 4 };
      const carried = carryValues(followRenames(sheets(), { actors: [...actorMap], projects: [...projectMap] }), renamed(form, actorMap, projectMap));
      // Carrying first, then renaming: the same answers.
      expect(carried).toEqual(renamed(carryValues(sheets(), form), actorMap, projectMap));
    }),
    { numRuns: 1000 },
  );
});
