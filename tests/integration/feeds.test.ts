// Personal Atom feeds: made for a view (POST /api/v1/feeds), read by their token alone, valid
// Atom (parsed back with a DOM parser), holding exactly the view's published changes, and
// refused (401, audited) once revoked or when their owner is disabled.
import { DOMParser } from "@xmldom/xmldom";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { issueApiToken } from "@/lib/data/api-tokens";
import { changeStatus } from "@/lib/data/edits/status-change";
import { retractEvent } from "@/lib/data/edits/events";
import { createFeed, listOwnFeeds, revokeFeed } from "@/lib/data/feeds";
import { setDisabled } from "@/lib/data/user-admin";
import { POST as createFeedRoute } from "@/app/api/v1/feeds/route";
import { GET as feedRoute } from "@/app/feeds/[token]/route";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { seedPresenceWithStatus, seedUser } from "../support/factories";
import { settled } from "../support/change-log";
import { createFreshDatabase, useDatabase } from "../support/test-database";

const ATOM = "http://www.w3.org/2005/Atom";
let prisma: PrismaClient;
let restore: () => Promise<void>;
let admin: Actor;
let analyst: Actor;
let viewer: Actor;

const tokenOf = (url: string) => new URL(url).pathname.split("/").at(-1)!;

async function readFeed(token: string, headers: Record<string, string> = {}) {
  await settled(prisma);
  return feedRoute(new Request(`http://localhost/feeds/${token}`, { headers: { "x-real-ip": "203.0.113.9", ...headers } }), {
    params: Promise.resolve({ token }),
  });
}

/** The feed's entries as a reader sees them: parsed back from the Atom document. */
async function entries(token: string) {
  const response = await readFeed(token);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(await response.text(), "text/xml");
  expect(errors).toEqual([]);
  const feed = doc.documentElement!;
  expect([feed.namespaceURI, feed.localName]).toEqual([ATOM, "feed"]);
  for (const required of ["id", "title", "updated"]) expect(feed.getElementsByTagNameNS(ATOM, required).length).toBeGreaterThan(0);
  return Array.from(feed.getElementsByTagNameNS(ATOM, "entry")).map((entry) => {
    const text = (name: string) => entry.getElementsByTagNameNS(ATOM, name)[0]?.textContent ?? null;
    return {
      id: text("id"),
      title: text("title"),
      updated: text("updated"),
      link: entry.getElementsByTagNameNS(ATOM, "link")[0]?.getAttribute("href") ?? null,
      content: text("content"),
    };
  });
}

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({
    data: [
      { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" },
      { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" },
    ],
  });
  admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
});
afterAll(() => restore());

