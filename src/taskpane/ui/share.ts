/**
 * "Dela en kopia" / "Share a copy", the example workbook and the guide, as one card of the pane. The
 * copy is made in the pane: the model's sheets are read (one round trip, nothing written), every
 * SOCINV formula is replaced by the value Excel calculated (workbookFile/snapshot.ts), the .xlsx is
 * written by exceljs (loaded only when asked for) and offered as a download through a Blob URL. No
 * network request; the user's workbook is never changed.
 */
import type { Language } from "../../i18n/language";
import { shareTexts } from "../../i18n/share";
import { aboutSheet } from "../../workbookFile/about";
import { readSheets } from "../../workbookFile/fromExcel";
import { sharedCopy } from "../../workbookFile/snapshot";
import { h, fill } from "./dom";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The copy to share of the named sheets, as .xlsx bytes, and its file name. */
export async function sharedCopyFile(sheets: readonly string[], language: Language, created = new Date()): Promise<{ bytes: Uint8Array; fileName: string }> {
  const snapshot = await Excel.run((context) => readSheets(context as unknown as Excel.RequestContext, sheets));
  const copy = sharedCopy(snapshot);
  const { writeXlsx } = await import(/* webpackChunkName: "xlsx" */ "../../workbookFile/xlsx");
  const bytes = await writeXlsx(copy, { leading: [aboutSheet(copy, language, { kind: "shared", illustrative: false, created })], created });
  return { bytes, fileName: `${shareTexts[language].fileStem}-${created.toISOString().slice(0, 10)}.xlsx` };
}

/** The card: `sheets` are the model's sheets (null when the workbook has no model). */
export function shareCard(language: Language, sheets: readonly string[] | null): HTMLElement {
  const t = shareTexts[language];
  const status = h("div", { id: "share-status", role: "status", "aria-live": "polite" });
  const button = h("button", { type: "button", class: "button secondary", id: "share-copy", disabled: sheets === null }, t.button);
  button.addEventListener("click", async () => {
    if (!sheets) return;
    button.disabled = true;
    fill(status, h("p", { class: "muted" }, t.working));
    try {
      const { bytes, fileName } = await sharedCopyFile(sheets, language);
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
      const link = h("a", { href: url, download: fileName, id: "share-download" }, t.save);
      fill(status, h("p", {}, t.ready(fileName)), h("p", {}, link));
      link.click();
    } catch (error) {
      fill(status, h("p", { class: "message error" }, t.failed(error instanceof Error ? error.message : String(error))));
    } finally {
      button.disabled = false;
    }
  });
  return h("section", { class: "card share", "aria-labelledby": "share-heading" },
    h("h2", { id: "share-heading" }, t.heading),
    h("p", {}, t.text),
    sheets === null ? h("p", { class: "muted", id: "share-no-model" }, t.noModel) : null,
    button,
    status,
    h("ul", { class: "share-links" },
      h("li", {}, h("a", { href: t.exampleFile, download: t.exampleFile, id: "download-example" }, t.example)),
      h("li", {}, h("a", { href: t.guidePage, target: "_blank", rel: "noopener", id: "open-guide" }, t.guide)),
    ),
  );
}
