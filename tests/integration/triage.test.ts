// Article triage through the API: proposals that write nothing; an accepted proposal becomes
// an ordinary event (a draft, or published) with the article as its source and the sentence
// as its quote.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { issueApiToken } from "@/lib/data/api-tokens";
import { acceptProposal, triageArticle } from "@/lib/data/triage";
import { POST as triageRoute } from "@/app/api/v1/triage/route";
import { seedDatabase } from "@/prisma/seed";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let token: string;
let viewerToken: string;

const ARTICLE = {
  text: "Niamey — The authorities have ordered Acted to leave Niger on Tuesday, according to the organisation. Its office in Niamey stays open for now.",
  publisher: "Test Wire",
  title: "Acted ordered out of Niger",
  url: "https://example.org/acted",
  publishedOn: "2025-01-29",
};

const post = (t: string, body: unknown) =>
  triageRoute(
    new Request("http://localhost/api/v1/triage", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${t}` },
      body: JSON.stringify(body),
    }),
    {
      params: Promise.resolve({}),
    },
  );

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await seedDatabase(prisma);
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  const viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
  token = (await issueApiToken(admin, { name: "a", email: analyst.email })).token;
  viewerToken = (await issueApiToken(admin, { name: "v", email: viewer.email })).token;
});
afterAll(() => restore());

describe("triage", () => {
  it("proposes the event with its date worked out from the publication date, and writes nothing", async () => {
    const before = await prisma.accessEvent.count();
    const response = await post(token, ARTICLE);
    expect(response.status).toBe(200);
    const acted = await prisma.organisation.findFirstOrThrow({ where: { ref: "seed:org:acted" } });
    const { proposals } = (await response.json()) as { proposals: Record<string, unknown>[] };
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      organisationId: acted.id,
      countryIso3: "NER",
      kind: "ORDER_TO_LEAVE",
      status: "EXPELLED",
      occurredOn: "2025-01-28",
      datePrecision: "DAY",
      dateBasis: "relative",
      confidence: "REPORTED",
      quote: "Niamey — The authorities have ordered Acted to leave Niger on Tuesday, according to the organisation.",
    });
    expect(await prisma.accessEvent.count()).toBe(before);
  });

  it("reads an HTML article as its text, finds an organisation by a seeded alias, refuses bad input and viewers", async () => {
    const html = "<html><body><h1>Withdrawal</h1><p>All <b>U.S. troops</b> were ordered to leave Niger, in March 2024.</p><script>x()</script></body></html>";
    const { proposals } = await triageArticle(analyst, { ...ARTICLE, text: html, html: true });
    const us = await prisma.organisation.findFirstOrThrow({ where: { ref: "seed:org:us-forces" } });
    expect(proposals.map((p) => [p.organisationId, p.kind, p.occurredOn, p.datePrecision])).toEqual([[us.id, "ORDER_TO_LEAVE", "2024-03-01", "MONTH"]]);
    expect((await post(token, { ...ARTICLE, publishedOn: "2999-01-01" })).status).toBe(422);
    expect((await post(token, { ...ARTICLE, text: "" })).status).toBe(422);
    expect((await post(viewerToken, ARTICLE)).status).toBe(403);
  });

  it("accepts a proposal as a draft through the ordinary writes, with the article as its source", async () => {
    const { proposals } = await triageArticle(analyst, ARTICLE);
    const p = proposals[0]!;
    const accepted = await acceptProposal(analyst, {
      article: { publisher: ARTICLE.publisher, title: ARTICLE.title, url: ARTICLE.url, publishedOn: ARTICLE.publishedOn },
      organisationId: p.organisationId,
      countryIso3: p.countryIso3,
      kind: p.kind,
      status: p.status,
      occurredOn: p.occurredOn,
      datePrecision: p.datePrecision,
      confidence: p.confidence,
      summary: "The authorities ordered Acted to leave Niger.",
      quote: p.quote,
      draft: true,
    });
    expect(accepted.reviewState).toBe("DRAFT");
    const event = await prisma.accessEvent.findUniqueOrThrow({ where: { id: accepted.eventId }, include: { sources: { include: { source: true } } } });
    expect(event.sources.map((s) => [s.source.publisher, s.source.title, s.source.url, s.source.publishedOn?.toISOString().slice(0, 10), s.quote])).toEqual([
      ["Test Wire", "Acted ordered out of Niger", "https://example.org/acted", "2025-01-29", p.quote],
    ]);
    // A draft: the presence's status is unchanged (Acted's seeded status stands).
    const presence = await prisma.presence.findUniqueOrThrow({ where: { id: event.presenceId! } });
    expect(presence.sinceEventId).not.toBe(event.id);
  });
});
