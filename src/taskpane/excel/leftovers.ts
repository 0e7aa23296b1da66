import { excelIfPresent } from "./buildModel";
import { buildMarkerKey } from "./rollback";

/**
 * The old sheets of a change in place (updateModel): renamed aside and hidden until the change is
 * committed, then deleted. A change whose final deletions failed leaves them behind, hidden; the pane
 * deletes them the next time it opens. A sheet counts as a leftover only when its change is no longer
 * in progress (no marker: a co-author's change still running keeps its sheets).
 */

/** The name an old sheet has while a change is in flight: unique to the change, and one Excel writes without quotes in formulas. */
export const retiredSheetName = (changeId: string, index: number): string => `socinvOld_${changeId}_${index + 1}`;

const RETIRED = /^socinvOld_([A-Za-z0-9]+)_\d+$/;

/** Deletes the hidden old sheets of finished changes; returns their names. One read, one write only when there are some. */
export async function removeLeftovers(): Promise<string[]> {
  const api = excelIfPresent();
  if (api === null) return [];
  return api.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id,items/visibility");
    const settings = context.workbook.settings;
    settings.load("items");
    await context.sync();
    const inProgress = new Set(settings.items.map((s) => s.key));
    const leftovers = worksheets.items.filter((s) => {
      const m = RETIRED.exec(s.name);
      return m !== null && s.visibility !== "Visible" && !inProgress.has(buildMarkerKey(m[1]));
    });
    if (leftovers.length === 0) return [];
    for (const sheet of leftovers) context.workbook.worksheets.getItem(sheet.id ?? sheet.name).delete();
    await context.sync();
    return leftovers.map((s) => s.name);
  });
}
