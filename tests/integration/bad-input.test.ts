// For each field of each form: empty, too long, wrong type, markup, impossible or future
// dates → a validation error naming that field, and nothing written.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ZodError } from "zod";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { editEvent, retractEvent } from "@/lib/data/edits/events";
import { createOrganisation } from "@/lib/data/edits/organisations";
import { changeStatus } from "@/lib/data/edits/status-change";
import { adminCreateUser } from "@/lib/data/user-admin";
import { seedUser } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";

let prisma: PrismaClient;
let restore: () => Promise<void>;
let admin: Actor;
let presenceId: number;
let eventId: number;

const LONG = "x".repeat(5_000);
const SCRIPT = "<script>alert('x')</script> and more words";
const FORMS: {
  name: string;
  call: (input: Record<string, unknown>) => Promise<unknown>;
  valid: () => Record<string, unknown>;
  fields: Record<string, unknown[]>;
}[] = [
  {
    name: "status change",
    call: (input) => changeStatus(admin, presenceId, input),
    valid: () => ({
      status: "RESTRICTED",
      kind: "RESTRICTION_IMPOSED",
      occurredOn: "2025-01-10",
      datePrecision: "DAY",
      summary: "Travel outside Niamey suspended.",
      peopleAffected: 100,
      confidence: "REPORTED",
      version: 1,
      sources: [{ publisher: "AFP", title: "Report" }],
    }),
    fields: {
      status: ["", "GONE", 3, null],
      kind: ["", "COUP", 7],
      occurredOn: ["", "2025-02-30", "31/01/2025", "2999-01-01", 20250101],
      datePrecision: ["", "WEEK"],
      summary: ["", "short", LONG, SCRIPT, 42],
      peopleAffected: [-1, 2.5, "many", 10_000_000_000],
      confidence: ["", "SURE"],
      version: ["", "abc", 0],
      sources: [[], "AFP", [{ publisher: "", title: "" }], [{ publisher: "AFP", title: "T", url: "javascript:alert(1)" }], [{ publisher: SCRIPT, title: "T" }]],
    },
  },
  {
    name: "new organisation",
    call: (input) => createOrganisation(admin, input),
    valid: () => ({ name: "Valid name", type: "INGO" }),
    fields: {
      name: ["", LONG, SCRIPT, 5],
      acronym: [LONG, SCRIPT],
      type: ["", "SPY"],
      iatiId: ["not an id", LONG],
      website: ["ftp://example.org", "not a url", "javascript:alert(1)"],
    },
  },
  {
    name: "event edit",
    call: (input) => editEvent(admin, eventId, input),
    valid: () => ({ version: 1, confidence: "DISPUTED" }),
    fields: { summary: ["", LONG, SCRIPT], occurredOn: ["2999-01-01", "yesterday"], peopleAffected: [-3, "lots"], kind: ["NOPE"] },
  },
  {
    name: "retraction",
    call: (input) => retractEvent(admin, eventId, input),
    valid: () => ({ version: 1, reason: "The only source withdrew its report." }),
    fields: { reason: ["", "too short", LONG, SCRIPT], version: ["x"] },
  },
  {
    name: "new user",
    call: (input) => adminCreateUser(admin, input),
    valid: () => ({ name: "Person", email: "person@example.test", role: "VIEWER", password: "a long enough passphrase" }),
    fields: { email: ["", "not-an-email", LONG], name: ["", LONG], role: ["ROOT"], password: ["", "short", 123] },
  },
];

async function state() {
  const [events, orgs, users, audits, version] = await Promise.all([
    prisma.accessEvent.count(),
    prisma.organisation.count(),
    prisma.user.count(),
    prisma.auditEntry.count(),
    prisma.accessEvent.findUniqueOrThrow({ where: { id: eventId } }).then((e) => `${e.version}${e.reviewState}${e.confidence}`),
  ]);
  return { events, orgs, users, audits, version };
}

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  admin = (await seedUser(prisma, { role: "ADMIN" })).actor;
  const org = await prisma.organisation.create({ data: { name: "Target", type: "INGO" } });
  presenceId = (await prisma.presence.create({ data: { organisationId: org.id, countryIso3: "NER" } })).id;
  eventId = (
    await prisma.accessEvent.create({
      data: {
        presenceId,
        countryIso3: "NER",
        kind: "ARRIVAL",
        resultingStatus: "OPERATING",
        occurredOn: new Date("2020-01-01T00:00:00Z"),
        datePrecision: "YEAR",
        summary: "Arrived.",
        confidence: "CONFIRMED",
      },
    })
  ).id;
});
afterAll(() => restore());

describe("bad input", () => {
  for (const form of FORMS) {
    for (const [field, values] of Object.entries(form.fields)) {
      it(`${form.name}: ${field} refused for ${values.length} bad values, with its own message, nothing written`, async () => {
        const before = await state();
        for (const value of values) {
          const error = await form.call({ ...form.valid(), [field]: value }).catch((e: unknown) => e);
          expect(error, `${field} = ${JSON.stringify(value).slice(0, 40)}`).toBeInstanceOf(ZodError);
          const paths = (error as ZodError).issues.map((i) => String(i.path[0] ?? ""));
          expect(paths, `${field} = ${JSON.stringify(value).slice(0, 40)}`).toContain(field);
          expect((error as ZodError).issues.every((i) => (i.message.length > 0 && !/Invalid input/.test(i.message)) || i.path[0] !== field)).toBe(true);
        }
        expect(await state()).toEqual(before);
      });
    }
  }
});
