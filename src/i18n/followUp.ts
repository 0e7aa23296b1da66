import type { Language } from "./language";

/** The pane's texts for "Följ upp år …" (issue 12 item 5), Swedish and English. */
const sv = {
  heading: "Följ upp år …",
  intro: "Lägger till Verksamhetslogik, Uppföljning, Prognos och en rapport till nämnden per projekt, som formler mot modellens blad.",
  noModel: "Bygg en modell i den här rutan först; uppföljningen läggs till den.",
  year: "Uppföljt till och med år",
  method: "Återstående år",
  methodPlan: "enligt plan",
  methodScaled: "skalade med utfall/plan",
  threshold: "Tröskel för ”enligt plan” (%)",
  button: "Lägg till uppföljning",
  adding: "Lägger till uppföljningen …",
  added: (count: number) => `Uppföljningen är tillagd: ${count} nya blad.`,
  nextStep: "Skriv utfallet i Uppföljning och i Kostnaders utfallstabell; rapporten skrivs ut på A4.",
  failed: (reason: string) => `Uppföljningen kunde inte läggas till: ${reason}`,
  yearRange: (first: number, last: number) => `Ange ett år från ${first} till ${last}.`,
  thresholdRange: "Ange en tröskel från 0 till 100 %.",
};

type FollowUpUiText = typeof sv;

const en: FollowUpUiText = {
  heading: "Follow up year …",
  intro: "Adds Logic model, Follow-up, Reforecast and a report for the committee per project, as formulas over the model's sheets.",
  noModel: "Build a model in this pane first; the follow-up is added to it.",
  year: "Followed up to and including",
  method: "Remaining years",
  methodPlan: "as planned",
  methodScaled: "scaled by realised/plan",
  threshold: "Threshold of “on plan” (%)",
  button: "Add follow-up",
  adding: "Adding the follow-up …",
  added: (count: number) => `The follow-up is added: ${count} new sheets.`,
  nextStep: "Type the realised figures in Follow-up and in the outcome table of Costs; the report prints on A4.",
  failed: (reason: string) => `The follow-up could not be added: ${reason}`,
  yearRange: (first: number, last: number) => `Enter a year from ${first} to ${last}.`,
  thresholdRange: "Enter a threshold from 0 to 100 %.",
};

export const followUpUiText: Record<Language, FollowUpUiText> = { sv, en };
export type { FollowUpUiText };
