// Editing, retracting and citing events: guarded by version, audited, status recomputed.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { editEvent, linkSource, retractEvent } from "@/lib/data/edits/events";
import { changeStatus } from "@/lib/data/edits/status-change";
import { issueApiToken } from "@/lib/data/api-tokens";
import { lastChange } from "@/lib/data/last-change";
import { PATCH as editRoute } from "@/app/api/v1/events/[id]/route";
import { POST as retractRoute } from "@/app/api/v1/events/[id]/retraction/route";
import { POST as sourcesRoute } from "@/app/api/v1/events/[id]/sources/route";
import { seedUser, unique } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";
import { ConflictError, ForbiddenError, RuleError } from "@/lib/domain/errors";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let viewer: Actor;
let analystToken: string;

const source = { publisher: "AFP", title: "Report", url: "https://example.org/afp" };
async function presenceWithHistory() {
  const org = await prisma.organisation.create({ data: { name: unique("Org"), type: "INGO" } });
  const presence = await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "NER" } });
  const arrival = await changeStatus(analyst, presence.id, {
    status: "OPERATING",
    kind: "ARRIVAL",
    occurredOn: "2020-01-01",
    datePrecision: "YEAR",
    summary: "The organisation starts work.",
    confidence: "CONFIRMED",
    version: 1,
    sources: [source],
  });
  const expulsion = await changeStatus(analyst, presence.id, {
    status: "EXPELLED",
    kind: "ORDER_TO_LEAVE",
    occurredOn: "2025-03-01",
    datePrecision: "DAY",
    summary: "Ordered to leave within a week.",
    confidence: "REPORTED",
    version: 2,
    sources: [source],
  });
  return { presenceId: presence.id, arrivalId: arrival.eventId, expulsionId: expulsion.eventId };
}
const status = async (presenceId: number) => (await prisma.presence.findUniqueOrThrow({ where: { id: presenceId } })).status;

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  const admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
  analystToken = (await issueApiToken(admin, { name: "a", email: analyst.email })).token;
});
afterAll(() => restore());

