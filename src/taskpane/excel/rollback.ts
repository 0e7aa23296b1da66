/**
 * Undoing a failed build: only the sheets THIS build created are deleted, found by identity (the
 * worksheet id), never by a name alone (issue 9 item 3). A name can belong to someone else: another
 * build that ran at the same time took "Parametrar", or a colleague created "Fond (2)" between the two
 * round trips.
 *
 * Every sheet is first added under a temporary name unique to the build and then renamed to its
 * planned name. Excel runs a batch in order and stops at the first failure, so:
 * - a temporary name still present marks the sheet whose rename failed (its name was taken meanwhile):
 *   that sheet and the planned sheets before it are ours, nothing after it;
 * - otherwise the planned names are ours from the first up to the first one missing, as long as the
 *   sheet under the name is new (its id was not in the workbook when the build began).
 * Once the sheets' ids are known (a first request that succeeded), they alone decide.
 */

export interface CreatedSheet {
  /** The name the model gives the sheet. */
  planned: string;
  /** The build's unique name for it until the rename. */
  temporary: string;
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
  const renameFailed = created.findIndex((c) => byName.has(c.temporary.toLowerCase()));
  const ours: SheetIdentity[] = [];
  for (const c of renameFailed < 0 ? created : created.slice(0, renameFailed)) {
    const sheet = byName.get(c.planned.toLowerCase());
    if (!sheet || (sheet.id !== undefined && idsBefore.has(sheet.id))) break;
    ours.push(sheet);
  }
  if (renameFailed >= 0) ours.push(byName.get(created[renameFailed].temporary.toLowerCase())!);
  return ours;
}

/** Deletes the sheets of a failed build (two more round trips, on the failure path only); true when none of them is left. */
export async function rollback(
  context: Excel.RequestContext,
  created: readonly CreatedSheet[],
  idsBefore: ReadonlySet<string>,
  knownIds: ReadonlySet<string> | null,
): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    await context.sync();
    const now = worksheets.items.map((s) => ({ name: s.name, id: s.id as string | undefined }));
    const ours = sheetsOfThisBuild(now, created, idsBefore, knownIds);
    if (ours.length === 0) return true;
    for (const sheet of ours) context.workbook.worksheets.getItem(sheet.id ?? sheet.name).delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
