import "server-only";
// What each row of an import will do, decided against the database and the rows before it in
// the same file: a new or matched organisation (and how it was matched), a new or existing
// presence, a new event with its sources, an event that exists already (skipped), or the
// reasons it cannot be imported. The same rules and messages as the forms (the zod schemas of
// edit-schemas.ts). Run once for the preview, and again inside the commit's transaction, so
// the commit acts on the database as it is then.
import type { ZodError } from "zod";
import type { PrismaClient, Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { importedEventSchema, organisationSchema, type ImportedEvent } from "@/lib/domain/edit-schemas";
import {
  IMPORT_VOCABULARIES,
  parseAreaCodes,
  parseSources,
  unneutralise,
  vocabularyValue,
  type ColumnMapping,
  type ImportTable,
  type RowAction,
} from "@/lib/domain/import-format";
import { TABLE_COLUMNS } from "@/lib/domain/tables/columns";
import { foldForSearch } from "@/lib/domain/search-text";
import { isoDate, startOfPeriod } from "@/lib/domain/partial-date";
import { areaCodesProblem } from "@/lib/domain/areas";
import type { OrganisationType } from "@/lib/domain/vocabulary";

export interface RowError {
  field: string;
  message: string;
}

/** A new organisation, named once per file: the rows that name it share it. */
export interface NewOrganisation {
  key: string;
  name: string;
  acronym: string | null;
  type: OrganisationType;
  iatiId: string | null;
  website: string | null;
}
export type OrganisationRef = { id: number } | { new: NewOrganisation };

export type WriteStep =
  | { table: "organisations"; organisation: NewOrganisation }
  | { table: "presences"; organisation: OrganisationRef; countryIso3: string; areas: string[] }
  | { table: "events"; organisation: OrganisationRef | null; countryIso3: string; event: ImportedEvent };

export interface RowPlan {
  line: number;
  action: RowAction;
  /** What committing the row does, in words, for the preview. */
  what: string[];
  errors: RowError[];
  write?: WriteStep;
}

type Db = Tx | PrismaClient;
type Fields = Record<string, string | undefined>;

const labelOf = (table: ImportTable, field: string) => TABLE_COLUMNS[table].find((c) => c.id === field)?.label ?? field;

/** The zod refusals of a row as errors named by the file's columns. */
function zodErrors(table: ImportTable, error: ZodError, fieldOf: Record<string, string> = {}): RowError[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "form");
    return { field: labelOf(table, fieldOf[key] ?? key), message: issue.message };
  });
}

const EVENT_FIELD_OF_INPUT: Record<string, string> = { resultingStatus: "status", areas: "areaCodes" };

interface OrganisationIndex {
  byName: Map<string, Set<number>>;
  byIati: Map<string, number>;
  names: Map<number, string>;
  /** How each folded word was found: name, acronym or alias. */
  how: Map<string, string>;
}

/** Plans the rows of one import, in order; keeps what earlier rows decided (new organisations, presences, events). */
export class ImportPlanner {
  private organisations: OrganisationIndex | null = null;
  private countries: Map<string, { iso3: string; name: string }> | null = null;
  private newOrganisations = new Map<string, NewOrganisation>();
  private presences = new Set<string>();
  private eventKeys = new Map<string, number>(); // key → the line that first had it

  constructor(
    private readonly db: Db,
    readonly table: ImportTable,
    private readonly mapping: ColumnMapping,
  ) {}

  private async load(): Promise<void> {
    if (this.organisations) return;
    const rows = await this.db.$queryRaw<{ id: number; name: string; acronym: string | null; iati: string | null; aliases: string[] | null }[]>`
      SELECT o.id, o.name, o.acronym, o."iatiId" AS iati, array_agg(a.name) FILTER (WHERE a.name IS NOT NULL) AS aliases
      FROM "Organisation" o LEFT JOIN "OrganisationAlias" a ON a."organisationId" = o.id GROUP BY o.id`;
    const index: OrganisationIndex = { byName: new Map(), byIati: new Map(), names: new Map(), how: new Map() };
    const add = (word: string | null, id: number, how: string) => {
      if (!word) return;
      const folded = foldForSearch(word.trim());
      if (!index.byName.has(folded)) index.byName.set(folded, new Set());
      index.byName.get(folded)!.add(id);
      if (!index.how.has(`${folded}|${id}`)) index.how.set(`${folded}|${id}`, how); // a name that is also the acronym is found "by name"
    };
    for (const row of rows) {
      index.names.set(row.id, row.name);
      add(row.name, row.id, "name");
      add(row.acronym, row.id, "acronym");
      for (const alias of row.aliases ?? []) add(alias, row.id, `alias “${alias}”`);
      if (row.iati) index.byIati.set(row.iati.toUpperCase(), row.id);
    }
    this.organisations = index;
    const countries = await this.db.country.findMany({ select: { iso3: true, nameEn: true, nameFr: true } });
    this.countries = new Map();
    for (const c of countries) {
      for (const word of [c.iso3, c.nameEn, c.nameFr]) this.countries.set(foldForSearch(word), { iso3: c.iso3, name: c.nameEn });
    }
  }

