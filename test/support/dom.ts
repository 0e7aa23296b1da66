/** DOM helpers for the pane's jsdom tests: find by id, type into a field, choose in a drop-down. */

// jsdom has no CSS.escape; the pane's ids are plain, so identity is enough here.
const scope = globalThis as unknown as { CSS?: { escape?: (s: string) => string } };
scope.CSS ??= {};
scope.CSS.escape ??= (s: string) => s.replace(/([^\w-])/g, "\\$1");

export const byId = <T extends HTMLElement = HTMLElement>(id: string) => {
  const element = document.getElementById(id) as T | null;
  if (!element) throw new Error(`no #${id}`);
  return element;
};

export const type = (id: string, text: string) => {
  const input = byId<HTMLInputElement>(id);
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
};

export const choose = (id: string, value: string) => {
  const select = byId<HTMLSelectElement>(id);
  select.value = value;
  select.dispatchEvent(new Event("change", { bubbles: true }));
};
