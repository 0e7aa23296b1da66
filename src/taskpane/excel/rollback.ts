/**
 * Undoing a failed build: only the sheets THIS build created are deleted, found by identity (the
 * worksheet id), never by a name alone (issue 9 item 3). A name can belong to someone else: another
 * build that ran at the same time took "Parametrar", or a colleague created "Fond (2)" between the two
 * round trips.
 *
 * The build's first operation records a marker setting (`socinv.building.<id>`), its last removes it.
 * Then every sheet is added under a temporary name unique to the build, and only after all of them are
 * added are they renamed to their planned names, in order. Excel runs a batch in order and stops at
 * the first failure, so after a failure:
 * - no marker: nothing of the build happened;
 * - temporary names present: the first of them is the sheet whose rename failed (its name was taken
 *   meanwhile); it, the temporary sheets after it and the planned sheets before it are ours;
 * - no temporary name: either every rename ran (then every planned name is there, on a sheet that is
 *   new: its id was not in the workbook when the build began) and all are ours, or no add ran at all.
 * Once the sheets' ids are known (a first request that succeeded), they alone decide.
 */

/** The settings key that marks a build in progress. */
export const buildMarkerKey = (id: string): string => `socinv.building.${id}`;

export interface CreatedSheet {
  /** The name the model gives the sheet. */
  planned: string;
  /** The build's unique name for it until the rename. */
  temporary: string;
}

/**
 * Queues each sheet under its temporary name, then its rename to the planned name, and returns the
 * sheets as later operations find them: under the planned name, which is ours once the rename ran.
 * Their ids load with the next sync, so a rollback can find exactly these sheets.
 */
export function queueCreatedSheets(context: Excel.RequestContext, created: readonly CreatedSheet[]): Excel.Worksheet[] {
  const added = created.map((sheet) => context.workbook.worksheets.add(sheet.temporary));
  created.forEach((sheet, i) => {
    added[i].name = sheet.planned;
  });
  return created.map((sheet) => {
    const worksheet = context.workbook.worksheets.getItem(sheet.planned);
    worksheet.load("id");
    return worksheet;
  });
}

interface SheetIdentity {
  name: string;
  /** Undefined where the host has no worksheet ids (it then falls back to the name). */
  id?: string;
}

/** The sheets of the workbook now that this build created, by the rules above. */
export function sheetsOfThisBuild(
  now: readonly SheetIdentity[],
  created: readonly CreatedSheet[],
  idsBefore: ReadonlySet<string>,
  knownIds: ReadonlySet<string> | null,
): SheetIdentity[] {
  if (knownIds) return now.filter((s) => s.id !== undefined && knownIds.has(s.id));
  const byName = new Map(now.map((s) => [s.name.toLowerCase(), s]));
  const temporary = created.flatMap((c) => byName.get(c.temporary.toLowerCase()) ?? []);
  const firstTemporary = created.findIndex((c) => byName.has(c.temporary.toLowerCase()));
  const isNew = (s: SheetIdentity | undefined): s is SheetIdentity => s !== undefined && (s.id === undefined || !idsBefore.has(s.id));
  if (firstTemporary >= 0) {
    return [...created.slice(0, firstTemporary).map((c) => byName.get(c.planned.toLowerCase())).filter(isNew), ...temporary];
  }
  // No temporary name: either every rename ran (then every planned sheet is there and new) or no add did.
  const planned = created.map((c) => byName.get(c.planned.toLowerCase()));
  return planned.every(isNew) ? (planned as SheetIdentity[]) : [];
}

/**
 * Deletes what a failed build left (two more round trips, on the failure path only): its sheets, its
 * record and its marker. True when none of them is left.
 */
export async function rollback(
  context: Excel.RequestContext,
  build: { id: string; recordKey: string; created: readonly CreatedSheet[] },
  idsBefore: ReadonlySet<string>,
  knownIds: ReadonlySet<string> | null,
): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    const marker = context.workbook.settings.getItemOrNullObject(buildMarkerKey(build.id));
    marker.load("value");
    await context.sync();
    if (marker.isNullObject) return true;
    const now = worksheets.items.map((s) => ({ name: s.name, id: s.id as string | undefined }));
    for (const sheet of sheetsOfThisBuild(now, build.created, idsBefore, knownIds)) {
      context.workbook.worksheets.getItem(sheet.id ?? sheet.name).delete();
    }
    context.workbook.settings.getItemOrNullObject(build.recordKey).delete();
    marker.delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