  private fields(cells: string[]): Fields {
    const fields: Fields = {};
    for (const [index, field] of Object.entries(this.mapping)) {
      const raw = cells[Number(index)];
      if (raw !== undefined && raw.trim() !== "") fields[field] = unneutralise(raw.trim());
    }
    return fields;
  }

  private country(fields: Fields, errors: RowError[]): { iso3: string; name: string } | null {
    const given = fields.iso3 ?? fields.country;
    if (!given) {
      errors.push({ field: labelOf(this.table, "country"), message: "Choose a country" });
      return null;
    }
    const found = this.countries!.get(foldForSearch(given)) ?? (fields.country ? this.countries!.get(foldForSearch(fields.country)) : undefined);
    if (!found) errors.push({ field: labelOf(this.table, fields.iso3 ? "iso3" : "country"), message: `No country is called or coded “${given}”` });
    return found ?? null;
  }

  /** The organisation a row names: by IATI identifier, then by name, acronym or alias; else a new one (which needs a type). */
  private organisation(fields: Fields, nameField: "organisation" | "name", errors: RowError[], what: string[]): OrganisationRef | null {
    const index = this.organisations!;
    const name = fields[nameField];
    const iati = fields.iatiId?.toUpperCase();
    if (iati && index.byIati.has(iati)) {
      const id = index.byIati.get(iati)!;
      what.push(`matched organisation “${index.names.get(id)}” by IATI identifier`);
      return { id };
    }
    if (!name) {
      if (nameField === "name") errors.push({ field: labelOf(this.table, "name"), message: "Name is required" });
      return null;
    }
    const candidates = [name, fields.acronym].filter((w): w is string => Boolean(w)).map((w) => foldForSearch(w));
    for (const folded of candidates) {
      const ids = index.byName.get(folded);
      if (!ids?.size) continue;
      if (ids.size > 1) {
        const names = [...ids].map((id) => index.names.get(id)).join("; ");
        errors.push({
          field: labelOf(this.table, nameField),
          message: `“${name}” matches several organisations (${names}): give its IATI identifier or its full name`,
        });
        return null;
      }
      const id = [...ids][0]!;
      what.push(`matched organisation “${index.names.get(id)}” by ${index.how.get(`${folded}|${id}`) ?? "name"}`);
      return { id };
    }
    const key = foldForSearch(name);
    const known = this.newOrganisations.get(key);
    if (known) {
      what.push(`organisation “${known.name}”, new in this file`);
      return { new: known };
    }
    const type = vocabularyValue(IMPORT_VOCABULARIES.type, fields.type);
    const parsed = organisationSchema.safeParse({
      name,
      acronym: fields.acronym,
      type: type ?? (fields.type ? "?" : undefined),
      iatiId: fields.iatiId,
      website: fields.website,
    });
    if (!parsed.success) {
      const problems = zodErrors(this.table, parsed.error, { name: nameField });
      errors.push(...problems.map((p) => (p.field === labelOf(this.table, "type") ? { ...p, message: `${p.message}: a new organisation needs its type` } : p)));
      return null;
    }
    const organisation: NewOrganisation = {
      key,
      name: parsed.data.name,
      acronym: parsed.data.acronym ?? null,
      type: parsed.data.type,
      iatiId: parsed.data.iatiId ?? null,
      website: parsed.data.website ?? null,
    };
    this.newOrganisations.set(key, organisation);
    what.push(`new organisation “${organisation.name}”`);
    return { new: organisation };
  }

  private presenceKey = (organisation: OrganisationRef, iso3: string) => `${"id" in organisation ? organisation.id : `new:${organisation.new.key}`}|${iso3}`;

  /** Plans a batch of rows (in file order). */
  async plan(batch: { line: number; cells: string[] }[]): Promise<RowPlan[]> {
    await this.load();
    const drafts = batch.map(({ line, cells }) => ({ line, fields: this.fields(cells), errors: [] as RowError[], what: [] as string[] }));
    switch (this.table) {
      case "organisations":
        return drafts.map((d) => this.planOrganisation(d));
      case "presences":
        return this.planPresences(drafts);
      case "events":
        return this.planEvents(drafts);
    }
  }

  private planOrganisation({ line, fields, errors, what }: { line: number; fields: Fields; errors: RowError[]; what: string[] }): RowPlan {
    const wasNew = this.newOrganisations.size;
    const organisation = this.organisation(fields, "name", errors, what);
    if (errors.length || !organisation) return { line, action: "error", what: [], errors };
    if ("id" in organisation) return { line, action: "existing", what, errors };
    if (this.newOrganisations.size === wasNew) return { line, action: "duplicate", what: [...what, "named by an earlier row: skipped"], errors };
    return { line, action: "create", what, errors, write: { table: "organisations", organisation: organisation.new } };
  }

