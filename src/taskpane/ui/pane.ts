import { effectFormTexts } from "../../i18n/effects";
import type { Language } from "../../i18n/language";
import { modelCountText } from "../../i18n/model";
import { uiText, type UiText } from "../../i18n/ui";
import { defaultAnswers, validateAnswers, type AnswerProblem, type ModelAnswers } from "../model/answers";
import { exampleAnswers } from "../model/example";
import { buildModel, findExistingModel, ModelBuildError, type BuildReport, type ExistingModel, type ModelSummary } from "../excel/buildModel";
import { goToModel, removeModel } from "../excel/models";
import { readModel, updateModel } from "../excel/updateModel";
import { removeLeftovers } from "../excel/leftovers";
import { carryValues, nextBudgetYear, type Renames } from "../model/change";
import { livingTexts } from "../../i18n/living";
import { modelsSection, type ModelActions } from "./models";
import { unsafeNameProblems } from "../excel/unsafeText";
import { h, fill, fieldId, type Child } from "./dom";
import { ModelForm } from "./form";
import { uncertaintySection } from "./uncertainty";
import { followUpCard } from "./followUp";
import { CallPanel } from "./call";
import { shareCard } from "./share";

type MessageKind = "info" | "success" | "error" | "warning";

/** A message drawn from the current language's texts, so a language switch redraws it whole (issue 9 item 8). */
type MessageContent = (t: UiText, language: Language) => { title: string; details?: Child | Child[] };

/**
 * The task pane: language switch, what the workbook already holds, the example, the "new model" form
 * and the help. All Excel work goes through buildModel/findExistingModel.
 */
export class Pane {
  private language: Language;
  private text: UiText;
  private readonly messages: HTMLElement;
  private readonly content: HTMLElement;
  private readonly header: HTMLElement;
  private form: ModelForm;
  private readonly call: CallPanel;
  /** True until the user edits an answer: then a language switch may swap in the other language's defaults. */
  private pristine = true;
  /** After a refused build, problems are re-checked as the user types. */
  private validating = false;
  private existing: ExistingModel | null = null;
  private confirmSecondModel = false;
  /** The model being changed in place (the form holds its answers, read from its sheets), or null. */
  private editing: ModelSummary | null = null;
  private confirmingRemoval: string | null = null;
  private busy = false;
  /** The answers of the model built in this session: what the uncertainty section simulates and "Följ upp år …" follows up. */
  private builtAnswers: ModelAnswers | null = null;
  /** The message shown, kept as a function of the language so that a switch redraws it in the new one. */
  private message: { kind: MessageKind; content: MessageContent } | null = null;

  constructor(private readonly root: HTMLElement, language: Language) {
    this.language = language;
    this.text = uiText(language);
    this.call = new CallPanel(language);
    this.form = new ModelForm(defaultAnswers(language), language, this.text, { onEdit: () => this.edited() });
    this.header = h("header", { class: "pane-header" });
    this.messages = h("div", { id: "messages", class: "messages", role: "status", "aria-live": "polite" });
    this.content = h("div", { id: "content", class: "content" });
    root.replaceChildren(this.header, this.messages, this.content);
  }

  /** Reads what the workbook holds and shows the pane. */
  async start(): Promise<void> {
    document.documentElement.lang = this.language;
    this.renderHeader();
    this.content.replaceChildren(h("p", { class: "muted" }, this.text.loading));
    // Old sheets a change in place could not delete at its end (hidden) go first (excel/leftovers.ts).
    await removeLeftovers().catch(() => []);
    this.existing = await findExistingModel().catch(() => null);
    // A workbook with a model opens on it: the form filled from what its sheets hold now (issue 10 item 1).
    const newest = this.existing?.models[this.existing.models.length - 1];
    if (newest?.changeable) await this.startChange(newest);
    else this.render();
  }

  private renderHeader(): void {
    const t = this.text;
    const option = (language: Language, label: string) =>
      h("span", { class: "segment" },
        h("input", {
          type: "radio", name: "language", id: `language-${language}`, value: language, checked: this.language === language,
          onchange: () => this.switchLanguage(language),
        }),
        h("label", { for: `language-${language}`, lang: language }, label),
      );
    this.header.replaceChildren(
      h("div", { class: "brand" },
        h("h1", {}, t.title),
        h("p", { class: "subtitle" }, t.subtitle),
      ),
      h("fieldset", { class: "language-switch" },
        h("legend", { class: "visually-hidden" }, t.languageLegend),
        option("sv", "Svenska"),
        option("en", "English"),
      ),
    );
  }

