// The OpenAPI 3.1 description of API v1, generated from the zod schemas the routes use
// (parameters from the table filters, answers from lib/api/schemas.ts), so it cannot drift.
import { feedFiltersSchema } from "@/lib/domain/feeds";
import { webhookSubscriptionSchema } from "@/lib/domain/webhooks";
import { UPDATED_SINCE_TABLES } from "@/lib/domain/changes";
import { z } from "zod";
import { sortableColumns, TABLE_COLUMNS, TABLE_NAMES, type TableName } from "@/lib/domain/tables/columns";
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS } from "@/lib/domain/tables/export-files";
import { DEFAULT_PAGE_SIZE, FILTER_SCHEMAS, MAX_PAGE_SIZE, type FilterKey } from "@/lib/domain/tables/query";
import { TABLES } from "@/lib/domain/tables/descriptors";
import {
  eventEditSchema,
  linkSourceSchema,
  organisationEditSchema,
  organisationSchema,
  presenceSchema,
  retractionSchema,
  presenceEventSchema,
  presenceAreasSchema,
  areaPcodeSchema,
  constraintSchema,
  aliasSchema,
  mergeSchema,
  publishSchema,
  returnDraftSchema,
  articleSchema,
  undoImportSchema,
} from "@/lib/domain/edit-schemas";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/domain/import-format";
import { LOCALES } from "@/lib/domain/locales";
import { assessmentEditSchema, assessmentSchema } from "@/lib/domain/assessment-input";
import {
  changeList,
  changesQuerySchema,
  evidenceQuerySchema,
  countriesQuerySchema,
  countryItem,
  errorResponse,
  eventItem,
  assessmentItem,
  listResponse,
  organisationItem,
  presenceItem,
} from "./schemas";

type JsonSchema = Record<string, unknown>;
const jsonSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
};

const FILTER_DESCRIPTIONS: Record<FilterKey, string> = {
  q: "Free text, matched anywhere in names (and summaries for events)",
  country: "ISO 3166 alpha-3 country code, e.g. NER",
  region: "Region name, e.g. Africa",
  type: "Organisation type",
  status: "Status (for events: the status the event led to)",
  kind: "Event kind",
  category: "Access constraint category (one of ACAPS's nine indicators), e.g. MOVEMENT_RESTRICTIONS",
  pillar: "Pillar of the access constraint categories, e.g. HUMANITARIAN_ACCESS_TO_PEOPLE",
  area: "First-level area, ISO 3166-2 code (see /api/v1/countries/{iso3}/areas), e.g. NE-6: the events located there",
  organisation: "Organisation id (for events: its own events and the country-level constraints that name it)",
  confidence: "Confidence of the event",
  level: "Access level 0–5 (assessments: the level stated, the override's when there is one)",
  actor: "Email or name of the person (contains)",
  action: "Audit action, e.g. export",
  entityType: "Kind of record, e.g. Presence",
  hide: "`exports` leaves out the entries of downloads (each export is logged)",
  from: "From this date (inclusive, YYYY-MM-DD)",
  to: "Up to this date (inclusive, YYYY-MM-DD)",
};

const param = (name: string, schema: JsonSchema, description: string) => ({ name, in: "query", required: false, description, schema });

function tableParameters(table: TableName, { list }: { list: boolean }) {
  return [
    ...TABLES[table].filters.map((key) => param(key, jsonSchema(FILTER_SCHEMAS[key]), FILTER_DESCRIPTIONS[key])),
    param("asOf", { type: "string", format: "date" }, "View the data as of this date (default: today); later events are ignored"),
    param("sort", { type: "string", enum: sortableColumns(table) }, "Column to sort by"),
    param("dir", { type: "string", enum: ["asc", "desc"] }, "Sort direction"),
    ...(list
      ? [
          param("size", { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }, "Items per page"),
          param("cursor", { type: "string" }, "`nextCursor` from the previous page (same query)"),
          ...(table in UPDATED_SINCE_TABLES
            ? [
                param(
                  "updatedSince",
                  { type: "string", format: "date-time" },
                  "Only rows created or changed at or after this instant, each once at its latest change, in change order; then page with `cursor` " +
                    "(a `GET /api/v1/changes` cursor also works, to start where a mirror read the lists). Retracted events come with `state`, " +
                    'merged organisations as `{id, mergedInto}`, presences removed by a merge as `{id, state: "removed"}`. Takes only `country`, `organisation`, `size`, `cursor`.',
                ),
              ]
            : []),
        ]
      : [
          param("format", { type: "string", enum: [...EXPORT_FORMATS], default: "csv" }, "File format"),
          param("lang", { type: "string", enum: [...LOCALES], default: "en" }, "Language of the column headers; column ids, HXL tags and values stay the same"),
          param("cols", { type: "string" }, `Comma-separated columns, in table order: ${TABLE_COLUMNS[table].map((c) => c.id).join(", ")}`),
        ]),
  ];
}

