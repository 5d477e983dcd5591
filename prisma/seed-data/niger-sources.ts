// Sources of the Niger seed. The five seed articles are in ./articles (copied verbatim from
// shared/seed-articles); the others are outside reports listed in shared/reference-facts.md,
// whose URLs are not known here (url: null). Titles in [square brackets] are supplied by us,
// as in bibliographies, where the source's own title is not known.
import type { DatePrecision } from "../../lib/domain/vocabulary";

export interface SeedSource {
  ref: string;
  publisher: string;
  title: string;
  url: null;
  publishedOn: string | null; // YYYY, YYYY-MM or YYYY-MM-DD, only where a source states it
  publishedPrecision?: DatePrecision;
  /** File in ./articles for seed articles, whose quotes must appear verbatim in it. */
  articleFile?: string;
}

export const SEED_SOURCES: SeedSource[] = [
  {
    ref: "seed-article:000",
    publisher: "Naija News (citing AFP)",
    title: "[Niger's junta orders the ICRC to leave the country]",
    url: null,
    publishedOn: null,
    articleFile: "000_f792fdb0623300c3.txt",
  },
  {
    ref: "seed-article:001",
    publisher: "Unnamed publisher",
    title: "[ICRC closes its offices in Niger and withdraws all foreign staff]",
    url: null,
    publishedOn: null,
    articleFile: "001_ddc90c32825758a2.txt",
  },
  {
    ref: "seed-article:002",
    publisher: "Unnamed publisher (translated wire story)",
    title: "The military junta in Niger ends cooperation with the United States and soldiers are forced to leave",
    url: null,
    publishedOn: null,
    articleFile: "002_06bd735c41bad691.txt",
  },
  {
    ref: "seed-article:003",
    publisher: "Unnamed publisher (citing The Guardian and Fox News)",
    title: "US to withdraw military from Niger after security pact revoked",
    url: null,
    publishedOn: null,
    articleFile: "003_01639d3d1ee7de80.txt",
  },
  {
    ref: "seed-article:004",
    publisher: "Unnamed publisher (dateline Niamey)",
    title: "[Niger and the United States agree that US troops leave by 15 September]",
    url: null,
    publishedOn: null,
    articleFile: "004_0a5011189d6b1c98.txt",
  },
  {
    ref: "ext:journal-du-mali:icrc-statement",
    publisher: "Journal du Mali (reporting an ICRC statement)",
    title: "[ICRC statement on the note verbale of 31 January 2025]",
    url: null,
    publishedOn: null,
  },
  {
    ref: "ext:anadolu:icrc-office-closed",
    publisher: "Anadolu Agency (citing Air Info)",
    title: "[ICRC office in Niger closed since Tuesday]",
    url: null,
    publishedOn: null,
  },
  {
    ref: "ext:rfi-afp:2025-02-06",
    publisher: "RFI (AFP)",
    title: "[ICRC closes its office in Niger]",
    url: null,
    publishedOn: "2025-02-06",
    publishedPrecision: "DAY",
  },
  {
    ref: "ext:ap:tchiani-accuses-icrc",
    publisher: "Associated Press",
    title: "[Niger's leader accuses the ICRC on state television]",
    url: null,
    publishedOn: null,
  },
  {
    ref: "ext:ap:2025-06-06",
    publisher: "Associated Press",
    title: "[ICRC closes its offices in Niger and its foreign staff leave]",
    url: null,
    publishedOn: "2025-06-06",
    publishedPrecision: "DAY",
  },
  { ref: "ext:ap:icrc-since-1990", publisher: "Associated Press", title: "[ICRC in Niger since 1990]", url: null, publishedOn: null },
  { ref: "ext:icrc:since-1990", publisher: "ICRC", title: "[ICRC in Niger since 1990]", url: null, publishedOn: null },
  { ref: "ext:tass:2023", publisher: "TASS", title: "[Report on the ICRC in Niger]", url: null, publishedOn: "2023", publishedPrecision: "YEAR" },
  {
    ref: "ext:icrc:press-release-2024-reach",
    publisher: "ICRC (press release)",
    title: "[More than 2 million people reached in Niger in 2024]",
    url: null,
    publishedOn: null,
  },
  {
    ref: "ext:ap:2024-11-13",
    publisher: "Associated Press",
    title: "[Niger withdraws the licences of Acted and APBE]",
    url: null,
    publishedOn: "2024-11-13",
    publishedPrecision: "DAY",
  },
  { ref: "ext:le-tenor:acted-apbe", publisher: "Le Ténor (Niger)", title: "[Decrees withdraw the licences of Acted and APBE]", url: null, publishedOn: null },
  { ref: "ext:ap:acted-since-2010", publisher: "Associated Press", title: "[Acted in Niger since 2010]", url: null, publishedOn: null },
  { ref: "ext:afp-fr:acted-since-2010", publisher: "AFP (in French)", title: "[Acted au Niger depuis 2010]", url: null, publishedOn: null },
  {
    ref: "ext:afp:acted-beneficiaries",
    publisher: "AFP (citing Acted's website)",
    title: "[Acted: more than 1 million beneficiaries in Niger]",
    url: null,
    publishedOn: null,
  },
  {
    ref: "ext:africom:joint-statement-withdrawal",
    publisher: "US Africa Command",
    title: "[Joint statement on the withdrawal of US forces from Niger]",
    url: null,
    publishedOn: null,
  },
  {
    ref: "ext:africom:joint-statement-bases",
    publisher: "US Africa Command",
    title: "[Joint statement on the handover of Air Bases 101 and 201]",
    url: null,
    publishedOn: null,
  },
  { ref: "ext:africom:withdrawal-complete", publisher: "US Africa Command", title: "[US withdrawal from Niger complete]", url: null, publishedOn: null },
  {
    ref: "ext:dw-afp:french-ambassador",
    publisher: "DW (AFP)",
    title: "[French ambassador ordered out of Niger; leaves for Chad]",
    url: null,
    publishedOn: null,
  },
  {
    ref: "ext:europe1:french-ambassador",
    publisher: "Europe 1",
    title: "[French ambassador ordered out of Niger; leaves for Chad]",
    url: null,
    publishedOn: null,
  },
  { ref: "ext:xinhua:french-troops", publisher: "Xinhua", title: "[French troops leave Niger]", url: null, publishedOn: null },
  { ref: "ext:afp:french-troops", publisher: "AFP", title: "[French troops leave Niger]", url: null, publishedOn: null },
];
