/**
 * The unit-cost table the workbook starts with (Enhetskostnader): public Swedish figures, each quoted
 * from its source with unit and price year (research/unit-costs.md), none a norm — SKL's own list says
 * "Denna lista ger inga 'sanningar'". Every value is an editable input in the workbook. Values in kr.
 * The uplift to the model's price year uses SCB's KPI (1980 = 100, yearly mean); PKV (SKR) would fit a
 * kommun's costs better but its values are published only in SKR's Excel files.
 */

export type UnitCostKey =
  | "sisTreatmentOpen"
  | "sisTreatmentLocked"
  | "sisFullCost"
  | "fosterHomeAgency"
  | "fosterHomeMunicipal"
  | "socialAssistance"
  | "bbicInvestigation"
  | "preliminaryAssessment"
  | "leisureSupport"
  | "compulsorySchool79";

export interface UnitCost {
  key: UnitCostKey;
  label: { sv: string; en: string };
  /** kr per unit, in the price year. */
  value: number;
  unit: { sv: string; en: string };
  priceYear: number;
  source: string;
  remark: { sv: string; en: string };
}

const SIS = "SiS, Kraftigt sänkt avgift i SiS ungdomsvård (pressmeddelande 2020), https://www.stat-inst.se/press/pressmeddelanden-nyheter/2020/kraftigt-sankt-avgift-i-sis-ungdomsvard/";
const SKL = "SKL, Uppdrag Psykisk Hälsa, Insatskostnader – Sociala investeringar (2015), kopia: http://spotidoc.com/doc/4153731/";
const ETC = "Bergslagen ETC 2017-03-31, Privata familjehem fyra gånger dyrare än kommunala, https://bergslagen.etc.se/inrikes/privata-familjehem-fyra-ganger-dyrare-kommunala";
const perDay = { sv: "kr/dygn", en: "SEK/day" };
const each = { sv: "kr/styck", en: "SEK each" };