  private render(): void {
    const t = this.text;
    const showBuilders = (!this.existing || this.confirmSecondModel) && !this.editing;
    fill(this.content,
      this.existing ? modelsSection(this.existing.models, this.language, this.modelActions(), this.confirmingRemoval, (id) => {
        this.confirmingRemoval = id;
        this.render();
      }) : null,
      this.editing
        ? h("section", { class: "card change-model", "aria-labelledby": "new-model-heading" },
          h("h2", { id: "new-model-heading" }, `${livingTexts[this.language].change}: ${this.editing.name || livingTexts[this.language].unnamed}`),
          this.form.element,
          h("button", { type: "button", class: "button primary", id: "update-model", onclick: () => this.runOnModel(this.editing!, (current) => carryValues(current, this.form.normalizedAnswers()), this.form.renames()) }, livingTexts[this.language].change),
        )
        : null,
      h("section", { class: "card status", id: "workbook-status", "aria-labelledby": "workbook-status-text" },
        this.existing
          ? [
            h("p", { id: "workbook-status-text", class: "status-text" }, t.existingModel(this.existing.sheets, this.formatDate(this.existing.createdAt))),
            this.existing.count > 1 ? h("p", { id: "model-count", class: "muted" }, modelCountText(this.existing.count, this.language)) : null,
            h("p", { class: "muted" }, t.existingModelHint),
            h("div", { class: "checkbox" },
              h("input", {
                type: "checkbox", id: "confirm-second-model", checked: this.confirmSecondModel,
                onchange: (event: Event) => {
                  this.confirmSecondModel = (event.target as HTMLInputElement).checked;
                  if (this.confirmSecondModel && this.editing) {
                    this.editing = null;
                    this.form.reset(defaultAnswers(this.language), this.language, this.text);
                  }
                  this.render();
                  document.getElementById("confirm-second-model")?.focus();
                },
              }),
              h("label", { for: "confirm-second-model" }, t.confirmSecondModel),
            ),
          ]
          : h("p", { id: "workbook-status-text", class: "status-text" }, t.noModel),
      ),
      showBuilders
        ? [
          h("section", { class: "card example", "aria-labelledby": "example-heading" },
            h("h2", { id: "example-heading" }, t.exampleHeading),
            h("p", {}, t.exampleText),
            h("button", { type: "button", class: "button secondary", id: "build-example", onclick: () => this.build(exampleAnswers(this.language)) }, t.exampleButton),
          ),
          h("section", { class: "card new-model", "aria-labelledby": "new-model-heading" },
            h("h2", { id: "new-model-heading" }, t.newModelHeading),
            this.form.element,
            h("button", { type: "button", class: "button primary", id: "build-model", onclick: () => this.buildFromForm() }, t.buildButton),
          ),
        ]
        : null,
      uncertaintySection(this.language, { answers: () => this.builtAnswers, sheets: () => this.existing?.sheets ?? null }),
      this.existing ? followUpCard({ language: this.language, model: () => this.builtAnswers, sheets: () => this.existing?.sheets ?? null }) : null,
      this.call.render(this.language),
      shareCard(this.language, this.existing?.sheets ?? null),
      h("details", { class: "card help", id: "help" },
        h("summary", {}, t.helpHeading),
        t.help.map((paragraph) => h("p", {}, paragraph)),
      ),
    );
    this.setBusy(this.busy);
  }

  private modelActions(): ModelActions {
    return {
      goTo: (m) => void goToModel(m.id ?? "").catch(() => undefined),
      change: (m) => void this.startChange(m),
      nextYear: (m) => void this.runOnModel(m, nextBudgetYear),
      remove: (m) => void this.removeOne(m),
    };
  }

  /** Fills the form from the model's sheets (the sheets are the truth) and shows it for a change in place. */
  private async startChange(model: ModelSummary): Promise<void> {
    try {
      const answers = await readModel(model.id ?? "", this.language);
      // Uncertainty and follow-up work on the model as its sheets hold it, after a reopen too.
      this.builtAnswers = answers;
      this.form.reset(answers, this.language, this.text);
      this.editing = model;
      this.pristine = false;
      this.render();
    } catch (error) {
      this.showFailure(error);
    }
  }

