// The rules for every value an analyst or integrator writes, as zod schemas shared by the
// forms (server actions) and the v1 API, so both refuse the same input with the same message.
import { z } from "zod";
import { LIMITS } from "./limits";
import { CATEGORIES, resolveCategory, subtypeProblem, SUBTYPES, type Category, type Subtype } from "./constraints";
import { kindStatusProblem } from "./kind-status";
import { areaCodeSchema } from "./area-code";
import { ISO_DAY, parsePartialDate } from "./partial-date";
import { textProblem, type TextKind } from "./text";
import { todayUtc } from "./view";
import { CONFIDENCES, DATE_PRECISIONS, EVENT_KINDS, ISO3_CODE, ORGANISATION_TYPES, STATUSES, type EventKind, type Status } from "./vocabulary";

/** Markup is never accepted: text is shown as text, and exports must not carry HTML. */
const HTML = /<\s*[a-zA-Z!/?]|&#?[a-zA-Z0-9]+;/;
/** Free text (a summary, a quote) or, with `kind: "name"`, a name on one line (lib/domain/text.ts). */
export function text(label: string, { min = 1, max, kind = "text" }: { min?: number; max: number; kind?: TextKind }) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .normalize("NFC")
    .min(min, min === 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((value) => !HTML.test(value), `${label} must be plain text, without HTML`)
    .superRefine((value, ctx) => {
      const problem = textProblem(value, kind);
      if (problem) ctx.addIssue({ code: "custom", message: `${label} ${problem}` });
    });
}

/**
 * A whole number from a JSON number or a form's digits. Not z.coerce.number, which takes
 * `true` for 1 and `null`, `""` or `[]` for 0: a version of `true` must not match version 1.
 */
export const wholeNumber = (message = "Must be a whole number", wrongType = message) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : value),
    z.number({ error: (issue) => (issue.input === undefined ? message : wrongType) }).int(wrongType),
  );

/** The version of the record the user saw: a write against another version is a conflict. */
export const versionSeen = wholeNumber("The version you saw is required", "The version must be the whole number the record gave (e.g. 3)").pipe(
  z.number().min(1, "The version must be the whole number the record gave (e.g. 3)"),
);

export const optionalText = (label: string, max: number, kind: TextKind = "text") =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), text(label, { max, kind }).optional());

export const httpUrl = (label: string) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .string()
      .trim()
      .max(LIMITS.url, `${label} must be at most ${LIMITS.url.toLocaleString("en-GB")} characters`)
      .refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
        } catch {
          return false;
        }
      }, `${label} must be a web address starting with http:// or https://`)
      .optional(),
  );

/** A YYYY-MM-DD day, not after today (nothing is known about the future). */
export const pastDay = (label: string, now = () => new Date()) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .regex(ISO_DAY, `${label} must be a date (YYYY-MM-DD)`)
    .transform((value, ctx) => {
      const parsed = parsePartialDate(value);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: `${label} is not a real date` });
        return z.NEVER;
      }
      if (parsed.date.getTime() > todayUtc(now()).getTime()) {
        ctx.addIssue({ code: "custom", message: `${label} cannot be in the future` });
        return z.NEVER;
      }
      if (parsed.date.getUTCFullYear() < 1900) {
        ctx.addIssue({ code: "custom", message: `${label} must be after 1900` });
        return z.NEVER;
      }
      return parsed.date;
    });

const peopleCount = z
  .number({ error: "People affected must be a whole number" })
  .int("People affected must be a whole number")
  .min(0, "People affected cannot be negative")
  .max(LIMITS.peopleAffected, `People affected must be at most ${LIMITS.peopleAffected.toLocaleString("en-GB")}`);
const toNumber = (value: unknown) => (typeof value === "string" ? Number(value.replace(/[\s,]/g, "")) : value);

export const peopleAffected = z.preprocess((value) => (value === "" || value === null ? undefined : toNumber(value)), peopleCount.optional());

export const newSourceSchema = z.strictObject({
  publisher: text("Publisher", { max: LIMITS.publisher, kind: "name" }),
  title: text("Title", { max: LIMITS.sourceTitle, kind: "name" }),
  url: httpUrl("URL"),
  publishedOn: z.preprocess((v) => (v === "" ? undefined : v), pastDay("Publication date").optional()),
  quote: optionalText("Quote", LIMITS.quote),
});

