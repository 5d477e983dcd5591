import { describe, expect, it } from "vitest";
import { chooseReadServer, isReplicaFailure, parseLsn, replicaLagSeconds, type ReplicaStatus } from "@/lib/domain/read-routing";

const healthy = (replayedLsn: string, lagSeconds = 0.5): ReplicaStatus => ({ available: true, replayedLsn, lagSeconds });

describe("WAL positions", () => {
  it("compare as 64-bit numbers, the part before the slash first", () => {
    expect(parseLsn("0/3004098")).toBe(0x3004098n);
    expect(parseLsn("16/B374D848")).toBe(0x16n * 2n ** 32n + 0xb374d848n);
    expect(parseLsn("1/0") > parseLsn("0/FFFFFFFF")).toBe(true);
    expect(parseLsn("0/A") > parseLsn("0/9")).toBe(true); // hex, not text: "A" > "9", and "10" > "F"
    expect(parseLsn("0/10") > parseLsn("0/F")).toBe(true);
  });

  it("refuse what is not one", () => {
    for (const bad of ["", "0", "0/", "/1", "0/G", "0/123456789", "1/2/3"]) expect(() => parseLsn(bad)).toThrow();
  });
});

describe("where a read goes", () => {
  it("goes to the replica once it has replayed the reader's last write, and not a byte before", () => {
    expect(chooseReadServer(healthy("0/3004098"), "0/3004098", 30)).toBe("replica");
    expect(chooseReadServer(healthy("0/3004099"), "0/3004098", 30)).toBe("replica");
    expect(chooseReadServer(healthy("0/3004097"), "0/3004098", 30)).toBe("primary");
    expect(chooseReadServer(healthy("0/FFFFFFFF"), "1/0", 30)).toBe("primary");
  });

  it("sends a reader who never wrote to a healthy replica", () => {
    expect(chooseReadServer(healthy("0/1"), null, 30)).toBe("replica");
    expect(chooseReadServer(healthy("0/1"), undefined, 30)).toBe("replica");
  });

  it("sends everyone to the primary without a replica, while it is down, or further behind than allowed", () => {
    expect(chooseReadServer(null, null, 30)).toBe("primary");
    expect(chooseReadServer({ available: false, replayedLsn: null, lagSeconds: null }, null, 30)).toBe("primary");
    expect(chooseReadServer(healthy("0/1", 30), null, 30)).toBe("replica");
    expect(chooseReadServer(healthy("0/1", 30.1), null, 30)).toBe("primary");
    expect(chooseReadServer(healthy("0/1", Number.POSITIVE_INFINITY), null, 30)).toBe("primary");
  });
});

describe("a replica's lag", () => {
  it("is none when it has replayed what the primary had written, else the age of what it last replayed", () => {
    expect(replicaLagSeconds("0/5", "0/5", 120)).toBe(0);
    expect(replicaLagSeconds("0/5", "0/6", 120)).toBe(0);
    expect(replicaLagSeconds("0/6", "0/5", 3.5)).toBe(3.5);
    // Behind, and nothing replayed since it started: as far behind as can be.
    expect(replicaLagSeconds("0/6", "0/5", null)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("a failed read on the replica", () => {
  it("runs again on the primary when the replica went away or replay cancelled it, not for a bad query", () => {
    const failures = [
      { code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:5433" },
      { code: "57P01", message: "terminating connection due to administrator command" },
      { code: "08006", message: "connection failure" },
      { code: "40001", message: "canceling statement due to conflict with recovery" },
      { message: "Connection terminated unexpectedly" },
      { message: "timeout exceeded when trying to connect" },
    ];
    for (const error of failures) expect(isReplicaFailure(error), JSON.stringify(error)).toBe(true);
    const notFailures = [
      { code: "42P01", message: 'relation "x" does not exist' },
      { code: "40001", message: "could not serialize access due to concurrent update" },
      { code: "57014", message: "canceling statement due to statement timeout" },
      new Error("boom"),
      null,
    ];
    for (const error of notFailures) expect(isReplicaFailure(error), JSON.stringify(error)).toBe(false);
  });
});