export const UNIT_COSTS: readonly UnitCost[] = [
  {
    key: "sisTreatmentOpen",
    label: { sv: "SiS ungdomshem, behandling, öppen avdelning (3 § LVU)", en: "SiS youth home, treatment, open ward (LVU 3 §)" },
    value: 3528, unit: perDay, priceYear: 2020, source: SIS,
    remark: { sv: "Vårdavgift 1 jul–31 dec 2020, sänkt 28 %", en: "Fee 1 Jul–31 Dec 2020, lowered by 28 %" },
  },
  {
    key: "sisTreatmentLocked",
    label: { sv: "SiS ungdomshem, behandling, låsbar avdelning (3 § LVU)", en: "SiS youth home, treatment, locked ward (LVU 3 §)" },
    value: 5400, unit: perDay, priceYear: 2020, source: SIS,
    remark: { sv: "Vårdavgift 1 jul–31 dec 2020, sänkt 28 %", en: "Fee 1 Jul–31 Dec 2020, lowered by 28 %" },
  },
  {
    key: "sisFullCost",
    label: { sv: "SiS ungdomsvård, dygnskostnad per person (hela kostnaden)", en: "SiS youth care, full cost per person and day" },
    value: 13000, unit: perDay, priceYear: 2023,
    source: "Riksrevisionen, SiS särskilda ungdomshem – brister i statens tvångsvård av barn och unga (RiR 2024), kap. 1, riksrevisionen.se",
    remark: { sv: "\"överskred 13 000 kronor\": en undre gräns; samhällsekonomisk kostnad, inte avgiften", en: "\"exceeded 13,000 kronor\": a lower bound; the full cost, not the fee" },
  },
  {
    key: "fosterHomeAgency",
    label: { sv: "Familjehem, konsulentstött (privat), Ljusnarsberg", en: "Foster home, agency-supported (private), Ljusnarsberg" },
    value: 1925, unit: perDay, priceYear: 2017, source: ETC,
    remark: { sv: "Lokalt genomsnitt (Hällefors 2 007)", en: "Local average (Hällefors 2,007)" },
  },
  {
    key: "fosterHomeMunicipal",
    label: { sv: "Familjehem, kommunalt, Ljusnarsberg", en: "Foster home, municipal, Ljusnarsberg" },
    value: 510, unit: perDay, priceYear: 2017, source: ETC,
    remark: { sv: "Lokalt genomsnitt (Hällefors 675)", en: "Local average (Hällefors 675)" },
  },
  {
    key: "socialAssistance",
    label: { sv: "Ekonomiskt bistånd, riket, per biståndshushåll", en: "Social assistance, Sweden, per household" },
    value: 60225, unit: { sv: "kr/hushåll och år", en: "SEK/household and year" }, priceYear: 2020,
    source: "Socialstyrelsen via Regionfakta, https://www.regionfakta.com/orebro-lan/befolkning-och-hushall/ekonomiskt-bistand/",
    remark: { sv: "198 514 hushåll, 11 955 560 tkr", en: "198,514 households, 11,955,560 tkr" },
  },
  {
    key: "bbicInvestigation",
    label: { sv: "Utredning BBIC (socialtjänsten)", en: "BBIC investigation (social services)" },
    value: 30561, unit: each, priceYear: 2015, source: SKL,
    remark: { sv: "Listan från 2015 anger inget prisår", en: "The 2015 list states no price year" },
  },
  {
    key: "preliminaryAssessment",
    label: { sv: "Förhandsbedömning (socialtjänsten)", en: "Preliminary assessment (social services)" },
    value: 1543, unit: each, priceYear: 2015, source: SKL,
    remark: { sv: "Listan från 2015 anger inget prisår", en: "The 2015 list states no price year" },
  },
  {
    key: "leisureSupport",
    label: { sv: "Stöd på fritiden, t.ex. på fritidsgård", en: "Leisure-time support, e.g. at a youth centre" },
    value: 9500, unit: { sv: "kr/månad", en: "SEK/month" }, priceYear: 2015, source: SKL,
    remark: { sv: "Listan från 2015 anger inget prisår", en: "The 2015 list states no price year" },
  },
  {
    key: "compulsorySchool79",
    label: { sv: "Grundskola åk 7–9, bidragsbelopp, Norrköping", en: "Compulsory school years 7–9, per-pupil amount, Norrköping" },
    value: 91142, unit: { sv: "kr/elev och år", en: "SEK/pupil and year" }, priceYear: 2019,
    source: "Norrköpings kommun, Skolor i andra kommuner – Prislista 2019, https://norrkoping.se/skola-och-forskola/forskola-och-skola-i-annan-kommun/skolor-i-andra-kommuner",
    remark: { sv: "Interkommunal ersättning", en: "Inter-municipal payment" },
  },
];

/** SCB, Konsumentprisindex (1980=100), fastställda tal, årsmedel (research/unit-costs.md §3). */
export const KPI: Readonly<Record<number, number>> = {
  2006: 284.22, 2007: 290.51, 2008: 300.61, 2009: 299.66, 2010: 303.46, 2011: 311.43,
  2012: 314.2, 2013: 314.06, 2014: 313.49, 2015: 313.35, 2016: 316.43, 2017: 322.11,
  2018: 328.4, 2019: 334.26, 2020: 335.92, 2021: 343.19, 2022: 371.91, 2023: 403.7,
};
export const KPI_YEARS: readonly number[] = Object.keys(KPI).map(Number).sort((a, b) => a - b);

/** The price year unit costs are uplifted to: the model's first year, within the years KPI has a value for. */
export function defaultPriceYear(firstYear: number): number {
  return Math.min(Math.max(firstYear, KPI_YEARS[0]), KPI_YEARS[KPI_YEARS.length - 1]);
}

/** Enhetskostnader as the workbook holds it (read back on a change in place): row i is UNIT_COSTS[i]'s row (links go by key), texts in the model's language. */
export interface UnitCostTable {
  /** The model's price year the costs are uplifted to. */
  priceYear: number;
  rows: { label: string; value: number; unit: string; priceYear: number; source: string; remark: string }[];
  /** One per KPI_YEARS entry. */
  index: { year: number; value: number }[];
}

export function unitCostOf(key: string): UnitCost | undefined {
  return UNIT_COSTS.find((u) => u.key === key);
}
