import type { Language } from "../../../i18n/language";
import { exampleAnswers } from "../example";
import type { FollowUpAnswers, LogicRow } from "./answers";

/**
 * The example model's follow-up: an ILLUSTRATIVE verksamhetslogik for each of Ale's three projects
 * (seed 004 names the projects and their aims, nothing more: every row below is invented to show how
 * the columns are filled, and the sheet says so), every savings row linked to the effect it rests on,
 * and no realised year yet (followed up to the year before the first).
 */
export function exampleFollowUp(language: Language): FollowUpAnswers {
  const sv = language === "sv";
  const t = (svText: string, enText: string) => (sv ? svText : enText);
  const answers = exampleAnswers(language);
  const [ukf, ato, region, fk, af] = answers.actors.map((a) => a.name);
  const row = (r: LogicRow): LogicRow => r;
  const logic: Record<string, LogicRow[]> = {
    MiniMili: [
      row({
        id: "MM1",
        problem: t("Tidig alkohol- och droganvändning bland unga", "Early alcohol and drug use among young people"),
        targetGroup: t("Unga 13–17 år med riskbruk, ca 40 per år", "Young people aged 13–17 with risky use, about 40 a year"),
        purpose: t("Färre unga i missbruk och placering", "Fewer young people in addiction and placement"),
        resources: t("Fondens medel 4,5 Mkr; fältsekreterare, socialsekreterare", "Fund 4.5 Mkr; field workers, social workers"),
        activities: t("Uppsökande arbete, familjestöd, samverkan med skola och polis", "Outreach, family support, joint work with school and police"),
        outputs: t("Antal unga och familjer i insatsen", "Number of young people and families reached"),
        shortTerm: t("Minskat riskbruk", "Less risky use"),
        mediumTerm: t("Färre placeringar (HVB)", "Fewer residential placements"),
        longTerm: t("Fler i arbete eller studier vid 25 år", "More in work or study at 25"),
        level: t("individ", "individual"),
        indicator: t("Antal placeringar av unga 13–17 år", "Placements of young people aged 13–17"),
        baseline: 12,
        target: 6,
        source: t("Verksamhetssystemet (IFO)", "Case system (social services)"),
        assumptions: t("Varje undviken placering sparar en HVB-kostnad; stöd av tidigare uppföljningar", "Each placement avoided saves a residential cost; backed by earlier follow-ups"),
        externalFactors: t("Tillgång på narkotika, arbetsmarknaden för unga", "Drug supply, the youth labour market"),
      }),
      row({
        id: "MM2",
        problem: t("Samma målgrupp belastar vård och försäkring", "The same group weighs on health care and insurance"),
        targetGroup: t("Som MM1", "As MM1"),
        outputs: t("Samordnade vårdplaner", "Joint care plans"),
        shortTerm: t("Färre akuta vårdkontakter", "Fewer emergency visits"),
        mediumTerm: t("Färre dagar med sjukpenning", "Fewer days on sickness benefit"),
        longTerm: t("Lägre kostnader hos region och stat", "Lower costs at region and state"),
        level: t("system", "system"),
        indicator: t("Vårddagar och sjukpenningdagar i målgruppen", "Care days and sickness-benefit days in the group"),
        baseline: 900,
        target: 600,
        source: t("Regionens vårddata, Försäkringskassan", "Regional care data, Försäkringskassan"),
        assumptions: t("Regionen och Försäkringskassan delar data", "Region and Försäkringskassan share data"),
        externalFactors: t("Regler för sjukpenning", "Sickness-benefit rules"),
      }),
      row({
        id: "MM3",
        outputs: t("Elevhälsans insatser för samma elever", "School health work for the same pupils"),
        shortTerm: t("Ökad närvaro i skolan", "Better school attendance"),
        mediumTerm: t("Färre särskilda stödinsatser", "Less special support"),
        level: t("organisation", "organisation"),
        indicator: t("Elevernas närvaro, %", "Pupils' attendance, %"),
        baseline: 82,
        target: 90,
        source: t("Skolans närvarosystem", "The school's attendance system"),
        assumptions: t("Närvaro hänger samman med behovet av stöd", "Attendance goes with the need for support"),
      }),
    ],
    Fotosyntes: [
      row({
        id: "FS1",
        problem: t("Elever i åk 4–6 med svag måluppfyllelse och oro", "Pupils in years 4–6 with weak results and anxiety"),
        targetGroup: t("Elever i åk 4–6 på tre skolor", "Pupils in years 4–6 at three schools"),
        purpose: t("Fler elever når målen", "More pupils reach the goals"),
        resources: t("Fondens medel 3,5 Mkr; pedagoger, kurator", "Fund 3.5 Mkr; teachers, counsellor"),
        activities: t("Grupper för social och emotionell träning", "Social and emotional learning groups"),
        outputs: t("Antal elever och grupptillfällen", "Pupils and group sessions"),
        shortTerm: t("Bättre studiero", "Calmer classrooms"),
        mediumTerm: t("Högre måluppfyllelse åk 6", "Better results in year 6"),
        longTerm: t("Fullföljd gymnasieutbildning", "Completed upper secondary school"),
        level: t("individ", "individual"),
        indicator: t("Andel elever som når målen i åk 6, %", "Share of pupils reaching the goals in year 6, %"),
        baseline: 72,
        target: 85,
        source: t("Betygsstatistik", "Grade statistics"),
        assumptions: t("Social och emotionell träning ger bättre skolresultat (forskningsöversikter)", "Social and emotional learning improves results (research reviews)"),
        externalFactors: t("Lärarbehörighet, elevomsättning", "Teacher qualification, pupil turnover"),
      }),
      row({
        id: "FS2",
        outputs: t("Tidiga kontakter med familjer", "Early contacts with families"),
        shortTerm: t("Färre orosanmälningar", "Fewer reports of concern"),
        mediumTerm: t("Färre utredningar och insatser hos socialtjänsten, vården och Försäkringskassan", "Fewer investigations and interventions at social services, health care and Försäkringskassan"),
        level: t("system", "system"),
        indicator: t("Antal orosanmälningar för målgruppen", "Reports of concern for the group"),
        baseline: 45,
        target: 30,
        source: t("Socialtjänstens statistik", "Social services' statistics"),
        assumptions: t("Färre anmälningar följs av färre insatser", "Fewer reports are followed by fewer interventions"),
      }),
    ],
    "Star for Life": [
      row({
        id: "SL1",
        problem: t("Låg motivation och framtidstro i åk 7", "Low motivation and hope for the future in year 7"),
        targetGroup: t("Alla elever i åk 7", "All pupils in year 7"),
        purpose: t("Motiverade elever som fullföljer skolan", "Motivated pupils who finish school"),
        resources: t("Fondens medel 2 Mkr; programledare", "Fund 2 Mkr; programme leaders"),
        activities: t("Motivationsprogram, mentorer", "Motivation programme, mentors"),
        outputs: t("Antal elever i programmet", "Pupils in the programme"),
        shortTerm: t("Ökad framtidstro", "More hope for the future"),
        mediumTerm: t("Färre elever med stödinsatser", "Fewer pupils needing support"),
        longTerm: t("Färre unga utanför arbete och studier", "Fewer young people outside work and study"),
        level: t("individ", "individual"),
        indicator: t("Andel elever behöriga till gymnasiet, %", "Share of pupils eligible for upper secondary, %"),
        baseline: 80,
        target: 88,
        source: t("Betygsstatistik", "Grade statistics"),
        assumptions: t("Motivation påverkar behörighet; effekten håller i sig", "Motivation affects eligibility; the effect lasts"),
        externalFactors: t("Arbetsmarknaden för unga", "The youth labour market"),
      }),
    ],
  };
  const effectOf: Record<string, Record<string, string>> = {
    MiniMili: { [ato]: "MM1", [ukf]: "MM3", [region]: "MM2", [fk]: "MM2" },
    Fotosyntes: { [ukf]: "FS1", [ato]: "FS2", [region]: "FS2", [fk]: "FS2" },
    "Star for Life": { [ukf]: "SL1", [ato]: "SL1", [af]: "SL1" },
  };
  const links = (answers.costs ?? []).map((c) => ({ project: c.project, actor: c.actor, effect: effectOf[c.project][c.actor] }));
  return { year: answers.firstYear - 1, method: "plan", threshold: 0.1, logic, links, illustrative: true };
}
