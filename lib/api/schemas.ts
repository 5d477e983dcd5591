// The shapes of the JSON API v1, as zod schemas: the routes build their answers to these
// types, the OpenAPI document is generated from them, and the tests validate answers with them.
import { z } from "zod";
import { CATEGORIES, PILLARS, SUBTYPES } from "@/lib/domain/constraints";
import { FILTER_SCHEMAS, MAX_PAGE_SIZE } from "@/lib/domain/tables/query";
import { isoDay } from "@/lib/domain/view";
import { CONFIDENCES, DATE_PRECISIONS, EVENT_KINDS, ORGANISATION_TYPES, STATUSES } from "@/lib/domain/vocabulary";
import { ERROR_CODES } from "@/lib/domain/errors";
import { ISO_DAY } from "@/lib/domain/partial-date";
import { CHANGE_KINDS } from "@/lib/domain/changes";

const isoDate = z.string().regex(ISO_DAY).describe("ISO 8601 date (YYYY-MM-DD); for a month or a year, its first day");
const count = z.number().int().min(0);

export const sourceItem = z.object({
  id: z.number().int(),
  publisher: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  publishedOn: isoDate.nullable(),
});

export const organisationRef = z.object({
  id: z.number().int(),
  name: z.string(),
  acronym: z.string().nullable(),
  type: z.enum(ORGANISATION_TYPES),
  iatiId: z.string().nullable().describe("IATI organisation identifier"),
});

export const countryRef = z.object({
  iso3: z.string().length(3),
  name: z.string(),
  region: z.string(),
});

const statusCounts = z.object({ total: count, operating: count, restricted: count, expelled: count });

export const presenceItem = z.object({
  id: z.number().int(),
  version: z.number().int().describe("Send it back with a status change: a stale version is refused"),
  organisation: organisationRef,
  country: countryRef,
  status: z.enum(STATUSES),
  since: isoDate,
  sincePrecision: z.enum(DATE_PRECISIONS),
  peopleAffected: count.nullable(),
  disputed: z.boolean().describe("An event behind the status is disputed between sources"),
  areas: z
    .array(z.object({ code: z.string().describe("ISO 3166-2, e.g. NE-6"), name: z.string() }))
    .describe("First-level areas where the organisation works in the country, when a source says so"),
  sources: z.array(sourceItem).describe("The sources of the events behind the status"),
});

export const eventItem = z.object({
  id: z.number().int(),
  occurredOn: isoDate,
  datePrecision: z.enum(DATE_PRECISIONS),
  kind: z.enum(EVENT_KINDS),
  category: z.enum(CATEGORIES).nullable().describe("Which of ACAPS's nine access indicators it is about; null when it is no constraint"),
  pillar: z.enum(PILLARS).nullable(),
  subtype: z.enum(SUBTYPES).nullable(),
  resultingStatus: z.enum(STATUSES).nullable(),
  confidence: z.enum(CONFIDENCES),
  summary: z.string(),
  peopleAffected: count.nullable(),
  presenceId: z.number().int().nullable(),
  organisation: organisationRef.nullable().describe("Null for a country-level event (see `concerns`)"),
  areas: z
    .array(z.object({ code: z.string().describe("ISO 3166-2, e.g. NE-6"), name: z.string() }))
    .describe("First-level areas the event is located in; empty: country-wide"),
  concerns: z
    .object({
      organisations: z.array(z.object({ id: z.number().int(), name: z.string() })),
      organisationTypes: z.array(z.enum(ORGANISATION_TYPES)),
    })
    .describe("For a country-level constraint: the organisations it names, or the types it concerns; both empty: the whole country"),
  parentEventId: z.number().int().nullable().describe("The country-level constraint this presence's event was written for"),
  country: countryRef,
  sources: z.array(sourceItem),
});