export const existingSourceSchema = z.strictObject({
  sourceId: wholeNumber("Choose a source").pipe(z.number().positive("Choose a source")),
  quote: optionalText("Quote", LIMITS.quote),
});

/**
 * A source cited: a known one by `sourceId`, or a new one. When neither fits, the message
 * is the first refusal of the kind the input meant (by whether it has a `sourceId`), so it
 * names what is wrong (a future publication date, a missing title), not "one or the other".
 */
export const sourceCitationSchema = z.union([existingSourceSchema, newSourceSchema], {
  error: (issue) => {
    const input = issue.input;
    if (issue.code !== "invalid_union" || input === null || typeof input !== "object" || Array.isArray(input)) {
      return "Each source needs either a sourceId, or a publisher and a title";
    }
    const meant = issue.errors["sourceId" in input ? 0 : 1]?.[0];
    return meant ? meant.message : "Each source needs either a sourceId, or a publisher and a title";
  },
});

const draft = z.boolean("draft is true or false").optional();

/** What a status change says: the new status, what happened, when, and its sources. */
const statusEventFields = {
  status: z.enum(STATUSES, "Choose operating, restricted or expelled"),
  kind: z.enum(EVENT_KINDS, "Choose what happened"),
  occurredOn: pastDay("Date"),
  datePrecision: z.enum(DATE_PRECISIONS, "Choose day, month or year"),
  summary: text("Summary", LIMITS.summary),
  peopleAffected,
  confidence: z.enum(CONFIDENCES, "Choose confirmed, reported or disputed"),
  /** Left out: the kind's default (lib/domain/constraints.ts); null: no category. */
  category: z.enum(CATEGORIES, "Choose one of the nine access indicators").nullable().optional(),
  subtype: z.enum(SUBTYPES, "Choose a subtype from the list").nullable().optional(),
  sources: z.array(sourceCitationSchema, "Add at least one source").min(1, "Add at least one source").max(LIMITS.sources, `At most ${LIMITS.sources} sources`),
  /** Saved for review: counts nowhere until someone publishes it (lib/domain/review.ts). */
  draft,
};

/** The kind must be one that may lead to the status (lib/domain/kind-status.ts), said on the kind; a subtype must fit the category. */
function kindFitsStatus(change: { kind: EventKind; status: Status; category?: Category | null; subtype?: Subtype | null }, ctx: z.RefinementCtx) {
  const problem = kindStatusProblem(change.kind, change.status);
  if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["kind"] });
  const subtype = subtypeProblem(resolveCategory(change.kind, change.category, change.subtype), change.subtype ?? null);
  if (subtype) ctx.addIssue({ code: "custom", message: subtype, path: ["subtype"] });
}

export const statusChangeSchema = z.strictObject({ ...statusEventFields, version: versionSeen }).superRefine(kindFitsStatus);

/** The first event of a presence, given with it: a presence is never recorded without its status. */
export const firstEventSchema = z.strictObject(statusEventFields).superRefine(kindFitsStatus);

const iatiId = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}(-[A-Za-z0-9]+)+$/, "IATI identifier looks like XM-DAC-41306 or GB-CHC-202918")
    .max(LIMITS.iatiId)
    .optional(),
);

export const organisationSchema = z.strictObject({
  name: text("Name", { max: LIMITS.organisationName, kind: "name" }),
  acronym: optionalText("Acronym", LIMITS.acronym, "name"),
  type: z.enum(ORGANISATION_TYPES, "Choose a type"),
  iatiId,
  website: httpUrl("Website"),
});

export const organisationEditSchema = organisationSchema
  .partial()
  .extend({ updatedAt: z.string().datetime({ message: "The time you loaded the record is required" }) })
  .strict();

export const presenceSchema = z.strictObject({
  organisationId: wholeNumber("Choose an organisation").pipe(z.number().positive("Choose an organisation")),
  countryIso3: z
    .string()
    .trim()
    .regex(ISO3_CODE, "Choose a country")
    .transform((v) => v.toUpperCase()),
  /** Its first sourced event, saved with it in one transaction (the forms always send one). */
  event: firstEventSchema.optional(),
});