  /** A change in place (the form's answers or the next budget year), then the list again. */
  private async runOnModel(model: ModelSummary, change: (current: ModelAnswers) => ModelAnswers, renames?: Renames): Promise<void> {
    if (this.busy) return;
    this.setBusy(true);
    try {
      let changed: ModelAnswers | null = null;
      const report = await updateModel(model.id ?? "", (current) => (changed = change(current)), this.language, { renames });
      this.builtAnswers = changed;
      const lost = report.lostLinks.join(", ");
      this.showMessage("success", (_t, language) => ({ title: livingTexts[language].updated(model.name || livingTexts[language].unnamed, report.syncs) + (lost ? ` ${livingTexts[language].lostLinks(lost)}` : "") }));
      this.editing = null;
      this.existing = await findExistingModel().catch(() => this.existing);
      this.render();
    } catch (error) {
      this.showFailure(error);
    }
    this.setBusy(false);
  }

  private async removeOne(model: ModelSummary): Promise<void> {
    this.confirmingRemoval = null;
    try {
      await removeModel(model.id ?? "", this.language);
      this.showMessage("success", (_t, language) => ({ title: livingTexts[language].removed(model.name || livingTexts[language].unnamed) }));
      this.existing = await findExistingModel().catch(() => null);
    } catch (error) {
      this.showFailure(error);
    }
    this.render();
  }

  private showFailure(error: unknown): void {
    this.showMessage("error", (_t, language) => ({
      title: error instanceof ModelBuildError ? error.messageIn(language) : error instanceof Error ? error.message : String(error),
    }));
  }

  private switchLanguage(language: Language): void {
    if (language === this.language) return;
    this.language = language;
    this.text = uiText(language);
    document.documentElement.lang = language;
    if (this.pristine) this.form.reset(defaultAnswers(language), language, this.text);
    else this.form.relabel(language, this.text);
    this.renderHeader();
    this.render();
    this.drawMessage();
    if (this.validating) this.showProblems(this.problems());
    document.getElementById(`language-${language}`)?.focus();
  }

  private edited(): void {
    this.pristine = false;
    if (this.validating) {
      const problems = this.problems();
      this.showProblems(problems);
      if (problems.length === 0) this.clearMessage();
    }
  }

  /** Parse problems (text that is no number) first; the model's validation for every other field. */
  private problems(): AnswerProblem[] {
    const parsed = [...this.form.parseProblems].map(([field, message]) => ({ field, message }));
    const fields = new Set(parsed.map((problem) => problem.field));
    let validated: AnswerProblem[];
    try {
      const answers = this.form.normalizedAnswers();
      validated = [...validateAnswers(answers, this.language), ...unsafeNameProblems(answers, this.language)];
    } catch (error) {
      validated = [{ field: "", message: error instanceof Error ? error.message : String(error) }];
    }
    return [...parsed, ...validated.filter((problem) => !fields.has(problem.field))];
  }

  /** Writes each problem next to its field (or the nearest enclosing item or list). */
  private showProblems(problems: AnswerProblem[]): void {
    const form = this.form.element;
    for (const slot of form.querySelectorAll<HTMLElement>(".field-error")) {
      slot.textContent = "";
      slot.hidden = true;
    }
    for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
    for (const problem of problems) {
      const slot = this.errorSlot(problem.field);
      if (!slot) continue;
      slot.hidden = false;
      slot.textContent = slot.textContent ? `${slot.textContent} ${problem.message}` : problem.message;
      const control = form.querySelector(`#${CSS.escape(slot.id.replace(/-error$/, ""))}`);
      control?.setAttribute("aria-invalid", "true");
    }
  }

  private errorSlot(field: string): HTMLElement | null {
    let id = fieldId(field);
    while (id) {
      const slot = this.form.element.querySelector<HTMLElement>(`#${CSS.escape(`${id}-error`)}`);
      if (slot) return slot;
      id = id.includes("-") ? id.slice(0, id.lastIndexOf("-")) : "";
    }
    return null;
  }

  /** The control a problem is about, to move the focus there from the summary. */
  private controlFor(field: string): HTMLElement | null {
    const slot = this.errorSlot(field);
    if (!slot) return null;
    const id = slot.id.replace(/-error$/, "");
    return this.form.element.querySelector<HTMLElement>(`#${CSS.escape(id)}`)
      ?? this.form.element.querySelector<HTMLElement>(`#${CSS.escape(`${id}-item`)} input, #${CSS.escape(`${id}-item`)} select`)
      ?? this.form.element.querySelector<HTMLElement>(`#add-${id.replace(/s$/, "")}`);
  }

