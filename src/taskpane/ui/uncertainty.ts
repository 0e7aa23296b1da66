import productPackage from "../../../package.json";
import type { Sampling } from "../../engine/simulation/sampling";
import type { Language } from "../../i18n/language";
import { uncertaintyText, type UncertaintyText } from "../../i18n/uncertainty";
import type { ModelAnswers } from "../model/answers";
import { simulationSheet } from "../model/uncertainty/results";
import { UncertaintySheetError } from "../model/uncertainty/sheet";
import { defaultTable, toSimulation } from "../model/uncertainty/table";
import { readUncertainty, replaceSheet, simulationSheetName, writeUncertaintySheet, type UncertaintyTarget } from "../uncertainty/excel";
import { SHEET_ORDER } from "../model/keys";
import { runSimulationInWorker, SimulationCancelled, type RunningSimulation } from "../uncertainty/runner";
import { fill, h } from "./dom";

/**
 * The pane's uncertainty section (issue 11 item 5): write the Osäkerhet sheet, run the simulation in a
 * Web Worker with a progress bar and a cancel button, write the stamped results into Simulering. One
 * section per pane, kept across the pane's redraws (a run goes on while the pane switches language).
 */
export const MAX_ITERATIONS = 100_000;

type Message = { kind: "info" | "success" | "error"; text: (t: UncertaintyText) => string };

class UncertaintySection {
  readonly element = h("section", { class: "card uncertainty", id: "uncertainty", "aria-labelledby": "uncertainty-heading" });
  private language: Language = "sv";
  private running: RunningSimulation | null = null;
  private progress = { done: 0, total: 0 };
  private message: Message | null = null;
  private seed = "20261201";
  private iterations = "10000";
  private sampling: Sampling = "latinHypercube";

  constructor(private getModel: ModelSource) {}

  show(language: Language, getModel: ModelSource): HTMLElement {
    this.language = language;
    this.getModel = getModel;
    this.render();
    return this.element;
  }

  /** The model simulated: its answers and its Resultat sheet's name (the pane's model record lists its sheets in SHEET_ORDER). */
  private target(): UncertaintyTarget | null {
    const answers = this.getModel.answers();
    if (!answers) return null;
    const sheets = this.getModel.sheets();
    return { answers, resultsSheet: sheets?.length === SHEET_ORDER.length ? sheets[SHEET_ORDER.indexOf("results")] : null };
  }

  private get t(): UncertaintyText {
    return uncertaintyText[this.language];
  }

  private render(): void {
    const t = this.t;
    const busy = this.running !== null;
    const input = (id: string, label: string, value: string, set: (v: string) => void) =>
      h("div", { class: "field" },
        h("label", { for: id }, label),
        h("input", { id, type: "text", inputmode: "numeric", value, disabled: busy, oninput: (e: Event) => set((e.target as HTMLInputElement).value) }),
      );
    const sampling = h("select", { id: "uncertainty-sampling", disabled: busy, onchange: (e: Event) => (this.sampling = (e.target as HTMLSelectElement).value as Sampling) },
      (["latinHypercube", "monteCarlo"] as const).map((s) => h("option", { value: s, selected: this.sampling === s }, t.samplings[s])),
    );
    fill(this.element,
      h("h2", { id: "uncertainty-heading" }, t.section),
      h("p", {}, t.intro),
      h("button", { type: "button", class: "button secondary", id: "uncertainty-write", disabled: busy, onclick: () => this.writeSheet() }, t.writeSheet),
      input("uncertainty-seed", t.seedLabel, this.seed, (v) => (this.seed = v)),
      input("uncertainty-iterations", t.iterationsLabel, this.iterations, (v) => (this.iterations = v)),
      h("div", { class: "field" }, h("label", { for: "uncertainty-sampling" }, t.samplingLabel), sampling),
      h("button", { type: "button", class: "button primary", id: "uncertainty-run", disabled: busy, onclick: () => this.run() }, t.run),
      busy
        ? h("div", { class: "uncertainty-progress" },
          h("progress", { id: "uncertainty-progress", max: this.progress.total || 1, value: this.progress.done, "aria-label": t.progress(this.progress.done, this.progress.total) }),
          h("p", { id: "uncertainty-progress-text", class: "muted" }, t.progress(this.progress.done, this.progress.total)),
          h("button", { type: "button", class: "button secondary", id: "uncertainty-cancel", onclick: () => this.running?.cancel() }, t.cancel),
        )
        : null,
      h("p", { id: "uncertainty-message", class: `uncertainty-message ${this.message?.kind ?? ""}`, role: "status", "aria-live": "polite" }, this.message ? this.message.text(t) : ""),
    );
  }

