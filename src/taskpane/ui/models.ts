import type { Language } from "../../i18n/language";
import { livingTexts } from "../../i18n/living";
import type { ModelSummary } from "../excel/records";
import { h } from "./dom";

/** What the models list can ask the pane to do with one model. */
export interface ModelActions {
  goTo(model: ModelSummary): void;
  change(model: ModelSummary): void;
  nextYear(model: ModelSummary): void;
  remove(model: ModelSummary): void;
}

/**
 * The workbook's models (issue 10 item 4): each with its name and sheets, and buttons to go to it,
 * change it in place, roll it over to the next budget year, or remove it (the removal asks once more,
 * in the pane: Office add-ins have no window.confirm).
 */
export function modelsSection(models: readonly ModelSummary[], language: Language, actions: ModelActions, confirming: string | null, onConfirm: (id: string | null) => void): HTMLElement {
  const t = livingTexts[language];
  const title = (m: ModelSummary) => m.name || t.unnamed;
  return h("section", { class: "card models", id: "models", "aria-labelledby": "models-heading" },
    h("h2", { id: "models-heading" }, t.modelsHeading),
    h("ul", { class: "model-list" },
      models.map((m, i) => {
        const key = m.id ?? String(i);
        const button = (id: string, label: string, onclick: () => void, enabled = true) =>
          h("button", { type: "button", class: "button secondary", id: `${id}-${key}`, disabled: !enabled, onclick }, label);
        return h("li", { class: "model", "data-model": key },
          h("p", { class: "model-name" }, h("strong", {}, title(m)), " – ", m.sheets.join(", ")),
          confirming === m.id
            ? h("div", { class: "confirm" },
              h("p", { role: "alert" }, t.confirmRemove(title(m), m.sheets.join(", "))),
              button("confirm-remove", t.remove, () => actions.remove(m)),
              button("cancel-remove", language === "sv" ? "Avbryt" : "Cancel", () => onConfirm(null)),
            )
            : h("div", { class: "model-actions" },
              button("go-to", t.goTo, () => actions.goTo(m)),
              button("change", t.change, () => actions.change(m), m.changeable),
              button("next-year", t.nextYear, () => actions.nextYear(m), m.changeable),
              button("remove", t.remove, () => onConfirm(m.id ?? null), m.id !== undefined),
            ),
        );
      }),
    ),
  );
}
