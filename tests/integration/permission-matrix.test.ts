// Every mutation × {anonymous, viewer, analyst, admin}: allowed or refused exactly as the
// permission table says, and a refused call writes nothing. Extra fields are refused too.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ZodError } from "zod";
import type { PrismaClient } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { issueApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { editEvent, linkSource, retractEvent } from "@/lib/data/edits/events";
import { createOrganisation, createPresence, updateOrganisation } from "@/lib/data/edits/organisations";
import { changeStatus } from "@/lib/data/edits/status-change";
import { startExport } from "@/lib/data/exports";
import { resetColumns, saveColumns } from "@/lib/data/table-preferences";
import { adminCreateUser, changeRole, resetPassword, setDisabled } from "@/lib/data/user-admin";
import type { Action } from "@/lib/domain/permissions";
import { parseTableQuery } from "@/lib/domain/tables/query";
import type { Role } from "@/lib/domain/vocabulary";
import { seedPresence, seedPresenceWithStatus, seedUser, unique } from "../support/factories";
import { createFreshDatabase, useDatabase } from "../support/test-database";
import { ForbiddenError, UnauthenticatedError } from "@/lib/domain/errors";

let prisma: PrismaClient;
let restore: () => Promise<void>;
const actors: Record<"anonymous" | Role, Actor | null> = { anonymous: null, VIEWER: null, ANALYST: null, ADMIN: null };
let admin: Actor;

const source = { publisher: "AFP", title: "A report" };
const presence = () => seedPresence(admin);
async function event() {
  const { eventId } = await seedPresenceWithStatus(admin, { status: "OPERATING", since: "2024-01-01" });
  return { id: eventId };
}
const statusChange = {
  status: "EXPELLED",
  kind: "ORDER_TO_LEAVE",
  occurredOn: "2025-01-31",
  datePrecision: "DAY",
  summary: "Ordered to leave the country.",
  confidence: "REPORTED",
  version: 1,
  sources: [source],
};

/** Each mutation: the permission it needs, and how to call it with valid input (fixtures made fresh). */
const MUTATIONS: { name: string; action: Action; prepare: () => Promise<(actor: Actor | null, extra?: object) => Promise<unknown>> }[] = [
  {
    name: "changeStatus",
    action: "editEvents",
    prepare: async () => {
      const p = await presence();
      return (a, x = {}) => changeStatus(a, p.id, { ...statusChange, ...x });
    },
  },
  {
    name: "createOrganisation",
    action: "editOrganisations",
    prepare:
      async () =>
      (a, x = {}) =>
        createOrganisation(a, { name: unique("New org"), type: "INGO", ...x }),
  },
  {
    name: "updateOrganisation",
    action: "editOrganisations",
    prepare: async () => {
      const o = await prisma.organisation.create({ data: { name: unique("Org"), type: "INGO" } });
      return (a, x = {}) => updateOrganisation(a, o.id, { name: "Renamed", updatedAt: o.updatedAt.toISOString(), ...x });
    },
  },
  {
    name: "createPresence",
    action: "editOrganisations",
    prepare: async () => {
      const o = await prisma.organisation.create({ data: { name: unique("Org"), type: "INGO" } });
      return (a, x = {}) => createPresence(a, { organisationId: o.id, countryIso3: "NER", ...x });
    },
  },
  {
    name: "editEvent",
    action: "editEvents",
    prepare: async () => {
      const e = await event();
      return (a, x = {}) => editEvent(a, e.id, { version: 1, confidence: "DISPUTED", ...x });
    },
  },
  {
    name: "retractEvent",
    action: "editEvents",
    prepare: async () => {
      const e = await event();
      return (a, x = {}) => retractEvent(a, e.id, { version: 1, reason: "Withdrawn by the source.", ...x });
    },
  },
  {
    name: "linkSource",
    action: "editEvents",
    prepare: async () => {
      const e = await event();
      return (a, x = {}) => linkSource(a, e.id, { source, ...x });
    },
  },
  {
    name: "issueApiToken",
    action: "manageApiTokens",
    prepare:
      async () =>
      (a, x = {}) =>
        issueApiToken(a, { name: "matrix", email: admin.email, ...x }),
  },
  {
    name: "revokeApiToken",
    action: "manageApiTokens",
    prepare: async () => {
      const t = await issueApiToken(admin, { name: "to revoke", email: admin.email });
      return (a, x = {}) => revokeApiToken(a, { id: t.id, ...x });
    },
  },
  {
    name: "createUser",
    action: "manageUsers",
    prepare:
      async () =>
      (a, x = {}) =>
        adminCreateUser(a, { name: "New person", email: `${unique("p")}@example.test`, role: "VIEWER", password: "a long enough passphrase", ...x }),
  },
  {
    name: "changeRole",
    action: "manageUsers",
    prepare: async () => {
      const u = (await seedUser(prisma)).user;
      return (a, x = {}) => changeRole(a, { userId: u.id, role: "ANALYST", ...x });
    },
  },
  {
    name: "setDisabled",
    action: "manageUsers",
    prepare: async () => {
      const u = (await seedUser(prisma)).user;
      return (a, x = {}) => setDisabled(a, { userId: u.id, disabled: true, ...x });
    },
  },
  {
    name: "resetPassword",
    action: "manageUsers",
    prepare: async () => {
      const u = (await seedUser(prisma)).user;
      return (a, x = {}) => resetPassword(a, { userId: u.id, password: "a brand new passphrase", ...x });
    },
  },
  {
    name: "saveColumns",
    action: "read",
    prepare:
      async () =>
      (a, x = {}) =>
        saveColumns(a, { table: "events", columns: ["occurredOn", "summary"], ...x }),
  },
  { name: "resetColumns", action: "read", prepare: async () => (a) => resetColumns(a, "events") },
  { name: "export (events)", action: "export", prepare: async () => (a) => startExport(a, parseTableQuery("events", {}), "csv").then((d) => d.body.cancel()) },
  {
    name: "export (audit log)",
    action: "readAudit",
    prepare: async () => (a) => startExport(a, parseTableQuery("audit", {}), "csv").then((d) => d.body.cancel()),
  },
];

async function snapshot() {
  const tables = ["AccessEvent", "EventSource", "Source", "Organisation", "Presence", "User", "ApiToken", "AuditEntry", "TablePreference", "UserSession"];
  const counts = await Promise.all(tables.map((t) => prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${t}"`)));
  const state = await prisma.$queryRawUnsafe<{ s: string }[]>(
    `SELECT md5(coalesce(string_agg(concat_ws('|', id, role, "disabledAt", "mustChangePassword", "passwordHash"), ',' ORDER BY id), '')) AS s FROM "User"`,
  );
  const rows = await prisma.$queryRawUnsafe<{ s: string }[]>(
    `SELECT md5(coalesce((SELECT string_agg(concat_ws('|', id, version, "reviewState", confidence), ',' ORDER BY id) FROM "AccessEvent"), '')
      || coalesce((SELECT string_agg(concat_ws('|', id, name, "updatedAt"), ',' ORDER BY id) FROM "Organisation"), '')
      || coalesce((SELECT string_agg(concat_ws('|', id, version, status), ',' ORDER BY id) FROM "Presence"), '')
      || coalesce((SELECT string_agg(concat_ws('|', id, "revokedAt"), ',' ORDER BY id) FROM "ApiToken"), '')
      || coalesce((SELECT string_agg(concat_ws('|', id, "endedAt"), ',' ORDER BY id) FROM "UserSession"), '')) AS s`,
  );
  return JSON.stringify([counts.map((c) => c[0]!.n), state[0]!.s, rows[0]!.s]);
}

beforeAll(async () => {
  ({ prisma, restore } = useDatabase(await createFreshDatabase(inject("serverUrl"))));
  await prisma.country.create({ data: { iso3: "NER", iso2: "NE", nameEn: "Niger", nameFr: "Niger", region: "Africa" } });
  for (const role of ["VIEWER", "ANALYST", "ADMIN"] as const) actors[role] = (await seedUser(prisma, { role })).actor;
  admin = actors.ADMIN!;
});
afterAll(() => restore());

// Who may do what, written out (not computed from can(), the table under test): V = viewer,
// A = analyst, D = admin; anonymous callers may do nothing.
const EXPECTED: Record<string, "" | "D" | "AD" | "VAD"> = {
  changeStatus: "AD",
  createOrganisation: "AD",
  updateOrganisation: "AD",
  createPresence: "AD",
  editEvent: "AD",
  retractEvent: "AD",
  linkSource: "AD",
  issueApiToken: "D",
  revokeApiToken: "D",
  createUser: "D",
  changeRole: "D",
  setDisabled: "D",
  resetPassword: "D",
  saveColumns: "VAD",
  resetColumns: "VAD",
  "export (events)": "VAD",
  "export (audit log)": "AD",
};
const LETTER = { VIEWER: "V", ANALYST: "A", ADMIN: "D" } as const;

describe("permission matrix", () => {
  it("covers every mutation", () => expect(MUTATIONS.map((m) => m.name).sort()).toEqual(Object.keys(EXPECTED).sort()));
  for (const mutation of MUTATIONS) {
    for (const who of ["anonymous", "VIEWER", "ANALYST", "ADMIN"] as const) {
      const allowed = who !== "anonymous" && EXPECTED[mutation.name]!.includes(LETTER[who]);
      it(`${mutation.name} by ${who}: ${allowed ? "allowed" : "refused, nothing written"}`, async () => {
        const call = await mutation.prepare();
        const before = await snapshot();
        const outcome = await call(actors[who]).then(
          () => "allowed",
          (error: unknown) => error,
        );
        if (allowed) {
          expect(outcome).toBe("allowed");
        } else {
          expect(outcome).toBeInstanceOf(who === "anonymous" ? UnauthenticatedError : ForbiddenError);
          expect(await snapshot()).toBe(before);
        }
      });
    }
  }
});

describe("mass assignment", () => {
  const EXTRA = { role: "ADMIN", id: 4242, createdById: 1, authorId: 1, synthetic: true, reviewState: "PUBLISHED" };
  for (const mutation of MUTATIONS.filter((m) => !["resetColumns", "export (events)", "export (audit log)"].includes(m.name))) {
    it(`${mutation.name} refuses extra fields, writing nothing`, async () => {
      const call = await mutation.prepare();
      const before = await snapshot();
      const outcome = await call(admin, EXTRA).then(
        () => "allowed",
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(ZodError);
      expect(await snapshot()).toBe(before);
    });
  }
});
