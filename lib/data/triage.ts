import "server-only";
// Article triage against the database: the organisations (names, acronyms, aliases) and
// countries to look for, the proposals (lib/domain/triage.ts), writing nothing; and accepting
// one, which goes through the ordinary event writes with the article as its source.
import { z } from "zod";
import { convert } from "html-to-text";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";
import { articleSchema } from "@/lib/domain/edit-schemas";
import { LIMITS } from "@/lib/domain/limits";
import { isoDate } from "@/lib/domain/partial-date";
import { proposeEvents, type Proposal } from "@/lib/domain/triage";
import { createPresence } from "@/lib/data/edits/organisations";
import { recordPresenceEvent, type StatusChangeResult } from "@/lib/data/edits/status-change";
import { recordConstraint } from "@/lib/data/edits/constraints";
import { CONFIDENCES, DATE_PRECISIONS, EVENT_KINDS, ISO3_CODE, STATUSES } from "@/lib/domain/vocabulary";
import { NotFoundError } from "@/lib/domain/errors";

export interface NamedProposal extends Proposal {
  organisationName: string | null;
  countryName: string | null;
}

export async function triageArticle(actor: Actor | null, input: unknown): Promise<{ proposals: NamedProposal[] }> {
  authorize(actor, "editEvents");
  const article = articleSchema.parse(input);
  const body = article.html
    ? convert(article.text, {
        wordwrap: false,
        selectors: [
          { selector: "a", options: { ignoreHref: true } },
          { selector: "img", format: "skip" },
        ],
      })
    : article.text;
  const [organisations, countries] = await Promise.all([
    db().organisation.findMany({ select: { id: true, name: true, acronym: true, aliases: { select: { name: true } } } }),
    db().country.findMany({ select: { iso3: true, nameEn: true, nameFr: true } }),
  ]);
  const proposals = proposeEvents(
    { text: body, publishedOn: article.publishedOn ? isoDate(article.publishedOn) : null },
    organisations.map((o) => ({ id: o.id, names: [o.name, ...(o.acronym ? [o.acronym] : []), ...o.aliases.map((a) => a.name)] })),
    countries.map((c) => ({ iso3: c.iso3, names: [c.nameEn, c.nameFr] })),
  );
  const organisationNames = new Map(organisations.map((o) => [o.id, o.name]));
  const countryNames = new Map(countries.map((c) => [c.iso3, c.nameEn]));
  return {
    proposals: proposals.map((p) => ({
      ...p,
      organisationName: p.organisationId === null ? null : (organisationNames.get(p.organisationId) ?? null),
      countryName: p.countryIso3 ? (countryNames.get(p.countryIso3) ?? null) : null,
    })),
  };
}

/** An accepted proposal, as the analyst edited it, with the article it came from. */
export const acceptanceSchema = z.strictObject({
  article: articleSchema.omit({ text: true, html: true }),
  organisationId: z.number().int().positive().nullable(),
  countryIso3: z.string().regex(ISO3_CODE, "Choose a country"),
  kind: z.enum(EVENT_KINDS, "Choose what happened"),
  status: z.enum(STATUSES).nullable(),
  occurredOn: z.string("Give the date"),
  datePrecision: z.enum(DATE_PRECISIONS, "Choose day, month or year"),
  confidence: z.enum(CONFIDENCES, "Choose confirmed, reported or disputed"),
  summary: z.string(),
  quote: z.string().max(LIMITS.quote, `The quote is at most ${LIMITS.quote} characters: shorten it`),
  draft: z.boolean(),
});

/**
 * Writes an accepted proposal through the ordinary event writes (their validation, roles and
 * audit): an event of the organisation's presence (added to the country first if need be),
 * or of the whole country.
 */
export async function acceptProposal(actor: Actor | null, input: unknown): Promise<{ eventId: number; reviewState: string }> {
  authorize(actor, "editEvents");
  const a = acceptanceSchema.parse(input);
  const iso3 = a.countryIso3.toUpperCase();
  const source = {
    publisher: a.article.publisher,
    title: a.article.title,
    ...(a.article.url ? { url: a.article.url } : {}),
    ...(a.article.publishedOn ? { publishedOn: isoDate(a.article.publishedOn) } : {}),
    ...(a.quote.trim() ? { quote: a.quote } : {}),
  };
  const event = {
    kind: a.kind,
    occurredOn: a.occurredOn,
    datePrecision: a.datePrecision,
    summary: a.summary,
    confidence: a.confidence,
    sources: [source],
    draft: a.draft,
  };
  if (a.organisationId === null) {
    const written = await recordConstraint(actor, iso3, event);
    return { eventId: written.eventId, reviewState: written.reviewState };
  }
  const presence = await db().presence.findUnique({ where: { organisationId_countryIso3: { organisationId: a.organisationId, countryIso3: iso3 } } });
  let written: StatusChangeResult | { eventId?: number; reviewState?: string };
  if (presence) {
    written = await recordPresenceEvent(actor, presence.id, { ...event, status: a.status, version: presence.version });
  } else if (a.status) {
    written = await createPresence(actor, { organisationId: a.organisationId, countryIso3: iso3, event: { ...event, status: a.status } });
  } else {
    const created = await createPresence(actor, { organisationId: a.organisationId, countryIso3: iso3 });
    written = await recordPresenceEvent(actor, created.id, { ...event, status: null, version: created.version });
  }
  if (!written.eventId) throw new NotFoundError("The new event");
  const stored = await db().accessEvent.findUniqueOrThrow({ where: { id: written.eventId }, select: { reviewState: true } });
  return { eventId: written.eventId, reviewState: stored.reviewState };
}
