// The watchlist: following countries, organisations and views, and "What changed" listing
// exactly the published changes in them since the user's last visit, newest first.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { changeStatus } from "@/lib/data/edits/status-change";
import { follow, listWatchItems, unfollow, watchItemFor, whatChangedSinceLastVisit } from "@/lib/data/watchlist";
import { feedEntryTitle } from "@/lib/domain/feeds";
import { seedPresenceWithStatus, seedUser } from "../support/factories";
import { settled } from "../support/change-log";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let analyst: Actor;
let viewer: Actor;

const restrict = (presence: { id: number; version: number }, day: string) =>
  changeStatus(analyst, presence.id, {
    status: "RESTRICTED",
    kind: "RESTRICTION_IMPOSED",
    occurredOn: day,
    datePrecision: "DAY",
    summary: "Movements restricted.",
    confidence: "REPORTED",
    version: presence.version,
    sources: [{ publisher: "Test Wire", title: "Restricted" }],
  });

async function visit(actor: Actor) {
  await settled(prisma);
  const page = await whatChangedSinceLastVisit(actor);
  return { ...page, titles: page.entries.map((e) => [feedEntryTitle(e), e.followedAs.join(" + ")]) };
}

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.createMany({
    data: [
      { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" },
      { iso3: "MLI", iso2: "ML", nameEn: "Mali", nameFr: "Mali", region: "Africa" },
    ],
  });
  analyst = (await seedUser(prisma, { role: "ANALYST" })).actor;
  viewer = (await seedUser(prisma, { role: "VIEWER" })).actor;
});
afterAll(() => restore());

describe("the watchlist", () => {
  it("lists what changed in what a user follows since their last visit, newest first, and nothing twice", async () => {
    const inNiger = await seedPresenceWithStatus(analyst, { name: "Niger Org", status: "OPERATING" });
    const followedOrg = await seedPresenceWithStatus(analyst, { name: "Followed Org", status: "OPERATING", country: "MLI" });
    const other = await seedPresenceWithStatus(analyst, { name: "Unfollowed Org", status: "OPERATING", country: "MLI" });

    expect((await visit(viewer)).items).toEqual([]);
    const niger = await follow(viewer, { country: "NER" });
    await follow(viewer, { organisation: followedOrg.organisationId });
    // Following twice is following once.
    expect(await follow(viewer, { country: "NER" })).toEqual(niger);
    expect((await listWatchItems(viewer)).map((i) => i.title)).toEqual(["Niger", "Followed Org"]);
    expect(await watchItemFor(viewer, { country: "NER" })).toBe(niger.id);

    // First visit: the latest changes in what is followed (the statuses set above).
    const first = await visit(viewer);
    expect(first.previousVisit).toBeNull();
    expect(first.titles).toEqual([
      ["Status changed: Followed Org in Mali, Operating", "Followed Org"],
      ["New event: Followed Org in Mali, Arrival (Operating)", "Followed Org"],
      ["Status changed: Niger Org in Niger, Operating", "Niger"],
      ["New event: Niger Org in Niger, Arrival (Operating)", "Niger"],
    ]);

    await restrict(inNiger, "2025-06-01");
    await restrict(other, "2025-06-02");
    await restrict(followedOrg, "2025-06-03");
    const second = await visit(viewer);
    expect(second.previousVisit).not.toBeNull();
    expect(second.titles).toEqual([
      ["Status changed: Followed Org in Mali, Operating → Restricted", "Followed Org"],
      ["New event: Followed Org in Mali, Restriction imposed (Restricted)", "Followed Org"],
      ["Status changed: Niger Org in Niger, Operating → Restricted", "Niger"],
      ["New event: Niger Org in Niger, Restriction imposed (Restricted)", "Niger"],
    ]);
    expect(second.entries[1]!.eventId).not.toBeNull();

    // Nothing new since that visit; another user's visits are their own.
    expect((await visit(viewer)).entries).toEqual([]);
    expect((await visit(analyst)).items).toEqual([]);
  });

  it("shows a change once when two followed things include it, and stops following on request (only one's own)", async () => {
    const presence = await seedPresenceWithStatus(analyst, { name: "Both Org", status: "OPERATING" });
    const owner = (await seedUser(prisma, { role: "VIEWER" })).actor;
    await follow(owner, { country: "NER" });
    const byOrg = await follow(owner, { organisation: presence.organisationId });
    await visit(owner);
    await restrict(presence, "2025-07-01");
    const page = await visit(owner);
    expect(page.titles).toEqual([
      ["Status changed: Both Org in Niger, Operating → Restricted", "Niger + Both Org"],
      ["New event: Both Org in Niger, Restriction imposed (Restricted)", "Niger + Both Org"],
    ]);
    await unfollow(viewer, { id: byOrg.id });
    expect((await listWatchItems(owner)).length).toBe(2);
    await unfollow(owner, { id: byOrg.id });
    expect((await listWatchItems(owner)).map((i) => i.title)).toEqual(["Niger"]);
    await expect(follow(owner, { country: "Niger" })).rejects.toThrow(/alpha-3/);
  });
});