const level = z.number().int().min(0).max(5);
export const assessmentItem = z.object({
  id: z.number().int(),
  country: countryRef,
  area: z
    .object({ code: z.string().describe("ISO 3166-2, e.g. NE-6"), name: z.string() })
    .nullable()
    .describe("The area assessed; null: the whole country"),
  from: isoDate.describe("First day of the period assessed"),
  to: isoDate.describe("Last day of the period assessed"),
  version: z.number().int().describe("The latest version published by `asOf`"),
  publishedAt: z.string().describe("When that version was published (UTC)"),
  level: level.nullable().describe("The level stated: the override's when there is one, else the rule's; null with more than three information gaps"),
  computedLevel: level.nullable().describe("The level by the documented rule"),
  override: z.object({ level, reason: z.string() }).nullable(),
  scores: z
    .record(z.enum(CATEGORIES), z.number().int().min(0).max(3).nullable())
    .describe("The nine indicators' scores, 0–3; null is an information gap (ACAPS's X)"),
  gaps: z.number().int(),
  evidence: z.number().int().describe("Events cited"),
  evidenceChanged: z.number().int().describe("Cited events retracted, corrected or recategorised since publication"),
});

export const organisationItem = organisationRef.extend({
  website: z.string().nullable(),
  countries: statusCounts.describe("Countries where it has a status as of the view date"),
});

export const countryItem = countryRef.extend({
  iso2: z.string().length(2),
  nameFr: z.string(),
  subregion: z.string().nullable(),
  presences: statusCounts.describe("Organisations with a status there as of the view date"),
});

/** Query of GET /api/v1/countries. */
export const countriesQuerySchema = z.strictObject({
  region: FILTER_SCHEMAS.region.optional(),
  q: FILTER_SCHEMAS.q.optional(),
  asOf: isoDay.optional(),
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().max(20).optional(),
});

/** `GET /api/v1/changes`: a kind list is comma-separated ("event.published,event.retracted"). */
export const changesQuerySchema = z.strictObject({
  since: z.iso.datetime({ offset: true }).optional().describe("Only changes at or after this instant (ISO 8601 with a time zone)"),
  cursor: z.string().max(80).optional().describe("`nextCursor` of the previous answer: the changes after it"),
  kinds: z
    .string()
    .max(400)
    .transform((value) => value.split(",").map((kind) => kind.trim()))
    .pipe(z.array(z.enum(CHANGE_KINDS)).min(1))
    .optional()
    .describe(`Comma-separated kinds: ${CHANGE_KINDS.join(", ")}`),
  country: FILTER_SCHEMAS.country.optional(),
  organisation: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional()
    .describe("Organisation id"),
  size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
});

export const changeItem = z.object({
  kind: z.enum(CHANGE_KINDS),
  changedAt: z.string().describe("When the changing transaction began (UTC, ISO 8601)"),
  entity: z.object({ type: z.enum(["AccessEvent", "Presence", "Organisation"]), id: z.number().int(), href: z.string().nullable() }),
  countryIso3: z.string().nullable(),
  organisationId: z.number().int().nullable(),
  status: z
    .object({ from: z.enum(STATUSES).nullable(), to: z.enum(STATUSES).nullable() })
    .nullable()
    .describe("presence.statusChanged and presence.removed: the status before and after, as of that change (to is null for a removal); null otherwise"),
});

export const changeList = z.object({
  data: z.array(changeItem),
  nextCursor: z.string().nullable().describe("Pass as `cursor` to continue; kept when nothing new came, null only before the first change"),
  hasMore: z.boolean().describe("More changes are already waiting: ask again at once"),
});

export const listResponse = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  });

export const errorResponse = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.array(z.object({ param: z.string(), message: z.string() })).optional(),
  }),
});

export type PresenceItem = z.infer<typeof presenceItem>;
export type EventItem = z.infer<typeof eventItem>;
export type OrganisationItem = z.infer<typeof organisationItem>;
export type AssessmentItem = z.infer<typeof assessmentItem>;

/** `GET /api/v1/assessments/evidence`: the events that may support each indicator of an assessment. */
export const evidenceQuerySchema = z.strictObject({
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "An ISO 3166-1 alpha-3 code, e.g. NER")
    .toUpperCase(),
  area: z
    .string()
    .regex(/^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$/, "An ISO 3166-2 code, e.g. NE-6")
    .toUpperCase()
    .optional(),
  from: isoDay,
  to: isoDay,
});
