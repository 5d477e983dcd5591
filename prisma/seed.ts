// Seeds the database: all countries, then the Niger organisations, sources and events
// (prisma/seed-data), and, for the embedded demo only, three demo users.
// Idempotent: rows are found by their stable `ref` and only created when missing, so a
// second run changes nothing and never overwrites an analyst's later edits.
import type { PrismaClient } from "../lib/generated/prisma/client";
import { DEFAULT_CATEGORY, SUBTYPE } from "@/lib/domain/constraints";
import { parsePartialDate } from "../lib/domain/partial-date";
import { recountEvent } from "@/lib/data/projections/event-month-totals";
import { refreshPresenceProjection } from "@/lib/data/projections/presence-projection-store";
import { createUser } from "../lib/data/users";
import { DEMO_USERS } from "../lib/domain/demo-users";
import { allCountries } from "./seed-data/countries";
import { SEED_SOURCES } from "./seed-data/niger-sources";
import { SEED_ALIASES, SEED_EVENTS, SEED_ORGANISATIONS, SEED_PRESENCE_AREAS } from "./seed-data/niger-events";
import { ALL_AREAS } from "../lib/domain/areas";

export { DEMO_USERS };

export interface SeedOptions {
  /** Create the demo users (embedded demo database only). */
  demoPassword?: string;
  log?: (line: string) => void;
}

export interface SeedReport {
  countries: number;
  areas: number;
  organisations: number;
  sources: number;
  events: number;
  users: number;
}

function partialDate(text: string) {
  const parsed = parsePartialDate(text);
  if (!parsed) throw new Error(`Seed data has an invalid date: ${text}`);
  return parsed;
}

/**
 * Every country's first-level areas (lib/domain/areas.ts); new ones only, so a database made
 * before an areas update gains the new codes. Also run at every start (scripts/start.ts).
 */
export async function addAreas(prisma: Pick<PrismaClient, "area">): Promise<number> {
  const data = ALL_AREAS.map(({ code, iso3, name }) => ({ code, countryIso3: iso3, name }));
  return (await prisma.area.createMany({ data, skipDuplicates: true })).count;
}

export async function seedDatabase(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  const report: SeedReport = { countries: 0, areas: 0, organisations: 0, sources: 0, events: 0, users: 0 };

  await prisma.$transaction(
    async (tx) => {
      report.countries = (await tx.country.createMany({ data: allCountries(), skipDuplicates: true })).count;
      report.areas = await addAreas(tx);

      const organisationIds = new Map<string, number>();
      for (const org of SEED_ORGANISATIONS) {
        let row = await tx.organisation.findUnique({ where: { ref: org.ref } });
        if (!row) {
          row = await tx.organisation.create({ data: org });
          report.organisations += 1;
        }
        organisationIds.set(org.ref, row.id);
      }

      const sourceIds = new Map<string, number>();
      for (const { articleFile: _file, publishedOn, publishedPrecision, ...source } of SEED_SOURCES) {
        let row = await tx.source.findUnique({ where: { ref: source.ref } });
        if (!row) {
          const published = publishedOn ? partialDate(publishedOn) : null;
          row = await tx.source.create({
            data: { ...source, publishedOn: published?.date ?? null, publishedPrecision: publishedPrecision ?? published?.precision ?? null },
          });
          report.sources += 1;
        }
        sourceIds.set(source.ref, row.id);
      }

      for (const alias of SEED_ALIASES) {
        const organisationId = organisationIds.get(alias.organisation)!;
        if (await tx.organisationAlias.findFirst({ where: { organisationId, name: alias.name } })) continue;
        await tx.organisationAlias.create({
          data: { organisationId, name: alias.name, language: alias.language, acronym: alias.acronym ?? false, sourceId: sourceIds.get(alias.source)! },
        });
      }

      const touchedPresences = new Set<number>();
      for (const event of SEED_EVENTS) {
        if (await tx.accessEvent.findUnique({ where: { ref: event.ref } })) continue;
        let presenceId: number | null = null;
        if (event.organisation) {
          const organisationId = organisationIds.get(event.organisation)!;
          const presence = await tx.presence.upsert({
            where: { organisationId_countryIso3: { organisationId, countryIso3: event.country } },
            create: { organisationId, countryIso3: event.country },
            update: {},
          });
          presenceId = presence.id;
          touchedPresences.add(presence.id);
        }
        const { date, precision } = partialDate(event.date);
        const created = await tx.accessEvent.create({
          data: {
            ref: event.ref,
            presenceId,
            countryIso3: event.country,
            kind: event.kind,
            // The subtype's category when the sources name one; else the kind's default (none for arrivals and "Other").
            category: event.subtype ? SUBTYPE[event.subtype].category : DEFAULT_CATEGORY[event.kind],
            subtype: event.subtype ?? null,
            areas: { create: (event.areas ?? []).map((areaCode) => ({ areaCode })) },
            resultingStatus: event.status,
            occurredOn: date,
            datePrecision: precision,
            summary: event.summary,
            peopleAffected: event.peopleAffected ?? null,
            confidence: event.confidence,
            reviewState: "PUBLISHED",
            publishedAt: new Date(),
            sources: {
              create: event.sources.map((citation) => ({
                sourceId: sourceIds.get(citation.source)!,
                quote: citation.quote ?? null,
                claim: citation.claim ?? null,
              })),
            },
          },
        });
        await recountEvent(tx, null, created);
        report.events += 1;
      }
      for (const presenceId of touchedPresences) await refreshPresenceProjection(tx, presenceId);
      for (const { organisation, country, areas } of SEED_PRESENCE_AREAS) {
        const presence = await tx.presence.findUnique({
          where: { organisationId_countryIso3: { organisationId: organisationIds.get(organisation)!, countryIso3: country } },
        });
        if (presence) await tx.presenceArea.createMany({ data: areas.map((areaCode) => ({ presenceId: presence.id, areaCode })), skipDuplicates: true });
      }
    },
    { timeout: 60_000 },
  );

  if (options.demoPassword) {
    for (const user of DEMO_USERS) {
      if (await prisma.user.findUnique({ where: { email: user.email } })) continue;
      await createUser(prisma, { ...user, password: options.demoPassword });
      report.users += 1;
    }
  }

  log(
    `Seed: ${report.countries} countries, ${report.areas} areas, ${report.organisations} organisations, ${report.sources} sources, ` +
      `${report.events} events, ${report.users} users added.`,
  );
  return report;
}