describe("Atom feeds", () => {
  it("are made for a view through the API and carry exactly that view's published changes, as valid Atom", async () => {
    const { token: apiToken } = await issueApiToken(admin, { name: "feeds", email: viewer.email });
    const made = await createFeedRoute(
      new Request("http://localhost/api/v1/feeds", {
        method: "POST",
        headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
        body: JSON.stringify({ country: "ner", status: "EXPELLED" }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(made.status).toBe(201);
    const body = (await made.json()) as { id: number; url: string; title: string };
    expect(body.title).toBe("Niger · Expelled");
    expect(body.url).toMatch(/^http:\/\/localhost\/feeds\/amf_[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(body.url);
    expect(await entries(token)).toEqual([]);

    const expelled = await seedPresenceWithStatus(analyst, { name: "Acted Test", status: "OPERATING", since: "2024-01-01" });
    const expulsion = await changeStatus(analyst, expelled.id, {
      status: "EXPELLED",
      kind: "ORDER_TO_LEAVE",
      occurredOn: "2025-01-29",
      datePrecision: "DAY",
      summary: 'Ordered to leave within 3 < 5 days & "without" appeal.',
      confidence: "CONFIRMED",
      version: expelled.version,
      sources: [{ publisher: "Test Wire", title: "Order to leave", url: "https://example.org/order" }],
    });
    // Neither a restriction in Niger nor an expulsion in Mali is in this view.
    await seedPresenceWithStatus(analyst, { name: "Other Niger", status: "RESTRICTED" });
    await seedPresenceWithStatus(analyst, { name: "Mali Org", status: "EXPELLED", country: "MLI" });

    const after = await entries(token);
    expect(after.map((e) => e.title)).toEqual([
      "Status changed: Acted Test in Niger, Operating → Expelled",
      "New event: Acted Test in Niger, Order to leave (Expelled)",
    ]);
    expect(after[1]!.link).toBe(`http://localhost/events/${expulsion.eventId}`);
    expect(after[0]!.link).toBe(`http://localhost/organisations/${expelled.organisationId}`);
    expect(new Set(after.map((e) => e.id)).size).toBe(2);
    expect(after.every((e) => e.id!.startsWith("tag:localhost,2026:change:") && !e.id!.includes("amf_"))).toBe(true);
    // The summary is text: escaped as HTML, then as XML, so no markup of its own reaches a reader.
    expect(after[1]!.content).toContain("<p>Ordered to leave within 3 &#60; 5 days &#38; &#34;without&#34; appeal.</p>");
    expect(after[1]!.content).toContain('<a href="https://example.org/order">Test Wire: Order to leave</a>');

    // A retraction of a matching event is a change of this view; the status going back is not (it is no expulsion).
    await retractEvent(analyst, expulsion.eventId, { version: 1, reason: "Wrong organisation" });
    const retracted = await entries(token);
    expect(retracted.map((e) => e.title)).toEqual(["Event retracted: Acted Test in Niger, Order to leave (Expelled)", ...after.map((e) => e.title)]);
    expect(retracted[0]!.content).toContain("<p>Retracted: Wrong organisation</p>");
  });

  it("with an event-only filter (a category) carry events only, and answer 304 to a reader that has the latest", async () => {
    const feed = await createFeed(viewer, { category: "MOVEMENT_RESTRICTIONS" });
    const token = tokenOf(`http://localhost${feed.path}`);
    const presence = await seedPresenceWithStatus(analyst, { name: "Entry Test", status: "OPERATING" });
    await changeStatus(analyst, presence.id, {
      status: "RESTRICTED",
      kind: "RESTRICTION_IMPOSED",
      category: "MOVEMENT_RESTRICTIONS",
      occurredOn: "2025-03-01",
      datePrecision: "DAY",
      summary: "Travel outside Niamey refused to international staff.",
      confidence: "REPORTED",
      version: presence.version,
      sources: [{ publisher: "Test Wire", title: "Travel refused" }],
    });
    expect((await entries(token)).map((e) => e.title)).toEqual(["New event: Entry Test in Niger, Restriction imposed (Restricted)"]);
    const first = await readFeed(token);
    const etag = first.headers.get("etag")!;
    expect((await readFeed(token, { "if-none-match": etag })).status).toBe(304);
  });

  it("refuse bad filters with the reason and make nothing", async () => {
    const before = await prisma.feedToken.count();
    await expect(createFeed(viewer, { country: "Niger" })).rejects.toThrow(/ISO 3166 alpha-3/);
    await expect(createFeed(viewer, { colour: "red" })).rejects.toThrow();
    await expect(createFeed(null, {})).rejects.toThrow();
    expect(await prisma.feedToken.count()).toBe(before);
  });

  it("answer 401 once revoked, unknown, or when the owner is disabled; refusals and reads are audited, never with the token", async () => {
    const owner = (await seedUser(prisma, { role: "VIEWER" })).actor;
    const kept = await createFeed(owner, { country: "NER" });
    const revoked = await createFeed(owner, { country: "MLI" });
    const keptToken = tokenOf(`http://localhost${kept.path}`);
    const revokedToken = tokenOf(`http://localhost${revoked.path}`);
    expect((await readFeed(keptToken)).status).toBe(200);
    expect((await readFeed(keptToken)).status).toBe(200);
    // Someone else cannot revoke it; its owner can.
    await expect(revokeFeed(analyst, { id: revoked.id })).rejects.toThrow(/not found/);
    await revokeFeed(owner, { id: revoked.id });
    expect((await readFeed(revokedToken)).status).toBe(401);
    expect((await readFeed("amf_unknownunknownunknownunknownunknownunknown0")).status).toBe(401);
    // A feed token opens its feed and nothing else: it is no API token.
    const api = await eventsRoute(new Request("http://localhost/api/v1/events", { headers: { authorization: `Bearer ${keptToken}` } }));
    expect(api.status).toBe(401);

    const listed = await listOwnFeeds(owner);
    expect(listed.map((f) => [f.title, f.revokedReason])).toEqual([
      ["Niger", null],
      ["Mali", "revoked"],
    ]);

    await setDisabled(admin, { userId: owner.id, disabled: true });
    expect((await readFeed(keptToken)).status).toBe(401);

    const audit = await prisma.auditEntry.findMany({
      where: { entityType: "FeedToken", entityId: { in: [String(kept.id), String(revoked.id), ""] } },
      orderBy: { id: "asc" },
    });
    const actions = audit.map((a) => [a.action, a.entityId, (a.after as { reason?: string } | null)?.reason ?? null]);
    expect(actions).toEqual([
      ["feed.create", String(kept.id), null],
      ["feed.create", String(revoked.id), null],
      // Two reads, one entry: a feed in use is audited once an hour.
      ["feed.read", String(kept.id), null],
      ["feed.revoke", String(revoked.id), null],
      ["auth.feedTokenRefused", String(revoked.id), "revoked"],
      ["auth.feedTokenRefused", "", "unknown"],
      ["auth.feedTokenRefused", String(kept.id), "userDisabled"],
    ]);
    expect(JSON.stringify(audit)).not.toContain(keptToken);
    expect(JSON.stringify(audit)).not.toContain(revokedToken);
  });
});