/** In an edit, an empty value clears the figure (null); leaving the field out keeps it. */
const nullablePeople = z.preprocess((value) => (value === "" || value === null ? null : toNumber(value)), peopleCount.nullable().optional());

export const eventEditSchema = z
  .strictObject({
    version: versionSeen,
    kind: z.enum(EVENT_KINDS, "Choose what happened").optional(),
    resultingStatus: z.enum(STATUSES, "Choose operating, restricted or expelled").nullable().optional(),
    occurredOn: pastDay("Date").optional(),
    datePrecision: z.enum(DATE_PRECISIONS, "Choose day, month or year").optional(),
    summary: text("Summary", LIMITS.summary).optional(),
    peopleAffected: nullablePeople,
    confidence: z.enum(CONFIDENCES, "Choose confirmed, reported or disputed").optional(),
    category: z.enum(CATEGORIES, "Choose one of the nine access indicators").nullable().optional(),
    subtype: z.enum(SUBTYPES, "Choose a subtype from the list").nullable().optional(),
  })
  .refine((edit) => Object.keys(edit).some((key) => key !== "version"), { message: "Change at least one field", path: ["form"] });

export const retractionSchema = z.strictObject({
  version: versionSeen,
  reason: text("Reason", LIMITS.retractionReason),
});

export const linkSourceSchema = z.strictObject({
  source: sourceCitationSchema,
  claim: optionalText("What this source claims", LIMITS.claim),
});

/** At most this many areas or named organisations in one constraint. */
export const CONSTRAINT_LIMITS = { areas: 50, organisations: 200 } as const;

const areaCode = areaCodeSchema("Each area is an ISO 3166-2 code, e.g. NE-6");

/**
 * A constraint recorded for a country (POST /api/v1/countries/{iso3}/events, the country page's
 * form): for named organisations, for every organisation of some types there, or neither (the
 * whole country). A status, when given, is applied to each concerned presence; a whole-country
 * constraint changes no status (lib/domain/presence-projection.ts stays per presence).
 */
export const constraintSchema = z
  .strictObject({
    kind: statusEventFields.kind,
    category: statusEventFields.category,
    subtype: statusEventFields.subtype,
    status: z.enum(STATUSES, "Choose operating, restricted or expelled, or leave the status out").nullable().optional(),
    occurredOn: statusEventFields.occurredOn,
    datePrecision: statusEventFields.datePrecision,
    summary: statusEventFields.summary,
    peopleAffected,
    confidence: statusEventFields.confidence,
    areas: z.array(areaCode, "Areas are a list of ISO 3166-2 codes").max(CONSTRAINT_LIMITS.areas, `At most ${CONSTRAINT_LIMITS.areas} areas`).default([]),
    organisationIds: z
      .array(wholeNumber("Each organisation is an id").pipe(z.number().positive("Each organisation is an id")), "Organisations are a list of ids")
      .max(CONSTRAINT_LIMITS.organisations, `At most ${CONSTRAINT_LIMITS.organisations} organisations`)
      .optional(),
    organisationTypes: z
      .array(z.enum(ORGANISATION_TYPES, "Choose organisation types from the list"), "Organisation types are a list")
      .max(ORGANISATION_TYPES.length)
      .optional(),
    sources: statusEventFields.sources,
    draft,
  })
  .superRefine((c, ctx) => {
    if (c.organisationIds?.length && c.organisationTypes?.length) {
      ctx.addIssue({ code: "custom", path: ["organisationTypes"], message: "Name organisations or types of organisation, not both" });
    }
    if (c.organisationIds && new Set(c.organisationIds).size !== c.organisationIds.length) {
      ctx.addIssue({ code: "custom", path: ["organisationIds"], message: "An organisation is listed twice" });
    }
    if (c.status) {
      if (!c.organisationIds?.length && !c.organisationTypes?.length) {
        ctx.addIssue({
          code: "custom",
          path: ["status"],
          message: "A status is set for the organisations a constraint concerns: name them or their types. A whole-country constraint changes no status.",
        });
      }
      const problem = kindStatusProblem(c.kind, c.status);
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: ["kind"] });
    }
    const subtype = subtypeProblem(resolveCategory(c.kind, c.category, c.subtype), c.subtype ?? null);
    if (subtype) ctx.addIssue({ code: "custom", message: subtype, path: ["subtype"] });
  });

export type ConstraintInput = z.output<typeof constraintSchema>;

