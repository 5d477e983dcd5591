import "server-only";
import type { Locale } from "@/lib/domain/locales";
// Personal Atom feeds. A feed is a view (the events table's filters) with its own token in
// its address: feed readers cannot sign in, so the token is the credential, read-only (it
// opens this one feed and nothing else), shown once and stored as its SHA-256 like API
// tokens. Reading a feed acts as its owner with the owner's role at that moment; a revoked
// token, or one whose owner was disabled, is refused (401) and the refusal audited. A feed
// in use is audited once an hour (feed readers poll every few minutes).
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { authorize, type Actor } from "@/lib/domain/actor";
import { wholeNumber } from "@/lib/domain/edit-schemas";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import { categoriesOf } from "@/lib/domain/constraints";
import {
  describeFeedFilters,
  feedKinds,
  FEED_TOKEN_PREFIX,
  feedFiltersQuery,
  feedFiltersSchema,
  parseStoredFeedFilters,
  type FeedEntry,
  type FeedFilters,
} from "@/lib/domain/feeds";
import type { ChangeKind, ChangePosition } from "@/lib/domain/changes";
import type { Category } from "@/lib/domain/constraints";
import type { DatePrecision, EventKind, Status } from "@/lib/domain/vocabulary";
import { recordAudit } from "./audit";
import { enforceRateLimit } from "./rate-limit";
import { refuseToken } from "./api-tokens";

/** Enough for every country and organisation one person follows; a runaway script stops here. */
export const MAX_FEEDS_PER_USER = 100;
/** Entries in a feed: the newest changes (feed readers keep what they have seen). */
export const FEED_ENTRIES = 50;
const READ_AUDIT_INTERVAL_MS = 3_600_000;

const FEED_TOKEN = { prefix: FEED_TOKEN_PREFIX, action: "auth.feedTokenRefused", entityType: "FeedToken" } as const;
const hashFeedToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export const feedPath = (token: string) => `/feeds/${token}`;

export interface CreatedFeed {
  id: number;
  /** The feed's path with its token ("/feeds/amf_…"): shown once. */
  path: string;
  title: string;
}

export async function createFeed(actor: Actor | null, input: unknown): Promise<CreatedFeed> {
  const user = authorize(actor, "follow");
  const filters = feedFiltersSchema.parse(input);
  const token = `${FEED_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, FEED_TOKEN_PREFIX.length + 6);
  return db().$transaction(async (tx) => {
    // Counted in the transaction that adds one, after locking the user's row: two at once cannot both pass.
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${user.id} FOR UPDATE`;
    const open = await tx.feedToken.count({ where: { userId: user.id, revokedAt: null } });
    if (open >= MAX_FEEDS_PER_USER)
      throw new RuleError(`You have ${MAX_FEEDS_PER_USER} feeds, the most one person may have: revoke one you no longer read first.`);
    const title = describeFeedFilters(filters, await feedFilterNames(filters));
    const record = await tx.feedToken.create({ data: { userId: user.id, tokenHash: hashFeedToken(token), prefix, filters: feedFiltersQuery(filters) } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "feed.create",
      entityType: "FeedToken",
      entityId: String(record.id),
      after: { prefix, filters: record.filters },
    });
    return { id: record.id, path: feedPath(token), title };
  });
}

export async function revokeFeed(actor: Actor | null, input: unknown, now = new Date()): Promise<void> {
  const user = authorize(actor, "follow");
  const { id } = z
    .object({ id: wholeNumber().pipe(z.number().positive()) })
    .strict()
    .parse(input);
  await db().$transaction(async (tx) => {
    const feed = await tx.feedToken.findUnique({ where: { id } });
    // Someone else's feed is answered as if it did not exist.
    if (!feed || feed.userId !== user.id) throw new NotFoundError("This feed");
    if (feed.revokedAt) return;
    await tx.feedToken.update({ where: { id }, data: { revokedAt: now, revokedReason: "revoked" } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "feed.revoke",
      entityType: "FeedToken",
      entityId: String(id),
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString() },
    });
  });
}

export interface OwnFeed {
  id: number;
  prefix: string;
  title: string;
  filters: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
}