  private async knownPresences(organisationIds: number[]): Promise<void> {
    if (!organisationIds.length) return;
    const rows = await this.db.presence.findMany({ where: { organisationId: { in: organisationIds } }, select: { organisationId: true, countryIso3: true } });
    for (const row of rows) this.presences.add(`${row.organisationId}|${row.countryIso3}`);
  }

  private async planPresences(drafts: { line: number; fields: Fields; errors: RowError[]; what: string[] }[]): Promise<RowPlan[]> {
    const resolved = drafts.map((d) => {
      const country = this.country(d.fields, d.errors);
      const organisation = this.organisation(d.fields, "organisation", d.errors, d.what);
      return { ...d, country, organisation };
    });
    await this.knownPresences(resolved.flatMap((r) => (r.organisation && "id" in r.organisation ? [r.organisation.id] : [])));
    return resolved.map(({ line, fields, errors, what, country, organisation }) => {
      const areas = parseAreaCodes(fields.areaCodes);
      if (country && areas.length) {
        const problem = areaCodesProblem(country.iso3, areas);
        if (problem) errors.push({ field: labelOf("presences", "areaCodes"), message: problem });
      }
      if (errors.length || !country || !organisation) return { line, action: "error" as const, what: [], errors };
      const key = this.presenceKey(organisation, country.iso3);
      if (this.presences.has(key)) return { line, action: "existing" as const, what: [...what, `already recorded in ${country.name}: skipped`], errors };
      this.presences.add(key);
      return {
        line,
        action: "create" as const,
        what: [...what, `new presence in ${country.name} (its status comes from its events)`],
        errors,
        write: { table: "presences" as const, organisation, countryIso3: country.iso3, areas },
      };
    });
  }

  private eventKey(iso3: string, organisation: OrganisationRef | null, event: ImportedEvent): string {
    const who = organisation ? this.presenceKey(organisation, iso3) : `country|${iso3}`;
    return [who, event.kind, isoDate(startOfPeriod(event.occurredOn, event.datePrecision)), event.status ?? "", foldForSearch(event.summary)].join("|");
  }

