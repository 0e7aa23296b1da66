/**
 * Loaded instead of Microsoft's Office.js by the preview and the browser tests: installs the in-memory
 * workbook (Office + Excel globals) before the page's own bundles run, and exposes it on
 * window.__socinv for the preview grid and for test assertions.
 *
 * Options: window.__socinvStandInOptions (set by a test before this script), else the page URL's
 * ?displayLanguage=sv-SE.
 */
import { installCustomFunctionsRuntime } from "./customFunctionsRuntime";
import { installOfficeStandIn } from "./workbookDouble";

interface StandInOptions {
  displayLanguage?: string;
  failAfterOperations?: number;
}

export interface StandInHandle {
  workbook: ReturnType<typeof installOfficeStandIn>["workbook"];
  syncCount(): number;
  /** Custom function ids the page registered (CustomFunctions.associate). */
  associated: string[];
  /** Excel.run calls finished so far (the preview grid redraws when this changes). */
  runs: number;
}

declare global {
  interface Window {
    __socinvStandInOptions?: StandInOptions;
    __socinv?: StandInHandle;
  }
}

const CHANGED_EVENT = "socinv:workbook-changed";

function options(): StandInOptions {
  if (window.__socinvStandInOptions) return window.__socinvStandInOptions;
  const params = new URLSearchParams(window.location.search);
  const failAfter = params.get("failAfterOperations");
  return {
    displayLanguage: params.get("displayLanguage") ?? undefined,
    failAfterOperations: failAfter === null ? undefined : Number(failAfter),
  };
}

const standIn = installOfficeStandIn(options());
const associated: string[] = [];
const handle: StandInHandle = { workbook: standIn.workbook, syncCount: standIn.syncCount, associated, runs: 0 };
window.__socinv = handle;

// The functions bundle in the same page registers its functions; outside Excel there is no
// CustomFunctions runtime, so record the registrations instead (unless the stand-in brings one).
installCustomFunctionsRuntime((id) => associated.push(id));

// Tell the preview grid (this window, or the page framing it) when a batch has run.
const scope = globalThis as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } };
const run = scope.Excel.run.bind(scope.Excel);
scope.Excel.run = async (...args: unknown[]) => {
  try {
    return await run(...args);
  } finally {
    handle.runs++;
    window.dispatchEvent(new CustomEvent(CHANGED_EVENT));
    if (window.parent !== window) window.parent.postMessage({ type: CHANGED_EVENT }, window.location.origin);
  }
};