const errors = {
  "400": { description: "Invalid query parameters", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "401": { description: "No session and no valid API token", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "403": { description: "The role does not allow this", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "503": { description: "The database is unavailable", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};

const errorRef = { "application/json": { schema: { $ref: "#/components/schemas/Error" } } };
const pathParam = { name: "id", in: "path", required: true, schema: { type: "integer" } };

/** Writes that change or act on a record (200); the others create one (201). */
const ANSWER_200 = new Set(["retractEvent", "mergeOrganisation", "publishEvent", "returnDraft", "undoImport", "triageArticle", "publishAssessment"]);

/** A write endpoint: JSON body from its zod schema, the usual refusals. */
function writeOperation(operationId: string, summary: string, body: z.ZodType, created: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    operationId,
    summary,
    requestBody: { required: true, content: { "application/json": { schema: jsonSchema(body) } } },
    responses: {
      [operationId.startsWith("update") || operationId.startsWith("set") || ANSWER_200.has(operationId) ? "200" : "201"]: {
        description: "Saved",
        content: { "application/json": { schema: { type: "object", properties: created } } },
      },
      "404": { description: "Not found", content: errorRef },
      "409": { description: "Conflict: a stale version, or a duplicate. Nothing was written.", content: errorRef },
      "422": { description: "Invalid fields, listed in `error.issues`. Nothing was written.", content: errorRef },
      ...errors,
    },
    ...extra,
  };
}

/** GET of one item by id, answered conditionally (lib/api/item-route.ts). */
function itemOperation(operationId: string, summary: string) {
  return {
    summary,
    operationId,
    parameters: [pathParam],
    responses: {
      "200": { description: "The item (JSON), with an ETag", content: { "application/json": { schema: { type: "object" } } } },
      "304": { description: "Unchanged since the ETag sent as If-None-Match" },
      ...errors,
    },
  };
}

function listPath(table: TableName, summary: string, item: string) {
  return {
    get: {
      summary,
      operationId: `list${item}s`,
      parameters: tableParameters(table, { list: true }),
      responses: {
        "200": { description: "A page of items", content: { "application/json": { schema: { $ref: `#/components/schemas/${item}List` } } } },
        ...errors,
      },
    },
  };
}

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Access Monitor API",
      version: "1.0.0",
      description:
        "Which NGOs and international organisations can work where: operating, restricted or expelled, since when, with their sources. " +
        "Authenticate with a session cookie or `Authorization: Bearer <token>` (tokens are issued by an admin). " +
        "Lists page with cursors: pass `nextCursor` back as `cursor` with the same query.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }, { session: [] }],
    paths: {
      "/api/v1/countries": {
        get: {
          summary: "Countries with the number of organisations of each status",
          operationId: "listCountries",
          parameters: Object.entries(jsonSchema(countriesQuerySchema).properties as Record<string, JsonSchema>).map(([name, schema]) =>
            param(name, schema, name === "cursor" ? "`nextCursor` from the previous page" : name === "asOf" ? "View as of this date" : name),
          ),
          responses: {
            "200": { description: "A page of countries", content: { "application/json": { schema: { $ref: "#/components/schemas/CountryList" } } } },
            ...errors,
          },
        },
      },
      "/api/v1/changes": {
        get: {
          summary: "Every published change in order: the stream a mirror polls",
          description:
            "Changes come in the order of their transactions and only once every older transaction has ended, so polling with `cursor` " +
            "skips nothing and repeats nothing while others write. Keep the last `nextCursor` and ask again; `hasMore` says whether to ask at once. " +
            "Answers carry ETag and Last-Modified; If-None-Match (or If-Modified-Since) answers 304 when nothing changed.",
          operationId: "listChanges",
          parameters: Object.entries(jsonSchema(changesQuerySchema).properties as Record<string, JsonSchema>).map(([name, schema]) =>
            param(name, schema, name),
          ),
          responses: {
            "200": { description: "Changes after the cursor", content: { "application/json": { schema: { $ref: "#/components/schemas/ChangeList" } } } },
            "304": { description: "Nothing changed since the ETag or date sent" },
            ...errors,
          },
        },
      },
      "/api/v1/feeds": {
        post: writeOperation(
          "createFeed",
          "A personal Atom feed of published changes (new events, corrections, retractions, status changes) for a view: the body is the view's filters, as the events table's query names them (all optional). The answer's `url` holds the feed's own read-only token: it is shown once; revoke it on the account page.",
          feedFiltersSchema,
          {
            id: { type: "integer" },
            title: { type: "string", examples: ["Niger · Expelled"] },
            url: { type: "string", examples: ["https://monitor.example.org/feeds/amf_…"] },
          },
        ),
      },
      "/api/v1/assessments": {
        ...listPath(
          "assessments",
          "Published access assessments (ACAPS's nine indicators and the 0–5 level by the project's documented rule), each at its latest version published by the end of `asOf`; `from`/`to` find the assessments whose period overlaps them",
          "Assessment",
        ),
        post: writeOperation(
          "createAssessment",
          'Analysts and admins: assess a country (or one of its areas) over a period. `indicators` holds all nine categories, each `{"score": 0–3 or null for an information gap, "rationale", "eventIds"}`; the events must be published events of that category, country (and area) and period. Published at once unless `"draft": true` or REQUIRE_REVIEW is on; the answer has the computed level.',
          assessmentSchema,
          {
            id: { type: "integer" },
            version: { type: "integer" },
            reviewState: { type: "string" },
            computedLevel: { type: ["integer", "null"] },
            level: { type: ["integer", "null"] },
          },
        ),
      },
      "/api/v1/assessments/evidence": {
        get: {
          summary:
            "For each of the nine indicators, the published events of its category, country (and area) and period that an assessment may cite, most recent first",
          operationId: "proposeEvidence",
          parameters: Object.entries(jsonSchema(evidenceQuerySchema).properties as Record<string, JsonSchema>).map(([name, schema]) =>
            param(name, schema, name),
          ),
          responses: {
            "200": { description: "Events by indicator", content: { "application/json": { schema: { type: "object" } } } },
            ...errors,
          },
        },
      },
      "/api/v1/assessments/{id}": {
        get: {
          summary:
            "One assessment: every version, newest first (drafts only for analysts and admins), with its evidence and what changed in it since publication",
          operationId: "getAssessment",
          parameters: [pathParam],
          responses: {
            "200": { description: "The assessment", content: { "application/json": { schema: { type: "object" } } } },
            "404": { description: "No such assessment", content: errorRef },
            ...errors,
          },
        },
      },
      "/api/v1/assessments/{id}/versions": {
        post: {
          ...writeOperation(
            "editAssessment",
            "A new version of an assessment (the earlier ones stay readable): `version` is the latest one you saw.",
            assessmentEditSchema,
            { id: { type: "integer" }, version: { type: "integer" }, reviewState: { type: "string" }, level: { type: ["integer", "null"] } },
          ),
          parameters: [pathParam],
        },
      },
      "/api/v1/assessments/{id}/publish": {
        post: {
          ...writeOperation(
            "publishAssessment",
            "Publish the latest version, a draft; by someone other than its author when REQUIRE_REVIEW is on.",
            z.strictObject({ version: z.number().int() }),
            {
              reviewState: { type: "string" },
            },
          ),
          parameters: [pathParam],
        },
      },
      "/api/v1/webhooks": {
        post: writeOperation(
          "createWebhook",
          'Admins: send each published change of the chosen kinds (`events`) to an https address. Each delivery is a POST of `{"deliveryId", "subscriptionId", "change"}` (the change as `GET /api/v1/changes` lists it) with `X-Access-Monitor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, signed with the `secret` answered here once. Addresses on loopback, private or link-local networks are refused.',
          webhookSubscriptionSchema(false),
          { id: { type: "integer" }, secret: { type: "string", examples: ["whsec_…"] } },
        ),
      },
      "/api/v1/webhooks/{id}": {
        delete: {
          summary: "Admins: disable a webhook (nothing more is sent; its delivery log stays)",
          operationId: "disableWebhook",
          parameters: [pathParam],
          responses: {
            "200": { description: "Disabled", content: { "application/json": { schema: { type: "object" } } } },
            "404": { description: "No such webhook", content: errorRef },
            ...errors,
          },
        },
      },
      "/api/v1/countries/{iso3}/areas": {
        get: {
          summary: "The country's first-level areas: ISO 3166-2 code, name, OCHA p-code (null unless set), level",
          operationId: "listAreas",
          parameters: [{ name: "iso3", in: "path", required: true, description: "ISO 3166-1 alpha-3, e.g. NER", schema: { type: "string" } }],
          responses: {
            "200": {
              description: "Every area of the country, by name",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      data: {
                        type: "array",
                        items: {
                          type: "object",
                          properties: {
                            code: { type: "string", examples: ["NE-6"] },
                            name: { type: "string", examples: ["Tillabéri"] },
                            pcode: { type: ["string", "null"] },
                            level: { type: "integer", examples: [1] },
                            hasBoundary: { type: "boolean", description: "Whether the app draws it on the country map" },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
            "404": { description: "No such country", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
            ...errors,
          },
        },
      },
      "/api/v1/areas/{code}": {
        patch: writeOperation(
          "updateAreaPcode",
          "Set or clear an area's OCHA p-code (admins); never derived from the ISO code",
          areaPcodeSchema,
          { code: { type: "string" }, pcode: { type: ["string", "null"] } },
          { parameters: [{ name: "code", in: "path", required: true, description: "ISO 3166-2, e.g. NE-6", schema: { type: "string" } }] },
        ),
      },
      "/api/v1/countries/{iso3}/events": {
        post: writeOperation(
          "recordConstraint",
          "Record a constraint of a country, not tied to one presence: for the organisations named in `organisationIds`, every organisation of `organisationTypes` there, or neither (the whole country); in `areas` (ISO 3166-2) or country-wide. With `status`, each concerned presence gets its own event and status, in the same transaction (a whole-country constraint changes no status).",
          constraintSchema,
          {
            eventId: { type: "integer" },
            presences: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "integer" },
                  eventId: { type: "integer" },
                  status: { type: ["string", "null"] },
                  since: { type: ["string", "null"] },
                },
              },
            },
          },
          { parameters: [{ name: "iso3", in: "path", required: true, description: "ISO 3166-1 alpha-3, e.g. NER", schema: { type: "string" } }] },
        ),
      },
      "/api/v1/presences/{id}/events": {
        post: {
          summary:
            "A presence's event with at least one source, guarded by the version you saw: a status change, or without `status` a constraint that changes none",
          operationId: "changeStatus",
          description:
            "`category` is one of ACAPS's nine access indicators (the kind's default when left out, null for none), `subtype` one under it, " +
            "`areas` ISO 3166-2 codes of the country (see /api/v1/countries/{iso3}/areas). " +
            "Creates the event, recomputes the presence's status from all published events (a backdated event never hides a newer one) " +
            "and writes an audit entry, in one transaction. Each source is `{sourceId, quote?}` to cite an existing source or " +
            "`{publisher, title, url?, publishedOn?, quote?}` to add one. With a session (not a token) the request must come from the site itself (Origin).",
          parameters: [{ name: "id", in: "path", required: true, description: "Presence id (from /api/v1/presences)", schema: { type: "integer" } }],
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema(presenceEventSchema) } } },
          responses: {
            "201": {
              description: "Saved",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      eventId: { type: "integer" },
                      presence: {
                        type: "object",
                        properties: {
                          id: { type: "integer" },
                          version: { type: "integer" },
                          status: { type: ["string", "null"] },
                          since: { type: ["string", "null"] },
                        },
                      },
                    },
                  },
                },
              },
            },
            "404": { description: "No such presence", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
            "409": {
              description: "Stale version: someone changed the presence meanwhile; `error.current` says how it is now. Nothing was written.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
            "422": {
              description: "Invalid fields, listed in `error.issues`. Nothing was written.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
            ...errors,
          },
        },
      },
      "/api/v1/presences/{id}/areas": {
        put: {
          ...writeOperation(
            "setPresenceAreas",
            "Where the organisation works in the country: the whole list of first-level areas (ISO 3166-2), replacing the last one, with the `version` you saw",
            presenceAreasSchema,
            { id: { type: "integer" }, version: { type: "integer" }, areas: { type: "array", items: { type: "string" } } },
            { parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }] },
          ),
        },
      },
      "/api/v1/organisations": {
        ...listPath("organisations", "Organisations, with the number of countries of each status", "Organisation"),
        post: writeOperation("createOrganisation", "Add an organisation (analysts and admins)", organisationSchema, { id: { type: "integer" } }),
      },
      "/api/v1/organisations/{id}": {
        get: itemOperation("getOrganisation", "One organisation; a merged duplicate answers {id, mergedInto}"),
        patch: writeOperation(
          "updateOrganisation",
          "Edit an organisation's details; send the `updatedAt` you loaded",
          organisationEditSchema,
          { id: { type: "integer" }, updatedAt: { type: "string" } },
          {
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          },
        ),
      },
      "/api/v1/presences": {
        ...listPath("presences", "Each organisation in each country with its status, since when, and sources", "Presence"),
        post: writeOperation("createPresence", "Add an organisation in a new country (its status comes with its first event)", presenceSchema, {
          id: { type: "integer" },
          version: { type: "integer" },
        }),
      },
      "/api/v1/events": listPath("events", "Published events, with their sources", "Event"),
      "/api/v1/events/{id}": {
        get: itemOperation("getEvent", "One event, retracted ones too (state, retraction)"),
        patch: writeOperation(
          "updateEvent",
          "Edit an event (the fields to change and the `version` you saw); the status is recomputed",
          eventEditSchema,
          { id: { type: "integer" }, version: { type: "integer" } },
          {
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          },
        ),
      },
      "/api/v1/events/{id}/retraction": {
        post: writeOperation(
          "retractEvent",
          "Retract an event with a reason: kept in the history as retracted, no longer counted; the status is recomputed",
          retractionSchema,
          { id: { type: "integer" }, version: { type: "integer" } },
          {
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          },
        ),
      },
      "/api/v1/events/{id}/sources": {
        post: writeOperation(
          "linkEventSource",
          "Cite another source for an event (`{sourceId}` or a new source), with its quote and claim",
          linkSourceSchema,
          { sourceId: { type: "integer" } },
          {
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          },
        ),
      },
      "/api/v1/organisations/{id}/aliases": {
        post: writeOperation(
          "addAlias",
          "Another name of the organisation (another language, a former name, an acronym), found by search, imports and triage",
          aliasSchema,
          {
            id: { type: "integer" },
            name: { type: "string" },
          },
          { parameters: [pathParam] },
        ),
      },
      "/api/v1/organisations/{id}/aliases/{aliasId}": {
        delete: {
          operationId: "removeAlias",
          summary: "Remove an alias (no body)",
          parameters: [pathParam, { name: "aliasId", in: "path", required: true, schema: { type: "integer" } }],
          responses: {
            "200": { description: "Removed", content: { "application/json": { schema: { type: "object" } } } },
            "404": { description: "Not found", content: errorRef },
            ...errors,
          },
        },
      },
      "/api/v1/organisations/{id}/merge": {
        post: writeOperation(
          "mergeOrganisation",
          "Merge organisation `organisationId` into this one: its presences (combined where both are in one country), events, constraints and aliases move here, its name becomes an alias, statuses are recomputed; one transaction",
          mergeSchema,
          { keptId: { type: "integer" }, mergedId: { type: "integer" }, movedPresences: { type: "array" }, combinedPresences: { type: "array" } },
          { parameters: [pathParam] },
        ),
      },
      "/api/v1/events/{id}/publication": {
        post: writeOperation(
          "publishEvent",
          "Publish a draft (with the `version` you saw): from now on it counts. With REQUIRE_REVIEW=true, only someone other than its author may (403)",
          publishSchema,
          { id: { type: "integer" }, version: { type: "integer" } },
          { parameters: [pathParam] },
        ),
      },
      "/api/v1/events/{id}/return": {
        post: writeOperation(
          "returnDraft",
          "Return a draft to its author with a comment; it stays a draft",
          returnDraftSchema,
          { id: { type: "integer" }, version: { type: "integer" } },
          {
            parameters: [pathParam],
          },
        ),
      },
      "/api/v1/imports": {
        post: {
          operationId: "importFile",
          summary: `Import a CSV, HXL CSV or XLSX file (at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB and ${IMPORT_MAX_ROWS.toLocaleString("en-GB")} rows): every row written or none. The app's own exports import back unchanged.`,
          description:
            "The body is the file (`text/csv`, the XLSX media type) or `multipart/form-data` with one file. `?dryRun=true` answers the preview (every row with what it would do, and its errors) and keeps nothing; `?preview=true` keeps it for POST /api/v1/imports/{id}/commit; new events are drafts unless `?draft=false` publishes them; `?table=events|presences|organisations` when the headers do not say. With `Accept: application/x-ndjson`, progress lines come first.",
          parameters: [
            param("dryRun", { type: "boolean" }, "Preview only: nothing is kept"),
            param("preview", { type: "boolean" }, "Keep the preview for a later commit"),
            param("draft", { type: "boolean", default: true }, "`false` publishes the new events; by default they are drafts for review"),
            param("table", { type: "string", enum: ["events", "presences", "organisations"] }, "What the file holds, when its headers do not say"),
          ],
          requestBody: {
            required: true,
            content: {
              "text/csv": { schema: { type: "string" } },
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
              "multipart/form-data": { schema: { type: "object", properties: { file: { type: "string", format: "binary" } } } },
            },
          },
          responses: {
            "200": { description: "The preview (dryRun)", content: { "application/json": { schema: { type: "object" } } } },
            "201": { description: "Imported: what was created, how many rows were skipped", content: { "application/json": { schema: { type: "object" } } } },
            "413": { description: "The file is over the import limit", content: errorRef },
            "415": { description: "Not a CSV, XLSX or multipart body", content: errorRef },
            "422": {
              description: "A file that is not what it says, or rows with errors (`error.rows`: line and errors). Nothing was written.",
              content: errorRef,
            },
            ...errors,
          },
        },
      },
      "/api/v1/imports/{id}": {
        get: {
          operationId: "getImport",
          summary: "An import: its state, counts per action, what it created, and a page of its rows (`only`, `page`)",
          parameters: [
            pathParam,
            param("only", { type: "string", enum: ["create", "existing", "duplicate", "error"] }, "Only rows of this action"),
            param("page", { type: "integer" }, "Page of 50 rows"),
          ],
          responses: {
            "200": { description: "The import", content: { "application/json": { schema: { type: "object" } } } },
            "404": { description: "Not found", content: errorRef },
            ...errors,
          },
        },
      },
      "/api/v1/imports/{id}/commit": {
        post: {
          operationId: "commitImport",
          summary: 'Commit a previewed import (`{"draft": true}` for drafts); with REQUIRE_REVIEW=true, by someone other than its uploader',
          parameters: [pathParam],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", properties: { draft: { type: "boolean" } } } } } },
          responses: {
            "200": { description: "Committed", content: { "application/json": { schema: { type: "object" } } } },
            "422": { description: "Rows with errors: nothing written", content: errorRef },
            ...errors,
          },
        },
      },
      "/api/v1/imports/{id}/undo": {
        post: writeOperation(
          "undoImport",
          "Undo a committed import: its events are retracted with the `reason`",
          undoImportSchema,
          { id: { type: "integer" }, retracted: { type: "integer" } },
          {
            parameters: [pathParam],
          },
        ),
      },
      "/api/v1/triage": {
        post: {
          ...writeOperation(
            "triageArticle",
            "Draft events proposed from an article's text (organisations by name, acronym or alias; kind and status from English and French phrases; the date relative to `publishedOn`); writes nothing. Accept a proposal through the ordinary event endpoints.",
            articleSchema,
            { proposals: { type: "array", items: { type: "object" } } },
          ),
        },
      },
      ...Object.fromEntries(
        TABLE_NAMES.map((table) => [
          `/api/v1/export/${table}`,
          {
            get: {
              summary: `Export the ${TABLES[table].title.toLowerCase()}${TABLES[table].readAction === "readAudit" ? " (admins and analysts)" : ""} as a file: every row of the view`,
              operationId: `export${table[0]!.toUpperCase()}${table.slice(1)}`,
              parameters: tableParameters(table, { list: false }),
              responses: {
                "200": {
                  description: "The file, streamed",
                  content: Object.fromEntries(EXPORT_FORMATS.map((f) => [EXPORT_CONTENT_TYPES[f].split(";")[0], { schema: { type: "string" } }])),
                },
                ...errors,
              },
            },
          },
        ]),
      ),
    },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API token issued by an admin (Admin → API tokens)" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: {
        Error: jsonSchema(errorResponse),
        Presence: jsonSchema(presenceItem),
        Event: jsonSchema(eventItem),
        Organisation: jsonSchema(organisationItem),
        Country: jsonSchema(countryItem),
        PresenceList: jsonSchema(listResponse(presenceItem)),
        EventList: jsonSchema(listResponse(eventItem)),
        Assessment: jsonSchema(assessmentItem),
        AssessmentList: jsonSchema(listResponse(assessmentItem)),
        OrganisationList: jsonSchema(listResponse(organisationItem)),
        CountryList: jsonSchema(listResponse(countryItem)),
        ChangeList: jsonSchema(changeList),
      },
    },
  };
}