/** The user's feeds: working ones first, then those ended in the last 90 days. */
export async function listOwnFeeds(actor: Actor | null, now = new Date()): Promise<OwnFeed[]> {
  const user = authorize(actor, "follow");
  const feeds = await db().feedToken.findMany({
    where: { userId: user.id, OR: [{ revokedAt: null }, { revokedAt: { gt: new Date(now.getTime() - 90 * 86_400_000) } }] },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return Promise.all(
    feeds.map(async (f) => {
      const filters = parseStoredFeedFilters(f.filters);
      return { ...f, title: describeFeedFilters(filters, await feedFilterNames(filters)) };
    }),
  );
}

/** The names of the country, organisation and area a feed follows, for its title. */
export async function feedFilterNames(filters: FeedFilters, locale: Locale = "en") {
  const [country, organisation, area] = await Promise.all([
    filters.country ? db().country.findUnique({ where: { iso3: filters.country }, select: { nameEn: true, nameFr: true } }) : null,
    filters.organisation ? db().organisation.findUnique({ where: { id: filters.organisation }, select: { name: true } }) : null,
    filters.area ? db().area.findUnique({ where: { code: filters.area }, select: { name: true } }) : null,
  ]);
  return { country: (locale === "fr" && country?.nameFr) || country?.nameEn, organisation: organisation?.name, area: area?.name };
}

export interface OpenedFeed {
  actor: Actor;
  id: number;
  createdAt: Date;
  filters: FeedFilters;
  title: string;
}

/** The feed a token opens, acting as its owner, or null (refused and audited) when it opens none. */
export async function openFeed(token: string, clientAddress: string | null, now = new Date()): Promise<OpenedFeed | null> {
  if (!token.startsWith(FEED_TOKEN_PREFIX) || token.length > 200) return refuseToken(FEED_TOKEN, token, "malformed", clientAddress, null);
  const record = await db().feedToken.findUnique({ where: { tokenHash: hashFeedToken(token) }, include: { user: true } });
  if (!record) return refuseToken(FEED_TOKEN, token, "unknown", clientAddress, null);
  if (record.user.disabledAt) return refuseToken(FEED_TOKEN, token, "userDisabled", clientAddress, record.id);
  if (record.revokedAt) return refuseToken(FEED_TOKEN, token, "revoked", clientAddress, record.id);
  await enforceRateLimit(`feed:${record.id}`, "token");
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > READ_AUDIT_INTERVAL_MS) {
    await db().$transaction([
      db().feedToken.update({ where: { id: record.id }, data: { lastUsedAt: now } }),
      db().auditEntry.create({
        data: { actorId: record.userId, action: "feed.read", entityType: "FeedToken", entityId: String(record.id), after: { clientAddress } },
      }),
    ]);
  }
  const { user } = record;
  const filters = parseStoredFeedFilters(record.filters);
  return {
    actor: { id: user.id, email: user.email, name: user.name, role: user.role, credential: { kind: "feed", feedId: record.id } },
    id: record.id,
    createdAt: record.createdAt,
    filters,
    title: describeFeedFilters(filters, await feedFilterNames(filters)),
  };
}

interface EntryRow {
  seq: bigint;
  txid: bigint;
  kind: ChangeKind;
  changed_at: Date;
  entity_type: string;
  entity_id: number;
  organisation_id: number | null;
  organisation_name: string | null;
  country_iso3: string | null;
  country_name: string | null;
  status: Status | null;
  previous_status: Status | null;
  e_kind: EventKind | null;
  category: Category | null;
  resulting_status: Status | null;
  occurred_on: string | null;
  date_precision: DatePrecision | null;
  summary: string | null;
  version: number | null;
  retraction_reason: string | null;
  sources: { publisher: string; title: string; url: string | null }[] | null;
  assessment: NonNullable<FeedEntry["assessment"]> | null;
}

/**
 * The newest published changes a feed's filters select, newest first, below the horizon of
 * running writers (as `GET /api/v1/changes`: an entry never appears behind a newer one).
 */
export async function feedEntries(
  actor: Actor | null,
  filters: FeedFilters,
  { limit = FEED_ENTRIES, after = null }: { limit?: number; after?: ChangePosition | null } = {},
): Promise<FeedEntry[]> {
  authorize(actor, "read");
  const kinds: string[] = feedKinds(filters);
  const isEvent = Prisma.sql`ch."entityType" = 'AccessEvent'`;
  const conditions: Prisma.Sql[] = [Prisma.sql`ch.kind = ANY(${kinds}::text[])`, Prisma.sql`ch.txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`];
  if (after) conditions.push(Prisma.sql`(ch.txid, ch.seq) > (${after.txid}::bigint, ${after.seq}::bigint)`);
  if (filters.country) conditions.push(Prisma.sql`ch."countryIso3" = ${filters.country}`);
  if (filters.region) conditions.push(Prisma.sql`c.region = ${filters.region}`);
  if (filters.type) conditions.push(Prisma.sql`o.type = ${filters.type}::"OrganisationType"`);
  // An organisation's changes include the country-level constraints that name it (as in the events table).
  if (filters.organisation) {
    // As a set of change ids from two indexed lookups: an OR of the two would walk the whole log.
    conditions.push(
      Prisma.sql`ch.seq IN (SELECT o1.seq FROM "DataChange" o1 WHERE o1."organisationId" = ${filters.organisation}
        UNION SELECT o2.seq FROM "EventOrganisation" eo JOIN "DataChange" o2 ON o2."entityType" = 'AccessEvent' AND o2."entityId" = eo."eventId"
        WHERE eo."organisationId" = ${filters.organisation})`,
    );
  }
  if (filters.status) conditions.push(Prisma.sql`(CASE WHEN ${isEvent} THEN e."resultingStatus" ELSE ch.status END) = ${filters.status}::"Status"`);
  if (filters.kind) conditions.push(Prisma.sql`e.kind = ${filters.kind}::"EventKind"`);
  if (filters.category) conditions.push(Prisma.sql`e.category = ${filters.category}::"ConstraintCategory"`);
  if (filters.pillar) conditions.push(Prisma.sql`e.category = ANY(${categoriesOf(filters.pillar)}::"ConstraintCategory"[])`);
  if (filters.area) conditions.push(Prisma.sql`e.id IN (SELECT ea."eventId" FROM "EventArea" ea WHERE ea."areaCode" = ${filters.area})`);
  if (filters.confidence) conditions.push(Prisma.sql`e.confidence = ${filters.confidence}::"Confidence"`);
  const rows = await db().$queryRaw<EntryRow[]>`
    SELECT ch.seq, ch.txid, ch.kind, ch."changedAt" AS changed_at, ch."entityType" AS entity_type, ch."entityId" AS entity_id,
           ch."organisationId" AS organisation_id, o.name AS organisation_name, ch."countryIso3" AS country_iso3, c."nameEn" AS country_name,
           ch.status::text AS status, ch."previousStatus"::text AS previous_status,
           e.kind::text AS e_kind, e.category::text AS category, e."resultingStatus"::text AS resulting_status,
           e."occurredOn"::text AS occurred_on, e."datePrecision"::text AS date_precision, e.summary, e.version, e."retractionReason" AS retraction_reason,
           (SELECT json_agg(json_build_object('publisher', so.publisher, 'title', so.title, 'url', so.url) ORDER BY so.id)
              FROM "EventSource" es JOIN "Source" so ON so.id = es."sourceId" WHERE es."eventId" = e.id) AS sources,
           asm.assessment
    FROM "DataChange" ch
    LEFT JOIN "AccessEvent" e ON ${isEvent} AND e.id = ch."entityId"
    LEFT JOIN "Organisation" o ON o.id = ch."organisationId"
    LEFT JOIN "Country" c ON c.iso3 = ch."countryIso3"
    -- A published assessment: the version its change announces (published at the change's instant).
    LEFT JOIN LATERAL (
      SELECT json_build_object('id', a.id, 'from', to_char(a."periodFrom", 'YYYY-MM-DD'), 'to', to_char(a."periodTo", 'YYYY-MM-DD'),
               'area', CASE WHEN a."areaCode" IS NULL THEN NULL ELSE json_build_object('code', a."areaCode", 'name', coalesce(ar.name, a."areaCode")) END,
               'version', v.version, 'level', coalesce(v."overrideLevel", v."computedLevel"), 'computedLevel', v."computedLevel",
               'overrideReason', v."overrideReason") AS assessment
      FROM "Assessment" a JOIN "AssessmentVersion" v ON v."assessmentId" = a.id LEFT JOIN "Area" ar ON ar.code = a."areaCode"
      WHERE ch."entityType" = 'Assessment' AND a.id = ch."entityId" AND v."reviewState" = 'PUBLISHED' AND v."publishedAt" <= ch."changedAt"
      ORDER BY v."publishedAt" DESC, v.version DESC LIMIT 1
    ) asm ON TRUE
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ch.txid DESC, ch.seq DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    seq: String(r.seq),
    txid: String(r.txid),
    kind: r.kind,
    changedAt: r.changed_at,
    eventId: r.entity_type === "AccessEvent" ? r.entity_id : null,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    countryIso3: r.country_iso3,
    countryName: r.country_name,
    status: r.status,
    previousStatus: r.previous_status,
    event:
      r.e_kind && r.occurred_on && r.date_precision && r.summary !== null && r.version !== null
        ? {
            kind: r.e_kind,
            category: r.category,
            resultingStatus: r.resulting_status,
            occurredOn: r.occurred_on,
            datePrecision: r.date_precision,
            summary: r.summary,
            version: r.version,
            retractionReason: r.retraction_reason,
            sources: r.sources ?? [],
          }
        : null,
    assessment: r.assessment,
  }));
}
