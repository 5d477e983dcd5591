// Organisations and events of the Niger seed, each event with its sources. Quotes from the
// seed articles are verbatim (a test checks them against ./articles); `claim` says in our
// words what a source asserts, so that disagreements between sources stay visible.
// Facts in shared/reference-facts.md that name no source (the coup's exact day, the
// 3 Aug 2023 end of military cooperation with France) are not used.
import type { Confidence, EventKind, OrganisationType, Status } from "../../lib/domain/vocabulary";
import type { Subtype } from "@/lib/domain/constraints";

export interface SeedOrganisation {
  ref: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  website: string | null;
}

export interface SeedCitation {
  source: string; // SeedSource.ref
  quote?: string;
  claim?: string;
}

export interface SeedEvent {
  ref: string;
  /** Organisation ref, or null for an event that concerns the whole country. */
  organisation: string | null;
  country: string;
  kind: EventKind;
  status: Status | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD: the precision is the one the sources give. */
  date: string;
  confidence: Confidence;
  peopleAffected?: number;
  summary: string;
  /** A finer kind of constraint, when the sources say which (its category then comes with it). */
  subtype?: Subtype;
  /** First-level areas (ISO 3166-2) the sources place the event in; none: country-wide. */
  areas?: string[];
  sources: SeedCitation[];
}

export const SEED_ORGANISATIONS: SeedOrganisation[] = [
  { ref: "seed:org:icrc", name: "International Committee of the Red Cross", acronym: "ICRC", type: "RED_CROSS_RED_CRESCENT", website: "https://www.icrc.org" },
  { ref: "seed:org:acted", name: "Acted", acronym: "ACTED", type: "INGO", website: "https://www.acted.org" },
  { ref: "seed:org:apbe", name: "APBE", acronym: "APBE", type: "NATIONAL_NGO", website: null },
  { ref: "seed:org:us-forces", name: "United States Armed Forces", acronym: "US forces", type: "FOREIGN_MILITARY", website: null },
  { ref: "seed:org:french-forces", name: "French Armed Forces", acronym: "French forces", type: "FOREIGN_MILITARY", website: null },
  { ref: "seed:org:french-embassy", name: "Embassy of France in Niger", acronym: null, type: "GOVERNMENT_MISSION", website: null },
  { ref: "seed:org:russian-forces", name: "Russian Armed Forces", acronym: "Russian forces", type: "FOREIGN_MILITARY", website: null },
];

/**
 * Other names the seed articles use for a seeded organisation, each verbatim in the article
 * cited (a test checks). Nothing else: no translation or acronym the sources do not print.
 */
export interface SeedAlias {
  organisation: string; // SeedOrganisation.ref
  name: string;
  language: string | null;
  acronym?: boolean;
  source: string; // SeedSource.ref of the article that uses the name
}

export const SEED_ALIASES: SeedAlias[] = [
  { organisation: "seed:org:us-forces", name: "U.S. troops", language: "en", source: "seed-article:004" },
  { organisation: "seed:org:us-forces", name: "American troops", language: "en", source: "seed-article:004" },
  { organisation: "seed:org:us-forces", name: "US military", language: "en", source: "seed-article:002" },
];

const ART000_BANS =
  "The decision to expel the ICRC follows previous bans on French humanitarian NGO Acted and local non-profit APBE in November 2023, with Niger withdrawing their licenses.";
const ART000_SOLDIERS = "The junta expelled French and US soldiers, who were stationed in the country to help combat jihadist insurgencies in the region.";