/**
 * An event for one presence through the API (POST /api/v1/presences/{id}/events): a status change,
 * or with no `status` a constraint on that organisation that changes none (e.g. an escort required).
 */
const presenceEventFields = {
  ...statusEventFields,
  status: z.enum(STATUSES, "Choose operating, restricted or expelled, or leave the status out").nullable().optional(),
  areas: z.array(areaCode, "Areas are a list of ISO 3166-2 codes").max(CONSTRAINT_LIMITS.areas).default([]),
};

function presenceEventFits(change: { kind: EventKind; status?: Status | null; category?: Category | null; subtype?: Subtype | null }, ctx: z.RefinementCtx) {
  if (change.status) kindFitsStatus({ ...change, status: change.status }, ctx);
  else {
    const subtype = subtypeProblem(resolveCategory(change.kind, change.category, change.subtype), change.subtype ?? null);
    if (subtype) ctx.addIssue({ code: "custom", message: subtype, path: ["subtype"] });
  }
}

export const presenceEventSchema = z.strictObject({ ...presenceEventFields, version: versionSeen }).superRefine(presenceEventFits);

/** An imported row's event: a presence's event as the API takes it, without the version (the import claims the presence itself). */
export const importedEventSchema = z.strictObject(presenceEventFields).superRefine(presenceEventFits);
export type ImportedEvent = z.output<typeof importedEventSchema>;

/** Where an organisation works in its country (PUT /api/v1/presences/{id}/areas): the whole list, replacing the last one. */
export const presenceAreasSchema = z.strictObject({
  version: versionSeen,
  areas: z.array(areaCode, "Areas are a list of ISO 3166-2 codes").max(CONSTRAINT_LIMITS.areas, `At most ${CONSTRAINT_LIMITS.areas} areas`),
});

/** An area's OCHA place code (PATCH /api/v1/areas/{code}, admins): as OCHA writes it (e.g. NER006), or null to clear it. */
export const areaPcodeSchema = z.strictObject({
  pcode: z
    .string("A p-code is text, e.g. NER006, or null")
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2,3}[0-9A-Z]{1,15}$/, "A p-code is the country's letters then digits, e.g. NER006"))
    .nullable(),
});

/** Another name of an organisation: a name in another language, a former name, or an acronym. */
export const aliasSchema = z.strictObject({
  name: text("Alias", { max: LIMITS.organisationName, kind: "name" }),
  language: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : value),
    z
      .string("The language is a code such as en or fr")
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "The language is a code such as en, fr or pt-BR")
      .nullable()
      .optional(),
  ),
  acronym: z.boolean("Acronym is true or false").optional(),
});

/** Merging another organisation into this one: which one, and the name typed to confirm it. */
export const mergeSchema = z.strictObject({
  organisationId: wholeNumber("Choose the organisation to merge into this one").pipe(z.number().positive("Choose the organisation to merge into this one")),
});

/** Publishing a draft: the version the reviewer saw. */
export const publishSchema = z.strictObject({ version: versionSeen });

/** Returning a draft to its author, with what to change. */
export const returnDraftSchema = z.strictObject({ version: versionSeen, comment: text("Comment", { min: 5, max: LIMITS.claim }) });

/** Undoing an import: why, as for a retraction. */
export const undoImportSchema = z.strictObject({ reason: text("Reason", LIMITS.retractionReason) });

/** The longest article triage reads (characters of text). */
export const TRIAGE_MAX_CHARS = 100_000;

/** An article to triage (POST /api/v1/triage, the triage page). */
export const articleSchema = z.strictObject({
  text: z
    .string("Paste the article's text")
    .trim()
    .min(20, "Paste the article's text (at least a sentence)")
    .max(TRIAGE_MAX_CHARS, `An article is at most ${TRIAGE_MAX_CHARS.toLocaleString("en-GB")} characters`),
  /** The text is HTML (an uploaded .html file): its text is read from it. */
  html: z.boolean().optional(),
  publisher: text("Publisher", { max: LIMITS.publisher, kind: "name" }),
  title: text("Title", { max: LIMITS.sourceTitle, kind: "name" }),
  url: httpUrl("URL"),
  publishedOn: z.preprocess((v) => (v === "" || v === null ? undefined : v), pastDay("Publication date").optional()),
});