describe("event edits", () => {
  it("re-dates an event and recomputes the status, audited with before and after", async () => {
    const { presenceId, expulsionId } = await presenceWithHistory();
    expect(await status(presenceId)).toBe("EXPELLED");
    await editEvent(analyst, expulsionId, { version: 1, occurredOn: "2019-06-01" }); // now before the arrival
    expect(await status(presenceId)).toBe("OPERATING");
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "event.update", entityId: String(expulsionId) } });
    expect(audit).toMatchObject({ before: { occurredOn: "2025-03-01", version: 1 }, after: { occurredOn: "2019-06-01", version: 2 } });
  });

  it("refuses a status the event's kind cannot lead to, alone or with a new kind, and changes nothing", async () => {
    const { presenceId, arrivalId } = await presenceWithHistory();
    const refused = await editEvent(analyst, arrivalId, { version: 1, resultingStatus: "EXPELLED" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "invalid_input", field: "resultingStatus", message: expect.stringContaining("Arrival cannot lead to expelled") });
    const wrongKind = await editEvent(analyst, arrivalId, { version: 1, kind: "WITHDRAWAL_COMPLETED" }).catch((e: unknown) => e);
    expect(wrongKind).toMatchObject({ field: "kind", message: expect.stringContaining("Withdrawal completed cannot lead to operating") });
    const event = await prisma.accessEvent.findUniqueOrThrow({ where: { id: arrivalId } });
    expect(event).toMatchObject({ version: 1, kind: "ARRIVAL", resultingStatus: "OPERATING" });
    // Both together, consistent: accepted.
    await editEvent(analyst, arrivalId, { version: 1, kind: "ORDER_TO_LEAVE", resultingStatus: "EXPELLED" });
    expect(await status(presenceId)).toBe("EXPELLED");
  });

  it("marks an event disputed, and refuses a stale version", async () => {
    const { expulsionId } = await presenceWithHistory();
    await editEvent(analyst, expulsionId, { version: 1, confidence: "DISPUTED" });
    expect((await prisma.accessEvent.findUniqueOrThrow({ where: { id: expulsionId } })).confidence).toBe("DISPUTED");
    await expect(editEvent(analyst, expulsionId, { version: 1, summary: "A stale edit of this event." })).rejects.toBeInstanceOf(ConflictError);
  });

  it("retracts an event with a reason: kept as retracted, status recomputed, no further edits", async () => {
    const { presenceId, expulsionId } = await presenceWithHistory();
    await retractEvent(analyst, expulsionId, { version: 1, reason: "The report was denied by the ministry the next day." });
    const event = await prisma.accessEvent.findUniqueOrThrow({ where: { id: expulsionId } });
    expect(event).toMatchObject({
      reviewState: "RETRACTED",
      retractionReason: "The report was denied by the ministry the next day.",
      retractedById: analyst.id,
    });
    expect(await status(presenceId)).toBe("OPERATING");
    await expect(editEvent(analyst, expulsionId, { version: 2, summary: "Trying to edit a retracted event." })).rejects.toBeInstanceOf(RuleError);
    await expect(retractEvent(analyst, expulsionId, { version: 2, reason: "Retracting it a second time." })).rejects.toBeInstanceOf(RuleError);
  });

  it("cites another source once, with its claim", async () => {
    const { arrivalId } = await presenceWithHistory();
    const added = await linkSource(analyst, arrivalId, { source: { publisher: "Le Sahel", title: "Another account" }, claim: "Says 2019, not 2020." });
    expect(await prisma.eventSource.findUniqueOrThrow({ where: { eventId_sourceId: { eventId: arrivalId, sourceId: added.sourceId } } })).toMatchObject({
      claim: "Says 2019, not 2020.",
    });
    await expect(linkSource(analyst, arrivalId, { source: { sourceId: added.sourceId } })).rejects.toBeInstanceOf(RuleError);
  });

  it("refuses viewers", async () => {
    const { expulsionId } = await presenceWithHistory();
    await expect(editEvent(viewer, expulsionId, { version: 1, confidence: "DISPUTED" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retractEvent(viewer, expulsionId, { version: 1, reason: "A viewer cannot retract." })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(linkSource(viewer, expulsionId, { source })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("answers through the API: 200, 409, 422", async () => {
    const { expulsionId } = await presenceWithHistory();
    const request = (path: string, method: string, body: unknown) =>
      new Request(`http://localhost${path}`, {
        method,
        headers: { "content-type": "application/json", authorization: `Bearer ${analystToken}` },
        body: JSON.stringify(body),
      });
    const params = { params: Promise.resolve({ id: String(expulsionId) }) };
    expect((await editRoute(request(`/api/v1/events/${expulsionId}`, "PATCH", { version: 1, peopleAffected: 3000 }), params)).status).toBe(200);
    expect((await editRoute(request(`/api/v1/events/${expulsionId}`, "PATCH", { version: 1, peopleAffected: 4000 }), params)).status).toBe(409);
    expect((await editRoute(request(`/api/v1/events/${expulsionId}`, "PATCH", { version: 2 }), params)).status).toBe(422);
    expect((await sourcesRoute(request(`/api/v1/events/${expulsionId}/sources`, "POST", { source: { sourceId: 999999 } }), params)).status).toBe(404);
    expect(
      (await retractRoute(request(`/api/v1/events/${expulsionId}/retraction`, "POST", { version: 2, reason: "Withdrawn by its only source." }), params)).status,
    ).toBe(200);
  });

  it("tells who last changed an organisation or a country, and when", async () => {
    const { presenceId, expulsionId } = await presenceWithHistory();
    await retractEvent(analyst, expulsionId, { version: 1, reason: "Denied by the ministry the next day." });
    const organisationId = (await prisma.presence.findUniqueOrThrow({ where: { id: presenceId } })).organisationId;
    const analystName = (await prisma.user.findUniqueOrThrow({ where: { id: analyst.id } })).name;
    expect(await lastChange(viewer, { organisationId })).toMatchObject({
      by: analystName,
      action: "event.retract",
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect(await lastChange(viewer, { countryIso3: "NER" })).toMatchObject({ by: analystName, action: "event.retract" });
    const untouched = await prisma.organisation.create({ data: { name: "Untouched", type: "OTHER" } });
    expect(await lastChange(viewer, { organisationId: untouched.id })).toBeNull();
  });
});
