import type { Language } from "../../i18n/language";
import { livingTexts } from "../../i18n/living";
import { excelText } from "../../i18n/ui";
import { excel, inBoth, messageOf, ModelBuildError, readWorkbook } from "./buildModel";
import { MODEL_RECORD_PREFIX, presentModels, RECORD_VERSION, recordsInSettings } from "./records";

/**
 * Several models in one workbook (issue 10 item 4): go to one, remove one. Removing deletes only the
 * sheets the model's record names (by the ids they have now) and its record; one read, one write.
 */

/** Activates the model's first sheet that is still there. */
export async function goToModel(id: string): Promise<void> {
  await excel().run(async (context) => {
    const state = await readWorkbook(context);
    const model = presentModels(recordsInSettings(state.settings).models, new Set(state.sheetNames.map((n) => n.toLowerCase()))).find((m) => m.id === id);
    if (!model) return;
    context.workbook.worksheets.getItem(model.sheets[0]).activate();
    await context.sync();
  });
}

/** Removes the model `id`: its sheets and its record, nothing else. The pane asks for confirmation first. */
export async function removeModel(id: string, language: Language): Promise<{ sheets: string[] }> {
  const refuse = (text: (l: Language) => string, cause?: unknown) => new ModelBuildError(inBoth(text), language, true, cause);
  return excel().run(async (context) => {
    const state = await readWorkbook(context);
    if (state.structureProtected) throw refuse((l) => excelText(l).protectedStructure);
    const key = `${MODEL_RECORD_PREFIX}${id}`;
    const raw = state.settings.find((s) => s.key === key)?.value as { version?: unknown } | undefined;
    if (!raw) throw refuse((l) => livingTexts[l].modelGone);
    if (typeof raw.version === "number" && raw.version > RECORD_VERSION) throw refuse((l) => livingTexts[l].newerRecord);
    const present = new Set(state.sheetNames.map((n) => n.toLowerCase()));
    const sheets = presentModels(recordsInSettings([{ key, value: raw }]).models, present)[0]?.sheets ?? [];
    const ids = new Map(state.sheetNames.map((n, i) => [n.toLowerCase(), state.sheetIdList[i]]));
    // A workbook keeps at least one visible sheet: a blank one when the model's are the only ones.
    if (sheets.length >= state.sheetNames.length) context.workbook.worksheets.add(language === "sv" ? "Blad1" : "Sheet1");
    for (const name of sheets) context.workbook.worksheets.getItem(ids.get(name.toLowerCase()) ?? name).delete();
    context.workbook.settings.getItem(key).delete();
    try {
      await context.sync();
    } catch (error) {
      throw new ModelBuildError(inBoth((l) => livingTexts[l].removeFailed(messageOf(error))), language, false, error);
    }
    return { sheets };
  });
}
