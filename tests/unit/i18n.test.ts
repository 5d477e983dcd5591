import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { MESSAGES } from "@/lib/i18n/messages";
import { negotiateLocale } from "@/lib/domain/locales";
import { formatInstant, formatIsoDate, formatPartialDate } from "@/lib/domain/partial-date";
import { formatNumber } from "@/lib/domain/format";
import { vocabularyLabels, STATUSES, EVENT_KINDS, ORGANISATION_TYPES, CONFIDENCES, ROLES } from "@/lib/domain/vocabulary";
import { signInError, SIGN_IN_ERROR_MESSAGES } from "@/lib/domain/sign-in-messages";
import { TABLE_COLUMNS, TABLE_NAMES } from "@/lib/domain/tables/columns";
import { COLUMN_LABELS_FR, columnLabel } from "@/lib/domain/tables/column-labels";
import { concernsLabel } from "@/lib/domain/concerns";
import { presenceName } from "@/lib/domain/format";
import { describeFeedFilters, feedEntryTitle } from "@/lib/domain/feeds";

/** Every leaf of a messages object as "a.b.c" → value. */
function leaves(messages: object, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    if (value && typeof value === "object") for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}

/** The {arguments} of an ICU message, sorted; a plural's branches ("one {…}") are text, not arguments. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/(?<!(?:\b(?:zero|one|two|few|many|other)|=\d+) ?)\{(\w+)[,}]/g)].map((m) => m[1]))].sort();

describe("interface messages", () => {
  const english = leaves(en);
  const french = leaves(fr);

  it("has every English key in French and no key that English lacks", () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("has no empty message, and each French message takes the same placeholders as the English one", () => {
    for (const [key, value] of english) {
      expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
      const translated = french.get(key);
      expect(typeof translated === "string" && translated.trim().length > 0, `fr ${key}`).toBe(true);
      expect(placeholders(translated as string), key).toEqual(placeholders(value as string));
    }
  });

  it("formats every message in both languages, compiled as the app serves them, without an error or a leftover brace", () => {
    for (const [locale, source] of [
      ["en", en],
      ["fr", fr],
    ] as const) {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: MESSAGES[locale], onError: (error) => errors.push(error.message) });
      for (const [key, value] of leaves(source)) {
        // Rich messages take their tags as functions: each gets one that keeps its text.
        const tags = [...(value as string).matchAll(/<(\w+)>/g)].map((m) => [m[1], (chunks: string) => chunks]);
        const values = Object.fromEntries([...placeholders(value as string).map((name) => [name, 2]), ...tags]);
        const text = (t as unknown as { markup: (key: string, values: object) => string }).markup(key, values);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]|<\/?\w+>/);
      }
      expect(errors, locale).toEqual([]);
    }
    // Plurals and arguments come out formatted, in each language's way.
    const t = (locale: "en" | "fr") => createTranslator({ locale, messages: MESSAGES[locale], namespace: "table" });
    expect(t("en")("range", { first: 1, last: 50, total: "1,200", more: "", noun: "events" })).toBe("1–50 of 1,200 events");
    expect(t("fr")("nouns.events", { count: 1 })).toBe("événement");
    expect(t("fr")("nouns.events", { count: 3 })).toBe("événements");
  });
});

describe("choosing a language before sign-in", () => {
  it("takes the best supported language of Accept-Language", () => {
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLocale("fr-CH")).toBe("fr");
    expect(negotiateLocale("de-DE,de;q=0.9,fr;q=0.7,en;q=0.5")).toBe("fr");
    expect(negotiateLocale("en;q=0.4, fr;q=0.6")).toBe("fr");
    expect(negotiateLocale("en-GB, fr")).toBe("en");
    expect(negotiateLocale("fr;q=0, en")).toBe("en");
  });

  it("gives nothing for no header, a wildcard or only unknown languages", () => {
    for (const header of [undefined, null, "", "*", "de, es;q=0.5", "fr;q=abc", ";;;"]) expect(negotiateLocale(header), String(header)).toBeNull();
  });
});

describe("dates, numbers and vocabularies per language", () => {
  it("writes dates in French with the month in full", () => {
    const day = new Date("2023-06-16T00:00:00Z");
    expect(formatPartialDate(day, "DAY", "fr")).toBe("16 juin 2023");
    expect(formatPartialDate(day, "MONTH", "fr")).toBe("juin 2023");
    expect(formatPartialDate(day, "YEAR", "fr")).toBe("2023");
    expect(formatIsoDate("2025-02-01", "DAY", "fr")).toBe("1 février 2025");
    expect(formatInstant("2026-12-02T21:33:00Z", "fr")).toBe("2 décembre 2026, 21:33 UTC");
    expect(formatPartialDate(day, "DAY")).toBe("16 Jun 2023");
  });

  it("writes numbers with the French thousands separator", () => {
    // French groups with a narrow no-break space (U+202F), which never breaks a number across lines.
    expect(formatNumber(1000000, "fr")).toBe("1\u202f000\u202f000");
    expect(formatNumber(1000000)).toBe("1,000,000");
  });

  it("labels every vocabulary value in French, differently from English where the words differ", () => {
    const [english, french] = [vocabularyLabels("en"), vocabularyLabels("fr")];
    const sets = { status: STATUSES, kind: EVENT_KINDS, organisationType: ORGANISATION_TYPES, confidence: CONFIDENCES, role: ROLES } as const;
    for (const [name, values] of Object.entries(sets) as [keyof typeof sets, readonly string[]][]) {
      for (const value of values) {
        const label = (french[name] as Record<string, string>)[value];
        expect(label && label.length > 0, `${name}.${value}`).toBe(true);
      }
    }
    expect(french.status.EXPELLED).toBe("Expulsée");
    expect(english.status.EXPELLED).toBe("Expelled");
  });
});

describe("sign-in errors", () => {
  it("maps what next-auth reports to one of our messages, never to its own text", () => {
    expect(signInError("CredentialsSignin")).toBe("invalid");
    expect(signInError(SIGN_IN_ERROR_MESSAGES.throttled)).toBe("throttled");
    expect(signInError("<script>alert(1)</script>")).toBe("failed");
    expect(signInError(undefined)).toBeNull();
  });
});

describe("table headers in French", () => {
  it("has a French header for every column of every table", () => {
    for (const table of TABLE_NAMES) {
      for (const column of TABLE_COLUMNS[table]) {
        expect(COLUMN_LABELS_FR[table][column.id], `${table}.${column.id}`).toBeTruthy();
        expect(columnLabel(table, column.id, "en")).toBe(column.label);
      }
      expect(Object.keys(COLUMN_LABELS_FR[table]).sort(), table).toEqual(TABLE_COLUMNS[table].map((c) => c.id).sort());
    }
    expect(columnLabel("events", "peopleAffected", "fr")).toBe("Personnes touchées");
  });
});

describe("words the domain builds, in French", () => {
  it("names whom an event concerns, a presence and a change in French", () => {
    const event = { organisationName: null, concernedOrganisations: [], concernedTypes: ["INGO", "UN_AGENCY"] as const };
    expect(concernsLabel(event, "fr")).toBe("Toute organisation du pays de type ONG internationale ou Agence des Nations unies");
    expect(concernsLabel({ ...event, concernedTypes: [] }, "fr")).toBe("Tout le pays");
    expect(concernsLabel(event)).toBe("Every International NGO or UN agency in the country");
    expect(presenceName("CICR", "Niger", "fr")).toBe("CICR (Niger)");
    expect(presenceName("ICRC", "Niger")).toBe("ICRC in Niger");
    const change = {
      seq: "1",
      txid: "1",
      kind: "presence.statusChanged" as const,
      changedAt: new Date("2025-01-31T00:00:00Z"),
      eventId: 1,
      organisationId: 1,
      organisationName: "ICRC",
      countryIso3: "NER",
      countryName: "Niger",
      status: "EXPELLED" as const,
      previousStatus: "OPERATING" as const,
      event: null,
      assessment: null,
    };
    expect(feedEntryTitle(change, "fr")).toBe("Statut changé : ICRC (Niger), Opérationnelle → Expulsée");
    expect(feedEntryTitle(change)).toBe("Status changed: ICRC in Niger, Operating → Expelled");
    expect(describeFeedFilters({ country: "NER", status: "EXPELLED" }, { country: "Niger" }, "fr")).toBe("Niger · Expulsée");
  });
});
