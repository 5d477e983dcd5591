import { describe, expect, it } from "vitest";
import { decodeChangeCursor, encodeChangeCursor } from "@/lib/domain/changes";

describe("change cursors", () => {
  it("round-trips a position, including values beyond 2^53", () => {
    const position = { txid: 9_007_199_254_740_993n, seq: 42n };
    expect(decodeChangeCursor(encodeChangeCursor(position))).toEqual(position);
    expect(encodeChangeCursor({ txid: 1n, seq: 2n })).toBe("c1.MS4y");
  });

  it("refuses what it did not make", () => {
    for (const bad of [
      "",
      "MS4y",
      "c1.",
      "c1.MS4",
      `c1.${Buffer.from("1.-2").toString("base64url")}`,
      `c1.${Buffer.from("1.2.3").toString("base64url")}`,
      `c1.${Buffer.from("9223372036854775808.1").toString("base64url")}`,
      `c1.${Buffer.from("1e3.1").toString("base64url")}`,
    ]) {
      expect(decodeChangeCursor(bad), bad).toBeNull();
    }
  });
});
