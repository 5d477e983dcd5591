// Published assessments leave the app like events do: in the change log (written by the
// database trigger), the Atom feeds of a country or of everything, and signed webhooks
// through the real job queue; drafts do not, until they are published.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Runner } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { CATEGORIES } from "@/lib/domain/constraint-codes";
import { createAssessment, editAssessment, publishAssessment } from "@/lib/data/assessments";
import { feedEntries } from "@/lib/data/feeds";
import { listChanges } from "@/lib/data/changes";
import { createWebhook } from "@/lib/data/webhooks";
import { startWorker } from "@/lib/jobs/worker";
import { settled } from "../support/change-log";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let databaseUrl: string;
let analyst: Actor;
let reviewer: Actor;
let viewer: Actor;
let worker: Runner | null = null;
let server: Server;
const received: string[] = [];

const scores = (entry: number) =>
  Object.fromEntries(CATEGORIES.map((c) => [c, { score: c === "IMPEDIMENTS_TO_ENTRY" ? entry : 0, rationale: "From the month's sources.", eventIds: [] }]));
const february = { country: "NER", from: "2025-02-01", to: "2025-02-28" };
const assessmentChanges = async () =>
  (await prisma.dataChange.findMany({ where: { entityType: "Assessment" }, orderBy: { seq: "asc" } })).map((c) => [c.kind, c.entityId, c.countryIso3]);

beforeAll(async () => {
  databaseUrl = await createFreshDatabase(inject("serverUrl"));
  ({ prisma, restore } = useDatabase(databaseUrl));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  reviewer = (await seedUser(prisma, { role: "ANALYST" })).actor;
  viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push(Buffer.concat(chunks).toString("utf8"));
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.WEBHOOK_ALLOW_LOCAL = "true";
  await createWebhook(admin, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, events: ["assessment.published"] });
  worker = await startWorker({ connectionString: databaseUrl, allowLocal: true, retryBaseMs: 150, pollIntervalMs: 200 });
});
afterAll(async () => {
  await worker?.stop();
  await new Promise((resolve) => server.close(resolve));
  delete process.env.WEBHOOK_ALLOW_LOCAL;
  await restore();
});

describe("published assessments", () => {
  let id: number;

  it("enter the change log when published, a draft not until then, each new version again", async () => {
    ({ id } = await createAssessment(analyst, { ...february, indicators: scores(3), draft: true }));
    expect(await assessmentChanges()).toEqual([]);
    await publishAssessment(reviewer, id, { version: 1 });
    expect(await assessmentChanges()).toEqual([["assessment.published", id, "NER"]]);
    await editAssessment(analyst, id, { version: 1, indicators: scores(2) });
    expect(await assessmentChanges()).toEqual([
      ["assessment.published", id, "NER"],
      ["assessment.published", id, "NER"],
    ]);
    // The log is read below the oldest running writer on the server (other test files write too).
    await settled(prisma);
    const changes = await listChanges(viewer, { since: null, after: null, country: null, organisation: null, limit: 10, kinds: ["assessment.published"] });
    expect(changes.data.map((c) => c.entity)).toEqual([
      { type: "Assessment", id, href: `/api/v1/assessments/${id}` },
      { type: "Assessment", id, href: `/api/v1/assessments/${id}` },
    ]);
  });

  it("appear in the feeds of the country and of everything, each entry with the version it announces", async () => {
    await settled(prisma);
    const entries = (await feedEntries(viewer, { country: "NER" })).filter((e) => e.kind === "assessment.published");
    // Newest first: version 2 (3 → 2 for entry: 2 of 27, still level 1), then version 1.
    expect(entries.map((e) => e.assessment && [e.assessment.id, e.assessment.version, e.assessment.level, e.assessment.from])).toEqual([
      [id, 2, 1, "2025-02-01"],
      [id, 1, 1, "2025-02-01"],
    ]);
    expect((await feedEntries(viewer, {})).some((e) => e.kind === "assessment.published")).toBe(true);
    expect((await feedEntries(viewer, { country: "NER", status: "EXPELLED" })).some((e) => e.kind === "assessment.published")).toBe(false);
    expect((await feedEntries(viewer, { country: "MLI" })).some((e) => e.kind === "assessment.published")).toBe(false);
  });

  it("are sent to the webhooks subscribed to them", async () => {
    const deadline = Date.now() + 30_000;
    while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const bodies = received.map((r) => JSON.parse(r) as { change: { kind: string; entity: { type: string; id: number; href: string } } });
    expect(bodies.map((b) => [b.change.kind, b.change.entity.type, b.change.entity.id, b.change.entity.href])).toEqual([
      ["assessment.published", "Assessment", id, `/api/v1/assessments/${id}`],
      ["assessment.published", "Assessment", id, `/api/v1/assessments/${id}`],
    ]);
  });
});