  /** "Actor 2 › Name: " for the summary, so a message like "Enter a number." says where. */
  private describeField(field: string): string {
    const control = this.controlFor(field);
    if (!control) return "";
    const label = control.id ? this.form.element.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent
      ?? control.closest("fieldset")?.querySelector("legend")?.textContent : undefined;
    const item = control.closest(".item")?.querySelector("legend")?.textContent;
    const parts = [item, label].filter((part): part is string => Boolean(part));
    return parts.length ? `${parts.join(" › ")}: ` : "";
  }

  private async buildFromForm(): Promise<void> {
    const problems = this.problems();
    this.validating = true;
    this.showProblems(problems);
    if (problems.length > 0) {
      // Drawn again from the current problems on a language switch, so each is in the new language.
      this.showMessage("error", (t) => {
        const current = this.problems();
        return {
          title: t.fixProblems(current.length),
          details: h("ul", { class: "problem-list" },
            current.map((problem) => h("li", {},
              h("a", {
                href: `#${fieldId(problem.field) || "content"}`,
                onclick: (event: Event) => {
                  event.preventDefault();
                  this.controlFor(problem.field)?.focus();
                },
              }, this.describeField(problem.field) + problem.message),
            )),
          ),
        };
      });
      this.controlFor(problems[0].field)?.focus();
      return;
    }
    await this.build(this.form.normalizedAnswers());
  }

  private async build(answers: ModelAnswers): Promise<void> {
    if (this.busy) return;
    this.setBusy(true);
    this.showMessage("info", (t) => ({ title: t.building }));
    try {
      // A second model only after the explicit confirmation in the pane.
      const report = await buildModel(answers, this.language, { allowAnotherModel: this.existing !== null && this.confirmSecondModel });
      // Every text below is drawn at display time from the pane's language then, not the language at the
      // click: a switch during the build must not leave the old language under the new headings.
      this.showMessage("success", (t, language) => ({
        title: t.built(report.sheets.length),
        details: [answers.illustrative ? h("p", { class: "illustrative" }, t.illustrativeNote) : null, h("p", { class: "next" }, effectFormTexts[language].next), this.reportDetails(report, t)],
      }));
      this.builtAnswers = answers;
      this.existing = await findExistingModel().catch(() => this.existing);
      this.confirmSecondModel = false;
      this.validating = false;
      this.setBusy(false);
      this.render();
      this.messages.querySelector<HTMLElement>(".message")?.focus();
    } catch (error) {
      const rolledBack = error instanceof ModelBuildError && error.rolledBack;
      this.showMessage("error", (t, language) => ({
        title: t.buildFailed(error instanceof ModelBuildError ? error.messageIn(language) : error instanceof Error ? error.message : String(error)),
        details: rolledBack ? h("p", {}, t.rolledBack) : null,
      }));
      this.setBusy(false);
    }
  }

  private reportDetails(report: BuildReport, t: UiText): HTMLElement {
    const list = (id: string, title: string, items: string[]): Child =>
      items.length === 0 ? null : h("div", { class: "created", id },
        h("h3", {}, title),
        h("ul", {}, items.map((item) => h("li", {}, item))),
      );
    return h("div", { class: "report" },
      list("created-sheets", t.createdSheets, report.sheets),
      list("created-tables", t.createdTables, report.tables),
      list("created-charts", t.createdCharts, report.charts),
    );
  }

  private showMessage(kind: MessageKind, content: MessageContent): void {
    this.message = { kind, content };
    this.drawMessage();
  }

  private clearMessage(): void {
    this.message = null;
    this.drawMessage();
  }

  private drawMessage(): void {
    if (!this.message) {
      this.messages.replaceChildren();
      return;
    }
    const { title, details } = this.message.content(this.text, this.language);
    fill(this.messages,
      h("div", { class: `message ${this.message.kind}`, "data-kind": this.message.kind, tabindex: -1 },
        h("p", { class: "message-title" }, title),
        details ?? null,
      ),
    );
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.content.setAttribute("aria-busy", String(busy));
    for (const id of ["build-model", "build-example", "update-model"]) {
      const button = document.getElementById(id) as HTMLButtonElement | null;
      if (button) button.disabled = busy;
    }
  }

  private formatDate(iso: string): string {
    const date = new Date(iso);
    if (!iso || Number.isNaN(date.getTime())) return iso ?? "";
    return date.toLocaleDateString(this.language === "sv" ? "sv-SE" : "en-GB", { year: "numeric", month: "long", day: "numeric" });
  }
}