  private say(kind: Message["kind"], text: Message["text"]): void {
    this.message = { kind, text };
    this.render();
  }

  private async writeSheet(): Promise<void> {
    const target = this.target();
    if (!target) return this.say("error", (t) => t.noModel);
    try {
      const name = await writeUncertaintySheet(target, this.language);
      this.say("success", (t) => t.sheetWritten(name));
    } catch (error) {
      if (error instanceof UncertaintySheetError) return this.say("error", (t) => t.badCell(error.address, t[error.problem]));
      this.say("error", (t) => t.failed(messageOf(error)));
    }
  }

  private async run(): Promise<void> {
    const target = this.target();
    if (!target) return this.say("error", (t) => t.noModel);
    const { answers } = target;
    const iterations = wholeNumber(this.iterations, this.language);
    const seed = wholeNumber(this.seed, this.language);
    if (iterations === null || iterations < 1 || iterations > MAX_ITERATIONS) return this.say("error", (t) => t.badIterations);
    if (seed === null || seed > 0xffffffff) return this.say("error", (t) => t.badSeed);
    const language = this.language;
    let table;
    try {
      table = (await readUncertainty(target, language)) ?? defaultTable(answers);
    } catch (error) {
      if (error instanceof UncertaintySheetError) return this.say("error", (t) => t.badCell(error.address, t[error.problem]));
      return this.say("error", (t) => t.failed(messageOf(error)));
    }
    this.progress = { done: 0, total: iterations };
    this.message = null;
    this.running = runSimulationInWorker({ ...toSimulation(answers, table), seed, iterations, sampling: this.sampling }, (done, total) => {
      this.progress = { done, total };
      this.updateProgress();
    });
    this.render();
    try {
      const analysis = await this.running.result;
      const stamp = { version: productPackage.version, date: new Date().toISOString().slice(0, 10) };
      const { plan } = simulationSheet(answers, analysis, stamp, language, simulationSheetName(target, language));
      const written = await replaceSheet(plan);
      this.running = null;
      this.say("success", (t) => t.resultsWritten(written, analysis.iterations));
    } catch (error) {
      this.running = null;
      if (error instanceof SimulationCancelled) this.say("info", (t) => t.cancelled);
      else this.say("error", (t) => t.failed(messageOf(error)));
    }
  }

  /** Only the bar and its text: a full redraw per report would take the focus off the cancel button. */
  private updateProgress(): void {
    const bar = this.element.querySelector<HTMLProgressElement>("#uncertainty-progress");
    const text = this.element.querySelector("#uncertainty-progress-text");
    const label = this.t.progress(this.progress.done, this.progress.total);
    if (bar) {
      bar.max = this.progress.total || 1;
      bar.value = this.progress.done;
      bar.setAttribute("aria-label", label);
    }
    if (text) text.textContent = label;
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** "10 000" (and in English "10,000") → 10000; anything else null (Swedish "10,5" is no whole number). */
function wholeNumber(text: string, language: Language): number | null {
  const digits = text.replace(language === "en" ? /[\s\u00a0,]/g : /[\s\u00a0]/g, "");
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

let section: UncertaintySection | null = null;

/** The section, in `language`, for the model `getAnswers` returns (null: no model built yet). */
/** Where the section finds the pane's model: its answers, and its sheets as the model record lists them. */
export interface ModelSource {
  answers: () => ModelAnswers | null;
  sheets: () => readonly string[] | null;
}

export function uncertaintySection(language: Language, model: ModelSource): HTMLElement {
  section ??= new UncertaintySection(model);
  return section.show(language, model);
}