  private async planEvents(drafts: { line: number; fields: Fields; errors: RowError[]; what: string[] }[]): Promise<RowPlan[]> {
    const ids = drafts.flatMap((d) => (d.fields.id && /^\d{1,9}$/.test(d.fields.id) ? [Number(d.fields.id)] : []));
    const existing = new Map(
      (ids.length
        ? await this.db.accessEvent.findMany({
            where: { id: { in: ids } },
            select: { id: true, countryIso3: true, kind: true, occurredOn: true, resultingStatus: true, summary: true, reviewState: true },
          })
        : []
      ).map((e) => [e.id, e]),
    );
    const resolved = drafts.map((d) => {
      const known = d.fields.id ? existing.get(Number(d.fields.id)) : undefined;
      if (known) return { ...d, known, country: null, organisation: null, event: null };
      const country = this.country(d.fields, d.errors);
      const organisation = d.fields.organisation ? this.organisation(d.fields, "organisation", d.errors, d.what) : null;
      const event = this.event(d.fields, d.errors);
      if (d.fields.organisation && !organisation) return { ...d, known, country, organisation: null, event: null };
      return { ...d, known, country, organisation, event };
    });

    // Events that exist already with the same who, kind, day, status and summary (retracted ones
    // do not count), looked up by the (country, day) pairs of the batch: an indexed probe each.
    const pairs = [
      ...new Map(
        resolved.flatMap((r) => {
          if (!r.event || !r.country) return [];
          const day = isoDate(startOfPeriod(r.event.occurredOn, r.event.datePrecision));
          return [[`${r.country.iso3}|${day}`, { country: r.country.iso3, day }] as const];
        }),
      ).values(),
    ];
    await this.knownPresences(resolved.flatMap((r) => (r.organisation && "id" in r.organisation ? [r.organisation.id] : [])));
    const stored = new Map<string, number>();
    if (pairs.length) {
      const rows = await this.db.$queryRaw<{ id: number; key: string }[]>`
        SELECT e.id, concat_ws('|', coalesce(p."organisationId"::text || '|' || e."countryIso3", 'country|' || e."countryIso3"), e.kind::text, e."occurredOn"::text,
                               coalesce(e."resultingStatus"::text, ''), public.search_fold(e.summary)) AS key
        FROM unnest(${pairs.map((p) => p.country)}::text[], ${pairs.map((p) => p.day)}::date[]) AS k(country, day)
        JOIN "AccessEvent" e ON e."countryIso3" = k.country AND e."occurredOn" = k.day
        LEFT JOIN "Presence" p ON p.id = e."presenceId"
        WHERE e."reviewState" <> 'RETRACTED' AND e."parentEventId" IS NULL`;
      for (const row of rows) if (!stored.has(row.key)) stored.set(row.key, row.id);
    }

    return resolved.map(({ line, fields, errors, what, known, country, organisation, event }) => {
      if (known) {
        const same =
          isoDate(known.occurredOn) === fields.occurredOn?.slice(0, 10) &&
          (!fields.summary || foldForSearch(known.summary) === foldForSearch(fields.summary)) &&
          (!fields.kind || vocabularyValue(IMPORT_VOCABULARIES.kind, fields.kind) === known.kind) &&
          (vocabularyValue(IMPORT_VOCABULARIES.status, fields.status) ?? null) === known.resultingStatus;
        if (!same) {
          return {
            line,
            action: "error" as const,
            what: [],
            errors: [
              {
                field: labelOf("events", "id"),
                message: `This row changes event ${known.id}: an import adds events, it does not edit them. Edit the event on its page, or clear the Event id to add a new event.`,
              },
            ],
          };
        }
        return { line, action: "existing" as const, what: [`event ${known.id}, unchanged: skipped`], errors: [] };
      }
      if (errors.length || !country || !event) return { line, action: "error" as const, what: [], errors };
      if (!organisation && event.status) {
        errors.push({
          field: labelOf("events", "status"),
          message: "A status is set for an organisation: name the organisation, or leave the status empty for an event of the whole country",
        });
        return { line, action: "error" as const, what: [], errors };
      }
      if (event.areas.length) {
        const problem = areaCodesProblem(country.iso3, event.areas);
        if (problem) return { line, action: "error" as const, what: [], errors: [{ field: labelOf("events", "areaCodes"), message: problem }] };
      }
      const key = this.eventKey(country.iso3, organisation, event);
      const storedId = stored.get(key);
      if (storedId) return { line, action: "duplicate" as const, what: [`duplicate of event ${storedId}: skipped`], errors: [] };
      const earlier = this.eventKeys.get(key);
      if (earlier) return { line, action: "duplicate" as const, what: [`duplicate of line ${earlier}: skipped`], errors: [] };
      this.eventKeys.set(key, line);
      if (organisation && !this.presences.has(this.presenceKey(organisation, country.iso3))) {
        this.presences.add(this.presenceKey(organisation, country.iso3));
        what.push(`new presence in ${country.name}`);
      }
      const sources = event.sources.length;
      what.push(
        `new event ${organisation ? "" : `of ${country.name} `}on ${isoDate(startOfPeriod(event.occurredOn, event.datePrecision))}${event.status ? `, status ${event.status.toLowerCase()}` : ""}, ${sources} source${sources === 1 ? "" : "s"}`,
      );
      return { line, action: "create" as const, what, errors, write: { table: "events" as const, organisation, countryIso3: country.iso3, event } };
    });
  }

  /** An event row's values through the API's schema: labels or codes for vocabularies, sources split. */
  private event(fields: Fields, errors: RowError[]): ImportedEvent | null {
    const vocab = <K extends keyof typeof IMPORT_VOCABULARIES>(key: K, field: string) => {
      const value = vocabularyValue(IMPORT_VOCABULARIES[key] as Record<string, string>, fields[field]);
      if (value === null)
        errors.push({ field: labelOf("events", field), message: `“${fields[field]}” is not one of: ${Object.values(IMPORT_VOCABULARIES[key]).join(", ")}` });
      return value ?? undefined;
    };
    const kind = vocab("kind", "kind");
    const status = vocab("status", "status");
    const confidence = vocab("confidence", "confidence");
    const category = vocab("category", "category");
    const subtype = vocab("subtype", "subtype");
    if (errors.length) return null;
    const precision = fields.datePrecision?.toUpperCase();
    const parsed = importedEventSchema.safeParse({
      kind,
      status: status ?? null,
      occurredOn: fields.occurredOn?.slice(0, 10),
      datePrecision: precision ?? "DAY",
      summary: fields.summary,
      peopleAffected: fields.peopleAffected,
      confidence,
      ...(category ? { category } : {}),
      ...(subtype ? { subtype } : {}),
      sources: parseSources(fields.sources, fields.sourceUrls) ?? [],
      areas: parseAreaCodes(fields.areaCodes),
    });
    if (!parsed.success) {
      errors.push(...zodErrors("events", parsed.error, EVENT_FIELD_OF_INPUT));
      return null;
    }
    return parsed.data;
  }
}

/** Serialisable form of a plan, for the stored preview (Prisma JSON). */
export const planJson = (plan: RowPlan) => ({ what: plan.what }) as Prisma.InputJsonValue;
