import { describe, expect, it } from "vitest";
import { projectPeriods, projectPresence, type ProjectableEvent } from "@/lib/domain/presence-projection";

let nextId = 1;
function event(date: string, status: ProjectableEvent["resultingStatus"], extra: Partial<ProjectableEvent> = {}): ProjectableEvent {
  return {
    id: nextId++,
    resultingStatus: status,
    occurredOn: new Date(`${date}T00:00:00Z`),
    datePrecision: "DAY",
    peopleAffected: null,
    reviewState: "PUBLISHED",
    ...extra,
  };
}

describe("projectPresence", () => {
  it("has no status without a published status event", () => {
    expect(projectPresence([]).status).toBeNull();
    expect(projectPresence([event("2024-01-01", null), event("2024-02-01", "EXPELLED", { reviewState: "DRAFT" })]).status).toBeNull();
  });

  it("takes the status of the latest event, whatever the order given", () => {
    const arrival = event("1990-01-01", "OPERATING", { datePrecision: "YEAR" });
    const order = event("2025-01-31", "EXPELLED");
    const result = projectPresence([order, arrival]);
    expect(result.status).toBe("EXPELLED");
    expect(result.since).toEqual(new Date("2025-01-31T00:00:00Z"));
    expect(result.sincePrecision).toBe("DAY");
  });

  it("keeps 'since' at the first event of an unbroken run of the same status", () => {
    const events = [event("1990-01-01", "OPERATING"), event("2025-01-31", "EXPELLED"), event("2025-02-04", "EXPELLED"), event("2025-06-05", "EXPELLED")];
    const result = projectPresence(events);
    expect(result.since).toEqual(new Date("2025-01-31T00:00:00Z"));
    expect(result.statusEventIds).toEqual([events[1]!.id, events[2]!.id, events[3]!.id]);
  });

  it("starts a new run after a change of status", () => {
    const events = [event("2020-01-01", "EXPELLED"), event("2021-01-01", "OPERATING"), event("2022-06-01", "EXPELLED")];
    expect(projectPresence(events).since).toEqual(new Date("2022-06-01T00:00:00Z"));
  });

  it("ignores events without a resulting status and drafts", () => {
    const events = [event("2024-01-01", "OPERATING"), event("2024-05-01", null), event("2024-06-01", "EXPELLED", { reviewState: "DRAFT" })];
    const result = projectPresence(events);
    expect(result.status).toBe("OPERATING");
    expect(result.statusEventIds).toEqual([events[0]!.id]);
  });

  it("computes the status as of a date, the date itself included", () => {
    const events = [event("1990-01-01", "OPERATING"), event("2025-01-31", "EXPELLED")];
    expect(projectPresence(events, new Date("2025-01-15T00:00:00Z")).status).toBe("OPERATING");
    expect(projectPresence(events, new Date("2025-01-31T00:00:00Z")).status).toBe("EXPELLED");
    expect(projectPresence(events, new Date("1980-01-01T00:00:00Z")).status).toBeNull();
  });

  it("takes people affected from the latest figure within the current run", () => {
    const events = [
      event("2019-01-01", "EXPELLED", { peopleAffected: 5 }),
      event("2020-01-01", "RESTRICTED", { peopleAffected: 100 }),
      event("2020-02-01", "RESTRICTED", { peopleAffected: 250 }),
      event("2020-03-01", "RESTRICTED"),
    ];
    expect(projectPresence(events).peopleAffected).toBe(250);
    expect(projectPresence(events.slice(0, 1)).peopleAffected).toBe(5);
  });

  it("orders same-day events by the order they were recorded", () => {
    const first = event("2024-03-16", "RESTRICTED");
    const second = event("2024-03-16", "EXPELLED");
    expect(projectPresence([second, first]).status).toBe("EXPELLED");
  });
});

describe("projectPeriods", () => {
  it("gives, for every day, the period that holds what projectPresence gives as of that day", () => {
    const events = [
      event("2020-01-01", "OPERATING", { peopleAffected: 100 }),
      event("2021-03-01", "RESTRICTED", { datePrecision: "MONTH" }),
      event("2021-03-01", "EXPELLED"), // same day: the later record decides the day
      event("2021-06-15", "EXPELLED", { peopleAffected: 900 }),
      event("2021-08-01", null),
      event("2022-02-02", "OPERATING", { reviewState: "DRAFT" }),
      event("2023-05-05", "OPERATING"),
    ];
    const periods = projectPeriods(events);
    expect(periods.map((p) => p.validFrom.toISOString().slice(0, 10))).toEqual(["2020-01-01", "2021-03-01", "2021-06-15", "2023-05-05"]);
    expect(periods.at(-1)!.validUntil).toBeNull();
    for (let time = Date.UTC(2019, 11, 25); time <= Date.UTC(2023, 5, 1); time += 86_400_000 * 3) {
      const asOf = new Date(time);
      const expected = projectPresence(events, asOf);
      const period = periods.find((p) => p.validFrom <= asOf && (!p.validUntil || asOf < p.validUntil));
      const day = asOf.toISOString().slice(0, 10);
      if (!expected.status) {
        expect(period, day).toBeUndefined();
        continue;
      }
      expect(
        {
          status: period?.status,
          since: period?.since,
          sincePrecision: period?.sincePrecision,
          sinceEventId: period?.sinceEventId,
          peopleAffected: period?.peopleAffected,
        },
        day,
      ).toEqual({
        status: expected.status,
        since: expected.since,
        sincePrecision: expected.sincePrecision,
        sinceEventId: expected.statusEventIds[0],
        peopleAffected: expected.peopleAffected,
      });
    }
  });

  it("has no period for a presence without published status events", () => {
    expect(projectPeriods([event("2024-01-01", null), event("2024-02-01", "EXPELLED", { reviewState: "RETRACTED" })])).toEqual([]);
  });
});