export const SEED_EVENTS: SeedEvent[] = [
  // Niger as a whole
  {
    ref: "seed:event:ner-coup",
    organisation: null,
    country: "NER",
    kind: "OTHER",
    status: null,
    date: "2023-07",
    confidence: "CONFIRMED",
    summary: "A military coup removes President Mohamed Bazoum; the junta takes power.",
    sources: [
      {
        source: "seed-article:000",
        quote: "the junta continues its shift toward self-reliance and sovereignty since seizing power in July 2023",
        claim: "The junta seized power in July 2023.",
      },
      {
        source: "seed-article:003",
        quote: "Tensions have been high between Niger and the US since last July after then-president Mohamed Bazoum was overthrown and taken into custody.",
      },
    ],
  },
  {
    ref: "seed:event:ner-ngo-supervision",
    subtype: "SUPERVISION_MEASURES",
    organisation: null,
    country: "NER",
    kind: "RESTRICTION_IMPOSED",
    status: null,
    date: "2024-01",
    confidence: "REPORTED",
    summary:
      "Interior Minister Gen. Mohamed Toumba announces strict measures to monitor and supervise NGOs and development organisations, accusing some of aiding terrorist groups.",
    sources: [
      {
        source: "seed-article:000",
        quote:
          "In January 2024, Niger’s Interior Minister, General Mohamed Toumba, stated that the government was implementing strict measures to monitor and supervise NGOs and development organizations, accusing some of aiding terrorist groups.",
      },
    ],
  },

  // ICRC
  {
    ref: "seed:event:icrc-presence-since",
    organisation: "seed:org:icrc",
    country: "NER",
    kind: "ARRIVAL",
    status: "OPERATING",
    date: "1990",
    confidence: "DISPUTED",
    summary: "The ICRC has worked in Niger since 1990, according to AP and the ICRC; a 2023 TASS report says since 2007.",
    sources: [
      { source: "ext:ap:icrc-since-1990", claim: "In Niger since 1990." },
      { source: "ext:icrc:since-1990", claim: "In Niger since 1990." },
      { source: "seed-article:000", quote: "Naija News gathered that the ICRC has been operating in Niger since 1990", claim: "In Niger since 1990." },
      { source: "ext:tass:2023", claim: "In Niger since 2007." },
    ],
  },
  {
    ref: "seed:event:icrc-ordered-out",
    subtype: "AGREEMENT_ENDED",
    organisation: "seed:org:icrc",
    country: "NER",
    kind: "AGREEMENT_TERMINATED",
    status: "EXPELLED",
    date: "2025-01-31",
    confidence: "CONFIRMED",
    peopleAffected: 2_000_000,
    summary:
      "A Foreign Ministry note verbale dated 31 January 2025 denounces the ICRC's headquarters agreement, orders its offices closed and its expatriate staff out. The ICRC reached more than 2 million people in Niger in 2024.",
    sources: [
      {
        source: "ext:journal-du-mali:icrc-statement",
        claim: "The note verbale is dated 31 January 2025; it denounces the headquarters agreement and orders offices closed and expatriate staff out.",
      },
      {
        source: "seed-article:000",
        quote:
          "The ruling military junta in Niger has ordered the International Committee of the Red Cross (ICRC) to immediately leave the country, terminating its agreements with the humanitarian organization.",
      },
      { source: "ext:icrc:press-release-2024-reach", claim: "More than 2 million people reached in 2024, in Diffa, Tahoua, Tillabéri and Agadez." },
      {
        source: "seed-article:001",
        quote:
          "Its services reached over two million people, including victims of armed conflict and families displaced by extremist violence, particularly in the troubled Sahel region.",
      },
    ],
  },
  {
    ref: "seed:event:icrc-office-closed",
    organisation: "seed:org:icrc",
    country: "NER",
    kind: "OFFICE_CLOSED",
    status: "EXPELLED",
    date: "2025-02-04",
    confidence: "CONFIRMED",
    summary: "The ICRC receives the note on Tuesday 4 February 2025 and closes its office in Niamey.",
    sources: [
      { source: "ext:anadolu:icrc-office-closed", claim: 'Office closed "since Tuesday" (4 February 2025).' },
      { source: "ext:rfi-afp:2025-02-06", claim: 'Office closed "since Tuesday" (4 February 2025).' },
      {
        source: "seed-article:000",
        quote:
          "A source confirmed to AFP on Wednesday that some foreign Red Cross staff had already begun departing, and the organization had closed its office in Niamey on Tuesday.",
      },
    ],
  },
  {
    ref: "seed:event:icrc-accused",
    organisation: "seed:org:icrc",
    country: "NER",
    kind: "OTHER",
    status: null,
    date: "2025-05-31",
    confidence: "REPORTED",
    summary: 'Gen. Abdourahamane Tchiani, on state television, accuses the ICRC of meeting "terrorist leaders"; the ICRC rejects the claims.',
    sources: [
      { source: "ext:ap:tchiani-accuses-icrc", claim: "Accusation made on state television on 31 May 2025." },
      {
        source: "seed-article:001",
        quote: "Speaking on state television, he accused the Red Cross of meeting with extremist leaders and indirectly supporting armed groups.",
      },
    ],
  },
  {
    ref: "seed:event:icrc-withdrawal",
    organisation: "seed:org:icrc",
    country: "NER",
    kind: "WITHDRAWAL_COMPLETED",
    status: "EXPELLED",
    date: "2025-06-05",
    confidence: "REPORTED",
    summary:
      'The ICRC announces that its offices in Niger are closed and all foreign staff have left, four months after the order. The day is inferred from AP\'s "on Thursday".',
    sources: [
      { source: "ext:ap:2025-06-06", claim: 'Announced "on Thursday", i.e. 5 June 2025 (inferred).' },
      {
        source: "seed-article:001",
        quote:
          "The International Committee of the Red Cross (ICRC) has officially closed its offices in Niger and withdrawn all foreign staff, bringing an end to over three decades of humanitarian work in the country.",
      },
    ],
  },

  // Acted
  {
    ref: "seed:event:acted-presence-since",
    organisation: "seed:org:acted",
    country: "NER",
    kind: "ARRIVAL",
    status: "OPERATING",
    date: "2010",
    confidence: "DISPUTED",
    summary: "Acted has worked in Niger since 2010, according to AP and AFP; Naija News (citing AFP) says since 2009.",
    sources: [
      { source: "ext:ap:acted-since-2010", claim: "In Niger since 2010." },
      { source: "ext:afp-fr:acted-since-2010", claim: "In Niger since 2010." },
      {
        source: "seed-article:000",
        quote:
          "Acted, which had been operating in Niger since 2009, provided humanitarian assistance, particularly to displaced persons affected by jihadist violence in the Sahel.",
        claim: "In Niger since 2009.",
      },
    ],
  },
  {
    ref: "seed:event:acted-diffa-suspension",
    areas: ["NE-2"],
    subtype: "SUSPENSION_ORDER",
    organisation: "seed:org:acted",
    country: "NER",
    kind: "OPERATIONS_SUSPENDED",
    status: null,
    date: "2021",
    confidence: "REPORTED",
    summary:
      "The governor of Diffa suspends Acted in his region. The source does not say when the suspension ended, so no country-wide status is derived from it.",
    sources: [{ source: "ext:le-tenor:acted-apbe", claim: "In 2021 the governor of Diffa suspended Acted." }],
  },
  {
    ref: "seed:event:acted-licence-revoked",
    subtype: "REGISTRATION_WITHDRAWN",
    organisation: "seed:org:acted",
    country: "NER",
    kind: "LICENCE_REVOKED",
    status: "EXPELLED",
    date: "2024-11-12",
    confidence: "DISPUTED",
    peopleAffected: 1_000_000,
    summary:
      "Decrees signed by Interior Minister Gen. Mohamed Toumba withdraw Acted's licence with immediate effect, giving no reason. The date is disputed: AP and Le Ténor give 12 November 2024, Naija News (citing AFP) says November 2023. Acted reports more than 1 million beneficiaries in Niger.",
    sources: [
      { source: "ext:ap:2024-11-13", claim: "Licence withdrawn by decrees of 12 November 2024." },
      { source: "ext:le-tenor:acted-apbe", claim: "Licence withdrawn by decrees of 12 November 2024." },
      { source: "seed-article:000", quote: ART000_BANS, claim: "Banned in November 2023." },
      {
        source: "seed-article:001",
        quote: "In November, the government banned the French humanitarian organization Acted, citing deteriorating relations with France.",
        claim: 'Banned "in November" (year not stated).',
      },
      { source: "ext:afp:acted-beneficiaries", claim: "More than 1 million beneficiaries in Niger (Acted's website)." },
    ],
  },

  // APBE
  {
    ref: "seed:event:apbe-founded",
    organisation: "seed:org:apbe",
    country: "NER",
    kind: "ARRIVAL",
    status: "OPERATING",
    date: "2009",
    confidence: "REPORTED",
    summary: "APBE, a Nigerien NGO working on malnutrition, human rights and pastoral development, is founded.",
    sources: [{ source: "ext:le-tenor:acted-apbe", claim: "Founded in 2009." }],
  },
  {
    ref: "seed:event:apbe-licence-revoked",
    subtype: "REGISTRATION_WITHDRAWN",
    organisation: "seed:org:apbe",
    country: "NER",
    kind: "LICENCE_REVOKED",
    status: "EXPELLED",
    date: "2024-11-12",
    confidence: "DISPUTED",
    summary:
      "Decrees signed by Interior Minister Gen. Mohamed Toumba withdraw APBE's licence with immediate effect, giving no reason. The date is disputed: AP and Le Ténor give 12 November 2024, Naija News (citing AFP) says November 2023.",
    sources: [
      { source: "ext:ap:2024-11-13", claim: "Licence withdrawn by decrees of 12 November 2024." },
      { source: "ext:le-tenor:acted-apbe", claim: "Licence withdrawn by decrees of 12 November 2024." },
      { source: "seed-article:000", quote: ART000_BANS, claim: "Banned in November 2023." },
    ],
  },

  // United States forces
  {
    ref: "seed:event:us-agreement-2012",
    organisation: "seed:org:us-forces",
    country: "NER",
    kind: "OTHER",
    status: "OPERATING",
    date: "2012",
    confidence: "CONFIRMED",
    summary: "Niger and the United States sign the agreement on the status of US military and civilian defence staff in Niger.",
    sources: [
      {
        source: "seed-article:002",
        quote:
          "According to Abderrahmane, the agreement between Niger and the United States – signed in 2012 – was imposed on his country and thus violated “constitutional and democratic rules.”",
      },
    ],
  },
  {
    ref: "seed:event:us-agreement-ended",
    subtype: "AGREEMENT_ENDED",
    organisation: "seed:org:us-forces",
    country: "NER",
    kind: "AGREEMENT_TERMINATED",
    status: "EXPELLED",
    date: "2024-03-16",
    confidence: "DISPUTED",
    summary:
      "Col. Amadou Abdramane announces on national television the end, with immediate effect, of the 2012 agreement; US forces (about 1,100 troops) must leave. One source dates the statement 15 March.",
    sources: [
      {
        source: "seed-article:002",
        quote: "Niger's military junta immediately ended military cooperation with the United States on Saturday.",
        claim: "Announced on Saturday (16 March 2024).",
      },
      {
        source: "seed-article:003",
        quote:
          "The 12-year-old pact, which allowed US forces to monitor and fight jihadist terrorism on Niger’s land, was compromised when a junta spokesman declared their presence “illegal” in a public statement on March 15, per The Guardian.",
        claim: "Declared illegal on 15 March.",
      },
      { source: "seed-article:000", quote: ART000_SOLDIERS, claim: "US soldiers expelled (no date given)." },
    ],
  },
  {
    ref: "seed:event:us-withdrawal-agreed",
    organisation: "seed:org:us-forces",
    country: "NER",
    kind: "OTHER",
    status: null,
    date: "2024-05-19",
    confidence: "CONFIRMED",
    summary: "Joint statement: the withdrawal of nearly 1,000 US military personnel is to be completed by 15 September 2024.",
    sources: [
      {
        source: "seed-article:004",
        quote:
          "NIAMEY,NIGER — Niger and the United States have announced a mutual agreement to withdraw American troops from the West African nation, with the process set to be completed by September 15.",
      },
      { source: "ext:africom:joint-statement-withdrawal", claim: "Joint statement of 19 May 2024: withdrawal to be completed by 15 September 2024." },
    ],
  },
  {
    ref: "seed:event:us-base-101",
    areas: ["NE-8"],
    organisation: "seed:org:us-forces",
    country: "NER",
    kind: "OFFICE_CLOSED",
    status: "EXPELLED",
    date: "2024-07-07",
    confidence: "CONFIRMED",
    summary: "Air Base 101 in Niamey is handed over to Niger.",
    sources: [{ source: "ext:africom:joint-statement-bases", claim: "Air Base 101 (Niamey) handed over on 7 July 2024." }],
  },
  {
    ref: "seed:event:us-base-201",
    areas: ["NE-1"],
    organisation: "seed:org:us-forces",
    country: "NER",
    kind: "OFFICE_CLOSED",
    status: "EXPELLED",
    date: "2024-08-05",
    confidence: "CONFIRMED",
    summary: "Air Base 201 in Agadez, the US drone base, is handed over to Niger.",
    sources: [
      { source: "ext:africom:joint-statement-bases", claim: "Air Base 201 (Agadez) handed over on 5 August 2024." },
      { source: "seed-article:003", quote: "As the withdrawal occurs, one of the US’ main drone bases in Africa will close." },
    ],
  },
  {
    ref: "seed:event:us-withdrawal-complete",
    organisation: "seed:org:us-forces",
    country: "NER",
    kind: "WITHDRAWAL_COMPLETED",
    status: "EXPELLED",
    date: "2024-09-16",
    confidence: "CONFIRMED",
    summary: "US Africa Command announces that the withdrawal of US forces from Niger is complete.",
    sources: [{ source: "ext:africom:withdrawal-complete", claim: "Withdrawal announced complete on 16 September 2024." }],
  },

  // France
  {
    ref: "seed:event:fr-ambassador-ordered-out",
    subtype: "EXPULSION_ORDER",
    organisation: "seed:org:french-embassy",
    country: "NER",
    kind: "ORDER_TO_LEAVE",
    status: "EXPELLED",
    date: "2023-08-25",
    confidence: "CONFIRMED",
    summary: "The junta orders the French ambassador, Sylvain Itté, to leave Niger.",
    sources: [
      { source: "ext:dw-afp:french-ambassador", claim: "Ordered to leave on 25 August 2023." },
      { source: "ext:europe1:french-ambassador", claim: "Ordered to leave on 25 August 2023." },
      {
        source: "seed-article:000",
        quote: "Additionally, the French ambassador was ordered to leave, deepening the diplomatic rift between Niger and its former colonial ruler.",
      },
    ],
  },
  {
    ref: "seed:event:fr-ambassador-left",
    organisation: "seed:org:french-embassy",
    country: "NER",
    kind: "WITHDRAWAL_COMPLETED",
    status: "EXPELLED",
    date: "2023-09-27",
    confidence: "CONFIRMED",
    summary: "Ambassador Sylvain Itté leaves Niger for Chad.",
    sources: [
      { source: "ext:dw-afp:french-ambassador", claim: "Left for Chad on 27 September 2023." },
      { source: "ext:europe1:french-ambassador", claim: "Left for Chad on 27 September 2023." },
    ],
  },
  {
    ref: "seed:event:fr-troops-first-convoy",
    organisation: "seed:org:french-forces",
    country: "NER",
    kind: "OTHER",
    status: "EXPELLED",
    date: "2023-10-10",
    confidence: "CONFIRMED",
    summary: "The first convoy of French troops leaves Niger, which has expelled them.",
    sources: [
      { source: "ext:xinhua:french-troops", claim: "First convoy left on 10 October 2023." },
      { source: "ext:afp:french-troops", claim: "First convoy left on 10 October 2023." },
      { source: "seed-article:000", quote: ART000_SOLDIERS, claim: "French soldiers expelled (no date given)." },
      {
        source: "seed-article:002",
        quote: "The end of cooperation with the United States follows the previous expulsion of French and other European forces from the African country.",
      },
    ],
  },
  {
    ref: "seed:event:fr-troops-withdrawn",
    organisation: "seed:org:french-forces",
    country: "NER",
    kind: "WITHDRAWAL_COMPLETED",
    status: "EXPELLED",
    date: "2023-12-22",
    confidence: "CONFIRMED",
    summary: "The last of about 1,500 French troops leave Niger.",
    sources: [
      { source: "ext:xinhua:french-troops", claim: "Last troops left on 22 December 2023." },
      { source: "ext:afp:french-troops", claim: "Last of about 1,500 troops left on 22 December 2023." },
    ],
  },

  // Russia
  {
    ref: "seed:event:ru-arrival",
    organisation: "seed:org:russian-forces",
    country: "NER",
    kind: "ARRIVAL",
    status: "OPERATING",
    date: "2024-04",
    confidence: "REPORTED",
    summary: "Russian military personnel arrive in Niger (April–May 2024) and take up positions at an air base that hosts US troops.",
    sources: [
      {
        source: "seed-article:003",
        quote:
          "Protesters gathered in the streets of Niger’s capital last week to demand the withdrawal of American military troops as Russian military officials arrived in the country.",
        claim: "Russian military officials arrived about a month after 15 March 2024.",
      },
      {
        source: "seed-article:004",
        quote: "Since then, Russian military personnel have taken up positions at an air base in Niger that currently hosts U.S. troops.",
        claim: 'A related item of 3 May 2024 is headed "Tensions Brew as Russian Forces Enter Niger Air Base Housing US Troops".',
      },
    ],
  },
];

/** Where an organisation works in a country, as its sources say (presence areas). */
export const SEED_PRESENCE_AREAS: { organisation: string; country: string; areas: string[]; source: string }[] = [
  // "More than 2 million people reached in 2024, in Diffa, Tahoua, Tillabéri and Agadez" (ICRC press release).
  { organisation: "seed:org:icrc", country: "NER", areas: ["NE-2", "NE-5", "NE-6", "NE-1"], source: "ext:icrc:press-release-2024-reach" },
];
